"""The spec sheet model: aggregation, disputes, corroboration, the register and stable notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import C, add_article, new_library

from sourcebook.sheets.model import UNKNOWN, build_sheet
from sourcebook.store import queries

TOR = "Tor-M2"
RU_BY = {"supplier": "Russia"}

ARTICLE_A = (
    "Tor-M2 Deal Signed\n"
    "Photo Courtesy: Mil.by\n"
    "MINSK, Oct 25, 2017 (BelTA) - Russia signed a contract on Oct 25, 2017 to supply two batteries of "
    "Tor-M2 to Belarus. The Tor-M2 is manufactured by Almaz-Antey. Its range is 12 km. "
    "Deliveries of Tor-M2 from Russia followed in 2011 and 2012.\n"
)
ARTICLE_B = (
    "Tor-M2 in Service\n"
    "The Tor M2 is made by Almaz-Antey. Its range is up to 16 km. "
    "Russia delivered a battery of Tor-M2 to Belarus in 2014. "
    "Russia and Belarus signed the 2009 accord on air defence cooperation. "
    "The Zapad 2017 exercise involved Belarus and Russia. "
    "Tor-M2 units took part in the Shield 2021 drill. "
    "Belarus received more Tor-M2 systems.\n"
)
ARTICLE_C = (
    "A <b>bold</b> claim & more\n"
    "The Tor-M2 is a <script>alert(1)</script> launcher & radar. "
    "France and India signed a pact in 2015.\n"
)


def sheet_library(path: Path):  # type: ignore[no-untyped-def]
    """Three articles about Tor-M2: two disagree on range, two agree on the manufacturer."""
    lib = new_library(path)
    add_article(
        lib,
        "tor-a",
        ARTICLE_A,
        [
            C(
                TOR,
                "contract_signed",
                "Russia signed a contract on Oct 25, 2017 to supply two batteries of Tor-M2 to Belarus",
                "Belarus",
                object_kind="country",
                qualifiers={**RU_BY, "date": "Oct 25, 2017", "year": 2017, "quantity": 2, "unit": "batteries"},
            ),
            C(TOR, "manufacturer", "manufactured by Almaz-Antey", "Almaz-Antey", object_kind="organisation"),
            C(
                TOR,
                "capability",
                "range is 12 km",
                "12 km range",
                qualifiers={"attribute": "range", "value": 12, "unit": "km"},
            ),
            C(
                TOR,
                "delivered_to",
                "Deliveries of Tor-M2 from Russia followed in 2011",
                "Belarus",
                object_kind="country",
                qualifiers={**RU_BY, "year": 2011},
            ),
            C(
                TOR,
                "delivered_to",
                "Deliveries of Tor-M2 from Russia followed in 2011 and 2012",
                "Belarus",
                object_kind="country",
                qualifiers={**RU_BY, "year": 2012},
            ),
        ],
        mentions=[(TOR, "system")],
    )
    add_article(
        lib,
        "tor-b",
        ARTICLE_B,
        [
            C(TOR, "manufacturer", "made by Almaz-Antey", "Almaz-Antey", object_kind="organisation"),
            C(
                TOR,
                "capability",
                "range is up to 16 km",
                "16 km range",
                qualifiers={"attribute": "range", "value": 16, "unit": "km", "bound": "up to"},
            ),
            C(
                TOR,
                "delivered_to",
                "Russia delivered a battery of Tor-M2 to Belarus in 2014",
                "Belarus",
                object_kind="country",
                qualifiers={**RU_BY, "year": 2014, "quantity": 1, "unit": "battery"},
            ),
            C(TOR, "operator", "Belarus received more Tor-M2", "Belarus", object_kind="country"),
            C(TOR, "delivered_to", "Belarus received more Tor-M2 systems", "Belarus", object_kind="country"),
            C(
                "2009 accord",
                "agreement",
                "Russia and Belarus signed the 2009 accord",
                subject_kind="agreement",
                object_list=["Russia", "Belarus"],
                qualifiers={"year": 2009},
            ),
            C(
                "Zapad",
                "exercise",
                "The Zapad 2017 exercise involved Belarus and Russia",
                subject_kind="exercise",
                object_list=["Belarus", "Russia"],
                qualifiers={"year": 2017},
            ),
            C("Shield", "exercise", "Shield 2021 drill", subject_kind="exercise", qualifiers={"year": 2021}),
        ],
        mentions=[(TOR, "system"), ("Tor M2", "system")],
    )
    add_article(
        lib,
        "tor-c",
        ARTICLE_C,
        [
            C(
                TOR,
                "type",
                "a <script>alert(1)</script> launcher & radar",
                "<script>alert(1)</script> launcher & radar",
            ),
            C(
                "pact",
                "agreement",
                "France and India signed a pact in 2015",
                subject_kind="agreement",
                object_list=["France", "India"],
                qualifiers={"year": 2015},
            ),
        ],
    )
    return lib


@pytest.fixture
def lib(tmp_path):  # type: ignore[no-untyped-def]
    with sheet_library(tmp_path / "sheet.sqlite") as lib:
        yield lib


@pytest.fixture
def sheet(lib):  # type: ignore[no-untyped-def]
    return build_sheet(lib, queries.find_entity(lib, "tor m2").id)


def _fact(facts, label):  # type: ignore[no-untyped-def]
    return next(f for f in facts if f.label == label)


def test_sources_that_agree_give_one_value_with_two_notes(sheet):
    maker = _fact(sheet.header, "Manufacturer")
    assert [v.text for v in maker.values] == ["Almaz-Antey"]
    assert len(maker.values[0].numbers) == 2 and maker.values[0].corroborated
    assert not maker.disputed
    slugs = {sheet.note(n).article_slug for n in maker.values[0].numbers}
    assert slugs == {"tor-a", "tor-b"}


def test_sources_that_disagree_are_all_shown_and_disputed(sheet):
    rng = _fact(sheet.capabilities, "range")
    assert rng.disputed
    assert [v.text for v in rng.values] == ["12 km", "up to 16 km"]
    quotes = [sheet.note(v.numbers[0]).parts()[1] for v in rng.values]
    assert quotes == ["range is 12 km", "range is up to 16 km"]
    assert sheet.disputed == (rng,)


def test_unstated_header_values_are_not_invented(sheet):
    assert [f.label for f in sheet.header] == ["Type / class", "Manufacturer"]


def test_register_lists_deliveries_with_years_and_contract_with_date(sheet):
    rows = [
        (
            t.kind,
            t.supplier,
            t.recipient.text,
            t.quantity.text,
            [v.text for v in t.ordered],
            [v.text for v in t.delivered],
        )
        for t in sheet.transfers
    ]
    assert rows == [
        ("delivery", "Russia", "Belarus", UNKNOWN, [], ["2011", "2012"]),
        ("delivery", "Russia", "Belarus", "1 battery", [], ["2014"]),
        ("contract", "Russia", "Belarus", "2 batteries", ["Oct 25, 2017"], []),
        ("delivery", UNKNOWN, "Belarus", UNKNOWN, [], []),
    ]
    years = sheet.transfers[0].delivered
    assert sheet.note(years[0].numbers[0]).parts()[1].endswith("2011")
    assert sheet.undated == {"delivery": 1}


def test_agreements_and_exercises_are_related_by_sentence_or_parties(sheet):
    assert [(r.name.text, r.why) for r in sheet.agreements] == [("2009 accord", "same article, same parties")]
    assert [(r.name.text, r.why) for r in sheet.exercises] == [
        ("Zapad", "same article, same parties"),
        ("Shield", "same sentence"),
    ]
    # the France–India pact shares an article with the system but none of its parties
    assert "pact" not in {r.name.text for r in sheet.agreements}


def test_timeline_has_dated_events_in_order(sheet):
    assert [(e.year, e.kind) for e in sheet.timeline] == [
        (2009, "agreement"),
        (2011, "delivery"),
        (2012, "delivery"),
        (2014, "delivery"),
        (2017, "contract"),
        (2017, "exercise"),
        (2021, "exercise"),
    ]


def test_notes_are_numbered_in_order_of_use_and_stable_between_builds(lib, sheet):
    again = build_sheet(lib, sheet.entity_id)
    assert again == sheet
    assert [n.number for n in sheet.notes] == list(range(1, len(sheet.notes) + 1))
    seen = []
    for f in (*sheet.header, sheet.operators, *sheet.capabilities):
        for v in f.values:
            seen += [n for n in v.numbers if n not in seen]
    assert seen == list(range(1, len(seen) + 1))


def test_notes_quote_the_sentence_with_title_credit_and_dateline(sheet):
    contract = sheet.transfers[2]
    note = sheet.note(contract.recipient.numbers[0])
    assert note.article_title == "Tor-M2 Deal Signed"
    assert note.credits == ("Mil.by",)
    assert note.date == "Oct 25, 2017"
    before, quote, after = note.parts()
    assert before + quote + after == note.sentence
    assert quote.startswith("Russia signed a contract")


def test_sheet_of_an_unknown_entity_is_an_error(lib):
    from sourcebook.errors import SourcebookError

    with pytest.raises(SourcebookError):
        build_sheet(lib, 9999)
