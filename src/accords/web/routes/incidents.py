"""Incidents: events from several articles merged into one happening, with their sources side by side."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from accords.web.deps import get_store
from accords.web.views import PLOVER_TYPES, event_row, render

router = APIRouter()


def _shape(inc: dict[str, Any]) -> dict[str, Any]:
    out = dict(inc)
    members = [event_row(m) for m in inc.get("members", [])]
    out["members"] = members
    by_article: dict[str, list[dict[str, Any]]] = {}
    for m in members:
        by_article.setdefault(m["article_id"], []).append(m)
    sources = []
    for s in inc.get("sources", []):
        s = dict(s)
        s["events"] = by_article.get(s.get("article_id") or "", [])
        sources.append(s)
    out["sources"] = sources
    return out


def query_incidents(
    store: Any, limit: int, offset: int, min_sources: int, type: str | None, actor: str | None,
    since: str | None, until: str | None,
) -> list[dict[str, Any]]:  # fmt: skip
    rows = store.incidents(
        limit=limit, offset=offset, min_sources=min_sources, type=type or None,
        actor=(actor or "").upper() or None, since=since or None, until=until or None,
    )  # fmt: skip
    return [_shape(i) for i in rows]


@router.get("/api/incidents", tags=["incidents"], summary="Incidents (events merged across sources)")
def api_incidents(
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
    min_sources: int = Query(2, ge=1, description="Only incidents reported by at least this many articles."),
    type: str | None = Query(None, description="PLOVER event type."),
    actor: str | None = Query(None, description="Actor or recipient code."),
    since: str | None = None,
    until: str | None = None,
    store: Any = Depends(get_store),
) -> dict[str, Any]:
    rows = query_incidents(store, limit, offset, min_sources, type, actor, since, until)
    return {"offset": offset, "limit": limit, "rows": rows}


@router.get(
    "/api/incidents/{incident_id}", tags=["incidents"], summary="One incident with its members and sources"
)
def api_incident(incident_id: str, store: Any = Depends(get_store)) -> dict[str, Any]:
    inc = store.incident(incident_id)
    if inc is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    return _shape(inc)


@router.get("/incidents", response_class=HTMLResponse, include_in_schema=False)
def page_incidents(
    request: Request,
    limit: int = Query(20, ge=1, le=200),
    offset: int = Query(0, ge=0),
    min_sources: int = Query(2, ge=1),
    type: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    store: Any = Depends(get_store),
) -> HTMLResponse:
    rows = query_incidents(store, limit, offset, min_sources, type, actor, since, until)
    qs = request.url.query
    return render(
        request,
        "incidents.html",
        {"active": "Incidents", "rows": rows, "limit": limit, "offset": offset, "min_sources": min_sources,
         "type": type, "actor": actor, "since": since, "until": until, "types": PLOVER_TYPES,
         "json_url": "/api/incidents" + (f"?{qs}" if qs else "")},
    )  # fmt: skip
