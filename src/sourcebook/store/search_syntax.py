"""What a user typed in a search box, read as terms: words, prefixes and phrases.

Any text is a valid query. Nothing a user types is passed on as query syntax: each term is
rendered by the full-text back end with its own quoting, so stray quotes, `AND`, `*`, `(`,
`NEAR(` or `col:` are only ever words to look for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTES = '"“”„«»'
_SPLIT = re.compile(r"\s+")


@dataclass(frozen=True)
class Term:
    text: str  # the words as typed, without quotes or the trailing star
    kind: str  # "word" | "prefix" | "phrase" | "or"


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _words(chunk: str) -> list[Term]:
    out = []
    for raw in _SPLIT.split(chunk):
        prefix = raw.endswith("*")
        word = raw.strip("*")
        for q in QUOTES:
            word = word.replace(q, "")
        if not _has_word(word):
            continue
        if word == "OR":
            out.append(Term("OR", "or"))
        elif word != "AND":  # terms are joined by AND anyway
            out.append(Term(word, "prefix" if prefix and "*" not in word else "word"))
    return out


def parse(query: str) -> list[Term]:
    """Terms of a query: "quoted text" is a phrase, word* a prefix, OR between terms an alternative."""
    terms: list[Term] = []
    text = query.replace("\x00", " ")
    pos = 0
    quote = re.compile("[" + QUOTES + "]")
    while pos < len(text):
        m = quote.search(text, pos)
        if not m:
            terms += _words(text[pos:])
            break
        close = quote.search(text, m.end())
        if not close:  # an unbalanced quote is just a character
            terms += _words(text[pos : m.start()] + " " + text[m.end() :])
            break
        terms += _words(text[pos : m.start()])
        phrase = " ".join(text[m.end() : close.start()].split())
        if _has_word(phrase):
            terms.append(Term(phrase, "phrase"))
        pos = close.end()
    return _tidy_or(terms)


def _tidy_or(terms: list[Term]) -> list[Term]:
    """OR only between two terms; a leading, trailing or doubled OR is dropped."""
    out: list[Term] = []
    for t in terms:
        if t.kind == "or" and (not out or out[-1].kind == "or"):
            continue
        out.append(t)
    while out and out[-1].kind == "or":
        out.pop()
    return out


def words_of(terms: list[Term]) -> list[str]:
    """The plain words of a query, for highlighting matches in text the back end did not mark."""
    return [w for t in terms if t.kind != "or" for w in re.findall(r"\w+", t.text)]
