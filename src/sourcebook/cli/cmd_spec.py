"""`sourcebook spec NAME`: a system's spec sheet as PDF, HTML or JSON (provided by sourcebook.sheets)."""

from __future__ import annotations

import argparse

from sourcebook.cli.common import add_db


def add_parser(sub) -> None:  # type: ignore[no-untyped-def]
    p = sub.add_parser("spec", help="print a weapon system's spec sheet")
    p.add_argument("name", nargs="?", help="system name or alias, any case")
    add_db(p)
    p.add_argument("--list", action="store_true", help="list the systems in the library")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--pdf", metavar="PATH")
    out.add_argument("--html", metavar="PATH")
    out.add_argument("--json", action="store_true")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4")


def run(args: argparse.Namespace) -> int:
    from sourcebook.errors import SourcebookError

    raise SourcebookError("spec sheets are not built yet")
