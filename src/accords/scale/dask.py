"""Run ``accords ingest`` on Dask: batches of plain item descriptors as tasks, one writer, resumable.

Example (a local cluster of 2 worker processes, records into the corpus store)::

    from accords.scale.dask import ingest_dask
    summary = ingest_dask(["news/"], "accords.db", scheduler=None, local_workers=2, batch_size=16,
                          settings=None)

With ``scheduler="tcp://HOST:8786"`` the same call uses a running cluster (``dask-scheduler`` /
``dask-worker``, dask-jobqueue, dask-kubernetes); the workers need the same accords version and spaCy model.

How it works:

* the client expands the sources exactly as the serial ingest does (:func:`accords.ingest.sources.expand_sources`)
  and leaves out the items an earlier run finished (the store's ``sources`` table, same key and same bytes);
* the remaining items are cut into batches; each batch is one task, :func:`accords.scale.worker.process_batch`,
  which runs the serial ingest's own per-item function; each worker process loads the spaCy model once
  (:class:`AccordsModelPlugin` warms the per-process cache when the worker starts);
* only plain data crosses process boundaries: each record as its JSON text (``Record.model_dump_json()``) and
  failures as ``{"source", "reason", "detail"}`` dicts; never spaCy objects;
* the client is the one writer, and writes in the order of the sources (results that arrive early wait in a
  bounded buffer), with the serial ingest's own writer: so the store gets exactly the records of a serial run
  (same canonical article among duplicates, same incidents), and a killed run, rerun, skips what was written
  and finishes the rest: nothing lost, nothing twice;
* a worker that dies mid-task (killed, out of memory) has its task rerun elsewhere by Dask; a batch that keeps
  killing workers is split and retried one document at a time, and a document that still kills its worker
  is recorded as a failure ("worker died").

Dask is optional (``pip install "accords[dask]"``); the stages never import it.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from accords.config import Settings, get_settings
from accords.errors import AccordsError
from accords.scale.worker import Descriptor, Result, process_batch, warm_up

try:
    import dask
    from distributed import Client, LocalCluster, WorkerPlugin, as_completed
    from distributed.client import Future
    from distributed.scheduler import KilledWorker
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError('accords.scale.dask needs Dask: pip install "accords[dask]"') from exc

log = logging.getLogger(__name__)

# Dask settings for the local cluster accords starts (measured with benchmarks/throughput.py, see docs/scale.md):
# - Dask sets MALLOC_TRIM_THRESHOLD_=65536 in worker processes so that freed memory goes back to the OS at
#   once; spaCy allocates and frees many small blocks per document, and the setting costs it about 12% CPU.
#   Unset, glibc's own adaptive threshold applies; a worker stays well under 1 GiB either way.
# - Dask's statistical profiler samples every worker thread every 10 ms, for a dashboard that is off here.
LOCAL_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
}

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
        "silence_logs": logging.ERROR,  # no "worker still alive, killing" chatter at shutdown
    }
    opts.update(cluster_options)
    with dask.config.set(LOCAL_CONFIG):
        cluster = LocalCluster(**opts)
    with cluster, Client(cluster) as client:
        yield client


def prepare_client(client: Client, settings: Settings) -> list[dict[str, Any]]:
    """Check that the workers run this accords version, and load the model once in each worker process."""
    import accords

    try:
        infos = client.run(_worker_info)
    except ImportError as exc:
        raise AccordsError(
            f"accords cannot be imported on the Dask workers ({exc}): "
            f'pip install "accords[dask]=={accords.__version__}" on every worker'
        ) from exc
    if not infos:
        raise AccordsError("the Dask cluster has no workers: start some with `dask worker SCHEDULER`")
    wrong = {addr: i["accords"] for addr, i in infos.items() if i["accords"] != accords.__version__}
    if wrong:
        raise AccordsError(
            f"workers run another accords version than this client ({accords.__version__}): {wrong}; "
            "install the same version on every worker"
        )
    client.register_plugin(AccordsModelPlugin(settings.model_dump()))
    return list(infos.values())


def make_batches(items: list[Any], batch_size: int) -> list[list[Any]]:
    if batch_size < 1:
        raise AccordsError(f"batch size must be at least 1, not {batch_size}")
    return [items[i : i + batch_size] for i in range(0, len(items), batch_size)]


def run_batches(
    client: Client,
    batches: list[list[Descriptor]],
    settings: Settings | dict[str, Any] | None = None,
    *,
    fn: BatchFn = process_batch,
    max_in_flight: int | None = None,
    ordered: bool = True,
) -> Iterator[tuple[int, list[Result]]]:
    """Submit batches as tasks; yield ``(batch index, results)`` in batch order (or as completed).

    At most ``max_in_flight`` batches are submitted or waiting in the order buffer at once (default: 4 per
    worker thread), so a corpus of millions of documents never sits in memory.  A batch whose task keeps
    killing workers (Dask gives up with KilledWorker) is retried one document at a time; a single document
    that still kills its worker comes back as a ``worker died`` failure.
    """
    sdict = settings.model_dump() if isinstance(settings, Settings) else dict(settings or {})
    if max_in_flight is None:
        max_in_flight = 4 * max(1, sum(client.nthreads().values()))
    run = uuid.uuid4().hex[:12]
    # Dask key -> (batch index, part index or -1, descriptors)
    parts: dict[str, tuple[int, int, list[Descriptor]]] = {}
    split: dict[int, list[Result | None]] = {}  # batches retried one document at a time
    ready: dict[int, list[Result]] = {}
    next_submit = next_yield = 0
    ac = as_completed()

    def submit(index: int, part: int, batch: list[Descriptor]) -> None:
        key = f"accords-batch-{run}-{index}" + (f"-{part}" if part >= 0 else "")
        fut = client.submit(fn, batch, sdict, key=key, pure=False)
        parts[str(fut.key)] = (index, part, batch)
        ac.add(fut)

    def fill() -> None:
        nonlocal next_submit
        while next_submit < len(batches) and ac.count() + len(ready) + len(split) < max_in_flight:
            submit(next_submit, -1, batches[next_submit])
            next_submit += 1

    fill()
    while not ac.is_empty():
        fut: Future = next(ac)
        index, part, batch = parts.pop(str(fut.key))
        try:
            results = fut.result()
        except KilledWorker as exc:
            fut.release()
            if part < 0 and len(batch) > 1:
                log.warning(
                    "batch %d killed its workers; retrying its %d documents one by one", index, len(batch)
                )
                split[index] = [None] * len(batch)
                for i, desc in enumerate(batch):
                    submit(index, i, [desc])
                continue
            results = [
                {
                    "source": str(d.get("source") or "?"),
                    "kind": "failed",
                    "reason": "pipeline error",
                    "detail": f"the worker died processing it ({exc})",
                }
                for d in batch
            ]
        fut.release()
        if part >= 0:
            split[index][part] = results[0]
            if any(r is None for r in split[index]):
                continue
            results = [r for r in split.pop(index) if r is not None]
        if not ordered:
            yield index, results
        else:
            ready[index] = results
            while next_yield in ready:
                yield next_yield, ready.pop(next_yield)
                next_yield += 1
        fill()


# ---------------------------------------------------------------------------------------------- ingest


def _their_result(res: Result, store: Any) -> dict[str, Any]:
    """A worker result as the serial writer expects it, decided against the store at write time.

    The serial ingest asks the store, just before analysing an item, whether this exact article is stored
    (then it is 'unchanged') or the same body under another id is (then the copy is kept as a link, without
    analysis).  Workers cannot see the store, so the one writer asks the same questions, in the same order.
    """
    if res["kind"] != "record":
        return {k: v for k, v in res.items() if k != "source"}
    chash = res.get("content_hash")
    if chash and store.has_version(res["id"], chash):
        return {"kind": "unchanged", "article_id": res["id"]}
    if chash and store.has_content(chash):
        from accords.core import new_record
        from accords.records import Record

        article = Record.model_validate_json(res["record_json"]).article
        return {"kind": "record", "record": new_record(article).model_dump_json()}  # = stages=() in serial
    return {"kind": "record", "record": res["record_json"]}


def ingest_dask(
    sources: list[Any],
    store_url: str,
    *,
    scheduler: str | None = None,
    local_workers: int = 2,
    batch_size: int = 16,
    settings: Settings | None = None,
    client: Client | None = None,
    extensions: Iterable[str] | None = None,
    refresh: bool = False,
    retry_failed: bool = False,
    feeds: bool | None = None,
    limit: int | None = None,
    progress: bool = False,
    console: Any = None,
    fn: BatchFn = process_batch,
) -> dict[str, Any]:
    """``accords ingest`` on Dask: the same items, the same store writes, the same summary dict.

    ``store_url``: SQLite path or ``postgresql://`` URL.  ``scheduler``: a running scheduler's address; without
    it a LocalCluster of ``local_workers`` processes (one thread each) is started and stopped.  ``client``:
    reuse an open Dask client instead.  The other options mean what they mean for
    :func:`accords.ingest.corpus.ingest`.  Rerunning the same call after a crash finishes the work.
    """
    from accords.ingest import corpus as serial
    from accords.store import Store

    settings = settings or get_settings()
    t0 = time.perf_counter()
    counts: Counter[str] = Counter()
    workers = 0
    with Store(store_url) as store:
        items, todo = serial.pending_items(
            store, sources, counts, settings=settings, extensions=extensions, feeds=feeds, limit=limit,
            refresh=refresh, retry_failed=retry_failed,
        )  # fmt: skip
        batches = make_batches(todo, batch_size)
        bar = serial.IngestProgress(len(items), counts, progress, console)

        def consume(c: Client) -> int:
            infos = prepare_client(c, settings)
            for index, results in run_batches(c, [[d for d, _ in b] for b in batches], settings, fn=fn):
                for (desc, raw), res in zip(batches[index], results, strict=True):
                    serial.write_result(store, desc, raw, _their_result(res, store), counts)
                bar.advance(len(results))
            return len(infos)

        with bar:
            bar.advance(counts["skipped"])
            if batches:
                if client is not None:
                    workers = consume(client)
                else:
                    with open_client(scheduler, local_workers) as c:
                        workers = consume(c)
    secs = time.perf_counter() - t0
    processed = counts["added"] + counts["new-version"] + counts["duplicate"] + counts["unchanged"]
    return {
        "items": len(items),
        **{k: counts[k] for k in ("added", "unchanged", "new-version", "duplicate", "skipped", "failed")},
        "seconds": round(secs, 2),
        "rate": round(processed / secs, 3) if secs else 0.0,
        "engine": "dask",
        "workers": workers,
        "batches": len(batches),
    }


def records_of(store_url: str) -> list[dict[str, Any]]:
    """Every stored record (all versions) as JSON-ready dicts, in store order: for comparing two runs."""
    from accords.store import Store

    with Store(store_url, create=False) as store:
        return [
            json.loads(rec.model_dump_json()) | {"_key": key}
            for key, rec in store.iter_records(current_only=False)
        ]
