"""Reported speech added after quotes.rules.v5, each rule behind a module flag measured on six PolNeAR train
slices (0-200, 200-150, 350-100, 450-100, 550-150, 700-140) with ``benchmarks/quotes_dev.py --toggle
reported_v6.FLAG`` (matches won for unmatched predictions added):

* 'It now seems likely that ...', 'it appeared that ...' (SEEMING): an empty 'it' with a raising verb of
  appearance hedges the clause after it, with no speaker; +20 for +6 (1 match lost). With a personal subject
  ('Mr. Trump seemed to overstay his welcome', SEEM_PERSONAL, off) PolNeAR marks it about as often as not.
* 'raised questions about X', 'launched an attack on X', 'Trump's attacks on X', 'a defense of X' (TARGETED): a
  noun of a speech act aimed at something, voiced by a verb whose subject can speak or held by a possessor who
  can; the target is the content; attacks of arms left out; +58 for +24, exact content +48. Questions raised by
  a thing ('the documents raised questions about X') have no speaker (RAISED_BY_EVENTS, +2, content+speaker +2).

Tried and left out (under ~60% right on the slices, or a loss on one): nouns of a stance with 'of'/'about'/'for'
and no voicing verb ('support for X', 'supporters of X', 'calls for X', 'views on X', 'remarks about X': 20 to 45%
right); verbs of saying or stance with a one-word object ('talked about immigration': 13 of 79); 'X knows
how/what ...' (8 of 71); 'X, who has repeatedly pledged to ...' and poll breakdowns ('those who said ...') are
PolNeAR gaps, not false readings; an 'according to' after a colon (one match on one slice); a possessive pronoun
read as the subject of its clause ('unsparing in their criticism of X': +4 on three slices, -1 on a fourth).
"""

from __future__ import annotations

from typing import Any

from accords.quotes.attribution import _trim, animate, is_cue, subject_of
from accords.quotes.lexicon import THINK_VERBS, lemma_of

SEEMING = True
SEEM_VERBS = frozenset({"seem", "appear"})
# 'Mr. Trump seemed to overstay his welcome' (a personal subject): 99 right for 110 wrong on four train slices,
# PolNeAR marks it about as often as not; only the empty 'it' ('it seems that ...') is kept
SEEM_PERSONAL = False


def _under_report(v: Any) -> bool:
    """Whether the verb sits inside what a verb of saying or thinking reports ('he said Trump seemed tired'):
    that report already holds it."""
    t = v
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "xcomp", "parataxis", "conj") and (
            is_cue(t.head) or lemma_of(t.head) in THINK_VERBS
        ):
            return True
        t = t.head
    return False


def seeming(v: Any, text: str) -> tuple[list[tuple[int, int]], tuple[int, int], Any] | None:
    """'Hizbollah seems unlikely to want to take on Israel again', 'No major polls appear to have been conducted',
    'It now seems inevitable that ...': the clause a raising 'seem' or 'appear' hedges (with an infinitive, an
    adjective or a noun after it, or a that-clause after an empty 'it'), its cue the verb with its auxiliaries;
    the one it seems so to ('more credible to the public') is the source, else none. 'Appeared on Fox News',
    'seemed to him' alone are not hedges."""
    if not SEEMING or lemma_of(v) not in SEEM_VERBS or v.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(v.children)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "expl") and c.i < v.i), None)
    if subj is None:
        return None
    comp = next(
        (
            c
            for c in kids
            if c.i > v.i
            and (
                c.dep_ in ("acomp", "oprd", "attr")
                or c.dep_ == "xcomp"
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
            )
        ),
        None,
    )
    clause = next((c for c in kids if c.dep_ in ("ccomp", "advcl") and c.i > v.i), None)
    if subj.lower_ == "it":
        # 'It seemed like the members have decided ...', 'It may seem surprising that ...', 'it appeared that'
        if clause is None and comp is not None:
            clause = next((c for c in comp.children if c.dep_ == "ccomp" and c.i > comp.i), None)
        if clause is None:
            return None
        lo = comp.left_edge if comp is not None and comp.i < clause.i else clause.left_edge
        if clause.dep_ == "advcl" and clause.left_edge.lower_ not in ("like", "as"):
            return None
    elif SEEM_PERSONAL:
        if comp is None or _under_report(v):
            return None
        lo = subj.left_edge
        if subj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
            lo = v.head.left_edge  # 'a ritual that may seem to be a vestige': the noun it stands for
    else:
        return None
    hi = v.right_edge
    while hi.i > v.i and (hi.is_punct or hi.dep_ == "cc"):
        hi = v.doc[hi.i - 1]
    a, b = _trim(text, lo.idx, hi.idx + len(hi.text))
    if b - a < 8:
        return None
    aux = [c for c in kids if c.dep_ in ("aux", "neg", "advmod") and subj.i < c.i < v.i]
    cue_lo = min([v, *aux], key=lambda t: t.i)
    to = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "to"), None)
    src = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if src is not None and src.pos_ == "PRON":
        return None  # 'it seems to me ...': the speaker's own view, inside their words
    if src is not None and not animate(src):
        src = None
    return [(a, b)], (cue_lo.idx, v.idx + len(v.text)), src


TARGETED = True
# nouns of a speech act aimed at a target or a topic, with the prepositions that take it: 'raised questions about
# X', 'his attacks on X', 'a spirited defense of X', 'made a joke about X', 'levelled allegations against X'
TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "question": ("about", "over"),
    "query": ("about", "over"),
    "attack": ("on", "against", "over", "toward", "towards"),
    "criticism": ("of", "over", "on", "about"),
    "critique": ("of", "over", "on", "about"),
    "defense": ("of",),
    "defence": ("of",),
    "joke": ("about",),
    "allegation": ("against",),
    "accusation": ("against",),
    "complaint": ("about", "over"),
    "grievance": ("about", "over"),
    "concern": ("about", "over"),
    "doubt": ("about", "over"),
    "condemnation": ("of",),
    "denunciation": ("of",),
}
# with a possessor alone ('Trump's attacks on X'), the nouns of an act of speech, not of a feeling ('his concerns
# about X' is a state of mind: PolNeAR marks it one time in three)
OWNED_TARGET_NOUNS = frozenset(
    "attack criticism critique defense defence condemnation denunciation grievance".split()
)
# verbs that voice such a noun ('raised questions', 'launched an attack', 'mounted a defense')
TARGET_VERBS = frozenset(
    """express voice share repeat reiterate make offer raise state air signal convey issue level lodge launch
    mount renew escalate continue keep step""".split()
)


def targeted(prep: Any) -> tuple[Any, Any, Any] | None:
    """'Trump has raised questions about Obama's birthplace', 'his attacks on the nomination process': (the first
    word of the cue, the one who spoke, the target's phrase head) for a noun of an aimed speech act with its
    preposition, voiced by a verb whose subject can speak or held by a possessor who can; questions raised by a
    thing ('the documents raised questions about X') have no one speaking. Else None."""
    if not TARGETED or prep.dep_ != "prep" or prep.lower_ not in _ALL_TARGET_PREPS:
        return None
    noun = prep.head
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.i > prep.i or prep.lower_ not in TARGET_PREPS.get(lemma, ()):
        return None
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None or obj.tag_ in ("WDT", "WP", "PRP") and obj.lower_ not in ("him", "her", "them"):
        return None
    if lemma == "attack" and violent(noun, obj):
        return None
    v = noun.head
    if noun.dep_ == "dobj" and v.pos_ == "VERB" and lemma_of(v) in TARGET_VERBS:
        spk = subject_of(v)
        if spk is not None and animate(spk):
            return v, spk, obj
        if RAISED_BY_EVENTS and lemma_of(v) == "raise" and lemma in ("question", "doubt", "concern"):
            # 'The documents raised new questions about whether ...': questions no one is named as asking
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and not animate(subj):
                return v, None, obj
    own = next((c for c in noun.children if c.dep_ == "poss"), None)
    if lemma in OWNED_TARGET_NOUNS and own is not None and (own.pos_ == "PRON" or animate(own)):
        return noun, own, obj
    return None


RAISED_BY_EVENTS = True
# (a possessive pronoun read as the subject of its clause, 'Republicans were unsparing in their criticism of X':
# tried, content+speaker +4 on three slices and -1 on a fourth; left to the speaker resolver)
_ALL_TARGET_PREPS = frozenset(p for ps in TARGET_PREPS.values() for p in ps)
# an attack of arms, not of words: 'the deadly attack on the club', 'carried out his attack on the embassy'
_VIOLENT = frozenset(
    "terrorist terror deadly murderous mass bomb chemical suicide military armed violent physical gun knife "
    "missile rocket air drone cyber".split()
)


def violent(noun: Any, obj: Any) -> bool:
    """An attack of arms ('the deadly attack on the club', 'carried out his attack on club goers', 'the attack on
    Benghazi'), which reports no words."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in _VIOLENT for c in noun.children):
        return True
    if noun.head.pos_ == "VERB" and lemma_of(noun.head) in (
        "carry",
        "perpetrate",
        "commit",
        "plot",
        "survive",
    ):
        return True
    return obj.ent_type_ in ("GPE", "FAC", "LOC", "DATE", "TIME")
