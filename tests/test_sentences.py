"""The sentence splitter: hard cases of news prose, exact offsets whatever the characters."""

from __future__ import annotations

import pytest

from sourcebook.ingest.drafts import BlockDraft
from sourcebook.ingest.reader import parse
from sourcebook.ingest.sentences import split


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split(text, [BlockDraft("paragraph", 0, len(text))])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Oct. 25, the deal was signed. It took a year.", ["On Oct. 25, the deal was signed.", "It took a year."]),
        ("The U.S. Army got radars. The U.S. Navy did not.", ["The U.S. Army got radars.", "The U.S. Navy did not."]),
        (
            "The jets came from the U.S. The first flew in May.",
            ["The jets came from the U.S.", "The first flew in May."],
        ),
        ("Brig. Gen. Ann Lee spoke. Maj. Gen. Roe followed.", ["Brig. Gen. Ann Lee spoke.", "Maj. Gen. Roe followed."]),
        ("Launcher No. 3 failed. No. 4 fired.", ["Launcher No. 3 failed.", "No. 4 fired."]),
        ("It runs Sept. 12-27 in Latvia. Ten nations join.", ["It runs Sept. 12-27 in Latvia.", "Ten nations join."]),
        (
            "It costs $1.5 billion, or 2.245 trillion won. Fine.",
            ["It costs $1.5 billion, or 2.245 trillion won.", "Fine."],
        ),
        ("Analyst J. R. Smith disagreed. Others agreed.", ["Analyst J. R. Smith disagreed.", "Others agreed."]),
        ("“It works,” he said. “We buy more.”", ["“It works,” he said.", "“We buy more.”"]),
        ("The tanks (built in 1985.) were upgraded. Done.", ["The tanks (built in 1985.) were upgraded.", "Done."]),
        ("He paused... then went on. The rest… was silence.", ["He paused... then went on.", "The rest… was silence."]),
        ("Russia sold; Belarus paid. Both gained.", ["Russia sold; Belarus paid.", "Both gained."]),
    ],
)
def test_hard_cases_split_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_are_exact_with_crlf_tabs_emoji_and_combining_marks() -> None:
    text = "Title line\r\n\r\n\tCafe\u0301 🇺🇦 got drones.  Then   more came!\r\nSecond para. Yes.\r\n"
    article = parse(text, "x")
    got = split(text, article.blocks)
    assert [text[s.start : s.end] for s in got] == [
        "Title line",
        "Cafe\u0301 🇺🇦 got drones.",
        "Then   more came!",
        "Second para.",
        "Yes.",
    ]
    for s in got:
        assert text[s.start : s.end] == text[s.start : s.end].strip()


def test_a_title_or_credit_block_is_one_sentence() -> None:
    text = "Big news. Really. Yes\n\nPhoto Courtesy: A. B. Agency. Ltd.\n\nBody here. More."
    article = parse(text, "x")
    got = split(text, article.blocks)
    assert [text[s.start : s.end] for s in got][:2] == ["Big news. Really. Yes", "Photo Courtesy: A. B. Agency. Ltd."]
    assert [got[0].block, got[1].block, got[2].block] == [0, 1, 2]


def test_empty_and_whitespace_blocks_give_no_sentences() -> None:
    assert split("   ", [BlockDraft("paragraph", 0, 3)]) == []
