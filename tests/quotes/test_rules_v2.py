"""Constructions added in quotes.rules.v2: headlines with a colon, clauses before a colon, nouns of saying,
reported clauses that keep their conjoined verbs, speaker spans that stop at a line break."""

from __future__ import annotations

import pytest
from quotes_helpers import run

pytestmark = pytest.mark.slow


def test_rules_v2_headline_colon_is_an_attribution() -> None:
    rec = run(
        "Lynch: No outside influence on FBI probe into emails\n"
        "Attorney General Loretta Lynch spoke in Washington on Tuesday about the inquiry."
    )
    hits = [q for q in rec.quotes if q.content[0].text.startswith("No outside influence")]
    assert hits, [(q.kind, q.content[0].text) for q in rec.quotes]
    q = hits[0]
    assert q.cue is not None and q.cue.text == ":"
    assert q.speaker is not None and q.speaker.text == "Lynch"


def test_rules_v2_headline_label_is_not_a_speaker() -> None:
    rec = run("UPDATE: The polls closed at eight in most of the state\nVoters waited in long lines.")
    assert not [q for q in rec.quotes if q.cue is not None and q.cue.text == ":"]


def test_rules_v2_quote_after_colon_clause_takes_its_subject() -> None:
    rec = run(
        "Hillary Clinton spoke in Purchase on Monday.\n"
        "She then addressed the supporters again: “Here is what I regret. I regret they don’t want to listen.”"
    )
    hits = [q for q in rec.quotes if "Here is what I regret" in q.content[0].text]
    assert hits and hits[0].speaker is not None
    assert hits[0].speaker.text == "She"


def test_rules_v2_noun_cue_with_that_clause() -> None:
    rec = run("Sanders repeated his claim that the primary system was rigged against outsiders.")
    hits = [q for q in rec.quotes if "the primary system was rigged" in q.content[0].text]
    assert hits, [(q.kind, q.content[0].text) for q in rec.quotes]
    assert hits[0].content[0].text.startswith("that")


def test_rules_v2_reported_clause_keeps_conjoined_verb() -> None:
    rec = run(
        "The actress said she was tired of the status quo and wanted a candidate who had not taken "
        "money from Wall Street."
    )
    hits = [q for q in rec.quotes if q.content[0].text.startswith("she was tired")]
    assert hits, [(q.kind, q.content[0].text) for q in rec.quotes]
    assert "wanted a candidate" in hits[0].content[0].text


def test_rules_v2_speaker_span_stops_at_line_break() -> None:
    rec = run("11 a.m.\n\nFormer Florida Gov. Jeb Bush says President Barack Obama is acting unlawfully.")
    hits = [q for q in rec.quotes if "acting unlawfully" in q.content[0].text]
    assert hits and hits[0].speaker is not None
    assert "a.m." not in hits[0].speaker.text and hits[0].speaker.text.endswith("Bush")


def test_rules_v2_the_latest_is_not_a_speaker() -> None:
    rec = run(
        "The Latest: Sanders wins Minnesota Democratic caucuses\nVoters met in schools across the state."
    )
    assert not [q for q in rec.quotes if q.cue is not None and q.cue.text == ":"]


def test_rules_v2_quote_after_colon_takes_the_person_named_before_it() -> None:
    rec = run(
        "The timing of the surge does not surprise Republican pollster Daron Shaw: “Historically, lesser-known "
        "candidates beating establishment candidates in early contests have seen the biggest boost.”"
    )
    hits = [q for q in rec.quotes if "lesser-known candidates" in q.content[0].text]
    assert hits and hits[0].speaker is not None
    assert "Shaw" in hits[0].speaker.text


def test_rules_v2_words_after_the_cue_comma_belong_to_the_report() -> None:
    rec = run("Marco Rubio says, win or lose in Tuesday’s primary, he is staying in the race.")
    hits = [q for q in rec.quotes if "staying in the race" in q.content[0].text]
    assert hits, [(q.kind, q.content[0].text) for q in rec.quotes]
    assert hits[0].content[0].text.startswith("win or lose")


def test_rules_v2_stance_content_is_the_rest_of_the_verb_phrase() -> None:
    rec = run(
        "Marco Rubio defended himself on Saturday for bailing on his own immigration bill, saying it was dead."
    )
    hits = [q for q in rec.quotes if q.cue is not None and q.cue.text == "defended"]
    assert hits, [(q.kind, q.content[0].text) for q in rec.quotes]
    assert hits[0].content[0].text.endswith("his own immigration bill")
