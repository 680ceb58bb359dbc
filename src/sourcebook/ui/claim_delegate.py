"""How a claim row looks: the claim as a sentence, its quote with matches marked, qualifiers and status."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sourcebook.ui.claim_model import ClaimRole, GroupRole, HeaderRole, SegmentsRole, qualifier_text

PAD_X, PAD_Y, GAP = 12, 8, 3
QUOTE_LINES = 2


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() * (1 - t) + b.red() * t),
        round(a.green() * (1 - t) + b.green() * t),
        round(a.blue() * (1 - t) + b.blue() * t),
    )


class ClaimDelegate(QStyledItemDelegate):
    """Paints claim rows; clicking a system's name emits entityClicked with its id."""

    entityClicked = Signal(int)

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setWeight(QFont.Weight.DemiBold)
        quote = QFont(base)
        quote.setItalic(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.86))
        return base, bold, quote, small

    def _header_height(self, option: QStyleOptionViewItem, index: QModelIndex) -> int:
        if not index.data(HeaderRole):
            return 0
        return QFontMetrics(self._fonts(option)[3]).height() + 14

    def _quote_lines(self, option: QStyleOptionViewItem, index: QModelIndex, font: QFont) -> int:
        """How many lines (one or two) the quote takes at the view's width."""
        view = option.widget
        width = view.viewport().width() if view is not None and hasattr(view, "viewport") else 0
        if width <= 0:
            return QUOTE_LINES
        text = "“" + "".join(t for t, _ in (index.data(SegmentsRole) or ())) + "”"
        fm = QFontMetrics(font)
        box = fm.boundingRect(0, 0, width - 2 * PAD_X, 10_000, Qt.TextFlag.TextWordWrap, text)
        return max(1, min(QUOTE_LINES, round(box.height() / fm.lineSpacing())))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        base, bold, quote, small = self._fonts(option)
        lines = self._quote_lines(option, index, quote)
        h = (
            PAD_Y * 2
            + QFontMetrics(bold).height()
            + GAP
            + QFontMetrics(quote).lineSpacing() * lines
            + GAP
            + QFontMetrics(small).height()
        )
        return QSize(200, h + self._header_height(option, index))

    # -- painting -----------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        c = index.data(ClaimRole)
        if c is None:
            return super().paint(painter, option, index)
        base, bold, quote, small = self._fonts(option)
        pal = option.palette
        painter.save()
        rect = QRect(option.rect)
        header_h = self._header_height(option, index)
        if header_h:
            self._paint_header(
                painter,
                QRect(rect.left(), rect.top(), rect.width(), header_h),
                str(index.data(GroupRole) or "—"),
                small,
                pal,
            )
            rect.setTop(rect.top() + header_h)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = rect
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        back = pal.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        muted = _mix(ink, back, 0.38)
        link = ink if selected else pal.color(QPalette.ColorRole.Link)

        x, w = rect.left() + PAD_X, rect.width() - 2 * PAD_X
        y = rect.top() + PAD_Y
        # line 1: the claim as a sentence
        fm_b = QFontMetrics(bold)
        pieces = [
            (c.subject, bold, link if c.subject_kind == "system" else ink),
            (" — " + c.predicate.replace("_", " ") + " — ", base, muted),
            (
                c.object_display() or (f"{c.value:g} {c.unit or ''}".strip() if c.value is not None else ""),
                base,
                link if c.object_kind == "system" else ink,
            ),
        ]
        cx, right = x, x + w
        for text, font, color in pieces:
            if not text or cx >= right:
                continue
            m = QFontMetrics(font)
            shown = m.elidedText(text, Qt.TextElideMode.ElideRight, right - cx)
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(QPointF(cx, y + fm_b.ascent()), shown)
            cx += m.horizontalAdvance(shown)
        y += fm_b.height() + GAP
        # lines 2-3: the quote, matched words marked
        y = self._paint_quote(painter, index.data(SegmentsRole) or (), quote, x, y, w, ink, muted, pal, selected)
        # line 4: qualifiers · status · article
        painter.setFont(small)
        painter.setPen(muted)
        article = c.article_title if getattr(index.model(), "show_article", True) else ""
        meta = [m for m in (qualifier_text(c), c.status, article) if m]
        line = QFontMetrics(small).elidedText("  ·  ".join(meta), Qt.TextElideMode.ElideRight, w)
        painter.drawText(QPointF(x, y + QFontMetrics(small).ascent()), line)
        painter.setPen(_mix(ink, back, 0.88))
        painter.drawLine(rect.left() + PAD_X, rect.bottom(), rect.right() - PAD_X, rect.bottom())
        painter.restore()

    def _paint_header(self, painter: QPainter, r: QRect, text: str, font: QFont, pal: QPalette) -> None:
        painter.fillRect(r, pal.color(QPalette.ColorRole.AlternateBase))
        f = QFont(font)
        f.setWeight(QFont.Weight.Bold)
        f.setCapitalization(QFont.Capitalization.AllUppercase)
        f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        painter.setFont(f)
        painter.setPen(_mix(pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base), 0.35))
        fm = QFontMetrics(f)
        painter.drawText(
            QPointF(r.left() + PAD_X, r.top() + (r.height() + fm.ascent() - fm.descent()) / 2),
            fm.elidedText(text, Qt.TextElideMode.ElideRight, r.width() - 2 * PAD_X),
        )

    def _paint_quote(
        self,
        painter: QPainter,
        segments,
        font: QFont,
        x: int,
        y: int,
        w: int,  # type: ignore[no-untyped-def]
        ink: QColor,
        muted: QColor,
        pal: QPalette,
        selected: bool,
    ) -> int:
        segments = _lead_to_first_match(tuple(segments))
        text = "“" + "".join(t for t, _ in segments) + "”"
        layout = QTextLayout(text, font)
        cf = QTextCharFormat()
        cf.setFontWeight(QFont.Weight.Bold)
        cf.setForeground(ink)
        if not selected:
            cf.setBackground(QColor(255, 214, 10, 110))
        spans, pos = [], 1
        for t, matched in segments:
            if matched:
                spans.append((pos, len(t)))
            pos += len(t)
        layout.setFormats(_ranges(spans, cf))
        layout.setTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft))
        fm = QFontMetrics(font)
        layout.beginLayout()
        ly, lines = 0.0, 0
        while lines < QUOTE_LINES:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(w)
            line.setPosition(QPointF(0, ly))
            ly += fm.lineSpacing()
            lines += 1
        layout.endLayout()
        painter.setPen(muted)
        last = layout.lineAt(layout.lineCount() - 1) if layout.lineCount() else None
        truncated = last is not None and last.textStart() + last.textLength() < len(text)
        for i in range(layout.lineCount()):
            ln = layout.lineAt(i)
            if truncated and i == layout.lineCount() - 1:
                # the last line elided, its matched words still marked
                start = ln.textStart()
                rest = fm.elidedText(text[start:], Qt.TextElideMode.ElideRight, w)
                tail = QTextLayout(rest, font)
                keep = len(rest) - 1  # the ellipsis is never a match
                tail.setFormats(
                    _ranges(
                        [
                            (max(a - start, 0), min(a + n - start, keep) - max(a - start, 0))
                            for a, n in spans
                            if a + n > start and a - start < keep
                        ],
                        cf,
                    )
                )
                no_wrap = QTextOption(Qt.AlignmentFlag.AlignLeft)
                no_wrap.setWrapMode(QTextOption.WrapMode.NoWrap)
                tail.setTextOption(no_wrap)
                tail.beginLayout()
                tl = tail.createLine()
                tl.setLineWidth(w + fm.averageCharWidth())
                tl.setPosition(QPointF(0, 0))
                tail.endLayout()
                tl.draw(painter, QPointF(x, y + ln.y()))
            else:
                ln.draw(painter, QPointF(x, y))
        return y + fm.lineSpacing() * max(1, layout.lineCount()) + GAP

    # -- clicks on names -------------------------------------------------------------------
    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem, index: QModelIndex) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            eid = self.entity_at(option, index, event.position().toPoint())
            if eid is not None:
                self.entityClicked.emit(eid)
                return False
        return super().editorEvent(event, model, option, index)

    def entity_at(self, option: QStyleOptionViewItem, index: QModelIndex, point) -> int | None:  # type: ignore[no-untyped-def]
        c = index.data(ClaimRole)
        if c is None:
            return None
        base, bold, _q, _s = self._fonts(option)
        top = option.rect.top() + self._header_height(option, index) + PAD_Y
        if not top <= point.y() <= top + QFontMetrics(bold).height():
            return None
        x = option.rect.left() + PAD_X
        sw = QFontMetrics(bold).horizontalAdvance(c.subject)
        if x <= point.x() <= x + sw:
            return c.subject_id if c.subject_kind == "system" else None
        ox = x + sw + QFontMetrics(base).horizontalAdvance(" — " + c.predicate.replace("_", " ") + " — ")
        if (
            c.object_kind == "system"
            and c.object_id is not None
            and ox <= point.x() <= ox + QFontMetrics(base).horizontalAdvance(c.object_display())
        ):
            return c.object_id
        return None


def _ranges(spans: list[tuple[int, int]], fmt: QTextCharFormat) -> list:  # type: ignore[type-arg]
    out = []
    for start, length in spans:
        if length > 0:
            fr = QTextLayout.FormatRange()
            fr.start, fr.length, fr.format = start, length, fmt
            out.append(fr)
    return out


LEAD = 40  # characters of context kept before the first match when a long quote is cut


def _lead_to_first_match(segments: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, bool], ...]:
    """A long quote whose first match lies beyond the first line starts shortly before that match,
    so that the matched word is what the row shows."""
    before = 0
    for t, matched in segments:
        if matched:
            break
        before += len(t)
    else:
        return segments
    if before <= LEAD * 2:
        return segments
    cut = before - LEAD
    out, pos = [], 0
    for t, matched in segments:
        if pos + len(t) <= cut:
            pos += len(t)
            continue
        piece = t[max(cut - pos, 0) :]
        if not out:
            space = piece.find(" ")
            piece = "…" + (piece[space + 1 :] if 0 <= space < 15 else piece)
        out.append((piece, matched))
        pos += len(t)
    return tuple(out)
