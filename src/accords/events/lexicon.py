"""The PLOVER lexicon: trigger words per type and mode, and the word classes the coder's rules use.

The trigger tables live in ``data/lexicon.yaml`` (written for accords). The word classes below
(wrappers, reporting verbs, light verbs...) drive PLOVER's rules: an offer is AGREE, a call on
others to act is REQUEST, a refusal is REJECT, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
# SANCTION is coded as material conflict (quad 4): the SANCTION section of the PLOVER 2.0 manual says so and
# the PLOVER gold labels use 4; the manual's summary table (3) disagrees. See docs/events.md.

TYPES = tuple(QUAD)
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
CONFLICT = set(TYPES) - COOPERATIVE


@dataclass(frozen=True)
class Code:
    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Code:
        ctx: tuple[str, ...] = ()
        if "|" in text:
            text, c = text.split("|", 1)
            ctx = tuple(x.strip() for x in c.split(",") if x.strip())
        mode = None
        if ":" in text:
            text, mode = text.split(":", 1)
        event = text.strip().upper()
        if event not in QUAD:
            raise ValueError(f"unknown PLOVER type {event!r} in lexicon")
        return cls(event, mode or None, ctx)


@dataclass
class Lexicon:
    verbs: dict[str, Code] = field(default_factory=dict)
    phrasal: dict[str, Code] = field(default_factory=dict)
    verb_objects: dict[str, Code] = field(default_factory=dict)
    nouns: dict[str, Code] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load((resources.files("accords.events") / "data" / "lexicon.yaml").read_text("utf-8"))
    lex = Lexicon()
    for key in ("verbs", "phrasal", "verb_objects", "nouns"):
        table = getattr(lex, key)
        for word, code in (raw.get(key) or {}).items():
            table[str(word).lower()] = Code.parse(str(code))
    return lex


# Verbs whose complement carries the event and which turn it into another type (PLOVER rules).
AGREE_WRAPPERS = {
    "agree", "promise", "pledge", "vow", "offer", "commit", "consent", "volunteer", "undertake", "accept", "propose",
    "swear",
}  # fmt: skip
REQUEST_WRAPPERS = {
    "urge", "demand", "ask", "request", "appeal", "press", "push", "implore", "beg", "call",
    "encourage", "pressure", "pressurize", "pressurise", "exhort",
}  # fmt: skip
REJECT_WRAPPERS = {"refuse", "reject", "decline", "rebuff", "veto", "resist", "oppose", "rule"}
THREATEN_WRAPPERS = {"threaten"}
# Adjectives and nouns of willingness: "ready to", "prepared for", "readiness to" -> AGREE.
WILLING_ADJ = {"ready", "willing", "prepared", "open", "eager", "keen", "committed", "determined"}
WILLING_NOUNS = {
    "readiness", "willingness", "offer", "pledge", "promise", "commitment", "proposal", "desire", "intention",
}  # fmt: skip
# Transparent verbs: the complement's event is coded with its own actor.
REPORTING = {
    "say", "state", "announce", "confirm", "claim", "report", "add", "tell", "stress", "emphasize", "emphasise",
    "note", "declare", "write", "tweet", "explain", "argue", "comment", "reiterate", "indicate", "acknowledge",
    "reveal", "assert", "insist", "maintain", "suggest", "warn", "believe", "think", "know", "see", "hear", "learn",
    "show", "mention", "underline", "underscore", "describe", "admit", "deny", "recall",
}  # fmt: skip
ATTEMPT = {"try", "attempt", "seek", "move", "begin", "start", "continue", "resume", "manage", "help", "go"}
PLAN = {
    "plan",
    "intend",
    "expect",
    "aim",
    "hope",
    "wish",
    "prepare",
    "schedule",
    "set",
    "want",
    "mean",
    "consider",
}
FAIL = {"fail", "refrain", "neglect", "stop", "cease", "halt"}
# Light verbs: their object noun carries the event ("held talks", "imposed sanctions").
LIGHT = {
    "hold", "conduct", "have", "launch", "carry", "stage", "continue", "complete", "intensify", "step", "commence", "institute", "enforce", "introduce", "impose", "issue", "make", "take", "place", "put", "lay",
    "level", "file", "open", "express", "voice", "announce", "declare", "reach", "sign", "strike", "lift", "ease",
    "break", "organize", "organise", "arrange", "begin", "start", "resume", "join", "attend", "host", "give", "provide",
    "send", "deliver", "extend", "pay", "conclude", "finalize", "seal", "secure", "achieve", "agree", "broker", "mount",
    "lead", "order", "approve", "offer", "pledge", "propose", "initiate", "observe", "respect",
    "call", "implement", "perform", "undertake",
}  # fmt: skip
# Frames whose object nouns are outcomes agreed at talks: "the talks concluded with a prisoner exchange".
OUTCOME_VERBS = {
    "conclude",
    "end",
    "result",
    "produce",
    "yield",
    "bring",
    "deliver",
    "achieve",
    "secure",
    "reach",
}
OUTCOME_NOUNS = {"achievement", "result", "outcome", "breakthrough", "agreement", "deal", "progress"}
# Verbs of occurrence: "talks took place", "clashes erupted" make their subject noun an event.
OCCUR = {
    "take", "happen", "occur", "begin", "start", "resume", "continue", "erupt", "break", "end", "conclude", "open",
    "close", "hold", "collapse", "stall", "follow", "intensify", "escalate", "kill", "leave", "wound",
    "last", "rage", "flare", "proceed", "report",
}  # fmt: skip
# Negative evaluations: a speaker who says another party overreached or failed is accusing it.
NEG_EVAL_VERBS = {
    "overreach", "fail", "violate", "breach", "lie", "mislead", "provoke", "undermine", "sabotage", "stall", "betray",
    "renege", "bluff", "obstruct", "exaggerate", "escalate",
}  # fmt: skip
NEG_EVAL_ADJ = {
    "unreasonable", "unacceptable", "illegal", "illegitimate", "unrealistic", "irresponsible", "provocative",
    "unjustified", "absurd", "outrageous", "reckless", "hypocritical", "baseless", "unlawful", "aggressive",
    "responsible", "guilty", "culpable", "complicit",
}  # fmt: skip
POS_EVAL = {"success", "victory", "achievement", "step", "breakthrough", "milestone", "progress"}
# Objects that make "offer" an offer of cooperation (AGREE); "offered a stark appraisal" is not one.
OFFER_OBJECTS = {
    "help", "aid", "assistance", "support", "talk", "talks", "ceasefire", "truce", "deal", "mediation", "asylum",
    "loan", "concession", "plan", "proposal", "guarantee", "cooperation", "protection", "troops", "money", "refuge",
    "exchange", "compromise", "amnesty", "dialogue", "meeting", "negotiation", "service", "access", "peace",
}  # fmt: skip
# People acting collectively in the street: their demands are PROTEST, not REQUEST.
PROTESTERS = {
    "protester", "protestor", "demonstrator", "marcher", "crowd", "rioter", "striker", "activist", "thousand",
    "hundred", "supporter", "student", "worker",
}  # fmt: skip
