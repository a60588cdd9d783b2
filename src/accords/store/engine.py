"""The store's engine: connection, SQLite pragmas, transactions and schema migration (base of :class:`Store`)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    create_engine,
    event,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from accords.errors import StoreError
from accords.store import schema as S


def _engine_url(url: str) -> str:
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).expanduser()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class StoreBase:
    """Engine, lifecycle and migration of a store; :class:`accords.store.Store` adds the rest."""

    def __init__(self, url: str = "accords.db", *, create: bool = True) -> None:
        self.url = url
        if not create and "://" not in url and not Path(url).expanduser().exists():
            raise StoreError(f"store {url!r} is empty: run `accords ingest` first")
        try:
            self.engine: Engine = create_engine(_engine_url(url), future=True)
        except Exception as exc:  # noqa: BLE001 - bad URL, missing driver
            raise StoreError(f"cannot open store {url!r}: {exc}") from exc
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._lock = threading.RLock()
        self._bulk_conn: Connection | None = None
        try:
            self._migrate(create)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open store {url!r}: {exc.__class__.__name__}: {exc}") from exc

    # ------------------------------------------------------------------ lifecycle
    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Write every :meth:`add_record` inside this block in one transaction (for building large stores:
        much faster, but an error or a crash loses the whole block; readers see nothing until it ends)."""
        with self._lock, self.engine.begin() as conn:
            self._bulk_conn = conn
            try:
                yield
            finally:
                self._bulk_conn = None

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        if self._bulk_conn is not None:  # an error leaves the bulk transaction to be rolled back as a whole
            yield self._bulk_conn
        else:
            with self.engine.begin() as conn:
                yield conn

    def close(self) -> None:
        self.engine.dispose()

    def _migrate(self, create: bool) -> None:
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":  # one migrator at a time
                conn.execute(text("SELECT pg_advisory_xact_lock(7301)"))
            S.meta.create(conn, checkfirst=True)
            row = conn.execute(select(S.meta.c.value).where(S.meta.c.key == "schema_version")).first()
            current = int(row[0]) if row else 0
            if current > S.SCHEMA_VERSION:
                raise StoreError(
                    f"store {self.url!r} has schema version {current}, newer than this accords "
                    f"({S.SCHEMA_VERSION}): upgrade accords"
                )
            if current == 0 and not create:
                raise StoreError(f"store {self.url!r} is empty: run `accords ingest` first")
            for v in range(current, S.SCHEMA_VERSION):
                S.MIGRATIONS[v](conn)
            if current != S.SCHEMA_VERSION:
                if row:
                    conn.execute(
                        update(S.meta)
                        .where(S.meta.c.key == "schema_version")
                        .values(value=str(S.SCHEMA_VERSION))
                    )
                else:
                    conn.execute(insert(S.meta).values(key="schema_version", value=str(S.SCHEMA_VERSION)))

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(select(S.meta.c.value).where(S.meta.c.key == "schema_version")).scalar_one()
            )

    def size_bytes(self) -> int | None:
        """On-disk size of the store (SQLite file plus WAL, or the PostgreSQL database)."""
        if self.dialect == "sqlite":
            db = self.engine.url.database or ""
            return sum(Path(p).stat().st_size for p in (db, db + "-wal") if p and Path(p).exists())
        with self.engine.connect() as conn:
            return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())
