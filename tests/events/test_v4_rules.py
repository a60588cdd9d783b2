"""Rules added in events.plover.v4: misspelt states, the titled official's country, coercive warnings."""

from __future__ import annotations

import pytest

from accords.events.spelling import _one_edit, misspelt_state


def test_one_edit_counts_insertions_deletions_substitutions_and_swaps() -> None:
    assert _one_edit("Ethiopa", "Ethiopia")  # deletion
    assert _one_edit("Qattar", "Qatar")  # insertion
    assert _one_edit("Chechan", "Chechen")  # substitution
    assert _one_edit("Isreal", "Israel")  # swap of neighbours
    assert not _one_edit("Israel", "Israel")
    assert not _one_edit("Austria", "Australia")


def test_misspelt_state_needs_one_unique_state_and_an_unknown_word() -> None:
    assert misspelt_state("Ethiopa") == "ETH"
    assert misspelt_state("Qattar's") == "QAT"
    assert misspelt_state("Chechan") == "RUS"
    assert misspelt_state("Indiana") is None  # a known place, not a typo of "Indian"
    assert misspelt_state("Gordon") is None  # another first letter
    assert misspelt_state("Afgan") is None  # too short to be sure
    assert misspelt_state("ethiopa") is None  # not capitalised


@pytest.mark.slow
def test_titled_official_does_not_take_the_recipients_country() -> None:
    from events_helpers import run

    rec = run("President Zorvan Kelt praised Jordan's role in the negotiations.")
    assert not [e for e in rec.events if "JOR" in {a.code for a in e.actor}]
    rec = run("President Yoweri Museveni has threatened to ban Ugandan opposition candidates.")
    assert any(e.event == "THREATEN" and {a.code for a in e.actor} == {"UGA"} for e in rec.events)


@pytest.mark.slow
def test_warned_against_is_a_threat_to_the_one_warned() -> None:
    from events_helpers import run

    rec = run("Russia warned NATO against expanding eastward.")
    ev = [e for e in rec.events if e.event == "THREATEN"]
    assert ev and ev[0].actor[0].code == "RUS" and {r.code for r in ev[0].recipient} == {"IGO"}
    rec = run("Russia warned that the talks would take months.")
    assert not [e for e in rec.events if e.event == "THREATEN"]
