"""From parse candidates to PLOVER events on the record: actors, flags, date, place, size, evidence."""

from __future__ import annotations

import re
from typing import Any

from accords.events import fallback, flags
from accords.events import lexicon as L
from accords.events.lexicon import Code
from accords.events.parties import Resolver
from accords.events.patterns import Candidate, Coder
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

VERSION = "events.plover.v2"

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
COOP_FUTURE_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
LOC_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout"}


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
            historical=flags.historical(date, self.record.article.published if self.record else None, trig),
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
                    country=fallback.place_country(e.text),
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
        coded_actors = [a for a in actors if a.code]
        if not coded_actors:
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
            cands = self.coder.candidates(sent)
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


def _will(c: Candidate) -> bool:
    """'will' or 'is going to' on the trigger itself, with its actor as grammatical subject."""
    t = c.trigger
    has_will = any(ch.dep_ == "aux" and ch.lower_ in ("will", "'ll", "shall") for ch in t.children)
    has_subj = any(ch.dep_ == "nsubj" for ch in t.children)
    return has_will and has_subj


def _unless(c: Candidate) -> bool:
    for t in (c.trigger, *c.chain, *([c.anchor] if c.anchor is not None else [])):
        for ch in t.children:
            if ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in ch.children):
                return True
    return False


def _announced(c: Candidate) -> bool:
    """The actor itself announces the future action: "Turkey says it will begin a new operation"."""
    t = c.anchor if c.anchor is not None else c.trigger
    for _ in range(3):
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in L.REPORTING:
            return True
        if t.dep_ not in ("xcomp", "conj") or t.head == t:
            return False
        t = t.head
    return False


TERRITORY_NOUNS = {
    "territory", "town", "city", "village", "region", "province", "district", "area", "capital", "border", "base",
    "airport", "port", "field", "oilfield", "hill", "island", "peninsula", "stronghold", "position", "positions",
    "outpost", "camp", "crossing", "valley", "heights", "enclave", "zone", "land", "neighbourhood", "neighborhood",
}  # fmt: skip
TAKE_VERBS = {"seize", "capture", "take", "retake", "recapture", "overrun", "storm"}  # not annex, occupy
PUNITIVE_NOUNS = {
    "sanction": "disapprove", "investigation": "investigate", "probe": "investigate", "inquiry": "investigate",
    "prosecution": "disapprove", "punishment": "disapprove", "boycott": "disapprove", "embargo": "disapprove",
}  # fmt: skip


KIND_PURPOSE = {"apologize", "apologise", "congratulate", "thank", "condole", "assure", "reassure", "praise"}
KIND_OBJECTS = {
    "support", "solidarity", "condolence", "sympathy", "gratitude", "thanks", "congratulation", "appreciation",
    "backing",
}  # fmt: skip


def _kind_call(c: Candidate) -> bool:
    for ch in c.trigger.children:
        if ch.dep_ not in ("advcl", "xcomp") or not any(
            a.lower_ == "to" for a in ch.children if a.dep_ == "aux"
        ):
            continue
        lem = ch.lemma_.lower()
        if lem in KIND_PURPOSE:
            return True
        if lem in ("express", "convey", "offer", "extend", "pledge", "reaffirm") and any(
            o.dep_ == "dobj" and o.lemma_.lower() in KIND_OBJECTS for o in ch.children
        ):
            return True
    return False


VERBAL_ADJ = {
    "scathing", "verbal", "blistering", "stinging", "withering", "rhetorical", "personal", "extraordinary",
    "sharp", "bitter", "vitriolic", "veiled", "broadside",
}  # fmt: skip
SAYING = {"call", "say", "describe", "accuse", "label", "brand", "dub", "term", "claim", "argue", "charge"}
ABSTRACT_TARGETS = {
    "proceeding", "policy", "law", "plan", "deal", "decision", "campaign",
    "record", "handling", "remark", "comment", "statement", "report", "idea", "proposal",
    "inquiry", "investigation", "impeachment", "bill", "budget", "reform", "agenda", "strategy", "approach",
}  # fmt: skip


def _verbal_attack(c: Candidate) -> bool:
    """An attack in words: "launched a scathing attack on", "led the attacks on the impeachment proceedings",
    "attacked the government, calling it anti-people"."""
    for w in (c.trigger, *c.words):
        if w.lemma_.lower() not in ("attack", "assault", "broadside", "tirade", "onslaught"):
            continue
        if any(ch.lower_ in VERBAL_ADJ for ch in w.children):
            return True
        heads = [w, w.head] if w.dep_ in ("dobj", "pobj", "nsubj") else [w]
        for h in heads:
            if any(
                ch.dep_ in ("advcl", "xcomp", "conj") and ch.lemma_.lower() in SAYING and ch.tag_ == "VBG"
                for ch in h.children
            ):
                return True
        for p in w.children:
            if p.dep_ == "prep" and p.lower_ in ("on", "against"):
                for o in p.children:
                    if o.dep_ == "pobj" and o.lemma_.lower() in ABSTRACT_TARGETS:
                        return True
    return False


def _territory_taken(c: Candidate) -> bool:
    """ "took over Kirkuk", "seized large oil fields", "retook the village": the object is a place."""
    if not any(w.lemma_.lower() in TAKE_VERBS for w in (c.trigger, *c.words)):
        return False
    for w in (c.trigger, *c.words):
        objs = [ch for ch in w.children if ch.dep_ in ("dobj", "nsubjpass")]
        for p in (ch for ch in w.children if ch.dep_ in ("prep", "prt")):
            if p.lower_ == "of" or p.lemma_.lower() == "over":
                objs += [o for o in p.children if o.dep_ == "pobj"]
        for o in objs:
            if o.lemma_.lower() == "control":  # "seized control of X": X decides
                objs += [x for p in o.children if p.lower_ == "of" for x in p.children if x.dep_ == "pobj"]
                continue
            if o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in TERRITORY_NOUNS:
                return True
    return False


def _punitive_target(c: Candidate) -> Any | None:
    for w in (c.trigger, *c.words):
        for t in w.subtree:
            if (
                t.dep_ == "prep"
                and t.lower_ in ("against", "into")
                and (t.head.lemma_.lower() in PUNITIVE_NOUNS or t.head.lower_ == "sanctions")
            ):
                return next((o for o in t.children if o.dep_ == "pobj"), None)
    return None


def _punitive_call(c: Candidate) -> str | None:
    """ "called for sanctions against Moscow", "called for an investigation into the death": an accusation of the
    one the measure targets (the recipient), not a request addressed to it."""
    for w in (c.trigger, *c.words):
        for t in [w, *(ch for ch in w.children if ch.dep_ == "dobj")]:
            got = PUNITIVE_NOUNS.get(t.lemma_.lower())
            if got is None and t.lower_ == "sanctions":
                got = "disapprove"
            if got and any(p.dep_ == "prep" and p.lower_ in ("against", "into") for p in t.children):
                return got
        for p in w.children:  # "called for sanctions against": for -> sanctions
            if p.dep_ == "prep" and p.lower_ == "for":
                for o in p.children:
                    got = PUNITIVE_NOUNS.get(o.lemma_.lower())
                    if got and any(x.dep_ == "prep" and x.lower_ in ("against", "into") for x in o.children):
                        return got
    return None


EXERCISES = {"exercise", "drill", "game", "manoeuvre", "maneuver", "wargame", "war-game"}
JOINT = {"joint", "combined", "bilateral", "trilateral", "multinational", "multilateral"}


def _exercise_noun(c: Candidate) -> Any | None:
    """The exercise noun of a candidate: "held joint exercises", "launch war games" (not "the war")."""
    for w in (c.trigger, *c.words):
        lem = w.lemma_.lower()
        lem = "game" if lem == "games" else lem
        if lem in EXERCISES and not (lem == "game" and not any(x.lower_ == "war" for x in w.children)):
            return w
        if lem == "war" and w.dep_ == "compound" and w.head.lemma_.lower() == "game":
            return w.head
    return None


def _joint(c: Candidate, drill: Any) -> bool:
    if any(ch.lower_ in JOINT for ch in drill.children):
        return True
    if len({t.i for t in c.actors}) >= 2:
        return True
    for t in c.actors:  # "The Jordan and the United States", "US and Western allies"
        if any(ch.dep_ == "conj" for ch in t.children) or any(
            ch.dep_ == "conj" for x in t.children if x.dep_ == "compound" for ch in x.children
        ):
            return True
    # "staged by U.S. marines and Jordanian armed forces", "exercises with the Indian navy"
    for t in (drill, c.trigger, *c.words):
        for ch in t.children:
            if ch.dep_ in ("prep", "agent") and ch.lower_ in ("with", "by"):
                objs = [o for o in ch.children if o.dep_ == "pobj"]
                if ch.lower_ == "with" and objs:
                    return True
                if any(any(x.dep_ == "conj" for x in o.children) for o in objs):
                    return True
    return False


PEACEKEEPING = {"peacekeeping", "peacekeepers", "peacekeeper", "humanitarian", "relief"}
GOV_HEADS = {
    "government",
    "ministry",
    "minister",
    "president",
    "embassy",
    "foreign",
    "state",
    "kremlin",
    "administration",
}


def apply_rules(c: Candidate, f: Flags, sectors: list[str | None] | None = None) -> tuple[str, str | None]:
    """PLOVER's rules on tense, refusal and who acts; may change the type and clear flags it has absorbed.

    - cooperative events reported in the future tense are AGREE; an announced future retreat is CONCEDE;
    - an explicit refusal of future cooperation ("will not accept", "will never stop its war") is REJECT;
    - a conflict action announced for the future by its actor ("will begin a new operation") is THREATEN;
    - a demand made by demonstrating is PROTEST; a protest lodged by a government is ACCUSE disapprove;
    - troops sent for peacekeeping or relief are AID.
    """
    event, mode = c.code.event, c.code.mode
    actor_lemmas = {t.lemma_.lower() for t in c.actors}
    protesters = bool(actor_lemmas & L.PROTESTERS) or any(s == "CVL" for s in sectors or [])
    if f.future and f.negated and not f.hypothetical and event in L.COOPERATIVE | {"ASSAULT", "PROTEST"}:
        refused = {
            "CONSULT": "meet",
            "AID": "assist",
            "COOPERATE": "assist",
            "RETREAT": "yield",
            "CONCEDE": "yield",
        }
        event, mode = "REJECT", refused.get(event)
        f.negated = f.future = False
    elif f.future and not f.negated and not f.hypothetical:
        if event in COOP_FUTURE_TO_AGREE:
            event, mode, f.future = "AGREE", None, False
        elif event == "RETREAT":
            # a retreat announced for the future ("the rebels said they will release ...") is AGREE in the
            # PLOVER gold-standard records; a promise or pledge of one is CONCEDE (handled by the wrapper)
            event, mode, f.future = "AGREE", None, False
        elif event == "SANCTION" and _announced(c):
            f.future = False  # announcing a sanction is imposing it: "announced it would prohibit all aid"
        elif event in ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST") and _announced(c):
            event, mode, f.future = "THREATEN", Coder.threat_mode(c.code), False
        elif event in ("ASSAULT", "COERCE", "PROTEST") and c.rule == "lexicon" and _will(c):
            # "X will hold a protest outside the embassy", "the government will extend the curfew": a stated intent
            event, mode, f.future = "THREATEN", Coder.threat_mode(c.code), False
    if _unless(c) and event not in ("THREATEN", "REQUEST", "REJECT", "ACCUSE"):
        event, mode = "THREATEN", Coder.threat_mode(Code(event, mode))  # "will withdraw its force unless ..."
        f.future = f.hypothetical = False
    drill = _exercise_noun(c)
    if drill is not None and event in ("MOBILIZE", "ASSAULT"):
        # war games and exercises are a show of force (MOBILIZE); held jointly they are material cooperation
        event, mode = ("COOPERATE", None) if _joint(c, drill) else ("MOBILIZE", "troops")
    if (
        f.negated
        and not f.future
        and event == "CONCEDE"
        and any(w.lemma_.lower() in ("permission", "approval", "consent") for w in c.words)
    ):
        event, mode, f.negated = "REJECT", None, False  # "did not give permission for the rally"
    if event == "REQUEST" and protesters and any(t.lemma_.lower() in L.PROTESTERS for t in c.actors):
        event, mode = "PROTEST", "demo"  # a demand made by demonstrating
    if event == "ASSAULT" and mode in ("destroy", None) and actor_lemmas & L.PROTESTERS:
        event, mode = "PROTEST", "vandalize" if mode == "destroy" else "riot"
    if event == "PROTEST" and mode == "demo" and c.trigger.lemma_.lower() == "protest" and not protesters:
        if any(t.ent_type_ in ("GPE", "NORP") or t.lemma_.lower() in GOV_HEADS for t in c.actors):
            event, mode = "ACCUSE", "disapprove"  # a diplomatic protest
    if (
        event in ("CONSULT", "REQUEST")
        and c.trigger.lemma_.lower() in ("call", "phone", "telephone")
        and _kind_call(c)
    ):
        event, mode = "SUPPORT", None  # "called Erdogan to apologize", "called Bashir to express his support"
    if event == "ASSAULT" and _verbal_attack(c):
        event, mode = "ACCUSE", "disapprove"  # "launched a scathing attack on X, calling it anti-people"
    if event == "COERCE" and mode == "seize" and _territory_taken(c):
        event, mode = "ASSAULT", None  # seizing territory is an assault; seizing property stays COERCE
    if event == "REQUEST" and _punitive_call(c):
        event, mode = "ACCUSE", "investigate" if _punitive_call(c) == "investigate" else "disapprove"
    if event == "MOBILIZE":
        words = {t.lower_ for w in (c.trigger, *c.words) for t in w.sent}
        if words & PEACEKEEPING:
            event, mode = "AID", None
    return event, mode


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
