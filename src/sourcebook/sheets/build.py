"""Building a SpecSheet from the library: claims in, sections with numbered notes out.

Notes are numbered in the order the sheet shows its values (header, operators, capabilities,
register, agreements, exercises, other), and claims are taken in an order that depends only on
their articles and positions, so two builds of one library number the notes the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from sourcebook.errors import SourcebookError
from sourcebook.sheets import related as rel
from sourcebook.sheets.citations import Citer, article_date, fold, sort_key
from sourcebook.sheets.model import Event, Fact, SpecSheet
from sourcebook.sheets.transfers import CONTRACT, DELIVERY, number_text, register
from sourcebook.store import queries
from sourcebook.store.records import ClaimFilter, ClaimRecord

if TYPE_CHECKING:  # store.library loads SQLAlchemy; a sheet reads through store.queries alone
    from sourcebook.store.library import Library
    from sourcebook.store.quick import ReadLibrary

HEADER = (
    ("type", "Type / class", False),
    ("origin", "Origin", True),
    ("manufacturer", "Manufacturer", True),
    ("developer", "Developer", True),
)
SHOWN = {"type", "origin", "manufacturer", "developer", "operator", "capability", *CONTRACT, *DELIVERY, *rel.KINDS}
KIND_ORDER = {"contract": 0, "delivery": 1, "agreement": 2, "exercise": 3}


class SheetError(SourcebookError):
    """A sheet asked of something that is not a system in the library."""


def _entity_key(c: ClaimRecord) -> str:
    return f"#{c.object_id}" if c.object_id is not None else fold(c.object_display())


def fact(
    label: str,
    claims: Iterable[ClaimRecord],
    citer: Citer,
    *,
    single: bool,
    key: Callable[[ClaimRecord], object] = _entity_key,
    text: Callable[[ClaimRecord], str] = ClaimRecord.object_display,
) -> Fact:
    """One attribute: claims with the same key are one value with several notes."""
    groups: dict[object, list[ClaimRecord]] = {}
    for c in sorted(claims, key=sort_key):
        groups.setdefault(key(c), []).append(c)
    return Fact(label, tuple(citer.value(text(cs[0]), cs) for cs in groups.values()), single)


def _measure(c: ClaimRecord) -> tuple:
    q = c.qualifiers
    value = q.get("value", c.value)
    unit = q.get("unit") or c.unit or ""
    return (
        number_text(value) if value is not None else fold(c.object_text),
        fold(str(unit)),
        fold(str(q.get("bound") or "")),
    )


def _measure_text(c: ClaimRecord) -> str:
    q = c.qualifiers
    value = q.get("value", c.value)
    if value is None:
        return c.object_text
    unit = q.get("unit") or c.unit or ""
    bound = q.get("bound") or ""
    return " ".join(str(p) for p in (bound, number_text(value), unit) if p)


def _attribute(c: ClaimRecord) -> str:
    return str(c.qualifiers.get("attribute") or c.object_text or "capability")


def _place_text(c: ClaimRecord) -> str:
    y = c.qualifiers.get("year")
    return f"{c.object_display()} ({number_text(y)})" if y is not None else c.object_display()


def build(lib: Library | ReadLibrary, entity_id: int) -> SpecSheet:
    ent = queries.entity(lib, entity_id)
    if ent is None:
        raise SheetError(f"no entity with id {entity_id} in {lib.name}")
    # One query for the claims with the system as subject or as object (source order), split here.
    claims = [c for c in queries.claims(lib, ClaimFilter(entity_id=entity_id), limit=None) if c.status != "rejected"]
    own = [c for c in claims if c.subject_id == entity_id]
    as_object = [c for c in claims if c.subject_id != entity_id and c.predicate not in rel.KINDS]
    views = {
        aid: v
        for aid in sorted({c.article_id for c in own + as_object})
        if (v := queries.article(lib, aid)) is not None
    }
    citer = Citer({aid: article_date(v.text) for aid, v in views.items()})

    def of(*preds: str) -> list[ClaimRecord]:
        return [c for c in own if c.predicate in preds]

    header = tuple(fact(label, of(p), citer, single=single) for p, label, single in HEADER if of(p))
    operators = fact("Operators", of("operator"), citer, single=False)

    caps: dict[str, list[ClaimRecord]] = {}
    for c in sorted(of("capability"), key=sort_key):
        caps.setdefault(fold(_attribute(c)), []).append(c)
    capabilities = tuple(
        fact(_attribute(cs[0]), cs, citer, single=True, key=_measure, text=_measure_text) for cs in caps.values()
    )

    transfers, events, undated = register(of(*CONTRACT, *DELIVERY), citer)
    found = rel.related(lib, entity_id, own, views)
    agreements, a_events, a_undated = rel.rows(found, citer, "agreement")
    exercises, e_events, e_undated = rel.rows(found, citer, "exercise")
    undated |= {"agreement": a_undated, "exercise": e_undated}

    other: list[Fact] = []
    if of("deployed_to"):
        other.append(
            fact(
                "Deployed to",
                of("deployed_to"),
                citer,
                single=False,
                key=lambda c: (_entity_key(c), c.qualifiers.get("year")),
                text=_place_text,
            )
        )
    for p in sorted({c.predicate for c in own} - SHOWN - {"deployed_to"}):
        other.append(fact(p.replace("_", " ").capitalize(), of(p), citer, single=False))
    for p in sorted({c.predicate for c in as_object}):
        cs = [c for c in as_object if c.predicate == p]
        other.append(
            fact(
                f"{p.replace('_', ' ').capitalize()} (of)",
                cs,
                citer,
                single=False,
                key=lambda c: c.subject_id,
                text=lambda c: c.subject,
            )
        )

    timeline = sorted([*events, *a_events, *e_events], key=lambda e: (e.year, KIND_ORDER[e.kind], e.label))
    return SpecSheet(
        entity_id=ent.id,
        name=ent.name,
        aliases=ent.aliases,
        header=header,
        operators=operators,
        capabilities=capabilities,
        transfers=tuple(transfers),
        agreements=tuple(agreements),
        exercises=tuple(exercises),
        other=tuple(other),
        timeline=tuple(timeline),
        undated={k: v for k, v in undated.items() if v},
        notes=citer.notes(),
        articles=len(views),
    )


def timeline_years(events: Iterable[Event]) -> list[int]:
    return sorted({e.year for e in events})
