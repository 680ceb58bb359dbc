"""Property: ingest of any text never raises, and every stored offset is exact."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcebook.ingest.pipeline import ingest
from sourcebook.ingest.reader import parse
from sourcebook.store import check, queries
from sourcebook.store.library import open_library

WORDS = [
    "Russia",
    "Belarus",
    "S-400",
    "delivered",
    "Oct.",
    "25,",
    "2011",
    "ten",
    "batteries",
    "U.S.",
    ";",
    "Photo Courtesy:",
    "\n",
    "\r\n",
    "“",
    "”",
    "🚀",
    "é",
    "\u0301",
    "שלום",
    "<script>",
    "$1.5",
    "billion",
]

texts = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), min_size=1, max_size=60).map(" ".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_any_text_ingests_with_exact_offsets(tmp_path_factory, text):
    if not any(ch.isalnum() for ch in text):
        return  # the reader refuses such files before ingest; tested in test_reader
    path = tmp_path_factory.mktemp("p") / "lib.sqlite"
    with open_library(path, create=True) as lib:
        ingest(lib, parse(text, "t"))
        assert check.problems(lib) == []
        for c in queries.claims(lib, limit=None):
            assert text[c.quote_start : c.quote_end] == c.quote
            assert c.sentence_start <= c.quote_start < c.quote_end <= c.sentence_end
