"""Direct quotes from the quotation marks: merging marks into parse cues, and cues found around a quotation.

Split out of :mod:`accords.quotes.extract`. Cues that stand before a quotation are in
:mod:`accords.quotes.direct_before`; who speaks when the parse of the sentence around a quotation is wrong, in
:mod:`accords.quotes.speaker_heads`; how far a cue reaches, in :mod:`accords.quotes.speaker_spans`.
"""

from __future__ import annotations

import re
from typing import Any

from accords.quotes import speaker_fix
from accords.quotes.attribution import (
    INHERIT_PARAGRAPHS,
    TO_WHOM,
    Attribution,
    _trim,
    animate,
    is_cue,
    subject_of,
)
from accords.quotes.direct_before import CuesBefore
from accords.quotes.direct_v6 import StandAlone
from accords.quotes.lexicon import NOMINAL_SUBJ
from accords.quotes.marks import Segment
from accords.quotes.speaker_heads import cue_subject
from accords.quotes.speaker_spans import cue_extent

# the kinds whose cue is widened to its whole phrase ('has said', 'shot back', 'said:')
CUE_KINDS = ("direct", "mixed", "indirect")


def _names_someone(tok: Any) -> bool:
    """A speaker's head, or a title whose phrase names a person ('Clinton's introducer, actress Jamie Lee Curtis')."""
    return animate(tok) or any(t.ent_type_ == "PERSON" for t in tok.subtree)


class DirectQuotes(CuesBefore, StandAlone):
    # -- the marks -------------------------------------------------------------------------------------------
    def merge_segments(self, atts: list[Attribution]) -> list[Attribution]:
        out: list[Attribution] = []
        for att in atts:
            self._clip_to_cue_paragraph(att)
            a, b = att.start, att.end
            over = self.segments_over(a, b)
            if not over:
                out.append(att)
                continue
            outside = self.text[a:b]
            for i in over:
                for pa, pb in self.segments[i].pieces:
                    lo, hi = max(pa, a) - a, min(pb, b) - a
                    if hi > lo:
                        outside = outside[:lo] + " " * (hi - lo) + outside[hi:]
            if re.search(r"\w", outside) and self._speaker_after(att, over, outside):
                outside = ""  # the words outside the marks were the speaker: a direct quote
            if not re.search(r"\w", outside):
                if att.cue is not None and self._cue_elsewhere(att.cue[0], over):
                    # the parser ran the quotation's sentence on into the next paragraph ('...” \n\n Sanders said
                    # he ...'): that cue is not the quotation's; its marks are left to the rules of from_segments
                    continue
                att.kind = "direct"
                self._cue_right_after(att, over[-1])
                self._recheck_speaker(att)
                self._dash_name(att, over[0])
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
            # a quotation that opens inside the clause runs to its closing mark ('that “every word I said there is
            # true. No one has disputed a word I said.”': the parser's sentence ends at the first full stop)
            hi = max([b] + [self.segments[i].end for i in real if self.segments[i].start >= a - 2])
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

    def _speaker_after(self, att: Attribution, over: list[int], outside: str) -> bool:
        """'“...,” Gene Sperling, a top outside Clinton adviser, said': the parser took the quotation and the name
        after it for the clause of 'said'. When the only words outside the marks stand between the quotation and the
        cue, they are the speaker: set it and say so."""
        if att.cue is None or att.speaker is not None:
            return False
        a = att.start
        words = [m.start() + a for m in re.finditer(r"\w", outside)]
        seg_end = max(self.segments[i].end for i in over)
        if not words or min(words) < seg_end or max(words) >= att.cue[0] or att.cue[0] - seg_end > 120:
            return False
        span = self.doc.char_span(seg_end, att.cue[0], alignment_mode="contract")
        names = [t for t in span or [] if t.pos_ in ("PROPN", "NOUN", "PRON") and not t.is_punct]
        if not names:
            return False
        head = names[0]
        while (
            head.dep_ in ("compound", "flat", "amod", "det")
            and head.head.i > head.i
            and head.head.i < span.end
        ):
            head = head.head
        if not animate(head):
            return False
        att.speaker = head
        return True

    def _cue_right_after(self, att: Attribution, si: int) -> None:
        """'but Moscow strongly denies — “why wouldn't you want to ...?” asked Dunn': the parser hung the quotation on
        a verb before it; when the words right after its closing mark are a verb of saying and its speaker, those
        are its cue (unless the verb before it introduces it with a colon or a comma)."""
        seg = self.segments[si]
        if att.cue is None or att.cue[1] > seg.start or seg.last_char(self.text) not in (",", "?", "!"):
            return
        first = self.segments[att.segments[0]].start if att.segments else seg.start
        if self.text[att.cue[1] : first].strip()[-1:] in (":", ","):
            return
        window = self._window_after(seg)
        after = self._cue_after(seg, si, window)
        if after is None or after.cue is None or after.speaker is None or len(after.segments) > 1:
            return
        ids = [t.i for t in window if not t.is_punct]
        verb_at = next((k for k, i in enumerate(ids) if self.doc[i].idx == after.cue[0]), None)
        if verb_at is None or verb_at > 3 or after.speaker.i not in ids or not is_cue(self.doc[ids[verb_at]]):
            return
        att.cue, att.speaker = after.cue, after.speaker

    _SIGNED = re.compile(r"\s*[-—–]\s?([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,5})(?=[.,]|\s*$|\s*\n)")

    def _dash_line_after(self, seg: Segment, si: int) -> Attribution | None:
        """'“I will look into it.”  - Hillary Clinton.': a quotation signed with a dash and a name (an epigraph, a
        list of quotes): the name speaks, the dash is the cue."""
        m = self._SIGNED.match(self.text, seg.end)
        if m is None or m.end() - seg.end > 80:
            return None
        span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        names = [t for t in span or [] if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
        if not names or names[0].i in self.tok_seg:
            return None
        head = names[0]
        while head.i + 1 < span.end and self.doc[head.i + 1] in names:
            head = self.doc[head.i + 1]
        dash = self.text.index(m.group(0).strip()[0], seg.end)
        return Attribution("direct", list(seg.pieces), (dash, dash + 1), head, 0.7, [si])

    def _dash_name(self, att: Attribution, si: int) -> None:
        """'But polls did predict the caucus - Mark Blumenthal: “...”': the name between a spaced dash and the colon
        before the quotation speaks, not the subject of the writer's clause."""
        if att.cue is None:
            return
        seg = self.segments[si]
        m = re.search(
            r"\s[-—–]\s+([A-Z][\w.’'&-]*(?:\s[A-Z][\w.’'&-]*){0,4}):\s*$", self.text[att.cue[1] : seg.start]
        )
        if m is None:
            return
        a = att.cue[1] + m.start(1)
        span = self.doc.char_span(a, a + len(m.group(1)), alignment_mode="contract")
        if span is not None and len(span):
            att.speaker = span[-1]
            att.cue = (att.cue[1] + m.end(1), att.cue[1] + m.end(1) + 1)

    def _clip_to_cue_paragraph(self, att: Attribution) -> None:
        """What is reported stands in its cue's paragraph: a clause the parser ran on over a paragraph break keeps
        only its part in the cue's paragraph (the quotation that opens the next paragraph is not its own)."""
        if att.cue is None or len(att.content) != 1 or not self.para_spans:
            return
        a, b = att.content[0]
        pa, pb = self.para_spans[self.paragraph_of(att.cue[0])]
        if pa <= a and b <= pb:
            return
        lo, hi = _trim(self.text, max(a, pa), min(b, pb))
        if hi - lo >= 3:
            att.content = [(lo, hi)]

    def _recheck_speaker(self, att: Attribution) -> None:
        """A parse-found quote whose subject stands inside quotation marks (or is missing): look again around the
        cue for a speaker outside them; so does one whose subject stands in an earlier paragraph (the parser ran
        that paragraph on into the cue's)."""
        spk = att.speaker
        if att.cue is None:
            return
        if (
            spk is not None
            and spk.i not in self.tok_seg
            and self.paragraph_of(spk.idx) == self.paragraph_of(att.cue[0])
        ):
            return
        span = self.doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
        if span is None or span[0].i in self.tok_seg:
            return
        att.speaker = cue_subject(span[0], self.tok_seg)

    def _cue_elsewhere(self, cue: int, over: list[int]) -> bool:
        """True when a cue stands in a paragraph that none of the quotations ``over`` touches, other than the one
        just before them that ends with a colon ('X said:' then the quotation as a paragraph of its own)."""
        if any(a < cue < b - 1 for i in over for a, b in self.segments[i].pieces):
            return True  # 'I think' inside the quotation is the quotation's own words, not its cue
        paras = {self.paragraph_of(x) for i in over for piece in self.segments[i].pieces for x in piece[:1]}
        pc = self.paragraph_of(cue)
        if pc in paras:
            return False
        if pc + 1 == min(paras) and self.text[: self.para_spans[pc][1]].rstrip().endswith(":"):
            return False
        return True

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

    def from_segments(self, atts: list[Attribution]) -> list[Attribution]:
        used = {i for att in atts for i in att.segments}
        out: list[Attribution] = []
        for si, seg in enumerate(self.segments):
            if si in used:
                continue
            words = seg.words(self.text)
            if words == 1 and seg.last_char(self.text) == ",":
                # '“Judge,” I said, “I have never had that happen.”': one word that opens a split quotation
                split = self._cue_after(seg, si, self._window_after(seg))
                if split is not None and len(split.segments) > 1 and split.speaker is not None:
                    used.update(split.segments)
                    out.append(split)
                continue
            if words < 2 or words <= 8 and self.is_title(seg):
                continue  # "Scandal," / “Sunday Morning Futures,”: a word or a title, not a quote
            signed = self._dash_line_after(seg, si)
            if signed is not None:
                used.add(si)
                out.append(signed)
                continue
            after = self._window_after(seg)
            att = self._cue_after(seg, si, after)
            ends = seg.last_char(self.text) in (".", "?", "!")
            if att is None or ends or att.speaker is None:
                # '“Why now? ...?” Mills then writes back' after 'Clinton responds to Mills with,': a quotation that
                # ends its sentence belongs to the cue that opens it, when there is one; so does one whose words
                # after it name no speaker ('and joked, “...,” drawing loud jeers')
                before = self._cue_before(seg, si)
                if before is not None and (att is None or ends or before.speaker is not None):
                    att = before
            if att is not None:
                used.update(att.segments)
                out.append(att)
                continue
            if words < 4:
                pd = self.short_turn(seg, self._previous_direct(seg, atts + out))
                if pd is not None:
                    pd.content.extend(seg.pieces)  # '“They sue,” he said. “Everybody sues, right?”'
                    pd.segments.append(si)
                    used.add(si)
                    continue
            if words < 4 or self.is_title(seg):
                continue  # scare quotes, titles, a word or two
            sb = self._speech_before(seg, si, quoted=False)
            if sb is not None:
                out.append(sb)
                used.add(si)
                continue
            pd = self._previous_direct(seg, atts + out)
            if pd is None:
                sb = self._speech_before(seg, si, quoted=True)
                if sb is not None:
                    out.append(sb)
                    used.add(si)
                    continue
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
                if prev is not None and self._clause_runs_on(prev, seg):
                    # 'Guccifer said that the server was unprotected, and he had access to the server that “was
                    # like an open orchid”': the quoted words end the reported sentence; the clause and the
                    # quotation are one mixed attribution
                    a0 = prev.content[-1][0]
                    prev.content[-1] = (a0, seg.end)
                    prev.kind = "mixed"
                    prev.segments = [si]
                    nested = Attribution(
                        "direct", list(seg.pieces), prev.cue, prev.speaker, prev.confidence, [si]
                    )
                    nested.nested, nested.parent = True, prev
                    out.append(nested)
                    used.add(si)
                    continue
                spk = prev.speaker if prev is not None else None
                conf = (0.6 if spk is not None else 0.4) - (0.1 if seg.unbalanced else 0.0)
                out.append(Attribution("direct", list(seg.pieces), None, spk, conf, [si]))
                used.add(si)
        self._cue_extents(atts + out)
        return out

    def _clause_runs_on(self, prev: Attribution, seg: Segment) -> bool:
        """Is ``seg`` the end of ``prev``'s reported sentence: an indirect clause with a cue, in the same sentence and
        paragraph, with only a short stretch of words and no other cue or quotation between them?"""
        if prev.kind != "indirect" or prev.nested or prev.cue is None or len(prev.content) != 1:
            return False
        gap = self.text[prev.end : seg.start]
        if (
            not 0 < len(gap) <= 120
            or re.search(r"[.!?;:\n]", gap)
            or not self._same_para(prev.end, seg.start)
        ):
            return False
        if seg.last_char(self.text) not in (".", "!", "?", ""):
            return False  # the quotation does not end the sentence: more follows that is not the clause's
        cue = self.doc.char_span(prev.cue[0], prev.cue[1], alignment_mode="expand")
        if cue is None or not any(is_cue(t) for t in cue):
            return False  # a verb of saying ('said that ...'), not a stance ('dismissed the story, “...”')
        span = self.doc.char_span(prev.end, seg.start, alignment_mode="contract")
        if span is None:
            return False
        for t in span:
            if t.pos_ not in ("VERB", "AUX"):
                continue
            subj = [c for c in t.children if c.dep_ in NOMINAL_SUBJ]
            if is_cue(t) or any(c.pos_ != "PRON" for c in subj):
                return False  # a clause of someone else's ('but the speech had been reframed to “...”')
        return True

    def _cue_extents(self, atts: list[Attribution]) -> None:
        """Widen each direct or mixed cue from its verb to its whole cue phrase (:func:`cue_extent`); a nested
        quotation keeps its parent's cue (the two are one attribution)."""
        done: dict[tuple[int, int], tuple[int, int]] = {}
        for att in atts:
            if att.cue is None or att.nested or att.kind not in CUE_KINDS:
                continue
            if att.cue not in done:
                done[att.cue] = cue_extent(self.doc, att.cue, att.start)
            att.cue = done[att.cue]
        for att in atts:
            if att.nested and att.parent is not None:
                att.cue = att.parent.cue

    def _same_para(self, a: int, b: int) -> bool:
        return self.paragraph_of(a) == self.paragraph_of(b)

    def _previous_direct(self, seg: Segment, atts: list[Attribution]) -> Attribution | None:
        """A direct quote earlier in the same paragraph, with no other cue after its sentence."""
        here = self.paragraph_of(seg.start)
        # Only attributions that end, or have their cue, from the start of the paragraph before on, and start or
        # have their cue before ``seg``, can be the quote or stand between it and ``seg``: one cheap pass picks
        # them out, and the tests below run over those few (a transcript of thousands of quotes stays fast).
        floor = self.para_spans[here - 1][0] if here >= 2 else 0
        top = seg.start
        near = [
            a
            for a in atts
            if (a.content[-1][1] >= floor or (a.cue is not None and a.cue[0] >= floor))
            and (a.content[0][0] <= top + 1 or (a.cue is not None and a.cue[0] < top))
        ]
        pd = None
        for a in near:
            if (
                a.kind in ("direct", "mixed")
                and not a.nested
                and a.end <= seg.start + 1
                and a.speaker is not None
                and (pd is None or a.end > pd.end)
            ):
                pd = a
        if pd is None:
            return None
        gap = here - self.paragraph_of(pd.end)
        if gap > 1:
            return None
        if gap == 1:
            # a paragraph that opens with a quotation right after the quote's paragraph
            pa = self.para_spans[here][0]
            if self.text[pa : seg.start].strip() or any(
                a is not pd
                and (a.cue is not None and pd.end <= a.cue[0] < seg.start or pd.end <= a.start < seg.start)
                for a in near
            ):
                return None
        sent_end = max(pd.end, self.doc.char_span(pd.end - 1, pd.end, alignment_mode="expand").sent.end_char)
        if any(a is not pd and a.cue is not None and sent_end <= a.cue[0] < seg.start for a in near):
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
        if window and window[0].lower_ in ("who", "which", "whom", "whose"):
            return None  # '“..., Mr. Paul Simon,” who proceeded to perform': a relative clause on the quoted words
        verb = next((t for t in window if is_cue(t) or t.lemma_ in ("say", "tell", "add", "ask")), None)
        verb = speaker_fix.later_cue(verb, window, self.tok_seg)
        if verb is None:
            # any verb in a short cue phrase: '“...,” the judge exclaimed', '“...,” I confessed.'
            words = [t for t in window if not t.is_punct]
            # a name is no verb ('“...,” Trump shot back': the tagger may call Trump a verb)
            verbs = [
                t for t in words if t.pos_ == "VERB" and not (t.ent_type_ or t.is_title and t.i > words[0].i)
            ]
            if verbs and words.index(verbs[0]) <= 3 and seg.last_char(self.text) in (",", "?", "!"):
                subj = subject_of(verbs[0])
                if subj is None and verbs[0] is words[0] and len(words) > 1:
                    # inverted right after the closing mark: '“...,” exhorted Clinton's introducer, actress Jamie
                    # Lee Curtis' (the parser takes the speaker for the verb's object)
                    subj = next((c for c in verbs[0].children if c.dep_ == "dobj"), None)
                near = subj is not None and subj.i in {t.i for t in window} and _names_someone(subj)
                if len(words) <= 5 or near:
                    verb = verbs[0]
        if verb is None:
            return self.noun_tagged_cue(seg, si, window) or self._cue_after_apposition(seg, si, window)
        # only a short cue phrase: '“...,” he said', '“...,” said X', '“...,” X told reporters on Friday'
        before_verb = [t for t in window if t.i < verb.i and not t.is_punct]
        if len(before_verb) > 6:
            # unless all of it is the verb's subject: '“...” the presumptive GOP presidential nominee, Donald Trump,
            # tweeted'
            subj = subject_of(verb)
            inside = {t.i for t in subj.subtree} if subj is not None else set()
            if subj is None or not _names_someone(subj) or any(t.i not in inside for t in before_verb):
                return None
        if seg.last_char(self.text) in (".", "?", "!"):
            # '“Mr. Gorbachev, tear down this wall!” Conservatives still praise his refusal', '“...” Ohio Gov. John
            # Kasich said he would have fired him': after a quotation that ends its sentence, a verb with an object
            # or a clause of its own begins a sentence of its own (the one told or asked is no such object)
            if any(
                c.i > verb.i
                and (
                    c.dep_ in ("ccomp", "xcomp")
                    or c.dep_ == "dobj"
                    and c.pos_ != "PRON"
                    and not animate(c)
                    and verb.lemma_ not in TO_WHOM
                )
                for c in verb.children
            ):
                return None
        spk = subject_of(verb)
        if (
            spk is not None
            and spk.i not in {t.i for t in window}
            and before_verb
            and before_verb[-1].pos_ == "PROPN"
            and animate(before_verb[-1])
        ):
            # '“Cruz,” Beck joked': the name between the closing mark and the verb, not a subject the parser found
            # for it further back ('When someone in the audience shouted')
            spk = before_verb[-1]
        nxt = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
        if (
            (spk is None or spk.i in self.tok_seg)
            and not before_verb
            and nxt is not None
            and nxt.is_title
            and nxt.is_alpha
            and nxt.pos_ in ("ADV", "ADJ", "NOUN")
            and not nxt.ent_type_
        ):
            spk = nxt  # '“...,” said Skelly, explaining': a capitalised word the tagger took for an adverb
        if spk is None or spk.i in self.tok_seg:
            # right after the closing mark the verb is inverted: '“How big is that wall?” asked the boy' (the parser
            # takes the boy for the one asked)
            inverted = not before_verb and verb.tag_ != "VBG"
            spk = next(
                (
                    t
                    for t in window
                    if t.i != verb.i
                    and (t.pos_ in ("PROPN", "PRON", "NOUN") or inverted and t.lower_ in ("another", "one"))
                    and not (t.tag_ in ("WP", "WDT") and t.i > verb.i)
                    and t.dep_ != "poss"
                    and (
                        t.dep_ != "dobj"
                        or inverted
                        and (t.pos_ != "PRON" or t.lower_ in ("another", "one"))
                        and verb.lemma_ != "tell"
                    )
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

    def _cue_after_apposition(self, seg: Segment, si: int, window: list[Any]) -> Attribution | None:
        """'“...,” Trump, the 2016 GOP frontrunner and polling leader in South Carolina, said': a name right after
        the quotation, then an apposition too long for the window, then the verb of saying the name is subject of."""
        words = [t for t in window if not t.is_punct]
        if not words or seg.last_char(self.text) not in (",", "?", "!"):
            return None
        name = words[0]
        while (
            name.dep_ in ("compound", "flat") and name.head.i > name.i and name.head.i in {t.i for t in words}
        ):
            name = name.head
        nxt = name.i + 1
        if nxt >= len(self.doc) or self.doc[nxt].text != ",":
            return None
        verb = name.head
        if name.dep_ == "appos" and verb.dep_ == "nsubj" and verb.i in self.tok_seg:
            verb = verb.head  # the parser took the quotation for the subject and the name for its apposition
        elif name.dep_ != "nsubj":
            return None
        if not (verb.i > name.i and verb.i - name.i <= 40 and verb.sent == name.sent) or not animate(name):
            return None
        if not (is_cue(verb) or verb.lemma_ in ("say", "tell", "add")) or self.inside_quote(verb):
            return None
        cue = (verb.idx, verb.idx + len(verb.text))
        return Attribution("direct", list(seg.pieces), cue, name, 0.8, [si])
