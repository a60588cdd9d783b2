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

from accords.quotes.lexicon import LABEL_VERBS, NOT_CUES, PRONOUNS, SPEECH_VERBS, WEAK_VERBS
from accords.quotes.marks import MARKS, Segment, find_segments
from accords.quotes.speakers import SpeakerResolver
from accords.records import Evidence, Quote, Record, Span

TITLE_WORDS = frozenset(
    """book film movie novel song album show series play titled entitled headlined article op-ed documentary poem
    magazine newspaper program programme column episode memoir hashtag slogan banner sign motto""".split()
)
SUBJ = ("nsubj", "nsubjpass", "csubj")
# right-hand dependents that are not part of a speaker's name
SPEAKER_CUT = ("relcl", "acl", "appos", "punct", "cc", "conj", "advmod", "advcl", "ccomp", "dobj", "prep")
STRIP = " \t\n,;:—–-"


@dataclass
class Attribution:
    kind: str
    content: list[tuple[int, int]]
    cue: tuple[int, int] | None = None
    speaker: Any = None  # the speaker's head token
    confidence: float = 0.8
    segments: list[int] = field(default_factory=list)
    nested: bool = False  # a partial quote inside a mixed attribution
    parent: Attribution | None = None

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


# -- parse helpers ---------------------------------------------------------------------------------------------
def is_cue(tok: Any) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS and tok.lemma_.lower() not in NOT_CUES


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


def speaker_span(head: Any) -> tuple[int, int]:
    """Character span of the speaker's noun phrase: the head, its left dependents, and a few right ones."""
    toks = [head]
    for c in head.lefts:
        if c.dep_ in ("punct", "cc", "conj") or c.lower_ in ("”", '"', "“"):
            continue
        toks.extend(c.subtree)
    for c in head.rights:
        if c.dep_ in SPEAKER_CUT and not (c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "at", "with")):
            break
        if c.dep_ == "prep" and any(t.lower_ in ("“", '"', ",") for t in c.subtree):
            break
        toks.extend(c.subtree)
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
            if t is c or t.dep_ not in ("conj", "advcl") or not is_cue(t):
                continue
            if any(x.dep_ in SUBJ for x in t.children):
                continue
            stop = t.left_edge.i
            # drop the "and" / comma before it
            toks = [x for x in toks if x.i < stop or x.i > t.right_edge.i]
            toks = [x for x in toks if not (x.i < stop and x.i >= stop - 2 and x.dep_ in ("cc", "punct"))]
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
        small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "or"}
        big = [w for w in words if w.lower() not in small]
        return len(big) >= 2 and all(w[0].isupper() for w in big) and not re.search(r"[.!?,]\W*$", inner)

    # -- parse-based cues ---------------------------------------------------------------------------------------
    def from_parse(self) -> list[Attribution]:
        out: list[Attribution] = []
        for tok in self.doc:
            if tok.lower_ == "according" and not self.inside_quote(tok):
                a = self._according(tok)
                if a:
                    out.append(a)
                continue
            if not is_cue(tok) or self.inside_quote(tok):
                continue
            span = None
            lemma = tok.lemma_.lower()
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            if comps:
                span = _clause_span(comps[0])
                if len(comps) > 1:
                    last = _clause_span(comps[-1])
                    if span and last:
                        span = (min(span[0], last[0]), max(span[1], last[1]))
            elif lemma in LABEL_VERBS:
                span = self._label_content(tok)
            if span is None:
                continue
            a, b = _trim(self.text, *span)
            if b - a < 3 or len(re.findall(r"\w+", self.text[a:b])) < 2 and not self._has_segment(a, b):
                continue
            cue_toks = [tok] + [c for c in tok.children if c.dep_ == "prt"]
            cue = (min(t.idx for t in cue_toks), max(t.idx + len(t.text) for t in cue_toks))
            conf = 0.6 if lemma in WEAK_VERBS else 0.8
            out.append(Attribution("indirect", [(a, b)], cue, subject_of(tok), conf))
        return out

    def _has_segment(self, a: int, b: int) -> bool:
        return any(s.start < b and a < s.end for s in self.segments)

    def _label_content(self, v: Any) -> tuple[int, int] | None:
        obj = next((c for c in v.children if c.dep_ in ("dobj",)), None)
        comp = next(
            (c for c in v.children if c.i > v.i and (c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ == "as")),
            None,
        )
        if comp is None:
            # called it "a farce": the quote follows the object
            if obj is not None:
                nxt = obj.right_edge.i + 1
                if nxt < len(self.doc) and self.doc[nxt].text in MARKS:
                    si = self.tok_seg.get(nxt)
                    if si is not None:
                        return obj.left_edge.idx, self.segments[si].pieces[0][1]
            return None
        start_tok = obj if obj is not None and obj.i < comp.i else comp
        if start_tok.lower_ in ("which", "that", "who"):
            start_tok = comp
        a = start_tok.left_edge.idx if start_tok is obj else comp.idx
        end_tok = comp.right_edge
        b = end_tok.idx + len(end_tok.text)
        # a closing mark right after belongs to the quote inside
        if b < len(self.text) and self.text[b : b + 1] in "”\"":
            b += 1
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
        # content: the sentence less the "according to X" phrase
        if lo - sent.start <= 1:
            first = hi + 1
            last = sent.end - 1
        else:
            first = sent.start
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
            real = [i for i in over if not self.is_title(self.segments[i])]
            if not real:
                out.append(att)
                continue
            att.kind = "mixed"
            lo = min([a] + [self.segments[i].start for i in real if self.segments[i].start >= a - 2])
            hi = max([b] + [self.segments[i].end for i in real if self.segments[i].end <= b + 2])
            att.content = [(lo, hi)]
            att.segments = real
            out.append(att)
            for i in real:
                seg = self.segments[i]
                out.append(
                    Attribution("direct", list(seg.pieces), att.cue, att.speaker, att.confidence, [i], True, att)
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
        cued_ends = sorted(((att.cue[0], att) for att in atts if att.cue), key=lambda p: p[0])
        out: list[Attribution] = []
        last_direct: Attribution | None = None
        for si, seg in enumerate(self.segments):
            if si in used:
                prev = [att for att in atts if si in att.segments and att.kind == "direct" and not att.nested]
                if prev:
                    last_direct = prev[-1]
                continue
            after = self._window_after(seg)
            att = self._cue_after(seg, si, after) or self._cue_before(seg, si)
            if att is not None:
                if att.segments:
                    used.update(att.segments)
                out.append(att)
                last_direct = att
                continue
            words = seg.words(self.text)
            if words < 4 or self.is_title(seg):
                continue  # scare quotes, titles, a word or two
            if last_direct is not None and self._continues(last_direct, seg, cued_ends):
                last_direct.content.extend(seg.pieces)
                last_direct.segments.append(si)
                used.add(si)
                continue
            if words >= 6:
                out.append(Attribution("direct", list(seg.pieces), None, None, 0.4 if not seg.unbalanced else 0.3, [si]))
                used.add(si)
                last_direct = out[-1]
        return out

    def _continues(self, prev: Attribution, seg: Segment, cued: list[tuple[int, Attribution]]) -> bool:
        if prev.speaker is None:
            return False
        gap_paras = self.paragraph_of(seg.start) - self.paragraph_of(prev.end)
        if gap_paras > 1:
            return False
        # no other cue between the two
        return not any(prev.end < off < seg.start and att is not prev for off, att in cued)

    def _cue_after(self, seg: Segment, si: int, window: list[Any]) -> Attribution | None:
        verb = next((t for t in window if is_cue(t) or t.lemma_ in ("say", "tell", "add", "ask")), None)
        if verb is None:
            return None
        # only a short cue phrase: '“...,” he said', '“...,” said X', '“...,” X told reporters on Friday'
        before_verb = [t for t in window if t.i < verb.i and not t.is_punct]
        if len(before_verb) > 6:
            return None
        spk = subject_of(verb)
        if spk is None or spk.i in self.tok_seg:
            spk = next((t for t in window if t.i != verb.i and t.pos_ in ("PROPN", "PRON", "NOUN") and t.dep_ != "dobj"), None)
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
            return None
        tail = self.text[window[-1].idx + len(window[-1].text) : seg.start]
        if tail.strip():
            return None
        last = window[-1]
        if not (last.text in (":", ",") or is_cue(last) or last.lower_ == "that"):
            return None
        verb = next((t for t in reversed(window) if is_cue(t) or t.lemma_ in ("say", "tell", "add", "ask")), None)
        if verb is None:
            return None
        # nothing but the verb's own dependents between it and the mark
        between = [t for t in window if t.i > verb.i and not t.is_punct]
        if len(between) > 5:
            return None
        spk = subject_of(verb)
        cue = (verb.idx, verb.idx + len(verb.text))
        conf = 0.9 if spk is not None else 0.6
        return Attribution("direct", list(seg.pieces), cue, spk, conf - (0.2 if seg.unbalanced else 0.0), [si])

    # -- everything ----------------------------------------------------------------------------------------------
    def run(self) -> list[Attribution]:
        atts = self.merge_segments(self.from_parse())
        atts += self.from_segments(atts)
        return dedupe(atts)


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
    for x in atts:
        dup = False
        for y in kept:
            if x.nested != y.nested:
                continue
            if _overlap(x, y) * 2 >= max(_length(x), _length(y)):
                dup = True
                break
        if not dup:
            kept.append(x)
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
                kind=att.kind,  # type: ignore[arg-type]
                content=content,
                cue=cue,
                speaker=spk,
                evidence=Evidence(
                    sentence=s0, sentences=list(range(s0, s1 + 1)) if s1 > s0 else [], start=lo, end=hi, text=text[lo:hi]
                ),
                confidence=round(max(0.05, min(1.0, conf)), 2),
                version=version,
            )
        )
    return quotes
