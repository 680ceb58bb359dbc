"""`sourcebook ingest FILE... --db PATH`: add articles to a library, each in its own transaction."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sourcebook.cli.common import add_db


def add_parser(sub) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("ingest", help="add plain-text articles to a library (made if missing)")
    p.add_argument("files", nargs="+", metavar="FILE")
    add_db(p, required=True)


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from sourcebook.errors import InputError
    from sourcebook.ingest.pipeline import ingest_path
    from sourcebook.store.library import open_library

    files = [Path(f) for f in args.files]
    skipped = 0
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    with open_library(Path(args.db), write=True, create=True) as lib:
        bar = tqdm(files, unit="file", file=sys.stderr, disable=len(files) < 2, leave=False)
        for f in bar:
            try:
                outcome = ingest_path(lib, f, warn=lambda w: bar.write(f"sourcebook: warning: {w}", file=sys.stderr))
            except InputError as e:
                skipped += 1
                bar.write(f"sourcebook: skipped {e}", file=sys.stderr)
                continue
            counts[outcome.action] += 1
    summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n) or "nothing added"
    print(f"{args.db}: {summary}" + (f", {skipped} skipped" if skipped else ""), file=sys.stderr)
    return 1 if skipped else 0
