"""Export the store's events: PLOVER JSONL, CSV, Parquet; and human corrections as evaluation data.

PLOVER JSONL follows the PLOVER 2.0 record (``id``, ``date``, ``actor``, ``recipient``, ``event``, ``mode``,
``context``, ``quad_code``, ``event_loc``, ``size``, ``event_text``, ``text_info`` with sentence and character
offsets, ``cite_info`` with url, title and outlet) plus accords' ``evidence``, ``flags``, ``confidence``,
``article_id``, ``incident_id`` and, where a person corrected the event, ``correction`` (the values shown
are then the corrected ones, and ``correction.machine`` holds what the coder said).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from accords.errors import AccordsError

FORMATS = ("plover-jsonl", "csv", "parquet", "corrections-jsonl")

CSV_COLUMNS = [
    "id", "date", "event", "mode", "context", "quad_code", "actor_codes", "actor_text", "recipient_codes",
    "recipient_text", "place", "dead", "injured", "arrested", "negated", "hypothetical", "future", "historical",
    "confidence", "evidence", "sentence", "start", "end", "trigger", "article_id", "url", "title", "outlet",
    "incident_id", "corrected", "version",
]  # fmt: skip


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One store event row as a PLOVER JSON record with accords' evidence."""
    trig = row.get("trigger") or {}
    return {
        "id": row["id"],
        "date": row.get("date"),
        "event": row["event"],
        "mode": row.get("mode"),
        "context": row.get("context") or [],
        "quad_code": row.get("quad_code"),
        "actor": row.get("actor") or [],
        "recipient": row.get("recipient") or [],
        "event_loc": row.get("event_loc"),
        "size": row.get("size"),
        "event_text": trig.get("text") if isinstance(trig, dict) else trig,
        "text_info": {
            "sequence": row.get("sentence"),
            "start": row.get("start"),
            "end": row.get("end"),
            "text_story": row.get("evidence"),
        },
        "cite_info": {
            "corpus": "accords",
            "url": row.get("url"),
            "title": row.get("title"),
            "publication": row.get("outlet"),
            "published": row.get("published"),
            "coder": "accords",
            "codebook": "PLOVER 2.0",
            "version": row.get("version"),
        },
        "evidence": {
            "sentence": row.get("sentence"),
            "start": row.get("start"),
            "end": row.get("end"),
            "text": row.get("evidence"),
        },
        "flags": row.get("flags") or {},
        "confidence": row.get("confidence"),
        "article_id": row.get("article_id"),
        "incident_id": row.get("incident_id"),
        "correction": row.get("correction"),
    }


def flat_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event row as flat columns (CSV, Parquet)."""
    size = row.get("size") or {}
    flags = row.get("flags") or {}
    trig = row.get("trigger")
    out = {
        "id": row["id"],
        "date": row.get("date"),
        "event": row["event"],
        "mode": row.get("mode"),
        "context": ";".join(row.get("context") or []),
        "quad_code": row.get("quad_code"),
        "actor_codes": " ".join(row.get("actor_codes") or []),
        "actor_text": row.get("actor_text"),
        "recipient_codes": " ".join(row.get("recipient_codes") or []),
        "recipient_text": row.get("recipient_text"),
        "place": row.get("place"),
        "dead": size.get("dead"),
        "injured": size.get("injured"),
        "arrested": size.get("arrested"),
        "negated": bool(flags.get("negated")),
        "hypothetical": bool(flags.get("hypothetical")),
        "future": bool(flags.get("future")),
        "historical": bool(flags.get("historical")),
        "confidence": row.get("confidence"),
        "evidence": row.get("evidence"),
        "sentence": row.get("sentence"),
        "start": row.get("start"),
        "end": row.get("end"),
        "trigger": trig.get("text") if isinstance(trig, dict) else trig,
        "article_id": row.get("article_id"),
        "url": row.get("url"),
        "title": row.get("title"),
        "outlet": row.get("outlet"),
        "incident_id": row.get("incident_id"),
        "corrected": bool(row.get("corrected")),
        "version": row.get("version"),
    }
    return out


def correction_records(store: Any) -> Iterator[dict[str, Any]]:
    """Each human correction with the machine output it corrects and its evidence: evaluation data."""
    for c in store.corrections():
        item = {
            "correction_id": c["id"],
            "kind": c["kind"],
            "record_id": c["record_id"],
            "author": c.get("author"),
            "at": c.get("at"),
            "machine": c.get("machine"),
            "corrected": c["fields"],
        }
        ctx = _context_of(store, c["kind"], c["record_id"])
        if ctx:
            item.update(ctx)
        yield item


def _context_of(store: Any, kind: str, record_id: str) -> dict[str, Any] | None:
    article_id = record_id.rsplit(":", 1)[0]
    if kind == "event":
        rows, _ = store.events(article_id=article_id, include_flagged=True, limit=10_000)
    else:
        rows, _ = store.quotes(article_id=article_id, limit=10_000)
    for r in rows:
        if r["id"] == record_id:
            return {"article_id": article_id, "url": r.get("url"), "title": r.get("title"),
                    "evidence": r.get("evidence"), "start": r.get("start"), "end": r.get("end")}  # fmt: skip
    return {"article_id": article_id, "orphaned": True}


def export(
    store: Any,
    fmt: str = "plover-jsonl",
    out: str | Path | None = None,
    *,
    include_flagged: bool = False,
    include_duplicates: bool = False,
) -> int:
    """Write every event (or every correction) in ``fmt`` to ``out`` (stdout when None); returns the count."""
    if fmt not in FORMATS:
        raise AccordsError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    rows: Iterable[dict[str, Any]] = store.iter_events(
        include_flagged=include_flagged, include_duplicates=include_duplicates
    )
    if fmt == "parquet":
        return _parquet(rows, out)
    fh: IO[str]
    close = False
    if out is None or str(out) == "-":
        fh = sys.stdout
    else:
        fh = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115
        close = True
    n = 0
    try:
        if fmt == "csv":
            w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
            w.writeheader()
            for r in rows:
                w.writerow(flat_record(r))
                n += 1
        else:
            items = (
                correction_records(store) if fmt == "corrections-jsonl" else (plover_record(r) for r in rows)
            )
            for item in items:
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
                n += 1
    finally:
        if close:
            fh.close()
    return n


def _parquet(rows: Iterable[dict[str, Any]], out: str | Path | None) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise AccordsError(
            "Parquet export needs pyarrow: pip install 'accords[parquet]' (or use --format csv)"
        ) from exc
    if out is None or str(out) == "-":
        raise AccordsError("Parquet is binary: give a file with --out events.parquet")
    flat = [flat_record(r) for r in rows]
    table = (
        pa.Table.from_pylist(flat) if flat else pa.table({c: pa.array([], pa.string()) for c in CSV_COLUMNS})
    )
    pq.write_table(table, str(out))
    return len(flat)


def rows_to_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: _cell(r.get(k)) for k in columns})
    return buf.getvalue()


def _cell(v: Any) -> Any:
    if isinstance(v, list):
        return " ".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return v
