"""Helpers the quotes tests share: run a short text through the whole pipeline and pick quotes out of it."""

from __future__ import annotations

import re

from accords.records import Article, Paragraph, Quote, Record


def run(text: str) -> Record:
    """One paragraph per line, so tests can write paragraph breaks as newlines."""
    import accords

    paras = [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text)]
    return accords.process_article(Article(id="t", text=text, paragraphs=paras, language="en"))


def quote_of(rec: Record, words: str) -> Quote:
    """The first quote whose content holds these words (the assertion message lists what was found)."""
    hits = [q for q in rec.quotes if any(words in c.text for c in q.content)]
    assert hits, [(q.kind, q.content[0].text) for q in rec.quotes]
    return hits[0]


def one(rec: Record, start: str) -> Quote:
    """The only quote whose content starts with these words."""
    hits = [q for q in rec.quotes if q.content[0].text.startswith(start)]
    assert len(hits) == 1, [(q.kind, [c.text for c in q.content]) for q in rec.quotes]
    return hits[0]


def speaker_name(text: str, words: str) -> str | None:
    """The resolved name of the speaker of the first quote holding these words in ``text`` (None: no speaker, or
    no name)."""
    q = quote_of(run(text), words)
    return q.speaker.name if q.speaker is not None else None


def speaker_text(q: Quote) -> str | None:
    return q.speaker.text if q.speaker is not None else None


def texts(rec: Record) -> list[str]:
    return [" | ".join(c.text for c in q.content) for q in rec.quotes]
