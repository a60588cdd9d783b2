"""How far a cue reaches: the verb of saying with the words that belong to it.

A cue is more than its verb: its auxiliaries and the adverbs right before it (``has said``, ``also said``, ``was
asked``), its particle (``shot back``, ``points out``), the preposition that takes the quotation (``warned of``,
``referred to``), and a colon that opens the quotation (``said:``). Words that only say where or when (``said in a
statement``, ``said Monday``) stay out, as they do in PolNeAR's annotation.
"""

from __future__ import annotations

from typing import Any

_LEFT = ("aux", "auxpass", "neg")
_ADVERBS = frozenset(
    "also later then again even still further finally once previously earlier recently".split()
)
_PARTICLES = frozenset("back out up".split())
_PREPS = frozenset("of to for about on against".split())


def cue_extent(doc: Any, cue: tuple[int, int], content_start: int) -> tuple[int, int]:
    """The character span of the cue whose verb is at ``cue``; ``content_start``: where the quotation begins."""
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or len(span) != 1:
        return cue
    verb = span[0]
    if verb.pos_ not in ("VERB", "AUX"):
        return cue
    start, end = verb.i, verb.i
    # contiguous auxiliaries, 'not' and the short adverbs of sequence right before the verb
    i = verb.i - 1
    while i >= 0:
        t = doc[i]
        if t.head.i == verb.i and (
            t.dep_ in _LEFT or t.dep_ == "advmod" and (t.lower_ in _ADVERBS or t.tag_ == "RB")
        ):
            start = i
            i -= 1
            continue
        break
    # its particle, and a preposition right before the quotation that takes it
    j = verb.i + 1
    if (
        j < len(doc)
        and doc[j].head.i == verb.i
        and (doc[j].dep_ == "prt" or doc[j].dep_ == "advmod" and doc[j].lower_ in _PARTICLES)
    ):
        end = j
        j += 1
    if (
        j < len(doc)
        and doc[j].lower_ in _PREPS
        and doc[j].head.i == verb.i
        and doc[j].dep_ in ("prep", "dative")
    ):
        after = doc[j].idx + len(doc[j].text)
        if 0 <= content_start - after <= 2:
            end = j
            j += 1
    last = doc[end]
    stop = last.idx + len(last.text)
    lo = doc[start].idx
    # 'said: “...”'
    if j < len(doc) and doc[j].text == ":" and doc[j].idx == stop and content_start >= stop:
        stop += 1
    if any("\n" in t.text for t in doc[start : end + 1]):
        return cue
    return lo, stop
