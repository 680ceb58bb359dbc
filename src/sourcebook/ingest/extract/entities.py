"""Finding mentions in a sentence: gazetteer names plus pattern-found designations and names.

Offsets here are local to the sentence text. A system is named as the text spells it (with
the gazetteer's canonical name as an alias), a country by its canonical name (demonyms folded).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.gazetteer import Entry, gazetteer

# Model designations: S-400, T-72B3, F-15ID, CH-47F, M1A2, MiG-29, 9K331, 2S19, Buk-M2, Pantsir-S1.
DESIGNATION = re.compile(
    r"(?<![\w$-])(?:[A-Z][A-Za-z]{0,5}-?\d{1,4}[A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*"
    r"|\d[A-Z]\d{1,4}[A-Za-z0-9]*(?:-\d+)?"
    r"|[A-Z][a-z]+-[A-Z]{1,3}\d[A-Za-z0-9]*"
    r"|[A-Z][a-z]{5,9}-\d{1,3}[A-Za-z]?)(?![\w-])"  # Nagastra-1, Bayraktar-2: a long name with a short model number
)
DIVISION = re.compile(
    r"(?: (?:[A-Z][a-z]+|and|&)){0,4}? (?:Systems|Control|Aeronautics|Space|Missiles|Vehicles|Helicopters|Electronics"
    r"|Ordnance|Munitions|Shipbuilding|Sensors|Mission Systems)(?![\w-])"
)
SCALE_AFTER = re.compile(r" (?:billion|million|bn|mn)\b")  # "PHP32 billion": a sum of money, not a model
NOT_DESIGNATION = re.compile(
    r"^(?:FY\d|CY\d|Q[1-4]$|COVID|G\d{1,2}$|H[12]$|[A-Z]\d?$|\d+(?:st|nd|rd|th|s|mm|km|kg|cm|m|am|pm)$)|^[A-Z]-?\d{4}$"
)
MODEL_SUFFIX = re.compile(
    r" (?!\d+x\d+\b)(?=[A-Z0-9]*\d)[A-Za-z0-9]{2,6}(?![\w-])"
)  # not a wheel layout (6x6)  # M1A2 SEPV3
NAME_WORD = re.compile(r" ([A-Z][a-z]+(?:-\d+)?)(?![\w-])")  # 9M14 Malyutka, BM-21 Grad
YEAR_AFTER = re.compile(
    r" ((?:19|20)\d\d|\d\d(?= |,|\.|$))(?![\w.,]\d)"
)  # "Saber Strike 25": a two-digit edition is a year too
ABBR_IN_PARENS = re.compile(r"\(([A-Z][A-Za-z0-9&/-]{1,11})\)")
ORG_NAME_HEAD = re.compile(
    r"(?:\b(?:\d+(?:st|nd|rd|th) )?(?:[A-Z][\w'’-]*(?:(?: and| of| for| the| &)* [A-Z][\w'’-]*){0,6}) "
    r"(?:Command|Brigade|Division|Regiment|Battalion|Squadron|Wing|Fleet|Corps|Agency|Institute|Ministry"
    r"|Corporation|Company|Bureau|Directorate|Forces|Force|Army|Navy|Industries|Systems|Aerospace|Aviation|Technologies"
    r"|Electronics|Electric|Dynamics|Shipyards?|Shipbuilding|Engineering|Group|Holdings?|Ltd|Limited|Inc|plc|GmbH|Works"
    r"|Development|Organi[sz]ation))\b"
)
# A national armed force: "Brazilian Air Force", "the Royal Norwegian Air Force", "U.S. Army", "Indian Navy".
FORCE_NAME = re.compile(
    r"\b(?P<royal>Royal )?(?P<dem>[A-Z][a-z]+|U\.S\.|US|UK|U\.K\.)(?: Royal)?(?: (?:Emiri|Maritime|Ground|Air|Imperial|Republic|People's|National))? (?P<head>Air Force|Army|Navy|Marine Corps|Marines|Coast Guard"
    r"|Air Defen[cs]e Forces|Land Forces|Ground Forces|Armed Forces|Naval Forces|Special Forces|Space Force|Air and Space Force"
    r"|Aerospace Forces|National Guard|Defen[cs]e Forces|Self-Defen[cs]e Forces?)\b"
)
LONG_FORM = re.compile(r"(?: [A-Z][a-z]+){1,3} Systems?\b")  # Harpoon Coastal Defense System(s)
TYPE_NUMBER = re.compile(r"(?<![\w-])Type \d{2,3}[A-Z]?(?:/\d{3,4})?(?![\w-])")  # Type 209/1400, Type 052D
SHIP_CLASS = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+ )?[A-Z][A-Za-z]+(?: \d{1,4}(?:\.\d{1,2})?)?-class\b")
VARIANT = re.compile(r" (?:[A-Z](?:/[A-Z])?|II|III|IV|Block \d+(?:/\d+)?|Mk ?\d+|Mark \d+)(?![\w-]|\.\w)")
DEFENCE_MINISTRY = re.compile(
    r"\b(?:(?P<dem>[A-Z][a-z]+) )?(?:Defen[cs]e Ministry|Ministry of Defen[cs]e)(?: of (?P<of>[A-Z][a-z]+))?"
)
QUOTED_COMPANY = re.compile(r"\b(?:company|firm|factory|plant|corporation|enterprise) [\"“]([^\"”]{2,40})[\"”]")
EXERCISE_NAME = re.compile(
    r"\b(?:[Ee]xercise|[Oo]peration) (?P<a>[A-Z][\w-]+(?: [A-Z][\w-]+){0,3}(?: (?:19|20)\d\d)?)"
    r"|(?P<b>[A-Z][\w-]+(?: [A-Z][\w-]+){0,3}(?: (?:19|20)\d\d)?) (?:[Ee]xercises?|drills?|war ?games)\b"
)
FUNCTION_WORDS = frozenset(
    "The A An In On At And Of For To By With From As During Since After Before Its It This That".split()
)


@dataclass
class Mention:
    start: int
    end: int
    ref: EntityRef
    form: str = "name"  # "name" | "demonym" | "designation" | "abbreviation" | "pattern"
    entry: Entry | None = None

    @property
    def kind(self) -> str:
        return self.ref.kind

    @property
    def name(self) -> str:
        return self.ref.name


def singular_model(surface: str) -> str:
    """T-80s -> T-80, Humvees -> Humvee; other names unchanged."""
    if len(surface) > 3 and surface.endswith("s") and (surface[-2].isdigit() or surface[-2].isupper()):
        return surface[:-1]
    return surface


def _ref_for(entry: Entry, surface: str, form: str) -> EntityRef:
    if entry.kind == "country":
        return EntityRef(entry.name, "country")
    name = surface[:-1] if form == "plural" else singular_model(surface)
    if name.endswith(" Systems"):
        name = name[:-1]
    if (
        entry.kind == "system"
        and len(name.split()) >= 3
        and not any(c.isdigit() for c in name)
        and not name.startswith(entry.name + " ")
    ):
        name = entry.name  # a spelled-out long form: use the short canonical name
    if name.isupper() and entry.kind == "organisation" and len(name) > 6 and " " in name:
        name = entry.name
    aliases = (entry.name,) if entry.name != name else ()
    return EntityRef(name, entry.kind, aliases)


def _taken(spans: list[Mention], s: int, e: int) -> bool:
    return any(m.start < e and s < m.end for m in spans)


def find_mentions(text: str, words: list[tuple[int, int, str]], classes: list[tuple[int, int, str]]) -> list[Mention]:
    """Every entity mention in a sentence, sorted, without overlaps."""
    g = gazetteer()
    texts = [w[2] for w in words]
    found: list[Mention] = []
    for index in (g.names, g.upper_names):
        for hit in index.find(texts):
            s, e = words[hit.first][0], words[hit.last - 1][1]
            entry = hit.value
            assert isinstance(entry, Entry)
            if index is g.upper_names and not text[s:e].isupper():
                continue
            if (
                entry.weak
                and not _weak_ok(text, e, classes)
                and not (
                    entry.kind == "system"
                    and re.search(r"(?:\b[Tt]he|\d) $", text[max(0, s - 5) : s])
                    and not re.match(r"[ -]class\b", text[e : e + 7])
                )
            ):
                continue
            if _taken(found, s, e):
                continue
            if entry.kind == "exercise":
                y = YEAR_AFTER.match(text, e)
                if y:
                    e = y.end()
            if entry.kind == "organisation" and hit.form == "name":
                div = DIVISION.match(text, e)
                if div and not _taken(found, div.start() + 1, div.end()):
                    found.append(
                        Mention(
                            s, div.end(), EntityRef(text[s : div.end()], "organisation", (entry.name,)), "name", entry
                        )
                    )
                    continue  # "Lockheed Martin Missiles and Fire Control": a division named after its company
            if entry.kind == "system" and hit.form != "plural":
                long_form = LONG_FORM.match(text, e)
                if long_form:
                    e = long_form.end()
                v = VARIANT.match(text, e)
                if v and not _taken(found, v.start() + 1, v.end()):
                    e = v.end()
            found.append(Mention(s, e, _ref_for(entry, text[s:e], hit.form), hit.form, entry))
    _forces(text, found)
    _hyphen_demonyms(text, words, found)
    _designations(text, found, classes)
    _patterns(text, found)
    _abbreviations(text, found, classes)
    _names_before_class(text, words, found, classes)
    _ship_names(text, found, classes)
    found.sort(key=lambda m: m.start)
    return _merge_names(text, found)


def _merge_names(text: str, found: list[Mention]) -> list[Mention]:
    """C-130J-30 + Super Hercules -> one system named as written."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev
            and prev.kind == "system"
            and m.kind == "system"
            and m.start == prev.end + 1
            and text[prev.end] == " "
            and any(c.isdigit() for c in prev.name)
            and not any(c.isdigit() for c in m.name)
        ):
            name = text[prev.start : m.end]
            out[-1] = Mention(
                prev.start, m.end, EntityRef(name, "system", (prev.name, *prev.ref.aliases)), prev.form, prev.entry
            )
            continue
        if (
            prev
            and prev.kind == "system"
            and m.kind == "system"
            and m.form == "designation"
            and m.start == prev.end + 1
            and text[prev.end] == " "
            and not any(c.isdigit() for c in prev.name)
            and prev.form == "name"
        ):
            name = text[prev.start : m.end]  # Bayraktar TB3: a maker's name and a model
            out[-1] = Mention(prev.start, m.end, EntityRef(name, "system", (m.name,)), prev.form, prev.entry)
            continue
        out.append(m)
    return out


def _weak_ok(text: str, end: int, classes: list[tuple[int, int, str]]) -> bool:
    follow = text[end : end + 2]
    return (
        any(c[0] in (end + 1, end) for c in classes)
        or follow.startswith(("-", " ("))
        or bool(re.match(r" [A-Z0-9]*\d", text[end : end + 8]))
    )


def _forces(text: str, found: list[Mention]) -> None:
    """A national force named with its demonym: one organisation mention that knows its country."""
    g = gazetteer()
    for m in FORCE_NAME.finditer(text):
        country = g.demonyms.get(m.group("dem").lower()) or (
            "United States"
            if m.group("dem") in ("U.S.", "US")
            else "United Kingdom"
            if m.group("dem") in ("UK", "U.K.")
            else ""
        )
        if not country:
            continue
        s, e = m.span()
        if any(x.start < e and s < x.end and not (x.kind == "country" and m.start("dem") <= x.start) for x in found):
            continue
        found[:] = [x for x in found if not (s <= x.start < e)]
        entry = Entry(text[s:e], "organisation", country=country, type="armed force")
        found.append(Mention(s, e, EntityRef(text[s:e], "organisation"), "pattern", entry))


def force_country(m: Mention) -> EntityRef | None:
    """The country of a national force mention (``Brazilian Air Force`` -> Brazil), else None."""
    if (
        m.kind == "organisation"
        and m.entry is not None
        and m.entry.country
        and m.entry.type in ("armed force", "armed forces")
    ):
        return EntityRef(m.entry.country, "country")
    country = _force_name_country(m.ref.name) if m.kind == "organisation" and m.entry is None else None
    return (
        EntityRef(country, "country") if country else None
    )  # a force named by pattern, then abbreviated: "... Air Force (RAAF)"


@functools.lru_cache(maxsize=4096)
def _force_name_country(name: str) -> str | None:
    f = FORCE_NAME.fullmatch(name)
    return gazetteer().demonyms.get(f.group("dem").lower()) if f else None


def _hyphen_demonyms(text: str, words: list[tuple[int, int, str]], found: list[Mention]) -> None:
    """Russian-Belarussian, Polish-built: the parts of a hyphenated word that name countries."""
    g = gazetteer()
    for s, _e, w in words:
        if "-" not in w or any(c.isdigit() for c in w):
            continue
        pos = s
        for part in w.split("-"):
            country = g.demonyms.get(part.lower()) if part[:1].isupper() else None
            if country and not _taken(found, pos, pos + len(part)):
                form = "name" if part.lower() == country.lower() else "demonym"
                found.append(
                    Mention(pos, pos + len(part), EntityRef(country, "country"), form, g.countries.get(country))
                )
            pos += len(part) + 1


def _designations(text: str, found: list[Mention], classes: list[tuple[int, int, str]]) -> None:
    g = gazetteer()
    for m in DESIGNATION.finditer(text):
        s, e = m.span()
        if NOT_DESIGNATION.search(m.group(0)) or _taken(found, s, e) or SCALE_AFTER.match(text, e):
            continue
        while True:
            nxt = MODEL_SUFFIX.match(text, e) or NAME_WORD.match(text, e)
            if not nxt or any(c[0] == nxt.start() + 1 for c in classes):
                break
            word = nxt.group(0).strip()
            if (
                NOT_DESIGNATION.search(word)
                or word in FUNCTION_WORDS
                or word.lower() in g.demonyms
                or _taken(found, nxt.start() + 1, nxt.end())
            ):
                break
            if e - s > 40:
                break
            e = nxt.end()
            if DESIGNATION.fullmatch(word):
                break
        surface = singular_model(text[s:e])
        entry = g.systems.get(surface)
        found.append(
            Mention(
                s,
                e,
                EntityRef(surface, "system", (entry.name,) if entry and entry.name != surface else ()),
                "designation",
                entry,
            )
        )


def _patterns(text: str, found: list[Mention]) -> None:
    g = gazetteer()
    for m in TYPE_NUMBER.finditer(text) if "Type " in text else ():
        if not _taken(found, m.start(), m.end()):
            found.append(
                Mention(m.start(), m.end(), EntityRef(m.group(0), "system"), "pattern", g.systems.get(m.group(0)))
            )
    for m in SHIP_CLASS.finditer(text) if "-class" in text else ():
        s, e = m.span()
        if text[s:e].split()[0] in FUNCTION_WORDS:
            s += len(text[s:e].split()[0]) + 1
        if not _taken(found, s, e):
            found.append(Mention(s, e, EntityRef(text[s:e], "system"), "pattern", g.systems.get(text[s:e])))
    for m in DEFENCE_MINISTRY.finditer(text) if "Minist" in text else ():
        country = g.demonyms.get((m.group("dem") or m.group("of") or "").lower(), "")
        s = (
            m.start("dem")
            if m.group("dem") and country
            else m.start() + (len(m.group("dem")) + 1 if m.group("dem") else 0)
        )
        name = f"{country} Ministry of Defence" if country else text[s : m.end()]
        found[:] = [x for x in found if not (x.form == "demonym" and s <= x.start < m.end())]
        if not _taken(found, s, m.end()):
            found.append(Mention(s, m.end(), EntityRef(name, "organisation", (text[s : m.end()],)), "pattern"))
    for m in QUOTED_COMPANY.finditer(text) if '"' in text or "“" in text else ():
        s, e = m.span(1)
        if not _taken(found, s, e):
            found.append(Mention(s, e, EntityRef(m.group(1), "organisation"), "pattern"))
    for m in EXERCISE_NAME.finditer(text) if any(w in text for w in ("xercise", "peration", "drill", "war")) else ():
        key = "a" if m.group("a") else "b"
        s, e = m.span(key)
        name = m.group(key)
        first = name.split()[0]
        if first in FUNCTION_WORDS or g.demonyms.get(first.lower()) or _taken(found, s, e):
            continue
        found.append(Mention(s, e, EntityRef(name, "exercise"), "pattern"))
    for m in ORG_NAME_HEAD.finditer(text):
        s, e = m.span()
        words = text[s:e].split()
        while words and (words[0] in FUNCTION_WORDS or words[0].lower() in g.demonyms):
            s += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or _taken(found, s, e):
            continue
        found.append(Mention(s, e, EntityRef(text[s:e], "organisation"), "pattern"))


def initials(words: list[str]) -> str:
    out = []
    for w in words:
        for part in re.split(r"[-/]", w):
            if part[:1].isupper() or part[:1].isdigit():
                out.append(part[0])
    return "".join(out)


def _abbreviations(text: str, found: list[Mention], classes: list[tuple[int, int, str]]) -> None:
    """Long Name (ABBR): both become mentions of one entity named by the abbreviation."""
    g = gazetteer()
    for m in ABBR_IN_PARENS.finditer(text):
        abbr = m.group(1)
        letters = "".join(c for c in abbr if c.isupper() or c.isdigit())
        before = text[: m.start()].rstrip()
        words = before.split()[-(len(letters) + 4) :]
        long_name = ""
        for k in range(1, len(words) + 1):
            tail = words[-k:]
            if tail[0].lower() in ("of", "and", "the", "for"):
                continue
            if initials(tail).upper() == letters.upper():
                long_name = " ".join(tail)
                break
        if not long_name:
            continue
        ls = len(before) - len(long_name)
        inner = [x for x in found if ls <= x.start and x.end <= len(before)]
        known = next((x for x in found if x.start == m.start(1)), None)
        kind = known.kind if known else (inner[0].kind if inner else "")
        if not kind:
            kinds = [c[2] for c in classes if ls <= c[0] < len(before)]
            if kinds and g.class_kind.get(kinds[-1], "system") == "system":
                kind = "system"
            elif re.search(
                r"\b(?:Agency|Command|Institute|Organi[sz]ation|Ministry|Department|Corporation|Company|Office|Council)\b",
                long_name,
            ):
                kind = "organisation"
        if not kind:
            continue
        ref = EntityRef(abbr, kind, (long_name,))
        if (
            kind == "organisation"
            and (known is None or known.form != "name" or (known.entry and known.entry.name == long_name))
            and not long_name.endswith(("'s", "’s"))
            and "'s " not in long_name
            and "’s " not in long_name
        ):
            ref = EntityRef(long_name, kind, (abbr,))  # an agency or company is known by its full name
        found[:] = [x for x in found if not (x.start >= ls and x.end <= m.end())]
        found.append(Mention(ls, len(before), ref, "pattern"))
        found.append(Mention(m.start(1), m.end(1), ref, "abbreviation"))


# Capitalised words that open a noun phrase without naming anything ("Modern frigates", "Four tanks").
NOT_NAME_WORDS = (
    frozenset(
        "The A An Its Their Our His Her This That These Those Such Other Both Each All Most Some Several Many Few New Modern Old "
        "Older Newer Light Heavy Medium Naval Military Western Eastern Northern Southern Additional Further Another More Two Three "
        "Four Five Six Seven Eight Nine Ten First Second Third Last Next Only Current Former Future Existing Ageing Aging "
        "Unmanned Armed Armoured Armored Advanced Upgraded Used Surplus Second-hand Anti Counter War Era".split()
    )
    | FUNCTION_WORDS
)
CAP_WORD = re.compile(r"[A-Z][\w'’-]*|[0-9]+[A-Z][A-Za-z0-9]*")


def _names_before_class(
    text: str, words: list[tuple[int, int, str]], found: list[Mention], classes: list[tuple[int, int, str]]
) -> None:
    """ "The Warmate loitering munition", "FDI HN frigates", "Borsuk infantry fighting vehicles": an unknown name
    (one to three capitalised words) written right before a system class word is a system."""
    g = gazetteer()
    starts = {w[0]: i for i, w in enumerate(words)}
    for c in classes:
        if g.class_kind.get(c[2], "system") != "system" or c[0] not in starts or text[c[0]].isupper():
            continue
        i = starts[c[0]]
        run: list[int] = []
        j = i - 1
        if (
            j >= 1
            and re.fullmatch(r"\d{1,2}", words[j][2])
            and words[j][1] + 1 == c[0]
            and words[j - 1][1] + 1 == words[j][0]
            and CAP_WORD.fullmatch(words[j - 1][2])
            and words[j - 1][2] not in NOT_NAME_WORDS
        ):
            run, j = [j], j - 1  # "Zuzana 2 self-propelled guns": a model number closes the name
        while j >= 0 and len(run) < 3:
            w = words[j]
            inner_number = (
                run
                and j >= 1
                and re.fullmatch(r"\d{1,3}", w[2])
                and CAP_WORD.fullmatch(words[j - 1][2])
                and words[j - 1][1] + 1 == w[0]
            )  # "OPV 58 S patrol vessels": a number inside the name
            if w[1] + 1 != words[j + 1][0] or not (CAP_WORD.fullmatch(w[2]) or inner_number) or w[2] in NOT_NAME_WORDS:
                break
            if g.months.get(w[2].lower().rstrip(".")) is not None or g.numbers.get(w[2].lower()) is not None:
                break
            run.insert(0, j)
            j -= 1
        while run and not words[run[0]][2][0].isalpha():
            run.pop(0)
        if not run:
            continue
        s, e = words[run[0]][0], words[run[-1]][1]
        maker = next(
            (m for m in found if m.kind == "organisation" and m.form == "name" and m.start == s and m.end < e), None
        )
        if maker is not None and text[maker.end] == " " and not _taken(found, maker.end + 1, e):
            found.remove(maker)  # "Otokar Cobra II": the maker's name opens the model's
        if _taken(found, s, e) or any(
            m.end == s - 1
            and m.kind in ("country", "organisation")
            and m.form != "demonym"
            and text[m.end - 2 : m.end] not in ("'s", "’s")
            for m in found
        ):
            continue  # "Royal Navy frigates", "Poland frigates" are no names
        name = text[s:e]
        if len(name) < 2 or name.endswith(("'s", "’s")) or (s == 0 and len(run) == 1 and name in g.starters):
            continue
        entry = g.systems.get(name)
        found.append(
            Mention(
                s, e, EntityRef(name, "system", (entry.name,) if entry and entry.name != name else ()), "pattern", entry
            )
        )


SHIP_NAME = re.compile(r" (?P<n>(?:[A-Z]{2,5} )?[A-Z][a-zà-ÿ'’-]+(?: [A-Z][a-zà-ÿ'’-]+)?)(?![\w-])")
SEA_CLASS = re.compile(r"(?:frigate|corvette|destroyer|submarine|carrier|ship|vessel|cruiser|dock)$")


def _ship_names(text: str, found: list[Mention], classes: list[tuple[int, int, str]]) -> None:
    """ "the former German Navy frigate Lütjens", "the helicopter carrier HMS Ocean": a ship named after its class word."""
    g = gazetteer()
    for c in classes:
        if not SEA_CLASS.search(text[c[0] : c[1]]):
            continue
        m = SHIP_NAME.match(text, c[1])
        if m is None:
            continue
        s, e = m.span("n")
        name = m.group("n")
        if (
            _taken(found, s, e)
            or name.split()[0] in NOT_NAME_WORDS
            or g.months.get(name.split()[0].lower()) is not None
            or re.match(r"[ -]class\b", text[e : e + 7])
            or name.lower() in g.demonyms
        ):
            continue
        entry = g.systems.get(name)
        found.append(
            Mention(
                s, e, EntityRef(name, "system", (entry.name,) if entry and entry.name != name else ()), "pattern", entry
            )
        )
