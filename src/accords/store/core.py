"""The store: records of many articles in SQLite (default) or PostgreSQL, through SQLAlchemy Core.

One transaction per article; re-adding the same content is a no-op (content hash); a changed page at the same
URL becomes a new version (the old one is kept but hidden); an exact or near duplicate (MinHash LSH, see
:mod:`accords.store.dedup`) is kept and linked to its canonical article, and its events are hidden so they
count once. Events of different articles describing the same happening are grouped into incidents (the rule:
:mod:`accords.store.incidents`). Human corrections live in their own table and are laid over the machine output
when read; they survive ``accords recode``.
"""

from __future__ import annotations

from accords.store.queries import QueriesMixin
from accords.store.rows import EVENT_SORTS as EVENT_SORTS
from accords.store.rows import FAILURE_REASONS
from accords.store.rows import AtLeast as AtLeast
from accords.store.writes import WritesMixin


class Store(WritesMixin, QueriesMixin):
    """A corpus of records. ``Store("accords.db")`` (SQLite file) or ``Store("postgresql://user@host/db")``.

    Use as a context manager or call :meth:`close`. Safe to read from several threads or processes while one
    process writes (SQLite WAL; PostgreSQL MVCC).
    """

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Store", "FAILURE_REASONS"]
