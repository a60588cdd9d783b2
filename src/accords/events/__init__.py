"""Stage 'events': PLOVER 2.0 events (who did what to whom, when, where), each with the sentence behind it.

A rule coder over the spaCy dependency parse and a PLOVER lexicon (``data/lexicon.yaml``); see
docs/events.md. Public API: the stage, :func:`code_events` and :func:`code_pair`.
"""

from __future__ import annotations

from typing import Any

from accords.events.coder import VERSION, EventBuilder
from accords.events.pair import code_pair, code_pair_doc
from accords.pipeline import Work, stage
from accords.records import Event, Record


def code_events(record: Record, doc: Any, user_actors: str | None = None) -> list[Event]:
    """Code the events of one parsed article (``doc`` is the spaCy Doc of ``record.article.text``).

    ``user_actors`` is an extra actor dictionary (YAML) passed on to ``accords.actors.resolve_actor``.
    """
    return EventBuilder(record, doc, user_actors).run()


@stage("events", version=VERSION, requires=("doc",), adds=("events",))
def events_stage(work: Work) -> Work:
    work.record.events = code_events(work.record, work.doc, getattr(work.settings, "actors", None))
    return work


__all__ = ["VERSION", "code_events", "code_pair", "code_pair_doc", "events_stage"]
