"""A small read-only path to a library in plain sqlite3, for what must be fast: the app's first paint
(the article list and the first article, before SQLAlchemy has even been imported) and the rows a
search shows.

It returns exactly the records the query API (``sourcebook.store.queries``) returns for the same
questions; tests compare the two on a library. Nothing here writes, and nothing here imports
SQLAlchemy.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from sourcebook.store.records import (
    ArticleRow,
    ArticleView,
    BlockView,
    ClaimFilter,
    ClaimRecord,
    MentionView,
    SentenceView,
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


def claim_record(r: Sequence) -> ClaimRecord:  # type: ignore[type-arg]
    """A ClaimRecord from a row of CLAIM_COLUMNS."""
    credits, object_list, qualifiers = _json(r[4]), _json(r[16]), _json(r[19])
    return ClaimRecord(
        id=r[0], article_id=r[1], article_slug=r[2], article_title=r[3], article_credits=tuple(credits or ()),
        sentence_id=r[5], sentence=r[6], sentence_start=r[7], sentence_end=r[8], subject_id=r[9], subject=r[10],
        subject_kind=r[11], predicate=r[12], object_id=r[13], object_kind=r[14], object_text=r[15],
        object_list=tuple(object_list) if object_list is not None else None,
        value=float(r[17]) if r[17] is not None else None, unit=r[18], qualifiers=dict(qualifiers or {}),
        quote=r[20], quote_start=r[21], quote_end=r[22], rule=r[23], status=r[24],
    )


def connect(path: str | Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection to a library file; raises (sqlite3.Error, ValueError) when it is not one
    of this schema version, so that a caller can fall back to the full path and its messages."""
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"{p}: no such library file")
    quoted = str(p.resolve()).replace("?", "%3f").replace("#", "%23")
    uri = f"file:{quoted}?mode=ro" + ("&immutable=1" if immutable else "")
    con = sqlite3.connect(uri, uri=True, check_same_thread=False)
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


def articles(con: sqlite3.Connection, *, offset: int = 0, limit: int = 200,
             title_filter: str = "") -> list[ArticleRow]:
    """== queries.articles: a page of articles in title order, with their number of claims."""
    where, args = "", []
    if title_filter.strip():
        where = "WHERE lower(a.title) LIKE lower(?) ESCAPE '\\' OR lower(a.slug) LIKE lower(?) ESCAPE '\\'"
        args = [_like(title_filter)] * 2
    rows = con.execute(
        f"""SELECT a.id, a.slug, a.title, a.credits,
                   (SELECT count(*) FROM claim c WHERE c.article_id = a.id)
            FROM article a {where} ORDER BY a.title, a.id LIMIT ? OFFSET ?""",
        [*args, limit, offset]).fetchall()
    return [ArticleRow(r[0], r[1], r[2], tuple(_json(r[3]) or ()), r[4]) for r in rows]


def first_article_id(con: sqlite3.Connection) -> int | None:
    row = con.execute("SELECT id FROM article ORDER BY title, id LIMIT 1").fetchone()
    return row[0] if row else None


def article(con: sqlite3.Connection, article_id: int) -> ArticleView | None:
    """== queries.article: an article's text with its blocks, sentences (and their claims) and mentions."""
    a = con.execute("SELECT id, slug, title, credits, text FROM article WHERE id = ?", (article_id,)).fetchone()
    if a is None:
        return None
    blocks = con.execute('SELECT id, kind, start, "end" FROM block WHERE article_id = ? ORDER BY ordinal',
                         (article_id,)).fetchall()
    block_index = {b[0]: i for i, b in enumerate(blocks)}
    claim_ids: dict[int, list[int]] = {}
    for cid, sid in con.execute("SELECT id, sentence_id FROM claim WHERE article_id = ? ORDER BY id", (article_id,)):
        claim_ids.setdefault(sid, []).append(cid)
    sentences = tuple(
        SentenceView(sid, block_index.get(bid, 0), start, end, tuple(claim_ids.get(sid, ())))
        for sid, bid, start, end in con.execute(
            'SELECT id, block_id, start, "end" FROM sentence WHERE article_id = ? ORDER BY ordinal', (article_id,)))
    mentions = tuple(MentionView(*r) for r in con.execute(
        """SELECT e.id, e.name, e.kind, m.sentence_id, m.start, m."end"
           FROM entity e JOIN mention m ON m.entity_id = e.id JOIN sentence s ON s.id = m.sentence_id
           WHERE s.article_id = ? ORDER BY m.start""", (article_id,)))
    return ArticleView(a[0], a[1], a[2], tuple(_json(a[3]) or ()), a[4],
                       tuple(BlockView(b[1], b[2], b[3]) for b in blocks), sentences, mentions)


def article_claims(con: sqlite3.Connection, article_id: int) -> list[ClaimRecord]:
    """== queries.claims(ClaimFilter(article_id=...), limit=None): an article's claims in source order."""
    rows = con.execute(f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.article_id = ? "
                       "ORDER BY c.article_id, c.sentence_id, c.id", (article_id,))
    return [claim_record(r) for r in rows]


def claims_by_id(con: sqlite3.Connection, ids: Iterable[int]) -> dict[int, ClaimRecord]:
    """Claims by id (any order in, a dict out); ids that name no claim are left out."""
    ids = list(dict.fromkeys(ids))
    out: dict[int, ClaimRecord] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
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


def claims(con: sqlite3.Connection, f: ClaimFilter = ClaimFilter(), *, offset: int = 0,  # noqa: B008
           limit: int | None = 500, sort: str = "source") -> list[ClaimRecord]:
    """== queries.claims: the claims a filter picks, in a sort order, a page at a time.

    The page is chosen on the ids alone (the sort keys, not whole rows, go through the sorter),
    then its rows are read by id: a page of a sorted library-wide list costs a page's rows."""
    order, join = SORTS[sort]
    where, args = _where(f)
    ids = [r[0] for r in con.execute(
        f"SELECT c.id FROM claim c {join}{where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*args, -1 if limit is None else limit, offset])]
    if not ids:
        return []
    found = {r[0]: claim_record(r) for r in con.execute(
        f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),))}
    return [found[i] for i in ids if i in found]
