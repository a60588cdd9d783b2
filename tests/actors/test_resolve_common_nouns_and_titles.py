"""A bare common noun names no state; "General" in a civil title is no military rank."""

from __future__ import annotations

import pytest

from accords.actors import get_gazetteer, resolve_actor
from accords.actors.resolve import role_sector


@pytest.mark.parametrize("text", ["Police", "police", "the Police", "POL", "Officer", "DXB"])
def test_resolve_common_noun_or_code_is_no_state(text):
    # "Police" is a town in Poland and "DXB" an alternate name of Dubai in the city table: neither is an actor
    assert resolve_actor(text) is None


@pytest.mark.parametrize(
    ("text", "code"), [("Poland", "POL"), ("Warsaw", "POL"), ("Kharkiv", "UKR"), ("UN", "UNO")]
)
def test_resolve_real_places_still_resolve(text, code):
    info = resolve_actor(text)
    assert info is not None and info.code == code


def test_gazetteer_place_skips_common_nouns_but_keeps_towns():
    gaz = get_gazetteer()
    assert gaz.place("Police") is None
    assert gaz.place("Gdansk") is not None and gaz.place("Gdansk")[0] == "POL"


@pytest.mark.parametrize(
    ("role", "sector"),
    [
        ("Secretary-General", "GOV"),
        ("Secretary General", "GOV"),
        ("Governor-General", "GOV"),
        ("Surgeon General", "GOV"),
        ("Attorney General", "JUD"),
        ("General", "MIL"),
        ("Lieutenant General", "MIL"),
    ],
)
def test_role_sector_civil_general_titles_are_not_military(role, sector):
    assert role_sector(role) == sector


@pytest.mark.parametrize(
    "text",
    [
        "Secretary-General Antonio Guterres",
        "UN Secretary-General Antonio Guterres",
        "Secretary General Guterres",
    ],
)
def test_resolve_titled_secretary_general_is_un_government(text):
    info = resolve_actor(text)
    assert info is not None and (info.code, info.sector) == ("UNO", "GOV")


def test_resolve_attorney_general_of_a_state_is_judicial():
    info = resolve_actor("Russia's Attorney General")
    assert info is not None and (info.code, info.sector) == ("RUS", "JUD")


@pytest.mark.slow
def test_event_actor_secretary_general_not_military():
    from accords.core import process_article
    from accords.records import Article

    rec = process_article(
        Article(
            id="t",
            text="Secretary-General Antonio Guterres urged Russia to withdraw its troops.",
            published="2025-05-16",
        )
    )
    actors = [a for e in rec.events for a in e.actor]
    assert actors and all(a.code == "UNO" and a.sector != "MIL" for a in actors)


@pytest.mark.slow
def test_linker_civil_general_title_is_not_military() -> None:
    import accords

    rec = accords.extract(b"Attorney General Pam Bondi said on Monday that the inquiry would continue.")
    (person,) = [e for e in rec.entities if e.type == "PERSON"]
    assert person.role == "Attorney General"
    assert person.sector == "JUD"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "role", "country"),
    [
        ("U.S. Surgeon General Vivek Murthy said on Monday that smoking kills.", "Surgeon General", "USA"),
        ("U.N. Secretary-General Kofi Annan said on Monday that he would stay.", "Secretary-General", "UNO"),
    ],
)
def test_linker_civil_general_keeps_whole_title_and_its_country(text, role, country) -> None:
    import accords

    rec = accords.extract(text.encode())
    (person,) = [e for e in rec.entities if e.type == "PERSON"]
    assert (person.role, person.country, person.sector) == (role, country, "GOV")


def test_role_sector_abbreviated_rank_is_military():
    assert role_sector("Gen.") == "MIL"
    assert role_sector("Lt. Gen.") == "MIL"


@pytest.mark.slow
def test_titled_one_word_name_is_a_person_not_a_town() -> None:
    # "Bush" is also a town in Egypt; after "President" it is a person, and no event gets Egypt as its actor
    import accords

    rec = accords.extract(b"President Bush has threatened further action against Russia on television.")
    assert all(e.country != "EGY" for e in rec.entities)
    assert all(a.code != "EGY" for ev in rec.events for a in ev.actor)


def test_trinidad_is_trinidad_and_tobago():
    info = resolve_actor("Trinidad")
    assert info is not None and info.code == "TTO"


@pytest.mark.parametrize(
    ("text", "code"), [("International Labor Office", "UNO"), ("ILO", "UNO"), ("European Community", "EUR")]
)
def test_resolve_more_intergovernmental_bodies(text, code):
    info = resolve_actor(text)
    assert info is not None and info.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("Tamil Tigers", "LKA"), ("Khmer Rouge", "KHM"), ("Chechen rebels", "RUS"), ("East Timor", "TLS")],
)
def test_resolve_armed_groups_regions_and_states_of_past_news(text, code):
    info = resolve_actor(text)
    assert info is not None and info.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Soviet Union", "RUS"),
        ("Zaire", "COD"),
        ("Kampuchea", "KHM"),
        ("Czechoslovakia", "CZE"),
        ("Rhodesia", "ZWE"),
        ("Northern Ireland", "GBR"),
        ("Bosnian Serb forces", "BIH"),
        ("PLO", "PSE"),
    ],
)
def test_resolve_former_state_names_and_stacked_demonyms(text, code):
    # news of the 1980s and 1990s names states that have since changed their names or split
    info = resolve_actor(text)
    assert info is not None and info.code == code


@pytest.mark.parametrize(("text", "code"), [("ROK", "KOR"), ("FYROM", "MKD")])
def test_resolve_state_abbreviations_of_older_news(text, code):
    info = resolve_actor(text)
    assert info is not None and info.code == code


@pytest.mark.parametrize("word", ["Republic", "Union", "Federal", "Independence"])
def test_capitalised_common_word_is_no_town(word):
    # each is also a small town in the city table; alone it names no actor
    assert resolve_actor(word) is None


def test_islamic_republic_is_iran_not_a_town_called_republic():
    info = resolve_actor("Islamic Republic")
    assert info is not None and info.code == "IRN"
