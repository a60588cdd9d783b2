"""Speakers the parse hands to the wrong words (quotes.speakers v7): a relative pronoun's speaker is its antecedent
(speakers.REL_SPAN), a subject counted 'among' a group speaks for itself (speakers_v7.AMONG_SUBJECT), and the one
who posts on a medium speaks, not the medium (speakers_v7.MEDIUM_AUTHOR)."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run, speaker_text

from accords.quotes import speakers, speakers_v7

TALKS = (
    "The minister said he hoped the exchange would lead to direct talks between his government and the Taliban, "
    "who have long refused to negotiate with Kabul."
)
AMONG = (
    "Acme Foods, Brightline Motors and Corvan are among the companies that said they raised prices because of "
    "the new tariffs."
)
POSTED = (
    "Then, last week, Maria Lopez posted on Twitter accusing Big Records of trying to stop her from performing "
    "her old songs."
)


def test_relative_pronoun_speaks_for_its_antecedent() -> None:
    q = quote_of(run(TALKS), "to negotiate with Kabul")
    assert speaker_text(q) == "who"  # a named antecedent: the pronoun's words, the antecedent's name
    assert q.speaker is not None and q.speaker.name is not None and "Taliban" in q.speaker.name


def test_relative_pronoun_without_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speakers, "REL_SPAN", False)
    q = quote_of(run(TALKS), "to negotiate with Kabul")
    assert q.speaker is not None and not (q.speaker.name and "Taliban" in q.speaker.name)


def test_relative_pronoun_with_its_antecedents_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speakers, "REL_WIDE", True)
    assert speaker_text(quote_of(run(TALKS), "to negotiate with Kabul")) == "the Taliban, who"


def test_among_the_companies_that_said(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (
        speaker_text(quote_of(run(AMONG), "they raised prices")) == "Acme Foods, Brightline Motors and Corvan"
    )
    monkeypatch.setattr(speakers_v7, "AMONG_SUBJECT", False)
    assert speaker_text(quote_of(run(AMONG), "they raised prices")) == "the companies that"


def test_posted_on_twitter_accusing(monkeypatch: pytest.MonkeyPatch) -> None:
    q = quote_of(run(POSTED), "Big Records")
    assert speaker_text(q) == "Maria Lopez"
    monkeypatch.setattr(speakers_v7, "MEDIUM_AUTHOR", False)
    assert speaker_text(quote_of(run(POSTED), "Big Records")) == "Twitter"


def test_a_sign_speaks_for_itself() -> None:
    text = "Dana Reyes held up a sign saying the mayor had broken his promises to the city."
    q = quote_of(run(text), "the mayor had broken")
    assert speaker_text(q) == "a sign"


def test_which_stands_for_the_body_not_the_person() -> None:
    text = (
        "The rally was organized by Jane Roe, director of the Coastal Fishers Union, which has long demanded "
        "higher wages for dock crews."
    )
    q = quote_of(run(text), "higher wages")
    assert speaker_text(q) == "which"
    assert q.speaker is not None and q.speaker.name is not None and "Coastal Fishers Union" in q.speaker.name
