"""Events on our own sentences: agreements, exercises, deployments; mentions are clickable spans."""

from __future__ import annotations

from sourcebook.ingest.drafts import ClaimDraft
from sourcebook.ingest.extract import extract
from sourcebook.ingest.reader import parse


def claims(body: str, predicate: str | None = None) -> list[ClaimDraft]:
    text = "Headline\n\n" + body
    out = extract(parse(text, "t")).claims
    return [c for c in out if predicate is None or c.predicate == predicate]


def test_a_dated_accord_between_two_countries() -> None:
    (c,) = claims("The plan rests on a 2014 accord between India and France on naval cooperation.", "agreement")
    assert c.subject.name.startswith("2014 accord") and c.qualifiers["year"] == 2014
    assert {o.name for o in c.object_list or []} == {"India", "France"}


def test_a_named_exercise_with_its_year_and_participants() -> None:
    text = (
        "Exercise Northern Shield 2023 to begin\n\nNorthern Shield 2023 is a joint naval exercise that will take "
        "place in Norway and Denmark.\n\nParticipating nations include Norway, Denmark, Sweden and Finland."
    )
    got = extract(parse(text, "t")).claims
    kinds = {(c.predicate, c.rule) for c in got}
    assert ("type", "type.copula") in kinds
    places = {c.object_text for c in got if c.predicate == "deployed_to"}
    assert places == {"Norway", "Denmark"}
    part = next(c for c in got if c.rule == "exercise.participants")
    assert [o.name for o in part.object_list or []] == ["Norway", "Denmark", "Sweden", "Finland"]
    assert part.qualifiers["year"] == 2023


def test_deployed_to_a_country_with_year() -> None:
    (c,) = claims("Pantsir-S1 systems were deployed to Syria in 2015.", "deployed_to")
    assert (c.subject.name, c.object_text, c.qualifiers["year"]) == ("Pantsir-S1", "Syria", 2015)


def test_mentions_cover_demonyms_designations_and_abbreviations() -> None:
    text = "Title\n\nThe Byelorussian army fields the National Advanced Surface-to-Air Missile System (NASAMS) and T-72B3 tanks."
    ex = extract(parse(text, "t"))
    seen = {(text[m.start : m.end], m.entity.name) for m in ex.mentions}
    assert ("Byelorussian", "Belarus") in seen
    assert ("NASAMS", "NASAMS") in seen and ("T-72B3", "T-72B3") in seen
