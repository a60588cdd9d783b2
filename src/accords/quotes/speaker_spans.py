"""How far a cue reaches: the verb of saying with the words that belong to it.

A cue is more than its verb: its auxiliaries and the adverbs right before it (``has said``, ``also said``, ``was
asked``), its particle (``shot back``, ``points out``), the preposition that takes the quotation (``warned of``,
``referred to``), and a colon that opens the quotation (``said:``). Words that only say where or when (``said in a
statement``, ``said Monday``) stay out, as they do in PolNeAR's annotation.

Since quotes.rules.v6 (each measured on PolNeAR train slices, see the flags): the predicate that governs an
infinitive or a gerund cue (``continued to portray``, ``seemed to mock``, ``was quick to add``, ``are more likely to
say``, ``began dismissing``: the verb of saying is the complement of an aspect, a manner or a likelihood, and the two
say one thing); an adverb of manner right after the verb (``said repeatedly``, ``wondered aloud``); the determiner
of a noun of saying (``an assertion``, ``the idea``: the noun phrase is the cue, less its possessor, who is the
source).
"""

from __future__ import annotations

from typing import Any

_LEFT = ("aux", "auxpass", "neg")
_ADVERBS = frozenset(
    "also later then again even still further finally once previously earlier recently".split()
)
_PARTICLES = frozenset("back out up".split())
_PREPS = frozenset("of to for about on against".split())
# 'agreed with', 'hinted at': taken when the reported words start right after them (PolNeAR: 9 times in 9 on train)
_MORE_PREPS = frozenset("with at".split())
MORE_PREPS = True
GOVERNING = True
MANNER_AFTER = True
NOUN_PHRASE = True
# the adjectives too ('a passing promise', 'nagging concern'): PolNeAR takes them 9 times in 10 on train, but
# tests/quotes/test_reported_v4.py asserts the bare noun; left off until that test is changed
NOUN_ADJECTIVES = False
# predicates that govern a to-infinitive cue and are said with it; never a verb of saying itself (that one is the cue)
_GOVERNED = ("xcomp", "ccomp")


def cue_extent(doc: Any, cue: tuple[int, int], content_start: int) -> tuple[int, int]:
    """The character span of the cue whose verb is at ``cue``; ``content_start``: where the quotation begins."""
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is not None and len(span) > 1 and MORE_PREPS:
        return _prep_after(doc, span, cue, content_start)
    if span is None or len(span) != 1:
        return cue
    verb = span[0]
    if NOUN_PHRASE and verb.pos_ == "NOUN":
        return _noun_extent(verb, cue, content_start)
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
    if GOVERNING:
        start = _governing(doc, verb, start)
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
        and (doc[j].lower_ in _PREPS or MORE_PREPS and doc[j].lower_ in _MORE_PREPS)
        and doc[j].head.i == verb.i
        and doc[j].dep_ in ("prep", "dative")
    ):
        after = doc[j].idx + len(doc[j].text)
        if 0 <= content_start - after <= 2:
            end = j
            j += 1
    if (
        MANNER_AFTER
        and j == verb.i + 1
        and j < len(doc)
        and doc[j].head.i == verb.i
        and doc[j].dep_ == "advmod"
        and doc[j].tag_ == "RB"
        and (doc[j].lower_.endswith("ly") or doc[j].lower_ in ("aloud", "instead"))
        and content_start >= doc[j].idx + len(doc[j].text)
    ):
        end = j  # 'said repeatedly that', 'wondered aloud'
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


def _left_chain(doc: Any, heads: set[int], i: int) -> int:
    """The first index of the auxiliaries, 'not' and adverbs right before token ``i + 1`` that hang on ``heads`` (or
    on an adverb taken: 'slightly more likely')."""
    start = i + 1
    while i >= 0:
        t = doc[i]
        if "\n" in t.text:
            break
        if (
            t.dep_ in _LEFT
            and t.head.i in heads
            or t.dep_ == "advmod"
            and t.pos_ == "ADV"
            and t.head.i in heads
        ):
            heads.add(t.i)
            start = i
            i -= 1
            continue
        break
    return start


def _governing(doc: Any, verb: Any, start: int) -> int:
    """Where a cue begins once the predicate that governs it right before is in: 'continued to portray', 'seemed to be
    ready to riff on', 'was reluctant to endorse', 'began dismissing', 'is continuing to insist'. The governing word
    must stand right before the cue's first word."""
    cur = verb
    for _ in range(3):
        if cur.dep_ not in _GOVERNED or start == 0:
            break
        head = cur.head
        first = doc[start]
        if head.i != start - 1 or not (first.lower_ == "to" or cur.tag_ == "VBG" and first.i == cur.i):
            break
        if cur.dep_ == "ccomp" and first.lower_ != "to":
            break
        if head.pos_ == "ADJ" and head.dep_ == "acomp":
            # 'was quick to add', 'are slightly more likely to say': the adjective, its adverbs, its copula
            heads = {head.i}
            lo = _left_chain(doc, heads, head.i - 1)
            cop = head.head
            if lo - 1 != cop.i or cop.lemma_ != "be":
                break
            start = _left_chain(doc, {cop.i}, cop.i - 1)
            cur = cop
            continue
        if head.pos_ not in ("VERB", "AUX") or "\n" in head.text:
            break
        start = _left_chain(doc, {head.i}, head.i - 1)
        cur = head
    return start


def _noun_extent(noun: Any, cue: tuple[int, int], content_start: int) -> tuple[int, int]:
    """A noun of saying with its determiner right before it ('an assertion', 'the idea'; with NOUN_ADJECTIVES, its
    adjectives: 'a passing promise'); its possessor is its source, not its cue."""
    doc = noun.doc
    start = noun.i
    i = noun.i - 1
    while i >= 0:
        t = doc[i]
        if t.head.i != noun.i or t.dep_ not in ("det", "amod") or "\n" in t.text or t.tag_ in ("PRP$", "WDT"):
            break
        if t.dep_ == "amod" and (t.pos_ not in ("ADJ", "VERB") or not NOUN_ADJECTIVES):
            break
        start = i
        i -= 1
    # an adverb of an adjective taken ('an even more forceful argument') stays out: the span must be contiguous
    if start == noun.i or content_start < cue[1]:
        return cue
    return doc[start].idx, cue[1]


def _prep_after(doc: Any, span: Any, cue: tuple[int, int], content_start: int) -> tuple[int, int]:
    """A cue of several words ('weighed in', 'talked openly') with the preposition right after it that takes the
    reported words ('weighed in on', 'raised new questions about')."""
    j = span.end
    if j >= len(doc) or not span.start <= doc[j].head.i < span.end or doc[j].dep_ not in ("prep", "dative"):
        return cue
    if doc[j].lower_ not in _PREPS and doc[j].lower_ not in _MORE_PREPS:
        return cue
    after = doc[j].idx + len(doc[j].text)
    if not 0 <= content_start - after <= 2 or "\n" in doc[j].text:
        return cue
    return cue[0], after
