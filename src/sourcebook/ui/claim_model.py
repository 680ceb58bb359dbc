"""The claims list as a lazily fetched Qt model over the store's query API (pages of 50)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from sourcebook.store.records import ClaimRecord

PAGE = 50  # a screenful and more; the rest is fetched as the list scrolls
_ROOT = QModelIndex()  # the (invalid) parent of every row

ClaimRole = Qt.ItemDataRole.UserRole + 1
SegmentsRole = Qt.ItemDataRole.UserRole + 2  # the quote in (text, matched) pieces
GroupRole = Qt.ItemDataRole.UserRole + 3  # the group heading this row falls under, or ""
HeaderRole = Qt.ItemDataRole.UserRole + 4  # True on the first row of a group
ClaimIdRole = Qt.ItemDataRole.UserRole + 5


@dataclass(frozen=True)
class ClaimRow:
    claim: ClaimRecord
    segments: tuple[tuple[str, bool], ...] | None = None


# A source of rows: (offset, limit) -> (rows, how many raw results were consumed).
# Fewer consumed than asked means there is nothing more.
Fetch = Callable[[int, int], tuple[list[ClaimRow], int]]


def claim_sentence(c: ClaimRecord) -> str:
    """The claim as a line a person reads: 'K2 — manufacturer — Hyundai Rotem'."""
    obj = c.object_display()
    if not obj and c.value is not None:
        obj = f"{c.value:g}" + (f" {c.unit}" if c.unit else "")
    head = f"{c.subject} — {c.predicate.replace('_', ' ')}"
    return f"{head} — {obj}" if obj else head


def qualifier_text(c: ClaimRecord) -> str:
    parts = [f"{k.replace('_', ' ')} {v}" for k, v in c.qualifiers.items() if v not in (None, "", [])]
    if c.value is not None and c.object_display() and f"{c.value:g}" not in c.object_display():
        parts.append(f"{c.value:g}" + (f" {c.unit}" if c.unit else ""))
    return " · ".join(parts)


def group_of(c: ClaimRecord, group: str) -> str:
    if group == "subject":
        return c.subject
    if group == "predicate":
        return c.predicate.replace("_", " ")
    if group == "article":
        return c.article_title
    return ""


class ClaimModel(QAbstractListModel):
    """Claims from a fetch function, a page at a time, with roles for the record and highlights."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ClaimRow] = []
        self._fetch: Fetch | None = None
        self._consumed = 0
        self._more = False
        self._group = ""
        self.show_article = True  # whether rows name their article (not when all are from one)

    # -- what to show ---------------------------------------------------------------------
    def reset(self, fetch: Fetch | None, *, first: tuple[list[ClaimRow], int] | None = None, group: str = "") -> None:
        """Show rows from a new source; ``first`` is a page already fetched (e.g. by a worker)."""
        self.beginResetModel()
        self._fetch = fetch
        self._group = group
        self._rows = []
        self._consumed = 0
        self._more = fetch is not None
        if first is not None:
            self._take(*first)
        self.endResetModel()

    def clear(self) -> None:
        self.reset(None)

    def _take(self, rows: list[ClaimRow], consumed: int) -> None:
        self._rows.extend(rows)
        self._consumed += consumed
        self._more = consumed >= PAGE

    # -- lazy fetching ----------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more and self._fetch is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        rows, consumed = self._fetch(self._consumed, PAGE)  # type: ignore[misc]
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._take(rows, consumed)
            self.endInsertRows()
        else:
            self._take(rows, consumed)

    # -- reading ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        c = row.claim
        if role == Qt.ItemDataRole.DisplayRole:
            return claim_sentence(c)
        if role == Qt.ItemDataRole.ToolTipRole:
            return None  # the row shows it all; a tooltip would only repeat it
        if role == Qt.ItemDataRole.AccessibleTextRole:
            extra = qualifier_text(c)
            return f"{claim_sentence(c)}{', ' + extra if extra else ''}, {c.status}, from {c.article_title}"
        if role == ClaimRole:
            return c
        if role == ClaimIdRole:
            return c.id
        if role == SegmentsRole:
            return row.segments if row.segments is not None else ((c.quote, False),)
        if role == GroupRole:
            return group_of(c, self._group)
        if role == HeaderRole:
            if not self._group:
                return False
            prev = self._rows[index.row() - 1].claim if index.row() else None
            return prev is None or group_of(prev, self._group) != group_of(c, self._group)
        return None

    def claim_at(self, row: int) -> ClaimRecord | None:
        return self._rows[row].claim if 0 <= row < len(self._rows) else None

    def row_of(self, claim_id: int, *, fetch: bool = True, max_pages: int = 20) -> int:
        """The row of a claim, fetching more pages (a bounded number) until it appears; -1 if not."""
        pages = 0
        while True:
            for i, r in enumerate(self._rows):
                if r.claim.id == claim_id:
                    return i
            if not fetch or not self.canFetchMore() or pages >= max_pages:
                return -1
            self.fetchMore()
            pages += 1

    @property
    def group(self) -> str:
        return self._group
