"""Back / Forward over what the reader looked at (articles and claims), like a browser's history."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    kind: str  # "article" | "claim"
    id: int


class History:
    """A list with a cursor; visiting a new place drops what was forward of it."""

    def __init__(self, limit: int = 500) -> None:
        self._places: list[Place] = []
        self._at = -1
        self._limit = limit

    def visit(self, place: Place) -> None:
        if self.current == place:
            return
        del self._places[self._at + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._at = len(self._places) - 1

    @property
    def current(self) -> Place | None:
        return self._places[self._at] if self._at >= 0 else None

    def can_back(self) -> bool:
        return self._at > 0

    def can_forward(self) -> bool:
        return self._at < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_back():
            return None
        self._at -= 1
        return self._places[self._at]

    def forward(self) -> Place | None:
        if not self.can_forward():
            return None
        self._at += 1
        return self._places[self._at]

    def clear(self) -> None:
        self._places.clear()
        self._at = -1
