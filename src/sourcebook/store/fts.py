"""Full-text search over claims and sentences: the one module that speaks SQLite FTS5.

Everything else in the store is portable SQL; a PostgreSQL back end would replace this module
(create / rebuild / check / match) and nothing else.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sourcebook.store.search_syntax import Term, parse

if TYPE_CHECKING:
    from sqlalchemy import Connection

TOKENIZE = "unicode61 remove_diacritics 2"
MARK_START, MARK_END = "\x02", "\x03"  # highlight() markers; UIs turn them into escaped markup

_CLAIM_ROW = """(SELECT name FROM entity WHERE id = {r}.subject_id),
    replace({r}.predicate, '_', ' '),
    {r}.object_text || coalesce(' ' || (SELECT group_concat(value, ', ') FROM json_each({r}.object_list)), ''),
    {r}.quote"""

DDL = [
    f"CREATE VIRTUAL TABLE claim_fts USING fts5(subject, predicate, object, quote, tokenize = '{TOKENIZE}')",
    f"""CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content = 'sentence', content_rowid = 'id',
        tokenize = '{TOKENIZE}')""",
    f"""CREATE TRIGGER claim_fts_ai AFTER INSERT ON claim BEGIN
        INSERT INTO claim_fts(rowid, subject, predicate, object, quote) VALUES (new.id, {_CLAIM_ROW.format(r="new")});
    END""",
    """CREATE TRIGGER claim_fts_ad AFTER DELETE ON claim BEGIN
        DELETE FROM claim_fts WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER claim_fts_au AFTER UPDATE ON claim BEGIN
        DELETE FROM claim_fts WHERE rowid = old.id;
        INSERT INTO claim_fts(rowid, subject, predicate, object, quote) VALUES (new.id, {_CLAIM_ROW.format(r="new")});
    END""",
    """CREATE TRIGGER sentence_fts_ai AFTER INSERT ON sentence BEGIN
        INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER sentence_fts_ad AFTER DELETE ON sentence BEGIN
        INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER sentence_fts_au AFTER UPDATE ON sentence BEGIN
        INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text);
    END""",
]


def create(conn: Connection) -> None:
    for stmt in DDL:
        conn.exec_driver_sql(stmt)


def rebuild(conn: Connection) -> None:
    """Make both indexes anew from the claim and sentence tables."""
    conn.exec_driver_sql("DELETE FROM claim_fts")
    conn.exec_driver_sql(
        f"INSERT INTO claim_fts(rowid, subject, predicate, object, quote) SELECT c.id, {_CLAIM_ROW.format(r='c')} FROM claim c"
    )
    conn.exec_driver_sql("INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild')")


def problems(conn: Connection) -> list[str]:
    """What is out of step between the indexes and the tables they index (read-only queries)."""
    found = []
    for name, table, key in (("sentence", "sentence", "id"), ("claim", "claim", "id")):
        missing = conn.exec_driver_sql(
            f"SELECT count(*) FROM {table} WHERE {key} NOT IN (SELECT id FROM {name}_fts_docsize)"
        ).scalar_one()
        extra = conn.exec_driver_sql(
            f"SELECT count(*) FROM {name}_fts_docsize WHERE id NOT IN (SELECT {key} FROM {table})"
        ).scalar_one()
        if missing or extra:
            found.append(f"{name} index out of step with {table}s ({missing} missing, {extra} left over)")
    stale = conn.exec_driver_sql(
        f"""SELECT count(*) FROM claim c JOIN claim_fts_content f ON f.id = c.id
            WHERE (f.c0, f.c1, f.c2, f.c3) IS NOT ({_CLAIM_ROW.format(r="c")})"""
    ).scalar_one()
    if stale:
        found.append(f"claim index holds old text for {stale} claims")
    return found


def deep_problems(con: sqlite3.Connection) -> list[str]:
    """FTS5's own integrity check; it is written as an INSERT, so run it on a writable copy."""
    found = []
    for name, check in (
        ("sentence", "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1)"),
        ("claim", "INSERT INTO claim_fts(claim_fts) VALUES ('integrity-check')"),
    ):
        try:
            con.execute(check)
        except sqlite3.DatabaseError as e:
            found.append(f"{name} index damaged or out of step ({e})")
    return found


def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def render(terms: list[Term]) -> str:
    """FTS5 MATCH text for parsed terms; every user string is inside double quotes."""
    parts = []
    for t in terms:
        if t.kind == "or":
            parts.append("OR")
        elif t.kind == "prefix":
            parts.append(_quote(t.text) + "*")
        else:
            parts.append(_quote(t.text))
    return " ".join(parts)


# Best first is bm25 order, ties by rowid. Written as ORDER BY bm25(t), rowid rather than ORDER BY
# rank: the same order (FTS5 breaks rank ties by rowid too), but SQLite's top-N sorter then keeps
# only the page, where FTS5's rank sort orders every match first — a third slower on a word that
# matches tens of thousands of claims. The rowid also keeps pages of equal scores from overlapping.
#
# Ranking needs every match scored, so it costs time in proportion to the library: a common word
# (a third of all claims) takes ~40 ms at 10k articles and ~450 ms at 100k, and the ranking tells the
# reader nothing when tens of thousands of rows all contain the word. So matches are counted only up
# to COUNT_CAP (the UI says "10,000+"), and a query that matches more than that is listed newest
# first (ORDER BY rowid DESC: the newest ingested rows first), which FTS5 serves straight from its
# index without scoring a row: the cost of a page no longer grows with the library. Below the cap,
# results stay in bm25 order. The order is chosen per index (claims, sentences) by its own count.
COUNT_CAP = 10_000  # matches counted at most; more than this and results come newest first

RANK, NEWEST = "rank", "newest"  # result orders: bm25 best first; rowid descending
_ORDER_BY = {RANK: "ORDER BY bm25({t}), rowid", NEWEST: "ORDER BY rowid DESC"}


@dataclass(frozen=True)
class Hit:
    rowid: int
    marked: str  # the matched column with MARK_START/MARK_END around matched words


@dataclass(frozen=True)
class Count:
    """How many rows match, counted up to a cap: ``n`` is exact unless ``capped`` (then it is the
    cap, and more than that match)."""

    n: int
    capped: bool

    @property
    def order(self) -> str:
        """The order results of this many matches come in: newest first when capped, else rank."""
        return NEWEST if self.capped else RANK


def _driver(conn: Connection | sqlite3.Connection) -> sqlite3.Connection:
    """The sqlite3 connection itself, or the one under a SQLAlchemy connection (same transaction):
    searches run often and return many rows, and need nothing from SQLAlchemy but the connection."""
    if isinstance(conn, sqlite3.Connection):
        return conn
    return conn.connection.driver_connection  # type: ignore[return-value]


def _match(
    conn: Connection | sqlite3.Connection, table: str, column: int, query: str, *, limit: int, offset: int, order: str
) -> list[Hit]:
    expr = render(parse(query))
    if not expr:
        return []
    rows = _driver(conn).execute(
        f"SELECT rowid, highlight({table}, {column}, ?, ?) FROM {table} WHERE {table} MATCH ? "
        f"{_ORDER_BY[order].format(t=table)} LIMIT ? OFFSET ?",
        (MARK_START, MARK_END, expr, limit, offset),
    )
    return [Hit(r[0], r[1]) for r in rows]


def match_claims(
    conn: Connection | sqlite3.Connection, query: str, *, limit: int, offset: int = 0, order: str = RANK
) -> list[Hit]:
    """Matching claims in an order (RANK: bm25 best first; NEWEST: newest first), a page at a time."""
    return _match(conn, "claim_fts", 3, query, limit=limit, offset=offset, order=order)


def match_sentences(
    conn: Connection | sqlite3.Connection, query: str, *, limit: int, offset: int = 0, order: str = RANK
) -> list[Hit]:
    """Matching sentences in an order (RANK or NEWEST), a page at a time."""
    return _match(conn, "sentence_fts", 0, query, limit=limit, offset=offset, order=order)


def _count(raw: sqlite3.Connection, table: str, expr: str, cap: int) -> Count:
    n = raw.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)", (expr, cap + 1)
    ).fetchone()[0]
    return Count(cap, True) if n > cap else Count(n, False)


def count_claims(conn: Connection | sqlite3.Connection, query: str, *, cap: int | None = None) -> Count:
    """How many claims match, counted up to ``cap`` (default COUNT_CAP, read when called)."""
    expr = render(parse(query))
    return _count(_driver(conn), "claim_fts", expr, COUNT_CAP if cap is None else cap) if expr else Count(0, False)


def count_sentences(conn: Connection | sqlite3.Connection, query: str, *, cap: int | None = None) -> Count:
    """How many sentences match, counted up to ``cap`` (default COUNT_CAP)."""
    expr = render(parse(query))
    return _count(_driver(conn), "sentence_fts", expr, COUNT_CAP if cap is None else cap) if expr else Count(0, False)


def segments(marked: str) -> list[tuple[str, bool]]:
    """A highlighted string as (text, matched) pieces, for a UI to escape and style."""
    if MARK_START not in marked:  # the match was in another column: nothing marked here
        return [(marked, False)] if marked else []
    out: list[tuple[str, bool]] = []
    rest = marked
    while rest:
        a = rest.find(MARK_START)
        if a < 0:
            out.append((rest, False))
            break
        b = rest.find(MARK_END, a)
        if b < 0:
            b = len(rest)
        if a:
            out.append((rest[:a], False))
        out.append((rest[a + 1 : b], True))
        rest = rest[b + 1 :]
    return [(t, m) for t, m in out if t]
