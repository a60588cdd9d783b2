"""The corpus commands on a hand-built store: failures, search, incidents, timeline, export (SQLite)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_builders import event, quote, record, story
from typer.testing import CliRunner

from accords.cli import app
from accords.store import Store


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.db")
    with Store(path) as st:
        st.add_record(record("https://a.example/1", "The ceasefire talks stalled in Istanbul. " + story(1),
                             published="2025-05-16", outlet="A",
                             events=[event("V1", "CONSULT", ["RUS"], ["UKR"])],
                             quotes=[quote("Q1", "not a small victory", "Heorhii Tykhyi", "UKR")]))  # fmt: skip
        st.add_record(record("https://b.example/2", story(2), published="2025-05-17", outlet="B",
                             events=[event("V1", "CONSULT", ["UKR"], ["RUS"])]))  # fmt: skip
        st.add_failure("https://c.example/3", "HTTP error", "404")
    return path


runner = CliRunner()


def test_cli_corpus_search_json(db):
    res = runner.invoke(app, ["search", "ceasefire", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert rows and rows[0]["article_id"] and "ceasefire" in rows[0]["snippet"].lower()


def test_cli_corpus_incidents_table_and_json(db):
    res = runner.invoke(app, ["incidents", "--db", db])
    assert res.exit_code == 0 and "CONSULT" in res.stdout and "2 articles" in res.stdout
    rows = json.loads(runner.invoke(app, ["incidents", "--db", db, "-f", "json"]).stdout)
    assert rows[0]["n_sources"] == 2 and len(rows[0]["members"]) == 2


def test_cli_corpus_timeline_csv(db):
    res = runner.invoke(app, ["timeline", "--actor", "RUS", "--actor", "UKR", "--db", db, "-f", "csv"])
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["period"], r["event"], r["count"]) for r in rows] == [
        ("2025-05-16", "CONSULT", "1"), ("2025-05-17", "CONSULT", "1"),
    ]  # fmt: skip


def test_cli_corpus_failures_and_export(db, tmp_path):
    res = runner.invoke(app, ["failures", "--db", db, "-f", "json"])
    assert json.loads(res.stdout)[0]["reason"] == "HTTP error"
    out = tmp_path / "e.jsonl"
    res = runner.invoke(app, ["export", "--db", db, "--format", "plover-jsonl", "--out", str(out)])
    assert res.exit_code == 0 and "2 records" in res.stdout
    assert {json.loads(x)["cite_info"]["publication"] for x in out.read_text().splitlines()} == {"A", "B"}
    bad = runner.invoke(app, ["export", "--db", db, "--format", "xml"])
    assert bad.exit_code == 1 and "plover-jsonl" in bad.output


def test_cli_corpus_missing_store_is_a_clear_error(tmp_path):
    res = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 5 and "accords ingest" in res.output
