"""Docs that must not fall behind the code (in the spirit of Datasette's test_docs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from accords.cli import app
from accords.config import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"
README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_docs_every_setting_is_documented(name: str) -> None:
    text = (DOCS / "settings.md").read_text()
    assert f"`ACCORDS_{name.upper()}`" in text


def test_docs_every_command_is_in_readme() -> None:
    import typer.main

    group = typer.main.get_command(app)
    readme = README.read_text()
    missing = [c for c in group.commands if f"accords {c}" not in readme]  # type: ignore[attr-defined]
    assert not missing, f"commands not shown in README.md: {missing}"
