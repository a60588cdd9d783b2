"""Rules added after events.plover.v4: election news is no conflict, and officials the text gives no country."""

from __future__ import annotations

import pytest
from events_helpers import run


def _actor_codes(text: str) -> set[str | None]:
    return {a.code for e in run(text).events for a in e.actor}


@pytest.mark.slow
def test_official_does_not_take_the_state_he_meets() -> None:
    # the only state named is the other side of the meeting, even though the meeting is held there
    assert "EGY" not in _actor_codes("The minister met the Egyptian president in Cairo on Monday.")
    assert "EGY" not in _actor_codes(
        "The Federal Minister for Trade Karim Haddad met the Egyptian president in Cairo on Monday."
    )


@pytest.mark.slow
def test_officials_in_a_place_keep_its_state() -> None:
    rec = run("Government officials in Harare banned the march.")
    assert any(e.event == "COERCE" and {a.code for a in e.actor} == {"ZWE"} for e in rec.events)


@pytest.mark.slow
def test_campaign_words_give_no_conflict_event_but_the_same_words_in_conflict_do() -> None:
    rally = run("Trump held a rally in Tampa on Monday.")
    assert not [e for e in rally.events if e.event == "PROTEST"]
    protest = run("Students held a rally in Dhaka against the new fees.")
    assert any(e.event == "PROTEST" and {a.code for a in e.actor} == {"BGD"} for e in protest.events)
