"""``capability``: measured performance (range, speed, altitude, targets) of the system in question."""

from __future__ import annotations

import re

from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.numbers import BOUND, NUM, as_number, number

WORDNUM = r"[a-z]+(?:-[a-z]+)?"
TARGETS = re.compile(
    r"(?:(?P<bound>" + BOUND + r") )?(?P<num>" + NUM + "|" + WORDNUM + r") (?P<attr>(?:(?:[a-z]+ed|simultaneous|aerial|air|ground) )?targets)\b", re.I)
MEASURE = re.compile(
    r"(?P<attr>range|reach|ceiling|altitude|speed|top speed|maximum speed|endurance|payload|radius|combat radius)"
    r"(?: of| is| reaches)?(?: (?P<bound>" + BOUND + r"))? (?P<num>" + NUM + r") ?(?P<unit>km/h|kilometers per hour|kmh|mph|knots|km|kilometers|kilometres|miles|nautical miles|meters|metres|m|feet|ft|hours|kg|tonnes|tons)\b"
    r"|(?:(?P<bound2>" + BOUND + r") )?(?P<num2>" + NUM + r")[- ]?(?P<unit2>km|kilometers|kilometres|miles|nautical miles|km/h|mph|knots|meters|metres|m|feet|ft)[- ](?P<attr2>range|ceiling|altitude|speed|radius)\b"
    r"|(?P<attr3>speed|velocity)s? of (?:(?P<bound3>" + BOUND + r") )?Mach (?P<num3>\d+(?:\.\d+)?)", re.I)
UNITS = {"kilometers": "km", "kilometres": "km", "meters": "m", "metres": "m", "kilometers per hour": "km/h",
         "kmh": "km/h", "ft": "feet", "tons": "tonnes"}


CUE = re.compile(r"targets|range|reach|ceiling|altitude|speed|velocity|endurance|payload|radius", re.I)


def capabilities(s: Sent, art: Article) -> None:
    if not CUE.search(s.text):
        return
    subj = s.first("system")
    ref = subj.ref if subj else art.focus.system
    if ref is None:
        return
    for t in TARGETS.finditer(s.text):
        value = number(t.group("num"))
        if value is None or value > 10000:
            continue
        attr = t.group("attr").lower()
        emit(art, s, ref, "capability", t.span(), "capability.targets", text=f"{as_number(value)} {attr}",
             value=value, unit="targets", attribute=attr, bound=(t.group("bound") or "").lower())
    for m in MEASURE.finditer(s.text):
        num = m.group("num") or m.group("num2") or m.group("num3")
        value = number(num)
        if value is None:
            continue
        attr = (m.group("attr") or m.group("attr2") or m.group("attr3")).lower()
        unit = (m.group("unit") or m.group("unit2") or ("Mach" if m.group("num3") else "")).lower()
        unit = "Mach" if unit == "mach" else UNITS.get(unit, unit)
        bound = (m.group("bound") or m.group("bound2") or m.group("bound3") or "").lower()
        emit(art, s, ref, "capability", m.span(), "capability.measure", text=m.group(0), value=value, unit=unit,
             attribute=attr.replace("top ", "").replace("maximum ", ""), bound=bound)


RULES = (capabilities,)
