"""Shared fixtures: the seed article, ../shared, and one model-loaded record per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"
EVAL = SHARED / "eval"
EXAMPLE = ROOT / "src" / "accords" / "examples" / "istanbul-talks.html"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests read ../shared beside the clone (the seed and eval sets)")
    return path


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads(need_shared(SEED / "expected.json").read_text())


@pytest.fixture(scope="session")
def seed_record():
    """The seed page through the whole pipeline, once per test session."""
    import accords

    return accords.extract(str(EXAMPLE))
