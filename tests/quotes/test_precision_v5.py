"""quotes.rules v5 precision: a column label in capitals is no speaker; a passive verb of judging is no quotation.

Sentences written for these tests (none from an evaluation set)."""

from __future__ import annotations

import pytest
from quotes_helpers import run, speaker_text


def _colon_quotes(rec):  # quotes whose cue is a headline colon
    return [q for q in rec.quotes if q.cue is not None and q.cue.text.strip() == ":"]


@pytest.mark.parametrize("label", ["UPSHOT", "WOW"])
def test_caps_column_label_is_no_speaker(label):
    rec = run(
        f"{label}: The Farm Bill Is Stuck In The Senate Again.\n"
        "Lawmakers left Washington on Friday without a vote on the farm bill, and growers in Iowa are worried."
    )
    assert not _colon_quotes(rec), [(speaker_text(q), q.content[0].text) for q in rec.quotes]
    assert all(speaker_text(q) != label for q in rec.quotes)


def test_caps_label_of_a_named_person_speaks():
    rec = run(
        "OBAMA: The Recovery Is Real And It Is Lasting.\n"
        "President Barack Obama spoke to factory workers in Ohio on Tuesday about jobs and wages."
    )
    hits = _colon_quotes(rec)
    assert len(hits) == 1, [(speaker_text(q), q.content[0].text) for q in rec.quotes]
    assert speaker_text(hits[0]) == "OBAMA"
    assert hits[0].content[0].text.startswith("The Recovery Is Real")


def test_caps_turns_of_a_transcript_speak():
    rec = run(
        "The senator sat down with a radio host on Sunday morning.\n"
        "HOST: Will you vote for the bill when it comes to the floor next week?\n"
        "SENATOR: I will vote for it, because the families in my state need the money now."
    )
    speakers = {speaker_text(q) for q in _colon_quotes(rec)}
    assert {"HOST", "SENATOR"} <= speakers, [(speaker_text(q), q.content[0].text) for q in rec.quotes]


def test_passive_verb_of_judging_is_no_quotation():
    rec = run(
        "Ohio is widely considered the most important swing state in the election.\n"
        "The governor, who was long viewed as a moderate, signed the bill on Monday."
    )
    texts = [c.text for q in rec.quotes for c in q.content]
    assert not any("swing state" in t or "moderate" in t for t in texts), texts


def test_active_verb_of_judging_inside_said_stays():
    rec = run(
        "The new rule would be considered a model for other states, Governor Ann Miller said on Monday."
    )
    hits = [q for q in rec.quotes if any("a model for other states" in c.text for c in q.content)]
    assert hits, [(q.kind, q.content[0].text) for q in rec.quotes]
    assert speaker_text(hits[0]) is not None and "Miller" in speaker_text(hits[0])


def test_favoring_is_a_preference_not_a_quotation():
    rec = run(
        "Union members in Ohio favored the Democrat by twenty points in the last election.\n"
        "Farm towns tend to favor lower taxes on fuel."
    )
    texts = [c.text for q in rec.quotes for c in q.content]
    assert not any("Democrat" in t or "lower taxes" in t for t in texts), texts


def test_loyalty_and_hostility_are_no_quotations():
    rec = run(
        "Farm counties have long been loyal to the Republican Party.\n"
        "Crowds hostile to the mayor gathered outside city hall, and a few residents opposed to the tax stayed home.\n"
        "The governor spent the weekend stumping for her running mate and reacted to the storm damage with a visit."
    )
    texts = [c.text for q in rec.quotes for c in q.content]
    held = ("Republican Party", "the mayor", "the tax", "running mate", "storm damage")
    assert not any(h in t for h in held for t in texts), texts


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        (
            "“We will build the bridge before the winter. The money is there,” Reed said at a town meeting, "
            "according to the Daily Sun.",
            "Reed said",
        ),
        (
            "“Is the money there? Who will pay for it?” Reed asked, according to a transcript of the interview.",
            "Reed asked",
        ),
    ],
)
def test_according_to_reports_the_quotation_not_the_speakers_name(text, bare):
    rec = run(text)
    texts = [c.text for q in rec.quotes for c in q.content]
    assert not any(t.startswith(bare) for t in texts), texts
    q = [q for q in rec.quotes if q.kind == "direct"]
    assert q and speaker_text(q[0]) == "Reed", texts
