"""From parse candidates to PLOVER events on the record: actors, flags, date, place, size, evidence."""

from __future__ import annotations

import re
from typing import Any

from accords.events import campaign, fallback, flags, recipients
from accords.events import lexicon as L
from accords.events.parties import Resolver, np_span
from accords.events.party_words import LOC_PREPS
from accords.events.patterns import Candidate, Coder
from accords.events.type_rules import (
    ABSTRACT_TARGETS,
    COOP_FUTURE_TO_AGREE,
    EXERCISES,
    GOV_HEADS,
    JOINT,
    KIND_OBJECTS,
    KIND_PURPOSE,
    PEACEKEEPING,
    PUNITIVE_NOUNS,
    SAYING,
    TAKE_VERBS,
    TERRITORY_NOUNS,
    VERBAL_ADJ,
    _announced,
    _exercise_noun,
    _joint,
    _kind_call,
    _punitive_call,
    _punitive_target,
    _territory_taken,
    _unless,
    _verbal_attack,
    _will,
    apply_rules,
)
from accords.events.when import (
    ARRESTED,
    DEAD,
    INJURED,
    PER_SIDE,
    PERSON_NOUNS,
    RELEASE_UNITS,
    number_of,
    parse_published,
    resolve_date,
)
from accords.records import Event, EventEntity, Evidence, Flags, Location, Record, Size, Span

VERSION = "events.plover.v5"

# Names that lived here before the split stay importable from here.
__all__ = [
    "VERSION",
    "CONTEXT_WORDS",
    "DEMAND_NOUNS",
    "LOC_PREPS",
    "EventBuilder",
    "_dedupe",
    "COOP_FUTURE_TO_AGREE",
    "_will",
    "_unless",
    "_announced",
    "TERRITORY_NOUNS",
    "TAKE_VERBS",
    "PUNITIVE_NOUNS",
    "KIND_PURPOSE",
    "KIND_OBJECTS",
    "_kind_call",
    "VERBAL_ADJ",
    "SAYING",
    "ABSTRACT_TARGETS",
    "_verbal_attack",
    "_territory_taken",
    "_punitive_target",
    "_punitive_call",
    "EXERCISES",
    "JOINT",
    "_exercise_noun",
    "_joint",
    "PEACEKEEPING",
    "GOV_HEADS",
    "apply_rules",
]

CONTEXT_WORDS = {
    "territory": {
        "territory",
        "territorial",
        "region",
        "regions",
        "border",
        "annex",
        "annexation",
        "land",
        "occupied",
        "sovereignty",
        "withdraw",
    },
    "military": {
        "troops",
        "army",
        "military",
        "soldiers",
        "forces",
        "navy",
        "missile",
        "tank",
        "artillery",
        "defense",
        "defence",
        "weapons",
    },
    "diplomatic": {"ambassador", "embassy", "diplomat", "diplomatic", "envoy", "consulate"},
    "economic": {
        "sanctions",
        "trade",
        "tariff",
        "tariffs",
        "economic",
        "economy",
        "embargo",
        "loan",
        "investment",
        "oil",
        "gas",
    },
    "peacekeeping": {"peacekeeping", "peacekeepers", "peacekeeper"},
    "terrorism": {"terrorist", "terrorism", "terror"},
    "election": {"election", "elections", "vote", "ballot", "polls"},
    "legal": {"court", "judge", "trial", "lawsuit", "prosecutor", "indictment", "verdict"},
    "human_rights": {"rights", "torture", "abuses"},
    "migration": {"migrants", "migration", "border crossing"},
    "asylum": {"asylum", "refugee", "refugees"},
    "health": {"vaccine", "covid", "pandemic", "hospital", "epidemic", "coronavirus"},
    "cyber": {"cyber", "hack", "hackers", "cyberattack"},
    "corruption": {"corruption", "bribe", "bribes", "bribery", "embezzlement"},
    "human_security": {"humanitarian", "prisoner", "prisoners", "hostages", "civilians"},
    "cbrn": {"nuclear", "chemical", "biological"},
}
DEMAND_NOUNS = {
    "demand",
    "proposal",
    "plan",
    "position",
    "request",
    "condition",
    "claim",
    "offer",
    "terms",
    "ultimatum",
}
# Nouns that name an attack, not its author: "a roadside bombing killed ...".
ATTACK_NOUNS = {
    "bombing", "bomb", "explosion", "blast", "attack", "mine", "minefield", "ied", "shell", "mortar", "rocket",
    "missile", "grenade", "airstrike", "strike", "shelling", "ambush", "raid", "gunfire", "shooting", "device",
}  # fmt: skip
PLACE_HEADS = {"town", "city", "village", "province", "district", "area", "region", "outskirts", "suburb"}


class EventBuilder:
    def __init__(self, record: Record | None, doc: Any, user_actors: str | None = None) -> None:
        self.record = record
        self.doc = doc
        self.coder = Coder()
        self.resolver = Resolver(record, doc, user_actors)
        self.last_demand: list[EventEntity] = []
        self.published = parse_published(record.article.published) if record is not None else None

    # ---- one candidate ----------------------------------------------------------------------------------------
    def resolve_all(self, heads: list[Any], exclude: set[int] | None = None) -> list[EventEntity]:
        out: list[EventEntity] = []
        seen: set[tuple[str | None, int | None]] = set()
        for h in heads:
            if exclude and h.i in exclude:
                continue
            for e in self.resolver.resolve(h):
                key = (e.code, e.start)
                if key not in seen:
                    seen.add(key)
                    out.append(e)
        return out

    def flags_of(self, c: Candidate, date: str | None) -> Flags:
        trig = c.trigger
        chain = c.chain
        f = Flags(
            negated=flags.negated(trig, chain) or any(flags.negated(w, []) for w in c.words[1:]),
            hypothetical=flags.hypothetical(trig, chain),
            future=flags.future(trig, chain)
            or (c.inner is not None and c.code.event == "THREATEN" and False),
            historical=flags.historical(date, self.record.article.published if self.record else None, trig)
            or flags.past_era(c.anchor or trig, self.record.article.published if self.record else None),
        )
        if c.code.event in ("AGREE", "CONCEDE", "THREATEN", "REQUEST") and c.rule.startswith("wrapper"):
            f.future = flags.future(trig, chain)  # the promise/demand itself == now; its content == future
        return f

    def date_of(self, c: Candidate) -> tuple[str | None, str | None]:
        sent = c.trigger.sent
        anchor = c.anchor or c.trigger
        best = None
        for e in self.resolver.ents_in(sent.start, sent.end):
            if e.label_ not in ("DATE", "TIME"):
                continue
            # attached to the event's clause: its head chain reaches the anchor without crossing another clause
            t = e.root
            ok = False
            for _ in range(6):
                if t == anchor or t == c.trigger or t in c.words:
                    ok = True
                    break
                if t.dep_ in ("ccomp", "relcl") or t.head == t:
                    break
                t = t.head
            if ok:
                best = e
                break
        if best is None:
            return (self.published.isoformat() if self.published else None), None
        resolved = resolve_date(best.text, self.published)
        return resolved or (self.published.isoformat() if self.published else None), best.text

    def place_of(self, c: Candidate, taken: set[int]) -> Location | None:
        sent = c.trigger.sent
        anchor = c.anchor or c.trigger
        for e in self.resolver.ents_in(sent.start, sent.end):
            if e.label_ not in ("GPE", "LOC", "FAC") or any(t.i in taken for t in e):
                continue
            prep = e.root.head
            if prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_HEADS:  # "in the town of Cizre"
                prep = prep.head.head
            if prep.dep_ != "prep" or prep.lower_ not in LOC_PREPS:
                continue
            h = prep.head
            ok = False
            for _ in range(5):
                if h == anchor or h == c.trigger or h in c.words:
                    ok = True
                    break
                if h.dep_ in ("ccomp", "relcl", "advcl") or h.head == h:
                    break
                h = h.head
            # "On a gray Friday in Istanbul, X held ...": the place hangs on the date
            if not ok and prep.head.ent_type_ in ("DATE", "TIME") and prep.head.head == anchor:
                ok = True
            if not ok and prep.head.ent_type_ in ("DATE", "TIME"):
                ok = prep.head.head == anchor or prep.head.head.head == anchor
            if ok:
                return Location(
                    text=e.text,
                    start=e.start_char,
                    end=e.end_char,
                    place=e.text,
                    # "the town of Cizre": the name after "of"
                    country=fallback.place_country(e.text)
                    or fallback.place_country(e.text.split(" of ")[-1]),
                )
        return None

    def size_of(self, c: Candidate) -> Size | None:
        ev = c.code.event
        nouns = list(c.size_nouns)
        for w in c.words:
            for ch in w.children:
                if ch.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "attr"):
                    nouns.append(ch)
        for n in nouns[:]:
            if n.dep_ == "acl" or n.pos_ == "VERB":
                nouns.extend(ch for ch in n.children if ch.dep_ == "dobj")
        lemma = c.trigger.lemma_.lower()
        size = Size(count=None, unit=None)
        for n in nouns:
            if n.lemma_.lower() not in PERSON_NOUNS:
                continue
            k = number_of(n)
            if k is None:
                continue
            if lemma in DEAD or (ev == "ASSAULT" and lemma in ("kill",)):
                size.dead = k
            elif lemma in INJURED:
                size.injured = k
            elif lemma in ARRESTED or (ev == "COERCE" and c.code.mode == "arrest"):
                size.arrested = k
            else:
                size.count = k
                comp = {w.lemma_.lower() for t in c.words for w in t.children if w.dep_ == "compound"} | {
                    t.lemma_.lower() for t in c.words
                }
                unit = next((u for u in RELEASE_UNITS if u in comp), None) or n.lemma_.lower()
                size.unit = unit + "s" if not unit.endswith("s") and unit != "people" else unit
                tail = self.doc[n.i : n.right_edge.i + 1].text
                size.per_side = bool(PER_SIDE.search(tail))
        if size == Size(count=None, unit=None):
            return None
        return size

    def context_of(self, c: Candidate) -> list[str]:
        ctx = list(c.code.context)
        toks: set[str] = set()
        for w in [c.trigger, *c.words, *([c.inner] if c.inner is not None else [])]:
            toks.update(t.lower_ for t in w.subtree)
        for name, words in CONTEXT_WORDS.items():
            if name not in ctx and toks & words:
                if name == "territory" and not (toks & (words - {"withdraw"})):
                    continue
                ctx.append(name)
        if c.code.event == "COERCE" and c.code.mode in ("cyber", "misinformation") and c.code.mode not in ctx:
            ctx.append(c.code.mode)
        return ctx

    def ethnic_home(self, c: Candidate, actors: list[EventEntity]) -> list[EventEntity]:
        """ "ethnic Albanians demonstrated in Serbia": an ethnic group is coded with the state where it acts,
        not the state its name comes from; with no such place in the clause it gets no country."""
        out = []
        for a in actors:
            if "ethnic" not in a.text.lower().split():
                out.append(a)
                continue
            place = self.place_of(c, set())
            home = place.country if place is not None else None
            if (
                home is None
            ):  # "ethnic Albanians have sworn to fight ... near Macedonia's border": where they act
                tok = next(
                    (t for t in c.actors if a.start is not None and a.start <= t.idx < (a.end or 0)), None
                )
                if tok is not None:
                    lo, hi = np_span(tok)
                    home = self.resolver._only_state(tok, lo, hi, where=True, civil=True)
            out.append(a.model_copy(update={"code": home}))
        return out

    def unattributed(self, c: Candidate, sector: str = "UAF") -> list[EventEntity]:
        """An attack that names no perpetrator ("a roadside bombing near Samarra killed one U.S. soldier"):
        as the PLOVER gold-standard records code it, unidentified armed forces (UAF) of the country where it
        happened. Only when the subject is the attack itself or the clause is passive without an agent.
        With ``sector``, the same for a judicial act ("a US national was put under investigation in Italy"):
        the authorities of the state where it happens."""
        if any(a.lemma_.lower() not in ATTACK_NOUNS for a in c.actors):
            return []
        anchor = c.anchor or c.trigger
        if not c.actors and not any(ch.dep_ == "nsubjpass" for ch in anchor.children):
            return []
        holders = {anchor.i, c.trigger.i, *(a.i for a in c.actors)}
        sent = c.trigger.sent
        for e in self.resolver.ents_in(sent.start, sent.end):
            if e.label_ not in ("GPE", "LOC"):
                continue
            prep = e.root.head
            if prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_HEADS:  # "near the town of Samarra"
                prep = prep.head.head
            if prep.dep_ != "prep" or prep.lower_ not in LOC_PREPS:
                continue
            # the clause, its attack-noun subject, "killed in a car bombing in Baghdad", "outside a police
            # station in Bogota": up a chain of place phrases to the clause
            h = prep.head
            for _ in range(4):
                if h.i in holders or h.dep_ not in ("pobj", "prep", "dobj", "nsubj") or h.head == h:
                    break
                h = h.head
            if h.i not in holders:
                continue
            country = fallback.place_country(e.text) or self.resolver.code_text(e.text)[0]
            if country:
                ent = EventEntity(text=e.text, start=e.start_char, end=e.end_char, name=e.text, code=country)
                ent.sector = sector
                return [ent]
        return []

    def build(self, c: Candidate, n: int) -> Event | None:
        doc = self.doc
        actors = self.resolve_all(c.actors)
        recips = self.resolve_all(c.recipients)
        if c.all_actors and not actors and c.rule == "outcome" and self.resolver.parties:
            actors = [p.model_copy() for p in self.resolver.parties]
        if (
            c.all_actors
            and not actors
            and c.rule == "noun"
            and self.resolver.parties
            and c.code.event == "AGREE"
        ):
            actors = [p.model_copy() for p in self.resolver.parties]
        coded_actors = [a for a in self.ethnic_home(c, actors) if a.code]
        if not coded_actors and c.code.event == "ASSAULT":
            coded_actors = self.unattributed(c)
        if not coded_actors and _judicial(c):
            coded_actors = self.unattributed(c, sector="JUD" if c.code.mode != "investigate" else "GOV")
        if not coded_actors or campaign.not_an_event(c, [a.sector for a in coded_actors]):
            return None
        codes = {a.code for a in coded_actors}
        recips = [
            r
            for r in recips
            if r.code
            and not (
                r.code in codes
                and r.sector == next((a.sector for a in coded_actors if a.code == r.code), None)
            )
        ]
        if c.rule == "evaluation" and c.code.event == "ACCUSE" and not recips and self.last_demand:
            # "The United States viewed these demands as unreasonable": the demands of the last REQUEST
            obj = next((ch for ch in c.trigger.children if ch.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_.lower() in DEMAND_NOUNS:
                lo, hi = obj.left_edge.idx, obj.idx + len(obj)
                recips = [
                    r.model_copy(update={"text": doc.text[lo:hi], "start": lo, "end": hi})
                    for r in self.last_demand
                ]
        if (
            c.rule == "evaluation"
            and c.code.event == "ACCUSE"
            and (not recips or {r.code for r in recips} <= codes)
        ):
            return None
        if (
            c.code.event == "CONSULT"
            and c.all_actors
            and recips == []
            and len(codes) < 2
            and c.rule == "noun"
        ):
            return None
        date, date_text = self.date_of(c)
        f = self.flags_of(c, date if date_text else None)
        event, mode = c.code.event, c.code.mode
        event, mode = apply_rules(c, f, [a.sector for a in coded_actors])
        if event == "ASSAULT" and campaign.verbal_attack_on_person(c):
            event, mode = "ACCUSE", "disapprove"  # "Obama attacked Romney over his tax plan"
        if not recips:  # whom a protest targets, where a material act falls
            sectors = {(a.code, a.sector) for a in coded_actors}
            recips = [r for r in recipients.fill(self, c, event) if (r.code, r.sector) not in sectors]
        if event == "ACCUSE" and c.code.event == "REQUEST" and not recips:
            target = _punitive_target(c)  # "called for sanctions against Belarus": Belarus is accused
            if target is not None:
                recips = [r for r in self.resolve_all([target]) if r.code and r.code not in codes]
        sent_i = self.record.sentence_at(c.trigger.idx) if self.record is not None else 0
        sent = c.trigger.sent
        words = sorted(c.words, key=lambda t: t.i)
        tspan = (
            doc[words[0].i : words[-1].i + 1]
            if len(words) > 1 and words[-1].i - words[0].i <= 6
            else doc[c.trigger.i : c.trigger.i + 1]
        )
        taken = {t.i for h in c.actors + c.recipients for t in h.subtree}
        conf = c.confidence
        if any(a.entity_id is None for a in coded_actors):
            conf -= 0.05
        if f.any():
            conf -= 0.1
        return Event(
            id=f"V{n}",
            event=event,  # type: ignore[arg-type,unused-ignore]
            mode=mode,
            context=self.context_of(c),
            quad_code=L.QUAD[event],
            actor=coded_actors,
            recipient=recips,
            date=date,
            date_text=date_text,
            event_loc=self.place_of(c, taken),
            size=self.size_of(c),
            trigger=Span(start=tspan.start_char, end=tspan.end_char, text=tspan.text),
            evidence=Evidence(
                sentence=sent_i,
                start=sent.start_char,
                end=sent.start_char + len(sent.text.rstrip()),
                text=sent.text.rstrip(),
            ),
            flags=f,
            confidence=round(max(0.05, min(conf, 0.99)), 2),
            version=VERSION,
        )

    def run(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            if not re.search(r"[a-z]", sent.text):
                continue
            cands = _protest_topics_dropped(self.coder.candidates(sent))
            for c in sorted(cands, key=lambda c: c.trigger.i):
                ev = self.build(c, len(events) + 1)
                if ev is None:
                    continue
                events.append(ev)
                if ev.event == "CONSULT" and len(ev.actor) + len(ev.recipient) >= 2 and not ev.flags.any():
                    self.resolver.parties = [*ev.actor, *ev.recipient]
                if ev.event == "REQUEST" and not ev.flags.any():
                    self.last_demand = list(ev.actor)
            self.resolver.update_memory(sent)
        return _dedupe(events)


def _judicial(c: Candidate) -> bool:
    """An investigation, a charge or a conviction told in the passive without its author."""
    return (c.code.event == "ACCUSE" and c.code.mode in ("investigate", "allege")) or (
        c.code.event == "SANCTION" and c.code.mode == "convict"
    )


def _protest_topics_dropped(cands: list[Candidate]) -> list[Candidate]:
    """PLOVER: the topic of a protest is not coded as a separate REQUEST ("staged a rally to demand the release
    of political prisoners" is one PROTEST)."""
    protests = {c.trigger.i for c in cands if c.code.event == "PROTEST"}
    if not protests:
        return cands
    return [
        c
        for c in cands
        if not (
            c.code.event == "REQUEST"
            and c.trigger.dep_ in ("advcl", "xcomp", "conj", "acl")
            and c.trigger.head.i in protests
        )
    ]


def _dedupe(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    seen: set[tuple[Any, ...]] = set()
    for e in events:
        key = (
            e.evidence.sentence,
            e.event,
            tuple(sorted(a.code or "" for a in e.actor)),
            e.trigger.start if e.trigger else None,
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    for i, e in enumerate(out, 1):
        e.id = f"V{i}"
    return out
