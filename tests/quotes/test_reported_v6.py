"""Reported speech added after quotes.rules.v5 (reported_v6), each on a sentence written for the test."""

from __future__ import annotations

import pytest
from quotes_helpers import one, run, texts

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
