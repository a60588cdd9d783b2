"""Conversions between records and table rows, and the small value helpers the store shares."""

from __future__ import annotations

import json
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    select,
)
from sqlalchemy.engine import Connection

from accords.records import Event, Quote, Record
from accords.store import schema as S
from accords.store.incidents import IncidentKey


class AtLeast(int):
    """A total that counting stopped at (``count_cap``): the true total is this or more."""


FAILURE_REASONS = ("HTTP error", "not an article", "not English", "parse error", "too large", "timeout")


EVENT_SORTS = {"date", "event", "confidence", "outlet", "actor", "recipient", "id"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _day(value: str | None) -> str | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _codes(ents: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for e in ents:
        if e.code and e.code not in out:
            out.append(e.code)
    return out


def _pack(record: Record) -> bytes:
    slim = record.model_copy(
        update={"article": record.article.model_copy(update={"text": ""}), "quotes": [], "events": []}
    )
    return zlib.compress(slim.model_dump_json(exclude_none=True).encode("utf-8"), 6)


def _unpack_rows(conn: Connection, rows: Sequence[Any]) -> list[tuple[str, Record]]:
    """Records of article rows (id, record_z, text), with their events and quotes from their tables."""
    ids = [r.id for r in rows]
    evs: dict[str, list[Any]] = defaultdict(list)
    qts: dict[str, list[Any]] = defaultdict(list)
    e, q = S.events, S.quotes
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for r in conn.execute(
            select(e.c.article_id, e.c.data).where(e.c.article_id.in_(chunk)).order_by(e.c.n)
        ):
            evs[r.article_id].append(json.loads(r.data))
        for r in conn.execute(
            select(q.c.article_id, q.c.data).where(q.c.article_id.in_(chunk)).order_by(q.c.n)
        ):
            qts[r.article_id].append(json.loads(r.data))
    out = []
    for r in rows:
        d = json.loads(zlib.decompress(r.record_z))
        d["article"]["text"] = r.text
        d["events"] = evs.get(r.id, [])
        d["quotes"] = qts.get(r.id, [])
        out.append((r.id, Record.model_validate(d)))
    return out


def _ent_text(ents: Iterable[Any]) -> str:
    return "; ".join(e.name or e.text for e in ents)


def _event_row(key: str, ev: Event, art_date: str | None, visible: bool) -> dict[str, Any]:
    loc = ev.event_loc
    return {
        "id": f"{key}:{ev.id}",
        "article_id": key,
        "event_id": ev.id,
        "event": ev.event,
        "mode": ev.mode,
        "context": json.dumps(ev.context),
        "quad_code": ev.quad_code,
        "actor_codes": " ".join(_codes(ev.actor)),
        "actor_text": _ent_text(ev.actor),
        "recipient_codes": " ".join(_codes(ev.recipient)),
        "recipient_text": _ent_text(ev.recipient),
        "date": _day(ev.date) or art_date,
        "date_text": ev.date_text,
        "place": (loc.place or loc.text) if loc else None,
        "loc_country": loc.country if loc else None,
        "flagged": ev.flags.any(),
        "flags": ev.flags.model_dump_json(),
        "confidence": ev.confidence,
        "evidence": ev.evidence.text,
        "sentence": ev.evidence.sentence,
        "start": ev.evidence.start,
        "end": ev.evidence.end,
        "trigger": ev.trigger.text if ev.trigger else None,
        "version": ev.version,
        "visible": visible,
        "incident_id": None,
        "data": ev.model_dump_json(exclude_none=True),
    }


def _quote_row(key: str, q: Quote, visible: bool) -> dict[str, Any]:
    sp = q.speaker
    return {
        "id": f"{key}:{q.id}",
        "article_id": key,
        "quote_id": q.id,
        "kind": q.kind,
        "text": " … ".join(s.text for s in q.content),
        "cue": q.cue.text if q.cue else None,
        "speaker": (sp.name or sp.text) if sp else None,
        "speaker_text": sp.text if sp else None,
        "speaker_role": sp.role if sp else None,
        "speaker_country": sp.country if sp else None,
        "sentence": q.evidence.sentence,
        "start": q.evidence.start,
        "end": q.evidence.end,
        "evidence": q.evidence.text,
        "confidence": q.confidence,
        "version": q.version,
        "visible": visible,
        "data": q.model_dump_json(exclude_none=True),
    }


def _event_dict(m: Any) -> dict[str, Any]:
    data = json.loads(m["data"])
    return {
        "id": m["id"],
        "article_id": m["article_id"],
        "event_id": m["event_id"],
        "event": m["event"],
        "mode": m["mode"],
        "context": json.loads(m["context"]) if m["context"] else [],
        "quad_code": m["quad_code"],
        "actor": data.get("actor", []),
        "recipient": data.get("recipient", []),
        "actor_codes": (m["actor_codes"] or "").split(),
        "actor_text": m["actor_text"],
        "recipient_codes": (m["recipient_codes"] or "").split(),
        "recipient_text": m["recipient_text"],
        "date": m["date"],
        "date_text": m["date_text"],
        "place": m["place"],
        "event_loc": data.get("event_loc"),
        "size": data.get("size"),
        "flagged": bool(m["flagged"]),
        "flags": json.loads(m["flags"]) if m["flags"] else {},
        "confidence": m["confidence"],
        "evidence": m["evidence"],
        "sentence": m["sentence"],
        "start": m["start"],
        "end": m["end"],
        "trigger": data.get("trigger"),
        "version": m["version"],
        "incident_id": m["incident_id"],
        "visible": bool(m["visible"]),
        "title": m.get("title"),
        "outlet": m.get("outlet"),
        "url": m.get("url"),
        "article_date": m.get("article_date"),
        "published": m.get("published"),
        "duplicate_of": m.get("canonical_id"),
        "corrected": False,
        "correction": None,
    }


def _quote_dict(m: Any) -> dict[str, Any]:
    data = json.loads(m["data"])
    return {
        "id": m["id"],
        "article_id": m["article_id"],
        "quote_id": m["quote_id"],
        "kind": m["kind"],
        "text": m["text"],
        "content": data.get("content", []),
        "within": data.get("within"),
        "cue": m["cue"],
        "speaker": m["speaker"],
        "speaker_text": m["speaker_text"],
        "speaker_role": m["speaker_role"],
        "speaker_country": m["speaker_country"],
        "sentence": m["sentence"],
        "start": m["start"],
        "end": m["end"],
        "evidence": m["evidence"],
        "confidence": m["confidence"],
        "version": m["version"],
        "visible": bool(m["visible"]),
        "title": m.get("title"),
        "outlet": m.get("outlet"),
        "url": m.get("url"),
        "date": m.get("date"),
        "corrected": False,
        "correction": None,
    }


def _key_of(store_id: str, article_key: str, ev: Event, art_date: str | None) -> IncidentKey:
    loc = ev.event_loc
    return IncidentKey(
        id=store_id,
        article_id=article_key,
        event=ev.event,
        date=_day(ev.date) or art_date,
        actors=frozenset(_codes(ev.actor)),
        recipients=frozenset(_codes(ev.recipient)),
        place=(loc.place or loc.text) if loc else None,
        country=loc.country if loc else None,
        flagged=ev.flags.any(),
    )


def _apply_corrections(conn: Connection, kind: str, rows: list[dict[str, Any]]) -> None:
    """Lay the latest human correction of each row over it, keeping the machine values beside it."""
    if not rows:
        return
    c = S.corrections
    ids = [r["id"] for r in rows]
    latest: dict[str, Any] = {}
    for i in range(0, len(ids), 500):
        for r in conn.execute(
            select(c).where(c.c.kind == kind, c.c.record_id.in_(ids[i : i + 500])).order_by(c.c.n)
        ).all():
            latest[r.record_id] = r
    for row in rows:
        corr = latest.get(row["id"])
        if corr is None:
            continue
        fields = json.loads(corr.fields)
        row["correction"] = {
            "id": corr.n,
            "fields": fields,
            "author": corr.author,
            "at": corr.at,
            "machine": {k: row.get(k) for k in fields},
        }
        row["corrected"] = True
        for k, v in fields.items():
            row[k] = v
            if k in ("actor", "recipient") and isinstance(v, (list, str)):
                row[f"{k}_codes"] = (
                    v.split()
                    if isinstance(v, str)
                    else [x if isinstance(x, str) else x.get("code") for x in v]
                )
