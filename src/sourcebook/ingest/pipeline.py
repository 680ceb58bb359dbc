"""Putting one article into a library: parse, split, extract, then write it all in one transaction."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from sourcebook.ingest.drafts import EntityRef, Extraction, ParsedArticle
from sourcebook.ingest.reader import read_file
from sourcebook.store.library import Library
from sourcebook.store.models import Article
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
    """Entities of one write, found or made once each; keyed by kind and folded name.

    Works on the sqlite3 connection under the session (the same transaction): one lookup per
    entity and article, where SQLAlchemy's statement machinery cost more than SQLite's work.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.con: sqlite3.Connection = session.connection().connection.driver_connection  # type: ignore[assignment]
        self.ids: dict[tuple[str, str], int] = {}
        self.alias_keys: dict[int, set[str]] = {}

    def get(self, ref: EntityRef) -> int:
        key = (ref.kind, fold(ref.name) or ref.name)
        eid = self.ids.get(key)
        con = self.con
        if eid is None:
            row = con.execute("SELECT id FROM entity WHERE kind = ? AND key = ?", key).fetchone()
            if row is None:
                eid = con.execute(
                    "INSERT INTO entity (kind, name, key) VALUES (?, ?, ?)", (ref.kind, ref.name, key[1])
                ).lastrowid
            else:
                eid = row[0]
            self.ids[key] = eid
            self.alias_keys[eid] = {r[0] for r in con.execute("SELECT key FROM alias WHERE entity_id = ?", (eid,))}
        known = self.alias_keys[eid]
        for name in (ref.name, *ref.aliases):
            k = fold(name)
            if k and k not in known:
                known.add(k)
                con.execute("INSERT INTO alias (entity_id, name, key) VALUES (?, ?, ?)", (eid, name, k))
        return eid  # type: ignore[return-value]


def _insert_numbered(con: sqlite3.Connection, table: str, columns: str, rows: list[tuple]) -> list[int]:  # type: ignore[type-arg]
    """Insert rows with ids numbered on from the table's largest (what SQLite would give them: the
    writer holds the lock), in one executemany; returns the ids in the order given."""
    if not rows:
        return []
    base = con.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
    ids = list(range(base + 1, base + 1 + len(rows)))
    marks = ", ".join("?" * (len(rows[0]) + 1))
    con.executemany(
        f"INSERT INTO {table} (id, {columns}) VALUES ({marks})", [(i, *r) for i, r in zip(ids, rows, strict=True)]
    )
    return ids


def _json(value) -> str:  # type: ignore[no-untyped-def]
    return json.dumps(value)  # as SQLAlchemy's JSON type writes it (None is the JSON text null)


def write(
    session: Session, parsed: ParsedArticle, found: Extraction, *, source: str | None, now: datetime
) -> tuple[int, int]:
    """Insert one article and everything found in it.

    The article row goes through SQLAlchemy Core; its blocks, sentences, mentions, entities and
    claims, hundreds of rows per article, go straight to the sqlite3 connection under the session
    (same transaction) with executemany: ingest speed is bounded by this loop, and the statement
    machinery above SQLite cost more than SQLite's own work (its FTS triggers included)."""
    text = parsed.text
    art_id = session.scalar(
        insert(Article)
        .values(
            slug=parsed.slug,
            title=parsed.title,
            credits=list(parsed.credits),
            text=text,
            sha256=sha256(text),
            ingested_at=now,
            source_path=source,
        )
        .returning(Article.id)
    )
    con: sqlite3.Connection = session.connection().connection.driver_connection  # type: ignore[assignment]
    block_ids = _insert_numbered(
        con,
        "block",
        'article_id, ordinal, kind, start, "end"',
        [(art_id, i, b.kind, b.start, b.end) for i, b in enumerate(parsed.blocks)],
    )
    sent_ids = _insert_numbered(
        con,
        "sentence",
        'article_id, block_id, ordinal, start, "end", text',
        [(art_id, block_ids[s.block], i, s.start, s.end, text[s.start : s.end]) for i, s in enumerate(found.sentences)],
    )
    entities = EntityCache(session)
    mentions = [(entities.get(m.entity), sent_ids[m.sentence], m.start, m.end) for m in found.mentions]
    if mentions:
        con.executemany('INSERT INTO mention (entity_id, sentence_id, start, "end") VALUES (?, ?, ?, ?)', mentions)
    claims = []
    for c in found.claims:
        for e in c.object_list or ():
            entities.get(e)
        claims.append(
            (
                art_id,
                sent_ids[c.sentence],
                entities.get(c.subject),
                c.predicate,
                entities.get(c.object_entity) if c.object_entity else None,
                c.object_text or (c.object_entity.name if c.object_entity else ""),
                _json([e.name for e in c.object_list] if c.object_list is not None else None),
                c.value,
                c.unit,
                _json(c.qualifiers),
                c.quote_start,
                c.quote_end,
                text[c.quote_start : c.quote_end],
                c.rule,
                "extracted",
            )
        )
    if claims:
        con.executemany(
            """INSERT INTO claim (article_id, sentence_id, subject_id, predicate, object_id, object_text,
               object_list, value, unit, qualifiers, quote_start, quote_end, quote, rule, status)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            claims,
        )
    return len(sent_ids), len(claims)


def ingest(lib: Library, parsed: ParsedArticle, *, source: str | None = None, now: datetime | None = None) -> Outcome:
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


def ingest_path(
    lib: Library, path: Path, *, now: datetime | None = None, warn: Callable[[str], None] | None = None
) -> Outcome:
    parsed = read_file(path)
    for w in parsed.warnings:
        if warn:
            warn(w)
    return ingest(lib, parsed, source=str(path), now=now)
