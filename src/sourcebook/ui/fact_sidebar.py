"""The right pane: the claims of the current article, or of the whole library when searching."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sourcebook.ui.claim_delegate import ClaimDelegate
from sourcebook.ui.claim_model import PAGE, ClaimIdRole, ClaimModel, ClaimRole, ClaimRow

if TYPE_CHECKING:
    from sourcebook.store.library import Library
    from sourcebook.store.records import ClaimRecord, SearchResult
    from sourcebook.ui.tasks import TaskRunner

SORTS = (("Source order", "source"), ("Subject", "subject"), ("Predicate", "predicate"), ("Article", "article"))


_LAST_WORD = re.compile(r"(?:^|\s)\w+$")


def as_you_type(query: str) -> str:
    """The query with its last word read as a prefix, so 'deliver' finds 'delivery' while typing."""
    if query.count('"') % 2 == 0 and _LAST_WORD.search(query) and query.split()[-1].upper() != "OR":
        return query + "*"
    return query


def search_heading(res: SearchResult, typed: str) -> str:
    """The count line over search results: '12 claims match “x”', or, when more match than are
    counted (store.fts.COUNT_CAP), '10,000+ claims match “x” — newest first': so many rows all
    contain the words that ranking them all would cost time and tell the reader nothing."""
    plural = "s" if res.total_claims != 1 or res.claims_capped else ""
    text = f"{res.claims_text()} claim{plural} match “{typed}”"
    if res.claim_order == "newest":
        text += " — newest first"
    return text


def _queries():  # type: ignore[no-untyped-def]
    from sourcebook.store import queries

    return queries


def _records():  # type: ignore[no-untyped-def]
    from sourcebook.store import records

    return records


class FactSidebar(QWidget):
    """Lists claims; emits claimActivated(id) when the reader picks one, entityClicked(id) on a system name."""

    claimActivated = Signal(int)
    entityClicked = Signal(int)
    searchFinished = Signal(str, int)  # query, number of matching claims

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.lib: Library | None = None
        self.article_id: int | None = None
        self.query = ""
        self._quiet = False
        self.model = ClaimModel(self)
        self.heading = QLabel("Facts", self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setWeight(font.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.heading.setFont(font)
        self.count = QLabel("", self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setAccessibleName("Result count")
        self.count.setForegroundRole(self.count.foregroundRole())
        self.count.setWordWrap(True)
        self.predicate = QComboBox(self)
        self.predicate.setAccessibleName("Filter by predicate")
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Filter by subject kind")
        self.scope = QComboBox(self)
        self.scope.setAccessibleName("Which articles")
        self.scope.addItem("This article", "article")
        self.scope.addItem("All articles", "all")
        self.sort = QComboBox(self)
        self.sort.setAccessibleName("Group by")
        for label, key in SORTS:
            self.sort.addItem(label, key)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.delegate = ClaimDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setAccessibleName("Claims")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setMouseTracking(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-measure their quotes on resize
        self.empty = QLabel("", self)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setContentsMargins(16, 40, 16, 16)
        self.empty.setAccessibleName("No claims")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self._build_layout()
        self._connect_signals()

    def _build_layout(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.predicate, 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(self.scope, 1, 0)
        grid.addWidget(self.sort, 1, 1)
        top = QVBoxLayout()
        top.setContentsMargins(12, 10, 12, 6)
        top.setSpacing(4)
        top.addWidget(self.heading)
        top.addWidget(self.count)
        top.addSpacing(4)
        top.addLayout(grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    def _connect_signals(self) -> None:
        for combo in (self.predicate, self.kind, self.scope, self.sort):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.activated.connect(self._activated)
        self.delegate.entityClicked.connect(self.entityClicked)

    # -- what to list -------------------------------------------------------------------------
    def set_library(self, lib: Library | None, predicates: list[str], kinds: tuple[str, ...]) -> None:
        self.lib, self.article_id, self.query = lib, None, ""
        for combo, first, items in ((self.predicate, "All predicates", predicates), (self.kind, "All kinds", kinds)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for it in items:
                combo.addItem(it.replace("_", " "), it)
            combo.blockSignals(False)
        self.refresh()

    def set_article(self, article_id: int | None) -> None:
        if article_id == self.article_id:
            return
        self.article_id = article_id
        if self.scope.currentData() == "article" or self.query:
            self.refresh()

    def set_query(self, query: str) -> None:
        self.query = query.strip() and query
        self.refresh()

    def _filter(self):  # type: ignore[no-untyped-def]
        this_article = self.scope.currentData() == "article" and not self.query
        return _records().ClaimFilter(
            article_id=self.article_id if this_article else None,
            predicate=self.predicate.currentData(),
            subject_kind=self.kind.currentData(),
        )

    def _passes(self, c: ClaimRecord) -> bool:
        pred, kind = self.predicate.currentData(), self.kind.currentData()
        return (pred is None or c.predicate == pred) and (kind is None or c.subject_kind == kind)

    def refresh(self) -> None:
        """List anew for the current library, article, query and filters."""
        if self.lib is None:
            self.model.clear()
            self._show_empty("No library is open.")
            return
        sort = self.sort.currentData()
        self.scope.setEnabled(not self.query)  # a search always spans the library
        self.sort.setEnabled(not self.query)  # search results come best (or, past the cap, newest) first
        if self.query:
            self._search(self.query)
            return
        self._runner.cancel("search")
        lib, f, q = self.lib, self._filter(), _queries()
        if f.article_id is None and self.scope.currentData() == "article":
            self.model.clear()
            self._set_heading("Facts", "")
            self._show_empty("Choose an article to see its facts.")
            return

        def fetch(offset: int, limit: int) -> tuple[list[ClaimRow], int]:
            rows = q.claims(lib, f, offset=offset, limit=limit, sort=sort)
            return [ClaimRow(r) for r in rows], len(rows)

        self.model.show_article = f.article_id is None
        self.model.reset(fetch, first=fetch(0, PAGE), group="" if sort == "source" else sort)
        n = q.claim_count(lib, f)
        where = "in this article" if f.article_id is not None else "in the library"
        self._set_heading("Facts", f"{n:,} claim{'s' if n != 1 else ''} {where}")
        if n == 0:
            self._show_empty("No claims " + where + (" pass the filters." if f.predicate or f.subject_kind else "."))
        else:
            self.stack.setCurrentWidget(self.view)

    def _search(self, query: str) -> None:
        lib, q, passes = self.lib, _queries(), self._passes
        self._set_heading("Search results", f"Searching for “{query}”…")
        typed = query
        query = as_you_type(query)

        def fetcher(order: str):  # type: ignore[no-untyped-def]
            def fetch(offset: int, limit: int) -> tuple[list[ClaimRow], int]:
                # later pages in the order the first page came in: no overlaps, no gaps
                res = q.search(lib, query, limit=limit, offset=offset, with_totals=False, sentences=False, order=order)
                return [ClaimRow(h.claim, h.segments) for h in res.claims if passes(h.claim)], len(res.claims)

            return fetch

        def first() -> tuple[SearchResult, list[ClaimRow], int]:
            res = q.search(lib, query, limit=PAGE, offset=0, with_totals=True, sentences=False)
            return res, [ClaimRow(h.claim, h.segments) for h in res.claims if passes(h.claim)], len(res.claims)

        def done(out: tuple[SearchResult, list[ClaimRow], int]) -> None:
            res, rows, consumed = out
            self.model.show_article = True
            self.model.reset(fetcher(res.claim_order), first=(rows, consumed))
            filtered = self.predicate.currentData() or self.kind.currentData()
            n = res.total_claims
            text = search_heading(res, typed)
            if filtered:
                text += " (filters apply)"
            self._set_heading("Search results", text)
            if not rows:
                name = lib.name if lib is not None else "the library"
                words = any(ch.isalnum() for ch in typed)
                self._show_empty(
                    f"No claims match “{typed}”.\n\nSearched the subjects, predicates, objects and quotes of "
                    f"every claim in {name}" + (" that pass the filters." if filtered and n else ".")
                    if words
                    else f"“{typed}” has no words to search for."
                )
            else:
                self.stack.setCurrentWidget(self.view)
            self.searchFinished.emit(typed, n)

        def failed(e: Exception) -> None:
            self.model.clear()
            self._set_heading("Search results", "")
            self._show_empty(f"Search for “{typed}” failed: {e}")
            self.searchFinished.emit(typed, -1)

        self._runner.run(first, done, failed, key="search")

    def _set_heading(self, title: str, count: str) -> None:
        self.heading.setText(title)
        self.count.setText(count)

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    # -- selection ----------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.claimActivated.emit(int(current.data(ClaimIdRole)))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.claimActivated.emit(int(index.data(ClaimIdRole)))

    def select_claims(self, claim_ids: list[int] | tuple[int, ...]) -> int:
        """Select the rows of these claims without emitting; returns how many were found."""
        rows = [r for r in (self.model.row_of(cid) for cid in claim_ids) if r >= 0]
        sel = QItemSelection()
        for r in rows:
            sel.select(self.model.index(r), self.model.index(r))
        sm = self.view.selectionModel()
        self._quiet = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            sm.select(sel, flags)
            if rows:
                sm.setCurrentIndex(self.model.index(rows[0]), QItemSelectionModel.SelectionFlag.NoUpdate)
                self.view.scrollTo(self.model.index(rows[0]))
        finally:
            self._quiet = False
        return len(rows)

    def selected_claims(self) -> list[ClaimRecord]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [self.model.index(r).data(ClaimRole) for r in rows]

    def current_claim(self) -> ClaimRecord | None:
        idx = self.view.currentIndex()
        return idx.data(ClaimRole) if idx.isValid() else None
