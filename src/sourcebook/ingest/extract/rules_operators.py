"""Who operates a thing: ``operator`` (equipped with, in service with, operators include, inventories, listed
holdings), and the ``type``/``origin`` of class lists ("its tanks are T-72B3")."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import Mention, force_country
from sourcebook.ingest.extract.parties import named_force
from sourcebook.ingest.extract.phrases import listed, quantity, status
from sourcebook.ingest.extract.rules_types import _kind_of, _singular
from sourcebook.ingest.gazetteer import gazetteer

EQUIPPED = re.compile(
    r"\b(?:is|are|was|were) (?:equipped|armed) with\b|\b(?:operates?|operated|fields?|fielded|flies|uses?) (?:the )?"
)
INTEGRATED = re.compile(
    r"\b(?:integrated into|in service with|operated by|used by|fielded by|flown by|in use with|in the inventory of) (?:the )?"
)
OPERATORS_INCLUDE = re.compile(
    r"\b(?:(?:[Cc]urrent|[Oo]ther|[Ff]oreign|[Ee]xport) )?(?:[Oo]perators|[Uu]sers|[Cc]ustomers) (?:include|includes|are|also include)\b:? (?:the )?"
)
INVENTORY = re.compile(
    r"(?:^|\b)(?:[Ii]ts|[Tt]heir|[Tt]he (?:army|navy|air force|military|armed forces|marines|fleet|force)['’]s?) (?:(?:[\w-]+ ){0,3}?)"
    r"(?:(?:includes?|included|comprises?|comprised|consists? of|are|were) |(?=\d|[a-z]+ [A-Z]))"
)
SITE_BEFORE = re.compile(r"\b(?:line|plant|factory|facility|site|yard|shipyard|depot|works) $")
PROVIDED = re.compile(r"\b(?:is|are) (?:provided|handled|equipped) (?:by|with) ")
YEAR_SINCE = re.compile(r"\b(?:since|from|in) ((?:19|20)\d\d)\b")
LISTED = re.compile(r"\blisted\b")
CLASS_LIST = re.compile(r"\s+(?:listed\s+)?(?:are|were)\s+(?:of\s+)?(?:(?P<dem>[A-Z][a-z]+)[- ]type\s+|the\s+)?")
EQUIPPED_CUES = (
    "equipped",
    "armed",
    "operate",
    "field",
    "flies",
    "use",
)  # a sentence without one of them has no EQUIPPED match
INTEGRATED_CUES = (
    "integrated into",
    "in service with",
    "operated by",
    "used by",
    "fielded by",
    "flown by",
    "in use with",
    "in the inventory of",
)
DECADE_SINCE = re.compile(r"(?: [a-z-]+){0,3}? since the ((?:19|20)\d0s)\b")  # "has operated the X since the 2000s"
FORCE = re.compile(
    r"^(?:the\s+)?(?:air force|army|navy|military|armed forces|ground forces|land forces|air defen[cs]e forces?)\b",
    re.I,
)


def _thing_after(s: Sent, pos: int) -> bool:
    """ "the systems", "the new tanks", "them": what follows names a thing already in focus."""
    return bool(
        re.match(
            r" ?(?:the |these |those |its |their )?(?:[\w-]+ ){0,2}?(?:systems?|batter(?:y|ies)|units?|weapons?|\w+s)\b",
            s.text[pos:],
        )
    )


def _parties(s: Sent, first: Mention) -> list[Mention]:
    """``first`` and the countries or organisations listed after it."""
    out = [first]
    for m in s.mentions:
        if m.start < out[-1].end:
            continue
        if m.kind not in ("country", "organisation"):
            break
        if not re.fullmatch(r",? (?:and |or |as well as )?(?:the )?|, ", s.text[out[-1].end : m.start]):
            break
        out.append(m)
    return out


def operators(s: Sent, art: Article) -> None:
    """ "The Air Force is equipped with A, B and C", "integrated into Finnish air defence", "listed N X"."""
    home_or_title = art.home_country or art.title_country
    text = s.text
    for e in EQUIPPED.finditer(text) if any(w in text for w in EQUIPPED_CUES) else ():
        first = next((m for m in s.mentions if m.kind == "system" and e.end() <= m.start < e.end() + 40), None)
        forces = [m for m in s.of("organisation", 0, e.start()) if force_country(m) and m.end >= e.start() - 25]
        owner = forces[-1] if forces else s.last("country", 0, e.start())
        if (
            owner
            and owner.form == "demonym"
            and not re.match(
                r"(?: [a-z]+)? (?:units?|forces|troops|army|navy|military|artillery|air force)\b",
                s.text[owner.end : e.start()],
            )
        ):
            owner = None
        owners = [owner] if owner else []
        if owner and owner.kind == "country" and owner.form != "demonym":
            for c in reversed(s.of("country", 0, owner.start)):
                if not re.fullmatch(r",? (?:and )?(?:the )?|, ", s.text[c.end : owners[0].start]):
                    break
                owners.insert(0, c)
        head = s.text[: e.start()].strip()
        named = named_force(s, owner) if owner and owner.kind == "country" and len(owners) == 1 else None
        obj = (
            named or owner.ref
            if owner
            else (EntityRef(home_or_title, "country") if home_or_title and FORCE.match(head) else None)
        )
        if obj is None:
            continue
        if first is None:
            if forces and _thing_after(s, e.end()) and art.focus.system:
                emit(
                    art,
                    s,
                    art.focus.system,
                    "operator",
                    (owner.start, e.end()),
                    "operator.force_operates",
                    obj=obj,
                    status=status(s.text[owner.end : e.end()]),
                )
            continue
        since = DECADE_SINCE.match(s.text, listed(s, first)[-1].end)
        for m in listed(s, first):
            for o in [x.ref for x in owners] if len(owners) > 1 else [obj]:
                emit(
                    art,
                    s,
                    m.ref,
                    "operator",
                    (m.start, m.end),
                    "operator.equipped_with",
                    obj=o,
                    date=since.group(1) if since else None,
                )
    for i in INTEGRATED.finditer(text) if any(w in text for w in INTEGRATED_CUES) else ():
        first = next((m for m in s.mentions if m.kind in ("country", "organisation") and m.start == i.end()), None)
        if first is None or SITE_BEFORE.search(s.text, 0, i.start()):
            continue  # "the assembly line operated by X": X runs the line
        subj = s.first("system", 0, i.start())
        ref = (
            subj.ref
            if subj
            else (art.focus.system if re.match(r"^(?:The|This|These|Its|It|They)\b(?! [A-Z])", s.text) else None)
        )
        if ref is None:
            continue
        since = YEAR_SINCE.search(s.text, i.end())
        parties = _parties(s, first)
        for c in parties:
            emit(
                art,
                s,
                ref,
                "operator",
                (subj.start if subj else i.start(), c.end + (12 if len(parties) == 1 else 0)),
                "operator.integrated_into",
                obj=c.ref,
                year=int(since.group(1)) if since else None,
                status=status(s.text[: i.start()]),
            )
    for o in OPERATORS_INCLUDE.finditer(text) if "perators" in text or "sers" in text or "ustomers" in text else ():
        first = next((m for m in s.mentions if m.kind in ("country", "organisation") and m.start == o.end()), None)
        ref = s.last("system", 0, o.start())
        ref = ref.ref if ref else (art.main_system or art.focus.system)
        if first and ref:
            for c in _parties(s, first):
                emit(art, s, ref, "operator", (o.start(), c.end), "operator.operators_include", obj=c.ref)
    inv = INVENTORY.search(s.text) or PROVIDED.search(s.text)
    force = next((f for f in reversed(s.of("organisation", 0, inv.start())) if force_country(f)), None) if inv else None
    if inv and (home_or_title or force) and (force or not s.of("country", 0, inv.start())):
        first = next((m for m in s.mentions if m.kind == "system" and inv.end() <= m.start < inv.end() + 40), None)
        if first:  # "The Hellenic Navy commissioned its first X": the force that names itself, else the article's state
            for m in listed(s, first):
                emit(
                    art,
                    s,
                    m.ref,
                    "operator",
                    (inv.start(), m.end),
                    "operator.inventory",
                    obj=force.ref if force else EntityRef(home_or_title, "country"),
                )
    for f in s.of("organisation"):
        if force_country(f) is None:
            continue
        nxt = next((m for m in s.mentions if m.kind == "system" and m.start in (f.end + 1, f.end + 3)), None)
        if nxt and s.text[f.end : nxt.start] in (" ", "'s ", "’s "):
            for m in listed(s, nxt):
                emit(art, s, m.ref, "operator", (f.start, m.end), "operator.force_system", obj=f.ref)
    home = EntityRef(art.home_country, "country") if art.home_country else None
    spots = list(LISTED.finditer(s.text))
    for k, lst in enumerate(spots):
        if home is None:
            break
        hi = spots[k + 1].start() if k + 1 < len(spots) else len(s.text)
        year = s.year_near(lst.start())
        for m in s.of("system", lst.end(), hi):
            qty, unit, _ = quantity(s, m)
            emit(
                art,
                s,
                m.ref,
                "operator",
                (lst.start(), m.end),
                "operator.listed",
                obj=home,
                year=year,
                quantity=qty if qty is not None else (1 if unit else None),
                unit=unit,
            )
    for c in s.classes:
        if _kind_of(c[2]) != "system":
            continue
        cl = CLASS_LIST.match(s.text, c[1])
        first = next((m for m in s.mentions if m.kind == "system" and cl and m.start == cl.end()), None) if cl else None
        if first is None:
            continue
        dem = gazetteer().demonyms.get((cl.group("dem") or "").lower())
        cls = _singular(s.text[c[0] : c[1]])
        for m in listed(s, first):
            emit(art, s, m.ref, "type", (c[0], m.end), "type.class_are", text=cls, weak=True)
            if dem:
                emit(
                    art,
                    s,
                    m.ref,
                    "origin",
                    (cl.start("dem"), m.end),
                    "origin.demonym_type",
                    obj=EntityRef(dem, "country"),
                )
            if home and not LISTED.search(s.text[c[1] : cl.end()]):
                emit(art, s, m.ref, "operator", (c[0], m.end), "operator.class_are", obj=home, weak=True)
