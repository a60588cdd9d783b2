"""Events: a filtered, sorted, paged table; its JSON twin; and downloads of the whole filter as CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import asdict, astuple, dataclass
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from accords.store.core import AtLeast
from accords.web.deps import cached, get_config, get_store
from accords.web.views import EXPORT_FIELDS, PLOVER_TYPES, event_row, export_row, render

router = APIRouter()
COUNT_CAP = 10_000  # past this many matches (beyond the page's offset) a filter the aggregates cannot count shows "10,000+"
SORTS = ("date", "event", "actor", "recipient", "outlet", "confidence")


@dataclass
class EventFilter:
    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    since: str | None = None
    until: str | None = None
    include_flagged: bool = False
    outlet: str | None = None
    q: str | None = None
    sort: str = "date"
    desc: bool = True
    limit: int = 50
    offset: int = 0

    def store_kwargs(self) -> dict[str, Any]:
        return {
            "actor": self.actor or None,
            "recipient": self.recipient or None,
            "type": self.type or None,
            "since": self.since or None,
            "until": self.until or None,
            "include_flagged": self.include_flagged,
            "outlet": self.outlet or None,
            "q": self.q or None,
            "sort": self.sort,
            "desc": self.desc,
        }

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)


def _clean_code(value: str | None) -> str | None:
    return value.strip().upper() if value and value.strip() else None


def event_filter(
    type: str | None = Query(None, description="PLOVER event type, e.g. REQUEST."),
    actor: str | None = Query(None, description="Actor code (ISO alpha-3 or IGO/UNO/...), e.g. RUS."),
    recipient: str | None = Query(None, description="Recipient code, e.g. UKR."),
    since: str | None = Query(None, description="First date, YYYY-MM-DD."),
    until: str | None = Query(None, description="Last date, YYYY-MM-DD."),
    include_flagged: bool = Query(
        False, description="Also negated, hypothetical, future and historical events."
    ),
    outlet: str | None = Query(None, description="Outlet (site name)."),
    q: str | None = Query(None, description="Words in the evidence sentence."),
    sort: str = Query("date", description=f"One of {', '.join(SORTS)}."),
    desc: bool = Query(True, description="Newest (or largest) first."),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> EventFilter:
    if sort not in SORTS:
        raise HTTPException(422, f"sort must be one of {', '.join(SORTS)}")
    t = type.strip().upper() if type and type.strip() else None
    if t and t not in PLOVER_TYPES:
        raise HTTPException(422, f"unknown event type {type!r}: use one of {', '.join(PLOVER_TYPES)}")
    return EventFilter(
        t, _clean_code(actor), _clean_code(recipient), since or None, until or None, include_flagged,
        outlet or None, q or None, sort, desc, limit, offset,
    )  # fmt: skip


def query_events(request: Request, store: Any, f: EventFilter) -> tuple[list[dict[str, Any]], int]:
    def run() -> tuple[list[dict[str, Any]], int]:
        rows, total = store.events(
            **f.store_kwargs(), limit=f.limit, offset=f.offset, count_cap=COUNT_CAP + f.offset
        )
        return [event_row(dict(r)) for r in rows], total

    result: tuple[list[dict[str, Any]], int] = cached(request, ("events", astuple(f)), run)
    return result


def facets(store: Any, f: EventFilter) -> dict[str, dict[str, int]]:
    """Counts per type, actor, recipient and outlet under the current filter, when the store offers them."""
    fn = getattr(store, "event_facets", None)
    if fn is None:
        return {}
    try:
        got = fn(**f.store_kwargs())
    except TypeError:
        return {}
    return {k: dict(v) for k, v in dict(got).items()}


@router.get("/api/events", tags=["events"], summary="Events matching a filter, one page")
def api_events(
    request: Request, f: EventFilter = Depends(event_filter), store: Any = Depends(get_store)
) -> dict[str, Any]:
    rows, total = query_events(request, store, f)
    return {"total": int(total), "total_is_lower_bound": isinstance(total, AtLeast), "offset": f.offset,
            "limit": f.limit, "filter": asdict(f), "rows": rows}  # fmt: skip


def _all_rows(store: Any, f: EventFilter, cap: int) -> Iterator[dict[str, Any]]:
    chunk = 1000
    done = 0
    offset = 0
    while done < cap:
        rows, _ = store.events(**f.store_kwargs(), limit=min(chunk, cap - done), offset=offset, count_cap=0)
        if not rows:
            return
        for r in rows:
            yield export_row(dict(r))
        done += len(rows)
        offset += len(rows)
        if len(rows) < chunk:
            return


@router.get(
    "/api/events/export", tags=["events"], summary="Download every event matching a filter (CSV or JSON)"
)
def api_events_export(
    request: Request,
    format: str = Query("csv", pattern="^(csv|json|jsonl)$"),
    f: EventFilter = Depends(event_filter),
    store: Any = Depends(get_store),
) -> StreamingResponse:
    """The whole filter (not only one page), up to the server's export limit; sorted like the table."""
    cap = get_config(request).export_limit
    rows = _all_rows(store, f, cap)
    if format == "csv":

        def gen_csv() -> Iterator[str]:
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=EXPORT_FIELDS, extrasaction="ignore")
            w.writeheader()
            for r in rows:
                w.writerow(r)
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
            yield buf.getvalue()

        return StreamingResponse(
            gen_csv(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="events.csv"'},
        )
    if format == "jsonl":
        return StreamingResponse(
            (json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
            media_type="application/x-ndjson",
            headers={"Content-Disposition": 'attachment; filename="events.jsonl"'},
        )

    def gen_json() -> Iterator[str]:
        yield "["
        for i, r in enumerate(rows):
            yield ("," if i else "") + json.dumps(r, ensure_ascii=False)
        yield "]\n"

    return StreamingResponse(
        gen_json(),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="events.json"'},
    )


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def page_events(
    request: Request, f: EventFilter = Depends(event_filter), store: Any = Depends(get_store)
) -> HTMLResponse:
    rows, total = query_events(request, store, f)
    qs = request.url.query
    active = [
        (k, getattr(f, k))
        for k in ("type", "actor", "recipient", "since", "until", "outlet", "q")
        if getattr(f, k)
    ]
    if f.include_flagged:
        active.append(("include_flagged", "yes"))
    codes = sorted({c for r in rows for c in r["actor_list"] + r["recipient_list"]})
    return render(
        request,
        "events.html",
        {
            "active": "Events",
            "rows": rows,
            "total": total,
            "total_more": isinstance(total, AtLeast),
            "f": f,
            "types": PLOVER_TYPES,
            "facets": facets(store, f),
            "codes": codes,
            "active_filters": active,
            "export_csv": "/api/events/export?" + "&".join(x for x in [qs, "format=csv"] if x),
            "export_json": "/api/events/export?" + "&".join(x for x in [qs, "format=json"] if x),
            "json_url": "/api/events" + (f"?{qs}" if qs else ""),
        },
    )
