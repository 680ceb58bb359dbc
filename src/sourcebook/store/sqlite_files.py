"""Opening a library file in plain sqlite3, as store.library (under SQLAlchemy) and store.quick (without it)
both do: the URI and mode, when a reader reads it as immutable, the connection's pragmas, and the one line
a database error becomes. Nothing here imports SQLAlchemy."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sourcebook.errors import LibraryError, LibraryLocked, ReadOnlyLibrary

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = int(os.environ.get("SOURCEBOOK_BUSY_TIMEOUT_MS", "5000"))  # tests shorten the wait


def nobody_can_write(path: Path) -> bool:
    """A library in a folder no one can write (a read-only mount, a CD, a locked-down share) can
    have no writer and cannot get SQLite's WAL companions: read it as immutable, or not at all."""
    wal = path.with_name(path.name + "-wal")
    return not os.access(path.parent, os.W_OK) and not wal.exists()


def library_uri(path: Path, *, write: bool, immutable: bool) -> str:
    """The URI to open ``path`` with. A reader that may open the file read-write (but sets query_only) lets
    the last connection to close fold away SQLite's -wal/-shm companions; a mode=ro reader would leave them
    behind."""
    can_write = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK) if path.exists() else True
    mode = "rwc" if write else ("rw" if can_write and not immutable else "ro")
    quoted = str(path.resolve()).replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?mode={mode}" + ("&immutable=1" if immutable else "")


def open_connection(uri: str, *, write: bool, timeout_ms: int, foreign_keys: bool = False) -> sqlite3.Connection:
    """A connection to ``uri`` that waits ``timeout_ms`` for a lock and, unless ``write``, is query-only
    (closed again if setting it up fails)."""
    con = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=timeout_ms / 1000)
    try:
        con.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        if foreign_keys:
            con.execute("PRAGMA foreign_keys = ON")
        if not write:
            con.execute("PRAGMA query_only = ON")
    except BaseException:
        con.close()
        raise
    return con


def library_error(path: str | Path, e: BaseException) -> LibraryError:
    """A database error as one clear line."""
    msg = str(getattr(e, "orig", e)) or type(e).__name__
    if "locked" in msg or "busy" in msg:
        return LibraryLocked(f"{path}: library is locked by another program; try again when it has finished")
    if "readonly" in msg or "read-only" in msg:
        return ReadOnlyLibrary(f"{path}: library file is read-only")
    if "malformed" in msg or "not a database" in msg or "disk image" in msg:
        return LibraryError(
            f"{path}: library is damaged ({msg}); restore it from a backup or rebuild it "
            "with 'sourcebook ingest' from its articles"
        )
    return LibraryError(f"{path}: {msg}")
