"""The seed article: every events.must item of ../shared/seed/expected.json, and none of its must_not."""

from __future__ import annotations

import pytest


def _has(rec, item: dict) -> bool:
    for e in rec.events:
        if e.event != item["event"] or item["evidence_contains"] not in e.evidence.text or e.flags.any():
            continue
        if not set(item.get("actor", [])) <= {a.code for a in e.actor}:
            continue
        if not set(item.get("recipient", [])) <= {a.code for a in e.recipient}:
            continue
        if "mode" in item and e.mode != item["mode"]:
            continue
        if not set(item.get("context", [])) <= set(e.context):
            continue
        if "date" in item and e.date != item["date"]:
            continue
        if "location" in item and (e.event_loc is None or e.event_loc.place != item["location"]):
            continue
        q = item.get("quantity")
        if q:
            if e.size is None or e.size.per_side != q.get("per_side", False):
                continue
            unit, n = next((k, v) for k, v in q.items() if k != "per_side")
            if e.size.count != n or e.size.unit != unit:
                continue
        return True
    return False


@pytest.mark.slow
def test_seed_events_must(seed_record, expected) -> None:
    missing = [m["evidence_contains"] for m in expected["events"]["must"] if not _has(seed_record, m)]
    assert not missing, f"not coded: {missing}"


@pytest.mark.slow
def test_seed_events_must_not(seed_record, expected) -> None:
    for m in expected["events"]["must_not"]:
        if "unflagged_evidence_contains" in m:
            bad = [
                e.id
                for e in seed_record.events
                if e.event in m["event_in"]
                and m["unflagged_evidence_contains"] in e.evidence.text
                and not e.flags.any()
            ]
            assert not bad, m["why"]
        if "any_record_evidence_contains" in m:
            assert not any(m["any_record_evidence_contains"] in e.evidence.text for e in seed_record.events)


@pytest.mark.slow
def test_seed_events_historical_annexation_flagged(seed_record) -> None:
    annex = [e for e in seed_record.events if e.trigger is not None and "annex" in e.trigger.text]
    assert all(e.flags.historical for e in annex)


@pytest.mark.slow
def test_seed_events_should(seed_record, expected) -> None:
    should = expected["events"].get("should", [])
    found = [m["evidence_contains"] for m in should if _has(seed_record, m)]
    assert len(found) >= len(should) - 1, f"found only {found}"
