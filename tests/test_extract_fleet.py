"""Constructions added after the fourth blind set: one small test each, on our own sentences (not the set's)."""

from __future__ import annotations

from sourcebook.ingest.drafts import ClaimDraft
from sourcebook.ingest.extract import extract
from sourcebook.ingest.reader import parse


def claims(body: str, predicate: str | None = None, title: str = "Headline") -> list[ClaimDraft]:
    out = extract(parse(title + "\n\n" + body, "t")).claims
    return [c for c in out if predicate is None or c.predicate == predicate]


def test_awarded_x_a_contract_to_supply_y_makes_x_the_supplier() -> None:
    got = claims(
        "Norway's defence ministry awarded Patria a contract to supply 40 Patria NEMO mortar systems in 2023.",
        "contract_signed",
    )
    assert [
        (
            c.subject.name,
            c.object_text,
            c.qualifiers.get("supplier"),
            c.qualifiers.get("quantity"),
            c.qualifiers.get("year"),
        )
        for c in got
    ] == [("Patria NEMO", "Norway", "Patria", 40, 2023)]


def test_a_company_division_keeps_its_full_name() -> None:
    got = claims(
        "Chile's air force awarded Lockheed Martin Rotary and Mission Systems a contract to supply six S-70i helicopters.",
        "contract_signed",
    )
    assert [c.qualifiers.get("supplier") for c in got] == ["Lockheed Martin Rotary and Mission Systems"]


def test_an_inventory_list_gives_operators_with_quantities() -> None:
    got = claims(
        "Peru operates 12 MiG-29SMP fighters and eight Su-25 attack jets, according to the annual survey.", "operator"
    )
    assert {(c.subject.name, c.object_text, c.qualifiers.get("quantity")) for c in got} == {
        ("MiG-29SMP", "Peru", 12),
        ("Su-25", "Peru", 8),
    }


def test_has_n_in_service_and_eight_8_quantities() -> None:
    got = claims("Kenya has 10 Z-9W helicopters and eight (8) AW139 helicopters in service.", "operator")
    assert {(c.subject.name, c.qualifiers.get("quantity")) for c in got} == {("Z-9W", 10), ("AW139", 8)}


def test_has_n_on_order_is_a_contract_not_an_operator() -> None:
    got = claims("Greece has 20 F-35A jets on order.")
    assert [
        (c.predicate, c.subject.name, c.object_text, c.qualifiers.get("quantity"))
        for c in got
        if c.predicate in ("operator", "contract_signed")
    ] == [("contract_signed", "F-35A", "Greece", 20)]


def test_has_ordered_is_no_inventory() -> None:
    assert claims("Greece has ordered 20 F-35A jets from the United States.", "operator") == []


def test_a_cancelled_order_is_a_contract_with_status_cancelled_and_no_delivery() -> None:
    got = claims("Qatar cancelled its order for 12 NH90 helicopters from Airbus in March, citing delays.")
    assert [
        (c.predicate, c.subject.name, c.object_text, c.qualifiers.get("status"), c.qualifiers.get("quantity"))
        for c in got
        if c.predicate in ("contract_signed", "delivered_to")
    ] == [("contract_signed", "NH90", "Qatar", "cancelled", 12)]


def test_a_split_delivery_list_gives_one_delivery_per_recipient() -> None:
    got = claims(
        "Nexter delivered 30 CAESAR howitzers in 2023: 18 to Lithuania, 8 to Belgium and 4 to Croatia.", "delivered_to"
    )
    assert {(c.object_text, c.qualifiers.get("quantity"), c.qualifiers.get("year")) for c in got} == {
        ("Lithuania", 18, 2023),
        ("Belgium", 8, 2023),
        ("Croatia", 4, 2023),
    }


def test_will_replace_its_ageing_y_with_z() -> None:
    got = claims("Chile's navy will replace its ageing Type 23 frigates with the KF-21 Boramae.")
    facts = {
        (c.predicate, c.subject.name, c.object_text, c.qualifiers.get("status"))
        for c in got
        if c.predicate in ("operator", "contract_signed")
    }
    assert ("operator", "Type 23", "Chile", None) in facts
    assert ("contract_signed", "KF-21 Boramae", "Chile", "planned") in facts


def test_a_decade_is_a_date_without_a_year() -> None:
    got = claims("Algeria bought its first Mi-24 helicopters from the Soviet Union in the 1980s.", "delivered_to")
    assert [(c.subject.name, c.qualifiers.get("date"), c.qualifiers.get("year")) for c in got] == [
        ("Mi-24", "1980s", None)
    ]


def test_the_second_of_two_coordinated_objects_is_no_buyer() -> None:
    body = (
        "Chad's junta has turned to Ankara and Beijing instead: it received Bayraktar TB2 drones from Baykar in 2023."
    )
    assert {c.object_text for c in claims(body, "delivered_to")} <= {"Chad"}


def test_bought_by_names_the_buyer_not_the_supplier() -> None:
    got = claims("The JLTV is also being bought by the Slovenian Army.", "delivered_to")
    assert all(c.qualifiers.get("supplier") != c.object_text for c in got)


def test_a_sum_of_money_in_a_foreign_currency_is_no_model() -> None:
    got = claims("The navy signed a contract worth PHP28 billion for two corvettes in 2021.")
    assert not any(c.subject.name.startswith("PHP") for c in got)


def test_a_product_bullet_with_an_apposition_is_named_by_its_head() -> None:
    body = "Products\n\n- Kestrel, a wheeled armoured personnel carrier with a crew of two\n"
    got = claims(body, "manufacturer", title="Nordic Vehicle Works")
    assert [c.subject.name for c in got] == ["Kestrel"]
