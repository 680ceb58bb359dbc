"""The window's actions, menus and toolbar: every command has a menu entry and a key."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar

if TYPE_CHECKING:
    from sourcebook.ui.main_window import MainWindow

Std = QKeySequence.StandardKey


def _action(win: MainWindow, text: str, slot, keys=None, tip: str = "", icon=None) -> QAction:  # type: ignore[no-untyped-def]
    a = QAction(text, win)
    if keys is not None:
        if isinstance(keys, QKeySequence.StandardKey):
            a.setShortcuts(keys)
        else:
            a.setShortcut(QKeySequence(keys))
    if tip:
        a.setStatusTip(tip)
        a.setToolTip(tip)
    if icon is not None:
        a.setIcon(win.style().standardIcon(icon))
    a.triggered.connect(lambda _checked=False: slot())
    win.addAction(a)  # shortcuts work even when the menu bar is hidden
    return a


def build_actions(win: MainWindow) -> SimpleNamespace:
    sp = QStyle.StandardPixmap
    a = SimpleNamespace()
    a.open = _action(
        win, "&Open Library…", win.choose_library, Std.Open, "Open another library file", sp.SP_DialogOpenButton
    )
    a.print = _action(win, "&Print Spec Sheet…", win.print_sheet, Std.Print, "Print the spec sheet in view")
    a.close_tab = _action(win, "&Close Tab", win.close_current_tab, Std.Close, "Close the spec sheet in view")
    a.quit = _action(win, "&Quit", win.close, Std.Quit)
    a.copy_claim = _action(
        win,
        "Copy Claim with &Citation",
        win.copy_citation,
        "Ctrl+Shift+C",
        "Copy the selected claims with their sources",
    )
    a.find = _action(win, "&Find…", win.focus_search, Std.Find, "Search every claim in the library")
    a.filter_articles = _action(win, "Filter &Articles…", win.focus_article_filter, "Ctrl+L")
    a.focus_list = _action(win, "Go to &Library List", lambda: win.library_list.view.setFocus(), "Ctrl+1")
    a.focus_article = _action(win, "Go to &Article", lambda: win.show_article_tab(focus=True), "Ctrl+2")
    a.focus_facts = _action(win, "Go to &Facts", lambda: win.sidebar.view.setFocus(), "Ctrl+3")
    a.zoom_in = _action(win, "&Larger Text", lambda: win.article_pane.zoom(1), Std.ZoomIn)
    a.zoom_out = _action(win, "&Smaller Text", lambda: win.article_pane.zoom(-1), Std.ZoomOut)
    a.zoom_reset = _action(win, "&Normal Size", lambda: win.article_pane.zoom(0), "Ctrl+0")
    a.toggle_list = _action(win, "Show Library &List", win.toggle_library_list, "Ctrl+Shift+L")
    a.toggle_list.setCheckable(True)
    a.toggle_list.setChecked(True)
    a.toggle_facts = _action(win, "Show &Facts", win.toggle_sidebar, "Ctrl+Shift+F")
    a.toggle_facts.setCheckable(True)
    a.toggle_facts.setChecked(True)
    a.back = _action(win, "&Back", win.go_back, Std.Back, "Back to what you read before (Alt+Left)", sp.SP_ArrowBack)
    a.forward = _action(win, "&Forward", win.go_forward, Std.Forward, "Forward again (Alt+Right)", sp.SP_ArrowForward)
    a.next_article = _action(win, "&Next Article", lambda: win.step_article(1), "Ctrl+PgDown")
    a.prev_article = _action(win, "&Previous Article", lambda: win.step_article(-1), "Ctrl+PgUp")
    a.spec = _action(
        win,
        "Open &Spec Sheet of Selected Claim",
        win.open_selected_sheet,
        "Ctrl+E",
        "Open the spec sheet of the system the selected claim is about",
    )
    a.about = _action(win, "&About Sourcebook", win.show_about)
    for act in (a.back, a.forward, a.print, a.copy_claim, a.spec):
        act.setEnabled(False)

    mb = win.menuBar()
    m = mb.addMenu("&File")
    m.addAction(a.open)
    a.recent_menu = m.addMenu("Open &Recent")
    a.recent_menu.aboutToShow.connect(win.fill_recent_menu)
    m.addSeparator()
    m.addAction(a.print)
    m.addAction(a.close_tab)
    m.addSeparator()
    m.addAction(a.quit)
    m = mb.addMenu("&Edit")
    m.addAction(a.copy_claim)
    m.addSeparator()
    m.addAction(a.find)
    m.addAction(a.filter_articles)
    m = mb.addMenu("&View")
    for act in (
        a.focus_list,
        a.focus_article,
        a.focus_facts,
        None,
        a.toggle_list,
        a.toggle_facts,
        None,
        a.zoom_in,
        a.zoom_out,
        a.zoom_reset,
    ):
        m.addSeparator() if act is None else m.addAction(act)
    m = mb.addMenu("&Go")
    for act in (a.back, a.forward, None, a.prev_article, a.next_article, None, a.spec):
        m.addSeparator() if act is None else m.addAction(act)
    m = mb.addMenu("&Help")
    m.addAction(a.about)

    tb = QToolBar("Navigation", win)
    tb.setObjectName("navigation")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    tb.setAccessibleName("Navigation")
    tb.addAction(a.back)
    tb.addAction(a.forward)
    tb.addSeparator()
    tb.addAction(a.open)
    win.addToolBar(tb)
    a.toolbar = tb
    return a
