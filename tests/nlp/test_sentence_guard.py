"""Overlong sentences are cut before the parser, so no later stage walks a 20,000-token tree."""

from __future__ import annotations

import re

import pytest

from accords import hardening as h
from accords.config import Settings
from accords.core import new_record
from accords.nlp.pipeline import HARD_SENTENCE_TOKENS, nlp_stage
from accords.pipeline import Work
from accords.records import Article, Paragraph

pytestmark = pytest.mark.slow


def _run(text: str) -> Work:
    return nlp_stage(Work(record=new_record(Article(id="t", text=text)), settings=Settings()))


def test_nlp_long_run_on_sentence_is_cut_with_warning() -> None:
    work = _run(h.one_long_sentence(3_000))
    longest = max(len(s) for s in work.doc.sents)
    assert longest <= HARD_SENTENCE_TOKENS + 1
    assert len(work.record.sentences) >= 3_000 // HARD_SENTENCE_TOKENS
    assert any("overlong sentences were cut" in w for w in work.record.article.warnings)
    assert work.record.status == "warning"


def test_nlp_ordinary_sentences_are_not_cut() -> None:
    work = _run(" ".join(h.SENTENCES))
    assert len(work.record.sentences) == len(h.SENTENCES)
    assert not any("overlong" in w for w in work.record.article.warnings)


def _paragraphs(text: str) -> Work:
    paras = [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text)]
    return nlp_stage(
        Work(record=new_record(Article(id="t", text=text, paragraphs=paras)), settings=Settings())
    )


@pytest.mark.parametrize("mark", ["''", '"', "“"])
def test_a_paragraph_opening_with_a_quotation_mark_starts_a_sentence(mark: str) -> None:
    close = "”" if mark == "“" else mark
    first = "In all, the judges are doing what they can to find common ground, Professor Epstein said."
    text = f"{first}\n{mark}Without the late judge, it is still his court,{close} she said."
    work = _paragraphs(text)
    starts = [s.start for s in work.record.sentences]
    assert starts == [0, len(first) + 1]
    said = [t for t in work.doc if t.lower_ == "said"]
    assert said[0].head.i == said[0].i  # the first 'said' roots its own sentence, not a clause of the second
