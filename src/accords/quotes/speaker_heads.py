"""Who is the subject of a cue verb when the parse does not say, or says someone inside the quotation.

The parser often gets the sentence around a quotation wrong: it roots the sentence inside the quoted words
(``Weaver didn't seem impressed, telling reporters, “A lot of people said ...”`` makes *lot* the subject of the
clause above *telling*), hangs a name on the wrong noun (``In a statement to the Observer, her adviser, Jake
Sullivan, said:`` leaves *said* with no subject), or reads a participle as a noun (``Flea shared the news, writing
“...”``). These rules look for the speaker outside the quotation, in the words around the cue, and give up (None)
when nothing there is a plausible speaker.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from accords.quotes.attribution import TO_WHOM, animate, is_cue, left_subject, subject_of
from accords.quotes.lexicon import NOMINAL_SUBJ

_NAME_DEPS = ("compound", "flat")


def _name_head(tok: Any, limit: int) -> Any:
    """Climb from a word of a name to the name's last word ('Jake' -> 'Sullivan'), never past ``limit``."""
    while tok.dep_ in _NAME_DEPS and tok.head.i < limit and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _ok(tok: Any, verb: Any, quoted: Container[int]) -> bool:
    return tok is not None and tok.i not in quoted and tok.sent == verb.sent and animate(tok)


def _line_between(a: Any, b: Any) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text for t in a.doc[lo:hi])


def _paragraph_opener(verb: Any, quoted: Container[int]) -> Any:
    """The name that opens the verb's paragraph when a comma follows it ('Margaret Sullivan, in an attempt to ...,
    wrote'); None otherwise."""
    i = verb.i - 1
    while i > 0 and "\n" not in verb.doc[i - 1].text:
        i -= 1
    first = verb.doc[i]
    if first.i >= verb.i or first.pos_ not in ("PROPN", "NOUN"):
        return None
    last = first
    while last.i + 1 < verb.i and verb.doc[last.i + 1].pos_ in ("PROPN", "NOUN"):
        last = verb.doc[last.i + 1]
    if last.i + 1 >= verb.i or verb.doc[last.i + 1].text != "," or last.ent_type_ != "PERSON":
        return None
    return last if last.i not in quoted else None


_FINITE = ("VBD", "VBZ", "VBP", "MD")


def name_before_aside(verb: Any, left: list[Any], quoted: Container[int]) -> Any:
    """'Col. Steven H. Warren, a military spokesman in Baghdad, said', 'Mr. Trump, asked about the deaths, had
    said', 'Donald Trump - who previously said he would “...” - said': a person's name, then an aside between commas
    or dashes (an apposition, a participle phrase or a relative clause on the name, no clause of its own), then the
    cue. The parser often hangs such a name on a noun before it and leaves the cue without a subject; the name is
    the speaker."""
    words = list(left)
    while words and words[-1].pos_ in ("AUX", "ADV", "PART") and words[-1].tag_ not in _FINITE[:3]:
        words.pop()  # 'had said', 'also said': over the auxiliary and the adverb
    if words and words[-1].tag_ in ("VBD", "MD") and words[-1].pos_ == "AUX":
        words.pop()  # 'had said': 'had' is finite but belongs to the cue
    if len(words) < 4 or words[-1].text not in _ASIDE_MARKS:
        return None
    mark = words[-1].text
    for k in range(len(words) - 3, max(0, len(words) - 32), -1):
        if words[k].text != mark:
            continue
        name = words[k - 1]
        if name.ent_type_ != "PERSON" or name.pos_ != "PROPN" or name.i in quoted:
            continue
        aside = words[k + 1 : -1]
        if _plain_aside(aside, name, quoted):
            return name if _ok(name, verb, quoted) else None
        return None
    return None


_ASIDE_MARKS = (",", "-", "—", "–")


def _plain_aside(aside: list[Any], name: Any, quoted: Container[int]) -> bool:
    """An aside on ``name`` and nothing else: a relative clause on it ('who ...'), or words with no finite verb and
    no quotation of their own. A past tense the tagger may have misread for a participle ('asked about ...') is
    allowed unless it has a subject of its own there ('Mr. Trump, the crowd cheered, ...')."""
    if not aside:
        return False
    if aside[0].lower_ in ("who", "whose") and aside[0].head.dep_ == "relcl":
        return True
    for t in aside:
        if t.is_quote or t.i in quoted or t.tag_ in _FINITE[1:] or t.lower_ in ("who", "which", "that"):
            return False
        if t.tag_ == "VBD" and any(c.dep_ in NOMINAL_SUBJ and c.i > name.i for c in t.children):
            return False
    return True


def cue_subject(verb: Any, quoted: Container[int]) -> Any:
    """The head token of the one who says ``verb``, never a token in ``quoted`` (token indices inside quotation
    marks); None when no plausible speaker stands outside the quotation."""
    spk = subject_of(verb)
    if spk is not None and spk.i not in quoted and not _line_between(spk, verb):
        return spk
    if spk is not None and spk.i not in quoted:
        # the parser ran the paragraph before on into this one ('The Washington Post reports ...\n\nPost columnist
        # Margaret Sullivan, in an attempt to ..., wrote, “...”'): the name that opens the cue's paragraph
        return _paragraph_opener(verb, quoted)
    # 'Blumenthal was asked, “...”': the one asked is not the speaker, and no one else is named
    if any(c.dep_ == "nsubjpass" for c in verb.children) and verb.lemma_ in TO_WHOM:
        return None
    # the nearest clause above the cue with a subject outside the quotation, left of the cue
    for anc in verb.ancestors:
        subj = next((c for c in anc.children if c.dep_ in NOMINAL_SUBJ), None)
        if (
            subj is not None
            and subj.i < verb.i
            and _ok(subj, verb, quoted)
            and subj.tag_ not in ("WP", "WDT")
        ):
            if not _line_between(subj, verb):
                return subj
            opener = _paragraph_opener(verb, quoted)
            if opener is not None:
                return opener
    left = [t for t in verb.doc[verb.sent.start : verb.i] if t.i not in quoted and not t.is_space]
    # '“...,” Representative Steve Cohen, Democrat of Tennessee, told Mr. Obama': the name that opens the words
    # between the closing mark and the cue
    closed = [i for i in range(max(verb.sent.start, verb.i - 14), verb.i) if i in quoted]
    if closed:
        after = [t for t in verb.doc[max(closed) + 1 : verb.i] if not t.is_punct and not t.is_space]
        if after and after[0].pos_ in ("PROPN", "PRON", "NOUN"):
            head = _name_head(after[0], verb.i)
            if _ok(head, verb, quoted):
                return head
    # 'X, her adviser, Jake Sullivan, said:': a name right before the cue, with only a comma between
    last = left_subject(verb)
    if last is None and left and left[-1].text == "," and len(left) > 1:
        last = left[-2] if left[-2].dep_ in ("appos", "nsubj", "conj", "dep", "npadvmod", "ROOT") else None
    if last is not None and last.pos_ == "PROPN" and last.ent_type_ in ("PERSON", "ORG", ""):
        if _ok(last, verb, quoted):
            return last
    named = name_before_aside(verb, left, quoted)
    if named is not None:
        return named
    # 'Flea shared the news on social media, writing “...”': a participle after a comma takes the subject of the
    # clause it follows
    if verb.tag_ == "VBG" and left and left[-1].text == ",":
        for t in reversed(left):
            if t.pos_ in ("VERB", "AUX"):
                subj = next((c for c in t.children if c.dep_ in NOMINAL_SUBJ), None)
                if subj is not None and subj.i < t.i and _ok(subj, verb, quoted):
                    return subj
    # 'Maher stated that the report “wasn't good.” Adding, “Now, ...”': a participle that opens its sentence goes
    # on with the speaker of the sentence before, when a verb of saying heads that one
    if verb.tag_ == "VBG" and not [t for t in left if not t.is_punct]:
        i = verb.sent.start - 1
        while i >= 0 and (verb.doc[i].is_punct or verb.doc[i].i in quoted) and "\n" not in verb.doc[i].text:
            i -= 1
        if i >= 0 and "\n" not in verb.doc[i].text:
            root = verb.doc[i].sent.root
            subj = subject_of(root) if is_cue(root) else None
            if (
                subj is not None
                and _ok(subj, root, quoted)
                and not any("\n" in t.text for t in verb.doc[subj.i : verb.i])
            ):
                return subj
    # inverted: 'Stated Stone:', 'said Bolton.', 'added another New Hampshire Democrat.' (never the one told or
    # asked: 'told Mr. Obama'; but right after the quotation's closing mark, '“...?” asked the boy', the one asking)
    nxt = verb.i + 1
    after_mark = (
        verb.i > 1 and verb.doc[verb.i - 1].is_quote and (verb.i - 1 in quoted or verb.i - 2 in quoted)
    )
    if nxt < len(verb.doc) and (
        verb.lemma_ not in ("tell", "ask", "question") or after_mark and verb.lemma_ == "ask"
    ):
        tok = verb.doc[nxt]
        if after_mark and tok.lower_ in ("another", "one") and tok.head.i == verb.i and is_cue(verb):
            return tok  # '“...,” tweeted another.'
        # (a capitalised word right after '“...,” said' is a name, whatever the tagger calls it: 'said Skelly')
        name_like = (
            after_mark and tok.is_title and tok.is_alpha and tok.pos_ in ("ADV", "NOUN", "ADJ", "VERB")
        )
        if (
            (tok.pos_ == "PROPN" or name_like)
            and tok.i not in quoted
            and tok.ent_type_ not in ("DATE", "TIME")
        ):
            last = tok
            while last.i + 1 < len(verb.doc) and last.doc[last.i + 1].pos_ == "PROPN":
                last = last.doc[last.i + 1]
            head = _name_head(tok, last.i + 1)
            if _ok(head, verb, quoted) or name_like and head.i not in quoted:
                return head
        elif tok.dep_ in ("det", "amod", "compound", "nummod") and tok.i not in quoted:
            head = tok
            while head.dep_ in ("det", "amod", "compound", "nummod") and verb.i < head.head.i <= verb.i + 6:
                head = head.head
            if (
                head.pos_ in ("PROPN", "NOUN")
                and head.i > tok.i
                and head.i not in quoted
                and head.sent == verb.sent
            ):
                # right after the quotation the noun after a verb of saying is its speaker, whatever the noun
                if after_mark and is_cue(verb) or animate(head):
                    return head
    return None
