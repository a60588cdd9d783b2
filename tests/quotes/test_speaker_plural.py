"""speaker_pronouns PLURAL_NUMBER, WE_WRITER, PLURAL_NEARER: a they/we speaker with no link takes an earlier group
only when it agrees in number, is no 'we', and no nearer plural subject names people."""

from __future__ import annotations

import pytest
from quotes_helpers import speaker_name

from accords.quotes import speaker_pronouns


def test_they_is_no_singular_group(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(speaker_pronouns, "PLURAL_NUMBER", flag)
    text = (
        "The review panel met on Tuesday to weigh the harbour plan, the panel said in a statement.\n"
        "The plan was shelved. The cost had doubled since spring, they said."
    )
    assert (speaker_name(text, "cost had doubled") == "panel") is not flag


def test_we_is_not_a_group_named_before(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(speaker_pronouns, "WE_WRITER", flag)
    text = "City officials said the rents would fall this year.\nThe rents rose again, we reported on Monday."
    assert (speaker_name(text, "rents rose again") == "City officials") is not flag


def test_a_nearer_plural_subject_wins(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(speaker_pronouns, "PLURAL_NEARER", flag)
    text = (
        "Leading candidates said the tax would pass easily.\n"
        "Senate Democrats, meanwhile, left the chamber early on Monday. The tax would hurt farmers, they said."
    )
    assert speaker_name(text, "hurt farmers") == ("Senate Democrats" if flag else "Leading candidates")
