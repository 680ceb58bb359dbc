"""`sourcebook spec NAME`: a system's spec sheet as PDF, HTML, JSON or text (provided by sourcebook.sheets)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

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


def _list(lib) -> int:  # type: ignore[no-untyped-def]
    from sourcebook.store import queries

    rows = queries.systems(lib)
    if not rows:
        print(f"no systems in {lib.name}")
        return 0
    width = min(40, max(len(r.name) for r in rows))
    for r in rows:
        aliases = ", ".join(r.aliases) or "—"
        print(f"{r.name:<{width}}  {r.claim_count:>4} claims  aliases: {aliases}")
    return 0


def run(args: argparse.Namespace) -> int:
    from sourcebook.cli.common import open_for_reading
    from sourcebook.errors import SourcebookError
    from sourcebook.fileio import check_writable
    from sourcebook.sheets import find_system
    from sourcebook.sheets.model import build_sheet

    if args.list:
        with open_for_reading(args.db) as lib:
            return _list(lib)
    if not args.name:
        raise SourcebookError("spec: name a system (or use --list to see them)")
    target = Path(args.pdf or args.html) if (args.pdf or args.html) else None
    if target is not None:
        check_writable(target)
    with open_for_reading(args.db) as lib:
        sheet = build_sheet(lib, find_system(lib, args.name).id)
        library_name = lib.name
    generated = datetime.now().astimezone()
    if args.pdf:
        from sourcebook.sheets.printing import write_pdf

        pages = write_pdf(sheet, args.pdf, library_name=library_name, generated=generated, page_size=args.page_size)
        print(f"{args.pdf}: spec sheet of {sheet.name}, {pages} page{'s' if pages != 1 else ''}", file=sys.stderr)
    elif args.html:
        from sourcebook.sheets.html import write_html

        write_html(sheet, args.html, library_name=library_name, generated=generated)
        print(f"{args.html}: spec sheet of {sheet.name}", file=sys.stderr)
    elif args.json:
        from sourcebook.sheets.text import to_json

        sys.stdout.write(to_json(sheet))
    else:
        from sourcebook.sheets.text import to_text

        sys.stdout.write(to_text(sheet))
    return 0
