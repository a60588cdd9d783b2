"""Ingest: turn a source (file, URL, stdin, bytes) into a clean :class:`~accords.records.Article`."""

from accords.ingest.article import read_source

__all__ = ["read_source"]
