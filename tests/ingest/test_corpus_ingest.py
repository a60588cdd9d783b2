"""Corpus ingest end to end with the language model, on short real news texts read from ../shared/eval.

Folder twice, a second URL, a killed run resumed, two workers, feeds, WARC, JSONL with a bad line, failures.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from accords.config import get_settings
from accords.ingest.corpus import ingest
from accords.store import Store

pytestmark = pytest.mark.slow

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "quotes" / "dev.jsonl"


@functools.cache
def real_texts(n: int = 14, chars: int = 1500) -> list[str]:
    """The first ``n`` PolNeAR dev articles, each cut after the paragraph that passes ``chars`` characters."""
    if not DEV.exists():
        pytest.skip(f"{DEV} is absent: these tests read ../shared beside the clone (the eval sets)")
    out = []
    for line in DEV.read_text(encoding="utf-8").splitlines()[:n]:
        text = json.loads(line)["text"]
        cut = text.find("\n", chars)
        out.append(text[: cut if cut > 0 else len(text)])
    return out


def snapshot(db: str) -> dict[str, object]:
    """Everything a run leaves in the store, minus timestamps and run-specific paths."""
    with Store(db) as st:
        arts = sorted(
            (a["id"], a["record_id"], a["version"], bool(a["is_current"]), a["canonical_id"], a["n_events"],
             a["n_quotes"]) for a in st.articles(limit=100_000)
        )  # fmt: skip
        evs, _ = st.events(include_flagged=True, include_duplicates=True, limit=100_000)
        qts, _ = st.quotes(limit=100_000)
        return {
            "articles": arts,
            "events": sorted(
                (
                    e["id"],
                    e["event"],
                    tuple(e["actor_codes"]),
                    tuple(e["recipient_codes"]),
                    e["date"],
                    e["incident_id"],
                    e["visible"],
                )
                for e in evs
            ),  # fmt: skip
            "quotes": sorted((q["id"], q["speaker"], q["text"]) for q in qts),
            "counts": st.counts(),
        }


def write_folder(path: Path, texts: list[str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for i, t in enumerate(texts):
        (path / f"{i:03d}.txt").write_text(t, encoding="utf-8")
    return path


@pytest.fixture
def settings():
    return get_settings()


def test_corpus_folder_ingested_twice_leaves_counts_unchanged(tmp_path, settings):
    folder = write_folder(tmp_path / "news", real_texts()[:4])
    db = str(tmp_path / "a.db")
    first = ingest([str(folder)], db, settings=settings, progress=False)
    assert first["added"] == 4 and first["failed"] == 0
    before = snapshot(db)
    assert before["counts"]["events"] + before["counts"]["quotes"] > 0
    again = ingest([str(folder)], db, settings=settings, progress=False)
    assert again["skipped"] == 4 and again["added"] == 0
    copy = write_folder(tmp_path / "copy", real_texts()[:4])  # same bodies under other paths
    third = ingest([str(copy)], db, settings=settings, progress=False)
    assert third["unchanged"] == 4
    assert snapshot(db) == before


def test_corpus_same_article_under_a_second_url_is_a_duplicate_counted_once(tmp_path, settings):
    t = real_texts()
    dump = tmp_path / "dump.jsonl"
    lines = [{"url": "https://one.example/story", "text": t[0], "outlet": "One", "date": "2016-10-01"},
             {"url": "https://two.example/copy", "text": t[0], "outlet": "Two", "date": "2016-10-01"},
             {"url": "https://three.example/other", "text": t[1], "outlet": "Three"}]  # fmt: skip
    dump.write_text("".join(json.dumps(x) + "\n" for x in lines))
    db = str(tmp_path / "d.db")
    out = ingest([str(dump)], db, settings=settings, progress=False)
    assert (out["added"], out["duplicate"]) == (2, 1)
    with Store(db) as st:
        arts = {a["url"]: a for a in st.articles()}
        assert arts["https://two.example/copy"]["canonical_id"] == arts["https://one.example/story"]["id"]
        rows, total = st.events(include_flagged=True)
        assert {r["url"] for r in rows} <= {"https://one.example/story", "https://three.example/other"}
        single = ingest([str(dump)], str(tmp_path / "single.db"), settings=settings, progress=False, limit=1)
        assert single["added"] == 1
    with Store(str(tmp_path / "single.db")) as st1:
        own = st1.events(include_flagged=True)[1]
    with Store(db) as st:
        assert st.events(include_flagged=True, article_id=arts["https://one.example/story"]["id"])[1] == own


def test_corpus_jsonl_malformed_line_is_recorded_and_the_run_goes_on(tmp_path, settings):
    t = real_texts()
    dump = tmp_path / "bad.jsonl"
    dump.write_text(
        json.dumps({"url": "https://j.example/1", "text": t[2]}) + "\n"
        + '{"url": "https://j.example/2", "text": "unterminated\n'
        + json.dumps({"url": "https://j.example/3", "text": t[3]}) + "\n"
    )  # fmt: skip
    db = str(tmp_path / "j.db")
    out = ingest([str(dump)], db, settings=settings, progress=False)
    assert (out["added"], out["failed"]) == (2, 1)
    with Store(db) as st:
        fails = st.failures()
    assert [(f["source"], f["reason"]) for f in fails] == [(f"{dump}:2", "parse error")]
    assert "malformed" in fails[0]["detail"]
    again = ingest([str(dump)], db, settings=settings, progress=False)
    assert again["skipped"] == 3


def _page(title: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paras}</article></body></html>"


@pytest.fixture
def served(tmp_path):
    root = tmp_path / "site"
    root.mkdir()

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *a: object) -> None:
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_corpus_feed_items_are_fetched_and_keep_the_feed_date(tmp_path, settings, served):
    root, base = served
    t = real_texts()
    (root / "a.html").write_text(_page("First story", t[4]))
    (root / "b.html").write_text(_page("Second story", t[5]))
    feed = tmp_path / "wire.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Desk</title>'
        f"<item><title>First story</title><link>{base}/a.html</link><pubDate>Fri, 16 May 2025 10:00:00 GMT</pubDate></item>"
        f"<item><title>Second story</title><link>{base}/b.html</link><pubDate>Sat, 17 May 2025 10:00:00 GMT</pubDate></item>"
        f"<item><title>Gone</title><link>{base}/missing.html</link><pubDate>Sat, 17 May 2025 10:00:00 GMT</pubDate></item>"
        "</channel></rss>"
    )
    db = str(tmp_path / "f.db")
    out = ingest([str(feed)], db, settings=settings, progress=False)
    assert (out["added"], out["failed"]) == (2, 1)
    with Store(db) as st:
        arts = {a["url"]: a for a in st.articles()}
        assert arts[f"{base}/a.html"]["published"] == "2025-05-16"
        assert arts[f"{base}/b.html"]["date"] == "2025-05-17"
        assert arts[f"{base}/a.html"]["outlet"] == "Wire Desk" and arts[f"{base}/a.html"]["fetched_date"]
        assert [(f["source"], f["reason"]) for f in st.failures()] == [(f"{base}/missing.html", "HTTP error")]


def test_corpus_warc_file_is_ingested(tmp_path, settings):
    from test_corpus_sources import write_warc

    t = real_texts()
    warc = tmp_path / "crawl.warc.gz"
    write_warc(
        warc,
        [("https://w.example/a", _page("WARC one", t[6])), ("https://w.example/b", _page("WARC two", t[7]))],
    )
    db = str(tmp_path / "w.db")
    out = ingest([str(warc)], db, settings=settings, progress=False)
    assert out["added"] == 2
    with Store(db) as st:
        arts = st.articles()
        assert {a["url"] for a in arts} == {"https://w.example/a", "https://w.example/b"}
        assert all(a["fetched_date"] for a in arts)
        assert st.search("WARC")  # titles are searchable


def test_corpus_failures_carry_their_reason(tmp_path, settings):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "french.txt").write_text(
        "Les négociations entre la Russie et l'Ukraine ont repris vendredi à Istanbul, selon les délégations. "
        * 6
    )
    (folder / "big.txt").write_text(real_texts()[8] * 20)
    db = str(tmp_path / "x.db")
    small = settings.model_copy(update={"max_bytes": 20_000})
    out = ingest([str(folder)], db, settings=small, progress=False)
    assert out["failed"] == 3
    with Store(db) as st:
        reasons = {Path(f["source"]).name: f["reason"] for f in st.failures()}
    assert reasons == {"binary.html": "not an article", "french.txt": "not English", "big.txt": "too large"}


def _article_count(db: str) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_corpus_run_killed_with_sigkill_resumes_to_the_same_records(tmp_path, settings):
    texts = real_texts(14, 3000)
    folder = write_folder(tmp_path / "news", texts)
    ref = str(tmp_path / "ref.db")
    ingest([str(folder)], ref, settings=settings, progress=False)
    db = str(tmp_path / "killed.db")
    cmd = [
        sys.executable,
        "-c",
        "from accords.cli import main; main()",
        "ingest",
        str(folder),
        "--db",
        db,
        "-q",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())
    deadline = time.time() + 300
    seen = 0
    while time.time() < deadline and proc.poll() is None:
        seen = _article_count(db)
        if seen >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, (
        f"the run ended before it could be killed: {proc.stderr.read().decode()[-500:]}"
    )
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = _article_count(db)
    assert 0 < killed_at < len(texts)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    out = ingest([str(folder)], db, settings=settings, progress=False)
    assert out["added"] + out["skipped"] + out["unchanged"] == len(texts)
    assert snapshot(db) == snapshot(ref)


def test_corpus_two_workers_give_the_records_of_a_serial_run(tmp_path, settings):
    texts = real_texts()[:6]
    texts.append(texts[0])  # an exact copy under another name: a duplicate either way
    folder = write_folder(tmp_path / "news", texts)
    serial, parallel = str(tmp_path / "s.db"), str(tmp_path / "p.db")
    a = ingest([str(folder)], serial, settings=settings, progress=False)
    b = ingest([str(folder)], parallel, settings=settings, progress=False, workers=2)
    assert a["added"] == 6 and b["added"] == 6
    assert snapshot(serial) == snapshot(parallel)


def test_corpus_recode_reruns_coders_and_keeps_corrections(tmp_path, settings):
    from accords.ingest.corpus import recode

    folder = write_folder(tmp_path / "news", real_texts()[:6])
    db = str(tmp_path / "r.db")
    ingest([str(folder)], db, settings=settings, progress=False)
    before = snapshot(db)
    with Store(db) as st:
        rows, total = st.events(include_flagged=True)
        assert total > 0
        target = rows[0]
        new_type = "AID" if target["event"] != "AID" else "SUPPORT"
        st.add_correction("event", target["id"], {"event": new_type}, author="tester")
    out = recode(db, settings=settings, progress=False)
    assert out["articles"] == 6 and out["corrections_kept"] == 1
    assert out["events_after"] == out["events_before"]  # same coder, same output
    after = snapshot(db)
    assert after["articles"] == before["articles"] and after["quotes"] == before["quotes"]
    with Store(db) as st:
        row = next(r for r in st.events(include_flagged=True, limit=1000)[0] if r["id"] == target["id"])
        assert row["event"] == new_type and row["correction"]["machine"]["event"] == target["event"]


def test_corpus_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path, settings):
    import multiprocessing

    texts = real_texts(10, 3000)
    folder = write_folder(tmp_path / "news", texts)
    serial, parallel = str(tmp_path / "s.db"), str(tmp_path / "p.db")
    ingest([str(folder)], serial, settings=settings, progress=False)
    killed: list[int] = []

    def killer() -> None:
        deadline = time.time() + 300
        while time.time() < deadline and not killed:
            kids = multiprocessing.active_children()
            if len(kids) >= 2 and _article_count(parallel) >= 2:
                os.kill(kids[0].pid, signal.SIGKILL)
                killed.append(kids[0].pid)
                return
            time.sleep(0.05)

    t = threading.Thread(target=killer, daemon=True)
    t.start()
    out = ingest([str(folder)], parallel, settings=settings, progress=False, workers=2)
    t.join(5)
    assert killed, "no worker was killed: the run ended first"
    assert out["added"] == len(texts) and out["failed"] == 0
    assert snapshot(parallel) == snapshot(serial)


@pytest.mark.postgres
def test_corpus_ingest_into_postgresql_matches_sqlite(tmp_path, settings):
    pg = os.environ.get("ACCORDS_TEST_POSTGRES")
    if not pg:
        pytest.skip("ACCORDS_TEST_POSTGRES is unset: export $(bash scripts/start-postgres.sh) to run it")
    import uuid

    import psycopg

    name = "accords_ingest_" + uuid.uuid4().hex[:10]
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{pg.rsplit('/', 1)[0]}/{name}"
    try:
        texts = real_texts()[:3]
        dump = tmp_path / "dump.jsonl"
        lines = [{"url": f"https://pg.example/{i}", "text": t} for i, t in enumerate([*texts, texts[0]])]
        dump.write_text("".join(json.dumps(x) + "\n" for x in lines))
        lite = str(tmp_path / "l.db")
        a = ingest([str(dump)], lite, settings=settings, progress=False)
        b = ingest([str(dump)], url, settings=settings, progress=False)
        assert (b["added"], b["duplicate"]) == (a["added"], a["duplicate"]) == (3, 1)
        assert snapshot(url) == snapshot(lite)
        with Store(url) as st:
            word = texts[1].split()[3].strip(".,;:!?\"'")
            assert st.search(word)
    finally:
        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
