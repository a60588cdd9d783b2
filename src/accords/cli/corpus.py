"""Corpus commands over the store: ingest, failures, search, incidents, timeline, export, recode."""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated

import typer

from accords.cli.app import app, console, err_console, fail, handle_errors

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="Store: a SQLite file or a postgresql:// URL (env ACCORDS_DB; default accords.db)."
    ),
]
FmtOpt = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]


def _db(db: str | None) -> str:
    return db or os.environ.get("ACCORDS_DB") or "accords.db"


@app.command()
@handle_errors
def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories (recursive), globs, URLs, RSS/Atom feeds, JSONL or WARC files."
        ),
    ],
    db: DbOpt = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Processes, each loading the model once.")
    ] = 1,
    ext: Annotated[
        list[str] | None, typer.Option("--ext", help="Page extensions to take from directories (repeatable).")
    ] = None,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Fetch URLs again (a changed page = new version).")
    ] = False,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Retry items that failed before.")
    ] = False,
    feed: Annotated[bool | None, typer.Option("--feed/--page", help="Read URLs as feeds / as pages.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Take at most this many items.")] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy pipeline to use (env ACCORDS_MODEL).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Summary as text or json.")] = "text",
    engine: Annotated[str, typer.Option("--engine", help="local (processes here) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler, e.g. tcp://HOST:8786 (--engine dask).")
    ] = None,
    local_workers: Annotated[
        int, typer.Option("--local-workers", help="Processes of a local Dask cluster (--engine dask).")
    ] = 2,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Documents per Dask task.")] = 16,
) -> None:
    """Read many articles into the store, each processed once; failures recorded, never stopping the run.

    Example: accords ingest news/ feeds.rss dump.jsonl crawl.warc.gz --workers 2
             accords ingest archive/ --engine dask --scheduler tcp://scheduler:8786
    """
    from accords.config import get_settings
    from accords.ingest.corpus import ingest as run_ingest

    if workers < 1:
        fail("--workers must be at least 1", 2)
    if engine not in ("local", "dask"):
        fail(f"--engine must be local or dask, not {engine!r}", 2)
    settings = get_settings(model=model)
    if engine == "dask":
        try:
            from accords.scale.dask import ingest_dask
        except ImportError as exc:
            fail(f"{exc}: install the extra with pip install 'accords[dask]'", 2)
        summary = ingest_dask(
            sources, _db(db), scheduler=scheduler, local_workers=local_workers, batch_size=batch_size,
            settings=settings, extensions=ext, refresh=refresh, retry_failed=retry_failed, feeds=feed,
            limit=limit, progress=not quiet and sys.stderr.isatty(),
        )  # fmt: skip
    else:
        summary = run_ingest(
            sources, _db(db), workers=workers, settings=settings, extensions=ext, refresh=refresh,
            retry_failed=retry_failed, feeds=feed, limit=limit, progress=not quiet and sys.stderr.isatty(),
            console=err_console,
        )  # fmt: skip
    if fmt == "json":
        sys.stdout.write(json.dumps(summary) + "\n")
        return
    console.print(
        f"{summary['items']} items: [green]{summary['added']} added[/], {summary['new-version']} new versions, "
        f"{summary['duplicate']} duplicates, {summary['unchanged']} unchanged, {summary['skipped']} skipped "
        f"(done before), [red]{summary['failed']} failed[/] in {summary['seconds']}s "
        f"({summary['rate']} articles/s)",
        highlight=False,
    )
    if summary["failed"]:
        console.print("[dim]see them with: accords failures[/]")


@app.command()
@handle_errors
def failures(
    db: DbOpt = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Only this reason, e.g. 'HTTP error'.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit")] = 200,
    fmt: FmtOpt = "table",
) -> None:
    """Items that failed to ingest, with their reason (HTTP error, not an article, not English, parse error,
    too large, timeout, pipeline error)."""
    from accords.store import Store
    from accords.store.cli_query import render

    with Store(_db(db), create=False) as st:
        rows = st.failures(reason=reason, limit=limit)
    render(rows, [("reason", "reason"), ("source", "source"), ("detail", "detail"), ("at", "at")], fmt,
           title=f"failures ({len(rows)})", console=console)  # fmt: skip


@app.command()
@handle_errors
def search(
    query: Annotated[str, typer.Argument(help="Words to find in article text and quotes.")],
    db: DbOpt = None,
    limit: Annotated[int, typer.Option("--limit")] = 20,
    fmt: FmtOpt = "table",
) -> None:
    """Full-text search over stored articles and quotes.

    Example: accords search "ceasefire"
    """
    from accords.store import Store
    from accords.store.cli_query import render

    with Store(_db(db), create=False) as st:
        rows = st.search(query, limit=limit)
    cols = [("kind", "kind"), ("date", "date"), ("title", "title"), ("speaker", "speaker"), ("snippet", "snippet"),
            ("outlet", "outlet"), ("article_id", "article")]  # fmt: skip
    render(rows, cols, fmt, title=f"search {query!r} ({len(rows)})", console=console)


@app.command()
@handle_errors
def incidents(
    db: DbOpt = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", help="Only incidents told by this many articles.")
    ] = 2,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor or recipient code.")] = None,
    since: Annotated[str | None, typer.Option("--since")] = None,
    until: Annotated[str | None, typer.Option("--until")] = None,
    limit: Annotated[int, typer.Option("--limit")] = 50,
    fmt: FmtOpt = "table",
) -> None:
    """Events from different articles merged into incidents, each with every member event and source.

    The rule: same type, overlapping actor (and recipient) countries, dates within one day, compatible place
    (see docs/corpora.md)."""
    from rich.table import Table

    from accords.store import Store
    from accords.store.cli_query import render

    with Store(_db(db), create=False) as st:
        rows = st.incidents(
            limit=limit, min_sources=min_sources, type=type, actor=actor, since=since, until=until
        )
    if fmt != "table":
        flat = [{**r, "actor_codes": r["actor_codes"], "recipient_codes": r["recipient_codes"]} for r in rows]
        cols = [("id", "id"), ("event", "event"), ("first_date", "first"), ("last_date", "last"),
                ("actor_codes", "actor"), ("recipient_codes", "recipient"), ("n_events", "events"),
                ("n_sources", "sources")]  # fmt: skip
        render(flat, cols, fmt)
        return
    if not rows:
        console.print("[dim]no incidents[/]")
        return
    for inc in rows:
        t = Table(
            title=f"{inc['event']} {' '.join(inc['actor_codes'])} -> {' '.join(inc['recipient_codes'])}  "
            f"{inc['first_date']}..{inc['last_date']}  ({inc['n_events']} events, {inc['n_sources']} articles)  "
            f"[dim]{inc['id']}[/]",
            title_justify="left",
        )
        for col in ("date", "outlet", "actor", "recipient", "evidence", "event id"):
            t.add_column(col, overflow="fold", max_width=70 if col == "evidence" else None)
        for m in inc["members"]:
            t.add_row(m["date"] or "", m["outlet"] or "", m["actor_text"] or "", m["recipient_text"] or "",
                      m["evidence"] or "", m["id"])  # fmt: skip
        console.print(t)


@app.command()
@handle_errors
def timeline(
    actor: Annotated[list[str] | None, typer.Option("--actor", help="Actor code (repeatable).")] = None,
    db: DbOpt = None,
    by: Annotated[str, typer.Option("--by", help="day, week, month or year.")] = "day",
    type: Annotated[str | None, typer.Option("--type")] = None,
    since: Annotated[str | None, typer.Option("--since")] = None,
    until: Annotated[str | None, typer.Option("--until")] = None,
    include_flagged: Annotated[bool, typer.Option("--include-flagged")] = False,
    fmt: FmtOpt = "table",
) -> None:
    """Counts of events involving the actors, by day (or week, month, year) and type.

    Example: accords timeline --actor RUS --actor UKR
    """
    from rich.table import Table

    from accords.store import Store
    from accords.store.cli_query import render

    with Store(_db(db), create=False) as st:
        rows = st.timeline(
            actor or [], by=by, type=type, since=since, until=until, include_flagged=include_flagged
        )
    if fmt != "table":
        render(rows, [("period", "period"), ("event", "event"), ("count", "count")], fmt)
        return
    if not rows:
        console.print("[dim]no events[/]")
        return
    types = sorted({r["event"] for r in rows})
    periods = sorted({r["period"] for r in rows})
    grid = {(r["period"], r["event"]): r["count"] for r in rows}
    t = Table(title=f"events of {' '.join(actor or ['all actors'])} by {by}")
    t.add_column(by)
    for ty in types:
        t.add_column(ty, justify="right")
    t.add_column("total", justify="right")
    for p in periods:
        vals = [grid.get((p, ty), 0) for ty in types]
        t.add_row(p, *[str(v) if v else "" for v in vals], str(sum(vals)))
    console.print(t)


@app.command()
@handle_errors
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="plover-jsonl, csv, parquet or corrections-jsonl.")
    ] = ("plover-jsonl"),
    out: Annotated[
        str | None, typer.Option("--out", "-o", help="File to write (stdout when absent).")
    ] = None,
    db: DbOpt = None,
    include_flagged: Annotated[bool, typer.Option("--include-flagged", help="Also flagged events.")] = False,
    include_duplicates: Annotated[
        bool, typer.Option("--include-duplicates", help="Also events of duplicates and old versions.")
    ] = False,
) -> None:
    """Export the store's events (PLOVER JSONL, CSV, Parquet) or the human corrections (evaluation data).

    Example: accords export --format plover-jsonl --out events.jsonl
    """
    from accords.store import Store
    from accords.store.export import export as run_export

    with Store(_db(db), create=False) as st:
        try:
            n = run_export(
                st, fmt, out, include_flagged=include_flagged, include_duplicates=include_duplicates
            )
        except BrokenPipeError:  # `accords export | head`: the reader had enough
            sys.stderr.close()
            return
    if out:
        console.print(f"{n} records written to {out}")


@app.command()
@handle_errors
def recode(
    db: DbOpt = None,
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy pipeline to use (env ACCORDS_MODEL).")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Recode at most this many articles.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """Rerun the quotes and events coders over the stored articles (after a coder change), keeping human
    corrections, which are stored apart and laid over the new output."""
    from accords.config import get_settings
    from accords.ingest.corpus import recode as run_recode

    out = run_recode(_db(db), settings=get_settings(model=model), limit=limit,
                     progress=not quiet and sys.stderr.isatty(), console=err_console)  # fmt: skip
    console.print(
        f"recoded {out.get('articles', 0)} articles: events {out.get('events_before', 0)} -> "
        f"{out.get('events_after', 0)}, quotes {out.get('quotes_before', 0)} -> {out.get('quotes_after', 0)}, "
        f"{out.get('failed', 0)} failed, {out.get('corrections_kept', 0)} corrections kept",
        highlight=False,
    )
