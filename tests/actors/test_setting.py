"""The state an article is set in (accords.actors.setting), shared by the events and quotes stages."""

from __future__ import annotations

import pytest
from actors_helpers import run

from accords.actors import setting
from accords.actors.setting import is_state_code, leading_state
from accords.records import Article, Entity, Mention, Record


def _record(*ents: tuple[str, str | None, int]) -> Record:
    out = []
    for k, (etype, country, n) in enumerate(ents):
        ms = [Mention(start=i, end=i + 1, text="x", sentence=0) for i in range(n)]
        out.append(Entity(id=f"E{k}", type=etype, name=f"e{k}", country=country, mentions=ms))  # type: ignore[arg-type]
    return Record(id="r", accords_version="t", article=Article(id="r", text="x" * 10), entities=out)


def test_the_state_most_mentions_name() -> None:
    rec = _record(("GPE", "KEN", 5), ("GPE", "UGA", 1), ("PERSON", "USA", 6))
    assert leading_state(rec, ("GPE",), share=0.6, min_mentions=2) == "KEN"
    # people counted too: no state leads
    assert leading_state(rec, ("GPE", "PERSON"), share=0.6, min_mentions=2) is None


def test_too_few_mentions_or_no_state() -> None:
    assert leading_state(_record(("GPE", "KEN", 1)), ("GPE",), share=0.6, min_mentions=2) is None
    assert (
        leading_state(_record(("GPE", "IGO", 4), ("GPE", None, 4)), ("GPE",), share=0.6, min_mentions=2)
        is None
    )
    assert is_state_code("KEN") and not is_state_code("IGO") and not is_state_code(None)


def test_a_home_subdivision_read_as_another_state(monkeypatch: pytest.MonkeyPatch) -> None:
    us = (
        "Voters in Georgia and Ohio went to the polls on Tuesday. In Atlanta, turnout was high.\n"
        "Ohio and Texas vote next week. Georgia Southern University will host a debate.\n"
    )
    abroad = "Russia and Georgia fought a war in 2008. Tbilisi said Moscow still held land in Georgia.\n"
    countries = {e.name: e.country for e in run(us).entities}
    assert countries["Georgia"] == "USA" and countries["Georgia Southern University"] == "USA"
    assert {e.name: e.country for e in run(abroad).entities}["Georgia"] == "GEO"
    monkeypatch.setattr(setting, "HOME_SUBDIVISION", False)
    assert {e.name: e.country for e in run(us).entities}["Georgia"] == "GEO"
    # a territory with a code of its own is no misreading
    assert "puerto rico" not in setting.subdivision_names("USA") and "georgia" in setting.subdivision_names(
        "USA"
    )
