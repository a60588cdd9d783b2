"""Reported speech added after quotes.rules.v6 (the bounds of what a core cue reports), each rule behind a module
flag measured with ``benchmarks/quotes_slices.py`` on six PolNeAR train slices and on the pages dev half:

* 'told reporters at a news conference that officials began ...', 'tells the paper that he fought ...', 'claimed
  at the time that they were ...' (THAT_RELCL): the parser hung the that-clause on the noun before it as a
  relative clause; when that noun is the verb's object or the object of a preposition on the verb, the clause
  has a subject of its own, and 'that' is neither its subject nor (with a gap left by it) its object, the clause
  is what is said. Train six slices: content tp +8 for pred +6 (F1 +0.0003, content+speaker +0.0002); pages dev
  content +0.0010, content+speaker +0.0011. The clause stops before a verb of saying conjoined to it with no
  subject of its own (the speaker's next act: 'and asked their governments to help'). A noun deeper in the verb's
  phrase ('said of working at a bank that ...', DEEP_PREP): train +1 match, pages dev even.
* 'One of the officers, according to prison records, had worked ...', 'He had, according to X, killed ...'
  (ACCORDING_AROUND): the clause on both sides of an 'according to' set off between the subject (or an auxiliary)
  and the rest, where the parse hung the phrase on the subject or the auxiliary; train content +0.0001
  (content+speaker even), pages dev content +0.0027, content+speaker +0.0027. A subject with a relative clause of
  its own ('One of the decisions they have made, according to X, is ...', SUBJECT_RELATIVE): train +1 match.
* 'A, while B, according to X.' at the end of a paragraph (ACCORDING_SPACE): the line break after the full stop
  is a token of the sentence, and hid that the phrase ends it, so that only the last clause was its content;
  train content +0.0007, content+speaker +0.0008 (+13 matches); pages dev content and content+speaker even (two
  spans change: one now takes 'In sum,' off, one now keeps the first of two conjoined verbs).
* 'But, according to the poll, 46 percent ...' (OPENER_PIECE): a first piece that is only the writer's opener
  ('But', 'In addition', 'Now') is dropped; train +1 match, three spans nearer, pages dev even.
* 'The new policy, first reported by the Daily Star, is ...' (REPORTED_BY): a participle of reporting with its
  reporter, set off by commas after the subject, reports the clause around it, in two pieces; train +2 matches,
  pages dev even.
* 'The CBO projects that ...', 'Trump claims he's worth ...' (NOUN_VERB): a verb of saying tagged a plural noun,
  with a subject before it and a clause after it; train +1 match, pages dev +1 match (+0.0008).
* 'X dissolved in 2010, the Herald reported in 2015.', 'X is under pressure, said the firm's chief executive.'
  (FINAL_CUE): a verb of saying with its subject after a comma at the end of the sentence, hung by the parse on
  the clause before it (relcl, advcl, conj, or a parataxis the parenthetical rule does not take), reports the
  sentence up to the comma; train +4 matches for +4 predictions (content +0.0002, content+speaker +0.0001),
  pages dev even.

Tried and left out: an end-placed ', according to X' cut off the words another cue reports ('told her that it
was not that simple, according to an account'): train +0.0001 only because the shortened report then fell to
:func:`accords.quotes.extract.dedupe` under the 'according to' one, which is no reason to keep it. 'He said X, but
he did worry Y' (a clause conjoined to the verb of saying whose subject is the reported clause's pronoun, taken as
said too): right on pages dev and on some of PolNeAR train, but PolNeAR more often leaves it out ('..., but he did
not apologize'): a loss on train. 'That's according to X.' after the sentence it sources: PolNeAR's content is
'That', the pages' the sentence before.
"""

from __future__ import annotations

from typing import Any

from accords.quotes.attribution import SAY_VERBS, SUBJ, Attribution, _trim, is_cue
from accords.quotes.lexicon import NOMINAL_SUBJ, lemma_of
from accords.quotes.reported_v4 import PARENTHETICAL

THAT_RELCL = True
DEEP_PREP = True  # under THAT_RELCL: the noun of a phrase inside the verb's phrase
# verbs whose 'that' after an object or a phrase is a clause said, not a relative clause on the noun
THAT_VERBS = frozenset(
    """say tell claim report note add warn insist argue assure inform remind acknowledge admit explain announce
    state write testify suggest concede confirm deny predict project estimate reveal disclose""".split()
)
# verbs whose object is the one told ('told reporters that ...'); the object of 'say' is what is said
TELL_VERBS = frozenset("tell assure inform remind warn notify convince persuade promise".split())
# clause-taking dependants that fill a verb's object slot ('began receiving', 'were treated', 'is likely')
_FILLED = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "nsubjpass", "auxpass"})


def that_relcl(v: Any, lemma: str) -> Any | None:
    """The clause a verb of saying reports when the parse made it a relative clause on the noun before it ('told
    reporters | that officials began ...', 'said in a statement | that the plant will close'); None when the
    clause reads as a true relative ('the statement that it released': 'that' the object of a verb with none
    other)."""
    if not THAT_RELCL or lemma not in THAT_VERBS:
        return None
    nouns = [c for c in v.children if c.dep_ in ("dobj", "dative") and c.i > v.i and lemma in TELL_VERBS]
    for p in v.children:
        if p.dep_ == "prep" and p.i > v.i:
            nouns += [c for c in p.children if c.dep_ == "pobj"]
            if DEEP_PREP:  # 'said of working at a bank that ...': the noun deeper in the phrase
                nouns += [c for c in p.subtree if c.dep_ == "pobj" and c.head.i != p.i]
    for n in nouns:
        for r in n.children:
            if r.dep_ != "relcl" or r.i < n.i or r.pos_ not in ("VERB", "AUX"):
                continue
            that = r.left_edge
            if that.lower_ != "that" or that.head.i != r.i or that.i <= n.i:
                continue
            if any(t.is_punct for t in v.doc[n.i + 1 : that.i]):
                continue
            if that.dep_ in NOMINAL_SUBJ:
                continue  # 'the statement that was released'
            if not any(x.dep_ in SUBJ and x.i != that.i for x in r.children):
                continue
            if that.dep_ == "dobj" and not any(x.dep_ in _FILLED for x in r.children if x.i != that.i):
                if r.lemma_.lower() not in _NO_OBJECT:
                    continue  # 'the interview that he gave': 'that' fills the object slot
            return r
    return None


# verbs that take no object, so a 'that' the parser made their object is a mark ('that he fought with the man')
_NO_OBJECT = frozenset(
    """fight argue go come die live work happen arrive stay remain agree disagree sleep run walk talk speak
    complain apologize apologise collapse fall rise fail succeed lie sit stand wait act behave""".split()
)


def relcl_end(r: Any) -> int | None:
    """Where a clause :func:`that_relcl` rescued stops: before a verb of saying conjoined to it with no subject of
    its own ('claimed that they were treated well | and asked their governments to help': the parse that hung
    the clause on a noun also hung the second verb of the speaker on the clause)."""
    for c in r.children:
        if c.dep_ == "conj" and c.i > r.i and is_cue(c) and not any(x.dep_ in SUBJ for x in c.children):
            first = c.left_edge
            while first.i > r.i and r.doc[first.i - 1].dep_ in ("cc", "punct"):
                first = r.doc[first.i - 1]
            return int(first.idx)
    return None


ACCORDING_AROUND = True
# 'X, Y and Z, according to the results.' at the end of a paragraph: the line break after the full stop is a token
# of the sentence too, and must not hide that 'according to X' ends it
ACCORDING_SPACE = True
SUBJECT_RELATIVE = True  # under ACCORDING_AROUND: a subject with a clause of its own


def sentence_tail(tok: Any) -> bool:
    """Whether the token is what follows the last word of a sentence: punctuation, or (ACCORDING_SPACE) space."""
    return bool(tok.is_punct or ACCORDING_SPACE and tok.is_space)


_BEFORE_VERB = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "expl"})


def according_around(doc: Any, tok: Any, hi: int) -> tuple[Any, int, int, int, int] | None:
    """'One of the officers, according to prison records, had worked ...', 'He had, according to X, eaten ...': an
    'according to X' set off by commas between the subject (or an auxiliary) and the rest of its clause reports
    the whole clause, in two pieces around it. Returns the clause's verb and the first and last tokens of the two
    pieces; ``hi`` is the last token of the phrase."""
    if not ACCORDING_AROUND:
        return None
    lo = tok.i
    if lo < 2 or hi + 2 >= len(doc) or doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return None
    v = tok.head
    while v.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and v.head.i != v.i:
        v = v.head  # 'She had, according to X, eaten': the parse may hang it on the subject or an auxiliary
    if v.pos_ not in ("VERB", "AUX"):
        return None
    if v.i < lo:
        # 'He had, according to X, killed ...' parsed with 'had' the verb and 'killed' its complement
        rest = (
            c for c in v.children if c.i == hi + 2 and c.dep_ in ("xcomp", "ccomp", "conj", "acomp", "attr")
        )
        if v.i != lo - 2 or next(rest, None) is None:
            return None
    elif v.i <= hi + 1:
        return None
    sent = tok.sent
    first = max(sent.start, v.left_edge.i)
    left = [t for t in doc[first : lo - 1] if not t.is_punct]
    subj = next((t for t in left if t.dep_ in ("nsubj", "nsubjpass", "expl") and _on(t, v)), None)
    if subj is None:
        return None
    # the part before it is the subject and the auxiliaries only: no verb of its own, no cue of its own (a relative
    # clause inside the subject may have one: 'One of the decisions they have made, according to X, is ...')
    for t in left:
        inside = SUBJECT_RELATIVE and subj.left_edge.i <= t.i <= subj.right_edge.i and t.i != subj.i
        if (
            t.pos_ in ("VERB", "AUX")
            and not (t.i == v.i or t.dep_ in _BEFORE_VERB and _on(t, v) or inside)
            or is_cue(t)
        ):
            return None
    end = min(sent.end - 1, v.right_edge.i)
    while end > hi + 2 and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    if end <= hi + 1:
        return None
    return v, first, lo - 2, hi + 2, end


def _on(t: Any, v: Any) -> bool:
    """Whether ``t`` hangs on ``v``, directly or through an auxiliary of it."""
    h = t.head
    return h.i == v.i or (h.dep_ in ("aux", "auxpass") and h.head.i == v.i)


NOUN_VERB = True


def noun_verb(tok: Any) -> bool:
    """'The Congressional Budget Office projects that the tariffs will ...', 'Trump claims he's worth ...': a verb
    of saying the tagger took for a plural noun, with a subject before it and a clause after it."""
    if not NOUN_VERB or tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in ("NNS", "NN"):
        return False
    if not tok.lower_.endswith("s") or tok.lemma_.lower() not in THAT_VERBS | SAY_VERBS:
        return False
    kids = list(tok.children)
    return any(x.dep_ == "nsubj" and x.i < tok.i for x in kids) and any(
        x.dep_ == "ccomp" and x.i > tok.i for x in kids
    )


FINAL_CUE = True
# what may follow the cue in 'X, the Herald reported in 2015.': when, where, to whom
_AFTER_CUE = frozenset({"prep", "npadvmod", "tmod", "advmod", "punct", "dobj", "dative", "nsubj", "appos"})


def final_cue(v: Any) -> tuple[int, int] | None:
    """'X was a nurse in Lisbon, the paper reports.', 'X dissolved in 2010, the Herald reported in 2015.', 'X is under
    pressure, said the firm's chief executive.': a verb of saying with its subject after a comma at the end of
    the sentence, which the parse hung on the clause before it as a relative, adverbial or conjoined clause, reports
    that clause (the sentence up to the comma). Returns the indices of its first and last tokens."""
    if not FINAL_CUE or lemma_of(v) not in THAT_VERBS:
        return None
    if v.dep_ not in ("relcl", "advcl", "conj") and not (
        v.dep_ == "parataxis" and lemma_of(v) not in PARENTHETICAL
    ):
        return None  # (a parenthetical 'he said' has a rule of its own)
    kids = list(v.children)
    subj = [x for x in kids if x.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].tag_ in ("WP", "WDT") or subj[0].lower_ in ("that", "who", "which"):
        return None
    if any(x.dep_ not in _AFTER_CUE for x in kids if x.i != subj[0].i):
        return None  # a clause or an object of its own
    if any(x.dep_ in ("dobj", "dative") for x in kids) and lemma_of(v) not in TELL_VERBS:
        return None
    doc, sent = v.doc, v.sent
    first = min(v.i, subj[0].left_edge.i)
    last = sent.end - 1
    while last > v.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if v.right_edge.i < last or first - 1 <= sent.start or doc[first - 1].text != ",":
        return None  # the cue ends the sentence, after a comma
    start = sent.start
    toks = doc[start : first - 1]
    if any(t.text in ('"', "“", "”", ";", ":") or "\n" in t.text for t in toks):
        return None
    if any(lemma_of(t) in THAT_VERBS and any(x.dep_ == "ccomp" for x in t.children) for t in toks):
        return None  # 'X said Y, Z reported': the clause has a report of its own
    if len([t for t in toks if not t.is_punct]) < 3:
        return None
    return toks[0].i, toks[-1].i


OPENER_PIECE = True
_OPENERS = frozenset(
    """but and yet so now still however meanwhile moreover also then while though although instead indeed""".split()
)
_OPENER_PHRASES = (
    "in addition",
    "in fact",
    "in short",
    "in turn",
    "in particular",
    "in sum",
    "at the same time",
)


def drop_opener(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'But, according to the poll, 46 percent remain undecided': a first piece that is only the writer's opener
    ('But', 'In addition', 'Now') is no part of what X reports."""
    if not OPENER_PIECE or len(pieces) < 2:
        return pieces
    words = text[pieces[0][0] : pieces[0][1]].strip(" ,").lower()
    if words in _OPENERS or words in _OPENER_PHRASES:
        return pieces[1:]
    return pieces


REPORTED_BY = True
_FIRST_REPORT = frozenset("report disclose reveal".split())


def reported_by(v: Any) -> tuple[list[tuple[int, int]], Any] | None:
    """'The new policy, first reported by the Daily Star, is a key part of ...': a participle of reporting with its
    reporter, set off by commas after the subject, reports the clause around it (in two pieces, PolNeAR's way);
    the token bounds of the pieces and the reporter."""
    if not REPORTED_BY or v.dep_ != "acl" or v.tag_ != "VBN" or lemma_of(v) not in _FIRST_REPORT:
        return None
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    src = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    n, doc = v.head, v.doc
    lo, hi = v.left_edge.i, v.right_edge.i
    if src is None or n.dep_ not in NOMINAL_SUBJ or n.i >= lo or hi + 2 >= len(doc):
        return None
    verb = n.head
    if (
        doc[lo - 1].text != ","
        or doc[hi + 1].text != ","
        or verb.i <= hi + 1
        or verb.pos_ not in ("VERB", "AUX")
    ):
        return None
    first = max(v.sent.start, n.left_edge.i)
    end = min(v.sent.end - 1, verb.right_edge.i)
    while end > hi + 2 and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    if any(t.pos_ in ("VERB", "AUX") or is_cue(t) for t in doc[first : lo - 1]):
        return None
    return [(first, lo - 2), (hi + 2, end)], src


def late_report(v: Any, spk: Any, text: str) -> Attribution | None:
    """The attribution of :func:`reported_by` or of :func:`final_cue` for a verb with no clause of its own."""
    doc, cue = v.doc, (v.idx, v.idx + len(v.text))
    first_by = reported_by(v)
    if first_by is not None:
        spans = [_trim(text, doc[x].idx, doc[y].idx + len(doc[y].text)) for x, y in first_by[0]]
        return Attribution("indirect", spans, cue, first_by[1], 0.8)
    last = final_cue(v) if spk is not None else None
    if last is None:
        return None
    piece = _trim(text, doc[last[0]].idx, doc[last[1]].idx + len(doc[last[1]].text))
    return Attribution("indirect", [piece], cue, spk, 0.8)
