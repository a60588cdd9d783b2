"""Stage 'quotes': every quotation in the article, direct, mixed or reported, with its cue and its speaker.

See docs/quotes.md. The rules live in :mod:`accords.quotes.extract`; quotation marks are paired in
:mod:`accords.quotes.marks`; speakers are resolved in :mod:`accords.quotes.speakers`.
"""

from __future__ import annotations

from accords.pipeline import Work, stage
from accords.quotes.extract import build_quotes
from accords.quotes.speaker_countries import USER_ACTORS

VERSION = "quotes.rules.v10"


@stage("quotes", version=VERSION, requires=("doc",), adds=("quotes",))
def quotes_stage(work: Work) -> Work:
    if work.doc is None or not work.record.article.text:
        return work
    token = USER_ACTORS.set(getattr(work.settings, "actors", None))  # the dictionary the actors stage read
    try:
        work.record.quotes = build_quotes(work.record, work.doc, VERSION)
    finally:
        USER_ACTORS.reset(token)
    return work


__all__ = ["VERSION", "build_quotes", "quotes_stage"]
