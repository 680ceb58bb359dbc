"""The `sourcebook` command: parse, dispatch to a subcommand, and turn errors into one line."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from sourcebook import __version__
from sourcebook.errors import SourcebookError

COMMANDS = ("build", "ingest", "search", "export", "check", "spec")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sourcebook",
        description="Read defence news with every fact linked to its sentence. "
                    "With no command, opens the app on the bundled library (or --db PATH).",
    )
    p.add_argument("--version", action="version", version=f"sourcebook {__version__}")
    p.add_argument("--db", metavar="PATH", help="library file to open in the app (default: the bundled library)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"sourcebook.cli.cmd_{name}").add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command is None:
            from sourcebook.ui.app import run_app

            return run_app(args.db)
        module = importlib.import_module(f"sourcebook.cli.cmd_{args.command}")
        return int(module.run(args) or 0)
    except SourcebookError as e:
        print(f"sourcebook: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("sourcebook: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # a reader such as `head` went away: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as e:  # noqa: BLE001 - users get one line; SOURCEBOOK_DEBUG=1 shows the trace
        if os.environ.get("SOURCEBOOK_DEBUG"):
            raise
        print(f"sourcebook: internal error: {type(e).__name__}: {e} (SOURCEBOOK_DEBUG=1 shows details)",
              file=sys.stderr)
        return 70
