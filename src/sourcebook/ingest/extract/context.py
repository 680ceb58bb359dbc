"""What the rules see: one sentence with its tokens, classes, mentions and dates; the article's state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sourcebook.ingest.drafts import ClaimDraft, EntityRef
from sourcebook.ingest.extract.dates import DateHit, find_dates, find_years
from sourcebook.ingest.extract.entities import Mention, find_mentions
from sourcebook.ingest.extract.focus import Focus
from sourcebook.ingest.gazetteer import TOKEN, gazetteer


@dataclass
class Sent:
    index: int
    start: int  # absolute offset of the sentence
    text: str
    kind: str  # block kind: title | paragraph | credit
    words: list[tuple[int, int, str]]
    classes: list[tuple[int, int, str]]
    mentions: list[Mention]
    dates: list[DateHit]
    years: list[tuple[int, int, int]]
    dateline_end: int = 0  # end of a wire dateline opening the sentence
    low: str = ""  # the text in lower case, for cue-word gates

    @classmethod
    def build(cls, index: int, start: int, text: str, kind: str) -> Sent:
        words = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
        hits = gazetteer().classes.find([w[2] for w in words])
        classes = [(words[h.first][0], words[h.last - 1][1], str(h.value)) for h in hits]
        mentions = find_mentions(text, words, classes)
        return cls(
            index, start, text, kind, words, classes, mentions, find_dates(text), find_years(text), low=text.lower()
        )

    def of(self, kind: str, a: int = 0, b: int | None = None) -> list[Mention]:
        b = len(self.text) if b is None else b
        return [m for m in self.mentions if m.kind == kind and a <= m.start and m.end <= b]

    def first(self, kind: str, a: int = 0, b: int | None = None) -> Mention | None:
        found = self.of(kind, a, b)
        return found[0] if found else None

    def last(self, kind: str, a: int = 0, b: int | None = None) -> Mention | None:
        found = self.of(kind, a, b)
        return found[-1] if found else None

    def class_at(self, pos: int, slack: int = 1) -> tuple[int, int, str] | None:
        """A class phrase starting at ``pos`` (after at most ``slack`` spaces)."""
        return next((c for c in self.classes if pos <= c[0] <= pos + slack), None)

    def year_near(self, pos: int) -> int | None:
        """The year written closest before ``pos``, else the first one after it."""
        before = [y for y in self.years if y[1] <= pos]
        if before:
            return before[-1][2]
        after = [y for y in self.years if y[0] >= pos]
        return after[0][2] if after else None


@dataclass
class Article:
    slug: str
    text: str
    year: int | None = None  # from the dateline / date line
    focus: Focus = field(default_factory=Focus)
    claims: list[ClaimDraft] = field(default_factory=list)
    seen: set[tuple[Any, ...]] = field(default_factory=set)
    main_system: EntityRef | None = None
    home_country: str = ""  # the country whose forces the article is about
    title_name: str = ""  # a short title that names the article's subject (a company, a system)
    title_country: str = ""  # the one country named in the title, if exactly one
    section: str = ""  # the latest short heading line, lower case
    types: dict[str, list[str]] = field(default_factory=dict)  # subject -> its type claims' texts
    dateline: tuple[int, str] | None = None  # (sentence index, date as written) of a wire dateline
    exercise_parties: dict[str, set[str]] = field(
        default_factory=dict
    )  # exercise -> states already claimed as its participants
    exercise_at: int = -99  # the latest sentence that named an exercise
    request: tuple[int, Any, str] | None = None  # (latest line, buyer, status) of a "has requested to buy:" list
    intro: str = ""  # the latest sentence that opens a list (ends with ":"), for the list's lines


def emit(
    art: Article,
    s: Sent,
    subject: EntityRef,
    predicate: str,
    span: tuple[int, int],
    rule: str,
    *,
    obj: EntityRef | None = None,
    text: str = "",
    objects: list[EntityRef] | None = None,
    value: float | None = None,
    unit: str | None = None,
    weak: bool = False,
    **qualifiers: Any,
) -> ClaimDraft | None:
    """Add a claim unless it repeats one (a weak claim also yields to any earlier same fact)."""
    if not subject.name.strip():
        return None
    q = {k: v for k, v in qualifiers.items() if v not in (None, "", [])}
    if value is not None:
        q["value"] = int(value) if value == int(value) and abs(value) < 1e15 else value
    if unit:
        q["unit"] = unit
    obj_text = text or (obj.name if obj else "") or ", ".join(o.name for o in objects or [])
    if obj and subject.name == obj.name:
        return None
    a, b = max(0, min(span)), min(len(s.text), max(span))
    if a >= b:
        a, b = 0, len(s.text)
    strong_key = (s.index, subject.name, predicate, obj_text.lower(), str(sorted(q.items())))
    loose_key = (subject.name.lower(), predicate, _norm(obj_text))
    if strong_key in art.seen or (weak and loose_key in art.seen):
        return None
    art.seen.add(strong_key)
    art.seen.add(loose_key)
    claim = ClaimDraft(
        s.index, subject, predicate, s.start + a, s.start + b, rule, obj, obj_text, objects, value, unit, q
    )
    art.claims.append(claim)
    if predicate == "type":
        art.types.setdefault(subject.name, []).append(obj_text.lower())
    art.focus.after_claim(claim)
    return claim


def _norm(text: str) -> str:
    words = [w for w in text.lower().replace("-", " ").split() if w not in ("system", "systems", "the", "a", "an")]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)
