"""Transfers: ``delivered_to`` (bought, received, took delivery of...) and ``contract_signed``
(ordered, signed a contract for, agreed to buy, approved or notified sales)."""

from __future__ import annotations

import itertools
import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import Mention, force_country
from sourcebook.ingest.extract.hedges import unreal
from sourcebook.ingest.extract.kinds import _other_kind, _thing_word
from sourcebook.ingest.extract.numbers import as_number, is_year, money, number
from sourcebook.ingest.extract.of_which import OF_WHICH, _of_which
from sourcebook.ingest.extract.parties import GENERIC_BUYER, _as_party, _home, _name, _recipients, _subjects
from sourcebook.ingest.extract.phrases import country_after, quantity, status
from sourcebook.ingest.extract.rules_relatives import CUE as RELATIVE_CUE
from sourcebook.ingest.extract.rules_relatives import NP_TAIL
from sourcebook.ingest.extract.rules_relatives import RELATIVE as RELATIVE_CLAUSE
from sourcebook.ingest.extract.spans import _date_in, _focus_system, _np_quantity, _systems
from sourcebook.ingest.gazetteer import gazetteer

# verb -> (predicate, who is the grammatical subject: "recipient" | "supplier")
VERB = re.compile(
    r"\b(?P<v>bought|buys|purchased|purchases|procured|procures|acquired|acquires|received|receives"
    r"|(?:took|takes|taken|take|taking) delivery of|delivered|delivers|supplied|supplies|transferred|transfers"
    r"|handed over|sold|sells|(?:was|were) given|ordered|orders|placed (?:an |a )?(?:[\w$.,-]+ ){0,2}orders? for"
    r"|exported|exports|donated|donates|gifted|shipped|inducted|commissioned"
    r"|signed (?:a |an |the )?(?:[\w$.,-]+ ){0,3}(?:contract|deal|letter of offer and acceptance|LOA)s? (?:with (?:[\w'’&.-]+ ){1,5}?)?(?:for|to buy|to purchase|to acquire|to supply|on)"
    r"|signed (?:a |an |the )?(?:[\w$.,-]+ ){0,3}agreements? (?:with (?:[\w'’&.-]+ ){1,5}?)?(?:for|to buy|to purchase|to acquire|to supply)"
    r"|agreed to (?:buy|purchase|acquire|procure)|approved (?:the |a |an )?(?:possible |potential |proposed )?(?:Foreign Military )?[Ss]ale of"
    r"|approved (?:the |a |an )?(?:possible |potential |proposed )?(?:Foreign Military )?[Ss]ale to (?:the )?(?:[\w'’.-]+ ){1,10}?of"
    r"|(?:to|will|would|could) (?:buy|purchase|acquire|procure|receive|order))\b"
)
# "the most widely exported drone", "a widely bought design": the participle describes a noun, it tells no transfer
MODIFIER_BEFORE = re.compile(r"\b(?:most|widely|best|least|commonly|more|heavily) $", re.I)
SUPPLIER_VERBS = (
    "delivered",
    "delivers",
    "supplied",
    "supplies",
    "transferred",
    "transfers",
    "handed over",
    "sold",
    "sells",
    "exported",
    "exports",
    "donated",
    "donates",
    "gifted",
    "shipped",
)
CONTRACT_WORDS = re.compile(
    r"\b(?:ordered|orders|order for|orders for|contract|deal|letter of offer|LOA|agreement|agreed to|approved|to buy|to purchase|to acquire|to procure|to order|will order|buy|purchase|procure)\b"
)
PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+ly\s+)?$")
NOMINAL = re.compile(
    r"\b(?:the |a |an |multiple |additional |further |first |new )*(?:deliver(?:y|ies)|transfers?|shipments?|supply|supplies|sales?) of\b",
    re.I,
)
GIVEN = re.compile(r"\b(?:was|were) given\b|\breceived\b")
FOLLOW_UP = re.compile(r"\bdeliver(?:y|ies|ed)\b|\bshipments?\b|\btranches?\b|\bbatch(?:es)?\b")
FMS_CASE = re.compile(r"\b(?:foreign military sales?|FMS)(?: case| deal)?\b|\bsales? case\b", re.I)
LIST_ITEM = re.compile(r"^\s*(?P<who>[^;:–—]+?)\s+[–—-]\s+(?P<item>.+?)\s*\((?P<money>(?:US)?[$€£][^()]*)\)\s*\.?\s*$")
RELATIVE = re.compile(r",? (?:which|that) (?:it|they|the \w+|[A-Z]\w+)(?: (?:had|has|have|also|later|first))* $")
UNDER = re.compile(
    r"\b(?:under|as part of|through|completing|fulfilling) (?:a|an|the) (?P<what>[^,;]{0,40}?)\b(?:agreement|deal|contract)\b(?: (?:signed|concluded|agreed) in (?P<year>(?:19|20)\d\d))?"
)
PARTS = re.compile(r"(?: [\w-]+)? (?:parts|components|spares|spare parts|support equipment|kits)\b")  # not the system
EX_OWNER = re.compile(r"\b(?:ex-|former )$")
OBJECT_WORD = re.compile(
    r"\b(?:the |its |their |first |more |new |additional |of |\w+ ){0,5}?(?:system|type|unit|batter(?:y|ies)|\w+s)\b"
)


THIS_YEAR = re.compile(r"\b(?:this|so far this|earlier this|later this) year\b")
EACH_YEAR = re.compile(r"(?<!between )\bin (?:19|20)\d\d(?:, (?:19|20)\d\d)*,? and (?:19|20)\d\d\b")
NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|its|their|new|arms|defen[cs]e|military|weapons?|aerospace|total|annual|export|foreign|further|more)|['’]s?) $",
    re.I,
)
RECENT = 3  # a recipient named more than this many sentences ago is no longer the one meant


def former_owner(s: Sent, m: Mention, recipient: EntityRef) -> Mention | None:
    """ "ex-Danish F-16s", "the former German Navy frigate Lütjens": the state that owned a second-hand system supplied it."""
    for o in reversed([x for x in s.mentions if x.end <= m.start and m.start - x.end <= 40]):
        if not EX_OWNER.search(s.text[max(0, o.start - 8) : o.start]):
            continue
        country = o.ref if o.kind == "country" else force_country(o)
        if country is not None and country.name != recipient.name and not _systems(s, o.end, m.start):
            return Mention(o.start, o.end, EntityRef(country.name, "country"), o.form)
    return None


NEW_ITEMS = re.compile(
    r"\s*(?:a further |another )?(?P<n>[\w,]+) (?!more\b|further\b|additional\b|extra\b|others?\b|of\b|such\b|(?:more )?of\b)"
)


def _new_items(s: Sent, a: int, b: int) -> bool:
    """ "ordered two frigates based on the same design": a counted indefinite noun phrase names new things, not the system in focus."""
    m = NEW_ITEMS.match(s.text, a, b)
    if m is None or m.group("n").lower() in ("a", "an", "the", "its", "their", "these", "those", "them", "it"):
        return False
    if (
        number(m.group("n")) is None
        or is_year(m.group("n"))
        or re.search(r"\b(?:further|more|additional)\s*$", s.text[max(0, a - 12) : m.start("n")])
    ):
        return False
    units = gazetteer().units
    head = [w[2].lower() for w in s.words if m.end("n") < w[0] < b][:6]
    return not any(
        w in ("system", "systems", "unit", "units") or units.get(w, ("", ""))[1] == "formation" for w in head
    )


def _relative_spans(s: Sent) -> list[tuple[int, int]]:
    if ", " not in s.text or not RELATIVE_CUE.search(s.text):
        return []
    out = []
    for r in RELATIVE_CLAUSE.finditer(s.text):
        m = next((x for x in reversed(s.mentions) if x.end <= r.start() and x.kind == "system"), None)
        if m is not None and NP_TAIL.match(s.text[m.end : r.start()]):
            out.append((r.start(), r.end()))
    return out


def verbs(s: Sent, art: Article) -> None:
    found = [
        v
        for v in VERB.finditer(s.text)
        if v.start() >= s.dateline_end and not MODIFIER_BEFORE.search(s.text, max(0, v.start() - 12), v.start())
    ]
    if not found:
        return
    flat = re.sub(r"\([^()]*\)", lambda p: " " * len(p.group(0)), s.text)
    rels = _relative_spans(s)
    for i, v in enumerate(found):
        if any(a <= v.start() < b for a, b in rels):
            continue  # ", ordered from X in 2019,": told by the relative-clause rule
        lo = found[i - 1].end() if i else 0
        hi = found[i + 1].start() if i + 1 < len(found) else len(s.text)
        semi = flat.rfind(";", lo, v.start())
        lo = semi + 1 if semi >= 0 else lo
        semi = flat.find(";", v.end(), hi)
        hi = semi if semi >= 0 else hi
        lo = max(lo, s.dateline_end)
        verb = v.group("v")
        if verb in ("exports", "orders", "buys", "purchases", "sales", "supplies", "transfers") and NOUN_BEFORE.search(
            s.text[: v.start()]
        ):
            continue  # "South Korea's defence exports fell": a noun
        near = s.text[max(lo, v.start() - 60) : v.start()]
        contract = bool(CONTRACT_WORDS.search(verb) or re.search(r"\b(?:contract|deal|order)\b", near))
        if re.search(r"\b(?:receive|take delivery)", verb):
            contract = False
        if re.search(r"\bbeing\s+(?:\w+ly\s+)?$", s.text[max(lo, v.start() - 20) : v.start()]) and verb in (
            "bought",
            "purchased",
            "procured",
            "acquired",
        ):
            contract = True  # "is being bought by the Marine Corps": an order under way, no delivery yet
        predicate = "contract_signed" if contract else "delivered_to"
        if unreal(s.text, v.start(), v.end(), lo, hi, predicate):
            continue
        if (
            verb in SUPPLIER_VERBS
            and s.text[max(0, v.start() - 2) : v.start()] == ", "
            and s.text.startswith(" by ", v.end())
        ):
            continue  # "the radars, supplied by Germany, ...": a participle about what the main verb says
        passive = (
            bool(PASSIVE.search(s.text[lo : v.start()])) and not verb.startswith(("to ", "will ", "would ", "could "))
        ) or verb.startswith(("was given", "were given"))
        of_which = OF_WHICH.search(s.text[: v.start()])
        if of_which and of_which.start() >= lo - 2 and _of_which(s, art, v, of_which, predicate, hi):
            continue
        supplier_verb = verb.startswith(SUPPLIER_VERBS + ("approved",))
        # a clause ends at ", while", ", and", "; ": what follows belongs to the next verb
        clause = re.search(
            r",? (?:while|whereas|but|and) (?=[A-Z])|, (?:and )?(?:the|its|it|which|who|where|when) "
            r"|, (?:is|are|was|were|has|have|had|will|would|can|could) ",
            s.text[v.end() : hi],
        )
        obj_end = v.end() + clause.start() if clause else hi
        systems = (
            _systems(s, v.end(), obj_end)
            if not passive
            else _systems(s, lo, v.start()) or _systems(s, v.end(), obj_end)
        )
        systems = [m for m in systems if not PARTS.match(s.text, m.end)]
        focus_used = False
        if not systems and s.kind != "title":
            rel = RELATIVE.search(s.text[lo : v.start()]) if not passive else None
            before = _systems(s, 0, lo + rel.start()) if rel else []
            if before:
                systems = [before[-1]]
            else:
                a, b = (lo, v.start()) if passive else (v.end(), min(obj_end, v.end() + 70))
                if (_thing_word(s, a, b) or (passive and art.main_system)) and not (
                    not passive and _new_items(s, a, b)
                ):
                    ref_sys = _focus_system(s, art, v.start())
                    if ref_sys is not None and not _other_kind(s, art, ref_sys, a, b):
                        focus_used = True
                        systems = []
                        subject_refs = [ref_sys]
        if supplier_verb:
            supplier = None
            if not passive:
                supplier = s.last("country", lo, v.start()) or s.last("organisation", lo, v.start())
            else:
                supplier = country_after(s, "by", v.end(), hi)
        else:
            by = "" if passive else "|by"  # "bought by the Marine Corps": the buyer, not the supplier
            supplier = country_after(
                s, "from" + by if not contract else "from|with" + by, v.end() if not contract else v.start(), hi
            )
        if supplier and s.text[supplier.end : supplier.end + 2] in ("'s", "’s"):
            org = next((x for x in s.mentions if x.kind == "organisation" and x.start == supplier.end + 3), None)
            supplier = org or supplier
        recipients: list[Mention] = []
        if supplier_verb:
            recipients = _recipients(
                s, country_after(s, "to", v.start() if verb.startswith("approved") else v.end(), hi)
            )
        elif not passive:
            recipients = _subjects(s, v.start())
        else:
            recipients = _recipients(s, country_after(s, "to|by", v.end(), hi))
        if (
            not recipients
            and not supplier_verb
            and not passive
            and art.title_country
            and GENERIC_BUYER.search(s.text[lo : v.start()])
        ):
            recipients = [
                Mention(v.start(), v.start(), EntityRef(art.title_country, "country"))
            ]  # "the ministry signed": the title's state
        recent = art.focus.recipient if art.focus.recipient and s.index - art.focus.recipient_at <= RECENT else None
        recs = [_as_party(r) for r in recipients] or [x for x in [recent or _home(art)] if x]
        if not focus_used:
            subject_refs = []
        if not recs or (not systems and not subject_refs):
            continue
        date, year = _date_in(s, lo, hi, art, after=v.end(), skip=rels)
        under = UNDER.search(s.text, v.end(), hi)
        if under and under.group("year"):
            date, year = _date_in(s, lo, under.start(), art)
        if (
            year is None
            and date == ""
            and art.year
            and re.search(r"\b(?:this|next) (?:spring|summer|autumn|fall|winter|year|month)\b", s.text)
        ):
            year = art.year
        this = THIS_YEAR.search(s.text, v.end(), hi)
        if this and art.year and not any(v.end() <= y[0] < this.start() for y in s.years):
            date, year = "", art.year  # "took delivery of X from Y this year": the article's year
        st = status(s.text[max(lo, v.start() - 40) : v.end()])
        sums = money(s.text[lo:hi]) if contract else []
        value = as_number(sums[0][2]) if sums else None
        currency = sums[0][3] if sums else None
        each = EACH_YEAR.search(s.text, v.end(), hi)
        listed_years = [int(y) for y in re.findall(r"(?:19|20)\d\d", each.group(0))] if each else []
        per_year = listed_years if year in listed_years else [year]
        for rec in recs:
            for m, yr in itertools.product(systems, per_year):  # "received X in 2022 and 2023": a delivery each year
                qty, unit, bound = quantity(s, m)
                emit(
                    art,
                    s,
                    m.ref,
                    predicate,
                    (min(m.start, v.start()), max(m.end, v.end())),
                    f"{predicate}.verb",
                    obj=rec,
                    supplier=_name(supplier) or _name(former_owner(s, m, rec)),
                    quantity=qty,
                    unit=unit,
                    bound=bound,
                    date=date if yr == year else None,
                    year=yr,
                    status=st,
                    verb=verb,
                    value=value,
                    currency=currency,
                )
            for subj in subject_refs:
                a, b = (lo, v.start()) if passive else (v.end(), obj_end)
                qty, unit = _np_quantity(s, a, b)
                end = recipients[-1].end if recipients and recipients[-1].start > v.start() else v.end()
                emit(
                    art,
                    s,
                    subj,
                    predicate,
                    (v.start(), end),
                    f"{predicate}.verb_focus",
                    obj=rec,
                    supplier=_name(supplier)
                    or (art.focus.supplier.name if art.focus.supplier and art.focus.supplier != rec else None),
                    date=date,
                    year=year,
                    status=st,
                    verb=verb,
                    quantity=qty,
                    unit=unit,
                    value=value,
                    currency=currency,
                )
        if under and predicate == "delivered_to":
            sums = money(under.group(0))
            uyear = int(under.group("year")) if under.group("year") else None
            if re.search(r"\b(?:donation|loan|lease|leasing|aid|assistance|grant|transfer)\b", under.group("what")):
                continue  # "received X under a donation agreement": a gift, no purchase contract
            for subj in [m.ref for m in systems] + subject_refs:
                emit(
                    art,
                    s,
                    subj,
                    "contract_signed",
                    under.span(),
                    "contract_signed.under_deal",
                    obj=recs[0],
                    supplier=_name(supplier),
                    year=uyear,
                    value=as_number(sums[0][2]) if sums else None,
                    currency=sums[0][3] if sums else None,
                )


def nominal(s: Sent, art: Article) -> None:
    """ "the transfer of a battery for a Buk-M2", "deliveries of X batteries from A to B"."""
    for n in NOMINAL.finditer(s.text):
        if re.search(
            r"\b(?:took|take|takes|taken|taking|accepted|accept) $", s.text[max(0, n.start() - 8) : n.start()]
        ) or unreal(s.text, n.start(), n.end(), predicate="delivered_to"):
            continue
        window_end = min(len(s.text), n.end() + 70)
        semi = s.text.find(";", n.end())
        stop = semi if 0 <= semi < window_end else window_end
        systems = [m for m in _systems(s, n.end(), stop) if not PARTS.match(s.text, m.end)]
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
        emit(
            art,
            s,
            m.ref,
            "delivered_to",
            (n.start(), span_end),
            "delivered_to.nominal",
            obj=recipient.ref,
            supplier=_name(supplier),
            quantity=qty,
            unit=unit,
            bound=bound,
            year=year,
        )
        contract = re.search(r"\bcontract\b", s.text[: n.start()])
        if contract:
            emit(
                art,
                s,
                m.ref,
                "contract_signed",
                (contract.start(), m.end),
                "contract_signed.contract_for",
                obj=recipient.ref,
                supplier=_name(supplier),
                quantity=qty,
                unit=unit,
                date=date,
                year=year,
            )


def follow_up(s: Sent, art: Article) -> None:
    """ "The first delivery was made in 2011, followed by more in 2012 and 2014": the transfer in focus."""
    last = art.focus.transfer
    if last is None or _systems(s, 0, len(s.text)) or not FOLLOW_UP.search(s.text) or not s.years:
        return
    if last.predicate != "delivered_to" or not last.object_entity or s.index - last.sentence > RECENT:
        return
    named = [
        force_country(m) or m.ref for m in s.mentions if m.kind == "country" and m.form == "name" or force_country(m)
    ]
    if any(n.name != last.object_entity.name for n in named):
        return  # "deliveries ... to the Swedish Army": another transfer, not the one in focus
    for a, b, year in s.years:
        if re.search(r"\b(?:until|through|till|by|will \w+(?: \w+)?)\s+(?:the end of )?$", s.text[max(0, a - 30) : a]):
            continue  # "deliveries will continue until 2026": not a delivery in that year
        if any(
            c.predicate == "delivered_to"
            and (c.qualifiers.get("year") == year or str(year) in str(c.qualifiers.get("date", "")))
            for c in itertools.takewhile(lambda c: c.sentence == s.index, reversed(art.claims))
        ):
            continue  # the verb rule already said it
        cue = FOLLOW_UP.search(s.text[:a])
        start = cue.start() if cue else a
        emit(
            art,
            s,
            last.subject,
            "delivered_to",
            (start if year == s.years[0][2] else a, b),
            "delivered_to.focus_years",
            obj=last.object_entity,
            supplier=last.qualifiers.get("supplier"),
            year=year,
        )


def sales_case(s: Sent, art: Article) -> None:
    """A sale or FMS case with a value: contract_signed of the system in the sentence (or the article's)."""
    case = FMS_CASE.search(s.text) if "ale" in s.low or "fms" in s.low else None
    if not case or s.kind == "title" or ";" in s.text[case.end() :]:
        return
    sums = money(s.text)
    systems = _systems(s, 0, len(s.text))
    clause = max(
        s.text.rfind(", and ", 0, case.start()),
        s.text.rfind("; ", 0, case.start()),
        s.text.rfind(", while ", 0, case.start()),
    )
    near = [
        m for m in systems if clause < m.start < case.start()
    ]  # "..., and Brazil signed for 12 X under an FMS case": X, not an earlier one
    subject = near[-1].ref if near else systems[0].ref if systems else art.main_system
    recipient = country_after(s, "to", 0, len(s.text)) or next(
        (c for c in s.of("country", max(clause, 0)) if s.text[c.end : c.end + 2] in ("’s", "'s")), None
    )
    if subject is None or recipient is None:
        return
    value = sums[0] if sums else None
    start = min(case.start(), value[0] if value else case.start())
    date, year = _date_in(s, 0, len(s.text), art)
    emit(
        art,
        s,
        subject,
        "contract_signed",
        (start, case.end()),
        "contract_signed.sales_case",
        obj=recipient.ref,
        value=as_number(value[2]) if value else None,
        currency=value[3] if value else None,
        date=date,
        year=year,
        status=status(s.text[: case.end()]),
        supplier=art.focus.supplier.name
        if art.focus.supplier and art.focus.supplier.name != recipient.ref.name
        else None,
        weak=True,
    )


def sale_list(s: Sent, art: Article) -> None:
    """ "Country – Item ($X billion); Country – Item (...)": notified or approved sales, one per item."""
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
        who = next(
            (
                x
                for x in s.mentions
                if x.start == a + m.start("who") + (len(m.group("who")) - len(m.group("who").lstrip()))
                and x.kind in ("country", "organisation")
            ),
            None,
        )
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
        emit(
            art,
            s,
            subject,
            "contract_signed",
            (a + m.start("who"), a + m.end()),
            "contract_signed.sale_list",
            obj=who.ref,
            value=as_number(sums[0][2]) if sums else None,
            currency=sums[0][3] if sums else None,
            supplier=supplier if supplier != who.ref.name else None,
            status=st,
        )


INCLUDES = re.compile(
    r"\b(?:case|deal|contract|package|sale|order)s? (?:also )?(?:includes?|included|covers?|comprises?)\b"
)


def package(s: Sent, art: Article) -> None:
    """ "the case includes warheads, Humvees and spare parts": items of the sale in focus."""
    inc = INCLUDES.search(s.text)
    last = art.focus.transfer
    if not inc or last is None or last.object_entity is None:
        return
    for m in _systems(s, inc.end(), len(s.text)):
        emit(
            art,
            s,
            m.ref,
            "contract_signed",
            (inc.start(), m.end),
            "contract_signed.package_item",
            obj=last.object_entity,
            supplier=last.qualifiers.get("supplier"),
            weak=True,
        )


RULES = (sale_list, verbs, nominal, follow_up, sales_case, package)
