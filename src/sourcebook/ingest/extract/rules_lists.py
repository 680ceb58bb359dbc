"""Lines of lists and tables: an "Operators" section ("- Egypt: 46 units delivered 2015–2019") and
table rows of contracts ("Item | Supplier | 1,000 launchers | PLN 3.5 billion") under a sentence that opens them."""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import EntityRef
from sourcebook.ingest.extract.context import Article, Sent, emit
from sourcebook.ingest.extract.dates import find_years, year_range
from sourcebook.ingest.extract.entities import force_country
from sourcebook.ingest.extract.hedges import unreal
from sourcebook.ingest.extract.numbers import as_number, money, number

LINE = re.compile(r"^(?:[-•*–]\s+)?(?P<who>[A-Z][^:]{1,60}):\s*(?P<rest>.+)$")
ORDERED = re.compile(r"\b(?:ordered|on order|contracted|signed)\b", re.I)
DELIVERED = re.compile(
    r"\b(?:delivered|received|supplied|transferred|acquired|bought|purchased|donated|in service)\b", re.I
)
COUNT = re.compile(r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]\d)(?! (?:km|mm|kg|per cent|percent|%))")
CONTRACTS_INTRO = re.compile(r"\b(?:contracts?|orders?|agreements?|deals?|purchases?)\b", re.I)


def _subject(art: Article) -> EntityRef | None:
    if art.main_system:
        return art.main_system
    if art.title_name:
        return EntityRef(art.title_name, "system")
    return art.focus.system


def _count(text: str) -> int | float | None:
    for m in COUNT.finditer(text):
        value = number(m.group("num"))
        if value is not None and not (1900 <= value <= 2099 and "," not in m.group("num")):
            return as_number(value)
    return None


def operator_lines(s: Sent, art: Article) -> None:
    """ "- Tunisia: 92 units delivered 2014–2016." under an "Operators" heading: the article's system."""
    if "operator" not in art.section and "users" not in art.section:
        return
    m = LINE.match(s.text)
    subject = _subject(art)
    if not m or subject is None:
        return
    who = next((x for x in s.mentions if x.start == m.start("who") and x.kind in ("country", "organisation")), None)
    if who is None:
        return
    rest_at = m.start("rest")
    at = rest_at + 4 if s.text.startswith(("the ", "The "), rest_at) else rest_at  # "- Hungary: the Hungarian Army"
    force = next((x for x in s.mentions if x.start == at and force_country(x)), None)
    country = force_country(who) or who.ref
    rest = m.group("rest")
    qty = _count(rest.replace(subject.name, " "))  # "operate Skyranger 30 turrets": 30 is the model, not a count
    # "- Singapore: the Singapore Army operates the Hunter": the sentence rules say it of the named system
    said = force is not None and any(x.kind == "system" for x in s.mentions)
    years = [y for y in s.years if y[0] >= rest_at]
    span = year_range(s.text, years[:2]) if len(years) >= 2 else None
    year = span[1] if span else (years[0][2] if years else None)
    date = span[0] if span else None
    former = "former" in art.section
    if not former and not said:
        emit(
            art,
            s,
            subject,
            "operator",
            (m.start("who"), len(s.text)),
            "operator.list_line",
            obj=(force or who).ref,
            quantity=qty if DELIVERED.search(m.group("rest")) is None and not ORDERED.search(m.group("rest")) else None,
        )
    for pattern, predicate in ((ORDERED, "contract_signed"), (DELIVERED, "delivered_to")):
        v = pattern.search(s.text, rest_at)
        if (
            v is None
            or v.group(0).lower() == "in service"
            or unreal(s.text, v.start(), v.end(), rest_at, predicate=predicate)
        ):
            continue
        emit(
            art,
            s,
            subject,
            predicate,
            (m.start("who"), v.end()),
            f"{predicate}.list_line",
            obj=country,
            quantity=qty,
            year=year,
            date=date,
        )
        break


def table_rows(s: Sent, art: Article) -> None:
    """ "Piorun man-portable air defence systems | Mesko | 1,000 launchers | PLN 3.5 billion" under
    "... signed the following contracts ...:": a contract of the article's state for each row."""
    if s.text.rstrip().endswith(":"):
        art.intro = s.text
        return
    if s.text.count("|") < 2 or not CONTRACTS_INTRO.search(art.intro):
        return
    buyer = art.home_country or art.title_country
    if not buyer or unreal(art.intro, len(art.intro), len(art.intro)):
        return
    cells, pos = [], 0
    for cell in s.text.split("|"):
        a = pos + len(cell) - len(cell.lstrip())
        cells.append((a, cell.strip()))
        pos += len(cell) + 1
    first_at, first = cells[0]
    first_at += len(re.match(r"^(?:\d+[.)]\s*|[-•*–]\s+)?", first).group(0))
    sysm = next((x for x in s.mentions if x.kind == "system" and first_at <= x.start < first_at + len(first)), None)
    if sysm is None:
        return
    supplier = next(
        (
            c
            for _a, c in cells[1:]
            if c and not c[0].isdigit() and not money(c) and not re.match(r"(?:PLN|EUR|USD|GBP)\b", c)
        ),
        None,
    )
    qty = next(
        (
            q
            for q in (_count(c) for _a, c in cells[1:] if not money(c) and not re.match(r"[A-Z]{3}\b", c))
            if q is not None
        ),
        None,
    )
    years = [y[2] for y in find_years(art.intro)]
    year = years[-1] if years else art.year
    emit(
        art,
        s,
        sysm.ref,
        "contract_signed",
        (first_at, len(s.text)),
        "contract_signed.table_row",
        obj=EntityRef(buyer, "country"),
        supplier=supplier,
        quantity=qty,
        year=year,
    )


RULES = (operator_lines, table_rows)
