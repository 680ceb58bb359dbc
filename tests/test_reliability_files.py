"""Promises about library files: clear errors with documented exit codes, files left byte-identical
unless the command's job is to write them, safe writes, and readers never stopped by a writer."""

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from factories import C, add_article, new_library

from sourcebook.cli.main import main
from sourcebook.store import library as library_module
from sourcebook.store import queries
from sourcebook.store.library import open_library

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import write_articles  # noqa: E402

TEXT = "A Title\n\nThe Foo-9 was made by Acme Corp. Ruritania bought two Foo-9 launchers in 2011.\n"


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    return code, *capsys.readouterr()


@pytest.fixture
def lib_path(tmp_path):
    p = tmp_path / "lib.sqlite"
    with new_library(p) as lib:
        add_article(
            lib, "a", TEXT, [C("Foo-9", "manufacturer", "made by Acme Corp", "Acme Corp", object_kind="organisation")]
        )
    return p


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder on a read-only bind mount: even root cannot write there."""
    src, ro = tmp_path / "src", tmp_path / "ro"
    src.mkdir()
    ro.mkdir()
    if subprocess.run(["mount", "--bind", str(src), str(ro)], capture_output=True).returncode != 0:
        pytest.skip("bind mounts are not permitted here")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(ro)], capture_output=True).returncode != 0:
            pytest.skip("read-only remounts are not permitted here")
        yield src, ro
    finally:
        subprocess.run(["umount", str(ro)], capture_output=True)


def test_a_library_on_a_read_only_mount_is_readable_and_refuses_writes(capsys, lib_path, read_only_folder, tmp_path):
    src, ro = read_only_folder
    shutil.copy(lib_path, src / "lib.sqlite")
    before = digest(ro / "lib.sqlite")
    code, out, err = run(capsys, "search", "Acme", "--db", ro / "lib.sqlite")
    assert code == 0 and "Acme" in out
    article = tmp_path / "new.txt"
    article.write_text(TEXT.replace("Foo-9", "Bar-2"), encoding="utf-8")
    code, out, err = run(capsys, "ingest", article, "--db", ro / "lib.sqlite")
    assert code == 4 and "read-only" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "ingest", article, "--db", ro / "new.sqlite")
    assert code == 2 and "not writable" in err
    assert digest(ro / "lib.sqlite") == before
    assert sorted(p.name for p in ro.iterdir()) == ["lib.sqlite"]


def test_a_library_locked_by_another_writer_is_a_clear_error(capsys, lib_path, tmp_path, monkeypatch):
    monkeypatch.setattr(library_module, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(lib_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        article = tmp_path / "new.txt"
        article.write_text(TEXT.replace("Foo-9", "Bar-2"), encoding="utf-8")
        code, out, err = run(capsys, "ingest", article, "--db", lib_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 3 and "locked by another program" in err and "Traceback" not in err
    with open_library(lib_path) as lib:
        assert queries.summary(lib).articles == 1


def test_a_failed_export_leaves_the_old_file_whole(capsys, lib_path, tmp_path, monkeypatch):
    out = tmp_path / "claims.jsonl"
    out.write_text("the old export\n", encoding="utf-8")

    def broken(lib, batch=2000):
        yield from queries.claims(lib)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(queries, "iter_claims", broken)
    code, _, err = run(capsys, "export", "--db", lib_path, "--output", out)
    assert code != 0 and str(out) in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "the old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["lib.sqlite", "claims.jsonl"])


def test_an_export_over_an_existing_file_replaces_it_whole(capsys, lib_path, tmp_path):
    out = tmp_path / "claims.csv"
    out.write_text("old", encoding="utf-8")
    assert run(capsys, "export", "--db", lib_path, "--format", "csv", "--output", out)[0] == 0
    assert out.read_text(encoding="utf-8").startswith("article,subject,predicate")


def test_readers_see_whole_articles_while_an_ingest_writes(tmp_path):
    files = write_articles(tmp_path / "articles", 25, seed=3)
    db = tmp_path / "lib.sqlite"
    with new_library(db):
        pass
    errors: list[str] = []
    seen: dict[int, list[int]] = {0: [], 1: []}
    done = threading.Event()

    def read_loop(k: int):
        with open_library(db) as lib:
            while not done.is_set():
                try:
                    rows = queries.articles(lib, limit=1000)
                    for row in rows:
                        view = queries.article(lib, row.id)
                        if not view.sentences:
                            errors.append(f"{row.slug} visible without its sentences")
                    queries.search(lib, "delivery")
                    seen[k].append(len(rows))
                except Exception as e:  # noqa: BLE001 - any error here is the failure being tested
                    errors.append(f"{type(e).__name__}: {e}")

    readers = [threading.Thread(target=read_loop, args=(k,)) for k in range(2)]
    for t in readers:
        t.start()
    proc = subprocess.run(
        [sys.executable, "-m", "sourcebook", "ingest", *map(str, files), "--db", str(db)],
        capture_output=True,
        text=True,
    )
    done.set()
    for t in readers:
        t.join()
    assert proc.returncode == 0, proc.stderr
    assert "locked" not in proc.stderr
    assert errors == []
    for counts in seen.values():
        assert counts == sorted(counts)  # articles only ever appear, whole
        assert len(set(counts)) > 2, "the readers did not overlap the ingest; the test proved nothing"


def _bad_libraries(tmp_path: Path, good: Path) -> dict[str, Path]:
    out = {}
    out["missing"] = tmp_path / "missing.sqlite"
    out["directory"] = tmp_path / "folder.sqlite"
    out["directory"].mkdir()
    out["empty"] = tmp_path / "empty.sqlite"
    out["empty"].write_bytes(b"")
    out["random bytes"] = tmp_path / "random.sqlite"
    out["random bytes"].write_bytes(bytes((i * 7919) % 256 for i in range(50_000)))
    data = good.read_bytes()
    out["truncated"] = tmp_path / "truncated.sqlite"
    out["truncated"].write_bytes(data[: len(data) // 3])
    out["other sqlite"] = tmp_path / "other.sqlite"
    con = sqlite3.connect(out["other sqlite"])
    con.execute("CREATE TABLE notes(x)")
    con.commit()
    con.close()
    out["other version"] = tmp_path / "v99.sqlite"
    shutil.copy(good, out["other version"])
    con = sqlite3.connect(out["other version"])
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    return out


COMMANDS = [["search", "Acme"], ["export"], ["check"], ["spec", "--list"], ["spec", "Foo-9", "--json"]]


def test_every_command_on_every_kind_of_bad_library_is_one_line_and_touches_nothing(capsys, lib_path, tmp_path):
    from sourcebook.ui.app import library_error

    bad = _bad_libraries(tmp_path, lib_path)
    tried = 0
    for kind, path in bad.items():
        before = digest(path) if path.is_file() else None
        for cmd in COMMANDS:
            code, out, err = run(capsys, *cmd, "--db", path)
            tried += 1
            assert code == 2, f"{kind} / {cmd}: status {code}"
            assert len(err.strip().splitlines()) == 1 and str(path) in err, f"{kind} / {cmd}: {err!r}"
            assert "Traceback" not in err
        message, status = library_error(str(path))
        assert status == 2 and str(path) in message
        if before is not None:
            assert digest(path) == before, f"{kind}: the file was changed"
    assert tried == len(bad) * len(COMMANDS)
