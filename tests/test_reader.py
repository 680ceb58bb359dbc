"""The seed-format reader: title, credits and paragraphs with offsets exact against the stored text."""

from pathlib import Path

import pytest

from sourcebook.errors import InputError
from sourcebook.ingest.reader import parse, read_file


def test_title_credits_and_paragraphs_are_told_apart():
    text = "A Title\n\nPhoto Courtesy: Agency One\nFirst paragraph.\n\nImage credit - Someone\nSecond one.\n"
    a = parse(text, "x")
    assert a.title == "A Title"
    assert a.credits == ["Agency One", "Someone"]
    assert [b.kind for b in a.blocks] == ["title", "credit", "paragraph", "credit", "paragraph"]
    assert [text[b.start : b.end] for b in a.blocks][2] == "First paragraph."


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_offsets_stay_exact_whatever_the_line_endings(newline):
    text = newline.join(["  Title  ", "", "Para one.\tTabbed.", "Photo Courtesy: X", "Para two 🚀 é."]) + newline
    a = parse(text, "x")
    assert [text[b.start : b.end] for b in a.blocks] == [
        "Title",
        "Para one.\tTabbed.",
        "Photo Courtesy: X",
        "Para two 🚀 é.",
    ]
    assert a.text == text  # stored exactly as read


def test_unreadable_files_are_named_with_the_reason(tmp_path: Path):
    cases = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n",
        "nul.txt": b"abc\x00def",
        "undefined.txt": b"caf\x81\x8d au lait",
        "punct.txt": b"... --- !!!",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(InputError) as e:
            read_file(tmp_path / name)
        assert str(e.value).startswith(str(tmp_path / name) + ": ")
        assert "\n" not in str(e.value)
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_file(tmp_path)


def test_a_utf8_bom_is_not_part_of_the_title(tmp_path: Path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffTitle\nBody text.\n".encode())
    assert read_file(p).title == "Title"


def test_windows_1252_text_is_read_with_a_warning(tmp_path: Path):
    p = tmp_path / "win.txt"
    p.write_bytes("Title\n\u201cQuoted\u201d caf\xe9 text.\n".encode("cp1252"))
    a = read_file(p)
    assert "“Quoted” café" in a.text
    assert a.warnings and str(p) in a.warnings[0] and "Windows-1252" in a.warnings[0]
