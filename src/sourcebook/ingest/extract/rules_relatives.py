"""Transfers told in a reduced relative clause ("623 Boxer vehicles, ordered from ARTEC in 2019, will be
delivered ...", "operates NASAMS, bought from Norway's Kongsberg in 2020, and ...") and the lines of a list
opened by "X has requested to buy:" (each line an item of X's requested purchase)."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import Mention, force_country
from sourcebook.ingest.extract.hedges import unreal
from sourcebook.ingest.extract.numbers import as_number, number
from sourcebook.ingest.extract.of_which import of_which_arrived
from sourcebook.ingest.extract.parties import _as_party, _subject
from sourcebook.ingest.extract.phrases import quantity

# ", ordered from ARTEC in November 2019," -- the participle right after a noun phrase, closed by a comma or the end
RELATIVE = re.compile(
    r", (?:(?:first|originally|all|both|mostly|partly|later) )?(?P<v>ordered|bought|purchased|acquired|procured|delivered|supplied)"
    r"(?P<rest>(?: (?:second-hand|new|directly))? (?:from|by|in|under|during|between|second-hand)\b[^,;:]{0,90}?)(?=,|;|\.$|$| and (?![A-Z]))"
)
CUE = re.compile(r", (?:\w+ )?(?:ordered|bought|purchased|acquired|procured|delivered|supplied) ")
NP_TAIL = re.compile(
    r"^(?:[ -][a-z][\w-]*){0,5}(?: (?:from|by|for) (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})?$"
)  # "Boxer armoured vehicles": class words between the name and the comma
PREDICATE = {"ordered": "contract_signed"}
REQUEST_INTRO = re.compile(
    r"\b(?:has |have |had )?(?:requested|asked|sought|wishes|wants|plans|agreed|approved)(?: (?:to|for))? "
    r"(?:buy|purchase|acquire|procure|the (?:sale|purchase) of)\b[^:]{0,40}:\s*$"
)
BULLET = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")


def relatives(s: Sent, art: Article) -> None:
    if ", " not in s.text or not CUE.search(s.text):
        return
    for r in RELATIVE.finditer(s.text):
        m = next((x for x in reversed(s.mentions) if x.end <= r.start() and x.kind == "system"), None)
        if m is None or not NP_TAIL.match(s.text[m.end : r.start()]):
            continue
        if unreal(s.text, r.start("v"), r.end("v"), r.start(), r.end()):
            continue
        verb = r.group("v")
        predicate = PREDICATE.get(verb, "delivered_to")
        rest = s.text[r.end("v") : r.end()]
        a = r.end("v")
        supplier = _source(s, a, r.end()) or _source(s, m.end, r.start())  # "X drones from China, delivered in 2020"
        buyer = _subject(s, m.start) or next(
            (
                c
                for c in s.mentions
                if c.end <= m.start
                and s.text[c.end : c.end + 2] in ("'s", "’s")
                and ((c.kind == "country" and c.form == "name") or force_country(c))
            ),
            None,
        )  # "Ethiopia's imports"
        recent = art.focus.recipient if art.focus.recipient and s.index - art.focus.recipient_at <= 3 else None
        rec = (
            _as_party(buyer)
            if buyer is not None
            else (EntityRef(art.home_country, "country") if art.home_country else recent)
        )
        if rec is None or (supplier is not None and supplier == rec.name):
            continue
        years = [y[2] for y in s.years if r.start() <= y[0] < r.end()]
        dates = [d for d in s.dates if r.start() <= d.start < r.end()]
        decade = re.search(r"\b(?:in|during) the ((?:19|20)\d0s)\b", rest)
        qty, unit, bound = quantity(s, m)
        if verb in ("delivered", "supplied") and re.match(r" by ", rest) is None and supplier is None and not years:
            continue
        emit(
            art,
            s,
            m.ref,
            predicate,
            (m.start, r.end()),
            f"{predicate}.relative",
            obj=rec,
            supplier=supplier,
            quantity=qty,
            unit=unit,
            bound=bound,
            date=dates[0].text if dates else (decade.group(1) if decade else None),
            year=years[0] if years else None,
            verb=verb,
        )


def _source(s: Sent, a: int, b: int) -> str | None:
    """The supplier after "from"/"by" in the clause: an organisation (after a possessor: "Norway's Kongsberg") or a state."""
    f = re.search(r"\b(?:from|by) (?:the )?", s.text[a:b])
    if f is None:
        return None
    pos = a + f.end()
    found = [x for x in s.mentions if pos <= x.start < b and x.kind in ("country", "organisation")]
    if not found:
        name = re.match(r"[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3}", s.text[pos:b])
        return name.group(0) if name else None
    first = found[0]
    if s.text[first.end : first.end + 2] in ("'s", "’s"):
        org = next((x for x in found if x.kind == "organisation" and x.start >= first.end + 3), None)
        if org is not None:
            return org.ref.name
        name = re.match(r"[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3}", s.text[first.end + 3 : b])
        if name:
            return name.group(0)
    return first.ref.name


def request_lines(s: Sent, art: Article) -> None:
    """ "The Government of X has requested to buy:" then "- six hundred (600) Y missiles;" lines: X's requested purchase."""
    if s.text.rstrip().endswith(":"):
        intro = REQUEST_INTRO.search(s.text)
        who = _request_buyer(s, intro.start()) if intro else None
        art.request = (
            (
                s.index,
                who,
                "approved"
                if art.focus.transfer
                and art.focus.transfer.qualifiers.get("status") == "approved"
                or re.search(r"\bapprov", s.low)
                else "requested",
            )
            if who
            else None
        )
        return
    if art.request is None:
        return
    at, who, st = art.request
    if not BULLET.match(s.text) or s.index - at > 12:
        art.request = None
        return
    art.request = (s.index, who, st)  # the list goes on
    date = art.dateline[1] if art.dateline else None
    for m in [x for x in s.mentions if x.kind == "system"][:1]:
        qty, unit, bound = quantity(s, m)
        paren = re.search(r"\((\d[\d,]*)\)\s+$", s.text[: m.start])  # "six hundred (600) X"
        if paren:
            qty = as_number(number(paren.group(1)))
        emit(
            art,
            s,
            m.ref,
            "contract_signed",
            (0, len(s.text)),
            "contract_signed.request_line",
            obj=who,
            quantity=qty,
            unit=unit,
            bound=bound,
            status=st,
            date=date,
            year=art.year,
            supplier=art.focus.supplier.name if art.focus.supplier and art.focus.supplier.name != who.name else None,
        )


def _request_buyer(s: Sent, pos: int) -> EntityRef | None:
    m: Mention | None = _subject(s, pos)
    if m is None:
        m = next((x for x in s.mentions if x.kind == "country" and x.end <= pos), None)
    return _as_party(m) if m is not None else None


RULES = (request_lines, relatives, of_which_arrived)
