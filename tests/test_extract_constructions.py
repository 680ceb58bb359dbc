"""Constructions added for unseen text: one small test each, on our own sentences."""

from __future__ import annotations

from sourcebook.ingest.drafts import ClaimDraft
from sourcebook.ingest.extract import extract
from sourcebook.ingest.reader import parse


def claims(body: str, predicate: str | None = None, title: str = "Headline") -> list[ClaimDraft]:
    text = title + "\n\n" + body
    out = extract(parse(text, "t")).claims
    return [c for c in out if predicate is None or c.predicate == predicate]


def facts(body: str, predicate: str, title: str = "Headline") -> set[tuple[str, str]]:
    return {(c.subject.name, c.object_text) for c in claims(body, predicate, title)}


# transfers -----------------------------------------------------------------------------------


def test_contract_with_a_company_for_systems_keeps_value_supplier_and_dateline_date() -> None:
    body = (
        "OSLO, May 2 (Wire) - Chile signed a contract with Sweden's Saab for 12 Gripen E fighters worth "
        "$1.2 billion, officials said."
    )
    (c,) = claims(body, "contract_signed")
    assert (c.subject.name, c.object_text) == ("Gripen E", "Chile")
    assert c.qualifiers["supplier"] == "Saab" and c.qualifiers["quantity"] == 12
    assert c.qualifiers["value"] == 1_200_000_000 and c.qualifiers["date"] == "May 2"


def test_a_capital_city_stands_for_its_state() -> None:
    assert facts("Hanoi ordered 20 Yak-130 trainers from Russia in 2019.", "contract_signed") == {
        ("Yak-130", "Vietnam")
    }


def test_a_transfer_of_the_system_in_focus_by_its_class_word() -> None:
    body = "Chile bought the NASAMS in 2019. In 2021, Chile received three more batteries."
    got = {(c.subject.name, c.qualifiers.get("year")) for c in claims(body, "delivered_to")}
    assert got == {("NASAMS", 2019), ("NASAMS", 2021)}


def test_passive_delivery_of_the_first_units_takes_the_number_and_the_recipient_in_focus() -> None:
    body = "Norway ordered 24 K9 howitzers in 2017. The first 4 howitzers were delivered in 2019."
    (c,) = claims(body, "delivered_to")
    assert (c.subject.name, c.object_text, c.qualifiers["year"], c.qualifiers["quantity"]) == ("K9", "Norway", 2019, 4)


def test_delivery_under_a_deal_signed_earlier_is_also_a_contract_of_that_year() -> None:
    body = "India received the first S-400 batteries from Russia in 2021 under a $5.4 billion deal signed in 2018."
    (c,) = claims(body, "contract_signed")
    assert (c.subject.name, c.object_text, c.qualifiers["year"], c.qualifiers["value"]) == (
        "S-400",
        "India",
        2018,
        5_400_000_000,
    )
    assert claims(body, "delivered_to")[0].qualifiers["year"] == 2021


def test_a_relative_clause_names_what_the_buyer_acquired() -> None:
    body = "Bulgaria operates the MiG-29, which it acquired from the Soviet Union in 1990."
    assert facts(body, "delivered_to") == {("MiG-29", "Bulgaria")}


def test_exported_to_a_list_gives_one_delivery_each() -> None:
    body = "The Bayraktar TB2, made by Baykar, has been exported to Poland, Morocco and Kuwait."
    assert facts(body, "delivered_to") == {("Bayraktar TB2", c) for c in ("Poland", "Morocco", "Kuwait")}


def test_two_buyers_before_the_verb() -> None:
    body = "Greece took delivery of its first Rafale in 2021, while Croatia and Serbia have also acquired the type."
    assert facts(body, "delivered_to") == {("Rafale", "Greece"), ("Rafale", "Croatia"), ("Rafale", "Serbia")}


def test_expected_to_receive_is_a_delivery_with_a_status() -> None:
    (c,) = claims("Serbia is expected to receive 12 Rafale jets from France by 2028.", "delivered_to")
    assert c.qualifiers["status"] == "expected" and c.qualifiers["year"] == 2028 and c.qualifiers["quantity"] == 12


def test_an_approved_sale_to_the_government_of_a_country() -> None:
    body = (
        "The State Department has approved a possible Foreign Military Sale to the Government of Norway of "
        "six MH-60R helicopters for an estimated cost of $1 billion."
    )
    (c,) = claims(body, "contract_signed")
    assert (c.subject.name, c.object_text, c.qualifiers["status"]) == ("MH-60R", "Norway", "approved")


def test_a_force_as_buyer_is_its_state() -> None:
    assert facts("The Brazilian Air Force has taken delivery of two Gripen E jets.", "delivered_to") == {
        ("Gripen E", "Brazil")
    }


def test_plural_of_a_known_name() -> None:
    assert facts("Croatia ordered 12 Rafales from France.", "contract_signed") == {("Rafale", "Croatia")}


# what a thing is and whose ---------------------------------------------------------------------


def test_made_by_country_is_origin_only_and_covers_the_list() -> None:
    body = "The army flies Russian-made Mi-17 and Mi-35 helicopters."
    assert facts(body, "origin") == {("Mi-17", "Russia"), ("Mi-35", "Russia")}
    assert claims(body, "manufacturer") == []


def test_the_x_made_system_is_the_one_in_focus() -> None:
    body = "Turkey took delivery of the S-400 in 2019. The Russian-made system can engage targets at a range of 400 km."
    assert facts(body, "origin") == {("S-400", "Russia")}


def test_makers_listed_with_their_countries() -> None:
    body = "The BrahMos missile, jointly developed by India's DRDO and Russia's NPO Mashinostroyeniya, flies fast."
    assert facts(body, "developer") == {("BrahMos", "DRDO"), ("BrahMos", "NPO Mashinostroyeniya")}


def test_developed_by_an_unknown_company_and_made_by_another() -> None:
    body = "The Koral-9 was developed by Aselkor Systems in 2005 and is now manufactured by Norvik Industries."
    assert facts(body, "developer") == {("Koral-9", "Aselkor Systems")}
    assert facts(body, "manufacturer") == {("Koral-9", "Norvik Industries")}


def test_a_product_of_and_maker_of() -> None:
    assert facts("Spike-LR missiles, a product of Rafael, were ordered in 2019.", "manufacturer") == {
        ("Spike-LR", "Rafael")
    }
    assert facts("Turkey's Baykar, maker of the Bayraktar TB2, is growing.", "manufacturer") == {
        ("Bayraktar TB2", "Baykar")
    }


def test_in_service_with_a_list_of_forces_and_countries() -> None:
    body = "The CAESAR is a howitzer. The system is in service with the French Army, Belgium and Estonia."
    assert facts(body, "operator") == {("CAESAR", "French Army"), ("CAESAR", "Belgium"), ("CAESAR", "Estonia")}


def test_operators_include() -> None:
    body = "NASAMS is an air defence system. Operators include Spain, Oman and Qatar."
    assert facts(body, "operator") == {("NASAMS", "Spain"), ("NASAMS", "Oman"), ("NASAMS", "Qatar")}


def test_a_named_force_operates() -> None:
    body = "The Swedish Air Force operates about 90 Gripen C/D jets."
    assert facts(body, "operator") == {("Gripen C/D", "Swedish Air Force")}


def test_the_army_s_inventory_belongs_to_the_title_country() -> None:
    body = "The army's artillery includes D-30 howitzers and BM-21 Grad rocket launchers."
    assert facts(body, "operator", title="Kenyan Army equipment") == {("D-30", "Kenya"), ("BM-21 Grad", "Kenya")}


def test_two_owners_use_the_system() -> None:
    assert facts("Estonia and Finland also use the K9.", "operator") == {("K9", "Estonia"), ("K9", "Finland")}


def test_type_with_modifiers_between_name_and_class() -> None:
    body = "Vietnam bought BrahMos supersonic cruise missiles."
    assert {c.object_text for c in claims(body, "type")} == {"supersonic cruise missile"}


def test_title_case_words_in_a_title_are_not_a_class() -> None:
    assert claims("Turkey holds talks.", "type", title="Turkey Tests S-400 Radar") == []


def test_measurements_are_not_part_of_a_class() -> None:
    (c,) = claims("The Archer is a Swedish 155 mm self-propelled howitzer.", "type")
    assert c.object_text == "self-propelled howitzer"


def test_a_demonym_designed_appositive() -> None:
    body = "The K9, a South Korean-designed howitzer, is popular."
    assert facts(body, "developer") == {("K9", "South Korea")} and facts(body, "origin") == {("K9", "South Korea")}


def test_ship_classes_and_type_numbers_are_systems() -> None:
    body = "The navy's six Collins-class submarines were designed by Kockums. Egypt operates four Type 209/1400 submarines."
    assert ("Collins-class", "Kockums") in facts(body, "developer")
    assert ("Type 209/1400", "Egypt") in facts(body, "operator")


# capabilities ----------------------------------------------------------------------------------


def test_crew_carry_and_endurance() -> None:
    body = "The Akinci has a crew of two, can carry up to 1,500 kg of weapons and can stay aloft for 24 hours."
    got = {(c.qualifiers["attribute"], c.qualifiers["value"]) for c in claims(body, "capability")}
    assert got == {("crew", 2), ("payload", 1500), ("endurance", 24)}


def test_carry_missiles_and_detect_at_a_range() -> None:
    body = "The launcher can carry up to eight missiles, and its radar can detect targets at 150 km."
    claims_ = claims("The Koral-9 is a system. " + body, "capability")
    got = {(c.qualifiers["attribute"], c.qualifiers["value"]) for c in claims_}
    assert got == {("missiles", 8), ("detection range", 150)}


def test_the_capability_belongs_to_the_nearest_system_before_it() -> None:
    body = "The NASAMS fires the AIM-120 AMRAAM, which can engage targets at a range of up to 40 km."
    (c,) = claims(body, "capability")
    assert c.subject.name == "AIM-120 AMRAAM"


# events ----------------------------------------------------------------------------------------


def test_a_capitalised_agreement_name_and_not_its_weekday() -> None:
    body = "Japan and Australia signed a Reciprocal Access Agreement on Monday."
    (c,) = claims(body, "agreement")
    assert c.subject.name == "Reciprocal Access Agreement"
    assert {o.name for o in c.object_list} == {"Japan", "Australia"}


def test_a_lower_case_agreement_named_by_its_modifiers() -> None:
    (c,) = claims("In 2014, Japan and India signed a defence equipment transfer agreement.", "agreement")
    assert c.subject.name == "defence equipment transfer agreement" and c.qualifiers["year"] == 2014


def test_took_part_in_an_exercise_with_a_partner() -> None:
    (c,) = claims("Indian Navy ships took part in the Malabar exercise with Japan in 2023.", "exercise")
    assert {o.name for o in c.object_list} == {"India", "Japan"} and c.qualifiers["year"] == 2023


def test_co_hosted_exercise() -> None:
    body = "Talisman Sabre 2023 began in July. The exercise is co-hosted by Australia and the United States."
    got = [c for c in claims(body, "exercise") if c.rule == "exercise.co_hosts"]
    assert {o.name for o in got[0].object_list} == {"Australia", "United States"}


def test_active_deploy_to_a_place_and_the_force_operates_it() -> None:
    body = "The U.S. Air Force has deployed MQ-9 Reaper drones to Larissa air base."
    assert facts(body, "deployed_to") == {("MQ-9 Reaper", "Larissa")}
    assert facts(body, "operator") == {("MQ-9 Reaper", "U.S. Air Force")}


def test_a_country_hosting_a_unit_is_a_deployment() -> None:
    assert facts("Slovakia hosted a German Patriot unit in 2022.", "deployed_to") == {("Patriot", "Slovakia")}


def test_distractors_state_no_claim() -> None:
    body = (
        "Analysts said the purchase would strain the budget. The move drew criticism from Moscow. "
        "“This is an important day,” said the chief executive. A typhoon warning halted flights on Tuesday."
    )
    assert claims(body) == []
