"""`sourcebook search QUERY`: full-text over claims and sentences, best first (newest first past
store.fts.COUNT_CAP matches, counted as "10,000+"), matches marked."""

from __future__ import annotations

import argparse
import json
import sys

from sourcebook.cli.common import add_db


def add_parser(sub) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("search", help="full-text search over claims and sentences")
    p.add_argument("query", help='words, "a phrase", or a prefix*; any text is a valid query')
    add_db(p)
    p.add_argument("--limit", type=int, default=20, metavar="N", help="results of each kind (default 20)")
    p.add_argument("--json", action="store_true", help="print the matching claims as a JSON array")


def _marked(segments, tty: bool) -> str:  # type: ignore[no-untyped-def]
    on, off = ("\x1b[1;4m", "\x1b[0m") if tty else ("[", "]")
    return "".join(f"{on}{t}{off}" if m else t for t, m in segments)


def run(args: argparse.Namespace) -> int:
    from sourcebook.cli.common import open_for_reading
    from sourcebook.store import queries

    limit = max(1, min(args.limit, 10_000))
    with open_for_reading(args.db) as lib:
        result = queries.search(lib, args.query, limit=limit)
    if args.json:
        json.dump([h.claim.to_export() for h in result.claims], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    tty = sys.stdout.isatty()
    if not result.claims and not result.sentences:
        print(f"no claims or sentences match {args.query!r}")
        return 0
    # past the cap (store.fts.COUNT_CAP) a count reads "10,000+" and that kind comes newest first
    claims = f"{result.total_claims:,}+" if result.claims_capped else str(result.total_claims)
    sentences = f"{result.total_sentences:,}+" if result.sentences_capped else str(result.total_sentences)
    newest = [k for k, o in (("claims", result.claim_order), ("sentences", result.sentence_order)) if o == "newest"]
    note = f" ({' and '.join(newest)} newest first)" if newest else ""
    print(f"{claims} claims, {sentences} sentences match {args.query!r}{note}")
    for h in result.claims:
        c = h.claim
        print(f"\n{c.subject} — {c.predicate} — {c.object_display()}  [{c.article_slug}]")
        print(f"  “{_marked(h.segments, tty)}”")
    if result.sentences:
        print("\nsentences:")
        for sh in result.sentences:
            print(f"  [{sh.article_slug} {sh.start}–{sh.end}] {_marked(sh.segments, tty)}")
    return 0
