"""The README's excerpt of the seed record is real output: it fails when the output drifts from it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"

pytestmark = pytest.mark.slow


def _blocks() -> list[dict[str, Any]]:
    text = README.read_text()
    section = text.split("## What it gives you", 1)[1].split("## Quick start", 1)[0]
    return [json.loads(b) for b in re.findall(r"```json\n(.*?)```", section, re.S)]


def _subset(shown: Any, real: Any) -> bool:
    if isinstance(shown, dict):
        return isinstance(real, dict) and all(k in real and _subset(v, real[k]) for k, v in shown.items())
    if isinstance(shown, list):
        return isinstance(real, list) and len(shown) == len(real) and all(map(_subset, shown, real))
    return bool(shown == real)


def test_readme_excerpt_is_the_seed_output(seed_record) -> None:
    blocks = _blocks()
    assert len(blocks) == 2
    rec = seed_record.model_dump(mode="json")
    by_id = {x["id"]: x for x in rec["events"] + rec["quotes"]}
    for block in blocks:
        assert block["id"] in by_id, f"{block['id']} is not in the seed record"
        assert _subset(block, by_id[block["id"]]), f"README excerpt {block['id']} differs from the output"
