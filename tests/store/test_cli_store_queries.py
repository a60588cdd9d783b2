"""``accords events --db`` and ``accords quotes --db``: the single-page commands also query a store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_builders import event, quote, record, story
from typer.testing import CliRunner

from accords.cli import app
from accords.records import Flags
from accords.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "q.db")
    with Store(path) as st:
        st.add_record(record("https://a.example/1", story(1), published="2025-05-16", outlet="A",
                             events=[event("V1", "REQUEST", ["RUS"], ["UKR"], date="2025-05-16"),
                                     event("V2", "AGREE", ["UKR"], [], date="2025-05-16",
                                           flags=Flags(negated=True))],
                             quotes=[quote("Q1", "not a small victory", "Heorhii Tykhyi", "UKR")]))  # fmt: skip
        st.add_record(record("https://b.example/2", story(2), published="2025-05-20", outlet="B",
                             events=[event("V1", "ACCUSE", ["USA"], ["RUS"], date="2025-05-20")],
                             quotes=[quote("Q1", "asking for too much", "JD Vance", "USA")]))  # fmt: skip
    return path


def test_cli_events_db_filters_by_actor_and_type(db):
    res = runner.invoke(app, ["events", "--db", db, "--actor", "RUS", "--type", "request", "-f", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["event"] for r in rows] == ["REQUEST"]


def test_cli_events_db_hides_flagged_unless_asked(db):
    plain = json.loads(runner.invoke(app, ["events", "--db", db, "-f", "json"]).stdout)
    assert sorted(r["event"] for r in plain) == ["ACCUSE", "REQUEST"]
    res = runner.invoke(app, ["events", "--db", db, "--include-flagged", "-f", "json"])
    assert sorted(r["event"] for r in json.loads(res.stdout)) == ["ACCUSE", "AGREE", "REQUEST"]


def test_cli_events_db_date_range_csv(db):
    res = runner.invoke(app, ["events", "--db", db, "--since", "2025-05-18", "-f", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["event"] for r in rows] == ["ACCUSE"]


def test_cli_quotes_db_by_speaker(db):
    res = runner.invoke(app, ["quotes", "--db", db, "--speaker", "Vance", "-f", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert len(rows) == 1 and "too much" in json.dumps(rows)


def test_cli_events_without_source_or_db_is_a_clear_error():
    res = runner.invoke(app, ["events"])
    assert res.exit_code == 2
    assert "--db" in res.output
