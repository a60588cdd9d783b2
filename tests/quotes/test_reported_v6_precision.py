"""Readings dropped after quotes.rules.v5 (precision.py): a naming participle, an open choice. Sentences written
for these tests (none from an evaluation set)."""

from __future__ import annotations

import pytest
from quotes_helpers import run, texts

pytestmark = pytest.mark.slow


def _cues(rec):
    return [q.cue.text for q in rec.quotes if q.cue is not None]


def test_v6_a_naming_participle_reports_nothing() -> None:
    rec = run("Volunteers from a local group called Friends of the River cleaned the banks on Sunday.")
    assert not any("called" in c for c in _cues(rec)), texts(rec)


def test_v6_calling_someone_something_stays() -> None:
    rec = run("The senator called the new toll a tax on working families.")
    assert any("called" in c for c in _cues(rec)), texts(rec)


def test_v6_an_open_choice_reports_nothing() -> None:
    rec = run("The mayor has not decided which contractor will rebuild the bridge.")
    assert not any("decided" in c for c in _cues(rec)), texts(rec)


def test_v6_a_decision_reached_stays() -> None:
    rec = run("The mayor decided that the bridge needed a new contractor.")
    assert any("decided" in c for c in _cues(rec)), texts(rec)
