"""Fixtures for the web tests: a store in a tmp dir filled with hand-built records, and a TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from webfactory import seed_record, xss_record


def make_store(path: Path) -> Any:
    from accords.web.app import open_store

    return open_store(str(path))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Any]:
    s = make_store(tmp_path / "web.db")
    s.add_record(seed_record())
    s.add_record(xss_record())
    yield s
    s.close()


@pytest.fixture
def client(store: Any) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from accords.web.app import create_app

    with TestClient(create_app(store)) as c:
        yield c
