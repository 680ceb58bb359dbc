"""Where the app keeps what it remembers: an INI file, in SOURCEBOOK_SETTINGS_DIR when that is set."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

RECENT_MAX = 8


def app_settings() -> QSettings:
    folder = os.environ.get("SOURCEBOOK_SETTINGS_DIR")
    if folder:
        os.makedirs(folder, exist_ok=True)
        return QSettings(os.path.join(folder, "sourcebook.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Sourcebook", "sourcebook")


def recent_libraries(s: QSettings) -> list[str]:
    value = s.value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent(s: QSettings, path: str) -> list[str]:
    items = [path] + [p for p in recent_libraries(s) if p != path]
    s.setValue("recent", items[:RECENT_MAX])
    return items[:RECENT_MAX]


def last_article_key(library_path: str) -> str:
    """One key per library file, so each remembers its own last article."""
    return "last_article/" + library_path.replace("/", "|").replace("\\", "|")
