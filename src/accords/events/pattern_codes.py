"""The base of the trigger patterns: the PLOVER code of a verb or noun, of a complement, and building a :class:`Candidate`.

Split out of :mod:`accords.events.patterns` (no behaviour change).
"""

from __future__ import annotations

from typing import Any

from accords.events import lexicon as L
from accords.events.lexicon import Code, load_lexicon
from accords.events.pattern_words import (
    AID_OBJECTS,
    CONCESSION_OBJECTS,
    DOCUMENTS,
    EVENT_HEADS,
    GIVE_VERBS,
    MEASURES,
    PEOPLE_IN_NEED,
    PREP_BY_TYPE,
    RECIPIENT_OBJECTS,
    REQUEST_NOUNS,
    TROOPS,
    Candidate,
    Token,
    _chain,
    _crime_committed,
    _obj,
    _prep_objs,
    concluded_deal,
    conj_expand,
    subject,
)

MEET_VERBS = {"meet"}
RESERVISTS = {"reservist", "reserve", "reserves", "conscript", "recruit", "thousand", "troop", "soldier"}
# Objects of "meet" that are no party to a meeting.
NOT_MET = {
    "need", "demand", "target", "goal", "deadline", "requirement", "criterion", "criteria", "standard",
    "expectation", "obligation", "condition", "cost", "payment", "challenge", "threshold", "quota", "end", "fate",
    "death", "objective", "test", "request", "term",
}  # fmt: skip
FIGHT_VERBS = {"fight", "combat", "battle", "tackle"}
# Objects of "fight" that are no enemy: diseases, disasters, social ills.
NOT_FOUGHT = {
    "epidemic", "pandemic", "virus", "disease", "outbreak", "ebola", "covid", "coronavirus", "malaria", "cancer",
    "corruption", "poverty", "hunger", "fire", "wildfire", "blaze", "inflation", "unemployment", "climate",
    "change", "cause", "crime", "drug", "trafficking", "smuggling", "famine", "drought", "flood", "racism",
    "discrimination", "misinformation", "disinformation", "fraud", "illiteracy",
}  # fmt: skip
HALT_VERBS = {"stop", "end", "halt", "cease", "suspend"}
WEAPON_TESTS = {"nuclear", "missile", "atomic", "weapon", "ballistic", "rocket"}
# What is moved when forces are mobilised.
WAR_MATERIEL = {
    "troop", "troops", "tank", "tanks", "force", "forces", "soldier", "missile", "warship", "unit", "division",
    "battalion", "brigade", "artillery", "reinforcement", "reinforcements", "armour", "armor", "jet", "aircraft",
}  # fmt: skip
VISIT_NOUNS = {"visit", "tour", "trip"}
MOTION_VERBS = {
    "return",
    "travel",
    "go",
    "fly",
    "head",
    "arrive",
    "come",
    "gather",
    "convene",
    "leave",
    "set",
}
MATERIAL_SUPPORT = {
    "financial", "logistic", "logistical", "logistics", "military", "economic", "material", "humanitarian",
    "budgetary", "technical",
}  # fmt: skip


def _olemma(o: Token) -> str:
    """An object's lemma, "ceasefire" for "cease-fire" (parsed as "fire" with the compound "cease")."""
    lem = str(o.lemma_.lower())
    if lem == "fire" and any(c.lemma_.lower() == "cease" for c in o.children if c.dep_ == "compound"):
        return "ceasefire"
    return lem


def _own_arms(obj: Token) -> bool:
    """ "their weapons", "its arms": a party giving up its own arms (disarming), not supplying another's."""
    return obj.lemma_.lower() in ("weapon", "arm", "gun", "rifle") and any(
        c.dep_ == "poss" and c.lower_ in ("their", "its", "his") for c in obj.children
    )


def _aid_in(obj: Token) -> bool:
    """Aid goods in an object phrase: "more than USD $4 million worth of new medical equipment"."""
    return any(t.lemma_.lower() in AID_OBJECTS for t in obj.subtree)


# Objects of "target" that make it a campaign's or a seller's aim.
AUDIENCES = {
    "voter", "audience", "market", "consumer", "customer", "donor", "demographic", "constituency", "electorate",
    "reader", "viewer", "investor", "buyer",
}  # fmt: skip


class CoderBase:
    """Codes of words and the building of candidates; :class:`accords.events.patterns.Coder` adds the patterns."""

    def __init__(self) -> None:
        self.lex = load_lexicon()
        lex = self.lex
        self.known_verbs = (
            set(lex.verbs) | {k.split()[0] for k in (*lex.verb_objects, *lex.phrasal)} | L.LIGHT | GIVE_VERBS
        )

    # ---- base codes -------------------------------------------------------------------------------------------
    def verb_lemma(self, t: Token) -> str:
        """The verb's lemma, mended where the tagger's lemmatiser cuts a known verb short ("staged" -> "stag");
        "dispatch" reads as "send" (its objects code the same: troops, aid, teams)."""
        lemma = str(t.lemma_.lower())
        if lemma == "dispatch":
            return "send"
        if lemma in self.known_verbs or not t.lower_.endswith(("ed", "es")):
            return lemma
        for cand in (t.lower_[:-1], t.lower_[:-2]):
            if cand in self.known_verbs:
                return cand
        return lemma

    def verb_code(self, t: Token) -> tuple[Code, list[Token]] | None:
        lex = self.lex
        lemma = self.verb_lemma(t)
        if lemma in ("send", "dispatch", "deploy") and any(
            c.dep_ in ("xcomp", "advcl")
            and c.lemma_.lower() in ("investigate", "probe", "inspect", "examine")
            for c in t.children
        ):
            return Code("ACCUSE", "investigate"), [t]  # "sent experts to investigate the attacks"
        before = t.doc[max(t.i - 2, 0) : t.i]
        if lemma == "fire" and (
            t.lower_.startswith("test")
            or (len(before) == 2 and before[0].lower_ == "test" and before[1].text == "-")
        ):
            return Code("MOBILIZE", "weapons", ("military",)), [t]  # "test-fired a missile": a show of force
        obj = _obj(t)
        if _crime_committed(t):
            return None
        if lemma == "seize" and obj is None and any(c.lower_ in ("on", "upon") for c in t.children):
            return None  # "seizing upon a report": making use of it
        if lemma == "target" and obj is not None and obj.lemma_.lower() in AUDIENCES:
            return None  # "target ethnic voters": a campaign's aim, not an attack
        if lemma in ("release", "issue", "publish") and obj is not None and obj.lemma_.lower() in DOCUMENTS:
            return None  # "released a joint statement criticising ...": the statement is no release of people
        if lemma == "call" and obj is not None and obj.lemma_.lower() in RESERVISTS:
            if any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
                return Code("MOBILIZE", "troops", ("military",)), [t]  # "called up 20,000 reservists"
        for c in t.children:
            if c.dep_ == "prep" and any(p.ent_type_ in ("DATE", "TIME") for p in c.children):
                continue  # "called Putin on Tuesday" is no "call on"
            if c.dep_ in ("prt", "prep") or (lemma == "let" and c.lower_ in ("free", "go")):
                key = f"{lemma} {c.lower_}"
                if key in lex.phrasal:
                    code = lex.phrasal[key]
                    if key == "call off" and obj is not None and obj.lemma_.lower() in CONCESSION_OBJECTS:
                        code = Code("CONCEDE")
                    if key in ("hand over", "turn over", "hand in") and obj is not None and _own_arms(obj):
                        code = Code("RETREAT", "disarm")  # "the rebels handed over their weapons"
                    elif key == "hand over" and obj is not None and _aid_in(obj):
                        code = Code("AID")
                    return code, [t, c]
        objs = [obj] if obj is not None else []
        if lemma in ("give", "grant") and obj is not None:  # "granted the DSS, permission to detain"
            objs += [c for c in t.children if c.dep_ in ("dobj", "npadvmod", "appos") and c.i != obj.i]
            objs += [c for c in obj.children if c.dep_ == "appos"]
        for c in t.children:  # "go on strike", "carried out attacks"
            if c.dep_ in ("prep", "prt"):
                objs.extend(p for p in c.children if p.dep_ == "pobj")
        for o in list(objs):  # "declared a state of siege", "imposed a state of emergency"
            if o.lemma_.lower() == "state":
                objs.extend(_prep_objs(o, {"of"}))
        if (
            lemma == "force"
            and obj is not None
            and obj.dep_ == "dobj"
            and any(c.dep_ in ("xcomp", "prt", "prep") and c.lower_ not in ("by", "with") for c in t.children)
        ):
            return Code("COERCE"), [
                t
            ]  # "forced the acting head of state out of the country", "forced a plane to land"
        for o in objs:
            for c in o.children:  # the compound is the more specific: "violated the ceasefire agreement"
                if c.dep_ == "compound" and f"{lemma} {c.lemma_.lower()}" in lex.verb_objects:
                    return lex.verb_objects[f"{lemma} {c.lemma_.lower()}"], [t, o]
            for key in (f"{lemma} {o.lemma_.lower()}", f"{lemma} {o.lower_}", f"{lemma} {_olemma(o)}"):
                if key in lex.verb_objects:
                    code = lex.verb_objects[key]
                    if code.mode == "access" and any(
                        p.lemma_.lower() in PEOPLE_IN_NEED or p.ent_type_ == "NORP"
                        for p in _prep_objs(t, {"to"})
                    ):
                        code = Code("AID", None, ("asylum",))  # "opened its borders to refugees"
                    if code.event == "PROTEST" and any(c.lower_ == "hunger" for c in o.children):
                        code = Code("PROTEST", "hunger")  # "went on a hunger strike"
                    return code, [t, o]
        if lemma in L.LIGHT:  # the object noun carries the event: "offered criticism", "ordered the arrest"
            for o in objs:
                ncode = self.noun_code(o)
                if ncode is not None:
                    return ncode, [t, o]
            for o in objs:  # "announced an increase in funding", "ordered the release of"
                if o.lemma_.lower() in EVENT_HEADS:
                    for p in _prep_objs(o, {"of", "in", "to"}):
                        ncode = self.noun_code(p)
                        if ncode is not None:
                            return ncode, [t, p]
        if lemma == "find" and any(c.lower_ == "guilty" for c in t.children):
            return Code("SANCTION", "convict", ("legal",)), [t]
        if lemma == "let" and obj is not None and any(c.lower_ == "free" for c in obj.children):
            return Code("RETREAT", "release"), [t]  # "let free Towakil Karman"
        if lemma in ("arrive", "land") and any(
            c.dep_ == "nsubj"
            and (
                c.lemma_.lower() in TROOPS
                or c.lemma_.lower() in ("deployment", "batch", "patch", "group", "unit", "wave", "first")
                and any(p.lemma_.lower() in TROOPS for p in _prep_objs(c, {"of"}))
            )
            for c in t.children
        ):
            return Code("MOBILIZE", "troops", ("military",)), [t]
        if lemma in GIVE_VERBS | {"grant"} and obj is not None and obj.lemma_.lower() in AID_OBJECTS:
            return Code("AID"), [t, obj]
        if (
            lemma in GIVE_VERBS
            and obj is not None
            and any(o.lemma_.lower() == "intelligence" for o in conj_expand(obj))
            and any(p.dep_ == "dative" or (p.dep_ == "prep" and p.lower_ == "to") for p in t.children)
        ):
            return Code("AID", None, ("intelligence",)), [t]  # "providing military intelligence to Macedonia"
        if lemma == "fire" and obj is None:
            for c in t.children:  # "soldiers fired on the crowd", "fired at a checkpoint"
                if c.dep_ == "prep" and c.lower_ in ("on", "at", "upon", "into"):
                    return Code("ASSAULT", "firearms"), [t]
        if lemma in ("leave", "quit", "exit") and obj is not None and obj.ent_type_ in ("GPE", "LOC"):
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if subj and subj[0].lemma_.lower() in TROOPS | {"troops", "forces", "army"}:
                return Code("RETREAT", "withdraw", ("military",)), [
                    t
                ]  # "the last Russian troops left Estonia"
        if lemma in ("move", "shift", "rush", "mass", "bring", "redeploy", "station") and obj is not None:
            if obj.lemma_.lower() in WAR_MATERIEL:  # "moved tanks toward the Kuwaiti border"
                return Code("MOBILIZE", "troops", ("military",)), [t, obj]
        if lemma in MEET_VERBS and obj is not None and obj.lemma_.lower() in NOT_MET:
            return None  # "to meet the health needs of", "met the deadline": no meeting
        if lemma in FIGHT_VERBS and obj is not None and obj.lemma_.lower() in NOT_FOUGHT:
            return None  # "to fight the Ebola epidemic", "fighting corruption": no violence
        if lemma in HALT_VERBS and obj is not None:
            ocode = self.noun_code(obj)
            if ocode is not None and ocode.event == "ASSAULT":
                return Code("RETREAT", "ceasefire"), [t, obj]  # "stop its war on", "halted the shelling"
        if lemma in MOTION_VERBS | {"be"}:
            for p in _prep_objs(t, {"on"}):
                if (
                    p.lemma_.lower() in VISIT_NOUNS
                ):  # "arrived in Moscow on a three-day visit", "is on a visit to"
                    return Code("CONSULT", "visit"), [t, p]
        if lemma in MOTION_VERBS:
            for p in _prep_objs(t, {"for"}):
                pcode = self.noun_code(p)
                if pcode is not None and pcode.event == "CONSULT":
                    return pcode, [t, p]  # "negotiators return to Geneva for talks"
        if lemma in ("support", "back", "endorse") and obj is not None:
            ocode = self.noun_code(obj)
            if ocode is not None and ocode.event == "AID":
                return Code("AID", None, ocode.context), [t, obj]  # "supported economic assistance to"
        if lemma in GIVE_VERBS and obj is not None and obj.lemma_.lower() in MEASURES:
            # "provide nearly 25,000 tons of emergency food aid", "sent a shipment of medicine"
            for p in _prep_objs(obj, {"of"}):
                if p.lemma_.lower() in AID_OBJECTS:
                    return Code("AID"), [t, p]
        if (
            lemma in GIVE_VERBS | {"contribute", "pledge", "grant", "allocate", "disburse"}
            and any(o.ent_type_ == "MONEY" for o in objs)
            and any(p.dep_ == "dative" or p.lower_ in ("to", "for") for p in t.children)
        ):
            return Code("AID"), [
                t
            ]  # money given to someone: "gave $2 million to Nigeria's agricultural sector"
        if lemma in ("hold", "use", "keep") and any(
            p.lower_ == "as" and any(o.lemma_.lower() == "shield" for o in p.children) for p in t.children
        ):
            return Code("ASSAULT"), [t]  # "held civilians as human shields"
        if lemma in lex.verbs and t.pos_ in ("VERB", "AUX"):
            return lex.verbs[lemma], [t]
        return None

    def noun_code(self, n: Token) -> Code | None:
        if n.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = _olemma(n)
        if lemma in ("test", "tests"):  # "conducted a nuclear test": a show of force, not other tests
            comp0 = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod")}
            return Code("MOBILIZE", "weapons", ("military",)) if comp0 & WEAPON_TESTS else None
        code = self.lex.nouns.get(n.lower_) or self.lex.nouns.get(lemma)
        if code is None:
            return None
        comp = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod")}
        if lemma == "support" and comp & MATERIAL_SUPPORT:
            return Code("AID", None, ("military",) if "military" in comp else ())  # "financial support from"
        if lemma in ("call",) and not comp & {"phone", "conference", "video", "telephone"}:
            return None
        if lemma in ("exchange", "swap", "release") and not comp & {"prisoner", "hostage", "detainee", "pow"}:
            if not any(c.dep_ == "prep" and c.lower_ == "of" for c in n.children):
                return None
        if lemma == "strike":
            if comp & {"general", "labor", "labour", "hunger", "workers", "nationwide"}:
                return Code("PROTEST", "hunger" if "hunger" in comp else "strike")
            if not comp & {"air", "drone", "missile", "military", "rocket", "artillery"}:
                return None
            return Code("ASSAULT", "drone" if "drone" in comp else "aerial")
        if lemma in ("game", "games") and "war" not in comp:
            return None
        if lemma in ("exercise", "drill", "manoeuvre", "maneuver", "game", "games"):
            if "joint" in comp:
                return Code("COOPERATE", None, ("military",))
            if not comp & {"military", "naval", "war", "army"}:
                return None
        if lemma == "warning" and comp & {"travel", "weather", "storm", "health"}:
            return None
        if lemma == "conversation" and comp & {"telephone", "phone"}:
            return Code("CONSULT", "phone")
        if lemma == "operation" and not comp & {"military", "ground", "air", "offensive", "combat"}:
            return None
        if lemma == "aid" and comp & {"military"}:
            return Code("AID", None, ("military",))
        return code

    def base(self, t: Token) -> tuple[Code, list[Token]] | None:
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and t.tag_.startswith("VB")):
            got = self.verb_code(t)
            if got is not None and got[0].event == "AGREE" and len(got[1]) > 1 and concluded_deal(got[1][1]):
                return Code("SUPPORT", None, got[0].context), got[1]
            return got
        return None

    # ---- the inner event of a wrapper -----------------------------------------------------------------------
    def complement(self, w: Token) -> Token | None:
        for c in w.children:
            if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "acl" and w.pos_ == "NOUN" and c.pos_ == "VERB"):
                return c
        if w.pos_ == "NOUN" and w.lemma_.lower() in REQUEST_NOUNS and w.dep_ == "dobj":
            for (
                c
            ) in w.head.children:  # "reiterated its demand today that Israel ease ..." (parsed on the verb)
                if c.dep_ == "ccomp":
                    return c
        for c in w.children:
            if c.dep_ == "advcl" and any(
                m.lower_ in ("for", "to") for m in c.children if m.dep_ in ("mark", "aux")
            ):
                return c
        obj = _obj(w)
        if obj is not None:
            for oc in obj.children:  # "urged Iran to stop"
                if oc.dep_ in ("acl", "xcomp") and oc.pos_ == "VERB" and oc.tag_ == "VB":
                    return oc
            if self.noun_code(obj) is not None:  # "agreed a trade deal on Saturday"
                return obj
        for c in w.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "upon", "of"):
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp") and p.ent_type_ not in ("DATE", "TIME"):
                        # "called on Iran to stop": pobj with an xcomp/acl of its own
                        for pc in p.children:
                            if pc.dep_ in ("acl", "relcl", "xcomp") and pc.pos_ == "VERB":
                                return pc
                        return p
        return obj

    def inner_code(self, c: Token) -> tuple[Code, list[Token]] | None:
        if c.pos_ in ("VERB", "AUX"):
            got = self.verb_code(c)
            if got:
                return got
            # "agreed to try to release", "called for X to be released"
            for cc in c.children:
                if cc.dep_ in ("xcomp", "ccomp") and cc.pos_ == "VERB":
                    got = self.verb_code(cc)
                    if got:
                        return got
            return None
        code = self.noun_code(c)
        if code is not None:
            return code, [c]
        if c.lemma_.lower() not in EVENT_HEADS:
            return None
        for cc in c.children:  # "demanded the release of", "called for an end to the fighting"
            if cc.dep_ == "prep" and cc.lower_ in ("of", "to", "for"):
                for p in cc.children:
                    if p.dep_ == "pobj":
                        code = self.noun_code(p)
                        if code is not None:
                            return code, [c, p]
        return None

    @staticmethod
    def request_mode(inner: Code | None, inner_tok: Token | None) -> str | None:
        if inner_tok is not None and inner_tok.lemma_.lower() in (
            "resign",
            "step",
            "reform",
            "change",
            "dismiss",
            "replace",
            "resignation",
            "ouster",
            "removal",
        ):
            return "change"
        if inner is None:
            return None
        if inner.event in ("RETREAT", "CONCEDE"):
            return "yield"
        if inner.event in ("AID", "COOPERATE"):
            return "assist"
        if inner.event == "CONSULT":
            return "meet"
        if (
            inner.event in ("ASSAULT",)
            and inner_tok is not None
            and inner_tok.lemma_ in ("stop", "end", "halt", "cease")
        ):
            return "yield"
        return None

    @staticmethod
    def threat_mode(inner: Code | None) -> str | None:
        if inner is None:
            return None
        if inner.event == "ASSAULT":
            return "violence"
        if inner.event == "COERCE":
            if inner.mode == "arrest":
                return "arrest"
            if inner.mode == "deport":
                return "expel"
            if inner.mode == "seize":
                return "territory"
            return "restrict"
        if inner.event == "SANCTION":
            if inner.mode == "expel":
                return "expel"
            if "diplomatic" in inner.context:
                return "relations"
            return "restrict"
        return None

    def _mk(self, trig: Token, code: Code, words: list[Token], pred: Token, **kw: Any) -> Candidate:
        actors, passive = subject(pred)
        recips: list[Token] = []
        obj = _obj(pred)
        noun_obj = words[1] if len(words) > 1 and words[1].pos_ in ("NOUN", "PROPN") else None
        if passive:
            for c in pred.children:
                if c.dep_ == "nsubjpass" and c != noun_obj:
                    recips.extend(conj_expand(c))
        elif obj is not None and obj != noun_obj and obj.pos_ in ("PROPN", "NOUN", "PRON"):
            recips.extend(conj_expand(obj))
        if noun_obj is not None and noun_obj.lemma_.lower() in RECIPIENT_OBJECTS:
            recips.extend(conj_expand(noun_obj))
        preps = PREP_BY_TYPE.get(code.event, set())
        # "broke off diplomatic relations with Libya": the prepositions of a common-noun object count too
        plain_obj = (
            obj if noun_obj is None and obj is not None and obj.pos_ == "NOUN" and not obj.ent_type_ else None
        )
        for holder in (pred, noun_obj or plain_obj):
            if holder is None:
                continue
            for p in _prep_objs(holder, preps | {"between"}):
                if p.head.lower_ == "between" and code.mode == "third-party":
                    recips.extend(conj_expand(p))  # the mediator is the actor, the parties its recipients
                elif p.head.lower_ == "between":
                    actors = conj_expand(p) if not actors else actors + conj_expand(p)
                else:
                    recips.extend(conj_expand(p))
        return Candidate(trig, code, words, actors, recips, chain=_chain(pred), anchor=pred, **kw)

    def _offer_ok(self, t: Token) -> bool:
        if any(c.dep_ in ("xcomp",) for c in t.children):
            return True
        obj = _obj(t)
        return obj is not None and (obj.lemma_.lower() in L.OFFER_OBJECTS or self.noun_code(obj) is not None)
