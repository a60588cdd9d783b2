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


@pytest.mark.slow
def test_police_and_protesters_take_the_articles_home_state() -> None:
    rec = run(
        "Kenya's opposition leader called for new elections on Monday. In Nairobi, thousands gathered outside "
        "parliament as the count dragged on. Police fired tear gas at the crowd. Protesters later marched to the "
        "electoral commission."
    )
    coded = {(e.event, a.text, a.code) for e in rec.events for a in e.actor}
    assert ("ASSAULT", "Police", "KEN") in coded
    assert ("PROTEST", "Protesters", "KEN") in coded


@pytest.mark.slow
def test_no_home_state_for_soldiers_or_where_another_state_is_named() -> None:
    rec = run(
        "Kenya's opposition leader called for new elections on Monday. In Nairobi, thousands gathered outside "
        "parliament as the count dragged on. Soldiers fired on the crowd. Protesters marched to the Ugandan "
        "embassy."
    )
    assert not [e for e in rec.events if e.event in ("ASSAULT", "PROTEST")]


@pytest.mark.slow
def test_a_short_text_has_no_home_state() -> None:
    # two sentences are too little article to say where an unplaced group acts
    rec = run("Kenya votes in Nairobi on Monday. Police fired tear gas at the crowd.")
    assert not [e for e in rec.events if e.event == "ASSAULT"]


@pytest.mark.slow
def test_the_city_of_talks_is_not_the_country_of_the_other_side() -> None:
    rec = run("The Philippine government resumed peace talks with communist rebels in Oslo.")
    talks = [e for e in rec.events if e.event == "CONSULT"]
    assert talks and all(
        "NOR" not in {r.code for r in e.recipient} | {a.code for a in e.actor} for e in talks
    )


@pytest.mark.slow
def test_the_condition_of_a_threat_is_no_threat_of_its_own() -> None:
    rec = run(
        "The Azerbaijani parliament threatened to break relations with Russia unless the Kremlin closed its base."
    )
    threats = [e for e in rec.events if e.event == "THREATEN" and not e.flags.any()]
    assert {a.code for e in threats for a in e.actor} == {"AZE"}


@pytest.mark.slow
def test_a_shared_place_name_takes_the_state_the_sentence_names() -> None:
    rec = run(
        "Rival militias in Tripoli shelled each other as fighting spread through the north Lebanese port."
    )
    codes = {a.code for e in rec.events for a in e.actor}
    assert "LBN" in codes and "LBY" not in codes
    rec = run("Rival militias in Tripoli shelled the airport, Libyan officials said.")
    assert any(a.code == "LBY" for e in rec.events for a in e.actor)


def test_twin_place_keeps_the_code_when_no_other_state_is_named() -> None:
    from accords.events.home import twin_place

    assert twin_place("Tripoli", "LBY", [], lambda t: (None, None)) == "LBY"
    assert twin_place("Paris", "FRA", [], lambda t: (None, None)) == "FRA"
