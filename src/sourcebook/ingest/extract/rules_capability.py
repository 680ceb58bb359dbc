"""``capability``: measured performance (range, speed, altitude, targets) of the system in question."""

from __future__ import annotations

import re

from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.numbers import BOUND, NUM, as_number, number

WORDNUM = r"[a-z]+(?:-[a-z]+)?"
TARGETS = re.compile(
    r"(?:(?P<bound>"
    + BOUND
    + r") )?(?P<num>"
    + NUM
    + "|"
    + WORDNUM
    + r") (?P<attr>(?:(?:[a-z]+ed|simultaneous|aerial|air|ground) )?targets)\b",
    re.I,
)
MEASURE = re.compile(
    r"(?P<attr>range|reach|ceiling|altitudes?|speed|top speed|maximum speed|endurance|payload|radius|combat radius"
    r"|(?:maximum )?take-off weight|weight|displacement)"
    r"(?: of| is| reaches)?(?: (?P<bound>"
    + BOUND
    + r"))? (?P<num>"
    + NUM
    + r") ?(?P<unit>km/h|kilometers per hour|kmh|mph|knots|km|kilometers|kilometres|miles|nautical miles|nmi|meters|metres|m|feet|ft|hours|minutes|kg|tonnes|tons)\b"
    r"|(?:(?P<bound2>"
    + BOUND
    + r") )?(?P<num2>"
    + NUM
    + r")[- ]?(?P<unit2>km|kilometers|kilometres|miles|nautical miles|km/h|mph|knots|meters|metres|m|feet|ft)[- ](?P<attr2>range|ceiling|altitude|speed|radius)\b"
    r"|(?P<attr3>speed|velocity)s? of (?:(?P<bound3>" + BOUND + r") )?Mach (?P<num3>\d+(?:\.\d+)?)",
    re.I,
)
UNITS = {
    "nautical miles": "nmi",
    "kilograms": "kg",
    "tonne": "tonnes",
    "ton": "tonnes",
    "kilometers": "km",
    "kilometres": "km",
    "meters": "m",
    "metres": "m",
    "kilometers per hour": "km/h",
    "kmh": "km/h",
    "ft": "feet",
    "tons": "tonnes",
}


CREW = re.compile(r"\bcrew of (?P<num>" + NUM + "|" + WORDNUM + r")\b", re.I)
PER_PART = re.compile(
    r"\b(?:[Ee]ach|[Ee]very|[Pp]er|[Oo]ne) (?:[\w-]+ ){0,3}(?:can |could |will |is able to )?$"
)  # "Each launcher vehicle carries"
EACH_AFTER = re.compile(r" (?:each|apiece|per (?:launcher|vehicle|ship|aircraft|pod|battery|unit|canister))\b")
CARRY = re.compile(
    r"\b(?:carry|carries|carrying|hold|holds|fire|fires|launch|launches|armed with) (?:(?P<bound>"
    + BOUND
    + r") )?(?P<num>"
    + NUM
    + "|"
    + WORDNUM
    + r")"
    r" (?:(?P<unit>tonnes|tons|kg|kilograms|pounds|lb)(?: of (?:[\w-]+ )?(?P<what>payload|weapons|ordnance|munitions|bombs|fuel|cargo))?"
    r"|(?P<items>missiles|rockets|bombs|torpedoes|troops|passengers|soldiers|paratroopers|containers|drones|interceptors|rounds))\b",
    re.I,
)
ALOFT = re.compile(
    r"\b(?:stay|stays|remain|remains) (?:aloft|airborne|in the air|on station|at sea|submerged) for (?:(?P<bound>"
    + BOUND
    + r") )?(?P<num>"
    + NUM
    + r") (?P<unit>hours|days|weeks)\b",
    re.I,
)
REACH = re.compile(
    r"\b(?P<verb>detect|track|engage|intercept|strike|hit)s? (?:[\w-]+ ){0,3}?(?:at|from) (?:a (?:range|distance) of )?(?:(?P<bound>"
    + BOUND
    + r") )?"
    r"(?P<num>" + NUM + r") ?(?P<unit>km|kilometers|kilometres|miles|nautical miles)\b",
    re.I,
)
MASS = {"tons": "tonnes", "kilograms": "kg", "lb": "pounds"}

WEIGH = re.compile(
    r"\b(?P<v>weighs?|weighing|displaces?|displacing)(?: (?P<bound>" + BOUND + r"))? (?P<num>" + NUM + r") ?"
    r"(?P<unit>tonnes|tons|kg|kilograms)\b",
    re.I,
)
TONNAGE = re.compile(
    r"\b(?P<num>"
    + NUM
    + r")[- ](?P<unit>tonnes?|tons?) (?:[\w-]+ ){0,2}?(?:ships?|frigates?|vessels?|submarines?|destroyers?"
    r"|corvettes?|warships?|boats?|carriers?|cutters?)\b",
    re.I,
)
WARHEAD = re.compile(
    r"\b(?P<num>"
    + NUM
    + r") ?(?P<unit>kg|kilograms?|pounds|lb)(?: \w+)? warhead\b|\bwarhead (?:of|weighing) (?P<num2>"
    + NUM
    + r") ?(?P<unit2>kg|kilograms?|pounds|lb)\b",
    re.I,
)
CRUISE = re.compile(
    r"\b(?:cruises?|flies|fly|travels?) at (?:(?P<bound>"
    + BOUND
    + r") )?(?P<num>"
    + NUM
    + r") ?(?P<unit>km/h|mph|knots)\b",
    re.I,
)
# Cue words (lower case): a sentence without one of them is not looked at (``ton`` only as a word end).
CUES = (
    "weigh",
    "displac",
    "tonne",
    "warhead",
    "cruis",
    "fly",
    "fli",
    "travel",
    "targets",
    "range",
    "reach",
    "ceiling",
    "altitude",
    "speed",
    "velocity",
    "endurance",
    "payload",
    "radius",
    "crew",
    "carr",
    "aloft",
    "airborne",
    "detect",
    "track",
    "engage",
    "fire",
    "launch",
    "hold",
    "armed with",
    "remain",
    "stay",
)
TON_END = re.compile(r"ton\b")
DIGIT = re.compile(r"\d")
MEASURE_CUES = (
    "range",
    "reach",
    "ceiling",
    "altitude",
    "speed",
    "endurance",
    "payload",
    "radius",
    "weight",
    "displacement",
    "velocity",
)
RATE_AFTER = re.compile(r" (?:a|an|per|each|every) (?P<per>minute|min|second|sec)\b", re.I)
CARRY_CUES = ("carr", "hold", "fire", "launch", "armed with")
REACH_CUES = ("detect", "track", "engage", "intercept", "strike", "hit")


def _any(low: str, words: tuple[str, ...]) -> bool:
    return any(w in low for w in words)


def _subject(s: Sent, art: Article, pos: int):
    """The system named closest before ``pos``, else the first in the sentence, else the one in focus."""
    before = [m for m in s.mentions if m.kind == "system" and m.end <= pos]
    aside = [a.span() for a in BASED_ON.finditer(s.text, 0, pos)]
    kept = [m for m in before if not any(a <= m.start < b for a, b in aside)]
    if kept and len(kept) < len(before):
        return kept[-1].ref  # "The Huntsman, based on the K9, can fire": the vehicle named before the aside
    if before and not kept and aside and re.match(r"(?:The )?[A-Z][\w-]*(?: [A-Z0-9][\w-]*)?$", s.text[: aside[0][0]]):
        focus = art.focus.system  # the vehicle before the aside is not a known name: the one in focus, if not the base
        if focus is not None and all(m.ref != focus for m in before):
            return focus
    if before:
        return before[-1].ref
    subj = s.first("system")
    if subj is not None and art.focus.system is not None and ANAPHOR.search(s.text, 0, pos):
        return (
            art.focus.system
        )  # "It carries a crew of three ... and two X missiles": "it" is the system in focus, not X
    return subj.ref if subj else art.focus.system


BASED_ON = re.compile(
    r", (?:itself )?(?:based on|derived from|developed from|a (?:derivative|development|variant|version) of) [^,;]+,"
)
ANAPHOR = re.compile(
    r"^(?:It|Its|They|Their)\b|\b(?:[Tt]he|[Tt]his|[Ii]ts) (?:vehicle|system|aircraft|ship|vessel|helicopter|missile|drone|tank|howitzer|jet|fighter|gun|launcher|radar)s?\b"
)
PERSONS = re.compile(
    r"\b(?:troops|soldiers|passengers|personnel|people|infantry|infantrymen|paratroopers|marines|men|persons|casualties|stretchers)$"
)


def _claim(
    s: Sent,
    art: Article,
    m: re.Match[str],
    rule: str,
    value: float,
    attribute: str,
    *,
    text: str | None = None,
    unit: str | None = None,
    bound: str = "",
) -> None:
    """A ``capability.<rule>`` claim on the match ``m`` (its text unless ``text``), about the system before it."""
    emit(
        art,
        s,
        _subject(s, art, m.start()),
        "capability",
        m.span(),
        f"capability.{rule}",
        text=m.group(0) if text is None else text,
        value=value,
        unit=unit,
        attribute=attribute,
        bound=bound,
    )


def _bound(m: re.Match[str]) -> str:
    return (m.group("bound") or "").lower()


def _after_verb(m: re.Match[str]) -> str:
    """The match without its verb: "weighs 5.7 kg" -> "5.7 kg"."""
    return m.group(0)[m.group(0).find(" ") + 1 :]


def capabilities(s: Sent, art: Article) -> None:
    low = s.low
    if not (_any(low, CUES) or ("ton" in low and TON_END.search(low))):
        return
    if _subject(s, art, len(s.text)) is None:
        return
    digit = DIGIT.search(s.text) is not None
    spans: list[tuple[int, int]] = []
    for t in TARGETS.finditer(s.text) if "targets" in low else ():
        value = number(t.group("num"))
        if value is None or value > 10000:
            continue
        attr = t.group("attr").lower()
        _claim(s, art, t, "targets", value, attr, text=f"{as_number(value)} {attr}", unit="targets", bound=_bound(t))
    for m in MEASURE.finditer(s.text) if digit and _any(low, MEASURE_CUES) else ():
        spans.append(m.span())
        num = m.group("num") or m.group("num2") or m.group("num3")
        value = number(num)
        if value is None:
            continue
        attr = (m.group("attr") or m.group("attr2") or m.group("attr3")).lower().replace("altitudes", "altitude")
        unit = (m.group("unit") or m.group("unit2") or ("Mach" if m.group("num3") else "")).lower()
        unit = "Mach" if unit == "mach" else UNITS.get(unit, unit)
        bound = (m.group("bound") or m.group("bound2") or m.group("bound3") or "").lower()
        _claim(s, art, m, "measure", value, attr.replace("top ", "").replace("maximum ", ""), unit=unit, bound=bound)

    for m in CREW.finditer(s.text) if "crew of" in low else ():
        value = number(m.group("num"))
        if value is not None and value < 1000:
            _claim(s, art, m, "crew", value, "crew")
    for m in CARRY.finditer(s.text) if _any(low, CARRY_CUES) else ():
        value = number(m.group("num"))
        rate = RATE_AFTER.match(s.text, m.end()) if m.group("items") and m.group("items").lower() == "rounds" else None
        if rate and value is not None and value <= 20000:  # "fires 1,200 rounds per minute": a rate of fire
            per = "second" if rate.group("per").lower().startswith("sec") else "minute"
            text = f"{_after_verb(m)}{rate.group(0)}"
            _claim(
                s, art, m, "rate_of_fire", value, "rate of fire", text=text, unit=f"rounds per {per}", bound=_bound(m)
            )
            continue
        if (
            value is None
            or (m.group("items") and value > 1000)
            or PER_PART.search(s.text, 0, m.start())
            or EACH_AFTER.match(s.text, m.end())
        ):
            continue
        if m.group("unit"):
            unit = MASS.get(m.group("unit").lower(), m.group("unit").lower())
            attr = "payload"
        else:
            unit = m.group("items").lower()
            attr = "capacity" if PERSONS.search(unit) else unit  # "can carry up to ten troops": how many it carries
        _claim(s, art, m, "carry", value, attr, text=_after_verb(m), unit=unit, bound=_bound(m))
    for m in ALOFT.finditer(s.text) if digit and ("stay" in low or "remain" in low) else ():
        value = number(m.group("num"))
        if value is not None:
            _claim(s, art, m, "endurance", value, "endurance", unit=m.group("unit").lower(), bound=_bound(m))
    if digit:
        _masses(s, art, low)
    for m in REACH.finditer(s.text) if digit and _any(low, REACH_CUES) else ():
        value = number(m.group("num"))
        if value is None or any(a < m.end() and m.start() < b for a, b in spans):
            continue
        unit = m.group("unit").lower()
        attr = "detection range" if m.group("verb").lower() in ("detect", "track") else "range"
        _claim(s, art, m, "reach", value, attr, unit=UNITS.get(unit, unit), bound=_bound(m))


def _masses(s: Sent, art: Article, low: str) -> None:
    """ "weighs 5.7 kg", "displaces about 2,800 tonnes", "the 4,500-tonne frigates", "a 4.5 kg warhead", "cruises at 115 mph"."""
    for m in WEIGH.finditer(s.text) if "weigh" in low or "displac" in low else ():
        value = number(m.group("num"))
        attr = "displacement" if m.group("v").lower().startswith("displac") else "weight"
        unit = m.group("unit").lower()
        if value is not None:
            _claim(s, art, m, "weight", value, attr, text=_after_verb(m), unit=UNITS.get(unit, unit), bound=_bound(m))
    for m in TONNAGE.finditer(s.text) if "ton" in low else ():
        value = number(m.group("num"))
        if value is not None and value >= 50:
            _claim(s, art, m, "tonnage", value, "displacement", text=s.text[m.start() : m.end("unit")], unit="tonnes")
    for m in WARHEAD.finditer(s.text) if "warhead" in low else ():
        value = number(m.group("num") or m.group("num2"))
        unit = (m.group("unit") or m.group("unit2")).lower()
        if value is not None:
            _claim(s, art, m, "warhead", value, "warhead", unit=UNITS.get(unit, unit))
    for m in CRUISE.finditer(s.text) if " at " in low else ():
        value = number(m.group("num"))
        if value is not None:
            _claim(s, art, m, "cruise", value, "speed", unit=m.group("unit").lower(), bound=_bound(m))


RULES = (capabilities,)
