"""Dates and years as written: ``Oct. 25``, ``20 March 1992``, ``December 2005``, ``Sept. 12-27``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sourcebook.ingest.gazetteer import gazetteer

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2}) (?P<m1>" + MONTH + r")(?:,? (?P<y1>(?:19|20)\d\d))?"
    r"|(?P<m2>" + MONTH + r") (?P<d2>\d{1,2}(?:[-–]\d{1,2})?)(?:st|nd|rd|th)?(?:, (?P<y2>(?:19|20)\d\d))?"
    r"|(?P<pre>(?:early|mid|late|mid-) )?(?P<m3>" + MONTH + r") (?P<y3>(?:19|20)\d\d))(?![\w-])"
)
YEAR = re.compile(
    r"(?<![\w$.,-])(?:19|20)\d\d(?![\w-]|\.\d|,\d)"
    r"|(?<![\w$.,-])(?:19|20)\d\d(?=-(?:19|20)\d\d(?![\w-]))|(?<=(?<![\w$.,-])(?:19|20)\d\d-)(?:19|20)\d\d(?![\w-]|\.\d|,\d)"
)
RELATIVE = re.compile(
    r"\b(?:this|next|last|later this|earlier this) (?:year|spring|summer|autumn|fall|winter|month|week)\b|\b(?:today|yesterday|tomorrow)\b",
    re.I,
)
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,? (?:[A-Z][a-z]+ )?(?P<date>" + MONTH + r" \d{1,2}(?:, (?:19|20)\d\d)?)")


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    text: str
    year: int | None
    month: int | None


def find_dates(text: str) -> list[DateHit]:
    out = []
    months = gazetteer().months
    for m in DATE.finditer(text):
        y = m.group("y1") or m.group("y2") or m.group("y3")
        month = m.group("m1") or m.group("m2") or m.group("m3")
        if month == "May" and not (m.group("d1") or m.group("d2") or y):
            continue
        out.append(
            DateHit(m.start(), m.end(), m.group(0), int(y) if y else None, months.get(month.rstrip(".").lower()))
        )
    return out


def find_years(text: str) -> list[tuple[int, int, int]]:
    return [(m.start(), m.end(), int(m.group(0))) for m in YEAR.finditer(text)]


def article_date(text: str, blocks: list[tuple[str, int, int]]) -> DateHit | None:
    """The article's own date: a block that is only a date, or a dateline, near the top."""
    for kind, start, end in blocks[:4]:
        if kind != "paragraph":
            continue
        line = text[start:end]
        dates = find_dates(line)
        if dates and dates[0].start == 0 and len(line) - dates[0].end <= 2 and dates[0].year:
            return dates[0]
        m = DATELINE.match(line)
        if m:
            d = find_dates(m.group("date"))
            if d:
                return d[0]
    return None


RANGE_GAP = re.compile(r"\s*[–—-]\s*|\s+(?:and|to|until|through|till)\s+")


def year_range(text: str, years: list[tuple[int, int, int]]) -> tuple[str, int] | None:
    """("2017–2019", 2017) when the last two years written are a range."""
    if len(years) < 2:
        return None
    (a, _ae, y1), (_bs, b, y2) = years[-2], years[-1]
    gap = RANGE_GAP.fullmatch(text[_ae:_bs])
    if not gap or not 0 < y2 - y1 <= 30:
        return None
    word = gap.group(0).strip()
    if word == "and" and not re.search(r"\bbetween $", text[max(0, a - 8) : a]):
        return None
    if word in ("to", "until", "through", "till") and not re.search(r"\b(?:from|in) $", text[max(0, a - 5) : a]):
        return None
    return text[a:b], y1
