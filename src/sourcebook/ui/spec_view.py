"""SpecSheetView: a system's spec sheet in a tab, with print, preview and export.

The view shows the very QTextDocument that is printed and exported (sourcebook.sheets.printing);
clicking a citation mark or a note emits ``citationActivated(claim_id)``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTextBrowser, QToolBar, QVBoxLayout, QWidget

from sourcebook.errors import SourcebookError
from sourcebook.sheets.html import write_html
from sourcebook.sheets.model import SpecSheet, build_sheet
from sourcebook.sheets.printing import body_size, footer_text, page_layout, paint_pages, sheet_document, write_pdf

if TYPE_CHECKING:  # the app reads through store.quick.ReadLibrary; store.library would load SQLAlchemy
    from sourcebook.store.library import Library
    from sourcebook.store.quick import ReadLibrary


class SheetBrowser(QTextBrowser):
    """A QTextBrowser that follows no link and loads nothing from files or the network."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, type: int, name: QUrl) -> object:  # noqa: A002 - Qt's name
        return None  # the timeline is added to the document as a resource; nothing else is loaded


class SpecSheetView(QWidget):
    """One system's spec sheet: the document, and a toolbar to print and export it."""

    citationActivated = Signal(int)

    def __init__(self, lib: Library | ReadLibrary, entity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lib = lib
        self.library_name = lib.name
        self.generated = datetime.now().astimezone()
        self.sheet: SpecSheet = build_sheet(lib, entity_id)
        self.title = self.sheet.name
        self.page_size = "A4"
        self.document: QTextDocument = sheet_document(
            self.sheet, library_name=self.library_name, generated=self.generated, parent=self
        )
        self._paper: dict[float, QTextDocument] = {}  # the sheet laid out for paper, by body width
        self.browser = SheetBrowser(self)
        self.browser.setDocument(self.document)
        self.toolbar = QToolBar(self)
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, slot in (
            ("print", "Print…", self.print_sheet),
            ("preview", "Preview", self.print_preview),
            ("pdf", "Export PDF…", self._ask_pdf),
            ("html", "Export HTML…", self._ask_html),
        ):
            act = self.toolbar.addAction(text)
            act.triggered.connect(slot)
            self.actions_by_name[name] = act
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.browser)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.browser.anchorClicked.connect(self._on_anchor)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "claim":
            try:
                self.citationActivated.emit(int(url.path()))
            except ValueError:
                pass

    # printing --------------------------------------------------------------------------------

    def _footer(self) -> str:
        return footer_text(self.library_name, self.generated)

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.page_size))
        printer.setDocName(f"{self.title} — spec sheet")
        return printer

    def paper_document(self, printer: QPrinter) -> QTextDocument:
        """The same HTML as the view's document, laid out once at the printer's page width."""
        width = round(body_size(printer.pageLayout())[0], 3)
        doc = self._paper.get(width)
        if doc is None:
            doc = self._paper[width] = sheet_document(
                self.sheet, library_name=self.library_name, generated=self.generated, parent=self, width=width
            )
        return doc

    def paint(self, printer: QPrinter) -> int:
        return paint_pages(self.paper_document(printer), printer, title=self.title, footer=self._footer())

    def print_sheet(self) -> bool:
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(f"Print {self.title}")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self.paint(printer)
        return True

    def print_preview(self) -> None:
        dialog = QPrintPreviewDialog(self._printer(), self)
        dialog.setWindowTitle(f"Preview {self.title}")
        dialog.paintRequested.connect(self.paint)
        dialog.exec()

    # exports ---------------------------------------------------------------------------------

    def export_pdf(self, path: str | Path) -> int:
        return write_pdf(
            self.sheet, path, library_name=self.library_name, generated=self.generated, page_size=self.page_size
        )

    def export_html(self, path: str | Path) -> None:
        write_html(self.sheet, path, library_name=self.library_name, generated=self.generated)

    def _ask(self, caption: str, suffix: str, filt: str, write) -> None:  # type: ignore[no-untyped-def]
        path, _ = QFileDialog.getSaveFileName(self, caption, f"{self.title}{suffix}", filt)
        if not path:
            return
        try:
            write(path)
        except (SourcebookError, OSError) as e:
            QMessageBox.warning(self, caption, str(e))

    def _ask_pdf(self) -> None:
        self._ask("Export PDF", ".pdf", "PDF (*.pdf)", self.export_pdf)

    def _ask_html(self) -> None:
        self._ask("Export HTML", ".html", "HTML (*.html *.htm)", self.export_html)
