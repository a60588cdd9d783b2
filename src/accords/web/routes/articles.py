"""Articles: the list, and one article's text with its records highlighted."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from accords.records import Record
from accords.web import corrections as corr
from accords.web.deps import get_config, get_store
from accords.web.highlight import render_text
from accords.web.views import render, safe_url

router = APIRouter()


def _articles(store: Any, limit: int, offset: int, outlet: str | None) -> list[dict[str, Any]]:
    rows = store.articles(limit=limit, offset=offset, outlet=outlet or None)
    return [{k: v for k, v in dict(r).items() if k not in ("text", "record_json")} for r in rows]


@router.get("/api/articles", tags=["articles"], summary="List stored articles, newest first")
def api_articles(
    request: Request,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
    outlet: str | None = None,
    store: Any = Depends(get_store),
) -> list[dict[str, Any]]:
    return _articles(store, limit, offset, outlet)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def page_articles(
    request: Request,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
    outlet: str | None = None,
    store: Any = Depends(get_store),
) -> HTMLResponse:
    rows = _articles(store, limit, offset, outlet)
    return render(
        request,
        "articles.html",
        {"active": "Articles", "rows": rows, "limit": limit, "offset": offset, "outlet": outlet,
         "json_url": request.url_for("api_articles").include_query_params(**request.query_params)},
    )  # fmt: skip


def load_record(store: Any, article_id: str) -> Record:
    rec = store.get_record(article_id)
    if rec is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    if not isinstance(rec, Record):
        rec = Record.model_validate(rec)
    return rec


@router.get("/api/articles/{article_id}", tags=["articles"], summary="One article's full record")
def api_article(article_id: str, store: Any = Depends(get_store)) -> dict[str, Any]:
    """The stored :class:`Record`, plus the human corrections of its events and quotes (kept apart)."""
    rec = load_record(store, article_id)
    prefix = f"{article_id}:"
    return {
        "record": rec.model_dump(mode="json"),
        "corrections": {
            "event": corr.latest(store, "event", prefix),
            "quote": corr.latest(store, "quote", prefix),
        },
    }


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def page_article(
    request: Request,
    article_id: str,
    hl: list[str] = Query(default_factory=list),
    store: Any = Depends(get_store),
) -> HTMLResponse:
    rec = load_record(store, article_id)
    prefix = f"{article_id}:"
    corrections = {
        rid[len(prefix) :]: c
        for kind in ("event", "quote")
        for rid, c in corr.latest(store, kind, prefix).items()
    }
    highlight = set(hl)
    entities = sorted(rec.entities, key=lambda e: (-len(e.mentions), e.name))
    return render(
        request,
        "article.html",
        {
            "active": "Articles",
            "rec": rec,
            "art": rec.article,
            "article_id": article_id,
            "url": safe_url(rec.article.url or rec.article.canonical_url),
            "paragraphs": render_text(rec, highlight),
            "hl": highlight,
            "entities": entities,
            "corrections": {k: c["fields"] | {"author": c.get("author")} for k, c in corrections.items()},
            "writes": get_config(request).writes,
            "json_url": f"/api/articles/{article_id}",
        },
    )
