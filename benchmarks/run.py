"""Sourcebook's performance benchmark: the app against the machinery it stands on, in one run.

    python benchmarks/run.py --articles N [--seed S] [--repeat R] [--json] [--rebuild] [--xvfb]

Builds (or reuses, under benchmarks/data/) a synthetic library of N articles through the real
ingest pipeline, then measures, each against a baseline taken in the same run and interleaved
with it so that machine noise hits both:

* search through ``sourcebook.store.queries.search`` called as the app's search worker calls it
  (fact_sidebar: limit 200, totals, no sentences, the last word read as a prefix) against the
  same FTS5 work written by hand in plain sqlite3 on the same file (same MATCH, the count capped
  at the app's store.fts.COUNT_CAP, the same order — bm25, or newest first past the cap —, limit,
  highlight, and the columns of the rows shown);
* start-up of the app (process start to window shown; to first article rendered) against a bare
  PySide6 QMainWindow process (benchmarks/bare_window.py), and their peak RSS;
* the claim sidebar's first rows, a spec-sheet PDF of the system with the most claims, ingest
  speed (pinned to one core) and the file size per article.

Runs against whatever ``sourcebook`` is importable (the installed package), with nothing beyond
its own dependencies and the standard library. GUI processes run with QT_QPA_PLATFORM=offscreen,
or under xvfb-run with --xvfb. Prints one JSON object (--json), or a readable table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The fixed query mix, as typed into the search box (the app reads the last word as a prefix).
QUERIES = {
    "rare_word": "Otokar",
    "common_word": "delivered",
    "phrase": '"took delivery"',
    "prefix": "manufact*",
    "two_word_and": "Poland missile",
}
SIDEBAR_QUERY = "delivered"  # matches the most claims of any word (every delivered_to claim)
PAGE = 50  # the sidebar's page (ui.claim_model.PAGE)


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank, interpolated) of some numbers."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def r1(x: float) -> float:
    return round(x, 1)


def r3(x: float) -> float:
    return round(x, 3)


# -- the library ---------------------------------------------------------------------------------


def library_path(n: int, seed: int, data: Path) -> Path:
    return data / f"library-{n}-s{seed}.sqlite"


def build_or_reuse(n: int, seed: int, data: Path, rebuild: bool) -> tuple[Path, dict, bool]:
    """The library file and its build record ({'sentences', 'claims', 'ingest_sentences_per_s', ...})."""
    path = library_path(n, seed, data)
    record = path.with_suffix(".json")
    if not rebuild and path.exists() and record.exists():
        return path, json.loads(record.read_text()), True
    data.mkdir(parents=True, exist_ok=True)
    record.unlink(missing_ok=True)

    def one_core() -> None:  # ingest speed is asked of one core
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    out = subprocess.run(
        [
            sys.executable,
            str(HERE / "make_library.py"),
            "--articles",
            str(n),
            "--seed",
            str(seed),
            "--output",
            str(path),
        ],
        check=True,
        capture_output=True,
        text=True,
        preexec_fn=one_core,
    )
    built = json.loads(out.stdout.strip().splitlines()[-1])
    for suffix in ("-wal", "-shm"):  # fold the WAL in, so the file size is the library's size
        if Path(str(path) + suffix).exists():
            con = sqlite3.connect(path)
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.close()
            break
    record.write_text(json.dumps(built))
    return path, built, False


# -- search ----------------------------------------------------------------------------------------


def open_as_app(path: Path):  # type: ignore[no-untyped-def]
    """The library as the app opens it: read-only through store.quick.ReadLibrary (plain sqlite3)
    where this Sourcebook has it, else through store.library."""
    try:
        from sourcebook.store.quick import ReadLibrary
    except ImportError:
        from sourcebook.store.library import open_library

        return open_library(path)
    return ReadLibrary(path)


def count_cap() -> int:
    """The app's cap on counted matches (store.fts.COUNT_CAP); None in a Sourcebook without one."""
    try:
        from sourcebook.store.fts import COUNT_CAP
    except ImportError:  # an older Sourcebook: every match counted and ranked
        return None  # type: ignore[return-value]
    return COUNT_CAP


def raw_search(con: sqlite3.Connection, expr: str, limit: int = PAGE, cap: int | None = None) -> tuple[list, int]:
    """What the app's search needs, by hand: the claim count (up to ``cap``, as the app counts),
    claim hits with highlights — in bm25 order, or newest first (rowid descending) when more than
    ``cap`` match, as the app orders them — and the columns of the rows shown (claim, its article,
    sentence, subject and object kind), in one read transaction as the app reads them."""
    con.execute("BEGIN")
    if cap is None:
        total = con.execute("SELECT count(*) FROM claim_fts WHERE claim_fts MATCH ?", (expr,)).fetchone()[0]
        order = "ORDER BY bm25(claim_fts), rowid"
    else:
        total = con.execute(
            "SELECT count(*) FROM (SELECT 1 FROM claim_fts WHERE claim_fts MATCH ? LIMIT ?)", (expr, cap + 1)
        ).fetchone()[0]
        order = "ORDER BY rowid DESC" if total > cap else "ORDER BY bm25(claim_fts), rowid"
    hits = con.execute(
        "SELECT rowid, highlight(claim_fts, 3, char(2), char(3)) FROM claim_fts WHERE claim_fts MATCH ? "
        f"{order} LIMIT ?",
        (expr, limit),
    ).fetchall()
    ids = [h[0] for h in hits]
    rows = con.execute(
        f"""SELECT c.id, c.article_id, a.slug, a.title, a.credits, c.sentence_id, s.text, s.start, s."end",
                   c.subject_id, sub.name, sub.kind, c.predicate, c.object_id, obj.kind, c.object_text,
                   c.object_list, c.value, c.unit, c.qualifiers, c.quote, c.quote_start, c.quote_end, c.rule,
                   c.status
            FROM claim c JOIN article a ON a.id = c.article_id JOIN sentence s ON s.id = c.sentence_id
            JOIN entity sub ON sub.id = c.subject_id LEFT JOIN entity obj ON obj.id = c.object_id
            WHERE c.id IN ({",".join("?" * len(ids))})""",
        ids,
    ).fetchall()
    con.execute("COMMIT")
    return [(h, rows) for h in hits], total


def bench_search(path: Path, repeat: int) -> dict:
    from sourcebook.store import fts, queries
    from sourcebook.store.search_syntax import parse

    lib = open_as_app(path)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    typed = {k: as_you_type(q) for k, q in QUERIES.items()}
    exprs = {k: fts.render(parse(q)) for k, q in typed.items()}

    cap = count_cap()

    def app(k: str) -> list[int]:
        res = queries.search(lib, typed[k], limit=PAGE, offset=0, with_totals=True, sentences=False)
        return [h.claim.id for h in res.claims]

    def raw(k: str) -> list[int]:
        hits, _total = raw_search(con, exprs[k], cap=cap)
        return [h[0][0] for h in hits]

    for k in QUERIES:  # warm both (page cache, statement caches) and check they agree, row for row
        a, b = app(k), raw(k)
        if a != b:
            raise SystemExit(f"search and raw FTS disagree on {k}: {len(a)} vs {len(b)} rows, or their order")
    app_ms: dict[str, list[float]] = {k: [] for k in QUERIES}
    raw_ms: dict[str, list[float]] = {k: [] for k in QUERIES}
    for i in range(max(3, repeat * 4)):
        for k in QUERIES:
            order = (app, raw) if i % 2 == 0 else (raw, app)
            for fn in order:
                t = time.perf_counter()
                fn(k)
                (app_ms if fn is app else raw_ms)[k].append((time.perf_counter() - t) * 1000)
    firsts = {k: queries.search(lib, typed[k], limit=1, sentences=False) for k in QUERIES}
    totals = {
        k: con.execute("SELECT count(*) FROM claim_fts WHERE claim_fts MATCH ?", (exprs[k],)).fetchone()[0]
        for k in QUERIES
    }  # every match, for the report (the app counts up to the cap)
    lib.close()
    con.close()
    every_app = [x for v in app_ms.values() for x in v]
    every_raw = [x for v in raw_ms.values() for x in v]
    per_query = {
        k: {
            "query": QUERIES[k],
            "claims": totals[k],
            "order": getattr(firsts[k], "claim_order", "rank"),
            "app_ms": r3(statistics.median(app_ms[k])),
            "raw_ms": r3(statistics.median(raw_ms[k])),
        }
        for k in QUERIES
    }
    app_sum = sum(statistics.median(v) for v in app_ms.values())
    raw_sum = sum(statistics.median(v) for v in raw_ms.values())
    return {
        "search_p50_ms": r3(pct(every_app, 50)),
        "search_p95_ms": r3(pct(every_app, 95)),
        "raw_fts_p50_ms": r3(pct(every_raw, 50)),
        "raw_fts_p95_ms": r3(pct(every_raw, 95)),
        "search_ratio": r3(app_sum / raw_sum),  # the whole mix: sum of per-query medians, app / raw
        "search_ratio_p95": r3(pct(every_app, 95) / pct(every_raw, 95)),
        "search_queries": per_query,
        "search_count_cap": cap,
    }


def as_you_type(query: str) -> str:
    """The app's reading of a typed query (sourcebook.ui.fact_sidebar.as_you_type)."""
    try:
        from sourcebook.ui.fact_sidebar import as_you_type as app_reading
    except ImportError:  # pragma: no cover - no Qt: the same rule, inline
        import re

        if query.count('"') % 2 == 0 and re.search(r"(?:^|\s)\w+$", query) and query.split()[-1].upper() != "OR":
            return query + "*"
        return query
    return app_reading(query)


# -- in-process Qt: the sidebar and the spec sheet ---------------------------------------------


def bench_sidebar_and_sheet(path: Path, repeat: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from sourcebook.ingest.drafts import ENTITY_KINDS
    from sourcebook.sheets.model import build_sheet
    from sourcebook.sheets.printing import write_pdf
    from sourcebook.store import queries
    from sourcebook.ui.fact_sidebar import FactSidebar
    from sourcebook.ui.tasks import TaskRunner

    try:  # the app's own guard against PySide6 dropping references to None (see ui.app.pin_none)
        from sourcebook.ui.app import pin_none

        pin_none()
    except ImportError:  # an older Sourcebook
        pass
    app = QApplication.instance() or QApplication(["bench"])
    lib = open_as_app(path)
    runner = TaskRunner()
    side = FactSidebar(runner)
    side.resize(400, 800)
    side.show()
    side.set_library(lib, queries.predicates(lib), tuple(ENTITY_KINDS))
    first_article = queries.articles(lib, limit=1)[0].id

    def searched() -> float:
        loop = QEventLoop()
        side.searchFinished.connect(loop.quit)
        QTimer.singleShot(30000, loop.quit)
        t = time.perf_counter()
        side.set_query(SIDEBAR_QUERY)
        loop.exec()
        app.processEvents()
        ms = (time.perf_counter() - t) * 1000
        side.searchFinished.disconnect(loop.quit)
        side.set_query("")
        return ms

    def library_wide(sort: int) -> float:
        side.scope.setCurrentIndex(0)
        side.sort.setCurrentIndex(0)
        side.set_article(first_article)
        app.processEvents()
        t = time.perf_counter()
        side.scope.setCurrentIndex(1)  # all articles: every claim in the library
        if sort:
            side.sort.setCurrentIndex(sort)
        app.processEvents()
        ms = (time.perf_counter() - t) * 1000
        if side.model.rowCount() == 0:
            raise SystemExit("sidebar showed no rows for the whole library")
        return ms

    searched()
    library_wide(0)
    search_ms, all_ms, sorted_ms = [], [], []
    for _ in range(max(3, repeat)):
        search_ms.append(searched())
        all_ms.append(library_wide(0))
        sorted_ms.append(max(library_wide(s) for s in (1, 2, 3)))

    top = max(queries.systems(lib), key=lambda r: (r.claim_count, -r.id))
    pdf_ms = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(max(2, repeat) + 1):
            t = time.perf_counter()
            sheet = build_sheet(lib, top.id)
            write_pdf(sheet, Path(tmp) / "sheet.pdf", library_name=lib.name, generated="2025-01-01")
            if i:  # the first run pays for imports and fonts
                pdf_ms.append((time.perf_counter() - t) * 1000)
    runner.wait()
    side.close()
    lib.close()
    return {
        "sidebar_first_rows_ms": r1(statistics.median(search_ms)),
        "sidebar_all_claims_ms": r1(statistics.median(all_ms)),
        "sidebar_all_claims_sorted_ms": r1(statistics.median(sorted_ms)),
        "spec_pdf_ms": r1(statistics.median(pdf_ms)),
        "spec_system": top.name,
        "spec_system_claims": top.claim_count,
    }


# -- start-up and memory, in fresh processes ------------------------------------------------------

# Peak RSS is read by a small wrapper process: a child forked from this (large) process would
# start with this process's resident pages counted in its ru_maxrss.
_WRAP = """import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
sys.stderr.write("peak_rss_kb %d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
raise SystemExit(code)"""


def _timed_process(cmd: list[str], env: dict[str, str]) -> tuple[dict[str, float], float]:
    """Run a GUI process; its probe lines (event seconds, as ms) and its peak RSS in MB."""
    p = subprocess.run(
        [sys.executable, "-c", _WRAP, *cmd], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    events, rss_kb = {}, 0.0
    for line in p.stderr.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("window_shown", "content_rendered", "library_loaded"):
            events[parts[0]] = float(parts[1]) * 1000
        elif len(parts) == 2 and parts[0] == "peak_rss_kb":
            rss_kb = float(parts[1])
    if p.returncode != 0 or "window_shown" not in events:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr}")
    return events, rss_kb / 1024


def bench_startup(path: Path, repeat: int, xvfb: bool) -> dict:
    settings = Path(tempfile.mkdtemp(prefix="sourcebook-bench-"))
    env = dict(
        os.environ, SOURCEBOOK_SETTINGS_DIR=str(settings), SOURCEBOOK_STARTUP_PROBE="1", XDG_CONFIG_HOME=str(settings)
    )
    # Start-up is measured as installed (pip compiles every module): let the warm-up runs write the
    # bytecode a source checkout lacks, rather than compile the app's modules on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    prefix: list[str] = []
    if xvfb:
        env.pop("QT_QPA_PLATFORM", None)
        prefix = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24"]
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    app_cmd = [*prefix, sys.executable, "-m", "sourcebook", "--db", str(path)]
    bare_cmd = [*prefix, sys.executable, str(HERE / "bare_window.py")]
    rendered_env = dict(env, SOURCEBOOK_QUIT_AFTER_RENDER="1")
    loaded_env = dict(env, SOURCEBOOK_QUIT_AFTER_LOAD="1")
    win, content, bare, rss, bare_rss = [], [], [], [], []
    try:
        _timed_process(bare_cmd, env)  # warm the page cache for both
        _timed_process(app_cmd, rendered_env)
        for i in range(max(3, repeat * 2)):
            runs = [("bare", bare_cmd, env), ("app", app_cmd, rendered_env), ("loaded", app_cmd, loaded_env)]
            if i % 2:
                runs.reverse()
            for kind, cmd, e in runs:
                events, peak = _timed_process(cmd, e)
                if kind == "bare":
                    bare.append(events["window_shown"])
                    bare_rss.append(peak)
                elif kind == "app":
                    win.append(events["window_shown"])
                    content.append(events["content_rendered"])
                else:
                    rss.append(peak)  # the app with its library fully open (the ORM too), not just painted
    finally:
        shutil.rmtree(settings, ignore_errors=True)
    bw = statistics.median(bare)
    return {
        "startup_window_ms": r1(statistics.median(win)),
        "startup_content_ms": r1(statistics.median(content)),
        "bare_window_ms": r1(bw),
        "startup_window_ratio": r3(statistics.median(win) / bw),
        "startup_content_ratio": r3(statistics.median(content) / bw),
        "rss_mb": r1(statistics.median(rss)),
        "bare_rss_mb": r1(statistics.median(bare_rss)),
        "rss_over_bare_mb": r1(statistics.median(rss) - statistics.median(bare_rss)),
        "display": "xvfb-run" if xvfb else "QT_QPA_PLATFORM=offscreen",
    }


# -- all of it ------------------------------------------------------------------------------------


def run(n: int, seed: int, repeat: int, data: Path, rebuild: bool, xvfb: bool) -> dict:
    path, built, reused = build_or_reuse(n, seed, data, rebuild)
    out: dict = {
        "articles": n,
        "seed": seed,
        "repeat": repeat,
        "library": str(path),
        "library_reused": reused,
        "sentences": built["sentences"],
        "claims": built["claims"],
        "ingest_sentences_per_s": built["ingest_sentences_per_s"],
        "ingest_seconds": built["seconds"],
        "file_bytes_per_article": round(path.stat().st_size / max(n, 1)),
    }
    out.update(bench_search(path, repeat))
    out.update(bench_startup(path, repeat, xvfb))  # before this process starts Qt and its threads
    out.update(bench_sidebar_and_sheet(path, repeat))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5, help="rounds of each measurement (medians are reported)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--rebuild", action="store_true", help="build the library even if one is there")
    ap.add_argument("--data", type=Path, default=HERE / "data", help="where libraries are kept")
    ap.add_argument("--xvfb", action="store_true", help="run GUI processes under xvfb-run, not offscreen")
    a = ap.parse_args()
    if a.xvfb and not shutil.which("xvfb-run"):
        ap.error("--xvfb: xvfb-run is not installed")
    result = run(a.articles, a.seed, a.repeat, a.data, a.rebuild, a.xvfb)
    if a.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:32} {json.dumps(v)}")
    sys.stdout.flush()
    sys.stderr.flush()
    # PySide6 can crash while tearing down widgets at interpreter exit; the figures are out by now
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
