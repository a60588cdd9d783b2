"""Review: accept or correct an event or a quote. Corrections are stored apart from machine output
(``Store.add_correction``), shown as such, survive ``accords recode``, and export as evaluation data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse
from pydantic import BaseModel, Field

from accords.records import Event, Quote, Record
from accords.web import corrections as corr
from accords.web.deps import get_config, get_store, require_write
from accords.web.views import FLAG_NAMES, PLOVER_TYPES, event_row, render

router = APIRouter()
Kind = Literal["event", "quote"]


class CorrectionIn(BaseModel):
    kind: Kind
    record_id: str = Field(
        description="Store id of the event or quote: '<article key>:<id>', e.g. 'ab12cd:V3'."
    )
    fields: dict[str, Any] = Field(
        description="Corrected values only. Events: event, mode, actor, recipient (lists of codes), flags "
        "({negated, hypothetical, future, historical}), accepted, wrong, note. Quotes: speaker, speaker_role, "
        "speaker_country, kind, accepted, wrong, note."
    )
    author: str | None = None


def split_id(record_id: str) -> tuple[str, str]:
    if ":" not in record_id:
        raise HTTPException(422, f"record id {record_id!r} must look like '<article key>:<id>'")
    art, item = record_id.rsplit(":", 1)
    return art, item


def machine_item(store: Any, kind: str, record_id: str) -> tuple[Record, Event | Quote]:
    art, item = split_id(record_id)
    rec = store.get_record(art)
    if rec is None:
        raise HTTPException(404, f"no article {art!r} in the store")
    items: list[Any] = rec.events if kind == "event" else rec.quotes
    found = next((x for x in items if x.id == item), None)
    if found is None:
        raise HTTPException(404, f"no {kind} {item!r} in article {art!r}")
    return rec, found


def machine_values(kind: str, item: Event | Quote) -> dict[str, Any]:
    if isinstance(item, Event):
        return {
            "event": item.event,
            "mode": item.mode,
            "actor": [a.code for a in item.actor if a.code],
            "recipient": [a.code for a in item.recipient if a.code],
            "flags": item.flags.model_dump(),
        }
    sp = item.speaker
    return {
        "speaker": (sp.name or sp.text) if sp else None,
        "speaker_role": sp.role if sp else None,
        "speaker_country": sp.country if sp else None,
        "kind": item.kind,
    }


def _validate(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    allowed = corr.EVENT_FIELDS if kind == "event" else corr.QUOTE_FIELDS
    bad = sorted(set(fields) - set(allowed))
    if bad:
        raise HTTPException(422, f"unknown field(s) {', '.join(bad)} for a {kind}: use {', '.join(allowed)}")
    if not fields:
        raise HTTPException(422, "a correction needs at least one field")
    if kind == "event":
        if "event" in fields and fields["event"] not in PLOVER_TYPES:
            raise HTTPException(422, f"event must be one of {', '.join(PLOVER_TYPES)}")
        for k in ("actor", "recipient"):
            if k in fields:
                v = fields[k]
                codes = v.split() if isinstance(v, str) else list(v or [])
                fields[k] = [str(c).strip().upper() for c in codes if str(c).strip()]
        if "flags" in fields:
            f = fields["flags"] if isinstance(fields["flags"], dict) else {}
            fields["flags"] = {n: bool(f.get(n)) for n in FLAG_NAMES}
    else:
        if "kind" in fields and fields["kind"] not in ("direct", "mixed", "indirect"):
            raise HTTPException(422, "kind must be direct, mixed or indirect")
        if isinstance(fields.get("speaker_country"), str):
            fields["speaker_country"] = fields["speaker_country"].strip().upper() or None
    return fields


def save(
    request: Request, store: Any, kind: str, record_id: str, fields: dict[str, Any], author: str | None
) -> dict[str, Any]:
    machine_item(store, kind, record_id)  # 404 when it does not exist
    out = store.add_correction(kind, record_id, _validate(kind, dict(fields)), author=author or None)
    request.app.state.cache.clear()
    return dict(out)


@router.post(
    "/api/corrections",
    tags=["review"],
    summary="Store a correction (or acceptance) of a record",
    status_code=201,
)
def api_add_correction(
    body: CorrectionIn, request: Request, store: Any = Depends(get_store)
) -> dict[str, Any]:
    """Needs the server's token (``Authorization: Bearer TOKEN``) whenever one is set or the server is public."""
    require_write(request)
    return save(request, store, body.kind, body.record_id, body.fields, body.author)


@router.get("/api/corrections", tags=["review"], summary="All stored corrections, oldest first")
def api_corrections(kind: Kind | None = None, store: Any = Depends(get_store)) -> list[dict[str, Any]]:
    return [corr.normalise(c) for c in store.corrections(kind)]


def eval_rows(store: Any, kind: str | None) -> Iterator[dict[str, Any]]:
    """One line per corrected record (its newest correction): the evidence, the machine values, the gold values."""
    for k in [kind] if kind else ["event", "quote"]:
        for rid, c in corr.latest(store, k).items():
            try:
                rec, item = machine_item(store, k, rid)
            except HTTPException:
                continue
            machine = machine_values(k, item)
            fields = {f: v for f, v in c["fields"].items() if f not in ("note",)}
            gold = (
                None
                if fields.get("wrong")
                else {**machine, **{f: v for f, v in fields.items() if f in machine}}
            )
            yield {
                "kind": k,
                "record_id": rid,
                "article_id": rid.rsplit(":", 1)[0],
                "url": rec.article.url,
                "sentence": item.evidence.sentence,
                "evidence": item.evidence.text,
                "start": item.evidence.start,
                "end": item.evidence.end,
                "machine": machine,
                "gold": gold,
                "status": "wrong"
                if fields.get("wrong")
                else "accepted"
                if set(fields) <= {"accepted"}
                else "corrected",
                "version": item.version,
                "author": c.get("author"),
                "at": c.get("at"),
                "note": c["fields"].get("note"),
            }


@router.get("/api/corrections/export", tags=["review"], summary="Corrections as evaluation data (JSONL)")
def api_corrections_export(kind: Kind | None = None, store: Any = Depends(get_store)) -> StreamingResponse:
    """JSON lines: for each reviewed record, its evidence, machine values and gold (corrected) values."""
    return StreamingResponse(
        (json.dumps(r, ensure_ascii=False) + "\n" for r in eval_rows(store, kind)),
        media_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="accords-reviews.jsonl"'},
    )


@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
def page_review_home(
    request: Request,
    limit: int = Query(30, ge=1, le=200),
    offset: int = Query(0, ge=0),
    store: Any = Depends(get_store),
) -> HTMLResponse:
    rows, total = store.events(include_flagged=True, limit=limit, offset=offset, count_cap=10_000 + offset)
    done = list(reversed(store.corrections()))[:50]
    return render(
        request,
        "review_home.html",
        {"active": "Review", "rows": [event_row(r) for r in rows], "total": total, "limit": limit,
         "offset": offset, "done": [corr.normalise(c) for c in done], "json_url": "/api/corrections"},
    )  # fmt: skip


@router.get("/review/{kind}/{record_id:path}", response_class=HTMLResponse, include_in_schema=False)
def page_review(
    request: Request, kind: Kind, record_id: str, saved: int = 0, store: Any = Depends(get_store)
) -> HTMLResponse:
    rec, item = machine_item(store, kind, record_id)
    machine = machine_values(kind, item)
    history = [corr.normalise(c) for c in store.corrections(kind) if c.get("record_id") == record_id]
    current = dict(machine)
    if history:
        current.update({k: v for k, v in history[-1]["fields"].items() if k in machine})
    cfg = get_config(request)
    return render(
        request,
        "review.html",
        {"active": "Review", "kind": kind, "record_id": record_id, "article_id": record_id.rsplit(":", 1)[0],
         "rec": rec, "item": item, "machine": machine, "current": current, "history": history, "saved": saved,
         "types": PLOVER_TYPES, "flag_names": FLAG_NAMES, "writes": cfg.writes, "token_required": cfg.token_required,
         "json_url": "/api/corrections?kind=" + kind},
    )  # fmt: skip


@router.post("/review/{kind}/{record_id:path}", include_in_schema=False)
async def post_review(
    request: Request, kind: Kind, record_id: str, store: Any = Depends(get_store)
) -> RedirectResponse:
    form = await request.form()
    token = form.get("token")
    require_write(request, str(token) if token else None)
    _, item = machine_item(store, kind, record_id)
    machine = machine_values(kind, item)
    action = str(form.get("action") or "correct")
    author = str(form.get("author") or "").strip() or None
    note = str(form.get("note") or "").strip()
    fields: dict[str, Any]
    if action == "accept":
        fields = {"accepted": True}
    elif action == "wrong":
        fields = {"wrong": True}
    else:
        given: dict[str, Any]
        if kind == "event":
            given = {
                "event": str(form.get("event") or ""),
                "mode": str(form.get("mode") or "").strip() or None,
                "actor": str(form.get("actor") or "").upper().split(),
                "recipient": str(form.get("recipient") or "").upper().split(),
                "flags": {n: form.get(f"flag_{n}") is not None for n in FLAG_NAMES},
            }
        else:
            given = {
                "speaker": str(form.get("speaker") or "").strip() or None,
                "speaker_role": str(form.get("speaker_role") or "").strip() or None,
                "speaker_country": str(form.get("speaker_country") or "").strip().upper() or None,
                "kind": str(form.get("kind") or machine.get("kind")),
            }
        fields = {k: v for k, v in given.items() if v != machine.get(k)}
        if not fields:
            fields = {"accepted": True}
    if note:
        fields["note"] = note
    save(request, store, kind, record_id, fields, author)
    return RedirectResponse(f"/review/{kind}/{record_id}?saved=1", status_code=303)
