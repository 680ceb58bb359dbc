"""Where the pages of a laid-out QTextDocument break, so that nothing is cut in two.

The document is laid out as one long page; its paragraphs and table rows are *units* that a
page break must not cross. A heading and a table's header row stay with what follows them.
A page that continues a table repeats that table's header row at its top.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextCursor, QTextDocument

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


def units(doc: QTextDocument) -> list[Unit]:
    layout = doc.documentLayout()
    out: list[Unit] = []
    rows: dict[tuple[int, int], Unit] = {}
    headers: dict[int, tuple[float, float]] = {}
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        table = QTextCursor(block).currentTable()
        if table is None:
            heading = block.blockFormat().headingLevel() > 0
            out.append(Unit(rect.top(), rect.bottom(), keep_next=heading))
        else:
            tid = table.firstPosition()
            row = table.cellAt(block.position()).row()
            unit = rows.get((tid, row))
            if unit is None:
                n_head = table.format().headerRowCount()
                unit = Unit(rect.top() - ROW_GAP, rect.bottom() + ROW_GAP, keep_next=row < n_head)
                if n_head and row >= n_head:
                    unit.header = headers.get(tid)
                rows[(tid, row)] = unit
                out.append(unit)
            else:
                unit.top = min(unit.top, rect.top() - ROW_GAP)
                unit.bottom = max(unit.bottom, rect.bottom() + ROW_GAP)
            if row == 0 and table.format().headerRowCount():
                headers[tid] = (unit.top, unit.bottom)
        block = block.next()
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
    pages: list[Page] = []
    top, header = 0.0, None
    while top < total - 0.5:
        head_h = header[1] - header[0] if header else 0.0
        limit = top + height - head_h
        if limit >= total:
            pages.append(Page(top, total, header))
            break
        cut, next_header = limit, None
        for u in found:
            if u.top < cut < u.bottom and u.top > top + 1:
                cut, next_header = u.top, u.header
            elif u.top >= cut:
                break
        pages.append(Page(top, cut, header))
        top, header = cut, next_header
    return pages or [Page(0.0, max(total, 1.0), None)]
