"""Descriptive nominals: 'the retired neurosurgeon', 'the Vermont senator', 'the 69-year-old' -> a person.

A news article names a person once and then describes them: 'Ben Carson, a retired neurosurgeon, ... the
retired neurosurgeon said'. A definite, singular noun phrase whose head is a person noun links to a PERSON
entity only on evidence the text itself gives before it:

- the head noun was used of exactly one person named earlier: before the name ('billionaire Donald Trump',
  'Vermont Sen. Bernie Sanders'), in apposition ('Carson, a retired neurosurgeon,'), as a predicate
  ('Carson is a neurosurgeon', 'Clinton, who was secretary of state') or in the role the linker read;
- every distinguishing modifier of the phrase ('former', 'Vermont', 'Democratic', 'real estate') was used of
  that person too, so 'the former governor' does not go to a sitting governor;
- 'the 69-year-old' goes to the one person the text gives that age ('Sanders, 74,', '74-year-old Sanders').

Precision first: plural, indefinite and generic phrases ('the candidates', 'a senator', 'the next president',
'the candidate who wins') never link; two persons that fit means no link; quoted words are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from accords.actors.roles import HEADS, HONORIFICS, MODIFIERS

# Nouns that name a person by what they do or are (lower case). Ordinary words only.
PERSON_NOUNS = {
    # politics
    "candidate", "nominee", "hopeful", "contender", "challenger", "incumbent", "front-runner", "frontrunner",
    "senator", "congressman", "congresswoman", "lawmaker", "legislator", "representative", "governor",
    "mayor", "president", "vice-president", "president-elect", "secretary", "politician", "populist",
    "democrat", "republican", "socialist", "libertarian", "speaker", "chairman", "chairwoman", "leader",
    "minister", "premier", "chancellor", "diplomat", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "strategist", "pollster", "adviser", "advisor", "aide", "official", "commissioner",
    "prosecutor", "judge", "justice", "attorney", "lawyer", "sheriff", "dictator", "monarch", "king", "queen",
    "prince", "princess", "emir", "ayatollah", "cleric", "imam", "pastor", "preacher", "rabbi", "priest",
    "bishop", "cardinal", "pope", "evangelist", "televangelist",
    # professions and callings
    "neurosurgeon", "surgeon", "doctor", "physician", "nurse", "billionaire", "millionaire", "businessman",
    "businesswoman", "mogul", "tycoon", "magnate", "developer", "entrepreneur", "executive", "investor",
    "financier", "banker", "economist", "scientist", "professor", "scholar", "teacher", "author", "writer",
    "novelist", "journalist", "reporter", "columnist", "commentator", "host", "anchor", "broadcaster",
    "actor", "actress", "star", "comedian", "singer", "rapper", "musician", "celebrity", "personality",
    "activist", "campaigner", "organizer", "founder", "co-founder", "heiress", "philanthropist", "veteran",
    "general", "admiral", "colonel", "commander", "officer", "soldier", "pilot", "astronaut", "detective",
    "ceo", "chief", "director", "manager", "coach", "player", "quarterback", "athlete", "analyst",
}  # fmt: skip

# Abbreviated titles read as the noun they stand for.
ABBREV = {
    "sen.": "senator", "sen": "senator", "rep.": "representative", "gov.": "governor", "gen.": "general",
    "adm.": "admiral", "col.": "colonel", "pres.": "president", "frontrunner": "front-runner",
    "congresswoman": "congressman", "spokeswoman": "spokesman", "spokesperson": "spokesman",
    "businesswoman": "businessman", "advisor": "adviser", "chairwoman": "chairman",
}  # fmt: skip

# Modifiers that make a phrase generic or about someone else: 'the next president', 'the other candidate'.
GENERIC = {
    "next", "eventual", "future", "other", "only", "last", "ideal", "average", "typical", "same", "potential",
    "possible", "hypothetical", "would-be", "new", "ultimate", "right", "wrong", "perfect", "best", "worst",
    "likely", "prospective", "first", "second", "third", "lone", "sole", "successful", "winning", "losing",
    "real", "true", "kind", "sort", "type", "such", "very", "whole", "previous", "late",
}  # fmt: skip

# Lower-case adjectives that describe without telling persons apart ('the outspoken billionaire'); any other
# modifier of the phrase must have been used of the person.
FREE = {
    "outspoken", "embattled", "controversial", "combative", "brash", "bombastic", "famous", "celebrated",
    "veteran", "longtime", "long-time", "popular", "unpopular", "beleaguered", "soft-spoken", "flamboyant",
    "wealthy", "rich", "powerful", "influential", "prominent", "well-known", "fiery", "feisty", "mild-mannered",
    "self-described", "self-funded", "self-proclaimed", "current", "sitting", "scandal-plagued",
    "firebrand", "tough-talking", "straight-talking", "bellicose", "blunt", "defiant", "charismatic",
}  # fmt: skip

TITLE_WORDS = HEADS | MODIFIERS | HONORIFICS | set(ABBREV)
# A phrase links only as a subject or in apposition: 'the senator said', 'X, the senator,'. As an object or
# a predicate it is too often about a role, not a person ('back the nominee', 'if he becomes the nominee').
REFERRING = {"nsubj", "nsubjpass", "appos"}
FORMER = {"former", "ex", "ex-", "onetime", "one-time", "erstwhile"}
STOP_DEPS = {"det", "punct", "cc", "prep", "case", "poss"}


@dataclass
class _Desc:
    """What the text says a person is, up to a point: head nouns, modifier words and age, with where it was said."""

    heads: dict[str, int] = field(default_factory=dict)  # noun -> first character offset where it was said
    words: dict[str, int] = field(default_factory=dict)  # every word of the descriptions -> first offset
    ages: dict[str, int] = field(default_factory=dict)


def _norm(word: str) -> str:
    w = word.lower()
    return ABBREV.get(w, w)


def _word(doc: Any, i: int) -> str:
    """Token ``i`` joined with a hyphenated first part: 'front - runner' -> 'front-runner'."""
    t = doc[i]
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 1].whitespace_ == "" and doc[i - 2].whitespace_ == "":
        return _norm(f"{doc[i - 2].text}-{t.text}")
    return _norm(t.text)


def _note(desc: _Desc, doc: Any, toks: list[Any], at: int) -> None:
    """Record the words of one description; its person nouns become heads, marked 'former' when it says so.

    A capitalised person noun counts only as a title ('Sen.', 'Governor') or at a sentence start: in a
    headline ('CNN Reporter Caught Conspiring') the case tells nothing.
    """
    words = {_word(doc, t.i) for t in toks if not t.is_punct}
    former = bool(words & FORMER)
    for t in toks:
        if t.is_punct:
            continue
        w = _word(doc, t.i)
        desc.words.setdefault(w, at)
        desc.words.setdefault(_norm(t.text), at)
        head = w if w in PERSON_NOUNS else _norm(t.text)
        if head not in PERSON_NOUNS:
            continue
        if t.text[:1].isupper() and not (t.lower_ in TITLE_WORDS or t.is_sent_start):
            continue
        desc.heads.setdefault(f"{'former ' if former else ''}{head}", at)


def _np_words(noun: Any) -> list[Any]:
    """The noun with its left modifiers and an 'of' phrase ('former secretary of state')."""
    out = [t for t in noun.subtree if t.i <= noun.i and t.dep_ not in {"det", "punct", "poss", "case"}]
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            out += [t for t in c.subtree if t.dep_ not in {"det", "punct"} and t.i - noun.i <= 4]
    return out


def _age_after(doc: Any, i: int) -> str | None:
    """'64 - year - old' starting at token ``i``: the age, else None."""
    if (
        i + 4 < len(doc)
        and doc[i].like_num
        and doc[i + 1].text == "-"
        and doc[i + 2].lower_ == "year"
        and doc[i + 3].text == "-"
        and doc[i + 4].lower_ == "old"
    ):
        return doc[i].text
    return None


def describe(doc: Any, person_tokens: dict[int, Any], ents: list[Any]) -> dict[int, _Desc]:
    """Per person entity (by id), the descriptions the text gives it: before the name, apposition, predicate."""
    out: dict[int, _Desc] = {}

    def desc(ent: Any) -> _Desc:
        return out.setdefault(id(ent), _Desc())

    for ent in ents:
        desc(ent)
    for tok in doc:
        ent = person_tokens.get(tok.i)
        if ent is None or (tok.i + 1 < len(doc) and person_tokens.get(tok.i + 1) is ent):
            continue  # only the last token of a name
        d = desc(ent)
        first = tok.i
        while first - 1 >= 0 and person_tokens.get(first - 1) is ent:
            first -= 1
        # Before the name: 'retired neurosurgeon Ben Carson', 'Vermont Sen. Bernie Sanders', '64-year-old X'.
        j = first - 1
        before: list[Any] = []
        chain = set(range(first, tok.i + 1))
        sent_start = tok.sent.start
        while j >= sent_start:
            t = doc[j]
            if t.ent_type_ == "PERSON" or t.dep_ in STOP_DEPS - {"punct"} or t.pos_ in {"VERB", "AUX", "DET"}:
                break
            if t.is_punct and not (t.text == "-" and t.whitespace_ == ""):
                break
            if not t.is_punct and t.head.i not in chain:
                break  # 'a judge Trump criticized': the noun is not attached to the name
            before.append(t)
            chain.add(t.i)
            j -= 1
        if before:
            _note(d, doc, before, doc[first].idx)
            for k in range(j + 1, first):
                age = _age_after(doc, k)
                if age:
                    d.ages.setdefault(age, doc[first].idx)
        # Apposition and predicates with this person as their anchor.
        for c in tok.children:
            if c.dep_ == "appos" and c.i > tok.i:
                if c.like_num and c.pos_ == "NUM":
                    d.ages.setdefault(c.text, c.idx)
                    continue
                words = _np_words(c)
                _note(d, doc, words, c.idx)
                for k in range(c.left_edge.i, c.i):
                    age = _age_after(doc, k)
                    if age:
                        d.ages.setdefault(age, c.idx)
            if c.dep_ == "relcl":
                _predicate(d, doc, c, tok)
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ == "be":
            _predicate(d, doc, tok.head, tok)
    return out


def _predicate(d: _Desc, doc: Any, verb: Any, anchor: Any) -> None:
    """'X is a retired neurosurgeon', 'X, who was secretary of state': the attribute describes X."""
    if verb.lemma_ != "be" or any(c.dep_ == "neg" for c in verb.children):
        return
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj or (subj[0].i != anchor.i and subj[0].lower_ not in {"who"}):
        return
    for c in verb.children:
        if c.dep_ == "attr" and c.i > verb.i and c.tag_ in {"NN", "NNP"}:
            _note(d, doc, _np_words(c), c.idx)


@dataclass
class Nominal:
    start: int
    end: int
    head: str | None
    mods: list[tuple[str, bool]]  # (word, must match)
    age: str | None
    head_start: int = 0


def find_nominals(doc: Any, skip: set[int]) -> list[Nominal]:
    """Definite singular noun phrases headed by a person noun, or 'the N-year-old'."""
    out: list[Nominal] = []
    n = len(doc)
    for tok in doc:
        if tok.lower_ != "the" or tok.i in skip or tok.i + 1 >= n:
            continue
        age = _age_after(doc, tok.i + 1)
        if age:
            k = tok.i + 6
            end_tok = doc[tok.i + 5]
            head = None
            if end_tok.dep_ not in REFERRING and not (tok.i + 6 < n and doc[tok.i + 6].dep_ in REFERRING):
                continue
            if k < n and doc[k].pos_ in {"NOUN", "PROPN"}:
                w = _word(doc, k)
                if w not in PERSON_NOUNS or doc[k].tag_ not in {"NN"}:
                    continue  # 'the 40-year-old law', 'the 20-year-old men'
                if k + 1 < n and doc[k + 1].pos_ in {"NOUN", "PROPN"}:
                    continue
                end_tok, head = doc[k], w
            out.append(Nominal(tok.idx, end_tok.idx + len(end_tok.text), head, [], age, end_tok.idx))
            continue
        h = tok.head
        if tok.dep_ != "det" or h.i <= tok.i or h.i - tok.i > 6 or h.tag_ != "NN" or h.dep_ not in REFERRING:
            continue
        w = _word(doc, h.i)
        if w not in PERSON_NOUNS or h.ent_type_ == "PERSON":
            continue
        if h.i + 1 < n and (doc[h.i + 1].pos_ in {"PROPN", "NOUN"} or doc[h.i + 1].ent_type_ == "PERSON"):
            continue  # a title before a name, or the noun modifies another
        if any(c.dep_ in {"relcl", "acl"} and not _comma_before(doc, c) for c in h.rights):
            continue  # 'the candidate who wins', 'the senator elected in 2010': restrictive, maybe generic
        mid = doc[tok.i + 1 : h.i]
        if any(t.dep_ == "poss" or t.lower_ in {"'s", "\u2019s"} for t in mid):
            continue  # "the party's nominee" is someone's, not a description
        mods: list[tuple[str, bool]] = []
        bad = False
        for t in mid:
            if t.is_punct:
                continue
            mw = _word(doc, t.i)
            if mw in GENERIC or t.lower_ in GENERIC:
                bad = True
                break
            if t.like_num and t.ent_type_ not in {"DATE"}:
                bad = True
                break
            strict = t.text[:1].isupper() or t.pos_ in {"NOUN", "PROPN", "NUM"} or mw not in FREE
            if t.i + 1 < h.i and doc[t.i + 1].text == "-" and doc[t.i + 1].whitespace_ == "":
                continue  # first half of a hyphenated word, read with the second
            mods.append((mw, strict))
        if bad:
            continue
        end = h.idx + len(h.text)
        for c in h.rights:
            if c.dep_ == "prep" and c.lower_ in {"of", "from"}:
                objs = [t for t in c.subtree if t.i > c.i and t.dep_ not in {"det", "punct"}]
                if not objs or len(objs) > 3 or any(t.ent_type_ == "PERSON" for t in objs):
                    bad = True
                    break
                mods += [(_norm(t.text), True) for t in objs]
                end = objs[-1].idx + len(objs[-1].text)
        if bad:
            continue
        out.append(Nominal(tok.idx, end, w, mods, None, h.idx))
    return out


def _comma_before(doc: Any, c: Any) -> bool:
    i = c.left_edge.i - 1
    return i >= 0 and doc[i].text == ","


def _fits(desc: _Desc, nom: Nominal) -> bool:
    """The person's descriptions, said before the phrase, cover its head (or age) and its modifiers."""
    at = nom.start
    if nom.age is not None:
        if desc.ages.get(nom.age, at) >= at:
            return False
        return nom.head is None or desc.heads.get(nom.head, at) < at
    former = any(w in FORMER for w, _s in nom.mods)
    head = f"{'former ' if former else ''}{nom.head}"
    if nom.head is None or desc.heads.get(head, at) >= at:
        return False
    return all(desc.words.get(w, at) < at for w, strict in nom.mods if strict)


# The person must have been mentioned within this many sentences before the phrase: further back, the phrase
# is as often about someone the text has moved on to (on PolNeAR train, every wrong link of a first version
# had its person last mentioned 5 or more sentences before; see the report of accords issues #2/#3).
RECENT_SENTENCES = 4


def _recent(builder: Any, ent: Any, start: int) -> bool:
    before = [s for s, _t, _k in ent.mentions if s < start]
    return bool(before) and builder.sentence_of(start) - builder.sentence_of(max(before)) <= RECENT_SENTENCES


def link_descriptive(builder: Any) -> int:
    """Add a 'nominal' mention for each descriptive phrase that fits exactly one person named before it."""
    doc = builder.doc
    people = [e for e in builder.ents.values() if e.type == "PERSON" and e.names]
    if not people:
        return 0
    person_tokens: dict[int, Any] = {}
    for e in people:
        for s, t, k in e.mentions:
            if k not in {"name", "partial"}:
                continue
            span = doc.char_span(s, t, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                if tok.ent_type_ == "PERSON" or (
                    tok.pos_ == "PROPN" and not tok.ent_type_ and tok.lower_ not in TITLE_WORDS
                ):
                    person_tokens[tok.i] = e
    descs = describe(doc, person_tokens, people)
    quoted = getattr(builder, "_quoted", None)
    if quoted is None:
        quoted = builder._quoted_tokens()
    # A place inside the phrase ('the Vermont senator') is no conflict; a person or anything over the head is.
    taken = [(s, t) for e in people for s, t, _k in e.mentions]
    others = [(s, t) for e in builder.ents.values() if e.type != "PERSON" for s, t, _k in e.mentions]
    added = 0
    for nom in find_nominals(doc, quoted):
        if any(s < nom.end and nom.start < t for s, t in taken):
            continue
        if any(s <= nom.head_start < t for s, t in others):
            continue
        first_of = {id(e): min(m[0] for m in e.mentions) for e in people}
        fits = [e for e in people if first_of[id(e)] < nom.start and _fits(descs[id(e)], nom)]
        if len(fits) != 1 or not _recent(builder, fits[0], nom.start):
            continue
        builder.mention(fits[0], nom.start, nom.end, "nominal")
        taken.append((nom.start, nom.end))
        added += 1
    return added
