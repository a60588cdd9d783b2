"""Trigger patterns over the dependency parse: which words code which PLOVER type, and who does it.

:func:`candidates` reads one sentence (a spaCy ``Span``) and returns :class:`Candidate` events:
a trigger, a PLOVER code, the head tokens of the actor and recipient phrases, and the chain of
governing verbs that the flags are read from. It knows nothing of the record; resolving the
heads to coded actors is :mod:`accords.events.parties`' job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from accords.events import lexicon as L
from accords.events.lexicon import Code, load_lexicon

Token = Any

SUBJ = ("nsubj", "csubj", "expl")
RECIPIENT_PREPS = {
    "with",
    "to",
    "against",
    "on",
    "upon",
    "from",
    "into",
    "toward",
    "towards",
    "at",
    "for",
    "of",
}
CONCESSION_OBJECTS = {
    "strike",
    "protest",
    "boycott",
    "demonstration",
    "sit-in",
    "march",
    "blockade",
    "offensive",
    "attack",
}
# Nouns whose "of"/"to" complement is the event: "the release of", "an end to the fighting".
EVENT_HEADS = {
    "release", "end", "withdrawal", "halt", "cessation", "resumption", "lifting", "easing", "start", "launch",
    "return", "exchange", "holding", "suspension", "stop", "removal", "resignation", "restoration", "delivery",
    "provision", "opening", "imposition", "expansion", "increase", "reduction", "round", "series", "wave",
}  # fmt: skip
# Objects that are themselves the recipient: "summoned the Russian ambassador", "expelled Russian diplomats".
RECIPIENT_OBJECTS = {
    "ambassador", "envoy", "diplomat", "prisoner", "hostage", "detainee", "journalist", "national", "citizen",
    "soldier", "official", "charge",
}  # fmt: skip
ACCESS_OBJECTS = {
    "observer", "inspector", "monitor", "worker", "journalist", "entry", "access", "convoy", "delegation", "mission",
}  # fmt: skip
RAISING = {"expect", "set", "schedule", "due", "say", "report", "believe", "slate", "poise"}
STATEMENT_NOUNS = {
    "declaration",
    "statement",
    "communique",
    "letter",
    "resolution",
    "message",
    "note",
    "report",
}
ANSWERING_VERBS = {
    "accept",
    "reject",
    "meet",
    "ignore",
    "refuse",
    "satisfy",
    "rebuff",
    "dismiss",
    "grant",
    "heed",
}
REQUEST_NOUNS = {"demand", "call", "appeal", "request", "plea"}
PEOPLE_IN_NEED = {"refugee", "migrant", "asylum", "seeker", "civilian", "people", "afghan", "syrian", "iraqi"}
CRIMES = {
    "crime", "atrocity", "abuse", "violation", "murder", "massacre", "genocide", "offence", "offense", "act",
    "fraud", "suicide", "attack", "assault", "error", "mistake", "sin", "breach", "terrorism", "rape", "treason",
}  # fmt: skip


def _crime_committed(t: Token) -> bool:
    """ "crimes committed by Croat forces", "committed atrocities": commit is no promise here."""
    if t.lemma_.lower() != "commit":
        return False
    if t.dep_ in ("acl", "relcl") and t.head.lemma_.lower() in CRIMES:
        return True
    return any(ch.dep_ in ("dobj", "nsubjpass") and ch.lemma_.lower() in CRIMES for ch in t.children)


MEASURES = {
    "ton", "tonne", "kilogram", "kg", "shipment", "consignment", "batch", "load", "package", "amount", "quantity",
    "cargo", "truckload", "planeload", "convoy", "million", "billion", "thousand", "hundred", "worth", "dose",
}  # fmt: skip
TROOPS = {"peacekeeper", "troop", "soldier", "contingent", "force", "marine", "paratrooper", "battalion"}
DOCUMENTS = {
    "statement", "report", "video", "document", "data", "figure", "list", "detail", "footage", "photo", "image",
    "album", "book", "finding", "communique", "transcript", "recording", "audio", "letter", "survey", "poll",
    "study", "result", "version", "update", "memo", "note", "record", "text", "guideline", "budget",
}  # fmt: skip
GIVE_VERBS = {"provide", "deliver", "send", "give", "donate", "supply", "ship", "fly", "airlift", "hand"}
AID_OBJECTS = {
    "material", "materials", "shelter", "tent", "relief", "grain", "flour", "fund", "dollar", "euro", "loan",
    "medicine", "equipment", "supply", "vaccine", "food", "aid", "assistance", "money", "weapon", "arm", "drug",
}  # fmt: skip
PREP_BY_TYPE = {
    "CONSULT": {"with", "to"},
    "AGREE": {"with", "to"},
    "SUPPORT": {"for", "to", "with"},
    "COOPERATE": {"with", "to"},
    "AID": {"to", "for"},
    "REQUEST": {"on", "upon", "from", "of"},
    "ACCUSE": {"against", "on", "of"},
    "REJECT": {"from", "of", "by"},
    "THREATEN": {"against", "on", "to"},
    "PROTEST": {"against", "outside"},
    "SANCTION": {"on", "against", "from"},
    "COERCE": {"on", "against", "from"},
    "ASSAULT": {"on", "against", "at"},
    "RETREAT": {"from", "to"},
    "CONCEDE": {"to", "with"},
    "MOBILIZE": {"against", "near", "to"},
}


@dataclass
class Candidate:
    trigger: Token
    code: Code
    words: list[Token] = field(
        default_factory=list
    )  # all trigger words (verb + object noun, wrapper + inner)
    actors: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)
    chain: list[Token] = field(default_factory=list)
    anchor: Token | None = None  # clause head for dates, places and sizes
    inner: Token | None = None
    confidence: float = 0.8
    rule: str = "lexicon"
    all_actors: bool = False  # reciprocal: every party is an actor
    size_nouns: list[Token] = field(default_factory=list)


def _obj(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    for c in tok.children:
        if c.dep_ == "nsubjpass":
            return c
    return None


def _prep_objs(tok: Token, preps: set[str] | None = None) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and (preps is None or c.lower_ in preps):
            out.extend(p for p in c.children if p.dep_ == "pobj")
        if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.append(c)
    return out


def conj_expand(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
            out.extend(conj_expand(c))
    return out


def subject(tok: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """Heads of the subject of predicate ``tok`` (inherited through xcomp, conj, relcl); and whether passive."""
    passive = any(c.dep_ == "auxpass" for c in tok.children) or any(
        c.dep_ == "nsubjpass" for c in tok.children
    )
    for c in tok.children:
        if c.dep_ == "agent":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs:
                return conj_expand(objs[0]), False
    for c in tok.children:
        if c.dep_ in SUBJ and c.dep_ != "expl":
            if c.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                return conj_expand(tok.head), False
            # "Hungary said it will not accept refugees": the pronoun is the speaker
            if (
                c.lower_ in ("it", "they", "we")
                and tok.dep_ == "ccomp"
                and tok.head.lemma_.lower() in L.REPORTING
            ):
                speaker, _ = subject(tok.head, depth + 1)
                if speaker:
                    return speaker, False
            return conj_expand(c), False
    if passive:
        # raising: "Netanyahu is expected to visit", "the army is set to withdraw"
        if tok.lemma_.lower() in RAISING or tok.lemma_.lower() in ("prepare", "commit", "determine"):
            for c in tok.children:
                if c.dep_ == "nsubjpass":
                    return conj_expand(c), False
        return [], True
    if depth > 4:
        return [], False
    h = tok.head
    if h == tok:
        return [], False
    if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and h.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
        if tok.dep_ == "xcomp" and h.lemma_.lower() in RAISING:
            for c in h.children:
                if c.dep_ == "nsubjpass":
                    return conj_expand(c), False
        if tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "because", "after", "before", "as", "while", "unless")
            for c in tok.children
        ):
            return [], False
        return subject(h, depth + 1)
    if tok.dep_ == "relcl" and h.pos_ in ("NOUN", "PROPN"):
        return conj_expand(h), False
    if tok.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN") and tok.tag_ == "VBG":
        if h.lemma_.lower() in STATEMENT_NOUNS and h.dep_ in ("dobj", "nsubjpass"):
            return subject(h.head, depth + 1)  # "X issued a declaration demanding that ..."
        return conj_expand(h), False
    return [], False


class Coder:
    """Finds candidate events in a sentence span."""

    def __init__(self) -> None:
        self.lex = load_lexicon()

    # ---- base codes -------------------------------------------------------------------------------------------
    def verb_code(self, t: Token) -> tuple[Code, list[Token]] | None:
        lex = self.lex
        lemma = t.lemma_.lower()
        if lemma in ("send", "dispatch", "deploy") and any(
            c.dep_ in ("xcomp", "advcl")
            and c.lemma_.lower() in ("investigate", "probe", "inspect", "examine")
            for c in t.children
        ):
            return Code("ACCUSE", "investigate"), [t]  # "sent experts to investigate the attacks"
        obj = _obj(t)
        if _crime_committed(t):
            return None
        if lemma in ("release", "issue", "publish") and obj is not None and obj.lemma_.lower() in DOCUMENTS:
            return None  # "released a joint statement criticising ...": the statement is no release of people
        for c in t.children:
            if c.dep_ in ("prt", "prep") or (lemma == "let" and c.lower_ in ("free", "go")):
                key = f"{lemma} {c.lower_}"
                if key in lex.phrasal:
                    code = lex.phrasal[key]
                    if key == "call off" and obj is not None and obj.lemma_.lower() in CONCESSION_OBJECTS:
                        code = Code("CONCEDE")
                    if key == "hand over" and obj is not None and obj.lemma_.lower() in AID_OBJECTS:
                        code = Code("AID")
                    return code, [t, c]
        objs = [obj] if obj is not None else []
        if lemma in ("give", "grant") and obj is not None:  # "granted the DSS, permission to detain"
            objs += [c for c in t.children if c.dep_ in ("dobj", "npadvmod", "appos") and c is not obj]
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
            for key in (f"{lemma} {o.lemma_.lower()}", f"{lemma} {o.lower_}"):
                if key in lex.verb_objects:
                    code = lex.verb_objects[key]
                    if code.mode == "access" and any(
                        p.lemma_.lower() in PEOPLE_IN_NEED or p.ent_type_ == "NORP"
                        for p in _prep_objs(t, {"to"})
                    ):
                        code = Code("AID", None, ("asylum",))  # "opened its borders to refugees"
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
        if lemma in GIVE_VERBS and obj is not None and obj.lemma_.lower() in AID_OBJECTS:
            return Code("AID"), [t, obj]
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
        lemma = n.lemma_.lower()
        code = self.lex.nouns.get(n.lower_) or self.lex.nouns.get(lemma)
        if code is None:
            return None
        comp = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod")}
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

    # ---- the sentence -------------------------------------------------------------------------------------------
    def candidates(self, sent: Any) -> list[Candidate]:
        out: list[Candidate] = []
        consumed: set[int] = set()
        toks = list(sent)
        # 1. wrappers (PLOVER rules: offers are AGREE, calls are REQUEST, refusals REJECT, threats THREATEN)
        for w in toks:
            cand = self._wrapper(w)
            if cand is not None:
                out.append(cand)
                consumed.update(t.i for t in cand.words)
                if cand.inner is not None:
                    consumed.add(cand.inner.i)
                    # "agreed to share information and cooperate": conjoined complements belong to the wrapper
                    consumed.update(c.i for c in cand.inner.children if c.dep_ == "conj" and c.pos_ == "VERB")
        # 2. evaluations inside reported speech ("Vance said Moscow was overreaching")
        for r in toks:
            cand = self._evaluation(r)
            if cand is not None and cand.trigger.i not in consumed:
                out.append(cand)
                consumed.update(t.i for t in cand.words)
        # 3. plain triggers
        for t in toks:
            if t.i in consumed:
                continue
            got = self.base(t)
            if got is None:
                continue
            code, words = got
            if any(w.i in consumed for w in words[1:]):
                continue
            cand = self._plain(t, code, words)
            if cand is not None:
                out.append(cand)
                consumed.update(w.i for w in words)
        # 4. event nouns with an occurrence verb, or outcomes of talks
        for n in toks:
            if n.i in consumed or n.pos_ not in ("NOUN", "PROPN"):
                continue
            ncode = self.noun_code(n)
            if ncode is None:
                continue
            cand = self._noun(n, ncode)
            if cand is not None:
                out.append(cand)
                consumed.add(n.i)
        return out

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
        for holder in (pred, noun_obj):
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

    AMBIGUOUS = {
        "fight", "hit", "target", "free", "back", "support", "welcome", "host", "mass", "suspend", "dismiss",
        "sentence", "charge", "execute", "beat", "shell", "wound", "injure", "kill", "discuss", "grant", "capture",
        "close", "shut", "block", "return", "challenge", "defend", "approve", "restrict", "call", "deny", "burn",
        "contest", "object", "strike", "release", "award", "storm", "pound", "accept", "reverse", "comply",
    }  # fmt: skip

    def _plain(self, t: Token, code: Code, words: list[Token]) -> Candidate | None:
        lemma = t.lemma_.lower()
        if lemma == "offer" and not self._offer_ok(t):
            return None
        if lemma in L.REPORTING and code.event != "ACCUSE" and len(words) == 1:
            return None
        if lemma in self.AMBIGUOUS and len(words) == 1:
            # ambiguous verbs need an object, a passive subject or a prepositional object
            if not any(c.dep_ in ("dobj", "nsubjpass", "prep", "dative") for c in t.children):
                return None
        if lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in t.children):
            return None
        if lemma == "return" and len(words) == 1 and _obj(t) is None:
            return None  # "negotiators return to Geneva" is travel, not a return of property
        if lemma == "allow" and len(words) == 1:
            obj = _obj(t)
            if obj is None:
                return None
            if obj.lemma_.lower() in ACCESS_OBJECTS:
                code = Code("RETREAT", "access")
            elif any(c.dep_ in ("xcomp", "ccomp") for c in t.children) or any(
                c.dep_ in ("acl", "xcomp") for c in obj.children
            ):
                code = Code("CONCEDE")  # "allowed the opposition leader to hold a rally"
            else:
                return None
        if lemma in ("call", "phone", "telephone") and code.event == "CONSULT":
            # "called Netanyahu to congratulate him": the purpose of the call is the event
            for c in t.children:
                if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB":
                    got = self.verb_code(c)
                    if got is not None and got[0].event in ("SUPPORT", "CONCEDE"):
                        return self._mk(t, got[0], [t, c], t, confidence=0.7)
        if lemma == "call" and code.event == "CONSULT":
            obj = _obj(t)
            if (
                obj is None
                or obj.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP")
                or any(c.dep_ in ("oprd", "ccomp") for c in t.children)
            ):
                return None
        conf = 0.8 if len(words) == 1 else 0.85
        cand = self._mk(t, code, words, t, confidence=conf)
        if lemma in ("host", "receive") and code.event == "CONSULT" and len(words) == 1:
            # PLOVER: the visitor is the actor and the host the recipient ("Erdogan hosted Putin in Ankara")
            guests = [r for r in cand.recipients if r.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")]
            if not guests:
                return None
            cand.actors, cand.recipients = guests, cand.actors
            cand.code = Code("CONSULT", "visit", code.context)
        if (
            lemma in ("clash", "fight", "negotiate", "meet", "cooperate", "collaborate")
            and not cand.recipients
        ):
            cand.all_actors = True
        return cand

    def _offer_ok(self, t: Token) -> bool:
        if any(c.dep_ in ("xcomp",) for c in t.children):
            return True
        obj = _obj(t)
        return obj is not None and (obj.lemma_.lower() in L.OFFER_OBJECTS or self.noun_code(obj) is not None)

    def _wrapper(self, w: Token) -> Candidate | None:
        lemma = w.lemma_.lower()
        if _crime_committed(w):
            return None
        kind = None
        if w.pos_ in ("VERB", "AUX"):
            if lemma in L.AGREE_WRAPPERS or lemma == "invite":
                kind = "AGREE"
            elif lemma in L.REQUEST_WRAPPERS and lemma not in ("want",):
                kind = "REQUEST"
            elif lemma in L.REJECT_WRAPPERS:
                kind = "REJECT"
            elif lemma in L.THREATEN_WRAPPERS:
                kind = "THREATEN"
            elif lemma == "warn":
                kind = "WARN"
            elif lemma == "fail":
                kind = "FAIL"
            elif lemma == "order":
                kind = "ORDER"
            elif lemma == "prepare" and any(c.dep_ in ("auxpass", "xcomp") for c in w.children):
                kind = (
                    "AGREE"  # "was prepared for a ceasefire"; "prepared to resume shelling" is MOBILIZE below
                )
        elif w.pos_ == "ADJ" and lemma in L.WILLING_ADJ:
            kind = "AGREE"
        elif w.pos_ == "NOUN" and lemma in L.WILLING_NOUNS:
            kind = "AGREE"
        elif (
            w.pos_ == "NOUN"
            and lemma in REQUEST_NOUNS
            and w.head.lemma_.lower() not in ANSWERING_VERBS
            and (
                any(c.dep_ in ("acl", "ccomp") for c in w.children)
                or (w.dep_ == "dobj" and any(c.dep_ == "ccomp" for c in w.head.children))
            )
        ):
            kind = "REQUEST"  # "reiterated its demand that Israel ease restrictions"
        if kind is None:
            return None
        if w.pos_ in ("VERB", "AUX") and kind in ("AGREE", "REJECT"):
            got = self.verb_code(w)
            if got is not None and len(got[1]) > 1 and got[1][1].dep_ in ("dobj", "prt", "prep"):
                return None  # a fixed phrase decides: "accepted demands" is CONCEDE
        if lemma == "ask" and any(t.lower_ == "too" for t in w.subtree):
            return None  # "asking for too much" is an evaluation, not a request
        if lemma == "rule" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in w.children):
            return None
        comp = self.complement(w)
        if lemma == "call" and comp is None:
            return None
        if (
            lemma == "call"
            and not any(
                c.dep_ == "prep"
                and c.lower_ in ("for", "on", "upon")
                and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)
                for c in w.children
            )
            and (_obj(w) is not None or not any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in w.children))
        ):
            return None  # "called Erdogan to convey support" is a phone call, not a request
        if lemma in ("ask", "press", "push", "order", "encourage", "insist") and comp is None:
            return None
        if (
            lemma == "call"
            and comp is not None
            and comp.pos_ in ("PROPN", "NOUN")
            and comp.ent_type_ in ("PERSON", "ORG")
        ):
            if any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in w.children):
                return None  # "a delegation called on the party president" is a visit, coded below
        got = self.inner_code(comp) if comp is not None else None
        inner, inner_words = got if got else (None, [])
        inner_tok = inner_words[0] if inner_words else comp
        if kind == "AGREE":
            if w.pos_ in ("ADJ", "NOUN") and comp is None:
                return None
            if lemma == "offer" and not self._offer_ok(w) and inner is None:
                return None
            if lemma in ("accept", "propose", "undertake") and inner is None:
                return None
            if (
                w.pos_ in ("ADJ", "NOUN")
                and inner is None
                and comp is not None
                and comp.lemma_ not in ("peace", "compromise", "dialogue")
            ):
                if comp.pos_ != "VERB":
                    return None
            # willingness and offers are AGREE; a promise or pledge of a retreat is CONCEDE; a pledge of support is SUPPORT
            willing = w.pos_ in ("ADJ", "NOUN") or lemma in (
                "prepare",
                "offer",
                "agree",
                "consent",
                "volunteer",
                "invite",
            )
            if inner is not None and inner.event in ("RETREAT", "CONCEDE") and not willing:
                code = Code("CONCEDE")
            elif (
                inner is not None
                and inner.event == "SUPPORT"
                and inner_words
                and (
                    inner_words[0].pos_ == "NOUN" or lemma in ("commitment", "committed", "pledge", "promise")
                )
            ):
                code = Code("SUPPORT")
            elif lemma == "agree" and inner_words and concluded_deal(inner_words[0]):
                code = Code("SUPPORT")  # "agreed to a rollover trade deal": a concluded agreement
            else:
                code = Code("AGREE")
            if inner is not None and inner.event in L.CONFLICT and inner.event not in ("REQUEST",):
                if lemma in ("vow", "swear", "pledge", "promise") and inner.event in (
                    "ASSAULT",
                    "COERCE",
                    "MOBILIZE",
                    "SANCTION",
                ):
                    code = Code("THREATEN", self.threat_mode(inner))  # "vowed to retaliate", "sworn to fight"
                elif lemma == "prepare" and inner.event == "ASSAULT":
                    code = Code("MOBILIZE", "troops", ("military",))  # "the army prepared to resume shelling"
                elif inner.event == "MOBILIZE" and lemma in ("offer", "agree", "promise", "pledge", "commit"):
                    code = Code("AGREE", None, ("military",))  # "offered to send troops to help"
                else:
                    return None  # "agreed to impose sanctions": the inner event is coded, flagged future
        elif kind == "ORDER":
            # a court or government ordering an arrest, a release or an inquiry does it; other orders are REQUEST
            if inner is not None and (
                inner.event in ("COERCE", "ACCUSE", "ASSAULT", "SANCTION", "MOBILIZE")
                or inner.mode == "release"
            ):
                return None
            if comp is None or (comp.pos_ != "VERB" and inner is None):
                return None
            code = Code("REQUEST", self.request_mode(inner, inner_tok))
        elif kind == "FAIL":
            if inner is None or inner.event != "AGREE":
                return None
            code = Code("REJECT")  # "failed to reach agreement" (as the PLOVER gold standard codes it)
        elif kind == "REQUEST":
            code = Code("REQUEST", self.request_mode(inner, inner_tok))
        elif kind == "REJECT":
            if lemma in ("resist", "oppose") and inner is None:
                return None
            mode = self.request_mode(inner, inner_tok)
            if (
                lemma == "reject"
                and comp is not None
                and comp.lemma_.lower()
                in (
                    "offer",
                    "proposal",
                    "plan",
                    "demand",
                    "request",
                    "call",
                    "invitation",
                    "talks",
                    "deal",
                    "ceasefire",
                    "truce",
                )
            ):
                mode = mode or ("meet" if comp.lemma_.lower() in ("talks", "invitation") else None)
            code = Code("REJECT", mode)
        elif kind == "THREATEN":
            code = Code("THREATEN", self.threat_mode(inner))
        else:  # warn
            if comp is None:
                return None
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "must") for c in comp.children):
                mode = (
                    self.request_mode(inner, inner_tok)
                    if inner is not None and inner.event != "CONSULT"
                    else None
                )
                code = Code("REQUEST", mode)
            elif inner is not None and inner.event in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE"):
                code = Code("THREATEN", self.threat_mode(inner))
            elif comp.lemma_.lower() in ("consequence", "retaliation", "response", "reprisal"):
                code = Code("THREATEN")
            else:
                return None
        pred = w
        if w.pos_ in ("ADJ", "NOUN"):
            pred = w.head if w.dep_ in ("acomp", "dobj", "attr", "pobj", "oprd") else w
            if w.dep_ == "pobj":
                pred = w.head.head
        cand = self._mk(
            w,
            Code(
                code.event, code.mode, tuple(dict.fromkeys(code.context + (inner.context if inner else ())))
            ),
            [w],
            pred,
        )
        if w.pos_ == "NOUN":  # "Ukraine's readiness to act"
            poss = [c for c in w.children if c.dep_ == "poss"]
            if poss:
                cand.actors = conj_expand(poss[0])
        if kind in ("REQUEST", "WARN") and code.event == "REQUEST":
            cand.recipients = []
            obj = _obj(w)
            if obj is not None and comp != obj and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                cand.recipients = conj_expand(obj)
            for c in w.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                    cand.recipients = [p for c2 in c.children if c2.dep_ == "pobj" for p in conj_expand(c2)]
            if not cand.recipients and comp is not None and comp.pos_ == "VERB":
                subj = [c for c in comp.children if c.dep_ in ("nsubj",)]
                if subj:
                    cand.recipients = conj_expand(subj[0])
            if not cand.recipients and comp is not None and comp.pos_ in ("NOUN",):
                for p in _prep_objs(comp, {"from", "of", "by"}):
                    if p.pos_ == "PROPN":
                        cand.recipients = conj_expand(p)
        elif comp is not None and inner is not None:
            # recipients of the inner event: "agreed to hold talks with Kyiv"
            holder = comp
            inner_recips: list[Token] = []
            for h in {holder, *inner_words}:
                if h.pos_ == "VERB":
                    o = _obj(h)
                    if o is not None and o not in inner_words and o.pos_ in ("PROPN", "PRON"):
                        inner_recips.extend(conj_expand(o))
                inner_recips.extend(
                    p for p in _prep_objs(h, PREP_BY_TYPE.get(inner.event, set())) for p in conj_expand(p)
                )
            if inner_recips:
                cand.recipients = inner_recips
        if kind == "REJECT" and comp is not None and not cand.recipients:
            poss = [c for c in comp.children if c.dep_ == "poss"]
            if poss:
                cand.recipients = conj_expand(poss[0])
        cand.words = [w, *inner_words] if inner_words else [w]
        cand.inner = comp
        cand.rule = f"wrapper:{kind.lower()}"
        cand.confidence = 0.75 if inner is not None else 0.65
        if comp is not None and comp.pos_ in ("VERB", "AUX"):
            cand.size_nouns = [c for c in comp.children if c.dep_ in ("dobj", "nsubjpass")]
        return cand

    def _evaluation(self, r: Token) -> Candidate | None:
        lemma = r.lemma_.lower()
        if r.pos_ != "VERB":
            return None
        # "viewed these demands as unreasonable", "framed the prisoner swap as a success"
        if lemma in (
            "view",
            "see",
            "consider",
            "describe",
            "call",
            "frame",
            "brand",
            "label",
            "deem",
            "regard",
            "portray",
            "hail",
            "characterize",
        ):
            for c in r.children:
                if c.dep_ == "prep" and c.lower_ == "as":
                    for p in c.children:
                        word = p.lemma_.lower()
                        if word in L.NEG_EVAL_ADJ or (p.pos_ == "ADJ" and word in L.NEG_EVAL_ADJ):
                            cand = self._mk(
                                r, Code("ACCUSE", "disapprove"), [r, p], r, confidence=0.6, rule="evaluation"
                            )
                            obj = _obj(r)
                            cand.recipients = (
                                [x for x in obj.children if x.dep_ == "poss"] if obj is not None else []
                            )
                            return cand
                        if word in L.POS_EVAL and not any(a.lower_ in ("less", "not") for a in p.subtree):
                            cand = self._mk(r, Code("SUPPORT"), [r, p], r, confidence=0.6, rule="evaluation")
                            cand.recipients = []
                            return cand
            return None
        if lemma not in L.REPORTING:
            return None
        speakers, _ = subject(r)
        if not speakers:
            return None
        for c in r.children:
            if c.dep_ != "ccomp":
                continue
            subj = [x for x in c.children if x.dep_ == "nsubj"] or [
                x for x in c.children if x.dep_ == "nsubjpass"
            ]
            if not subj or subj[0].pos_ not in ("PROPN", "NOUN"):
                continue
            neg = c.lemma_.lower() in L.NEG_EVAL_VERBS
            if c.lemma_.lower() == "ask" and any(t.lower_ == "too" for t in c.subtree):
                neg = True
            if c.lemma_ == "be" and any(
                x.dep_ in ("acomp", "attr") and x.lemma_.lower() in L.NEG_EVAL_ADJ for x in c.children
            ):
                neg = True
            # "Russia says Israel must end attacks", "said a reform of the WHO was needed"
            must = any(x.dep_ in ("aux", "auxpass") and x.lower_ in ("must", "should") for x in c.children)
            needed = c.lemma_ in ("need", "require") and any(x.dep_ == "auxpass" for x in c.children)
            needed = needed or (
                c.lemma_ == "be"
                and any(
                    x.dep_ == "acomp" and x.lower_ in ("necessary", "needed", "essential", "vital")
                    for x in c.children
                )
            )
            if (must or needed) and not neg and subj[0].lower_ not in ("we", "i"):
                got = self.inner_code(c) if must else None
                inner, words = got if got else (None, [])
                mode = (
                    "change"
                    if needed and subj[0].lemma_ in ("reform", "change", "overhaul", "resignation")
                    else None
                )
                mode = mode or (
                    self.request_mode(inner, words[0] if words else c)
                    if inner is not None and inner.event != "CONSULT"
                    else None
                )
                cand = self._mk(r, Code("REQUEST", mode), [r, c], r, confidence=0.55, rule="reported-must")
                cand.actors = speakers
                cand.recipients = conj_expand(subj[0]) if subj[0].pos_ == "PROPN" or subj[0].ent_type_ else []
                for p in _prep_objs(subj[0], {"of"}):
                    cand.recipients = conj_expand(p)
                cand.inner = c
                return cand
            if neg:
                cand = self._mk(c, Code("ACCUSE", "disapprove"), [c], r, confidence=0.6, rule="evaluation")
                cand.actors = speakers
                cand.recipients = conj_expand(subj[0])
                return cand
        return None

    def _noun(self, n: Token, code: Code) -> Candidate | None:
        h = n.head
        hl = h.lemma_.lower()
        # "the talks were held", "clashes erupted", "talks between X and Y took place"
        if n.dep_ in ("nsubj", "nsubjpass") and hl in L.OCCUR | {"be"} and hl != "be":
            cand = self._noun_cand(n, code, h)
            return cand
        # outcomes: "the talks concluded with ... a prisoner exchange ... and a mutual agreement"
        anc = n
        for _ in range(4):
            anc = anc.head
            if anc.lemma_.lower() in L.OUTCOME_VERBS and anc.pos_ == "VERB":
                subj = [c for c in anc.children if c.dep_ == "nsubj"]
                if subj and subj[0].lemma_.lower() in (
                    "talk",
                    "talks",
                    "meeting",
                    "negotiation",
                    "summit",
                    "round",
                    "discussion",
                ):
                    ecode = Code("AGREE", None, code.context)
                    cand = self._noun_cand(n, ecode, anc)
                    cand.rule = "outcome"
                    cand.actors = []
                    cand.confidence = 0.6
                    cand.all_actors = True
                    cand.size_nouns = [
                        c for c in n.children if c.dep_ == "acl" for c in c.children if c.dep_ == "dobj"
                    ]
                    return cand
            if anc.head == anc:
                break
        # "a mutual agreement to consider", "the deal signed by"
        if code.event == "AGREE" and any(c.lemma_ == "mutual" for c in n.children):
            cand = self._noun_cand(n, code, n)
            cand.all_actors = True
            cand.confidence = 0.55
            return cand
        return None

    def _noun_cand(self, n: Token, code: Code, pred: Token) -> Candidate:
        actors: list[Token] = []
        recips: list[Token] = []
        for c in n.children:
            if c.dep_ == "poss":
                actors = conj_expand(c)
            if c.dep_ == "amod" and c.pos_ in ("ADJ", "PROPN") and c.text[:1].isupper():
                actors = conj_expand(c)
        for p in _prep_objs(n, PREP_BY_TYPE.get(code.event, set()) | {"between", "by"}):
            if p.head.lower_ in ("between", "by"):
                actors = conj_expand(p)
            else:
                recips.extend(conj_expand(p))
        cand = Candidate(
            n,
            code,
            [n],
            actors,
            recips,
            chain=_chain(pred) if pred != n else [],
            anchor=pred,
            confidence=0.6,
            rule="noun",
        )
        cand.all_actors = code.event in ("CONSULT", "ASSAULT", "AGREE") and not recips
        return cand


DEAL_NOUNS = {"agreement", "deal", "accord", "pact", "treaty", "text"}


def concluded_deal(n: Token) -> bool:
    """A concluded agreement ("reached a trade deal") rather than an agreement to act ("an agreement to consider")."""
    if n.lemma_.lower() not in DEAL_NOUNS:
        return False
    if n.head.lemma_.lower() not in (
        "reach",
        "strike",
        "conclude",
        "agree",
        "seal",
        "finalize",
        "clinch",
        "to",
        "on",
    ):
        return False
    return not any(
        c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children) for c in n.children
    )


def _chain(pred: Token) -> list[Token]:
    """The verbs governing ``pred`` up to the first reporting verb (their negation and modality apply)."""
    out = []
    t = pred
    for _ in range(5):
        if t.dep_ in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "prep", "acomp") and t.head != t:
            t = t.head
            if t.lemma_.lower() in L.REPORTING:
                break
            out.append(t)
        else:
            break
    return out
