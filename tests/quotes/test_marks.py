"""Quotation marks paired without a parser: curly and straight, several paragraphs, unbalanced, inch signs."""

from __future__ import annotations

from accords.quotes.marks import find_segments


def _texts(text: str) -> list[list[str]]:
    return [[text[a:b] for a, b in s.pieces] for s in find_segments(text)]


def test_marks_curly_and_straight_pairs() -> None:
    text = 'He said “we are ready,” and she said "so are we."'
    assert _texts(text) == [["“we are ready,”"], ['"so are we."']]


def test_marks_inch_sign_is_not_a_quote() -> None:
    assert _texts('The unit carried a 12" display and a 6\'2" soldier.') == []


def test_marks_markup_attribute_is_not_a_quote() -> None:
    assert _texts('<tweet pic="" author="x">Hello</tweet>') == []


def test_marks_quote_over_several_paragraphs() -> None:
    text = "He said: “The first part goes on.\n\n“The second part too.\n\n“And it ends here.”\n\nAfter."
    segs = find_segments(text)
    assert len(segs) == 1
    assert [text[a:b] for a, b in segs[0].pieces] == [
        "“The first part goes on.",
        "“The second part too.",
        "“And it ends here.”",
    ]
    assert not segs[0].unbalanced


def test_marks_unbalanced_quote_stays_in_its_paragraph() -> None:
    text = "He said “this never closes and goes on.\n\nA new paragraph with no marks.\n\nAnother one “closed here”."
    segs = find_segments(text)
    first = segs[0]
    assert first.unbalanced
    assert first.end <= text.index("\n\n")
    assert [text[a:b] for a, b in segs[1].pieces] == ["“closed here”"]


def test_marks_never_raise_on_odd_input() -> None:
    for text in ["", "”", "“", '"', "“”", 'a"b"c"d', "”backwards“ marks", "\n\n“\n\n“\n\n"]:
        for seg in find_segments(text):
            assert 0 <= seg.start <= seg.end <= len(text)


def test_marks_two_apostrophes_as_quotation_marks() -> None:
    text = "''We are ready,'' he said, and ''we mean it.'' The students'' union disagreed."
    assert _texts(text)[:2] == [["''We are ready,''"], ["''we mean it.''"]]
