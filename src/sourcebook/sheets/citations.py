"""Numbering the notes of a sheet: one note per quoted span, numbered in order of first use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from sourcebook.sheets.model import Mark, Note, Value
from sourcebook.store import queries
from sourcebook.store.records import ClaimRecord

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "MINSK, Jan 24 (BelTA) -" or "WASHINGTON, March 3, 2021 —" at the head of a paragraph
DATELINE = re.compile(rf"^\s*[A-Z][A-Z .'’-]{{1,40}},\s+(?P<date>{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)\b")
# "Published: 12 March 2021" / "Date: 2021-03-12" lines
DATE_LINE = re.compile(
    rf"^\s*(?:published|date|posted)\s*[:\-]\s*(?P<date>\d{{4}}-\d\d-\d\d|\d{{1,2}}\s+{MONTH}\s+\d{{4}}|{MONTH}\s+\d{{1,2}},\s*\d{{4}})",
    re.I | re.M,
)


@lru_cache(maxsize=4096)
def fold(name: str) -> str:
    """``store.queries.fold``, remembered: a sheet folds the same few hundred names thousands of
    times (a regular expression each: ~7 ms of a sheet of 700 claims)."""
    return queries.fold(name)


def sort_key(c: ClaimRecord) -> tuple:
    """Source order that survives a rebuild of the library: article, position, predicate."""
    return (c.article_slug, c.quote_start, c.quote_end, c.predicate, c.id)


def article_date(text: str) -> str | None:
    """The date an article gives itself in a dateline or a 'Published:' line, if any."""
    m = DATE_LINE.search(text[:2000])
    if m:
        return m.group("date")
    for line in text.splitlines()[1:8]:
        m = DATELINE.match(line)
        if m:
            return m.group("date")
    return None


class Citer:
    """Hands out note numbers: the same sentence span always gets the same number."""

    def __init__(self, dates: dict[int, str | None] | None = None) -> None:
        self.dates = dates or {}
        self._numbers: dict[tuple[int, int, int], int] = {}
        self._notes: list[dict] = []

    def mark(self, c: ClaimRecord) -> Mark:
        key = (c.sentence_id, c.quote_start, c.quote_end)
        n = self._numbers.get(key)
        if n is None:
            n = len(self._notes) + 1
            self._numbers[key] = n
            self._notes.append({"claim": c, "ids": [c.id]})
        elif c.id not in self._notes[n - 1]["ids"]:
            self._notes[n - 1]["ids"].append(c.id)
        return Mark(n, c.id)

    def value(self, text: str, claims: Iterable[ClaimRecord]) -> Value:
        marks: dict[int, Mark] = {}
        for c in sorted(claims, key=sort_key):
            m = self.mark(c)
            marks.setdefault(m.number, m)
        return Value(text, tuple(marks[n] for n in sorted(marks)))

    def notes(self) -> tuple[Note, ...]:
        out = []
        for i, entry in enumerate(self._notes, start=1):
            c: ClaimRecord = entry["claim"]
            qs = max(0, min(len(c.sentence), c.quote_start - c.sentence_start))
            qe = max(qs, min(len(c.sentence), c.quote_end - c.sentence_start))
            out.append(
                Note(
                    number=i,
                    claim_ids=tuple(entry["ids"]),
                    article_slug=c.article_slug,
                    article_title=c.article_title,
                    credits=c.article_credits,
                    date=self.dates.get(c.article_id),
                    sentence=c.sentence,
                    quote_start=qs,
                    quote_end=qe,
                )
            )
        return tuple(out)
