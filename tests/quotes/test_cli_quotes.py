"""``accords quotes FILE``: a table, or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accords.cli import app

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "accords" / "examples" / "istanbul-talks.html"
runner = CliRunner()
pytestmark = pytest.mark.slow


def test_cli_quotes_json_lists_quotes_with_speakers() -> None:
    res = runner.invoke(app, ["quotes", str(EXAMPLE), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    names = {q["speaker"]["name"] for q in data["quotes"] if q["speaker"]}
    assert "Heorhii Tykhyi" in names
    assert {q["kind"] for q in data["quotes"]} == {"direct", "mixed", "indirect"}


def test_cli_quotes_table_is_readable() -> None:
    res = runner.invoke(app, ["quotes", str(EXAMPLE)], env={"COLUMNS": "160"})
    assert res.exit_code == 0, res.output
    assert "Exchanging 1,000 lives" in res.output
    assert "Tykhyi" in res.output
    assert "quotes:" in res.output


def test_cli_quotes_bad_format_and_missing_file_are_one_line_errors(tmp_path: Path) -> None:
    res = runner.invoke(app, ["quotes", str(EXAMPLE), "--format", "xml"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["quotes", str(tmp_path / "nope.html")])
    assert res.exit_code != 0
    assert "Traceback" not in res.output


def test_cli_quotes_without_source_or_db_is_a_usage_error() -> None:
    res = runner.invoke(app, ["quotes"])
    assert res.exit_code == 2
    assert "--db" in res.output
