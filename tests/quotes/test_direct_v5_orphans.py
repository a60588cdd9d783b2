"""An uncued quotation with no speaker (quotes v5): short ones (a slogan, a sign) are no quote; a long block
quotation is kept."""

from __future__ import annotations

import pytest
from quotes_helpers import run, texts

pytestmark = pytest.mark.slow


def test_short_uncued_quotation_with_no_speaker_is_no_quote() -> None:
    rec = run(
        "The square filled up before noon on Saturday.\n"
        "“Clean water for every town in the valley now”\n"
        "The march ended at the river bank after two hours."
    )
    assert not any("Clean water" in t for t in texts(rec)), texts(rec)


def test_long_block_quotation_with_no_speaker_stays() -> None:
    rec = run(
        "The square filled up before noon on Saturday.\n"
        "“The river has carried the waste of three factories for twenty years, and the towns along it have paid "
        "for that with their wells, their fields and the health of their children, while every plan to clean it "
        "has died in a committee room far away.”\n"
        "The march ended at the river bank after two hours."
    )
    assert any("The river has carried the waste" in t for t in texts(rec)), texts(rec)
