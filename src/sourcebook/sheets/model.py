"""What a spec sheet says about one system: plain records, each value with the notes that state it.

No Qt here: the app, the printer, the HTML export and the command line all read these records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sourcebook.store.library import Library
    from sourcebook.store.quick import ReadLibrary

UNKNOWN = "unknown"
NONE_SHOWN = "—"


@dataclass(frozen=True)
class Note:
    """One numbered source: a sentence of an article, with the quoted span inside it."""

    number: int
    claim_ids: tuple[int, ...]
    article_slug: str
    article_title: str
    credits: tuple[str, ...]
    date: str | None  # the article's dateline date, when it has one
    sentence: str
    quote_start: int  # offsets of the quote inside ``sentence``
    quote_end: int

    def parts(self) -> tuple[str, str, str]:
        """The sentence as (before, quote, after)."""
        s = self.sentence
        return s[: self.quote_start], s[self.quote_start : self.quote_end], s[self.quote_end :]


@dataclass(frozen=True)
class Mark:
    """A citation mark [n] on a value; ``claim_id`` is the claim it stands for."""

    number: int
    claim_id: int


@dataclass(frozen=True)
class Value:
    """A value as stated, with its marks: several marks mean several sentences state it."""

    text: str
    marks: tuple[Mark, ...] = ()

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(sorted({m.number for m in self.marks}))

    @property
    def corroborated(self) -> bool:
        return len(self.numbers) > 1


@dataclass(frozen=True)
class Fact:
    """One attribute with every value the sources give it.

    A single-valued attribute (origin, manufacturer, a capability) with more than one value is
    *disputed*: all values are shown with their own notes, none is dropped or merged.
    """

    label: str
    values: tuple[Value, ...]
    single: bool = False

    @property
    def disputed(self) -> bool:
        return self.single and len(self.values) > 1


@dataclass(frozen=True)
class Transfer:
    """One row of the transfer register, in the manner of SIPRI's trade register."""

    kind: str  # "contract" | "delivery"
    supplier: str  # a name or UNKNOWN
    recipient: Value  # marked with every claim of the row
    quantity: Value  # "1 battery", "unknown (batteries)", "unknown"
    ordered: tuple[Value, ...]  # year or date of order / contract; empty: unknown
    delivered: tuple[Value, ...]  # year(s) of delivery; empty: unknown
    comment: str = ""


@dataclass(frozen=True)
class Related:
    """An agreement or exercise that involves the system, and why the sheet relates it."""

    kind: str  # "agreement" | "exercise"
    name: Value  # marked with every claim that states it
    parties: tuple[str, ...]
    years: tuple[Value, ...]
    why: str  # "same sentence" | "same article, same parties"


@dataclass(frozen=True)
class Event:
    """A dated point on the timeline."""

    year: int
    kind: str  # "contract" | "delivery" | "agreement" | "exercise"
    label: str
    numbers: tuple[int, ...]


@dataclass(frozen=True)
class SpecSheet:
    entity_id: int
    name: str
    aliases: tuple[str, ...]
    header: tuple[Fact, ...]  # type, origin, manufacturer, developer (only those stated)
    operators: Fact
    capabilities: tuple[Fact, ...]
    transfers: tuple[Transfer, ...]
    agreements: tuple[Related, ...]
    exercises: tuple[Related, ...]
    other: tuple[Fact, ...]  # deployments and statements outside the vocabulary
    timeline: tuple[Event, ...]
    undated: dict[str, int]  # kind -> events without a year
    notes: tuple[Note, ...]
    articles: int  # how many articles the sheet draws on

    @property
    def disputed(self) -> tuple[Fact, ...]:
        return tuple(f for f in (*self.header, *self.capabilities, *self.other) if f.disputed)

    def note(self, number: int) -> Note:
        return self.notes[number - 1]


def build_sheet(lib: Library | ReadLibrary, entity_id: int) -> SpecSheet:
    """Everything the library says about one system, aggregated over all its articles."""
    from sourcebook.sheets.build import build

    return build(lib, entity_id)
