"""Corpus sources: expand paths, directories, globs, URLs, feeds, JSONL and WARC files into item descriptors.

An item *descriptor* is a plain dict (it pickles cheaply and means the same in every process)::

    {"source": "/news/a.html", "path": "/news/a.html"}                  # a file
    {"source": "https://x.org/a", "url": "https://x.org/a", "date": "2024-03-01", "title": ..., "outlet": ...}
    {"source": "dump.jsonl:7", "text": "Body ...", "url": ..., "date": ..., "outlet": ...}   # JSONL, text
    {"source": "dump.jsonl:8", "html": "<html>...", "url": ...}                             # JSONL, page
    {"source": "crawl.warc.gz#3", "html": "...", "url": ..., "fetched": "2024-03-02"}     # WARC response
    {"source": "dump.jsonl:9", "invalid": "malformed JSON line: ...", "reason": "parse error"}

``source`` is the item's stable key: a rerun recognises finished items by it. ``date`` is a publication date
(used when the page gives none: a feed item's date is kept this way); ``fetched`` is when it was fetched.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from zlib import error as zlib_error

from accords.config import Settings, get_settings

Descriptor = dict[str, Any]

PAGE_EXTS = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".md", ".html.gz", ".htm.gz", ".txt.gz")
JSONL_EXTS = (".jsonl", ".ndjson", ".jsonl.gz")
WARC_EXTS = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_EXTS = (".rss", ".atom", ".rdf")
FEED_HINTS = ("/feed", "/rss", ".rss", ".atom", "rss.xml", "atom.xml", "/feeds/", "format=rss")


def _is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def _kind(name: str) -> str:
    low = name.lower()
    if low.endswith(JSONL_EXTS):
        return "jsonl"
    if low.endswith(WARC_EXTS):
        return "warc"
    if low.endswith(FEED_EXTS) or low.endswith(".xml") and _sniff_feed(name):
        return "feed"
    return "page"


def _sniff_feed(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048).lower()
    except OSError:
        return False
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _day(struct: Any) -> str | None:
    if not struct:
        return None
    try:
        return time.strftime("%Y-%m-%d", struct)
    except (TypeError, ValueError):
        return None


def expand_feed(source: str, data: bytes | None = None) -> Iterator[Descriptor]:
    """One descriptor per feed item (its page is fetched later), keeping the item's date, title and the feed's
    title as outlet. A feed that parses to no items (an HTML error page, say) gives one invalid descriptor."""
    import feedparser

    parsed = feedparser.parse(data if data is not None else source)
    entries = list(parsed.get("entries") or [])
    if not entries:
        why = str(parsed.get("bozo_exception") or "no items")
        yield {"source": source, "invalid": f"not a feed, or an empty one: {why}", "reason": "parse error"}
        return
    outlet = (parsed.get("feed") or {}).get("title")
    for i, entry in enumerate(entries):
        link = entry.get("link")
        date = _day(entry.get("published_parsed") or entry.get("updated_parsed"))
        desc: Descriptor = {"date": date, "title": entry.get("title"), "outlet": outlet, "feed": source}
        if link:
            desc.update(source=link, url=link)
        else:
            content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary")
            if not content:
                continue
            desc.update(source=f"{source}#{entry.get('id') or i}", html=content)
        yield {k: v for k, v in desc.items() if v is not None}


def expand_jsonl(path: str) -> Iterator[Descriptor]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            key = f"{path}:{n}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield {"source": key, "invalid": f"malformed JSON line: {exc.msg}", "reason": "parse error"}
                continue
            if not isinstance(item, dict):
                yield {"source": key, "invalid": "a JSON line that is not an object", "reason": "parse error"}
                continue
            desc: Descriptor = {"source": key}
            for k in ("url", "date", "outlet", "title"):
                if item.get(k):
                    desc[k] = str(item[k])
            if not desc.get("date") and item.get("published"):
                desc["date"] = str(item["published"])
            if item.get("html"):
                desc["html"] = str(item["html"])
            elif item.get("text"):
                desc["text"] = str(item["text"])
            elif not desc.get("url"):
                yield {
                    "source": key,
                    "invalid": "a JSON line with none of url, html, text",
                    "reason": "parse error",
                }
                continue
            yield desc


def expand_warc(path: str) -> Iterator[Descriptor]:
    """Each HTTP response (or resource) holding HTML in a WARC file; a damaged record ends the file with one
    invalid descriptor, keeping what came before."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with open(path, "rb") as fh:
            n = 0
            for rec in ArchiveIterator(fh):
                n += 1
                if rec.rec_type not in ("response", "resource"):
                    continue
                ctype = ""
                if rec.http_headers is not None:
                    if rec.http_headers.get_statuscode() not in (None, "200"):
                        continue
                    ctype = rec.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = rec.rec_headers.get_header("Content-Type") or ""
                if ctype and "html" not in ctype.lower() and "text" not in ctype.lower():
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                fetched = (rec.rec_headers.get_header("WARC-Date") or "")[:10] or None
                try:
                    body = rec.content_stream().read()
                    if getattr(rec.raw_stream, "limit", 0) > 0:
                        raise EOFError(f"record body cut short ({rec.raw_stream.limit} bytes missing)")
                except Exception as exc:  # noqa: BLE001 - truncated or corrupt payload
                    yield {"source": f"{path}#{n}", "invalid": f"unreadable WARC record: {exc}",
                           "reason": "parse error"}  # fmt: skip
                    return
                charset = "utf-8"
                if "charset=" in ctype.lower():
                    charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip() or "utf-8"
                try:
                    html = body.decode(charset, errors="replace")
                except LookupError:
                    html = body.decode("utf-8", errors="replace")
                desc = {"source": f"{path}#{n}", "html": html, "url": url, "fetched": fetched}
                yield {k: v for k, v in desc.items() if v is not None}
        if path.endswith(".gz") and not _gzip_complete(path):
            yield {"source": f"{path}#end", "invalid": "damaged WARC file: its last gzip member is truncated",
                   "reason": "parse error"}  # fmt: skip
    except Exception as exc:  # noqa: BLE001 - a damaged archive: keep what we read, record why we stopped
        yield {"source": f"{path}#end", "invalid": f"damaged WARC file: {type(exc).__name__}: {exc}",
               "reason": "parse error"}  # fmt: skip


def _gzip_complete(path: str) -> bool:
    """True when every gzip member of the file ends properly (warcio silently drops a truncated last one)."""
    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 22):
                pass
    except (EOFError, OSError, zlib_error):
        return False
    return True


def _fetch(url: str, settings: Settings) -> bytes:
    import httpx

    with httpx.Client(
        follow_redirects=True, timeout=settings.fetch_timeout, headers={"User-Agent": settings.user_agent}
    ) as client:
        r = client.get(url)
        r.raise_for_status()
        return r.content


def _looks_like_feed_url(url: str) -> bool:
    low = url.lower()
    return any(h in low for h in FEED_HINTS)


def expand_path(path: str, extensions: tuple[str, ...] | None = None) -> Iterator[Descriptor]:
    p = Path(path)
    if p.is_dir():
        exts = tuple(e.lower() for e in (extensions or PAGE_EXTS)) + JSONL_EXTS + WARC_EXTS + FEED_EXTS
        for f in sorted(p.rglob("*")):
            if f.is_file() and f.name.lower().endswith(exts) and not f.name.startswith("."):
                yield from expand_path(str(f), extensions)
        return
    full = os.path.abspath(path)
    kind = _kind(full)
    if kind == "jsonl":
        yield from expand_jsonl(full)
    elif kind == "warc":
        yield from expand_warc(full)
    elif kind == "feed":
        yield from expand_feed(full)
    else:
        yield {"source": full, "path": full}


def expand_sources(
    sources: Iterable[Any],
    *,
    extensions: Iterable[str] | None = None,
    settings: Settings | None = None,
    feeds: bool | None = None,
) -> Iterator[Descriptor]:
    """Descriptors for every item the sources name, in a stable order. ``feeds`` forces URLs to be read as
    feeds (True) or pages (False); by default a URL that looks like a feed (``/feed``, ``.rss``...) is one."""
    exts = tuple(e if e.startswith(".") else "." + e for e in extensions) if extensions else None
    for src in sources:
        if isinstance(src, dict):
            yield dict(src)
            continue
        s = str(src)
        if _is_url(s):
            if feeds or (feeds is None and _looks_like_feed_url(s)):
                try:
                    data = _fetch(s, settings or get_settings())
                except Exception as exc:  # noqa: BLE001 - recorded as the feed's failure
                    yield {
                        "source": s,
                        "invalid": f"feed could not be fetched: {exc}",
                        "reason": "HTTP error",
                    }
                    continue
                yield from expand_feed(s, data)
            else:
                yield {"source": s, "url": s}
        elif any(ch in s for ch in "*?[") and not Path(s).exists():
            matches = sorted(glob.glob(s, recursive=True))
            if not matches:
                yield {"source": s, "invalid": "the pattern matches no file", "reason": "parse error"}
            for m in matches:
                yield from expand_path(m, exts)
        elif Path(s).exists():
            yield from expand_path(s, exts)
        else:
            yield {"source": s, "invalid": "no such file or directory", "reason": "parse error"}


def feed_from_bytes(data: bytes, source: str) -> list[Descriptor]:
    return list(expand_feed(source, data))


__all__ = ["expand_sources", "expand_path", "expand_feed", "expand_jsonl", "expand_warc"]
