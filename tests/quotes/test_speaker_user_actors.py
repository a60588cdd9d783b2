"""The quotes stage reads speaker countries with the user's actor dictionary (settings.actors), as the actors
stage does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import accords.quotes as quotes
from accords.quotes import speaker_countries as sc


def _dictionary(tmp_path: Path) -> str:
    f = tmp_path / "mine.yaml"
    f.write_text("- {name: Borduria, aliases: [Szohod], type: GPE, country: BLR}\n", encoding="utf-8")
    return str(f)


def test_country_of_reads_the_user_dictionary(tmp_path: Path) -> None:
    assert sc.country_of("Szohod") is None
    token = sc.USER_ACTORS.set(_dictionary(tmp_path))
    try:
        assert sc.country_of("Szohod") == "BLR"
    finally:
        sc.USER_ACTORS.reset(token)
    assert sc.country_of("Szohod") is None


def test_the_stage_passes_the_dictionary_and_forgets_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from accords.config import get_settings
    from accords.pipeline import Work
    from accords.records import Article, Record

    seen: list[str | None] = []

    def fake_build(record: Any, doc: Any, version: str) -> list[Any]:
        seen.append(sc.USER_ACTORS.get())
        return []

    monkeypatch.setattr(quotes, "build_quotes", fake_build)
    path = _dictionary(tmp_path)
    rec = Record(id="u", accords_version="test", article=Article(id="u", text="Szohod said so."))
    quotes.quotes_stage(Work(record=rec, settings=get_settings(actors=path), doc=object()))
    assert seen == [path]
    assert sc.USER_ACTORS.get() is None
