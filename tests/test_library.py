"""Opening library files: every wrong file is one clear error, and checks find every kind of damage."""

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from factories import C, add_article, new_library

from sourcebook.errors import LibraryError, ReadOnlyLibrary
from sourcebook.store import check, queries
from sourcebook.store.library import open_library

TEXT = "A Title\n\nThe Foo-9 was made by Acme Corp. Ruritania bought two Foo-9 launchers in 2011.\n"


def make(path: Path):
    lib = new_library(path)
    add_article(
        lib,
        "a",
        TEXT,
        [
            C("Foo-9", "manufacturer", "made by Acme Corp", "Acme Corp", object_kind="organisation"),
            C(
                "Foo-9",
                "delivered_to",
                "Ruritania bought two Foo-9 launchers in 2011",
                "Ruritania",
                object_kind="country",
                qualifiers={"year": 2011, "quantity": 2},
            ),
        ],
        mentions=[("Foo-9", "system")],
    )
    return lib


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "content,reason",
    [
        (None, "no such library file"),
        (b"", "empty file"),
        (os.urandom(4096), "not an SQLite file"),
    ],
)
def test_files_that_are_not_libraries_are_refused(tmp_path, content, reason):
    p = tmp_path / "lib.sqlite"
    if content is not None:
        p.write_bytes(content)
    with pytest.raises(LibraryError, match=reason):
        open_library(p)
    if content is not None:
        assert p.read_bytes() == content


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(LibraryError, match="directory"):
        open_library(tmp_path)


def test_another_sqlite_file_is_not_a_library(tmp_path):
    p = tmp_path / "other.sqlite"
    sqlite3.connect(p).execute("CREATE TABLE t(x)").connection.commit()
    before = digest(p)
    with pytest.raises(LibraryError, match="not a Sourcebook library"):
        open_library(p)
    assert digest(p) == before


def test_another_schema_version_names_both_versions(tmp_path):
    p = tmp_path / "lib.sqlite"
    make(p).close()
    con = sqlite3.connect(p)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(LibraryError, match="version 99.*version 1"):
        open_library(p)


def test_a_truncated_copy_is_reported_as_damaged(tmp_path):
    p = tmp_path / "lib.sqlite"
    make(p).close()
    data = p.read_bytes()
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(data[: len(data) // 2])
    before = digest(cut)
    with pytest.raises(LibraryError, match="damaged"):
        with open_library(cut) as lib:
            queries.claims(lib)
    assert digest(cut) == before


def test_read_only_opening_never_writes(tmp_path):
    p = tmp_path / "lib.sqlite"
    make(p).close()
    before = digest(p)
    with open_library(p) as lib:
        assert queries.summary(lib).claims == 2
        with pytest.raises(ReadOnlyLibrary):
            with lib.writing():
                pass
    assert digest(p) == before


def test_check_passes_on_a_whole_library(tmp_path):
    with make(tmp_path / "lib.sqlite") as lib:
        assert check.problems(lib) == []


@pytest.mark.parametrize(
    "damage,kind",
    [
        ("UPDATE sentence SET start = start + 1 WHERE id = 2", "offsets"),
        ("UPDATE claim SET quote = 'something else' WHERE id = 1", "offsets"),
        ("DELETE FROM claim_fts WHERE rowid = 1", "search-index"),
        (
            "INSERT INTO claim_fts(rowid, subject, predicate, object, quote) VALUES (99, 'x', 'y', 'z', 'w')",
            "search-index",
        ),
        ("PRAGMA foreign_keys = OFF; DELETE FROM sentence WHERE id = 2", "foreign-key"),
    ],
)
def test_check_finds_each_kind_of_damage(tmp_path, damage, kind):
    p = tmp_path / "lib.sqlite"
    make(p).close()
    con = sqlite3.connect(p)
    if "foreign_keys" not in damage:
        con.execute("DROP TRIGGER claim_fts_au")
    con.executescript(damage)
    con.commit()
    con.close()
    with open_library(p) as lib:
        assert kind in {x.kind for x in check.problems(lib)}


def test_repair_rebuilds_the_search_index_without_losing_claims(tmp_path):
    p = tmp_path / "lib.sqlite"
    make(p).close()
    con = sqlite3.connect(p)
    con.execute("DELETE FROM claim_fts")
    con.commit()
    con.close()
    with open_library(p) as lib:
        assert queries.search(lib, "Acme").total_claims == 0
    with open_library(p, write=True) as lib:
        check.repair(lib)
    with open_library(p) as lib:
        assert check.problems(lib) == []
        assert queries.summary(lib).claims == 2
        assert queries.search(lib, "Acme").total_claims == 1


def test_names_match_whatever_the_case_spaces_or_dashes(tmp_path):
    with make(tmp_path / "lib.sqlite") as lib:
        for spelling in ("foo-9", "FOO 9", "Foo9"):
            assert queries.find_entity(lib, spelling).name == "Foo-9"
        assert queries.find_entity(lib, "Foo-8") is None
        assert queries.suggest(lib, "Foo-8") == ["Foo-9"]


def test_stored_sentences_and_quotes_are_the_article_text(tmp_path):
    with make(tmp_path / "lib.sqlite") as lib:
        view = queries.article(lib, queries.article_id_for(lib, "a"))
        for c in queries.claims(lib):
            assert view.text[c.quote_start : c.quote_end] == c.quote
            assert view.text[c.sentence_start : c.sentence_end] == c.sentence
