"""Where a scaled-out run writes: one writer (the client process), plus a journal of finished batches.

``open_sink(url)`` gives the corpus store (``accords.store``, SQLite file or ``postgresql://``) through a thin
adapter, or a JSON Lines file of records when ``url`` ends in ``.jsonl`` (handy for tests and for shipping
records elsewhere).  Either way, writing is idempotent on the article's content hash, so a batch that is
processed twice (a killed run, a task retried after its worker died) never stores a record twice.

The journal (:class:`BatchJournal`) is an append-only file of the keys of batches whose results are
written; a rerun skips those batches without sending them to the cluster at all.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Protocol

from accords.errors import StoreError


class Sink(Protocol):
    def has_content(self, content_hash: str) -> bool: ...
    def add_record(self, record: dict[str, Any]) -> bool: ...
    def add_failure(self, source: str, reason: str) -> None: ...
    def close(self) -> None: ...


def _repair_tail(path: Path) -> None:
    """Cut a half-written last line (the process was killed mid-write) so appends stay valid JSON Lines."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb+") as fh:
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) == b"\n":
            return
        data = path.read_bytes()
        cut = data.rfind(b"\n") + 1
        fh.truncate(cut)


class JsonlSink:
    """Records one a line in ``path``; failures in ``path`` + ``.failures``. Deduplicated on content hash."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.fail_path = self.path.with_name(self.path.name + ".failures")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _repair_tail(self.path)
        _repair_tail(self.fail_path)
        self.hashes: set[str] = set()
        for line in self.path.read_text("utf-8").splitlines() if self.path.exists() else []:
            rec = json.loads(line)
            self.hashes.add(_record_hash(rec))
        self._fh = self.path.open("a", encoding="utf-8")
        self._ff = self.fail_path.open("a", encoding="utf-8")

    def has_content(self, content_hash: str) -> bool:
        return content_hash in self.hashes

    def add_record(self, record: dict[str, Any]) -> bool:
        h = _record_hash(record)
        if h in self.hashes:
            return False
        self._fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        self._fh.flush()
        self.hashes.add(h)
        return True

    def add_failure(self, source: str, reason: str) -> None:
        self._ff.write(json.dumps({"source": source, "reason": reason}, ensure_ascii=False) + "\n")
        self._ff.flush()

    def flush(self) -> None:
        for fh in (self._fh, self._ff):
            fh.flush()
            os.fsync(fh.fileno())

    def close(self) -> None:
        self.flush()
        self._fh.close()
        self._ff.close()


def _record_hash(record: dict[str, Any]) -> str:
    art = record.get("article") or {}
    return str(art.get("content_hash") or record.get("id"))


class StoreSink:
    """Adapter over the corpus store (``accords.store``); the store itself de-duplicates on content hash."""

    def __init__(self, url: str) -> None:
        try:
            import accords.store as store_mod
        except ImportError as exc:  # pragma: no cover - the store is part of accords
            raise StoreError(f"{url}: the corpus store is not available ({exc})") from exc
        opener = getattr(store_mod, "open_store", None)
        cls = getattr(store_mod, "Store", None)
        if opener is not None:
            self.store = opener(url)
        elif cls is not None:
            self.store = cls(url)
        else:
            raise StoreError(
                f"{url}: accords.store has no Store yet; write to a .jsonl file instead (e.g. records.jsonl)"
            )

    def has_content(self, content_hash: str) -> bool:
        for name in ("has_content", "has_content_hash", "contains_hash"):
            fn = getattr(self.store, name, None)
            if fn is not None:
                return bool(fn(content_hash))
        return False

    def add_record(self, record: dict[str, Any]) -> bool:
        from accords.records import Record

        out = self.store.add_record(Record.model_validate(record))
        return out if isinstance(out, bool) else True

    def add_failure(self, source: str, reason: str) -> None:
        fn = getattr(self.store, "add_failure", None)
        if fn is not None:
            fn(source, reason)

    def close(self) -> None:
        fn = getattr(self.store, "close", None)
        if fn is not None:
            fn()


def is_jsonl(url: str) -> bool:
    return url.endswith(".jsonl") or url.startswith("jsonl:")


def open_sink(url: str) -> Sink:
    if is_jsonl(url):
        return JsonlSink(url.removeprefix("jsonl:"))
    return StoreSink(url)


def default_journal(url: str) -> Path:
    """``accords.db`` -> ``accords.db.dask-batches``; a server URL -> ``.accords-dask/<hash>.batches``."""
    if "://" not in url or url.startswith("sqlite:///"):
        path = url.removeprefix("jsonl:").removeprefix("sqlite:///")
        return Path(path + ".dask-batches")
    return Path(".accords-dask") / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:16] + ".batches")


class BatchJournal:
    """Append-only set of finished batch keys, fsynced per line; a torn last line is ignored."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _repair_tail(self.path)
        self.done: set[str] = set()
        if self.path.exists():
            self.done = {ln.strip() for ln in self.path.read_text("utf-8").splitlines() if ln.strip()}
        self._fh = self.path.open("a", encoding="utf-8")

    def __contains__(self, key: str) -> bool:
        return key in self.done

    def mark(self, key: str) -> None:
        self._fh.write(key + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.done.add(key)

    def close(self) -> None:
        self._fh.close()
