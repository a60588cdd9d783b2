"""Rules added in events.plover.v3, checked pair-given (code_pair) and end to end on hand-written sentences."""

from __future__ import annotations

import pytest
from events_helpers import run

from accords.events import code_pair


@pytest.mark.slow
def test_critics_say_is_an_allegation_against_the_one_they_speak_of() -> None:
    s = "Mr Orban's critics say he has used the emergency powers to silence the press."
    assert code_pair(s, "Mr Orban's critics", "he")[0] == "ACCUSE"


@pytest.mark.slow
def test_grant_without_aid_goods_is_a_concession() -> None:
    s = "The court granted the opposition party permission to hold its congress."
    assert code_pair(s, "The court", "the opposition party")[0] == "CONCEDE"
    s = "Japan granted Sri Lanka food aid worth $5 million."
    assert code_pair(s, "Japan", "Sri Lanka")[0] == "AID"


@pytest.mark.slow
def test_out_of_the_question_is_a_rejection() -> None:
    s = "The president said that releasing the prisoners was out of the question."
    assert code_pair(s, "The president", None)[0] == "REJECT"


@pytest.mark.slow
def test_untagged_capitalised_word_is_no_town() -> None:
    # "Federal" is also a town in Argentina; an untagged title word must not give the actor a country
    rec = run("The Federal Minister for Interior allowed the opposition to hold a rally in the capital.")
    assert all(a.code != "ARG" for ev in rec.events for a in ev.actor)


@pytest.mark.slow
def test_unattributed_attack_needs_the_attack_as_subject() -> None:
    # a named perpetrator that resolves to no state is not replaced by the place of the attack
    rec = run("Unknown gunmen killed two policemen in Kandahar on Monday.")
    assert all(a.sector != "UAF" for ev in rec.events for a in ev.actor)
