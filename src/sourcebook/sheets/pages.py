"""Where the pages of a laid-out QTextDocument break, so that nothing is cut in two.

The document is laid out once, as one long page (no page height); its paragraphs and table rows
are *units* that a page break must not cross. A heading and a table's header row stay with what
follows them. A page that continues a table repeats that table's header row at its top.

Units are read from the layout the document already has: one rectangle per paragraph of the
root frame and one per table row (the top of its first cell), so finding the breaks costs a few
calls per row, not per paragraph inside the cells.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtGui import QAbstractTextDocumentLayout, QTextDocument, QTextFrame, QTextTable

ROW_GAP = 4.0  # cell padding + border above a row's text, in document units


@dataclass
class Unit:
    top: float  # where a page may start, just above the unit
    bottom: float
    header: tuple[float, float] | None = None  # the header row of its table, to repeat
    keep_next: bool = False


@dataclass(frozen=True)
class Page:
    top: float
    bottom: float
    header: tuple[float, float] | None  # a table header slice painted above the page's content


def _table_rows(doc: QTextDocument, layout: QAbstractTextDocumentLayout, table: QTextTable) -> list[Unit]:
    """One unit per row of a table: from just above its first cell's text to the next row's."""
    n_rows, n_cols = table.rows(), table.columns()
    if n_rows == 0:
        return []
    tops = [
        layout.blockBoundingRect(doc.findBlock(table.cellAt(r, 0).firstPosition())).top() - ROW_GAP
        for r in range(n_rows)
    ]
    last = (
        max(
            layout.blockBoundingRect(doc.findBlock(table.cellAt(n_rows - 1, c).lastPosition())).bottom()
            for c in range(n_cols)
        )
        + ROW_GAP
    )
    bottoms = [*tops[1:], last]
    n_head = table.format().headerRowCount()
    header = (tops[0], bottoms[n_head - 1]) if 0 < n_head < n_rows else None
    return [
        Unit(tops[r], max(bottoms[r], tops[r]), header=header if r >= n_head else None, keep_next=r < n_head)
        for r in range(n_rows)
    ]


def units(doc: QTextDocument) -> list[Unit]:
    """The unbreakable units of the root frame, top to bottom."""
    layout = doc.documentLayout()
    out: list[Unit] = []
    for it in doc.rootFrame():
        frame = it.currentFrame()
        if isinstance(frame, QTextTable):
            out.extend(_table_rows(doc, layout, frame))
        elif isinstance(frame, QTextFrame):
            rect = layout.frameBoundingRect(frame)
            out.append(Unit(rect.top(), rect.bottom()))
        else:
            block = it.currentBlock()
            rect = layout.blockBoundingRect(block)
            out.append(Unit(rect.top(), rect.bottom(), keep_next=block.blockFormat().headingLevel() > 0))
    return _merge_kept(out)


def _merge_kept(found: list[Unit]) -> list[Unit]:
    """A unit that keeps with the next one becomes one unit with it."""
    out: list[Unit] = []
    pending: Unit | None = None
    for u in found:
        if pending is not None:
            pending.bottom = max(pending.bottom, u.bottom)
            pending.keep_next = u.keep_next
            if not u.keep_next:
                out.append(pending)
                pending = None
            continue
        if u.keep_next:
            pending = Unit(u.top, u.bottom, u.header, True)
        else:
            out.append(u)
    if pending is not None:
        out.append(pending)
    return out


def paginate(doc: QTextDocument, height: float) -> list[Page]:
    """Pages of a laid-out document for a page body ``height`` high, breaking between units."""
    total = doc.documentLayout().documentSize().height()
    found = units(doc)
    tops = [u.top for u in found]
    pages: list[Page] = []
    top, header = 0.0, None
    while top < total - 0.5:
        head_h = header[1] - header[0] if header else 0.0
        limit = top + height - head_h
        if limit >= total:
            pages.append(Page(top, total, header))
            break
        cut, next_header = limit, None
        for u in found[bisect_right(tops, top + 1) :]:  # units that start on this page, in order
            if u.top < cut < u.bottom:
                cut, next_header = u.top, u.header
            elif u.top >= cut:
                break
        pages.append(Page(top, cut, header))
        top, header = cut, next_header
    return pages or [Page(0.0, max(total, 1.0), None)]
