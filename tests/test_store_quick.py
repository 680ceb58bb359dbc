"""The sqlite3-only read path (store/quick.py) gives exactly the records of the query API."""

import sys
from pathlib import Path

import pytest

from sourcebook.ingest.pipeline import ingest
from sourcebook.ingest.reader import parse
from sourcebook.paths import bundled_library
from sourcebook.store import queries, quick
from sourcebook.store.library import open_library
from sourcebook.store.models import SCHEMA_VERSION
from sourcebook.store.records import ClaimFilter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import orm_reference as ref  # noqa: E402
from synthetic import Vocabulary, article  # noqa: E402


@pytest.fixture(scope="module")
def synthetic_library(tmp_path_factory):
    path = tmp_path_factory.mktemp("quick") / "lib.sqlite"
    v = Vocabulary()
    with open_library(path, create=True) as lib:
        for i in range(25):
            slug, text = article(7, i, v)
            ingest(lib, parse(text, slug))
    return path


def _libraries(synthetic_library):
    yield synthetic_library, False
    if bundled_library().exists():
        yield bundled_library(), True


def test_schema_version_matches_models():
    assert quick.SCHEMA_VERSION == SCHEMA_VERSION


def test_quick_path_equals_query_api(synthetic_library):
    for path, bundled in _libraries(synthetic_library):
        with open_library(path, bundled=bundled) as lib:
            con = quick.connect(path, immutable=bundled)
            try:
                for offset, limit, filt in (
                    (0, 200, ""),
                    (3, 5, ""),
                    (0, 10, "air"),
                    (0, 10, "S7-0000"),
                    (0, 10, "no such 100%_title"),
                ):
                    assert quick.articles(con, offset=offset, limit=limit, title_filter=filt) == queries.articles(
                        lib, offset=offset, limit=limit, title_filter=filt
                    )
                rows = queries.articles(lib, limit=1000)
                assert rows, path
                assert quick.first_article_id(con) == rows[0].id
                for r in rows:
                    assert quick.article(con, r.id) == queries.article(lib, r.id)
                    mine = quick.article_claims(con, r.id)
                    assert mine == queries.claims(lib, ClaimFilter(article_id=r.id), limit=None)
                    assert quick.claims_by_id(con, [c.id for c in reversed(mine)]) == {c.id: c for c in mine}
                assert quick.article(con, 10**9) is None
                assert quick.claims_by_id(con, [10**9]) == {}
            finally:
                con.close()


def test_search_records_equal_claim_records(synthetic_library):
    with open_library(synthetic_library) as lib:
        res = queries.search(lib, "delivery", limit=20)
        assert res.claims
        for h in res.claims:
            assert h.claim == queries.claim(lib, h.claim.id)


def test_connect_refuses_what_is_not_a_library(tmp_path):
    with pytest.raises(ValueError):
        quick.connect(tmp_path / "missing.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(Exception):  # noqa: B017 - sqlite3.DatabaseError
        quick.connect(bad)


def test_orm_formulations_equal_the_quick_path(synthetic_library):
    """queries.articles/article/claims read through store.quick; the ORM queries they replaced agree."""
    for path, bundled in _libraries(synthetic_library):
        with open_library(path, bundled=bundled) as lib:
            for offset, limit, filt in ((0, 200, ""), (2, 7, ""), (0, 10, "air"), (0, 5, "zzz")):
                assert queries.articles(lib, offset=offset, limit=limit, title_filter=filt) == ref.articles(
                    lib, offset=offset, limit=limit, title_filter=filt
                )
            rows = queries.articles(lib, limit=1000)
            for r in rows:
                assert queries.article(lib, r.id) == ref.article(lib, r.id)
            some = queries.claims(lib, limit=None)
            assert some
            first = some[0]
            filters = [
                ClaimFilter(),
                ClaimFilter(article_id=first.article_id),
                ClaimFilter(sentence_id=first.sentence_id),
                ClaimFilter(subject_id=first.subject_id),
                ClaimFilter(entity_id=first.subject_id),
                ClaimFilter(predicate=first.predicate),
                ClaimFilter(subject_kind="system"),
                ClaimFilter(subject_kind="country", predicate="agreement"),
                ClaimFilter(claim_ids=tuple(c.id for c in some[::3])),
                ClaimFilter(claim_ids=()),
                ClaimFilter(article_id=10**9),
            ]
            for f in filters:
                for sort in queries.SORTS:
                    for offset, limit in ((0, None), (0, 500), (3, 11), (10**6, 5)):
                        assert queries.claims(lib, f, offset=offset, limit=limit, sort=sort) == ref.claims(
                            lib, f, offset=offset, limit=limit, sort=sort
                        ), (f, sort, offset)
            for f in filters:
                assert queries.claim_count(lib, f) == ref.claim_count(lib, f) == len(queries.claims(lib, f, limit=None))
            assert queries.predicates(lib) == ref.predicates(lib)
            from sourcebook.store.models import Entity

            assert queries.systems(lib) == ref.entity_rows(lib, Entity.kind == "system")
            for row in ref.entity_rows(lib, Entity.id > 0):
                assert queries.entity(lib, row.id) == row
                for name in (row.name, *row.aliases):
                    found = queries.find_entity(lib, name, kind=row.kind)
                    assert found is not None and found.id == ref.find_entity_id(lib, queries.fold(name), row.kind)


def test_read_library_reads_what_library_reads(synthetic_library):
    """The app reads through quick.ReadLibrary; every query gives what it gives on a Library."""
    with open_library(synthetic_library) as lib, quick.ReadLibrary(synthetic_library) as ro:
        assert ro.name == lib.name and ro.path == lib.path and not ro.writable
        assert queries.summary(ro) == queries.summary(lib)
        assert queries.articles(ro, limit=1000) == queries.articles(lib, limit=1000)
        assert queries.article_count(ro, "air") == queries.article_count(lib, "air")
        for a in queries.articles(lib, limit=5):
            assert queries.article(ro, a.id) == queries.article(lib, a.id)
            assert queries.article_id_for(ro, a.slug) == a.id
        for sort in queries.SORTS:
            page = {"sort": sort, "offset": 3, "limit": 40}
            assert queries.claims(ro, **page) == queries.claims(lib, **page)
        assert list(queries.iter_claims(ro, batch=7)) == queries.claims(lib, limit=None)
        assert queries.search(ro, "delivery") == queries.search(lib, "delivery")
        assert queries.systems(ro) == queries.systems(lib)
        assert queries.suggest(ro, "Patriott") == queries.suggest(lib, "Patriott")


def test_search_order_is_rank_order_and_pages_do_not_overlap(synthetic_library):
    import sqlite3

    from sourcebook.store import fts
    from sourcebook.store.search_syntax import parse

    with open_library(synthetic_library) as lib:
        whole = [h.claim.id for h in queries.search(lib, "delivery", limit=1000, sentences=False).claims]
        assert len(whole) > 20
        paged = []
        for offset in range(0, len(whole), 7):
            paged += [
                h.claim.id
                for h in queries.search(
                    lib, "delivery", limit=7, offset=offset, with_totals=False, sentences=False
                ).claims
            ]
        assert paged == whole
        assert queries.search(lib, "delivery", limit=5).total_claims == len(whole)
    con = sqlite3.connect(synthetic_library)
    try:
        ranked = [
            r[0]
            for r in con.execute(
                "SELECT rowid FROM claim_fts WHERE claim_fts MATCH ? ORDER BY rank", (fts.render(parse("delivery")),)
            )
        ]
    finally:
        con.close()
    assert ranked == whole


def test_the_app_opening_a_bad_file_says_what_the_library_says(tmp_path):
    from sourcebook.errors import LibraryError
    from sourcebook.ui.loading import open_for_reading

    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    text = tmp_path / "notes.sqlite"
    text.write_text("not a library\n" * 50)
    for bad in (tmp_path / "missing.sqlite", empty, text, tmp_path):
        with pytest.raises(LibraryError) as mine:
            open_for_reading(str(bad), False)
        with pytest.raises(LibraryError) as theirs:
            open_library(bad)
        assert str(mine.value) == str(theirs.value)
