"""``accords extract`` and ``accords schema``."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from accords.cli.app import ActorsOption, ModelOption, app, console, err_console, fail, handle_errors
from accords.errors import EXIT_CODES, AccordsError
from accords.records import Record, record_schema

_EXIT_HELP = "\n\n".join(f"{code}: {what}" for code, what in EXIT_CODES.items())


def example_path() -> Path:
    return Path(str(resources.files("accords") / "examples" / "istanbul-talks.html"))


def render_record(rec: Record, fmt: str) -> str:
    if fmt == "json":
        return rec.model_dump_json(indent=2)
    if fmt == "jsonl":
        return rec.model_dump_json()
    raise ValueError(fmt)


@app.command(
    help=(
        "Turn news pages into sourced JSON records.\n\n"
        "SOURCES are HTML files, plain-text or Markdown files (.txt, .md; gzip-compressed too), http(s) URLs, "
        "or '-' for stdin. A URL is fetched with a timeout (--timeout), a size limit (ACCORDS_MAX_BYTES) and "
        "redirects followed (ACCORDS_MAX_REDIRECTS). A readable page that is doubtful (not English, very "
        "short) still gives a record, with status 'warning' and the reasons in article.warnings.\n\n"
        "With several sources, a failing one prints its one-line error and the others go on; the exit "
        "code is then the highest one met.\n\n"
        "Example: accords extract page.html --format pretty\n\n"
        f"Exit codes:\n\n{_EXIT_HELP}"
    )
)
@handle_errors
def extract(
    sources: Annotated[
        list[str] | None, typer.Argument(help="HTML or text files, URLs, or '-' for stdin.")
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="json (one object, or an array for several sources), jsonl or pretty."
        ),
    ] = "json",
    example: Annotated[
        bool, typer.Option("--example", help="Run on the bundled example page (the seed article).")
    ] = False,
    model: ModelOption = None,
    actors: ActorsOption = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Seconds to wait for a URL (env ACCORDS_FETCH_TIMEOUT).")
    ] = None,
    include_flagged: Annotated[
        bool,
        typer.Option(
            "--include-flagged",
            help="Pretty format: also show negated/hypothetical/future/historical events.",
        ),
    ] = False,
) -> None:
    from accords.config import get_settings
    from accords.core import extract as run_extract

    fmt = fmt.lower()
    if fmt not in ("json", "jsonl", "pretty"):
        fail(f"unknown format {fmt!r}: use json, jsonl or pretty", 2)
    items = list(sources or [])
    if example:
        items.append(str(example_path()))
    if not items:
        fail("give a file, a URL or '-' (stdin), or --example for the bundled page", 2)
    if timeout is not None and timeout <= 0:
        fail(f"--timeout must be a positive number of seconds, not {timeout:g}", 2)
    settings = get_settings(
        model=model, actors=actors, include_flagged=include_flagged or None, fetch_timeout=timeout
    )
    if len(items) == 1:
        # One source: an error is the command's error (one line, its exit code).
        emit(run_extract(items[0], settings=settings), fmt, include_flagged)
        return
    worst = 0
    records: list[Record] = []
    for src in items:
        try:
            rec = run_extract(src, settings=settings)
        except AccordsError as exc:
            err_console.print(f"[bold red]Error:[/] {exc}", highlight=False, soft_wrap=True)
            worst = max(worst, exc.exit_code)
            continue
        if fmt == "json":
            records.append(rec)
        else:
            emit(rec, fmt, include_flagged)
    if fmt == "json":
        typer.echo("[" + ",\n".join(rec.model_dump_json(indent=2) for rec in records) + "]")
    if worst:
        raise typer.Exit(worst)


def emit(rec: Record, fmt: str, include_flagged: bool) -> None:
    if fmt == "pretty":
        from accords.cli.pretty import print_record

        print_record(rec, include_flagged=include_flagged)
    else:
        typer.echo(render_record(rec, fmt))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record accords produces."""
    console.print_json(json.dumps(record_schema()))
