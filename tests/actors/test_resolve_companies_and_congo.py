"""Bare 'Congo' is the Democratic Republic (news style since 1997); companies named as actors are MNC or their state,
sector BUS, not a town of the same name somewhere in the gazetteer."""

from __future__ import annotations

import pytest

from accords.actors import resolve_actor


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Congo", "COD"),
        ("the Congo", "COD"),
        ("eastern Congo", "COD"),
        ("DR Congo", "COD"),
        ("Republic of Congo", "COG"),
        ("Congo Republic", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("Brazzaville", "COG"),
    ],
)
def test_congo_names(text: str, code: str) -> None:
    info = resolve_actor(text)
    assert info is not None and info.code == code


@pytest.mark.parametrize(
    ("text", "code"), [("Google", "MNC"), ("Facebook", "MNC"), ("Gazprom", "RUS"), ("Saudi Aramco", "SAU")]
)
def test_companies_are_business_actors(text: str, code: str) -> None:
    info = resolve_actor(text)
    assert info is not None and (info.code, info.sector, info.type) == (code, "BUS", "ORG")


def test_common_words_are_not_companies() -> None:
    assert resolve_actor("total") is None
    assert resolve_actor("the Amazon") is None or resolve_actor("the Amazon").sector != "BUS"


def test_a_company_in_an_article_is_linked_as_business() -> None:
    import accords

    rec = accords.extract("Gazprom halted gas deliveries to Moldova on Monday, the company said.")
    ents = [e for e in rec.entities if e.name == "Gazprom"]
    assert ents and ents[0].country == "RUS" and ents[0].sector == "BUS"


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Kingston", "JAM", "GOV"),  # also Norfolk Island's capital: Jamaica is the state news means
        ("Belgrade", "SRB", "GOV"),  # geonames files it under Serbia and Montenegro as well
        ("San Jose", "USA", None),  # the Californian city is larger than Costa Rica's capital
        ("Islamabad", "PAK", "GOV"),
    ],
)
def test_capitals_shared_with_other_cities(text: str, code: str, sector: str | None) -> None:
    info = resolve_actor(text)
    assert info is not None and (info.code, info.sector) == (code, sector)


def test_a_name_many_places_share_gives_no_state() -> None:
    assert resolve_actor("Victoria") is None
