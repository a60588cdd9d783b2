"""Store fixtures: a fresh store per test, on SQLite and on PostgreSQL (skipped without a server)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG = os.environ.get("ACCORDS_TEST_POSTGRES")
PG_SKIP = (
    "ACCORDS_TEST_POSTGRES is unset: the PostgreSQL variant of the store tests needs a server; run "
    "`export ACCORDS_TEST_POSTGRES=$(bash scripts/start-postgres.sh)` (scripts/test.sh does it)"
)


def _pg_database() -> Iterator[str]:
    import psycopg

    name = "accords_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG, autocommit=True) as conn:  # type: ignore[arg-type]
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG.rsplit("/", 1)[0]  # type: ignore[union-attr]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG, autocommit=True) as conn:  # type: ignore[arg-type]
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "accords.db")
        return
    if not PG:
        pytest.skip(PG_SKIP)
    yield from _pg_database()


@pytest.fixture
def store(store_url: str):
    from accords.store import Store

    st = Store(store_url)
    yield st
    st.close()
