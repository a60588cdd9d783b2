"""Binding for a speaker pronoun the actors stage linked to a person: a he/she cannot be a person its own verb
names as an object or inside the words it reports.

In '"...," he told Kim' the speaker is not Kim, the one told; in 'He said Kim is a single father' the speaker is
not Kim, whom the words name. A link that breaks this is dropped (the speaker stays unresolved: a wrong name is
worse than none).
"""

from __future__ import annotations

from typing import Any

from accords.records import Entity

# the pronoun cannot be a person its own verb names as an object or in the words it reports
BINDING = True

# the verb's dependents that are not its subject: objects, the one told, the reported clause
_BOUND_DEPS = {"dobj", "obj", "dative", "iobj", "ccomp", "parataxis", "xcomp", "pobj", "prep"}


def bound_out(head: Any, ent: Entity) -> bool:
    """Does a name mention of ``ent`` lie in an object or the reported words of the verb ``head`` is subject of?"""
    if not BINDING or head.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = head.head
    spans = [(m.start, m.end) for m in ent.mentions if m.kind in ("name", "partial")]
    if not spans:
        return False
    for child in verb.children:
        if child.i == head.i or child.dep_ not in _BOUND_DEPS:
            continue
        for t in child.subtree:
            # after the pronoun only: a parse that hangs the sentence before it on its verb ('Kim, who served
            # under Lee: "...," he said'; 'Kim said, she thought') puts the antecedent itself there
            if t.i > head.i and any(a <= t.idx < b for a, b in spans) and not _in_adverbial(t, child):
                return True
    return False


def _in_adverbial(t: Any, top: Any) -> bool:
    """Is ``t`` inside an adverbial clause below ``top`` ('when asked how much Kim paid, "..." she said'): a
    circumstance around the words, which may name the speaker herself."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "advcl":
            return True
        t = t.head
    return False
