"""PLOVER's rules on tense, refusal and who acts (:func:`apply_rules`), and the word tests they use.

Split out of :mod:`accords.events.coder` (no behaviour change).
"""

from __future__ import annotations

from typing import Any

from accords.events import lexicon as L
from accords.events.lexicon import Code
from accords.events.patterns import Candidate, Coder
from accords.records import Flags

COOP_FUTURE_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
# Light verbs that offer their object noun's event rather than do it: "proposed talks", "suggested a meeting".
PROPOSING = {"propose", "suggest", "seek", "want", "favor", "favour"}


def _will(c: Candidate) -> bool:
    """'will' or 'is going to' on the trigger itself, with its actor as grammatical subject."""
    t = c.trigger
    has_will = any(ch.dep_ == "aux" and ch.lower_ in ("will", "'ll", "shall") for ch in t.children)
    has_subj = any(ch.dep_ == "nsubj" for ch in t.children)
    return has_will and has_subj


def _unless(c: Candidate) -> bool:
    """The event is announced on a condition ("will withdraw unless ..."); the condition itself ("unless the
    Kremlin closed its base") is not."""
    for t in (c.trigger, *c.chain, *([c.anchor] if c.anchor is not None else [])):
        for ch in t.children:
            if (
                ch.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ == "unless" for m in ch.children)
                and c.trigger not in ch.subtree
            ):
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
    for t in (
        c.actors
    ):  # "The Jordan and the United States", "US and Western allies", "French and Egyptian warships"
        if any(ch.dep_ == "conj" for ch in t.children) or any(
            ch.dep_ == "conj"
            for x in t.children
            if x.dep_ in ("compound", "amod", "nmod")
            for ch in x.children
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


# People sent on an international mission: withdrawing them halts the involvement (CAMEO 166, 136).
MISSION_PEOPLE = {
    "inspector", "observer", "monitor", "peacekeeper", "worker", "staff", "personnel", "mission", "expert",
}  # fmt: skip


def _mission_withdrawn(c: Candidate) -> bool:
    """The object withdrawn is a mission's people: "withdraw weapons inspectors and humanitarian workers"."""
    return any(w.lemma_.lower() in MISSION_PEOPLE for w in c.words)


BLOCKING = {"blockade", "block", "seal", "close", "shut", "besiege"}


# Things, not people, that a capture takes: "a helicopter captured by the Sudanese authorities".
THINGS_TAKEN = {
    "helicopter", "plane", "aircraft", "jet", "ship", "vessel", "boat", "tanker", "truck", "vehicle", "weapon",
    "arm", "tank", "equipment", "cargo", "drone", "ammunition", "convoy", "shipment", "depot", "arsenal",
}  # fmt: skip


def _thing_captured(c: Candidate) -> bool:
    """A capture of property (PLOVER COERCE seize), not of people (ASSAULT abduct)."""
    if c.trigger.lemma_.lower() != "capture":
        return False
    objs = [ch for ch in c.trigger.children if ch.dep_ in ("dobj", "nsubjpass") and ch.tag_ != "WDT"]
    if not objs and c.trigger.dep_ in ("acl", "relcl"):
        objs = [c.trigger.head]  # "a helicopter that was captured", "a helicopter captured by"
    return bool(objs) and all(o.lemma_.lower() in THINGS_TAKEN for o in objs)


def _peace_forces(c: Candidate) -> bool:
    """ "increased peace forces in Bosnia": forces for peace, not for war."""
    return any(
        t.lower_ == "peace" and t.dep_ in ("compound", "amod") and t.head.lemma_.lower() in ("force", "troop")
        for t in c.trigger.sent
    )


PASSAGES = {
    "road", "highway", "motorway", "street", "port", "harbour", "harbor", "bridge", "railway", "rail", "line",
    "entrance", "access", "border", "crossing", "traffic", "route", "airport", "runway", "tunnel", "junction",
}  # fmt: skip


def _physical_block(c: Candidate) -> bool:
    """ "Striking workers blocked the port of Durban": the thing blocked is a way or a place."""
    return any(ch.dep_ == "dobj" and ch.lemma_.lower() in PASSAGES for ch in c.trigger.children)


def _civilians(c: Candidate, sectors: list[str | None] | None) -> bool:
    """Every actor is a civilian or a worker (fishermen, farmers, truckers), none a state body."""
    return bool(sectors) and all(s in ("CVL", "LAB") for s in sectors or [])


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
        elif event == "SANCTION" and mode == "withdraw" and _announced(c) and _mission_withdrawn(c):
            # "announced that he will withdraw weapons inspectors": a threat to halt international involvement
            event, mode, f.future = "THREATEN", "expel", False
        elif event == "SANCTION" and _announced(c):
            f.future = False  # announcing a sanction is imposing it: "announced it would prohibit all aid"
        elif event in ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST") and _announced(c):
            event, mode, f.future = "THREATEN", Coder.threat_mode(c.code), False
        elif event in ("ASSAULT", "COERCE", "PROTEST") and c.rule == "lexicon" and _will(c):
            # "X will hold a protest outside the embassy", "the government will extend the curfew": a stated intent
            event, mode, f.future = "THREATEN", Coder.threat_mode(c.code), False
    if event in COOP_FUTURE_TO_AGREE and c.trigger.lemma_.lower() in PROPOSING and len(c.words) > 1:
        event, mode = "AGREE", None  # "proposed talks with Pyongyang": an offer of a meeting, not the meeting
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
    if (
        event == "PROTEST"
        and mode == "obstruct"
        and sectors
        and all(s in ("GOV", "MIL", "COP") for s in sectors)
    ):
        event, mode = (
            "COERCE",
            "restrict",
        )  # "Israeli troops blocked the road": a state's blockade, no protest
    if event == "REJECT" and c.trigger.lemma_.lower() in BLOCKING and _physical_block(c):
        event, mode = "COERCE", "restrict"  # "blocked the port of Durban": a place, not a bill
    if (
        event == "COERCE"
        and mode == "restrict"
        and _civilians(c, sectors)
        and c.trigger.lemma_.lower() in BLOCKING
    ):
        event, mode = "PROTEST", "obstruct"  # "French fishermen blockaded Channel ports"
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
    if event == "ASSAULT" and (
        actor_lemmas & {"hacker", "hackers"}
        or any(t.lower_ in ("cybernetically", "cyber", "digitally") for w in c.words for t in w.children)
    ):
        event, mode = "COERCE", "cyber"  # "hackers targeted Indian power grids": a cyber attack
    if event == "ASSAULT" and mode == "abduct" and _thing_captured(c):
        event, mode = "COERCE", "seize"  # "captured a Mi-26 helicopter": property, not people
    if event == "COERCE" and mode == "seize" and _territory_taken(c):
        event, mode = "ASSAULT", None  # seizing territory is an assault; seizing property stays COERCE
    if event == "REQUEST" and _punitive_call(c):
        event, mode = "ACCUSE", "investigate" if _punitive_call(c) == "investigate" else "disapprove"
    if event == "MOBILIZE":
        words = {t.lower_ for w in (c.trigger, *c.words) for t in w.sent}
        if words & PEACEKEEPING or _peace_forces(c):
            event, mode = "AID", None
    return event, mode
