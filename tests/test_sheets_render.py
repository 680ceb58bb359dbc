"""Rendering a sheet: escaped HTML, the timeline, and PDFs read back with pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from factories import C, add_article, new_library
from test_sheets_model import lib, sheet, sheet_library  # noqa: F401 - fixtures

from sourcebook.sheets.html import render_html, write_html
from sourcebook.sheets.model import build_sheet
from sourcebook.sheets.timeline import svg
from sourcebook.store import queries

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
SCRIPT = "<script>alert(1)</script>"


def pdf_text(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def long_library(path: Path, n: int = 70):  # type: ignore[no-untyped-def]
    """One system with many deliveries and capabilities: a sheet of several pages."""
    long_lib = new_library(path)
    sentences, claims = [], []
    for i in range(n):
        year = 1960 + i % 60
        s = f"Russia delivered {i + 2} launchers of Buk-M3 to Serbia in {year} under deal number {i}."
        sentences.append(s)
        claims.append(
            C(
                "Buk-M3",
                "delivered_to",
                s[:-1],
                "Serbia",
                object_kind="country",
                qualifiers={"supplier": "Russia", "year": year, "quantity": i + 2, "unit": "launchers"},
            )
        )
    for i in range(12):
        s = f"The Buk-M3 can engage target type {i} at a range of {30 + i} km in any weather."
        sentences.append(s)
        claims.append(
            C(
                "Buk-M3",
                "capability",
                f"range of {30 + i} km",
                f"{30 + i} km",
                qualifiers={"attribute": f"range against type {i}", "value": 30 + i, "unit": "km"},
            )
        )
    add_article(long_lib, "buk-long", "Buk-M3 Deliveries\n" + " ".join(sentences) + "\n", claims)
    return long_lib


def test_html_escapes_every_value_from_the_text(sheet):  # noqa: F811
    html = render_html(sheet, library_name="<lib>", generated="2026-01-01")
    assert SCRIPT not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; launcher &amp; radar" in html
    assert "A &lt;b&gt;bold&lt;/b&gt; claim &amp; more" in html
    assert "&lt;lib&gt;" in html


def test_html_marks_link_to_notes_and_qt_marks_to_claims(sheet):  # noqa: F811
    file_html = render_html(sheet, library_name="l", generated="g")
    assert 'href="#note-1"' in file_html and 'name="note-1"' in file_html
    assert "<svg" in file_html and "DISPUTED" in file_html
    qt_html = render_html(sheet, library_name="l", generated="g", mode="qt")
    claim_id = sheet.notes[0].claim_ids[0]
    assert f'href="claim:{claim_id}"' in qt_html and "<svg" not in qt_html


def test_timeline_svg_draws_every_lane_and_year():
    from sourcebook.sheets.model import Event

    out = svg([Event(2009, "agreement", "<x>", (1,)), Event(2014, "delivery", "a", (2,))])
    assert out.startswith("<svg") and "2009" in out and "2014" in out and "&lt;x&gt;" in out
    assert svg([]) == ""


def test_html_export_is_written_whole(tmp_path, sheet):  # noqa: F811
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "sheet.html"
    write_html(sheet, out, library_name="l", generated="g")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.parent.iterdir()] == ["sheet.html"]


@needs_pdftotext
def test_pdf_holds_values_quotes_and_literal_markup(tmp_path, sheet):  # noqa: F811
    from sourcebook.sheets.printing import write_pdf

    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "tor.pdf"
    pages = write_pdf(sheet, out, library_name="test library", generated="2026-01-01 10:00", page_size="Letter")
    text = flat(pdf_text(out))
    for value in (
        "Almaz-Antey",
        "12 km",
        "up to 16 km",
        "DISPUTED",
        "2 batteries",
        "Oct 25, 2017",
        "2009 accord",
        "Zapad",
        "unknown",
        "Russia signed a contract on Oct 25, 2017 to supply two batteries of Tor-M2",
        "Its range is up to 16 km.",
        SCRIPT,
        "A <b>bold</b> claim & more",
        "credit: Mil.by",
    ):
        assert value in text, value
    assert f"Page 1 of {pages}" in text and "test library" in text
    assert [p.name for p in out.parent.iterdir()] == ["tor.pdf"]


@needs_pdftotext
def test_long_sheet_breaks_between_rows_and_repeats_the_table_header(tmp_path):
    from sourcebook.sheets.printing import write_pdf

    with long_library(tmp_path / "long.sqlite") as long_lib:
        sheet = build_sheet(long_lib, queries.find_entity(long_lib, "buk m3").id)
    out = tmp_path / "long.pdf"
    pages = write_pdf(sheet, out, library_name="long", generated="2026-01-01")
    assert pages >= 3
    texts = [flat(pdf_text(out, p)) for p in range(1, pages + 1)]
    register_pages = [i for i, t in enumerate(texts) if "delivery reported" in t]
    assert len(register_pages) >= 2
    for i in register_pages[1:]:
        assert "Supplier Recipient Quantity" in texts[i]  # the header row is repeated
    for note in sheet.notes:  # every quoted sentence is whole on one page
        assert any(flat(note.sentence) in t for t in texts), note.sentence
    for i, t in enumerate(texts, start=1):
        assert f"Page {i} of {pages}" in t and "Buk-M3" in t


@needs_pdftotext
def test_pdf_draws_the_timeline_as_vectors_where_the_document_has_it(tmp_path, sheet):  # noqa: F811
    """The chart is painted from its SVG (text and paths in the PDF), not embedded as a picture."""
    from sourcebook.sheets.printing import _timeline_rect, body_size, page_layout, sheet_document, write_pdf

    doc = sheet_document(sheet, library_name="l", generated="g", width=body_size(page_layout("A4"))[0])
    doc.documentLayout().documentSize()
    rect = _timeline_rect(doc)
    assert rect is not None and rect.width() > 600 and rect.height() > 80
    out = tmp_path / "tor.pdf"
    write_pdf(sheet, out, library_name="l", generated="g")
    text = flat(pdf_text(out))
    assert "Contracts" in text and "Deliveries" in text and "Exercises" in text  # the chart's own labels
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True).stdout
    assert not any(line.split()[3:5] != ["1", "1"] for line in images.splitlines()[2:] if len(line.split()) > 4)


def test_notes_are_one_paragraph_each_with_every_citation(sheet):  # noqa: F811
    html = render_html(sheet, library_name="l", generated="g", mode="qt")
    assert html.count('<p class="note">') == len(sheet.notes)
    assert 'class="notes"' not in html  # no table per note list, no nested cells
    for n in sheet.notes:
        assert f'name="note-{n.number}"' in html and f'href="claim:{n.claim_ids[0]}"' in html


def test_paper_marks_are_text_not_links_and_look_the_same(sheet):  # noqa: F811
    qt = render_html(sheet, library_name="x", generated="2026-01-01", mode="qt")
    paper = render_html(sheet, library_name="x", generated="2026-01-01", mode="paper")
    assert "<a " not in paper and "href=" not in paper and 'class="mark"' in paper and 'class="nn"' in paper
    assert re.sub(r"<[^>]+>", "", qt) == re.sub(r"<[^>]+>", "", paper)  # the same text
    assert re.findall(r'class="(\w+)"', qt) == re.findall(r'class="(\w+)"', paper)  # styled alike


def test_a_big_pdf_does_not_exhaust_references_to_none(tmp_path):
    """PySide6 6.12 on Python 3.11 drops a reference to None per void Qt call; writing a PDF must not
    abort a process that has not guarded against it (the ``spec --pdf`` command)."""
    import os
    import sys

    code = """if True:
        import sys
        from test_sheets_render import long_library
        from sourcebook.sheets.model import build_sheet
        from sourcebook.sheets.printing import write_pdf
        from sourcebook.store import queries
        from pathlib import Path
        lib = long_library(Path(sys.argv[1]) / "lib.sqlite", n=400)
        sheet = build_sheet(lib, queries.find_entity(lib, "Buk-M3").id)
        for _ in range(3):  # ~3,000 void calls each; None starts with a few thousand references
            write_pdf(sheet, sys.argv[1] + "/buk.pdf", library_name="x", generated="2026-01-01")
    """
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join([str(Path(__file__).parent), str(Path(__file__).parents[1] / "src")]),
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], env=env, capture_output=True, text=True, timeout=300
    )
    assert r.returncode == 0, r.stderr[-2000:]
