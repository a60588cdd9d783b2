"""The lead of reported words before a parenthetical cue (quotes.rules.v6): 'If the demands are not met, Mr. Taylor
warned, supporters plan to leave', 'In a general election, those Democrats argued, black voters would turn out'.
When the speaker and the verb stand set off by commas inside the sentence, they interrupt what is reported, so the
words before them belong to it, even where the parser hung those words on the verb of saying."""

from __future__ import annotations

from typing import Any

from accords.quotes.lexicon import NOMINAL_SUBJ

AROUND_LEAD = True


def lead_end(cue: Any) -> Any:
    """The token where the words before a parenthetical cue end: the first word of its subject when a comma stands
    right before the subject and the parse hung words before it on the verb ('If the demands are not met, Mr.
    Taylor warned, ...'); else the cue's own left edge (None when there is nothing to change)."""
    if not AROUND_LEAD:
        return None
    subj = next((c for c in cue.children if c.dep_ in NOMINAL_SUBJ and c.i < cue.i), None)
    if subj is None:
        return None
    first = subj.left_edge
    doc = cue.doc
    if first.i <= cue.left_edge.i or doc[first.i - 1].text != ",":
        return None
    if any("\n" in t.text for t in doc[cue.left_edge.i : first.i]):
        return None
    return first


PASSIVE_SUBJECT = True
_CLAUSE_OPENERS = frozenset("that whether if".split())


def passive_subject(verb: Any, start: int) -> Any:
    """The subject of a passive verb whose reported words (starting at character ``start``) are a complement
    predicated of it, not a clause: 'Dylann Roof is accused of killing nine people', 'he was described as becoming
    newly serious', 'The filings are expected to show ...'. What is reported is said of the subject, so it is part of
    the reported words (a piece before the verb). None for 'was told that ...' or 'was asked whether ...': a clause
    of its own says everything."""
    if not PASSIVE_SUBJECT or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subj is None or start <= verb.idx:
        return None
    doc = verb.doc
    first = next((t for t in doc[verb.i + 1 :] if t.idx >= start), None)
    if first is None or first.lower_ in _CLAUSE_OPENERS or first.tag_ in ("WDT", "WP", "WRB", "WP$"):
        return None
    if first.dep_ in ("ccomp", "mark") or first.head.dep_ == "ccomp" and first.head.head.i == verb.i:
        return None
    return subj
