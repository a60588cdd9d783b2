"""Speakers the parse leaves open (quotes v5): a name, an aside between commas, then the cue; a dateline in title case
with a news agency; a quotation that is the clause of a verb inside a reported clause (one mixed attribution);
two apostrophes after a digit close a quotation (no inch sign)."""

from __future__ import annotations

import pytest
import spacy
from quotes_helpers import quote_of, run, speaker_text

from accords.quotes.marks import find_segments
from accords.quotes.speaker_heads import name_before_aside

pytestmark = pytest.mark.slow


def _doc_with_heads(
    words: list[str], heads: list[int], deps: list[str], tags: list[str], ents: list[str]
) -> object:
    """A hand-made parse, so that the rule is tested on the wrong parse it is for, whatever the model does."""
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    pos = {"NNP": "PROPN", "NN": "NOUN", "VBD": "VERB", "VBN": "VERB", ",": "PUNCT", "DT": "DET", "IN": "ADP"}
    return Doc(
        nlp.vocab,
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=[pos.get(t, "X") for t in tags],
        ents=ents,
    )


def test_name_before_an_aside_speaks_when_the_cue_has_no_subject() -> None:
    # 'Maria Lopez, a spokeswoman in Denver, said ...' with the name hung on a noun before it
    words = [
        "On",
        "Monday",
        ",",
        "Maria",
        "Lopez",
        ",",
        "a",
        "spokeswoman",
        "in",
        "Denver",
        ",",
        "said",
        "it",
    ]
    heads = [11, 0, 11, 4, 1, 4, 7, 4, 7, 8, 11, 11, 11]
    deps = [
        "prep",
        "pobj",
        "punct",
        "compound",
        "appos",
        "punct",
        "det",
        "appos",
        "prep",
        "pobj",
        "punct",
        "ROOT",
    ]
    deps.append("ccomp")
    tags = ["IN", "NNP", ",", "NNP", "NNP", ",", "DT", "NN", "IN", "NNP", ",", "VBD", "PRP"]
    ents = ["O", "B-DATE", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-GPE", "O", "O", "O"]
    doc = _doc_with_heads(words, heads, deps, tags, ents)
    verb = doc[11]
    left = list(doc[0:11])
    tok = name_before_aside(verb, left, set())
    assert tok is not None and tok.text == "Lopez"


def test_no_name_before_an_aside_with_a_clause_of_its_own() -> None:
    # 'Maria Lopez, the crowd shouted, said ...': the aside has a subject and a finite verb of its own
    words = ["Maria", "Lopez", ",", "the", "crowd", "shouted", ",", "said", "it"]
    heads = [1, 7, 7, 4, 5, 7, 7, 7, 7]
    deps = ["compound", "npadvmod", "punct", "det", "nsubj", "parataxis", "punct", "ROOT", "ccomp"]
    tags = ["NNP", "NNP", ",", "DT", "NN", "VBD", ",", "VBD", "PRP"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    doc = _doc_with_heads(words, heads, deps, tags, ents)
    assert name_before_aside(doc[7], list(doc[0:7]), set()) is None


def test_name_after_an_agency_dateline_speaks() -> None:
    rec = run(
        "Paris (AFP) – Prime Minister Anne Moreau on Tuesday toured the flooded towns of the south for the first "
        "time, promising that the state would pay for the repairs."
    )
    q = quote_of(rec, "the state would pay")
    assert speaker_text(q) is not None and "Moreau" in speaker_text(q)
    assert "AFP" not in speaker_text(q)


def test_quotation_that_is_the_clause_of_believes_inside_said_is_one_mixed_quote() -> None:
    rec = run(
        'Daniel Kern, a former official, said he believes "the council made a sound choice and the city will '
        'see the benefits within a year."'
    )
    mixed = [q for q in rec.quotes if q.kind == "mixed"]
    assert len(mixed) == 1, [(q.kind, q.cue.text if q.cue else None) for q in rec.quotes]
    assert mixed[0].cue is not None and mixed[0].cue.text == "said"
    assert mixed[0].content[0].text.startswith("he believes")
    direct = [q for q in rec.quotes if q.kind == "direct"]
    # the quoted words stay a direct quote of the same speaker, with the cue of the clause they stand in
    assert direct and all(q.cue is not None and q.cue.text == "said" for q in direct)


def test_two_apostrophes_after_a_digit_close_a_quotation() -> None:
    text = "She said the show ''Hawaii Five-0'' would return. He called it ''great TV.''"
    segs = find_segments(text)
    inner = [text[s.start : s.end] for s in segs]
    assert inner == ["''Hawaii Five-0''", "''great TV.''"]


def test_noun_before_the_cue_hung_on_a_name_before_it_speaks() -> None:
    rec = run(
        "In a talk with Evening News hosts Mark Hale and Rita Moss, the Republican presidential candidate stated "
        "that the bridge was a “waste of money” and should be stopped."
    )
    mixed = [q for q in rec.quotes if q.kind == "mixed"]
    assert mixed and speaker_text(mixed[0]) == "the Republican presidential candidate"
    # the quoted words inside the clause have the clause's speaker
    direct = quote_of(rec, "waste of money")
    assert speaker_text(direct) == "the Republican presidential candidate"


def test_quotation_ending_the_reported_sentence_makes_the_clause_mixed() -> None:
    rec = run(
        "Council member Ana Ruiz lamented the slow pace of the repairs - “why does every bridge take ten years?”"
    )
    q = quote_of(rec, "the slow pace of the repairs")
    assert q.kind == "mixed"
    assert "every bridge take ten years" in q.content[-1].text
    assert speaker_text(q) == "Council member Ana Ruiz"
    rec = run("Ana Ruiz described the plan during a radio interview as “a budget for nobody.”")
    q = quote_of(rec, "the plan")
    assert q.kind == "mixed" and "a budget for nobody" in q.content[-1].text


def test_quotation_after_a_clause_of_someone_else_stays_apart() -> None:
    rec = run(
        "Mayor Ana Ruiz said that the budget was balanced, but by Friday the council had renamed the plan "
        "“a budget for nobody.”"
    )
    q = quote_of(rec, "the budget was balanced")
    assert "a budget for nobody" not in q.content[-1].text


def test_noun_with_a_relative_clause_right_before_the_cue_speaks() -> None:
    rec = run(
        "Although there was no such plan for the harbor, a city official who spoke anonymously to discuss the "
        "budget said Monday, “Certainly there are talks between the mayor and the port authority.”"
    )
    q = quote_of(rec, "Certainly there are talks")
    assert speaker_text(q) is not None and "official" in speaker_text(q)


def test_quotation_after_a_statement_someone_issued_is_theirs() -> None:
    rec = run(
        "Soon after the vote, the governor issued a statement, “Today, our state was given a clear choice by its "
        "voters.”"
    )
    q = quote_of(rec, "our state was given")
    assert speaker_text(q) == "the governor"
    assert q.cue is not None and q.cue.text.startswith("issued")


def test_participle_after_a_clause_of_someone_who_can_speak_is_theirs() -> None:
    rec = run(
        "The first disruption came during a speech at the town hall, when striking nurses interrupted the "
        "mayor, shouting “Pay us what we are owed!”"
    )
    q = quote_of(rec, "Pay us what we are owed")
    assert speaker_text(q) is not None and "nurses" in speaker_text(q)


def test_name_before_an_aside_between_dashes_with_a_relative_clause_speaks() -> None:
    # 'Ana Ruiz - who once said no - said ...' with the name hung on nothing useful and the cue without a subject
    words = ["Ana", "Ruiz", "-", "who", "once", "said", "no", "-", "said", "it"]
    heads = [1, 8, 8, 5, 5, 1, 5, 8, 8, 8]
    deps = ["compound", "npadvmod", "punct", "nsubj", "advmod", "relcl", "dobj", "punct", "ROOT", "ccomp"]
    tags = ["NNP", "NNP", ":", "WP", "RB", "VBD", "DT", ":", "VBD", "PRP"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"]
    doc = _doc_with_heads(words, heads, deps, tags, ents)
    tok = name_before_aside(doc[8], list(doc[0:8]), set())
    assert tok is not None and tok.text == "Ruiz"


def test_participle_after_an_inverted_cue_has_its_speaker() -> None:
    from types import SimpleNamespace

    from accords.quotes.attribution import Attribution
    from accords.quotes.extract import Extractor

    # '“...,” said Berg, explaining he knew': 'explaining' hangs on 'said', whose speaker stands after it
    words = ["“", "Fine", ",", "”", "said", "Berg", ",", "explaining", "he", "knew"]
    heads = [1, 4, 1, 1, 4, 4, 4, 4, 9, 7]
    deps = ["punct", "ccomp", "punct", "punct", "ROOT", "nsubj", "punct", "advcl", "nsubj", "ccomp"]
    tags = ["``", "JJ", ",", "''", "VBD", "NNP", ",", "VBG", "PRP", "VBD"]
    ents = ["O", "O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O"]
    doc = _doc_with_heads(words, heads, deps, tags, ents)
    for t, lemma in zip(
        doc, ["“", "fine", ",", "”", "say", "Berg", ",", "explain", "he", "know"], strict=True
    ):
        t.lemma_ = lemma
        if t.tag_.startswith("VB"):
            t.pos_ = "VERB"
    said, explaining = doc[4], doc[7]
    direct = Attribution("direct", [(0, 9)], (said.idx, said.idx + 4), doc[5], 0.9, [0])
    clause = Attribution(
        "indirect", [(doc[8].idx, len(doc.text))], (explaining.idx, explaining.idx + 10), None, 0.8
    )
    Extractor._inherit_from_head_cue(SimpleNamespace(doc=doc), [direct, clause])  # type: ignore[arg-type]
    assert clause.speaker is not None and clause.speaker.text == "Berg"


def test_object_of_a_verb_that_leads_someone_to_say_speaks() -> None:
    rec = run(
        "Even the late timing of the vote led many residents to say that the council was hiding the plan."
    )
    q = quote_of(rec, "the council was hiding the plan")
    assert speaker_text(q) is not None and "residents" in speaker_text(q)
