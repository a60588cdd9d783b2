"""Rendering of store queries for the command line: rich tables, or JSON / CSV on stdout.

``events_table`` and ``quotes_table`` back ``accords events`` and ``accords quotes`` when they read the store
(``--db``) rather than one file; the corpus commands (search, incidents, timeline, failures) use
:func:`render` too.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from accords.errors import AccordsError
from accords.store.export import rows_to_csv

OUTPUT_FORMATS = ("table", "json", "csv")

EVENT_COLUMNS = [
    ("date", "date"), ("event", "event"), ("mode", "mode"), ("actor_codes", "actor"), ("actor_text", "actor text"),
    ("recipient_codes", "recipient"), ("recipient_text", "recipient text"), ("evidence", "evidence"),
    ("outlet", "outlet"), ("id", "id"),
]  # fmt: skip
QUOTE_COLUMNS = [
    ("date", "date"), ("speaker", "speaker"), ("speaker_role", "role"), ("speaker_country", "country"),
    ("kind", "kind"), ("text", "quote"), ("outlet", "outlet"), ("id", "id"),
]  # fmt: skip


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, list):
        return " ".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def render(
    rows: list[dict[str, Any]],
    columns: list[tuple[str, str]],
    fmt: str = "table",
    *,
    title: str | None = None,
    console: Console | None = None,
    total: int | None = None,
    max_width: int = 80,
) -> None:
    """Print ``rows`` as a rich table (chosen columns), as JSON (full rows) or as CSV (chosen columns)."""
    if fmt not in OUTPUT_FORMATS:
        raise AccordsError(f"--format {fmt!r}: use one of {', '.join(OUTPUT_FORMATS)}")
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt == "csv":
        sys.stdout.write(rows_to_csv(rows, [k for k, _ in columns]))
        return
    con = console or Console()
    if not rows:
        con.print("[dim]nothing found[/]")
        return
    table = Table(title=title, show_lines=False, highlight=False)
    for _, label in columns:
        table.add_column(
            label, overflow="fold", max_width=max_width if label in ("evidence", "quote") else None
        )
    for r in rows:
        cells = []
        for k, _ in columns:
            v = _cell(r.get(k))
            if k in ("event", "text") and r.get("corrected"):
                v += " ✎"
            cells.append(v)
        table.add_row(*cells, style="dim" if r.get("flagged") else None)
    con.print(table)
    if total is not None and total > len(rows):
        con.print(f"[dim]{len(rows)} of {total} shown; use --limit / --offset for more[/]")


def events_table(
    db: str = "accords.db",
    *,
    actor: str | None = None,
    recipient: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_flagged: bool = False,
    outlet: str | None = None,
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
    fmt: str = "table",
    console: Console | None = None,
) -> int:
    """Query the store's events and print them; returns the total number matching."""
    from accords.store import Store

    with Store(db, create=False) as st:
        rows, total = st.events(
            actor=actor, recipient=recipient, type=type, since=since, until=until, include_flagged=include_flagged,
            outlet=outlet, q=q, limit=limit, offset=offset,
        )  # fmt: skip
    render(rows, EVENT_COLUMNS, fmt, title=f"events ({total})", console=console, total=total)
    return total


def quotes_table(
    db: str = "accords.db",
    *,
    speaker: str | None = None,
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
    fmt: str = "table",
    console: Console | None = None,
) -> int:
    """Query the store's quotes (speaker name contains ``speaker``) and print them; returns the total."""
    from accords.store import Store

    with Store(db, create=False) as st:
        rows, total = st.quotes(speaker=speaker, q=q, limit=limit, offset=offset)
    render(rows, QUOTE_COLUMNS, fmt, title=f"quotes ({total})", console=console, total=total)
    return total
