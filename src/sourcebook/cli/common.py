"""What the commands share: opening the library named by --db, or the bundled one read-only."""

from __future__ import annotations

import argparse
from pathlib import Path

from sourcebook.errors import LibraryError


def add_db(p: argparse.ArgumentParser, *, required: bool = False) -> None:
    p.add_argument(
        "--db",
        metavar="PATH",
        required=required,
        help="library file" + ("" if required else " (default: the bundled library, read-only)"),
    )


def open_for_reading(db: str | None):  # type: ignore[no-untyped-def]
    from sourcebook.paths import bundled_library
    from sourcebook.store.library import open_library

    if db:
        return open_library(Path(db))
    path = bundled_library()
    if not path.exists():
        raise LibraryError(f"{path}: the bundled library is missing; run 'sourcebook build'")
    return open_library(path, bundled=True)


def count(n: int, noun: str) -> str:
    """'1 article', '2 articles'."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
