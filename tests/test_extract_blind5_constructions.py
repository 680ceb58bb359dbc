"""Constructions fixed after the fifth blind set (tests/data/extraction/blind5): one small test each, on our own
sentences and made-up names (not the blind set's), with the false positive each rule must not make."""

from __future__ import annotations

from sourcebook.ingest.drafts import ClaimDraft
from sourcebook.ingest.extract import extract
from sourcebook.ingest.reader import parse


def claims(text: str, predicate: str) -> list[ClaimDraft]:
    return [c for c in extract(parse(text, "t")).claims if c.predicate == predicate]


def test_rounds_a_minute_is_a_rate_of_fire() -> None:
    text = "Headline\n\nThe Zorvan-7 howitzer can fire up to eight rounds a minute. The T-99 gun fires 900 rounds per minute."
    got = {
        (c.subject.name, c.qualifiers["attribute"], c.qualifiers["value"], c.qualifiers["unit"])
        for c in claims(text, "capability")
    }
    assert ("Zorvan-7", "rate of fire", 8, "rounds per minute") in got
    assert ("T-99", "rate of fire", 900, "rounds per minute") in got
    assert not any(attr == "rounds" for _, attr, _, _ in got)  # not a number of rounds it carries


def test_rounds_it_carries_stay_a_load() -> None:
    text = "Headline\n\nThe Zorvan-7 howitzer carries 40 rounds in its turret."
    (c,) = claims(text, "capability")
    assert c.qualifiers["attribute"] == "rounds" and c.qualifiers["value"] == 40


def test_the_company_on_a_company_page_is_the_page_company() -> None:
    text = (
        "Veltrona\n\nVeltrona is an Italian manufacturer of armoured vehicles. In 2020 it was bought by "
        "Rolf Industries.\n\n== Products ==\n\nThe company builds the VX-4 armoured car and the VX-9 truck."
    )
    makers = {(c.subject.name, c.object_text) for c in claims(text, "manufacturer")}
    assert ("VX-4", "Veltrona") in makers and ("VX-9", "Veltrona") in makers
    assert not any(maker == "Rolf Industries" for _, maker in makers)  # the owner named last does not build them


def test_the_company_elsewhere_is_the_company_last_named() -> None:
    text = "Headline about exports\n\nRolf Industries said on Monday it was hiring. The company builds the VX-4 armoured car."
    assert ("VX-4", "Rolf Industries") in {(c.subject.name, c.object_text) for c in claims(text, "manufacturer")}


def test_operators_line_takes_the_named_force_and_no_count_from_the_model() -> None:
    text = (
        "Kestrel 40\n\nThe Kestrel 40 is a short-range air defence system.\n\n== Operators ==\n\n"
        "- Finland: the Finnish Army operates Kestrel 40 turrets on wheeled vehicles."
    )
    (c,) = claims(text, "operator")
    assert (c.subject.name, c.object_text) == ("Kestrel 40", "Finnish Army")
    assert c.qualifiers.get("quantity") != 40


def test_most_widely_exported_tells_no_delivery() -> None:
    text = (
        "Headline\n\nRuritania took delivery of the Zorvan-7 in 2021. Since then the Zorvan-7 has become the "
        "most widely exported weapon of its maker."
    )
    got = claims(text, "delivered_to")
    assert len(got) == 1 and got[0].qualifiers.get("year") == 2021
