"""Writing files so that a reader never sees half of one: write beside it, then rename over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sourcebook.errors import SourcebookError


class OutputError(SourcebookError):
    """A destination that cannot be written."""


def check_writable(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OutputError(f"{path}: not writable")


@contextmanager
def temporary_beside(path: Path, suffix: str = "") -> Iterator[Path]:
    """A temporary path in the destination's folder, renamed onto the destination on success."""
    path = Path(path)
    check_writable(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix + ".tmp", dir=path.parent or ".")
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_open(path: Path, mode: str = "w", **kw: object) -> Iterator[IO]:
    """open() for writing whose file appears, complete, only when the block succeeds."""
    with temporary_beside(path) as tmp:
        try:
            with open(tmp, mode, **kw) as f:  # type: ignore[call-overload]
                yield f
                f.flush()
                os.fsync(f.fileno())
        except OSError as e:
            raise OutputError(f"{path}: cannot be written ({e.strerror})") from None
