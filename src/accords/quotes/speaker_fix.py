"""Speaker heads the parser gets wrong while the quotation is right (quotes.rules v9).

* FRAGMENT_SUBJECT: of two subjects the parser gave one verb of saying, never a piece of a word: the first half of a
  hyphenated word ('said study co-author Jane Roe': *co*), or a stray character of broken encoding (a curly
  quotation mark read as Latin-1, 'â', before 'says Dr. Roe'). The other subject is the speaker.
* NAME_AS_ADVERB: a surname the tagger took for an adverb because it is also one ('Early', 'Little', 'Long'): a
  capitalised word right before the cue (over adverbs: 'Early still says'), standing for a person the text names
  elsewhere, is the cue's subject when the cue has none of its own before it.
* LATER_CUE: '“...” announced in March, said Jane Roe': a past participle on a quoted noun ('the deal announced in
  March') is no cue; the verb of saying after it, with its subject, is (before, the speaker was *March*).
"""

from __future__ import annotations

from typing import Any

from accords.quotes.lexicon import NOMINAL_SUBJ

FRAGMENT_SUBJECT = True
NAME_AS_ADVERB = True
LATER_CUE = True

_HYPHENS = ("-", "‐", "‑")


def fragment(tok: Any) -> bool:
    """A token that cannot head anyone's name: a word cut at a hyphen glued to it, a stray non-ASCII character or
    a C1 control character of broken encoding."""
    if not hasattr(tok, "whitespace_"):
        return False  # a stand-in token (tests) with no text around it
    doc = tok.doc
    if not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text in _HYPHENS:
        return tok.i + 2 < len(doc) and not doc[tok.i + 1].whitespace_
    text = tok.text
    if any("\x80" <= ch <= "\x9f" for ch in text):
        return True
    return len(text) == 1 and not text.isascii()


def without_fragments(kids: list[Any]) -> list[Any]:
    """``kids`` (a verb's children) less the subjects that are fragments, when a subject that is none remains."""
    if not FRAGMENT_SUBJECT:
        return kids
    subjects = [c for c in kids if c.dep_ in NOMINAL_SUBJ]
    bad = {c.i for c in subjects if fragment(c)}
    if not bad or len(bad) == len(subjects):
        return kids
    return [c for c in kids if c.i not in bad]


def _person_words(doc: Any) -> frozenset[str]:
    from accords.quotes.attribution import _person_words as words

    return words(doc)


def name_as_adverb(v: Any) -> Any:
    """The surname right before cue ``v`` that the tagger read as an adverb ('Early says', 'but Early still says'),
    when the text names that person elsewhere and ``v`` has no subject of its own before it; None otherwise."""
    if not NAME_AS_ADVERB or any(c.dep_ in NOMINAL_SUBJ and c.i < v.i for c in v.children):
        return None
    doc = v.doc
    j = v.i - 1
    while j >= 0 and j >= v.i - 4:
        t = doc[j]
        if "\n" in t.text or t.pos_ not in ("ADV", "AUX", "PART"):
            return None
        if t.pos_ == "ADV" and t.is_title and t.is_alpha and len(t.text) > 1 and t.text in _person_words(doc):
            prev = doc[j - 1] if j > 0 else None
            if prev is not None and prev.is_title and prev.is_alpha:
                return None  # 'Chris Early' as a whole is a matter for the name rules
            return t
        j -= 1
    return None


def hyphen_start(head: Any, toks: list[Any]) -> list[Any]:
    """The first half of a hyphenated word that opens the speaker's phrase, which the parser made a subject of its
    own ('said study co-author Jane Roe': *study co* before *-author Jane Roe*); nothing otherwise."""
    if not FRAGMENT_SUBJECT:
        return []
    doc = head.doc
    lo = min(t.i for t in toks)
    if doc[lo].text not in _HYPHENS:
        lo -= 1  # the hyphen right before the phrase
    if lo < 1 or doc[lo].text not in _HYPHENS or doc[lo].whitespace_:
        return []
    frag = doc[lo - 1]
    if (
        frag.whitespace_
        or frag.dep_ not in NOMINAL_SUBJ
        or frag.head.i != head.head.i
        or frag.i == head.head.i
    ):
        return []
    return [t for t in frag.subtree if t.i < lo and "\n" not in t.text] + [doc[lo]]


def later_cue(verb: Any, window: list[Any], quoted: Any) -> Any:
    """The cue of the words after a quotation's closing mark: ``verb``, or the finite verb of saying after it when
    ``verb`` is a past participle that hangs on a quoted noun."""
    from accords.quotes.attribution import is_cue

    if not LATER_CUE or verb is None or verb.tag_ != "VBN" or verb.dep_ != "acl" or verb.head.i not in quoted:
        return verb
    for t in window:
        if t.i > verb.i and t.tag_ in ("VBD", "VBZ", "VBP") and is_cue(t):
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.i not in quoted and subj.i > verb.i:
                return t
    return verb
