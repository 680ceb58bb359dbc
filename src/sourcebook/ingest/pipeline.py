"""Putting one article into a library: parse, split, extract, then write it all in one transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
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
        self.ids: dict[tuple[str, str], Entity] = {}
        self.alias_keys: dict[int, set[str]] = {}

    def get(self, ref: EntityRef) -> Entity:
        key = (ref.kind, fold(ref.name) or ref.name)
        ent = self.ids.get(key)
        if ent is None:
            ent = self.session.scalar(select(Entity).where(Entity.kind == key[0], Entity.key == key[1]))
            if ent is None:
                ent = Entity(kind=ref.kind, name=ref.name, key=key[1])
                self.session.add(ent)
                self.session.flush()
            self.ids[key] = ent
            self.alias_keys[ent.id] = set(self.session.scalars(select(Alias.key).where(Alias.entity_id == ent.id)))
        known = self.alias_keys[ent.id]
        for name in (ref.name, *ref.aliases):
            k = fold(name)
            if k and k not in known:
                known.add(k)
                self.session.add(Alias(entity_id=ent.id, name=name, key=k))
        return ent


def write(session: Session, parsed: ParsedArticle, found: Extraction, *, source: str | None,
          now: datetime) -> tuple[int, int]:
    text = parsed.text
    art = Article(slug=parsed.slug, title=parsed.title, credits=list(parsed.credits), text=text,
                  sha256=sha256(text), ingested_at=now, source_path=source)
    session.add(art)
    session.flush()
    blocks = [Block(article_id=art.id, ordinal=i, kind=b.kind, start=b.start, end=b.end)
              for i, b in enumerate(parsed.blocks)]
    session.add_all(blocks)
    session.flush()
    sentences = [Sentence(article_id=art.id, block_id=blocks[s.block].id, ordinal=i, start=s.start, end=s.end,
                          text=text[s.start:s.end]) for i, s in enumerate(found.sentences)]
    session.add_all(sentences)
    session.flush()
    entities = EntityCache(session)
    session.add_all(Mention(entity_id=entities.get(m.entity).id, sentence_id=sentences[m.sentence].id,
                            start=m.start, end=m.end) for m in found.mentions)
    for c in found.claims:
        session.add(Claim(
            article_id=art.id, sentence_id=sentences[c.sentence].id, subject_id=entities.get(c.subject).id,
            predicate=c.predicate, object_id=entities.get(c.object_entity).id if c.object_entity else None,
            object_text=c.object_text or (c.object_entity.name if c.object_entity else ""),
            object_list=[e.name for e in c.object_list] if c.object_list is not None else None,
            value=c.value, unit=c.unit, qualifiers=c.qualifiers, quote_start=c.quote_start,
            quote_end=c.quote_end, quote=text[c.quote_start:c.quote_end], rule=c.rule, status="extracted",
        ))
        for e in c.object_list or ():
            entities.get(e)
    session.flush()
    return len(sentences), len(found.claims)


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
            s.delete(s.get(Article, old.id))
            s.flush()
        n_sent, n_claims = write(s, parsed, found, source=source, now=now or datetime.now(UTC))
    return Outcome(parsed.slug, "replaced" if old else "added", n_sent, n_claims)


def ingest_path(lib: Library, path: Path, *, now: datetime | None = None) -> Outcome:
    return ingest(lib, read_file(path), source=str(path), now=now)
