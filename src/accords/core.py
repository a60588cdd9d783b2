"""The one front door: a source in, a :class:`~accords.records.Record` out."""

from __future__ import annotations

from collections.abc import Iterable

from accords._version import __version__
from accords.config import Settings, get_settings
from accords.ingest import read_source
from accords.pipeline import DEFAULT_STAGES, Work, run_stages
from accords.records import Article, Record


def new_record(article: Article) -> Record:
    return Record(
        id=article.id,
        accords_version=__version__,
        status="warning" if article.warnings else "ok",
        reason="; ".join(article.warnings) or None,
        article=article,
    )


def process_article(
    article: Article, settings: Settings | None = None, stages: Iterable[str] = DEFAULT_STAGES
) -> Record:
    """Run the language stages over an already extracted article."""
    settings = settings or get_settings()
    work = run_stages(Work(record=new_record(article), settings=settings), stages)
    return work.record


def extract(
    source: object,
    *,
    settings: Settings | None = None,
    stages: Iterable[str] = DEFAULT_STAGES,
    **options: object,
) -> Record:
    """Read one page (HTML file, text file, URL, ``-`` for stdin, bytes or str) and return its record.

    Example:
        >>> rec = accords.extract("page.html")          # doctest: +SKIP
        >>> [(q.speaker.name, q.content[0].text) for q in rec.quotes]  # doctest: +SKIP

    ``options`` override settings by name (``model="en_core_web_trf"``, ``max_bytes=...``).
    """
    settings = settings or get_settings(**options)
    article = read_source(source, settings)
    return process_article(article, settings, stages)
