"""Opening, creating and closing library files, with the checks that make errors one clear line."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from sourcebook.errors import LibraryError, ReadOnlyLibrary
from sourcebook.store import fts
from sourcebook.store.models import SCHEMA_VERSION, Base, Meta
from sourcebook.store.sqlite_files import (
    BUSY_TIMEOUT_MS,
    SQLITE_MAGIC,
    library_uri,
    nobody_can_write,
    open_connection,
)
from sourcebook.store.sqlite_files import library_error as _library_error


def _check_file(path: Path, *, create: bool) -> bool:
    """Whether the file must be made new; raises LibraryError when it cannot be a library."""
    if path.is_dir():
        raise LibraryError(f"{path}: is a directory, not a library file")
    if not path.exists():
        if create:
            parent = path.parent if str(path.parent) else Path(".")
            if not parent.is_dir():
                raise LibraryError(f"{path}: folder {parent} does not exist")
            if not os.access(parent, os.W_OK):
                raise LibraryError(f"{path}: cannot create a library here (folder not writable)")
            return True
        raise LibraryError(f"{path}: no such library file")
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except PermissionError:
        raise LibraryError(f"{path}: permission denied") from None
    except OSError as e:
        raise LibraryError(f"{path}: cannot be read ({e.strerror})") from None
    if not head:
        if create:
            return True
        raise LibraryError(f"{path}: empty file, not a Sourcebook library")
    if head != SQLITE_MAGIC:
        raise LibraryError(f"{path}: not a Sourcebook library (not an SQLite file)")
    return False


class Library:
    """One open library file: its engine, whether it may be written, and its sessions."""

    def __init__(self, path: Path, engine: Engine, *, writable: bool, bundled: bool = False) -> None:
        self.path = path
        self.engine = engine
        self.writable = writable
        self.bundled = bundled
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def name(self) -> str:
        return "Bundled library" if self.bundled else self.path.stem

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose database errors come out as LibraryError lines."""
        with self._sessions() as s:
            try:
                yield s
            except OperationalError as e:
                raise _library_error(self.path, e) from None
            except DatabaseError as e:
                raise _library_error(self.path, e) from None

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction: all of it is committed, or none of it."""
        if not self.writable:
            raise ReadOnlyLibrary(f"{self.path}: library is open read-only")
        with self.session() as s, s.begin():
            yield s

    def make_self_contained(self) -> None:
        """Fold the WAL into the file and compact it, so that it opens read-only anywhere."""
        self.engine.dispose()
        con = sqlite3.connect(self.path)
        try:
            con.execute("PRAGMA journal_mode = DELETE")
            con.execute("VACUUM")
        finally:
            con.close()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _engine(path: Path, *, write: bool, immutable: bool) -> Engine:
    uri = library_uri(path, write=write, immutable=immutable)

    def connect() -> sqlite3.Connection:
        con = open_connection(uri, write=write, timeout_ms=BUSY_TIMEOUT_MS, foreign_keys=True)
        if write:
            # WAL lets the app and searches read while an ingest writes
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = NORMAL")
        return con

    # The URL is only a dialect name; without an explicit pool SQLAlchemy would pick the
    # one-connection-per-thread pool meant for :memory:, which closes connections under threads.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, pool_size=4, max_overflow=8)

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        # Python's sqlite3 starts transactions late; an explicit BEGIN keeps reads consistent
        # and makes a writer take its lock up front instead of failing half way.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    @event.listens_for(engine, "connect")
    def _connect(dbapi_con, _record):  # type: ignore[no-untyped-def]
        dbapi_con.isolation_level = None

    return engine


def open_library(
    path: str | os.PathLike[str], *, write: bool = False, create: bool = False, bundled: bool = False
) -> Library:
    """Open a library file, checking that it is one and of this schema version."""
    path = Path(path)
    new = _check_file(path, create=create)
    if new:
        _create_file(path)
    elif write and not os.access(path, os.W_OK):
        raise ReadOnlyLibrary(f"{path}: library file is read-only")
    writable = write or new
    engine = _engine(path, write=writable, immutable=bundled or (not writable and nobody_can_write(path)))
    lib = Library(path, engine, writable=writable, bundled=bundled)
    try:
        _check_version(lib)
    except LibraryError:
        engine.dispose()
        raise
    except DatabaseError as e:
        engine.dispose()
        raise _library_error(path, e) from None
    return lib


def _create_file(path: Path) -> None:
    """Make a new, empty library whole beside the destination, then rename it into place: a
    process killed half way leaves no file that looks like a library but is not one."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        engine = _engine(tmp, write=True, immutable=False)
        try:
            _create_schema(engine)
        finally:
            engine.dispose()  # the last connection folds the WAL back into the file
        os.replace(tmp, path)
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        raise


def _create_schema(engine: Engine) -> None:
    with engine.begin() as c:
        Base.metadata.create_all(c)
        fts.create(c)
        c.execute(
            Meta.__table__.insert(),
            [
                {"key": "schema_version", "value": str(SCHEMA_VERSION)},
                {"key": "application", "value": "sourcebook"},
            ],
        )


def _check_version(lib: Library) -> None:
    with lib.engine.connect() as c:
        tables = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in tables or "claim" not in tables:
            raise LibraryError(f"{lib.path}: an SQLite file, but not a Sourcebook library")
        row = c.exec_driver_sql("SELECT value FROM meta WHERE key = 'schema_version'").first()
    version = row[0] if row else None
    if version != str(SCHEMA_VERSION):
        raise LibraryError(
            f"{lib.path}: library schema version {version or 'unknown'}, this Sourcebook reads version "
            f"{SCHEMA_VERSION}; rebuild it with 'sourcebook ingest' from the original articles"
        )
