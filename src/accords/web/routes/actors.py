"""Actor pages (events as actor and as recipient, a who-did-what-to-whom graph, a timeline by type) and dyads
(all events between two actors in both directions over time, with each side's quotes)."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from accords.web.deps import cached, get_store
from accords.web.svg import actor_graph, edges_from_events, quad_legend, timeline_chart, type_legend
from accords.web.views import event_row, render

router = APIRouter()
CODE = re.compile(r"^[A-Za-z]{2,8}$")
GRAPH_SAMPLE = 150  # newest events on each side that feed the graph


def _code(value: str) -> str:
    if not CODE.match(value):
        raise HTTPException(
            422, f"{value!r} is not an actor code (ISO alpha-3 such as RUS, or IGO, UNO, EUR...)"
        )
    return value.upper()


def auto_period(first: str | None, last: str | None) -> str:
    """day for a span under ~3 months, week under ~2 years, else month."""
    from datetime import date

    try:
        days = (date.fromisoformat(str(last)[:10]) - date.fromisoformat(str(first)[:10])).days
    except (TypeError, ValueError):
        return "month"
    return "day" if days <= 90 else "week" if days <= 730 else "month"


# The actor page's store queries are independent: run them side by side (SQLite and PostgreSQL drivers release
# the GIL while a query runs, so on two or more cores the page takes about as long as its slowest query).
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="accords-actor")


def actor_data(store: Any, code: str, limit: int, include_flagged: bool, by: str | None) -> dict[str, Any]:
    n = max(limit, GRAPH_SAMPLE)
    f_summary = _POOL.submit(store.actor_summary, code)
    f_actor = _POOL.submit(store.events, actor=code, include_flagged=include_flagged, limit=n)
    f_recip = _POOL.submit(store.events, recipient=code, include_flagged=include_flagged, limit=n)
    f_month = _POOL.submit(store.timeline, [code], by=by or "month", include_flagged=include_flagged)
    summary = f_summary.result()
    timeline = f_month.result()
    if by is None:
        by = auto_period(summary.get("first_date"), summary.get("last_date"))
        if by != "month":
            timeline = store.timeline([code], by=by, include_flagged=include_flagged)
    as_actor, n_actor = f_actor.result()
    as_recip, n_recip = f_recip.result()
    a_rows = [event_row(r) for r in as_actor]
    r_rows = [event_row(r) for r in as_recip]
    edges = edges_from_events(a_rows + r_rows)
    return {
        "code": code,
        "summary": summary,
        "as_actor": {"total": int(n_actor), "rows": a_rows[:limit]},
        "as_recipient": {"total": int(n_recip), "rows": r_rows[:limit]},
        "edges": [
            {"actor": a, "recipient": b, "class": q, "count": n} for (a, b, q), n in edges.most_common()
        ],
        "edges_sample": len(a_rows) + len(r_rows),
        "by": by,
        "timeline": timeline,
        "_edges": edges,
    }


@router.get("/api/actors/{code}", tags=["actors"], summary="An actor's events, partners and timeline")
def api_actor(
    request: Request,
    code: str,
    limit: int = Query(20, ge=1, le=200),
    include_flagged: bool = False,
    by: str | None = Query(
        None, pattern="^(day|week|month|year)$", description="Default: by the span of dates."
    ),
    store: Any = Depends(get_store),
) -> dict[str, Any]:
    data = dict(cached(request, ("actor", code.upper(), limit, include_flagged, by), lambda: actor_data(
        store, _code(code), limit, include_flagged, by)))  # fmt: skip
    data.pop("_edges")
    return data


@router.get("/actors/{code}", response_class=HTMLResponse, include_in_schema=False)
def page_actor(
    request: Request,
    code: str,
    limit: int = Query(20, ge=1, le=200),
    include_flagged: bool = False,
    by: str | None = Query(
        None, pattern="^(day|week|month|year)$", description="Default: by the span of dates."
    ),
    store: Any = Depends(get_store),
) -> HTMLResponse:
    c = _code(code)
    data = cached(
        request,
        ("actor", c, limit, include_flagged, by),
        lambda: actor_data(store, c, limit, include_flagged, by),
    )
    by = data["by"]
    types = sorted({r["event"] for r in data["timeline"]})
    return render(
        request,
        "actor.html",
        {"active": "Events", "d": data, "code": c, "by": by, "graph": actor_graph(c, data["_edges"]),
         "chart": timeline_chart(data["timeline"]), "quads": quad_legend(), "types": type_legend(types),
         "json_url": f"/api/actors/{c}" + (f"?{request.url.query}" if request.url.query else "")},
    )  # fmt: skip


def dyad_data(store: Any, a: str, b: str, include_flagged: bool, limit: int) -> dict[str, Any]:
    d = store.dyad(a, b, include_flagged=include_flagged, limit=limit)
    d = dict(d)
    d["events"] = [event_row(r) for r in d.get("events", [])]
    return d


@router.get("/api/dyad/{a}/{b}", tags=["actors"], summary="Everything between two actors, both directions")
def api_dyad(
    request: Request,
    a: str,
    b: str,
    include_flagged: bool = False,
    limit: int = Query(500, ge=1, le=5000),
    store: Any = Depends(get_store),
) -> dict[str, Any]:
    ca, cb = _code(a), _code(b)
    result: dict[str, Any] = cached(
        request,
        ("dyad", ca, cb, include_flagged, limit),
        lambda: dyad_data(store, ca, cb, include_flagged, limit),
    )
    return result


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
def page_dyad(
    request: Request,
    a: str,
    b: str,
    include_flagged: bool = False,
    limit: int = Query(500, ge=1, le=5000),
    store: Any = Depends(get_store),
) -> HTMLResponse:
    ca, cb = _code(a), _code(b)
    d = cached(
        request,
        ("dyad", ca, cb, include_flagged, limit),
        lambda: dyad_data(store, ca, cb, include_flagged, limit),
    )
    by_type: dict[str, dict[str, int]] = {}
    for r in d["events"]:
        by_type.setdefault(r["event"], {"ab": 0, "ba": 0, "both": 0})
        key = (
            "ab"
            if r.get("direction") == f"{ca}->{cb}"
            else "ba"
            if r.get("direction") == f"{cb}->{ca}"
            else "both"
        )
        by_type[r["event"]][key] += 1
    return render(
        request,
        "dyad.html",
        {"active": "Events", "d": d, "a": ca, "b": cb, "by_type": by_type, "include_flagged": include_flagged,
         "json_url": f"/api/dyad/{ca}/{cb}" + (f"?{request.url.query}" if request.url.query else "")},
    )  # fmt: skip
