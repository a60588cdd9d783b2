"""More reported speech from the parse (quotes.rules.v3): the writer's evidentials ('X appears to Y', 'X is
expected to Y'), which PolNeAR counts as attributions with no source."""

from __future__ import annotations

from typing import Any

from accords.quotes.attribution import Attribution, ExtractorBase, _trim
from accords.quotes.lexicon import PASSIVE_RAISING, RAISING_VERBS, lemma_of


class MoreReported(ExtractorBase):
    def more_from_parse(self) -> list[Attribution]:
        out: list[Attribution] = []
        for tok in self.doc:
            if tok.pos_ not in ("VERB", "AUX") or self.inside_quote(tok):
                continue
            att = self._raising(tok)
            if att is not None:
                out.append(att)
        return out

    def _raising(self, v: Any) -> Attribution | None:
        """'Enthusiasm for Clinton appears to have plummeted', 'Trump is expected to attend': the subject and what
        is said of it, in two pieces, with the verb (and its auxiliaries) as cue and no speaker."""
        lemma = lemma_of(v)
        passive = lemma in PASSIVE_RAISING and any(c.dep_ == "auxpass" for c in v.children)
        if not (passive or lemma in RAISING_VERBS and v.pos_ == "VERB"):
            return None
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i), None)
        comp = next((c for c in v.children if c.i > v.i and c.dep_ in ("xcomp", "acomp", "oprd")), None)
        if subj is None or comp is None:
            return None
        if comp.dep_ == "xcomp" and not any(x.dep_ == "aux" and x.lower_ == "to" for x in comp.children):
            return None
        if any(c.dep_ == "agent" for c in v.children):
            return None  # 'is expected by analysts to': a source of its own
        pieces = []
        for x, y in ((subj.left_edge, subj.right_edge), (comp.left_edge, comp.right_edge)):
            a, b = _trim(self.text, x.idx, y.idx + len(y.text))
            if b <= a:
                return None
            pieces.append((a, b))
        if pieces[1][1] - pieces[1][0] < 4:
            return None
        aux = [c for c in v.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < v.i and c.i > subj.i]
        first = min([v] + aux, key=lambda t: t.i)
        return Attribution("indirect", pieces, (first.idx, v.idx + len(v.text)), None, 0.5)
