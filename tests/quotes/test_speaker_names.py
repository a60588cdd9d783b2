"""Speaker spans that name someone the entity lookup left without an entity (accords.quotes.speaker_names)."""

from __future__ import annotations

from quotes_helpers import speaker_name

from accords.quotes import speaker_names

SURNAME = (
    "Maria Early, a baker in Leeds, opened her shop on Monday.\n"
    '"Bread is patience," says Early. "You cannot hurry the dough."'
)
APPOS = (
    "The shop's owner, Joe Marlowe, who also runs a bakery in the city, denied that the prices had been raised "
    "for the holidays."
)


def test_surname_the_tagger_missed_links_to_the_full_name(monkeypatch):
    assert speaker_name(SURNAME, "Bread is patience") == "Maria Early"
    monkeypatch.setattr(speaker_names, "SURNAME_LINK", False)
    assert speaker_name(SURNAME, "Bread is patience") != "Maria Early"


def test_description_with_a_name_in_apposition_is_that_person(monkeypatch):
    assert speaker_name(APPOS, "prices had been raised") == "Joe Marlowe"
    monkeypatch.setattr(speaker_names, "APPOS_NAME", False)
    assert speaker_name(APPOS, "prices had been raised") != "Joe Marlowe"


def test_two_people_of_one_surname_leave_it_unresolved():
    text = (
        "Bill Early and Mary Early opened the shop in March.\n"
        '"We bake every night," says Early. "Nobody else does."'
    )
    assert speaker_name(text, "We bake every night") is None


GROUP_APPOS = (
    "Two neighbours, Ruth Calder and Owen Pike, complained that the new road would flood their gardens every "
    "spring."
)


def test_a_group_is_not_one_of_its_members(monkeypatch):
    assert speaker_name(GROUP_APPOS, "would flood their gardens") != "Ruth Calder"
    monkeypatch.setattr(speaker_names, "GROUP_GUARD", False)
    assert speaker_name(GROUP_APPOS, "would flood their gardens") == "Ruth Calder"


def test_a_later_they_copies_an_unnamed_group_not_a_bare_name() -> None:
    from accords.quotes.speakers import _group_name

    assert _group_name("Turkish officials") and _group_name("investors") and _group_name("Officials")
    assert not _group_name("Valve") and not _group_name("WHO")
