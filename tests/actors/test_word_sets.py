"""Word sets kept in two places read one list: the title words of actors.names are picks from actors.roles, the
verbs of saying of actors.anaphora and quotes.direct_v6 picks from quotes.lexicon.SPEECH_VERBS."""

from __future__ import annotations

from accords.actors import names, roles


def test_person_titles_are_heads_or_honorifics() -> None:
    assert roles.PERSON_TITLES - (roles.HEADS | roles.HONORIFICS) == {"princess"}


def test_name_titles_are_heads_or_modifiers() -> None:
    assert roles.NAME_TITLES <= roles.HEADS | roles.MODIFIERS


def test_names_reads_the_roles_sets() -> None:
    assert names.PERSON_TITLES is roles.PERSON_TITLES and names.NAME_TITLES is roles.NAME_TITLES


def test_reporting_verbs_are_verbs_of_saying() -> None:
    """The actors stage keeps its own short list of verbs of saying (it may not import the quotes stage's lexicon):
    every one of them is one of the quotes stage's SPEECH_VERBS, and so are direct_v6's picks."""
    from accords.actors.anaphora import REPORTING_VERBS
    from accords.quotes.direct_v6 import _GO_ON, _SAYING
    from accords.quotes.lexicon import SPEECH_VERBS

    assert REPORTING_VERBS <= SPEECH_VERBS
    assert _SAYING <= SPEECH_VERBS and _GO_ON <= SPEECH_VERBS
