""" "40 Nimr vehicles, 12 of which were delivered by the UAE": a part of the systems named before."""

from __future__ import annotations

import re

from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.entities import force_country
from sourcebook.ingest.extract.numbers import as_number, bound_before, is_year, number
from sourcebook.ingest.extract.parties import _as_party, _name, _subjects
from sourcebook.ingest.extract.phrases import country_after, status
from sourcebook.ingest.extract.spans import _date_in, _systems

OF_WHICH = re.compile(
    r"(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?) of (?:which|them|these|those) (?:(?:were|was|have|has|had|been|being|are|is|will|would|be|later|also|already|since)\s+)*$"
)


def _of_which(s: Sent, art: Article, v: re.Match, of: re.Match, predicate: str, hi: int) -> bool:
    """ "Chad operates 40 Nimr vehicles, 12 of which were delivered by the UAE in 2021": a part of the
    systems named before, received by the main clause's subject, supplied by the agent after the verb."""
    qty = number(of.group("n"))
    before = _systems(s, 0, of.start())
    if qty is None or is_year(of.group("n")) or not before:
        return True  # handled: nothing sure to say
    recipients = _subjects(s, before[-1].start)
    if not recipients or recipients[0].kind == "organisation" and force_country(recipients[0]) is None:
        return not art.home_country  # no buyer named: the article's own state (the general rule), else nothing sure
    supplier = country_after(s, "by|from", v.end(), hi)
    date, year = _date_in(s, v.end(), hi, art)
    each = re.search(r"\bin (?:19|20)\d\d(?:, (?:19|20)\d\d)*,? and (?:19|20)\d\d\b", s.text[v.end() : hi])
    years = [int(y) for y in re.findall(r"(?:19|20)\d\d", each.group(0))] if each else [year]
    for rec, yr in ((r, y) for r in recipients for y in (years if year in years else [year])):
        emit(
            art,
            s,
            before[-1].ref,
            predicate,
            (of.start(), (supplier.end if supplier else v.end())),
            f"{predicate}.of_which",
            obj=_as_party(rec),
            supplier=_name(supplier),
            quantity=as_number(qty),
            bound=bound_before(s.text, of.start()),
            date=date if yr == year else None,
            year=yr,
            status=status(s.text[of.start() : v.end()]),
            verb=v.group("v"),
        )
    return True


ARRIVED = re.compile(
    r"(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?) of (?:which|them|these|those) (?:have |had |already |since )*"
    r"(?P<v>arrived|been received)\b"
)


def of_which_arrived(s: Sent, art: Article) -> None:
    """ "Kuwait ordered eight Patriot batteries, six of which arrived in 2020": the part that arrived
    was delivered to the buyer of the whole."""
    if " of " not in s.text:
        return
    for a in ARRIVED.finditer(s.text):
        if a.start() < 2 or s.text[a.start() - 2 : a.start()] != ", ":
            continue
        hi = next((m.start() for m in re.finditer(r"[,;]", s.text[a.end() :])), len(s.text) - a.end()) + a.end()
        of = OF_WHICH.match(s.text, a.start(), a.start("v"))
        before = _systems(s, 0, a.start())
        buyers = _subjects(s, before[-1].start) if before else []
        if (
            of is not None
            and buyers
            and all((b.kind == "country" and b.form != "pattern") or force_country(b) for b in buyers)
        ):
            _of_which(s, art, a, of, "delivered_to", hi)
