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

# not a name inside quotation marks, a modifier ('the Lee campaign') or a relative / appositive aside
BINDING_NARROW = True

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
                if BINDING_NARROW and _not_bound(t, child, spans):
                    continue
                return True
    return False


_DASHES = ("\u2014", "--", "\u2013")


def _not_bound(t: Any, top: Any, spans: list[tuple[int, int]]) -> bool:
    """A name the binding does not reach: inside quotation marks (the speaker may name himself: 'He says
    "... it's not Kim Lee."'), a modifier of another noun ('the Lee campaign'), or in the writer's aside within
    the words (a relative clause, an apposition to something else: 'X — itself a reply to Lee's slogan — was')."""
    sent = t.sent
    before = [x.text for x in t.doc[sent.start : t.i]]
    if before.count("\u201c") > before.count("\u201d") or (before.count('"') + before.count("``")) % 2 == 1:
        return True
    if t.dep_ == "compound" and not any(a <= t.head.idx < b for a, b in spans):
        return True
    after = [x.text for x in t.doc[t.i + 1 : t.i + 20]]  # the parser may end the sentence inside the aside
    if before.count("(") > before.count(")") or (
        sum(before.count(d) for d in _DASHES) % 2 == 1 and any(d in after for d in _DASHES)
    ):
        return True  # between dashes or in parentheses: 'X — itself a reply to Lee's slogan — was'
    deep = False  # a word between the name and the apposition: the name is inside the aside, not the aside
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl") or (t.dep_ == "appos" and deep):
            return True
        deep = deep or t.dep_ not in ("compound", "flat", "poss", "case")
        t = t.head
    return False


def _in_adverbial(t: Any, top: Any) -> bool:
    """Is ``t`` inside an adverbial clause below ``top`` ('when asked how much Kim paid, "..." she said'): a
    circumstance around the words, which may name the speaker herself."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "advcl":
            return True
        t = t.head
    return False
