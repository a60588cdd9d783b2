"""Speakers the first checks would throw away (quotes.rules.v8).

A speaker never stands inside the words it is said to have said, as a rule: such a head is most often a name the
quoted person mentions. One shape breaks the rule: a mixed clause whose cue stands inside its own words, an aside in
the middle of the sentence (``the governor, who he noted was “in his last months”``, ``the media, according to
the poll, ...``). There the cue's own subject, or the object of ``according to``, is the speaker even though the
clause's words run around it (``INNER_CUE_SPEAKER``).
"""

from __future__ import annotations

from typing import Any

INNER_CUE_SPEAKER = True

_SUBJ = ("nsubj", "nsubjpass")


def _cue_tokens(doc: Any, cue: tuple[int, int]) -> list[Any]:
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return list(span) if span is not None else []


def inner_cue_speaker(att: Any, tok: Any, doc: Any) -> bool:
    """May ``tok``, inside the words of ``att``, stay its speaker? Only for a mixed clause whose cue lies inside its
    words too, and only when ``tok`` is that cue's subject (``who he noted was``) or the object of ``according to``."""
    if not INNER_CUE_SPEAKER or att.kind != "mixed" or att.cue is None or att.nested:
        return False
    c0, c1 = att.cue
    if not any(a <= c0 and c1 <= b for a, b in att.content):
        return False
    cues = _cue_tokens(doc, att.cue)
    idx = {t.i for t in cues}
    if tok.dep_ in _SUBJ and tok.head.i in idx and tok.i < tok.head.i:
        return tok.pos_ in ("PRON", "PROPN", "NOUN")
    head = tok.head
    return (
        tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according" and head.head.i in idx
    )
