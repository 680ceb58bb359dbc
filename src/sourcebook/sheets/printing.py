"""Qt side of the sheets: the HTML as a QTextDocument, painted page by page with header and footer.

The document is laid out once, in 96-dpi units, as one long page as wide as the page's body
(``sheet_document(..., width=...)`` sets the width before the HTML goes in, so the first layout
is the one printed); ``pages.paginate`` reads the page breaks between paragraphs and table rows
off that layout; each page is then painted from the same layout, clipped to its own slice and
scaled to the device's resolution, between a header (the system's name) and a footer (library,
generation date, page n of m). A document laid out at another width (the app's view) is copied
once and laid out at the page's width. The app, the printer and the PDF export all go through
``sheet_document`` and ``paint_pages``.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer

from sourcebook.fileio import temporary_beside
from sourcebook.sheets import timeline as chart
from sourcebook.sheets.html import TIMELINE_URL, render_html
from sourcebook.sheets.model import SpecSheet
from sourcebook.sheets.pages import paginate

DOC_DPI = 96.0
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(16, 12, 16, 12)
BAND = 30.0  # header and footer height, in document units
PDF_DPI = 300  # coordinates of a PDF; text and rules are vectors at any resolution
FONT_FAMILY = "DejaVu Sans"

_app: QGuiApplication | None = None


def pin_none() -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None on every call of a Qt method that
    returns nothing (painter.save(), setPen(), QTextLayout.setCacheEnabled(), ...): a PDF of a
    big sheet makes thousands of them, and a process that has not guarded against it (the
    ``spec --pdf`` command: a sheet of 5,000 claims) aborts with "none_dealloc". As the app does
    at start-up (``ui.app.pin_none``): give None references enough for any run. Python 3.12 made
    None immortal."""
    global _none_pinned
    if not _none_pinned and sys.version_info < (3, 12) and sys.implementation.name == "cpython":
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    _none_pinned = True


_none_pinned = False


def ensure_gui() -> None:
    """An application object for fonts and painting; offscreen when there is no display.

    A QApplication (not only a QGuiApplication), so that widgets may still be made later in the
    same process, as in the app and its tests.
    """
    global _app
    pin_none()
    if QGuiApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    _app = QApplication([])


TIMELINE_SCALE = 4  # on screen the chart is a picture drawn at 4x its size
TIMELINE_SVG = "sourcebookTimelineSvg"  # property of a paper document: the chart, drawn as vectors


def timeline_image(sheet: SpecSheet) -> QImage | None:
    svg = chart.svg(sheet.timeline)
    if not svg:
        return None
    w, h = chart.size(sheet.timeline)
    image = QImage(w * TIMELINE_SCALE, h * TIMELINE_SCALE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(svg.encode("utf-8")).render(painter)
    painter.end()
    image.setDevicePixelRatio(TIMELINE_SCALE)
    return image


def sheet_document(
    sheet: SpecSheet, *, library_name: str, generated: datetime | str, parent=None, width: float | None = None
) -> QTextDocument:  # type: ignore[no-untyped-def]
    """The sheet as a QTextDocument, links as claim:ID, the timeline as an image resource.

    With ``width`` (document units, see ``body_size``) the document is for paper: laid out at
    that width from the start (``paint_pages`` paints it from this one layout, and its lines keep
    their shaped glyphs from layout to painting), its marks and note numbers are styled text, not
    links (``render_html``'s "paper" mode: the same page), and its timeline is left blank in the
    text, to be drawn by ``paint_pages`` from the chart's SVG as vector graphics.
    """
    doc = QTextDocument(parent)
    doc.setDefaultFont(QFont(FONT_FAMILY, 9))
    doc.setDocumentMargin(2)
    if width is None:
        image = timeline_image(sheet)
    else:
        doc.setTextWidth(width)
        svg = chart.svg(sheet.timeline)
        image = None
        if svg:
            image = QImage(1, 1, QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            doc.setProperty(TIMELINE_SVG, svg)
    if image is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(TIMELINE_URL), image)
    doc.setHtml(
        render_html(sheet, library_name=library_name, generated=generated, mode="qt" if width is None else "paper")
    )
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, sheet.name)
    if width is not None:
        _keep_shaping(doc)
    return doc


def _timeline_rect(doc: QTextDocument) -> QRectF | None:
    """Where the laid-out document has the timeline's picture, in document units."""
    cursor = doc.find("\ufffc")
    while not cursor.isNull():
        fmt = cursor.charFormat()
        if fmt.isImageFormat() and fmt.toImageFormat().name() == TIMELINE_URL:
            image = fmt.toImageFormat()
            block = cursor.block()
            pos = cursor.selectionStart() - block.position()
            line = block.layout().lineForTextPosition(pos)
            if not line.isValid():
                return None
            origin = doc.documentLayout().blockBoundingRect(block).topLeft()
            x = line.cursorToX(pos)[0]
            top = line.y() + line.ascent() - image.height()
            return QRectF(origin.x() + x, origin.y() + top, image.width(), image.height())
        cursor = doc.find("\ufffc", cursor)
    return None


def _keep_shaping(doc: QTextDocument) -> None:
    """Let every paragraph keep its shaped text after layout, so painting does not shape it again."""
    block = doc.begin()
    while block.isValid():
        block.layout().setCacheEnabled(True)
        block = block.next()


def page_layout(page_size: str = "A4") -> QPageLayout:
    size = QPageSize(PAGE_SIZES.get(page_size, QPageSize.PageSizeId.A4))
    return QPageLayout(size, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter)


def body_size(layout: QPageLayout) -> tuple[float, float]:
    """Width and height of a page's paint rectangle in document units (96 per inch)."""
    rect = layout.paintRect(QPageLayout.Unit.Inch)
    return rect.width() * DOC_DPI, rect.height() * DOC_DPI


def _band(painter: QPainter, rect: QRectF, left: str, right: str, *, top: bool) -> None:
    painter.save()
    painter.setPen(QPen(QColor("#8a94a3"), 0.6))
    y = rect.bottom() - 6 if top else rect.top() + 6
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    font = QFont(FONT_FAMILY)
    font.setPixelSize(11 if top else 9)  # document units: 96 per inch
    font.setBold(top)
    painter.setFont(font)
    painter.setPen(QColor("#0d2b4e" if top else "#555555"))
    text_rect = (
        QRectF(rect.left(), rect.top(), rect.width(), rect.height() - 9)
        if top
        else QRectF(rect.left(), rect.top() + 9, rect.width(), rect.height() - 9)
    )
    align = Qt.AlignmentFlag.AlignBottom if top else Qt.AlignmentFlag.AlignTop
    painter.drawText(text_rect, int(align | Qt.AlignmentFlag.AlignLeft), left)
    painter.drawText(text_rect, int(align | Qt.AlignmentFlag.AlignRight), right)
    painter.restore()


def paint_pages(doc: QTextDocument, device: QPagedPaintDevice, *, title: str, footer: str) -> int:
    """Paint a document on a printer or PDF writer, page by page; returns the number of pages.

    A document already laid out at the page's width (``sheet_document(..., width=...)``) is
    painted from its layout as it is; any other is copied and laid out at that width once.
    """
    pin_none()
    scale = device.resolution() / DOC_DPI
    width, height = body_size(device.pageLayout())
    if abs(doc.textWidth() - width) > 0.01 or doc.pageSize().height() > 0:
        doc = doc.clone()  # its timeline stays the picture it has
        doc.setTextWidth(width)
    pages = paginate(doc, height - 2 * BAND)
    svg = doc.property(TIMELINE_SVG)
    chart_rect = _timeline_rect(doc) if svg else None
    renderer = QSvgRenderer(svg.encode("utf-8")) if chart_rect is not None else None
    n = len(pages)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint on the output device")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(scale, scale)
        for i, page in enumerate(pages):
            if i and not device.newPage():
                raise OSError("cannot start a new page")
            _band(painter, QRectF(0, 0, width, BAND), title, "Spec sheet", top=True)
            _band(painter, QRectF(0, height - BAND, width, BAND), footer, f"Page {i + 1} of {n}", top=False)
            y = BAND
            if page.header:
                y += _slice(painter, doc, page.header[0], page.header[1], y, width)
            _slice(painter, doc, page.top, page.bottom, y, width)
            if renderer is not None and page.top <= chart_rect.top() < page.bottom:
                renderer.render(painter, chart_rect.translated(0, y - page.top))
    finally:
        painter.end()
    return n


def _slice(painter: QPainter, doc: QTextDocument, top: float, bottom: float, at: float, width: float) -> float:
    """Paint the part of ``doc`` between ``top`` and ``bottom`` at height ``at``; returns its height."""
    painter.save()
    painter.translate(0, at - top)
    doc.drawContents(painter, QRectF(0, top, width, bottom - top))
    painter.restore()
    return bottom - top


def footer_text(library_name: str, generated: datetime | str) -> str:
    when = generated.strftime("%Y-%m-%d %H:%M") if isinstance(generated, datetime) else str(generated)
    return f"{library_name} · generated {when} · Sourcebook"


def write_pdf(
    sheet: SpecSheet,
    path: str | os.PathLike[str],
    *,
    library_name: str,
    generated: datetime | str,
    page_size: str = "A4",
) -> int:
    """Write the sheet as a PDF, atomically (a temporary file renamed over the destination)."""
    ensure_gui()
    layout = page_layout(page_size)
    doc = sheet_document(sheet, library_name=library_name, generated=generated, width=body_size(layout)[0])
    with temporary_beside(Path(path), ".pdf") as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(layout)
        writer.setTitle(f"{sheet.name} — spec sheet")
        writer.setCreator("Sourcebook")
        pages = paint_pages(doc, writer, title=sheet.name, footer=footer_text(library_name, generated))
        del writer  # closes and flushes the file before the rename
    return pages
