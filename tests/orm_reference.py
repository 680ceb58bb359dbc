"""The read queries as they were written on the ORM, kept as the reference that the plain-SQL read
path (store/quick.py, through store/queries.py) must agree with, record for record."""

from __future__ import annotations

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import aliased

from sourcebook.store.models import Alias, Article, Block, Claim, Entity, Mention, Sentence
from sourcebook.store.records import (
    ArticleRow,
    ArticleView,
    BlockView,
    ClaimFilter,
    ClaimRecord,
    EntityRow,
    MentionView,
    SentenceView,
)

_Subject = aliased(Entity)
_Object = aliased(Entity)


def articles(lib, *, offset: int = 0, limit: int = 200, title_filter: str = "") -> list[ArticleRow]:
    counts = select(Claim.article_id, func.count().label("n")).group_by(Claim.article_id).subquery()
    q = (
        select(Article.id, Article.slug, Article.title, Article.credits, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.article_id == Article.id)
        .order_by(Article.title, Article.id)
        .offset(offset)
        .limit(limit)
    )
    if title_filter.strip():
        like = "%" + title_filter.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        q = q.where(or_(Article.title.ilike(like, escape="\\"), Article.slug.ilike(like, escape="\\")))
    with lib.session() as s:
        return [ArticleRow(r[0], r[1], r[2], tuple(r[3] or ()), r[4]) for r in s.execute(q)]


def article(lib, article_id: int) -> ArticleView | None:
    with lib.session() as s:
        a = s.get(Article, article_id)
        if a is None:
            return None
        blocks = s.execute(
            select(Block.id, Block.kind, Block.start, Block.end)
            .where(Block.article_id == article_id)
            .order_by(Block.ordinal)
        ).all()
        block_index = {b.id: i for i, b in enumerate(blocks)}
        claim_ids: dict[int, list[int]] = {}
        for cid, sid in s.execute(
            select(Claim.id, Claim.sentence_id).where(Claim.article_id == article_id).order_by(Claim.id)
        ):
            claim_ids.setdefault(sid, []).append(cid)
        sentences = tuple(
            SentenceView(r.id, block_index.get(r.block_id, 0), r.start, r.end, tuple(claim_ids.get(r.id, ())))
            for r in s.execute(
                select(Sentence.id, Sentence.block_id, Sentence.start, Sentence.end)
                .where(Sentence.article_id == article_id)
                .order_by(Sentence.ordinal)
            )
        )
        mentions = tuple(
            MentionView(r[0], r[1], r[2], r[3], r[4], r[5])
            for r in s.execute(
                select(Entity.id, Entity.name, Entity.kind, Mention.sentence_id, Mention.start, Mention.end)
                .join(Mention, Mention.entity_id == Entity.id)
                .join(Sentence, Sentence.id == Mention.sentence_id)
                .where(Sentence.article_id == article_id)
                .order_by(Mention.start)
            )
        )
        return ArticleView(
            a.id,
            a.slug,
            a.title,
            tuple(a.credits or ()),
            a.text,
            tuple(BlockView(b.kind, b.start, b.end) for b in blocks),
            sentences,
            mentions,
        )


def _claim_select() -> Select:
    return (
        select(
            Claim,
            Article.slug,
            Article.title,
            Article.credits,
            Sentence.text,
            Sentence.start,
            Sentence.end,
            _Subject.name,
            _Subject.kind,
            _Object.kind,
        )
        .join(Article, Article.id == Claim.article_id)
        .join(Sentence, Sentence.id == Claim.sentence_id)
        .join(_Subject, _Subject.id == Claim.subject_id)
        .outerjoin(_Object, _Object.id == Claim.object_id)
    )


def _record(row) -> ClaimRecord:
    c: Claim = row[0]
    return ClaimRecord(
        id=c.id,
        article_id=c.article_id,
        article_slug=row[1],
        article_title=row[2],
        article_credits=tuple(row[3] or ()),
        sentence_id=c.sentence_id,
        sentence=row[4],
        sentence_start=row[5],
        sentence_end=row[6],
        subject_id=c.subject_id,
        subject=row[7],
        subject_kind=row[8],
        predicate=c.predicate,
        object_id=c.object_id,
        object_kind=row[9],
        object_text=c.object_text,
        object_list=tuple(c.object_list) if c.object_list is not None else None,
        value=c.value,
        unit=c.unit,
        qualifiers=dict(c.qualifiers or {}),
        quote=c.quote,
        quote_start=c.quote_start,
        quote_end=c.quote_end,
        rule=c.rule,
        status=c.status,
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


def claims(
    lib,
    f: ClaimFilter = ClaimFilter(),
    *,
    offset: int = 0,
    limit: int | None = 500,
    sort: str = "source",
) -> list[ClaimRecord]:
    q = _filtered(_claim_select(), f).order_by(*SORTS[sort]).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    with lib.session() as s:
        return [_record(r) for r in s.execute(q)]


def claim_count(lib, f: ClaimFilter = ClaimFilter()) -> int:
    q = _filtered(select(func.count(Claim.id)).select_from(Claim), f)
    with lib.session() as s:
        return s.scalar(q) or 0


def predicates(lib) -> list[str]:
    with lib.session() as s:
        return list(s.scalars(select(Claim.predicate).distinct().order_by(Claim.predicate)))


def entity_rows(lib, where) -> list[EntityRow]:
    counts = select(Claim.subject_id, func.count().label("n")).group_by(Claim.subject_id).subquery()
    with lib.session() as s:
        rows = s.execute(
            select(Entity.id, Entity.kind, Entity.name, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.subject_id == Entity.id)
            .where(where)
            .order_by(Entity.name, Entity.id)
        ).all()
        aliases: dict[int, list[str]] = {}
        for eid, name in s.execute(
            select(Alias.entity_id, Alias.name).where(Alias.entity_id.in_([r[0] for r in rows])).order_by(Alias.name)
        ):
            aliases.setdefault(eid, []).append(name)
    return [EntityRow(r[0], r[1], r[2], tuple(a for a in aliases.get(r[0], []) if a != r[2]), r[3]) for r in rows]


def find_entity_id(lib, key: str, kind: str | None) -> int | None:
    q = select(Entity.id).where(or_(Entity.key == key, Entity.id.in_(select(Alias.entity_id).where(Alias.key == key))))
    if kind:
        q = q.where(Entity.kind == kind)
    with lib.session() as s:
        return s.scalar(q.order_by(Entity.id).limit(1))
