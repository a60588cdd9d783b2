"""Speakers for quotations that stand alone, found from the sentences around them (quotes.rules v6).

News prose often gives a speaker once and then lets a quotation paragraph follow with no cue of its own:

    Carter said that for decades some critics had predicted a withdrawal.
    “That's because this region remains the most consequential for America.”

The quotation continues the words of the one who spoke last, as long as nothing between names anyone else.
"""

from __future__ import annotations

import re
from typing import Any

from accords.quotes.attribution import Attribution, ExtractorBase, animate, is_cue
from accords.quotes.lexicon import NOMINAL_SUBJ
from accords.quotes.marks import Segment
from accords.quotes.precision import NAMING_VERBS

# a quotation paragraph with no cue takes the speaker of the report that ends the paragraph before it
PARAGRAPH_TURNS = True
# an uncued quotation inside someone's sentence (not opening it, not after a colon or comma) is no direct quote
MID_SENTENCE = True
# 'S “...” S, X said.': quoted words inside the sentence a verb of saying after it reports make one mixed quote
CLAUSE_BEFORE = True
# '“...,” the Saudis state in the paper': a verb of saying the tagger took for a plural noun ('states')
NOUN_TAGGED_CUES = True
# the verbs of saying that share their form with a noun, and that a tagger takes for one after a quotation
_NOUN_FORMS = frozenset("state states".split())
# 'she issued a statement calling on ...': the one who issues the statement, not the statement, is the speaker
ISSUER = True
# ... also through a relative pronoun ('a video that said') and past the ones a message went to ('to supporters')
ISSUER_MORE = True
# 'a website called “...”': quoted words that name a thing are no one's words: the quote keeps no speaker
NAMING = True
# '... and carrying signs saying, “...”': a participle of saying inside a reported clause introduces a quote of its own
INNER_SAYING = True
# the participles that open such a quote: a pick of lexicon.SPEECH_VERBS, not all of it ('believing,', 'showing,'
# open none; with all of SPEECH_VERBS three PolNeAR train or pages dev articles change a quote)
_SAYING = frozenset("say add write read state declare tweet chant shout".split())
# what one issues, sends or runs that says things in one's name
_ISSUED = frozenset(
    "statement letter ad ads advertisement email e-mail message memo release tweet post video spot note piece".split()
)
# 'Trump, Sexton said, has created a “strange ... zone.”': a quotation inside a sentence whose cue is a parenthesis
PARENTHETICAL = True
# a quotation of two or three words that is a sentence of its own continues the direct quote just before it
SHORT_TURNS = True

_OPENERS = "“\"'‘„«(["
_CLOSERS = "”\"’'»"
_OPENING = re.compile(r"[\s“\"'‘„«(\[]*")
# verbs after which a speaker goes on talking ('Carter said ...' then his quotation paragraph): a pick of
# lexicon.SPEECH_VERBS, no stance or thought ('praised', 'think'; with all of it three dev articles change a quote)
_GO_ON = frozenset("say add tell argue explain note write state insist continue warn".split())
_CLOSING = re.compile(r"[\s”\"'’».,!?)\]]*")


class StandAlone(ExtractorBase):
    def paragraph_turns(self, atts: list[Attribution]) -> None:
        """A quotation with neither cue nor speaker that opens its paragraph goes on with the words of the last
        report in the paragraph before, when that report has a speaker who can speak and is the last thing the
        paragraph says (its cue or its words stand in the paragraph's last sentence)."""
        if not PARAGRAPH_TURNS:
            return
        for att in sorted(atts, key=lambda a: a.start):
            if att.kind != "direct" or att.nested or att.cue is not None or att.speaker is not None:
                continue
            pi = self.paragraph_of(att.start)
            pa, pb = self.para_spans[pi]
            if pi == 0 or _OPENING.fullmatch(self.text[pa : att.start]) is None:
                continue
            if _CLOSING.fullmatch(self.text[att.end : pb]) is None:
                continue  # words after the quotation may name its speaker ('... Sanders asked')
            prev = self._last_report(atts, pi - 1, att)
            if prev is not None:
                att.speaker = prev.speaker
                att.confidence = min(att.confidence, 0.6)

    def _last_report(self, atts: list[Attribution], pi: int, att: Attribution) -> Attribution | None:
        qa, qb = self.para_spans[pi]
        inside = [
            a for a in atts if a is not att and not a.nested and not a.dropped and qa <= a.end <= qb + 1
        ]
        if not inside:
            return None
        last = max(inside, key=lambda a: a.end)
        if last.speaker is None or not animate(last.speaker) or last.stance or last.cue is None:
            return None
        span = self.doc.char_span(last.cue[0], last.cue[1], alignment_mode="expand")
        if span is None or not any(t.lemma_ in _GO_ON for t in span):
            return None  # a plain verb of saying, not a stance or a thought ('praised ...', 'they think ...')
        # the report must close its paragraph: nothing but its own sentence's tail after it
        end = max(last.end, last.cue[1] if last.cue else 0)
        tail = self.text[end:qb]
        if re.search(r"[.!?][”\"’']?\s+\S", tail):
            return None  # another sentence follows, which may turn to someone else
        return last

    def short_turn(self, seg: Segment, pd: Attribution | None) -> Attribution | None:
        """'“They sue,” he said. “Everybody sues, right?”': a quotation of two or three words that is a sentence of
        its own, right after the sentence of a direct quote by a known speaker, goes on with that quote (too short
        to stand alone, it is no title or scare quote when it ends a sentence right after someone's words). ``pd``: the
        direct quote earlier in the paragraph that an uncued quotation may continue."""
        if not SHORT_TURNS or seg.last_char(self.text) not in (".", "?", "!"):
            return None
        if pd is None or pd.kind != "direct" or self.paragraph_of(pd.end) != self.paragraph_of(seg.start):
            return None
        gap = self.text[max(pd.end, pd.cue[1] if pd.cue else 0) : seg.start]
        if len(gap) > 150 or not re.search(r"[.!?]\s*$", gap) or re.search(r"[“”\"]|''", gap):
            return None  # the short quotation does not open the sentence right after the quote's
        return pd

    def mid_sentence(self, att: Attribution) -> bool:
        """'Gorka also made the point that her philosophy would make her “completely a third Obama term”': quoted
        words with no cue of their own, inside a sentence that runs on before them, are a fragment the writer
        quotes within their own words, not a statement; the speaker of a quote nearby is no evidence for them. A
        quotation that opens its sentence, or follows a colon or comma ('the line: “...”', 'boomed, “...”'), is
        not such a fragment."""
        if att.kind != "direct" or att.nested or att.cue is not None:
            return False
        return self.fragment_at(att.start, att.end)

    def fragment_at(self, start: int, end: int) -> bool:
        """Do the quoted words from ``start`` to ``end`` stand inside a sentence that runs on before them, with no
        colon or comma to introduce them (see :meth:`mid_sentence`)?"""
        if not MID_SENTENCE:
            return False
        inner = self.text[start:end]
        if re.search(r"[.!?]\s+[“\"']?[A-Z]", inner):
            return False  # sentences of their own: a block quotation, not a fragment
        i = start
        while (
            i > 0
            and self.text[i - 1] != "\n"
            and (self.text[i - 1].isspace() or self.text[i - 1] in _OPENERS)
        ):
            i -= 1
        if i == 0 or self.text[i - 1] == "\n":
            return False
        prev = self.text[i - 1]
        if prev in ":,;.!?":
            return False
        if prev in _CLOSERS and i > 1 and self.text[i - 2] in ".!?,":
            return False  # after a quotation that ends its sentence
        return prev.isalnum() or prev in "-—–)’'"

    def clause_before(self, atts: list[Attribution]) -> list[Attribution]:
        """'The rejection of the treaty signals “the beginning of the end” for the EU, said Geert Wilders.': the
        quoted words stand inside a sentence that a finite verb of saying at its end reports; what is reported is
        the whole sentence up to that cue, not only the quoted words. The quotation becomes a mixed quote (the
        sentence before the cue) with the quoted words nested in it. Returns the nested quotes it adds."""
        added: list[Attribution] = []
        if not CLAUSE_BEFORE:
            return added
        by_cue: dict[tuple[int, int], list[Attribution]] = {}
        for a in atts:
            if a.cue is not None and not a.nested and not a.dropped:
                by_cue.setdefault(a.cue, []).append(a)
        for att in atts:
            if att.kind != "direct" or att.nested or att.cue is None or att.speaker is None or att.dropped:
                continue
            if att.cue[0] < att.end or not self.fragment_at(att.start, att.end):
                continue
            span = self.doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
            verb = next((t for t in span or [] if t.pos_ == "VERB"), None)
            if verb is None or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i in self.tok_seg:
                continue
            sent = verb.sent
            found = self._clause_end(att, verb)
            if found is None or sent.start_char >= att.start:
                continue
            if self.paragraph_of(sent.start_char) != self.paragraph_of(att.start):
                continue
            if self._cue_between(sent.start_char, att.start):
                continue  # the words before the quotation have a cue of their own ('X told them that “...”')
            # another reading of the same cue must lie in the words before the quotation (the parse's clause)
            others = [a for a in by_cue[att.cue] if a is not att]
            if any(not (sent.start_char <= a.start and a.end <= att.start + 1) for a in others):
                continue
            for a in others:
                a.dropped = True
            end, att.speaker = found
            nested = Attribution(
                "direct", list(att.content), att.cue, att.speaker, att.confidence, att.segments
            )
            nested.nested, nested.parent = True, att
            att.kind = "mixed"
            att.content = [(sent.start_char, end)]
            added.append(nested)
        return added

    def _clause_end(self, att: Attribution, verb: Any) -> tuple[int, Any] | None:
        """Where the reported sentence ends, and who says it: the cue phrase after the quotation is the verb and its
        subject ('..., Hoover said.', '..., said Geert Wilders, founder of ...'), opened by a comma or the closing
        mark, and it ends the sentence (nothing after it but the speaker's apposition or a time)."""
        subjs = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: c.i < verb.i)
        subj = subjs[0] if subjs else None  # 'S, said X': the subject after the verb, if the parse gives two
        if subj is None or not animate(subj) or subj.i in self.tok_seg:
            return None
        first = verb.i if subj.i > verb.i else subj.left_edge.i
        if first == 0 or self.doc[first].idx < att.end:
            return None
        for t in self.doc[verb.i + 1 : verb.sent.end]:
            if t.pos_ == "VERB" and t.dep_ not in ("relcl", "acl", "amod") or t.i in self.tok_seg:
                return None
        before = self.doc[first - 1]
        if before.text not in (",", "”", '"', "''", "’"):
            return None  # '“...,” X said' needs the comma or the closing mark right before the cue phrase
        end = before.idx + (len(before.text) if before.text != "," else 0)
        return max(end, att.end), subj

    def _cue_between(self, a: int, b: int) -> bool:
        span = self.doc.char_span(a, b, alignment_mode="contract")
        return any(is_cue(t) and t.i not in self.tok_seg for t in span or [])

    def noun_tagged_cue(self, seg: Segment, si: int, window: list[Any]) -> Attribution | None:
        """'“...,” a voice-over in the ad states.', '“...,” the Saudis state in the white paper': right after a
        quotation that a comma closes, 'state(s)' after a noun phrase is the verb of saying, whatever the tagger
        says (it reads a plural noun). The speaker is the first noun of the phrase before it."""
        if not NOUN_TAGGED_CUES or seg.last_char(self.text) != ",":
            return None
        words = [t for t in window if not t.is_punct]
        for k, t in enumerate(words[:7]):
            if t.lower_ not in _NOUN_FORMS or t.pos_ not in ("NOUN", "PROPN"):
                continue
            nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
            if nxt is not None and not (nxt.is_punct or nxt.pos_ == "ADP" or nxt.is_space):
                return None  # 'the states of ...' is fine, 'the states agreed' is a noun
            spk = next((w for w in words[:k] if w.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if spk is None or spk.i in self.tok_seg or not (animate(spk) or spk.pos_ == "NOUN"):
                return None
            return Attribution("direct", list(seg.pieces), (t.idx, t.idx + len(t.text)), spk, 0.6, [si])
        return None

    def issuer(self, att: Attribution) -> Any:
        """'She issued a statement calling on the United States “to redouble our efforts”', 'Trump released a new
        radio ad calling it “dangerous”': a statement, an ad or a letter that someone issues, releases, sends or
        places speaks for them; the speaker is the subject of the verb whose object it is (None if there is no
        such subject)."""
        spk = att.speaker
        if not ISSUER or spk is None:
            return None
        if ISSUER_MORE and spk.lower_ in ("that", "which") and spk.head.dep_ == "relcl":
            spk = (
                spk.head.head
            )  # 'released a marketing video that said, “...”': the video, then who released it
        elif ISSUER_MORE and spk.dep_ == "pobj" and spk.head.lower_ == "to" and spk.head.head.pos_ == "VERB":
            # 'sent out a text message to supporters saying: “...”': not the ones it went to
            spk = next((c for c in spk.head.head.children if c.dep_ == "dobj"), spk)
        if spk.lemma_.lower() not in _ISSUED or spk.dep_ != "dobj":
            return None
        verb = spk.head
        if verb.pos_ != "VERB" or verb.i > spk.i or verb.i in self.tok_seg:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or not animate(subj) or subj.i in self.tok_seg:
            return None
        return subj

    def naming(self, att: Attribution) -> bool:
        """'a website called “Cape Breton If Donald Trump Wins”', 'a group called the “We The People
        Foundation”': a participle of naming hung on a noun, right before the quoted words, gives the thing its
        name; no one says the words, and the thing is no speaker."""
        if not NAMING or att.cue is None or att.kind != "direct" or att.nested:
            return False
        span = self.doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
        verb = next((t for t in span or [] if t.pos_ == "VERB"), None)
        if verb is None or verb.dep_ != "acl" or verb.lemma_.lower() not in NAMING_VERBS:
            return False
        if verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > verb.i:
            return False
        if any(c.dep_ in NOMINAL_SUBJ for c in verb.children):
            return False  # a clause with a subject of its own ('charges that Limbaugh called “...”') names no thing
        between = self.text[verb.idx + len(verb.text) : att.start]
        return re.fullmatch(r"\s*(?:the\s+)?", between, flags=re.IGNORECASE) is not None

    def inner_saying(self, atts: list[Attribution]) -> None:
        """'... calling for Fiorina's firing and carrying signs saying, “Merger today, Chapter 11 tomorrow.”':
        the quotation at the end of a mixed quote is introduced by a participle of saying of its own ('saying,',
        'adding,') right before it; it is a direct quote with that cue, and the clause before it is no frame for
        it (the mixed reading goes)."""
        if not INNER_SAYING:
            return
        # the nested quotes of each attribution, by the id of their parent: the loop below changes only the kids
        # of the attribution it is at, so one index made before it serves the whole loop
        nested: dict[int, list[Attribution]] = {}
        for a in atts:
            if a.nested and a.parent is not None:
                nested.setdefault(id(a.parent), []).append(a)
        for att in atts:
            if att.kind != "mixed" or att.nested or att.cue is None or att.dropped or len(att.content) != 1:
                continue
            kids = nested.get(id(att), [])
            if len(kids) != 1 or kids[0].end < att.end - 2:
                continue
            quote = kids[0]
            m = re.search(r"(\w+)\s*[,:]\s*$", self.text[att.start : quote.start])
            if m is None:
                continue
            at = att.start + m.start(1)
            span = self.doc.char_span(at, at + len(m.group(1)), alignment_mode="expand")
            verb = span[0] if span is not None and len(span) == 1 else None
            if verb is None or verb.tag_ != "VBG" or verb.lemma_.lower() not in _SAYING or at < att.cue[1]:
                continue
            quote.nested, quote.parent = False, None
            quote.cue = (verb.idx, verb.idx + len(verb.text))
            att.dropped = True  # what is left ('one of Trump's messages by') is seldom a report of its own

    def parenthetical(self, atts: list[Attribution]) -> list[Attribution]:
        """'Trump, Sexton said, has created a “strange, reality-bending political correctness-free zone.”': a
        quotation no rule took, inside a sentence whose verb of saying stands between commas after the sentence's
        first words, with a subject of its own: the sentence around the parenthesis is the reported clause (two
        pieces), a mixed quote with the quotation nested in it. So is a direct quote that the parenthesis cues
        when the quotation goes on with the sentence ('Clinton, a top aide said, “is very confident”')."""
        out: list[Attribution] = []
        if not PARENTHETICAL:
            return out
        used = {i for a in atts for i in a.segments}
        taken = [(a.start, a.end) for a in atts if not a.dropped]
        for si, seg in enumerate(self.segments):
            if si in used or seg.words(self.text) < 2 or any(a < seg.end and seg.start < b for a, b in taken):
                continue
            span = self.doc.char_span(seg.start, seg.end, alignment_mode="expand")
            if span is None:
                continue
            for v in span[0].sent:
                if v.i >= span[0].i:
                    break
                found = self._parenthesis(v)
                if found is None:
                    continue
                mixed = self._around_parenthesis(v, found, seg.end, [si])
                nested = Attribution("direct", list(seg.pieces), mixed.cue, mixed.speaker, 0.6, [si])
                nested.nested, nested.parent = True, mixed
                out += [mixed, nested]
                break
        for att in atts:
            if att.kind != "direct" or att.nested or att.cue is None or att.dropped or att.speaker is None:
                continue
            cue = self.doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
            v = next((t for t in cue or [] if t.pos_ == "VERB"), None)
            found = self._parenthesis(v) if v is not None else None
            if found is None or self.text[found[2].idx + 1 : att.start].strip():
                continue
            first = re.search(r"[A-Za-z]", self.text[att.start : att.end])
            if first is None or not first.group().islower():
                continue  # a quotation of whole sentences after 'X said,' is a direct quote
            mixed = self._around_parenthesis(v, found, att.end, att.segments)
            nested = Attribution(
                "direct", list(att.content), att.cue, att.speaker, att.confidence, att.segments
            )
            nested.nested, nested.parent = True, att
            att.kind, att.content = "mixed", mixed.content
            out.append(nested)
        return out

    def _parenthesis(self, v: Any) -> tuple[Any, Any, Any] | None:
        """(subject, comma before, comma after) when the verb of saying ``v`` is a parenthesis: 'X, Y said, ...'
        with words of the sentence before it, its own subject, and no clause or object of its own."""
        if (
            v.lemma_ not in ("say", "add", "write", "argue", "note")
            or v.pos_ != "VERB"
            or v.i + 1 >= len(self.doc)
        ):
            return None
        sent = v.sent
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
        if subj is None or not animate(subj) or subj.left_edge.i <= sent.start:
            return None
        left, right = self.doc[subj.left_edge.i - 1], self.doc[v.i + 1]
        if left.text != "," or right.text != "," or left.i == sent.start:
            return None
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in v.children):
            return None  # a verb with a clause of its own, not a parenthesis
        head = self.text[sent.start_char : left.idx]
        if "\n" in head or re.search(r"[.!?][”\"’']*\s|[“”\"]|''", head):
            return None  # the parse ran two sentences together, or the words before hold a quotation of their own
        return subj, left, right

    def _around_parenthesis(
        self, v: Any, found: tuple[Any, Any, Any], last: int, segs: list[int]
    ) -> Attribution:
        """The mixed quote of the sentence around the parenthesis ``found`` of ``v``."""
        subj, left, right = found
        sent = v.sent
        end = sent.end_char
        while end > right.idx and self.text[end - 1] in " .\n":
            end -= 1
        content = [
            _strip(self.text, sent.start_char, left.idx),
            _strip(self.text, right.idx + 1, max(end, last)),
        ]
        return Attribution("mixed", content, (v.idx, v.idx + len(v.text)), subj, 0.6, list(segs))


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
