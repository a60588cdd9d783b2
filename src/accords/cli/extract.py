"""``accords extract`` and ``accords schema``."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from accords.cli.app import app, console, fail, handle_errors
from accords.records import Record, record_schema


def example_path() -> Path:
    return Path(str(resources.files("accords") / "examples" / "istanbul-talks.html"))


def render_record(rec: Record, fmt: str) -> str:
    if fmt == "json":
        return rec.model_dump_json(indent=2)
    if fmt == "jsonl":
        return rec.model_dump_json()
    raise ValueError(fmt)


@app.command()
@handle_errors
def extract(
    sources: Annotated[list[str] | None, typer.Argument(help="HTML or text files, URLs, or '-' for stdin.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, jsonl or pretty.")] = "json",
    example: Annotated[bool, typer.Option("--example", help="Run on the bundled example page (the seed article).")] = False,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use (env ACCORDS_MODEL).")] = None,
    actors: Annotated[str | None, typer.Option("--actors", help="Extra actor dictionary (YAML).")] = None,
    include_flagged: Annotated[
        bool, typer.Option("--include-flagged", help="Pretty format: also show negated/hypothetical/future/historical events.")
    ] = False,
) -> None:
    """Turn news pages into sourced JSON records.

    Example: accords extract page.html --format pretty
    """
    from accords.config import get_settings
    from accords.core import extract as run_extract

    if fmt not in ("json", "jsonl", "pretty"):
        fail(f"unknown format {fmt!r}: use json, jsonl or pretty", 2)
    items = list(sources or [])
    if example:
        items.append(str(example_path()))
    if not items:
        fail("give a file, a URL or '-' (stdin), or --example for the bundled page", 2)
    settings = get_settings(model=model, actors=actors, include_flagged=include_flagged or None)
    for src in items:
        rec = run_extract(src, settings=settings)
        if fmt == "pretty":
            from accords.cli.pretty import print_record

            print_record(rec, include_flagged=include_flagged)
        else:
            typer.echo(render_record(rec, fmt))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record accords produces."""
    console.print_json(json.dumps(record_schema()))
