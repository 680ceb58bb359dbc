"""The benchmark runs end to end on a tiny library and reports every figure (no timings asserted)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

import sourcebook

ROOT = Path(__file__).resolve().parents[1]
FIELDS = (
    "sentences",
    "claims",
    "ingest_sentences_per_s",
    "search_p50_ms",
    "search_p95_ms",
    "raw_fts_p50_ms",
    "raw_fts_p95_ms",
    "search_ratio",
    "sidebar_first_rows_ms",
    "spec_pdf_ms",
    "startup_window_ms",
    "startup_content_ms",
    "bare_window_ms",
    "startup_window_ratio",
    "startup_content_ratio",
    "rss_mb",
    "bare_rss_mb",
    "file_bytes_per_article",
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for process start and memory")
def test_benchmark_reports_every_field(tmp_path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(
            [str(Path(sourcebook.__file__).resolve().parents[1]), os.environ.get("PYTHONPATH", "")]
        ),
    )
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--articles",
            "5",
            "--json",
            "--repeat",
            "1",
            "--data",
            str(tmp_path),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    for name in FIELDS:
        assert name in result, name
        value = result[name]
        assert isinstance(value, (int, float)) and not isinstance(value, bool), (name, value)
        assert math.isfinite(value) and value >= 0, (name, value)
    assert result["articles"] == 5 and result["sentences"] > 0 and result["claims"] > 0
    assert (tmp_path / "library-5-s1.sqlite").exists()
