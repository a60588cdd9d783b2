"""Pair-given coding: accords.events.code_pair(sentence, actor_span, recipient_span)."""

from __future__ import annotations

import pytest

from accords.events import code_pair


@pytest.mark.slow
def test_code_pair_metonym_demand() -> None:
    event, mode, conf = code_pair(
        "Moscow demanded Ukraine withdraw from parts of four regions.", "Moscow", "Ukraine"
    )
    assert (event, mode) == ("REQUEST", "yield")
    assert 0 < conf <= 1


@pytest.mark.slow
def test_code_pair_picks_the_event_between_the_pair() -> None:
    s = "Hezbollah fired rockets at Israel, and France condemned the attack by Hezbollah."
    assert code_pair(s, "France", "Hezbollah")[0] == "ACCUSE"
    assert code_pair(s, (0, 9), (27, 33))[0] == "ASSAULT"


@pytest.mark.slow
def test_code_pair_future_meeting_is_agree() -> None:
    assert (
        code_pair("The EU will hold talks with Mahmoud Abbas next month.", "The EU", "Mahmoud Abbas")[0]
        == "AGREE"
    )


@pytest.mark.slow
def test_code_pair_nothing_found() -> None:
    event, mode, conf = code_pair("The weather in Paris was mild.", "The weather", "Paris")
    assert event is None and mode is None and conf == 0.0


def test_code_pair_span_not_in_sentence() -> None:
    with pytest.raises(ValueError):
        code_pair("Iran agreed.", "Iraq", None)
