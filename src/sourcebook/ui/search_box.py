"""The search field: results as you type, after a short pause (one single-shot timer)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 250


class SearchBox(QLineEdit):
    """Emits queryChanged(text) once typing pauses; Escape clears, Enter searches at once."""

    queryChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Search claims and sentences  (Ctrl+F)")
        self.setClearButtonEnabled(True)
        self.setAccessibleName("Search")
        self.setAccessibleDescription("Full-text search through every claim in the library")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._last = ""
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.textChanged.connect(lambda _t: self._timer.start())
        self._timer.timeout.connect(self._fire)
        self.returnPressed.connect(self._fire)

    def _fire(self) -> None:
        self._timer.stop()
        text = self.text()
        if text != self._last:
            self._last = text
            self.queryChanged.emit(text)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self._fire()
            return
        super().keyPressEvent(e)
