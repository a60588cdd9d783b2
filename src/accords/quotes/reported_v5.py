"""Reported speech added after quotes.rules.v4, each rule measured on four PolNeAR train slices (0-200, 200-350,
350-450, 450-550) with ``benchmarks/quotes_dev.py --toggle reported_v5.FLAG`` (matches won for unmatched
predictions added):

* 'voters see Trump as a strong leader', 'the ad paints Clinton as a liar' (SEEN_AS): a verb that casts its object
  'as' something is a view its subject holds, as 'describe' and 'view' are; +26 for +17, most of those 17 views
  PolNeAR left unmarked; the labelling verbs also take an 'as' phrase hung on their object (LABEL_AS, +1);
  after v5, an 'as' phrase the parse made a clause with no subject ('see the campaign as most unfair':
  SEEN_AS_CLAUSE, six slices +4 for +1, 1 lost);
* 'came out in support of X', 'voted in favor of X' (IN_SUPPORT_OF): +11 for +2;
* more adjectives of a stance ('mistrustful of', 'uneasy about') and one after its noun ('officials, angry about
  X,'): MORE_ADJS, POSTNOMINAL, +16 for +6;
* what was asked where the parse gave 'ask' no clause ('asked Clinton if ...', 'was asked to release ...'):
  ASKED_WHAT, +9 for +3;
* 'X was booed' with no one named (MORE_NO_AGENT, +3 for +1); 'voted to ban X' (MORE_XCOMP, +5 for +3); what a
  stance in the passive is for, as a second piece ('Trump | for failing to ...': PASSIVE_REASON, +5, -7 unmatched);
* speakers: a bare 'asked' ('said when asked whether ...') names no asker (UNNAMED_ASKER: content+speaker +25);
* fewer: 'the question is whether ...' with no one asking (UNOWNED_QUESTION, -9 unmatched for -3 matches);
  'continue' with an object or a gerund (ASPECTUAL, -6 for -1).

(Who can hold a view, in :mod:`accords.quotes.attribution`: more people nouns, a count of people, a name the tagger
read as a common noun: MORE_PEOPLE, COUNT_SUBJECT, NAME_ELSEWHERE, +45 for +17.)

Tried and left out (under half right, or as many spans lost as won): a bare 'asked about X' as no report; a clause
hung on the verb of saying as a conjunct with a pronoun subject as more of what was said; 'him'/'her' as the object
of a stance; 'those who said X' in a poll's breakdown as no report (PolNeAR marks them); 'X drew criticism from Y',
'X won the support of Y' (the subject as content: half right, and 0 of 5 on the fourth slice); 'want' under 'may',
'might', 'if' or with 'you' (PolNeAR marks those too); nouns of agents by suffix ('objector', 'interviewer') as
speakers; 'recall', 'recount', 'contrast' with an object (half right); the 'about' of 'talking to voters about X'
hung on the hearers (2 right of 8: 'spoke to the Conference of Mayors'); 'question', 'doubt', 'decide' with an
if-clause (no change); cutting the reported words before a trailing apposition, a ', where ...' clause, a clause
of time with a report of its own, an aside inside them (', however,', an apposition to their subject), or the time,
setting and clauses after an infinitive of intent: PolNeAR keeps each of these about as often as it leaves it out.
"""

from __future__ import annotations

from typing import Any

from accords.quotes.lexicon import MORE_STANCE_ADJS, STANCE_ADJS, lemma_of

SEEN_AS = True
# verbs that cast their object as something ('voters see Trump as a strong leader', 'the ad paints him as weak')
CAST_AS_VERBS = frozenset("see cast paint portray depict frame tout hail".split())


def seen_as(v: Any) -> bool:
    """'Four in 10 voters see his campaign as a positive force', 'the ad paints Clinton as a liar': a verb with an
    object and an 'as' phrase after it reports how its subject sees the object (content: the object and the 'as'
    phrase, as for the labelling verbs)."""
    if not SEEN_AS or v.pos_ != "VERB" or lemma_of(v) not in CAST_AS_VERBS:
        return False
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if obj is None:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i for c in [*v.children, *obj.children]):
        return True
    # 'see the campaign as most unfair', 'sees Netanyahu as captured by ...': the parse makes the 'as' phrase a
    # clause of its own (one with no subject: 'painted a portrait as he accepted the nomination' is a time)
    return SEEN_AS_CLAUSE and any(
        c.dep_ == "advcl"
        and c.i > obj.i
        and c.left_edge.lower_ == "as"
        and not any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children)
        for c in v.children
    )


SEEN_AS_CLAUSE = True


def seen_as_object(v: Any) -> tuple[int, int] | None:
    """The object with the 'as' phrase the parse hung on it ('see [the new dam as a threat]'), where the labelling
    verbs' rule, which looks for 'as' on the verb, finds none."""
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if obj is None or not any(c.dep_ == "prep" and c.lower_ == "as" for c in obj.children):
        return None
    return obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)


LABEL_AS = True


def label_as() -> bool:
    """Do the labelling verbs ('describe', 'view', 'regard') also take an 'as' phrase the parse hung on their object
    ('described [the talks as less meaningful]')?"""
    return LABEL_AS


IN_SUPPORT_OF = True
# 'in support of X', 'in favor of X', 'in opposition to X', 'in defense of X', 'in praise of X', 'in protest of X'
_STANCE_PHRASES = {
    "support": "of",
    "favor": "of",
    "favour": "of",
    "opposition": "to",
    "defense": "of",
    "defence": "of",
    "praise": "of",
    "protest": "of",
    "solidarity": "with",
}


def in_support_of(prep: Any) -> tuple[Any, Any, Any] | None:
    """'came out in support of the bill', 'voted in favor of the deal', 'rallied in opposition to the plan': a
    stance its verb's subject takes on X; (the verb, the last word of the phrase before X, X), or None."""
    if not IN_SUPPORT_OF or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if (
        noun is None
        or noun.lower_ not in _STANCE_PHRASES
        or any(c.dep_ in ("det", "poss") for c in noun.children)
    ):
        return None
    of = next(
        (c for c in noun.children if c.dep_ == "prep" and c.lower_ == _STANCE_PHRASES[noun.lower_]), None
    )
    obj = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
    v = prep.head
    if obj is None or v.pos_ not in ("VERB", "AUX"):
        return None
    return v, of, obj


MORE_ADJS = True
POSTNOMINAL = True


def stance_preps(adj: str) -> tuple[str, ...]:
    """The prepositions that take what an adjective of a stance is about ('critical of', 'uneasy about')."""
    return STANCE_ADJS.get(adj) or (MORE_STANCE_ADJS.get(adj, ()) if MORE_ADJS else ())


def postnominal(adj: Any) -> bool:
    """'Republicans, concerned about the party's appeal, ...', 'investors hungry for growth': an adjective of a
    stance after the noun it describes, which holds the stance as the subject of 'be' does."""
    return (
        POSTNOMINAL
        and adj.dep_ in ("amod", "acl", "appos")
        and adj.head.i < adj.i
        and adj.head.pos_ in ("NOUN", "PROPN", "PRON")
    )


ASPECTUAL = True


def aspectual(v: Any) -> bool:
    """'The government will continue screening people', 'as the firm continues gaining momentum': 'continue' with
    an object, a gerund or an infinitive is about going on doing something, not about speech (only 'he continued,
    “...”' or 'continued that ...' reports words)."""
    return ASPECTUAL and lemma_of(v) == "continue" and not any(c.dep_ == "ccomp" for c in v.children)


ASKED_WHAT = True


def asked_what(v: Any) -> tuple[int, int] | None:
    """What was asked, where the parse gave 'ask' no clause of its own: an if- or whether-clause it took for an
    adverbial ('asked Clinton if Trump benefits ...', 'Asked if he was ever bullied, ...'), or, in the passive,
    the question or the request ('Trump was asked a question about ...', 'Clinton has been asked to release
    ...'). The one asked is not the speaker; in the passive the asker is not named."""
    if not ASKED_WHAT:
        return None
    kids = [c for c in v.children if c.i > v.i]
    cl = next(
        (
            c
            for c in kids
            if c.dep_ == "advcl" and c.left_edge.lower_ in ("if", "whether") and c.left_edge.i > v.i
        ),
        None,
    )
    if cl is None and any(c.dep_ == "auxpass" for c in v.children):
        cl = next((c for c in kids if c.dep_ in ("dobj", "xcomp")), None)
    if cl is None:
        return None
    end = cl.right_edge
    return cl.left_edge.idx, end.idx + len(end.text)


MORE_NO_AGENT = True
# stances taken on the subject by an audience or by critics left unnamed: 'Clinton was booed', 'he was heckled'
V5_NO_AGENT_VERBS = frozenset("boo heckle jeer cheer applaud praise endorse rebuke slam blast attack".split())


def more_no_agent(lemma: str) -> bool:
    return MORE_NO_AGENT and lemma in V5_NO_AGENT_VERBS


MORE_XCOMP = True
# decisions taken by a vote or a ruling: 'the council voted to ban ...', 'the board moved to block ...'
V5_XCOMP_VERBS = frozenset("vote".split())


def more_xcomp(lemma: str) -> bool:
    return MORE_XCOMP and lemma in V5_XCOMP_VERBS


UNNAMED_ASKER = True


def unnamed_asker(v: Any) -> bool:
    """'Christie said when asked whether he would ...', 'Asked about his plans, the mayor said ...': a bare
    participle 'asked' (no subject, no auxiliary) hangs on the answer of the one asked; who asked is not named."""
    if not UNNAMED_ASKER or lemma_of(v) != "ask" or v.tag_ != "VBN":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in v.children)


PASSIVE_REASON = True


def passive_reason(v: Any) -> tuple[int, int] | None:
    """'Trump has been criticized [for failing to spend time in the state]', 'Clinton has been attacked [on the
    speeches]': what a stance in the passive is for or about goes with its subject, as a second piece."""
    if not PASSIVE_REASON:
        return None
    prep = next(
        (c for c in v.children if c.dep_ == "prep" and c.i > v.i and c.lower_ in ("for", "over", "on", "of")),
        None,
    )
    if prep is None or not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return None
    from accords.quotes.reported_v4 import setting

    if setting(prep):
        return None
    end = prep.right_edge
    return prep.idx, end.idx + len(end.text)


UNOWNED_QUESTION = True


def unowned_question(noun: Any, comp: Any) -> bool:
    """'The question is whether Sanders beats Clinton to it': a question no one is said to ask, with 'whether' after
    it, is the writer's own framing, not a view anyone holds."""
    return UNOWNED_QUESTION and noun.lemma_.lower() == "question" and comp.left_edge.lower_ == "whether"
