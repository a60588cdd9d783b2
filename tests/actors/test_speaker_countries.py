"""Speaker countries given by the text (not guessed): a US party-state tag after a name."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "quotes"))

from quotes_helpers import quote_of, run  # noqa: E402

import accords.actors.countries as countries  # noqa: E402

TEXT = (
    "The bill stalled in committee on Thursday.\n"
    'Sen. Harriet Lindqvoe, R-Neb., said the plan "would never pass the floor in this form."\n'
    'Lindqvoe added that she "will keep talking to colleagues."'
)


def _country(words: str) -> str | None:
    q = quote_of(run(TEXT), words)
    return q.speaker.country if q.speaker is not None else None


def test_party_state_tag_gives_usa() -> None:
    assert _country("never pass the floor") == "USA"
    assert _country("keep talking") == "USA"


def test_party_state_tag_flag_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(countries, "PARTY_STATE_TAG", False)
    assert _country("never pass the floor") is None


def test_tag_is_strict() -> None:
    t = "Jo Brand, D-Day veteran"
    assert countries.party_state_country(t, t.index(",")) is None
    t = "Al Moss (D-N.Y.) spoke"
    assert countries.party_state_country(t, t.index(" (")) == "USA"


PLACE_TEXT = (
    '"The clinic never called me back," wrote 52-year-old Colin Brae of Fife, Scotland, in a complaint.'
)


def test_name_of_place_gives_country() -> None:
    q = quote_of(run(PLACE_TEXT), "never called me back")
    assert q.speaker is not None and q.speaker.country == "GBR"


def test_name_of_place_flag_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(countries, "NAME_OF_PLACE", False)
    q = quote_of(run(PLACE_TEXT), "never called me back")
    assert q.speaker is None or q.speaker.country is None


def test_us_agency_in_gazetteer() -> None:
    rec = run('NASA said the probe "is healthy and on course."')
    q = quote_of(rec, "healthy and on course")
    assert q.speaker is not None and q.speaker.country == "USA"


def _doc(words: list[str], gpe: tuple[int, int]) -> object:
    """A parse-free doc whose only entity is the GPE at token positions ``gpe`` (what a tagger may leave)."""
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(
        spacy.blank("en").vocab, words=words, pos=["PROPN" if w[:1].isupper() else "ADP" for w in words]
    )
    doc.ents = [Span(doc, gpe[0], gpe[1], label="GPE")]
    return doc


def test_of_place_needs_the_whole_place() -> None:
    words = ["Mary", "Lake", "of", "New", "Jersey"]
    # the tagger took only 'Jersey' (a Crown dependency, JEY): no country rather than a wrong one
    assert countries.place_country(_doc(words, (4, 5)), 2, len(words)) is None
    assert countries.place_country(_doc(words, (3, 5)), 2, len(words)) == "USA"
