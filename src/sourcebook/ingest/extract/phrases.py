"""Small phrase helpers shared by the rules: quantities, lists of names, clause windows, status."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Sent
from sourcebook.ingest.extract.entities import Mention
from sourcebook.ingest.extract.numbers import BOUNDS, as_number, is_year, number
from sourcebook.ingest.gazetteer import gazetteer

LIST_GAP = re.compile(r"^(?:\s*(?:,|and|or|as well as|the|some|old|new|plus|built|made|type|&|\d[\d,]*|\s)\s*)*$", re.I)
UNIT_BEFORE = re.compile(r"(?P<unit>[a-z]+)(?: \([^()]*\))? (?:of|for|with) (?:the |a |an )?$")
NUM_BEFORE = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:-[a-z]+)?)(?: (?:more|other|new|additional|further|used|upgraded|modernised|modernized))? $"
)
STATUS = (
    (re.compile(r"\b(?:expected|scheduled|due) to\b|\bis to be\b|\bwill be\b", re.I), "expected"),
    (re.compile(r"\bpledged?\b|\bpromised?\b|\bvowed\b", re.I), "pledged"),
    (
        re.compile(
            r"\b(?:plans?|planned|planning|intends?|intended|wants?|seeks?|hopes?|considering|aims?) to\b|\bwill\b",
            re.I,
        ),
        "planned",
    ),
    (re.compile(r"\bnotified\b|\bnotification\b", re.I), "notified"),
    (re.compile(r"\bapproved?\b|\bcleared\b", re.I), "approved"),
    (re.compile(r"\bproposed\b|\bpossible sale\b|\bpotential sale\b", re.I), "proposed"),
)


def quantity(s: Sent, m: Mention) -> tuple[int | float | None, str | None, str]:
    """(quantity, unit, bound) written around a system mention: "four batteries of S-300",
    "10 L-39C", "a battery for a Buk-M2", "Buk-M2 batteries"."""
    g = gazetteer()
    before = s.text[max(0, m.start - 80) : m.start]
    unit = None
    u = UNIT_BEFORE.search(before)
    if u and u.group("unit") in g.units:
        unit = g.units[u.group("unit")][0]
        before = before[: u.start()]
    n = NUM_BEFORE.search(before)
    qty = number(n.group("num"), articles=unit is not None) if n and not is_year(n.group("num")) else None
    bound = ""
    if n and qty is not None:
        b = BOUNDS.search(before[: n.start()].rstrip())
        bound = b.group(0).lower() if b else ""
    if unit is None:
        after = re.match(r"(?: [a-z-]+){0,4}? ([a-z]+)\b", s.text[m.end : m.end + 60])
        word = after.group(1) if after else ""
        if word in g.units and (qty is None or g.units[word][1] == "formation"):
            unit = g.units[word][0]
        cls = s.class_at(m.end + 1)
        if unit is None and cls is not None and qty is not None:
            unit = cls[2]
    return (as_number(qty) if qty is not None else None), unit, bound


def listed(s: Sent, first: Mention, kind: str = "system", limit: int | None = None) -> list[Mention]:
    """``first`` and the mentions of ``kind`` that follow it as a list (X, Y and Z)."""
    out = [first]
    limit = len(s.text) if limit is None else limit
    for m in s.mentions:
        if m.start < out[-1].end or m.start >= limit:
            continue
        if m.kind != kind:
            if m.kind == "country" and m.form == "demonym":
                continue
            break
        gap = s.text[out[-1].end : m.start]
        if not LIST_GAP.match(_drop_class(s, out[-1].end, m.start, gap)):
            break
        out.append(m)
    return out


def _drop_class(s: Sent, a: int, b: int, gap: str) -> str:
    for c in s.classes:
        if a <= c[0] and c[1] <= b:
            gap = gap.replace(s.text[c[0] : c[1]], " ")
    for m in s.mentions:
        if a <= m.start and m.end <= b and m.form == "demonym":
            gap = gap.replace(s.text[m.start : m.end], " ")
    return gap


def status(text: str) -> str:
    for pattern, name in STATUS:
        if pattern.search(text):
            return name
    return ""


def country_after(s: Sent, words: str, a: int, b: int) -> Mention | None:
    """The country or organisation right after one of ``words`` (e.g. "from|by") in [a, b)."""
    for m in re.finditer(
        r"\b(?:" + words + r") (?:the |a |an )?(?:(?:[Gg]overnment|[Kk]ingdom|[Rr]epublic|[Ss]tate) of (?:the )?)?",
        s.text[a:b],
    ):
        pos = a + m.end()
        hit = next((x for x in s.mentions if x.start == pos and x.kind in ("country", "organisation")), None)
        if hit:
            return hit
    return None


def ref(m: Mention | None) -> EntityRef | None:
    return m.ref if m else None
