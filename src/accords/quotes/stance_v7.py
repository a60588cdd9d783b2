"""Attributions to evidence and stances the rules before quotes.rules.v7 missed, each behind a module flag measured
with /tmp/model/evalall.py on six PolNeAR train slices and the pages dev half:

* 'The scan revealed severe inflammation', 'studies show frozen vegetables can be just as nutritious', 'a poll
  found that ...' (EVIDENCE): a study, a poll, a scan or records as the subject of a verb of showing or finding;
  the clause or the noun phrase it shows is the content and the evidence itself the source.
"""

from __future__ import annotations

from typing import Any

from accords.quotes.attribution import SUBJ, _trim
from accords.quotes.lexicon import EVIDENCE_NOUNS, EVIDENCE_VERBS, lemma_of

EVIDENCE = True
# with a noun phrase (not a clause) as what the evidence shows: 'the scan revealed severe inflammation'
EVIDENCE_NP = True
# the words after such an object that the parse hung on the verb: 'showed Mr. Trump | with a 16-point lead'
EVIDENCE_REST = True


def _subject(v: Any) -> Any:
    """The subject of the verb, or what a relative pronoun stands for ('blood work, which showed ...')."""
    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
    if subj is None and v.dep_ == "conj" and v.head.pos_ == "VERB":
        subj = next((c for c in v.head.children if c.dep_ == "nsubj" and c.i < v.head.i), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
        return v.head
    return subj


def evidence_noun(tok: Any) -> bool:
    """A study, a poll, a scan, records, data: things whose findings an article reports."""
    return (
        tok.pos_ in ("NOUN", "PROPN", "ADJ")
        and tok.lemma_.lower() in EVIDENCE_NOUNS
        or (tok.lower_ in EVIDENCE_NOUNS)
    )


def evidence(v: Any, text: str) -> tuple[tuple[int, int], tuple[int, int], Any] | None:
    """'Studies show frozen vegetables can be just as nutritious', 'the scan revealed severe inflammation in the
    lungs', 'blood work, which showed his immune system was exposed': (content, cue, source) for a verb of showing
    or finding whose subject is a piece of evidence. Else None."""
    if not EVIDENCE or v.pos_ != "VERB" or lemma_of(v) not in EVIDENCE_VERBS:
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        return None
    subj = _subject(v)
    if subj is None or not evidence_noun(subj):
        return None
    kids = [c for c in v.children if c.i > v.i]
    clause = next((c for c in kids if c.dep_ == "ccomp"), None)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if clause is not None:
        first = clause.left_edge
        if obj is not None and obj.i < clause.i and not any(x.dep_ in SUBJ for x in clause.children):
            first = (
                obj.left_edge
            )  # 'show frozen [fruits] can be ...': a clause whose subject the parse took for an object
        if first.tag_ in ("WDT", "WP", "WRB") or first.lower_ in ("whether", "if", "how"):
            return None
        last = clause.right_edge
    elif obj is not None and EVIDENCE_NP:
        if obj.pos_ == "PRON" or obj.tag_ in ("WDT", "WP"):
            return None
        first, last = obj.left_edge, obj.right_edge
        if EVIDENCE_REST:
            # 'a poll showed Mr. Trump with a 16-point lead': what the parse hung on the verb after the object
            for c in kids:
                if c.i <= last.i:
                    continue
                if c.dep_ in ("punct", "cc", "conj", "advcl", "parataxis", "relcl") or c.ent_type_ in (
                    "DATE",
                    "TIME",
                ):
                    break
                last = c.right_edge
    else:
        return None
    while last.i > first.i and (last.is_punct or last.dep_ == "cc"):
        last = v.doc[last.i - 1]
    a, b = _trim(text, first.idx, last.idx + len(last.text))
    if b - a < 4 or text[a:b].lower() in ("that", "this"):
        return None
    return (a, b), (v.idx, v.idx + len(v.text)), subj
