"""``accords ingest --engine``: the CLI reaches the Dask engine and refuses unknown engines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accords.cli import app
from accords.store import Store


def test_cli_ingest_unknown_engine_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Russia demanded that Ukraine withdraw.\n")
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--engine", "spark"]
    )
    assert result.exit_code == 2
    assert "--engine must be local or dask" in result.output


@pytest.mark.slow
def test_cli_ingest_engine_dask_stores_the_articles(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Talks resume in Ankara\n\nRussia demanded on Monday that Ukraine withdraw its troops from Kherson, "
        "officials said.\n"
    )
    (docs / "b.txt").write_text(
        "Ceasefire call\n\nThe United Nations called on both sides to observe a ceasefire, "
        "Secretary-General Antonio Guterres said on Tuesday.\n"
    )
    db = tmp_path / "d.db"
    args = [
        "ingest",
        str(docs),
        "--db",
        str(db),
        "--engine",
        "dask",
        "--local-workers",
        "1",
        "-q",
        "-f",
        "json",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["added"] == 2 and summary["failed"] == 0
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0, again.output
    assert json.loads(again.output.strip().splitlines()[-1])["added"] == 0
    with Store(str(db)) as store:
        assert len(store.articles(limit=10)) == 2
