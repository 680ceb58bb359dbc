"""A stand-in spec sheet tab: the system's claims, each a citation to jump to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from sourcebook.ui.claim_delegate import ClaimDelegate
from sourcebook.ui.claim_model import PAGE, ClaimIdRole, ClaimModel, ClaimRow

if TYPE_CHECKING:
    from sourcebook.store.library import Library


class PlaceholderSheet(QWidget):
    """Lists what the library says about one system; activating a row emits citationActivated(claim id)."""

    citationActivated = Signal(int)

    def __init__(self, lib: Library, entity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from sourcebook.store import queries
        from sourcebook.store.records import ClaimFilter

        ent = queries.entity(lib, entity_id)
        self.entity_id = entity_id
        self.title = ent.name if ent else f"Entity {entity_id}"
        heading = QLabel(self.title, self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        f = heading.font()
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setWeight(f.Weight.Bold)
        heading.setFont(f)
        aliases = ", ".join(ent.aliases) if ent and ent.aliases else ""
        sub = QLabel(
            (f"Also known as {aliases}. " if aliases else "") + "Every fact below cites its sentence; "
            "press Enter or double-click to read it in the article.",
            self,
        )
        sub.setTextFormat(Qt.TextFormat.PlainText)
        sub.setWordWrap(True)
        self.model = ClaimModel(self)
        flt = ClaimFilter(entity_id=entity_id)

        def fetch(offset: int, limit: int) -> tuple[list[ClaimRow], int]:
            rows = queries.claims(lib, flt, offset=offset, limit=limit, sort="predicate")
            return [ClaimRow(r) for r in rows], len(rows)

        self.model.reset(fetch, first=fetch(0, PAGE), group="predicate")
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(ClaimDelegate(self.view))
        self.view.setAccessibleName(f"Facts about {self.title}")
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 0)
        layout.addWidget(heading)
        layout.addWidget(sub)
        layout.addSpacing(8)
        layout.addWidget(self.view, 1)
        self.view.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.citationActivated.emit(int(index.data(ClaimIdRole)))
