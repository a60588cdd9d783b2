"""The shared pieces of the quote rules: word lists, :class:`Attribution`, and helpers over the parse.

Split out of :mod:`accords.quotes.extract` (no behaviour change).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from accords.quotes import speaker_fix
from accords.quotes.base import TITLE_WORDS as TITLE_WORDS  # the base moved to accords.quotes.base
from accords.quotes.base import ExtractorBase as ExtractorBase
from accords.quotes.bounds import focus_word, restrictive, who_after
from accords.quotes.lexicon import (
    MORE_PEOPLE_NOUNS,
    NOMINAL_SUBJ,
    NOT_CUES,
    OBJECT_VERBS,
    PREP_VERBS,
    SOURCE_NOUNS,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
    XCOMP_VERBS,
    lemma_of,
)

# 'Lynch: No outside influence on FBI probe' (one to five words, a colon, the headline)
HEADLINE = re.compile(
    r"\s*((?:[A-Z][\w.’'&-]*\s(?:(?:to|on|at|in|for|about)\s)?){0,5}[A-Z][\w.’'&-]*[A-Za-z.]):\s+\S"
)
HEADLINE_NOT = frozenset(
    "UPDATE UPDATED WATCH VIDEO EXCLUSIVE BREAKING PHOTOS PHOTO LIVE READ NOTE EDITOR'S EDITOR Q A WASHINGTON "
    "SOURCE SOURCES RELATED TAGS TAG TRANSCRIPT CORRECTION CLARIFICATION MORE ALSO SEE PHONE EMAIL CONTACT "
    "FILE GETTY CREDIT CAPTION ADVERTISEMENT SPONSORED DISCLAIMER DISCLOSURE WARNING NB PS P.S. BOTTOM TOP "
    "LOCATION DATE TIME WHEN WHERE WHAT WHY HOW WHO AGE CITY JOB PAY NAME TITLE SUBJECT RE FW SUMMARY "
    "BACKGROUND ANALYSIS OPINION COMMENTARY EDITORIAL INTERVIEW FACT CHECK LATEST FOLLOW".split()
)
# nouns of saying that take a that-clause: "his claim that ...", "the statement that ..."
CUE_NOUNS = frozenset(
    """claim statement assertion argument suggestion belief warning promise pledge remark comment allegation
    accusation charge insistence announcement admission denial assurance contention prediction vow threat
    complaint message""".split()
)
SUBJ = ("nsubj", "nsubjpass", "csubj")
# right-hand dependents that are not part of a speaker's name
SPEAKER_CUT = ("relcl", "acl", "appos", "punct", "cc", "conj", "advmod", "advcl", "ccomp", "dobj", "prep")
STRIP = " \t\n,;:—–-"
# An uncued quotation takes the speaker of the attribution before it only in the same paragraph: measured on
# PolNeAR train, one paragraph further back gives a wrong name four times out of five.
INHERIT_PARAGRAPHS = 0
# verbs that go on the reported clause rather than start a new report ("said she was tired and wanted a change")
CLAUSE_VERBS = frozenset(
    "show find learn read feel hope fear worry figure guess want call point order think believe know".split()
)
CUT_CONJ = 1
EXTEND_VP = True
AS_VERBS = frozenset("say note report point explain write put tell reveal observe".split())
# 'WASHINGTON (AP) — ', 'CLEVELAND, Ohio (UPI) — '
DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]+(?:,[\w .]+)?(?:\s*\([\w .]+\))?\s*[—–-]+\s*")
SAY_VERBS = frozenset("say tell add claim argue insist note write report warn believe think".split())


@dataclass
class Attribution:
    kind: str
    content: list[tuple[int, int]]
    cue: tuple[int, int] | None = None
    speaker: Any = None  # the speaker's head token
    confidence: float = 0.8
    segments: list[int] = field(default_factory=list)
    nested: bool = False  # a partial quote inside a mixed attribution
    stance: bool = False  # a stance verb ("criticized the deal"), not a verb of saying
    parent: Attribution | None = None
    dropped: bool = False  # given way to a better reading of the same words

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


# -- parse helpers ---------------------------------------------------------------------------------------------
def is_cue(tok: Any) -> bool:
    """A verb of saying (the ones that can introduce a quotation)."""
    lemma = lemma_of(tok)
    return tok.pos_ == "VERB" and lemma in SPEECH_VERBS and lemma not in NOT_CUES


def is_stance(tok: Any) -> bool:
    """A verb of saying, or one of taking a public stance on something (criticized, called for, wants to)."""
    lemma = lemma_of(tok)
    stance = lemma in OBJECT_VERBS or lemma in XCOMP_VERBS or lemma in PREP_VERBS
    return tok.pos_ == "VERB" and (lemma in SPEECH_VERBS or stance) and (lemma not in NOT_CUES)


PART_OF = True
REL_ANTECEDENT = True
QUANTIFIERS = frozenset("all most many some both none each several few one any either neither".split())
TO_WHOM = frozenset("say tell ask question".split())


def _across_paragraphs(a: Any, b: Any) -> bool:
    """Is there a line break between tokens ``a`` and ``b``? (The parser runs a time stamp or a dateline paragraph
    on into the next sentence: '2:40 p.m.' then 'Donald Trump's campaign manager says'.)"""
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text for t in a.doc[lo:hi])


_WHEN = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow week weekend month
    year morning afternoon evening night p.m. a.m. pm am""".split()
)


def _when(tok: Any) -> bool:
    """A time the parser took for a subject ('Tuesday at Baldwin Wallace University ... Kasich said', '2:40 p.m.'),
    not 'the 46-year-old' (which the NER also calls a DATE)."""
    return tok.ent_type_ == "TIME" or tok.ent_type_ == "DATE" and tok.lower_ in _WHEN


def _paragraph_opener(v: Any) -> Any:
    """The name that opens the paragraph of ``v`` (before it), as the head of its name; never for a passive
    'was asked' (whoever opens the paragraph is the one asked)."""
    if any(c.dep_ == "nsubjpass" for c in v.children):
        return None
    i = v.i - 1
    while i > 0 and "\n" not in v.doc[i - 1].text:
        i -= 1
    t = v.doc[i]
    while t.dep_ in ("compound", "flat") and t.head.i > t.i and t.head.pos_ == "PROPN":
        t = t.head
    if t.pos_ != "PROPN" or t.ent_type_ not in ("PERSON", "ORG"):
        return None
    return t if t.i < v.i else None


def left_subject(v: Any) -> Any:
    """The noun right before the verb (over auxiliaries, adverbs and 'not'), in the verb's paragraph."""
    i = v.i - 1
    while i >= 0 and "\n" not in v.doc[i].text:
        t = v.doc[i]
        if t.text == "," and i > 0 and v.doc[i - 1].text == ")":
            i -= 1
            t = v.doc[i]
        if t.text == ")":  # 'Gov. John Kasich (R-OH), said': over the bracket
            while i >= 0 and v.doc[i].text != "(" and "\n" not in v.doc[i].text:
                i -= 1
        elif t.pos_ not in ("AUX", "ADV", "PART"):
            break
        i -= 1
    if i < 0:
        return None
    t = v.doc[i]
    if t.pos_ in ("NOUN", "PROPN", "PRON") and t.ent_type_ not in ("DATE", "TIME") and t.tag_ != "PRP$":
        return t
    return None


_SENDING = frozenset("email e-mail send post issue release tweet write text message publish".split())


def _author_of(noun: Any) -> Any:
    """'Trump posted a message reading “...”', 'Trump and Ryan issued a statement describing ...', 'The senator
    emailed supporters saying: “...”': the one who sent the message or the statement, not the message (or its
    readers)."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "dative") or verb.pos_ != "VERB" or verb.i > noun.i:
        return None
    if not (noun.lemma_.lower() in SOURCE_NOUNS or verb.lemma_.lower() in _SENDING):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and animate(subj) else None


def subject_of(v: Any) -> Any:
    """The head token of the one who says: the verb's subject, the noun a participle hangs on, or inherited."""
    other_para = False
    # of two subjects the parser gave one verb ('Tuesday in Berea, OH, ..., Gov. John Kasich said'), the nearer
    kids = speaker_fix.without_fragments(
        sorted(v.children, key=lambda c: (c.i > v.i, -c.i if c.i < v.i else c.i))
    )
    named = speaker_fix.name_as_adverb(v) if is_cue(v) else None
    if named is not None:
        return named  # 'Early says': a surname the tagger took for an adverb
    for c in kids:
        # the passive subject of 'was told', 'was asked' is the one spoken to, not the speaker
        if c.dep_ in NOMINAL_SUBJ and not (c.dep_ == "nsubjpass" and v.lemma_ in TO_WHOM):
            if c.tag_ in ("WP", "WDT") or c.lower_ in ("who", "which", "that"):
                # 'Jeb Bush, who announced ...': the relative pronoun stands for the speaker in the text (the
                # resolver names its antecedent), as a personal pronoun does
                return c if v.dep_ == "relcl" else None
            if _across_paragraphs(c, v) or _when(c):
                other_para = True
                continue
            return c
    if other_para:
        return left_subject(v)
    # passive "was told by X"
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        if v.lemma_.lower() in ("call", "name", "title", "dub", "label", "entitle"):
            return v.head  # 'a website called “...”' is the website's name, not anyone's words
        return _author_of(v.head) or v.head
    if v.dep_ in ("advcl", "conj", "xcomp", "pcomp", "ccomp", "parataxis"):
        fallback = None
        for anc in v.ancestors:
            subjs = sorted(
                (c for c in anc.children if c.dep_ in NOMINAL_SUBJ),
                key=lambda c: (c.i > anc.i, -c.i if c.i < anc.i else c.i),
            )  # the nearer first, as for the verb's own subjects
            # of two subjects (a headline's and the sentence's), the one in the verb's own paragraph
            subj = next((c for c in subjs if not _across_paragraphs(c, v)), subjs[0] if subjs else None)
            if subj is not None and (_across_paragraphs(subj, v) or _when(subj)):
                if _across_paragraphs(anc, v):
                    # a clause of another paragraph: the nearer subject found so far, else the name that opens the
                    # verb's own paragraph ('De Blasio, speaking on WOR, called Trump a “blowhard” and said ...')
                    return fallback or _paragraph_opener(v)
                return left_subject(anc) or fallback
            if subj is None:
                if anc.dep_ == "acl" and is_cue(anc):
                    return anc.head
                continue
            if subj.tag_ in ("WP", "WDT"):
                subj = subj if anc.dep_ == "relcl" else None
            if is_cue(anc) and subj is not None:
                return subj
            if fallback is None:
                fallback = subj
        return fallback
    return None


def animate(tok: Any) -> bool:
    """Can this word be someone who speaks or takes a stance (a person, a body, a group)?"""
    low = tok.lower_
    if PART_OF and (low in QUANTIFIERS or tok.pos_ == "NUM"):
        # 'all of the candidates', 'most of the delegates', 'two of his aides': the part of a group that speaks
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.pos_ != "PRON" and animate(obj):
            return True
    if REL_ANTECEDENT and low in ("that", "which") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
        # 'the board, which ruled that ...': the relative pronoun holds what its antecedent holds
        ante = tok.head.head
        return ante.pos_ in ("NOUN", "PROPN") and animate(ante)
    if tok.pos_ == "PRON":
        return low in ("he", "she", "they", "we", "i", "you", "who")
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.lemma_.lower() in SOURCE_NOUNS or low in SOURCE_NOUNS:
        return True
    if MORE_PEOPLE and (tok.lemma_.lower() in MORE_PEOPLE_NOUNS or low in MORE_PEOPLE_NOUNS):
        return True
    if (
        NAME_ELSEWHERE
        and tok.pos_ == "NOUN"
        and tok.text[:1].isupper()
        and tok.text in _person_words(tok.doc)
    ):
        return True  # 'Sanders' tagged as a common noun: the name of a person the article names elsewhere
    if (
        COUNT_SUBJECT
        and tok.dep_ == "nsubj"
        and (tok.text == "%" or tok.pos_ == "NUM" or low in QUANTIFIERS and low != "one")
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    ):
        return True  # '47% said they ...', 'two backed the bill', 'several opposed it': a count of people
    return tok.pos_ == "PROPN" or tok.lemma_.lower() in SPEAKER_NOUNS or low in SPEAKER_NOUNS


NAME_ELSEWHERE = True


def _person_words(doc: Any) -> frozenset[str]:
    """The last words of the names the NER calls people in this text ('Sanders' of 'Bernie Sanders')."""
    got = doc.user_data.get("accords_person_words")
    if got is None:
        got = frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON" and e[-1].text[:1].isupper())
        doc.user_data["accords_person_words"] = got
    return frozenset(got)


MORE_PEOPLE = True
COUNT_SUBJECT = True


_TAIL_DEPS = frozenset("appos conj cc prep".split())
_MARK_TEXTS = frozenset(("“", "”", '"', "''", "``"))


def _subject_tail(head: Any, last: int) -> list[Any]:
    """The rest of a subject that stands before its verb: an apposition, a bracket, a second name ('Christie, New
    Jersey's sitting governor,', 'Sen. Bernie Sanders (I-Vt.)'), with the comma that closes it; after its verb, an
    apposition ('said Alicia Bannon, senior counsel'). Never a relative clause (the speaker is who, not what they
    did), a verb of saying, a quotation mark or a line break."""
    verb = head.head
    if head.dep_ not in NOMINAL_SUBJ or verb.i == head.i:
        return []
    inverted = verb.i < head.i  # '“...,” said Alicia Bannon, senior counsel at the Brennan Center.'
    stop = head.sent.end if inverted else verb.i
    end = last  # the last token taken
    for c in head.rights:
        if c.i <= last:
            continue
        sub = list(c.subtree)
        if inverted and c.dep_ not in ("appos", "punct"):
            break
        if max(t.i for t in sub) >= stop or any(
            t.text in _MARK_TEXTS or "\n" in t.text or is_cue(t) for t in sub
        ):
            break
        if c.dep_ == "punct":
            if c.text not in (",", "(", ")"):
                break
            continue
        if c.dep_ not in _TAIL_DEPS or c.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in sub):
            break  # 'on Wednesday' goes with the verb
        end = max(end, max(t.i for t in sub))
    if end == last:
        return []
    doc = head.doc
    nxt = end + 1
    if nxt < stop and doc[nxt].text in (",", ")"):
        end = nxt  # the comma (or bracket) that closes the apposition
        if doc[end].text == ")" and end + 1 < stop and doc[end + 1].text == ",":
            end += 1
    return list(doc[last + 1 : end + 1])


def _bracket_after(doc: Any, last: int) -> list[Any]:
    """A short bracket right after a name is part of it: 'Rep. Bobby Scott (D-Va.)'."""
    if last + 1 >= len(doc) or doc[last + 1].text != "(":
        return []
    for j in range(last + 2, min(len(doc), last + 8)):
        t = doc[j]
        if t.text in _MARK_TEXTS or "\n" in t.text or t.text == "(":
            return []
        if t.text == ")":
            return list(doc[last + 1 : j + 1])
    return []


def speaker_span(head: Any) -> tuple[int, int]:
    """Character span of the speaker's noun phrase: the head, its left dependents, and a few right ones."""
    toks = [head]
    for c in head.lefts:
        if c.dep_ in ("punct", "cc", "conj") or c.lower_ in ("”", '"', "“", "''", "``"):
            continue
        toks.extend(c.subtree)
    for c in head.rights:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.left_edge.i == head.i + 1:
            toks.extend(t for t in c.subtree if t.dep_ not in ("punct",) and t.i <= c.i)
            break  # "Foreign Minister Andrii Sybiha" parsed as title + apposition
        if restrictive(head, c):
            toks.extend(c.subtree)  # 'a campaign official who was not authorized to speak': which official
            continue
        if c.dep_ in SPEAKER_CUT and not (
            c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "at", "with")
        ):
            break
        if c.dep_ == "prep" and any(t.lower_ in ("“", '"', ",") for t in c.subtree):
            break
        toks.extend(c.subtree)
    toks.extend(t for c in head.rights if who_after(head, c) for t in c.subtree)
    toks.extend(_subject_tail(head, max(t.i for t in toks)))
    toks.extend(_bracket_after(head.doc, max(t.i for t in toks)))
    toks.extend(speaker_fix.hyphen_start(head, toks))  # 'study co-author Jane Roe'
    # never back over a quotation mark (the quotation the parser hung on the speaker: '“...,” Sarandon, 69, told')
    # nor over a spaced dash ('... are problematic - Pew Research:')
    lo = min(t.i for t in toks)
    marks = [
        t.i
        for t in head.doc[lo : head.i]
        if t.text in _MARK_TEXTS
        or t.text in ("-", "—", "–")
        and t.whitespace_
        and t.i > 0
        and t.nbor(-1).whitespace_
    ]
    if marks:
        toks = [t for t in toks if t.i > max(marks)]
    # never across a line break ("11 a.m.\n\nFormer Gov. Jeb Bush says")
    breaks = [t.i for t in toks if t.i < head.i and "\n" in t.text]
    if breaks:
        toks = [t for t in toks if t.i > max(breaks)]
    toks = [
        t for t in toks if not (t.is_space or t.i < head.i and t.is_punct and t.i == min(x.i for x in toks))
    ]
    first = min(toks, key=lambda t: t.i)
    if focus_word(first) and len(toks) > 1:
        toks = [t for t in toks if t.i != first.i]  # 'Even Republicans say ...'
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


def _that_pair(c: Any, t: Any) -> bool:
    from accords.quotes.reported_v8 import that_pair  # 'claimed that A and B': B said too

    return bool(that_pair(c, t))


def _clause_span(c: Any, cut_speech: bool = True) -> tuple[int, int] | None:
    """Characters of the subtree of ``c``, stopping before a conjoined or adverbial verb of saying with no subject
    of its own (``said X and described Y``: the second verb starts a quote of its own)."""
    toks = list(c.subtree)
    if cut_speech:
        for t in toks:
            if t is c or t.dep_ not in ("conj", "advcl") or not is_cue(t) or t.lemma_.lower() in CLAUSE_VERBS:
                continue
            if any(x.dep_ in SUBJ for x in t.children):
                continue
            if (
                SHARED_SUBJECT
                and t.head.i == c.i
                and t.dep_ == "conj"
                and t.tag_ != "VBG"
                and not any(x.dep_ == "ccomp" for x in t.children)
                and _speaker_subject(c)
            ):
                continue  # 'says he'd sit Putin down and tell him ...': the same one who does both, reported
            stop = t.left_edge.i
            # drop the "and" / comma before it
            toks = [x for x in toks if x.i < stop or x.i > t.right_edge.i]
            toks = [x for x in toks if not (x.i < stop and x.i >= stop - 2 and x.dep_ in ("cc", "punct"))]
        # "Nearly half said they prefer X, and about the same numbers would rather see Y": a clause conjoined to
        # the reported one, with a subject of its own and no 'that', is the writer's, not the speaker's
        for t in list(c.children):
            if t.dep_ != "conj" or t.i < c.i or not any(x.dep_ in SUBJ for x in t.children):
                continue
            if any(x.dep_ == "mark" for x in t.children) or CUT_CONJ == 0 or _that_pair(c, t):
                continue
            if CONJ_BEFORE_CUE and c.head.i > t.right_edge.i:
                continue  # "A, and B, officials said": the cue comes after both, both are theirs
            subj = next(x for x in t.children if x.dep_ in SUBJ)
            if CUT_CONJ == 1 and subj.pos_ == "PRON":
                continue
            stop = t.left_edge.i
            cc = [x for x in c.children if x.dep_ in ("cc", "punct") and c.i < x.i < stop]
            if cc:
                stop = min(stop, min(x.i for x in cc if x.i >= max(y.i for y in cc) - 1))
            toks = [x for x in toks if x.i < stop]
        toks = _cut_tail(c, toks)
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


SHARED_SUBJECT = True
CONJ_BEFORE_CUE = True


def _speaker_subject(c: Any) -> bool:
    """Has the reported clause a personal pronoun for subject ('he'd', 'she will'), who goes on to a second verb?"""
    subj = next((x for x in c.children if x.dep_ in NOMINAL_SUBJ), None)
    return subj is not None and subj.lower_ in ("he", "she", "they", "we", "i")


TAIL_MARKS: frozenset[str] = frozenset()  # 'while', 'whereas': measured both ways on PolNeAR train
TAIL_VBG = True
TAIL_CUE = True


def _cut_tail(c: Any, toks: list[Any]) -> list[Any]:
    """A clause the writer adds after a comma is not part of what was said: a participle ('said he would release
    it, calling them boring'), another report ('said X, while 22 percent said Y'). (A relative clause that ends the words:
    :func:`accords.quotes.reported_v4.set_off`.) ('when', 'though', 'despite' after a comma: as often in as
    out on PolNeAR train.)"""
    doc = c.doc
    for t in c.children:
        if t.dep_ != "advcl" or t.i <= c.i or t.left_edge.i <= c.i + 1:
            continue
        before = doc[t.left_edge.i - 1]
        if before.text not in (",", "—", "–", ";"):
            continue
        marks = [x for x in t.children if x.dep_ == "mark"]
        own_subj = any(x.dep_ in SUBJ for x in t.children)
        if (TAIL_VBG and t.tag_ == "VBG" and not marks and not own_subj and t.left_edge.i == t.i) or (
            marks and marks[0].lower_ in TAIL_MARKS
        ):
            toks = [x for x in toks if x.i < before.i]
        elif TAIL_CUE and any(is_cue(x) and any(y.dep_ in SUBJ for y in x.children) for x in t.subtree):
            toks = [x for x in toks if x.i < before.i]  # ', while 22 percent said they might change'
    return toks
