"""`sourcebook check`: is this library whole? Exit 0 when it is, 1 with a report when it is not."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from sourcebook.cli.common import add_db, count


def add_parser(sub) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("check", help="check a library's integrity, foreign keys, offsets and search index")
    add_db(p)
    p.add_argument("--repair", action="store_true", help="rebuild the search index (needs --db)")


def run(args: argparse.Namespace) -> int:
    from sourcebook.cli.common import open_for_reading
    from sourcebook.errors import SourcebookError
    from sourcebook.store import check, queries
    from sourcebook.store.library import open_library

    if args.repair:
        if not args.db:
            raise SourcebookError("--repair needs --db PATH: the bundled library is never modified")
        with open_library(args.db, write=True) as lib:
            check.repair(lib)
        print(f"{args.db}: search index rebuilt", file=sys.stderr)
    with open_for_reading(args.db) as lib:
        found = check.problems(lib)
        if not found:
            s = queries.summary(lib)
            print(
                f"{lib.path}: ok ({count(s.articles, 'article')}, {count(s.sentences, 'sentence')}, {count(s.claims, 'claim')}; "
                f"integrity, foreign keys, offsets and search index checked)"
            )
            return 0
    print(f"{lib.path}: {len(found)} problems", file=sys.stderr)
    for p in found[:50]:
        print(f"  {p.kind}: {p.message}", file=sys.stderr)
    if len(found) > 50:
        print(f"  ... and {len(found) - 50} more", file=sys.stderr)
    for kind in Counter(p.kind for p in found):
        print(f"what to do ({kind}): {check.FIXES[kind]}", file=sys.stderr)
    return 1
