"""Helpers shared by the event tests: run one labelled sentence through the pipeline and check it."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from accords.records import Article, Event, Record

DEFAULT_PUBLISHED = "2025-05-16"


def load_sentences() -> list[dict[str, Any]]:
    text = (resources.files("accords.events") / "data" / "sentences.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def run(text: str, published: str | None = DEFAULT_PUBLISHED) -> Record:
    from accords.core import process_article

    art = Article(id="t", text=text, published=published)
    return process_article(art)


def matches(ev: Event, exp: dict[str, Any]) -> bool:
    if ev.event != exp["event"]:
        return False
    if "mode" in exp and ev.mode != exp["mode"]:
        return False
    codes = {a.code for a in ev.actor}
    if not set(exp.get("actor", [])) <= codes:
        return False
    if "recipient" in exp:
        rcodes = {a.code for a in ev.recipient}
        if exp["recipient"] == [] and rcodes:
            return False
        if not set(exp["recipient"]) <= rcodes:
            return False
    want_flags = set(exp.get("flags", []))
    have_flags = {k for k, v in ev.flags.model_dump().items() if v}
    if want_flags != have_flags:
        return False
    if "date" in exp and ev.date != exp["date"]:
        return False
    if "quad_code" in exp and ev.quad_code != exp["quad_code"]:
        return False
    if "loc_country" in exp and (ev.event_loc is None or ev.event_loc.country != exp["loc_country"]):
        return False
    if "actor_sector" in exp and exp["actor_sector"] not in {a.sector for a in ev.actor}:
        return False
    for k, v in exp.get("size", {}).items():
        if ev.size is None or getattr(ev.size, k) != v:
            return False
    return True


def check(item: dict[str, Any], rec: Record) -> str | None:
    """None when the record satisfies the item, else a message saying what was coded instead."""
    got = [
        (
            e.event,
            e.mode,
            [a.code for a in e.actor],
            [a.code for a in e.recipient],
            [k for k, v in e.flags.model_dump().items() if v],
            e.date,
        )
        for e in rec.events
    ]
    if "expect" in item:
        if not any(matches(e, item["expect"]) for e in rec.events):
            return f"{item['id']}: wanted {item['expect']}, coded {got}"
    if "expect_none" in item:
        bad = [e for e in rec.events if e.event in item["expect_none"]["event_in"] and not e.flags.any()]
        if bad:
            return f"{item['id']}: unflagged {[e.event for e in bad]} must not be coded; coded {got}"
    return None
