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

import bisect
import re
from typing import Any

from accords.quotes import speaker_setting
from accords.quotes.attribution import (
    AS_VERBS,
    CLAUSE_VERBS,
    CUE_NOUNS,
    CUT_CONJ,
    DATELINE,
    EXTEND_VP,
    HEADLINE,
    HEADLINE_NOT,
    INHERIT_PARAGRAPHS,
    SAY_VERBS,
    SPEAKER_CUT,
    STRIP,
    SUBJ,
    TITLE_WORDS,
    Attribution,
    ExtractorBase,
    _clause_span,
    _trim,
    animate,
    is_cue,
    is_stance,
    left_subject,
    speaker_span,
    subject_of,
)
from accords.quotes.direct import DirectQuotes
from accords.quotes.lexicon import (
    NOMINAL_SUBJ,
    PRONOUNS,
    lemma_of,
)
from accords.quotes.nesting import mark_within
from accords.quotes.precision import bare_reports, unreported
from accords.quotes.precision_v8 import unreported_v8
from accords.quotes.reported import ReportedSpeech
from accords.quotes.speaker_heads import name_before_aside
from accords.quotes.speakers import SpeakerResolver
from accords.quotes.speakers_v8 import inner_cue_speaker, paren_sayer
from accords.records import Evidence, Quote, Record, Span

# Names that lived here before the split stay importable from here.
__all__ = [
    "TITLE_WORDS",
    "HEADLINE",
    "HEADLINE_NOT",
    "CUE_NOUNS",
    "SUBJ",
    "SPEAKER_CUT",
    "STRIP",
    "INHERIT_PARAGRAPHS",
    "CLAUSE_VERBS",
    "CUT_CONJ",
    "EXTEND_VP",
    "AS_VERBS",
    "DATELINE",
    "SAY_VERBS",
    "Attribution",
    "is_cue",
    "is_stance",
    "subject_of",
    "animate",
    "speaker_span",
    "_trim",
    "_clause_span",
    "ExtractorBase",
    "ReportedSpeech",
    "DirectQuotes",
    "Extractor",
    "merge_split",
    "dedupe",
    "build_quotes",
]


NAMED_TURNS = True
# a headline label in capitals ('HUFFPOLLSTER: ...', 'FACT CHECK: ...') speaks only when it names someone
CAPS_LABEL_NAMED = True
# an uncued quotation with no speaker is kept only from this many words (a block quotation)
ORPHAN_WORDS = 25
# a dateline in title case with a news agency in brackets: 'New York (AFP) – ', 'Paris, France (Reuters) - '
_AGENCY_DATELINE = re.compile(
    r"\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:, [A-Z][\w .]*)? \([A-Z][A-Za-z .]*\)\s*[—–-]+\s*"
)


class Extractor(ReportedSpeech, DirectQuotes):
    # -- everything ----------------------------------------------------------------------------------------------
    def run(self) -> list[Attribution]:
        atts = self._check_speakers(self.merge_segments(self.from_parse()))
        atts += self._check_speakers(self.from_segments(atts))
        atts += self.from_headlines(atts)
        self._inherit_from_head_cue(atts)
        self.paragraph_turns(atts)
        atts += self.clause_before(atts)
        self.inner_saying(atts)
        atts += self.parenthetical(atts)
        atts = [
            a
            for a in atts
            if not a.dropped
            and not self._orphan(a)
            and not self.mid_sentence(a)
            and not unreported(a, self.doc)
            and not unreported_v8(a, self.doc)
        ]
        bare = bare_reports(atts, self.doc)
        atts = merge_split([a for a in atts if a not in bare])
        return dedupe([x for x in atts if not _inner_direct(x, atts, self.doc)])

    def _inherit_from_head_cue(self, atts: list[Attribution]) -> None:
        """'“...,” said Skelly, explaining he worked more closely with X': a participle hung on a verb of saying
        whose speaker stands after it (inverted, so the parse gives the participle no subject) has that speaker."""
        spoken = [(a.cue, a.speaker) for a in atts if a.cue is not None and a.speaker is not None]
        for att in atts:
            if att.speaker is not None or att.cue is None or att.nested:
                continue
            span = self.doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
            verb = next((t for t in span or [] if t.tag_ == "VBG"), None)
            if verb is None or verb.dep_ not in ("advcl", "xcomp", "conj"):
                continue
            head = verb.head
            for cue, spk in spoken:
                if cue[0] <= head.idx < cue[1] and spk.i > head.i and is_cue(head):
                    att.speaker = spk
                    break
            if att.speaker is not None:
                for z in atts:
                    if z.nested and z.parent is att and z.speaker is None:
                        z.speaker = att.speaker

    def _orphan(self, att: Attribution) -> bool:
        """A short quotation with neither a cue nor a speaker: more often a slogan, a sign, a title or a phrase the
        writer holds at arm's length than anyone's statement, and no record of who said what. A long block
        quotation stays (someone's words, even when the text does not say whose)."""
        if att.kind != "direct" or att.nested or att.cue is not None or att.speaker is not None:
            return False
        words = sum(len(re.findall(r"\w+", self.text[a:b])) for a, b in att.content)
        return words < ORPHAN_WORDS

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
            if (
                CAPS_LABEL_NAMED
                and label.isupper()
                and not self._caps_label_named(label, pa, pb, pa + m.end(1))
            ):
                continue
            transcript = label.isupper() and len(words) <= 3
            if NAMED_TURNS and not transcript and len(words) <= 3:
                # 'Matthews: Here's the irony ...', 'Alex Seitz-Wald: She is right ...': a turn of a named person
                who = self.doc.char_span(pa + m.start(1), pa + m.end(1), alignment_mode="expand")
                transcript = who is not None and (
                    all(t.ent_type_ == "PERSON" for t in who) or words[-1] in self._person_names()
                )
                # ... unless the line reports someone else's words itself (a section named after a person)
                transcript = transcript and not any(pa <= x.start < pb for x in atts)
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

    def _caps_label_named(self, label: str, pa: int, pb: int, end: int) -> bool:
        """A label in capitals is a speaker when the text names that person or organisation outside the line (an
        entity mentioned elsewhere holds the label or shares a word with it: 'FALLIN' of Governor Mary Fallin,
        'UN' linked to the United Nations) or when the text is a transcript (another paragraph opens with a label
        in capitals). A column or section name ('HUFFPOLLSTER:', 'UPSHOT:', 'BUSTED:') is neither: the line is a
        title, and any report inside it stays the parse's. The parse's own tag is no evidence: words in capitals
        are often tagged ORG."""
        words = {w.lower() for w in re.findall(r"\w[\w.’'&-]*", label) if len(w) > 1}
        for ent in self.record.entities:
            if ent.type not in ("PERSON", "ORG", "GROUP"):
                continue
            outside = [mn for mn in ent.mentions if not pa <= mn.start < pb]
            inside = any(pa <= mn.start < end for mn in ent.mentions)  # the label itself
            if outside and (inside or any(words & set(mn.text.lower().split()) for mn in outside)):
                return True
        return any(qa != pa for qa in self._caps_label_paragraphs())

    def _caps_label_paragraphs(self) -> list[int]:
        """Starts of the paragraphs that open with a label in capitals, found once per article: a transcript has
        one per turn, and asking again for each label made the check quadratic."""
        if not hasattr(self, "_caps_paras"):
            self._caps_paras = []
            for qa, qb in self.para_spans:
                m = HEADLINE.match(self.text[qa:qb])
                if m is not None and m.group(1).isupper():
                    self._caps_paras.append(qa)
        return self._caps_paras

    def _person_names(self) -> set[str]:
        """The last words of the names of people in the text ('Matthews' of 'Chris Matthews')."""
        if not hasattr(self, "_names"):
            self._names = {e[-1].text for e in self.doc.ents if e.label_ == "PERSON"}
        return self._names

    def _check_speakers(self, atts: list[Attribution]) -> list[Attribution]:
        """A speaker never stands inside the words it is said to have said, nor inside another quotation."""
        for att in atts:
            tok = att.speaker
            if tok is None:
                continue
            inside = any(a <= tok.idx < b for a, b in att.content)
            if (inside and not inner_cue_speaker(att, tok, self.doc)) or self.inside_quote(tok):
                att.speaker = None
                att.confidence -= 0.1
                continue
            att.speaker = self._past_dateline(tok, att)
        for att in atts:
            if att.speaker is None and att.cue is not None and not att.nested:
                att.speaker = self._aside_speaker(att)
            elif (
                att.speaker is not None
                and att.cue is not None
                and not att.nested
                and not animate(att.speaker)
            ):
                att.speaker = self._participle_speaker(att) or att.speaker
            if att.speaker is not None and att.cue is not None and not att.nested:
                att.speaker = self._controlled_speaker(att) or att.speaker
            if att.speaker is not None:
                att.speaker = self.issuer(att) or att.speaker  # a nested quote too: one speaker for both
                if self.naming(att):
                    att.speaker = None  # 'a website called “...”': the thing named says nothing
        for att in atts:
            paren_sayer(att, atts, self.doc, self.inside_quote)
        for att in atts:
            if att.nested and att.speaker is None and att.parent is not None and att.cue == att.parent.cue:
                att.speaker = att.parent.speaker  # the quoted words of a mixed clause: its speaker's
        return atts

    def _aside_speaker(self, att: Attribution) -> Any:
        """'Sen. Chuck Grassley, facing a spirited challenge in Iowa, said ...': a cue the parser left without a
        subject takes the person named before the aside between commas that ends right before it."""
        assert att.cue is not None
        span = self.doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
        verb = next((t for t in span or [] if t.pos_ == "VERB"), None)
        if verb is None:
            return None
        left = [t for t in self.doc[verb.sent.start : verb.i] if not t.is_space]
        tok = name_before_aside(verb, left, self.tok_seg)
        if tok is None:
            # '..., Joe Scarborough and Mika Brzezinski, the Democratic presidential candidate stated that ...': the
            # noun right before the cue, hung by the parser on a name before it, is the cue's subject
            near = left_subject(verb)
            if (
                near is not None
                and near.dep_ in ("appos", "conj")
                and animate(near)
                and near.i not in self.tok_seg
            ):
                tok = near
        if tok is None:
            tok = self._before_relative(verb)
        if tok is None or any(a <= tok.idx < b for a, b in att.content):
            return None
        return tok

    def _controlled_speaker(self, att: Attribution) -> Any:
        """'The timing of the debate led Republicans to say that ...', 'The record prompted the atlas to state, “...”',
        'has left many Republicans wondering what ...': the one a verb with an object leads, prompts or leaves to
        say something is that object, not the verb's subject."""
        assert att.cue is not None and att.speaker is not None
        span = self.doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
        verb = next((t for t in span or [] if t.pos_ == "VERB"), None)
        if verb is None or verb.dep_ != "xcomp" or verb.tag_ not in ("VB", "VBG"):
            return None
        head = verb.head
        if att.speaker.head.i != head.i or att.speaker.dep_ != "nsubj" or animate(att.speaker):
            return None  # only a subject of the verb above that cannot speak ('the timing led ...')
        obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubj") and head.i < c.i < verb.i), None)
        if (
            obj is None
            or not animate(obj)
            or obj.i in self.tok_seg
            or lemma_of(head) in ("say", "tell", "promise")
        ):
            return None
        return obj

    def _participle_speaker(self, att: Attribution) -> Any:
        """'The first incident came during a speech, when protesters interrupted her, shouting “...”': a participle
        the parser hung on a clause whose subject cannot speak goes with the nearest clause before it whose subject
        can (the one it follows)."""
        assert att.cue is not None and att.speaker is not None
        span = self.doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
        verb = next((t for t in span or [] if t.tag_ == "VBG"), None)
        if verb is None or att.speaker.i > verb.i:
            return None
        for t in reversed(self.doc[att.speaker.i + 1 : verb.i]):
            if t.pos_ != "VERB" or t.i in self.tok_seg:
                continue
            subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
            if subj is not None and animate(subj) and subj.i not in self.tok_seg:
                return subj
        return None

    def _before_relative(self, verb: Any) -> Any:
        """'a White House official who spoke anonymously to discuss strategy said Wednesday, “...”': a noun with a
        relative clause that ends right before the cue is the cue's subject (the parser hung the noun elsewhere)."""
        i = verb.i - 1
        while i > verb.sent.start and self.doc[i].pos_ in ("AUX", "ADV", "PART", "PUNCT"):
            i -= 1
        for anc in [self.doc[i], *self.doc[i].ancestors]:
            if anc.dep_ != "relcl" or anc.i >= verb.i:
                continue
            noun = anc.head
            if (
                noun.i < anc.i
                and noun.pos_ in ("NOUN", "PROPN")
                and max(t.i for t in anc.subtree) == i
                and animate(noun)
                and noun.i not in self.tok_seg
                and noun.sent == verb.sent
            ):
                return noun
            return None
        return None

    def _past_dateline(self, tok: Any, att: Attribution) -> Any:
        """'WASHINGTON (AP) — Donald Trump said ...': the parser may take the dateline for the subject; the speaker
        is the noun phrase after the dash."""
        if att.cue is None:
            return tok
        pa = self.para_spans[self.paragraph_of(tok.idx)][0]
        m = DATELINE.match(self.text, pa) if tok.text.isupper() and len(tok.text) > 2 else None
        if m is None:
            m = _AGENCY_DATELINE.match(self.text, pa)  # 'New York (AFP) – Vice President Joe Biden ...'
        if m is None or not pa <= tok.idx < m.end():
            return tok
        cue = self.doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
        if cue is None or cue.start == 0:
            return tok
        v = cue[0]
        # the subject of the clause right after the dateline ('... – Vice President Joe Biden on Monday hit the
        # trail ..., trashing Trump': Biden, for the participle too)
        subj = next(
            (t for t in self.doc[tok.i : v.i] if t.idx >= m.end() and t.dep_ in NOMINAL_SUBJ and animate(t)),
            None,
        )
        if subj is not None:
            return subj
        first = next((t for t in self.doc[tok.i : v.i] if t.idx >= m.end()), None)
        while first is not None and first.dep_ in ("compound", "flat") and first.i < first.head.i < v.i:
            first = first.head
        if first is not None and first.pos_ == "PROPN" and animate(first):
            return first  # the name that opens the sentence after the dateline (the parser took it for an apposition)
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


def _same_speaker(x: Any, y: Any) -> bool:
    """May the inner quote's speaker ``x`` be the clause's ``y`` (a mixed clause with no speaker never wins)?"""
    return y is not None and (x is None or x.i == y.i or x.pos_ == "PRON" or x.text == y.text)


def _token_at(doc: Any, span: tuple[int, int]) -> Any:
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    return next((t for t in toks or [] if t.pos_ in ("VERB", "AUX")), None)


def _in_complement(tok: Any, verb: Any) -> bool:
    """Does ``tok`` stand in the clausal complement of ``verb`` ('said he believes': 'believes' in that of 'said')?"""
    while tok.head.i != tok.i:
        if tok.head.i == verb.i:
            return tok.dep_ in ("ccomp", "xcomp")
        tok = tok.head
    return False


def _inner_direct(x: Attribution, atts: list[Attribution], doc: Any) -> bool:
    """'Benjamin said he believes “...”': the quotation is the whole clause of 'believes', so it is a direct quote of
    its own; but it stands inside the reported clause of 'said', which PolNeAR and a reader take as one mixed
    attribution (the clause and its quoted words). A direct quote whose cue stands in the complement of a mixed
    clause's cue, of the same speaker (a pronoun for them, or none), gives way to that clause and the quote nested
    in it, when the two are too alike to stand side by side."""
    if x.kind != "direct" or x.nested or x.cue is None:
        return False
    for y in atts:
        if (
            y.kind != "mixed"
            or y.nested
            or y is x
            or y.cue is None
            or y.cue == x.cue
            or y.segments != x.segments
        ):
            continue
        if not (y.start <= x.cue[0] and x.cue[1] <= y.end and y.start <= x.start and x.end <= y.end):
            continue
        if (
            _overlap(x, y) * 2 >= max(_length(x), _length(y))  # else the two stand side by side anyway
            and _same_speaker(x.speaker, y.speaker)
            and any(z.nested and z.parent is y for z in atts)
        ):
            xv, yv = _token_at(doc, x.cue), _token_at(doc, y.cue)
            if xv is not None and yv is not None and _in_complement(xv, yv):
                return True
    return False


def dedupe(atts: list[Attribution]) -> list[Attribution]:
    """Two attributions of (nearly) the same words are one: keep the better one."""
    rank = {"direct": 2, "mixed": 1, "indirect": 0}
    atts = sorted(atts, key=lambda x: (-(x.speaker is not None), -rank[x.kind] * 0, -x.confidence, x.start))
    kept: list[Attribution] = []
    # The kept ones by the first offset of their words, with the widest hull, so that each new one is compared
    # only with those whose words can reach it: a page with thousands of quotes stays near linear. Two
    # attributions of no length at all are compared wherever they are (an overlap of 0 is half of 0).
    by_lo: list[tuple[int, int]] = []
    widest = 0
    empty: list[int] = []
    bounds: list[tuple[int, int, int]] = []
    for x in atts:
        x_lo = min((a for a, _b in x.content), default=0)
        x_hi = max((b for _a, b in x.content), default=0)
        x_len = _length(x)
        lo = bisect.bisect_left(by_lo, (x_lo - widest, -1))
        hi = bisect.bisect_left(by_lo, (x_hi, -1))
        near = [k for _, k in by_lo[lo:hi] if bounds[k][1] > x_lo]
        if x_len == 0:
            near += empty
        dup = False
        for k in near:
            y = kept[k]
            if x.nested != y.nested and not (x.kind == y.kind == "direct"):
                continue
            if _overlap(x, y) * 2 >= max(x_len, bounds[k][2]):
                dup = True
                break
        if not dup:
            bisect.insort(by_lo, (x_lo, len(kept)))
            widest = max(widest, x_hi - x_lo)
            if x_len == 0:
                empty.append(len(kept))
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
    speakers: dict[tuple[int, int], Any] = {}
    for att in atts:
        content = [Span(start=a, end=b, text=text[a:b]) for a, b in att.content if b > a]
        if not content:
            continue
        spk = None
        if att.speaker is not None:
            s, e = speaker_span(att.speaker)
            if att.cue is not None and s < att.cue[0] < e:
                e = len(text[s : att.cue[0]].rstrip()) + s  # a speaker never takes in its cue
            key = (att.speaker.i, e)
            if key in speakers:
                spk = speakers[key].model_copy()
            else:
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
    speaker_setting.apply(record, quotes, doc)
    mark_within(quotes)
    return quotes
