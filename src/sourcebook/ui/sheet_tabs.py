"""Spec sheet tabs: the real SpecSheetView when it is installed, the placeholder otherwise."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QWidget

from sourcebook.ui.placeholder_sheet import PlaceholderSheet

if TYPE_CHECKING:
    from sourcebook.store.library import Library

ENTITY_PROPERTY = "sourcebook_entity_id"


def _sheet_class() -> type:
    try:
        from sourcebook.ui.spec_view import SpecSheetView
    except ImportError:
        return PlaceholderSheet
    return SpecSheetView


def sheet_entity(widget: QWidget | None) -> int | None:
    value = widget.property(ENTITY_PROPERTY) if widget is not None else None
    return int(value) if value is not None else None


def open_sheet(tabs: QTabWidget, lib: Library, entity_id: int, on_citation: Callable[[int], None]) -> QWidget:
    """Bring up the spec sheet of a system, making its tab if there is none yet."""
    for i in range(tabs.count()):
        if sheet_entity(tabs.widget(i)) == entity_id:
            tabs.setCurrentIndex(i)
            return tabs.widget(i)
    cls = _sheet_class()
    try:
        sheet = cls(lib, entity_id)
    except Exception:  # noqa: BLE001 - a broken sheet must not take the reader down; the list still works
        sheet = PlaceholderSheet(lib, entity_id)
    sheet.setProperty(ENTITY_PROPERTY, entity_id)
    sheet.citationActivated.connect(on_citation)
    title = str(getattr(sheet, "title", "") or "Spec sheet")
    i = tabs.addTab(sheet, title)
    tabs.setTabToolTip(i, f"Spec sheet: {title}")
    sheet.setAccessibleName(f"Spec sheet of {title}")
    tabs.setCurrentIndex(i)
    return sheet


def can_print(widget: QWidget | None) -> bool:
    return widget is not None and callable(getattr(widget, "print_sheet", None))
