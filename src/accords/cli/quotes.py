"""``accords quotes FILE``: who said what in one article, as a table or as JSON."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from accords.cli.app import DbOption, ModelOption, PageArgument, app, console, handle_errors
from accords.records import Quote, Record


def _speaker_cell(q: Quote) -> str:
    s = q.speaker
    if s is None:
        return "[dim](unknown)[/]"
    name = s.name or s.text
    lines = [name]
    extra = " · ".join(x for x in (s.role, s.country) if x)
    if extra:
        lines.append(f"[dim]{extra}[/]")
    if s.name and s.name.split()[-1] not in s.text:
        lines.append(f"[dim]as “{s.text}”[/]")
    return "\n".join(lines)


def quotes_table(rec: Record) -> Table:
    title = rec.article.title or rec.article.source or rec.id
    table = Table(title=f"Quotes: {title}", show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("speaker", ratio=2)
    table.add_column("cue", no_wrap=True)
    table.add_column("content", ratio=5)
    table.add_column("conf", justify="right", no_wrap=True)
    for q in rec.quotes:
        content = " … ".join(c.text for c in q.content)
        table.add_row(
            q.id,
            f"{q.kind}\n[dim]within {q.within}[/]" if q.within else q.kind,
            _speaker_cell(q),
            q.cue.text if q.cue else "",
            content,
            f"{q.confidence:.2f}",
        )
    return table


def quotes_json(rec: Record) -> str:
    return json.dumps(
        {"id": rec.id, "title": rec.article.title, "quotes": [q.model_dump() for q in rec.quotes]},
        indent=2,
        ensure_ascii=False,
    )


@app.command("quotes")
@handle_errors
def quotes_cmd(
    source: PageArgument = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    model: ModelOption = None,
    db: DbOption = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="With --db: quotes whose speaker's name contains this.")
    ] = None,
) -> None:
    """Print every quotation of an article with its kind, speaker and cue.

    Example: accords quotes page.html            (a table)
             accords quotes page.html -f json    (the quotes as JSON)
             accords quotes --db accords.db --speaker Zelensky   (quotes stored by `accords ingest`)
    """
    from accords.cli.app import fail
    from accords.config import get_settings
    from accords.core import extract as run_extract

    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}: use table or json", 2)
    if db is not None or (source is None and speaker is not None):
        from accords.store.cli_query import quotes_table as store_quotes

        store_quotes(db or get_settings().db, speaker=speaker, fmt=fmt, console=console)
        return
    if source is None:
        fail("give a file, a URL or '-' (stdin), or --db to query a store", 2)
        return
    settings = get_settings(model=model) if model else get_settings()
    rec = run_extract(source, settings=settings, stages=("nlp", "actors", "quotes"))
    if fmt == "json":
        typer.echo(quotes_json(rec))
        return
    if not rec.quotes:
        console.print("[dim]no quotes found[/]")
        return
    console.print(quotes_table(rec))
    kinds = {k: sum(q.kind == k for q in rec.quotes) for k in ("direct", "mixed", "indirect")}
    console.print(
        f"{len(rec.quotes)} quotes: " + ", ".join(f"{n} {k}" for k, n in kinds.items()),
        highlight=False,
    )
