"""Compare sentence splitters on hard cases of defence-news prose, for correctness and speed.

    PYTHONPATH=src python benchmarks/sentence_splitters.py [--repeat N]

Each case is a paragraph and the sentences it should give. A case counts as right when the
splitter returns exactly those sentences (white space at the ends ignored) and, where the
splitter gives offsets, they point at the sentence. Speed is sentences per second over all
cases repeated. pysbd, syntok and spaCy (rule-based ``sentencizer``, no model) are tried when
they can be imported; a missing one is reported, not fatal.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from sourcebook.ingest.drafts import BlockDraft
from sourcebook.ingest.sentences import split

CASES: list[tuple[str, list[str]]] = [
    (
        "On Oct. 25, the ministry signed the deal. Deliveries start next year.",
        ["On Oct. 25, the ministry signed the deal.", "Deliveries start next year."],
    ),
    (
        "The U.S. Army received the radars. The U.S. Navy did not.",
        ["The U.S. Army received the radars.", "The U.S. Navy did not."],
    ),
    (
        "The missiles were bought from the U.S. The first arrived in May.",
        ["The missiles were bought from the U.S.", "The first arrived in May."],
    ),
    (
        "Brig. Gen. Anna Kowalski spoke first. Maj. Gen. Lee followed.",
        ["Brig. Gen. Anna Kowalski spoke first.", "Maj. Gen. Lee followed."],
    ),
    ("Gen. Ivanov said the unit was ready. It was not.", ["Gen. Ivanov said the unit was ready.", "It was not."]),
    ("Launcher No. 3 failed. Launcher No. 4 fired twice.", ["Launcher No. 3 failed.", "Launcher No. 4 fired twice."]),
    (
        "The drill runs Sept. 12-27 in three countries. Ten nations take part.",
        ["The drill runs Sept. 12-27 in three countries.", "Ten nations take part."],
    ),
    (
        "The sale is worth $1.5 billion. A second tranche of 2.245 billion follows.",
        ["The sale is worth $1.5 billion.", "A second tranche of 2.245 billion follows."],
    ),
    ("Analyst J. R. Smith disagreed. Others agreed.", ["Analyst J. R. Smith disagreed.", "Others agreed."]),
    (
        "“The radar works well,” he said. “We will buy more.”",
        ["“The radar works well,” he said.", "“We will buy more.”"],
    ),
    ("“Is it ready?” she asked. Nobody answered.", ["“Is it ready?” she asked.", "Nobody answered."]),
    (
        "The tanks (built in 1985) were upgraded. The work (all of it.) took a year.",
        ["The tanks (built in 1985) were upgraded.", "The work (all of it.) took a year."],
    ),
    (
        "He paused... then continued. The rest… was silence. End.",
        ["He paused... then continued.", "The rest… was silence.", "End."],
    ),
    (
        "Russia supplied the launchers; Belarus paid for them. Both sides were pleased.",
        ["Russia supplied the launchers; Belarus paid for them.", "Both sides were pleased."],
    ),
    (
        "The contract went to Lockheed Martin Corp. The company declined to comment.",
        ["The contract went to Lockheed Martin Corp.", "The company declined to comment."],
    ),
    (
        "Raytheon Co. said it would deliver the radars by 2026.",
        ["Raytheon Co. said it would deliver the radars by 2026."],
    ),
    (
        "Why now? Because the old S-300 batteries are worn out!",
        ["Why now?", "Because the old S-300 batteries are worn out!"],
    ),
    (
        "The F-15ID is an Indonesian variant, e.g. with new radar. It flies in 2027.",
        ["The F-15ID is an Indonesian variant, e.g. with new radar.", "It flies in 2027."],
    ),
    ("Speed: Mach 2.3.\tRange: 3,000 km. Crew: two.", ["Speed: Mach 2.3.", "Range: 3,000 km.", "Crew: two."]),
    ("Ukraine 🇺🇦 got the drones. Café owners cheered.", ["Ukraine 🇺🇦 got the drones.", "Café owners cheered."]),
    (
        "The sale was approved on Dec. 3, 2021. Congress was notified.",
        ["The sale was approved on Dec. 3, 2021.", "Congress was notified."],
    ),
    (
        "It was signed at 10 a.m. The ceremony lasted an hour.",
        ["It was signed at 10 a.m.", "The ceremony lasted an hour."],
    ),
    ("Col. Petrov (ret.) said so. St. Petersburg agreed.", ["Col. Petrov (ret.) said so.", "St. Petersburg agreed."]),
    (
        'The ministry said: "Deliveries are complete." Training starts in June.',
        ['The ministry said: "Deliveries are complete."', "Training starts in June."],
    ),
]


def ours(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split(text, [BlockDraft("paragraph", 0, len(text))])]


def _spans_from_strings(text: str, parts: list[str]) -> list[tuple[int, int]]:
    """Offsets of sentences a library returns as strings, found left to right."""
    spans, pos = [], 0
    for p in parts:
        p = p.strip()
        if not p:
            continue
        i = text.find(p, pos)
        if i < 0:
            spans.append((-1, -1))
            continue
        spans.append((i, i + len(p)))
        pos = i + len(p)
    return spans


def make_pysbd() -> Callable[[str], list[tuple[int, int]]]:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [(s.start, s.start + len(s.sent.rstrip())) for s in seg.segment(text)]


def make_syntok() -> Callable[[str], list[tuple[int, int]]]:
    import syntok.segmenter as segmenter

    def run(text: str) -> list[tuple[int, int]]:
        out = []
        for para in segmenter.analyze(text):
            for sent in para:
                out.append((sent[0].offset, sent[-1].offset + len(sent[-1].value)))
        return out

    return run


def make_spacy() -> Callable[[str], list[tuple[int, int]]]:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return lambda text: [(s.start_char, s.end_char) for s in nlp(text).sents]


def score(fn: Callable[[str], list[tuple[int, int]]], repeat: int) -> tuple[int, float, list[str]]:
    right, wrong = 0, []
    for text, expected in CASES:
        got = [text[s:e].strip() for s, e in fn(text)]
        if got == expected:
            right += 1
        else:
            wrong.append(f"    {text[:50]!r} -> {got}")
    n_sent = sum(len(e) for _, e in CASES) * repeat
    t0 = time.perf_counter()
    for _ in range(repeat):
        for text, _ in CASES:
            fn(text)
    return right, n_sent / (time.perf_counter() - t0), wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args()
    makers = {
        "sourcebook rules": lambda: ours,
        "pysbd 0.3": make_pysbd,
        "syntok 1.4": make_syntok,
        "spaCy sentencizer": make_spacy,
    }
    print(f"{'splitter':22} {'right':>9} {'sentences/s':>12}")
    for name, make in makers.items():
        try:
            fn = make()
        except ImportError as e:
            print(f"{name:22} {'not installed (' + str(e.name) + ')':>22}")
            continue
        right, speed, wrong = score(fn, a.repeat)
        print(f"{name:22} {right:>4} / {len(CASES):<3} {speed:>12,.0f}")
        if a.show_errors:
            print("\n".join(wrong))


if __name__ == "__main__":
    main()
