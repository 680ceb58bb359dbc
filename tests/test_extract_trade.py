"""Transfers on our own sentences: delivered_to and contract_signed with their qualifiers."""

from __future__ import annotations

from sourcebook.ingest.drafts import ClaimDraft
from sourcebook.ingest.extract import extract
from sourcebook.ingest.reader import parse


def claims(body: str, predicate: str | None = None) -> list[ClaimDraft]:
    text = "Headline\n\n" + body
    out = extract(parse(text, "t")).claims
    return [c for c in out if predicate is None or c.predicate == predicate]


def test_bought_from_is_a_delivery_with_supplier_quantity_and_year() -> None:
    (c,) = claims("Poland bought 48 K9 self-propelled howitzers from South Korea in 2022.", "delivered_to")
    assert (c.subject.name, c.object_text) == ("K9", "Poland")
    assert c.qualifiers["supplier"] == "South Korea"
    assert c.qualifiers["quantity"] == 48 and c.qualifiers["year"] == 2022


def test_took_delivery_of_keeps_the_date_as_written_and_folds_number_words() -> None:
    (c,) = claims("In March 2021, Egypt took delivery of four Rafale fighters from France.", "delivered_to")
    assert c.qualifiers["date"] == "March 2021" and c.qualifiers["quantity"] == 4
    assert c.qualifiers["supplier"] == "France" and c.rule == "delivered_to.verb"


def test_passive_acquired_with_batteries_folds_the_unit() -> None:
    body = "Turkey is a NATO member. In 2019, two batteries of S-400 systems were acquired from Russia by Turkey."
    (c,) = claims(body, "delivered_to")
    assert (c.subject.name, c.object_text, c.qualifiers["supplier"]) == ("S-400", "Turkey", "Russia")
    assert c.qualifiers["unit"] == "battery" and c.qualifiers["quantity"] == 2 and c.qualifiers["year"] == 2019


def test_signed_a_contract_for_is_contract_signed() -> None:
    (c,) = claims("Qatar signed a contract for 24 Eurofighter Typhoon jets in 2017.", "contract_signed")
    assert (c.subject.name, c.object_text, c.qualifiers["year"]) == ("Eurofighter Typhoon", "Qatar", 2017)
    assert claims("Qatar signed a contract for 24 Eurofighter Typhoon jets in 2017.", "delivered_to") == []


def test_ordered_from_is_contract_signed_with_supplier() -> None:
    (c,) = claims("Hungary ordered 44 Leopard 2A7+ tanks from Germany.", "contract_signed")
    assert (c.subject.name, c.object_text, c.qualifiers["supplier"], c.qualifiers["quantity"]) == (
        "Leopard 2A7+",
        "Hungary",
        "Germany",
        44,
    )


def test_a_plan_to_buy_keeps_its_predicate_with_a_status() -> None:
    (c,) = claims("Ukraine plans to buy eight IRIS-T SLM batteries from Germany.", "contract_signed")
    assert c.qualifiers["status"] == "planned" and c.qualifiers["quantity"] == 8


def test_the_quote_is_a_phrase_inside_the_sentence() -> None:
    text = "Headline\n\nIn March 2021, Egypt took delivery of four Rafale fighters from France."
    ex = extract(parse(text, "t"))
    c = next(c for c in ex.claims if c.predicate == "delivered_to")
    s = ex.sentences[c.sentence]
    assert s.start <= c.quote_start < c.quote_end <= s.end
    assert "took delivery of four Rafale" in text[c.quote_start : c.quote_end]


def test_follow_up_deliveries_take_the_transfer_in_focus() -> None:
    body = (
        "Deliveries of Buk-M2 batteries from Russia to Venezuela began in 2013. "
        "The first delivery was made in 2013, followed by more deliveries in 2015 and 2016."
    )
    years = sorted(
        c.qualifiers.get("year") for c in claims(body, "delivered_to") if c.rule == "delivered_to.focus_years"
    )
    assert years == [2013, 2015, 2016]


def test_no_trade_claims_from_unrelated_prose() -> None:
    assert claims("The weather was fine and the minister bought a coffee.") == []
    assert claims("The ministry said nothing about weapons or deliveries.") == []
