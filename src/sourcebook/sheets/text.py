"""A SpecSheet as plain text (for a terminal) and as JSON (for other programs)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from sourcebook.sheets.model import NONE_SHOWN, UNKNOWN, Fact, SpecSheet, Value

WIDTH = 100


def _v(v: Value) -> str:
    return v.text + "".join(f"[{n}]" for n in v.numbers)


def _vs(vs: Iterable[Value], sep: str = "; ") -> str:
    return sep.join(_v(v) for v in vs) or UNKNOWN


def _fact_line(f: Fact, width: int = 16) -> str:
    flag = "  DISPUTED" if f.disputed else ""
    return f"  {f.label + ':':<{width}} {_vs(f.values)}{flag}"


def to_text(sheet: SpecSheet) -> str:
    out = [sheet.name, "=" * len(sheet.name)]
    out.append(f"  {'Also known as:':<16} {', '.join(sheet.aliases) or NONE_SHOWN}")
    stated = {f.label: f for f in sheet.header}
    for label in ("Type / class", "Origin", "Manufacturer", "Developer"):
        out.append(_fact_line(stated[label]) if label in stated else f"  {label + ':':<16} {UNKNOWN}")
    out.append(_fact_line(sheet.operators))
    out += ["", "Capabilities"]
    out += [_fact_line(f, 24) for f in sheet.capabilities] or ["  none stated"]
    out += ["", "Transfer register (supplier -> recipient | quantity | ordered | delivered | comment)"]
    for t in sheet.transfers:
        out.append(
            f"  {t.supplier} -> {_v(t.recipient)} | {_v(t.quantity)} | {_vs(t.ordered, ', ')} | "
            f"{_vs(t.delivered, ', ')} | {t.comment}"
        )
    if not sheet.transfers:
        out.append("  none stated")
    for title, rows in (("Agreements", sheet.agreements), ("Exercises", sheet.exercises)):
        out += ["", title]
        for r in rows:
            out.append(f"  {_v(r.name)} | {', '.join(r.parties) or NONE_SHOWN} | {_vs(r.years, ', ')} | {r.why}")
        if not rows:
            out.append("  none related")
    if sheet.other:
        out += ["", "Other statements"] + [_fact_line(f, 24) for f in sheet.other]
    out += ["", "Timeline"]
    for e in sheet.timeline:
        out.append(f"  {e.year}  {e.kind:<9} {e.label} " + "".join(f"[{n}]" for n in e.numbers))
    for kind, n in sheet.undated.items():
        out.append(f"  ----  {kind:<9} {n} without a year")
    out += ["", "Notes"]
    for n in sheet.notes:
        before, quote, after = n.parts()
        src = " — ".join(p for p in (n.article_title, ", ".join(n.credits), n.date or "", n.article_slug) if p)
        body = f"“{before}»{quote}«{after}” — {src}"
        out.append(textwrap.fill(body, WIDTH, initial_indent=f"  [{n.number}] ", subsequent_indent="       "))
    return "\n".join(out) + "\n"


def to_dict(sheet: SpecSheet) -> dict[str, Any]:
    """Plain data: each value with its note numbers and claim ids; notes with their quotes."""

    def value(v: Value) -> dict[str, Any]:
        return {"text": v.text, "notes": list(v.numbers), "claims": sorted({m.claim_id for m in v.marks})}

    def fact(f: Fact) -> dict[str, Any]:
        return {"label": f.label, "disputed": f.disputed, "values": [value(v) for v in f.values]}

    return {
        "entity_id": sheet.entity_id,
        "name": sheet.name,
        "aliases": list(sheet.aliases),
        "header": [fact(f) for f in sheet.header],
        "operators": fact(sheet.operators),
        "capabilities": [fact(f) for f in sheet.capabilities],
        "transfers": [
            {
                "kind": t.kind,
                "supplier": t.supplier,
                "recipient": value(t.recipient),
                "quantity": value(t.quantity),
                "ordered": [value(v) for v in t.ordered],
                "delivered": [value(v) for v in t.delivered],
                "comment": t.comment,
            }
            for t in sheet.transfers
        ],
        "agreements": [
            {
                "name": value(r.name),
                "parties": list(r.parties),
                "years": [value(v) for v in r.years],
                "related_by": r.why,
            }
            for r in sheet.agreements
        ],
        "exercises": [
            {
                "name": value(r.name),
                "participants": list(r.parties),
                "years": [value(v) for v in r.years],
                "related_by": r.why,
            }
            for r in sheet.exercises
        ],
        "other": [fact(f) for f in sheet.other],
        "timeline": [asdict(e) for e in sheet.timeline],
        "undated": dict(sheet.undated),
        "notes": [
            {
                "number": n.number,
                "claims": list(n.claim_ids),
                "article": n.article_slug,
                "title": n.article_title,
                "credits": list(n.credits),
                "date": n.date,
                "sentence": n.sentence,
                "quote": n.parts()[1],
                "quote_start": n.quote_start,
                "quote_end": n.quote_end,
            }
            for n in sheet.notes
        ],
        "articles": sheet.articles,
    }


def to_json(sheet: SpecSheet) -> str:
    return json.dumps(to_dict(sheet), ensure_ascii=False, indent=2) + "\n"
