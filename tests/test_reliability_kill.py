"""Promise: an ingest killed with SIGKILL at any moment leaves a whole library, and re-running it
completes the job with no duplicates. Real processes, really killed, at random moments."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sourcebook.store import check, queries
from sourcebook.store.library import open_library

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import write_articles  # noqa: E402


def ingest_cmd(files, db):
    return [sys.executable, "-m", "sourcebook", "ingest", *map(str, files), "--db", str(db)]


def state(db: Path) -> dict[str, tuple[int, int]]:
    """Each article's (sentences, claims) as stored."""
    with open_library(db) as lib:
        assert check.problems(lib) == []
        out = {}
        for row in queries.articles(lib, limit=10_000):
            view = queries.article(lib, row.id)
            out[row.slug] = (len(view.sentences), row.claim_count)
        return out


def export(db: Path) -> list[tuple]:
    with open_library(db) as lib:
        return sorted(
            (c.article_slug, c.predicate, c.subject, str(c.object), c.quote_start, c.quote_end)
            for c in queries.iter_claims(lib)
        )


@pytest.mark.slow
def test_killed_ingest_leaves_whole_articles_and_resumes_without_duplicates(tmp_path, request):
    kills = request.config.getoption("--kills")
    files = write_articles(tmp_path / "articles", 40, seed=7)
    reference = tmp_path / "reference.sqlite"
    t0 = time.monotonic()
    subprocess.run(ingest_cmd(files, reference), check=True, capture_output=True)
    full_time = time.monotonic() - t0
    expected = state(reference)
    rng = random.Random(1234)
    partial_seen = 0
    for k in range(kills):
        db = tmp_path / f"killed-{k}.sqlite"
        proc = subprocess.Popen(ingest_cmd(files, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, full_time))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if not db.exists():
            continue  # killed before the library was made: nothing to lose
        got = state(db)
        partial_seen += 0 < len(got) < len(files)
        for slug, counts in got.items():
            assert counts == expected[slug], f"kill {k}: article {slug} is only partly stored"
        subprocess.run(ingest_cmd(files, db), check=True, capture_output=True)
        assert export(db) == export(reference), f"kill {k}: re-running the ingest did not give the same library"
    if kills >= 8:
        assert partial_seen, "no kill landed in the middle of an ingest; the test proved nothing"
