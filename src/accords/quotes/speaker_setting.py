"""Countries a speaker's own words leave unsaid, read from the rest of the article.

Three readings, each behind a flag:

* ``PLACE``: a place in the words puts a state's people in its state: "Prosecutors in Sweden" -> SWE.
* ``SPREAD``: one person is of one country across the article. "NASA's Steve Clarke said" gives Clarke the United
  States; "Clarke said" later is the same entity and gets it too (in a story set in one state, only that state).
* ``SETTING``: "Prosecutors alleged ...", "agency officials said": a careful reader of a story set wholly in the
  United States gives these speakers the United States, as the labelling guideline does ("a setting plain from the
  whole article (a story set in one country, its officials) counts too"). Only speakers who act for a state get it
  (officials, prosecutors, police, judges, lawmakers, state bodies, and people whose role says so by its words);
  a company, an expert, a journalist, a group with a private owner ("PG&E officials") or a role often held abroad
  (an ambassador, a minister) does not. The setting (``accords.actors.leading_state``) is the one state that
  holds nearly all the article's mentions of places, peoples and people of a state; an article that names
  several states has none, and then nothing changes.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from accords.actors.setting import is_state_code
from accords.quotes.speaker_countries import actors_fn, place_code, resolve
from accords.records import Entity, Quote, Record

PLACE = True
HOME_PLACE = (
    True  # a subdivision of the setting's state read as another state ('Georgia' -> GEO) is the setting's
)
SPREAD = True
SETTING = True
MIN_SHARE = 0.75  # of the place mentions that name a state
MIN_MENTIONS = 3
# Entities whose country counts toward the setting: places, and (SETTING_PEOPLE) the people and bodies of a
# state, so that a story about Libya told through Washington's officials is set in no one country.
SETTING_PEOPLE = True
SETTING_TYPES: tuple[str, ...] = ("GPE", "LOC", "NORP")

# Sectors whose people and bodies act for a state (PLOVER codes); BUS, MED, EDU, CVL, REB, NGO ... do not.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "SPY"})
# Head nouns of an unnamed speaker who acts for a state, singular and plural.
STATE_NOUNS = frozenset(
    """official officials authorities government administration prosecutor prosecutors judge judges court
    police policeman policemen lawmaker lawmakers legislator legislators senator senators congressman
    congressmen congresswoman regulator regulators ministry
    agency department investigators military""".split()
)
# Words before the head that make a state noun someone else's: 'company officials', 'union officials'.
PRIVATE = frozenset(
    "company companies firm firms corporate union industry school university hospital club team league campaign".split()
)
# Lower-case words a speaker phrase may open a sentence with.
COMMON = frozenset(
    """the a an some two three several many other federal state local senior top government city county
    agency prison police health election defense military court""".split()
)
# Roles that are a state's by their words; 'President', 'Director', 'Chief' or 'spokesman' may be a company's.
STATE_ROLE = re.compile(
    r"\b(?:senator|sen\.|rep\.|congress\w*|lawmaker|legislator|assembly\w*|governor|gov\.|mayor|judge|justice|"
    r"prosecutor|attorney general|district attorney|sheriff|police|officer|detective|trooper|admiral|colonel|"
    r"sergeant|lieutenant|commissioner|council\w*|alderman)\b",
    re.IGNORECASE,
)
# ... unless the role is in a private body: 'chief executive officer', 'president of the Police Association'
PRIVATE_ROLE = re.compile(
    r"\b(?:executive|financial|operating|technology|association|union|fund|foundation|institute|company|"
    r"corporation|inc\.?|club|league|committee|campaign|party)\b",
    re.IGNORECASE,
)
# Roles that are often held abroad by a foreign state's people: the setting says nothing of theirs.
ABROAD_ROLE = re.compile(
    r"\b(?:ambassador|envoy|diplomat|secretary of state|foreign|minister|premier|chancellor|parliament\w*|mp)\b",
    re.IGNORECASE,
)


def setting(record: Record) -> str | None:
    """The one state nearly all the article's mentions of places, peoples and people of a state belong to, or None
    (``accords.actors.leading_state``)."""
    lead = actors_fn("leading_state")
    if lead is None:
        return None
    types = SETTING_TYPES + (("PERSON", "ORG", "GROUP") if SETTING_PEOPLE else ())
    code = lead(record, types, share=MIN_SHARE, min_mentions=MIN_MENTIONS)
    return code if isinstance(code, str) else None


def _names_state(word: str) -> bool:
    return is_state_code(getattr(resolve(word), "code", None))


def _entity_of_state(ent: Entity) -> bool:
    """A person whose role is a state's by its words (a company's 'President' is not), or a state body."""
    if ent.type == "PERSON":
        role = ent.role or ""
        return (
            STATE_ROLE.search(role) is not None
            and PRIVATE_ROLE.search(role) is None
            and ABROAD_ROLE.search(role) is None
        )
    return ent.type in ("ORG", "GROUP") and ent.sector in STATE_SECTORS


def _words_of_state(record: Record, doc: Any, start: int, end: int) -> bool:
    """An unnamed speaker whose head noun acts for a state and whose words name no private owner."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return False
    root = span.root
    if root.lower_ not in STATE_NOUNS or any(t.dep_ == "conj" and t.head.i == root.i for t in span):
        return False  # 'attorneys for the department', 'experts and some lawmakers'
    mods = [t.text for t in span if t.i < root.i and not t.is_punct]
    if PRIVATE & {w.lower() for w in mods}:
        return False
    # a capitalised modifier names an owner: a state ('Pentagon officials', 'Kremlin officials') or no one's
    # state ('PG&E officials'); a sentence's first word may be a common one ('Federal prosecutors')
    for k, w in enumerate(mods):
        if w[:1].isupper() and not (k == 0 and w.lower() in COMMON) and not _names_state(w):
            return False
    # an organisation named inside the words owns them unless it is a state body
    for e in record.entities:
        if e.type in ("ORG", "PERSON") and any(m.start < end and start < m.end for m in e.mentions):
            if e.sector not in STATE_SECTORS:
                return False
    return True


def place_in_words(record: Record, doc: Any, start: int, end: int) -> str | None:
    """The state of a place the words put a state's people in: 'Prosecutors in Sweden', 'officials from the
    health ministry in Kenya'. The place is read as the actors stage linked it, else as the tagger typed it."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return None
    places = {
        m.start: e.country
        for e in record.entities
        if e.type in ("GPE", "LOC") and is_state_code(e.country)
        for m in e.mentions
        if start <= m.start < end
    }
    root = span.root
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "from", "of") or prep.i >= span.end:
            continue
        for t in prep.subtree:
            if t.i >= span.end:
                break
            if t.idx in places:
                return places[t.idx]
            if t.ent_type_ == "GPE":
                code = place_code(t)
                if code:
                    return code
    return None


def spread(quotes: list[Quote], home: str | None = None) -> None:
    """Give every speaker of an entity the country its other mentions were given; in a story set in one state
    (``home``) only that state's, as a country read off a name ('Georgia businessman', 'German's brother') is
    then more often a misreading than a foreigner."""
    seen: dict[str, Counter[str]] = {}
    for q in quotes:
        spk = q.speaker
        if spk is not None and spk.entity_id and spk.country:
            seen.setdefault(spk.entity_id, Counter())[spk.country] += 1
    for q in quotes:
        spk = q.speaker
        if spk is not None and spk.entity_id and spk.country is None and spk.entity_id in seen:
            codes = seen[spk.entity_id].most_common(2)
            if (len(codes) == 1 or codes[0][1] > codes[1][1]) and home in (None, codes[0][0]):
                spk.country = codes[0][0]


def apply(record: Record, quotes: list[Quote], doc: Any = None) -> None:
    """Fill the countries the speakers' words left unsaid (see the module's docstring)."""
    ents = {e.id: e for e in record.entities}
    if PLACE:
        for q in quotes:
            spk = q.speaker
            ent = ents.get(spk.entity_id or "") if spk is not None else None
            if spk is None or spk.country is not None or (ent is not None and ent.type != "GROUP"):
                continue
            if _words_of_state(record, doc, spk.start, spk.end):
                spk.country = place_in_words(record, doc, spk.start, spk.end)
    code = setting(record)
    misread = actors_fn("misread_subdivision")
    if HOME_PLACE and code is not None and misread is not None:
        for q in quotes:  # 'Georgia businessman Bruce Lane' in a story set in the United States
            spk = q.speaker
            if spk is not None and spk.country not in (None, code) and misread(spk.text, spk.country, code):
                spk.country = code
    if SPREAD:
        spread(quotes, code)
    if not SETTING or code is None:
        return
    for q in quotes:
        spk = q.speaker
        if spk is None or spk.country is not None:
            continue
        ent = ents.get(spk.entity_id or "")
        if ent is not None and ent.type != "GROUP":
            state = _entity_of_state(ent)
        else:
            state = _words_of_state(record, doc, spk.start, spk.end)
        if state:
            spk.country = code
