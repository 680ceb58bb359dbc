"""The About box: version, library path, schema version and counts, as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from sourcebook import __version__

if TYPE_CHECKING:
    from sourcebook.store.records import Summary


def about_text(summary: Summary | None) -> str:
    lines = [f"Sourcebook {__version__}", "A reference viewer for defence news: every fact cites its sentence.", ""]
    if summary is None:
        lines.append("No library is open.")
    else:
        lines += [
            f"Library: {summary.name}",
            f"Path: {summary.path}",
            f"Schema version: {summary.schema_version}",
            f"Articles: {summary.articles:,}   Sentences: {summary.sentences:,}",
            f"Claims: {summary.claims:,}   Entities: {summary.entities:,}",
        ]
    return "\n".join(lines)


def show_about(parent: QWidget, summary: Summary | None) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("About Sourcebook")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text(summary))
    box.setIcon(QMessageBox.Icon.Information)
    box.exec()
