"""The main window: claims and their quotes, sentences and their claims, search, history, settings."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402

from sourcebook.store import queries  # noqa: E402
from sourcebook.store.library import open_library  # noqa: E402
from sourcebook.store.records import ClaimFilter  # noqa: E402
from sourcebook.ui.claim_model import ClaimIdRole, SegmentsRole  # noqa: E402
from sourcebook.ui.main_window import MainWindow  # noqa: E402


def _open(qtbot, path):  # type: ignore[no-untyped-def]
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.libraryOpened, timeout=10000):
        win.open_library(str(path))
    return win


@pytest.fixture
def lib(ui_library):  # type: ignore[no-untyped-def]
    lib = open_library(ui_library)
    yield lib
    lib.close()


@pytest.fixture
def win(qtbot, ui_library):  # type: ignore[no-untyped-def]
    w = _open(qtbot, ui_library)
    yield w
    w.runner.wait()


def _claim(lib, slug, quote):  # type: ignore[no-untyped-def]
    return next(c for c in queries.claims(lib, limit=None) if c.article_slug == slug and c.quote == quote)


def _article_id(lib, slug):  # type: ignore[no-untyped-def]
    return queries.article_id_for(lib, slug)


def test_window_title_names_the_library(win):  # type: ignore[no-untyped-def]
    assert win.windowTitle() == "Sourcebook — ui"
    assert win.article_pane.article is not None


@pytest.mark.parametrize(
    "slug,quote",
    [
        ("seed", "manufactured by a Russian state-owned Air and Space Defense Corporation, Almaz-Antey"),
        ("seed", "additional deliveries in 2012 and 2014"),
        ("emoji", "Its radar 📡 sees far"),  # after emoji in the title, caption and text: UTF-16 offsets differ
        ("hostile", "<script>alert(1)</script>"),
    ],
)
def test_selecting_a_claim_selects_exactly_its_quote(win, lib, slug, quote):  # type: ignore[no-untyped-def]
    c = _claim(lib, slug, quote)
    assert win.select_claim(c.id)
    assert win.article_pane.article.id == c.article_id
    assert win.article_pane.textCursor().selectedText() == c.quote == quote


def test_clicking_a_claim_row_in_the_sidebar_selects_its_quote(win, lib, qtbot):  # type: ignore[no-untyped-def]
    win.open_article(_article_id(lib, "seed"))
    view, model = win.sidebar.view, win.sidebar.model
    target = _claim(lib, "seed", "The first delivery was facilitated in 2011")
    row = model.row_of(target.id)
    assert row >= 0
    view.scrollTo(model.index(row))
    rect = view.visualRect(model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(0, 10))
    assert model.index(row).data(ClaimIdRole) == target.id
    assert win.article_pane.textCursor().selectedText() == target.quote


def test_a_claim_from_another_article_opens_that_article_first(win, lib):  # type: ignore[no-untyped-def]
    win.open_article(_article_id(lib, "seed"))
    c = _claim(lib, "emoji", "entered service in 2007")
    win.select_claim(c.id)
    assert win.article_pane.article.slug == "emoji"
    assert win.tabs.currentIndex() == 0
    assert win.article_pane.textCursor().selectedText() == "entered service in 2007"


def test_clicking_a_sentence_selects_its_claims(win, lib, qtbot):  # type: ignore[no-untyped-def]
    win.open_article(_article_id(lib, "seed"))
    c = _claim(lib, "seed", "The first delivery was facilitated in 2011")
    pane = win.article_pane
    a, _b = pane.doc_range(c.quote_start + 4, c.quote_start + 5)
    cur = QTextCursor(pane.document())
    cur.setPosition(a)
    pane.setTextCursor(cur)
    pane.ensureCursorVisible()
    point = pane.cursorRect(cur).center() + QPoint(2, 0)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    selected = {x.id for x in win.sidebar.selected_claims()}
    sentence = next(s for s in pane.article.sentences if s.start <= c.quote_start < s.end)
    assert selected == set(sentence.claim_ids)
    assert c.id in selected


def test_hovering_a_marked_sentence_lists_its_claims(win, lib):  # type: ignore[no-untyped-def]
    win.open_article(_article_id(lib, "seed"))
    pane = win.article_pane
    c = _claim(lib, "seed", "ten tracked targets")
    s = next(s for s in pane.article.sentences if c.id in s.claim_ids)
    tip = pane._tooltip(s)
    assert "Tor-M2 — tracked targets — 10 targets" in tip


def test_typing_a_search_filters_the_sidebar_and_marks_matches(win, qtbot):  # type: ignore[no-untyped-def]
    qtbot.keyClicks(win.search, "processed")
    qtbot.waitUntil(lambda: win.sidebar.query == "processed" and "match" in win.sidebar.count.text(), timeout=5000)
    model = win.sidebar.model
    assert model.rowCount() == 1
    segments = model.index(0).data(SegmentsRole)
    assert ("processed", True) in segments
    assert win.sidebar.count.text().startswith("1 claim match")


def test_a_search_with_no_hits_says_what_was_searched(win, qtbot):  # type: ignore[no-untyped-def]
    win.search.setText("zebrafish")
    qtbot.waitUntil(lambda: win.sidebar.stack.currentWidget() is win.sidebar.empty, timeout=5000)
    assert "zebrafish" in win.sidebar.empty.text()
    for odd in ('"', "(", "AND OR NOT", "*", "^-:"):
        win.search.setText(odd)
        win.search._fire()
        qtbot.waitUntil(lambda o=odd: o in win.sidebar.count.text() or o in win.sidebar.empty.text(), timeout=5000)


def test_clearing_the_search_shows_the_article_claims_again(win, lib, qtbot):  # type: ignore[no-untyped-def]
    win.open_article(_article_id(lib, "seed"))
    n = win.sidebar.model.rowCount()
    win.search.setText("Belarus")
    qtbot.waitUntil(lambda: "match" in win.sidebar.count.text(), timeout=5000)
    win.search.clear()
    qtbot.waitUntil(lambda: win.sidebar.query == "", timeout=5000)
    seed = ClaimFilter(article_id=_article_id(lib, "seed"))
    assert win.sidebar.model.rowCount() == n == queries.claim_count(lib, seed)


def test_back_and_forward_walk_the_history(win, lib, qtbot):  # type: ignore[no-untyped-def]
    first = _claim(lib, "seed", "ten tracked targets")
    second = _claim(lib, "emoji", "entered service in 2007")
    win.select_claim(first.id)
    win.select_claim(second.id)
    qtbot.keyClick(win, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert win.article_pane.article.slug == "seed"
    assert win.article_pane.textCursor().selectedText() == first.quote
    assert win.actions_.forward.isEnabled()
    qtbot.keyClick(win, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert win.article_pane.article.slug == "emoji"
    assert win.article_pane.textCursor().selectedText() == second.quote
    assert not win.actions_.forward.isEnabled()


def test_clicking_a_system_name_opens_its_spec_sheet_tab(win, lib):  # type: ignore[no-untyped-def]
    win.open_article(_article_id(lib, "seed"))
    m = next(m for m in win.article_pane.article.mentions if m.kind == "system")
    win.article_pane.anchorClicked.emit(__import__("PySide6.QtCore").QtCore.QUrl(f"entity:{m.entity_id}"))
    assert win.tabs.count() == 2 and win.tabs.currentIndex() == 1
    assert win.tabs.tabText(1) == "Tor-M2"
    win.article_pane.entityClicked.emit(m.entity_id)
    assert win.tabs.count() == 2  # the same sheet is not opened twice
    sheet = win.tabs.widget(1)
    c = _claim(lib, "seed", "ten tracked targets")
    sheet.citationActivated.emit(c.id)
    assert win.tabs.currentIndex() == 0
    assert win.article_pane.textCursor().selectedText() == c.quote


def test_copy_claim_puts_its_citation_on_the_clipboard(win, lib):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    c = _claim(lib, "seed", "ten tracked targets")
    win.select_claim(c.id)
    win.actions_.copy_claim.trigger()
    assert QGuiApplication.clipboard().text() == c.citation()


def test_settings_are_restored_in_a_second_window(qtbot, ui_library, lib):  # type: ignore[no-untyped-def]
    first = _open(qtbot, ui_library)
    first.resize(701, 523)  # within the offscreen screen, which clamps geometry
    first.splitter.setSizes([150, 300, 240])
    sizes = first.splitter.sizes()
    first.open_article(_article_id(lib, "emoji"))
    first.close()
    second = _open(qtbot, ui_library)
    assert (second.size().width(), second.size().height()) == (701, 523)
    assert second.splitter.sizes() == sizes
    assert second.article_pane.article.slug == "emoji"
    second.close()


def test_search_as_you_type_matches_a_word_being_typed(win, qtbot):  # type: ignore[no-untyped-def]
    win.search.setText("deliver")
    qtbot.waitUntil(lambda: "match “deliver”" in win.sidebar.count.text(), timeout=5000)
    assert win.sidebar.model.rowCount() >= 3
    assert any(m and "deliver" in t.lower() for t, m in win.sidebar.model.index(0).data(SegmentsRole))
