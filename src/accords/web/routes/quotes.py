"""Quotes: who said what, with role and country; search by speaker and words."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from accords.web.deps import get_store
from accords.web.views import render

router = APIRouter()


def quote_row(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in dict(row).items() if k != "data"}
    if "quote_id" not in out and isinstance(out.get("id"), str) and ":" in out["id"]:
        out["quote_id"] = out["id"].rsplit(":", 1)[1]
    return out


def query_quotes(
    store: Any, speaker: str | None, q: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    rows, total = store.quotes(speaker=speaker or None, q=q or None, limit=limit, offset=offset)
    return [quote_row(r) for r in rows], int(total)


@router.get("/api/quotes", tags=["quotes"], summary="Quotes, by speaker and/or words")
def api_quotes(
    speaker: str | None = Query(None, description="Speaker name (or part of it)."),
    q: str | None = Query(None, description="Words in the quote (full text)."),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
    store: Any = Depends(get_store),
) -> dict[str, Any]:
    rows, total = query_quotes(store, speaker, q, limit, offset)
    return {"total": total, "offset": offset, "limit": limit, "rows": rows}


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def page_quotes(
    request: Request,
    speaker: str | None = None,
    q: str | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
    store: Any = Depends(get_store),
) -> HTMLResponse:
    rows, total = query_quotes(store, speaker, q, limit, offset)
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r.get("speaker") or r.get("speaker_text") or "unattributed", []).append(r)
    qs = request.url.query
    return render(
        request,
        "quotes.html",
        {"active": "Quotes", "groups": groups, "rows": rows, "total": total, "speaker": speaker, "q": q,
         "offset": offset, "limit": limit, "json_url": "/api/quotes" + (f"?{qs}" if qs else "")},
    )  # fmt: skip
