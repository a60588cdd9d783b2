"""accords: news reports of conflict and diplomacy turned into a sourced record."""

from __future__ import annotations

import logging

from accords._version import __version__
from accords.core import extract, process_article
from accords.records import Article, Entity, Event, Quote, Record

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["__version__", "extract", "process_article", "Record", "Article", "Entity", "Quote", "Event"]
