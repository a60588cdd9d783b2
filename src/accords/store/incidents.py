"""The incident rule, in one place: when do two events from different articles describe the same happening?

Two events are **the same incident** when all of these hold (:func:`same_incident`):

1. they come from different articles, each the current, canonical version (duplicates are already folded);
2. neither is flagged (negated, hypothetical, future or historical): those did not happen as told;
3. they have the same PLOVER type;
4. their dates (the event's own date, else the article's) are at most :data:`MAX_DAYS` day apart;
5. their actor country codes overlap, and so do their recipient codes when both name a recipient.
   For the symmetric types in :data:`SYMMETRIC` (meetings, agreements, cooperation, fighting) the sides
   may be swapped: "Russia met Ukraine" and "Ukraine met Russia" are one meeting;
6. their places are compatible: when both give a country they are equal, and when both give a place
   name they are equal (case-folded); a missing place is compatible with any.

An incident is a connected group under this relation: A~B and B~C put A, B and C in one incident even
when A and C alone would not match. Its id is the smallest member event id, so the same events always give
the same incidents whatever the order they were stored in. Events without a date or an actor code form no
incident. Every incident lists all its member events and their sources, so a reader can check and split it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MAX_DAYS = 1
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT"})


@dataclass(frozen=True)
class IncidentKey:
    """What the rule reads from one event."""

    id: str
    article_id: str
    event: str
    date: str | None
    actors: frozenset[str]
    recipients: frozenset[str]
    place: str | None = None
    country: str | None = None
    flagged: bool = False


def eligible(e: IncidentKey) -> bool:
    return not e.flagged and bool(e.date) and bool(e.actors)


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


def _parties_match(a: IncidentKey, b: IncidentKey) -> bool:
    if a.actors & b.actors and (not a.recipients or not b.recipients or a.recipients & b.recipients):
        return True
    if a.event in SYMMETRIC:
        if a.actors & b.recipients and (not a.recipients or a.recipients & b.actors):
            return True
    return False


def _place_match(a: IncidentKey, b: IncidentKey) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if a.place and b.place and a.place.casefold() != b.place.casefold():
        return False
    return True


def same_incident(a: IncidentKey, b: IncidentKey) -> bool:
    """The rule. See the module docstring."""
    if a.article_id == b.article_id or not (eligible(a) and eligible(b)):
        return False
    if a.event != b.event:
        return False
    try:
        if _days_apart(a.date or "", b.date or "") > MAX_DAYS:
            return False
    except ValueError:
        return False
    return _parties_match(a, b) and _place_match(a, b)
