"""`sourcebook export`: every claim with its sentence and offsets, as JSON lines or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from contextlib import nullcontext
from pathlib import Path

from sourcebook.cli.common import add_db


def add_parser(sub) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("export", help="export all claims with their sources")
    add_db(p)
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.add_argument("--output", metavar="PATH", help="file to write (default: standard output)")


def write(records, out, fmt: str) -> int:  # type: ignore[no-untyped-def]
    from sourcebook.store.records import EXPORT_FIELDS

    n = 0
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
        w.writeheader()
    for rec in records:
        row = rec.to_export()
        if fmt == "csv":
            row["object"] = (
                json.dumps(row["object"], ensure_ascii=False) if isinstance(row["object"], list) else row["object"]
            )
            row["qualifiers"] = json.dumps(row["qualifiers"], ensure_ascii=False, sort_keys=True)
            w.writerow(row)
        else:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def run(args: argparse.Namespace) -> int:
    from sourcebook.cli.common import open_for_reading
    from sourcebook.fileio import atomic_open, check_writable
    from sourcebook.store import queries

    if args.output:
        check_writable(Path(args.output))
    with open_for_reading(args.db) as lib:
        target = (
            atomic_open(Path(args.output), "w", encoding="utf-8", newline="")
            if args.output
            else nullcontext(sys.stdout)
        )
        with target as out:
            n = write(queries.iter_claims(lib), out, args.format)
    if args.output:
        print(f"{args.output}: {n} claims", file=sys.stderr)
    return 0
