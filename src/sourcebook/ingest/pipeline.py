"""Putting one article into a library: parse, split, extract, then write it all in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from sourcebook.ingest.drafts import EntityRef, Extraction, ParsedArticle
from sourcebook.ingest.reader import read_file
from sourcebook.store.library import Library
from sourcebook.store.models import Alias, Article, Block, Claim, Entity, Mention, Sentence
from sourcebook.store.queries import fold


@dataclass(frozen=True)
class Outcome:
    slug: str
    action: str  # "added" | "replaced" | "unchanged"
    sentences: int = 0
    claims: int = 0


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EntityCache:
    """Entities of one write, found or made once each; keyed by kind and folded name."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids: dict[tuple[str, str], int] = {}
        self.alias_keys: dict[int, set[str]] = {}

    def get(self, ref: EntityRef) -> int:
        key = (ref.kind, fold(ref.name) or ref.name)
        eid = self.ids.get(key)
        if eid is None:
            eid = self.session.scalar(select(Entity.id).where(Entity.kind == key[0], Entity.key == key[1]))
            if eid is None:
                eid = self.session.scalar(insert(Entity).values(kind=ref.kind, name=ref.name, key=key[1])
                                          .returning(Entity.id))
            self.ids[key] = eid
            self.alias_keys[eid] = set(self.session.scalars(select(Alias.key).where(Alias.entity_id == eid)))
        known = self.alias_keys[eid]
        for name in (ref.name, *ref.aliases):
            k = fold(name)
            if k and k not in known:
                known.add(k)
                self.session.execute(insert(Alias).values(entity_id=eid, name=name, key=k))
        return eid


def _ids(session: Session, table, rows: list[dict]) -> list[int]:  # type: ignore[no-untyped-def]
    """Insert rows in one statement and return their ids in the order given."""
    if not rows:
        return []
    result = session.execute(insert(table).returning(table.id, sort_by_parameter_order=True), rows)
    return list(result.scalars())


def write(session: Session, parsed: ParsedArticle, found: Extraction, *, source: str | None,
          now: datetime) -> tuple[int, int]:
    """Insert one article and everything found in it; Core inserts, since ORM objects would be
    built only to be thrown away and ingest speed is bounded by this loop."""
    text = parsed.text
    art_id = session.scalar(insert(Article).values(
        slug=parsed.slug, title=parsed.title, credits=list(parsed.credits), text=text, sha256=sha256(text),
        ingested_at=now, source_path=source).returning(Article.id))
    block_ids = _ids(session, Block, [dict(article_id=art_id, ordinal=i, kind=b.kind, start=b.start, end=b.end)
                                      for i, b in enumerate(parsed.blocks)])
    sent_ids = _ids(session, Sentence, [
        dict(article_id=art_id, block_id=block_ids[s.block], ordinal=i, start=s.start, end=s.end,
             text=text[s.start:s.end]) for i, s in enumerate(found.sentences)])
    entities = EntityCache(session)
    mentions = [dict(entity_id=entities.get(m.entity), sentence_id=sent_ids[m.sentence], start=m.start, end=m.end)
                for m in found.mentions]
    if mentions:
        session.execute(insert(Mention), mentions)
    claims = []
    for c in found.claims:
        for e in c.object_list or ():
            entities.get(e)
        claims.append(dict(
            article_id=art_id, sentence_id=sent_ids[c.sentence], subject_id=entities.get(c.subject),
            predicate=c.predicate, object_id=entities.get(c.object_entity) if c.object_entity else None,
            object_text=c.object_text or (c.object_entity.name if c.object_entity else ""),
            object_list=[e.name for e in c.object_list] if c.object_list is not None else None,
            value=c.value, unit=c.unit, qualifiers=c.qualifiers, quote_start=c.quote_start,
            quote_end=c.quote_end, quote=text[c.quote_start:c.quote_end], rule=c.rule, status="extracted"))
    if claims:
        session.execute(insert(Claim), claims)
    return len(sent_ids), len(claims)


def ingest(lib: Library, parsed: ParsedArticle, *, source: str | None = None,
           now: datetime | None = None) -> Outcome:
    """Add one article, replacing an older text of the same slug; nothing if the text is unchanged."""
    digest = sha256(parsed.text)
    with lib.session() as s:
        old = s.execute(select(Article.id, Article.sha256).where(Article.slug == parsed.slug)).first()
    if old and old.sha256 == digest:
        return Outcome(parsed.slug, "unchanged")
    from sourcebook.ingest.extract import extract  # the rules load their gazetteers on first use

    found = extract(parsed)  # outside the transaction: a writer holds its lock only while writing
    with lib.writing() as s:
        if old:
            s.execute(delete(Article).where(Article.id == old.id))  # rows below go by ON DELETE CASCADE
        n_sent, n_claims = write(s, parsed, found, source=source, now=now or datetime.now(UTC))
    return Outcome(parsed.slug, "replaced" if old else "added", n_sent, n_claims)


def ingest_path(lib: Library, path: Path, *, now: datetime | None = None,
                warn: Callable[[str], None] | None = None) -> Outcome:
    parsed = read_file(path)
    for w in parsed.warnings:
        if warn:
            warn(w)
    return ingest(lib, parsed, source=str(path), now=now)
