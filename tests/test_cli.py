"""The headless commands as a user runs them: exit codes, one-line errors, and what they write."""

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from sourcebook.cli.main import main
from sourcebook.paths import bundled_library
from sourcebook.store.records import EXPORT_FIELDS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

ARTICLE = """Ruritania Takes Delivery of New Air Defence

Photo Courtesy: Ruritanian Ministry of Defence
On March 3, 2021, Ruritania took delivery of four S-400 batteries from Russia. The deal was signed in 2019.
"""


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "ruritania.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_ingest_makes_a_library_and_reingest_adds_nothing(tmp_path, capsys, article):
    db = tmp_path / "lib.sqlite"
    code, _, err = run(capsys, "ingest", article, "--db", db)
    assert code == 0 and "1 added" in err
    code, out, _ = run(capsys, "export", "--db", db)
    first = out
    code, _, err = run(capsys, "ingest", article, "--db", db)
    assert code == 0 and "1 unchanged" in err
    assert run(capsys, "export", "--db", db)[1] == first


def test_unreadable_files_are_skipped_by_name_and_the_rest_go_in(tmp_path, capsys, article):
    db = tmp_path / "lib.sqlite"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    code, _, err = run(capsys, "ingest", empty, article, binary, tmp_path / "missing.txt", "--db", db)
    assert code == 1
    for bad, reason in ((empty, "empty"), (binary, "binary"), (tmp_path / "missing.txt", "no such file")):
        assert any(str(bad) in line and reason in line for line in err.splitlines())
    assert "Traceback" not in err
    assert "1 added" in err


def test_export_jsonl_and_csv_carry_every_field_with_exact_offsets(tmp_path, capsys, article):
    db = tmp_path / "lib.sqlite"
    run(capsys, "ingest", article, "--db", db)
    _, out, _ = run(capsys, "export", "--db", db)
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows, "the article states facts; some must be exported"
    for r in rows:
        assert list(r) == list(EXPORT_FIELDS)
        assert ARTICLE[r["sentence_start"] : r["sentence_end"]] == r["sentence"]
        assert ARTICLE[r["quote_start"] : r["quote_end"]] == r["quote"]
    out_csv = tmp_path / "claims.csv"
    code, _, _ = run(capsys, "export", "--db", db, "--format", "csv", "--output", out_csv)
    assert code == 0
    csv_rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8"))))
    assert [r["quote"] for r in csv_rows] == [r["quote"] for r in rows]


def test_export_to_an_unwritable_place_is_one_line(tmp_path, capsys, article):
    db = tmp_path / "lib.sqlite"
    run(capsys, "ingest", article, "--db", db)
    code, _, err = run(capsys, "export", "--db", db, "--output", tmp_path / "no" / "such" / "dir.jsonl")
    assert code != 0 and len(err.strip().splitlines()) == 1 and "does not exist" in err


def test_search_json_gives_claims_in_export_shape(tmp_path, capsys, article):
    db = tmp_path / "lib.sqlite"
    run(capsys, "ingest", article, "--db", db)
    code, out, _ = run(capsys, "search", "S-400", "--db", db, "--json")
    assert code == 0
    hits = json.loads(out)
    assert hits and all(set(EXPORT_FIELDS) == set(h) for h in hits)
    assert any("S-400" in h["subject"] for h in hits)


@pytest.mark.parametrize("query", ['"', "NEAR(", "AND", "col:", "*", "((", "a OR"])
def test_search_never_fails_on_syntax(tmp_path, capsys, article, query):
    db = tmp_path / "lib.sqlite"
    run(capsys, "ingest", article, "--db", db)
    code, _, err = run(capsys, "search", query, "--db", db)
    assert code == 0 and err == ""


@pytest.mark.parametrize(
    "make,reason",
    [
        (lambda p: None, "no such library file"),
        (lambda p: p.write_bytes(b"\x00garbage" * 100), "not an SQLite file"),
        (lambda p: p.write_bytes(b""), "empty file"),
    ],
)
def test_commands_on_a_bad_library_say_one_line(tmp_path, capsys, make, reason):
    p = tmp_path / "lib.sqlite"
    make(p)
    for cmd in (["search", "x"], ["export"], ["check"]):
        code, out, err = run(capsys, *cmd, "--db", p)
        assert code == 2 and reason in err and len(err.strip().splitlines()) == 1


def test_build_is_deterministic_and_matches_the_committed_bundle(tmp_path, capsys):
    exports = []
    for name in ("one.sqlite", "two.sqlite"):
        out = tmp_path / name
        assert run(capsys, "build", "--seeds", SEEDS, "--output", out)[0] == 0
        exports.append(run(capsys, "export", "--db", out)[1])
    assert exports[0] == exports[1]
    assert exports[0] == run(capsys, "export")[1], "the committed bundle is not what 'sourcebook build' makes"


def test_commands_without_db_read_the_bundle_and_never_change_it(capsys):
    bundle = bundled_library()
    before = hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert run(capsys, "check")[0] == 0
    assert run(capsys, "search", "air defense")[0] == 0
    assert run(capsys, "export")[0] == 0
    code, _, err = run(capsys, "check", "--repair")
    assert code != 0 and "bundled library is never modified" in err
    assert hashlib.sha256(bundle.read_bytes()).hexdigest() == before
    assert not Path(str(bundle) + "-wal").exists()
