"""Who speaks when the parse hands the speaker's words to a thing (quotes.rules.v7).

Two shapes where the head the parser gives a cue is not the one who says it:

* a participle cue on a medium or a thing, not on its author: ``Maria Lopez posted on Twitter accusing the label of
  ...``, ``Mr. Trump made a third attempt to deflect the criticism, writing ...``: the participle hangs on *Twitter*
  or *attempt*, but the one who posts or makes the attempt says it (``MEDIUM_AUTHOR``);
* a relative pronoun on a group the subject is counted among: ``Pepsi and Costco are among the retailers that said
  ...``, ``Jones is among those who say ...``: the speaker is the subject of *are among*, not *the retailers*
  (``AMONG_SUBJECT``).

Each answers a token (the speaker's head) or None; :mod:`accords.quotes.speakers` uses them.
"""

from __future__ import annotations

from typing import Any

from accords.quotes.attribution import animate, is_cue, is_stance
from accords.quotes.lexicon import NOMINAL_SUBJ, SOURCE_NOUNS

MEDIUM_AUTHOR = True
AMONG_SUBJECT = True

# where words are posted or aired: never the one who says them (the NER calls 'Twitter' a person at times)
_MEDIA = frozenset(
    "twitter facebook instagram tiktok youtube x threads truth social media television tv radio air".split()
)
# words written on a thing someone holds up speak for themselves ('held up a sign saying ...'); 'shirt' covers
# 't-shirt', which the tokenizer splits into 't', '-', 'shirt'
_CARRIERS = frozenset("sign signs banner banners placard placards poster posters shirt shirts".split())


def _subject(verb: Any) -> Any:
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return subj if subj is not None and animate(subj) and subj.tag_ not in ("WP", "WDT") else None


def medium_author(head: Any) -> Any:
    """'X posted on Twitter accusing ...', 'X made an attempt ..., writing ...': the subject of the verb that holds
    the medium or the thing a participle cue hangs on; None when the head is one who can speak or a text (a poll, a
    statement: those speak for themselves)."""
    if not MEDIUM_AUTHOR or head.pos_ not in ("NOUN", "PROPN"):
        return None
    low = head.lower_
    medium = low in _MEDIA or head.lemma_.lower() in _MEDIA
    if not medium and (
        animate(head) or low in SOURCE_NOUNS | _CARRIERS or head.lemma_.lower() in SOURCE_NOUNS
    ):
        return None
    cue = next(
        (c for c in head.rights if c.dep_ == "acl" and c.tag_ == "VBG" and (is_cue(c) or is_stance(c))),
        None,
    )
    if cue is None:
        return None
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        verb = head.head.head
    elif head.dep_ == "dobj":
        verb = head.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.i > head.i:
        return None
    return _subject(verb)


def among_subject(rel: Any) -> Any:
    """'Pepsi and Costco are among the retailers that said ...': the subject counted among the relative pronoun's
    antecedent; None otherwise."""
    if not AMONG_SUBJECT:
        return None
    ant = rel.head.head
    prep = ant.head
    if ant.dep_ != "pobj" or prep.lower_ != "among" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.lemma_ != "be":
        return None
    subj = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJ and c.i < verb.i), None)
    return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def antecedent(rel: Any) -> Any:
    """The noun a relative pronoun stands for: the parse's antecedent, or the noun right before the pronoun when that
    one can speak and the parse's cannot ('talks between the government and the Taliban, who refused ...')."""
    ant = rel.head.head
    if rel.i < 1:
        return ant
    near = rel.doc[rel.i - 1]
    if near.text in (",", "-", "--", "—", "–") and near.i > 0:
        near = rel.doc[near.i - 1]
    if near.i == ant.i or near.pos_ not in ("NOUN", "PROPN") or not ant.left_edge.i <= near.i < rel.i:
        return ant
    if animate(near) and not animate(ant):
        return near
    # 'Jane Roe, director of the Harbor Alliance, which ...': 'which' is never the person
    if rel.lower_ == "which" and ant.ent_type_ == "PERSON" and near.ent_type_ != "PERSON":
        return near
    return ant
