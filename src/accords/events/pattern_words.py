"""Word lists, the :class:`Candidate` event and helpers over the parse for the trigger patterns.

Split out of :mod:`accords.events.patterns` (no behaviour change).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from accords.events import lexicon as L
from accords.events.lexicon import Code

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
    "day", "week", "month", "hour",  # "launched 10 days of war games"
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
# Speakers whose claims about another party are allegations: "critics say he ...".
CRITICS = {"critic", "detractor", "opponent"}
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
GIVE_VERBS = {
    "provide", "deliver", "send", "give", "donate", "supply", "ship", "fly", "airlift", "hand", "distribute",
    "dispatch",
}  # fmt: skip
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
    "SANCTION": {"on", "against", "from", "with", "to"},
    "COERCE": {"on", "against", "from"},
    "ASSAULT": {"on", "against", "at"},
    "RETREAT": {"from", "to"},
    "CONCEDE": {"to", "with"},
    "MOBILIZE": {"against", "near", "to", "into", "along"},
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


def _fronted_subject(verb: Token) -> list[Token]:
    """The subject the parser hung on a fronted phrase: "With the signing of a memorandum, the Sudanese
    government and the rebels have agreed to ..." (the noun phrase between the last comma and the verb)."""
    first = verb
    while first.i > 0 and first.doc[first.i - 1].dep_ in ("aux", "auxpass", "neg", "advmod"):
        first = first.doc[first.i - 1]
    if first.i < 2 or first.doc[first.i - 1].is_punct:
        return []
    doc = verb.doc
    comma = next(
        (i for i in range(first.i - 1, max(verb.sent.start, first.i - 12) - 1, -1) if doc[i].text == ","),
        None,
    )
    if comma is None or comma == verb.sent.start:
        return []
    window = range(comma + 1, first.i)
    roots = [doc[i] for i in window if doc[i].head.i not in window]
    if len(roots) != 1:
        return []
    r = roots[0]
    if r.pos_ not in ("NOUN", "PROPN") or r.dep_ not in ("conj", "appos", "pobj", "dobj", "npadvmod"):
        return []
    if not any(a.i < comma for a in r.ancestors) or any(t.is_quote for t in doc[comma : first.i]):
        return []
    return conj_expand(r)


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
        return _fronted_subject(tok), False
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
