"""Speakers of mixed clauses whose cue stands inside their own words (accords.quotes.speakers_v8)."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run, speaker_text

from accords.quotes import speakers_v8

TEXT = (
    "The council spent an hour on the harbour plan. Ms. Varga criticised the contract signed by the treasurer, "
    "who she noted was “out of his depth on anything maritime.”"
)


def test_inner_cue_subject_is_the_speaker() -> None:
    q = quote_of(run(TEXT), "who she noted")
    assert q.kind == "mixed"
    assert speaker_text(q) == "she"


def test_inner_cue_speaker_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speakers_v8, "INNER_CUE_SPEAKER", False)
    rec = run(TEXT)
    assert not [q for q in rec.quotes if q.content[0].text.startswith("who she noted")]


PAREN = "The board, Ms. Kerr said, called the offer “an insult to every worker.”"


def test_parenthetical_sayer_speaks() -> None:
    q = quote_of(run(PAREN), "the offer")
    assert q.kind == "mixed"
    assert speaker_text(q) == "Ms. Kerr"
    assert q.cue is not None and q.cue.text == "said"


def test_parenthetical_sayer_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speakers_v8, "PAREN_SAYER", False)
    assert speaker_text(quote_of(run(PAREN), "the offer")) == "The board"
