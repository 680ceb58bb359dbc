"""`sourcebook build`: make the bundled library anew from the seed articles."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from sourcebook.cli.common import count


def add_parser(sub) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("build", help="rebuild the bundled library from seeds/")
    p.add_argument("--seeds", default="seeds", metavar="DIR", help="folder of .txt articles (default: seeds)")
    p.add_argument(
        "--output",
        default="resources/sourcebook.sqlite",
        metavar="PATH",
        help="library to write (default: resources/sourcebook.sqlite)",
    )


def build_time() -> datetime:
    """SOURCE_DATE_EPOCH when set, so that a build can be repeated to the byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def run(args: argparse.Namespace) -> int:
    from sourcebook.errors import InputError
    from sourcebook.fileio import temporary_beside
    from sourcebook.ingest.pipeline import ingest_path
    from sourcebook.store.library import open_library

    seeds = Path(args.seeds)
    if not seeds.is_dir():
        raise InputError(f"{seeds}: no such folder of seed articles")
    files = sorted(seeds.glob("*.txt"))
    if not files:
        raise InputError(f"{seeds}: no .txt articles in the folder")
    out = Path(args.output)
    now = build_time()
    claims = 0
    with temporary_beside(out) as tmp:
        tmp.unlink()
        with open_library(tmp, create=True) as lib:
            for f in files:
                claims += ingest_path(lib, f, now=now).claims
            lib.make_self_contained()
    print(f"built {out}: {count(len(files), 'article')}, {count(claims, 'claim')}", file=sys.stderr)
    return 0
