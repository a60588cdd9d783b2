"""Minimal article reader (placeholder to be replaced by the full extractor of the foundation issue)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import trafilatura

from accords.config import Settings
from accords.errors import InputError
from accords.records import Article, Paragraph


def _article_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def read_source(source: object, settings: Settings) -> Article:
    if isinstance(source, bytes):
        raw, name = source, None
    elif source == "-":
        raw, name = sys.stdin.buffer.read(), "-"
    else:
        path = Path(str(source))
        if not path.exists():
            raise InputError(f"{source}: no such file")
        raw, name = path.read_bytes(), str(path)
    html = raw.decode("utf-8", errors="replace")
    doc = trafilatura.bare_extraction(html, with_metadata=True, output_format="python", as_dict=True)
    if not doc or not doc.get("text"):
        raise InputError(f"{name}: no article text found")
    paras = [p.strip() for p in doc["text"].split("\n") if p.strip()]
    text = "\n\n".join(paras)
    spans, pos = [], 0
    for p in paras:
        spans.append(Paragraph(start=pos, end=pos + len(p)))
        pos += len(p) + 2
    url = doc.get("url")
    return Article(
        id=_article_id(url or text),
        source=name,
        url=url,
        canonical_url=url,
        title=doc.get("title"),
        published=doc.get("date"),
        site_name=doc.get("sitename"),
        authors=[a.strip() for a in (doc.get("author") or "").split(";") if a.strip()],
        language=doc.get("language"),
        text=text,
        paragraphs=spans,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
