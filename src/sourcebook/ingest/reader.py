"""Reader for the seed format: first line the title, "Photo Courtesy: X" lines credits, the rest paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

from sourcebook.errors import InputError
from sourcebook.ingest.drafts import BlockDraft, ParsedArticle

CREDIT = re.compile(r"^\s*(?:photo|image|picture)\s+(?:courtesy|credit)s?\s*[:\-–—]\s*(?P<who>.+?)\s*$", re.I)
# Any of the line breaks str.splitlines() knows would do, but offsets must stay exact, so we
# split on the three a text file actually uses and keep every other character where it is.
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
MAX_BYTES = 64 * 1024 * 1024


CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Text of a file's bytes and any warning, or an InputError naming the file and why it is not text.

    UTF-8 first (a BOM is dropped); failing that Windows-1252, the usual encoding of text saved
    by Windows tools, with a warning. A byte that is undefined even there means it is not text.
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    warnings = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not text in UTF-8 or Windows-1252 (invalid byte at offset {e.start})") from None
        warnings.append(f"{name}: not UTF-8 (invalid byte at offset {e.start}); read as Windows-1252")
    if len(CONTROL.findall(text[:65536])) > len(text[:65536]) // 20:
        raise InputError(f"{name}: binary file (mostly control characters)")
    if not any(ch.isalnum() for ch in text):
        raise InputError(f"{name}: no words in the file")
    return text, warnings


def read_file(path: Path) -> ParsedArticle:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: too large ({size // (1024 * 1024)} MiB; the limit is 64 MiB)")
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from None
    text, warnings = decode(data, str(path))
    article = parse(text, path.stem)
    article.warnings.extend(warnings)
    return article


def parse(text: str, slug: str) -> ParsedArticle:
    """Blocks of a text with exact offsets; the text itself is kept as it is."""
    blocks: list[BlockDraft] = []
    credits: list[str] = []
    title = ""
    for m in LINE.finditer(text):
        line = m.group(0).rstrip("\r\n")
        if m.start() == m.end():
            break
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = m.start() + lead
        end = start + len(stripped)
        if not title:
            title = stripped
            blocks.append(BlockDraft("title", start, end))
            continue
        credit = CREDIT.match(line)
        if credit:
            credits.append(credit.group("who"))
            blocks.append(BlockDraft("credit", start, end))
        else:
            blocks.append(BlockDraft("paragraph", start, end))
    return ParsedArticle(slug=slug, text=text, title=title, credits=credits, blocks=blocks)
