"""Attributions to evidence and stances added in quotes.rules.v7 (stance_v7), each on a sentence written for the
test."""

from __future__ import annotations

import pytest
from quotes_helpers import one, run, speaker_text, texts

pytestmark = pytest.mark.slow


def test_v7_what_a_test_or_a_trial_shows_is_attributed_to_it() -> None:
    q = one(
        run("Doctors ordered a blood test, and the test revealed a rare infection in her liver."), "a rare"
    )
    assert q.content[0].text == "a rare infection in her liver"
    assert q.cue is not None and q.cue.text == "revealed"
    assert speaker_text(q) == "the test"
    q = one(run("The trial showed the new drug cut the risk of stroke by a third."), "the new drug")
    assert q.content[0].text == "the new drug cut the risk of stroke by a third"
    assert speaker_text(q) == "The trial"
    q = one(run("The investigation found that the contractor had skipped two safety checks."), "that the")
    assert speaker_text(q) == "The investigation"
    q = one(
        run("One of the first clues was his blood work, which showed his liver was inflamed."), "his liver"
    )
    assert q.content[0].text == "his liver was inflamed"


def test_v7_a_thing_that_is_no_evidence_shows_nothing() -> None:
    rec = run("The old ferry showed signs of rust along its hull.")
    assert not any(q.cue is not None and q.cue.text == "showed" for q in rec.quotes), texts(rec)


def test_v7_a_warning_to_do_something_reports_whom_and_what() -> None:
    q = one(run("Police have warned hikers to stay off the northern trail this week."), "hikers")
    assert q.content[0].text == "hikers to stay off the northern trail this week"
    assert speaker_text(q) == "Police"


def test_v7_seeking_or_downplaying_something_is_a_stance_on_it() -> None:
    q = one(run("The government is seeking the return of two paintings from a private museum."), "the return")
    assert q.content[0].text == "the return of two paintings from a private museum"
    assert q.cue is not None and q.cue.text.endswith("seeking")
    assert speaker_text(q) == "The government"
    q = one(run("The health minister downplayed the risk of a second wave."), "the risk")
    assert speaker_text(q) == "The health minister"


def test_v7_what_evidence_found_may_come_before_it() -> None:
    q = one(run("The contractor skipped two safety checks, the investigation found."), "The contractor")
    assert q.content[0].text == "The contractor skipped two safety checks"
    assert speaker_text(q) == "the investigation"


def test_v7_balking_at_something_is_a_stance_on_it() -> None:
    q = one(run("The union balked at the proposed cuts to overtime pay."), "the proposed")
    assert q.content[0].text == "the proposed cuts to overtime pay"
    assert q.cue is not None and q.cue.text.endswith("balked at")
    assert speaker_text(q) == "The union"


def test_v7_what_a_poll_shows_reaches_past_its_object(monkeypatch: pytest.MonkeyPatch) -> None:
    from accords.quotes import stance_v7

    text = "A new poll showed the governor with a 12-point lead over her rival."
    q = one(run(text), "the governor")
    assert q.content[0].text == "the governor with a 12-point lead over her rival"
    monkeypatch.setattr(stance_v7, "EVIDENCE_REST", False)
    assert "the governor" in texts(run(text))  # the object alone, beside another rule's longer reading
