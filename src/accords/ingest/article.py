"""``read_source``: any supported input in, one clean :class:`~accords.records.Article` out.

Inputs: a path (HTML, plain text or Markdown, optionally gzip-compressed), a URL (http/https), ``'-'``
for stdin, ``bytes`` (a page or a text), or a ``str`` holding a path, a URL or the document itself.
``Article.text`` is the exact string every offset in a record points into: the body paragraphs
joined by a blank line (``"\\n\\n"``); ``Article.paragraphs`` gives each paragraph's offsets.

Bad input raises :class:`~accords.errors.InputError` (or :class:`~accords.errors.FetchError` for a
URL) with a one-line message; a usable but doubtful document comes back with ``article.warnings``.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from accords.config import Settings
from accords.errors import InputError
from accords.ingest.html import extract_html
from accords.ingest.lang import detect_language
from accords.ingest.loading import (
    MARKDOWN_SUFFIXES,
    Loaded,
    check_binary,
    decode,
    fetch_url,
    is_url,
    looks_like_html,
    maybe_gunzip,
    read_file,
    read_stdin,
)
from accords.ingest.text import parse_text
from accords.records import Article, Paragraph

EXTRACTOR_VERSION = "ingest.article.v1"
SHORT_BODY_WORDS = 40
LONG_RUN_WORDS = 1000
_SENTENCE_SPLIT = re.compile(r"[.!?;…。！？]|\n\n")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _hash(key: str, n: int = 16) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:n]


def _load(source: object, settings: Settings) -> Loaded:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > settings.max_bytes:
            raise InputError(
                f"<bytes>: {len(data):,} bytes is over the limit of {settings.max_bytes:,} bytes; "
                "raise it with ACCORDS_MAX_BYTES if this really is one article"
            )
        return Loaded(data=data, name=None)
    if isinstance(source, os.PathLike):
        return read_file(Path(os.fspath(source)), settings)
    if isinstance(source, str):
        stripped = source.strip()
        if source == "-":
            return read_stdin(settings)
        if is_url(stripped) and "\n" not in stripped and " " not in stripped:
            return fetch_url(stripped, settings)
        if "\n" not in source and len(source) < 4096 and not stripped.startswith("<"):
            path = Path(source).expanduser()
            # A one-line string that is no existing file and reads like prose is the document itself.
            if path.exists() or not _looks_like_prose(stripped):
                return read_file(path, settings)
        data = source.encode("utf-8")
        if len(data) > settings.max_bytes:
            raise InputError(
                f"<text>: {len(data):,} bytes is over the limit of {settings.max_bytes:,} bytes; "
                "raise it with ACCORDS_MAX_BYTES if this really is one article"
            )
        return Loaded(data=data, name=None)
    raise TypeError(f"read_source() takes a path, a URL, '-', bytes or str, not {type(source).__name__}")


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")


def _has_prose(paragraphs: list[str]) -> bool:
    """At least one sentence, or enough text: not just menu labels and buttons (CJK has no spaces)."""
    if sum(len(p.split()) for p in paragraphs) >= 20 or sum(len(p) for p in paragraphs) >= 150:
        return True
    return any(len(p) >= 20 and _SENTENCE_END.search(p) for p in paragraphs)


def _looks_like_prose(value: str) -> bool:
    words = value.split()
    return len(words) >= 4 and "/" not in value and "\\" not in value and not value.endswith(_FILE_ENDINGS)


_FILE_ENDINGS = (".html", ".htm", ".txt", ".md", ".markdown", ".gz", ".xhtml")


def _paragraph_spans(paragraphs: list[str]) -> tuple[str, list[Paragraph]]:
    spans: list[Paragraph] = []
    pos = 0
    for p in paragraphs:
        spans.append(Paragraph(start=pos, end=pos + len(p)))
        pos += len(p) + 2
    return "\n\n".join(paragraphs), spans


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if _DATE.match(value):
        return value
    try:
        import dateparser

        parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # noqa: BLE001 - a date we cannot read is simply absent
        return None
    return parsed.date().isoformat() if parsed else None


def read_source(source: object, settings: Settings) -> Article:
    """Read one document and return its clean article (see the module docstring for inputs)."""
    loaded = _load(source, settings)
    label = "stdin" if loaded.name == "-" else loaded.name
    label = label or ("<bytes>" if isinstance(source, bytes | bytearray | memoryview) else "<text>")
    data = maybe_gunzip(loaded.data, label, settings)
    if not data.strip():
        raise InputError(f"{label}: is empty; give a web page, a text or a Markdown file with an article")
    check_binary(data, label)
    warnings = list(loaded.warnings)
    text, encoding, replaced = decode(data, header_charset=loaded.charset)
    if replaced:
        warnings.append(f"some bytes could not be decoded as {encoding} and were replaced")
    if not text.strip():
        raise InputError(
            f"{label}: holds no text; give a web page, a text or a Markdown file with an article"
        )

    title = published = modified = site_name = canonical = html_lang = None
    authors: list[str] = []
    reactions: dict[str, int] | None = None
    if looks_like_html(text, loaded.suffix, loaded.content_type):
        doc = extract_html(text, url=loaded.url)
        if doc is None:
            raise InputError(f"{label}: cannot be parsed as HTML; check that it is a web page")
        paragraphs = doc.paragraphs
        title, site_name, authors = doc.title, doc.site_name, doc.authors
        published, canonical, html_lang, reactions = doc.date, doc.url, doc.html_lang, doc.reactions
        modified = doc.date_modified
    else:
        markdown = True if loaded.suffix in MARKDOWN_SUFFIXES else None
        tdoc = parse_text(text, markdown=markdown)
        paragraphs, title, reactions = tdoc.paragraphs, tdoc.title, tdoc.reactions
        published = tdoc.meta.get("date") or tdoc.meta.get("published")
        site_name = tdoc.meta.get("site_name") or tdoc.meta.get("source")
        author = tdoc.meta.get("author") or tdoc.meta.get("authors")
        authors = [a.strip() for a in re.split(r"[;,]", author) if a.strip()] if author else []
        canonical = tdoc.meta.get("url") or tdoc.meta.get("canonical_url")

    if not paragraphs or not _has_prose(paragraphs):
        raise InputError(
            f"{label}: no article text found (the page may be an index, a login wall or built by scripts); "
            "give the page of a single article"
        )
    body, spans = _paragraph_spans(paragraphs)
    if len(body) > settings.max_chars:
        keep: list[str] = []
        size = 0
        for p in paragraphs:
            if size + len(p) > settings.max_chars and keep:
                break
            keep.append(p[: settings.max_chars] if not keep else p)
            size += len(p) + 2
        warnings.append(
            f"body cut to {len(keep)} of {len(paragraphs)} paragraphs (max_chars {settings.max_chars:,})"
        )
        body, spans = _paragraph_spans(keep)

    # Chinese and Japanese write no spaces: count each of their characters as a word.
    words = len(body.split()) + len(_CJK.findall(body))
    if words < SHORT_BODY_WORDS:
        warnings.append(f"very short body ({words} words): this may not be an article")
    longest = max((len(run.split()) for run in _SENTENCE_SPLIT.split(body)), default=0)
    if longest > LONG_RUN_WORDS:
        warnings.append(
            f"a run of {longest:,} words without a sentence end: sentence splitting there is unreliable"
        )
    language = detect_language(body, hint=html_lang)
    if language and language != "en":
        warnings.append(f"not English ({language}): the language stages are built for English")
    elif language is None:
        warnings.append("language unknown: too little text to tell")

    url = loaded.url or canonical
    return Article(
        id=_hash(canonical or url or body),
        source=loaded.name,
        url=url,
        canonical_url=canonical,
        title=title,
        published=_iso_date(published),
        date_modified=_iso_date(modified),
        site_name=site_name,
        authors=authors,
        language=language,
        text=body,
        paragraphs=spans,
        reactions=reactions,
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        warnings=warnings,
    )
