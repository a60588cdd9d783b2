"""Export of the store: PLOVER JSONL, CSV, Parquet, corrections as evaluation data; CLI query tables."""

from __future__ import annotations

import csv
import json

import pytest
from store_builders import event, record, story

from accords.records import Flags
from accords.store.cli_query import events_table, quotes_table
from accords.store.export import CSV_COLUMNS, export


@pytest.fixture
def filled(store):
    rec = record("https://e.example/1", story(90), published="2025-05-16", outlet="Wire", title="Talks",
                 events=[event("V1", "REQUEST", ["RUS"], ["UKR"], text="Moscow demanded a withdrawal."),
                         event("V2", "THREATEN", ["RUS"], ["UKR"], flags=Flags(future=True))])  # fmt: skip
    store.add_record(rec)
    return store


def test_export_plover_jsonl_has_plover_fields_and_evidence(filled, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(filled, "plover-jsonl", out) == 1
    rec = json.loads(out.read_text().splitlines()[0])
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "size", "text_info",
                "cite_info", "evidence", "flags"):  # fmt: skip
        assert key in rec
    assert rec["date"] == "2025-05-16" and rec["event"] == "REQUEST"
    assert rec["actor"][0]["code"] == "RUS" and rec["recipient"][0]["code"] == "UKR"
    assert (
        rec["text_info"]["text_story"] == "Moscow demanded a withdrawal." and rec["text_info"]["start"] == 0
    )
    assert rec["cite_info"]["url"] == "https://e.example/1" and rec["cite_info"]["title"] == "Talks"
    assert rec["cite_info"]["publication"] == "Wire"
    assert export(filled, "plover-jsonl", out, include_flagged=True) == 2


def test_export_csv_and_parquet(filled, tmp_path):
    out = tmp_path / "events.csv"
    assert export(filled, "csv", out, include_flagged=True) == 2
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0]) == CSV_COLUMNS and {r["event"] for r in rows} == {"REQUEST", "THREATEN"}
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the optional 'parquet' extra")
    pout = tmp_path / "events.parquet"
    assert export(filled, "parquet", pout) == 1
    table = pq.read_table(pout)
    assert table.num_rows == 1 and table.column("actor_codes").to_pylist() == ["RUS"]


def test_export_corrections_as_evaluation_data(filled, tmp_path):
    eid = filled.events()[0][0]["id"]
    filled.add_correction("event", eid, {"event": "COERCE"}, author="rev")
    out = tmp_path / "corr.jsonl"
    assert export(filled, "corrections-jsonl", out) == 1
    item = json.loads(out.read_text())
    assert item["machine"] == {"event": "REQUEST"} and item["corrected"] == {"event": "COERCE"}
    assert item["evidence"] == "Moscow demanded a withdrawal." and item["author"] == "rev"


def test_cli_query_events_and_quotes_tables(filled, capsys):
    url = filled.url
    assert events_table(url, actor="RUS", fmt="json") == 1
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["event"] == "REQUEST"
    assert events_table(url, actor="RUS", include_flagged=True, fmt="csv") == 2
    assert capsys.readouterr().out.splitlines()[0].startswith("date,event")
    assert quotes_table(url, speaker="nobody", fmt="json") == 0
