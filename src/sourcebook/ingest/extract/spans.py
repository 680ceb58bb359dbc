"""Where a transfer's parts sit in a sentence: the systems in a span, its date, its quantity, the system in focus."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent
from sourcebook.ingest.extract.dates import year_range
from sourcebook.ingest.extract.entities import Mention
from sourcebook.ingest.extract.numbers import as_number, is_year, number
from sourcebook.ingest.gazetteer import gazetteer


def _systems(s: Sent, a: int, b: int) -> list[Mention]:
    return [m for m in s.mentions if m.kind == "system" and a <= m.start and m.end <= b]


def _system_after(s: Sent, pos: int) -> Mention | None:
    """The system named within 30 characters after ``pos``, with no comma, semicolon or bracket between."""
    m = next((x for x in s.mentions if x.kind == "system" and pos <= x.start <= pos + 30), None)
    return None if m is None or re.search(r"[,;()]", s.text[pos : m.start]) else m


LATER_EVENT = re.compile(
    r" and (?:expects?|plans?|hopes?|wants?|intends?|will|(?:has |have |had |then |later )?(?!based\b)[a-z]{3,}ed (?!by\b|from\b|to\b))\b"
    r"|, (?:after|before|following|having) (?:\w+ing|been|the|its|their)\b"
    r"|, (?:completing|fulfilling|under|as part of) (?:a|an|the|its|their)\b"
)


def _date_in(
    s: Sent, a: int, b: int, art: Article | None = None, after: int = 0, skip: list[tuple[int, int]] | tuple = ()
) -> tuple[str, int | None]:
    """The date and year of the event told in ``s.text[a:b]``; a later event joined after ``after`` (the verb) is cut off,
    and the ``skip`` spans (relative clauses telling another event) are left out."""
    dates = [
        d
        for d in s.dates
        if a <= d.start < b and d.start >= s.dateline_end and not any(x <= d.start < y for x, y in skip)
    ]
    years = [y for y in s.years if a <= y[0] < b and y[0] >= s.dateline_end and not any(x <= y[0] < z for x, z in skip)]
    cut = next((c for c in LATER_EVENT.finditer(s.text, a, b) if c.start() >= after), None)
    if cut:  # "bought X in 2023 and expects them by 2026": the later year is another event
        on_dateline = art is not None and art.dateline is not None and art.dateline[0] == s.index and s.dateline_end
        keep_d = [d for d in dates if d.start < cut.start()]
        keep_y = [y for y in years if y[0] < cut.start()]
        if on_dateline and not keep_d and not keep_y:  # "took delivery on Monday, completing a contract signed in 2019"
            dates, years = [], []
        else:
            dates, years = keep_d or dates, keep_y or years
    date = dates[-1].text if dates else ""
    year = dates[-1].year if dates and dates[-1].year else (years[-1][2] if years else None)
    span = year_range(s.text, years)
    if span and not dates:  # "in 2017–2019", "between 2016 and 2018": the deliveries began in the first year
        date, year = span
    if not date and art is not None and art.dateline and art.dateline[0] == s.index:
        date = art.dateline[1]
    if not date and year is None:
        decade = (DECADE.search(s.text, after, b) if after else None) or DECADE.search(
            s.text, max(a, after - 80 if after else a), b
        )
        if decade and decade.start() >= s.dateline_end:
            return decade.group(1), None  # "in the 1990s": a date, no year
    if year is None and s.dateline_end and art is not None and not years:
        year = next((y[2] for y in s.years if y[0] < s.dateline_end), None)
    return date, year


DECADE = re.compile(r"\b(?:in|since|during|from|by|until|through) the (?:(?:early|mid|late)[- ])?((?:19|20)\d0s)\b")


def _focus_system(s: Sent, art: Article, pos: int) -> EntityRef | None:
    before = _systems(s, 0, pos)
    if before:
        return before[-1].ref
    return art.focus.system or art.main_system


def _np_quantity(s: Sent, a: int, b: int) -> tuple[int | float | None, str | None]:
    """ "three shore-based ... batteries", "18 of its howitzers", "The first 10 tanks": (quantity, unit)."""
    g = gazetteer()
    words = [w for w in s.words if a <= w[0] and w[1] <= b]
    for i, w in enumerate(words):
        if w[2].lower() in ("a", "an") or (w[2][:1].isupper() and not w[2][:1].isdigit()):
            continue
        value = number(w[2])
        if value is None or is_year(w[2]):
            continue
        unit = next(
            (
                g.units[x[2].lower()][0]
                for x in words[i + 1 : i + 6]
                if x[2].lower() in g.units and g.units[x[2].lower()][1] == "formation"
            ),
            None,
        )
        return as_number(value), unit
    return None, None
