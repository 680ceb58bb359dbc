"""Property: any text goes through parse and extract without error, with every offset in range."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcebook.ingest.extract import extract
from sourcebook.ingest.reader import parse

WORDS = st.sampled_from(
    [
        "Russia",
        "bought",
        "S-400",
        "from",
        "the",
        "U.S.",
        "Oct.",
        "25",
        "four",
        "batteries",
        ";",
        "(",
        ")",
        "“",
        "”",
        ".",
        ",",
        "\n",
        "\r\n",
        "\t",
        "Tor-M2",
        "is a",
        "fighter",
        "2019",
        "delivered to",
        "Belarusian",
        "up to",
        "km",
        "$1.5 billion",
        "–",
        ":",
        "accord",
        "🇺🇦",
        "e\u0301",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_extract_never_raises_and_offsets_are_inside(text: str) -> None:
    ex = extract(parse(text, "x"))
    n = len(text)
    for s in ex.sentences:
        assert 0 <= s.start < s.end <= n
    for m in ex.mentions:
        s = ex.sentences[m.sentence]
        assert s.start <= m.start < m.end <= s.end
    for c in ex.claims:
        s = ex.sentences[c.sentence]
        assert s.start <= c.quote_start < c.quote_end <= s.end


def test_extract_is_deterministic() -> None:
    text = "Title\n\nRussia delivered four S-400 batteries to Turkey in 2019. The system has a range of 400 km."
    a, b = extract(parse(text, "x")), extract(parse(text, "x"))
    assert [(c.predicate, c.subject, c.quote_start, c.qualifiers) for c in a.claims] == [
        (c.predicate, c.subject, c.quote_start, c.qualifiers) for c in b.claims
    ]
