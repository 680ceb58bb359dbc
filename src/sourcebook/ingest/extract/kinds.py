"""The type check: does a class phrase ("armoured vehicles", "the frigate") fit the system in focus?"""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent
from sourcebook.ingest.gazetteer import gazetteer


def _thing_word(s: Sent, a: int, b: int) -> bool:
    """The words in [a, b) name a thing by its class or unit ("three batteries", "the type", "its howitzers")."""
    g = gazetteer()
    if any(a <= c[0] < b for c in s.classes):
        return True
    if re.search(r"\b(?:the|a) (?:first|second|third|last|latter|former)\b", s.text[a:b]):
        return True
    return any(
        w[2].lower() in g.units or w[2].lower() in ("type", "types", "system", "systems")
        for w in s.words
        if a <= w[0] < b
    )


def _other_kind(s: Sent, art: Article, ref: EntityRef, a: int, b: int) -> bool:
    """The words in [a, b) name a class ("armoured vehicles") that the system in focus (a drone) is not."""
    g = gazetteer()
    named = {
        _domain(s.text[c[0] : c[1]])
        for c in s.classes
        if a <= c[0] < b and g.class_kind.get(c[2], "system") == "system"
    } - {""}
    entry = g.systems.get(ref.name)
    known = {_domain(t) for t in art.types.get(ref.name, []) + ([entry.type] if entry and entry.type else [])} - {""}
    loose = {
        name for name, pattern in DOMAINS[2:4] if pattern.search(s.text, a, b)
    }  # "shells", "satellites": never a gun or a radar
    if loose and not (named and named & known) and not loose & known:
        return True
    return bool(named and known) and not named & known


DOMAINS = (
    (
        "air",
        re.compile(
            r"\b(?:drones?|uavs?|ucavs?|unmanned|aerial|aircraft|fighters?|jets?|helicopters?|bombers?|trainers?|planes?)\b",
            re.I,
        ),
    ),
    (
        "sea",
        re.compile(
            r"\b(?:frigates?|corvettes?|ships?|submarines?|vessels?|boats?|destroyers?|docks?|cruisers?)\b", re.I
        ),
    ),
    ("ammunition", re.compile(r"\b(?:shells?|rounds?|ammunition|cartridges?|projectiles?)\b", re.I)),
    ("space", re.compile(r"\b(?:satellites?|spacecraft)\b", re.I)),
    (
        "land",
        re.compile(
            r"\b(?:tanks?|armou?red|personnel carriers?|howitzers?|artillery|guns?|mortars?|trucks?|mraps?)\b", re.I
        ),
    ),
)


def _domain(cls: str) -> str:
    """Air, sea or land: a drone is never an armoured vehicle; '' when the class does not say."""
    found = [name for name, pattern in DOMAINS if pattern.search(cls)]
    return found[0] if len(found) == 1 else ""
