"""resolve_actor and the metonym table: string work, no model loaded."""

from __future__ import annotations

import pytest

from accords.actors import get_gazetteer, resolve_actor


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("the Kremlin", "RUS", "GOV"),
        ("Kremlin", "RUS", "GOV"),
        ("the White House", "USA", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Élysée", "FRA", "GOV"),
        ("Moscow", "RUS", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("Washington", "USA", "GOV"),
        ("Beijing", "CHN", "GOV"),
    ],
)
def test_resolve_metonyms_to_their_government(text, code, sector):
    info = resolve_actor(text)
    assert info is not None and info.kind == "metonym"
    assert (info.code, info.sector) == (code, sector)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia", "RUS"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("Türkiye", "TUR"),
        ("Russian Federation", "RUS"),
        ("North Korea", "PRK"),
    ],
)
def test_resolve_state_names_to_iso3(text, code):
    info = resolve_actor(text)
    assert info is not None and info.code == code and info.type == "GPE"


@pytest.mark.parametrize(
    ("text", "code", "sector", "typ"),
    [
        ("Turkish officials", "TUR", "GOV", "GROUP"),
        ("Russian officials", "RUS", "GOV", "GROUP"),
        ("a Turkish official", "TUR", "GOV", "GROUP"),
        ("Ukraine's delegation", "UKR", "GOV", "GROUP"),
        ("Russia\u2019s delegation", "RUS", "GOV", "GROUP"),
        ("the Ukrainian side", "UKR", "GOV", "GROUP"),
        ("U.S. forces", "USA", "MIL", "GROUP"),
        ("Israeli troops", "ISR", "MIL", "GROUP"),
        ("Russian Foreign Ministry", "RUS", "GOV", "ORG"),
        ("Ukraine's Defence Ministry", "UKR", "MIL", "ORG"),
        ("Russia's foreign minister", "RUS", "GOV", "PERSON"),
        ("Syrians", "SYR", "CVL", "GROUP"),
    ],
)
def test_resolve_groups_bodies_and_titles(text, code, sector, typ):
    info = resolve_actor(text)
    assert info is not None, text
    assert (info.code, info.sector, info.type) == (code, sector, typ)


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("NATO", "IGO", "MIL"),
        ("the United Nations", "UNO", "GOV"),
        ("UN Security Council", "UNO", "GOV"),
        ("EU", "EUR", "GOV"),
        ("OSCE", "IGO", "GOV"),
        ("African Union", "IGO", "GOV"),
        ("ICC", "IGO", "JUD"),
        ("IAEA", "IGO", "GOV"),
        ("Hamas", "PSE", "REB"),
        ("Hezbollah", "LBN", "REB"),
        ("the Taliban", "AFG", "REB"),
        ("ISIS", "IMG", "REB"),
        ("Islamic State", "IMG", "REB"),
        ("Daesh", "IMG", "REB"),
        ("Houthis", "YEM", "REB"),
        ("Wagner Group", "RUS", "MIL"),
        ("Vladimir Putin", "RUS", "GOV"),
        ("Zelensky", "UKR", "GOV"),
        ("Zelenskyy", "UKR", "GOV"),
    ],
)
def test_resolve_actor_dictionary(text, code, sector):
    info = resolve_actor(text)
    assert info is not None and (info.code, info.sector) == (code, sector)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Luhansk", "UKR"),
        ("Zaporizhzhia", "UKR"),
        ("Kherson", "UKR"),
        ("Istanbul", "TUR"),
        ("Bosphorus", "TUR"),
        ("Crimea", "UKR"),
        ("Gaza Strip", "PSE"),
        ("northern Iraq", "IRQ"),
        ("Mosul", "IRQ"),
    ],
)
def test_resolve_places_to_their_country(text, code):
    info = resolve_actor(text)
    assert info is not None and info.code == code


@pytest.mark.parametrize("text", ["", "rebels", "the weather", "Foreign Ministry", "he", "officials"])
def test_resolve_unsure_phrases_give_none(text):
    assert resolve_actor(text) is None


def test_metonym_table_codes_are_iso3():
    gaz = get_gazetteer()
    for seat, (code, sector) in gaz.seats.items():
        assert code in gaz.iso_codes, seat
        assert sector in {"GOV", "MIL", "LEG", "SPY", "JUD"}
    for cap, code in gaz.capitals.items():
        assert code is None or code in gaz.iso_codes, cap


def test_actor_dictionary_states_its_date_and_valid_codes():
    gaz = get_gazetteer()
    assert gaz.as_of.startswith("20")
    for e in gaz.entries.values():
        assert e.country in gaz.iso_codes | {"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"}, e.name
        assert e.type in {"PERSON", "ORG"}
        assert e.wikidata is None or e.wikidata.startswith("Q")


def test_user_actor_dictionary_extends_and_overrides(tmp_path):
    from accords.actors.gazetteer import Gazetteer

    f = tmp_path / "mine.yaml"
    f.write_text(
        "actors:\n"
        "  - {name: Ivan Testov, aliases: [Testov], type: PERSON, country: BLR, sector: MIL, wikidata: Q1}\n"
        "  - {name: Marco Rubio, aliases: [Rubio], type: PERSON, country: USA, sector: LEG}\n"
    )
    gaz = Gazetteer(str(f))
    assert gaz.actor("Testov").country == "BLR"
    assert gaz.actor("Marco Rubio").sector == "LEG"
    assert gaz.actor("Vladimir Putin").country == "RUS"  # the starter dictionary stays


def test_user_actor_dictionary_bad_file_is_a_clear_error(tmp_path):
    from accords.actors.gazetteer import Gazetteer
    from accords.errors import InputError

    f = tmp_path / "bad.yaml"
    f.write_text("just a string\n")
    with pytest.raises(InputError, match="must be a list"):
        Gazetteer(str(f))
    with pytest.raises(InputError, match="cannot be read"):
        Gazetteer(str(tmp_path / "missing.yaml"))
