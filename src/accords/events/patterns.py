"""Trigger patterns over the dependency parse: which words code which PLOVER type, and who does it.

:func:`candidates` reads one sentence (a spaCy ``Span``) and returns :class:`Candidate` events:
a trigger, a PLOVER code, the head tokens of the actor and recipient phrases, and the chain of
governing verbs that the flags are read from. It knows nothing of the record; resolving the
heads to coded actors is :mod:`accords.events.parties`' job.
"""

from __future__ import annotations

from typing import Any

from accords.events import fallback
from accords.events import lexicon as L
from accords.events.lexicon import Code
from accords.events.pattern_clauses import ClausePatterns
from accords.events.pattern_codes import MOTION_VERBS, CoderBase
from accords.events.pattern_words import (
    ACCESS_OBJECTS,
    AID_OBJECTS,
    ANSWERING_VERBS,
    CONCESSION_OBJECTS,
    CRIMES,
    DEAL_NOUNS,
    DOCUMENTS,
    EVENT_HEADS,
    GIVE_VERBS,
    MEASURES,
    PEOPLE_IN_NEED,
    PREP_BY_TYPE,
    RAISING,
    RECIPIENT_OBJECTS,
    RECIPIENT_PREPS,
    REQUEST_NOUNS,
    STATEMENT_NOUNS,
    SUBJ,
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

# Names that lived here before the split stay importable from here.
__all__ = [
    "Token",
    "SUBJ",
    "RECIPIENT_PREPS",
    "CONCESSION_OBJECTS",
    "EVENT_HEADS",
    "RECIPIENT_OBJECTS",
    "ACCESS_OBJECTS",
    "RAISING",
    "STATEMENT_NOUNS",
    "ANSWERING_VERBS",
    "REQUEST_NOUNS",
    "PEOPLE_IN_NEED",
    "CRIMES",
    "_crime_committed",
    "MEASURES",
    "TROOPS",
    "DOCUMENTS",
    "GIVE_VERBS",
    "AID_OBJECTS",
    "PREP_BY_TYPE",
    "Candidate",
    "_obj",
    "_prep_objs",
    "conj_expand",
    "subject",
    "DEAL_NOUNS",
    "concluded_deal",
    "_chain",
    "CoderBase",
    "ClausePatterns",
    "Coder",
]


PERMIT_VERBS = {"allow", "permit", "let", "authorize", "authorise"}


class Coder(ClausePatterns):
    """Finds candidate events in a sentence span."""

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
                if t.lemma_.lower() in PERMIT_VERBS:
                    # "would not allow UN inspectors to visit its sites": the visit is the content of the permission
                    consumed.update(c.i for c in t.children if c.dep_ in ("ccomp", "xcomp"))
                    consumed.update(
                        x.i
                        for c in t.children
                        if c.dep_ == "dobj"
                        for x in c.children
                        if x.dep_ in ("acl", "xcomp")
                    )
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

    AMBIGUOUS = {
        "fight", "hit", "target", "free", "back", "support", "welcome", "host", "mass", "suspend", "dismiss",
        "sentence", "charge", "execute", "beat", "shell", "wound", "injure", "kill", "discuss", "grant", "capture",
        "close", "shut", "block", "return", "challenge", "defend", "approve", "restrict", "call", "deny", "burn",
        "contest", "object", "strike", "release", "award", "storm", "pound", "accept", "reverse", "comply", "battle",
        "question",
        "commute", "cede",
    }  # fmt: skip

    def _plain(self, t: Token, code: Code, words: list[Token]) -> Candidate | None:
        lemma = t.lemma_.lower()
        if lemma == "offer" and not self._offer_ok(t):
            return None
        if lemma in L.REPORTING and code.event != "ACCUSE" and len(words) == 1:
            return None
        if lemma in self.AMBIGUOUS and len(words) == 1:
            # ambiguous verbs need an object, a passive subject or a prepositional object
            allowed = ("dobj", "nsubjpass", "prep", "dative", *(("ccomp",) if lemma == "charge" else ()))
            if not any(c.dep_ in allowed for c in t.children):
                return None  # ("charged that the United States was behind the coup": an allegation)
        if lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in t.children):
            return None
        if lemma == "return" and len(words) == 1 and _obj(t) is None:
            return None  # "negotiators return to Geneva" is travel, not a return of property
        if lemma == "allow" and len(words) == 1:
            obj = _obj(t)
            if obj is None:
                # "decided to allow candidate Ouattara to participate" (parsed as a clause with its own subject)
                subjects = [
                    x
                    for c in t.children
                    if c.dep_ in ("ccomp", "xcomp")
                    for x in c.children
                    if x.dep_ == "nsubj" and x.pos_ in ("PROPN", "NOUN")
                ]
                if subjects:
                    if subjects[0].lemma_.lower() in ACCESS_OBJECTS:  # "allowed UN inspectors to resume work"
                        return self._mk(t, Code("RETREAT", "access"), words, t, confidence=0.7)
                    return self._mk(t, Code("CONCEDE"), words, t, confidence=0.7)
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
            guests = [
                r
                for r in cand.recipients
                if r.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                or fallback.NOUN_SECTOR.get(r.lemma_.lower()) == "GOV"  # "the visiting Thai prime minister"
            ]
            if not guests:
                return None
            cand.actors, cand.recipients = guests, cand.actors
            cand.code = Code("CONSULT", "visit", code.context)
        if lemma == "charge" and len(words) == 1 and _obj(t) is None:
            for c in t.children:  # "Iran charged that the United States was behind the coup": the one charged
                if c.dep_ == "ccomp":
                    cand.recipients = [x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")][:1]
                    cand.code = Code("ACCUSE", "allege")
        if lemma in MOTION_VERBS and code.event == "CONSULT" and code.mode != "visit":
            # "negotiators return to Geneva for talks": the place is where they meet, not a party
            cand.recipients = [r for r in cand.recipients if r.ent_type_ not in ("GPE", "LOC", "FAC")]
        if code.mode == "visit" and len(words) > 1 and words[1].lemma_.lower() in ("visit", "tour", "trip"):
            # "arrived in Moscow on a visit", "is on a visit to France": the host state is the recipient
            hosts = [
                x
                for x in t.subtree
                if x.ent_type_ == "GPE" and x.dep_ == "pobj" and x.head.lower_ in ("in", "to")
            ]
            cand.recipients = hosts[:1]
        if lemma == "welcome" and len(words) == 1:
            # "Yeltsin welcomed Chinese President Jiang Zemin to Moscow": hosting a visitor, not praise
            guest = _obj(t)
            if (
                guest is not None
                and (guest.ent_type_ == "PERSON" or fallback.NOUN_SECTOR.get(guest.lemma_.lower()) == "GOV")
                and any(p.ent_type_ == "GPE" for p in _prep_objs(t, {"to"}))
            ):
                cand.actors, cand.recipients = conj_expand(guest), cand.actors
                cand.code = Code("CONSULT", "visit")
        if (
            lemma in ("clash", "fight", "negotiate", "meet", "cooperate", "collaborate", *MOTION_VERBS)
            and not cand.recipients
        ):
            cand.all_actors = True
        return cand

    def _noun(self, n: Token, code: Code) -> Candidate | None:
        h = n.head
        hl = h.lemma_.lower()
        # "the talks were held", "clashes erupted", "talks between X and Y took place"
        if n.dep_ in ("nsubj", "nsubjpass") and hl in L.OCCUR | {"be"} and hl != "be":
            cand = self._noun_cand(n, code, h)
            if not cand.actors:  # "fighting raged between Sudanese troops and rebels"
                for p in _prep_objs(h, {"between"}):
                    cand.actors = conj_expand(p)
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
