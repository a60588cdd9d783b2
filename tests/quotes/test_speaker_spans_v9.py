"""Speaker heads the parser gets wrong while the quotation is right (accords.quotes.speaker_fix)."""

from __future__ import annotations

import pytest
from quotes_helpers import run, speaker_text

from accords.quotes import speaker_fix


def _speakers(text: str) -> list[str | None]:
    return [speaker_text(q) for q in run(text).quotes]


def test_hyphenated_word_is_no_subject(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(speaker_fix, "FRAGMENT_SUBJECT", flag)
    got = _speakers(
        "Storms are common on Mars, but the valleys are calmer than the ridges, said study co-author Karin Olsen,"
        " a European Space Agency research fellow."
    )
    want = "study co-author Karin Olsen, a European Space Agency research fellow"
    assert (got == [want]) is flag, got


def test_broken_encoding_is_no_subject(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(speaker_fix, "FRAGMENT_SUBJECT", flag)
    got = _speakers(
        "Snow fell on Monday.\n\u00e2Whether you eat fresh or frozen food, grains of all kinds are good for"
        " you,\u00e2 says Dr. Moss."
    )
    assert (got == ["Dr. Moss"]) is flag, got


def test_surname_tagged_as_adverb(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(speaker_fix, "NAME_AS_ADVERB", flag)
    got = _speakers(
        "Tom Early runs the studio.\nWhile the lineup is thin (only three games are exclusive), Early says there is"
        " a chance that more games could follow."
    )
    assert (got == ["Early"]) is flag, got


def test_an_age_stays_a_speaker() -> None:
    # the cue's first noun after the mark: 'the 43-year-old', which the NER calls a DATE, not 'the letter'
    got = _speakers('Rain fell.\n"What if the town had a bigger park?" the 43-year-old asked in the letter.')
    assert got and got[0] is not None and got[0].startswith("43-year"), got  # not "the letter"


def test_participle_on_a_quoted_noun_is_no_cue(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(speaker_fix, "LATER_CUE", flag)
    rec = run(
        'Trade talks went on for months.\n"The firm wants a bigger deal with Japan. Bigger than the small deal"'
        " announced in March, said Paul Smith, a Japan scholar with the Brookings Institution."
    )
    cues = [q.cue.text for q in rec.quotes if q.cue is not None]
    assert (cues == ["said"]) is flag, cues
