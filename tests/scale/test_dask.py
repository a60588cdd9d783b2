"""accords.scale.dask: a 2-worker LocalCluster gives exactly the store of a serial ingest, survives a worker
killed mid-run and a client killed mid-run.  Real articles: the 20 shortest texts of
../shared/eval/quotes/dev.jsonl, plus an exact copy of one under another URL (a duplicate to link)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"

pytestmark = pytest.mark.slow


def _items(n: int = 20) -> list[dict]:
    path = EVAL / "quotes" / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests read ../shared beside the clone (the eval sets)")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda d: (len(d["text"]), d["doc"]))
    items = [
        {"source": f"polnear:{d['doc']}", "text": d["text"], "outlet": d["doc"].split("_")[0]}
        for d in rows[:n]
    ]
    # the same body again at another URL: the serial ingest links it to the first as a duplicate
    items.insert(n // 2, {"source": "copy", "text": rows[3]["text"], "url": "https://example.org/copy"})
    return items


def snapshot(db: Path) -> dict:
    """What a run leaves in the store: records (all versions, in order) and the rows that link them."""
    from accords.scale.dask import records_of

    con = sqlite3.connect(db)
    try:
        tables = {
            "articles": "SELECT id, record_id, version, content_hash, canonical_id, dup_kind, source "
            "FROM articles ORDER BY n",
            "events": "SELECT id, incident_id, visible FROM events ORDER BY n",
            "quotes": "SELECT id, visible FROM quotes ORDER BY n",
            "sources": "SELECT key, article_id FROM sources ORDER BY key",
            "failures": "SELECT source, reason FROM failures ORDER BY source",
        }
        snap = {name: con.execute(sql).fetchall() for name, sql in tables.items()}
    finally:
        con.close()
    snap["records"] = records_of(str(db))
    return snap


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return _items()


@pytest.fixture(scope="module")
def serial(items, tmp_path_factory) -> dict:
    from accords.ingest.corpus import ingest

    db = tmp_path_factory.mktemp("serial") / "serial.db"
    summary = ingest(items, str(db), workers=1, progress=False)
    assert summary["added"] == len(items) - 1 and summary["duplicate"] == 1, summary
    return snapshot(db)


@pytest.fixture(scope="module")
def cluster():
    from accords.scale.dask import open_client

    # a LocalCluster of 2 worker processes, one thread each
    with open_client(None, 2) as client:
        yield client.scheduler.address, client


def test_dask_two_workers_store_equals_serial(tmp_path, items, serial, cluster):
    from accords.nlp import load_pipeline
    from accords.scale.dask import ingest_dask

    _, client = cluster
    db = tmp_path / "dask.db"
    summary = ingest_dask(items, str(db), client=client, batch_size=3)
    assert summary["added"] == len(items) - 1 and summary["duplicate"] == 1 and summary["failed"] == 0
    assert summary["workers"] == 2
    assert snapshot(db) == serial
    assert sum(len(r["events"]) + len(r["quotes"]) for r in serial["records"]) > 0, "nothing was extracted"
    # the model was loaded exactly once in each worker process, and both workers took part
    loads = client.run(lambda: load_pipeline.cache_info().misses)
    assert sorted(loads.values()) == [1, 1]
    # accords' local cluster leaves glibc's trimming alone (Dask's default costs spaCy ~12% CPU)
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        assert set(client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_")).values()) == {None}
    # a rerun finds every item done and changes nothing
    again = ingest_dask(items, str(db), client=client, batch_size=3)
    assert again["skipped"] == len(items) and again["added"] == 0
    assert snapshot(db) == serial


def _killer(marker: Path):
    def fn(batch, settings):
        from accords.scale.worker import process_batch

        if not marker.exists():
            marker.write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)
        return process_batch(batch, settings)

    return fn


def test_dask_worker_killed_mid_run_loses_nothing(tmp_path, items, serial, cluster):
    from accords.scale.dask import ingest_dask

    _, client = cluster
    marker = tmp_path / "killed-once"
    db = tmp_path / "dask.db"
    summary = ingest_dask(items, str(db), client=client, batch_size=4, fn=_killer(marker))
    assert marker.exists(), "no worker was killed: the test did not test anything"
    assert summary["failed"] == 0 and summary["added"] + summary["duplicate"] == len(items)
    assert snapshot(db) == serial
    client.wait_for_workers(2, timeout=60)


CLIENT_SCRIPT = """
import json, sys, time
from accords.scale.dask import ingest_dask
from accords.scale.worker import process_batch

def slow(batch, settings):
    time.sleep(0.3)
    return process_batch(batch, settings)

if __name__ == "__main__":
    items = json.load(open(sys.argv[1]))
    ingest_dask(items, sys.argv[2], scheduler=sys.argv[3], batch_size=1, fn=slow)
"""


def test_dask_killed_client_rerun_completes_without_duplicates(tmp_path, items, serial, cluster):
    from accords.scale.dask import ingest_dask

    address, client = cluster
    src = tmp_path / "items.json"
    src.write_text(json.dumps(items))
    db = tmp_path / "dask.db"
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(CLIENT_SCRIPT))
    proc = subprocess.Popen([sys.executable, str(script), str(src), str(db), address])

    def stored() -> int:
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            try:
                return con.execute("SELECT count(*) FROM sources").fetchone()[0]
            finally:
                con.close()
        except sqlite3.Error:
            return 0

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None and stored() < 5:
        time.sleep(0.05)
    assert proc.poll() is None, "the first run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 5 <= stored() < len(items)
    summary = ingest_dask(items, str(db), client=client, batch_size=1)
    assert summary["skipped"] >= 5
    assert snapshot(db) == serial


def test_run_batches_yields_in_order_and_make_batches_checks_size(cluster):
    from accords.scale.dask import make_batches, run_batches

    _, client = cluster

    def slow_first(batch, settings):
        import time as t

        if batch[0]["i"] == 0:
            t.sleep(0.5)
        return [{"i": d["i"]} for d in batch]

    batches = make_batches([{"i": i} for i in range(9)], 2)
    assert [len(b) for b in batches] == [2, 2, 2, 2, 1]
    out = list(run_batches(client, batches, {}, fn=slow_first))
    assert [i for i, _ in out] == [0, 1, 2, 3, 4]
    assert [r["i"] for _, res in out for r in res] == list(range(9))
    with pytest.raises(Exception, match="batch size"):
        make_batches([1], 0)
