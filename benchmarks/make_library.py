"""Make a deterministic synthetic library of N articles through the real ingest pipeline.

    python benchmarks/make_library.py --articles 1000 --seed 1 [--output PATH]

Prints one JSON object: articles, sentences, claims, seconds, ingest_sentences_per_s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import Vocabulary, article  # noqa: E402

from sourcebook.ingest.pipeline import ingest  # noqa: E402
from sourcebook.ingest.reader import parse  # noqa: E402
from sourcebook.store.library import open_library  # noqa: E402


def default_path(n: int, seed: int) -> Path:
    return Path(__file__).resolve().parent / "data" / f"library-{n}-s{seed}.sqlite"


def make(n: int, seed: int, output: Path) -> dict:
    output.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(output) + suffix).unlink(missing_ok=True)
    v = Vocabulary()
    sentences = claims = 0
    t0 = time.perf_counter()
    with open_library(output, create=True) as lib:
        for i in range(n):
            slug, text = article(seed, i, v)
            out = ingest(lib, parse(text, slug))
            sentences += out.sentences
            claims += out.claims
    seconds = time.perf_counter() - t0
    return {
        "articles": n,
        "sentences": sentences,
        "claims": claims,
        "seconds": round(seconds, 2),
        "ingest_sentences_per_s": round(sentences / seconds, 1),
        "file_bytes_per_article": round(output.stat().st_size / max(n, 1)),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--output", type=Path)
    a = ap.parse_args()
    print(json.dumps(make(a.articles, a.seed, a.output or default_path(a.articles, a.seed))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
