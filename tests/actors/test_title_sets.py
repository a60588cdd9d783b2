"""The title words of actors.names are picks from the ones of actors.roles: one list of titles, read two ways."""

from __future__ import annotations

from accords.actors import names, roles


def test_person_titles_are_heads_or_honorifics() -> None:
    assert roles.PERSON_TITLES - (roles.HEADS | roles.HONORIFICS) == {"princess"}


def test_name_titles_are_heads_or_modifiers() -> None:
    assert roles.NAME_TITLES <= roles.HEADS | roles.MODIFIERS


def test_names_reads_the_roles_sets() -> None:
    assert names.PERSON_TITLES is roles.PERSON_TITLES and names.NAME_TITLES is roles.NAME_TITLES
