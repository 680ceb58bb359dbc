"""The transfer register: contracts and deliveries of a system as rows, in the manner of SIPRI.

Rows are made by this rule, so that nothing is invented and nothing is merged that differs:
- a *contract* row is one distinct contract fact: same supplier, buyer, quantity, unit, date or
  year, value and status; several sentences stating it are one row with several notes;
- a *delivery* row gathers the deliveries from one supplier to one recipient with the same
  quantity, unit and status; their years are listed as the year(s) of delivery, each with its notes;
- whatever a claim does not state is shown as unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sourcebook.sheets.citations import Citer, fold, sort_key
from sourcebook.sheets.model import UNKNOWN, Event, Transfer, Value
from sourcebook.store.records import ClaimRecord

CONTRACT = ("contract_signed", "ordered_by")
DELIVERY = ("delivered_to",)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def number_text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def year_of(q: dict[str, Any]) -> int | None:
    """The year a claim's qualifiers give: ``year``, or a four-digit year inside ``date``."""
    y = q.get("year")
    if isinstance(y, (int, float)) and 1800 <= int(y) <= 2100:
        return int(y)
    for text in (y, q.get("date")):
        if isinstance(text, str):
            m = YEAR.search(text)
            if m:
                return int(m.group(1))
    return None


def when_text(q: dict[str, Any]) -> str | None:
    """The date or year as stated: 'Oct. 25', '2017', 'Oct. 25, 2017'."""
    date = q.get("date")
    year = q.get("year")
    if date and year is not None and str(number_text(year)) not in str(date):
        return f"{date}, {number_text(year)}"
    if date:
        return str(date)
    if year is not None:
        return number_text(year)
    return None


def quantity_text(q: dict[str, Any]) -> str:
    qty, unit = q.get("quantity"), q.get("unit")
    if qty is not None and unit:
        return f"{number_text(qty)} {unit}"
    if qty is not None:
        return number_text(qty)
    if unit:
        return f"{UNKNOWN} ({unit})"
    return UNKNOWN


def _key(text: Any) -> str:
    return fold(str(text)) if text not in (None, "") else ""


def _recipient_key(c: ClaimRecord) -> str:
    return f"#{c.object_id}" if c.object_id is not None else _key(c.object_display())


def _comment(kind: str, q: dict[str, Any]) -> list[str]:
    out = ["contract signed" if kind == "contract" else "delivery reported"]
    if q.get("status"):
        out.append(str(q["status"]))
    if q.get("value") not in (None, ""):
        cur = q.get("currency", "")
        out.append(f"value {number_text(q['value'])}{' ' + str(cur) if cur else ''}")
    return out


def register(claims: Iterable[ClaimRecord], citer: Citer) -> tuple[list[Transfer], list[Event], dict[str, int]]:
    """Rows of the register, the dated events for the timeline, and how many events have no year."""
    groups: dict[tuple, list[ClaimRecord]] = {}
    for c in sorted(claims, key=sort_key):
        kind = "contract" if c.predicate in CONTRACT else "delivery" if c.predicate in DELIVERY else None
        if kind is None:
            continue
        q = c.qualifiers
        base = (
            kind,
            _key(q.get("supplier")),
            _recipient_key(c),
            number_text(q.get("quantity")),
            _key(q.get("unit")),
            _key(q.get("status")),
        )
        if kind == "contract":
            base += (_key(when_text(q)), number_text(q.get("value")))
        groups.setdefault(base, []).append(c)

    def order(item: tuple[tuple, list[ClaimRecord]]) -> tuple:
        key, cs = item
        years = [y for y in (year_of(c.qualifiers) for c in cs) if y is not None]
        first = cs[0]
        supplier = first.qualifiers.get("supplier")
        return (
            supplier is None,
            fold(str(supplier or "")),
            fold(first.object_display()),
            min(years) if years else 9999,
            key[0] != "contract",
            sort_key(first),
        )

    rows: list[Transfer] = []
    events: list[Event] = []
    undated = {"contract": 0, "delivery": 0}
    for key, cs in sorted(groups.items(), key=order):
        kind, first = key[0], cs[0]
        q = first.qualifiers
        recipient = citer.value(first.object_display() or UNKNOWN, cs)
        with_qty = [c for c in cs if c.qualifiers.get("quantity") is not None or c.qualifiers.get("unit")]
        quantity = citer.value(quantity_text(q), with_qty) if with_qty else Value(UNKNOWN)
        by_when: dict[str, list[ClaimRecord]] = {}
        for c in cs:
            w = when_text(c.qualifiers)
            if w:
                by_when.setdefault(w, []).append(c)
        dated = sorted(by_when.items(), key=lambda kv: (year_of(kv[1][0].qualifiers) or 9999, kv[0]))
        whens = tuple(citer.value(w, group) for w, group in dated)
        supplier = str(q.get("supplier") or UNKNOWN)
        rows.append(
            Transfer(
                kind=kind,
                supplier=supplier,
                recipient=recipient,
                quantity=quantity,
                ordered=whens if kind == "contract" else (),
                delivered=whens if kind == "delivery" else (),
                comment="; ".join(_comment(kind, q)),
            )
        )
        label = f"{supplier} → {recipient.text}" if supplier != UNKNOWN else recipient.text
        placed = False
        for (_, group), v in zip(dated, whens, strict=True):
            y = year_of(group[0].qualifiers)
            if y is not None:
                events.append(Event(y, kind, label, v.numbers))
                placed = True
        if not placed:
            undated[kind] += 1
    _mark_disputed_quantities(rows)
    return rows, events, undated


def _mark_disputed_quantities(rows: list[Transfer]) -> None:
    """Contracts between the same parties on the same date that disagree on quantity."""
    seen: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        if r.kind == "contract" and r.ordered:
            seen.setdefault((fold(r.supplier), fold(r.recipient.text), r.ordered[0].text), []).append(i)
    for idx in seen.values():
        if len({rows[i].quantity.text for i in idx}) > 1:
            for i in idx:
                r = rows[i]
                rows[i] = Transfer(
                    r.kind,
                    r.supplier,
                    r.recipient,
                    r.quantity,
                    r.ordered,
                    r.delivered,
                    r.comment + "; quantity disputed",
                )
