"""Human corrections, kept apart from machine output, and how they are shown over it.

A correction is ``Store.add_correction(kind, record_id, fields, author)`` where ``record_id`` is the store id
of the event or quote (``'<article key>:<event or quote id>'``) and ``fields`` holds only what the reviewer
set. Fields: for events ``event, mode, actor, recipient`` (lists of codes), ``flags`` (dict of the four flags),
``accepted`` (true: the machine record is right as it is), ``note``; for quotes ``speaker, speaker_role,
speaker_country, kind, accepted, note``. The newest correction of a record wins.
"""

from __future__ import annotations

import json
from typing import Any

EVENT_FIELDS = ("event", "mode", "actor", "recipient", "flags", "accepted", "wrong", "note")
QUOTE_FIELDS = ("speaker", "speaker_role", "speaker_country", "kind", "accepted", "wrong", "note")


def _fields(row: dict[str, Any]) -> dict[str, Any]:
    f = row.get("fields")
    if isinstance(f, str):
        try:
            f = json.loads(f)
        except ValueError:
            f = {}
    return f if isinstance(f, dict) else {}


def normalise(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["fields"] = _fields(row)
    m = row.get("machine")
    if isinstance(m, str):
        try:
            out["machine"] = json.loads(m)
        except ValueError:
            out["machine"] = None
    return out


def latest(store: Any, kind: str, prefix: str | None = None) -> dict[str, dict[str, Any]]:
    """record_id -> its newest correction, optionally only those whose record id starts with ``prefix``."""
    out: dict[str, dict[str, Any]] = {}
    for row in store.corrections(kind):
        c = normalise(row)
        rid = str(c.get("record_id"))
        if prefix is not None and not rid.startswith(prefix):
            continue
        prev = out.get(rid)
        if prev is None or (c.get("id") or 0) >= (prev.get("id") or 0):
            out[rid] = c
    return out
