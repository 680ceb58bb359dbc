"""The `sourcebook` command: parse, dispatch to a subcommand, and turn errors into one line."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from sourcebook import __version__
from sourcebook.errors import SourcebookError

COMMANDS = ("build", "ingest", "search", "export", "check", "spec")


def parser(commands: tuple[str, ...] = COMMANDS) -> argparse.ArgumentParser:
    """The command line; only the subcommands in ``commands`` are built (their modules imported)."""
    p = argparse.ArgumentParser(
        prog="sourcebook",
        description="Read defence news with every fact linked to its sentence. "
        "With no command, opens the app on the bundled library (or --db PATH).",
    )
    p.add_argument("--version", action="version", version=f"sourcebook {__version__}")
    p.add_argument("--db", metavar="PATH", help="library file to open in the app (default: the bundled library)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        importlib.import_module(f"sourcebook.cli.cmd_{name}").add_parser(sub)
    return p


def wanted(argv: list[str]) -> tuple[str, ...]:
    """The subcommands a command line needs built: the one it names, none to open the app, or all
    (top-level help, a name that is no command) so that help and errors read as always."""
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help") or (len(a) > 2 and "--help".startswith(a)):
            return COMMANDS
        if a == "--":
            return COMMANDS
        if len(a) > 2 and "--db".startswith(a):  # --db PATH (or an abbreviation of it)
            i += 2
            continue
        if a.startswith("-"):
            i += 1
            continue
        return (a,) if a in COMMANDS else COMMANDS
    return ()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser(wanted(argv)).parse_args(argv)
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
        print(
            f"sourcebook: internal error: {type(e).__name__}: {e} (SOURCEBOOK_DEBUG=1 shows details)", file=sys.stderr
        )
        return 70
