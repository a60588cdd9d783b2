"""Corpus runs: many sources into the store, each article processed once, failures recorded, resumable.

``ingest(sources, db)`` expands the sources into items (:mod:`accords.ingest.sources`), skips the items a
previous run finished (the ``sources`` table: same key and same bytes), sends the rest to ``workers``
processes (each loads the language model once) and writes every result from this process only: one writer,
one transaction per article. A run killed at any point and started again finishes the work with nothing lost
and nothing twice: a finished article is either committed with its outputs or not at all, and an item whose
article is already stored is recognised by its content hash before any language processing.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from accords.config import Settings, get_settings
from accords.errors import DocTimeout, FetchError, InputError
from accords.ingest.sources import Descriptor, expand_sources
from accords.pipeline import deadline
from accords.records import Article, Paragraph, Record

# Failure reasons recorded in the store (accords failures lists them).
REASONS = (
    "HTTP error",
    "not an article",
    "not English",
    "parse error",
    "too large",
    "timeout",
    "pipeline error",
)


def _hash16(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _normalise_text(text: str) -> tuple[str, list[Paragraph]]:
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    spans, pos = [], 0
    for p in paras:
        spans.append(Paragraph(start=pos, end=pos + len(p)))
        pos += len(p) + 2
    return "\n\n".join(paras), spans


def read_item(desc: Descriptor, settings: Settings) -> Article:
    """The article of one item descriptor (plain text is taken as it is; pages go through ``read_source``)."""
    from accords.ingest import read_source

    key = str(desc.get("source") or desc.get("path") or desc.get("url") or "")
    if desc.get("text") and not desc.get("html"):
        raw = str(desc["text"])
        if len(raw.encode("utf-8")) > settings.max_bytes:
            raise InputError(f"{key}: too large ({len(raw):,} characters > max_bytes {settings.max_bytes:,})")
        body, paras = _normalise_text(raw)
        if not body:
            raise InputError(f"{key}: no article text found (empty text)")
        warnings = []
        if len(body) > settings.max_chars:
            body = body[: settings.max_chars]
            paras = [p for p in paras if p.end <= settings.max_chars]
            warnings.append(f"text cut at {settings.max_chars} characters")
        url = desc.get("url")
        art = Article(
            id=_hash16(url or body),
            source=key,
            url=url,
            canonical_url=url,
            title=desc.get("title"),
            published=desc.get("date"),
            site_name=desc.get("outlet"),
            text=body,
            paragraphs=paras,
            content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
            warnings=warnings,
            reactions=None,
        )
        return art
    if desc.get("html"):
        data = str(desc["html"]).encode("utf-8")
        if len(data) > settings.max_bytes:
            raise InputError(f"{key}: too large ({len(data):,} bytes > max_bytes {settings.max_bytes:,})")
        art = read_source(data, settings)
    elif desc.get("path"):
        art = read_source(str(desc["path"]), settings)
    elif desc.get("url"):
        art = read_source(str(desc["url"]), settings)
    else:
        raise InputError(f"{key}: the item has none of path, url, html, text")
    art.source = key
    url = desc.get("url")
    if url and not art.url:
        art.url = str(url)
        if not art.canonical_url:
            art.id = _hash16(str(url))
    if desc.get(
        "date"
    ):  # a feed's or a JSONL line's date is the publisher's own: it beats a date guessed from the page
        art.published = str(desc["date"])[:10]
    if desc.get("outlet"):  # likewise the feed's title or the JSONL's outlet
        art.site_name = str(desc["outlet"])
    if desc.get("title") and not art.title:
        art.title = str(desc["title"])
    return art


def classify(exc: BaseException) -> str:
    """The failure reason of an exception raised while reading or processing one item."""
    msg = str(exc).lower()
    if isinstance(exc, TimeoutError) or "timed out" in msg or "timeout" in msg:
        return "timeout"
    if "too large" in msg or "max_bytes" in msg:
        return "too large"
    if isinstance(exc, FetchError):
        return "HTTP error"
    if isinstance(exc, InputError):
        if "cannot be parsed" in msg or "malformed" in msg:
            return "parse error"
        return "not an article"
    if type(exc).__module__.startswith(("httpx", "httpcore")):
        return "HTTP error"
    if isinstance(exc, UnicodeError | ValueError | OSError):
        return "parse error"
    return "pipeline error"


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """A hard limit (SIGALRM, backed by the cooperative deadline) in the main thread; elsewhere (Dask worker threads) the pipeline's cooperative
    deadline, checked between stages and between spaCy components."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        with deadline(seconds):
            yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise DocTimeout(f"took longer than doc_timeout {seconds:g}s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        # The cooperative deadline backs the alarm up: an alarm that lands in a garbage-collector
        # callback raises where Python can only swallow it, and the next stage check still stops the page.
        with deadline(seconds):
            yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# ----------------------------------------------------------------------------- worker side
_W: dict[str, Any] = {}


def _init_worker(settings: dict[str, Any], db: str | None, warm: bool = True) -> None:
    from accords.store import Store

    _W["settings"] = Settings(**settings)
    _W["store"] = Store(db) if db else None
    if warm:
        from accords.core import process_article

        text = "Russia and Ukraine met in Istanbul on Friday, officials said."
        process_article(
            Article(id="warm", source=None, published=None, reactions=None, text=text, content_hash="warm"),
            _W["settings"],
        )


def process_item(desc: Descriptor, settings: Settings, store: Any = None) -> dict[str, Any]:
    """One item to a plain result: ``{"kind": "record", "record": json}``, ``{"kind": "unchanged", ...}`` or
    ``{"kind": "failed", "reason", "detail"}``. Never raises for a bad document."""
    from accords.core import process_article

    key = desc.get("source", "?")
    if desc.get("invalid"):
        return {"kind": "failed", "reason": desc.get("reason") or "parse error", "detail": desc["invalid"]}
    try:
        with _time_limit(settings.doc_timeout):
            article = read_item(desc, settings)
            if article.language and not article.language.startswith("en"):
                return {
                    "kind": "failed",
                    "reason": "not English",
                    "detail": f"{key}: language {article.language}",
                }
            chash = article.content_hash or hashlib.sha256(article.text.encode()).hexdigest()
            if store is not None and store.has_version(article.id, chash):
                return {"kind": "unchanged", "article_id": article.id}
            # An exact copy of a stored article is kept as a link to it, without a second analysis.
            exact_copy = store is not None and store.has_content(chash)
            record = process_article(article, settings, stages=() if exact_copy else _stages())
    except DocTimeout as exc:
        return {"kind": "failed", "reason": "timeout", "detail": f"{key}: {exc}"}
    except Exception as exc:  # noqa: BLE001 - one bad document never stops a corpus run
        return {"kind": "failed", "reason": classify(exc), "detail": f"{type(exc).__name__}: {exc}"[:2000]}
    return {"kind": "record", "record": record.model_dump_json()}


def _stages() -> tuple[str, ...]:
    from accords.pipeline import DEFAULT_STAGES

    return tuple(DEFAULT_STAGES)


def _work(desc: Descriptor) -> dict[str, Any]:
    return process_item(desc, _W["settings"], _W["store"])


# ----------------------------------------------------------------------------- writer side
def _raw_hash(desc: Descriptor) -> str | None:
    h = hashlib.sha256()
    if desc.get("invalid"):
        h.update(b"invalid:" + str(desc["invalid"]).encode())
    elif desc.get("html") or desc.get("text"):
        h.update(str(desc.get("html") or desc.get("text")).encode("utf-8", errors="replace"))
        h.update(repr((desc.get("url"), desc.get("date"), desc.get("outlet"))).encode())
    elif desc.get("path"):
        try:
            with open(desc["path"], "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
        except OSError:
            return None
    else:
        return None  # a URL: its content is known only once fetched
    return h.hexdigest()


def _finished(state: tuple[str | None, str] | None, raw: str | None, desc: Descriptor, refresh: bool,
              retry_failed: bool) -> bool:  # fmt: skip
    if state is None:
        return False
    old_raw, status = state
    if raw is None:  # fetched item (URL, feed entry): fetched again only on --refresh or after a failure
        return not refresh and status != "failed"
    if old_raw != raw:
        return False
    return not (status == "failed" and retry_failed)


def pending_items(
    store: Any,
    sources: Iterable[Any],
    counts: Counter[str],
    *,
    settings: Settings,
    extensions: Iterable[str] | None,
    feeds: bool | None,
    limit: int | None,
    refresh: bool,
    retry_failed: bool,
) -> tuple[list[Descriptor], list[tuple[Descriptor, str | None]]]:
    """Expand ``sources`` and keep the items an earlier run did not finish (repeats and finished ones count
    as skipped). Returns (all items, [(item, raw hash)] still to do); every engine resumes through this."""
    items = list(expand_sources(sources, extensions=extensions, settings=settings, feeds=feeds))
    if limit is not None:
        items = items[:limit]
    todo: list[tuple[Descriptor, str | None]] = []
    seen: set[str] = set()
    for d in items:
        key = d["source"]
        if key in seen:
            counts["skipped"] += 1
            continue
        seen.add(key)
        raw = _raw_hash(d)
        if _finished(store.source_state(key), raw, d, refresh, retry_failed):
            counts["skipped"] += 1
        else:
            todo.append((d, raw))
    return items, todo


def ingest(
    sources: Iterable[Any],
    db: str = "accords.db",
    *,
    workers: int = 1,
    settings: Settings | None = None,
    extensions: Iterable[str] | None = None,
    refresh: bool = False,
    retry_failed: bool = False,
    feeds: bool | None = None,
    limit: int | None = None,
    progress: bool = True,
    console: Any = None,
) -> dict[str, Any]:
    """Ingest ``sources`` into the store ``db``; returns counts: added, unchanged, new-version, duplicate,
    skipped (finished by an earlier run), failed, with seconds and articles per second."""
    from accords.store import Store

    settings = settings or get_settings()
    t0 = time.perf_counter()
    counts: Counter[str] = Counter()
    with Store(db) as store:
        items, todo = pending_items(
            store, sources, counts, settings=settings, extensions=extensions, feeds=feeds, limit=limit,
            refresh=refresh, retry_failed=retry_failed,
        )  # fmt: skip
        bar = IngestProgress(len(items), counts, progress, console)
        with bar:
            bar.advance(counts["skipped"])
            for (desc, raw), res in zip(
                todo, _results([d for d, _ in todo], settings, db, workers), strict=True
            ):
                write_result(store, desc, raw, res, counts)
                bar.advance(1)
    secs = time.perf_counter() - t0
    processed = counts["added"] + counts["new-version"] + counts["duplicate"] + counts["unchanged"]
    return {
        "items": len(items),
        **{k: counts[k] for k in ("added", "unchanged", "new-version", "duplicate", "skipped", "failed")},
        "seconds": round(secs, 2),
        "rate": round(processed / secs, 3) if secs else 0.0,
    }


def _results(descs: list[Descriptor], settings: Settings, db: str, workers: int) -> Iterator[dict[str, Any]]:
    """One result per descriptor, in input order. With several workers a window of items is in flight; if a
    worker process dies (a crash in native code, the OOM killer), the items in flight are tried again in a
    fresh pool, and an item in flight at two such deaths is recorded as a failure instead of stopping the run."""
    if not descs:
        return
    if workers <= 1 or len(descs) == 1:
        from accords.store import Store

        with Store(db) as reader:
            for d in descs:
                yield process_item(d, settings, reader)
        return
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    n = min(workers, len(descs))
    window = 4 * n
    init = (settings.model_dump(), db, True)

    def pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            n, mp_context=mp.get_context("spawn"), initializer=_init_worker, initargs=init
        )

    ex = pool()
    inflight: dict[int, Future[dict[str, Any]]] = {}
    deaths: Counter[int] = Counter()
    nxt = 0
    try:
        for i in range(len(descs)):
            while nxt < len(descs) and len(inflight) < window:
                inflight[nxt] = ex.submit(_work, descs[nxt])
                nxt += 1
            while True:
                try:
                    res = inflight[i].result()
                    break
                except BrokenProcessPool:
                    ex.shutdown(wait=False, cancel_futures=True)
                    ex = pool()
                    for k in sorted(inflight):
                        deaths[k] += 1
                    for k in sorted(inflight):
                        if k != i or deaths[k] < 2:
                            inflight[k] = ex.submit(_work, descs[k])
                    if deaths[i] >= 2:
                        res = {"kind": "failed", "reason": "pipeline error",
                               "detail": "a worker process died while processing it (twice)"}  # fmt: skip
                        break
            del inflight[i]
            yield res
    finally:
        ex.shutdown(wait=True, cancel_futures=True)


def write_result(
    store: Any, desc: Descriptor, raw: str | None, res: dict[str, Any], counts: Counter[str]
) -> None:
    """Store one item's result (record, failure or unchanged) and mark its source; the one writer of both engines."""
    key = desc["source"]
    if res["kind"] == "failed":
        store.add_failure(key, res["reason"], res.get("detail"))
        store.mark_source(key, raw, "failed")
        counts["failed"] += 1
        return
    if res["kind"] == "unchanged":
        store.mark_source(key, raw, "unchanged", res.get("article_id"))
        counts["unchanged"] += 1
        return
    record = Record.model_validate_json(res["record"])
    fetched = desc.get("fetched")
    if not fetched and desc.get("url") and not (desc.get("html") or desc.get("text")):
        fetched = datetime.now(UTC).date().isoformat()
    try:
        status = store.add_record(record, source=key, fetched_date=fetched)
    except (IntegrityError, ValueError) as exc:  # a record the store cannot hold: recorded, the run goes on
        store.add_failure(
            key, "pipeline error", f"the store refused the record: {type(exc).__name__}: {exc}"[:2000]
        )
        store.mark_source(key, raw, "failed")
        counts["failed"] += 1
        return
    store.mark_source(key, raw, status, record.id)
    counts[status] += 1


class IngestProgress:
    """A rich progress bar: done/total, added, skipped, failed, rate and ETA (silent when disabled)."""

    def __init__(self, total: int, counts: Counter[str], enabled: bool, console: Any) -> None:
        self.counts = counts
        self.enabled = enabled
        self.total = total
        self.t0 = time.perf_counter()
        self.done = 0
        if enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("[bold]ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[stats]}"),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=console,
                transient=False,
            )
            self.task = self.progress.add_task("ingest", total=total, stats="", rate="")

    def __enter__(self) -> IngestProgress:
        if self.enabled:
            self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.progress.__exit__(None, None, None)

    def advance(self, n: int) -> None:
        self.done += n
        if not self.enabled or n == 0:
            return
        c = self.counts
        new = c["added"] + c["new-version"] + c["duplicate"]
        stats = f"new {new} · dup {c['duplicate']} · skipped {c['skipped'] + c['unchanged']} · failed {c['failed']}"
        secs = max(time.perf_counter() - self.t0, 1e-6)
        worked = self.done - c["skipped"]
        self.progress.update(self.task, advance=n, stats=stats, rate=f"{worked / secs:.2f} art/s")


def recode(
    db: str = "accords.db",
    *,
    settings: Settings | None = None,
    stages: Iterable[str] | None = None,
    progress: bool = True,
    console: Any = None,
    limit: int | None = None,
) -> dict[str, int]:
    """Rerun the language stages over every current stored article and swap in the new quotes and events.
    Human corrections are kept: they live apart and are laid over the new output by id."""
    from accords.core import process_article
    from accords.store import Store

    settings = settings or get_settings()
    out: Counter[str] = Counter()
    with Store(db, create=False) as store:
        total = store.counts()["current"]
        if limit is not None:
            total = min(total, limit)
        with IngestProgress(total, Counter(), progress, console) as bar:
            for i, (key, rec) in enumerate(store.iter_records()):
                if limit is not None and i >= limit:
                    break
                try:
                    new = process_article(rec.article, settings, tuple(stages) if stages else _stages())
                except Exception as exc:  # noqa: BLE001 - one article never stops a recode
                    store.add_failure(f"recode:{key}", classify(exc), f"{type(exc).__name__}: {exc}")
                    out["failed"] += 1
                    bar.advance(1)
                    continue
                r = store.replace_outputs(key, new)
                out["articles"] += 1
                out["events_before"] += r["events_before"]
                out["events_after"] += r["events_after"]
                out["quotes_before"] += r["quotes_before"]
                out["quotes_after"] += r["quotes_after"]
                bar.advance(1)
        out["corrections_kept"] = len(store.corrections())
    return dict(out)


__all__ = ["ingest", "recode", "read_item", "process_item", "classify", "REASONS"]
