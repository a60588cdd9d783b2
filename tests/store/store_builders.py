"""Hand-built records for the store tests (no language model needed)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from accords.records import (
    Article,
    Event,
    EventEntity,
    Evidence,
    Flags,
    Location,
    Quote,
    Record,
    Span,
    Speaker,
)


def ent(code: str, text: str | None = None) -> EventEntity:
    return EventEntity(text=text or code, name=text or code, code=code)


def event(
    eid: str,
    type: str,
    actors: list[str],
    recipients: list[str] = (),  # type: ignore[assignment]
    *,
    date: str | None = None,
    text: str = "Russia demanded that Ukraine withdraw.",
    flags: Flags | None = None,
    place: str | None = None,
    country: str | None = None,
) -> Event:
    return Event(
        id=eid,
        event=type,  # type: ignore[arg-type]
        actor=[ent(a) for a in actors],
        recipient=[ent(r) for r in recipients],
        date=date,
        event_loc=Location(text=place, place=place, country=country) if place or country else None,
        evidence=Evidence(sentence=0, start=0, end=len(text), text=text),
        flags=flags or Flags(),
        version="test.v1",
    )


def quote(qid: str, words: str, speaker: str, country: str | None = None) -> Quote:
    return Quote(
        id=qid,
        kind="direct",
        content=[Span(start=0, end=len(words), text=words)],
        speaker=Speaker(text=speaker, start=0, end=len(speaker), name=speaker, country=country),
        evidence=Evidence(sentence=0, start=0, end=len(words), text=words),
        version="test.v1",
    )


def record(
    url: str | None,
    body: str,
    *,
    events: list[Event] = (),  # type: ignore[assignment]
    quotes: list[Quote] = (),  # type: ignore[assignment]
    published: str | None = "2025-05-16",
    outlet: str = "Wire",
    title: str | None = None,
) -> Record:
    rid = hashlib.sha256((url or body).encode()).hexdigest()[:16]
    art = Article(
        id=rid,
        source=url,
        url=url,
        canonical_url=url,
        title=title or body[:40],
        published=published,
        site_name=outlet,
        text=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        reactions=None,
    )
    return Record(id=rid, accords_version="test", article=art, events=list(events), quotes=list(quotes))


def story(seed: int, words: int = 120) -> str:
    """A distinct made-up news body of ``words`` words (deterministic per seed)."""
    import random

    rng = random.Random(seed)
    vocab = (
        "talks ceasefire delegation ministry officials said Istanbul Moscow Kyiv prisoners exchange troops "
        "regions demand offer proposal meeting envoy sanctions statement spokesman president minister "
        "agreement border shelling drone attack city residents aid convoy council vote resolution week "
        "Friday Monday northern southern eastern western said told reporters according to sources"
    ).split()
    return " ".join(rng.choice(vocab) for _ in range(words)) + "."


RecordFactory = Callable[..., Record]
