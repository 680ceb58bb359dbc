"""The read path in plain sqlite3: what the query API (store.queries) runs, and what the app reads
through (ReadLibrary: a library opened read-only, no SQLAlchemy imported — the app's first paint, its
lists and its searches).

It returns exactly the records the ORM formulations gave (tests/orm_reference.py keeps them; the
tests compare the two on libraries). Nothing here writes, and nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sourcebook.errors import LibraryError
from sourcebook.store.records import (
    ArticleRow,
    ArticleView,
    BlockView,
    ClaimFilter,
    ClaimRecord,
    MentionView,
    SentenceView,
)
from sourcebook.store.sqlite_files import (
    BUSY_TIMEOUT_MS,
    SQLITE_MAGIC,
    library_error,
    library_uri,
    nobody_can_write,
    open_connection,
)

SCHEMA_VERSION = 1  # == models.SCHEMA_VERSION (models imports SQLAlchemy; a test keeps the two equal)

# The columns of a ClaimRecord, in its field order, from claim c and its article, sentence and entities.
CLAIM_COLUMNS = """c.id, c.article_id, a.slug, a.title, a.credits, c.sentence_id, s.text, s.start, s."end",
    c.subject_id, sub.name, sub.kind, c.predicate, c.object_id, obj.kind, c.object_text, c.object_list,
    c.value, c.unit, c.qualifiers, c.quote, c.quote_start, c.quote_end, c.rule, c.status"""
CLAIM_FROM = """claim c JOIN article a ON a.id = c.article_id JOIN sentence s ON s.id = c.sentence_id
    JOIN entity sub ON sub.id = c.subject_id LEFT JOIN entity obj ON obj.id = c.object_id"""


_EMPTY = {"null": None, "[]": (), "{}": None}  # the commonest values, read without the parser


def _json(value: str | None):  # type: ignore[no-untyped-def]
    """A JSON column as SQLAlchemy's JSON type reads it (callers copy what they keep)."""
    if value is None:
        return None
    if value in _EMPTY:
        return _EMPTY[value]
    return json.loads(value)


_STRINGS: dict[str, tuple[str, ...] | None] = {}


def _strings(value: str | None) -> tuple[str, ...] | None:
    """A JSON list of names (credits, object lists) as a tuple; the same few lists recur on every
    row of a page, and a tuple of strings can be shared."""
    if value is None:
        return None
    found = _STRINGS.get(value, _STRINGS)
    if found is _STRINGS:
        parsed = _json(value)
        found = tuple(parsed) if parsed is not None else None
        if len(_STRINGS) > 4096:
            _STRINGS.clear()
        _STRINGS[value] = found
    return found  # type: ignore[return-value]


_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(ClaimRecord))
_new = object.__new__


def claim_record(r: Sequence) -> ClaimRecord:  # type: ignore[type-arg]
    """A ClaimRecord from a row of CLAIM_COLUMNS.

    Filled in directly rather than through the frozen dataclass's __init__ (which sets its 25 fields
    one object.__setattr__ at a time): the same record (equal, hashed and shown alike; it has no
    __post_init__), at less than half the cost — a search page makes 200 of them per keystroke."""
    qualifiers = r[19]
    rec = _new(ClaimRecord)
    rec.__dict__.update(
        zip(
            _CLAIM_FIELDS,
            (
                r[0],
                r[1],
                r[2],
                r[3],
                _strings(r[4]) or (),
                r[5],
                r[6],
                r[7],
                r[8],
                r[9],
                r[10],
                r[11],
                r[12],
                r[13],
                r[14],
                r[15],
                _strings(r[16]),
                float(r[17]) if r[17] is not None else None,
                r[18],
                {} if qualifiers == "{}" else dict(_json(qualifiers) or {}),
                r[20],
                r[21],
                r[22],
                r[23],
                r[24],
            ),
            strict=True,
        )
    )
    return rec


def connect(path: str | Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection to a library file, opened as store.library opens its readers; raises
    (sqlite3.Error, ValueError) when it is not a library of this schema version, so that a caller
    can fall back to store.library and its messages."""
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"{p}: no such library file")
    with p.open("rb") as f:
        if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise ValueError(f"{p}: not a Sourcebook library (not an SQLite file)")
    # As store.library: a folder no one can write (a read-only mount) holds a library no one is
    # writing, read as immutable; a reader that could write opens read-write but query-only.
    immutable = immutable or nobody_can_write(p)
    uri = library_uri(p, write=False, immutable=immutable)
    con = open_connection(uri, write=False, timeout_ms=BUSY_TIMEOUT_MS)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or row[0] != str(SCHEMA_VERSION):
            raise ValueError(f"{p}: library schema version {row[0] if row else 'unknown'}")
    except BaseException:
        con.close()
        raise
    return con


def _like(title_filter: str) -> str:
    return "%" + title_filter.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def articles(con: sqlite3.Connection, *, offset: int = 0, limit: int = 200, title_filter: str = "") -> list[ArticleRow]:
    """== queries.articles: a page of articles in title order, with their number of claims."""
    where, args = "", []
    if title_filter.strip():
        where = "WHERE lower(a.title) LIKE lower(?) ESCAPE '\\' OR lower(a.slug) LIKE lower(?) ESCAPE '\\'"
        args = [_like(title_filter)] * 2
    rows = con.execute(
        f"""SELECT a.id, a.slug, a.title, a.credits,
                   (SELECT count(*) FROM claim c WHERE c.article_id = a.id)
            FROM article a {where} ORDER BY a.title, a.id LIMIT ? OFFSET ?""",
        [*args, limit, offset],
    ).fetchall()
    return [ArticleRow(r[0], r[1], r[2], tuple(_json(r[3]) or ()), r[4]) for r in rows]


def first_article_id(con: sqlite3.Connection) -> int | None:
    row = con.execute("SELECT id FROM article ORDER BY title, id LIMIT 1").fetchone()
    return row[0] if row else None


def article(con: sqlite3.Connection, article_id: int) -> ArticleView | None:
    """== queries.article: an article's text with its blocks, sentences (and their claims) and mentions."""
    a = con.execute("SELECT id, slug, title, credits, text FROM article WHERE id = ?", (article_id,)).fetchone()
    if a is None:
        return None
    blocks = con.execute(
        'SELECT id, kind, start, "end" FROM block WHERE article_id = ? ORDER BY ordinal', (article_id,)
    ).fetchall()
    block_index = {b[0]: i for i, b in enumerate(blocks)}
    claim_ids: dict[int, list[int]] = {}
    for cid, sid in con.execute("SELECT id, sentence_id FROM claim WHERE article_id = ? ORDER BY id", (article_id,)):
        claim_ids.setdefault(sid, []).append(cid)
    sentences = tuple(
        SentenceView(sid, block_index.get(bid, 0), start, end, tuple(claim_ids.get(sid, ())))
        for sid, bid, start, end in con.execute(
            'SELECT id, block_id, start, "end" FROM sentence WHERE article_id = ? ORDER BY ordinal', (article_id,)
        )
    )
    mentions = tuple(
        MentionView(*r)
        for r in con.execute(
            """SELECT e.id, e.name, e.kind, m.sentence_id, m.start, m."end"
           FROM entity e JOIN mention m ON m.entity_id = e.id JOIN sentence s ON s.id = m.sentence_id
           WHERE s.article_id = ? ORDER BY m.start""",
            (article_id,),
        )
    )
    return ArticleView(
        a[0],
        a[1],
        a[2],
        tuple(_json(a[3]) or ()),
        a[4],
        tuple(BlockView(b[1], b[2], b[3]) for b in blocks),
        sentences,
        mentions,
    )


def article_claims(con: sqlite3.Connection, article_id: int) -> list[ClaimRecord]:
    """== queries.claims(ClaimFilter(article_id=...), limit=None): an article's claims in source order."""
    rows = con.execute(
        f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.article_id = ? ORDER BY c.article_id, c.sentence_id, c.id",
        (article_id,),
    )
    return [claim_record(r) for r in rows]


def claims_by_id(con: sqlite3.Connection, ids: Iterable[int]) -> dict[int, ClaimRecord]:
    """Claims by id (any order in, a dict out); ids that name no claim are left out."""
    ids = list(dict.fromkeys(ids))
    out: dict[int, ClaimRecord] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in con.execute(f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.id IN ({marks})", chunk):
            out[r[0]] = claim_record(r)
    return out


# -- claims by filter ------------------------------------------------------------------------------

SORTS = {  # == queries.SORTS; every order ends in the claim id, so pages never overlap
    "source": ("c.article_id, c.sentence_id, c.id", ""),
    "subject": ("sub.name, c.predicate, c.id", "JOIN entity sub ON sub.id = c.subject_id"),
    "predicate": ("c.predicate, sub.name, c.id", "JOIN entity sub ON sub.id = c.subject_id"),
    "article": ("a.title, c.sentence_id, c.id", "JOIN article a ON a.id = c.article_id"),
}


def _where(f: ClaimFilter) -> tuple[str, list]:  # type: ignore[type-arg]
    parts: list[str] = []
    args: list = []  # type: ignore[type-arg]
    if f.article_id is not None:
        parts.append("c.article_id = ?")
        args.append(f.article_id)
    if f.sentence_id is not None:
        parts.append("c.sentence_id = ?")
        args.append(f.sentence_id)
    if f.subject_id is not None:
        parts.append("c.subject_id = ?")
        args.append(f.subject_id)
    if f.entity_id is not None:
        parts.append("(c.subject_id = ? OR c.object_id = ?)")
        args += [f.entity_id, f.entity_id]
    if f.predicate is not None:
        parts.append("c.predicate = ?")
        args.append(f.predicate)
    if f.subject_kind is not None:
        parts.append("c.subject_id IN (SELECT id FROM entity WHERE kind = ?)")
        args.append(f.subject_kind)
    if f.claim_ids is not None:
        parts.append("c.id IN (SELECT value FROM json_each(?))")
        args.append(json.dumps([int(i) for i in f.claim_ids]))
    return (" WHERE " + " AND ".join(parts)) if parts else "", args


def claims(
    con: sqlite3.Connection,
    f: ClaimFilter = ClaimFilter(),
    *,
    offset: int = 0,
    limit: int | None = 500,
    sort: str = "source",
) -> list[ClaimRecord]:
    """== queries.claims: the claims a filter picks, in a sort order, a page at a time.

    The page is chosen on the ids alone (the sort keys, not whole rows, go through the sorter),
    then its rows are read by id: a page of a sorted library-wide list costs a page's rows."""
    order, join = SORTS[sort]
    where, args = _where(f)
    ids = [
        r[0]
        for r in con.execute(
            f"SELECT c.id FROM claim c {join}{where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*args, -1 if limit is None else limit, offset],
        )
    ]
    if not ids:
        return []
    found = {
        r[0]: claim_record(r)
        for r in con.execute(
            f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    }
    return [found[i] for i in ids if i in found]


def claim_count(con: sqlite3.Connection, f: ClaimFilter = ClaimFilter()) -> int:
    where, args = _where(f)
    return con.execute(f"SELECT count(c.id) FROM claim c{where}", args).fetchone()[0] or 0


def article_count(con: sqlite3.Connection, title_filter: str = "") -> int:
    where, args = "", []
    if title_filter.strip():
        where = " WHERE lower(a.title) LIKE lower(?) ESCAPE '\\' OR lower(a.slug) LIKE lower(?) ESCAPE '\\'"
        args = [_like(title_filter)] * 2
    return con.execute(f"SELECT count(*) FROM article a{where}", args).fetchone()[0] or 0


# -- a library opened for reading only -------------------------------------------------------------


class ReadLibrary:
    """A library opened read-only in plain sqlite3, with the attributes of store.library's Library
    that readers use (path, name, bundled, writable, close) and one connection per thread.

    What the app reads through: the query API (store.queries) takes either kind, and reading needs
    nothing of SQLAlchemy, which costs the app ~0.4 s to import and ~45 MB to hold."""

    writable = False

    def __init__(self, path: str | os.PathLike[str], *, bundled: bool = False) -> None:
        self.path = Path(path)
        self.bundled = bundled
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[sqlite3.Connection] = []
        self._closed = False
        self.connection()  # opens and checks the file now: errors belong to opening

    @property
    def name(self) -> str:
        return "Bundled library" if self.bundled else self.path.stem

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (made on first use)."""
        con = getattr(self._local, "con", None)
        if con is None:
            if self._closed:
                raise LibraryError(f"{self.path}: library is closed")
            try:
                con = connect(self.path, immutable=self.bundled)
            except sqlite3.Error as e:
                raise library_error(self.path, e) from None
            except (ValueError, OSError) as e:
                raise LibraryError(f"{self.path}: {e}" if isinstance(e, OSError) else str(e)) from None
            con.isolation_level = None  # transactions are begun explicitly, as store.library does
            self._local.con = con
            with self._lock:
                self._open.append(con)
        return con

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection in a read transaction (one consistent view); errors as LibraryError."""
        con = self.connection()
        try:
            if con.in_transaction:  # already reading on this thread
                yield con
                return
            con.execute("BEGIN")
            try:
                yield con
            finally:
                if con.in_transaction:
                    con.execute("COMMIT")
        except sqlite3.Error as e:
            raise library_error(self.path, e) from None

    def close(self) -> None:
        self._closed = True
        with self._lock:
            cons, self._open = self._open, []
        for con in cons:
            try:
                con.close()
            except sqlite3.Error:
                pass

    def __enter__(self) -> ReadLibrary:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
