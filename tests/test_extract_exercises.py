"""Exercises on our own sentences: apposition with a host force, a host named before the edition, participants
("including A, B and C", "A and B sent jets", "troops from A and B took part", "the A and B armies concluded X")."""

from __future__ import annotations

from sourcebook.ingest.drafts import ClaimDraft
from sourcebook.ingest.extract import extract
from sourcebook.ingest.reader import parse


def claims(body: str, predicate: str | None = None) -> list[ClaimDraft]:
    out = extract(parse("Headline\n\n" + body, "t")).claims
    return [c for c in out if predicate is None or c.predicate == predicate]


def parties(c: ClaimDraft) -> list[str]:
    return [o.name for o in c.object_list or []]


def test_apposition_gives_the_type_and_a_host_force_gives_its_state() -> None:
    got = claims(
        "Exercise Southern Lance 2025, an annual maritime strike exercise hosted by the Royal Canadian Navy, "
        "ended on Friday off Halifax."
    )
    typ = next(c for c in got if c.predicate == "type")
    assert (typ.subject.name, typ.object_text) == ("Southern Lance 2025", "maritime strike exercise")
    host = next(c for c in got if c.rule == "exercise.hosted_by")
    assert parties(host) == ["Canada"] and host.qualifiers["year"] == 2025 and host.qualifiers["role"] == "host"


def test_a_host_named_before_the_next_edition() -> None:
    got = claims(
        "Exercise Southern Lance 2025 ended on Friday.\n\nCanada will host the next edition, Southern Lance 2027, "
        "in May 2027."
    )
    host = next(c for c in got if c.rule == "exercise.host_named")
    assert (host.subject.name, host.object_text, host.qualifiers["year"]) == ("Southern Lance 2027", "Canada", 2027)


def test_participants_after_including_and_no_restatement() -> None:
    got = claims(
        "Exercise Southern Lance 2025 ended on Friday.\n\nThis year's exercise involved 3,000 sailors from 12 "
        "nations, including Chile, Peru and Brazil.\n\n- Chile sent two frigates to the exercise."
    )
    ex = [c for c in got if c.predicate == "exercise"]
    assert [parties(c) for c in ex] == [["Chile", "Peru", "Brazil"]]
    assert ex[0].subject.name == "Southern Lance 2025" and ex[0].qualifiers["year"] == 2025


def test_countries_that_sent_jets_and_one_that_participated() -> None:
    got = claims(
        "Exercise Red Dune 2026 began in March.\n\nEgypt, Jordan and Greece sent fighter jets, while Cyprus "
        "participated for the first time.",
        "exercise",
    )
    assert [parties(c) for c in got] == [["Egypt", "Jordan", "Greece", "Cyprus"]]


def test_troops_from_two_states_took_part() -> None:
    got = claims(
        "Exercise Red Dune 2026 began in March.\n\nTroops from Kenya and Uganda took part in the live-fire phase.",
        "exercise",
    )
    assert [parties(c) for c in got] == [["Kenya", "Uganda"]]


def test_the_armies_of_two_states_concluded_an_unknown_exercise() -> None:
    got = claims("The Moroccan and French armies concluded Desert Falcon 2024 near Guelmim on Oct. 2.", "exercise")
    assert [(c.subject.name, parties(c), c.qualifiers["year"]) for c in got] == [
        ("Desert Falcon 2024", ["Morocco", "France"], 2024)
    ]


def test_a_force_that_brought_its_jets_operates_them() -> None:
    got = claims(
        "Exercise Red Dune 2026 began in March.\n\n- The Indian Air Force brought four Su-30MKI fighters.", "operator"
    )
    assert [(c.subject.name, c.object_text) for c in got] == [("Su-30MKI", "Indian Air Force")]


def test_sending_troops_to_a_country_is_no_participation() -> None:
    got = claims("Exercise Red Dune 2026 began in March.\n\nTurkey sent troops to Libya in 2020.", "exercise")
    assert got == []


def test_a_two_digit_edition_is_a_year() -> None:
    got = claims(
        "Soldiers trained alongside Latvian and Lithuanian troops during Saber Strike 25, an exercise that involved "
        "troops from 13 nations, including Poland and Estonia.",
        "exercise",
    )
    assert [(parties(c), c.qualifiers.get("year")) for c in got] == [
        (["Latvia", "Lithuania", "Poland", "Estonia"], 2025)
    ]
