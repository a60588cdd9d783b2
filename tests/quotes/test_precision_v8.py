"""quotes.rules v8 precision: an unveiled thing, a choice of what to do and a colon label in a text's body report no
one's words. Each test runs the rule on and off, so that it fails when the rule does nothing.

Sentences written for these tests (none from an evaluation set)."""

from __future__ import annotations

import pytest
from quotes_helpers import run, texts

from accords.quotes import precision_v8


@pytest.fixture
def flag(monkeypatch):
    def set_flag(name: str, value: bool) -> None:
        monkeypatch.setattr(precision_v8, name, value)

    return set_flag


def _has(rec, words: str) -> bool:
    return any(words in t for t in texts(rec))


UNVEIL = "The museum director unveiled a bronze statue of the city's founder on Saturday morning."
UNVEIL_PLAN = "The mayor unveiled a proposal to build four new schools in the northern districts by 2030."


def test_unveiled_thing_is_no_quote(flag):
    flag("UNVEIL_THING", False)
    assert _has(run(UNVEIL), "a bronze statue")
    flag("UNVEIL_THING", True)
    assert not _has(run(UNVEIL), "a bronze statue")
    assert _has(run(UNVEIL_PLAN), "a proposal to build")  # a proposal is put forward: it stays


CHOSE = "The two reporters chose to withhold the names of the witnesses from their final article."
CHOSEN = "Rivera was chosen to lead the delegation to the trade talks in Geneva next month."


def test_choice_of_an_act_is_no_quote(flag):
    flag("CHOSE_TO", False)
    assert _has(run(CHOSE), "to withhold the names")
    flag("CHOSE_TO", True)
    assert not _has(run(CHOSE), "to withhold the names")
    assert _has(run(CHOSEN), "to lead the delegation")  # the passive names who was picked: it stays


BLOTTER = (
    "County Police Log for the Week.\n"
    "The following people were arrested by county deputies on preliminary charges:\n"
    "Mary K. Tolliver: Possession of cocaine, theft, held in jail in lieu of $5,000 bond.\n"
    "Daniel R. Ostrander: Driving while suspended, held in jail with no bond."
)
HEADLINE = (
    "Larsen: Time for a new approach to the river cleanup.\n"
    "Senator Karen Larsen spoke to reporters at the dock on Monday about the state of the river."
)


def test_colon_label_in_the_body_is_no_quote(flag):
    flag("COLON_LABEL", False)
    assert _has(run(BLOTTER), "Possession of cocaine")
    flag("COLON_LABEL", True)
    rec = run(BLOTTER)
    assert not _has(rec, "Possession of cocaine") and not _has(rec, "Driving while suspended")
    assert _has(run(HEADLINE), "Time for a new approach")  # a headline's colon attributes: it stays
