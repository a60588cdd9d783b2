"""Speakers of direct quotes the sentence parse leaves open (accords.quotes.direct, speaker_heads): a sentence that
only says who speaks before an uncued quotation, an inverted 'asked the boy', a cue right after the closing mark,
a relative clause or a sentence of its own after the quotation (not its cue)."""

from __future__ import annotations

import re

import pytest

from accords.records import Article, Paragraph, Quote, Record

pytestmark = pytest.mark.slow


def run(text: str) -> Record:
    import accords

    paras = [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text)]
    return accords.process_article(Article(id="t", text=text, paragraphs=paras, language="en"))


def quote_of(rec: Record, words: str) -> Quote:
    hits = [q for q in rec.quotes if any(words in c.text for c in q.content)]
    assert hits, [(q.kind, q.content[0].text) for q in rec.quotes]
    return hits[0]


def speaker_text(q: Quote) -> str | None:
    return q.speaker.text if q.speaker is not None else None


def test_sentence_that_only_names_the_speaker_before_an_uncued_quotation() -> None:
    rec = run(
        "The council met on Monday to discuss the bridge. Professor Jane Holt agreed. “The city has waited far "
        "too long for this bridge, and everyone here knows it.”"
    )
    q = quote_of(rec, "waited far too long")
    assert q.kind == "direct"
    assert speaker_text(q) is not None and "Holt" in speaker_text(q)
    assert q.cue is not None and q.cue.text == "agreed"


def test_quotation_opening_the_paragraph_after_a_sentence_of_saying() -> None:
    rec = run(
        "The crowd cheered for the band, Maria Lopez said as she walked out of the hall.\n"
        "“But they are our band, and we love them all the same!”"
    )
    q = quote_of(rec, "we love them")
    assert speaker_text(q) == "Maria Lopez"


def test_sentence_with_a_clause_of_its_own_gives_no_speaker_to_the_next_quotation() -> None:
    rec = run(
        "The council met on Monday. Jane Holt said the bridge would open in May. “Traffic on the old road has "
        "doubled in ten years and nobody has a plan.”"
    )
    q = quote_of(rec, "Traffic on the old road")
    assert q.cue is None or q.cue.text != "said"


def test_relative_clause_after_the_quotation_is_not_its_cue() -> None:
    rec = run(
        "The band was late. Rachel Feldman interjected, “Ladies and gentlemen, here is Mr. Tom Baker,” who "
        "proceeded to play the piano."
    )
    q = quote_of(rec, "Ladies and gentlemen")
    assert speaker_text(q) == "Rachel Feldman"
    assert q.cue is not None and q.cue.text.startswith("interjected")


def test_words_after_the_quotation_without_a_speaker_leave_it_to_the_cue_before() -> None:
    rec = run(
        "Ortiz was joined on stage by Tim Walz and joked, “Bus riders of the city, you are all being ridiculous,” "
        "drawing loud boos and “BUS!” chants."
    )
    q = quote_of(rec, "Bus riders")
    assert speaker_text(q) == "Ortiz"


def test_inverted_asked_after_the_quotation_is_said_by_the_noun_after_it() -> None:
    rec = run(
        "The candidate spoke about the new tower for ten minutes. “How tall will that tower be?” asked the girl, "
        "who wore a red hat."
    )
    q = quote_of(rec, "How tall will that tower be")
    assert speaker_text(q) is not None and speaker_text(q).startswith("the girl")


def test_cue_right_after_the_closing_mark_wins_over_a_verb_before_the_quotation() -> None:
    rec = run(
        "Many experts believe the story, but Moscow strongly denies it — “why would anyone want to hide such a "
        "thing?” asked Anita Dunn, a former adviser."
    )
    q = quote_of(rec, "why would anyone")
    assert speaker_text(q) is not None and "Dunn" in speaker_text(q)


def test_verb_with_an_object_after_a_finished_quotation_begins_its_own_sentence() -> None:
    rec = run(
        "Kennedy was known for his love of what he called the free world, voiced in his famous speech in Berlin "
        "in 1963: “All free men are citizens of this city!” Historians still praise his courage in the crisis."
    )
    q = quote_of(rec, "All free men")
    assert speaker_text(q) != "Historians"
    assert q.cue is None or "praise" not in q.cue.text
