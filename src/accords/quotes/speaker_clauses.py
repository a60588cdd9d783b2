"""Clauses a speaker token stands in, read off the parse: a relative pronoun that is a clause's subject ('X, who
said'), the subject of a clause someone else's words report ('X said [Cameron had failed]'). Used by
:mod:`accords.quotes.speakers` and :mod:`accords.quotes.speaker_pronouns`.
"""

from __future__ import annotations

from typing import Any


def relative(tok: Any) -> bool:
    """A relative pronoun that is the subject of a relative clause on a noun ('X, who said')."""
    return (
        (tok.tag_ in ("WP", "WDT") or tok.lower_ in ("who", "which", "that"))
        and tok.head.dep_ == "relcl"
        and tok.head.head.pos_ in ("NOUN", "PROPN", "PRON")
        and tok.head.head.i < tok.i
    )


def reported_subject(tok: Any) -> bool:
    """The subject of a clause someone else's words report ('X said [Cameron had failed]'): the clause is a
    complement of a verb whose own subject is a person, so a later 'he said' is more likely X."""
    clause = tok.head
    verb = clause.head
    if clause.dep_ != "ccomp" or verb.pos_ not in ("VERB", "AUX") or not verb.i < tok.i:
        return False  # 'Cameron had failed, Luntz said': a parenthetical verb after the clause is its source
    return any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" and c.i < verb.i for c in verb.children)
