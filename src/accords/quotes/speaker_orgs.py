"""Organisation speakers the entity lookup left without a name.

* ``PROPER_NAME``: a speaker whose head is a capitalised proper noun that no entity covers ('Developer Acme
  said', 'according to WHO', a company the tagger took for nothing): the tagger missed the name, yet the text
  names the speaker. Its name is the run of capitalised proper nouns that holds the head, less a title before it;
  no entity is made up for it, so it can name no one wrongly. Not for a state or a demonym (the country rules'),
  a pronoun, or a run a person's mention covers.
* ``APPOS_ORG``: a description with an organisation in apposition ('The firm that owns the rights, Acme Records,
  said'): the head is the common noun, the organisation its appositive; the organisation's entity when the actors
  stage made one, else its name as above. A person's mention that covers only part of the appositive ('Dick
  Clark' of 'Dick Clark Productions') is no answer: the run is longer than the person's name.
"""

from __future__ import annotations

from typing import Any

from accords.actors.roles import HEADS, HONORIFICS, PERSON_TITLES
from accords.quotes.speaker_descriptions import ORG_NOUNS

PROPER_NAME = True
APPOS_ORG = True

_TITLE_WORDS = {w.rstrip(".") for w in HEADS | HONORIFICS | PERSON_TITLES}


def _capital(tok: Any) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and any(ch.isalpha() for ch in tok.text)


def _run(tok: Any) -> tuple[int, int]:
    """Token bounds of the run of capitalised proper nouns around ``tok``, less the title words that open it."""
    doc = tok.doc
    a, b = tok.i, tok.i + 1
    while a > 0 and _capital(doc[a - 1]) and doc[a - 1].whitespace_:
        a -= 1
    while b < len(doc) and _capital(doc[b]) and doc[b - 1].whitespace_:
        b += 1
    # a title ('President'), or the kind of organisation the text calls it ('Developer Acme')
    while a < b - 1 and (doc[a].lower_.rstrip(".") in _TITLE_WORDS or doc[a].lower_ in ORG_NOUNS):
        a += 1
    return a, b


def _a_state(text: str) -> bool:
    """Does the actors stage read ``text`` as a state, a people or a seat of government ('Sweden', 'Kremlin')? A
    listed organisation ('WHO', which the tagger reads as the pronoun) is no state."""
    try:
        from accords.actors import resolve_actor

        info = resolve_actor(text)
    except Exception:  # noqa: BLE001 - the actors stage is optional here
        return False
    return info is not None and (info.type != "ORG" or info.kind != "name")


def _covers(m: Any, a: int, b: int) -> bool:
    return bool(m.start <= a and b <= m.end)


def _run_name(resolver: Any, tok: Any) -> tuple[str | None, Any]:
    """(name, entity) of the proper-noun run around ``tok``: the ORG or GROUP entity whose mention covers the
    run's last word, else the run's words when no entity's mention covers the whole run; (None, None) when a
    person's or a place's mention does, or the run names a state."""
    if not _capital(tok) or tok.lower_.rstrip(".") in _TITLE_WORDS:
        return None, None
    doc = tok.doc
    i, j = _run(tok)
    a, b = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    last = doc[j - 1].idx
    for m in resolver.mentions:
        if m.start <= last < m.end and m.entity.type in ("ORG", "GROUP"):
            return m.entity.name, m.entity
    if any(_covers(m, a, b) for m in resolver.mentions):
        return None, None  # a person, a place: the lookup's, which answered nothing
    text = resolver.text[a:b]
    if any(t.ent_type_ in ("GPE", "NORP", "LOC") for t in doc[i:j]) or _a_state(text):
        return None, None
    # the organisation the actors stage made of the same name elsewhere ('Big Machine' the tagger missed here)
    same = {e.id: e for e in resolver.record.entities if e.type in ("ORG", "GROUP") and e.name == text}
    if len(same) == 1:
        return text, next(iter(same.values()))
    return text, None


def _span_appositive(resolver: Any, head: Any, spk: Any) -> Any:
    """The last word of a proper name that ends the speaker's words after a comma, past the head ('The company
    that runs the show, Acme Records'): the name in apposition to the whole description, however the parse
    attached it."""
    doc = resolver.doc
    toks = [t for t in doc[head.i + 1 :] if t.idx < spk.end]
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks or not _capital(toks[-1]):
        return None
    i, _ = _run(toks[-1])
    if i - 1 <= head.i or doc[i - 1].text != ",":
        return None
    return toks[-1]


def _apply(resolver: Any, spk: Any, name: str | None, ent: Any) -> bool:
    if ent is not None:
        resolver._from_entity(spk, ent, None)
        return True
    if name:
        spk.name = name
        return True
    return False


def org_named(resolver: Any, head: Any, spk: Any) -> bool:
    """The hook for :class:`accords.quotes.speakers.SpeakerResolver` before its description rules: fills ``spk``
    and says so when the speaker is an organisation named by a proper noun (see the module docstring)."""
    if APPOS_ORG and head.pos_ == "NOUN":
        for child in head.rights:
            if child.dep_ == "appos" and _capital(child):
                return _apply(resolver, spk, *_run_name(resolver, child))
        end = _span_appositive(resolver, head, spk)
        if end is not None:
            return _apply(resolver, spk, *_run_name(resolver, end))
    if PROPER_NAME and head.pos_ == "PROPN" and not any(t.lower_ in ("a", "an") for t in head.lefts):
        return _apply(resolver, spk, *_run_name(resolver, head))  # not 'a prospect Vindman'
    return False
