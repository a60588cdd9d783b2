"""Speakers the first checks would throw away (quotes.rules.v8).

A speaker never stands inside the words it is said to have said, as a rule: such a head is most often a name the
quoted person mentions. One shape breaks the rule: a mixed clause whose cue stands inside its own words, an aside in
the middle of the sentence (``the governor, who he noted was “in his last months”``, ``the media, according to
the poll, ...``). There the cue's own subject, or the object of ``according to``, is the speaker even though the
clause's words run around it (``INNER_CUE_SPEAKER``).

And one shape where the parse hangs a mixed clause on the wrong verb: a verb of saying set off by commas inside the
clause (``The board, Ms. Kerr said, called the offer “...”``) is the cue, and its subject the speaker, not the
subject of the verb that holds the quoted words (``PAREN_SAYER``).
"""

from __future__ import annotations

from typing import Any

from accords.quotes.lexicon import NOMINAL_SUBJ
from accords.quotes.precision import _cue_tokens

INNER_CUE_SPEAKER = True


def inner_cue_speaker(att: Any, tok: Any, doc: Any) -> bool:
    """May ``tok``, inside the words of ``att``, stay its speaker? Only for a mixed clause whose cue lies inside its
    words too, and only when ``tok`` is that cue's subject (``who he noted was``) or the object of ``according to``."""
    if not INNER_CUE_SPEAKER or att.kind != "mixed" or att.cue is None or att.nested:
        return False
    c0, c1 = att.cue
    if not any(a <= c0 and c1 <= b for a, b in att.content):
        return False
    cues = _cue_tokens(att, doc)
    idx = {t.i for t in cues}
    if tok.dep_ in NOMINAL_SUBJ and tok.head.i in idx and tok.i < tok.head.i:
        return tok.pos_ in ("PRON", "PROPN", "NOUN")
    head = tok.head
    return (
        tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according" and head.head.i in idx
    )


# 'Six months ago, the senator said, the media considered him a “fringe candidate”': the aside's subject speaks
PAREN_SAYER = True
_PAREN_VERBS = frozenset("say add note write tell argue".split())


def paren_sayer(att: Any, atts: list[Any], doc: Any, inside_quote: Any) -> None:
    """A mixed clause whose cue verb holds a parenthetical verb of saying set off by commas (``X, Cruz said, called
    it “...”``) is what the parenthetical's subject says: that verb becomes the cue and its subject the speaker, for
    the clause and for the quoted words that share its cue."""
    if not PAREN_SAYER or att.kind != "mixed" or att.nested or att.cue is None:
        return
    verb = next((t for t in _cue_tokens(att, doc) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return
    for aside in verb.children:
        if aside.dep_ != "parataxis" or aside.pos_ != "VERB" or aside.lemma_.lower() not in _PAREN_VERBS:
            continue
        if aside.left_edge.text != "," or aside.right_edge.text != "," or inside_quote(aside):
            continue
        subj = next((c for c in aside.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.tag_ in ("WP", "WDT") or inside_quote(subj):
            continue
        old = att.cue
        att.cue, att.speaker = (aside.idx, aside.idx + len(aside)), subj
        for x in atts:
            if x.nested and x.parent is att and x.cue == old:
                x.cue, x.speaker = att.cue, subj
        return
