"""Contracts named as nouns: "the Netherlands' order for 60 TRV-8 vehicles", "Egypt's purchase of 30 Rafale
jets, signed in 2021" (``contract_signed``, the buyer the possessive before the noun)."""

from __future__ import annotations

import re

from sourcebook.ingest.extract.context import Article, Sent
from sourcebook.ingest.extract.hedges import unreal
from sourcebook.ingest.extract.numbers import as_number, money
from sourcebook.ingest.extract.parties import contract_by
from sourcebook.ingest.extract.spans import _date_in, _system_after

ORDER_NP = re.compile(
    r"\b(?P<kind>orders?|contracts?|deals?|purchases?|acquisitions?) (?:for|of) (?:a further |another |an additional |up to )?"
)
OWNER = re.compile(
    r"['’]s? (?:(?:first|latest|new|recent|initial|follow-on|repeat|biggest|largest|\d[\d.,]*[- ](?:million|billion)|[$€£][\d.,]+ (?:million|billion)) ){0,2}$"
)
CLAUSE_END = re.compile(r"[;]|,? but |, while |, whereas ")
SIGNED_IN = re.compile(r"^,? (?:signed|agreed|placed|concluded) (?:in|on) ")


def order_np(s: Sent, art: Article) -> None:
    """ "the Netherlands' order for 60 TRV-8 vehicles", "Indonesia's purchase of 42 Rafale jets, signed in 2022":
    a contract named as a noun, its buyer the possessive before it."""
    for o in ORDER_NP.finditer(s.text):
        m = _system_after(s, o.end())
        if m is None:
            continue
        own = OWNER.search(s.text[: o.start()])
        buyer = next(
            (x for x in s.mentions if own and x.kind == "country" and x.form == "name" and x.end == own.start()), None
        )
        if buyer is None:
            continue
        tail = s.text[m.end :]
        stop = CLAUSE_END.search(tail)
        hi = m.end + (stop.start() if stop else len(tail))
        signed = re.search(r", (?:signed|agreed|placed|concluded) (?:in|on) ", s.text[m.end : hi])
        if o.group("kind").startswith(("purchase", "acquisition")) and not signed:
            continue  # "the purchase of": bought or only planned; the text does not say a contract was signed
        if (
            re.search(
                r"\b(?:reported|rumou?red|alleged|possible|potential|proposed|planned|expected)\s+$",
                s.text[max(0, own.start() - 1 - 0) : o.start()],
            )
            or re.search(
                r"\b(?:reported|rumou?red|alleged|possible|potential|proposed|planned|expected) (?:\w+ ){0,2}$",
                s.text[max(0, buyer.start - 30) : buyer.start],
            )
            or unreal(s.text, o.start(), o.end(), 0, hi, "contract_signed")
        ):
            continue
        if any(
            c.sentence == s.index and c.subject.name == m.ref.name and c.predicate == "contract_signed"
            for c in art.claims[-6:]
        ):
            continue  # a verb rule already said it
        date, year = _date_in(s, o.start(), hi, art)
        sums = money(s.text[o.start() : hi])
        contract_by(
            art,
            s,
            m,
            buyer,
            hi,
            "contract_signed.order_noun",
            date=date,
            year=year,
            value=as_number(sums[0][2]) if sums else None,
            currency=sums[0][3] if sums else None,
        )


RULES = (order_np,)
