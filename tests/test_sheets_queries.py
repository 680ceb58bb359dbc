"""The sheet reads its claims in a few set-based queries, and says exactly what it said when it read
them article by article.

``reference_build`` is the sheet as it was built before (one claim query for the system as subject,
one as subject or object, and two per article for its agreements and exercises), kept verbatim but
for its name; the sheet of every system of several libraries must equal it, model and HTML.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from factories import C, add_article
from test_sheets_model import TOR, sheet_library

from sourcebook.ingest.pipeline import ingest
from sourcebook.ingest.reader import parse
from sourcebook.paths import resource_dir
from sourcebook.sheets import build as B
from sourcebook.sheets import related as rel
from sourcebook.sheets.citations import Citer, article_date, sort_key
from sourcebook.sheets.html import render_html
from sourcebook.sheets.model import Fact, SpecSheet, build_sheet
from sourcebook.sheets.text import to_json, to_text
from sourcebook.sheets.transfers import CONTRACT, DELIVERY, register
from sourcebook.store import queries
from sourcebook.store.library import open_library
from sourcebook.store.quick import ReadLibrary
from sourcebook.store.records import ClaimFilter

ROOT = Path(__file__).resolve().parents[1]


# -- the sheet as it was built before: claims read per article ---------------------------------------


def reference_related(lib, entity_id, own, views):  # type: ignore[no-untyped-def]
    by_article: dict = {}
    for c in own:
        by_article.setdefault(c.article_id, []).append(c)
    found = []
    for aid, cs in sorted(by_article.items()):
        sentences = {c.sentence_id for c in cs}
        view = views.get(aid)
        if view is not None:
            sentences |= {m.sentence_id for m in view.mentions if m.entity_id == entity_id}
        parties = rel.system_parties(cs)
        for kind in rel.KINDS:
            for c in queries.claims(lib, ClaimFilter(article_id=aid, predicate=kind), limit=None):
                if c.status == "rejected" or c.subject_id == entity_id:
                    continue
                why = rel.why_related(c, sentences, parties)
                if why:
                    found.append((c, why))
    return found


def reference_build(lib, entity_id: int) -> SpecSheet:  # type: ignore[no-untyped-def]
    ent = queries.entity(lib, entity_id)
    assert ent is not None
    own = [c for c in queries.claims(lib, ClaimFilter(subject_id=entity_id), limit=None) if c.status != "rejected"]
    as_object = [
        c
        for c in queries.claims(lib, ClaimFilter(entity_id=entity_id), limit=None)
        if c.subject_id != entity_id and c.status != "rejected" and c.predicate not in rel.KINDS
    ]
    views = {
        aid: v
        for aid in sorted({c.article_id for c in own + as_object})
        if (v := queries.article(lib, aid)) is not None
    }
    citer = Citer({aid: article_date(v.text) for aid, v in views.items()})

    def of(*preds: str):  # type: ignore[no-untyped-def]
        return [c for c in own if c.predicate in preds]

    header = tuple(B.fact(label, of(p), citer, single=single) for p, label, single in B.HEADER if of(p))
    operators = B.fact("Operators", of("operator"), citer, single=False)
    caps: dict = {}
    for c in sorted(of("capability"), key=sort_key):
        caps.setdefault(queries.fold(B._attribute(c)), []).append(c)
    capabilities = tuple(
        B.fact(B._attribute(cs[0]), cs, citer, single=True, key=B._measure, text=B._measure_text)
        for cs in caps.values()
    )
    transfers, events, undated = register(of(*CONTRACT, *DELIVERY), citer)
    found = reference_related(lib, entity_id, own, views)
    agreements, a_events, a_undated = rel.rows(found, citer, "agreement")
    exercises, e_events, e_undated = rel.rows(found, citer, "exercise")
    undated |= {"agreement": a_undated, "exercise": e_undated}
    other: list[Fact] = []
    if of("deployed_to"):
        other.append(
            B.fact(
                "Deployed to",
                of("deployed_to"),
                citer,
                single=False,
                key=lambda c: (B._entity_key(c), c.qualifiers.get("year")),
                text=B._place_text,
            )
        )
    for p in sorted({c.predicate for c in own} - B.SHOWN - {"deployed_to"}):
        other.append(B.fact(p.replace("_", " ").capitalize(), of(p), citer, single=False))
    for p in sorted({c.predicate for c in as_object}):
        cs = [c for c in as_object if c.predicate == p]
        other.append(
            B.fact(
                f"{p.replace('_', ' ').capitalize()} (of)",
                cs,
                citer,
                single=False,
                key=lambda c: c.subject_id,
                text=lambda c: c.subject,
            )
        )
    timeline = sorted([*events, *a_events, *e_events], key=lambda e: (e.year, B.KIND_ORDER[e.kind], e.label))
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


# -- libraries ----------------------------------------------------------------------------------------

EXTRA = (
    "Tor-M2 Around the Region\n"
    "Serbia ordered the Tor-M2 in 2019. "
    "The Tor-M2 featured in the Slavic Shield 2020 drill. "
    "Belarus and Russia signed the 2019 air defence accord. "
    "Serbia and Russia signed a service deal for Tor-M2 in 2020. "
    "A rejected accord between Belarus and Russia was reported in 2018. "
    "Russia delivered a battery of Tor-M2 to Belarus in 2019.\n"
)


def mixed_library(path: Path):  # type: ignore[no-untyped-def]
    """The model tests' library, and an article with the system as object, a drill named only by a
    mention of the system, an agreement about the system, one by parties, and a rejected one."""
    lib = sheet_library(path)
    add_article(
        lib,
        "tor-d",
        EXTRA,
        [
            C("Serbia", "ordered", "Serbia ordered the Tor-M2", TOR, subject_kind="country", object_kind="system"),
            C(
                "Slavic Shield",
                "exercise",
                "Slavic Shield 2020 drill",
                subject_kind="exercise",
                qualifiers={"year": 2020},
            ),
            C(
                "2019 accord",
                "agreement",
                "Belarus and Russia signed the 2019 air defence accord",
                subject_kind="agreement",
                object_list=["Belarus", "Russia"],
                qualifiers={"year": 2019},
            ),
            C(
                "service deal",
                "agreement",
                "Serbia and Russia signed a service deal for Tor-M2",
                TOR,
                subject_kind="agreement",
                object_kind="system",
                qualifiers={"year": 2020},
            ),
            C(
                "2018 accord",
                "agreement",
                "A rejected accord between Belarus and Russia",
                subject_kind="agreement",
                object_list=["Belarus", "Russia"],
                qualifiers={"year": 2018},
            ),
            C(
                TOR,
                "delivered_to",
                "Russia delivered a battery of Tor-M2 to Belarus in 2019",
                "Belarus",
                object_kind="country",
                qualifiers={"supplier": "Russia", "year": 2019, "quantity": 1, "unit": "battery"},
            ),
            C(TOR, "delivered_to", "Russia delivered a battery", "Belarus", object_kind="country"),
        ],
        mentions=[(TOR, "system")],
    )
    lib.close()
    con = sqlite3.connect(path)
    with con:  # a curator's rejections: a related agreement and one of the system's own claims
        con.execute("UPDATE claim SET status = 'rejected' WHERE quote LIKE 'A rejected accord%'")
        con.execute("UPDATE claim SET status = 'rejected' WHERE quote = 'Russia delivered a battery'")
    con.close()
    return path


def synthetic_library(path: Path, n: int = 24) -> Path:
    """Articles of the benchmark's generator through the real pipeline, about three systems and four
    countries, so that each system has several articles and its agreements and exercises share parties."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from synthetic import Vocabulary, article
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    v = Vocabulary()
    v.systems, v.countries = v.systems[:3], v.countries[:4]
    with open_library(path, create=True) as lib:
        for i in range(n):
            slug, text = article(7, i, v)
            ingest(lib, parse(text, slug))
    return path


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):  # type: ignore[no-untyped-def]
    return synthetic_library(tmp_path_factory.mktemp("synthetic") / "lib.sqlite")


def assert_same_sheets(lib) -> list[SpecSheet]:  # type: ignore[no-untyped-def]
    sheets = []
    for s in queries.systems(lib):
        new, old = build_sheet(lib, s.id), reference_build(lib, s.id)
        assert new == old, s.name
        for mode in ("file", "qt"):
            assert render_html(new, library_name="x", generated="2025-01-01", mode=mode) == render_html(
                old, library_name="x", generated="2025-01-01", mode=mode
            )
        assert to_text(new) == to_text(old) and to_json(new) == to_json(old)
        sheets.append(new)
    return sheets


# -- tests --------------------------------------------------------------------------------------------


def test_sheet_is_the_same_as_read_article_by_article(tmp_path):
    path = mixed_library(tmp_path / "mixed.sqlite")
    with open_library(path) as lib:
        sheets = {s.name: s for s in assert_same_sheets(lib)}
    tor = sheets[TOR]
    assert tor.articles == 4
    assert {r.name.text for r in tor.agreements} == {"2009 accord", "2019 accord", "service deal"}
    assert {r.name.text for r in tor.exercises} == {"Zapad", "Shield", "Slavic Shield"}
    assert any(f.label == "Ordered (of)" for f in tor.other)
    assert all("rejected" not in n.sentence for n in tor.notes)


def test_sheets_of_a_synthetic_library_are_the_same(synthetic):
    lib = ReadLibrary(synthetic)  # as the app reads it
    try:
        sheets = assert_same_sheets(lib)
    finally:
        lib.close()
    assert max(s.articles for s in sheets) >= 5
    assert any(s.agreements for s in sheets) and any(s.exercises for s in sheets)


def test_sheets_of_the_bundled_library_are_the_same():
    lib = ReadLibrary(resource_dir() / "sourcebook.sqlite", bundled=True)
    try:
        assert assert_same_sheets(lib)
    finally:
        lib.close()


def test_claims_are_read_in_a_fixed_number_of_queries(synthetic, monkeypatch):
    calls = {"claims": 0, "article": 0}
    real_claims, real_article = queries.claims, queries.article

    def claims(*a, **k):  # type: ignore[no-untyped-def]
        calls["claims"] += 1
        return real_claims(*a, **k)

    def article(*a, **k):  # type: ignore[no-untyped-def]
        calls["article"] += 1
        return real_article(*a, **k)

    monkeypatch.setattr(queries, "claims", claims)
    monkeypatch.setattr(queries, "article", article)
    lib = ReadLibrary(synthetic)
    try:
        top = max(queries.systems(lib), key=lambda r: r.claim_count)
        sheet = build_sheet(lib, top.id)
    finally:
        lib.close()
    assert sheet.articles >= 5
    assert calls["claims"] <= 1 + len(rel.KINDS)  # not one per article
    assert calls["article"] == sheet.articles  # each article read once, for its date and mentions
