"""More reported speech from the parse (quotes.rules.v3), each kind measured on PolNeAR train:

* 'X is expected to Y', 'X is said to Y': what unnamed others say of X, with no speaker;
* adjectives of a view: 'some Democrats are concerned that ...', 'Cruz was critical of the deal';
* nouns of a view before 'be': 'the idea is that ...', 'Rubio's response was that ...';
* verbs of saying or of a stance in the passive with a 'by' source ('the meeting was first reported by Politico'),
  and verbs of making public with none ('the price was not disclosed').

Nouns of a stance with a possessor ('his attacks on billionaire financiers') were tried and left out: two in five
right on PolNeAR train, no gain in F1 for a loss in precision.
"""

from __future__ import annotations

import re
from typing import Any

from accords.quotes.attribution import (
    Attribution,
    ExtractorBase,
    _clause_span,
    _trim,
    animate,
    is_cue,
    subject_of,
)
from accords.quotes.lexicon import (
    NO_AGENT_VERBS,
    NOMINAL_SUBJ,
    NOT_CUES,
    OBJECT_VERBS,
    PASSIVE_RAISING,
    SPEECH_VERBS,
    VIEW_ADJS,
    VIEW_NOUNS,
    lemma_of,
)
from accords.quotes.reported_v4 import ACCORDING_SUBJECT, according_start
from accords.quotes.reported_v4 import core_end as _core_end
from accords.quotes.reported_v5 import (
    in_support_of,
    more_no_agent,
    passive_reason,
    postnominal,
    stance_preps,
    unowned_question,
)
from accords.quotes.reported_v6 import seeming, targeted
from accords.quotes.reported_v7 import according_around, drop_opener, sentence_tail
from accords.quotes.stance_v7 import evidence, more_object, prep_object, warned_to

NO_AGENT = True
# verbs that link a subject to its state as 'be' does ('Democrats appeared pleased with Clinton', 'leading Democrats
# have become increasingly vocal about ...'), quotes.rules.v4
COPULAS = frozenset("become appear seem feel remain grow sound look".split())


class MoreReported(ExtractorBase):
    def _clause_content(self, clause: Any, min_words: int) -> tuple[int, int] | None:
        """The trimmed span of a reported clause, or None when it has fewer than ``min_words`` words."""
        span = _clause_span(clause)
        if span is None:
            return None
        a, b = _trim(self.text, *span)
        if len(re.findall(r"\w+", self.text[a:b])) < min_words:
            return None
        return a, b

    def more_from_parse(self) -> list[Attribution]:
        out: list[Attribution] = []
        for tok in self.doc:
            if self.inside_quote(tok):
                continue
            att = None
            if tok.pos_ == "ADJ":
                att = self._view_adj(tok)
            elif tok.pos_ == "ADP":
                att = self._in_support(tok) or self._targeted(tok)
            elif tok.pos_ in ("VERB", "AUX"):
                att = (
                    self._raising(tok)
                    or self._view_noun(tok)
                    or self._passive_stance(tok)
                    or self._seeming(tok)
                    or self._evidence(tok)
                )
            if att is not None:
                out.append(att)
        return out

    def _targeted(self, prep: Any) -> Attribution | None:
        """'raised questions about X', 'his attacks on X': the target of an aimed speech act
        (:func:`accords.quotes.reported_v6.targeted`)."""
        got = targeted(prep)
        if got is None:
            return None
        first, spk, obj = got
        end = _core_end(obj)
        a, b = _trim(self.text, obj.left_edge.idx, end.idx + len(end.text))
        if b - a < 2:
            return None
        return Attribution(
            "indirect", [(a, b)], (first.idx, prep.idx + len(prep.text)), spk, 0.5, stance=True
        )

    def _evidence(self, v: Any) -> Attribution | None:
        """'Studies show ...', 'the scan revealed ...', 'warned people to stay away', 'is seeking his extradition':
        what a piece of evidence shows, and a few stances (:mod:`accords.quotes.stance_v7`)."""
        got = (
            evidence(v, self.text)
            or warned_to(v, self.text)
            or more_object(v, self.text)
            or prep_object(v, self.text)
        )
        if got is None:
            return None
        content, cue, src = got
        return Attribution("indirect", [content], cue, src, 0.55)

    def _seeming(self, v: Any) -> Attribution | None:
        """'Mr. Trump seemed to overstay his welcome': the clause a raising verb of appearance hedges
        (:func:`accords.quotes.reported_v6.seeming`)."""
        got = seeming(v, self.text)
        if got is None:
            return None
        pieces, cue, src = got
        return Attribution("indirect", pieces, cue, src, 0.45)

    def _raising(self, v: Any) -> Attribution | None:
        """'Trump is expected to attend', 'a ritual that is said to be a vestige': the subject and what is said of
        it, in two pieces, with the verb (and its auxiliaries) as cue and no speaker."""
        if lemma_of(v) not in PASSIVE_RAISING or not any(c.dep_ == "auxpass" for c in v.children):
            return None
        subj = next((c for c in v.children if c.dep_ in NOMINAL_SUBJ and c.i < v.i), None)
        comp = next((c for c in v.children if c.i > v.i and c.dep_ in ("xcomp", "acomp", "oprd")), None)
        if subj is None or comp is None:
            return None
        if comp.dep_ == "xcomp" and not any(x.dep_ == "aux" and x.lower_ == "to" for x in comp.children):
            return None
        if any(c.dep_ == "agent" for c in v.children):
            return None  # 'is expected by analysts to': a source of its own
        if subj.lower_ == "it":
            # 'It is expected that ...', 'it is thought likely that ...': the clause
            clause = next(
                (c for c in [*v.children, *comp.children] if c.dep_ == "ccomp" and c.i > comp.i), None
            )
            if clause is None:
                return None
            pieces = [_trim(self.text, comp.idx, clause.right_edge.idx + len(clause.right_edge.text))]
        else:
            first_tok = subj.left_edge
            if subj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                first_tok = (
                    v.head.left_edge
                )  # 'a ritual that is said to be a vestige': the noun it stands for
            pieces = []
            for x, y in ((first_tok, subj.right_edge), (comp.left_edge, comp.right_edge)):
                a, b = _trim(self.text, x.idx, y.idx + len(y.text))
                if b <= a:
                    return None
                pieces.append((a, b))
        if pieces[-1][1] - pieces[-1][0] < 4:
            return None
        aux = [c for c in v.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < v.i and c.i > subj.i]
        first = min([v] + aux, key=lambda t: t.i)
        return Attribution("indirect", pieces, (first.idx, v.idx + len(v.text)), None, 0.5)

    def _view_adj(self, adj: Any) -> Attribution | None:
        """'some Democrats are concerned that ...', 'Cruz was also critical of Obama's stance': an adjective of a
        view with a clause or a prepositional object, held by the subject of its 'be'."""
        be = adj.head
        if postnominal(adj):
            subj, be = adj.head, adj  # 'Republicans, concerned about X, ...': no 'be'
        elif adj.dep_ != "acomp" or not (be.lemma_ == "be" or COPULAS and be.lemma_ in COPULAS):
            return None
        else:
            subj = next((c for c in be.children if c.dep_ == "nsubj" and c.i < be.i), None)
        if subj is None or not animate(subj):
            return None
        lemma = adj.lower_
        span = None
        last = adj
        comp = next((c for c in adj.children if c.dep_ == "ccomp" and c.i > adj.i), None)
        if comp is None and be is not adj:
            comp = next((c for c in be.children if c.dep_ == "ccomp" and c.i > adj.i), None)
        if lemma in VIEW_ADJS and comp is not None and _that_or_subject(comp):
            span = _clause_span(comp)
        elif stance_preps(lemma):
            prep = next(
                (
                    c
                    for c in adj.children
                    if c.dep_ == "prep" and c.lower_ in stance_preps(lemma) and c.i > adj.i
                ),
                None,
            )
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
            if prep is None or obj is None or obj.lower_ in ("it", "this", "that", "them", "which", "what"):
                return None
            end = _core_end(obj)
            span = (obj.left_edge.idx, end.idx + len(end.text))
            last = prep
        if span is None:
            return None
        a, b = _trim(self.text, *span)
        if b - a < 3:
            return None
        aux = [c for c in be.children if c.dep_ in ("aux", "neg") and subj.i < c.i < be.i and be is not adj]
        first = min([be] + aux, key=lambda t: t.i)
        return Attribution("indirect", [(a, b)], (first.idx, last.idx + len(last.text)), subj, 0.55)

    def _passive_stance(self, v: Any) -> Attribution | None:
        """'The meeting was first reported by Politico', 'Sanders' stridency was echoed by O'Malley': a verb of
        saying or of a stance in the passive, its subject the content and the 'by' phrase the source."""
        lemma = lemma_of(v)
        if v.pos_ != "VERB" or not (lemma in SPEECH_VERBS or lemma in OBJECT_VERBS) or lemma in NOT_CUES:
            return None
        subj = next((c for c in v.children if c.dep_ == "nsubjpass" and c.i < v.i), None)
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        src = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if (
            agent is None
            and NO_AGENT
            and (lemma in NO_AGENT_VERBS or more_no_agent(lemma))
            and any(c.dep_ == "auxpass" for c in v.children)
        ):
            src = None  # 'the deal was announced', 'the price was not disclosed': by someone unnamed
        elif src is None or not animate(src):
            return None
        if subj is None or subj.pos_ == "PRON" or subj.tag_ in ("WDT", "WP"):
            return None
        if any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in v.children):
            return None  # 'was told by X that ...', 'was described by X as ...': other rules
        end = _core_end(subj)
        a, b = _trim(self.text, subj.left_edge.idx, end.idx + len(end.text))
        if b - a < 3:
            return None
        aux = [c for c in v.children if c.dep_ in ("aux", "auxpass", "neg") and subj.i < c.i < v.i]
        first = min([v] + aux, key=lambda t: t.i)
        last = agent if agent is not None else v
        pieces = [(a, b)]
        why = passive_reason(v)
        if why is not None:
            pieces.append(_trim(self.text, *why))
        return Attribution(
            "indirect", pieces, (first.idx, last.idx + len(last.text)), src, 0.55 if src else 0.45
        )

    def _in_support(self, prep: Any) -> Attribution | None:
        """'Ryan came out in support of the bill': X is the content, the verb through 'of' the cue, the verb's subject
        the speaker (one who can hold a view)."""
        got = in_support_of(prep)
        if got is None:
            return None
        v, of, obj = got
        spk = subject_of(v)
        if spk is None or not animate(spk):
            return None
        end = _core_end(obj)
        a, b = _trim(self.text, obj.left_edge.idx, end.idx + len(end.text))
        if b - a < 2:
            return None
        return Attribution("indirect", [(a, b)], (v.idx, of.idx + len(of.text)), spk, 0.55, stance=True)

    def _view_noun(self, be: Any) -> Attribution | None:
        """'The idea is that ...', 'Rubio's response was that ...': a noun of a view as the subject of 'be', the
        clause after it as content, the noun's possessor as speaker."""
        if be.lemma_ != "be":
            return None
        subj = next((c for c in be.children if c.dep_ == "nsubj" and c.i < be.i), None)
        comp = next((c for c in be.children if c.dep_ == "ccomp" and c.i > be.i), None)
        if subj is None or comp is None or subj.lemma_.lower() not in VIEW_NOUNS:
            return None
        if comp.left_edge.lower_ not in ("that", "whether"):
            return None
        content = self._clause_content(comp, 4)
        if content is None:
            return None
        a, b = content
        spk = next((c for c in subj.children if c.dep_ == "poss"), None)
        if spk is not None and not animate(spk) and spk.pos_ != "PRON":
            spk = None
        if spk is None and unowned_question(subj, comp):
            return None
        return Attribution("indirect", [(a, b)], (subj.idx, be.idx + len(be.text)), spk, 0.5)

    def _according(self, tok: Any) -> Attribution | None:
        """'X raised $2.7 million, according to the filings': the clause 'according to X' attributes to X."""
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
            to = self.doc[tok.i + 1]
        if to is None:
            return None
        src = next((c for c in to.children if c.dep_ == "pobj"), None)
        sent = tok.sent
        lo, hi = tok.i, max(tok.right_edge.i, to.right_edge.i)
        around = according_around(self.doc, tok, hi)
        if around is not None:
            d, cue = self.doc, (tok.idx, to.idx + len(to.text))
            pieces = [
                _trim(self.text, d[x].idx, d[y].idx + len(d[y].text)) for x, y in (around[1:3], around[3:5])
            ]
            return Attribution("indirect", pieces, cue, src, 0.8)
        clause = tok.head if tok.head.i != tok.i else tok
        c_lo = max(sent.start, clause.left_edge.i)
        c_hi = min(sent.end - 1, clause.right_edge.i)
        s_hi = sent.end - 1
        while s_hi > hi and sentence_tail(self.doc[s_hi]):
            s_hi -= 1
        # content: the clause it modifies, less the "according to X" phrase
        if lo - c_lo <= 1:
            first, last = hi + 1, c_hi
        else:
            first, last = c_lo, lo - 1
            if hi >= s_hi and ACCORDING_SUBJECT:
                first = according_start(clause, sent, lo)
            elif hi >= s_hi and not any(is_cue(t) for t in sent if t.i < lo):
                # at the end of a sentence with no verb of saying: all that comes before, not only the last
                # conjunct the parse hung it on ('X raised $2.7 million, while Y raised $6 million, according to')
                first = sent.start
        if first > last:
            return None
        a, b = _trim(self.text, self.doc[first].idx, self.doc[last].idx + len(self.doc[last].text))
        if b - a < 3:
            return None
        cue = (tok.idx, to.idx + len(to.text))
        pieces = [(a, b)]
        if (
            first < lo
            and hi < c_hi
            and not any(t.pos_ in ("VERB", "AUX") for t in self.doc[first : last + 1])
        ):
            # 'At the heart of the trouble, according to Ross, was ...': the opener and the rest, around the cue
            pieces.append(
                _trim(self.text, self.doc[hi + 1].idx, self.doc[c_hi].idx + len(self.doc[c_hi].text))
            )
        return Attribution("indirect", drop_opener(self.text, pieces), cue, src, 0.8)


def _that_or_subject(c: Any) -> bool:
    return c.left_edge.lower_ == "that" or any(x.dep_ in NOMINAL_SUBJ for x in c.children)
