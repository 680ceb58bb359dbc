"""Constructions added after the third blind set: one small test each, on our own sentences (not the set's)."""

from __future__ import annotations

from sourcebook.ingest.drafts import ClaimDraft
from sourcebook.ingest.extract import extract
from sourcebook.ingest.reader import parse


def claims(body: str, predicate: str | None = None, title: str = "Headline") -> list[ClaimDraft]:
    out = extract(parse(title + "\n\n" + body, "t")).claims
    return [c for c in out if predicate is None or c.predicate == predicate]


def facts(body: str, predicate: str) -> set[tuple[str, str]]:
    return {(c.subject.name, c.object_text) for c in claims(body, predicate)}


def test_a_model_number_closes_an_unknown_name_before_its_class() -> None:
    got = claims("Estonia ordered 12 Vaskor 3 self-propelled howitzers from Nordmet in 2022.", "contract_signed")
    assert {(c.subject.name, c.object_text, c.qualifiers.get("year")) for c in got} == {("Vaskor 3", "Estonia", 2022)}


def test_a_later_event_after_the_verb_does_not_lend_its_year() -> None:
    got = claims(
        "Kenya ordered 6 Z-9 helicopters from China in 2021, after receiving 4 of them between 2015 and 2017.",
        "contract_signed",
    )
    assert [(c.subject.name, c.qualifiers.get("year")) for c in got] == [("Z-9", 2021)]


def test_the_year_of_an_earlier_clause_is_not_the_second_verbs() -> None:
    body = "Ghana bought two patrol boats from France in 2020 and ordered three Z-9 helicopters from China in 2022."
    assert [c.qualifiers.get("year") for c in claims(body, "contract_signed")] == [2022]


def test_was_to_receive_is_not_a_passive() -> None:
    body = "Oman signed a contract for 6 Hawk jets in 2019. Meanwhile Kuwait, which was to receive eight M-346 trainers from Italy, waits."
    got = facts(body, "delivered_to")
    assert ("M-346", "Oman") not in got


def test_a_states_named_agency_buys_for_the_state() -> None:
    got = facts("Norway's Defence Materiel Agency ordered 14 K9 howitzers from Hanwha Aerospace.", "contract_signed")
    assert got == {("K9", "Norway")}


def test_a_letter_of_offer_and_acceptance_is_a_contract() -> None:
    got = claims(
        "Greece signed a letter of offer and acceptance with the United States for 20 F-35A fighters.",
        "contract_signed",
    )
    assert [(c.subject.name, c.object_text, c.qualifiers.get("supplier")) for c in got] == [
        ("F-35A", "Greece", "United States")
    ]
    assert not claims(
        "Greece signed a letter of offer and acceptance with the United States for 20 F-35A fighters.", "delivered_to"
    )


def test_parts_of_a_system_are_not_the_system() -> None:
    assert not claims("Spain halted deliveries of F-35 parts to Turkey in March.", "delivered_to")
    assert not claims("Finland suspended deliveries of NASAMS to Estonia.", "delivered_to")


def test_ex_owner_of_a_second_hand_system_is_its_supplier() -> None:
    (c,) = claims("Romania bought 32 ex-Norwegian F-16 fighters in 2022.", "delivered_to")
    assert (c.object_text, c.qualifiers.get("supplier")) == ("Romania", "Norway")


def test_a_per_launcher_load_is_not_a_capability() -> None:
    body = "The HIMARS fires guided rockets. Each launcher vehicle carries six rockets."
    assert not [c for c in claims(body, "capability") if c.qualifiers.get("attribute") == "rockets"]
    assert not claims("The HIMARS was tested. The trucks carry six rockets each.", "capability")


def test_a_subsidiary_is_not_a_type() -> None:
    assert not claims("Avibras is a subsidiary of Embraer Defense.", "type")


def test_a_relative_clause_does_not_lend_the_main_clauses_systems() -> None:
    body = "Peru, which signed a deal for 10 KF-21 jets in 2024, is assembling K2PE tanks under licence from Hyundai Rotem."
    assert {c.subject.name for c in claims(body, "contract_signed")} == {"KF-21"}


def test_a_national_force_with_a_word_between_state_and_force() -> None:
    got = facts("The Kuwait Emiri Air Force operates the Eurofighter Typhoon.", "operator")
    assert got == {("Eurofighter Typhoon", "Kuwait Emiri Air Force")}


def test_the_company_running_an_assembly_line_does_not_operate_the_aircraft() -> None:
    body = "The Italian Air Force received its 30th F-35A from the assembly line operated by Leonardo at Cameri."
    assert not [c for c in claims(body, "operator") if c.object_text == "Leonardo"]


def test_a_ship_named_after_its_class_word_is_a_system() -> None:
    got = claims("Chile received the former British Navy frigate Montrose in 2023.", "delivered_to")
    assert [(c.subject.name, c.object_text, c.qualifiers.get("supplier")) for c in got] == [
        ("Montrose", "Chile", "United Kingdom")
    ]


def test_a_participle_about_the_main_verbs_object_is_not_a_second_transfer() -> None:
    body = "Latvia bought the NASAMS in 2023. Latvia has received two of the batteries, supplied by Norway, to protect its IRIS-T units."
    assert not [c for c in claims(body, "delivered_to") if c.subject.name == "IRIS-T"]


def test_shells_are_not_the_gun_in_focus() -> None:
    body = (
        "Serbia bought 12 Nora B-52 howitzers in 2020. A Czech initiative delivered 300,000 shells to Ukraine in 2024."
    )
    assert not [c for c in claims(body, "delivered_to") if c.object_text == "Ukraine"]
