"""Reported speech added after quotes.rules.v7 (where the content of a core cue is cut short), each rule behind a
module flag measured with ``benchmarks/quotes_slices.py`` on six PolNeAR train slices and on the pages dev half:

* 'The mayor said the plant will close, and the town faces a hard winter.', 'I told her that the state tried to
  jail me, but a judge refused.' (CONJ_CLAUSE): the parse hung the second clause on the verb of saying as a
  conjunct, so the content stopped at the comma; a clause after ', but' with a subject of its own that
  is not a person's pronoun (the speaker's next act: 'and he railed against ...' stays out, as v7 found PolNeAR
  leaves it out), no clause of its own below it and no verb of saying or thinking at its head, at the end of the
  sentence, continues what is said. Train six slices: content tp +3 for pred -1 (content F1 +0.0002,
  content+speaker +0.0002); pages dev even. With ', and' too: train tp -2 ('..., and both sides actually agree':
  the writer's next point); with a perfect cue ('have argued that ..., but Democrats ...') the other side's view.
* 'she can vote for Clinton over Donald Trump, the Republican frontrunner who ...', 'reiterated his support for
  Mr. Trump, the presumptive nominee' (TRAIL_APPOS): an appositive set off by a comma after a name at the end of
  the content is the writer's gloss, not what is said, when it opens with a determiner ('to Albany, N.Y.' keeps
  its state); train content tp +8 for pred +5 (F1 +0.0003, content+speaker +0.0003, exact content +0.0003),
  pages dev content +0.0027, content+speaker +0.0027 (exact +0.0012). Only after the core verbs of saying: train
  and pages dev even (the gain is on stance cues: 'backing', 'reiterated').
* 'claimed that crime has fallen 20 percent and the prison population has fallen 10 percent' (THAT_PAIR): a
  clause conjoined by 'and' to a reported that-clause, with a subject of its own, was cut as the writer's next
  point (attribution.CUT_CONJ); after 'that' it is the second of the pair said. Train content tp +1 for pred -5
  (F1 +0.0002, content+speaker +0.0001, exact content +0.0004); pages dev even (exact content +0.0034). With
  'but' too: no change.

Tried and left out: the object of 'claim' as what is claimed ('claimed self-defense'; not 'victory', 'credit',
'the lives of'): train content tp +3 for pred +10 (F1 even, precision down), pages dev even.
"""

from __future__ import annotations

from typing import Any

from accords.quotes.attribution import SUBJ
from accords.quotes.lexicon import THINK_VERBS, lemma_of

CONJ_CLAUSE = True
TRAIL_APPOS = True
THAT_PAIR = True
# the verbs of saying whose conjoined clause may go on with what is said
CONJ_VERBS = frozenset("say tell claim add note argue write report warn insist explain".split())
# 'and' more often starts the writer's next point ('..., and the market did'); 'but' the speaker's own turn
CONJ_WORDS = frozenset({"but"})
# subjects that name a person: the clause is then the speaker's (or someone's) next act
_PERSONAL = frozenset("i you he she we they who".split())
_MARKS = frozenset({"“", "”", '"', "‘", "’’", "''", "``"})
# a conjoined clause headed by one of these is a report of its own, not more of the first
_SAYISH = CONJ_VERBS | {"ask", "call"}


def conj_clause(v: Any, comp: Any, lemma: str) -> Any | None:
    """The last token of a clause conjoined to the verb of saying ``v`` after its reported clause ``comp`` that goes
    on with what is said ('said X, and the town faces Y'); None when there is none."""
    if not CONJ_CLAUSE or lemma not in CONJ_VERBS or comp.i < v.i:
        return None
    if any(x.dep_ == "aux" and x.lemma_ == "have" or x.dep_ == "neg" for x in v.children):
        return None  # 'have argued that ..., but ...': the writer's summary of a debate, then the other side
    doc = v.doc
    for c in v.children:
        if c.dep_ != "conj" or c.i < comp.right_edge.i or c.pos_ not in ("VERB", "AUX"):
            continue
        cc = next((x for x in c.doc[comp.right_edge.i + 1 : c.i] if x.dep_ == "cc"), None)
        if cc is None or cc.lower_ not in CONJ_WORDS or doc[cc.i - 1].text != ",":
            continue
        subj = [x for x in c.children if x.dep_ in SUBJ and x.i < c.i]
        if not subj or subj[0].lower_ in _PERSONAL or subj[0].ent_type_ or subj[0].pos_ == "PROPN":
            continue  # a person's pronoun, a name: someone's own act ('but Democrats have pushed for ...')
        if lemma_of(c) in _SAYISH or lemma_of(c) in THINK_VERBS:
            continue
        if any(x.dep_ in ("ccomp", "conj") for x in c.children):
            continue
        if any(x.text in _MARKS for x in doc[cc.i : c.right_edge.i + 1]):
            continue  # 'but by Friday the council had renamed it “a budget for nobody”': someone else's words
        end = c.right_edge
        while end.i > c.i and (end.is_punct or end.is_space):
            end = doc[end.i - 1]
        if end.i + 1 < len(doc) and not doc[end.i + 1].is_punct and not doc[end.i + 1].is_space:
            continue
        return end
    return None


def conj_span(v: Any, comp: Any, lemma: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The content span of ``v`` reaching to the end of a conjoined clause that goes on with what is said."""
    tail = conj_clause(v, comp, lemma)
    if span is None or tail is None or tail.idx <= span[0]:
        return span
    return (span[0], max(span[1], tail.idx + len(tail.text)))


def trail_appos(doc: Any, span: tuple[int, int]) -> tuple[int, int]:
    """The content span without an appositive set off by a comma after a name at its end ('she can vote for
    Hillary Clinton over Donald Trump, the Republican frontrunner who ...'): the writer's gloss, not what is said."""
    if not TRAIL_APPOS:
        return span
    toks = [t for t in doc.char_span(span[0], span[1], alignment_mode="expand") or [] if not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    if len(toks) < 3:
        return span
    last = toks[-1]
    for a in toks:
        if a.dep_ != "appos" or a.head.pos_ != "PROPN" or a.head.i > a.i or a.right_edge.i != last.i:
            continue
        if a.pos_ != "NOUN" or a.left_edge.pos_ != "DET":
            continue  # 'to Albany, N.Y.': a place's state is no gloss
        comma = doc[a.left_edge.i - 1]
        if comma.text == "," and comma.idx > span[0] and comma.i > toks[0].i + 1 and a.head.i == comma.i - 1:
            return (span[0], comma.idx)
    return span


def that_pair(c: Any, t: Any) -> bool:
    """'claimed that crime has fallen 20 percent and the prison population has fallen 10 percent': a clause
    conjoined with no comma to a reported that-clause, with a subject of its own, is the second of the pair said."""
    if not THAT_PAIR or c.left_edge.lower_ != "that" or c.left_edge.dep_ != "mark":
        return False
    cc = [x for x in c.children if x.dep_ == "cc" and c.i < x.i < t.i]
    return bool(cc) and cc[-1].lower_ == "and"
