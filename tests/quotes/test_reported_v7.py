"""Reported speech added after quotes.rules.v6 (reported_v7), each on a sentence written for the test."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run, speaker_text, texts

pytestmark = pytest.mark.slow


def test_v7_that_clause_the_parse_hung_on_a_noun_is_what_is_said() -> None:
    rec = run(
        "Interim Police Chief Ed Brown told reporters at a news conference that officials began receiving "
        "calls Tuesday about a fight on a bus."
    )
    q = quote_of(rec, "officials began")
    assert q.content[0].text == "that officials began receiving calls Tuesday about a fight on a bus"
    assert q.cue is not None and q.cue.text == "told"
    assert speaker_text(q) == "Interim Police Chief Ed Brown"


def test_v7_the_rescued_clause_stops_before_a_second_verb_of_the_speaker() -> None:
    rec = run(
        "Both women claimed at the time that they were being treated well and asked their families to help."
    )
    q = quote_of(rec, "treated well")
    assert q.content[0].text == "that they were being treated well"
    assert q.cue is not None and q.cue.text == "claimed"


def test_v7_a_true_relative_clause_is_no_content() -> None:
    rec = run("The mayor said so at the gala that the bank hosted in May.")
    assert not any("the bank hosted" in t for t in texts(rec)), texts(rec)


def test_v7_according_to_between_subject_and_verb_reports_both_sides() -> None:
    rec = run(
        "One of the guards, according to court records, had worked several double shifts before the escape."
    )
    q = quote_of(rec, "One of the guards")
    assert [c.text for c in q.content] == [
        "One of the guards",
        "had worked several double shifts before the escape",
    ]
    assert speaker_text(q) == "court records"
    rec = run("She had, according to Tom Baker of the Herald, eaten a raw fish before she fell ill.")
    q = quote_of(rec, "She had")
    assert [c.text for c in q.content] == ["She had", "eaten a raw fish before she fell ill"]


def test_v7_a_verb_of_saying_tagged_a_noun_still_reports() -> None:
    rec = run(
        "The Office of Management and Budget projects that the new levies will cut growth by 0.2 percent."
    )
    q = quote_of(rec, "new levies")
    assert q.content[0].text == "that the new levies will cut growth by 0.2 percent"
    assert q.cue is not None and q.cue.text == "projects"
    assert speaker_text(q) == "The Office of Management and Budget"


def test_v7_a_cue_that_ends_the_sentence_after_a_comma_reports_what_comes_before() -> None:
    rec = run(
        "In nearby Dover, the old paper mill is surviving, but it is under heavy pressure from cheap imports, "
        "said the firm's chief executive, Mark Bell."
    )
    q = quote_of(rec, "paper mill")
    assert q.content[0].text == (
        "In nearby Dover, the old paper mill is surviving, but it is under heavy pressure from cheap imports"
    )
    assert q.cue is not None and q.cue.text == "said"
    rec = run(
        "Mendes, a mother of three, was a nurse with a clinic based in Lisbon, Spanish newspaper El Diario reports."
    )
    q = quote_of(rec, "a nurse")
    assert q.content[0].text == "Mendes, a mother of three, was a nurse with a clinic based in Lisbon"
    assert q.cue is not None and q.cue.text == "reports"


def test_v7_according_to_at_the_end_of_a_paragraph_closes_all_its_clauses() -> None:
    rec = run(
        "The average wage rose by 0.5% from 1990 to 2000, but fell by 0.3% from 2000 to 2010, according to "
        "federal data.\nThe figures for this year are due in May."
    )
    q = quote_of(rec, "fell by")
    assert (
        q.content[0].text
        == "The average wage rose by 0.5% from 1990 to 2000, but fell by 0.3% from 2000 to 2010"
    )
    assert speaker_text(q) == "federal data"


def test_v7_according_to_after_a_subject_with_a_relative_clause() -> None:
    rec = run(
        "One of the options they have weighed, according to a person close to the talks, is to sell the unit."
    )
    q = quote_of(rec, "One of the options")
    assert [c.text for c in q.content] == ["One of the options they have weighed", "is to sell the unit"]


def test_v7_a_writers_opener_before_according_to_is_no_piece() -> None:
    rec = run("But, according to the survey, 46 percent of likely voters remain undecided.")
    q = quote_of(rec, "46 percent")
    assert [c.text for c in q.content] == ["46 percent of likely voters remain undecided"]


def test_v7_first_reported_by_reports_the_clause_around_it() -> None:
    rec = run(
        "The new policy, first reported by the Daily Star, is a key part of the city's plan to cut traffic."
    )
    q = quote_of(rec, "The new policy")
    assert [c.text for c in q.content] == [
        "The new policy",
        "is a key part of the city's plan to cut traffic",
    ]
    assert speaker_text(q) == "the Daily Star"


def test_v7_that_clause_hung_on_a_noun_deeper_in_a_phrase_of_the_verb() -> None:
    rec = run(
        "Brown said of working at a large bank that most people there build a lot of slack into their schedules."
    )
    q = quote_of(rec, "most people")
    assert q.content[0].text == "that most people there build a lot of slack into their schedules"
    assert speaker_text(q) == "Brown"
