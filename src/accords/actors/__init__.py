"""People, places, states and groups: linked entities with roles, countries and sectors.

Public API (stable; see docs/entities.md):

- :func:`entity_at` -- the entity owning a mention that overlaps a character span of the record.
- :func:`resolve_actor` -- country/actor code, sector, name and Wikidata id of any phrase.
- :class:`ActorInfo` -- what :func:`resolve_actor` returns.
- :func:`person_gender` -- "m" / "f" for a PERSON entity when its titles or first name say so.
- :func:`get_gazetteer` -- the tables behind both (states, demonyms, metonyms, places, actor dictionary).
- the stage ``actors`` (:func:`actors_stage`), registered on import.
"""

from __future__ import annotations

import bisect

from accords.actors.gazetteer import ActorInfo, get_gazetteer
from accords.actors.linker import actors_stage, link_entities
from accords.actors.resolve import resolve_actor
from accords.actors.setting import leading_state, misread_subdivision
from accords.actors.surnames import FEMALE_WORDS, MALE_WORDS, first_name_gender
from accords.records import Entity, Record


def entity_at(record: Record, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)``; the tightest overlapping mention wins."""
    starts, rows, longest = record.mention_index()
    lo = bisect.bisect_left(starts, start - longest)
    hi = bisect.bisect_left(starts, end)
    best: tuple[int, int, tuple[int, int], Entity] | None = None
    for m_start, m_end, order, ent in rows[lo:hi]:
        if m_start < end and start < m_end:
            overlap = min(end, m_end) - max(start, m_start)
            extra = (m_end - m_start) - overlap
            cand = (-overlap, extra, order, ent)
            if best is None or cand[:3] < best[:3]:
                best = cand
    return best[3] if best else None


def entities_in(record: Record, start: int, end: int) -> list[Entity]:
    """Every entity with a mention inside ``[start, end)``, in order of that mention."""
    hits: list[tuple[int, Entity]] = []
    seen: set[str] = set()
    for ent in record.entities:
        for m in ent.mentions:
            if start <= m.start and m.end <= end and ent.id not in seen:
                hits.append((m.start, ent))
                seen.add(ent.id)
    return [e for _s, e in sorted(hits, key=lambda h: h[0])]


def person_gender(entity: Entity) -> str | None:
    """'m' / 'f' for a PERSON entity: a gendered title at its mentions ('Mrs. Clinton', 'Congresswoman Frankel'),
    else its first name ('Hillary Clinton'); None when neither tells or the titles disagree. For a caller that links
    pronouns of its own: 'she' is not 'Bill Clinton'."""
    if entity.type != "PERSON":
        return None
    seen: set[str] = set()
    for m in entity.mentions:
        if m.kind == "pronoun" or not m.text.split():
            continue
        first = m.text.split()[0].lower()
        if first in MALE_WORDS:
            seen.add("m")
        elif first in FEMALE_WORDS:
            seen.add("f")
    if seen:
        return next(iter(seen)) if len(seen) == 1 else None
    return first_name_gender(entity.name)


__all__ = [
    "ActorInfo",
    "actors_stage",
    "entities_in",
    "entity_at",
    "get_gazetteer",
    "leading_state",
    "link_entities",
    "misread_subdivision",
    "person_gender",
    "resolve_actor",
]
