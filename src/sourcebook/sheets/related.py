"""Agreements and exercises that involve a system.

Their claims have the agreement or exercise as subject, so they name the system only by
company. The rule, applied article by article to the articles that hold claims about the system:

1. **same sentence** — the agreement or exercise is stated in a sentence that also mentions the
   system or states a claim about it; or
2. **same article, same parties** — it is stated in the same article, and its parties
   (participants) include at least two of the system's parties in that article (one, if it
   names only one): the suppliers, recipients, buyers and operators of the system's claims there.

An exercise with no participants is related only by rule 1. Statements of one agreement (same
name, parties and year) from several sentences are one row with several notes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sourcebook.sheets.citations import Citer, fold, sort_key
from sourcebook.sheets.model import Event, Related
from sourcebook.sheets.transfers import CONTRACT, DELIVERY, number_text, year_of
from sourcebook.store import queries
from sourcebook.store.records import ArticleView, ClaimFilter, ClaimRecord

if TYPE_CHECKING:  # store.library loads SQLAlchemy; a sheet reads through store.queries alone
    from sourcebook.store.library import Library
    from sourcebook.store.quick import ReadLibrary

KINDS = ("agreement", "exercise")
SAME_SENTENCE = "same sentence"
SAME_PARTIES = "same article, same parties"


def parties_of(c: ClaimRecord) -> tuple[str, ...]:
    if c.object_list is not None:
        return tuple(p for p in c.object_list if p)
    return tuple(p.strip() for p in c.object_text.split(",") if p.strip()) if c.object_text else ()


def system_parties(claims: Iterable[ClaimRecord]) -> set[str]:
    """Folded names of the countries and forces a system's claims tie it to."""
    out: set[str] = set()
    for c in claims:
        if c.predicate in (*CONTRACT, *DELIVERY, "operator"):
            out.add(fold(c.object_display()))
            if c.qualifiers.get("supplier"):
                out.add(fold(str(c.qualifiers["supplier"])))
    out.discard("")
    return out


def why_related(c: ClaimRecord, sentences: set[int], parties: set[str]) -> str | None:
    if c.sentence_id in sentences:
        return SAME_SENTENCE
    names = {fold(p) for p in parties_of(c)} - {""}
    if names and len(names & parties) >= min(2, len(names)):
        return SAME_PARTIES
    return None


def related(
    lib: Library | ReadLibrary, entity_id: int, own: list[ClaimRecord], views: dict[int, ArticleView]
) -> list[tuple[ClaimRecord, str]]:
    """Agreement and exercise claims related to the system, each with the rule that relates it.

    The candidates are read in one query per kind over all the system's articles at once (the
    claim ids the article views list, sentence by sentence), not one query per article and kind;
    they are judged article by article as before, in the same order (article, kind, source order).
    """
    by_article: dict[int, list[ClaimRecord]] = {}
    for c in own:
        by_article.setdefault(c.article_id, []).append(c)
    context: dict[int, tuple[set[int], set[str]]] = {}
    ids: set[int] = set()
    for aid, cs in by_article.items():
        sentences = {c.sentence_id for c in cs}
        view = views.get(aid)
        if view is not None:
            sentences |= {m.sentence_id for m in view.mentions if m.entity_id == entity_id}
            ids.update(cid for s in view.sentences for cid in s.claim_ids)
        context[aid] = (sentences, system_parties(cs))
    ids.difference_update(c.id for c in own)  # the system's own claims are never candidates
    if not ids:
        return []
    wanted = tuple(sorted(ids))
    found: list[tuple[tuple[int, int], ClaimRecord, str]] = []
    for k, kind in enumerate(KINDS):
        for c in queries.claims(lib, ClaimFilter(claim_ids=wanted, predicate=kind), limit=None):
            if c.status == "rejected" or c.subject_id == entity_id or c.article_id not in context:
                continue
            sentences, parties = context[c.article_id]
            why = why_related(c, sentences, parties)
            if why:
                found.append(((c.article_id, k), c, why))
    found.sort(key=lambda f: f[0])  # stable: source order within an article and kind
    return [(c, why) for _, c, why in found]


def rows(found: list[tuple[ClaimRecord, str]], citer: Citer, kind: str) -> tuple[list[Related], list[Event], int]:
    """Rows for one kind, its dated events, and how many of its rows have no year."""
    groups: dict[tuple, list[tuple[ClaimRecord, str]]] = {}
    for c, why in sorted(((c, w) for c, w in found if c.predicate == kind), key=lambda cw: sort_key(cw[0])):
        key = (c.subject_id, tuple(sorted({fold(p) for p in parties_of(c)})), year_of(c.qualifiers))
        groups.setdefault(key, []).append((c, why))

    def order(item: tuple[tuple, list]) -> tuple:
        key, group = item
        return (key[2] if key[2] is not None else 9999, fold(group[0][0].subject), sort_key(group[0][0]))

    out: list[Related] = []
    events: list[Event] = []
    undated = 0
    for key, group in sorted(groups.items(), key=order):
        cs = [c for c, _ in group]
        first = cs[0]
        name = citer.value(first.subject, cs)
        by_year: dict[str, list[ClaimRecord]] = {}
        for c in cs:
            y = c.qualifiers.get("year")
            if y is not None:
                by_year.setdefault(number_text(y), []).append(c)
        years = tuple(citer.value(y, g) for y, g in sorted(by_year.items()))
        why = SAME_SENTENCE if any(w == SAME_SENTENCE for _, w in group) else SAME_PARTIES
        out.append(Related(kind, name, parties_of(first), years, why))
        if key[2] is not None:
            events.append(Event(key[2], kind, first.subject, name.numbers))
        else:
            undated += 1
    return out, events, undated
