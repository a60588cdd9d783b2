"""Fixtures of the quotes tests."""

from __future__ import annotations

import pytest


@pytest.fixture(params=[True, False], ids=["on", "off"])
def flag(request: pytest.FixtureRequest) -> bool:
    """A rule's switch, on and then off: a test sets the module flag to it and asserts what each way gives (a rule
    must change what its test checks)."""
    return bool(request.param)
