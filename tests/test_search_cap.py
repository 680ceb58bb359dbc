"""Searches that match very many rows: counted up to a cap ("N+"), listed newest first, pages stable;
below the cap: exact counts and bm25 order, as always."""

from __future__ import annotations

import sqlite3

import pytest
from factories import C, add_article, new_library

from sourcebook.store import fts, queries
from sourcebook.store.quick import ReadLibrary
from sourcebook.store.search_syntax import parse

CLAIMS = 120  # claims whose quote says "range"; half of them also say "radar"


@pytest.fixture(scope="module")
def library(tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("cap") / "cap.sqlite"
    lib = new_library(path)
    for a in range(6):
        n0 = a * 20
        text = " ".join(f"Unit{n} fires at range {n} km{' with radar' if n % 2 else ''}." for n in range(n0, n0 + 20))
        claims = [
            C(f"Unit{n}", "range", f"Unit{n} fires at range {n} km{' with radar' if n % 2 else ''}", object=f"{n} km")
            for n in range(n0, n0 + 20)
        ]
        add_article(lib, f"art{a}", f"Article {a}\n\n{text}\n", claims)
    lib.close()
    return path


def _matching(path, table: str, query: str, order: str) -> list[int]:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(path)
    try:
        return [
            r[0]
            for r in con.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY {order}", (fts.render(parse(query)),)
            )
        ]
    finally:
        con.close()


def _pages(lib, query: str, size: int, **kw) -> list[int]:  # type: ignore[no-untyped-def]
    out: list[int] = []
    offset = 0
    while True:
        page = [
            h.claim.id
            for h in queries.search(
                lib, query, limit=size, offset=offset, with_totals=False, sentences=False, **kw
            ).claims
        ]
        out += page
        if len(page) < size:
            return out
        offset += size


def test_many_matches_are_counted_to_the_cap_and_come_newest_first(library, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(fts, "COUNT_CAP", 50)
    newest = _matching(library, "claim_fts", "range", "rowid DESC")
    assert len(newest) == CLAIMS > 50
    with ReadLibrary(library) as lib:
        res = queries.search(lib, "range", limit=10, sentences=False)
        assert (res.total_claims, res.claims_capped, res.total_capped, res.claim_order) == (50, True, True, "newest")
        assert res.claims_text() == "50+"
        assert [h.claim.id for h in res.claims] == newest[:10]
        assert all(any(m for _t, m in h.segments) for h in res.claims)  # still marked
        # pages in the order the first came in: no overlaps, no gaps, whether asked or re-chosen
        assert _pages(lib, "range", 7, order=res.claim_order) == newest
        assert _pages(lib, "range", 7) == newest
        whole = queries.search(lib, "range", limit=1000, sentences=False)
        assert [h.claim.id for h in whole.claims] == newest


def test_below_the_cap_counts_are_exact_and_order_is_rank(library, monkeypatch):  # type: ignore[no-untyped-def]
    ranked = _matching(library, "claim_fts", "radar", "rank")
    assert 0 < len(ranked) < CLAIMS
    for cap in (len(ranked), fts.COUNT_CAP):  # exactly the cap still counts exactly
        monkeypatch.setattr(fts, "COUNT_CAP", cap)
        with ReadLibrary(library) as lib:
            res = queries.search(lib, "radar", limit=1000, sentences=False)
            assert (res.total_claims, res.claims_capped, res.claim_order) == (len(ranked), False, "rank")
            assert res.claims_text() == f"{len(ranked):,}"
            assert [h.claim.id for h in res.claims] == ranked
            assert _pages(lib, "radar", 7) == ranked
    # the quote of every claim says "range": one more than the cap is capped
    monkeypatch.setattr(fts, "COUNT_CAP", CLAIMS - 1)
    with ReadLibrary(library) as lib:
        assert queries.search(lib, "range", limit=1, sentences=False).claims_capped
    monkeypatch.setattr(fts, "COUNT_CAP", CLAIMS)
    with ReadLibrary(library) as lib:
        res = queries.search(lib, "range", limit=1000, sentences=False)
        assert (res.total_claims, res.claims_capped, res.claim_order) == (CLAIMS, False, "rank")
        assert [h.claim.id for h in res.claims] == _matching(library, "claim_fts", "range", "rank")


def test_sentences_are_capped_and_ordered_by_their_own_count(library, monkeypatch):  # type: ignore[no-untyped-def]
    sentences = _matching(library, "sentence_fts", "radar", "rowid DESC")
    claims = _matching(library, "claim_fts", "radar", "rank")
    assert len(sentences) > 20 and len(claims) > 20
    monkeypatch.setattr(fts, "COUNT_CAP", 20)
    with ReadLibrary(library) as lib:
        res = queries.search(lib, "radar", limit=1000)
        assert (res.total_sentences, res.sentences_capped, res.sentence_order) == (20, True, "newest")
        assert [s.sentence_id for s in res.sentences] == sentences
        paged = []
        for offset in range(0, len(sentences), 6):
            paged += [
                s.sentence_id
                for s in queries.search(
                    lib, "radar", limit=6, offset=offset, with_totals=False, order="rank", sentence_order="newest"
                ).sentences
            ]
        assert paged == sentences
    monkeypatch.setattr(fts, "COUNT_CAP", 10_000)
    with ReadLibrary(library) as lib:
        res = queries.search(lib, "radar", limit=1000)
        assert (res.sentences_capped, res.sentence_order, res.total_sentences) == (False, "rank", len(sentences))
        assert [s.sentence_id for s in res.sentences] == _matching(library, "sentence_fts", "radar", "rank")


def test_cli_prints_a_capped_count_with_a_plus(library, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    from sourcebook.cli.main import main

    monkeypatch.setattr(fts, "COUNT_CAP", 50)
    assert main(["search", "range", "--db", str(library), "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("50+ claims, 50+ sentences match 'range'")
    assert "newest first" in out.splitlines()[0]
    monkeypatch.setattr(fts, "COUNT_CAP", 10_000)
    assert main(["search", "radar", "--db", str(library), "--limit", "3"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"{CLAIMS // 2} claims, {CLAIMS // 2} sentences match 'radar'"


def test_sidebar_shows_the_plus_count_newest_first_and_pages_in_that_order(qtbot, library, monkeypatch):  # type: ignore[no-untyped-def]
    pytest.importorskip("pytestqt")
    from sourcebook.ui import claim_model, fact_sidebar
    from sourcebook.ui.tasks import TaskRunner

    monkeypatch.setattr(fts, "COUNT_CAP", 50)
    monkeypatch.setattr(claim_model, "PAGE", 25)
    monkeypatch.setattr(fact_sidebar, "PAGE", 25)
    newest = _matching(library, "claim_fts", "range*", "rowid DESC")
    lib = ReadLibrary(library)
    try:
        side = fact_sidebar.FactSidebar(TaskRunner())
        qtbot.addWidget(side)
        side.set_library(lib, queries.predicates(lib), ("system",))
        with qtbot.waitSignal(side.searchFinished, timeout=10000) as got:
            side.set_query("range")
        assert got.args == ["range", 50]
        assert side.count.text() == "50+ claims match “range” — newest first"
        assert side.model.rowCount() == 25
        while side.model.canFetchMore():
            side.model.fetchMore()
        assert [side.model.claim_at(i).id for i in range(side.model.rowCount())] == newest

        monkeypatch.setattr(fts, "COUNT_CAP", 10_000)
        ranked = _matching(library, "claim_fts", "radar*", "rank")
        with qtbot.waitSignal(side.searchFinished, timeout=10000):
            side.set_query("radar")
        assert side.count.text() == f"{len(ranked)} claims match “radar”"
        while side.model.canFetchMore():
            side.model.fetchMore()
        assert [side.model.claim_at(i).id for i in range(side.model.rowCount())] == ranked
    finally:
        lib.close()
