"""Maps between Python string offsets in an article's text and QTextDocument positions.

The document holds the article's blocks one per QTextBlock, so a block's text starts at a
position of its own; inside a block Qt counts UTF-16 units, so a character outside the BMP
(an emoji) takes two positions where Python counts one.
"""

from __future__ import annotations

from bisect import bisect_right


def utf16_len(s: str) -> int:
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


class TextMap:
    """Pieces of source text placed in a document: (text start, text end, document start)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._src: list[int] = []
        self._end: list[int] = []
        self._doc: list[int] = []
        self._wide: list[list[int] | None] = []  # per piece: source offsets of non-BMP chars

    def add(self, start: int, end: int, doc_start: int) -> None:
        piece = self._text[start:end]
        wide = [start + i for i, ch in enumerate(piece) if ord(ch) > 0xFFFF] or None
        self._src.append(start)
        self._end.append(end)
        self._doc.append(doc_start)
        self._wide.append(wide)

    def to_doc(self, offset: int) -> int | None:
        """The document position of a text offset (an end offset maps to just past its character)."""
        i = bisect_right(self._src, offset) - 1
        if i < 0 or offset > self._end[i]:
            return None
        extra = 0
        if self._wide[i]:
            extra = bisect_right(self._wide[i], offset - 1)
        return self._doc[i] + (offset - self._src[i]) + extra

    def to_text(self, pos: int) -> int | None:
        """The text offset at a document position, or None between pieces."""
        i = bisect_right(self._doc, pos) - 1
        if i < 0:
            return None
        units = pos - self._doc[i]
        offset = self._src[i]
        if self._wide[i]:
            for w in self._wide[i]:
                if offset + units <= w:
                    break
                units -= 1  # the wide character ate one more unit
        offset += units
        return offset if offset <= self._end[i] else None
