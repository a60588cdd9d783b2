"""Word classes and token tests behind the actor resolver of :mod:`accords.events.parties`: places, kinds of
people, patron states, names of states. Split out of parties.py (no behaviour change)."""

from __future__ import annotations

import re
from typing import Any

from accords.events import fallback

Token = Any

DIRECTION = re.compile(r"^(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?$")
# Prepositions that place an event ("clashes in Aleppo", "a blast near the embassy").
LOC_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
# ... and those that tell a noun is a place rather than a party, which may also be a route or a ring around it
# ("marched through Kyiv", "troops around the city"): too loose to place the event itself.
PLACE_PREPS = LOC_PREPS | {"around", "through"}
# Heads of a quantity of people: "thousands of students", "a group of refugees".
QUANTITY_HEADS = {
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "dozen",
    "dozens",
    "score",
    "scores",
    "group",
}


# Nouns of a place that a demonym can qualify: "in the Haitian capital", "on Iraqi soil" (not "border": a
# border is two states').
PLACE_NOUNS = {
    "capital", "city", "town", "village", "province", "region", "territory", "soil", "countryside", "island",
    "port", "enclave",
}  # fmt: skip
# Verbs of a physical act on a place: "shelled the capital Monrovia", "stormed Grozny".
PLACE_ACTS = {
    "shell", "bomb", "attack", "storm", "capture", "seize", "overrun", "besiege", "raid", "occupy", "enter",
    "loot", "burn", "bombard", "pound", "retake", "recapture", "invade", "surround", "encircle", "block",
    "blockade",
}  # fmt: skip


def _locative(t: Token) -> bool:
    """``t`` sits in a place phrase: "in Algeria", "at a jail in East Timor's capital", "in the Haitian
    capital"."""
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "of" and DIRECTION.match(t.head.head.lower_):
            return True  # "south of Algiers", "20 km northeast of Baghdad"
        if t.dep_ == "amod" and t.head.lemma_.lower() in PLACE_NOUNS:
            t = t.head
            continue
        if t.dep_ not in ("poss", "compound", "pobj", "prep", "appos") or t.head == t:
            return False
        t = t.head
    return False


# Nouns for a state's rulers and their rule: "the Algerian president", "Indonesian rule", "Russia's government".
RULER_NOUNS = {
    "president", "government", "regime", "rule", "authorities", "authority", "leader", "leadership", "king",
    "prime", "minister", "premier", "army", "police", "parliament", "election", "elections", "policy", "junta",
}  # fmt: skip


def _rulers_of(t: Token) -> bool:
    """``t`` (a state's name or demonym) qualifies that state's rulers or their rule."""
    for _ in range(3):
        if t.dep_ in ("amod", "compound", "poss") and t.head.lemma_.lower() in RULER_NOUNS:
            return True
        if t.dep_ not in ("amod", "compound", "poss") or t.head == t:
            return False
        t = t.head
    return False


def _place_acted_on(t: Token) -> bool:
    """``t`` is a town or region (not a state) that a physical act falls on: "shelled the capital Monrovia"."""
    try:
        from accords.actors import get_gazetteer
    except ImportError:  # pragma: no cover - the actors package ships with accords
        return False
    gaz = get_gazetteer()
    if gaz.country_of_name(t.text) or gaz.country_of_demonym(t.text):
        return False  # a state named as the target is a party, not a place
    for _ in range(3):
        if t.dep_ == "dobj" and t.head.lemma_.lower() in PLACE_ACTS:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in PLACE_NOUNS:
            t = t.head.head  # "blocked the port of Durban", "shelled the town of Bunia"
            continue
        if t.dep_ not in ("appos", "compound", "poss", "amod") or t.head == t:
            return False
        t = t.head
    return False


def _acted_on(t: Token) -> bool:
    """``t`` names a party the clause acts on, not a place: the object, its possessor ("praised Jordan's
    role"), or the object of "to", "with", "against", "on" ("talks with Syria", "sanctions against Iran")."""
    if _locative(t):
        return False
    for _ in range(3):
        if t.dep_ in ("dobj", "dative", "iobj", "attr"):
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
            return False  # "according to Pakistani officials": the source, not a party
        if t.dep_ == "pobj" and t.head.lower_ in ("to", "with", "against", "on", "toward", "towards", "for"):
            return True
        if t.dep_ not in ("poss", "compound", "appos", "conj") or t.head == t:
            return False
        t = t.head
    return False


REPORTING_LEMMAS = {"say", "announce", "claim", "report", "state", "confirm", "declare", "tell", "add"}
# Officials reporting on their own government.
OFFICIAL_SOURCES = {
    "official", "officials", "ministry", "spokesman", "spokeswoman", "secretary", "minister", "source", "sources",
}  # fmt: skip
# Who reports a domestic event: "..., Burmese state radio reported", "..., Iranian television said".
HOME_MEDIA = {"radio", "television", "tv", "agency", "newspaper", "daily", "media", "press", "broadcaster"}


def _home_report(t: Token, officials: bool = False) -> bool:
    """``t`` qualifies the state media that report the sentence's news: "Burmese state radio reported",
    "according to Iranian television"; with ``officials``, also that state's officials ("according to the
    Pakistani interior secretary"), for a government actor the text gives no country."""
    heads = HOME_MEDIA | (OFFICIAL_SOURCES if officials else set())
    for _ in range(3):
        if t.dep_ == "nsubj" and t.head.lemma_.lower() in REPORTING_LEMMAS:
            return t.lemma_.lower() in heads
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
            return t.lemma_.lower() in heads
        if t.dep_ not in ("amod", "compound", "poss") or t.head == t:
            return False
        t = t.head
    return False


PATRON_WORDS = {
    "backed", "supported", "sponsored", "funded", "allied", "aligned", "armed", "trained", "friendly", "inspired",
    "influenced",
}  # fmt: skip
# Words of meeting: "talks with rebels in Oslo" names where they meet, not whose rebels they are.
MEETINGS = {
    "talk",
    "talks",
    "negotiation",
    "negotiations",
    "meet",
    "meeting",
    "discussion",
    "consult",
    "negotiate",
}
LED = re.compile(r"^(.+?)-(?:led|dominated|run|controlled|commanded)$")


def _patron(t: Token) -> bool:
    """A state that backs a group, not the group's own: "Iranian-backed militia", "pro-Iranian militiamen"."""
    doc = t.doc
    nxt = doc[t.i + 1 : t.i + 3]
    if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in PATRON_WORDS:
        return True
    if "-" in t.text and t.text.lower().split("-")[-1] in PATRON_WORDS:
        return True
    if t.dep_ == "npadvmod" and t.head.lower_ in PATRON_WORDS:
        return True
    prev = doc[max(t.i - 2, 0) : t.i]
    if t.lower_.startswith(("pro-", "anti-")):
        return True
    return len(prev) == 2 and prev[1].text == "-" and prev[0].lower_ in ("pro", "anti")


def _group_word(head: Token) -> bool:
    """A noun naming a kind of people the coder knows ("rebels", "Guerrillas" tagged as a name)."""
    low = head.lower_
    return any(
        w in fallback.NOUN_SECTOR for w in (head.lemma_.lower(), low, low[:-1] if low.endswith("s") else low)
    )


def _people_of(head: Token) -> bool:
    """ "Thousands of students", "a group of refugees": a quantity of people of a kind the coder knows."""
    if head.lower_ not in QUANTITY_HEADS and head.lemma_.lower() not in QUANTITY_HEADS:
        return False
    return any(
        p.dep_ == "pobj" and p.lemma_.lower() in fallback.NOUN_SECTOR
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
    )


TITLE_WORDS = {
    "minister", "president", "premier", "chancellor", "secretary", "ambassador", "spokesman", "spokeswoman",
    "governor", "envoy", "commander", "chief",
}  # fmt: skip


def _common_noun(head: Token) -> bool:
    """A common noun, also when capitalised at the start of a sentence and tagged as a name ("Rebels in
    Sierra Leone freed ...", "Police in Lagos arrested ...")."""
    if head.pos_ == "NOUN":
        return True
    low = head.lower_
    if head.pos_ == "PROPN" and low in TITLE_WORDS and not head.ent_type_:
        return True  # "The Federal Minister for Interior ...": a capitalised title, not a name
    return (
        head.pos_ == "PROPN"
        and head.i == head.sent.start
        and (low in fallback.NOUN_SECTOR or low.rstrip("s") in fallback.NOUN_SECTOR)
    )


def _names_state(word: str) -> bool:
    """A state's name or demonym, or an actor of the dictionary (not merely a town of that spelling)."""
    try:
        from accords.actors import get_gazetteer
        from accords.actors.gazetteer import norm
    except ImportError:  # pragma: no cover - the actors package ships with accords
        return True
    gaz = get_gazetteer()
    key = norm(word)
    return bool(
        gaz.country_of_name(word) or gaz.country_of_demonym(word) or gaz.actor(word) or key in gaz.seats
    ) or bool(gaz.capitals.get(key))


KEEP_DEPS = {
    "compound",
    "amod",
    "poss",
    "case",
    "det",
    "nmod",
    "flat",
    "nummod",
    "quantmod",
    "punct",
    "prep",
    "pobj",
}
PERSON_PRON = {"he", "she", "him", "her", "his"}
GROUP_PRON = {"they", "them", "it", "we", "us", "their", "its", "our"}
AFFILIATION = {
    "affiliate",
    "affiliated",
    "loyal",
    "linked",
    "link",
    "allied",
    "ally",
    "close",
    "tie",
    "tied",
    "base",
    "based",
}
BOTH_SIDES = {
    "side",
    "sides",
    "party",
    "parties",
    "delegation",
    "delegations",
    "talks",
    "negotiator",
    "negotiators",
}


OFFICIAL_TITLES = {
    "president", "vice-president", "premier", "minister", "chancellor", "king", "queen", "emir", "sheikh",
    "prince", "governor", "mayor", "general", "gen.", "commander", "ambassador", "spokesman", "spokeswoman",
}  # fmt: skip
# People who speak or act for a body named after "for", "of" or "at": "a spokesman for the ministry".
SPEAKS_FOR = {
    "spokesman", "spokeswoman", "spokesperson", "official", "officer", "representative", "member", "leader",
    "head", "chief", "source", "aide", "adviser", "advisor",
}  # fmt: skip
# Sectors of people who seldom act abroad: a protest or strike is staged at home.
CIVIL_SECTORS = {"CVL", "REL", "LAB", "REF", "PTY", "MED", "BUS"}
# Nouns for a state's own voice: a demonym on one of them names that state as a party ("the Jordanian king").
STATE_VOICES = OFFICIAL_TITLES | {
    "leader", "counterpart", "envoy", "delegation", "government", "minister", "premier", "official", "head",
    "emir", "sultan", "secretary", "chief", "ruler", "monarch", "dictator", "strongman",
}  # fmt: skip


def np_span(head: Token) -> tuple[int, int]:
    """Token index range [start, end) of the noun phrase of ``head``, without clauses or conjuncts."""
    lo = hi = head.i

    def walk(t: Token) -> None:
        nonlocal lo, hi
        for c in t.children:
            if c.dep_ in ("conj", "cc", "relcl", "acl", "appos", "advcl"):
                continue
            if c.dep_ == "prep" and c.lower_ not in ("of",):
                continue
            if c.dep_ not in KEEP_DEPS or c.is_punct:
                continue
            lo, hi = min(lo, c.i), max(hi, c.i)
            walk(c)

    walk(head)
    doc = head.doc
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return lo, hi + 1


def _actors_api() -> tuple[Any, Any]:
    try:
        import accords.actors as A
    except Exception:  # pragma: no cover - the actors package == another stage's
        return None, None
    return getattr(A, "entity_at", None), getattr(A, "resolve_actor", None)


def _civil_general(text: str) -> bool:
    """A title such as Secretary-General, Attorney General, Governor-General: "General" is no military rank."""
    try:
        from accords.actors.resolve import CIVIL_GENERAL
    except Exception:  # pragma: no cover - the actors package is another stage's
        return False
    return bool(CIVIL_GENERAL.search(text))
