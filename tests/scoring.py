"""A small claim matcher for the extraction tests (the shared scorer may be absent in CI).

It follows the eval README's matching rules: same predicate, subject and object naming the
same thing (token sets, one inside the other, demonyms folded, a model number never dropped),
a gold year equal, a capability's value and attribute equal, and the cited sentence the gold
one (or one of its ``alt_sentences``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcebook.ingest.drafts import Extraction
from sourcebook.ingest.gazetteer import gazetteer

STOP = {"the", "a", "an", "of", "s", "and", "its", "for", "to", "in", "on", "by", "federation", "republic"}
GENERIC = {"exercise", "exercises", "system", "systems", "accord", "agreement", "agreements"}
YEAR = re.compile(r"^(1[89]|20)\d\d$")


def tokens(name: Any) -> set[str]:
    text = str(name).lower().replace("’", "'").replace("'s", "")
    demonyms = gazetteer().demonyms
    out: set[str] = set()
    for tok in re.split(r"[^0-9a-z]+", text):
        if not tok or tok in STOP:
            continue
        for t in demonyms.get(tok, tok).lower().split():
            if len(t) > 3 and t.endswith("s") and not t.endswith("ss") and not any(c.isdigit() for c in t):
                t = t[:-1]
            out.add(t)
    return out


def same_name(gold: Any, pred: Any) -> bool:
    def forms(n: Any) -> list[str]:
        n = str(n)
        inner = re.findall(r"\(([^()]+)\)", n)
        return [n, re.sub(r"\([^()]*\)", " ", n), *inner] if inner else [n]

    return any(_same(g, p) for g in forms(gold) for p in forms(pred))


def _same(gold: str, pred: str) -> bool:
    g, p = tokens(gold), tokens(pred)
    if not g or not p:
        return False
    small, large = (g, p) if len(g) <= len(p) else (p, g)
    if not small <= large:
        return False
    if any(any(c.isdigit() for c in t) and not YEAR.match(t) and t not in small for t in large):
        return False
    if any(any(c.isdigit() for c in t) and not YEAR.match(t) for t in small):
        return True
    content = {t for t in large if not YEAR.match(t) and t not in GENERIC} or large
    return len(small & content) / len(content) >= 0.5 or small == large


def _year(q: dict) -> int | None:
    for key in ("year", "date"):
        m = re.search(r"(1[89]|20)\d\d", str(q.get(key, "")))
        if m:
            return int(m.group(0))
    return None


def _parties(obj: Any) -> list[str]:
    if isinstance(obj, list):
        return [str(x) for x in obj]
    return [x for x in re.split(r",|;|/|\band\b", str(obj)) if x.strip()]


def same_fact(gold: dict, pred: dict) -> bool:
    if gold["predicate"] != pred["predicate"] or not same_name(gold["subject"], pred["subject"]):
        return False
    gq, pq = gold.get("qualifiers") or {}, pred.get("qualifiers") or {}
    gy = _year(gq)
    if gy is not None and _year(pq) != gy:
        return False
    if gold["predicate"] == "capability":
        gv, pv = gq.get("value"), pq.get("value")
        if gv is not None and (pv is None or abs(float(gv) - float(pv)) > 0.01 * max(abs(float(gv)), 1)):
            return False
        attr = gq.get("attribute")
        return not attr or same_name(attr, pq.get("attribute", "")) or same_name(attr, pred.get("object", ""))
    if gold.get("object") in ("", None, []):
        return True
    pp = _parties(pred.get("object", ""))
    return all(any(same_name(g, p) for p in pp) for g in _parties(gold["object"]))


def _same_sentence(gold: str, pred: str) -> bool:
    g, p = " ".join(gold.replace("’", "'").split()), " ".join(pred.replace("’", "'").split())
    short, long_ = sorted((g, p), key=len)
    return g == p or (bool(short) and short in long_ and len(short) / len(long_) >= 0.6)


def claim_rows(text: str, ex: Extraction) -> list[dict]:
    rows = []
    for c in ex.claims:
        s = ex.sentences[c.sentence]
        obj = [o.name for o in c.object_list] if c.object_list is not None else c.object_text
        rows.append(
            {
                "subject": c.subject.name,
                "predicate": c.predicate,
                "object": obj,
                "qualifiers": c.qualifiers,
                "sentence": text[s.start : s.end],
                "rule": c.rule,
            }
        )
    return rows


@dataclass
class Score:
    gold: int
    predicted: int
    correct: int
    missed: list[dict]
    wrong: list[dict]

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(golds: list[dict], preds: list[dict]) -> Score:
    """Provenance matching: fact and sentence right; a restatement of a matched fact from another
    of its sentences is left out of precision (corroboration)."""

    def fits(g: dict, p: dict) -> bool:
        return same_fact(g, p) and any(
            _same_sentence(x, p["sentence"]) for x in [g["sentence"], *g.get("alt_sentences", [])]
        )

    used: set[int] = set()
    missed = []
    for g in golds:
        hit = next((i for i, p in enumerate(preds) if i not in used and fits(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
    redundant = [i for i, p in enumerate(preds) if i not in used and any(fits(g, p) for g in golds)]
    wrong = [p for i, p in enumerate(preds) if i not in used and i not in redundant]
    return Score(len(golds), len(preds) - len(redundant), len(used), missed, wrong)


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
