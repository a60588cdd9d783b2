"""A person's first name the tagger typed as a place joins the surname after it (accords.actors.first_names)."""

from __future__ import annotations

import pytest
from actors_helpers import owner, run

import accords.actors.first_names as first_names

pytestmark = pytest.mark.slow

HOLTZ = "Douglas Holtz-Eakin, president of the American Action Forum, said the plan would cost more."


def test_first_name_typed_as_a_place_is_the_persons():
    got = owner(run(HOLTZ), "Douglas")
    assert got is not None and got.type == "PERSON" and got.name == "Douglas Holtz-Eakin"
    assert got.country is None  # not the Isle of Man (Douglas is its capital)


def test_flag_off_leaves_the_place(monkeypatch):
    monkeypatch.setattr(first_names, "FIRST_NAME_PLACE", False)
    got = owner(run(HOLTZ), "Douglas")
    assert got is None or got.type != "PERSON"


def test_speaker_gets_the_name():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "quotes"))
    from quotes_helpers import quote_of
    from quotes_helpers import run as run_all

    q = quote_of(
        run_all('"The deficit will grow," said Douglas Holtz-Eakin, an economist in Washington.'), "deficit"
    )
    assert q.speaker is not None and q.speaker.name == "Douglas Holtz-Eakin"


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        ("India Walton, the mayoral candidate, said she would win.", "India", "India Walton"),
        ("Jordan Peterson, a psychologist, said the debate was over.", "Jordan", "Jordan Peterson"),
        ("Georgia Smith, a nurse in Ohio, said the hospital was full.", "Georgia", "Georgia Smith"),
        ("Chad Johnson, a former receiver, said he was retiring.", "Chad", "Chad Johnson"),
    ],
)
def test_places_that_are_first_names_before_a_surname(text, word, name):
    got = owner(run(text), word)
    assert got is not None and got.type == "PERSON" and got.name == name


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Washington Post reported that the talks had failed.", "Washington"),
        ("Washington Nationals manager Dave Martinez said the team was tired.", "Washington"),
        ("The American Israel Public Affairs Committee said the deal was bad.", "Israel"),
        ("Dallas Cowboys coach Jason Garrett said the team was ready.", "Dallas"),
    ],
)
def test_places_in_names_of_organisations_stay_places(text, word):
    got = owner(run(text), word)
    assert got is None or got.type != "PERSON"
