"""Reported speech added after quotes.rules.v7 (reported_v8), each on a sentence written for the test."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run, speaker_text

pytestmark = pytest.mark.slow


def test_v8_a_but_clause_the_parse_hung_on_the_verb_goes_on_with_what_is_said() -> None:
    rec = run(
        "The coach told Megan Reilly that the league tried to ban the team, but a federal judge refused to let it."
    )
    q = quote_of(rec, "the league tried")
    assert q.content[0].text == "that the league tried to ban the team, but a federal judge refused to let it"
    assert q.cue is not None and q.cue.text == "told"
    assert speaker_text(q) == "The coach"


def test_v8_the_speakers_own_next_act_stays_out() -> None:
    rec = run("The coach said the league tried to ban the team, but he refused to give up the fight.")
    q = quote_of(rec, "the league tried")
    assert q.content[0].text == "the league tried to ban the team"


def test_v8_an_appositive_after_a_name_at_the_end_of_the_content_is_left_out() -> None:
    rec = run("Jane Roe said she will vote for Mary Smith over John Doe, the Republican frontrunner.")
    q = quote_of(rec, "she will vote")
    assert q.content[0].text == "she will vote for Mary Smith over John Doe"
    # a place's state is no gloss
    q = quote_of(run("The mayor said the company would move its offices to Albany, N.Y."), "the company")
    assert q.content[0].text.endswith("Albany, N.Y.")


def test_v8_a_second_clause_after_a_that_clause_is_said_too() -> None:
    rec = run(
        "The sheriff claimed that theft has gone down 30 percent and the jail population has gone down 5 percent."
    )
    q = quote_of(rec, "theft has gone down")
    assert (
        q.content[0].text
        == "that theft has gone down 30 percent and the jail population has gone down 5 percent"
    )


@pytest.mark.parametrize("marks", [("“", "”"), ("''", "''"), ("``", "''")])
def test_v8_a_but_clause_with_someone_elses_quoted_words_is_not_said(marks: tuple[str, str]) -> None:
    a, b = marks
    rec = run(
        "The coach told Megan Reilly that the league tried to ban the team, but by Friday the council had "
        f"renamed it {a}a budget for nobody{b} in a vote."
    )
    q = quote_of(rec, "the league tried")
    assert "council" not in q.content[0].text
