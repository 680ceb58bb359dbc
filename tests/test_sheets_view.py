"""SpecSheetView: the document in a browser that loads nothing, citations as signals, exports."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QUrl
from test_sheets_model import sheet_library

from sourcebook.store import queries


@pytest.fixture
def view(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from sourcebook.ui.spec_view import SpecSheetView

    lib = sheet_library(tmp_path / "lib.sqlite")
    v = SpecSheetView(lib, queries.find_entity(lib, "tor-m2").id)
    qtbot.addWidget(v)
    yield v
    lib.close()


def test_view_shows_the_sheet_with_a_title_and_toolbar(view):
    assert view.title == "Tor-M2"
    text = view.browser.toPlainText()
    assert "Almaz-Antey" in text and "<script>alert(1)</script>" in text
    assert [a.text() for a in view.toolbar.actions()] == ["Print…", "Preview", "Export PDF…", "Export HTML…"]
    assert not view.browser.openLinks() and not view.browser.openExternalLinks()


def test_clicking_a_citation_emits_its_claim(view, qtbot):
    claim_id = view.sheet.notes[0].claim_ids[0]
    with qtbot.waitSignal(view.citationActivated) as blocker:
        view.browser.anchorClicked.emit(QUrl(f"claim:{claim_id}"))
    assert blocker.args == [claim_id]


def test_browser_loads_no_files_or_remote_resources(view, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"x")
    for url in (QUrl.fromLocalFile(str(secret)), QUrl("https://example.com/x.png")):
        assert view.browser.loadResource(2, url) is None


def test_printing_to_a_pdf_printer_paints_pages(view, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = view._printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert view.paint(printer) >= 1
    del printer
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_exports_write_pdf_and_html(view, tmp_path):
    import subprocess

    view.export_pdf(tmp_path / "v.pdf")
    view.export_html(tmp_path / "v.html")
    text = subprocess.run(["pdftotext", str(tmp_path / "v.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Tor-M2" in text and "Almaz-Antey" in text
    assert "Almaz-Antey" in (tmp_path / "v.html").read_text(encoding="utf-8")


def test_opening_a_sheet_in_the_app_does_not_import_sqlalchemy(tmp_path):
    """The app reads through store.quick.ReadLibrary; a spec sheet must not load SQLAlchemy (+44 MB)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    sheet_library(tmp_path / "lib.sqlite").close()
    code = """if True:
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from sourcebook.store import queries
        from sourcebook.store.quick import ReadLibrary
        from sourcebook.ui.spec_view import SpecSheetView
        lib = ReadLibrary(sys.argv[1])
        view = SpecSheetView(lib, queries.find_entity(lib, "tor-m2").id)
        view.show()
        app.processEvents()
        assert "Almaz-Antey" in view.browser.toPlainText()
        print(sorted(m for m in sys.modules if m.split(".")[0] == "sqlalchemy"))
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).parents[1] / "src"))
    r = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "lib.sqlite")], env=env, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "[]"


def test_printing_lays_the_sheet_out_for_paper_once(view, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from sourcebook.sheets.printing import body_size

    printer = view._printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paper = view.paper_document(printer)
    assert paper is not view.document and paper.toPlainText() == view.document.toPlainText()
    # the same page, its marks styled text instead of links (claim:ID means nothing on paper)
    assert 'href="claim:' in view.document.toHtml() and "href=" not in paper.toHtml()
    assert abs(paper.textWidth() - body_size(printer.pageLayout())[0]) < 0.01
    assert view.paper_document(printer) is paper  # the preview repaints from the same layout
