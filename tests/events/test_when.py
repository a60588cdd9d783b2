"""Dates resolved against the publication date; counts; lexicon sanity (no model needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from accords.events.lexicon import QUAD, TYPES, Code, load_lexicon
from accords.events.when import resolve_date

PUB = dt.date(2025, 5, 16)  # a Friday


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("on Friday", "2025-05-16"),
        ("Tuesday", "2025-05-13"),
        ("yesterday", "2025-05-15"),
        ("earlier this month", "2025-05"),
        ("last month", "2025-04"),
        ("in 2022", "2022"),
        ("March 3", "2025-03-03"),
        ("December 3", "2024-12-03"),
        ("4 October 2007", "2007-10-04"),
        ("last year", "2024"),
        ("two weeks ago", "2025-05-02"),
    ],
)
def test_when_resolve_date(text: str, want: str) -> None:
    assert resolve_date(text, PUB) == want


def test_when_unresolvable_date_is_none() -> None:
    assert resolve_date("soon", PUB) is None
    assert resolve_date("on Friday", None) is None


def test_lexicon_codes_are_plover() -> None:
    lex = load_lexicon()
    for table in (lex.verbs, lex.phrasal, lex.verb_objects, lex.nouns):
        assert table
        for code in table.values():
            assert code.event in TYPES
    assert lex.verb_objects["summon ambassador"].event == "ACCUSE"
    assert lex.verb_objects["declare ceasefire"].event == "CONCEDE"
    assert lex.verb_objects["observe ceasefire"] == Code("RETREAT", "ceasefire")


def test_lexicon_sanction_is_material_conflict() -> None:
    assert QUAD["SANCTION"] == 4
    assert [t for t in TYPES if QUAD[t] == 1] == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]


def test_lexicon_rejects_unknown_type() -> None:
    with pytest.raises(ValueError):
        Code.parse("FIGHT:firearms")


def test_issue_fuzz_superscript_digit_is_not_a_number() -> None:
    """Found by benchmarks/fuzz.py: '1³' passed str.isdigit() and crashed int()."""
    from accords.events.when import _num

    assert _num("1³") is None
    assert _num("1,000") == 1000
    assert _num("twelve") == 12
