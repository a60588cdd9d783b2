"""Reported speech added after quotes.rules.v5 (reported_v6), each on a sentence written for the test."""

from __future__ import annotations

import pytest
from quotes_helpers import one, run, speaker_text, texts

pytestmark = pytest.mark.slow


def test_v6_it_seems_hedges_the_clause_after_it() -> None:
    q = one(run("It now seems likely that the council will close the old bridge in March."), "likely")
    assert q.content[0].text == "likely that the council will close the old bridge in March"
    assert q.cue is not None and "seems" in q.cue.text
    assert q.speaker is None
    q = one(run("It appeared that the ferry company had quietly raised its fares again."), "that the ferry")
    assert q.speaker is None


def test_v6_it_seems_to_me_is_no_hedge_of_its_own() -> None:
    rec = run("It seems to me that the ferry company raised its fares too fast.")
    assert not any(q.cue is not None and "seems" in q.cue.text for q in rec.quotes), texts(rec)


def test_v6_a_personal_seem_is_left_alone() -> None:
    rec = run("The ferry company seemed to raise its fares without much warning last spring.")
    assert not any(q.cue is not None and "seemed" in q.cue.text for q in rec.quotes), texts(rec)


def test_v6_a_voiced_question_about_something_is_its_target() -> None:
    q = one(
        run("The senator raised questions about the city's contract with the ferry company."), "the city's"
    )
    assert q.content[0].text == "the city's contract with the ferry company"
    assert q.cue is not None and q.cue.text == "raised questions about"
    assert speaker_text(q) == "The senator"


def test_v6_an_owned_attack_in_words_is_reported() -> None:
    q = one(
        run("The mayor's attacks on the transit board grew sharper during the spring."), "the transit board"
    )
    assert q.cue is not None and q.cue.text == "attacks on"
    assert speaker_text(q) is not None and "mayor" in str(speaker_text(q))


def test_v6_an_attack_of_arms_reports_nothing() -> None:
    rec = run("The gunman carried out his deadly attack on the crowded market before dawn.")
    assert not any("market" in t for t in texts(rec)), texts(rec)
    rec = run("Investigators studied the attack on Baghdad for months.")
    assert not any("Baghdad" in t for t in texts(rec)), texts(rec)


def test_v6_a_question_nobody_voiced_is_left_alone() -> None:
    rec = run("Questions about the ferry contract remain unanswered in the city.")
    assert not any(t.startswith("the ferry contract") for t in texts(rec)), texts(rec)


def test_v6_seeing_as_a_clause_of_its_own_is_a_view() -> None:
    q = one(run("The union sees the mayor as captured by developers who fund her campaigns."), "the mayor")
    assert q.content[0].text == "the mayor as captured by developers who fund her campaigns"
    assert speaker_text(q) == "The union"


def test_v6_an_as_clause_of_time_is_no_view() -> None:
    rec = run("The mayor painted a grim picture of the city as she opened the meeting.")
    assert not any("grim picture" in t for t in texts(rec)), texts(rec)


def test_v6_questions_raised_by_a_thing_have_no_speaker() -> None:
    q = one(
        run("The leaked invoices raised new questions about whether the council paid twice for the bridge."),
        "whether the council",
    )
    assert q.speaker is None
    assert q.cue is not None and q.cue.text == "raised new questions about"
