"""Descriptions on our own sentences: type, origin, manufacturer, developer, operator, capability."""

from __future__ import annotations

from sourcebook.ingest.drafts import ClaimDraft
from sourcebook.ingest.extract import extract
from sourcebook.ingest.reader import parse


def claims(body: str, predicate: str | None = None) -> list[ClaimDraft]:
    text = "Headline\n\n" + body
    out = extract(parse(text, "t")).claims
    return [c for c in out if predicate is None or c.predicate == predicate]


def test_passive_manufactured_by_and_the_appositive_of_the_maker() -> None:
    got = claims("The Spyder system is manufactured by Rafael, an Israeli defence company.")
    facts = {(c.predicate, c.subject.name, c.object_text) for c in got}
    assert ("manufacturer", "Spyder", "Rafael") in facts
    assert ("origin", "Rafael", "Israel") in facts
    assert ("type", "Rafael", "defence company") in facts


def test_developed_by_is_developer() -> None:
    (c,) = claims("The Bayraktar TB2 drone was developed by Baykar.", "developer")
    assert (c.subject.name, c.object_text) == ("Bayraktar TB2", "Baykar")


def test_designation_followed_by_a_class_gives_its_type() -> None:
    (c,) = claims("The HQ-9 air defense system was shown.", "type")
    assert (c.subject.name, c.object_text) == ("HQ-9", "air defense system")


def test_copula_type_drops_the_demonym_into_origin() -> None:
    got = claims("Nammo is a Norwegian ammunition manufacturer.")
    facts = {(c.predicate, c.subject.name, c.object_text) for c in got}
    assert ("type", "Nammo", "ammunition manufacturer") in facts and ("origin", "Nammo", "Norway") in facts


def test_capability_with_up_to_and_units() -> None:
    got = claims("The S-400 can track up to 80 targets and has a range of up to 400 km.", "capability")
    by_attr = {c.qualifiers["attribute"]: c for c in got}
    assert by_attr["range"].qualifiers["value"] == 400 and by_attr["range"].qualifiers["unit"] == "km"
    assert by_attr["range"].qualifiers["bound"] == "up to" and by_attr["range"].value == 400
    assert by_attr["targets"].qualifiers["value"] == 80


def test_number_words_in_capabilities() -> None:
    (c,) = claims("The Tor-M2 can engage four targets at once.", "capability")
    assert c.qualifiers["value"] == 4


def test_operators_from_a_list_with_a_class_and_a_demonym_built_item() -> None:
    text = (
        "Armed Forces of Chile\n\nThe Air Force is equipped with F-16 fighters, C-130 aircraft, "
        "as well as Polish built Mi-2 helicopters."
    )
    got = extract(parse(text, "t")).claims
    ops = {c.subject.name for c in got if c.predicate == "operator" and c.object_text == "Chile"}
    assert ops == {"F-16", "C-130", "Mi-2"}
    assert any(c.predicate == "manufacturer" and c.subject.name == "Mi-2" and c.object_text == "Poland" for c in got)


def test_the_class_word_refers_to_the_system_in_focus() -> None:
    got = claims("Greece operates the S-300. The surface-to-air missile system guards Crete.", "type")
    assert any(c.subject.name == "S-300" and c.object_text == "surface-to-air missile system" for c in got)


def test_no_describe_claims_from_plain_prose() -> None:
    assert claims("Officials met on Tuesday and talked for an hour about the budget.") == []
