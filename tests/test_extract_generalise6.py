"""Rules added for the sixth blind set, each on our own sentences."""

from __future__ import annotations

from scoring import claim_rows

from sourcebook.ingest.extract import extract
from sourcebook.ingest.reader import parse


def _claims(text: str) -> set[tuple[str, str, str]]:
    return {(r["predicate"], r["subject"], str(r["object"])) for r in claim_rows(text, extract(parse(text, "t")))}


def _rows(text: str) -> list[dict]:
    return claim_rows(text, extract(parse(text, "t")))


def test_makers_in_a_which_clause_are_the_systems_makers() -> None:
    got = _claims("Spain operates the NSM anti-ship missile, which Kongsberg builds jointly with Raytheon.")
    assert ("manufacturer", "NSM", "Kongsberg") in got
    assert ("manufacturer", "NSM", "Raytheon") in got
    assert not any(p == "manufacturer" and "with" in subj for p, subj, _ in got)


def test_a_demonym_before_a_company_word_names_the_company_not_the_country() -> None:
    got = _claims("Chile flies twelve F-16 fighters built by the American aircraft maker Lockheed Martin.")
    assert ("manufacturer", "F-16", "Lockheed Martin") in got
    assert not any(p == "manufacturer" and o == "United States" for p, _, o in got)


def test_part_of_an_order_that_arrived_is_delivered_to_the_buyer() -> None:
    rows = _rows("Peru ordered ten HIMARS launchers, four of which arrived in 2023.")
    hit = [r for r in rows if r["predicate"] == "delivered_to" and r["subject"] == "HIMARS"]
    assert hit and hit[0]["object"] == "Peru"
    assert hit[0]["qualifiers"].get("quantity") == 4 and hit[0]["qualifiers"].get("year") == 2023


def test_no_buyer_guessed_from_a_number_word() -> None:
    rows = _rows("Nine HIMARS launchers were ordered, three of which arrived in 2023.")
    assert not [r for r in rows if r["predicate"] == "delivered_to" and r["object"] == "Nine"]


def test_a_based_on_aside_does_not_take_the_capability() -> None:
    rows = _rows("The Gripen, based on the Rafale airframe, can fly at a speed of Mach 2.")
    caps = [r for r in rows if r["predicate"] == "capability"]
    assert caps and all(r["subject"] == "Gripen" for r in caps)
