"""Any text a user types is a valid query, and none of it reaches FTS5 as syntax."""

import pytest
from factories import C, add_article, new_library
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcebook.store import queries

FTS_SYNTAX = ['"', "AND", "OR", "NOT", "NEAR(", "*", "(", ")", "col:", "^", "-", "+", ":", "{", "}"]


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    lib = new_library(tmp_path_factory.mktemp("s") / "s.sqlite")
    add_article(
        lib,
        "a",
        "Air Defence Today\n\nThe Almaz-Antey plant built the air defense system. "
        "Belarus bought four batteries in 2011.\n",
        [
            C("Tor-M2", "manufacturer", "Almaz-Antey plant", "Almaz-Antey", object_kind="organisation"),
            C("Tor-M2", "delivered_to", "Belarus bought four batteries", "Belarus", object_kind="country"),
        ],
    )
    yield lib
    lib.close()


def test_prefix_phrase_and_words(lib):
    assert [h.claim.predicate for h in queries.search(lib, "Alm*").claims] == ["manufacturer"]
    assert queries.search(lib, '"air defense"').total_sentences == 1
    assert queries.search(lib, '"defense air"').total_sentences == 0
    assert queries.search(lib, "belarus batteries").total_claims == 1
    assert queries.search(lib, "belarus OR almaz").total_claims == 2


def test_diacritics_and_case_do_not_matter(lib):
    assert queries.search(lib, "BÉLARUS").total_claims == 1


def test_matched_words_are_marked(lib):
    hit = queries.search(lib, "batteries").claims[0]
    assert ("batteries", True) in hit.segments
    assert "".join(t for t, _ in hit.segments) == hit.claim.quote


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'tor"',
        "AND",
        "OR OR",
        "NEAR(",
        "*",
        "(",
        "col:x",
        'a" OR "',
        "^x",
        "-",
        "NOT belarus",
        "quote:belarus",
        '""',
        "   ",
        "",
        "\x00",
        "'",
        "🚀",
    ],
)
def test_syntax_characters_are_only_text(lib, query):
    queries.search(lib, query)  # must not raise


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(FTS_SYNTAX), st.text(max_size=8)), max_size=8).map(" ".join))
def test_any_text_is_a_valid_query(lib, query):
    result = queries.search(lib, query, limit=5)
    assert result.total_claims >= len(result.claims)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_arbitrary_unicode_is_a_valid_query(lib, query):
    queries.search(lib, query, limit=5)
