"""The library's articles as a lazily fetched list model (title, credit, number of claims)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from sourcebook.store.library import Library
    from sourcebook.store.records import ArticleRow

PAGE = 200
_ROOT = QModelIndex()  # the (invalid) parent of every row
ArticleRole = Qt.ItemDataRole.UserRole + 1
ArticleIdRole = Qt.ItemDataRole.UserRole + 2


def _queries():  # type: ignore[no-untyped-def]
    from sourcebook.store import queries  # imported when first needed: the ORM is slow to import

    return queries


def credit_line(a: ArticleRow) -> str:
    n = f"{a.claim_count} claim" + ("" if a.claim_count == 1 else "s")
    return f"Photo: {', '.join(a.credits)}  ·  {n}" if a.credits else n


class ArticleListModel(QAbstractListModel):
    """Articles in title order, 200 at a time, narrowed by a title filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lib: Library | None = None
        self._filter = ""
        self._rows: list[ArticleRow] = []
        self._more = False

    def set_library(self, lib: Library | None, first: list[ArticleRow] | None = None) -> None:
        self.beginResetModel()
        self._lib = lib
        self._filter = ""
        self._rows = list(first) if first is not None else []
        self._more = lib is not None and (first is None or len(first) >= PAGE)
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        if text == self._filter:
            return
        self.beginResetModel()
        self._filter = text
        self._rows = []
        self._more = self._lib is not None
        self.endResetModel()

    @property
    def filter_text(self) -> str:
        return self._filter

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if not self.canFetchMore(parent) or self._lib is None:
            return
        rows = _queries().articles(self._lib, offset=len(self._rows), limit=PAGE, title_filter=self._filter)
        self._more = len(rows) >= PAGE
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return a.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return None if role == Qt.ItemDataRole.ToolTipRole else credit_line(a)
        if role == ArticleRole:
            return a
        if role == ArticleIdRole:
            return a.id
        return None

    def row_of(self, article_id: int, max_pages: int = 50) -> int:
        pages = 0
        while True:
            for i, a in enumerate(self._rows):
                if a.id == article_id:
                    return i
            if not self.canFetchMore() or pages >= max_pages:
                return -1
            self.fetchMore()
            pages += 1
