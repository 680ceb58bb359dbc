"""Synthetic defence-news articles from templates over the gazetteers: deterministic for a seed.

Used by the benchmark (a library of N articles) and by the reliability tests (articles to ingest
while being killed). Sentences vary in construction the way wire copy does: deliveries,
contracts, capabilities, agreements, exercises, and plain context that states nothing.
"""

from __future__ import annotations

import random
from pathlib import Path

from sourcebook.paths import resource_dir

MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
UNITS = [
    ("battery", "batteries"),
    ("launcher", "launchers"),
    ("unit", "units"),
    ("division", "divisions"),
    ("system", "systems"),
    ("aircraft", "aircraft"),
    ("vehicle", "vehicles"),
]
NUMBERS = ["two", "three", "four", "five", "six", "eight", "ten", "12", "16", "24", "36"]
SIDES = ["north", "south", "east", "west"]
SURNAMES = ["Ivanov", "Smith", "Kowalski", "Haddad"]
ATTRS = [
    ("tracked targets", "targets", (4, 80)),
    ("range of", "km", (10, 400)),
    ("maximum altitude of", "km", (3, 30)),
    ("crew of", "personnel", (2, 6)),
]


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (resource_dir() / "gazetteer" / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


class Vocabulary:
    def __init__(self) -> None:
        self.systems = [r[0] for r in _tsv("systems.tsv")]
        self.countries = [r[0] for r in _tsv("countries.tsv")]
        self.makers = [r[0] for r in _tsv("organisations.tsv")]
        self.exercises = [r[0] for r in _tsv("exercises.tsv")]


def _sentence(rng: random.Random, v: Vocabulary, system: str, buyer: str, seller: str, year: int) -> str:
    n = rng.choice(NUMBERS)
    unit, units = rng.choice(UNITS)
    month = rng.choice(MONTHS)
    attr, measure, (lo, hi) = rng.choice(ATTRS)
    templates = [
        f"On {month} {rng.randint(1, 28)}, {buyer} took delivery of {n} {system} {units} from {seller}.",
        f"{buyer} bought {n} {system} {units} from {seller} in {year}.",
        f"The first delivery was completed in {year}, followed by additional deliveries in {year + 1} and {year + 3}.",
        f"In {year}, {buyer} signed a contract with {seller} for {n} {system} {units}.",
        f"The {system} is manufactured by {rng.choice(v.makers)}.",
        f"The {system} has a {attr} {rng.randint(lo, hi)} {measure}.",
        f"{buyer} and {seller} signed an agreement on air defence cooperation in {year}.",
        f"Troops from {buyer} and {seller} took part in the {rng.choice(v.exercises)} exercises in {year}.",
        f"{seller} is expected to deliver {n} more {units} to {buyer} by {year + 2}.",
        f"The ministry said the {system} would be deployed to the {rng.choice(SIDES)} of {buyer}.",
        f"Analysts said the deal reflected a wider pattern of cooperation between {buyer} and {seller}.",
        f"Officials declined to comment on the cost of the programme, estimated at "
        f"${rng.randint(1, 9)}.{rng.randint(1, 9)} billion.",
        f"The {system} air defense missile systems are operated by {buyer}.",
        f"“This is a major step for our armed forces,” Gen. {rng.choice('ABCDEFGH')}. {rng.choice(SURNAMES)} said.",
    ]
    return rng.choice(templates)


def article(seed: int, index: int, v: Vocabulary | None = None) -> tuple[str, str]:
    """(slug, text) of article `index` for `seed`: a title, a credit line and 15-30 sentences."""
    v = v or Vocabulary()
    rng = random.Random(seed * 1_000_003 + index)
    system, buyer, seller = rng.choice(v.systems), rng.choice(v.countries), rng.choice(v.countries)
    year = rng.randint(1995, 2025)
    title = f"{buyer} Expands Air Defence With {system}"
    paras, left = [], rng.randint(15, 30)
    while left > 0:
        k = min(left, rng.randint(2, 5))
        paras.append(" ".join(_sentence(rng, v, system, buyer, seller, year) for _ in range(k)))
        left -= k
    credit = f"Photo Courtesy: {rng.choice(['Ministry of Defence', 'Press Service', 'Staff Photographer'])}"
    return f"s{seed}-{index:06d}", "\n\n".join([title, credit, *paras]) + "\n"


def write_articles(folder: Path, n: int, seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    v = Vocabulary()
    paths = []
    for i in range(n):
        slug, text = article(seed, i, v)
        p = folder / f"{slug}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths
