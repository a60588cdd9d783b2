"""``accords events FILE``: a table of unflagged events, --include-flagged, --format json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accords.cli import app

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "accords" / "examples" / "istanbul-talks.html"
runner = CliRunner()


@pytest.mark.slow
def test_cli_events_json_and_flags() -> None:
    plain = runner.invoke(app, ["events", str(EXAMPLE), "--format", "json"])
    assert plain.exit_code == 0, plain.output
    events = json.loads(plain.output)["events"]
    assert events and all(not any(e["flags"].values()) for e in events)
    assert {"CONSULT", "REQUEST", "ACCUSE"} <= {e["event"] for e in events}
    full = runner.invoke(app, ["events", str(EXAMPLE), "--format", "json", "--include-flagged"])
    flagged = [e for e in json.loads(full.output)["events"] if any(e["flags"].values())]
    assert flagged and len(json.loads(full.output)["events"]) == len(events) + len(flagged)


@pytest.mark.slow
def test_cli_events_table(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Poland summoned the Russian ambassador on Monday.\n")
    res = runner.invoke(app, ["events", str(page)])
    assert res.exit_code == 0, res.output
    assert "ACCUSE" in res.output and "POL" in res.output


def test_cli_events_bad_format() -> None:
    res = runner.invoke(app, ["events", str(EXAMPLE), "--format", "xml"])
    assert res.exit_code == 2


@pytest.mark.slow
def test_cli_events_user_actor_dictionary(tmp_path: Path) -> None:
    page = tmp_path / "dz.txt"
    # a made-up leader: the starter dictionary cannot know him
    page.write_text("President Abdelkader Merbouti threatened to institute a curfew in the capital.\n")
    actors = tmp_path / "actors.yaml"
    actors.write_text("- name: Abdelkader Merbouti\n  aliases: [Merbouti]\n  country: DZA\n  sector: GOV\n")
    without = json.loads(runner.invoke(app, ["events", str(page), "-f", "json"]).output)["events"]
    assert not without  # no country for the actor: precision first, no event
    res = runner.invoke(app, ["events", str(page), "-f", "json", "--actors", str(actors)])
    assert res.exit_code == 0, res.output
    events = json.loads(res.output)["events"]
    assert [(e["event"], e["mode"], [a["code"] for a in e["actor"]]) for e in events] == [
        ("THREATEN", "restrict", ["DZA"])
    ]
