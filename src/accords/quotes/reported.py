"""Reported speech from the parse: verbs of saying with a clause, labelling verbs, cue nouns, ``according to``.

Split out of :mod:`accords.quotes.extract` (no behaviour change).
"""

from __future__ import annotations

import re
from typing import Any

from accords.quotes.attribution import (
    AS_VERBS,
    CUE_NOUNS,
    EXTEND_VP,
    SAY_VERBS,
    SUBJ,
    Attribution,
    _clause_span,
    _trim,
    animate,
    is_cue,
    speaker_span,
    subject_of,
)
from accords.quotes.bounds_lead import lead_end, passive_subject
from accords.quotes.lexicon import (
    LABEL_VERBS,
    NOT_CUES,
    OBJECT_VERBS,
    PREP_VERBS,
    SPEECH_VERBS,
    THINK_VERBS,
    WEAK_VERBS,
    XCOMP_VERBS,
    lemma_of,
)
from accords.quotes.marks import MARKS
from accords.quotes.reported_more import MoreReported
from accords.quotes.reported_v4 import (
    MORE_CUE_NOUNS,
    PARENTHETICAL,
    bare_participle,
    drop_cc,
    feeling_about,
    found_object,
    gerund,
    mend_end,
    own_words,
    relative_lead,
    right_piece,
    said_object,
    second_that,
    set_off,
    setting,
    strip_opener,
    voiced,
)
from accords.quotes.reported_v5 import (
    asked_what,
    aspectual,
    label_as,
    more_xcomp,
    seen_as,
    seen_as_object,
    unnamed_asker,
)
from accords.quotes.reported_v7 import late_report, noun_verb, relcl_end, that_relcl
from accords.quotes.reported_v8 import conj_span, trail_appos
from accords.quotes.speaker_spans import cue_extent


def _stance(tok: Any, lemma: str) -> bool:
    """:func:`is_stance` over the mended lemma ('hoping' is no 'hop')."""
    if tok.pos_ != "VERB" or lemma in NOT_CUES:
        return False
    return (
        lemma in SPEECH_VERBS
        or lemma in OBJECT_VERBS
        or lemma in XCOMP_VERBS
        or more_xcomp(lemma)
        or lemma in PREP_VERBS
        or (lemma in LABEL_VERBS)
    )


def _full_clause(c: Any) -> bool:
    """A that-clause or a bare clause with a subject of its own; not a wh-clause ('knows how tempting it is' is
    no view held)."""
    first = c.left_edge
    if first.tag_ in ("WDT", "WP", "WRB", "WP$") or first.lower_ in ("whether", "if"):
        return False
    return first.lower_ == "that" or any(x.dep_ in SUBJ for x in c.children)


CORE_NP = True
LIST_NP = True
FOR_CLAUSE = True
MEND_END = True
PARA_CLIP = True
STATEMENT_CUE = True
ONE_NOUN = True
CALL_ON = True
# 'called for a special prosecutor to investigate ...': whom it calls for is part of what is called for
CALL_FOR = True
V4_COMPS = True


def _own_comps(v: Any, comps: list[Any]) -> list[Any]:
    """Of several clauses the parse hung on one verb of saying, those it reports: the ones after it when there are
    any (a clause before it is a quotation or another report: '“...,” he said. Trump said he was suited'), less a
    later report of its own ('voters said X, and three-quarters said the same of Y')."""
    after = [c for c in comps if c.i > v.i]
    if after:
        comps = after
    first = comps[0]
    return [first] + [c for c in comps[1:] if not (is_cue(c) and any(x.dep_ in SUBJ for x in c.children))]


def _np_end(np: Any) -> Any:
    """The last token of a noun phrase less what a comma or dash sets off after it ('Latino and black voters, who
    have typically backed her', 'the trade pact — one of the biggest goals'): PolNeAR's content is the core."""
    end = np.right_edge
    for c in np.rights:
        if c.dep_ == "punct" and c.text in (",", "—", "–", "-", "(", ";", ":"):
            if LIST_NP and c.text == "," and any(x.dep_ == "conj" and x.i > c.i for x in np.rights):
                continue  # 'low growth, unemployment and inequality': a list goes on past its commas
            return c.doc[c.i - 1] if c.i - 1 >= np.i else np
    return end


def _when(c: Any) -> bool:
    """A phrase of time: 'last week', 'on Monday', 'in December'."""
    if c.dep_ in ("npadvmod", "tmod") or c.ent_type_ in ("DATE", "TIME"):
        return True
    if c.dep_ == "prep":
        obj = next((x for x in c.children if x.dep_ == "pobj"), None)
        return obj is not None and obj.ent_type_ in ("DATE", "TIME")
    return False


class ReportedSpeech(MoreReported):
    # -- parse-based cues ---------------------------------------------------------------------------------------
    def from_parse(self) -> list[Attribution]:
        out: list[Attribution] = []
        for tok in self.doc:
            if tok.lower_ == "according" and not self.inside_quote(tok):
                acc = self._according(tok)
                if acc:
                    out.append(acc)
                continue
            verbish = noun_verb(tok)  # 'the CBO projects that ...' tagged a noun
            if (
                tok.pos_ == "NOUN"
                and not verbish
                and (tok.lemma_.lower() in CUE_NOUNS or tok.lemma_.lower() in MORE_CUE_NOUNS or voiced(tok))
                and not self.inside_quote(tok)
            ):
                noun = self._noun_cue(tok)
                if noun is not None:
                    out.append(noun)
                continue
            lemma = lemma_of(tok)
            stance = _stance(tok, lemma) or seen_as(tok) or verbish
            think = not stance and tok.pos_ == "VERB" and lemma in THINK_VERBS
            if not (stance or think) or self.inside_quote(tok) or aspectual(tok):
                continue
            span = None
            lead = None
            spk = subject_of(tok)
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if think:
                # 'knows that the deal is dead', 'hopes Iowa will turn': a clause of its own, held by someone
                comps = [c for c in comps if c.i > tok.i and _full_clause(c)]
                if not comps or spk is None or not animate(spk):
                    continue
            if not comps and lemma in SAY_VERBS:
                # "He said legalizing it could put ...": a clause the parser took for an xcomp
                comps = [
                    c
                    for c in tok.children
                    if c.dep_ == "xcomp"
                    and c.i > tok.i
                    and any(x.dep_ in SUBJ for x in c.subtree if x.i != c.i)
                ]
            if not comps and not think:
                said = that_relcl(tok, lemma)  # 'told reporters that ...' parsed as a relative clause
                comps = [said] if said is not None else comps
            else:
                said = None
            # 'X dissolved in 2010, the Herald reported.', 'X, first reported by Y, is ...'
            late = None if comps or think else late_report(tok, spk, self.text)
            if late is not None:
                out.append(late)
                continue
            conf = 0.6 if think else 0.8
            if V4_COMPS and len(comps) > 1:
                comps = _own_comps(tok, comps)
            if comps:
                if lemma in WEAK_VERBS and not any(x.dep_ in SUBJ for x in comps[0].children):
                    continue
                span = _clause_span(comps[0])
                lead = relative_lead(tok, comps[0])  # 'which he said were evenly split': 'which' | 'were ...'
                if lead is not None:
                    end = comps[0].right_edge
                    span = (lead[1], end.idx + len(end.text))
                if span and comps[0].i > tok.i:
                    # "Rubio says, win or lose in Tuesday's primary, he's staying": the words between the comma after
                    # the cue and the clause belong to what is said
                    gap = self.text[tok.idx + len(tok.text) : span[0]]
                    m = re.match(r"\s*,\s*", gap)
                    that = (
                        comps[0].left_edge.lower_ == "that"
                    )  # 'saying, apparently for the first time, that'
                    if (
                        m
                        and 0 < len(gap) - m.end() <= 90
                        and not re.search(r"[.!?;:\n“”\"]", gap)
                        and not that
                    ):
                        span = (tok.idx + len(tok.text) + m.end(), span[1])
                if len(comps) > 1:
                    last = _clause_span(comps[-1])
                    if span and last:
                        span = (min(span[0], last[0]), max(span[1], last[1]))
                stop = relcl_end(said) if said is not None else None
                if span and stop is not None and span[0] < stop < span[1]:
                    span = (span[0], stop)
                more = second_that(tok, comps[0])
                if span and more is not None and span[0] < more.idx:
                    end = more.right_edge
                    span = (span[0], max(span[1], end.idx + len(end.text)))
                span = conj_span(tok, comps[0], lemma, span) if more is None else span  # 'said X, but Y'
            elif lemma in LABEL_VERBS or seen_as(tok):
                span = self._label_content(tok) or (
                    seen_as_object(tok) if seen_as(tok) or label_as() else None
                )
            elif lemma == "say":
                span = said_object(tok)
                conf = 0.7
            if span is None and not comps and lemma in ("ask", "wonder"):
                # 'asked Clinton if Trump benefits ...', 'the actress was asked if she had ...': the question
                span = asked_what(tok)
                if span is not None and spk is not None and not animate(spk):
                    span = None
            if span is None and tok.dep_ == "advcl" and lemma in AS_VERBS and spk is not None:
                # "As the Times noted, Clinton raised ...": the clause the as-clause hangs on
                mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "as"), None)
                if mark is not None and mark.i < tok.i:
                    pieces = self._around_as(tok)
                    if pieces:
                        cue = (tok.idx, tok.idx + len(tok.text))
                        out.append(Attribution("indirect", pieces, cue, spk, 0.7))
                    continue
            if span is None and tok.dep_ == "parataxis" and lemma in PARENTHETICAL:
                # "Russia, he said, would never agree": the clause around the parenthetical cue, in two pieces
                pieces = self._around(tok)
                if pieces and spk is not None:
                    cue = (tok.idx, tok.idx + len(tok.text))
                    out.append(Attribution("indirect", pieces, cue, spk, 0.7))
                continue
            if span is None and spk is not None and animate(spk) and not bare_participle(tok):
                span = feeling_about(tok) or self._object_content(tok) or found_object(tok, spk)
                conf = 0.55
            if span is None:
                continue
            span = trail_appos(self.doc, span)  # 'for Clinton over Trump, the frontrunner who ...'
            if (spk is None or not animate(spk)) and (
                lemma in WEAK_VERBS or lemma in LABEL_VERBS or conf < 0.8 or seen_as(tok)
            ):
                continue
            if lemma in WEAK_VERBS:
                conf = min(conf, 0.6)
            if unnamed_asker(tok):
                spk = None  # 'Christie said when asked whether ...': the one asked is not the one asking
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
            if a > tok.idx:
                a = strip_opener(self.text, a, b)
            one_name = conf < 0.8 and self.text[a : a + 1].isupper()  # "endorsed Trump"
            one_name = one_name or self.text[a:b].lower() in ("yes", "no", "so")  # "72 percent said yes"
            one_name = (
                one_name or ONE_NOUN and conf < 0.8 and self._one_noun(a, b)
            )  # "is thanking supporters"
            if (
                b - a < 3
                or len(re.findall(r"\w+", self.text[a:b])) < 2
                and not (self._has_segment(a, b) or one_name)
            ):
                continue
            pieces = [(a, b)] if lead is None else [(lead[0].idx, lead[0].idx + len(lead[0].text)), (a, b)]
            held = passive_subject(tok, a) if lead is None and not comps else None
            if held is not None and not self._has_segment(a, b):
                # 'Dylann Roof is accused of | killing nine people': the one it is said of, a piece before the verb
                sa, sb = speaker_span(held)
                if sb <= cue[0] and not any(x < sb and sa < y for x, y in pieces):
                    cue = cue_extent(self.doc, cue, a)  # now, while the words after the verb start them
                    pieces.insert(0, (sa, sb))
            if comps and comps[0].i < tok.i:
                right = right_piece(tok, spk)  # 'X would be aided, Devine said, by the calendar'
                if right is not None and right[0] >= b and not self._has_segment(*right):
                    pieces.append(_trim(self.text, *right))
            out.append(Attribution("indirect", pieces, cue, spk, conf, stance=conf < 0.6 and not is_cue(tok)))
        out += self.more_from_parse()
        if PARA_CLIP:
            out = [x for x in out if self._in_paragraph(x)]
        if MEND_END:
            for x in out:
                if x.kind == "indirect":
                    x.content = [(a, mend_end(self.text, a, drop_cc(self.text, a, b))) for a, b in x.content]
                    x.content = set_off(self.doc, self.text, x.content)
        # a stance verb inside what someone else is reported to have said is part of that, not a quote of its own
        return [
            x
            for x in out
            if not x.stance
            or x.cue is None
            or not any(y is not x and not y.stance and y.start <= x.cue[0] < y.end for y in out)
        ]

    def _one_noun(self, a: int, b: int) -> bool:
        """A lone common noun as the object of a stance ('thanked supporters', 'expressed shock')."""
        if not re.fullmatch(r"[a-z]+", self.text[a:b]):
            return False
        span = self.doc.char_span(a, b)
        return span is not None and len(span) == 1 and span[0].pos_ == "NOUN" and span[0].dep_ == "dobj"

    def _in_paragraph(self, att: Attribution) -> bool:
        """Reported words stay in the paragraph of their cue (the parser sometimes runs a sentence on across a
        paragraph break): what lies past it is cut off; nothing left, no attribution."""
        if att.cue is None or att.kind != "indirect":
            return True
        pa, pb = self.para_spans[self.paragraph_of(att.cue[0])]
        pieces = []
        for a, b in att.content:
            a, b = _trim(self.text, max(a, pa), min(b, pb))
            if b - a > 2:
                pieces.append((a, b))
        if not pieces:
            return False
        att.content = pieces
        return True

    def _noun_cue(self, noun: Any) -> Attribution | None:
        """'his claim that ...', 'Trump's argument that ...': a noun of saying with a that-clause."""
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp", "relcl")
                and c.i > noun.i
                and (
                    any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
                    or c.left_edge.lower_ == "that"
                    and c.left_edge.dep_ == "mark"
                )
            ),
            None,
        )
        if clause is None:
            return None
        content = self._clause_content(clause, 3)
        if content is None:
            return None
        a, b = content
        spk = next((c for c in noun.children if c.dep_ == "poss"), None)
        cue = (noun.idx, noun.idx + len(noun.text))
        if spk is None and voiced(noun):
            # 'expressed concern that ...', 'voiced hope that ...': the one who voiced it, the verb and the noun
            spk = subject_of(noun.head)
            if spk is None or not animate(spk):
                return None
            return Attribution("indirect", [(a, b)], (noun.head.idx, cue[1]), spk, 0.6)
        if spk is None:
            spk = own_words(noun)
            said = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
            if STATEMENT_CUE and spk is not None and said is not None and is_cue(said) and said.i < noun.i:
                # 'said in a statement that ...': the clause is what was said; the verb, its setting, the cue
                return Attribution("indirect", [(a, b)], (said.idx, cue[1]), spk, 0.8)
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
        if PARA_CLIP:
            # never past the paragraph: the parser sometimes runs a sentence on into the next one
            pa, pb = self.para_spans[self.paragraph_of(cue.idx)]
            while lo < cue.i and self.doc[lo].idx < pa:
                lo += 1
            while hi > cue.i and self.doc[hi].idx >= pb:
                hi -= 1
        end = lead_end(cue)  # 'If the demands are not met, Mr. Taylor warned, ...': the condition is reported
        left = (self.doc[lo].idx, (end if end is not None else cue.left_edge).idx)
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
        lemma = lemma_of(v)
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
            if obj is None and prep is None and lemma in PREP_VERBS and FOR_CLAUSE:
                # 'called for the secretary to release the transcripts': a clause with its own subject after 'for'
                cl = next(
                    (
                        c
                        for c in v.children
                        if c.dep_ == "advcl"
                        and c.i > v.i
                        and "for" in PREP_VERBS[lemma]
                        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                        and any(x.dep_ in SUBJ for x in c.children)
                    ),
                    None,
                )
                if cl is not None:
                    mark = next(m for m in cl.children if m.dep_ == "mark")
                    first = self.doc[mark.i + 1]
                    return first.idx, cl.right_edge.idx + len(cl.right_edge.text)
            if (
                obj is not None
                and obj.lemma_.lower() in CUE_NOUNS
                and any(c.dep_ in ("acl", "ccomp") for c in obj.children)
            ):
                return None  # 'repeated his claim that ...': the noun of saying is the cue
            if (
                obj is not None
                and obj.tag_ not in ("WDT", "WP")
                and obj.lower_ not in ("it", "this", "that", "them")
            ):
                xc = next((c for c in v.children if c.dep_ in ("xcomp", "oprd") and c.i > obj.i), None)
                if xc is None and FOR_CLAUSE and prep is not None and prep.lower_ == "for":
                    # 'called for the secretary to release the transcripts': the infinitive the parse hung on the verb
                    xc = next(
                        (
                            c
                            for c in v.children
                            if c.dep_ == "advcl"
                            and c.left_edge.i == obj.right_edge.i + 1
                            and c.left_edge.lower_ == "to"
                        ),
                        None,
                    )
                end = (xc or obj).right_edge
                if xc is None and CORE_NP:
                    end = _np_end(obj)
                if EXTEND_VP:
                    # the rest of the verb phrase: 'defended himself on Saturday for bailing on the bill'
                    kept = [end]
                    for c in v.rights:
                        if c.i <= end.i:
                            continue
                        if c.dep_ in ("punct", "cc", "conj", "parataxis", "advcl", "ccomp", "relcl"):
                            break
                        kept.append(c)
                    # ... but not a phrase of time or of the setting that ends it ('endorsed Mr. Sanders in
                    # December', 'praised X at a press conference', 'in a tweet')
                    while len(kept) > 1 and (_when(kept[-1]) or setting(kept[-1])):
                        kept.pop()
                    end = kept[-1] if len(kept) == 1 else kept[-1].right_edge
                return obj.left_edge.idx, end.idx + len(end.text)
        if lemma in XCOMP_VERBS or more_xcomp(lemma):
            xc = next((c for c in v.children if c.dep_ == "xcomp" and c.i > v.i), None)
            if xc is not None:
                obj = next((c for c in v.children if c.dep_ == "dobj" and c.i < xc.i), None)
                start = (obj or xc).left_edge
                return start.idx, xc.right_edge.idx + len(xc.right_edge.text)
        return gerund(v)

    def _has_segment(self, a: int, b: int) -> bool:
        return any(s.start < b and a < s.end for s in self.segments)

    def _label_content(self, v: Any) -> tuple[int, int] | None:
        obj = next((c for c in v.children if c.dep_ in ("dobj",)), None)
        comp = next(
            (
                c
                for c in v.children
                if c.i > v.i
                and (
                    c.dep_ in ("oprd", "xcomp")
                    or c.dep_ == "prep"
                    and c.lower_ == "as"
                    or c.dep_ == "advcl"
                    and c.left_edge.lower_ == "as"  # 'view her as more prepared'
                )
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
        if (
            CALL_ON
            and comp.dep_ == "xcomp"
            and any(x.dep_ == "aux" and x.lower_ == "to" for x in comp.children)
        ):
            # 'called on tech companies to become more aggressive': whom it calls on, and to do what
            preps = ("on", "for") if CALL_FOR else ("on",)
            on = next(
                (c for c in v.children if c.dep_ == "prep" and c.lower_ in preps and c.i < comp.i), None
            )
            who = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
            a = who.left_edge.idx if who is not None else comp.left_edge.idx
        end_tok = comp.right_edge
        b = end_tok.idx + len(end_tok.text)
        # a closing mark right after belongs to the quote inside
        if b < len(self.text) and self.text[b : b + 1] in '”"':
            b += 1
        elif self.text[b : b + 2] == "''":
            b += 2
        return a, b
