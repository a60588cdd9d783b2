"""Odd input through the speaker rules of quotes.rules v9, and the whole-word name search of speaker_descriptions
(now bounded by a plain search first, with no slice of the text per call)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from quotes_helpers import run

from accords.quotes.speaker_descriptions import _first, _last
from accords.quotes.speakers import _group_name


def _org(name: str) -> SimpleNamespace:
    return SimpleNamespace(name=name, mentions=[])


def test_name_search_whole_words_before_start() -> None:
    text = "AT&T and T-Mobile met. Acme Co. said. Acme Corp. later. Acme"
    assert _first(text, _org("T"), len(text)) == text.index("T-Mobile")  # not the end of 'AT&T'
    assert _first(text, _org("Acme"), len(text)) == text.index("Acme")
    assert _first(text, _org("Acme"), 5) is None  # named only after the phrase
    assert _last(text, _org("Acme"), len(text)) == text.rindex("Acme")
    # the text ends at ``start``: a name cut there is a whole word, as it was with the slice
    cut = text.index("Corp.")
    assert _last(text, _org("Acme C"), cut + 1) == text.index("Acme Corp")
    assert _last(text, _org("Nobody"), len(text)) == -1


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“”\"'‘’«»“““”””",
        "“We are fine,” said",
        "Jane Roe spoke. “Fine,” he",
        "Early says “we are fine.”",
        "-author said “ok.” said co-",
        "“我们会赢，”他说。 Путин сказал: «Мы победим».",
        "“ok,” said the firm that owns it, Acme",
        "Sen. Jane Roe, R-",
    ],
)
def test_odd_input_does_not_raise(text: str) -> None:
    rec = run(text)
    assert all(q.speaker is None or q.speaker.start <= q.speaker.end for q in rec.quotes)


def test_group_name_of_blanks() -> None:
    assert _group_name("Turkish officials") and not _group_name("Valve")
    assert not _group_name("") and not _group_name(" \n")  # raised IndexError
