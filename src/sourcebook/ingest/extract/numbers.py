"""Numbers as written: digits with separators, number words, money, and the quantity before a noun."""

from __future__ import annotations

import re

from sourcebook.ingest.gazetteer import gazetteer

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mln": 1e6, "bn": 1e9}
MONEY = re.compile(
    r"(?P<cur>US\$|\$|€|£|USD ?|EUR ?)(?P<num>" + NUM + r")(?: ?(?P<scale>thousand|million|billion|trillion|mln|bn)\b)?"
    r"|(?P<num2>"
    + NUM
    + r") (?P<scale2>thousand|million|billion|trillion) (?P<cur2>euros?|dollars|rubles|roubles|pounds)"
)
BOUND = r"about|around|approximately|roughly|nearly|almost|some|over|more than|at least|up to|as many as|less than|fewer than|at most|a maximum of|maximum|at a range of up to"
BOUNDS = re.compile(r"(?:" + BOUND + r")$", re.I)
CURRENCY = {
    "$": "USD",
    "US$": "USD",
    "USD": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "dollars": "USD",
    "rubles": "RUB",
    "roubles": "RUB",
    "pounds": "GBP",
}


def number(word: str, articles: bool = False) -> float | None:
    """The value of a number written in digits or as a word (``ten``, ``dozen``); a/an only when asked."""
    w = word.strip().lower()
    if not w:
        return None
    if w[0].isdigit():
        try:
            return float(w.replace(",", ""))
        except ValueError:
            return None
    if w in ("a", "an", "single") and not articles:
        return None
    value = gazetteer().numbers.get(w)
    if value is None and "-" in w:  # twenty-four
        parts = [gazetteer().numbers.get(p) for p in w.split("-")]
        if all(p is not None for p in parts) and len(parts) == 2:
            return float(parts[0] + parts[1])  # type: ignore[operator]
    return value


def is_year(word: str) -> bool:
    """A year written as four digits ("2019"): never a quantity."""
    w = word.strip()
    return len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2099


def as_number(value: float) -> int | float:
    return int(value) if value == int(value) and abs(value) < 1e15 else value


def money(text: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, currency) of each sum of money in ``text``."""
    out = []
    for m in MONEY.finditer(text):
        num = m.group("num") or m.group("num2")
        scale = m.group("scale") or m.group("scale2")
        cur = (m.group("cur") or m.group("cur2") or "").strip()
        value = float(num.replace(",", "")) * SCALE.get(scale or "", 1)
        out.append((m.start(), m.end(), value, CURRENCY.get(cur, cur)))
    return out


def bound_before(text: str, pos: int) -> str:
    """``up to``/``about``/... written right before ``pos``, or ''."""
    m = BOUNDS.search(text[max(0, pos - 30) : pos].rstrip())
    return m.group(0).lower() if m else ""
