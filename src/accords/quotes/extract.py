"""Rules over the spaCy parse and the quotation marks: quotes, their cues and their speakers.

Two sources of evidence meet here:

* the parse: a verb of saying with a clausal complement (``said (that) ...``, ``warned that ...``, ``“...,” said
  X``), a labelling verb with an object and its complement (``described the talks as ...``, ``called it “...”``),
  and ``according to X``;
* the quotation marks (:mod:`accords.quotes.marks`): a quotation whose cue the parser missed is attached to a verb
  of saying right after it (``“...,” he told reporters``) or right before it (``X said: “...”``); a second
  quotation after ``he said,`` is the second piece of a split quote; a quotation with no cue of its own that
  follows one by a known speaker continues it.

A reported clause with quoted words in it is ``mixed``, and the quoted words are also a ``direct`` quote of the
same speaker (``nested`` in :class:`Attribution`). Quoted words with no speaker (scare quotes, titles) are no quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from accords.quotes.lexicon import (
    LABEL_VERBS,
    NOT_CUES,
    OBJECT_VERBS,
    PREP_VERBS,
    PRONOUNS,
    SOURCE_NOUNS,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
    WEAK_VERBS,
    XCOMP_VERBS,
)
from accords.quotes.marks import MARKS, Segment, find_segments
from accords.quotes.speakers import SpeakerResolver
from accords.records import Evidence, Quote, Record, Span

TITLE_WORDS = frozenset(
    """book film movie novel song album show series play titled entitled headlined article op-ed documentary poem
    magazine newspaper program programme column episode memoir hashtag slogan banner sign motto""".split()
)
# 'Lynch: No outside influence on FBI probe' (one to five words, a colon, the headline)
HEADLINE = re.compile(
    r"\s*((?:[A-Z][\w.’'&-]*\s(?:(?:to|on|at|in|for|about)\s)?){0,5}[A-Z][\w.’'&-]*[A-Za-z.]):\s+\S"
)
HEADLINE_NOT = frozenset(
    "UPDATE UPDATED WATCH VIDEO EXCLUSIVE BREAKING PHOTOS PHOTO LIVE READ NOTE EDITOR'S EDITOR Q A WASHINGTON "
    "SOURCE SOURCES RELATED TAGS TAG TRANSCRIPT CORRECTION CLARIFICATION MORE ALSO SEE PHONE EMAIL CONTACT "
    "FILE GETTY CREDIT CAPTION ADVERTISEMENT SPONSORED DISCLAIMER DISCLOSURE WARNING NB PS P.S. BOTTOM TOP "
    "LOCATION DATE TIME WHEN WHERE WHAT WHY HOW WHO AGE CITY JOB PAY NAME TITLE SUBJECT RE FW SUMMARY "
    "BACKGROUND ANALYSIS OPINION COMMENTARY EDITORIAL INTERVIEW FACT CHECK LATEST FOLLOW".split()
)
# nouns of saying that take a that-clause: "his claim that ...", "the statement that ..."
CUE_NOUNS = frozenset(
    """claim statement assertion argument suggestion belief warning promise pledge remark comment allegation
    accusation charge insistence announcement admission denial assurance contention prediction vow threat
    complaint message""".split()
)
SUBJ = ("nsubj", "nsubjpass", "csubj")
# right-hand dependents that are not part of a speaker's name
SPEAKER_CUT = ("relcl", "acl", "appos", "punct", "cc", "conj", "advmod", "advcl", "ccomp", "dobj", "prep")
STRIP = " \t\n,;:—–-"
# An uncued quotation takes the speaker of the attribution before it only in the same paragraph: measured on
# PolNeAR train, one paragraph further back gives a wrong name four times out of five.
INHERIT_PARAGRAPHS = 0
# verbs that go on the reported clause rather than start a new report ("said she was tired and wanted a change")
CLAUSE_VERBS = frozenset(
    "show find learn read feel hope fear worry figure guess want call point order think believe know".split()
)
CUT_CONJ = 1
EXTEND_VP = True
AS_VERBS = frozenset("say note report point explain write put tell reveal observe".split())
# 'WASHINGTON (AP) — ', 'CLEVELAND, Ohio (UPI) — '
DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]+(?:,[\w .]+)?(?:\s*\([\w .]+\))?\s*[—–-]+\s*")
SAY_VERBS = frozenset("say tell add claim argue insist note write report warn believe think".split())


@dataclass
class Attribution:
    kind: str
    content: list[tuple[int, int]]
    cue: tuple[int, int] | None = None
    speaker: Any = None  # the speaker's head token
    confidence: float = 0.8
    segments: list[int] = field(default_factory=list)
    nested: bool = False  # a partial quote inside a mixed attribution
    stance: bool = False  # a stance verb ("criticized the deal"), not a verb of saying
    parent: Attribution | None = None
    dropped: bool = False  # given way to a better reading of the same words

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


# -- parse helpers ---------------------------------------------------------------------------------------------
def is_cue(tok: Any) -> bool:
    """A verb of saying (the ones that can introduce a quotation)."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS and tok.lemma_.lower() not in NOT_CUES


def is_stance(tok: Any) -> bool:
    """A verb of saying, or one of taking a public stance on something (criticized, called for, wants to)."""
    lemma = tok.lemma_.lower()
    stance = lemma in OBJECT_VERBS or lemma in XCOMP_VERBS or lemma in PREP_VERBS
    return tok.pos_ == "VERB" and (lemma in SPEECH_VERBS or stance) and (lemma not in NOT_CUES)


def subject_of(v: Any) -> Any:
    """The head token of the one who says: the verb's subject, the noun a participle hangs on, or inherited."""
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass") and not (c.dep_ == "nsubjpass" and v.lemma_ in ("say", "tell")):
            if c.tag_ in ("WP", "WDT") or c.lower_ in ("who", "which", "that"):
                return v.head if v.dep_ == "relcl" else None
            return c
    # passive "was told by X"
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return v.head
    if v.dep_ in ("advcl", "conj", "xcomp", "pcomp", "ccomp", "parataxis"):
        fallback = None
        for anc in v.ancestors:
            subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                if anc.dep_ == "acl" and is_cue(anc):
                    return anc.head
                continue
            if subj.tag_ in ("WP", "WDT"):
                subj = anc.head if anc.dep_ == "relcl" else None
            if is_cue(anc) and subj is not None:
                return subj
            if fallback is None:
                fallback = subj
        return fallback
    return None


def animate(tok: Any) -> bool:
    """Can this word be someone who speaks or takes a stance (a person, a body, a group)?"""
    low = tok.lower_
    if tok.pos_ == "PRON":
        return low in ("he", "she", "they", "we", "i", "you", "who")
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.lemma_.lower() in SOURCE_NOUNS or low in SOURCE_NOUNS:
        return True
    return tok.pos_ == "PROPN" or tok.lemma_.lower() in SPEAKER_NOUNS or low in SPEAKER_NOUNS


def speaker_span(head: Any) -> tuple[int, int]:
    """Character span of the speaker's noun phrase: the head, its left dependents, and a few right ones."""
    toks = [head]
    for c in head.lefts:
        if c.dep_ in ("punct", "cc", "conj") or c.lower_ in ("”", '"', "“", "''", "``"):
            continue
        toks.extend(c.subtree)
    for c in head.rights:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.left_edge.i == head.i + 1:
            toks.extend(t for t in c.subtree if t.dep_ not in ("punct",) and t.i <= c.i)
            break  # "Foreign Minister Andrii Sybiha" parsed as title + apposition
        if c.dep_ in SPEAKER_CUT and not (
            c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "at", "with")
        ):
            break
        if c.dep_ == "prep" and any(t.lower_ in ("“", '"', ",") for t in c.subtree):
            break
        toks.extend(c.subtree)
    # never across a line break ("11 a.m.\n\nFormer Gov. Jeb Bush says")
    breaks = [t.i for t in toks if t.i < head.i and "\n" in t.text]
    if breaks:
        toks = [t for t in toks if t.i > max(breaks)]
    toks = [
        t for t in toks if not (t.is_space or t.i < head.i and t.is_punct and t.i == min(x.i for x in toks))
    ]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def _trim(text: str, a: int, b: int, keep_marks: bool = False) -> tuple[int, int]:
    chars = STRIP + ("" if keep_marks else "")
    while a < b and text[a] in chars:
        a += 1
    while b > a and (text[b - 1] in chars or text[b - 1] == "." and not keep_marks):
        b -= 1
    return a, b


def _clause_span(c: Any, cut_speech: bool = True) -> tuple[int, int] | None:
    """Characters of the subtree of ``c``, stopping before a conjoined or adverbial verb of saying with no subject
    of its own (``said X and described Y``: the second verb starts a quote of its own)."""
    toks = list(c.subtree)
    if cut_speech:
        for t in toks:
            if t is c or t.dep_ not in ("conj", "advcl") or not is_cue(t) or t.lemma_.lower() in CLAUSE_VERBS:
                continue
            if any(x.dep_ in SUBJ for x in t.children):
                continue
            stop = t.left_edge.i
            # drop the "and" / comma before it
            toks = [x for x in toks if x.i < stop or x.i > t.right_edge.i]
            toks = [x for x in toks if not (x.i < stop and x.i >= stop - 2 and x.dep_ in ("cc", "punct"))]
        # "Nearly half said they prefer X, and about the same numbers would rather see Y": a clause conjoined to
        # the reported one, with a subject of its own and no 'that', is the writer's, not the speaker's
        for t in list(c.children):
            if t.dep_ != "conj" or t.i < c.i or not any(x.dep_ in SUBJ for x in t.children):
                continue
            if any(x.dep_ == "mark" for x in t.children) or CUT_CONJ == 0:
                continue
            subj = next(x for x in t.children if x.dep_ in SUBJ)
            if CUT_CONJ == 1 and subj.pos_ == "PRON":
                continue
            stop = t.left_edge.i
            cc = [x for x in c.children if x.dep_ in ("cc", "punct") and c.i < x.i < stop]
            if cc:
                stop = min(stop, min(x.i for x in cc if x.i >= max(y.i for y in cc) - 1))
            toks = [x for x in toks if x.i < stop]
    if not toks:
        return None
    first = min(toks, key=lambda t: t.i)
    last = max((t for t in toks if t.i <= first.i + len(toks) * 4), key=lambda t: t.i)
    # the span must be contiguous from the first token: stop at the first gap
    ids = sorted(t.i for t in toks)
    end_i = ids[0]
    for i in ids[1:]:
        if i != end_i + 1:
            break
        end_i = i
    last = c.doc[end_i]
    return first.idx, last.idx + len(last.text)


# -- the extractor ---------------------------------------------------------------------------------------------
class Extractor:
    def __init__(self, record: Record, doc: Any) -> None:
        self.record = record
        self.doc = doc
        self.text = record.article.text
        paras = [(p.start, p.end) for p in record.article.paragraphs]
        self.segments = find_segments(self.text, paras or None)
        self.para_spans = paras or [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text)]
        self.used: set[int] = set()
        # token index -> segment index
        self.tok_seg: dict[int, int] = {}
        for si, seg in enumerate(self.segments):
            for a, b in seg.pieces:
                span = doc.char_span(a, b, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    self.tok_seg.setdefault(t.i, si)

    def paragraph_of(self, offset: int) -> int:
        for i, (a, b) in enumerate(self.para_spans):
            if offset < b:
                return i if offset >= a else max(0, i - 1)
        return len(self.para_spans) - 1

    def inside_quote(self, tok: Any) -> bool:
        si = self.tok_seg.get(tok.i)
        if si is None:
            return False
        seg = self.segments[si]
        return any(a < tok.idx < b - 1 for a, b in seg.pieces)

    def is_title(self, seg: Segment) -> bool:
        inner = seg.inner(self.text)
        before = self.text[max(0, seg.start - 40) : seg.start].lower()
        prev_words = re.findall(r"[\w-]+", before)[-3:]
        if prev_words and prev_words[-1] == "so-called":
            return True
        if any(w in TITLE_WORDS for w in prev_words):
            return True
        words = re.findall(r"[A-Za-z][\w'’-]*", inner)
        if len(words) > 8 or re.search(r"[.!?]\W*\w", inner):
            return False
        small = {
            "of",
            "the",
            "a",
            "an",
            "and",
            "in",
            "on",
            "for",
            "to",
            "at",
            "with",
            "or",
            "is",
            "from",
            "by",
        }
        big = [w for w in words if w.lower() not in small]
        return len(big) >= 2 and all(w[0].isupper() for w in big)

    # -- parse-based cues ---------------------------------------------------------------------------------------
    def from_parse(self) -> list[Attribution]:
        out: list[Attribution] = []
        for tok in self.doc:
            if tok.lower_ == "according" and not self.inside_quote(tok):
                acc = self._according(tok)
                if acc:
                    out.append(acc)
                continue
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in CUE_NOUNS and not self.inside_quote(tok):
                noun = self._noun_cue(tok)
                if noun is not None:
                    out.append(noun)
                continue
            if not is_stance(tok) or self.inside_quote(tok):
                continue
            span = None
            lemma = tok.lemma_.lower()
            spk = subject_of(tok)
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if not comps and lemma in SAY_VERBS:
                # "He said legalizing it could put ...": a clause the parser took for an xcomp
                comps = [
                    c
                    for c in tok.children
                    if c.dep_ == "xcomp"
                    and c.i > tok.i
                    and any(x.dep_ in SUBJ for x in c.subtree if x is not c)
                ]
            conf = 0.8
            if comps:
                if lemma in WEAK_VERBS and not any(x.dep_ in SUBJ for x in comps[0].children):
                    continue
                span = _clause_span(comps[0])
                if span and comps[0].i > tok.i:
                    # "Rubio says, win or lose in Tuesday's primary, he's staying": the words between the comma after
                    # the cue and the clause belong to what is said
                    gap = self.text[tok.idx + len(tok.text) : span[0]]
                    m = re.match(r"\s*,\s*", gap)
                    if m and 0 < len(gap) - m.end() <= 90 and not re.search(r"[.!?;:\n“”\"]", gap):
                        span = (tok.idx + len(tok.text) + m.end(), span[1])
                if len(comps) > 1:
                    last = _clause_span(comps[-1])
                    if span and last:
                        span = (min(span[0], last[0]), max(span[1], last[1]))
            elif lemma in LABEL_VERBS:
                span = self._label_content(tok)
            if span is None and tok.dep_ == "advcl" and lemma in AS_VERBS and spk is not None:
                # "As the Times noted, Clinton raised ...": the clause the as-clause hangs on
                mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "as"), None)
                if mark is not None and mark.i < tok.i:
                    pieces = self._around_as(tok)
                    if pieces:
                        cue = (tok.idx, tok.idx + len(tok.text))
                        out.append(Attribution("indirect", pieces, cue, spk, 0.7))
                    continue
            if (
                span is None
                and tok.dep_ == "parataxis"
                and lemma in ("say", "tell", "add", "note", "write", "argue")
            ):
                # "Russia, he said, would never agree": the clause around the parenthetical cue, in two pieces
                pieces = self._around(tok)
                if pieces and spk is not None:
                    cue = (tok.idx, tok.idx + len(tok.text))
                    out.append(Attribution("indirect", pieces, cue, spk, 0.7))
                continue
            if span is None and spk is not None and animate(spk):
                span = self._object_content(tok)
                conf = 0.55
            if span is None:
                continue
            if (spk is None or not animate(spk)) and (
                lemma in WEAK_VERBS or lemma in LABEL_VERBS or conf < 0.8
            ):
                continue
            if lemma in WEAK_VERBS:
                conf = min(conf, 0.6)
            cue_toks = [tok] + [c for c in tok.children if c.dep_ == "prt"]
            cue = (min(t.idx for t in cue_toks), max(t.idx + len(t.text) for t in cue_toks))
            away = [cue]
            if spk is not None:
                away.append(speaker_span(spk))
                if not (spk.left_edge.i <= tok.i <= spk.right_edge.i):  # not "X, who said ...,"
                    away.append((spk.left_edge.idx, spk.right_edge.idx + len(spk.right_edge.text)))
            span = self._clip(span, away)
            if span is None:
                continue
            a, b = _trim(self.text, *span)
            one_name = conf < 0.8 and self.text[a : a + 1].isupper()  # "endorsed Trump"
            one_name = one_name or self.text[a:b].lower() in ("yes", "no", "so")  # "72 percent said yes"
            if (
                b - a < 3
                or len(re.findall(r"\w+", self.text[a:b])) < 2
                and not (self._has_segment(a, b) or one_name)
            ):
                continue
            out.append(
                Attribution("indirect", [(a, b)], cue, spk, conf, stance=conf < 0.6 and not is_cue(tok))
            )
        # a stance verb inside what someone else is reported to have said is part of that, not a quote of its own
        return [
            x
            for x in out
            if not x.stance
            or x.cue is None
            or not any(y is not x and not y.stance and y.start <= x.cue[0] < y.end for y in out)
        ]

    def _noun_cue(self, noun: Any) -> Attribution | None:
        """'his claim that ...', 'Trump's argument that ...': a noun of saying with a that-clause."""
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp", "relcl")
                and c.i > noun.i
                and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
            ),
            None,
        )
        if clause is None:
            return None
        span = _clause_span(clause)
        if span is None:
            return None
        a, b = _trim(self.text, *span)
        if len(re.findall(r"\w+", self.text[a:b])) < 3:
            return None
        spk = next((c for c in noun.children if c.dep_ == "poss"), None)
        if spk is None:
            v = noun.head
            if noun.dep_ in ("dobj",) and v.pos_ == "VERB":  # 'rejected the claim that ...' is not theirs
                return None
            if noun.dep_ == "pobj" and v.dep_ == "prep" and v.head.pos_ in ("NOUN", "PROPN"):
                spk = None
        if (
            spk is not None
            and spk.pos_ == "PRON"
            and spk.lower_ not in ("his", "her", "their", "its", "our", "my")
        ):
            spk = None
        if spk is not None and spk.lower_ in ("his", "her", "their", "its", "our", "my"):
            pass
        cue = (noun.idx, noun.idx + len(noun.text))
        return Attribution("indirect", [(a, b)], cue, spk, 0.55)

    def _around_as(self, cue: Any) -> list[tuple[int, int]]:
        head = cue.head
        if head.i == cue.i or head.pos_ not in ("VERB", "AUX"):
            return []
        sent = cue.sent
        lo, hi = max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1)
        pieces = []
        for x, y in ((lo, cue.left_edge.i - 1), (cue.right_edge.i + 1, hi)):
            if y < x:
                continue
            a, b = _trim(self.text, self.doc[x].idx, self.doc[y].idx + len(self.doc[y].text))
            if b - a > 2:
                pieces.append((a, b))
        if len(pieces) != 1 or len(re.findall(r"\w+", self.text[pieces[0][0] : pieces[0][1]])) < 3:
            return []
        return pieces

    def _around(self, cue: Any) -> list[tuple[int, int]]:
        head = cue.head
        if head.i == cue.i or head.pos_ not in ("VERB", "AUX"):
            return []
        sent = cue.sent
        lo, hi = max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1)
        left = (self.doc[lo].idx, cue.left_edge.idx)
        right_start = cue.right_edge.i + 1
        pieces = []
        a, b = _trim(self.text, *left)
        if b - a > 2:
            pieces.append((a, b))
        if right_start <= hi:
            a, b = _trim(self.text, self.doc[right_start].idx, self.doc[hi].idx + len(self.doc[hi].text))
            if b - a > 2:
                pieces.append((a, b))
        if any(self._has_segment(a, b) for a, b in pieces):
            return []  # a direct quote: the marks decide
        return pieces

    def _clip(self, span: tuple[int, int], away: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The content never holds its own cue or speaker (a parse that swallowed them): keep the longer side."""
        a, b = span
        for c, d in away:
            if c < b and a < d:
                left, right = (a, c), (d, b)
                a, b = left if left[1] - left[0] >= right[1] - right[0] else right
                if b - a <= 1:
                    return None
        return a, b

    def _object_content(self, v: Any) -> tuple[int, int] | None:
        """Stance verbs whose object is what is reported: 'criticized the deal', 'called for a ceasefire',
        'wants to end the war', 'urged Russia to accept'."""
        lemma = v.lemma_.lower()
        if lemma in OBJECT_VERBS or lemma in PREP_VERBS:
            obj = next((c for c in v.children if c.dep_ == "dobj"), None) if lemma in OBJECT_VERBS else None
            prep = None
            if lemma in PREP_VERBS:
                preps = PREP_VERBS[lemma]
                prep = next((c for c in v.children if c.dep_ in ("prep", "prt") and c.lower_ in preps), None)
            if prep is not None and obj is not None:
                # "accused Russia of stalling": the object and its prepositional phrase
                end = prep.right_edge
                return obj.left_edge.idx, end.idx + len(end.text)
            if obj is None and prep is not None:
                obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if (
                obj is not None
                and obj.tag_ not in ("WDT", "WP")
                and obj.lower_ not in ("it", "this", "that", "them")
            ):
                xc = next((c for c in v.children if c.dep_ in ("xcomp", "oprd") and c.i > obj.i), None)
                end = (xc or obj).right_edge
                if EXTEND_VP:
                    # the rest of the verb phrase: 'defended himself on Saturday for bailing on the bill'
                    for c in v.rights:
                        if c.i <= end.i:
                            continue
                        if c.dep_ in ("punct", "cc", "conj", "parataxis", "advcl", "ccomp", "relcl"):
                            break
                        end = c.right_edge
                return obj.left_edge.idx, end.idx + len(end.text)
        if lemma in XCOMP_VERBS:
            xc = next((c for c in v.children if c.dep_ == "xcomp" and c.i > v.i), None)
            if xc is not None:
                obj = next((c for c in v.children if c.dep_ == "dobj" and c.i < xc.i), None)
                start = (obj or xc).left_edge
                return start.idx, xc.right_edge.idx + len(xc.right_edge.text)
        return None

    def _has_segment(self, a: int, b: int) -> bool:
        return any(s.start < b and a < s.end for s in self.segments)

    def _label_content(self, v: Any) -> tuple[int, int] | None:
        obj = next((c for c in v.children if c.dep_ in ("dobj",)), None)
        comp = next(
            (
                c
                for c in v.children
                if c.i > v.i and (c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ == "as")
            ),
            None,
        )
        if comp is None:
            # called it "a farce": the quote follows the object
            if obj is not None:
                nxt = obj.right_edge.i + 1
                if nxt < len(self.doc) and self.doc[nxt].text in (*MARKS, "''", "``"):
                    si = self.tok_seg.get(nxt)
                    if si is not None:
                        return obj.left_edge.idx, self.segments[si].pieces[0][1]
            return None
        start_tok: Any = obj if obj is not None and obj.i < comp.i else comp
        if start_tok.lower_ in ("which", "that", "who"):
            start_tok = comp
        a = comp.idx if start_tok is comp else start_tok.left_edge.idx
        end_tok = comp.right_edge
        b = end_tok.idx + len(end_tok.text)
        # a closing mark right after belongs to the quote inside
        if b < len(self.text) and self.text[b : b + 1] in '”"':
            b += 1
        elif self.text[b : b + 2] == "''":
            b += 2
        return a, b

    def _according(self, tok: Any) -> Attribution | None:
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
            to = self.doc[tok.i + 1]
        if to is None:
            return None
        src = next((c for c in to.children if c.dep_ == "pobj"), None)
        sent = tok.sent
        lo, hi = tok.i, max(tok.right_edge.i, to.right_edge.i)
        clause = tok.head if tok.head.i != tok.i else tok
        c_lo = max(sent.start, clause.left_edge.i)
        c_hi = min(sent.end - 1, clause.right_edge.i)
        # content: the clause it modifies, less the "according to X" phrase
        if lo - c_lo <= 1:
            first = hi + 1
            last = c_hi
        else:
            first = c_lo
            last = lo - 1
        if first > last:
            return None
        a, b = _trim(self.text, self.doc[first].idx, self.doc[last].idx + len(self.doc[last].text))
        if b - a < 3:
            return None
        cue = (tok.idx, to.idx + len(to.text))
        return Attribution("indirect", [(a, b)], cue, src, 0.8)

    # -- the marks -------------------------------------------------------------------------------------------
    def merge_segments(self, atts: list[Attribution]) -> list[Attribution]:
        out: list[Attribution] = []
        for att in atts:
            a, b = att.start, att.end
            over = [i for i, s in enumerate(self.segments) if s.start < b and a < s.end]
            if not over:
                out.append(att)
                continue
            outside = self.text[a:b]
            for i in over:
                for pa, pb in self.segments[i].pieces:
                    lo, hi = max(pa, a) - a, min(pb, b) - a
                    if hi > lo:
                        outside = outside[:lo] + " " * (hi - lo) + outside[hi:]
            if not re.search(r"\w", outside):
                att.kind = "direct"
                att.content = [p for i in over for p in self.segments[i].pieces]
                att.segments = over
                att.confidence = max(att.confidence, 0.9)
                out.append(att)
                continue
            # a quotation that starts inside the clause belongs to it, even when it runs on after the clause ends
            inside = [i for i in over if self.segments[i].start >= a - 3]
            if len(inside) < len(over):
                # the clause straddles a quotation that is not part of it (a parse gone wrong): keep its own side
                for i in over:
                    if i in inside:
                        continue
                    seg = self.segments[i]
                    left, right = (a, seg.start), (seg.end, b)
                    a, b = left if left[1] - left[0] >= right[1] - right[0] else right
                    a, b = _trim(self.text, a, b)
                if b - a < 10 or not re.search(r"\w", self.text[a:b]):
                    continue
                att.content = [(a, b)]
                over = [i for i in inside if self.segments[i].start < b and a < self.segments[i].end]
            real = [i for i in over if not self.is_title(self.segments[i])]
            if not real:
                out.append(att)
                continue
            att.kind = "mixed"
            lo = min([a] + [self.segments[i].start for i in real if self.segments[i].start >= a - 2])
            hi = max([b] + [self.segments[i].end for i in real if self.segments[i].end <= b + 2])
            pa, pb = self.para_spans[self.paragraph_of(lo)] if self.para_spans else (lo, hi)
            att.content = [(lo, min(hi, pb))]
            att.segments = real
            out.append(att)
            for i in real:
                seg = self.segments[i]
                out.append(
                    Attribution(
                        "direct",
                        list(seg.pieces),
                        att.cue,
                        att.speaker,
                        att.confidence,
                        [i],
                        nested=True,
                        parent=att,
                    )
                )
        return out

    def _window_after(self, seg: Segment) -> list[Any]:
        span = self.doc.char_span(seg.end, min(len(self.text), seg.end + 200), alignment_mode="expand")
        toks: list[Any] = []
        if span is None:
            return toks
        for t in span:
            if "\n" in t.text or t.i in self.tok_seg and t.idx >= seg.end or len(toks) >= 12:
                break
            toks.append(t)
            if t.text in (".", "!", "?", ";"):
                break
        return toks

    def _window_before(self, seg: Segment) -> list[Any]:
        para = self.para_spans[self.paragraph_of(seg.start)] if self.para_spans else (0, seg.start)
        lo = max(para[0], seg.start - 200)
        span = self.doc.char_span(lo, seg.start, alignment_mode="contract")
        if span is None:
            return []
        toks = [t for t in span if t.i not in self.tok_seg or t.idx < self.segments[self.tok_seg[t.i]].start]
        out: list[Any] = []
        for t in reversed(toks):
            if t.text in (".", "!", "?") or t.i in self.tok_seg or len(out) >= 14:
                break
            out.append(t)
        return list(reversed(out))

    def from_segments(self, atts: list[Attribution]) -> list[Attribution]:
        used = {i for att in atts for i in att.segments}
        out: list[Attribution] = []
        for si, seg in enumerate(self.segments):
            if si in used:
                continue
            words = seg.words(self.text)
            if words < 2 or words <= 8 and self.is_title(seg):
                continue  # "Scandal," / “Sunday Morning Futures,”: a word or a title, not a quote
            after = self._window_after(seg)
            att = self._cue_after(seg, si, after) or self._cue_before(seg, si)
            if att is not None:
                used.update(att.segments)
                out.append(att)
                continue
            if words < 4 or self.is_title(seg):
                continue  # scare quotes, titles, a word or two
            pd = self._previous_direct(seg, atts + out)
            if pd is not None:
                pd.content.extend(seg.pieces)  # "“A,” he said. “B.”": B continues A
                pd.segments.append(si)
                used.add(si)
                continue
            prev = self._previous(seg, atts + out)
            if words >= 6 or prev is not None:
                vb = self._verb_before(seg, si, self._window_before(seg)) if words >= 6 else None
                if vb is not None:
                    out.append(vb)
                    used.add(si)
                    continue
                spk = prev.speaker if prev is not None else None
                conf = (0.6 if spk is not None else 0.4) - (0.1 if seg.unbalanced else 0.0)
                out.append(Attribution("direct", list(seg.pieces), None, spk, conf, [si]))
                used.add(si)
        return out

    def _same_para(self, a: int, b: int) -> bool:
        return self.paragraph_of(a) == self.paragraph_of(b)

    def _previous_direct(self, seg: Segment, atts: list[Attribution]) -> Attribution | None:
        """A direct quote earlier in the same paragraph, with no other cue after its sentence."""
        direct = [
            a
            for a in atts
            if a.kind in ("direct", "mixed")
            and not a.nested
            and a.end <= seg.start + 1
            and a.speaker is not None
        ]
        if not direct:
            return None
        pd = max(direct, key=lambda a: a.end)
        gap = self.paragraph_of(seg.start) - self.paragraph_of(pd.end)
        if gap > 1:
            return None
        if gap == 1:
            # a paragraph that opens with a quotation right after the quote's paragraph
            pa = self.para_spans[self.paragraph_of(seg.start)][0]
            if self.text[pa : seg.start].strip() or any(
                a is not pd
                and (a.cue is not None and pd.end <= a.cue[0] < seg.start or pd.end <= a.start < seg.start)
                for a in atts
            ):
                return None
        sent_end = max(pd.end, self.doc.char_span(pd.end - 1, pd.end, alignment_mode="expand").sent.end_char)
        if any(a is not pd and a.cue is not None and sent_end <= a.cue[0] < seg.start for a in atts):
            return None
        return pd

    def _previous(self, seg: Segment, atts: list[Attribution]) -> Attribution | None:
        """The attribution just before ``seg`` in the same paragraph, when it has a speaker: an uncued quotation
        right after one continues its speaker's words."""
        before = [a for a in atts if a.end <= seg.start + 1 and not a.nested]
        if not before:
            return None
        prev = max(before, key=lambda a: a.end)
        if prev.speaker is None:
            return None
        if self.paragraph_of(seg.start) - self.paragraph_of(prev.end) > INHERIT_PARAGRAPHS:
            return None
        return prev

    def _cue_after(self, seg: Segment, si: int, window: list[Any]) -> Attribution | None:
        verb = next((t for t in window if is_cue(t) or t.lemma_ in ("say", "tell", "add", "ask")), None)
        if verb is None:
            # any verb in a short cue phrase: '“...,” the judge exclaimed', '“...,” I confessed.'
            words = [t for t in window if not t.is_punct]
            verbs = [t for t in words if t.pos_ == "VERB"]
            if verbs and words.index(verbs[0]) <= 3 and seg.last_char(self.text) in (",", "?", "!"):
                subj = subject_of(verbs[0])
                near = subj is not None and subj.i in {t.i for t in window} and animate(subj)
                if len(words) <= 5 or near:
                    verb = verbs[0]
        if verb is None:
            return None
        # only a short cue phrase: '“...,” he said', '“...,” said X', '“...,” X told reporters on Friday'
        before_verb = [t for t in window if t.i < verb.i and not t.is_punct]
        if len(before_verb) > 6:
            return None
        spk = subject_of(verb)
        if spk is None or spk.i in self.tok_seg:
            spk = next(
                (
                    t
                    for t in window
                    if t.i != verb.i and t.pos_ in ("PROPN", "PRON", "NOUN") and t.dep_ != "dobj"
                ),
                None,
            )
            if spk is not None:
                # climb to the head of its noun phrase
                while spk.dep_ in ("compound", "amod", "det") and spk.head.i != verb.i:
                    spk = spk.head
        pieces = list(seg.pieces)
        segs = [si]
        # split quote: '“A,” he said, “B.”'
        last = window[-1] if window else None
        if last is not None and last.i + 1 < len(self.doc):
            nxt = self.doc[last.i + 1] if last.text not in (".", "!", "?") else None
            if nxt is None and last.i + 1 < len(self.doc) and last.text in (".",):
                nxt = None
            nseg = None
            probe = last.idx + len(last.text)
            for sj in range(si + 1, len(self.segments)):
                s2 = self.segments[sj]
                if s2.start >= probe - 1 and not self.text[probe : s2.start].strip():
                    nseg = sj
                break
            if nseg is not None and last.text == ",":
                pieces.extend(self.segments[nseg].pieces)
                segs.append(nseg)
        cue = (verb.idx, verb.idx + len(verb.text))
        conf = 0.9 if spk is not None else 0.6
        return Attribution("direct", pieces, cue, spk, conf - (0.2 if seg.unbalanced else 0.0), segs)

    def _cue_before(self, seg: Segment, si: int) -> Attribution | None:
        window = self._window_before(seg)
        if not window:
            # a paragraph that opens with the quote, after one that ends with a colon
            head = self.text[max(0, seg.start - 3) : seg.start]
            pi = self.paragraph_of(seg.start)
            if pi == 0 or "\n" not in head and seg.start != self.para_spans[pi][0]:
                return None
            pa, pb = self.para_spans[pi - 1]
            if not self.text[pa:pb].rstrip().endswith(":"):
                return None
            span = self.doc.char_span(max(pa, pb - 300), pb, alignment_mode="contract")
            window = list(span) if span is not None else []
            cut = max((i for i, t in enumerate(window) if t.text in (".", "!", "?")), default=-1)
            window = [t for t in window[cut + 1 :] if not t.is_space]
            if not window:
                return None
            verb = next((t for t in reversed(window) if is_cue(t)), None)
            conf = 0.8
            if verb is None:
                # 'President Clinton released the following statement:' / 'Transcript as follows:'
                verb = self._colon_verb(window)
                conf = 0.6
            if verb is None:
                return None
            spk = subject_of(verb)
            if spk is not None and not animate(spk):
                spk = None
            return Attribution(
                "direct", list(seg.pieces), (verb.idx, verb.idx + len(verb.text)), spk, conf, [si]
            )
        tail = self.text[window[-1].idx + len(window[-1].text) : seg.start]
        if tail.strip():
            return None
        last = window[-1]
        if not (last.text in (":", ",") or is_cue(last) or last.lower_ == "that"):
            return None
        verb = next(
            (t for t in reversed(window) if is_cue(t) or t.lemma_ in ("say", "tell", "add", "ask")), None
        )
        if verb is None:
            att = self._colon_speaker(seg, si, window)
            if att is None and last.text == ":":
                # 'She then addressed the supporters again: “...”': the subject of the clause before the colon
                verb = self._colon_verb(window)
                spk = subject_of(verb) if verb is not None else None
                if verb is not None and spk is not None and animate(spk):
                    cue = (verb.idx, verb.idx + len(verb.text))
                    att = Attribution("direct", list(seg.pieces), cue, spk, 0.6, [si])
                else:
                    # 'doesn't surprise Republican pollster Daron Shaw: “...”', 'a headline from the Washington
                    # Post: “...”': the last person or organisation named before the colon
                    named = [t for t in window[:-1] if t.ent_type_ in ("PERSON", "ORG") and t.ent_iob_ != "O"]
                    if named:
                        spk = named[-1]
                        while spk.dep_ in ("compound", "flat") and spk.head.ent_type_ == spk.ent_type_:
                            spk = spk.head
                        att = Attribution(
                            "direct", list(seg.pieces), (last.idx, last.idx + 1), spk, 0.5, [si]
                        )
            return att
        # nothing but the verb's own dependents between it and the mark
        between = [t for t in window if t.i > verb.i and not t.is_punct]
        if len(between) > 5:
            return None
        spk = subject_of(verb)
        if spk is None and between and between[0].pos_ == "PROPN" and verb.i + 1 == between[0].i:
            # inverted: 'Continued Stone: “...”', 'Said Trump: “...”'
            spk = between[0]
            while spk.dep_ in ("compound", "flat") and spk.head.i in {t.i for t in between}:
                spk = spk.head
        cue = (verb.idx, verb.idx + len(verb.text))
        conf = 0.9 if spk is not None else 0.6
        return Attribution(
            "direct", list(seg.pieces), cue, spk, conf - (0.2 if seg.unbalanced else 0.0), [si]
        )

    def _colon_verb(self, window: list[Any]) -> Any:
        """The verb of the clause that a colon ends: the head the colon hangs on, or the root of its sentence."""
        colon = window[-1]
        v = colon.head if colon.text == ":" else colon
        if v.pos_ not in ("VERB", "AUX"):
            v = colon.sent.root
        if v.pos_ not in ("VERB", "AUX") or v.i < window[0].i or v.lemma_.lower() in ("be",):
            return None
        return v

    def _verb_before(self, seg: Segment, si: int, window: list[Any]) -> Attribution | None:
        """'thanked Obama for “...”', 'is labeling Obama's actions “...”': a verb in the same clause governs the
        quotation and has a person for subject."""
        span = self.doc.char_span(*seg.pieces[0], alignment_mode="expand")
        if span is None or len(window) < 2:
            return None
        inner = [t for t in span if not t.is_punct and not t.is_space]
        if not inner:
            return None
        ids = {t.i for t in window}
        verb = None
        for t in inner[:3]:
            for anc in t.ancestors:
                if anc.i in ids and anc.pos_ == "VERB":
                    verb = anc
                    break
            if verb is not None:
                break
        if verb is None or verb.lemma_.lower() in NOT_CUES:
            return None
        spk = subject_of(verb)
        if spk is None or not animate(spk) or spk.i in self.tok_seg:
            return None
        cue = (verb.idx, verb.idx + len(verb.text))
        return Attribution("direct", list(seg.pieces), cue, spk, 0.55, [si])

    def _colon_speaker(self, seg: Segment, si: int, window: list[Any]) -> Attribution | None:
        """'Carl Bialik: “...”' (a name, a colon, the quotation): the name is the speaker, the colon the cue."""
        last = window[-1]
        if last.text != ":" or len(window) < 2:
            return None
        head = window[-2]
        if not (head.ent_type_ in ("PERSON", "ORG") or head.pos_ == "PROPN"):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in window[-6:-1]):
            return None
        while (
            head.dep_ in ("compound", "flat")
            and head.head.i < last.i
            and head.head.i in {t.i for t in window}
        ):
            head = head.head
        return Attribution("direct", list(seg.pieces), (last.idx, last.idx + 1), head, 0.6, [si])

    # -- everything ----------------------------------------------------------------------------------------------
    def run(self) -> list[Attribution]:
        atts = self._check_speakers(self.merge_segments(self.from_parse()))
        atts += self._check_speakers(self.from_segments(atts))
        atts += self.from_headlines(atts)
        atts = [a for a in atts if not a.dropped]
        return dedupe(merge_split(atts))

    def from_headlines(self, atts: list[Attribution]) -> list[Attribution]:
        """A headline of the form 'Name: what they said' ('Lynch: No outside influence on FBI probe', 'Clinton to
        Planned Parenthood: ...'), or a transcript line ('TAPPER: Do you think ...'): the name is the speaker,
        the colon the cue, the rest the content. Parse attributions inside such a line give way to it."""
        out: list[Attribution] = []
        for pa, pb in self.para_spans:
            line = self.text[pa:pb]
            m = HEADLINE.match(line)
            if m is None:
                continue
            label = m.group(1)
            words = label.split()
            transcript = label.isupper() and len(words) <= 3
            if words[0].upper().strip("’'") in HEADLINE_NOT or words[-1].upper() in HEADLINE_NOT:
                continue
            if not transcript and len(line.split()) > 30:
                continue
            a, b = _trim(self.text, pa + m.end(1) + 1, pb)
            if b - a < 8:
                continue
            # the speaker is the name before any 'to/on/at ...': 'Clinton to Planned Parenthood'
            name_end = pa + m.start(1) + len(re.split(r"\s(?:to|on|at|in|for|about)\s", label)[0])
            span = self.doc.char_span(pa + m.start(1), name_end, alignment_mode="expand")
            if span is None or any(t.pos_ in ("VERB", "AUX") for t in span) or span[0].like_num:
                continue
            head = span.root
            if head.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "CARDINAL") and not transcript:
                continue
            colon = pa + m.end(1)
            # a quotation in the headline is the speaker's own words: keep it direct, with the colon as cue
            done = False
            for x in atts:
                if x.kind == "direct" and pa <= x.start < pb:
                    if x.speaker is None or x.cue is None:
                        x.speaker, x.cue = head, (colon, colon + 1)
                    done = True
            if done:
                continue
            for x in atts:
                if x.kind != "direct" and pa <= x.start < pb:
                    x.dropped = True
            out.append(Attribution("indirect", [(a, b)], (colon, colon + 1), head, 0.6))
        return out

    def _check_speakers(self, atts: list[Attribution]) -> list[Attribution]:
        """A speaker never stands inside the words it is said to have said, nor inside another quotation."""
        for att in atts:
            tok = att.speaker
            if tok is None:
                continue
            if any(a <= tok.idx < b for a, b in att.content) or self.inside_quote(tok):
                att.speaker = None
                att.confidence -= 0.1
                continue
            att.speaker = self._past_dateline(tok, att)
        return atts

    def _past_dateline(self, tok: Any, att: Attribution) -> Any:
        """'WASHINGTON (AP) — Donald Trump said ...': the parser may take the dateline for the subject; the speaker
        is the noun phrase after the dash."""
        if not (tok.text.isupper() and len(tok.text) > 2) or att.cue is None:
            return tok
        pa = self.para_spans[self.paragraph_of(tok.idx)][0]
        m = DATELINE.match(self.text, pa)
        if m is None or not pa <= tok.idx < m.end():
            return tok
        cue = self.doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
        if cue is None or cue.start == 0:
            return tok
        v = cue[0]
        cands = [
            t
            for t in self.doc[tok.i : v.i]
            if t.idx >= m.end() and t.pos_ in ("PROPN", "NOUN", "PRON") and t.head.i >= v.i
        ]
        if not cands:
            cands = [
                t for t in self.doc[tok.i : v.i] if t.idx >= m.end() and t.pos_ in ("PROPN", "NOUN", "PRON")
            ]
            cands = cands[-1:]
        return cands[0] if cands else None


def merge_split(atts: list[Attribution]) -> list[Attribution]:
    """Direct quotes sharing one cue are one quote in pieces: '“A,” he said, “B.”'."""
    by_cue: dict[tuple[int, int], Attribution] = {}
    out: list[Attribution] = []
    for att in sorted(atts, key=lambda a: a.start):
        if att.kind != "direct" or att.nested or att.cue is None:
            out.append(att)
            continue
        first = by_cue.get(att.cue)
        if first is None:
            by_cue[att.cue] = att
            out.append(att)
            continue
        pieces = sorted(set(first.content) | set(att.content))
        first.content = pieces
        first.segments = sorted(set(first.segments) | set(att.segments))
        first.confidence = max(first.confidence, att.confidence)
    return out


def _overlap(x: Attribution, y: Attribution) -> int:
    tot = 0
    for a, b in x.content:
        for c, d in y.content:
            tot += max(0, min(b, d) - max(a, c))
    return tot


def _length(x: Attribution) -> int:
    return sum(b - a for a, b in x.content)


def dedupe(atts: list[Attribution]) -> list[Attribution]:
    """Two attributions of (nearly) the same words are one: keep the better one."""
    rank = {"direct": 2, "mixed": 1, "indirect": 0}
    atts = sorted(atts, key=lambda x: (-(x.speaker is not None), -rank[x.kind] * 0, -x.confidence, x.start))
    kept: list[Attribution] = []
    # (first offset, last offset, length) of each kept attribution: a cheap bounds test skips the pairs
    # that cannot overlap, so a page with thousands of quotation marks stays linear in practice.
    bounds: list[tuple[int, int, int]] = []
    for x in atts:
        x_lo = min((a for a, _b in x.content), default=0)
        x_hi = max((b for _a, b in x.content), default=0)
        x_len = _length(x)
        dup = False
        for y, (y_lo, y_hi, y_len) in zip(kept, bounds, strict=True):
            if (y_hi <= x_lo or x_hi <= y_lo) and max(x_len, y_len) > 0:
                continue  # disjoint: overlap 0 is never half of a non-empty span
            if x.nested != y.nested and not (x.kind == y.kind == "direct"):
                continue
            if _overlap(x, y) * 2 >= max(x_len, y_len):
                dup = True
                break
        if not dup:
            kept.append(x)
            bounds.append((x_lo, x_hi, x_len))
    return sorted(kept, key=lambda x: (x.start, x.nested))


def build_quotes(record: Record, doc: Any, version: str) -> list[Quote]:
    """All quotes of the record, in text order."""
    text = record.article.text
    ex = Extractor(record, doc)
    atts = ex.run()
    resolver = SpeakerResolver(record, doc)
    quotes: list[Quote] = []
    speakers: dict[int, Any] = {}
    for att in atts:
        content = [Span(start=a, end=b, text=text[a:b]) for a, b in att.content if b > a]
        if not content:
            continue
        spk = None
        if att.speaker is not None:
            key = att.speaker.i
            if key in speakers:
                spk = speakers[key].model_copy()
            else:
                s, e = speaker_span(att.speaker)
                spk = resolver.resolve(att.speaker, s, e)
                speakers[key] = spk
        cue = Span(start=att.cue[0], end=att.cue[1], text=text[att.cue[0] : att.cue[1]]) if att.cue else None
        lo = min([content[0].start] + ([cue.start] if cue else []) + ([spk.start] if spk else []))
        hi = max([content[-1].end] + ([cue.end] if cue else []) + ([spk.end] if spk else []))
        s0, s1 = record.sentence_at(lo), record.sentence_at(max(lo, hi - 1))
        if record.sentences:
            lo = min(lo, record.sentences[s0].start)
            hi = max(hi, record.sentences[s1].end)
        conf = att.confidence
        if spk is None:
            conf -= 0.1
        elif spk.name is None and spk.text.lower() not in PRONOUNS:
            conf -= 0.05
        quotes.append(
            Quote(
                id=f"Q{len(quotes) + 1}",
                kind=att.kind,
                content=content,
                cue=cue,
                speaker=spk,
                evidence=Evidence(
                    sentence=s0,
                    sentences=list(range(s0, s1 + 1)) if s1 > s0 else [],
                    start=lo,
                    end=hi,
                    text=text[lo:hi],
                ),
                confidence=round(max(0.05, min(1.0, conf)), 2),
                version=version,
            )
        )
    return quotes
