"""Constructions added after the blind set: denials and rumours, year ranges, unknown names before a class
word, generic buyers, masses and tonnage, operator list lines and contract table rows. Our own sentences."""

from __future__ import annotations

from sourcebook.ingest.drafts import ClaimDraft
from sourcebook.ingest.extract import extract
from sourcebook.ingest.extract.hedges import unreal
from sourcebook.ingest.reader import parse


def claims(body: str, predicate: str | None = None, title: str = "Headline") -> list[ClaimDraft]:
    out = extract(parse(title + "\n\n" + body, "t")).claims
    return [c for c in out if predicate is None or c.predicate == predicate]


def transfers(body: str, title: str = "Headline") -> set[tuple[str, str, str]]:
    return {
        (c.predicate, c.subject.name, c.object_text)
        for c in claims(body, title=title)
        if c.predicate in ("delivered_to", "contract_signed")
    }


# denials, rumours, negation ---------------------------------------------------------------------


def test_a_denied_purchase_is_no_delivery() -> None:
    assert (
        transfers("Ruritania's defence ministry denied reports that it had bought Su-35 fighters from Russia.") == set()
    )


def test_a_report_dismissed_as_false_is_no_delivery() -> None:
    assert transfers("Officials dismissed as false a report that Chile had received F-16 jets in 2020.") == set()


def test_unconfirmed_and_rumoured_transfers_are_dropped() -> None:
    assert transfers("Peru is said to have acquired Mi-35 helicopters, a claim officials have not confirmed.") == set()
    assert transfers("A spokesman would not confirm reports that 30 more K9 howitzers had been ordered.") == set()


def test_yet_to_take_delivery_keeps_the_order_but_not_the_delivery() -> None:
    got = transfers(
        "Chile, which ordered a single Type 209 submarine from Germany in 2017, has yet to take delivery of the boat."
    )
    assert got == {("contract_signed", "Type 209", "Chile")}


def test_unreal_reads_cues_before_and_after_the_verb() -> None:
    text = "Chile did not receive the jets."
    assert unreal(text, text.index("receive"), text.index("receive") + 7)
    text = "Chile received the jets in 2020."
    assert not unreal(text, text.index("received"), text.index("received") + 8)


# years, names, buyers ----------------------------------------------------------------------------


def test_a_year_range_gives_its_first_year() -> None:
    (c,) = claims("Angola received 12 Su-30K combat aircraft from Belarus in 2017–2019.", "delivered_to")
    assert c.qualifiers["year"] == 2017 and c.qualifiers["date"] == "2017–2019"
    (c,) = claims("Chile received 8 F-16 jets from the Netherlands between 2006 and 2008.", "delivered_to")
    assert c.qualifiers["year"] == 2006


def test_a_coordinated_later_verb_does_not_lend_its_year() -> None:
    (c,) = claims(
        "Chile ordered 45 H145M light helicopters in 2017 and completed deliveries in 2021.", "contract_signed"
    )
    assert c.subject.name == "H145M" and c.qualifiers["year"] == 2017


def test_an_unknown_name_before_a_class_word_is_a_system() -> None:
    got = {
        (c.subject.name, c.object_text) for c in claims("The Zefir loitering munition has a range of 30 km.", "type")
    }
    assert got == {("Zefir", "loitering munition")}
    assert transfers("Chile ordered 3 OPV 90X patrol vessels from Spain in 2019.") == {
        ("contract_signed", "OPV 90X", "Chile")
    }


def test_a_long_name_with_a_short_model_number_is_a_designation() -> None:
    assert {
        c.subject.name
        for c in claims("India's Vajrastra-1, built by Solar Industries, has a range of 15 km.", "capability")
    } == {"Vajrastra-1"}


def test_a_generic_ministry_buys_for_the_title_state() -> None:
    got = transfers("The ministry signed a contract for 12 H215M helicopters.", title="Chile Picks Airbus Helicopters")
    assert got == {("contract_signed", "H215M", "Chile")}


def test_a_national_defence_ministry_is_its_state() -> None:
    got = transfers("The Czech Ministry of Defence has signed a contract with KNDS for 44 Leopard 2A8 tanks.")
    assert got == {("contract_signed", "Leopard 2A8", "Czech Republic")}


# measures ------------------------------------------------------------------------------------------


def test_mass_displacement_tonnage_warhead_and_cruise_speed() -> None:
    body = (
        "The Zefir loitering munition weighs 5.7 kg and carries a 1.2 kg warhead. It cruises at about 115 mph. "
        "Chile ordered three of the 4,500-tonne FDI HN frigates. The FDI HN frigate displaces about 4,600 tonnes."
    )
    got = {(c.subject.name, c.qualifiers["attribute"], c.qualifiers["value"]) for c in claims(body, "capability")}
    assert got >= {
        ("Zefir", "weight", 5.7),
        ("Zefir", "warhead", 1.2),
        ("Zefir", "speed", 115),
        ("FDI HN", "displacement", 4500),
        ("FDI HN", "displacement", 4600),
    }


def test_endurance_in_minutes_and_range_in_nautical_miles() -> None:
    got = {
        (c.qualifiers["attribute"], c.qualifiers["unit"])
        for c in claims("The Hero-90 has an endurance of 60 minutes and a data link range of 160 nmi.", "capability")
    }
    assert got == {("endurance", "minutes"), ("range", "nmi")}


# lists and tables ------------------------------------------------------------------------------------

OPERATORS = """The Zefir Kirpa is a mine-resistant ambush protected vehicle.

Current operators

- Tunisia: 92 units delivered 2014–2016.
- Qatar: 50 ordered in 2016.

Former operators

- Georgia: 10 vehicles received in 2017, withdrawn in 2019."""


def test_operator_list_lines() -> None:
    out = claims(OPERATORS, title="Zefir Kirpa")
    got = {
        (c.predicate, c.object_text, c.qualifiers.get("year"), c.qualifiers.get("quantity"))
        for c in out
        if c.rule.endswith("list_line")
    }
    assert got == {
        ("operator", "Tunisia", None, None),
        ("delivered_to", "Tunisia", 2014, 92),
        ("operator", "Qatar", None, None),
        ("contract_signed", "Qatar", 2016, 50),
        ("delivered_to", "Georgia", 2017, 10),
    }  # a former operator is no operator


TABLE = """WARSAW, 28 December 2023

The Armament Agency signed the following contracts in the fourth quarter of 2023:

1. Zefir assault rifles | Fabryka Broni | 75,000 rifles | PLN 400 million
2. Kirpa infantry fighting vehicles | Huta Stalowa Wola | 111 vehicles | PLN 6.5 billion"""


def test_contract_table_rows_under_an_opening_sentence() -> None:
    out = [
        c
        for c in claims(TABLE, "contract_signed", title="Ministry of National Defence of Poland")
        if c.rule.endswith("table_row")
    ]
    got = {
        (
            c.subject.name,
            c.object_text,
            c.qualifiers.get("supplier"),
            c.qualifiers.get("quantity"),
            c.qualifiers.get("year"),
        )
        for c in out
    }
    assert got == {
        ("Zefir", "Poland", "Fabryka Broni", 75000, 2023),
        ("Kirpa", "Poland", "Huta Stalowa Wola", 111, 2023),
    }
