"""Direct quotes whose cue stands before the quotation: 'X said: “...”', 'Continued Stone: “...”', a colon paragraph
before a quotation paragraph, 'Carl Bialik: “...”', and a sentence that only says who speaks ('Y agreed.') before an
uncued quotation.

Split out of :mod:`accords.quotes.direct` (which calls these from ``from_segments``).
"""

from __future__ import annotations

from typing import Any

from accords.quotes.attribution import Attribution, ExtractorBase, animate, is_cue, subject_of
from accords.quotes.lexicon import NOT_CUES
from accords.quotes.marks import Segment
from accords.quotes.speaker_heads import cue_subject

# what one sends or issues, whose words a quotation after it gives ('issued a statement, “...”')
_STATEMENTS = frozenset("statement message tweet email e-mail letter post note memo release".split())


def _put_it(verb: Any) -> bool:
    """'as X put it': whoever X is, they said or wrote it."""
    return verb.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)


class CuesBefore(ExtractorBase):
    def _window_before(self, seg: Segment) -> list[Any]:
        para = self.para_spans[self.paragraph_of(seg.start)] if self.para_spans else (0, seg.start)
        lo = max(para[0], seg.start - 200)
        span = self.doc.char_span(lo, seg.start, alignment_mode="contract")
        if span is None:
            return []
        # space tokens ('\xa0' between 'findings:' and the mark) are no words of the cue phrase
        toks = [
            t
            for t in span
            if not t.is_space and (t.i not in self.tok_seg or t.idx < self.segments[self.tok_seg[t.i]].start)
        ]
        out: list[Any] = []
        for t in reversed(toks):
            if t.text in (".", "!", "?") or t.i in self.tok_seg or len(out) >= 14:
                break
            out.append(t)
        return list(reversed(out))

    def _speech_before(self, seg: Segment, si: int, quoted: bool) -> Attribution | None:
        """'Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are ...”': a quotation that opens
        a sentence right after one that only says who speaks (a verb of saying, its subject, no clause or quotation
        of its own as object) belongs to that subject; so does one that opens the paragraph after that sentence
        ('..., Susan said as she turned around.' then '“But he's our orange buffoon!”'). ``quoted``: whether that
        sentence may hold a quotation of its own (asked when no earlier quote goes on in this one)."""
        pi = self.paragraph_of(seg.start)
        pa = self.para_spans[max(0, pi - 1)][0] if self.para_spans else 0
        before = self.doc.char_span(pa, seg.start, alignment_mode="contract")
        toks = [t for t in before or [] if not t.is_space]
        if (
            len(toks) < 2
            or toks[-1].text not in (".", "!")
            or self.text[toks[-1].idx + 1 : seg.start].strip()
        ):
            return None
        sent = toks[-1].sent
        verb = sent.root
        if not quoted and any(t.i in self.tok_seg for t in sent):
            return None
        if verb.i in self.tok_seg or not (is_cue(verb) or verb.lemma_ in ("say", "add", "agree")):
            return None
        for c in verb.children:
            if c.i < verb.i:
                continue  # what the sentence reports before its verb ('Her friends mocked him, Susan said')
            if c.dep_ in ("ccomp", "xcomp", "parataxis") or c.dep_ == "dobj" and not animate(c):
                return None
            if c.i in self.tok_seg and c.dep_ != "punct":
                return None  # '... said “...”.': the verb's own quotation
        spk = cue_subject(verb, self.tok_seg)
        if spk is None or not animate(spk) or spk.sent != sent:
            return None
        cue = (verb.idx, verb.idx + len(verb.text))
        return Attribution("direct", list(seg.pieces), cue, spk, 0.7 - (0.2 if seg.unbalanced else 0.0), [si])

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
                # 'Stated Stone:' (a name and a colon) as a paragraph before the quotation
                return self._colon_speaker(seg, si, window)
            spk = cue_subject(verb, self.tok_seg)
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
        ids = {t.i for t in window}
        if verb is None and last.text == ",":
            # 'As The Post's Dana Milbank puts it, “...”', 'as the band sang back in the 1980s, “...”': the verb of
            # an as-clause that ends right before the quotation is its cue, whatever the verb
            verb = next(
                (
                    t.head
                    for t in reversed(window)
                    if t.lower_ == "as"
                    and t.dep_ == "mark"
                    and t.head.pos_ == "VERB"
                    and t.i < t.head.i
                    and t.head.i in ids
                    and any(c.dep_ == "nsubj" and (animate(c) or _put_it(t.head)) for c in t.head.children)
                ),
                None,
            )
        if (
            verb is not None
            and verb.dep_ == "advcl"
            and verb.head.i > verb.i
            and verb.head.i in ids
            and verb.head.pos_ == "VERB"
            and any(c.dep_ == "nsubj" and c.i in ids and animate(c) for c in verb.head.children)
        ):
            # 'After Jerry Brown criticized Bill Clinton, Hillary shot back, “...”': the main clause speaks
            verb = verb.head
        if verb is None and last.text == "," and len(window) > 2:
            sent = self._statement_before(window)
            if sent is not None:
                return Attribution("direct", list(seg.pieces), sent[0], sent[1], 0.7, [si])
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
                        # the root of the whole name: 'the Illinois Board of Elections' -> 'Board'
                        ent = next((e for e in self.doc.ents if e.start <= spk.i < e.end), None)
                        if ent is not None and ent.root.i < last.i:
                            spk = ent.root
                        while spk.dep_ in ("compound", "flat") and spk.head.ent_type_ == spk.ent_type_:
                            spk = spk.head
                        att = Attribution(
                            "direct", list(seg.pieces), (last.idx, last.idx + 1), spk, 0.5, [si]
                        )
            return att
        if last.text == ":" and any(
            t.i > verb.i and t.text in ("-", "—", "–") and t.whitespace_ for t in window
        ):
            # 'But polls did predict the caucus - HuffPollster: “...”': the name after the dash speaks
            dashed = self._colon_speaker(seg, si, window)
            if dashed is not None:
                return dashed
        # nothing but the verb's own dependents between it and the mark
        between = [t for t in window if t.i > verb.i and not t.is_punct]
        if len(between) > 5:
            return None
        spk = cue_subject(verb, self.tok_seg)
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

    def _statement_before(self, window: list[Any]) -> tuple[tuple[int, int], Any] | None:
        """'Trump issued a statement, “...”', 'the campaign sent an email to supporters, “...”': a statement, a
        message or a tweet sent by someone, then a comma and the quotation: its words, the sender speaks."""
        noun = window[-2]
        while noun.dep_ == "pobj" and noun.head.head.dep_ == "dobj" and noun.head.head.i < noun.i:
            noun = noun.head.head  # 'an email to supporters,'
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _STATEMENTS or noun.dep_ != "dobj":
            return None
        verb = noun.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if verb.pos_ != "VERB" or subj is None or not animate(subj) or subj.i in self.tok_seg:
            return None
        return (verb.idx, verb.idx + len(verb.text)), subj

    def _colon_verb(self, window: list[Any]) -> Any:
        """The verb of the clause that a colon ends: the head the colon hangs on, the verb above the noun it hangs on
        ('delivered a blunt message to Trump:'), or the root of its sentence."""
        colon = window[-1]
        v = colon.head if colon.text == ":" else colon
        up = v
        while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i and up.head.i < colon.i:
            up = up.head
        if up.pos_ == "VERB" and up.i not in self.tok_seg and up.i >= window[0].i:
            v = up
        elif v.i > colon.i:
            # 'She went on: “It's like ...”': the parser hung the clause before the colon on the quotation
            v = next((t for t in reversed(window[:-1]) if t.pos_ == "VERB" and t.head.i > colon.i), v)
        if v.pos_ not in ("VERB", "AUX"):
            v = colon.sent.root
        if v.pos_ not in ("VERB", "AUX") or v.i < window[0].i or v.lemma_.lower() in ("be",):
            return None
        if v.i > colon.i or v.i in self.tok_seg:
            return None  # the root of a sentence the parser ran on into the quotation: its words, not its cue
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
        near = window[-6:-1]
        # 'Estimates are problematic - Pew Research: “...”': a dash ends the writer's words before the name
        dash = max((i for i, t in enumerate(near) if t.text in ("-", "—", "–") and t.whitespace_), default=-1)
        titled = dash >= 0 and all(t.is_title or t.is_upper for t in near[dash + 1 :])
        if not (head.ent_type_ in ("PERSON", "ORG") or head.pos_ == "PROPN" or titled):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in near[dash + 1 :]):
            return None
        while (
            head.dep_ in ("compound", "flat")
            and head.head.i < last.i
            and head.head.i in {t.i for t in window}
        ):
            head = head.head
        if dash < 0 and head.dep_ in ("pobj", "dobj", "dative") and head.head.i < head.i:
            return None  # '... delivered a blunt message to Trump: “...”': the one spoken to, not a name that heads
        return Attribution("direct", list(seg.pieces), (last.idx, last.idx + 1), head, 0.6, [si])
