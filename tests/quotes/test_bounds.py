"""Spans of cues, sources and reported words (quotes.rules.v6 bounds), each on a sentence written for the test."""

from __future__ import annotations

import pytest
from quotes_helpers import one, quote_of, run

pytestmark = pytest.mark.slow


def _cue(text: str, start: str) -> str | None:
    q = one(run(text), start)
    return q.cue.text if q.cue is not None else None


def test_bounds_the_predicate_that_governs_an_infinitive_cue_is_in_the_cue() -> None:
    assert _cue("The governor continued to insist that the budget was balanced.", "that") == (
        "continued to insist"
    )
    assert _cue("Local farmers were quick to add that the river had flooded twice.", "that") == (
        "were quick to add"
    )
    assert _cue(
        "Younger voters are slightly more likely to say the economy is improving.", "the economy"
    ) == ("are slightly more likely to say")


def test_bounds_an_adverb_of_manner_after_the_verb_is_in_the_cue() -> None:
    assert _cue("The mayor said repeatedly that the bridge would reopen in May.", "that") == "said repeatedly"
    # a time after the verb is not
    assert _cue("The mayor said Tuesday that the bridge would reopen in May.", "that") == "said"


def test_bounds_a_noun_of_saying_keeps_its_determiner() -> None:
    q = one(run("The senator stirred controversy with an assertion that the war was lost."), "that")
    assert q.cue is not None and q.cue.text == "an assertion"
    q = one(run("Fans laughed at the coach's bold prediction that the team would win the cup."), "that")
    assert q.cue is not None and q.cue.text == "prediction"  # the possessor is the source, not the cue
    assert q.speaker is not None and q.speaker.text == "the coach's"


def test_bounds_said_in_a_statement_that_is_the_verbs_report() -> None:
    q = one(run("The mayor argued in a statement that the tax was unfair."), "that")
    assert q.cue is not None and q.cue.text == "argued in a statement"
    assert q.speaker is not None and q.speaker.text == "The mayor"


def test_bounds_a_restrictive_modifier_is_part_of_the_source() -> None:
    q = one(
        run("“The plan will fail,” said a campaign official who was not authorized to speak publicly."), "“"
    )
    assert q.speaker is not None
    assert q.speaker.text == "a campaign official who was not authorized to speak publicly"
    q = one(run("A poll released Saturday found that most voters oppose the plan."), "that")
    assert q.speaker is not None and q.speaker.text == "A poll released Saturday"


def test_bounds_a_clause_set_off_by_commas_is_not() -> None:
    q = one(run("Mr. Khan, who is a lawyer, said the plan would fail."), "the plan")
    assert q.speaker is not None and q.speaker.text == "Mr. Khan"


def test_bounds_a_participle_cue_stays_out_of_its_source() -> None:
    q = one(run("A survey showing that most residents back the plan was published on Monday."), "that")
    assert q.speaker is not None and q.speaker.text == "A survey"


def test_bounds_words_before_a_parenthetical_cue_are_reported() -> None:
    text = "If the demands are not met, the union leader warned, the workers will go on strike."
    q = one(run(text), "If the demands")
    assert [c.text for c in q.content] == ["If the demands are not met", "the workers will go on strike"]
    assert q.cue is not None and q.cue.text == "warned"


def test_bounds_even_before_the_speaker_is_the_writers() -> None:
    q = one(run("Even the mayor's closest allies say the plan is too costly."), "the plan")
    assert q.speaker is not None and q.speaker.text == "the mayor's closest allies"


def test_bounds_the_subject_a_passive_report_is_about_is_reported() -> None:
    q = one(run("The former mayor is accused of taking bribes from developers."), "The former mayor")
    assert [c.text for c in q.content] == ["The former mayor", "taking bribes from developers"]
    assert q.cue is not None and q.cue.text == "is accused of"
    # a clause says it all: the one told is no part of it
    q = one(run("The former mayor was told that the council would not pay."), "that")
    assert [c.text for c in q.content] == ["that the council would not pay"]


def test_bounds_the_preposition_that_takes_the_reported_words_is_in_the_cue() -> None:
    assert _cue("The senator agreed with the decision to close the base.", "the decision") == "agreed with"
    assert _cue("The mayor weighed in on the dispute over the new stadium.", "the dispute") == "weighed in on"


def test_what_is_called_for_takes_in_whom_it_is_called_for() -> None:
    rec = run("Earlier in the week, the senator called for a special prosecutor to investigate the emails.")
    q = quote_of(rec, "to investigate the emails")
    assert q.content[0].text == "a special prosecutor to investigate the emails"
