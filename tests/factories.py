"""Libraries made in a test from hand-written articles and claims, without the extraction rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sourcebook.ingest.drafts import ClaimDraft, EntityRef, Extraction, MentionDraft, SentenceDraft
from sourcebook.ingest.pipeline import write
from sourcebook.ingest.reader import parse
from sourcebook.store.library import Library, open_library

NOW = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass
class C:
    """A claim by its quote: the first occurrence of ``quote`` in the article is the span."""

    subject: str
    predicate: str
    quote: str
    object: str = ""
    subject_kind: str = "system"
    object_kind: str | None = None  # an entity kind when the object is an entity
    object_list: list[str] | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    value: float | None = None
    unit: str | None = None
    nth: int = 0  # which occurrence of the quote


def split_naive(text: str, blocks) -> list[SentenceDraft]:  # type: ignore[no-untyped-def]
    out = []
    for i, b in enumerate(blocks):
        for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text[b.start : b.end]):
            if m.group(0).strip():
                out.append(SentenceDraft(i, b.start + m.start(), b.start + m.end()))
    return out


def add_article(lib: Library, slug: str, text: str, claims: list[C] = (), mentions: list[tuple[str, str]] = ()):  # type: ignore[assignment]
    """Write one article with the given claims; mentions are (name, kind) marked at each occurrence."""
    parsed = parse(text, slug)
    sentences = split_naive(text, parsed.blocks)

    def sentence_of(pos: int) -> int:
        return next(i for i, s in enumerate(sentences) if s.start <= pos < s.end)

    drafts = []
    for c in claims:
        starts = [m.start() for m in re.finditer(re.escape(c.quote), text)]
        qs = starts[c.nth]
        drafts.append(
            ClaimDraft(
                sentence=sentence_of(qs),
                subject=EntityRef(c.subject, c.subject_kind),
                predicate=c.predicate,
                quote_start=qs,
                quote_end=qs + len(c.quote),
                rule="test",
                object_entity=EntityRef(c.object, c.object_kind) if c.object_kind else None,
                object_text=c.object,
                object_list=[EntityRef(n, "country") for n in c.object_list] if c.object_list else None,
                value=c.value,
                unit=c.unit,
                qualifiers=dict(c.qualifiers),
            )
        )
    found_mentions = []
    for name, kind in mentions:
        for m in re.finditer(re.escape(name), text):
            found_mentions.append(MentionDraft(EntityRef(name, kind), sentence_of(m.start()), m.start(), m.end()))
    with lib.writing() as s:
        write(s, parsed, Extraction(sentences, found_mentions, drafts), source=None, now=NOW)


def new_library(path: Path) -> Library:
    return open_library(path, create=True)
