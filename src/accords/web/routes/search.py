"""Full-text search over article text and quotes."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from accords.web.deps import cached, get_store
from accords.web.views import render

router = APIRouter()


def search_rows(store: Any, q: str, limit: int) -> list[dict[str, Any]]:
    if not q.strip():
        return []
    out = []
    for r in store.search(q, limit=limit):
        row = {k: v for k, v in dict(r).items() if k not in ("text", "record_json", "data")}
        if "text" in r and "snippet" not in row:
            row["snippet"] = _snippet(str(r["text"]), q)
        out.append(row)
    return out


def _snippet(text: str, q: str, width: int = 240) -> str:
    words = [w for w in re.findall(r"\w+", q) if len(w) > 1]
    pos = -1
    low = text.lower()
    for w in words:
        pos = low.find(w.lower())
        if pos >= 0:
            break
    start = max(0, pos - width // 3) if pos >= 0 else 0
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def mark_words(text: str | None, q: str) -> Markup:
    """Escape ``text`` and wrap the query's words in <mark> (built from escaped pieces only)."""
    text = text or ""
    words = sorted({w for w in re.findall(r"\w+", q) if len(w) > 1}, key=len, reverse=True)
    # the store may mark hits itself with [ and ] or <b>; strip those markers to plain text first
    text = re.sub(r"</?(b|mark)>", "", text)
    if not words:
        return escape(text)
    pattern = re.compile("(" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)
    parts = pattern.split(text)
    out = Markup("")
    for i, part in enumerate(parts):
        out += Markup("<mark>{}</mark>").format(part) if i % 2 else escape(part)
    return out


@router.get("/api/search", tags=["search"], summary="Full-text search over articles and quotes")
def api_search(
    request: Request,
    q: str = Query(..., min_length=1, description="Words to find, e.g. ceasefire."),
    limit: int = Query(50, ge=1, le=500),
    store: Any = Depends(get_store),
) -> dict[str, Any]:
    rows = cached(request, ("search", q, limit), lambda: search_rows(store, q, limit))
    return {"q": q, "count": len(rows), "rows": rows}


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def page_search(
    request: Request,
    q: str = "",
    limit: int = Query(50, ge=1, le=500),
    store: Any = Depends(get_store),
) -> HTMLResponse:
    rows = [dict(r) for r in cached(request, ("search", q, limit), lambda: search_rows(store, q, limit))]
    for r in rows:
        r["snippet_html"] = mark_words(r.get("snippet") or r.get("quote") or "", q)
    return render(
        request,
        "search.html",
        {"active": "Search", "q": q, "q_top": q, "rows": rows,
         "json_url": f"/api/search?{request.url.query}" if q else None},
    )  # fmt: skip
