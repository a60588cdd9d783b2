"""Bounds of a source's noun phrase (quotes.rules.v6), measured on PolNeAR train slices.

A restrictive modifier after the speaker's noun says which one is meant, so it is part of the source: 'a campaign
official who was not authorized to speak', 'people briefed on the talks', 'a poll released Saturday', 'a report
released in September by the academy'. PolNeAR takes such a modifier (no comma before it) 80 times in 91 on train
0-200/200-150/350-100/450-100. A relative clause set off by a comma adds a fact about someone already named ('Mr.
Khan, who is Muslim, said'): taken about as often as not before the verb, so it stays out there; after an inverted
speaker ('said Le Pen, who has ...') it is in two times in three (SOURCE_WHO_AFTER).

'Even' before the speaker ('Even Republicans say ...') is the writer's surprise that this one says it, not a word of
the source's name (PolNeAR leaves it out 14 times in 14 on the same slices).
"""

from __future__ import annotations

from typing import Any

from accords.quotes.lexicon import (
    LABEL_VERBS,
    OBJECT_VERBS,
    PREP_VERBS,
    SPEECH_VERBS,
    THINK_VERBS,
    XCOMP_VERBS,
    lemma_of,
)

SOURCE_RESTRICTIVE = True
SOURCE_WHO_AFTER = False
NO_EVEN = True
_MARKS = frozenset(("“", "”", '"', "''", "``"))
_SET_OFF = frozenset((",", "(", "—", "–", "-", ";", ":"))
_STANCE = SPEECH_VERBS | OBJECT_VERBS | XCOMP_VERBS | frozenset(PREP_VERBS) | THINK_VERBS | LABEL_VERBS


def _clean(sub: list[Any]) -> bool:
    """No quotation mark, line break or second clause of saying inside."""
    return not any(t.text in _MARKS or "\n" in t.text or t.dep_ == "ccomp" for t in sub)


def restrictive(head: Any, c: Any) -> bool:
    """Is ``c``, a right dependent of the speaker's head ``head``, a modifier that picks the speaker out: a
    relative clause or a participle right after the noun, with no comma before it? Never the verb the speaker says
    with (a participle cue, 'a poll showing ...', hangs on the noun it has for speaker)."""
    if not SOURCE_RESTRICTIVE or c.dep_ not in ("relcl", "acl") or head.pos_ == "PRON":
        return False
    sub = list(c.subtree)
    first = sub[0]
    if first.i == 0 or first.doc[first.i - 1].text in _SET_OFF or first.i <= head.i:
        return False
    lemma = lemma_of(c)
    if c.dep_ == "acl" and (lemma in _STANCE or c.tag_ not in ("VBN", "VBG")):
        return False
    if c.dep_ == "relcl" and lemma in SPEECH_VERBS:
        return False
    return _clean(sub) and head.head.i not in {t.i for t in sub} and len(sub) <= 40


def who_after(head: Any, c: Any) -> bool:
    """'“...,” said Le Pen, who has also garnered attention for ...': a relative clause set off after a speaker
    who stands after the verb, to the end of the sentence."""
    if not SOURCE_WHO_AFTER or c.dep_ != "relcl" or head.head.i > head.i:
        return False
    sub = list(c.subtree)
    first = sub[0]
    if first.lower_ not in ("who", "whose") or first.doc[first.i - 1].text != ",":
        return False
    return _clean(sub) and lemma_of(c) not in SPEECH_VERBS and len(sub) <= 40


def focus_word(c: Any) -> bool:
    """'Even' at the head of the speaker's phrase, the writer's ('Even Republicans', 'even some of his admirers')."""
    return NO_EVEN and c.dep_ == "advmod" and c.lower_ == "even" and c.i < c.head.i
