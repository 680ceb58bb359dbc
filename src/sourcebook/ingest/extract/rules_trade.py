"""Transfers: ``delivered_to`` (bought, received, took delivery of...) and ``contract_signed``
(ordered, signed a contract for, agreed to buy, approved or notified sales)."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import Mention
from sourcebook.ingest.extract.numbers import as_number, money
from sourcebook.ingest.extract.phrases import country_after, quantity, status
from sourcebook.ingest.gazetteer import gazetteer

# verb -> (predicate, who is the grammatical subject: "recipient" | "supplier")
VERB = re.compile(
    r"\b(?P<v>bought|buys|purchased|purchases|procured|procures|acquired|acquires|received|receives"
    r"|(?:took|takes|taken|take) delivery of|delivered|delivers|supplied|supplies|transferred|transfers"
    r"|handed over|sold|sells|(?:was|were) given|ordered|orders|placed an order for"
    r"|signed (?:a |an )?(?:[\w$.,-]+ ){0,3}(?:contract|deal)s? (?:for|to buy|to purchase|to acquire|on)"
    r"|agreed to (?:buy|purchase|acquire)|approved (?:the |a |an )?(?:possible |potential )?sale of"
    r"|to (?:buy|purchase|acquire))\b"
)
SUPPLIER_VERBS = ("delivered", "delivers", "supplied", "supplies", "transferred", "transfers", "handed over", "sold", "sells")
CONTRACT_WORDS = re.compile(r"\b(?:ordered|orders|order for|contract|deal|agreed to|approved|to buy|to purchase|to acquire)\b")
PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+ly\s+)?$")
NOMINAL = re.compile(r"\b(?:the |a |an |multiple |additional |further |first |new )*(?:deliver(?:y|ies)|transfers?|shipments?|supply|supplies|sales?) of\b", re.I)
GIVEN = re.compile(r"\b(?:was|were) given\b|\breceived\b")
FOLLOW_UP = re.compile(r"\bdeliver(?:y|ies|ed)\b|\bshipments?\b|\btranches?\b|\bbatch(?:es)?\b")
FMS_CASE = re.compile(r"\b(?:foreign military sales?|FMS)(?: case| deal)?\b|\bsales? case\b", re.I)
LIST_ITEM = re.compile(r"^\s*(?P<who>[^;:–—]+?)\s+[–—-]\s+(?P<item>.+?)\s*\((?P<money>(?:US)?[$€£][^()]*)\)\s*\.?\s*$")


def _systems(s: Sent, a: int, b: int) -> list[Mention]:
    return [m for m in s.mentions if m.kind == "system" and a <= m.start and m.end <= b]


def _date_in(s: Sent, a: int, b: int) -> tuple[str, int | None]:
    dates = [d for d in s.dates if a <= d.start < b]
    years = [y for y in s.years if a <= y[0] < b]
    date = dates[-1].text if dates else ""
    year = dates[-1].year if dates and dates[-1].year else (years[-1][2] if years else None)
    return date, year


def verbs(s: Sent, art: Article) -> None:
    found = list(VERB.finditer(s.text))
    flat = re.sub(r"\([^()]*\)", lambda p: " " * len(p.group(0)), s.text)
    for i, v in enumerate(found):
        lo = found[i - 1].end() if i else 0
        hi = found[i + 1].start() if i + 1 < len(found) else len(s.text)
        semi = flat.rfind(";", lo, v.start())
        lo = semi + 1 if semi >= 0 else lo
        semi = flat.find(";", v.end(), hi)
        hi = semi if semi >= 0 else hi
        verb = v.group("v")
        near = s.text[max(lo, v.start() - 60) : v.start()]
        contract = bool(CONTRACT_WORDS.search(verb) or re.search(r"\b(?:contract|deal|order)\b", near))
        predicate = "contract_signed" if contract else "delivered_to"
        passive = bool(PASSIVE.search(s.text[lo : v.start()])) or verb.startswith(("was given", "were given"))
        systems = _systems(s, v.end(), hi) if not passive else _systems(s, lo, v.start()) or _systems(s, v.end(), hi)
        supplier = country_after(s, "from|by", v.end(), hi) if not verb.startswith(SUPPLIER_VERBS) or passive else None
        recipient = None
        if verb.startswith(SUPPLIER_VERBS):
            recipient = country_after(s, "to", v.end(), hi)
            if not passive:
                supplier = s.last("country", lo, v.start()) or s.last("organisation", lo, v.start())
        elif not passive:
            recipient = _subject(s, v.start()) or _proper_noun_before(s, v.start())
        else:
            recipient = country_after(s, "to|by", v.end(), hi)
        if not systems and passive and art.main_system and s.kind != "title":
            systems = []
            subject_refs = [art.main_system]
        else:
            subject_refs = []
        rec = recipient.ref if recipient else (art.focus.recipient or _home(art))
        if rec is None or (not systems and not subject_refs):
            continue
        date, year = _date_in(s, lo, hi)
        if year is None and date == "" and art.year and re.search(r"\b(?:this|next) (?:spring|summer|autumn|fall|winter|year|month)\b", s.text):
            year = art.year
        st = status(s.text[max(0, v.start() - 40) : v.end()])
        for m in systems:
            qty, unit, bound = quantity(s, m)
            emit(art, s, m.ref, predicate, (min(m.start, v.start()), max(m.end, v.end())), f"{predicate}.verb",
                 obj=rec, supplier=_name(supplier), quantity=qty, unit=unit, bound=bound, date=date, year=year,
                 status=st, verb=verb)
        for subj in subject_refs:
            end = recipient.end if recipient else v.end()
            emit(art, s, subj, predicate, (v.start(), end), f"{predicate}.verb_focus", obj=rec,
                 supplier=_name(supplier) or (art.focus.supplier.name if art.focus.supplier else None),
                 date=date, year=year, status=st, verb=verb)


ADJECTIVAL = re.compile(r"^[’']?s? ?(?:ally|allies|partner|partners|officials?|forces|army|navy|troops|government|ministry|military|"
                        r"company|firm|defen[cs]e|embassy|policy|soldiers|sailors|representatives|side|media|president)\b")


def _subject(s: Sent, pos: int) -> Mention | None:
    """The buyer before a verb: the last country or organisation not after from/to/by/of, not adjectival."""
    for m in reversed([x for x in s.mentions if x.end <= pos and x.kind in ("country", "organisation")]):
        if re.search(r"\b(?:from|to|by|of|with|than)\s+(?:the\s+)?$", s.text[max(0, m.start - 10) : m.start]):
            continue
        if m.form == "demonym" or ADJECTIVAL.match(s.text[m.end : m.end + 20].lstrip()):
            continue
        return m
    return None


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


def nominal(s: Sent, art: Article) -> None:
    """"the transfer of a battery for a Buk-M2", "deliveries of X batteries from A to B"."""
    for n in NOMINAL.finditer(s.text):
        window_end = min(len(s.text), n.end() + 70)
        semi = s.text.find(";", n.end())
        stop = semi if 0 <= semi < window_end else window_end
        systems = _systems(s, n.end(), stop)
        if not systems:
            continue
        m = systems[0]
        supplier = country_after(s, "from", m.end, len(s.text))
        recipient = country_after(s, "to", m.end, len(s.text))
        given = GIVEN.search(s.text)
        if recipient is None and given:
            recipient = s.last("country", 0, given.start())
        if recipient is None:
            continue
        if supplier is None:
            others = [c for c in s.of("country") if c.ref.name != recipient.ref.name and c.form == "name"]
            names = {c.ref.name for c in others}
            supplier = others[0] if len(names) == 1 else None
        qty, unit, bound = quantity(s, m)
        date, year = _date_in(s, 0, len(s.text))
        span_end = max(m.end, recipient.end if recipient.start > m.start and recipient.start - m.end < 40 else m.end)
        emit(art, s, m.ref, "delivered_to", (n.start(), span_end), "delivered_to.nominal", obj=recipient.ref,
             supplier=_name(supplier), quantity=qty, unit=unit, bound=bound, year=year)
        contract = re.search(r"\bcontract\b", s.text[: n.start()])
        if contract:
            emit(art, s, m.ref, "contract_signed", (contract.start(), m.end), "contract_signed.contract_for",
                 obj=recipient.ref, supplier=_name(supplier), quantity=qty, unit=unit, date=date, year=year)


def follow_up(s: Sent, art: Article) -> None:
    """"The first delivery was made in 2011, followed by more in 2012 and 2014": the transfer in focus."""
    last = art.focus.transfer
    if last is None or _systems(s, 0, len(s.text)) or not FOLLOW_UP.search(s.text) or not s.years:
        return
    if last.predicate != "delivered_to" or not last.object_entity:
        return
    for a, b, year in s.years:
        cue = FOLLOW_UP.search(s.text[: a])
        start = cue.start() if cue else a
        emit(art, s, last.subject, "delivered_to", (start if year == s.years[0][2] else a, b), "delivered_to.focus_years",
             obj=last.object_entity, supplier=last.qualifiers.get("supplier"), year=year)


def sales_case(s: Sent, art: Article) -> None:
    """A sale or FMS case with a value: contract_signed of the system in the sentence (or the article's)."""
    case = FMS_CASE.search(s.text)
    sums = money(s.text)
    if not case or s.kind == "title" or ";" in s.text[case.end() :]:
        return
    systems = _systems(s, 0, len(s.text))
    subject = systems[0].ref if systems else art.main_system
    recipient = country_after(s, "to", 0, len(s.text)) or next(
        (c for c in s.of("country") if s.text[c.end : c.end + 2] in ("’s", "'s")), None)
    if subject is None or recipient is None:
        return
    value = sums[0] if sums else None
    start = min(case.start(), value[0] if value else case.start())
    emit(art, s, subject, "contract_signed", (start, case.end()), "contract_signed.sales_case", obj=recipient.ref,
         value=as_number(value[2]) if value else None, currency=value[3] if value else None,
         supplier=art.focus.supplier.name if art.focus.supplier else None, weak=True)


def sale_list(s: Sent, art: Article) -> None:
    """"Country – Item ($X billion); Country – Item (...)": notified or approved sales, one per item."""
    colon = s.text.find(":")
    if colon < 0 or ("–" not in s.text and " - " not in s.text):
        return
    st = status(s.text[:colon]) or "notified"
    supplier = art.focus.supplier.name if art.focus.supplier else None
    pos = colon + 1
    for piece in s.text[colon + 1 :].split(";"):
        a = pos
        pos += len(piece) + 1
        m = LIST_ITEM.match(piece)
        if not m:
            continue
        who = next((x for x in s.mentions if x.start == a + m.start("who") + (len(m.group("who")) - len(m.group("who").lstrip()))
                    and x.kind in ("country", "organisation")), None)
        if who is None:
            continue
        ia, ib = a + m.start("item"), a + m.end("item")
        systems = _systems(s, ia, ib)
        abbr = [x for x in systems if x.form == "abbreviation"]
        words = len(m.group("item").split())
        if abbr:
            subject = abbr[0].ref
        elif systems and len(s.text[systems[0].start : systems[0].end].split()) * 2 >= words:
            subject = systems[0].ref
        else:
            subject = EntityRef(m.group("item").strip(), "system")
        sums = money(m.group("money"))
        emit(art, s, subject, "contract_signed", (a + m.start("who"), a + m.end()), "contract_signed.sale_list",
             obj=who.ref, value=as_number(sums[0][2]) if sums else None, currency=sums[0][3] if sums else None,
             supplier=supplier if supplier != who.ref.name else None, status=st)


INCLUDES = re.compile(r"\b(?:case|deal|contract|package|sale|order)s? (?:also )?(?:includes?|included|covers?|comprises?)\b")


def package(s: Sent, art: Article) -> None:
    """"the case includes warheads, Humvees and spare parts": items of the sale in focus."""
    inc = INCLUDES.search(s.text)
    last = art.focus.transfer
    if not inc or last is None or last.object_entity is None:
        return
    for m in _systems(s, inc.end(), len(s.text)):
        emit(art, s, m.ref, "contract_signed", (inc.start(), m.end), "contract_signed.package_item", obj=last.object_entity,
             supplier=last.qualifiers.get("supplier"), weak=True)


RULES = (sale_list, verbs, nominal, follow_up, sales_case, package)
