"""'A, and B, officials said': a cue after two conjoined clauses reports both (attribution.CONJ_BEFORE_CUE).
Sentences written for the test."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run, speaker_text

from accords.quotes import attribution

pytestmark = pytest.mark.slow

TEXT = "The plant will close in May, and the town will lose about 400 jobs, officials said."


def test_a_cue_after_two_conjoined_clauses_reports_both() -> None:
    q = quote_of(run(TEXT), "The plant will close")
    assert q.content[0].text == "The plant will close in May, and the town will lose about 400 jobs"
    assert speaker_text(q) == "officials"


def test_without_the_rule_the_second_clause_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attribution, "CONJ_BEFORE_CUE", False)
    assert quote_of(run(TEXT), "The plant will close").content[0].text == "The plant will close in May"
