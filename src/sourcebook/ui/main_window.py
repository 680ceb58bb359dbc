"""The main window: library list, article tabs and fact sidebar, and the wiring between them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtWidgets import QMainWindow

from sourcebook.ui.settings import add_recent, app_settings, last_article_key, recent_libraries

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from sourcebook.store.library import Library
    from sourcebook.store.records import ArticleView, ClaimRecord, Summary
    from sourcebook.ui.history import History, Place
    from sourcebook.ui.loading import FirstPaint, Loaded
    from sourcebook.ui.tasks import TaskRunner

DEFAULT_SIZES = [280, 720, 400]


class MainWindow(QMainWindow):
    """Sourcebook's window; opening the library happens after it is shown (see open_library)."""

    libraryOpened = Signal()
    libraryFailed = Signal(str, int)  # message, exit status — only for the library opened at start-up
    contentRendered = Signal()

    def __init__(self, settings: QSettings | None = None, *, deferred: bool = False) -> None:
        """``deferred``: build only the frame now and the panes in build(), after the first paint."""
        super().__init__()
        self.settings = settings or app_settings()
        self._runner: TaskRunner | None = None  # made on first use: nothing before the first paint needs it
        self.lib: Library | None = None
        self.summary: Summary | None = None
        self._history: History | None = None
        self._rendered_once = False
        self._built = False
        self._first_paint: FirstPaint | None = None  # painted at start-up, the rest not yet read
        self.setWindowTitle("Sourcebook")
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        if not deferred:
            self.build()

    @property
    def runner(self) -> TaskRunner:
        if self._runner is None:
            from sourcebook.ui.tasks import TaskRunner

            self._runner = TaskRunner(self)
        return self._runner

    @property
    def history(self) -> History:
        if self._history is None:
            from sourcebook.ui.history import History

            self._history = History()
        return self._history

    def build(self) -> None:
        """Make the panes, menus and status bar (the modules they need are imported here)."""
        if self._built:
            return
        self._built = True
        # Qt's namespace and most widget classes are imported here, after the first paint: making
        # their enums costs tens of milliseconds that the bare window does not pay
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

        from sourcebook.ui.actions import build_actions
        from sourcebook.ui.article_pane import ArticlePane
        from sourcebook.ui.fact_sidebar import FactSidebar
        from sourcebook.ui.library_list import LibraryList
        from sourcebook.ui.search_box import SearchBox

        self.library_list = LibraryList(self)
        self.library_list.setAccessibleName("Library")
        self.article_pane = ArticlePane(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Article and spec sheets")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(self.article_pane, "Article")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.search = SearchBox(self)
        self.sidebar = FactSidebar(self.runner, self)
        self.sidebar.setAccessibleName("Facts")
        right = QWidget(self)
        col = QVBoxLayout(right)
        col.setContentsMargins(0, 8, 8, 0)
        col.setSpacing(0)
        col.addWidget(self.search)
        col.addWidget(self.sidebar, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        for w in (self.library_list, self.tabs, right):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.actions_ = build_actions(self)
        self.status_library = QLabel("", self)
        self.status_counts = QLabel("", self)
        self.status_selection = QLabel("", self)
        for lab in (self.status_library, self.status_counts, self.status_selection):
            lab.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.status_selection, 1)
        self.statusBar().addPermanentWidget(self.status_counts)
        self.statusBar().addPermanentWidget(self.status_library)
        self._restore_settings()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.library_list.articleActivated.connect(self.open_article)
        self.sidebar.claimActivated.connect(self.select_claim)
        self.sidebar.entityClicked.connect(self.open_sheet)
        self.sidebar.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.sidebar.searchFinished.connect(self._search_finished)
        self.search.queryChanged.connect(self.sidebar.set_query)
        self.article_pane.sentenceClicked.connect(self.select_sentence)
        self.article_pane.entityClicked.connect(self.open_sheet)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())

    # -- settings ---------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        split = s.value("window/splitter")
        if not (isinstance(split, QByteArray) and self.splitter.restoreState(split)):
            self.splitter.setSizes(DEFAULT_SIZES)

    def save_settings(self) -> None:
        if not self._built:
            return
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        if self.lib is not None and self.article_pane.article is not None:
            s.setValue(last_article_key(str(self.lib.path)), self.article_pane.article.id)
        s.sync()

    def closeEvent(self, e: QCloseEvent) -> None:
        self.save_settings()
        if not self._built:
            return super().closeEvent(e)
        self.runner.cancel("search")
        self.runner.cancel("open")
        super().closeEvent(e)

    # -- opening a library -----------------------------------------------------------------------
    def startup_target(self, path: str | None) -> tuple[str, bool, int | None]:
        """The file a library argument names, whether it is the bundled one, and its last article."""
        from sourcebook.paths import bundled_library

        bundled = path is None
        target = str(bundled_library()) if path is None else str(path)
        last = self.settings.value(last_article_key(target))
        try:
            last_id = int(last) if last is not None else None
        except (TypeError, ValueError):
            last_id = None
        return target, bundled, last_id

    def open_library(self, path: str | None = None, *, startup: bool = False) -> None:
        """Open a library off the GUI thread; None means the bundled one."""
        target, bundled, last_id = self.startup_target(path)
        if startup and self.lib is None and self._paint_first(target, bundled, last_id):
            # the article is on screen; the summary and the filters' lists are read on a worker
            from PySide6.QtCore import QTimer

            from sourcebook.ui.loading import load_library

            lib = self._first_paint.lib if self._first_paint is not None else None
            QTimer.singleShot(
                0,
                lambda: self.runner.run(
                    lambda: load_library(target, bundled, last_id, painted=True, lib=lib),
                    self._install,
                    lambda e: self._open_failed(e, startup),
                    key="open",
                ),
            )
            return
        from sourcebook.ui.loading import load_library

        if self._built:
            self.status_selection.setText(f"Opening {Path(target).name}…")
        self.runner.run(
            lambda: load_library(target, bundled, last_id),
            self._install,
            lambda e: self._open_failed(e, startup),
            key="open",
        )

    def _paint_first(self, target: str, bundled: bool, last_id: int | None) -> bool:
        """Show the article list and the first article, read on this thread in plain sqlite3 (a few
        milliseconds); False when that cannot be done (the full path then opens it, with its messages)."""
        from sourcebook.ui.loading import quick_first_paint

        try:
            first = quick_first_paint(target, bundled, last_id)
        except Exception:  # noqa: BLE001 - anything unusual goes the full way, which explains it
            return False
        if first.article is None:
            first.lib.close()
            return False
        from sourcebook.ui.claim_model import ClaimRow

        self.build()
        self._first_paint = first
        self.setWindowTitle(f"Sourcebook — {first.name}")
        self.status_library.setText(f"Library: {first.name}")
        self.status_library.setToolTip(str(target))
        self.library_list.model.set_library(None, first.articles or [])
        self._render(first.article, first.claims)
        # the sidebar lists the article's claims in source order, as it will once the library is open
        rows = [ClaimRow(c) for c in sorted(first.claims.values(), key=lambda c: (c.sentence_id, c.id))]
        side = self.sidebar
        side.model.show_article = False
        side.model.reset(None, first=(rows, len(rows)))
        n = len(rows)
        side.count.setText(f"{n:,} claim{'s' if n != 1 else ''} in this article")
        side.stack.setCurrentWidget(side.view if n else side.empty)
        if not self._rendered_once:
            self._rendered_once = True
            self.contentRendered.emit()
        return True

    def _open_failed(self, e: Exception, startup: bool) -> None:
        from sourcebook.ui.app import failure_message

        self.build()
        from PySide6.QtWidgets import QMessageBox

        message, code = failure_message(e)
        self.status_selection.setText("")
        if startup:
            self.article_pane.show_message("The library could not be opened.")
            self.libraryFailed.emit(message, code)
        else:
            QMessageBox.critical(self, "Sourcebook cannot open the library", message)

    def _install(self, loaded: Loaded) -> None:
        from sourcebook.ui.history import Place

        self.build()
        if self.lib is not None:
            self.lib.close()
        self.lib, self.summary = loaded.lib, loaded.summary
        self.history.clear()
        while self.tabs.count() > 1:
            self.close_tab(1)
        self.setWindowTitle(f"Sourcebook — {loaded.lib.name}")
        s = loaded.summary
        self.status_library.setText(f"Library: {loaded.lib.name}")
        self.status_library.setToolTip(str(loaded.lib.path))
        self.status_counts.setText(f"{plural(s.articles, 'article')} · {plural(s.claims, 'claim')}")
        first, self._first_paint = self._first_paint, None
        if first is None:
            self.status_selection.setText("")
        self.library_list.model.set_library(
            loaded.lib, first.articles if first is not None and first.articles is not None else loaded.articles
        )
        self.sidebar.set_library(loaded.lib, loaded.predicates, loaded.kinds)
        if not loaded.lib.bundled:
            add_recent(self.settings, str(Path(loaded.lib.path).resolve()))
        if first is not None and first.article is not None:
            view = self.article_pane.article or first.article  # already on screen: not laid out again
            self.library_list.show_current(view.id)
            self.sidebar.set_article(view.id)
            self.history.visit(Place("article", view.id))
        elif loaded.article is not None:
            self._render(loaded.article, loaded.claims)
            self.history.visit(Place("article", loaded.article.id))
        else:
            self.article_pane.show_message("This library has no articles yet.")
        self._update_actions()
        self.libraryOpened.emit()
        if not self._rendered_once:
            self._rendered_once = True
            self.contentRendered.emit()

    def choose_library(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(Path(self.lib.path).parent) if self.lib is not None else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Library", start, "Sourcebook libraries (*.sqlite *.db);;All files (*)"
        )
        if path:
            self.open_library(path)

    def fill_recent_menu(self) -> None:
        menu = self.actions_.recent_menu
        menu.clear()
        recent = recent_libraries(self.settings)
        for i, path in enumerate(recent, 1):
            act = menu.addAction(f"&{i} {Path(path).name}", lambda p=path: self.open_library(p))
            act.setStatusTip(path)
        if not recent:
            menu.addAction("No recent libraries").setEnabled(False)

    # -- articles and claims ------------------------------------------------------------------------
    def open_article(self, article_id: int) -> None:
        """Show an article the reader picked (recorded in the history)."""
        if self.show_article(article_id):
            from sourcebook.ui.history import Place

            self.history.visit(Place("article", article_id))
            self._update_actions()

    def show_article(self, article_id: int) -> bool:
        if self.lib is None:
            return False
        if self.article_pane.article is not None and self.article_pane.article.id == article_id:
            self.show_article_tab()
            return True
        from sourcebook.store import queries

        view = queries.article(self.lib, article_id)
        if view is None:
            return False
        from sourcebook.ui.loading import article_claims

        self._render(view, article_claims(self.lib, article_id))
        return True

    def _render(self, view: ArticleView, claims: dict[int, ClaimRecord]) -> None:
        self.article_pane.set_article(view, claims)
        title = view.title or view.slug
        self.tabs.setTabText(0, title if len(title) <= 42 else title[:40].rstrip() + "…")
        self.tabs.setTabToolTip(0, title)
        self.show_article_tab()
        self.library_list.show_current(view.id)
        self.sidebar.set_article(view.id)
        n = sum(len(s.claim_ids) for s in view.sentences)
        self.status_selection.setText(f"{title} — {n} claim{'s' if n != 1 else ''}")

    def show_article_tab(self, focus: bool = False) -> None:
        self.tabs.setCurrentIndex(0)
        if focus:
            self.article_pane.setFocus()

    def select_claim(self, claim_id: int, *, record: bool = True) -> bool:
        """Show a claim: open its article if need be, select its exact quote, mark it in the sidebar."""
        if self.lib is None:
            return False
        from sourcebook.store import queries
        from sourcebook.ui.claim_model import claim_sentence

        c = queries.claim(self.lib, claim_id)
        if c is None:
            return False
        if not self.show_article(c.article_id):
            return False
        self.show_article_tab()
        self.article_pane.select_span(c.quote_start, c.quote_end)
        self.sidebar.select_claims([c.id])
        if record:
            from sourcebook.ui.history import Place

            self.history.visit(Place("claim", c.id))
        self.status_selection.setText(f"Selected: {claim_sentence(c)}")
        self._update_actions()
        return True

    def select_sentence(self, sentence_id: int, claim_ids: list[int]) -> None:
        """A click on a marked sentence: its claims become the sidebar's selection."""
        if self.search.text():
            self.search.clear()
            self.search._fire()  # back to the article's claims now, not after the pause
        found = self.sidebar.select_claims(claim_ids)
        n = len(claim_ids)
        self.status_selection.setText(
            f"Sentence with {n} claim{'s' if n != 1 else ''}"
            + ("" if found == n else f" ({found} shown with these filters)")
        )
        self._update_actions()

    # -- history ---------------------------------------------------------------------------------
    def go_back(self) -> None:
        self._go(self.history.back())

    def go_forward(self) -> None:
        self._go(self.history.forward())

    def _go(self, place: Place | None) -> None:
        if place is None:
            return
        if place.kind == "claim":
            self.select_claim(place.id, record=False)
        else:
            self.show_article(place.id)
        self._update_actions()

    def step_article(self, step: int) -> None:
        from PySide6.QtCore import Qt

        view = self.library_list.view
        row = view.currentIndex().row() + step if view.currentIndex().isValid() else 0
        model = self.library_list.model
        if row >= model.rowCount() and model.canFetchMore():
            model.fetchMore()
        if 0 <= row < model.rowCount():
            self.open_article(int(model.index(row).data(Qt.ItemDataRole.UserRole + 2)))

    # -- spec sheets --------------------------------------------------------------------------------
    def open_sheet(self, entity_id: int) -> None:
        from sourcebook.ui import sheet_tabs

        if self.lib is not None:
            sheet_tabs.open_sheet(self.tabs, self.lib, entity_id, self.select_claim)
            self._update_actions()

    def open_selected_sheet(self) -> None:
        c = self.sidebar.current_claim()
        if c is None:
            return
        if c.subject_kind == "system":
            self.open_sheet(c.subject_id)
        elif c.object_kind == "system" and c.object_id is not None:
            self.open_sheet(c.object_id)

    def print_sheet(self) -> None:
        from sourcebook.ui import sheet_tabs

        w = self.tabs.currentWidget()
        if sheet_tabs.can_print(w):
            w.print_sheet()  # type: ignore[attr-defined]

    def close_tab(self, index: int) -> None:
        if index > 0:
            w = self.tabs.widget(index)
            self.tabs.removeTab(index)
            w.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    # -- edit / view ----------------------------------------------------------------------------------
    def copy_citation(self) -> None:
        claims = self.sidebar.selected_claims() or (
            [self.sidebar.current_claim()] if self.sidebar.current_claim() else []
        )
        if claims:
            from PySide6.QtGui import QGuiApplication

            QGuiApplication.clipboard().setText("\n\n".join(c.citation() for c in claims))
            self.status_selection.setText(f"Copied {len(claims)} claim{'s' if len(claims) != 1 else ''} with citation")

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.actions_.toggle_facts.setChecked(True)
        self.toggle_sidebar()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_article_filter(self) -> None:
        from PySide6.QtCore import Qt

        self.actions_.toggle_list.setChecked(True)
        self.toggle_library_list()
        self.library_list.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.library_list.filter.selectAll()

    def toggle_library_list(self) -> None:
        self.library_list.setVisible(self.actions_.toggle_list.isChecked())

    def toggle_sidebar(self) -> None:
        self.splitter.widget(2).setVisible(self.actions_.toggle_facts.isChecked())

    def show_about(self) -> None:
        from sourcebook.ui.about import show_about

        show_about(self, self.summary)

    def _search_finished(self, query: str, n: int) -> None:
        if n >= 0:
            self.status_selection.setText(f"{n:,} claim{'s' if n != 1 else ''} match “{query}”")

    def _update_actions(self) -> None:
        from sourcebook.ui import sheet_tabs

        a = self.actions_
        a.back.setEnabled(self.history.can_back())
        a.forward.setEnabled(self.history.can_forward())
        a.print.setEnabled(sheet_tabs.can_print(self.tabs.currentWidget()))
        a.close_tab.setEnabled(self.tabs.currentIndex() > 0)
        has_claim = bool(self.sidebar.view.selectionModel().hasSelection() or self.sidebar.current_claim())
        a.copy_claim.setEnabled(has_claim)
        a.spec.setEnabled(has_claim)


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
