"""The held-out set: our own defence-news articles with hand-made gold claims (tests/data/extraction).

The rules are scored on real articles they have never seen, so this set guards generalisation:
provenance F1 (fact and cited sentence both right) must stay above a floor, overall and per article.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scoring import Score, claim_rows, load_gold, score

from sourcebook.ingest.extract import extract
from sourcebook.ingest.reader import parse

DATA = Path(__file__).parent / "data" / "extraction"
NAMES = sorted(p.stem for p in (DATA / "gold").glob("*.jsonl"))
VOCAB = {
    "type",
    "manufacturer",
    "developer",
    "operator",
    "origin",
    "delivered_to",
    "contract_signed",
    "agreement",
    "capability",
    "exercise",
    "deployed_to",
}


def _score(name: str) -> Score:
    text = (DATA / "articles" / f"{name}.txt").read_text(encoding="utf-8")
    preds = [p for p in claim_rows(text, extract(parse(text, name))) if p["predicate"] in VOCAB]
    return score(load_gold(DATA / "gold" / f"{name}.jsonl"), preds)


def test_the_held_out_set_is_there() -> None:
    assert len(NAMES) >= 12
    for name in NAMES:
        assert (DATA / "articles" / f"{name}.txt").exists()


def test_held_out_provenance_f1_stays_above_the_floor() -> None:
    scores = [_score(n) for n in NAMES]
    correct = sum(s.correct for s in scores)
    gold = sum(s.gold for s in scores)
    predicted = sum(s.predicted for s in scores)
    p, r = correct / predicted, correct / gold
    f1 = 2 * p * r / (p + r)
    report = "\n".join(
        f"{n}: missed {[(m['predicate'], m['subject'], m['object']) for m in s.missed]}; "
        f"wrong {[(w['predicate'], w['subject'], w['object'], w['rule']) for w in s.wrong]}"
        for n, s in zip(NAMES, scores, strict=True)
        if s.missed or s.wrong
    )
    assert f1 >= 0.93, f"held-out provenance F1 {f1:.3f} (P={p:.3f} R={r:.3f})\n{report}"
    assert p >= 0.97, f"held-out precision {p:.3f}: junk claims\n{report}"


@pytest.mark.parametrize("name", NAMES)
def test_each_held_out_article_is_mostly_right(name: str) -> None:
    s = _score(name)
    assert s.f1 >= 0.75, (s.f1, s.missed, s.wrong)
