"""What one worker does with one batch: plain source descriptors in, plain records out. No Dask here.

A *source descriptor* is a plain dict, so that it pickles cheaply and means the same on every machine::

    {"path": "news/2024-03-01.html"}              # a file on a disk the worker can read
    {"url": "https://example.org/a.html"}          # fetched by the worker
    {"html": "<html>...", "url": "https://..."}    # a page already in hand (JSONL, WARC item)
    {"text": "Body text ...", "date": "2024-03-01", "outlet": "Reuters", "url": "..."}

Optional keys: ``date`` (publication date, kept when the page gives none), ``outlet`` (site name),
``title``, ``source`` (the label written on the record and on failures).

:func:`process_batch` returns, per descriptor, either ``{"record": <Record.model_dump(mode="json")>}`` or a
failure ``{"source": ..., "reason": ...}``.  spaCy objects never leave the process; the model is loaded once
per process by :func:`accords.nlp.load_pipeline` (an ``lru_cache``), or up front by :func:`warm_up`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from accords.config import Settings
from accords.errors import AccordsError
from accords.records import Article, Paragraph

Descriptor = dict[str, Any]
Result = dict[str, Any]

SOURCE_KEYS = ("path", "url", "html", "text")


def source_label(desc: Descriptor) -> str:
    """A short, stable label for a descriptor: its ``source``, path or URL, else a hash of its content."""
    for key in ("source", "path", "url"):
        if desc.get(key):
            return str(desc[key])
    body = desc.get("html") or desc.get("text") or ""
    kind = "html" if desc.get("html") else "text"
    return f"{kind}:{hashlib.sha256(str(body).encode('utf-8')).hexdigest()[:16]}"


def descriptor_key(desc: Descriptor) -> str:
    """sha256 of the descriptor's canonical JSON: equal descriptors, equal keys (used for batch keys)."""
    return hashlib.sha256(json.dumps(desc, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def normalise_text(text: str) -> tuple[str, list[Paragraph]]:
    """Paragraphs the same way the page reader makes them: stripped lines joined by a blank line."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    spans, pos = [], 0
    for p in paras:
        spans.append(Paragraph(start=pos, end=pos + len(p)))
        pos += len(p) + 2
    return "\n\n".join(paras), spans


def text_content_hash(text: str) -> str:
    """The ``content_hash`` a plain-text descriptor's article will carry (known before any processing)."""
    body, _ = normalise_text(text)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _article_from_text(desc: Descriptor, settings: Settings) -> Article:
    body, paras = normalise_text(str(desc["text"]))
    warnings: list[str] = []
    if not body:
        raise AccordsError("empty text")
    if len(body) > settings.max_chars:
        body = body[: settings.max_chars]
        paras = [p for p in paras if p.end <= settings.max_chars]
        warnings.append(f"text cut at {settings.max_chars} characters")
    url = desc.get("url")
    key = url or body
    return Article(
        id=hashlib.sha256(str(key).encode("utf-8")).hexdigest()[:16],
        source=source_label(desc),
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


def article_from_descriptor(desc: Descriptor, settings: Settings) -> Article:
    """Read the article a descriptor points to (the reader of the serial path, so hashes and ids agree)."""
    if not any(desc.get(k) for k in SOURCE_KEYS):
        raise AccordsError(f"source descriptor has none of {SOURCE_KEYS}: {sorted(desc)}")
    if desc.get("text") and not desc.get("html"):
        return _article_from_text(desc, settings)
    from accords.ingest import read_source

    if desc.get("html"):
        article = read_source(str(desc["html"]).encode("utf-8"), settings)
        article.source = source_label(desc)
    elif desc.get("path") and str(desc["path"]).endswith(".gz"):
        import gzip

        article = read_source(gzip.decompress(Path(str(desc["path"])).read_bytes()), settings)
        article.source = str(desc["path"])
    elif desc.get("path"):
        article = read_source(str(desc["path"]), settings)
    else:
        article = read_source(str(desc["url"]), settings)
    if desc.get("url") and not article.url:
        article.url = article.canonical_url = str(desc["url"])
    if desc.get("date") and not article.published:
        article.published = str(desc["date"])
    if desc.get("outlet") and not article.site_name:
        article.site_name = str(desc["outlet"])
    if desc.get("title") and not article.title:
        article.title = str(desc["title"])
    return article


def settings_from(settings: Settings | dict[str, Any] | None) -> Settings:
    if isinstance(settings, Settings):
        return settings
    return Settings(**(settings or {}))


def process_one(desc: Descriptor, settings: Settings) -> Result:
    """One descriptor through reading and the language stages; never raises for a bad document."""
    from accords.core import process_article

    try:
        article = article_from_descriptor(desc, settings)
        record = process_article(article, settings)
    except AccordsError as exc:
        return {"source": source_label(desc), "reason": str(exc) or type(exc).__name__}
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus run
        return {"source": source_label(desc), "reason": f"{type(exc).__name__}: {exc}"}
    return {"record": record.model_dump(mode="json")}


def process_batch(batch: list[Descriptor], settings: Settings | dict[str, Any] | None = None) -> list[Result]:
    """A batch of descriptors in, one plain result per descriptor out, in the same order."""
    s = settings_from(settings)
    return [process_one(desc, s) for desc in batch]


def warm_up(settings: Settings | dict[str, Any] | None = None) -> str:
    """Load the spaCy pipeline into this process's cache now (a worker calls it once at start)."""
    from accords.nlp import load_pipeline

    s = settings_from(settings)
    nlp = load_pipeline(s.model)
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"
