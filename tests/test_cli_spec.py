"""`sourcebook spec`: names and aliases in any case, unknown names, --list, --json, files."""

from __future__ import annotations

import json
import shutil

import pytest
from factories import C, add_article
from test_sheets_model import sheet_library

from sourcebook.cli.main import main


@pytest.fixture
def db(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "lib.sqlite"
    with sheet_library(path) as lib:
        add_article(
            lib,
            "pantsir",
            "Pantsir-S1 Note\nThe Pantsyr-S1 was developed by KBP.\n",
            [C("Pantsir-S1", "developer", "developed by KBP", "KBP", object_kind="organisation")],
        )
    # an alias: the pipeline records the other spelling on the same entity
    from sourcebook.ingest.drafts import EntityRef
    from sourcebook.ingest.pipeline import EntityCache
    from sourcebook.store.library import open_library

    with open_library(path, write=True) as lib, lib.writing() as s:
        EntityCache(s).get(EntityRef("Pantsir-S1", "system", ("Pantsyr-S1",)))
    return str(path)


@pytest.mark.parametrize("name", ["Tor-M2", "tor-m2", "Tor M2", "TOR M2", "tor.m2"])
def test_names_match_in_any_case_and_spelling(db, capsys, name):
    assert main(["spec", name, "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tor-M2\n") and "Almaz-Antey[2][3]" in out and "DISPUTED" in out


def test_aliases_match(db, capsys):
    assert main(["spec", "pantsyr s1", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("Pantsir-S1\n")


def test_unknown_name_fails_with_one_line_that_suggests(db, capsys):
    assert main(["spec", "Tor M3", "--db", db]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Tor M3" in err[0] and "did you mean Tor-M2" in err[0]


def test_list_shows_systems_with_aliases_and_claim_counts(db, capsys):
    assert main(["spec", "--list", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("Tor-M2") and "11 claims" in line for line in lines)
    assert any(line.startswith("Pantsir-S1") and "Pantsyr-S1" in line for line in lines)


def test_json_is_the_sheet_as_data(db, capsys):
    assert main(["spec", "tor m2", "--json", "--db", db]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "Tor-M2"
    rng = next(c for c in data["capabilities"] if c["label"] == "range")
    assert rng["disputed"] and [v["text"] for v in rng["values"]] == ["12 km", "up to 16 km"]
    assert data["notes"][0]["number"] == 1 and data["notes"][0]["quote"]


def test_no_name_is_an_error(db, capsys):
    assert main(["spec", "--db", db]) != 0
    assert "--list" in capsys.readouterr().err


def test_html_file_is_written(db, tmp_path, capsys):
    out = tmp_path / "out.html"
    assert main(["spec", "tor-m2", "--db", db, "--html", str(out)]) == 0
    assert "&lt;script&gt;" in out.read_text(encoding="utf-8")


def test_unwritable_destination_fails_before_work(db, tmp_path, capsys):
    assert main(["spec", "tor-m2", "--db", db, "--pdf", str(tmp_path / "no" / "x.pdf")]) != 0
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_is_written_headless_in_a_fresh_process(db, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    out = tmp_path / "tor.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(Path(__file__).parents[1] / "src")
    r = subprocess.run(
        [sys.executable, "-m", "sourcebook", "spec", "Tor M2", "--db", db, "--pdf", str(out), "--page-size", "Letter"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Almaz-Antey" in text and "Its range is 12 km." in text


def test_the_command_line_builds_only_the_subcommand_it_names(capsys):
    from sourcebook.cli.main import COMMANDS, parser, wanted

    assert wanted(["--db", "x.sqlite"]) == () and wanted([]) == ()
    assert wanted(["--db", "x", "spec", "Tor"]) == ("spec",) and wanted(["--db=x", "check"]) == ("check",)
    assert wanted(["--help"]) == COMMANDS and wanted(["-h", "spec"]) == COMMANDS and wanted(["nope"]) == COMMANDS
    full = parser()
    for name in COMMANDS:  # each subcommand's help reads as it does with every subcommand built
        for p in (full, parser((name,))):
            with pytest.raises(SystemExit):
                p.parse_args([name, "--help"])
        first, second = capsys.readouterr().out.split("usage: sourcebook", 2)[1:]
        assert first == second


def test_opening_the_app_imports_no_subcommand(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; from sourcebook.cli.main import parser, wanted; "
        "parser(wanted(sys.argv[1:])).parse_args(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m.startswith('sourcebook.cli.cmd_')))"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1] / "src"))
    r = subprocess.run([sys.executable, "-c", code, "--db", "x.sqlite"], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
