"""A transcript turn led by a named person ('Matthews: ...'), long as it may be (quotes.rules.v4)."""

from __future__ import annotations

import pytest
from quotes_helpers import run

pytestmark = pytest.mark.slow


TURN = (
    "Here is the irony of our time: everybody hates the people who make money off money, yet everybody who "
    "retires wants a good pension, a house by the sea and a fund manager who can do all of that for them."
)


def test_a_long_turn_of_a_person_named_in_the_text() -> None:
    rec = run("Chris Matthews hosted the panel on Tuesday night.\nMatthews: " + TURN)
    hits = [q for q in rec.quotes if q.content[0].text.startswith("Here is the irony")]
    assert len(hits) == 1
    assert hits[0].speaker is not None and hits[0].speaker.text == "Matthews"


def test_a_long_line_after_a_label_that_names_no_one_is_no_turn() -> None:
    rec = run("The panel met on Tuesday night.\nLate Edition: " + TURN)
    assert not [q for q in rec.quotes if q.content[0].text.startswith("Here is the irony")]


def test_a_line_named_after_a_person_that_reports_words_itself_is_no_turn() -> None:
    rec = run(
        "Jane Smith spoke on Tuesday.\nSmith: Two years ago, the governor proposed that every worker should be able "
        "to save through a state plan, and the idea drew wide support among unions, business groups and the "
        "legislators who had long pushed for it."
    )
    q = [x for x in rec.quotes if x.content[0].text.startswith("that every worker")]
    assert q and q[0].cue is not None and q[0].cue.text == "proposed"
