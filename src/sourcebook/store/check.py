"""Finding damage in a library: SQLite's own checks, foreign keys, offsets and the search index."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlalchemy import select

from sourcebook.store import fts
from sourcebook.store.library import Library
from sourcebook.store.models import Article, Claim, Mention, Sentence


@dataclass(frozen=True)
class Problem:
    kind: str  # "integrity" | "foreign-key" | "offsets" | "search-index"
    message: str


FIXES = {
    "integrity": "the file is damaged: rebuild the library from its articles with 'sourcebook ingest'",
    "foreign-key": "rows point at rows that are gone: rebuild the library from its articles",
    "offsets": "stored text no longer matches its article: re-ingest the articles named",
    "search-index": "run 'sourcebook check --repair --db PATH' to rebuild the search index",
}


def _sqlite(lib: Library) -> list[Problem]:
    out = []
    with lib.engine.connect() as c:
        for (msg,) in c.exec_driver_sql("PRAGMA integrity_check"):
            if msg != "ok":
                out.append(Problem("integrity", msg))
        for row in c.exec_driver_sql("PRAGMA foreign_key_check"):
            out.append(Problem("foreign-key", f"{row[0]} row {row[1]} points at a missing {row[2]}"))
    return out


def _offsets(lib: Library) -> list[Problem]:
    out: list[Problem] = []
    with lib.session() as s:
        for art_id, slug, text in s.execute(select(Article.id, Article.slug, Article.text)):
            bounds = {}
            for sid, start, end, stext in s.execute(
                select(Sentence.id, Sentence.start, Sentence.end, Sentence.text).where(Sentence.article_id == art_id)
            ):
                bounds[sid] = (start, end)
                if not (0 <= start < end <= len(text)) or text[start:end] != stext:
                    out.append(Problem("offsets", f"{slug}: sentence {sid} is not the article text at {start}:{end}"))
            for cid, sid, qs, qe, quote in s.execute(
                select(Claim.id, Claim.sentence_id, Claim.quote_start, Claim.quote_end, Claim.quote).where(
                    Claim.article_id == art_id
                )
            ):
                ss, se = bounds.get(sid, (None, None))
                if ss is None:
                    out.append(Problem("offsets", f"{slug}: claim {cid} cites sentence {sid} of another article"))
                elif not (ss <= qs < qe <= se) or text[qs:qe] != quote:
                    out.append(Problem("offsets", f"{slug}: claim {cid} quote is not the article text at {qs}:{qe}"))
            for mid, sid, ms, me in s.execute(
                select(Mention.id, Mention.sentence_id, Mention.start, Mention.end).where(
                    Mention.sentence_id.in_(list(bounds))
                )
            ):
                ss, se = bounds[sid]
                if not (ss <= ms < me <= se):
                    out.append(Problem("offsets", f"{slug}: mention {mid} lies outside its sentence"))
    return out


def problems(lib: Library) -> list[Problem]:
    found = _sqlite(lib)
    if any(p.kind == "integrity" for p in found):
        return found  # reading further from a damaged file only repeats the damage
    found += _offsets(lib)
    with lib.engine.connect() as c:
        found += [Problem("search-index", m) for m in fts.problems(c)]
    found += [Problem("search-index", m) for m in fts.deep_problems(_copy_in_memory(lib))]
    return found


def _copy_in_memory(lib: Library) -> sqlite3.Connection:
    """A private copy to run checks that SQLite only offers as writes; the file is never touched."""
    copy = sqlite3.connect(":memory:")
    raw = lib.engine.raw_connection()
    try:
        raw.driver_connection.backup(copy)  # type: ignore[union-attr]
    finally:
        raw.close()
    return copy


def repair(lib: Library) -> None:
    """Rebuild what can be rebuilt without losing a claim: the search index."""
    with lib.writing() as s:
        fts.rebuild(s.connection())
