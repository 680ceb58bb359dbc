"""The gazetteer: names, classes, units and words that extraction knows, loaded once from data files.

Every name list lives in ``resources/gazetteer`` (see its README); this module only reads the
files and builds lookup tables: phrase indexes that find the longest known name at each token
of a sentence through dictionary look-ups, never a loop over the whole gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from sourcebook.paths import resource_dir

# A token: an acronym with dots (U.S.), a word with inner hyphens/dots/slashes (Buk-M2, 2.245,
# F/A-18E/F, H&K), or any other single non-space character.
TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[-–/.&]\w+)*\+?|[^\w\s]")


@dataclass(frozen=True)
class Entry:
    """A known thing: ``kind`` is one of drafts.ENTITY_KINDS."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str = ""
    type: str = ""
    maker: str = ""
    weak: bool = False  # a common word: a mention only next to a class word or a designation


@dataclass(frozen=True)
class Hit:
    """One phrase found in a token list: token indexes [first, last) and what it names."""

    first: int
    last: int
    value: object
    form: str = ""  # "name" | "demonym" (for countries)


class PhraseIndex:
    """Longest-match look-up of multi-token phrases over a token list."""

    def __init__(self, fold_case: bool) -> None:
        self.fold = fold_case
        self.table: dict[str, tuple[object, str]] = {}
        self.heads: dict[str, int] = {}  # first token -> longest phrase length starting with it

    def key(self, text: str) -> str:
        return text.lower() if self.fold else text

    def add(self, phrase: str, value: object, form: str = "name") -> None:
        toks = [self.key(t) for t in TOKEN.findall(phrase)]
        if not toks:
            return
        k = " ".join(toks)
        self.table.setdefault(k, (value, form))
        if self.heads.get(toks[0], 0) < len(toks):
            self.heads[toks[0]] = len(toks)

    def find(self, words: list[str]) -> list[Hit]:
        """Non-overlapping longest matches, left to right; ``words`` are token texts."""
        keys = [w.lower() for w in words] if self.fold else words
        heads, table = self.heads, self.table
        hits: list[Hit] = []
        n = len(keys)
        nxt = 0  # the first token not inside an earlier hit
        for i in [i for i, k in enumerate(keys) if k in heads]:  # only tokens that can open a phrase
            if i < nxt:
                continue
            for size in range(min(heads[keys[i]], n - i), 0, -1):
                got = table.get(keys[i] if size == 1 else " ".join(keys[i : i + size]))
                if got is not None:
                    hits.append(Hit(i, i + size, got[0], got[1]))
                    nxt = i + size
                    break
        return hits


@dataclass
class Gazetteer:
    names: PhraseIndex = field(default_factory=lambda: PhraseIndex(False))
    upper_names: PhraseIndex = field(default_factory=lambda: PhraseIndex(False))
    classes: PhraseIndex = field(default_factory=lambda: PhraseIndex(True))
    countries: dict[str, Entry] = field(default_factory=dict)
    systems: dict[str, Entry] = field(default_factory=dict)
    organisations: dict[str, Entry] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # lower-case demonym -> country
    class_kind: dict[str, str] = field(default_factory=dict)  # canonical class -> kind
    units: dict[str, tuple[str, str]] = field(default_factory=dict)  # form -> (singular, kind)
    numbers: dict[str, float] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)  # name or abbreviation -> number
    abbreviations: dict[str, str] = field(default_factory=dict)  # "Gen." -> "never"
    starters: frozenset[str] = frozenset()
    capitals: frozenset[str] = frozenset()  # capital cities that stand for their country ("Manila signed")


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def _col(row: list[str], i: int) -> str:
    return row[i] if i < len(row) else ""


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def plural(phrase: str) -> str:
    """English plural of a phrase's last word (aircraft and words in -s stay as they are)."""
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low in ("aircraft", "artillery", "ammunition") or low.endswith("ss"):
        out = last + ("es" if low.endswith("ss") else "")
    elif low.endswith(("s", "x", "ch", "sh")):
        out = last + "es"
    elif low.endswith("y") and low[-2:-1] not in "aeiou":
        out = last[:-1] + "ies"
    elif len(last) > 1 and last.isupper():
        out = last + "s"  # MBTs, APCs
    else:
        out = last + "s"
    return f"{head} {out}" if head else out


def _add_entry(g: Gazetteer, entry: Entry) -> None:
    for alias in (entry.name, *entry.aliases):
        g.names.add(alias, entry)
        if entry.kind == "system" and alias[-1:].isalnum() and not alias.endswith("s"):
            g.names.add(alias + "s", entry, "plural")  # Rafales, Gripens
        if alias.upper() != alias:
            g.upper_names.add(alias.upper(), entry)


def load(root: Path | None = None) -> Gazetteer:
    """Read every gazetteer file under ``root`` (the bundled folder by default)."""
    root = root or resource_dir() / "gazetteer"
    g = Gazetteer()
    for row in _rows(root / "countries.tsv"):
        name, aliases, demonyms, capitals = row[0], _split(_col(row, 1)), _split(_col(row, 2)), _split(_col(row, 3))
        g.capitals = g.capitals | frozenset(capitals)
        aliases = aliases + capitals
        entry = Entry(name, "country", tuple(aliases + demonyms), country=name)
        g.countries[name] = entry
        for alias in (name, *aliases):
            g.names.add(alias, entry)
            g.upper_names.add(alias.upper(), entry)
        for dem in demonyms:
            g.demonyms[dem.lower()] = name
            if dem not in aliases:
                g.names.add(dem, entry, "demonym")
                g.upper_names.add(dem.upper(), entry, "demonym")
        g.demonyms[name.lower()] = name
    for row in _rows(root / "organisations.tsv"):
        entry = Entry(row[0], "organisation", tuple(_split(_col(row, 1))), _col(row, 2), _col(row, 3))
        g.organisations[entry.name] = entry
        _add_entry(g, entry)
    for row in _rows(root / "systems.tsv"):
        weak = row[0].startswith("~")
        name = row[0].lstrip("~")
        entry = Entry(name, "system", tuple(_split(_col(row, 1))), _col(row, 4), _col(row, 2), _col(row, 3), weak)
        g.systems[name] = entry
        _add_entry(g, entry)
    for row in _rows(root / "exercises.tsv"):
        entry = Entry(row[0], "exercise", tuple(_split(_col(row, 1))), _col(row, 2))
        _add_entry(g, entry)
    for row in _rows(root / "classes.tsv"):
        canonical, kind = row[0], _col(row, 1) or "system"
        g.class_kind[canonical] = kind
        for form in (canonical, *_split(_col(row, 2))):
            g.classes.add(form, form.lower() if not form.isupper() else form)
            g.classes.add(plural(form), form.lower() if not form.isupper() else form)
            g.class_kind.setdefault(form.lower() if not form.isupper() else form, kind)
    for row in _rows(root / "units.tsv"):
        g.units[row[0].lower()] = (row[0].lower(), _col(row, 2) or "item")
        g.units[_col(row, 1).lower() or plural(row[0])] = (row[0].lower(), _col(row, 2) or "item")
    for row in _rows(root / "numbers.tsv"):
        g.numbers[row[0].lower()] = float(row[1])
    for row in _rows(root / "months.tsv"):
        for form in (row[0], *_split(_col(row, 2))):
            g.months[form.rstrip(".").lower()] = int(row[1])
    for row in _rows(root / "abbreviations.tsv"):
        g.abbreviations[row[0]] = _col(row, 1) or "never"
    starters = root / "sentence_starters.txt"
    g.starters = frozenset(w for w in (r[0] for r in _rows(starters)))
    return g


@cache
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, read on first use and shared afterwards."""
    return load()
