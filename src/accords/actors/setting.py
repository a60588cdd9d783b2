"""The state an article is set in: the one state nearly all of its linked mentions of some kinds belong to.

A report from Nairobi names Kenya in its first lines and then speaks of "police" and "officials" without saying
whose; the stages that code such groups (events: police and civilians; quotes: speakers who act for a state) ask
this module which state, each with the entity types and the share it trusts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import TypeGuard

from accords.records import Record

# PLOVER codes of actors that are no state (the country field may hold them).
NON_STATES = frozenset({"IGO", "NGO", "UNO", "EUR", "IMG", "MNC"})


def is_state_code(code: str | None) -> TypeGuard[str]:
    """An ISO alpha-3 code of a state, not a PLOVER code of a non-state actor."""
    return bool(code) and len(code or "") == 3 and code not in NON_STATES


def leading_state(
    record: Record,
    types: Iterable[str],
    *,
    share: float,
    min_mentions: int,
    is_state: Callable[[str | None], bool] = is_state_code,
) -> str | None:
    """The state that the mentions of the record's entities of ``types`` name at least ``share`` of the time (and
    ``min_mentions`` times), counting each entity's mentions; None when no state leads so."""
    kinds = set(types)
    counts: Counter[str] = Counter()
    for e in record.entities:
        if e.type in kinds and is_state(e.country):
            counts[str(e.country)] += len(e.mentions)
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    return top if n >= min_mentions and n >= share * sum(counts.values()) else None
