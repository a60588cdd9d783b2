"""Helpers the actors tests share: run a short text through the nlp and actors stages, find who a word stands for."""

from __future__ import annotations

import re
from typing import Any

from accords.records import Record


def run(text: str) -> Record:
    """One paragraph per line, so tests can write paragraph breaks as newlines."""
    from accords.core import process_article
    from accords.records import Article, Paragraph

    paras = [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text)]
    return process_article(Article(id="t", text=text, paragraphs=paras), stages=("nlp", "actors"))


def owner(rec: Record, word: str, nth: int = 0) -> Any:
    """The entity of the nth whole-word occurrence of ``word`` (None when it is no mention)."""
    from accords.actors import entity_at

    s = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", rec.article.text)][nth]
    return entity_at(rec, s, s + len(word))


def owner_name(rec: Record, phrase: str, nth: int = 0) -> str | None:
    """The entity name of the nth occurrence of ``phrase`` (not bound to word edges)."""
    from accords.actors import entity_at

    s = [m.start() for m in re.finditer(re.escape(phrase), rec.article.text)][nth]
    ent = entity_at(rec, s, s + len(phrase))
    return None if ent is None else ent.name
