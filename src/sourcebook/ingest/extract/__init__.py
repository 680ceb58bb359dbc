"""Claim extraction: ``extract(article)`` finds sentences, mentions and claims with exact offsets.

Deterministic and total: any text gives an Extraction, never an exception. The rules live in
``rules_*.py`` by predicate family; ``focus.py`` carries what the article is talking about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from sourcebook.ingest.drafts import EntityRef, Extraction, MentionDraft, ParsedArticle
from sourcebook.ingest.extract import (
    rules_capability,
    rules_describe,
    rules_events,
    rules_exercises,
    rules_fleet,
    rules_lists,
    rules_orders,
    rules_relatives,
    rules_trade,
)
from sourcebook.ingest.extract.context import Article, Sent
from sourcebook.ingest.extract.dates import article_date, find_dates
from sourcebook.ingest.extract.entities import Mention, force_country
from sourcebook.ingest.sentences import split

Rule = Callable[[Sent, Article], None]
RULES: tuple[Rule, ...] = (
    *rules_lists.RULES,
    *rules_trade.RULES,
    *rules_orders.RULES,
    *rules_relatives.RULES,
    *rules_describe.RULES,
    *rules_events.RULES,
    *rules_exercises.RULES,
    *rules_capability.RULES,
    *rules_fleet.RULES,
)

__all__ = ["extract", "RULES"]


def extract(article: ParsedArticle) -> Extraction:
    text = article.text
    sentences = split(text, article.blocks)
    sents = [
        Sent.build(i, s.start, text[s.start : s.end], article.blocks[s.block].kind) for i, s in enumerate(sentences)
    ]
    art = Article(article.slug, text)
    date = article_date(text, [(b.kind, b.start, b.end) for b in article.blocks])
    art.year = date.year if date else None
    _dateline(art, sents)
    if art.year is None:
        art.year = _lead_year(sents)
    _article_names(sents)
    _article_subjects(art, sents)
    mentions: list[MentionDraft] = []
    for s in sents:
        for m in s.mentions:
            mentions.append(MentionDraft(m.ref, s.index, s.start + m.start, s.start + m.end))
        if s.kind == "credit":
            continue
        if _is_heading(s, article):
            art.section = s.text.lower().rstrip(":")
        for rule in RULES:
            try:
                rule(s, art)
            except Exception:  # noqa: BLE001 - one odd sentence must not stop an ingest
                continue
        art.focus.after_sentence(s.mentions, keep_system=ANAPHOR_START.match(s.text) is not None)
    return Extraction(sentences, mentions, art.claims)


DATELINE = re.compile(
    r"^[A-Z][A-ZÀ-Þ .'-]{2,}(?:, (?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)[A-Z][\w .]{1,25}?)?,?(?: (?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, (?:19|20)\d\d)?))?"
    r"(?:(?: \([^()]{1,40}\))?\s*[-–—]+\s+|\. /[A-Za-z-]{2,20}/\.?\s+)"
)


def _dateline(art: Article, sents: list[Sent]) -> None:
    """``WARSAW, March 14 (Reuters) -``: not part of what the sentence says; its date goes in qualifiers."""
    first = next((s for s in sents if s.kind == "paragraph"), None)
    m = DATELINE.match(first.text) if first else None
    if first is None or m is None:
        return
    first.mentions = [x for x in first.mentions if x.start >= m.end()]
    first.dateline_end = m.end()
    if m.group("date"):
        art.dateline = (first.index, m.group("date"))
        years = [d.year for d in find_dates(m.group("date")) if d.year]
        if years and art.year is None:
            art.year = years[0]


ANAPHOR_START = re.compile(
    r"(?:It|Its|They|Their) (?!is |was |are |were )"
)  # "It carries ...": the system in focus is the subject
LEAD_YEAR = re.compile(
    r"\b(?:first|past|last|opening) (?:\w+ ){0,2}(?:months|weeks|quarters?|half) of ((?:19|20)\d\d)\b"
    r"|\bso far (?:in|this year,?) ((?:19|20)\d\d)\b|\b((?:19|20)\d\d) so far\b"
)


def _lead_year(sents: list[Sent]) -> int | None:
    """A wire without a year in its dateline still dates itself: "in the first ten months of 2024" (the current year)."""
    lead = next((s for s in sents if s.kind == "paragraph"), None)
    m = LEAD_YEAR.search(lead.text) if lead else None
    return int(next(g for g in m.groups() if g)) if m else None


def _is_heading(s: Sent, article: ParsedArticle) -> bool:
    return (
        s.kind == "paragraph" and len(s.text.split()) <= 4 and s.text[-1:] not in '.!?"”' and s.text[:1] not in "-•*–"
    )


EDITION = re.compile(r" (?:19|20)\d\d(?!\w)")


def _article_names(sents: list[Sent]) -> None:
    """Names found by pattern in one sentence (a title's "Exercise X") are mentions in all the others."""
    known = {
        m.ref.name: m.ref
        for s in sents
        for m in s.mentions
        if m.form == "pattern"
        and (m.kind in ("exercise", "organisation") or (m.kind == "system" and s.kind == "title"))
        and len(m.ref.name) > 3
    }  # a title's "Hunter armoured vehicle" names the Hunter
    known.update(
        {
            s.text[m.start : m.end]: m.ref
            for s in sents
            for m in s.mentions
            if m.form == "abbreviation"
            and m.kind == "organisation"
            and m.ref.name != s.text[m.start : m.end]
            and m.end - m.start > 2
        }
    )
    editions: dict[str, list[EntityRef]] = {}
    for name, ref in known.items():  # "Exercise Arnhem Thunder 2024" names "Arnhem Thunder 2026" too
        base = re.sub(r" (?:19|20)\d\d$", "", name)
        if ref.kind == "exercise" and base != name and len(base) > 3:
            editions.setdefault(base, []).append(ref)
    for base, refs in editions.items():  # the bare name is the one edition the article names, if only one
        known.setdefault(base, refs[0] if len(refs) == 1 else EntityRef(base, "exercise"))
    for s in sents:
        for name, ref in known.items():
            start = s.text.find(name)
            while start >= 0:
                end = start + len(name)
                year = EDITION.match(s.text, end) if ref.kind == "exercise" and not name[-1].isdigit() else None
                if year:
                    end, ref = year.end(), EntityRef(s.text[start : year.end()], "exercise")
                ok = (start == 0 or not s.text[start - 1].isalnum()) and (
                    end == len(s.text) or not s.text[end].isalnum()
                )
                if ok and not any(m.start < end and start < m.end for m in s.mentions):
                    s.mentions.append(Mention(start, end, ref, "pattern"))
                ref = known[name]
                start = s.text.find(name, end)
        s.mentions.sort(key=lambda m: m.start)


def _article_subjects(art: Article, sents: list[Sent]) -> None:
    systems = Counter(m.ref.name for s in sents for m in s.mentions if m.kind == "system")
    if systems:
        name, count = systems.most_common(1)[0]
        if count >= 2:
            art.main_system = EntityRef(name, "system")
    title = next((s for s in sents if s.kind == "title"), None)
    if title is None:
        return
    countries = {m.ref.name for m in title.mentions if m.kind == "country"} | {
        c.name for c in (force_country(m) for m in title.mentions) if c
    }
    if len(countries) == 1:
        art.title_country = next(iter(countries))
        art.focus.supplier = EntityRef(art.title_country, "country")
        if any(w in title.text.lower() for w in ("armed forces", "military of", "army", "air force", "navy")):
            art.home_country = art.title_country
    if len(title.text.split()) <= 3 and not title.mentions:
        art.title_name = title.text
