"""Descriptions that stand for a named organisation: 'the company' -> WeWork, 'the utility' -> PG&E.

A news article names an organisation once and then describes it: 'PG&E ... The utility said', 'WeWork ... The
company confirmed'. A definite, singular phrase whose head is an organisation noun ('the company', 'the agency',
'the utilities commission') goes to an organisation (ORG or GROUP entity) named before it only on evidence the
text gives:

- the head noun is a word of the organisation's own name ('the commission' ... 'Public Utilities Commission'),
  every other word of the phrase too ('the utilities commission'), and one such organisation was named before;
- or the text gave the organisation that noun: before its name ('utility PG&E', 'developer Valve'), in
  apposition either way ('Big Machine, the company that ...', 'The group, WeWorkers Coalition,');
- or, for the plainest nouns of a kind ('the company', 'the agency'), exactly one organisation of that kind (told
  by the words of its name: a 'Department' is no company) was named in the last few sentences before the phrase;
  'the company' named in apposition ('The company that runs the show, Acme,') is that one.

Precision first: two organisations that fit means no answer; a possessive, plural or indefinite phrase never
resolves.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

# Rule flags (default on).
ORG_DESCRIPTIONS = True  # 'the company' -> the one organisation of that kind named before it
ORG_RECENT = True  # the nearest-kind rule (no name word or description needed), within RECENT sentences

RECENT = 3
# a bare noun's name-word match ('Acme Co.' for 'the company') yields to an organisation of that kind named since
# ('the utilities commission': its modifiers are words of the name too, and decide)
NAMED_SINCE = True
# 'the company and its founder' is more than the organisation
ORG_ALONE = True
# an organisation of another kind named just before does not stand in the way ("the agency" beside a broadcaster)
RECENT_OTHER_KIND = True
KIND_NAME = (
    True  # 'the utility' -> the one organisation named before whose name says utility ('... Electric Co.')
)

# Organisation nouns a description is headed by, each with the kind it names.
BUSINESS = {
    "company", "firm", "automaker", "carmaker", "utility", "retailer", "manufacturer", "maker", "bank",
    "lender", "insurer", "airline", "carrier", "startup", "start-up", "conglomerate", "studio", "label",
    "publisher", "developer", "provider", "producer", "operator", "giant", "chain", "brand", "corporation",
    "business", "supplier", "distributor",
}  # fmt: skip
GOVERNMENT = {
    "agency", "ministry", "department", "commission", "regulator", "authority", "administration", "bureau",
    "office", "watchdog",
}  # fmt: skip
GROUP = {
    "group", "coalition", "alliance", "association", "organization", "organisation", "union", "federation",
    "charity", "foundation", "council", "network", "institute", "nonprofit", "non-profit",
}  # fmt: skip
ORG_NOUNS = BUSINESS | GOVERNMENT | GROUP
# Plain nouns that may go to the one organisation of their kind named just before, with no other evidence.
PLAIN = {"company", "firm", "agency"}

# Words of a name that say it is not a business / not a state body.
_NOT_BUSINESS = {
    "department", "ministry", "commission", "agency", "authority", "administration", "bureau", "office",
    "university", "college", "school", "institute", "council", "court", "committee", "party", "association",
    "federation", "coalition", "union", "police", "army", "force", "forces", "center", "centre",
    "organization", "organisation", "foundation", "fund", "nations", "congress", "senate", "house",
    "government", "parliament", "ngo", "board", "service", "services", "league", "society",
}  # fmt: skip
_STATE_WORDS = {
    "department", "ministry", "commission", "agency", "authority", "administration", "bureau", "office",
    "service", "board",
}  # fmt: skip

_PLURAL_ENDS = {"utilities": "utility", "companies": "company", "agencies": "agency"}

# Words of a name that tell the kind a description names: 'the utility' is 'Pacific Gas & Electric Co.', 'the
# production company' is 'Dick Clark Productions'. A description's head noun or a modifier of it is the key.
KIND_OF_NAME = {
    "utility": {"electric", "gas", "power", "energy", "edison", "water", "utilities", "utility"},
    "production": {"production", "productions", "pictures", "films", "studios"},
    "studio": {"studio", "studios", "pictures", "films"},
    "bank": {"bank", "bancorp", "banking"},
    "insurer": {"insurance", "assurance", "insurer"},
    "insurance": {"insurance", "assurance"},
    "airline": {"airlines", "airways", "air", "airline"},
    "automaker": {"motor", "motors", "automotive", "auto", "automobile"},
    "carmaker": {"motor", "motors", "automotive", "auto", "automobile"},
    "oil": {"oil", "petroleum", "energy"},
    "energy": {"energy", "power", "electric", "oil", "gas"},
    "label": {"records", "music"},
    "publisher": {"publishing", "publishers", "press", "books"},
    "pharmaceutical": {"pharmaceuticals", "pharma", "pharmaceutical"},
    "drugmaker": {"pharmaceuticals", "pharma", "pharmaceutical"},
}


def _norm(word: str) -> str:
    w = word.lower().strip(".,")
    return _PLURAL_ENDS.get(w, w.removesuffix("s") if len(w) > 3 and w.endswith("s") and w[-2] != "s" else w)


def _name_words(ent: Any) -> set[str]:
    return {_norm(w) for w in ent.name.replace("-", " ").split()}


def _head_word(ent: Any) -> str:
    """The last word of the name, 'Co.' read as 'company': 'Public Utilities Commission' -> 'commission'."""
    words = ent.name.replace("-", " ").split()
    last = _norm(words[-1]) if words else ""
    return {"co": "company", "corp": "company", "inc": "company"}.get(last, last)


def _kind_ok(noun: str, ent: Any) -> bool:
    words = {w.lower().strip(".,") for w in ent.name.replace("-", " ").split()}
    if noun in BUSINESS:
        return not (words & _NOT_BUSINESS)
    if noun in GOVERNMENT:
        return bool(words & _STATE_WORDS)
    return False


def _phrase(head: Any) -> tuple[list[str], bool] | None:
    """The words before the head of 'the (utilities) commission', or None when it is not such a phrase."""
    lefts = list(head.lefts)
    if not lefts or lefts[0].lower_ != "the" or head.tag_ not in {"NN", "NNP"}:
        return None
    if any(t.dep_ == "poss" or t.lower_ in {"'s", "\u2019s"} for t in head.subtree if t.i < head.i):
        return None
    mods = [t.lower_ for t in lefts[1:] if not t.is_punct]
    if any(t.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"} for t in lefts[1:]):
        return None  # 'the Trump campaign', 'the German automaker': left to the others
    return mods, bool(mods)


def _sent_index(doc: Any) -> tuple[list[int], Any]:
    starts = [s.start_char for s in doc.sents]
    return starts, lambda off: bisect.bisect_right(starts, off) - 1


def _described(doc: Any, ent: Any, noun: str, before: int) -> bool:
    """Did the text call ``ent`` a ``noun`` before offset ``before``: 'utility PG&E', 'X, a group that', 'The
    group, X,'?"""
    for m in ent.mentions:
        if m.start >= before:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        first, last = span[0], span[-1]
        # a noun right before the name: 'utility PG&E', 'developer Valve'
        if (
            first.i >= 1
            and _norm(doc[first.i - 1].text) == noun
            and doc[first.i - 1].head.i in range(first.i, last.i + 1)
        ):
            return True
        # apposition either way
        for t in span:
            for c in t.children:
                if c.dep_ == "appos" and _norm(c.text) == noun:
                    return True
            if t.dep_ == "appos" and _norm(t.head.text) == noun and t.head.i < first.i:
                return True
    return False


def _first(text: str, ent: Any, start: int) -> int | None:
    """Where the organisation is first named before ``start``: a mention, else its name as a word in the text
    (the parse may miss a name the record has elsewhere)."""
    at = [m.start for m in ent.mentions if m.start < start]
    if at:
        return min(at)
    if text.find(ent.name, 0, start) < 0:
        return None  # the plain search first: called for every organisation at every description
    m = _word_re(ent.name).search(text, 0, start)  # endpos, not a slice: no copy of the text per call
    return m.start() if m else None


def _last(text: str, ent: Any, start: int) -> int:
    """Where the organisation's name last stands as a word before ``start`` (-1 when nowhere)."""
    if text.rfind(ent.name, 0, start) < 0:
        return -1
    hits = [m.start() for m in _word_re(ent.name).finditer(text, 0, start)]
    return max(hits, default=-1)


@functools.lru_cache(maxsize=1024)
def _word_re(name: str) -> re.Pattern[str]:
    """The name as a whole word ('&' counts as a letter: 'AT&T' is not 'T')."""
    return re.compile(rf"(?<![\w&]){re.escape(name)}(?![\w&])")


def _named_since(resolver: Any, ent: Any, orgs: list[Any], noun: str, start: int) -> bool:
    """Was another organisation of the noun's kind named after ``ent`` last was and before ``start``? ('Acme Co.
    ... Apple ... the company' is Apple's, though only Acme's name says 'company')."""
    if not NAMED_SINCE:
        return False
    last = max([m.start for m in ent.mentions if m.start < start] + [_last(resolver.text, ent, start)])
    return any(
        e.id != ent.id and _kind_ok(noun, e) and any(last < m.start < start for m in e.mentions) for e in orgs
    )


def org_for(resolver: Any, head: Any, start: int) -> Any | None:
    """The organisation entity a definite description headed by ``head`` stands for, or None."""
    if not ORG_DESCRIPTIONS:
        return None
    noun = _norm(head.text)
    if noun not in ORG_NOUNS or head.text.lower() != head.lemma_.lower() and head.tag_ != "NN":
        return None
    got = _phrase(head)
    if got is None or (ORG_ALONE and any(t.dep_ == "conj" for t in head.children)):
        return None  # 'the company and its founder': more than the organisation speaks
    mods, _ = got
    doc = resolver.doc
    ents = [e for e in resolver.record.entities if e.type in ("ORG", "GROUP")]
    # 'The company that runs the show, Acme Productions,': the name in apposition to the head
    for c in head.rights:
        if c.dep_ == "appos":
            hit = [e for e in ents if any(m.start <= c.idx < m.end for m in e.mentions)]
            if len(hit) == 1:
                return hit[0]
    first = {e.id: _first(resolver.text, e, start) for e in ents}
    orgs = [e for e in ents if first[e.id] is not None]
    if not orgs:
        return None
    # the noun and every modifier are words of the name
    named = [e for e in orgs if _head_word(e) == noun and all(_norm(w) in _name_words(e) for w in mods)]
    if named:
        return (
            named[0]
            if len(named) == 1 and (mods or not _named_since(resolver, named[0], orgs, noun, start))
            else None
        )
    described = [e for e in orgs if _described(doc, e, noun, start)]
    if described:
        return described[0] if len(described) == 1 else None
    kinds = [{_norm(w) for w in KIND_OF_NAME[k]} for k in [noun, *mods] if k in KIND_OF_NAME]
    if KIND_NAME and kinds and noun in BUSINESS:
        fit = [e for e in orgs if all(_name_words(e) & kind for kind in kinds) and _kind_ok(noun, e)]
        if fit:
            return fit[0] if len(fit) == 1 else None
    if not ORG_RECENT or noun not in PLAIN or mods:
        return None
    _starts, sent_of = _sent_index(doc)
    here = sent_of(start)
    recent = [
        e
        for e in orgs
        if any(m.start < start and here - sent_of(m.start) <= RECENT for m in e.mentions)
        or _recent_word(resolver.text, e, start, here, sent_of)
    ]
    fits = [e for e in recent if _kind_ok(noun, e)]
    if len(fits) == 1 and (RECENT_OTHER_KIND or len(recent) == len(fits)):
        return fits[0]
    return None


def _recent_word(text: str, ent: Any, start: int, here: int, sent_of: Any) -> bool:
    """Does the organisation's name last stand as a word within RECENT sentences before ``start``?"""
    last = _last(text, ent, start)
    return last >= 0 and 0 <= here - sent_of(last) <= RECENT
