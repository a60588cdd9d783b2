"""speaker_pronouns.BINDING: a he/she speaker is not the person its own verb names as the one told or in its
reported words."""

from __future__ import annotations

import pytest
from tests.quotes.quotes_helpers import quote_of, run

from accords.quotes import speaker_pronouns


@pytest.fixture
def binding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speaker_pronouns, "BINDING", True)


def test_pronoun_is_not_the_person_told(binding: None) -> None:
    rec = run(
        'Omar Haddad met Peter Lund at the fair.\n"You have built something remarkable here," he told Haddad.'
    )
    q = quote_of(rec, "built something remarkable")
    assert q.speaker is not None and q.speaker.text == "he"
    assert q.speaker.name != "Omar Haddad"


def test_the_other_person_stays_a_candidate(binding: None) -> None:
    rec = run(
        'Omar Haddad met Peter Lund at the fair.\n"You have built something remarkable here," he told Lund.'
    )
    q = quote_of(rec, "built something remarkable")
    assert q.speaker is not None and q.speaker.name == "Omar Haddad"
