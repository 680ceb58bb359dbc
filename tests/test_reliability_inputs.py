"""Promise: any input file gets a correct ingest or a one-line reason naming it; never a traceback,
never a half-written article."""

import pytest

from sourcebook.cli.main import main
from sourcebook.store import check, queries
from sourcebook.store.library import open_library

SENTENCE = "On May 4, 2020, Ruritania took delivery of four S-400 batteries from Russia. "

ACCEPTED = {
    "bom.txt": "\ufeffTitle\n" + SENTENCE,
    "crlf.txt": "Title\r\n\r\n" + SENTENCE + "\r\nPhoto Courtesy: X\r\n" + SENTENCE + "\r\n",
    "cr.txt": "Title\r\r" + SENTENCE + "\r" + SENTENCE + "\r",
    "rtl.txt": "عنوان\nاشترت روسيا أربع بطاريات. " + SENTENCE + "שלום עולם.\n",
    "emoji.txt": "Title 🚀\n" + "e\u0301 🇧🇾 " + SENTENCE + "👩‍👩‍👧 " + SENTENCE + "\n",
    "markup.txt": "<h1>Title</h1>\n<script>alert(1)</script> <img src=file:///etc/passwd> " + SENTENCE + "\n",
    "one_long_line.txt": "Title\n" + SENTENCE * (1_000_000 // len(SENTENCE)) + "\n",
    "cp1252.txt": "Title\n“Quoted” café. " + SENTENCE,
}
REFUSED = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b" \n\t\r\n  ", "empty"),
    "binary.txt": (bytes(range(256)) * 64, "binary"),
    "nul.txt": (b"Title\nText\x00more text", "binary"),
    "undecodable.txt": (b"Title\n\x81\x8d\x8f\x90\x9d not text", "not text"),
    "punctuation.txt": (b"!!! ... --- ??? ;;; ((( )))", "no words"),
}


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    return code, *capsys.readouterr()


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_odd_but_real_text_ingests_with_exact_offsets(tmp_path, capsys, name):
    p = tmp_path / name
    enc = "cp1252" if name == "cp1252.txt" else "utf-8"
    p.write_bytes(ACCEPTED[name].encode(enc))
    db = tmp_path / "lib.sqlite"
    code, _, err = run(capsys, "ingest", p, "--db", db)
    assert code == 0, err
    assert "Traceback" not in err
    with open_library(db) as lib:
        assert check.problems(lib) == []
        view = queries.article(lib, queries.article_id_for(lib, p.stem))
        stored = view.text
        expected = ACCEPTED[name].removeprefix("\ufeff")
        assert stored == expected  # stored exactly as read
        for s in view.sentences:
            assert s.end <= len(stored)
        for c in queries.claims(lib, limit=None):
            assert stored[c.quote_start : c.quote_end] == c.quote


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_what_is_not_text_is_refused_by_name_and_nothing_is_written(tmp_path, capsys, name):
    data, reason = REFUSED[name]
    p = tmp_path / name
    p.write_bytes(data)
    db = tmp_path / "lib.sqlite"
    code, out, err = run(capsys, "ingest", p, "--db", db)
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("sourcebook: skipped")]
    assert len(lines) == 1 and str(p) in lines[0] and reason in lines[0]
    assert "Traceback" not in err
    with open_library(db) as lib:
        assert queries.summary(lib).articles == 0


@pytest.mark.slow
def test_a_20_mb_file_ingests(tmp_path, capsys):
    p = tmp_path / "big.txt"
    para = (SENTENCE * 40).strip()
    with p.open("w", encoding="utf-8") as f:
        f.write("A Very Long Report\n\n")
        while f.tell() < 20 * 1024 * 1024:
            f.write(para + "\n\n")
    db = tmp_path / "lib.sqlite"
    code, _, err = run(capsys, "ingest", p, "--db", db)
    assert code == 0, err
    with open_library(db) as lib:
        s = queries.summary(lib)
        assert s.articles == 1 and s.sentences > 100_000
