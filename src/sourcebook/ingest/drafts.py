"""Plain records that the ingest stages hand to each other and to the store.

Every offset is an absolute character offset into the article text as read, so that
``text[start:end]`` is always the quoted string: nothing downstream re-finds a span by search.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_KINDS = ("system", "country", "organisation", "agreement", "exercise", "event")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class BlockDraft:
    kind: str  # "title" | "paragraph" | "credit"
    start: int
    end: int


@dataclass(frozen=True)
class SentenceDraft:
    block: int  # index into the article's blocks
    start: int
    end: int


@dataclass(frozen=True)
class EntityRef:
    """An entity by its canonical name; ``aliases`` are other spellings seen or known."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class MentionDraft:
    entity: EntityRef
    sentence: int  # index into the article's sentences
    start: int
    end: int


@dataclass
class ClaimDraft:
    sentence: int  # index into the article's sentences
    subject: EntityRef
    predicate: str
    quote_start: int
    quote_end: int
    rule: str
    object_entity: EntityRef | None = None
    object_text: str = ""  # what the object reads as: a name, a class, "a measure with its number"
    object_list: list[EntityRef] | None = None  # parties of an agreement, participants
    value: float | None = None
    unit: str | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParsedArticle:
    slug: str
    text: str
    title: str
    credits: list[str]
    blocks: list[BlockDraft]
    warnings: list[str] = field(default_factory=list)  # e.g. the text was not UTF-8


@dataclass
class Extraction:
    sentences: list[SentenceDraft]
    mentions: list[MentionDraft]
    claims: list[ClaimDraft]
