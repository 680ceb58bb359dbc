"""Untrusted article text stays text; offsets map exactly; broken libraries end in a message and status 2."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from PySide6.QtGui import QTextCursor, QTextDocument  # noqa: E402

from sourcebook.store import queries  # noqa: E402
from sourcebook.store.library import open_library  # noqa: E402
from sourcebook.ui import app  # noqa: E402
from sourcebook.ui.article_pane import ArticlePane  # noqa: E402
from sourcebook.ui.text_map import TextMap  # noqa: E402


@pytest.fixture
def pane_with(qtbot, ui_library):  # type: ignore[no-untyped-def]
    lib = open_library(ui_library)
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.resize(700, 600)
    pane.show()

    def show(slug: str):  # type: ignore[no-untyped-def]
        view = queries.article(lib, queries.article_id_for(lib, slug))
        pane.set_article(view, {})
        return view

    yield pane, show
    lib.close()


def test_a_hostile_article_renders_as_literal_text(pane_with, qtbot):  # type: ignore[no-untyped-def]
    pane, show = pane_with
    view = show("hostile")
    qtbot.wait(50)
    text = pane.document().toPlainText()
    for literal in (
        "<b>Hostile</b> & <i>odd</i> article",
        "<script>alert(1)</script>",
        "<img src=file:///etc/passwd>",
        '<a href="http://example.com/">a link</a>',
        "مرحبا بالعالم",
        "‮reversed‬",
        "😀",
        "&amp;",
        "&lt;tag&gt;",
    ):
        assert literal in text
    assert pane.resource_requests == []
    html = pane.document().toHtml()
    assert "<img" not in html.replace("&lt;img", "")
    assert "<script" not in html.replace("&lt;script", "")
    # every block of the article is there, in order, exactly
    blocks = [view.text[b.start : b.end] for b in view.blocks]
    assert text.split("\n") == blocks


def test_links_and_resources_are_the_apps_to_handle(pane_with):  # type: ignore[no-untyped-def]
    pane, _show = pane_with
    assert not pane.openLinks() and not pane.openExternalLinks()
    from PySide6.QtCore import QUrl

    assert pane.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl("file:///etc/passwd")) is None
    assert pane.resource_requests == ["file:///etc/passwd"]


def test_offsets_map_exactly_around_emoji(pane_with):  # type: ignore[no-untyped-def]
    pane, show = pane_with
    view = show("emoji")
    for s in view.sentences:
        a, b = pane.doc_range(s.start, s.end)
        cur = QTextCursor(pane.document())
        cur.setPosition(a)
        cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        assert cur.selectedText() == view.text[s.start : s.end]
        assert pane._map.to_text(a) == s.start and pane._map.to_text(b) == s.end


@given(st.lists(st.text(alphabet=st.sampled_from("ab 😀🇷é\u200f<>&"), max_size=12), min_size=1, max_size=5))
def test_text_map_round_trips(pieces):  # type: ignore[no-untyped-def]
    text = "\n".join(pieces)
    tmap, doc_pos, start = TextMap(text), 0, 0
    doc = ""
    for p in pieces:
        tmap.add(start, start + len(p), doc_pos)
        doc += p.encode("utf-16-le").decode("utf-16-le") + "\n"
        doc_pos += len(p.encode("utf-16-le")) // 2 + 1
        start += len(p) + 1
    start = 0
    for p in pieces:
        for i in range(len(p) + 1):
            pos = tmap.to_doc(start + i)
            assert pos is not None
            assert tmap.to_text(pos) == start + i
        start += len(p) + 1


@pytest.mark.parametrize(
    "content", [None, b"", b"this is not a database at all, just words\n" * 10, b"SQLite format 3\x00" + b"\x00" * 200]
)
def test_a_missing_or_corrupt_library_gives_a_message_and_status_2(tmp_path, content):  # type: ignore[no-untyped-def]
    path = tmp_path / "broken.sqlite"
    if content is not None:
        path.write_bytes(content)
    message, code = app.library_error(str(path))
    assert code == 2
    assert str(path) in message
    assert "\n" in message and "--db" in message  # what to do comes after the reason
    assert "Traceback" not in message


def test_a_library_of_another_version_gives_a_message_and_status_2(ui_library):  # type: ignore[no-untyped-def]
    import sqlite3

    con = sqlite3.connect(ui_library)
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    message, code = app.library_error(str(ui_library))
    assert code == 2 and "999" in message


def test_run_app_on_a_missing_library_shows_the_dialog_and_exits_2(tmp_path):  # type: ignore[no-untyped-def]
    # in a process of its own, as a user would meet it; the dialog is replaced by a recorder
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.critical = staticmethod(lambda parent, title, text: print('DIALOG', title, '|', text))\n"
        "from sourcebook.ui.app import run_app\n"
        "sys.exit(run_app(sys.argv[1]))\n"
    )
    src = str(Path(app.__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONPATH=src, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "nowhere.sqlite")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert out.stdout.count("DIALOG") == 1 and "no such library file" in out.stdout
    assert "Traceback" not in out.stderr


def test_an_existing_library_opens_without_error(ui_library):  # type: ignore[no-untyped-def]
    assert app.library_error(str(ui_library)) is None


def test_no_display_is_one_line_before_qt_can_abort():
    from sourcebook.ui.app import display_problem

    assert "no display" in display_problem({"PATH": "/usr/bin"})
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
