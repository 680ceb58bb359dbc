"""Tests run offscreen, with settings and data kept away from the user's own."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402


def pytest_addoption(parser):
    parser.addoption(
        "--kills",
        type=int,
        default=8,
        help="how many times the kill test kills an ingest (CI: 8; try 200 for a long run)",
    )


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """Point QSettings and XDG folders at a temp dir so no test reads or writes real settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("SOURCEBOOK_SETTINGS_DIR", str(home / "settings"))


@pytest.fixture(scope="session", autouse=True)
def _bundle_never_modified():
    """Promise: nothing the suite runs (commands, the app) changes the bundled library."""
    import hashlib

    from sourcebook.paths import bundled_library

    bundle = bundled_library()
    before = hashlib.sha256(bundle.read_bytes()).hexdigest() if bundle.exists() else None
    yield
    after = hashlib.sha256(bundle.read_bytes()).hexdigest() if bundle.exists() else None
    assert after == before, f"{bundle} was modified during the test run"
    for suffix in ("-wal", "-shm", "-journal"):
        assert not bundle.with_name(bundle.name + suffix).exists(), f"{bundle}{suffix} appeared"


# --- desktop app (tests/test_ui_*.py) --------------------------------------------------------------

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bd67aca98012c737.txt"


def seed_claims():  # type: ignore[no-untyped-def]
    """Hand-written claims for the seed article, quoting it exactly."""
    from factories import C

    return [
        C(
            "Tor-M2",
            "delivered_to",
            "Belarus was given this new armament",
            object="Belarus",
            object_kind="country",
            qualifiers={"date": "Oct. 25"},
        ),
        C(
            "Tor-M2",
            "supplied_from",
            "deliveries of Tor-M2 batteries from Russia to Belarus",
            object="Russia",
            object_kind="country",
        ),
        C(
            "Tor-M2",
            "delivered_to",
            "The first delivery was facilitated in 2011",
            object="Belarus",
            object_kind="country",
            qualifiers={"year": 2011},
        ),
        C(
            "Tor-M2",
            "delivered_to",
            "additional deliveries in 2012 and 2014",
            object="Belarus",
            object_kind="country",
            qualifiers={"year": 2012},
        ),
        C(
            "Tor-M2",
            "manufacturer",
            "manufactured by a Russian state-owned Air and Space Defense Corporation, Almaz-Antey",
            object="Almaz-Antey",
            object_kind="organisation",
        ),
        C("Tor-M2", "type", "surface based anti-aircraft defense", object="surface-to-air missile system"),
        C("Tor-M2", "tracked_targets", "ten tracked targets", object="10 targets", value=10, unit="targets"),
        C("Tor-M2", "processed_targets", "48 processed targets", object="48 targets", value=48, unit="targets"),
        C(
            "Belarus",
            "agreement",
            "a 2009 accord that sought to increase the military relationship",
            object="2009 accord",
            subject_kind="country",
            qualifiers={"year": 2009},
        ),
    ]


SEED_MENTIONS = [("Tor-M2", "system"), ("Almaz-Antey", "organisation"), ("Belarus", "country"), ("Russia", "country")]

EMOJI_TEXT = (
    "Emoji 🚀 Field Notes\n\nPhoto Courtesy: Test 📷 Desk\n"
    "The 🚀 launcher S-400 entered service in 2007 with 🇷🇺 forces. Its radar 📡 sees far.\n"
    "A second paragraph names the S-400 again.\n"
)
HOSTILE_TEXT = (
    "<b>Hostile</b> & <i>odd</i> article\n\n"
    "The text says <script>alert(1)</script> and <img src=file:///etc/passwd> and "
    '<a href="http://example.com/">a link</a> plainly.\n'
    "Arabic: مرحبا بالعالم‏ then ‮reversed‬ then 😀 end. The S-400 is mentioned &amp; so is &lt;tag&gt;.\n"
)


@pytest.fixture
def ui_library(tmp_path):  # type: ignore[no-untyped-def]
    """A library with the seed article, an emoji article and a hostile one; returns its path."""
    from factories import C, add_article, new_library

    path = tmp_path / "ui.sqlite"
    lib = new_library(path)
    add_article(lib, "seed", SEED.read_text(encoding="utf-8"), seed_claims(), mentions=SEED_MENTIONS)
    add_article(
        lib,
        "emoji",
        EMOJI_TEXT,
        [
            C("S-400", "in_service_since", "entered service in 2007", object="2007", qualifiers={"year": 2007}),
            C("S-400", "radar", "Its radar 📡 sees far", object="radar"),
        ],
        mentions=[("S-400", "system")],
    )
    add_article(
        lib,
        "hostile",
        HOSTILE_TEXT,
        [
            C("S-400", "mentioned_with", "<script>alert(1)</script>", object="script"),
        ],
        mentions=[("S-400", "system")],
    )
    lib.close()
    return path
