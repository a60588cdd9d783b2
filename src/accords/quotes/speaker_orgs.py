"""Organisation speakers the entity lookup left without a name.

* ``PROPER_NAME``: a speaker whose head is a capitalised proper noun that no entity covers ('Developer Acme
  said', 'according to WHO', a company the tagger took for nothing): the tagger missed the name, yet the text
  names the speaker. Its name is the run of capitalised proper nouns that holds the head, less a title before it;
  no entity is made up for it, so it can name no one wrongly. Not for a state or a demonym (the country rules'),
  a pronoun, or a run a person's mention covers.
* ``APPOS_ORG``: a description with an organisation in apposition ('The firm that owns the rights, Acme Records,
  said'): the head is the common noun, the organisation its appositive; the organisation's entity when the actors
  stage made one, else its name as above. A person's mention that covers only part of the appositive ('Dick
  Clark' of 'Dick Clark Productions') is no answer: the run is longer than the person's name.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from accords.actors.roles import HEADS, HONORIFICS, PERSON_TITLES
from accords.quotes.speaker_countries import resolve
from accords.quotes.speaker_descriptions import ORG_NOUNS

PROPER_NAME = True
APPOS_ORG = True
# Guards of both (precision audit on PolNeAR train): where a capital tells nothing (a title-case or capitals
# headline, one word opening a sentence), the text must write the run as a name elsewhere (CASE_EVIDENCE); a date,
# a work's title or an adjective is no name (NOT_A_NAME); a hyphenated name is one word (HYPHEN_RUN).
CASE_EVIDENCE = True
NOT_A_NAME = True
HYPHEN_RUN = True
# A state's word that opens a compound adjective ('Spanish-language broadcaster') gives no organisation its country.
COMPOUND_DEMONYM = True
# A run the tagger cut: a capitalised adjective or noun right before it belongs to the name ('Black Lives Matter'
# read as 'Matter', 'Red Hot Chili Peppers' as 'Hot Chili Peppers'): no name rather than a piece of one.
CUT_RUN = True
# words glued by page widgets or an acronym's plural are no name (JUNK_RUN)
JUNK_RUN = True

_TITLE_WORDS = {w.rstrip(".") for w in HEADS | HONORIFICS | PERSON_TITLES}


def _capital(tok: Any) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and any(ch.isalpha() for ch in tok.text)


def _hyphen(doc: Any, k: int) -> bool:
    """Is ``doc[k]`` a hyphen inside a word ('Holtz-Eakin'), with a capitalised proper noun on each side?"""
    return bool(
        0 < k < len(doc) - 1
        and doc[k].text == "-"
        and not doc[k - 1].whitespace_
        and not doc[k].whitespace_
        and _capital(doc[k - 1])
        and _capital(doc[k + 1])
    )


def _run(tok: Any) -> tuple[int, int]:
    """Token bounds of the run of capitalised proper nouns around ``tok``, less the title words that open it; the
    head's word whole when hyphenated ('Douglas Holtz-Eakin', not 'Eakin'; HYPHEN_RUN)."""
    doc = tok.doc
    a, b = tok.i, tok.i + 1
    while HYPHEN_RUN and a > 1 and _hyphen(doc, a - 1):
        a -= 2
    while HYPHEN_RUN and b < len(doc) - 1 and _hyphen(doc, b):
        b += 2
    while a > 0 and _capital(doc[a - 1]) and doc[a - 1].whitespace_:
        a -= 1
    while b < len(doc) and _capital(doc[b]) and doc[b - 1].whitespace_:
        b += 1
    # a title ('President'), or the kind of organisation the text calls it ('Developer Acme')
    while a < b - 1 and (doc[a].lower_.rstrip(".") in _TITLE_WORDS or doc[a].lower_ in ORG_NOUNS):
        a += 1
    return a, b


# Entity types of words that name no speaker: 'in July, which showed', the film 'Thelma and Louise', the book 'The
# Art of the Deal'. A proper noun coordinated with an adjective is an adjective ('Latino and black voters').
NOT_NAMES = {"DATE", "TIME", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "MONEY", "PERCENT", "QUANTITY"}


def _cut_before(prev: Any) -> bool:
    return bool(
        prev.pos_ in ("ADJ", "NOUN", "VERB")
        and prev.is_alpha
        and prev.text[:1].isupper()
        and prev.whitespace_
        and not prev.is_sent_start
    ) or bool(prev.is_sent_start and prev.pos_ == "ADJ" and prev.text[:1].isupper() and prev.whitespace_)


def _not_a_name(doc: Any, i: int, j: int) -> bool:
    last = doc[j - 1]
    if last.ent_type_ in NOT_NAMES and last.ent_type_ != "WORK_OF_ART":
        return True
    if last.ent_type_ == "WORK_OF_ART":  # a title only in quotation marks: the tagger also says so of names
        k = last.i  # right after a closing quote ('," Fiorina told')
        while k > 0 and doc[k].ent_iob_ == "I":
            k -= 1
        opening = [doc[k]] + ([doc[k - 1]] if k > 0 else [])  # the mark may open the entity itself
        if any(t.is_quote and not t.whitespace_ for t in opening):
            return True
    return any(c.dep_ == "conj" and c.pos_ == "ADJ" and c.text.islower() for c in last.children)


_GLUED = re.compile(r"[a-z][A-Z]")
_ACRONYMS = re.compile(r"[A-Z]{2,}s")


def _junk_word(word: str) -> bool:
    """Words glued together by a page's widgets ('BobicFlagShareLikeReplyMari': three case turns and more; a
    brand has one or two, 'HuffPollster', 'AbbVie') or an acronym's plural ('PACs': several, not one's name)."""
    return len(_GLUED.findall(word)) >= 3 or bool(_ACRONYMS.fullmatch(word))


def _shout(tok: Any) -> bool:
    return len(tok.text) >= 4 and tok.text.isupper()


def _title_context(doc: Any, i: int, j: int) -> bool:
    """Is the run written where a capital tells nothing: among capitalised words (a headline in title case,
    'GOP Candidates Resoundingly Reject The Idea'), in capitals ('NEW HAMPSHIRE SHOWS'), or as one word opening a
    sentence ('Research suggests')?"""
    if any(_shout(t) for t in doc[i:j]):
        return True
    sent = doc[i].sent
    near = [t for t in doc[max(sent.start, i - 4) : i] if t.is_alpha]
    near += [t for t in doc[j : min(sent.end, j + 4)] if t.is_alpha]
    if len(near) >= 2 and sum(t.text[:1].isupper() for t in near) >= 0.8 * len(near):
        return True
    return _one_opening(doc, i, j)


def _one_opening(doc: Any, i: int, j: int) -> bool:
    if j - i != 1 or _shout(doc[i]):
        return False
    return bool(doc[i].is_sent_start or doc[i - 1].is_space or doc[i - 1].text in _OPENERS)


_OPENERS = {"“", '"', "‘", "'", "''", "``", "(", "[", "—", "-", "–"}


def _written_as_name(doc: Any, i: int, j: int) -> str | None:
    """The run's words written elsewhere in the text as a name ('New Hampshire' for 'NEW HAMPSHIRE'): capitalised,
    not in capitals, not where a capital tells nothing; None when the text writes it nowhere so, or writes a
    one-word run in lower case ('research'): then its capital was the headline's or the sentence's."""
    words = [t.lower_ for t in doc[i:j]]
    n = len(words)
    texts, at = _words(doc)
    if n == 1 and words[0] in texts:
        return None
    for k in at.get(words[0], ()):
        if k > len(doc) - n or k == i or [t.lower_ for t in doc[k : k + n]] != words:
            continue
        occ = doc[k : k + n]
        if all(t.text[:1].isupper() and not _shout(t) for t in occ) and not _title_context(doc, k, k + n):
            return str(occ.text)
    return None


def _words(doc: Any) -> tuple[frozenset[str], dict[str, list[int]]]:
    """The doc's token texts, and where each lower-cased word stands, read once per doc: the case checks ask them
    at every speaker, and a pass over the whole doc each time is quadratic on a long article."""
    got = doc.user_data.get("accords_speaker_org_words")
    if got is None:
        at: dict[str, list[int]] = {}
        for t in doc:
            at.setdefault(t.lower_, []).append(t.i)
        got = (frozenset(t.text for t in doc), at)
        doc.user_data["accords_speaker_org_words"] = got
    return got


def _a_state(text: str) -> bool:
    """Does the actors stage read ``text`` as a state, a people or a seat of government ('Sweden', 'Kremlin')? A
    listed organisation ('WHO', which the tagger reads as the pronoun) is no state."""
    info: Any = resolve(text)
    return info is not None and (info.type != "ORG" or info.kind != "name")


def _covers(m: Any, a: int, b: int) -> bool:
    return bool(m.start <= a and b <= m.end)


def _run_name(resolver: Any, tok: Any) -> tuple[str | None, Any]:
    """(name, entity) of the proper-noun run around ``tok``: the ORG or GROUP entity whose mention covers the
    run's last word, else the run's words when no entity's mention covers the whole run; (None, None) when a
    person's or a place's mention does, or the run names a state."""
    if not _capital(tok) or tok.lower_.rstrip(".") in _TITLE_WORDS:
        return None, None
    doc = tok.doc
    i, j = _run(tok)
    a, b = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    last = doc[j - 1].idx
    for m in resolver.mentions:
        if m.start <= last < m.end and m.entity.type in ("ORG", "GROUP"):
            return m.entity.name, m.entity
    if any(_covers(m, a, b) for m in resolver.mentions):
        return None, None  # a person, a place: the lookup's, which answered nothing
    text = resolver.text[a:b]
    if NOT_A_NAME and _not_a_name(doc, i, j):
        return None, None
    if CUT_RUN and i > 0 and _cut_before(doc[i - 1]):
        return None, None
    if CASE_EVIDENCE and _title_context(doc, i, j):
        if _one_opening(doc, i, j):  # 'Research suggests', not 'Politico reported'
            if doc[i].lower_ in _words(doc)[0]:
                return None, None
        else:
            seen = _written_as_name(doc, i, j)
            if seen is None:
                return None, None
            text = seen
    if any(t.ent_type_ in ("GPE", "NORP", "LOC") for t in doc[i:j]) or _a_state(text):
        return None, None
    if JUNK_RUN and any(_junk_word(t.text) for t in doc[i:j]):
        return None, None
    # the organisation the actors stage made of the same name elsewhere ('Big Machine' the tagger missed here)
    same = {e.id: e for e in resolver.record.entities if e.type in ("ORG", "GROUP") and e.name == text}
    if len(same) == 1:
        return text, next(iter(same.values()))
    return text, None


def _span_appositive(resolver: Any, head: Any, spk: Any) -> Any:
    """The last word of a proper name that ends the speaker's words after a comma, past the head ('The company
    that runs the show, Acme Records'): the name in apposition to the whole description, however the parse
    attached it."""
    doc = resolver.doc
    toks = list(itertools.takewhile(lambda t: t.idx < spk.end, doc[head.i + 1 :]))  # not on to the doc's end
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks or not _capital(toks[-1]):
        return None
    i, _ = _run(toks[-1])
    if i - 1 <= head.i or doc[i - 1].text != ",":
        return None
    return toks[-1]


def _apply(resolver: Any, spk: Any, name: str | None, ent: Any) -> bool:
    if ent is not None:
        resolver._from_entity(spk, ent, None)
        if COMPOUND_DEMONYM and ent.country is None and spk.country is not None:
            # the country came from a state in the speaker's words: none when it opens a compound adjective
            # ('Spanish-language broadcaster Acme' is no Spanish company)
            for m in resolver._overlapping(spk.start, spk.end):
                if m.entity.type in ("GPE", "NORP"):
                    if resolver.text[m.end : m.end + 1] == "-":
                        spk.country = None
                    break
        return True
    if name:
        spk.name = name
        return True
    return False


def org_named(resolver: Any, head: Any, spk: Any) -> bool:
    """The hook for :class:`accords.quotes.speakers.SpeakerResolver` before its description rules: fills ``spk``
    and says so when the speaker is an organisation named by a proper noun (see the module docstring)."""
    if APPOS_ORG and head.pos_ == "NOUN":
        for child in head.rights:
            if child.dep_ == "appos" and _capital(child):
                return _apply(resolver, spk, *_run_name(resolver, child))
        end = _span_appositive(resolver, head, spk)
        if end is not None:
            return _apply(resolver, spk, *_run_name(resolver, end))
    if PROPER_NAME and head.pos_ == "PROPN" and not any(t.lower_ in ("a", "an") for t in head.lefts):
        return _apply(resolver, spk, *_run_name(resolver, head))  # not 'a prospect Vindman'
    return False
