"""A search result row shows the word that matched, even deep inside a long quote."""

from sourcebook.ui.claim_delegate import LEAD, _lead_to_first_match


def test_a_match_far_into_a_quote_is_brought_to_the_front():
    long_lead = "word " * 60
    segs = ((long_lead, False), ("manufactured", True), (" by Acme", False))
    out = _lead_to_first_match(segs)
    text = "".join(t for t, _ in out)
    assert text.startswith("…")
    assert ("manufactured", True) in out
    assert text.index("manufactured") <= LEAD + 2


def test_a_match_near_the_start_leaves_the_quote_whole():
    segs = (("The ", False), ("Foo-9", True), (" was built by Acme", False))
    assert _lead_to_first_match(segs) == segs
    assert _lead_to_first_match((("no match here", False),)) == (("no match here", False),)
