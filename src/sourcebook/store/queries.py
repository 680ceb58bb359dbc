"""The read API that the app, the spec sheets and the commands ask: records in, never sessions out.

Every function takes a library — a ``Library`` (store.library, SQLAlchemy) or a ``ReadLibrary``
(store.quick, plain sqlite3, what the app reads through) — and reads it in plain SQL on the
connection underneath, in one read transaction. Importing this module does not import SQLAlchemy:
the app never loads it just to read. tests/orm_reference.py keeps the ORM formulations these
queries replaced, and the tests hold the two to the same records.
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sourcebook.store import fts, quick
from sourcebook.store.quick import SCHEMA_VERSION, ReadLibrary
from sourcebook.store.records import (
    ArticleRow,
    ArticleView,
    ClaimFilter,
    ClaimRecord,
    EntityRow,
    SearchHit,
    SearchResult,
    SentenceHit,
    Summary,
)

if TYPE_CHECKING:
    from sourcebook.store.library import Library

    AnyLibrary = Library | ReadLibrary

SORTS = quick.SORTS  # claim list orders: "source", "subject", "predicate", "article"
_ALL = ClaimFilter()


def fold(name: str) -> str:
    """The key two spellings of one name share: case, spaces, dashes and dots ignored."""
    return re.sub(r"[\W_]+", "", name.casefold())


@contextmanager
def _reading(lib: AnyLibrary) -> Iterator[sqlite3.Connection]:
    """The sqlite3 connection under a library, in a read transaction; database errors come out as
    the one-line LibraryError the library would give."""
    if isinstance(lib, ReadLibrary):
        with lib.reading() as con:
            yield con
        return
    with lib.session() as s:
        try:
            yield s.connection().connection.driver_connection
        except sqlite3.Error as e:
            raise quick.library_error(lib.path, e) from None


def summary(lib: AnyLibrary) -> Summary:
    with _reading(lib) as con:

        def n(table: str) -> int:
            return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] or 0

        return Summary(
            name=lib.name,
            path=str(lib.path),
            schema_version=SCHEMA_VERSION,
            articles=n("article"),
            sentences=n("sentence"),
            claims=n("claim"),
            entities=n("entity"),
        )


def articles(lib: AnyLibrary, *, offset: int = 0, limit: int = 200, title_filter: str = "") -> list[ArticleRow]:
    with _reading(lib) as con:
        return quick.articles(con, offset=offset, limit=limit, title_filter=title_filter)


def article_count(lib: AnyLibrary, title_filter: str = "") -> int:
    with _reading(lib) as con:
        return quick.article_count(con, title_filter)


def article_id_for(lib: AnyLibrary, slug: str) -> int | None:
    with _reading(lib) as con:
        row = con.execute("SELECT id FROM article WHERE slug = ?", (slug,)).fetchone()
    return row[0] if row else None


def article(lib: AnyLibrary, article_id: int) -> ArticleView | None:
    with _reading(lib) as con:
        return quick.article(con, article_id)


def claims(
    lib: AnyLibrary, f: ClaimFilter = _ALL, *, offset: int = 0, limit: int | None = 500, sort: str = "source"
) -> list[ClaimRecord]:
    if sort not in SORTS:
        raise KeyError(sort)
    with _reading(lib) as con:
        return quick.claims(con, f, offset=offset, limit=limit, sort=sort)


def claim(lib: AnyLibrary, claim_id: int) -> ClaimRecord | None:
    found = claims(lib, ClaimFilter(claim_ids=(claim_id,)), limit=1)
    return found[0] if found else None


def claim_count(lib: AnyLibrary, f: ClaimFilter = _ALL) -> int:
    with _reading(lib) as con:
        return quick.claim_count(con, f)


def predicates(lib: AnyLibrary) -> list[str]:
    with _reading(lib) as con:
        return [r[0] for r in con.execute("SELECT DISTINCT predicate FROM claim ORDER BY predicate")]


def iter_claims(lib: AnyLibrary, batch: int = 2000) -> Iterator[ClaimRecord]:
    """Every claim in source order, a batch at a time, for exports of any size."""
    last = 0
    while True:
        with _reading(lib) as con:
            rows = [
                quick.claim_record(r)
                for r in con.execute(
                    f"SELECT {quick.CLAIM_COLUMNS} FROM {quick.CLAIM_FROM} WHERE c.id > ? ORDER BY c.id LIMIT ?",
                    (last, batch),
                )
            ]
        if not rows:
            return
        yield from rows
        last = rows[-1].id


def search(
    lib: AnyLibrary,
    query: str,
    *,
    limit: int = 50,
    offset: int = 0,
    with_totals: bool = True,
    sentences: bool = True,
    order: str | None = None,
    sentence_order: str | None = None,
) -> SearchResult:
    """Claims and sentences that match, with the matched words marked: best first (bm25), or newest
    first when more than fts.COUNT_CAP match — each kind by its own capped count.

    ``order`` / ``sentence_order`` ("rank" or "newest") fix the order instead, so that later pages
    of a listing keep the order of its first (what the result's ``claim_order`` says); without them
    the capped count is taken to choose, even when ``with_totals`` is False (then the totals are
    the numbers of hits on this page, as they always were)."""
    with _reading(lib) as con:
        ccount = fts.count_claims(con, query) if with_totals or order is None else None
        corder = order or ccount.order  # type: ignore[union-attr]
        hits = fts.match_claims(con, query, limit=limit, offset=offset, order=corder)
        scount, sorder = None, fts.RANK
        if sentences:
            scount = fts.count_sentences(con, query) if with_totals or sentence_order is None else None
            sorder = sentence_order or scount.order  # type: ignore[union-attr]
        shits = fts.match_sentences(con, query, limit=limit, offset=offset, order=sorder) if sentences else []
        recs = quick.claims_by_id(con, [h.rowid for h in hits])
        srows = (
            {
                r[0]: r
                for r in con.execute(
                    """SELECT s.id, s.article_id, s.start, s."end", a.slug, a.title FROM sentence s
               JOIN article a ON a.id = s.article_id WHERE s.id IN (SELECT value FROM json_each(?))""",
                    (json.dumps([h.rowid for h in shits]),),
                )
            }
            if shits
            else {}
        )
    claim_hits = tuple(SearchHit(recs[h.rowid], tuple(fts.segments(h.marked))) for h in hits if h.rowid in recs)
    sentence_hits = tuple(
        SentenceHit(
            h.rowid,
            srows[h.rowid][1],
            srows[h.rowid][4],
            srows[h.rowid][5],
            srows[h.rowid][2],
            srows[h.rowid][3],
            tuple(fts.segments(h.marked)),
        )
        for h in shits
        if h.rowid in srows
    )
    if with_totals:
        assert ccount is not None
        total_c, capped_c = ccount.n, ccount.capped
        total_s, capped_s = (scount.n, scount.capped) if scount is not None else (0, False)
    else:
        total_c, capped_c, total_s, capped_s = len(hits), False, len(shits), False
    return SearchResult(query, claim_hits, sentence_hits, total_c, total_s, capped_c, capped_s, corder, sorder)


def _entity_rows(lib: AnyLibrary, where: str, args: tuple = ()) -> list[EntityRow]:  # type: ignore[type-arg]
    with _reading(lib) as con:
        rows = con.execute(
            f"""SELECT e.id, e.kind, e.name, (SELECT count(*) FROM claim c WHERE c.subject_id = e.id)
                FROM entity e WHERE {where} ORDER BY e.name, e.id""",
            args,
        ).fetchall()
        aliases: dict[int, list[str]] = {}
        for eid, name in con.execute(
            "SELECT entity_id, name FROM alias WHERE entity_id IN (SELECT value FROM json_each(?)) ORDER BY name",
            (json.dumps([r[0] for r in rows]),),
        ):
            aliases.setdefault(eid, []).append(name)
    return [EntityRow(r[0], r[1], r[2], tuple(a for a in aliases.get(r[0], []) if a != r[2]), r[3]) for r in rows]


def systems(lib: AnyLibrary) -> list[EntityRow]:
    return _entity_rows(lib, "e.kind = 'system'")


def entity(lib: AnyLibrary, entity_id: int) -> EntityRow | None:
    rows = _entity_rows(lib, "e.id = ?", (entity_id,))
    return rows[0] if rows else None


def find_entity(lib: AnyLibrary, name: str, kind: str | None = "system") -> EntityRow | None:
    """The entity a name or alias means, case, spaces and dashes ignored."""
    key = fold(name)
    if not key:
        return None
    sql = "SELECT id FROM entity WHERE (key = ? OR id IN (SELECT entity_id FROM alias WHERE key = ?))"
    args: list = [key, key]  # type: ignore[type-arg]
    if kind:
        sql += " AND kind = ?"
        args.append(kind)
    with _reading(lib) as con:
        row = con.execute(sql + " ORDER BY id LIMIT 1", args).fetchone()
    return entity(lib, row[0]) if row else None


def suggest(lib: AnyLibrary, name: str, kind: str = "system", n: int = 3) -> list[str]:
    """Known names closest to a name that matched nothing."""
    rows = _entity_rows(lib, "e.kind = ?", (kind,))
    by_key: dict[str, str] = {}
    for r in rows:
        by_key.setdefault(fold(r.name), r.name)
        for a in r.aliases:
            by_key.setdefault(fold(a), r.name)
    keys = difflib.get_close_matches(fold(name), list(by_key), n=n * 2, cutoff=0.5)
    out: list[str] = []
    for k in keys:
        if by_key[k] not in out:
            out.append(by_key[k])
    return out[:n]
