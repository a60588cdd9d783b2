"""The state an article is set in: the one state nearly all of its linked mentions of some kinds belong to.

A report from Nairobi names Kenya in its first lines and then speaks of "police" and "officials" without saying
whose; the stages that code such groups (events: police and civilians; quotes: speakers who act for a state) ask
:func:`leading_state`, each with the entity types and the share it trusts. The actors stage itself uses the home
state once (:func:`home_places`): a place named like one of its subdivisions and read as another state ('Georgia'
in a story set in the United States) is the home state's.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TypeGuard

import pycountry

from accords.actors.resolve import resolve_actor
from accords.records import Entity, Record

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
    return leading_state_of(record.entities, types, share=share, min_mentions=min_mentions, is_state=is_state)


def leading_state_of(
    entities: Iterable[Entity],
    types: Iterable[str],
    *,
    share: float,
    min_mentions: int,
    is_state: Callable[[str | None], bool] = is_state_code,
) -> str | None:
    """:func:`leading_state` over a list of entities (the actors stage asks before the record holds them)."""
    kinds = set(types)
    counts: Counter[str] = Counter()
    for e in entities:
        if e.type in kinds and is_state(e.country):
            counts[str(e.country)] += len(e.mentions)
    if not counts:
        return None
    top, n = counts.most_common(1)[0]
    return top if n >= min_mentions and n >= share * sum(counts.values()) else None


@functools.lru_cache(maxsize=64)
def subdivision_names(code: str) -> frozenset[str]:
    """Lower-case names of a state's first-level subdivisions (ISO 3166-2 through pycountry): 'georgia' for USA."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return frozenset()
    subs = pycountry.subdivisions.get(country_code=country.alpha_2) or []
    return frozenset(_low(str(s.name)) for s in subs if s.parent_code is None and not _own_code(s))


def _low(name: str) -> str:
    return " ".join(name.lower().split())


def _own_code(sub: object) -> bool:
    """A territory listed as a subdivision that has a country code of its own (US-PR is Puerto Rico, PR/PRI):
    reading it as that code is no misreading."""
    own = pycountry.countries.get(alpha_2=str(getattr(sub, "code", "")).split("-")[-1])
    return own is not None and _low(str(own.name)) == _low(str(getattr(sub, "name", "")))


@functools.lru_cache(maxsize=1)
def _subdivision_index() -> dict[str, set[str]]:
    """Lower-case first-level subdivision name -> the states (alpha-3) that have one of that name."""
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.country_code in alpha3 and not _own_code(sub):
            out.setdefault(_low(str(sub.name)), set()).add(alpha3[sub.country_code])
    return out


def misread_subdivision(
    text: str, code: str | None, home: str | None, *, whole: bool = False, user_actors: str | None = None
) -> bool:
    """Do the words ``text`` name one of the home state's first-level subdivisions that the gazetteer reads as the
    state ``code`` ('Georgia businessman' -> GEO in a story set in the United States)? ``whole``: the words are
    that name and nothing else."""
    if not home or not code or code == home:
        return False
    low, flat = _low(text), " ".join(text.split())
    for name in subdivision_names(home):
        m = (
            re.fullmatch(re.escape(name), low)
            if whole
            else re.search(rf"(?<!\w){re.escape(name)}(?!\w)", low)
        )
        if m is None:
            continue
        info = resolve_actor(flat[m.start() : m.end()], user_actors)  # as written: the gazetteer minds case
        if info is not None and info.code == code:
            return True
    return False


HOME_SUBDIVISION = True  # 'Georgia' in a story set in the United States is the state (home_places)
# The home state: the state these places name in at least HOME_SHARE of their mentions (and HOME_MIN_MENTIONS
# times); the events stage reads it the same way (accords.events.home).
HOME_TYPES = ("GPE", "LOC", "FAC")
HOME_SHARE = 0.6
HOME_MIN_MENTIONS = 2


def home_places(entities: list[Entity], user_actors: str | None = None) -> None:
    """A place named like one of the home state's subdivisions and read as another state ('Georgia' -> GEO in a
    story set in the United States), and an organisation named after it ('Georgia Southern University'), are the
    home state's."""
    if not HOME_SUBDIVISION:
        return
    # a place whose name is also another state's subdivision ('Georgia') does not vote for the home
    index = _subdivision_index()
    plain = [
        e for e in entities if not (e.type in ("GPE", "LOC") and index.get(_low(e.name), set()) - {e.country})
    ]
    home = leading_state_of(plain, HOME_TYPES, share=HOME_SHARE, min_mentions=HOME_MIN_MENTIONS)
    if home is None:
        return
    for e in entities:
        if e.type in ("GPE", "LOC", "ORG", "GROUP") and misread_subdivision(
            e.name, e.country, home, whole=e.type in ("GPE", "LOC"), user_actors=user_actors
        ):
            e.country = home
