"""The left pane: the library's articles with a filter field."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from sourcebook.ui.article_model import ArticleIdRole, ArticleListModel, ArticleRole, credit_line
from sourcebook.ui.claim_delegate import _mix

DEBOUNCE_MS = 200


class ArticleDelegate(QStyledItemDelegate):
    """Title on up to two lines, then the credit and the number of claims, small and muted."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.86))
        return title, small

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        title, small = self._fonts(option)
        return QSize(160, 20 + QFontMetrics(title).lineSpacing() * 2 + 3 + QFontMetrics(small).height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        a = index.data(ArticleRole)
        if a is None:
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        back = pal.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        title, small = self._fonts(option)
        painter.save()
        r = option.rect.adjusted(12, 10, -12, -10)
        painter.setFont(title)
        painter.setPen(ink)
        fm = QFontMetrics(title)
        box = QRect(r.left(), r.top(), r.width(), fm.lineSpacing() * 2)
        text = a.title
        if fm.boundingRect(box, Qt.TextFlag.TextWordWrap, text).height() > box.height():
            # two lines and an ellipsis
            cut = fm.elidedText(text, Qt.TextElideMode.ElideRight, r.width() * 2 - fm.averageCharWidth() * 4)
            text = cut
        used = fm.boundingRect(box, Qt.TextFlag.TextWordWrap, text)
        painter.drawText(box, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop, text)
        box.setHeight(min(box.height(), used.height()))
        painter.setFont(small)
        painter.setPen(_mix(ink, back, 0.4))
        sfm = QFontMetrics(small)
        painter.drawText(
            QPointF(r.left(), box.bottom() + 4 + sfm.ascent()),
            sfm.elidedText(credit_line(a), Qt.TextElideMode.ElideRight, r.width()),
        )
        painter.setPen(_mix(ink, back, 0.88))
        painter.drawLine(option.rect.left() + 12, option.rect.bottom(), option.rect.right() - 12, option.rect.bottom())
        painter.restore()


class LibraryList(QWidget):
    """Articles of the library; emits articleActivated(id) when the reader picks one."""

    articleActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleListModel(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter articles")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter articles")
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(ArticleDelegate(self.view))
        self.view.setAccessibleName("Articles")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.filter.textChanged.connect(lambda _t: self._debounce.start())
        self._debounce.timeout.connect(lambda: self.model.set_filter(self.filter.text().strip()))
        self.view.activated.connect(self._emit)
        self.view.clicked.connect(self._emit)
        self.filter.returnPressed.connect(self._first)

    def _emit(self, index: QModelIndex) -> None:
        aid = index.data(ArticleIdRole)
        if aid is not None:
            self.articleActivated.emit(int(aid))

    def _first(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.filter.text().strip())
        if self.model.rowCount() == 0 and self.model.canFetchMore():
            self.model.fetchMore()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0))
            self.view.setFocus()
            self._emit(self.model.index(0))

    def show_current(self, article_id: int) -> None:
        """Mark the article being read, without emitting."""
        row = self.model.row_of(article_id)
        blocker = self.view.selectionModel().blockSignals(True)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))
            self.view.scrollTo(self.model.index(row))
        else:
            self.view.clearSelection()
        self.view.selectionModel().blockSignals(blocker)
