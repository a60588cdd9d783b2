"""The seed article: every ``quotes.must`` item of ../shared/seed/expected.json, and the ``should`` items."""

from __future__ import annotations

from typing import Any

import pytest

from accords.records import Quote, Record

pytestmark = pytest.mark.slow


def _matches(q: Quote, item: dict[str, Any]) -> bool:
    text = " ".join(c.text for c in q.content)
    if "text" in item and item["text"] not in text:
        return False
    if "content_contains" in item and item["content_contains"] not in text:
        return False
    return q.kind == item["kind"]


def _speaker_ok(q: Quote, item: dict[str, Any]) -> bool:
    if q.speaker is None:
        return False
    want = item["speaker"]
    if "speaker_country" in item and q.speaker.country != item["speaker_country"]:
        return False
    return q.speaker.name == want or (
        q.speaker.entity_id is None and want in (q.speaker.name or q.speaker.text)
    )


def _check(record: Record, item: dict[str, Any]) -> None:
    cands = [q for q in record.quotes if _matches(q, item)]
    assert cands, (
        f"no {item['kind']} quote for {item}; got {[(q.kind, q.content[0].text[:60]) for q in record.quotes]}"
    )
    got = [(q.speaker.name if q.speaker else None) for q in cands]
    assert any(_speaker_ok(q, item) for q in cands), f"{item}: speakers found {got}"


def _items(kind: str) -> list[dict[str, Any]]:
    import json

    from tests.conftest import SEED

    path = SEED / "expected.json"
    if not path.exists():
        return []
    return json.loads(path.read_text())["quotes"][kind]


@pytest.mark.parametrize(
    "item", _items("must"), ids=lambda it: (it.get("text") or it["content_contains"])[:40]
)
def test_seed_quotes_must(seed_record: Record, expected: dict, item: dict[str, Any]) -> None:
    _check(seed_record, item)


@pytest.mark.parametrize("item", _items("should"), ids=lambda it: it["content_contains"][:40])
def test_seed_quotes_should(seed_record: Record, expected: dict, item: dict[str, Any]) -> None:
    _check(seed_record, item)


def test_seed_quotes_stage_version(seed_record: Record) -> None:
    assert seed_record.extractors.get("quotes") == "quotes.rules.v10"
    assert all(q.version == "quotes.rules.v10" for q in seed_record.quotes)


def test_seed_quotes_no_scare_or_stray_quotes(seed_record: Record) -> None:
    # every quote has a cue and a speaker on the seed; nothing is attributed to a place
    for q in seed_record.quotes:
        assert q.cue is not None
        assert q.speaker is not None
        assert q.speaker.name not in ("Istanbul", "Russia", "Ukraine", "Moscow")
