"""The centre pane: one article set for reading, its claim sentences marked, its text never interpreted.

The document is built with QTextCursor insertions, so article text is always literal text; no
resource is ever loaded (loadResource answers nothing) and links are the app's to handle.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from sourcebook.ui.claim_model import claim_sentence, qualifier_text
from sourcebook.ui.text_map import TextMap

if TYPE_CHECKING:
    from sourcebook.store.records import ArticleView, ClaimRecord, SentenceView

MEASURE_CHARS = 68  # a comfortable line: about 60-75 characters
BODY_PT = 12.5
SentenceProperty = QTextFormat.Property.UserProperty + 1


def body_font(scale: float = 1.0) -> QFont:
    f = QFont()
    f.setFamilies(
        [
            "Source Serif 4",
            "Source Serif Pro",
            "Charter",
            "Georgia",
            "Palatino",
            "P052",
            "Noto Serif",
            "DejaVu Serif",
            "serif",
        ]
    )
    f.setStyleHint(QFont.StyleHint.Serif)
    f.setPointSizeF(BODY_PT * scale)
    return f


class ArticlePane(QTextBrowser):
    """Shows an ArticleView; maps exact text offsets to the document both ways."""

    sentenceClicked = Signal(int, list)  # sentence id, its claim ids
    entityClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Article")
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setMouseTracking(True)
        self.resource_requests: list[str] = []  # every resource a document asked for; stays empty
        self.article: ArticleView | None = None
        self._claims: dict[int, ClaimRecord] = {}
        self._map: TextMap | None = None
        self._scale = 1.0
        pal = self.palette()
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            pal.setColor(QPalette.ColorGroup.Inactive, role, pal.color(QPalette.ColorGroup.Active, role))
        self.setPalette(pal)
        self.anchorClicked.connect(self._anchor)
        self.show_message("Opening the library…")

    # -- resources and links ----------------------------------------------------------------
    def loadResource(self, type: int, name: QUrl) -> object:  # noqa: A002 - Qt's name
        self.resource_requests.append(name.toString())
        return None

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() == "entity" and url.path().isdigit():
            self.entityClicked.emit(int(url.path()))

    # -- building the document ---------------------------------------------------------------
    def show_message(self, text: str) -> None:
        """A plain line in place of an article (empty library, loading)."""
        self.article, self._map, self._claims = None, None, {}
        doc = self._new_document()
        cur = QTextCursor(doc)
        bf = QTextBlockFormat()
        bf.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bf.setTopMargin(80)
        cf = QTextCharFormat()
        cf.setForeground(self._muted())
        cur.setBlockFormat(bf)
        cur.insertText(text, cf)
        self.setDocument(doc)

    def _new_document(self) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setDefaultFont(body_font(self._scale))
        doc.setUndoRedoEnabled(False)
        doc.setDocumentMargin(0)
        self._apply_measure(doc)
        return doc

    def _muted(self) -> QColor:
        pal = self.palette()
        a, b = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)
        return QColor(
            (a.red() * 3 + b.red() * 2) // 5, (a.green() * 3 + b.green() * 2) // 5, (a.blue() * 3 + b.blue() * 2) // 5
        )

    def set_article(self, view: ArticleView, claims: dict[int, ClaimRecord]) -> None:
        """Show an article; ``claims`` (by id) feed the tooltips on marked sentences."""
        self.article, self._claims = view, dict(claims)
        doc = self._new_document()
        tmap = TextMap(view.text)
        cur = QTextCursor(doc)
        body = body_font(self._scale)
        first = True
        for b in view.blocks:
            bf, cf = self._formats(b.kind, body)
            if first:
                cur.setBlockFormat(bf)
                cur.setBlockCharFormat(cf)
                first = False
            else:
                cur.insertBlock(bf, cf)
            tmap.add(b.start, b.end, cur.position())
            cur.insertText(view.text[b.start : b.end], cf)
        self._map = tmap
        self._mark(doc, view, tmap)
        self.setDocument(doc)
        self.verticalScrollBar().setValue(0)

    def _formats(self, kind: str, body: QFont) -> tuple[QTextBlockFormat, QTextCharFormat]:
        bf, cf = QTextBlockFormat(), QTextCharFormat()
        prop = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        if kind == "title":
            f = QFont(body)
            f.setPointSizeF(body.pointSizeF() * 1.9)
            f.setWeight(QFont.Weight.Bold)
            cf.setFont(f)
            bf.setLineHeight(118, prop)
            bf.setBottomMargin(QFontMetrics(body).height() * 1.1)
        elif kind == "credit":
            f = QFont(body)
            f.setFamilies(["Inter", "Helvetica", "Nimbus Sans", "Noto Sans", "DejaVu Sans", "sans-serif"])
            f.setStyleHint(QFont.StyleHint.SansSerif)
            f.setPointSizeF(body.pointSizeF() * 0.74)
            f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
            cf.setFont(f)
            cf.setForeground(self._muted())
            bf.setTopMargin(QFontMetrics(body).height() * 0.5)
            bf.setBottomMargin(QFontMetrics(body).height() * 0.55)
        else:
            cf.setFont(body)
            bf.setLineHeight(142, prop)
            bf.setBottomMargin(QFontMetrics(body).height() * 0.8)
        return bf, cf

    def _mark(self, doc: QTextDocument, view: ArticleView, tmap: TextMap) -> None:
        tint = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        tint.setAlpha(34)
        line = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        line.setAlpha(150)
        cur = QTextCursor(doc)
        for s in view.sentences:
            if not s.claim_ids:
                continue
            a, b = tmap.to_doc(s.start), tmap.to_doc(s.end)
            if a is None or b is None:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(tint)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(line)
            fmt.setProperty(SentenceProperty, s.id)
            cur.setPosition(a)
            cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            cur.mergeCharFormat(fmt)
        link = self.palette().color(QPalette.ColorRole.Link)
        for m in view.mentions:
            if m.kind != "system":
                continue
            a, b = tmap.to_doc(m.start), tmap.to_doc(m.end)
            if a is None or b is None:
                continue
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"entity:{m.entity_id}")
            fmt.setForeground(link)
            fmt.setToolTip(f"Open the spec sheet of {m.name}")
            cur.setPosition(a)
            cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            cur.mergeCharFormat(fmt)

    # -- measure -----------------------------------------------------------------------
    def _apply_measure(self, doc: QTextDocument | None = None) -> None:
        doc = doc or self.document()
        fm = QFontMetrics(body_font(self._scale))
        measure = fm.averageCharWidth() * MEASURE_CHARS
        width = self.viewport().width()
        side = max(28.0, (width - measure) / 2)
        ff = doc.rootFrame().frameFormat()
        if abs(ff.leftMargin() - side) < 1:
            return
        ff.setLeftMargin(side)
        ff.setRightMargin(side)
        ff.setTopMargin(36)
        ff.setBottomMargin(64)
        doc.rootFrame().setFrameFormat(ff)

    def resizeEvent(self, e) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(e)
        self._apply_measure()

    def zoom(self, steps: int) -> None:
        """Larger or smaller type (0 steps: back to normal); the article is set again at the new size."""
        self._scale = 1.0 if steps == 0 else max(0.7, min(2.2, self._scale * 1.1**steps))
        if self.article is not None:
            bar = self.verticalScrollBar()
            frac = bar.value() / max(1, bar.maximum())
            sel = self.textCursor()
            start, end = (
                (self._map.to_text(sel.selectionStart()), self._map.to_text(sel.selectionEnd()))
                if self._map
                else (None, None)
            )
            self.set_article(self.article, self._claims)
            if start is not None and end is not None and end > start:
                self.select_span(start, end)
            else:
                bar.setValue(round(frac * bar.maximum()))

    # -- offsets -------------------------------------------------------------------------
    def doc_range(self, start: int, end: int) -> tuple[int, int] | None:
        if self._map is None:
            return None
        a, b = self._map.to_doc(start), self._map.to_doc(end)
        return (a, b) if a is not None and b is not None else None

    def select_span(self, start: int, end: int) -> bool:
        """Select the text between two offsets of the article text and bring it into view."""
        r = self.doc_range(start, end)
        if r is None:
            return False
        cur = QTextCursor(self.document())
        cur.setPosition(r[0])
        cur.setPosition(r[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        self._scroll_to(r[0])
        return True

    def _scroll_to(self, pos: int) -> None:
        cur = QTextCursor(self.document())
        cur.setPosition(pos)
        rect = self.cursorRect(cur)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def offset_at(self, point: QPoint) -> int | None:
        """The article text offset under a viewport point, or None off the text."""
        if self._map is None:
            return None
        doc_point = point + QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        pos = self.document().documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        return self._map.to_text(pos) if pos >= 0 else None

    def sentence_at_offset(self, offset: int | None) -> SentenceView | None:
        if self.article is None or offset is None:
            return None
        return self.article.sentence_at(offset)

    # -- hover and clicks -----------------------------------------------------------------
    def viewportEvent(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            s = self.sentence_at_offset(self.offset_at(e.pos()))
            if s is not None and s.claim_ids:
                QToolTip.showText(e.globalPos(), self._tooltip(s), self.viewport())
            elif not self.anchorAt(e.pos()):
                QToolTip.hideText()
                e.ignore()
            else:
                return super().viewportEvent(e)
            return True
        return super().viewportEvent(e)

    def _tooltip(self, s: SentenceView) -> str:
        rows = []
        for cid in s.claim_ids:
            c = self._claims.get(cid)
            if c is None:
                continue
            extra = qualifier_text(c)
            rows.append(
                f"<li>{html.escape(claim_sentence(c))}"
                + (f" <span style='color:gray'>({html.escape(extra)})</span>" if extra else "")
                + "</li>"
            )
        n = len(s.claim_ids)
        head = f"<b>{n} claim{'s' if n != 1 else ''}</b> — click to show in the sidebar"
        return f"<div style='white-space:pre-wrap'>{head}<ul style='margin:4px 0 0 -20px'>{''.join(rows)}</ul></div>"

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        super().mouseReleaseEvent(e)
        if e.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        if self.anchorAt(e.position().toPoint()):
            return
        self._activate(self.sentence_at_offset(self.offset_at(e.position().toPoint())))

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.textCursor().charFormat().isAnchor():
            if self._map is not None:
                cur = self.textCursor()
                self._activate(self.sentence_at_offset(self._map.to_text(cur.selectionStart())))
                return
        super().keyPressEvent(e)

    def _activate(self, s: SentenceView | None) -> None:
        if s is not None and s.claim_ids:
            self.sentenceClicked.emit(s.id, list(s.claim_ids))
