"""Sentence splitting with exact offsets: a small rule-based splitter with its abbreviations in data.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis (with any closing quotes or brackets)
that is followed by white space and a word that can start a sentence: not a lower-case word,
not after a title or an initial (``Brig. Gen.``, ``J. R. Smith``), not a month or ``No.``
before a number (``Oct. 25``, ``No. 3``), and after ``U.S.``/``Inc.`` only when the next word
usually opens a sentence. Semicolons never end one. Titles and credits are one sentence each.
``benchmarks/sentence_splitters.py`` compares this with pysbd, syntok and spaCy.
"""

from __future__ import annotations

import re

from sourcebook.ingest.drafts import BlockDraft, SentenceDraft
from sourcebook.ingest.gazetteer import gazetteer

END = re.compile(r"(?:\.{3}|…|[.!?])+[\"'”’»)\]]*(?=\s)")
NEXT = re.compile(r"\s+[\"'“‘«(\[]*(\S)")
WORD_BEFORE = re.compile(r"[\"'“‘«(\[]*(\S+)$")
NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]*([\w’']+)")
INITIAL = re.compile(r"^[^\W\d_]\.$")
DOTTED = re.compile(r"^(?:[^\W\d_]\.){2,}$")
HEAD = 40  # characters looked at before a candidate end


def _is_end(text: str, m: re.Match[str], stop: int) -> bool:
    nxt = NEXT.match(text, m.end(), stop)
    if nxt is None:
        return True
    first = nxt.group(1)
    if first.islower() or first == "/":
        return False  # "MOSCOW, November 19. /TASS/. Text": a wire dateline, not a sentence

    punct = m.group(0).rstrip("\"'”’»)]")
    if punct != ".":
        return True
    before = WORD_BEFORE.search(text, max(0, m.start() - HEAD), m.start() + 1)
    word = before.group(1) if before else ""
    if word[:1] == "/" and word[-2:] == "/.":
        return False
    kind = gazetteer().abbreviations.get(word)
    if kind is None and INITIAL.match(word):
        return False
    if kind is None and DOTTED.match(word):
        kind = "maybe"
    if kind == "never":
        return False
    if kind == "before_digit":
        return not first.isdigit()
    if kind == "maybe":
        w = NEXT_WORD.match(text, m.end(), stop)
        return bool(w) and w.group(1) in gazetteer().starters
    return True


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    cur = start
    for m in END.finditer(text, start, end):
        if _is_end(text, m, end):
            s, e = _trimmed(text, cur, m.end())
            if s < e:
                spans.append((s, e))
            cur = m.end()
    s, e = _trimmed(text, cur, end)
    if s < e:
        spans.append((s, e))
    return spans


def split(text: str, blocks: list[BlockDraft]) -> list[SentenceDraft]:
    """Sentences of every block, in order; ``text[s.start:s.end]`` is the sentence."""
    out: list[SentenceDraft] = []
    for i, block in enumerate(blocks):
        if block.kind in ("title", "credit"):
            s, e = _trimmed(text, block.start, block.end)
            if s < e:
                out.append(SentenceDraft(i, s, e))
            continue
        out.extend(SentenceDraft(i, s, e) for s, e in split_block(text, block.start, block.end))
    return out
