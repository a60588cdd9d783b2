"""One hand-written sentence per PLOVER type, per mode family, per flag and per PLOVER rule.

The sentences live in src/accords/events/data/sentences.jsonl (written for accords, the coder's own
test data); each goes through the whole pipeline (accords.process_article) and must be coded as labelled.
"""

from __future__ import annotations

import pytest
from events_helpers import check, load_sentences, run

from accords.events.lexicon import TYPES

ITEMS = load_sentences()


def test_sentences_cover_every_type_flag_and_rule() -> None:
    typed = {it["expect"]["event"] for it in ITEMS if it["group"] == "type"}
    assert typed == set(TYPES)
    flags = {f for it in ITEMS if it["group"] == "flag" for f in it.get("expect", {}).get("flags", [])}
    assert {"negated", "future", "historical"} <= flags
    assert any(it["id"] == "flag-hypothetical" for it in ITEMS)
    rules = {it["id"] for it in ITEMS if it["group"] == "rule"}
    for needed in (
        "rule-offer", "rule-willing", "rule-promise", "rule-future-meeting", "rule-summon", "rule-call-on",
        "rule-demand-demonstrating", "rule-ceasefire-declared", "rule-ceasefire-observed", "rule-release",
        "rule-visitor-host", "rule-talks-no-host",
    ):  # fmt: skip
        assert needed in rules


@pytest.mark.slow
@pytest.mark.parametrize("item", ITEMS, ids=[it["id"] for it in ITEMS])
def test_sentences_coded_as_labelled(item: dict) -> None:
    rec = run(item["text"], item.get("published", "2025-05-16"))
    problem = check(item, rec)
    assert problem is None, problem


@pytest.mark.slow
def test_sentences_evidence_points_into_text() -> None:
    rec = run("Moscow demanded Ukraine withdraw from four regions. Poland summoned the Russian ambassador.")
    text = rec.article.text
    assert len(rec.events) == 2
    for ev in rec.events:
        assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
        assert ev.trigger is not None and text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        for party in ev.actor + ev.recipient:
            assert party.start is not None and party.end is not None
            assert text[party.start : party.end] == party.text
        assert ev.version.startswith("events.plover.")
        assert 0 < ev.confidence <= 1
    assert rec.extractors["events"].startswith("events.plover.")
