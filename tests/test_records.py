"""The record's JSON Schema and its round trip."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from accords.cli import app
from accords.records import Article, Event, Evidence, Flags, Record, record_schema


def test_records_schema_has_plover_fields() -> None:
    schema = record_schema()
    event = schema["$defs"]["Event"]["properties"]  # type: ignore[index]
    for name in (
        "event",
        "mode",
        "context",
        "actor",
        "recipient",
        "date",
        "event_loc",
        "size",
        "evidence",
        "flags",
    ):
        assert name in event


def test_records_round_trip() -> None:
    rec = Record(
        id="x",
        accords_version="0",
        article=Article(id="x", text="Russia demanded it."),
        events=[
            Event(
                id="x-ev1",
                event="REQUEST",
                evidence=Evidence(sentence=0, start=0, end=19, text="Russia demanded it."),
                flags=Flags(negated=True),
                version="t.v1",
            )
        ],
    )
    again = Record.model_validate_json(rec.model_dump_json())
    assert again == rec
    assert again.events[0].flags.any()


def test_cli_schema_prints_json_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "Record"
