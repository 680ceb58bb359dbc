"""Plain, read-only records the query API hands out: no session needed to read them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EXPORT_FIELDS = (
    "article",
    "subject",
    "predicate",
    "object",
    "qualifiers",
    "sentence",
    "sentence_start",
    "sentence_end",
    "quote",
    "quote_start",
    "quote_end",
    "rule",
    "status",
)


@dataclass(frozen=True)
class ArticleRow:
    id: int
    slug: str
    title: str
    credits: tuple[str, ...]
    claim_count: int


@dataclass(frozen=True)
class BlockView:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class SentenceView:
    id: int
    block: int  # index into ArticleView.blocks
    start: int
    end: int
    claim_ids: tuple[int, ...]


@dataclass(frozen=True)
class MentionView:
    entity_id: int
    name: str
    kind: str
    sentence_id: int
    start: int
    end: int


@dataclass(frozen=True)
class ArticleView:
    id: int
    slug: str
    title: str
    credits: tuple[str, ...]
    text: str
    blocks: tuple[BlockView, ...]
    sentences: tuple[SentenceView, ...]
    mentions: tuple[MentionView, ...]

    def sentence_at(self, pos: int) -> SentenceView | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None


@dataclass(frozen=True)
class ClaimRecord:
    id: int
    article_id: int
    article_slug: str
    article_title: str
    article_credits: tuple[str, ...]
    sentence_id: int
    sentence: str
    sentence_start: int
    sentence_end: int
    subject_id: int
    subject: str
    subject_kind: str
    predicate: str
    object_id: int | None
    object_kind: str | None
    object_text: str
    object_list: tuple[str, ...] | None
    value: float | None
    unit: str | None
    qualifiers: dict[str, Any] = field(hash=False)
    quote: str
    quote_start: int
    quote_end: int
    rule: str
    status: str

    @property
    def object(self) -> str | list[str]:
        return list(self.object_list) if self.object_list is not None else self.object_text

    def object_display(self) -> str:
        return ", ".join(self.object_list) if self.object_list is not None else self.object_text

    def to_export(self) -> dict[str, Any]:
        return {
            "article": self.article_slug,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "qualifiers": self.qualifiers,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "quote": self.quote,
            "quote_start": self.quote_start,
            "quote_end": self.quote_end,
            "rule": self.rule,
            "status": self.status,
        }

    def citation(self) -> str:
        """The claim as a line a person can paste, with its source."""
        quals = "; ".join(f"{k}: {v}" for k, v in self.qualifiers.items())
        line = f"{self.subject} — {self.predicate.replace('_', ' ')} — {self.object_display()}"
        if quals:
            line += f" ({quals})"
        return f"{line}\n“{self.quote}” — {self.article_title} [{self.article_slug}, chars {self.quote_start}–{self.quote_end}]"


@dataclass(frozen=True)
class EntityRow:
    id: int
    kind: str
    name: str
    aliases: tuple[str, ...]
    claim_count: int


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to list; None means any."""

    article_id: int | None = None
    sentence_id: int | None = None
    subject_id: int | None = None
    entity_id: int | None = None  # as subject or object
    predicate: str | None = None
    subject_kind: str | None = None
    claim_ids: tuple[int, ...] | None = None


@dataclass(frozen=True)
class SearchHit:
    claim: ClaimRecord
    segments: tuple[tuple[str, bool], ...]  # the quote in pieces; True where a query word matched


@dataclass(frozen=True)
class SentenceHit:
    sentence_id: int
    article_id: int
    article_slug: str
    article_title: str
    start: int
    end: int
    segments: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class SearchResult:
    """A page of search results. Matches are counted up to a cap (store.fts.COUNT_CAP): when more
    match, ``total_claims`` is the cap, ``claims_capped`` is True (show it as "10,000+") and the
    claims come newest first (``claim_order`` "newest") instead of best first ("rank"); the same
    for sentences, by their own count. Below the cap every field means what it always has."""

    query: str
    claims: tuple[SearchHit, ...]
    sentences: tuple[SentenceHit, ...]
    total_claims: int
    total_sentences: int
    claims_capped: bool = False  # more than total_claims match
    sentences_capped: bool = False  # more than total_sentences match
    claim_order: str = "rank"  # "rank" (bm25, best first) or "newest" (newest ingested first)
    sentence_order: str = "rank"

    @property
    def total_capped(self) -> bool:
        """Whether the claim count stopped at the cap (more match than total_claims)."""
        return self.claims_capped

    def claims_text(self) -> str:
        """The claim count as a person reads it: '1,234' or '10,000+'."""
        return f"{self.total_claims:,}" + ("+" if self.claims_capped else "")

    def sentences_text(self) -> str:
        return f"{self.total_sentences:,}" + ("+" if self.sentences_capped else "")


@dataclass(frozen=True)
class Summary:
    name: str
    path: str
    schema_version: int
    articles: int
    sentences: int
    claims: int
    entities: int
