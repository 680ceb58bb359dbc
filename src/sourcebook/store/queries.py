"""The read API that the app, the spec sheets and the commands ask: records in, never sessions out."""

from __future__ import annotations

import difflib
import re

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import aliased

from sourcebook.store import fts, quick
from sourcebook.store.library import Library
from sourcebook.store.models import SCHEMA_VERSION, Alias, Article, Block, Claim, Entity, Mention, Sentence
from sourcebook.store.records import (
    ArticleRow, ArticleView, BlockView, ClaimFilter, ClaimRecord, EntityRow, MentionView, SearchHit,
    SearchResult, SentenceHit, SentenceView, Summary,
)

_Subject = aliased(Entity)
_Object = aliased(Entity)


def fold(name: str) -> str:
    """The key two spellings of one name share: case, spaces, dashes and dots ignored."""
    return re.sub(r"[\W_]+", "", name.casefold())


def summary(lib: Library) -> Summary:
    with lib.session() as s:
        return Summary(
            name=lib.name, path=str(lib.path), schema_version=SCHEMA_VERSION,
            articles=s.scalar(select(func.count()).select_from(Article)) or 0,
            sentences=s.scalar(select(func.count()).select_from(Sentence)) or 0,
            claims=s.scalar(select(func.count()).select_from(Claim)) or 0,
            entities=s.scalar(select(func.count()).select_from(Entity)) or 0,
        )


def _raw(s):  # type: ignore[no-untyped-def]
    """The sqlite3 connection under a session (same transaction), for store.quick's plain SQL."""
    return s.connection().connection.driver_connection


# articles(), article() and claims() read through store.quick: the same records (tests compare them
# with the ORM formulations kept below as _articles_orm, _article_orm and _claims_orm) without
# building ORM objects only to copy them into records — they are what the app and the spec sheets
# ask most often, and a spec sheet asks for hundreds of articles and claim lists.

def articles(lib: Library, *, offset: int = 0, limit: int = 200, title_filter: str = "") -> list[ArticleRow]:
    with lib.session() as s:
        return quick.articles(_raw(s), offset=offset, limit=limit, title_filter=title_filter)


def _articles_orm(lib: Library, *, offset: int = 0, limit: int = 200, title_filter: str = "") -> list[ArticleRow]:
    counts = select(Claim.article_id, func.count().label("n")).group_by(Claim.article_id).subquery()
    q = (select(Article.id, Article.slug, Article.title, Article.credits, func.coalesce(counts.c.n, 0))
         .outerjoin(counts, counts.c.article_id == Article.id)
         .order_by(Article.title, Article.id).offset(offset).limit(limit))
    if title_filter.strip():
        like = "%" + title_filter.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        q = q.where(or_(Article.title.ilike(like, escape="\\"), Article.slug.ilike(like, escape="\\")))
    with lib.session() as s:
        return [ArticleRow(r[0], r[1], r[2], tuple(r[3] or ()), r[4]) for r in s.execute(q)]


def article_count(lib: Library, title_filter: str = "") -> int:
    q = select(func.count()).select_from(Article)
    if title_filter.strip():
        like = "%" + title_filter.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        q = q.where(or_(Article.title.ilike(like, escape="\\"), Article.slug.ilike(like, escape="\\")))
    with lib.session() as s:
        return s.scalar(q) or 0


def article_id_for(lib: Library, slug: str) -> int | None:
    with lib.session() as s:
        return s.scalar(select(Article.id).where(Article.slug == slug))


def article(lib: Library, article_id: int) -> ArticleView | None:
    with lib.session() as s:
        return quick.article(_raw(s), article_id)


def _article_orm(lib: Library, article_id: int) -> ArticleView | None:
    with lib.session() as s:
        a = s.get(Article, article_id)
        if a is None:
            return None
        blocks = s.execute(select(Block.id, Block.kind, Block.start, Block.end)
                           .where(Block.article_id == article_id).order_by(Block.ordinal)).all()
        block_index = {b.id: i for i, b in enumerate(blocks)}
        claim_ids: dict[int, list[int]] = {}
        for cid, sid in s.execute(select(Claim.id, Claim.sentence_id).where(Claim.article_id == article_id)
                                  .order_by(Claim.id)):
            claim_ids.setdefault(sid, []).append(cid)
        sentences = tuple(
            SentenceView(r.id, block_index.get(r.block_id, 0), r.start, r.end, tuple(claim_ids.get(r.id, ())))
            for r in s.execute(select(Sentence.id, Sentence.block_id, Sentence.start, Sentence.end)
                               .where(Sentence.article_id == article_id).order_by(Sentence.ordinal))
        )
        mentions = tuple(
            MentionView(r[0], r[1], r[2], r[3], r[4], r[5])
            for r in s.execute(
                select(Entity.id, Entity.name, Entity.kind, Mention.sentence_id, Mention.start, Mention.end)
                .join(Mention, Mention.entity_id == Entity.id).join(Sentence, Sentence.id == Mention.sentence_id)
                .where(Sentence.article_id == article_id).order_by(Mention.start))
        )
        return ArticleView(a.id, a.slug, a.title, tuple(a.credits or ()), a.text,
                           tuple(BlockView(b.kind, b.start, b.end) for b in blocks), sentences, mentions)


def _claim_select() -> Select:
    return (
        select(Claim, Article.slug, Article.title, Article.credits, Sentence.text, Sentence.start, Sentence.end,
               _Subject.name, _Subject.kind, _Object.kind)
        .join(Article, Article.id == Claim.article_id)
        .join(Sentence, Sentence.id == Claim.sentence_id)
        .join(_Subject, _Subject.id == Claim.subject_id)
        .outerjoin(_Object, _Object.id == Claim.object_id)
    )


def _record(row) -> ClaimRecord:  # type: ignore[no-untyped-def]
    c: Claim = row[0]
    return ClaimRecord(
        id=c.id, article_id=c.article_id, article_slug=row[1], article_title=row[2],
        article_credits=tuple(row[3] or ()), sentence_id=c.sentence_id, sentence=row[4],
        sentence_start=row[5], sentence_end=row[6], subject_id=c.subject_id, subject=row[7],
        subject_kind=row[8], predicate=c.predicate, object_id=c.object_id, object_kind=row[9],
        object_text=c.object_text, object_list=tuple(c.object_list) if c.object_list is not None else None,
        value=c.value, unit=c.unit, qualifiers=dict(c.qualifiers or {}), quote=c.quote,
        quote_start=c.quote_start, quote_end=c.quote_end, rule=c.rule, status=c.status,
    )


def _filtered(q: Select, f: ClaimFilter) -> Select:
    if f.article_id is not None:
        q = q.where(Claim.article_id == f.article_id)
    if f.sentence_id is not None:
        q = q.where(Claim.sentence_id == f.sentence_id)
    if f.subject_id is not None:
        q = q.where(Claim.subject_id == f.subject_id)
    if f.entity_id is not None:
        q = q.where(or_(Claim.subject_id == f.entity_id, Claim.object_id == f.entity_id))
    if f.predicate is not None:
        q = q.where(Claim.predicate == f.predicate)
    if f.subject_kind is not None:
        q = q.where(Claim.subject_id.in_(select(Entity.id).where(Entity.kind == f.subject_kind)))
    if f.claim_ids is not None:
        q = q.where(Claim.id.in_(f.claim_ids))
    return q


SORTS = {
    "source": (Claim.article_id, Claim.sentence_id, Claim.id),
    "subject": (_Subject.name, Claim.predicate, Claim.id),
    "predicate": (Claim.predicate, _Subject.name, Claim.id),
    "article": (Article.title, Claim.sentence_id, Claim.id),
}


def claims(lib: Library, f: ClaimFilter = ClaimFilter(), *, offset: int = 0, limit: int | None = 500,
           sort: str = "source") -> list[ClaimRecord]:
    if sort not in SORTS:
        raise KeyError(sort)
    with lib.session() as s:
        return quick.claims(_raw(s), f, offset=offset, limit=limit, sort=sort)


def _claims_orm(lib: Library, f: ClaimFilter = ClaimFilter(), *, offset: int = 0, limit: int | None = 500,
                sort: str = "source") -> list[ClaimRecord]:
    q = _filtered(_claim_select(), f).order_by(*SORTS[sort]).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    with lib.session() as s:
        return [_record(r) for r in s.execute(q)]


def claim(lib: Library, claim_id: int) -> ClaimRecord | None:
    found = claims(lib, ClaimFilter(claim_ids=(claim_id,)), limit=1)
    return found[0] if found else None


def claim_count(lib: Library, f: ClaimFilter = ClaimFilter()) -> int:
    q = _filtered(select(func.count(Claim.id)).select_from(Claim), f)
    with lib.session() as s:
        return s.scalar(q) or 0


def predicates(lib: Library) -> list[str]:
    with lib.session() as s:
        return list(s.scalars(select(Claim.predicate).distinct().order_by(Claim.predicate)))


def iter_claims(lib: Library, batch: int = 2000):  # type: ignore[no-untyped-def]
    """Every claim in source order, a batch at a time, for exports of any size."""
    last = 0
    while True:
        q = _claim_select().where(Claim.id > last).order_by(Claim.id).limit(batch)
        with lib.session() as s:
            rows = [_record(r) for r in s.execute(q)]
        if not rows:
            return
        yield from rows
        last = rows[-1].id


def search(lib: Library, query: str, *, limit: int = 50, offset: int = 0, with_totals: bool = True,
           sentences: bool = True) -> SearchResult:
    """Claims and sentences that match, best first, with the matched words marked."""
    with lib.session() as s:
        conn = s.connection()
        hits = fts.match_claims(conn, query, limit=limit, offset=offset)
        shits = fts.match_sentences(conn, query, limit=limit, offset=offset) if sentences else []
        totals = fts.count(conn, query, sentences=sentences) if with_totals else (len(hits), len(shits))
        # the rows shown, read in plain SQL on the same connection: no ORM objects built to be dropped
        recs = quick.claims_by_id(conn.connection.driver_connection, [h.rowid for h in hits])
        srows = {r.id: r for r in s.execute(
            select(Sentence.id, Sentence.article_id, Sentence.start, Sentence.end, Article.slug, Article.title)
            .join(Article, Article.id == Sentence.article_id).where(Sentence.id.in_([h.rowid for h in shits])))}
    claim_hits = tuple(SearchHit(recs[h.rowid], tuple(fts.segments(h.marked))) for h in hits if h.rowid in recs)
    sentence_hits = tuple(
        SentenceHit(h.rowid, srows[h.rowid].article_id, srows[h.rowid].slug, srows[h.rowid].title,
                    srows[h.rowid].start, srows[h.rowid].end, tuple(fts.segments(h.marked)))
        for h in shits if h.rowid in srows)
    return SearchResult(query, claim_hits, sentence_hits, totals[0], totals[1])


def _entity_rows(lib: Library, where) -> list[EntityRow]:  # type: ignore[no-untyped-def]
    counts = select(Claim.subject_id, func.count().label("n")).group_by(Claim.subject_id).subquery()
    with lib.session() as s:
        rows = s.execute(select(Entity.id, Entity.kind, Entity.name, func.coalesce(counts.c.n, 0))
                         .outerjoin(counts, counts.c.subject_id == Entity.id).where(where)
                         .order_by(Entity.name)).all()
        aliases: dict[int, list[str]] = {}
        for eid, name in s.execute(select(Alias.entity_id, Alias.name)
                                   .where(Alias.entity_id.in_([r[0] for r in rows])).order_by(Alias.name)):
            aliases.setdefault(eid, []).append(name)
    return [EntityRow(r[0], r[1], r[2], tuple(a for a in aliases.get(r[0], []) if a != r[2]), r[3]) for r in rows]


def systems(lib: Library) -> list[EntityRow]:
    return _entity_rows(lib, Entity.kind == "system")


def entity(lib: Library, entity_id: int) -> EntityRow | None:
    rows = _entity_rows(lib, Entity.id == entity_id)
    return rows[0] if rows else None


def find_entity(lib: Library, name: str, kind: str | None = "system") -> EntityRow | None:
    """The entity a name or alias means, case, spaces and dashes ignored."""
    key = fold(name)
    if not key:
        return None
    q = select(Entity.id).where(or_(Entity.key == key, Entity.id.in_(select(Alias.entity_id).where(Alias.key == key))))
    if kind:
        q = q.where(Entity.kind == kind)
    with lib.session() as s:
        eid = s.scalar(q.order_by(Entity.id).limit(1))
    return entity(lib, eid) if eid is not None else None


def suggest(lib: Library, name: str, kind: str = "system", n: int = 3) -> list[str]:
    """Known names closest to a name that matched nothing."""
    rows = _entity_rows(lib, Entity.kind == kind)
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
