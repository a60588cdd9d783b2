"""Speaker spans that are names, or hold one, which the entity lookup left without an entity.

* ``SURNAME_LINK``: the named-entity tagger often misses a bare surname on its own ('Cook said', 'says Early'):
  no mention covers it, so the speaker stays unresolved though the text named the person in full before. A
  capitalised proper-noun head that is the last word of exactly one person named in full earlier links to that
  person (the tagger may read 'says Early' as the adverb: the exact, capitalised match decides); two such persons
  (Bill and Hillary Clinton; a word taken into a name, 'Hosting Cook', is set aside when the other has a listed
  first name) or none leave it as it is: a wrong name is worse than none.
* ``APPOS_NAME``: a description with the name in apposition ('the firm's owner, Jane Roe, denied ...'): the
  head is the common noun, the name is its appositive; the person that appositive names is the speaker. A
  plural head, two names ('two aides, Jane Roe and John Doe') or a colon between ('Poll: Roe beats Doe') is no
  such apposition: a group is not one of its members.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accords.records import Entity

SURNAME_LINK = True
APPOS_NAME = True
# neither rule names one person for a group ('Roe and two aides', 'two aides, Roe and Doe')
GROUP_GUARD = True


def _last_word(name: str) -> str:
    return name.split()[-1].removesuffix("'s").removesuffix("’s")


def _named_in_full(doc: Any, ent: Entity) -> bool:
    """Does a mention of ``ent`` start with a proper noun? 'Hosting Cook' (a gerund the tagger took into the
    name) is not a second Cook."""
    for m in ent.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) > 1 and span[0].pos_ == "PROPN":
            return True
    return False


def surname_entity(record: Any, head: Any, start: int) -> Entity | None:
    """The one person named in full before ``start`` whose last name is the head word ('Cook' -> Tim Cook)."""
    if not SURNAME_LINK or not head.text[:1].isupper() or len(head.text) < 2:
        return None
    # the tagger takes a surname that is also a word ('says Early') for that word: the quote stage chose it as
    # the speaker, and it matches a full name exactly, case included
    if head.pos_ in ("PRON", "DET") or any(t.dep_ == "det" for t in head.lefts):
        return None  # 'a prospect Vindman' is no bare surname
    if GROUP_GUARD and any(t.dep_ == "conj" for t in head.children):
        return None  # 'Roe and two other staff members': a group, not the one person
    word = head.text
    found: dict[str, Entity] = {}
    for e in record.entities:
        if e.type != "PERSON" or len(e.name.split()) < 2 or _last_word(e.name) != word:
            continue
        if any(m.start < start for m in e.mentions) and _named_in_full(head.doc, e):
            found[e.id] = e
    if len(found) > 1:
        # 'Hosting Cook': a word the tagger took into a name beside 'Tim Cook'; a listed first name decides
        from accords.actors.surnames import first_name_gender

        found = {k: e for k, e in found.items() if first_name_gender(e.name) is not None}
    return next(iter(found.values())) if len(found) == 1 else None


def appos_entity(record: Any, head: Any) -> tuple[Entity, int] | None:
    """The person a common-noun head's appositive names ('owner, Jane Roe'), with the name's start offset."""
    if not APPOS_NAME or head.pos_ != "NOUN" or (GROUP_GUARD and head.tag_ == "NNS"):
        return None  # 'two aides, Jane Roe and John Doe', 'the lawyers': a group is not one of its members
    for child in head.rights:
        if child.dep_ != "appos" or child.pos_ != "PROPN":
            continue
        if GROUP_GUARD and (
            any(t.dep_ == "conj" for t in child.children)
            or any(head.doc[k].text in (":", ";") for k in range(head.i + 1, child.i))
        ):
            return None  # 'aides, Jane Roe and John Doe'; 'Poll: Roe beats Doe' (a headline, no apposition)
        a, b = child.idx, child.idx + len(child.text)
        for e in record.entities:
            if e.type != "PERSON":
                continue
            for m in e.mentions:
                if m.start < b and a < m.end:
                    return e, m.start
        return None
    return None


def name_fallback(record: Any, head: Any, start: int) -> Entity | None:
    """The hook for :class:`accords.quotes.speakers.SpeakerResolver` when the span's lookup found no entity."""
    hit = appos_entity(record, head)
    return hit[0] if hit is not None else surname_entity(record, head, start)
