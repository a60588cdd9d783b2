"""Run accords over a corpus on Dask: batches of plain source descriptors as tasks, one writer, resumable.

Example (a local cluster of 2 worker processes, records into the corpus store)::

    from accords.scale.dask import ingest_dask
    summary = ingest_dask(["news/"], "accords.db", scheduler=None, local_workers=2, batch_size=16,
                          settings=None)

With ``scheduler="tcp://HOST:8786"`` the same call uses an existing cluster (``dask-scheduler`` /
``dask-worker``, dask-jobqueue, dask-kubernetes): workers need the same accords version and spaCy model.

How it works:

* the client expands the sources into plain descriptors (:mod:`accords.scale.worker`), cuts them into
  batches and gives each batch a key (a hash of its descriptors);
* each batch is one task, :func:`accords.scale.worker.process_batch`; each worker process loads the spaCy
  model once (:class:`AccordsModelPlugin` warms the per-process cache at worker start);
* only plain dicts cross process boundaries: records as ``Record.model_dump(mode="json")`` and failures as
  ``{"source", "reason"}``;
* the client is the one writer: as each future completes it writes the batch's records to the store, then
  marks the batch done in a journal; a rerun skips journalled batches and already stored texts, and the store
  de-duplicates on content hash, so a killed run, rerun, ends with exactly the records of a serial run;
* a worker that dies mid-task (killed, out of memory) has its task rerun elsewhere by Dask; a batch that
  keeps killing workers is split and retried one document at a time, and a document that still kills its
  worker is recorded as a failure.

Dask is optional (``pip install "accords[dask]"``); the stages never import it.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from accords.config import Settings, get_settings
from accords.errors import AccordsError
from accords.scale.sink import BatchJournal, Sink, default_journal, open_sink
from accords.scale.worker import (
    Descriptor,
    Result,
    descriptor_key,
    process_batch,
    source_label,
    text_content_hash,
    warm_up,
)

try:
    from distributed import Client, LocalCluster, WorkerPlugin, as_completed
    from distributed.client import Future
    from distributed.scheduler import KilledWorker
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError('accords.scale.dask needs Dask: pip install "accords[dask]"') from exc

log = logging.getLogger(__name__)

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".txt")
BatchFn = Callable[[list[Descriptor], dict[str, Any]], list[Result]]


class AccordsModelPlugin(WorkerPlugin):
    """Loads the spaCy pipeline once when each worker process starts (and again if it is restarted)."""

    name = "accords-model"

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        warm_up(self.settings)


def _worker_info() -> dict[str, Any]:
    import os

    import accords

    return {"accords": accords.__version__, "pid": os.getpid()}


# ---------------------------------------------------------------------------------------------- sources


def _corpus_expander() -> Callable[..., Iterable[Any]] | None:
    """The corpus ingest's own source expansion, when that module provides one."""
    try:
        corpus_sources = importlib.import_module("accords.ingest.sources")
    except ImportError:
        return None
    for name in ("expand_sources", "iter_sources", "expand"):
        fn = getattr(corpus_sources, name, None)
        if callable(fn):
            return fn  # type: ignore[no-any-return,unused-ignore]
    return None


def _as_descriptor(item: Any) -> Descriptor:
    if isinstance(item, dict):
        return {k: v for k, v in item.items() if v is not None}
    for attr in ("model_dump", "_asdict"):
        if hasattr(item, attr):
            return _as_descriptor(getattr(item, attr)())
    if hasattr(item, "__dataclass_fields__"):
        from dataclasses import asdict

        return _as_descriptor(asdict(item))
    text = str(item)
    if text.startswith(("http://", "https://")):
        return {"url": text}
    return {"path": text}


def _expand_path(path: Path) -> Iterator[Descriptor]:
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and p.name.lower().endswith(PAGE_SUFFIXES + (".jsonl",)):
                yield from _expand_path(p)
    elif path.name.endswith(".jsonl"):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield {"source": f"{path}:{n}", "invalid": f"malformed JSON line: {exc.msg}"}
                    continue
                desc = _as_descriptor(item)
                desc.setdefault("source", str(desc.get("url") or f"{path}:{n}"))
                yield desc
    else:
        yield {"path": str(path)}


def expand_sources(sources: Iterable[Any]) -> list[Descriptor]:
    """Sources (paths, directories, globs, JSONL files, URLs or descriptor dicts) as plain descriptors.

    Uses the corpus ingest's expansion when it exists, so both engines see the same documents; otherwise
    files, directories (recursive, by extension), globs, JSONL files and URLs are understood here.
    """
    items = list(sources)
    if all(isinstance(s, dict) for s in items):
        return [_as_descriptor(s) for s in items]
    expander = _corpus_expander()
    if expander is not None:
        return [_as_descriptor(x) for x in expander(items)]
    out: list[Descriptor] = []
    for src in items:
        if isinstance(src, dict):
            out.append(_as_descriptor(src))
            continue
        text = str(src)
        if text.startswith(("http://", "https://")):
            out.append({"url": text})
        elif any(ch in text for ch in "*?["):
            import glob

            for p in sorted(glob.glob(text, recursive=True)):
                out.extend(_expand_path(Path(p)))
        else:
            out.extend(_expand_path(Path(text)))
    return out


def make_batches(descs: list[Descriptor], batch_size: int) -> list[tuple[str, list[Descriptor]]]:
    """Cut descriptors into batches, each keyed by a hash of its descriptors (stable across reruns)."""
    if batch_size < 1:
        raise AccordsError(f"batch size must be at least 1, not {batch_size}")
    out = []
    for i in range(0, len(descs), batch_size):
        batch = descs[i : i + batch_size]
        h = hashlib.sha256()
        for d in batch:
            h.update(descriptor_key(d).encode("ascii"))
        out.append((h.hexdigest()[:32], batch))
    return out


# ---------------------------------------------------------------------------------------------- cluster


@contextmanager
def open_client(
    scheduler: str | None = None, local_workers: int = 2, **cluster_options: Any
) -> Iterator[Client]:
    """A client on ``scheduler`` (``tcp://HOST:8786``), or on a new LocalCluster of ``local_workers`` processes."""
    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    opts: dict[str, Any] = {
        "n_workers": max(1, local_workers),
        "threads_per_worker": 1,
        "processes": True,
        "dashboard_address": None,
    }
    opts.update(cluster_options)
    with LocalCluster(**opts) as cluster, Client(cluster) as client:
        yield client


def prepare_client(client: Client, settings: Settings) -> list[dict[str, Any]]:
    """Check the workers run this accords version and load the model on each (once per worker process)."""
    import accords

    infos = client.run(_worker_info)
    wrong = {addr: i["accords"] for addr, i in infos.items() if i["accords"] != accords.__version__}
    if wrong:
        raise AccordsError(
            f"workers run another accords version than this client ({accords.__version__}): {wrong}; "
            "install the same version on every worker"
        )
    client.register_plugin(AccordsModelPlugin(settings.model_dump()))
    return list(infos.values())


def run_batches(
    client: Client,
    batches: list[tuple[str, list[Descriptor]]],
    settings: Settings | dict[str, Any] | None = None,
    *,
    fn: BatchFn = process_batch,
    max_in_flight: int | None = None,
) -> Iterator[tuple[str, list[Result]]]:
    """Submit batches as tasks and yield ``(key, results)`` as they complete (any order).

    At most ``max_in_flight`` batches are queued at once (default: 4 per worker thread), so a corpus of
    millions of documents does not sit in the scheduler's memory.  A batch whose task keeps killing
    workers (Dask gives up with KilledWorker) is retried one document at a time; a single document that
    still kills its worker comes back as a failure.
    """
    sdict = settings.model_dump() if isinstance(settings, Settings) else dict(settings or {})
    if max_in_flight is None:
        threads = sum(client.nthreads().values()) or 1
        max_in_flight = 4 * threads
    todo = list(reversed(batches))
    # Dask key of a submitted task -> (its batch key, the batch key it reports to, descriptors).
    # After KilledWorker a batch is split into one-document parts that report to the original batch.
    parts: dict[str, tuple[str, str, list[Descriptor]]] = {}
    waiting: dict[str, list[Result | None]] = {}
    offsets: dict[str, int] = {}
    ac = as_completed()

    def submit(key: str, batch: list[Descriptor], parent: str) -> None:
        fut = client.submit(fn, batch, sdict, key=f"accords-batch-{key}", pure=False, retries=0)
        parts[str(fut.key)] = (key, parent, batch)
        ac.add(fut)

    def fill() -> None:
        while todo and ac.count() < max_in_flight:
            key, batch = todo.pop()
            submit(key, batch, key)

    fill()
    while not ac.is_empty():
        fut: Future = next(ac)
        key, parent, batch = parts.pop(str(fut.key))
        try:
            results = fut.result()
        except KilledWorker as exc:
            if key == parent and len(batch) > 1:
                log.warning(
                    "batch %s killed its workers; retrying its %d documents one by one", key, len(batch)
                )
                fut.release()
                waiting[parent] = [None] * len(batch)
                for i, desc in enumerate(batch):
                    offsets[f"{parent}-{i}"] = i
                    submit(f"{parent}-{i}", [desc], parent)
                continue
            results = [
                {"source": source_label(d), "reason": f"worker died processing it ({exc})"} for d in batch
            ]
        fut.release()
        if parent in waiting:
            waiting[parent][offsets.pop(key)] = results[0]
            if all(r is not None for r in waiting[parent]):
                done = waiting.pop(parent)
                yield parent, [r for r in done if r is not None]
        else:
            yield parent, results
        fill()


# ---------------------------------------------------------------------------------------------- ingest


def ingest_dask(
    sources: list[Any],
    store_url: str,
    *,
    scheduler: str | None = None,
    local_workers: int = 2,
    batch_size: int = 16,
    settings: Settings | None = None,
    client: Client | None = None,
    journal: str | Path | None = None,
    progress: Callable[[dict[str, Any]], None] | None = None,
    fn: BatchFn = process_batch,
) -> dict[str, Any]:
    """Process ``sources`` on Dask and write their records to ``store_url``; return a summary dict.

    ``store_url`` is the corpus store (SQLite path or ``postgresql://`` URL) or a ``.jsonl`` file.
    ``scheduler`` is a running scheduler's address; without it a LocalCluster of ``local_workers``
    processes (one thread each) is started and stopped.  ``client`` reuses an open Dask client instead.
    ``journal`` is the file of finished batches (default: beside the store, see
    :func:`accords.scale.sink.default_journal`).  ``progress`` is called with the running summary after
    each batch.  Rerunning the same call after a crash finishes the work without duplicates.
    """
    settings = settings or get_settings()
    t0 = time.perf_counter()
    descs = expand_sources(sources)
    summary: dict[str, Any] = {
        "engine": "dask",
        "sources": len(descs),
        "batches": 0,
        "batches_skipped": 0,
        "stored": 0,
        "duplicates": 0,
        "skipped": 0,
        "failed": 0,
        "workers": 0,
        "seconds": 0.0,
        "rate": 0.0,
    }
    sink: Sink = open_sink(store_url)
    jr = BatchJournal(journal or default_journal(store_url))
    try:
        todo: list[Descriptor] = []
        for d in descs:
            if d.get("invalid"):
                sink.add_failure(source_label(d), str(d["invalid"]))
                summary["failed"] += 1
            elif d.get("text") and not d.get("html") and sink.has_content(text_content_hash(str(d["text"]))):
                summary["skipped"] += 1
            else:
                todo.append(d)
        batches = make_batches(todo, batch_size)
        summary["batches"] = len(batches)
        pending = [(k, b) for k, b in batches if k not in jr]
        summary["batches_skipped"] = len(batches) - len(pending)
        summary["skipped"] += sum(len(b) for k, b in batches if k in jr)

        def consume(c: Client) -> None:
            infos = prepare_client(c, settings)
            summary["workers"] = len(infos)
            for key, results in run_batches(c, pending, settings, fn=fn):
                for res in results:
                    if "record" in res:
                        if sink.add_record(res["record"]):
                            summary["stored"] += 1
                        else:
                            summary["duplicates"] += 1
                    else:
                        sink.add_failure(res["source"], res["reason"])
                        summary["failed"] += 1
                flush = getattr(sink, "flush", None)
                if flush is not None:
                    flush()
                jr.mark(key)
                if progress is not None:
                    progress(dict(summary, seconds=time.perf_counter() - t0))

        if pending:
            if client is not None:
                consume(client)
            else:
                with open_client(scheduler, local_workers) as c:
                    consume(c)
    finally:
        jr.close()
        sink.close()
    summary["seconds"] = round(time.perf_counter() - t0, 3)
    done = summary["stored"] + summary["duplicates"] + summary["failed"]
    summary["rate"] = round(done / summary["seconds"], 3) if summary["seconds"] else 0.0
    return summary
