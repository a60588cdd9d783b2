"""Readings that look like reported speech but report no one's words, or not these words (quotes.rules v5 precision).

A verb of judging in the passive ('Sanders is viewed as honest', 'Eritrea was briefly considered one of the
hopes of Africa', 'a state long regarded as a swing state') states what is thought of someone, and names no one
who said it: no quotation, and no speaker to record.

After v5 (six PolNeAR train slices, benchmarks/quotes_dev.py --toggle precision.FLAG): a participle that names a
thing ('a super PAC called Future45': NAMING_PARTICIPLE, 13 unmatched gone, 1 match lost, 1 new) and a choice still
open ('has not decided which ...', 'must decide whether ...': OPEN_CHOICE, 11 gone, 3 lost) report no one's words.
('chose to step back', an act, was tried: 9 gone for 6 lost; left out.)"""

from __future__ import annotations

from typing import Any

from accords.quotes.attribution import Attribution, is_cue

# verbs of judging whose passive is an opinion nobody voiced ('is considered', 'was viewed as', 'are deemed')
JUDGING = frozenset({"consider", "view", "regard", "deem"})
# whether the rule runs (benchmarks/quotes_dev.py --toggle precision.PASSIVE_JUDGING)
PASSIVE_JUDGING = True


def passive_judging(att: Attribution, doc: Any) -> bool:
    """True for a non-direct attribution whose cue is a passive verb of judging: 'is considered', 'being
    viewed', 'was widely regarded', or a reduced relative 'long viewed by many as ...'. Active uses stay
    ('Hispanics who viewed it as an attempt to placate ...' is their view, voiced or not), and so does a
    passive inside someone's words ('... would be considered a distinct group, Sanders said')."""
    if not PASSIVE_JUDGING or att.kind == "direct" or att.cue is None:
        return False
    span = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.lemma_.lower() not in JUDGING or tok.tag_ != "VBN":
            continue
        if tok.dep_ in ("ccomp", "parataxis") and is_cue(tok.head):
            return False  # '... would be considered a distinct group, Sanders said': his words
        deps = {c.dep_ for c in tok.children}
        if deps & {"auxpass", "nsubjpass"} or tok.dep_ in ("acl", "amod"):
            return True
    return False


def unreported(att: Attribution, doc: Any) -> bool:
    """True for an attribution that reports no one's words; each reading it drops has a flag of its own."""
    return passive_judging(att, doc) or naming_participle(att, doc) or open_choice(att, doc)


def _cue_tokens(att: Attribution, doc: Any) -> list[Any]:
    if att.kind == "direct" or att.cue is None:
        return []
    span = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    return list(span) if span is not None else []


# whether the rule runs (benchmarks/quotes_dev.py --toggle precision.NAMING_PARTICIPLE)
NAMING_PARTICIPLE = True
# verbs that give a thing its name ('a group named Occupy DNC'); direct_v6.naming reads them too
NAMING_VERBS = frozenset({"call", "name", "dub", "title", "label", "nickname"})


def naming_participle(att: Attribution, doc: Any) -> bool:
    """'a super PAC called Future45', 'a group named Occupy DNC': a participle that gives a thing its name
    reports no one's words (the name is the thing's, not a view of it)."""
    if not NAMING_PARTICIPLE:
        return False
    for tok in _cue_tokens(att, doc):
        if tok.lemma_.lower() in NAMING_VERBS and tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
            return not any(c.dep_ in ("agent", "nsubjpass", "auxpass") for c in tok.children)
    return False


# whether the rule runs (benchmarks/quotes_dev.py --toggle precision.OPEN_CHOICE)
OPEN_CHOICE = True
_CHOOSING = frozenset({"decide", "determine", "choose"})
# ('chose to step back', an act rather than a word said, was tried: 9 unmatched gone for 6 matches lost)


def open_choice(att: Attribution, doc: Any) -> bool:
    """'officials have to decide who gets extra scrutiny', 'she hasn't decided what she will do': a choice still
    open reports nothing chosen, so its question is no one's words. ('decided that the party needed to ...'
    stays: a conclusion held.)"""
    if not OPEN_CHOICE:
        return False
    for tok in _cue_tokens(att, doc):
        if tok.lemma_.lower() not in _CHOOSING or tok.pos_ != "VERB":
            continue
        for c in tok.children:
            if c.i < tok.i:
                continue
            if c.dep_ == "ccomp" and (
                c.left_edge.tag_ in ("WP", "WDT", "WRB", "WP$") or c.left_edge.lower_ in ("whether", "if")
            ):
                return True
    return False


# whether the rule runs (benchmarks/quotes_dev.py --toggle precision.BARE_REPORT)
BARE_REPORT = True


def bare_reports(atts: list[Attribution], doc: Any) -> list[Attribution]:
    """The attributions whose content is only another report's speaker and verb: in '“We will win,” Hewitt
    said, according to a transcript of the show', the words are the quotation's, and 'according to' reports that
    they were said; its content is not 'Hewitt said'. The other report's own content lies outside this one's
    (a nested report, 'the memo said officials said the plant was closed', keeps its content inside)."""
    if not BARE_REPORT:
        return []
    out = []
    text = doc.text  # built anew on each access: read it once
    for att in atts:
        if att.kind == "direct" or att.cue is None:
            continue
        if not text[att.cue[0] : att.cue[1]].lower().endswith("according to"):
            continue  # 'He said [he had reached out ...]': another verb's words may be this one's content too
        span = doc.char_span(att.start, att.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        for x in atts:
            if x is att or x.cue is None or not x.cue[0] <= root.idx < x.cue[1]:
                continue
            if x.end <= att.start or x.start >= att.end:
                out.append(att)
                break
    return out
