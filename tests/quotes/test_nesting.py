"""Reports inside reports carry ``within``: the quote whose words hold them (second-hand), and nothing else does."""

from __future__ import annotations

from quotes_helpers import one, run

from accords.quotes.nesting import mark_within
from accords.records import Evidence, Quote, Span


def test_a_report_inside_a_report_is_within_it() -> None:
    rec = run("Smith said that the minister told him the talks had failed.")
    outer = one(rec, "that the minister told him")
    inner = one(rec, "the talks had failed")
    assert outer.within is None
    assert inner.within == outer.id


def test_the_quoted_words_of_a_mixed_quote_are_not_within_it() -> None:
    rec = run("The minister said Russia wanted “more time” to decide.")
    kinds = {q.kind for q in rec.quotes}
    assert "mixed" in kinds
    assert all(q.within is None for q in rec.quotes)


def test_first_hand_reports_side_by_side_are_within_nothing() -> None:
    rec = run("Smith said the talks had failed. Jones said they would resume on Monday.")
    assert len(rec.quotes) == 2
    assert all(q.within is None for q in rec.quotes)


def _quote(qid: str, text: str, content: str, cue: str) -> Quote:
    a, c = text.index(content), text.index(cue)
    return Quote(
        id=qid,
        kind="indirect",
        content=[Span(start=a, end=a + len(content), text=content)],
        cue=Span(start=c, end=c + len(cue), text=cue),
        evidence=Evidence(sentence=0, start=0, end=len(text), text=text),
        version="test",
    )


def test_a_report_three_deep_is_within_the_one_that_holds_it_directly() -> None:
    text = "Smith said Jones claimed the minister admitted the talks failed."
    outer = _quote("Q1", text, "Jones claimed the minister admitted the talks failed", "said")
    middle = _quote("Q2", text, "the minister admitted the talks failed", "claimed")
    inner = _quote("Q3", text, "the talks failed", "admitted")
    mark_within([outer, middle, inner])
    assert (outer.within, middle.within, inner.within) == (None, "Q1", "Q2")
