"""Recipients the object phrases do not give: whom a protest targets, where a measure or an attack falls.

Used only when no recipient was resolved from the trigger's objects and prepositions:

- a protest's recipient is the government or official its demand is aimed at ("to demand reforms by President
  Suharto's government", "in protest of the Russian government's refusal"); with none named, the state where the
  protest happens ("demonstrated in Serbia"), whose authorities it addresses;
- a material act or a concession (a curfew, its lifting, a sanction, an attack, a deployment) falls on the place of its clause
  ("imposed a curfew in the town of Cizre", "arrived in Bosnia"); a group the object names without a country
  ("arrested opposition supporters in Harare") is of that place's state.

Verbal events (meetings, agreements, statements) keep no place recipient: the place is only where they happen.
"""

from __future__ import annotations

from typing import Any

from accords.actors.setting import is_state_code
from accords.events import fallback
from accords.events.party_words import _common_noun, _group_word, _people_of, np_span
from accords.records import EventEntity

Token = Any

# Heads of the target of a demand: "the resignation of the Algerian president", "the government of Gbagbo".
TARGET_HEADS = {
    "government", "president", "regime", "minister", "premier", "authorities", "authority", "administration",
    "king", "parliament", "ruler", "junta", "cabinet", "leadership", "governor", "mayor", "chancellor", "kremlin",
}  # fmt: skip
# Prepositions after an event noun that name its other party: "a protest with Albania", "the invasion of South
# Lebanon", "a blockade on Palestinian lorries", "demands from Shona rebels", "an aid programme for Bosnia".
NOUN_PREPS = {"with", "against", "on", "upon", "of", "from", "to", "for", "into"}
# Nouns whose "on" and "of" phrases give the topic, not a party: "agreement on the fate of Palestinian offices".
TOPIC_HOLDERS = {
    "agreement", "deal", "accord", "talks", "negotiation", "discussion", "consultation", "dialogue", "meeting",
    "compromise", "decision", "position", "statement", "resolution", "vote", "fate", "issue", "question",
    "future", "status", "matter", "subject", "plan", "proposal", "report",
}  # fmt: skip
PLACE_EVENTS = {"CONCEDE", "COERCE", "THREATEN", "SANCTION", "ASSAULT", "AID", "MOBILIZE"}


def protest_target(builder: Any, c: Any, taken: set[int]) -> list[EventEntity]:
    """The government or official a protest's demand is aimed at, in the trigger's own phrase."""
    words = {w.i for w in (c.trigger, *c.words)}
    for w in sorted(c.trigger.subtree, key=lambda t: t.i):
        if w.i in taken or w.i in words or w.i <= c.trigger.i:
            continue
        if w.lemma_.lower() not in TARGET_HEADS and not (w.ent_type_ == "PERSON" and w.dep_ != "compound"):
            continue
        for e in builder.resolver.resolve(w):
            if is_state_code(e.code):
                return [e]
    return []


def noun_parties(builder: Any, c: Any, taken: set[int]) -> list[EventEntity]:
    """The other party named after the event's noun ("lodged a protest with Albania"), one noun deep ("a
    suspension of air links with Serbia")."""
    holders = [w for w in c.words[1:] if w.pos_ in ("NOUN", "PROPN")]
    holders += [
        ch for ch in c.trigger.children if ch.dep_ == "dobj" and ch.pos_ == "NOUN" and ch not in holders
    ]
    actors = {a.i for a in c.actors}
    for _depth in range(2):
        nxt = []
        for h in holders:
            for p in h.children:
                if p.dep_ != "prep" or p.lower_ not in NOUN_PREPS:
                    continue
                if h.lemma_.lower() in TOPIC_HOLDERS and p.lower_ in ("on", "upon", "of"):
                    continue
                for o in p.children:
                    if o.dep_ != "pobj" or o.i in taken or o.i in actors or o.ent_type_ in ("DATE", "TIME"):
                        continue
                    if (
                        o.pos_ == "NOUN"
                        and not (_group_word(o) or _people_of(o))
                        and not any(ch.ent_type_ in ("NORP", "GPE") and ch.i < o.i for ch in o.children)
                    ):
                        if o.lemma_.lower() not in TOPIC_HOLDERS:
                            nxt.append(o)  # "a suspension of air links with Serbia": past "links"
                        continue
                    got = [e for x in _conj(o) for e in builder.resolver.resolve(x) if e.code]
                    if got:
                        return got
        holders = nxt
    return []


def _conj(t: Token) -> list[Token]:
    out = [t]
    for ch in t.children:
        if ch.dep_ == "conj" and ch.pos_ in ("PROPN", "NOUN"):
            out.extend(_conj(ch))
    return out


def place_recipients(builder: Any, c: Any, taken: set[int]) -> list[EventEntity]:
    """The state of the place in the event's clause: the object's unplaced group, else the place itself."""
    loc = builder.place_of(c, taken)
    if loc is None:
        return []
    code = loc.country or fallback.place_country(loc.place or loc.text)
    if not is_state_code(code):
        return []
    res = builder.resolver
    groups = []
    for h in c.recipients:
        if _common_noun(h) and (_group_word(h) or _people_of(h)):
            lo, hi = np_span(h)
            span = builder.doc[lo:hi]
            groups.append(
                EventEntity(
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    name=span.text,
                    code=code,
                    sector=res.sector_of(h, lo, hi),
                )
            )
    if groups:
        return groups
    return [EventEntity(text=loc.text, start=loc.start, end=loc.end, name=loc.place or loc.text, code=code)]


def fill(builder: Any, c: Any, event: str) -> list[EventEntity]:
    """Recipients for an event whose object phrases gave none (see the module's docstring)."""
    taken = {t.i for h in c.actors for t in h.subtree}
    got = noun_parties(builder, c, taken)
    if got:
        return got
    if event == "PROTEST":
        got = protest_target(builder, c, taken)
        if got:
            return got
        return place_recipients(builder, c, taken)
    if event in PLACE_EVENTS:
        return place_recipients(builder, c, taken)
    return []
