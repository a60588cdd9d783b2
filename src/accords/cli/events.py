"""``accords events FILE``: who did what to whom, when and where, as a table or as JSON."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from accords.cli.app import ActorsOption, DbOption, ModelOption, PageArgument, app, console, handle_errors
from accords.records import Event, EventEntity, Record


def _who(parties: list[EventEntity]) -> str:
    out = []
    for p in parties:
        code = "/".join(x for x in (p.code, p.sector) if x)
        out.append(f"{code} [dim]{p.text}[/]" if code else p.text)
    return "\n".join(out)


def _evidence(ev: Event) -> str:
    text = ev.evidence.text
    if ev.trigger is None:
        return text
    a = ev.trigger.start - ev.evidence.start
    b = a + len(ev.trigger.text)
    if 0 <= a <= b <= len(text):
        return text[:a].replace("[", "\\[") + "[bold]" + text[a:b] + "[/]" + text[b:].replace("[", "\\[")
    return text


def events_table(rec: Record, include_flagged: bool = False) -> Table:
    title = rec.article.title or rec.article.source or rec.id
    table = Table(title=f"Events: {title}", show_lines=True, expand=True)
    table.add_column("#", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("actor", ratio=2)
    table.add_column("recipient", ratio=2)
    table.add_column("when / where", no_wrap=True)
    table.add_column("evidence", ratio=6)
    table.add_column("conf", justify="right", no_wrap=True)
    for ev in rec.events:
        if ev.flags.any() and not include_flagged:
            continue
        head = ev.event + (f"\n[dim]{ev.mode}[/]" if ev.mode else "")
        if ev.context:
            head += f"\n[dim]{', '.join(ev.context)}[/]"
        flags = [k for k, v in ev.flags.model_dump().items() if v]
        if flags:
            head += f"\n[yellow]{', '.join(flags)}[/]"
        when = ev.date or ""
        if ev.event_loc is not None:
            when += f"\n{ev.event_loc.place or ev.event_loc.text}" + (
                f" ({ev.event_loc.country})" if ev.event_loc.country else ""
            )
        if ev.size is not None:
            sz = ev.size
            bits = [
                f"{k} {v}"
                for k, v in (("dead", sz.dead), ("injured", sz.injured), ("arrested", sz.arrested))
                if v
            ]
            if sz.count:
                bits.append(f"{sz.count} {sz.unit or ''}{' per side' if sz.per_side else ''}".strip())
            when += "\n" + ", ".join(bits)
        table.add_row(
            ev.id, head, _who(ev.actor), _who(ev.recipient), when, _evidence(ev), f"{ev.confidence:.2f}"
        )
    return table


def events_json(rec: Record, include_flagged: bool = False) -> str:
    evs = [e.model_dump() for e in rec.events if include_flagged or not e.flags.any()]
    return json.dumps(
        {"id": rec.id, "title": rec.article.title, "published": rec.article.published, "events": evs},
        indent=2,
        ensure_ascii=False,
    )


@app.command("events")
@handle_errors
def events_cmd(
    source: PageArgument = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json (with --db also csv).")] = "table",
    include_flagged: Annotated[
        bool,
        typer.Option(
            "--include-flagged", help="Also show negated, hypothetical, future and historical events."
        ),
    ] = False,
    model: ModelOption = None,
    actors: ActorsOption = None,
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option("--actor", help="With --db: actor code, e.g. RUS.")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="With --db: recipient code.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="With --db: PLOVER type, e.g. REQUEST.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="With --db: first date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="With --db: last date, YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="With --db: rows to show.")] = 100,
    offset: Annotated[int, typer.Option("--offset", help="With --db: rows to skip.")] = 0,
) -> None:
    """Print the PLOVER events of an article: type and mode, actor and recipient, date, place and evidence.

    Example: accords events page.html                      (unflagged events, a table)
             accords events page.html --include-flagged    (also negated/hypothetical/future/historical)
             accords events page.html -f json              (the events as JSON)
             accords events --db accords.db --actor RUS --recipient UKR --type REQUEST --since 2025-05-01
    """
    from accords.cli.app import fail
    from accords.config import get_settings
    from accords.core import extract as run_extract

    store_filters = (actor, recipient, type_, since, until)
    if db is not None or (source is None and any(f is not None for f in store_filters)):
        from accords.store.cli_query import events_table as store_events

        if fmt not in ("table", "json", "csv"):
            fail(f"unknown format {fmt!r}: use table, json or csv", 2)
        store_events(
            db or get_settings().db, actor=actor, recipient=recipient, type=type_.upper() if type_ else None,
            since=since, until=until, include_flagged=include_flagged, limit=limit, offset=offset, fmt=fmt,
            console=console,
        )  # fmt: skip
        return
    if source is None:
        fail("give a file, a URL or '-' (stdin), or --db to query a store", 2)
        return
    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}: use table or json", 2)
    settings = get_settings(model=model, actors=actors)
    rec = run_extract(source, settings=settings, stages=("nlp", "actors", "events"))
    if fmt == "json":
        typer.echo(events_json(rec, include_flagged))
        return
    shown = [e for e in rec.events if include_flagged or not e.flags.any()]
    if not shown:
        console.print("[dim]no events found[/]")
    else:
        console.print(events_table(rec, include_flagged))
    hidden = len(rec.events) - len(shown)
    console.print(
        f"{len(shown)} events" + (f"; {hidden} flagged events hidden (--include-flagged)" if hidden else ""),
        highlight=False,
    )
