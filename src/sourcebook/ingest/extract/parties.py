"""Who buys and who supplies: the buyer before a verb, the recipients listed after one, a force's state."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import Mention, force_country
from sourcebook.ingest.extract.phrases import country_after, quantity
from sourcebook.ingest.gazetteer import gazetteer


def _recipients(s: Sent, first: Mention | None) -> list[Mention]:
    """A recipient and the countries listed right after it ("to Niger, Togo and Mali")."""
    if first is None:
        return []
    out = [first]
    for m in s.mentions:
        if m.start < out[-1].end:
            continue
        if m.kind not in ("country", "organisation") or m.form == "demonym":
            break
        if not re.fullmatch(r",? (?:and |or |as well as )?(?:the )?|, ", s.text[out[-1].end : m.start]):
            break
        out.append(m)
    return out


def _subjects(s: Sent, pos: int) -> list[Mention]:
    """The buyer(s) before a verb: "Ethiopia and Morocco have also acquired"."""
    first = _subject(s, pos)
    if first is None:
        p = _proper_noun_before(s, pos)
        return [p] if p else []
    if first.kind == "organisation" and force_country(first) is None:
        owner = next(
            (
                c
                for c in s.of("country")
                if c.form == "name" and c.end + 3 == first.start and s.text[c.end : first.start] in ("'s ", "’s ")
            ),
            None,
        )
        first = owner or first  # "Japan's Ministry of Defense signed": Japan
    out = [first]
    for m in reversed([x for x in s.mentions if x.end <= out[0].start]):
        if m.kind not in ("country", "organisation") or m.form == "demonym":
            break
        if not re.fullmatch(r",? (?:and )?(?:the )?|, ", s.text[m.end : out[0].start]):
            break
        out.insert(0, m)
    return out


def _as_party(m: Mention) -> EntityRef:
    """A national force or defence ministry buys for its state: "the Czech Ministry of Defence" -> Czech Republic."""
    country = m.ref.name[: -len(" Ministry of Defence")] if m.ref.name.endswith(" Ministry of Defence") else ""
    if m.kind == "organisation" and country in gazetteer().countries:
        return EntityRef(country, "country")
    return force_country(m) or m.ref


GENERIC_BUYER = re.compile(
    r"(?:^|, |\bthen )(?:the )?(?:(?:defen[cs]e|armed forces|war) )?(?:ministry|government|army|navy|air force|military)"
    r"(?: of defen[cs]e)?(?: (?:has|have|had|also|then|later|recently|formally|officially))* $",
    re.I,
)


ADJECTIVAL = re.compile(
    r"^[’']?s? ?(?:ally|allies|partner|partners|officials?|forces|army|navy|troops|government|ministry|military|"
    r"company|firm|defen[cs]e|embassy|policy|soldiers|sailors|representatives|side|media|president)\b"
)


def _subject(s: Sent, pos: int) -> Mention | None:
    """The buyer before a verb: the last country or organisation not after from/to/by/of, not adjectival."""
    cands = [x for x in s.mentions if x.end <= pos and x.kind in ("country", "organisation")]
    for k in range(len(cands) - 1, -1, -1):
        m = cands[k]
        if re.search(r"\b(?:from|to|by|of|with|than)\s+(?:the\s+)?$", s.text[max(0, m.start - 10) : m.start]):
            continue
        if m.kind == "organisation" and POSSESSED_AFTER.search(s.text[max(0, m.start - 50) : m.start]):
            continue  # "bought from Norway's Kongsberg": the maker of a possessor after "from" is no buyer either
        if (
            k
            and re.fullmatch(r",? (?:and|or) (?:the )?|, ", s.text[cands[k - 1].end : m.start])
            and re.search(
                r"\b(?:from|to|by|of|with|than)\s+(?:the\s+)?$",
                s.text[max(0, cands[k - 1].start - 10) : cands[k - 1].start],
            )
        ):
            continue  # "turned to Ankara and Beijing": the second name is as much an object as the first
        if m.kind == "organisation" and any(x.kind == "system" and x.start == m.end + 1 for x in s.mentions):
            continue  # "its ageing Sikorsky S-61A4": a maker before its model is no buyer
        if m.form == "demonym":
            continue
        if s.text[m.end : m.end + 2] in ("'s", "’s") and not (
            m.kind == "country" and (OWN_FORCE.match(s.text, m.end) or AGENCY.fullmatch(s.text, m.end, pos))
        ):
            continue
        if (
            force_country(m) is None
            and ADJECTIVAL.match(s.text[m.end : m.end + 20].lstrip())
            and not OWN_FORCE.match(s.text, m.end)
        ):
            continue
        return m
    return None


OWN_FORCE = re.compile(
    r"['’]s (?:[a-z]+ )?(?:army|armed forces|air force|navy|military|government|defen[cs]e ministry"
    r"|ministry of defen[cs]e|defen[cs]e forces|forces|marines|coast guard)\b(?!['’])"
)
AGENCY = re.compile(
    r"['’]s (?:[A-Z][\w&-]*|of|for|and)(?: (?:[A-Z][\w&-]*|of|for|and))*(?: \([A-Z&]{2,8}\))?"
    r"(?: (?:has|have|had|also|then|later|recently|formally|officially|on [A-Z][a-z]+day))* "
)  # "Poland's Armament Agency"
POSSESSED_AFTER = re.compile(r"\b(?:from|to|by|with|than)\s+(?:the\s+)?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}['’]s\s+$")
PROPER = re.compile(r"(?:^|, |\band )(?P<n>[A-Z][\w-]+(?: [A-Z][\w-]+){0,3})\s+$")
NOT_NAMES = frozenset("The A An It This That These Those They He She We In On At By".split())


def _proper_noun_before(s: Sent, pos: int) -> Mention | None:
    """An unknown proper name right before the verb ("Ruritania took delivery of")."""
    m = PROPER.search(s.text[max(0, pos - 60) : pos])
    if not m or m.group("n").split()[0] in NOT_NAMES or gazetteer().months.get(m.group("n").lower().rstrip(".")):
        return None
    a = max(0, pos - 60) + m.start("n")
    return Mention(a, a + len(m.group("n")), EntityRef(m.group("n"), "country"), "pattern")


def _name(m: Mention | None) -> str | None:
    return m.ref.name if m else None


def _home(art: Article) -> EntityRef | None:
    return EntityRef(art.home_country, "country") if art.home_country else None


FORCE_AFTER = re.compile(
    r"(?:['’]s)? (?:(?:armed|defen[cs]e|self-defen[cs]e) forces|air force|army|navy|marine corps|marines|coast guard"
    r"|land forces|ground forces|naval forces|air defen[cs]e forces)\b",
    re.I,
)


def named_force(s: Sent, owner: Mention) -> EntityRef | None:
    """ "The Uzbek air force operates", "Egypt's air force operates": the force the text names, not just its state."""
    f = FORCE_AFTER.match(s.text, owner.end)
    if f is None:
        return None
    words = s.text[owner.start : f.end()].split()
    return EntityRef(" ".join(words[:1] + [w.capitalize() if w.islower() else w for w in words[1:]]), "organisation")


def contract_by(art: Article, s: Sent, m: Mention, buyer: Mention, hi: int, rule: str, **q: object) -> None:
    """A ``contract_signed`` claim: ``buyer`` ordered the system ``m`` (with the quantity written around it) from the
    country or company named after "from" or "with" before ``hi``; ``q`` are the rule's other qualifiers."""
    qty, unit, bound = quantity(s, m)
    supplier = country_after(s, "from|with", m.end, hi)
    emit(
        art,
        s,
        m.ref,
        "contract_signed",
        (buyer.start, m.end),
        rule,
        obj=_as_party(buyer),
        supplier=_name(supplier),
        quantity=qty,
        unit=unit,
        bound=bound,
        **q,
    )
