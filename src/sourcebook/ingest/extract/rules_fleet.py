"""Fleets and contracts told in other shapes: inventories with numbers ("operates 18 X and eight Y", "has 48 X on
order"), awards ("awarded X a contract to supply Y"), cancelled orders, split deliveries ("74 X in 2024: 41 to A,
21 to B") and replacements ("will replace its ageing Y with Z")."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import Mention, force_country
from sourcebook.ingest.extract.hedges import unreal
from sourcebook.ingest.extract.numbers import as_number, is_year, money, number
from sourcebook.ingest.extract.parties import _as_party, _name, contract_by
from sourcebook.ingest.extract.phrases import quantity
from sourcebook.ingest.extract.spans import _date_in, _system_after

HOLD = re.compile(
    r"\b(?:currently |now |still |also |already )?(?P<v>operates|operated|has|have|fields|flies|maintains)"
    r" (?:a fleet of |an inventory of |a total of |about |some |around |approximately |over |more than )?(?=\w)"
)
WITH_IN_SERVICE = re.compile(r"\bwith (?=\w)")
IN_SERVICE_AFTER = re.compile(r"^(?: [a-z-]+){0,3}? (?:in service|in (?:its|their) (?:inventory|fleet))\b")
ON_ORDER = re.compile(r"^(?: [a-z-]+){0,2}? on order\b")
ITEM_NUM = re.compile(
    r"(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)(?: \((?P<d>\d[\d,]*)\))? (?:more |new |used |upgraded |modernised |modernized )?$"
)
ITEM_GAP = re.compile(r"^(?:[ -][A-Za-z/-]+){0,4}?(?P<sep>,? and |, |; and )$|^(?: [a-z/-]+){0,4}?$")
SUBJECT_GAP = re.compile(
    r"^(?:['’]s? [\w -]{1,30}?|, (?:the |a |an )?[^,;]{1,60},| \([^()]{1,20}\))?(?:,? which| whose [a-z ]{1,20}?)?"
    r"(?: (?:currently|now|still|also|already|long))? ?$"
)

AWARD = re.compile(
    r"\b(?:has |have |had )?awarded (?P<sup>(?:the )?[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|and|of|&))*(?: \([A-Z][\w&-]{1,10}\))?)"
    r" (?:a |an )?(?:[\w$€£.,-]+ ){0,4}?(?:contract|deal|order)s? (?P<how>to (?P<act>supply|build|deliver|produce|provide"
    r"|manufacture)|for) "
)
CANCEL = re.compile(
    r"\b(?:cancell?ed|cancels?|cancell?ing|scrapped|scraps|terminated|terminates) (?:its |their |the |an? |his |her )?"
    r"(?:(?P<year>(?:19|20)\d\d) )?(?:planned )?(?:order|contract|deal)s? (?:for|of) "
)
CANCEL_PLACED = re.compile(r"\b(?:placed|signed) (?:[\w&'’-]+ ){0,3}?in (?P<year>(?:19|20)\d\d)\b")
SPLIT_VERB = re.compile(r"\b(?:delivered|exported|supplied|sold|transferred|shipped|handed over)\b")
SPLIT_ITEM = re.compile(r"(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?) to (?:the )?")
REPLACE = re.compile(
    r"\b(?:will|would|is to|are to|plans to|intends to|is set to|wants to) replace (?:its|their|the) (?:ageing |aging |old |older |obsolete |legacy |remaining )*"
)
REPLACE_WITH = re.compile(r" with (?:the |a |an |new |leased )*")
CUES = (
    "operate",
    "has ",
    "have ",
    "field",
    "flies",
    "maintains",
    "in service",
    "awarded",
    "cancel",
    "scrap",
    "terminat",
    "replace",
    ": ",
)


def fleet(s: Sent, art: Article) -> None:
    text = s.text
    if s.kind == "title" or not any(w in text for w in CUES):
        return
    if "awarded" in text:
        _awards(s, art)
    if "cancel" in text or "scrap" in text or "terminat" in text:
        _cancelled(s, art)
    if ": " in text:
        _split_deliveries(s, art)
    if "replace" in text:
        _replacements(s, art)
    _holdings(s, art)


def _owner(s: Sent, pos: int, lo: int = 0) -> Mention | None:
    """The country or force that is the subject of the verb at ``pos``."""
    for m in reversed(
        [x for x in s.mentions if lo <= x.start and x.end <= pos and x.kind in ("country", "organisation")]
    ):
        if m.form == "demonym" and not OWNED.match(text_after(s, m)):
            continue
        if re.search(
            r"\b(?:from|to|by|of|with|than|for|and|or)\s+(?:the\s+)?$", s.text[max(0, m.start - 10) : m.start]
        ):
            return None
        return m if SUBJECT_GAP.match(s.text[m.end : pos]) else None
    return None


FORCE_WORDS = re.compile(r"\b(?:Air Force|Army|Navy|Marine Corps|Coast Guard|Forces)$")
OWNED = re.compile(r"^(?: [a-z]+)? (?:army|navy|air force|military|armed forces|forces)\b")


def text_after(s: Sent, m: Mention) -> str:
    return s.text[m.end : m.end + 30]


def _party(s: Sent, m: Mention) -> EntityRef:
    """A force keeps its name as operator; a ministry or agency of a state ("Estonia's Centre ...") is the state."""
    if m.kind == "organisation" and force_country(m) is None:
        owner = next(
            (
                c
                for c in s.of("country")
                if c.form == "name"
                and c.end + 3 <= m.start <= c.end + 40
                and s.text[c.end : c.end + 3] in ("'s ", "’s ")
            ),
            None,
        )
        if owner:
            return owner.ref
    if m.form == "demonym" or (m.kind == "country" and s.text[m.end : m.end + 2] in ("'s", "’s")):
        return EntityRef(m.ref.name, "country")
    if m.kind == "organisation" and m.ref.name.isupper() and m.ref.aliases and FORCE_WORDS.search(m.ref.aliases[0]):
        return EntityRef(m.ref.aliases[0], "organisation")  # "RAAF": the force its long name names
    return _as_party(m) if m.kind == "organisation" and force_country(m) is None else m.ref


def _upsert(
    art: Article,
    s: Sent,
    ref: EntityRef,
    predicate: str,
    obj: EntityRef,
    span: tuple[int, int],
    rule: str,
    own: tuple[str, ...] = (),
    **q: object,
) -> None:
    """Give a claim this sentence already has its missing qualifiers (and the ``own`` ones as read here), else add it."""
    for c in art.claims:
        if (
            c.sentence == s.index
            and c.predicate == predicate
            and c.subject.name == ref.name
            and c.object_text == obj.name
        ):
            for k, v in q.items():
                if v not in (None, "") and (k not in c.qualifiers or k in own):
                    c.qualifiers[k] = v
            return
    emit(art, s, ref, predicate, span, rule, obj=obj, **q)


def _items(s: Sent, start: int, stop: int) -> list[tuple[Mention, float, str]]:
    """ "18 Su-30MKM fighters and eight F/A-18D Hornets": each (system, quantity) of a counted list from ``start``."""
    out: list[tuple[Mention, float, str]] = []
    pos = start
    for m in s.mentions:
        if m.start < pos or m.kind != "system":
            continue
        if m.start >= stop:
            break
        head = s.text[pos : m.start]
        n = ITEM_NUM.search(head)
        if (
            n is None
            or (out and not ITEM_GAP.match(s.text[out[-1][0].end : n.start() + pos]))
            or (not out and n.start() != 0)
        ):
            break
        value = number(n.group("d") or n.group("n"))
        if value is None or is_year(n.group("n")) or value > 100000:
            break
        out.append((m, value, n.group("n")))
        pos = m.end
    return out


def _holdings(s: Sent, art: Article) -> None:
    """ "Malaysia operates 18 X fighters and eight Y", "Indonesia has 16 X in its inventory", "has 48 X on order"."""
    prev: Mention | None = None
    for h in HOLD.finditer(s.text):
        owner = _owner(s, h.start()) or (
            prev
            if prev
            and re.match(r"^[^;.]{0,80}? and $", s.text[prev.end : h.start()]) is None
            and re.search(r"(?:,? and|, while) (?:currently |also )?$", s.text[: h.start()])
            else None
        )
        if owner is None:
            continue
        prev = owner
        end = s.text.find(";", h.end())
        items = _items(s, h.end(), end if end >= 0 else len(s.text))
        if not items or unreal(s.text, h.start(), h.end(), 0, len(s.text), "operator"):
            continue
        tail = s.text[items[-1][0].end :]
        if ON_ORDER.match(tail):
            for m, qty, _ in items:
                _upsert(
                    art,
                    s,
                    m.ref,
                    "contract_signed",
                    _as_party(owner) if owner.kind == "organisation" else _party(s, owner),
                    (owner.start, m.end),
                    "contract_signed.on_order",
                    quantity=as_number(qty),
                )
            continue
        if h.group("v") in ("has", "have") and not (
            IN_SERVICE_AFTER.match(tail) or re.match(r"^(?: [a-z-]+){0,3}?[,;.]|^(?: [a-z-]+){0,3}?$", tail)
        ):
            continue  # "has 12 X delivered by ..." is another statement
        for m, qty, _ in items:
            _upsert(
                art,
                s,
                m.ref,
                "operator",
                _party(s, owner),
                (owner.start, m.end),
                "operator.holds",
                quantity=as_number(qty),
            )
    for w in WITH_IN_SERVICE.finditer(s.text):
        items = _items(s, w.end(), len(s.text))
        owner = s.first("country") or s.first("organisation")
        if (
            not items
            or owner is None
            or owner.start > w.start()
            or not IN_SERVICE_AFTER.match(s.text[items[-1][0].end :])
        ):
            continue
        for m, qty, _ in items:
            _upsert(
                art,
                s,
                m.ref,
                "operator",
                _party(s, owner),
                (owner.start, m.end),
                "operator.holds",
                quantity=as_number(qty),
            )


def _awards(s: Sent, art: Article) -> None:
    """ "Lithuania's defence ministry awarded Lockheed Martin a contract to supply eight HIMARS launchers"."""
    for a in AWARD.finditer(s.text):
        buyer = _owner(s, a.start())
        if buyer is None:
            continue
        sup = next((m for m in s.mentions if m.kind == "organisation" and m.start == a.start("sup")), None)
        supplier = sup.ref.name if sup and sup.end >= a.end("sup") - 12 else a.group("sup").removeprefix("the ")
        stop = re.search(r"[;]|, (?:the|which|who|while|saying|adding)\b", s.text[a.end() :])
        hi = a.end() + (stop.start() if stop else len(s.text) - a.end())
        systems = [m for m in s.mentions if m.kind == "system" and a.end() <= m.start < hi]
        if not systems or re.search(r"[,;()]", s.text[a.end() : systems[0].start]):
            continue
        date, year = _date_in(s, a.start(), hi, art)
        sums = money(s.text[a.start() : hi])
        for m in systems[:1]:
            qty, unit, bound = quantity(s, m)
            emit(
                art,
                s,
                m.ref,
                "contract_signed",
                (buyer.start, m.end),
                "contract_signed.awarded",
                obj=_party(s, buyer),
                supplier=supplier,
                quantity=qty,
                unit=unit,
                bound=bound,
                date=date,
                year=year,
                value=as_number(sums[0][2]) if sums else None,
                currency=sums[0][3] if sums else None,
            )
            if a.group("act") in ("build", "produce", "manufacture"):
                emit(
                    art,
                    s,
                    m.ref,
                    "manufacturer",
                    (a.start("sup"), m.end),
                    "manufacturer.awarded",
                    obj=sup.ref if sup else EntityRef(supplier, "organisation"),
                )


def _cancelled(s: Sent, art: Article) -> None:
    """ "Egypt cancelled its order for 24 Su-35 fighters": a contract, with status cancelled (and no delivery)."""
    for c in CANCEL.finditer(s.text):
        m = _system_after(s, c.end())
        if m is None:
            continue
        buyer = _owner(s, c.start())
        if buyer is None and re.match(r"^(?:After|By|Following) $", s.text[: c.start()]):
            comma = s.text.find(", ", m.end)
            buyer = next(
                (
                    x
                    for x in s.mentions
                    if comma > 0 and x.start in (comma + 2, comma + 6) and x.kind in ("country", "organisation")
                ),
                None,
            )
        if buyer is None:
            continue
        stop = re.search(r"[;]|, (?:saying|after|according|but|while)\b", s.text[m.end :])
        hi = m.end + (stop.start() if stop else len(s.text) - m.end)
        placed = CANCEL_PLACED.search(s.text, m.end, hi)
        year = int(c.group("year")) if c.group("year") else (int(placed.group("year")) if placed else None)
        for x in [
            c
            for c in art.claims
            if c.sentence == s.index
            and c.subject.name == m.ref.name
            and c.predicate in ("contract_signed", "delivered_to")
        ]:
            art.claims.remove(x)  # a verb rule read "order for" as a deal done
        contract_by(art, s, m, buyer, hi, "contract_signed.cancelled", year=year, status="cancelled")


def _split_deliveries(s: Sent, art: Article) -> None:
    """ "Hanwha delivered 74 K9 howitzers in 2024: 41 to Poland, 21 to Romania and 12 to Egypt"."""
    colon = s.text.find(": ")
    v = SPLIT_VERB.search(s.text, 0, colon)
    system = next((m for m in reversed(s.mentions) if m.kind == "system" and m.end <= colon), None)
    if v is None or system is None:
        return
    supplier = _owner(s, v.start())
    date, year = _date_in(s, v.end(), colon, art)
    for it in SPLIT_ITEM.finditer(s.text, colon + 2):
        if not re.fullmatch(r"(?:,? and |, )?", s.text[colon + 2 : it.start()]) and not re.search(
            r"(?:, |,? and )$", s.text[colon : it.start()]
        ):
            break
        rec = next((m for m in s.mentions if m.start == it.end() and m.kind in ("country", "organisation")), None)
        qty = number(it.group("n"))
        if rec is None or qty is None:
            break
        _upsert(
            art,
            s,
            system.ref,
            "delivered_to",
            _as_party(rec),
            (it.start(), rec.end),
            "delivered_to.split",
            own=("quantity",),
            supplier=_name(supplier),
            quantity=as_number(qty),
            date=date,
            year=year,
        )


def _replacements(s: Sent, art: Article) -> None:
    """ "The RAAF will replace its ageing AP-3C Orion aircraft with the P-8A": the old one is operated, the new one planned."""
    for r in REPLACE.finditer(s.text):
        owner = _owner(s, r.start())
        old = next((m for m in s.mentions if m.kind == "system" and m.start == r.end()), None)
        if owner is None or old is None:
            continue
        party = _party(s, owner)
        emit(art, s, old.ref, "operator", (owner.start, old.end), "operator.replaced", obj=party, weak=True)
        w = REPLACE_WITH.search(s.text, old.end, old.end + 60)
        new = next((m for m in s.mentions if w and m.kind == "system" and m.start == w.end()), None)
        if new is not None and not any(
            c.subject.name.startswith(new.ref.name) or new.ref.name.startswith(c.subject.name)
            for c in art.claims
            if c.predicate in ("contract_signed", "delivered_to")
        ):
            emit(
                art,
                s,
                new.ref,
                "contract_signed",
                (r.start(), new.end),
                "contract_signed.replacement",
                obj=_as_party(owner) if owner.kind == "organisation" else EntityRef(owner.ref.name, "country"),
                status="planned",
                weak=True,
            )


RULES = (fleet,)
