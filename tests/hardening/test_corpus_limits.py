"""Limits and store integrity in corpus runs: a feed that is an error page, a document over the size or
time limit, and the web UI reading while an ingest writes. Each problem is a recorded failure, never a
stopped run, and readers never see "database is locked"."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from accords.config import Settings
from accords.ingest.corpus import ingest
from accords.store import Store

pytestmark = pytest.mark.slow

GOOD = (
    "Talks resume in Ankara\n\nRussia demanded on Monday that Ukraine withdraw its troops from Kherson, "
    "Turkish officials said. The United Nations called on both sides to observe a ceasefire.\n"
)


class _ErrorPage(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = b"<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
        self.send_response(200)  # error pages are often served with 200
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def error_feed_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ErrorPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.rss"
    server.shutdown()


def _failures(db: Path) -> list[dict]:
    with Store(str(db)) as st:
        return st.failures()


def test_hardening_feed_that_is_an_html_error_page_is_recorded(tmp_path: Path, error_feed_url: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    db = tmp_path / "f.db"
    summary = ingest([error_feed_url, str(good)], str(db), feeds=True, progress=False)
    assert summary["added"] == 1 and summary["failed"] == 1
    (fail,) = _failures(db)
    assert fail["source"] == error_feed_url
    assert fail["reason"] == "parse error" and "not a feed" in (fail.get("detail") or "")


def test_hardening_document_over_size_limit_is_recorded_as_too_large(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(GOOD + "More words follow here. " * 2_000)
    (tmp_path / "small.txt").write_text(GOOD)
    db = tmp_path / "s.db"
    summary = ingest([str(tmp_path)], str(db), settings=Settings(max_bytes=5_000), progress=False)
    assert summary["added"] == 1 and summary["failed"] == 1
    (fail,) = _failures(db)
    assert fail["reason"] == "too large" and fail["source"].endswith("big.txt")


def test_hardening_document_over_time_limit_is_recorded_as_timeout(tmp_path: Path) -> None:
    (tmp_path / "slow.txt").write_text("Long report\n\n" + GOOD * 400)
    db = tmp_path / "t.db"
    summary = ingest([str(tmp_path)], str(db), settings=Settings(doc_timeout=0.05), progress=False)
    assert summary["failed"] == 1
    (fail,) = _failures(db)
    assert fail["reason"] == "timeout" and "doc_timeout" in (fail.get("detail") or "")


def test_hardening_web_reads_while_ingest_writes(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from accords.web.app import create_app

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):
        (docs / f"a{i}.txt").write_text(
            f"Report number {i}\n\n" + GOOD.replace("Monday", f"day {i}") * (i + 1)
        )
    db = tmp_path / "rw.db"
    with Store(str(db)):
        pass  # create the schema before the reader opens it
    proc = subprocess.Popen(
        [sys.executable, "-m", "accords.cli", "ingest", str(docs), "--db", str(db), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    statuses: list[int] = []
    errors: list[str] = []
    store = Store(str(db))
    try:
        with TestClient(create_app(store)) as client:
            deadline = time.monotonic() + 300
            while proc.poll() is None and time.monotonic() < deadline:
                for path in ("/api/events?include_flagged=true", "/api/search?q=ceasefire", "/events"):
                    r = client.get(path)
                    statuses.append(r.status_code)
                    if r.status_code != 200 or "locked" in r.text:
                        errors.append(f"{path}: {r.status_code} {r.text[:200]}")
                time.sleep(0.05)
    finally:
        store.close()
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "locked" not in err
    assert statuses and not errors
    with Store(str(db)) as st:
        assert len(st.articles(limit=50)) == 12


def test_hardening_time_limit_holds_in_a_worker_thread() -> None:
    """Dask runs documents in worker threads, where SIGALRM cannot reach: the cooperative deadline must."""
    import threading

    from accords.ingest.corpus import process_item

    results: list[dict] = []
    desc = {"source": "slow", "text": "Long report\n\n" + GOOD * 400}
    t = threading.Thread(target=lambda: results.append(process_item(desc, Settings(doc_timeout=0.05))))
    t.start()
    t.join(120)
    assert results and results[0]["kind"] == "failed"
    assert results[0]["reason"] == "timeout" and "doc_timeout" in results[0]["detail"]
    # The same document without a limit, in a thread, is a record: the limit, not the thread, failed it.
    results.clear()
    t = threading.Thread(target=lambda: results.append(process_item(desc, Settings(doc_timeout=0))))
    t.start()
    t.join(300)
    assert results and results[0]["kind"] == "record"
