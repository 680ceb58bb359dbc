"""Run parse -> extract on every .txt of a folder and write the claims as the app exports them.

PYTHONPATH=src python scripts/eval_dev.py ARTICLES_DIR --out claims.jsonl
python3 score.py --articles ARTICLES_DIR --gold GOLD_DIR --pred claims.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))  # a source checkout runs without PYTHONPATH

from sourcebook.ingest.drafts import Extraction  # noqa: E402
from sourcebook.ingest.extract import extract  # noqa: E402
from sourcebook.ingest.reader import parse  # noqa: E402


def rows(slug: str, text: str, ex: Extraction) -> list[dict]:
    out = []
    for c in ex.claims:
        s = ex.sentences[c.sentence]
        out.append(
            {
                "article": slug,
                "subject": c.subject.name,
                "predicate": c.predicate,
                "object": [o.name for o in c.object_list] if c.object_list is not None else c.object_text,
                "qualifiers": c.qualifiers,
                "sentence": text[s.start : s.end],
                "sentence_start": s.start,
                "sentence_end": s.end,
                "quote": text[c.quote_start : c.quote_end],
                "quote_start": c.quote_start,
                "quote_end": c.quote_end,
                "rule": c.rule,
                "status": "extracted",
            }
        )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--out", type=Path, default=None, help="claims JSONL (default: standard output)")
    a = ap.parse_args()
    lines = []
    for path in sorted(a.folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines += [json.dumps(r, ensure_ascii=False) for r in rows(path.stem, text, extract(parse(text, path.stem)))]
    data = "\n".join(lines) + ("\n" if lines else "")
    if a.out:
        a.out.write_text(data, encoding="utf-8")
    else:
        sys.stdout.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
