"""Shaping store rows for pages and the API, and rendering pages with their common context."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from accords._version import __version__
from accords.web.deps import templates

PLOVER_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
FLAG_NAMES = ("negated", "hypothetical", "future", "historical")


def render(request: Request, template: str, ctx: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    ctx = {"version": __version__, **ctx}
    return templates.TemplateResponse(request, template, ctx, status_code=status_code)


def safe_url(url: str | None) -> str | None:
    """Only http(s) links from article data are ever put in an href (no javascript: or data: URLs)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _json(value: Any, default: Any) -> Any:
    if value is None or value == "":
        return default
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return default
    return value


def codes(value: Any) -> list[str]:
    """'' / ' RUS UKR ' / ['RUS'] -> ['RUS', 'UKR']."""
    if not value:
        return []
    if isinstance(value, str):
        return [c for c in value.split() if c]
    return [str(c) for c in value if c]


def event_row(row: dict[str, Any]) -> dict[str, Any]:
    """One store event row, with parsed lists and flags, ready for a page or JSON."""
    out = dict(row)
    out.pop("data", None)
    out["actor_list"] = codes(row.get("actor_codes", row.get("actor")))
    out["recipient_list"] = codes(row.get("recipient_codes", row.get("recipient")))
    flags = _json(row.get("flags"), {})
    out["flags"] = {k: bool(flags.get(k)) for k in FLAG_NAMES} if isinstance(flags, dict) else {}
    out["context"] = _json(row.get("context"), [])
    if "event_id" not in out and isinstance(out.get("id"), str) and ":" in out["id"]:
        out["event_id"] = out["id"].rsplit(":", 1)[1]
    return out


EXPORT_FIELDS = [
    "id", "article_id", "event_id", "date", "event", "mode", "actor_codes", "actor_text", "recipient_codes",
    "recipient_text", "place", "flagged", "negated", "hypothetical", "future", "historical", "confidence",
    "evidence", "trigger", "url", "title", "outlet", "version", "corrected",
]  # fmt: skip


def export_row(row: dict[str, Any]) -> dict[str, Any]:
    e = event_row(row)
    flat = {k: e.get(k) for k in EXPORT_FIELDS}
    flat["actor_codes"] = " ".join(e["actor_list"])
    flat["recipient_codes"] = " ".join(e["recipient_list"])
    for k in FLAG_NAMES:
        flat[k] = bool(e["flags"].get(k))
    return flat


def evidence_html(row: dict[str, Any], limit: int = 260) -> Markup:
    """The evidence sentence, escaped, with the trigger words in <b> (offsets are into the article text)."""
    ev = str(row.get("evidence") or "")
    trig = row.get("trigger")
    start = row.get("start")
    if isinstance(trig, dict) and isinstance(start, int) and isinstance(trig.get("start"), int):
        a = int(trig["start"]) - start
        b = int(trig.get("end") or a) - start
        if 0 <= a < b <= len(ev):
            head, mid, tail = ev[:a], ev[a:b], ev[b:]
            room = max(0, limit - len(head) - len(mid))
            if len(head) > limit // 2:
                head = "…" + head[-(limit // 2) :]
            tail = tail if len(tail) <= room else tail[:room] + "…"
            return escape(head) + Markup('<b class="trig">{}</b>').format(mid) + escape(tail)
    return escape(ev if len(ev) <= limit else ev[:limit] + "…")


templates.env.globals["evidence_html"] = evidence_html
