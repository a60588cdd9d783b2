"""Reported speech and its spans, added in quotes.rules.v4, each kind measured on PolNeAR train slices:

* more constructions: 'say' with a noun phrase or an answer ('43 percent said the same of Sanders', 'said yes');
  a view voiced as a noun ('expressed concern that ...', 'expressed dismay at X'); a second that-clause hung on the
  verb of saying; a gerund after it ('reported spending $6 million'); what a poll or a study finds; verbs of
  belief set off by commas ('His leverage, they believe, ...'); a relative pronoun before the verb of saying as a
  piece of its own ('which he said were ...'); what a parenthetical verb governs to its right; nouns of saying on
  one's own act ('stirred controversy with an assertion that ...');
* spans as PolNeAR draws them: no dangling conjunction, no setting phrase at the end of a stance's object ('at a
  press conference', 'in a tweet'), no writer's link at the head of the reported words ('however,', 'in fact,'),
  no relative clause set off at their end, all the clauses an end-placed 'according to X' closes, less the
  writer's opener.

Tried and left out (under half right on PolNeAR train): nouns of saying carried by a light verb ('made no mention
of X'), nouns of intent with an infinitive ('his plan to ...'), more verbs of striving ('looking to', 'try to'),
'X is seen as Y', 'in a poll' as a source, 'self-described X', trailing concessions ('even though ...').
"""

from __future__ import annotations

import re
from typing import Any

from accords.quotes.attribution import CUE_NOUNS, SUBJ, is_cue
from accords.quotes.lexicon import SOURCE_NOUNS, lemma_of

# what 'say' takes as object without reporting anything ('said nothing', 'said it', 'what he said')
_EMPTY_OBJECTS = frozenset(
    "it this these those something anything nothing everything much little a lot lot more less".split()
)
_ANSWERS = frozenset("yes no so".split())


def core_end(np: Any) -> Any:
    """The last token of a noun phrase less what a comma or dash sets off after it."""
    for c in np.rights:
        if c.dep_ == "punct" and c.text in (",", "—", "–", "(", ";", ":"):
            if c.text == "," and any(x.dep_ == "conj" and x.i > c.i for x in np.rights):
                continue  # a list goes on past its commas
            return c.doc[c.i - 1] if c.i - 1 >= np.i else np
    return np.right_edge


SAY_OBJECT = True


def said_object(v: Any) -> tuple[int, int] | None:
    """'said the same of Sanders', 'said that of Cruz's campaign', 'says racist things', 'said yes': the object
    of 'say' (with a prepositional phrase right after it), when the verb has no clause of its own."""
    if not SAY_OBJECT:
        return None
    kids = [c for c in v.children if c.i > v.i]
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None:
        ans = next((c for c in kids if c.dep_ in ("intj", "advmod", "dobj") and c.lower_ in _ANSWERS), None)
        if ans is None or ans.i != v.i + 1 and v.doc[v.i + 1].dep_ != "punct":
            return None
        return ans.idx, ans.idx + len(ans.text)
    if obj.tag_ in ("WDT", "WP", "PRP") or obj.lower_ in _EMPTY_OBJECTS:
        if not (obj.lower_ in ("that", "this") and _prep_after(v, obj) is not None):
            return None
    end = core_end(obj)
    prep = _prep_after(v, obj)
    if prep is not None:
        end = prep.right_edge
    return obj.left_edge.idx, end.idx + len(end.text)


def _prep_after(v: Any, obj: Any) -> Any:
    """'said the same *of Sanders*': 'of', 'for' or 'about' right after the object, hung on the verb."""
    nxt = obj.right_edge.i + 1
    if nxt >= len(v.doc):
        return None
    t = v.doc[nxt]
    if t.dep_ == "prep" and t.head.i == v.i and t.lower_ in ("of", "for", "about", "on"):
        return t
    return None


_TRAILING_CC = re.compile(r"[\s,;—–-]+(?:and|but|or|while|because)$")


def drop_cc(text: str, a: int, b: int) -> int:
    """The end of reported words less a conjunction left dangling where the parse cut the next clause off
    ('said Clinton is honest, and three-quarters said ...')."""
    m = _TRAILING_CC.search(text, a, b)
    return m.start() if m is not None and m.start() > a else b


# prepositions of the setting of an act (where, when, in what medium), not of what it is about; 'in' and 'on' only
# with a place, a time or a medium after them ('in a tweet', 'on Fox News'), not 'in support of', 'on Democrats'
SETTING_PREPS = frozenset("during at amid throughout via before after since".split())
_MEDIA = frozenset(
    """tweet twitter facebook interview speech statement rally debate op-ed editorial show program programme radio
    television tv appearance post video ad letter email e-mail call conference briefing hearing event meeting
    column podcast broadcast remarks address town hall forum stop visit trip""".split()
)


def setting(c: Any) -> bool:
    """A phrase of the setting after a verb's object ('endorsed Clinton during a conference call', 'panned it in an
    op-ed', 'discussed my sentence on Fox News'): PolNeAR's content stops before it."""
    if not SETTING_PREPS:
        return False
    if c.dep_ in ("npadvmod", "tmod"):
        return True
    if c.dep_ != "prep":
        return False
    if c.lower_ in SETTING_PREPS:
        return True
    if c.lower_ not in ("in", "on"):
        return False
    obj = next((x for x in c.children if x.dep_ == "pobj"), None)
    if obj is None:
        return False
    return obj.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") or obj.lemma_.lower() in _MEDIA


ACCORDING_SUBJECT = True


_DISCOURSE = frozenset("fact addition short particular contrast turn sum other".split())


def _writers_opener(c: Any) -> bool:
    """A sentence opener that is the writer's, not the source's: 'Still,', 'But', 'In fact,', 'As this reporter
    revealed,', 'Boasting 108,000 residents,'."""
    if c.dep_ in ("cc", "punct") or c.dep_ == "advmod" and c.pos_ == "ADV" and c.right_edge.i == c.i:
        return True
    if c.dep_ == "advcl" and (c.tag_ == "VBG" or is_cue(c)):
        return True
    return c.dep_ == "prep" and c.right_edge.lower_ in _DISCOURSE and c.right_edge.i - c.i <= 2


def according_start(clause: Any, sent: Any, lo: int) -> int:
    """Where the words end-placed 'according to X' attributes begin: the start of the sentence (past a colon),
    less the writer's opener ('Still,', 'In fact,', 'As this reporter revealed,'), so that all the conjoined clauses
    it closes are in ('Trump received 37 percent, Clinton had 36 and Bloomberg 13, according to the results')."""
    doc = clause.doc
    start = sent.start
    for i in range(lo - 1, start - 1, -1):
        if doc[i].text in (":", ";") or "\n" in doc[i].text:
            start = i + 1
            break
    top = clause
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head
    for c in sorted(top.children, key=lambda x: x.i):
        if c.i < start:
            continue
        if c.dep_ in SUBJ or c.i > top.i or not _writers_opener(c):
            break
        start = c.right_edge.i + 1
        while start < lo and doc[start].is_punct:
            start += 1
    # the same opener where the parse hung it lower: 'Still,', 'But', 'In fact,'
    while start + 1 < lo:
        t, nxt = doc[start], doc[start + 1]
        if t.lower_ in ("but", "and", "yet", "so") and t.pos_ == "CCONJ":
            start += 1
        elif t.pos_ == "ADV" and nxt.text == "," and t.n_lefts + t.n_rights == 0:
            start += 2
        elif t.lower_ == "in" and nxt.lower_ in _DISCOURSE and start + 2 < lo and doc[start + 2].text == ",":
            start += 3
        else:
            break
    return start


_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_OPENER = re.compile(
    rf"(?:(?:but|and)\s+|(?:however|still|instead|indeed|meanwhile|moreover|also|now|again|though),\s*"
    rf"|(?:in fact|of course|in addition|in short|for example|for instance),\s*|on (?:{_DAYS})\s*,?\s+)",
    re.IGNORECASE,
)
STRIP_OPENER = True


def strip_opener(text: str, a: int, b: int) -> int:
    """The start of reported words less the writer's link or time at their head ('said, however, that ...',
    'say in fact, neither plan ...', 'said on Friday he met ...'): PolNeAR's content starts after them."""
    while STRIP_OPENER:
        m = _OPENER.match(text, a, b)
        if m is None or m.end() >= b - 2:
            break
        a = m.end()
    return a


# Verbs that voice a view held as a noun ('expressed concern that ...', 'voiced hope that ...', 'made the case that')
VOICE_VERBS = frozenset(
    "express voice share repeat reiterate make offer raise state air signal convey".split()
)
VOICED_NOUNS = frozenset(
    """
    concern hope fear belief confidence doubt view opinion frustration worry optimism skepticism scepticism
    disappointment dismay surprise regret satisfaction case point argument claim suggestion assurance
    """.split()
)
VOICED = True


def voiced(noun: Any) -> bool:
    """A noun of a view as the object of a verb that voices it: 'expressed concern', 'voiced hope'."""
    v = noun.head
    return (
        VOICED
        and noun.dep_ == "dobj"
        and v.pos_ == "VERB"
        and (noun.lemma_.lower() in VOICED_NOUNS or noun.lemma_.lower() in CUE_NOUNS)
        and lemma_of(v) in VOICE_VERBS
    )


OWN_WORDS = True


def own_words(noun: Any) -> Any:
    """The one whose words a noun of saying with no possessor stands for, when the noun hangs on their own act:
    'stirred controversy with an assertion that ...', 'backed away from a suggestion that ...' (not 'responded
    to the claim that ...', someone else's)."""
    prep = noun.head
    if not OWN_WORDS or noun.dep_ != "pobj" or prep.lower_ not in ("with", "from", "in", "by"):
        return None
    v = prep.head
    if v.dep_ in ("advmod", "prt") and v.pos_ in ("ADV", "ADP"):
        v = v.head  # 'backed away from'
    if v.pos_ != "VERB" or prep.dep_ != "prep":
        return None
    return next((c for c in v.children if c.dep_ in ("nsubj",) and c.i < v.i), None)


SECOND_THAT = True


def second_that(v: Any, comp: Any) -> Any:
    """'said the state needs X, but that he would not support Y': a second that-clause the parse hung on the verb
    of saying as a conjunct (not as a clause of its own) is reported too; its head, or None."""
    if not SECOND_THAT or comp.i < v.i:
        return None
    for c in v.children:
        if c.dep_ != "conj" or c.i < comp.i:
            continue
        first = c.left_edge
        if first.lower_ == "that" and first.dep_ == "mark" and any(x.dep_ in SUBJ for x in c.children):
            return c
    return None


RIGHT_PIECE = True


def right_piece(v: Any, spk: Any) -> tuple[int, int] | None:
    """'The emails were on work topics, the Times said, including speeches', 'He's leaning toward Kasich, he said,
    because he prizes electability': what a parenthetical verb of saying, set off by commas after the words it
    reports, still governs to its right is the rest of them (PolNeAR's second piece)."""
    if not RIGHT_PIECE or spk is None or spk.i > v.i:
        return None  # '“...,” said X, though he added ...': after an inverted subject, the writer's
    doc = v.doc
    after = v.i + 1
    if after >= len(doc) or doc[after].text != ",":
        return None
    if spk.left_edge.i == 0 or doc[spk.left_edge.i - 1].text != ",":
        return None
    kids = [
        c
        for c in v.children
        if c.i > after
        and c.dep_ in ("advcl", "prep", "npadvmod", "xcomp", "ccomp")
        and not (
            c.tag_ in ("VBG", "VBN") and c.dep_ == "advcl" and not any(x.dep_ == "mark" for x in c.children)
        )
    ]
    if not kids:
        return None
    first, last = kids[0].left_edge, max(k.right_edge.i for k in kids)
    end = doc[last]
    if first.i <= after or end.i - first.i < 1:
        return None
    return first.idx, end.idx + len(end.text)


# Verbs that can stand in the middle or at the end of what they report, set off by commas ('His leverage, they
# believe, isn't going anywhere'); v3 had the first six.
PARENTHETICAL = frozenset(
    "say tell add note write argue believe think insist warn predict contend acknowledge claim explain".split()
)


RELATIVE_LEAD = True


def relative_lead(v: Any, comp: Any) -> tuple[Any, int] | None:
    """'30 applicants, which he said were evenly split': the relative pronoun that is the subject of the reported
    clause stands before the verb of saying; PolNeAR gives it as a piece of its own. (The pronoun, where the rest
    of the clause starts.)"""
    if not RELATIVE_LEAD or v.dep_ != "relcl" or comp.i < v.i:
        return None
    rel = next((x for x in comp.children if x.dep_ in SUBJ and x.tag_ in ("WDT", "WP") and x.i < v.i), None)
    if rel is None:
        return None
    rest = [t for t in comp.subtree if t.i > v.i]
    if not rest:
        return None
    return rel, min(rest, key=lambda t: t.i).idx


GERUND = True


def gerund(v: Any) -> tuple[int, int] | None:
    """'reported spending $6 million', 'admitted taking the money', 'denied meeting him': a gerund after a verb of
    saying or of a stance is what was said (none of its own subject: 'recalled Trump saying' is other)."""
    if not GERUND:
        return None
    xc = next(
        (c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.i == v.i + 1 and c.tag_ == "VBG"), None
    )
    if xc is None or any(x.dep_ in SUBJ for x in xc.children):
        return None
    end = xc.right_edge
    return xc.idx, end.idx + len(end.text)


FOUND_OBJECT = True


def found_object(v: Any, spk: Any) -> tuple[int, int] | None:
    """'A recent CNN survey found 90 percent support for background checks', 'the survey finds Clinton with a small
    lead': what a poll, a study or a document finds is its finding (a person who 'found the body' reports none)."""
    if not FOUND_OBJECT or lemma_of(v) != "find" or spk is None or spk.lemma_.lower() not in SOURCE_NOUNS:
        return None
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if obj is None or obj.pos_ == "PRON":
        return None
    last = obj.right_edge
    for c in v.rights:
        if c.i > last.i and c.dep_ in ("prep", "conj", "cc", "oprd") and not setting(c):
            last = c.right_edge
        elif c.i > last.i:
            break
    return obj.left_edge.idx, last.idx + len(last.text)


# Nouns of a view or a hope that, with a that-clause, hold what someone thinks ('the idea that ...', 'Trump's nagging
# concern that ...', 'cling to the hope that ...'); not 'the fact that' (the writer's).
MORE_CUE_NOUNS = frozenset(
    """
    idea notion hope concern fear sense feeling theory view perception impression expectation recognition
    commitment narrative worry suspicion conviction assumption
    """.split()
)


BARE_PARTICIPLE = True


def bare_participle(v: Any) -> bool:
    """A past participle with no auxiliary before a noun is an adjective ('the figures include pledged delegates',
    'the proposed law'), not a stance taken on its object."""
    if not BARE_PARTICIPLE or v.tag_ != "VBN":
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in v.children):
        return False
    return (
        v.dep_ in ("amod", "compound")
        or v.i + 1 < len(v.doc)
        and v.doc[v.i + 1].dep_ == "dobj"
        and v.dep_ != "ROOT"
    )


SET_OFF_TAIL = True


def set_off(doc: Any, text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Reported words less a relative clause the writer sets off with a comma at their end ('the race with Trump,
    who last week injected ...'). (Asides between dashes or commas inside them: as often kept as left out on
    PolNeAR train, so they stay.)"""
    if not SET_OFF_TAIL:
        return pieces
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        span = doc.char_span(a, b, alignment_mode="expand")
        end = b
        if span is not None and len(span) >= 4:
            last = span[-1] if not span[-1].is_punct else doc[span[-1].i - 1]
            for t in span:
                first = t.left_edge
                if t.dep_ != "relcl" or first.i <= span.start + 1 or t.right_edge.i < last.i:
                    continue
                if first.tag_ in ("WDT", "WP", "WP$") and doc[first.i - 1].text == ",":
                    end = doc[first.i - 1].idx
                    break
        while end > a and text[end - 1].isspace():
            end -= 1
        out.append((a, end) if end - a > 2 else (a, b))
    return out


# Nouns of a feeling that a verb voices about something ('expressed dismay at X', 'voiced frustration with X'): the
# something is what the feeling is about. (Not 'expressed their support for X': the support is the content.)
FEELING_NOUNS = frozenset(
    """
    dismay astonishment anger outrage frustration disappointment surprise shock concern concerns worry worries
    skepticism scepticism doubt doubts regret alarm disgust displeasure unease irritation indignation
    """.split()
)
FEELING_ABOUT = True


def feeling_about(v: Any) -> tuple[int, int] | None:
    """The object of the preposition after a voiced feeling: 'expressed dismay at Mr. Trump's treatment of ...'."""
    if not FEELING_ABOUT or lemma_of(v) not in VOICE_VERBS:
        return None
    noun = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
    if noun is None or noun.lemma_.lower() not in FEELING_NOUNS or noun.tag_ != "NN":
        return None
    if any(c.dep_ in ("det", "poss", "amod", "nummod") for c in noun.children):
        return None  # 'its disappointment at X', 'serious concern': PolNeAR keeps the noun in the content
    prep = next(
        (
            c
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("at", "about", "over", "with", "toward")
        ),
        None,
    )
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if obj is None:
        return None
    end = core_end(obj)
    return obj.left_edge.idx, end.idx + len(end.text)


# a closing quotation mark, with the stop or comma before it: "... the low-rated ''Rush Hour.''" ends there
_CLOSE = re.compile(r"[.,!?]?(?:''|”|\"|’|')")
# a word whose final stop is its own: 'N.Y.', 'L.P.', 'Jr.', 'Inc.'
_ABBREV = re.compile(r"(?:\b(?:[A-Za-z]\.)+[A-Za-z]|\b(?:Jr|Sr|Inc|Corp|Co|Ltd|Bros|St|Mt|Ft))$")


def _opened(inner: str, close: str) -> bool:
    """Is a quotation opened in ``inner`` and not closed, so that ``close`` after it closes it?"""
    if close.endswith("''"):
        return inner.count("''") % 2 == 1
    mark = close[-1]
    if mark == "”":
        return inner.count("“") > inner.count("”")
    if mark == '"':
        return inner.count('"') % 2 == 1
    if mark == "’":
        return len(re.findall(r"(?:^|\s)‘", inner)) > len(re.findall(r"’(?:\s|$)", inner))
    return len(re.findall(r"(?:^|\s)'\w", inner)) > len(re.findall(r"\w'(?:\s|$)", inner))


def mend_end(text: str, a: int, b: int) -> int:
    """The end of reported words, given back what the trimming took: the closing mark of a quotation opened inside
    them, and the stop of an abbreviation that ends them (PolNeAR keeps both)."""
    inner = text[a:b]
    m = _CLOSE.match(text, b)
    if m is not None and _opened(inner, m.group()):
        return m.end()
    if text[b : b + 1] == "." and _ABBREV.search(inner):
        return b + 1
    return b
