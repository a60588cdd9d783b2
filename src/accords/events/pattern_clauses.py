"""Trigger patterns over clauses: a wrapper verb with an event in its complement, and evaluations.

Split out of :mod:`accords.events.patterns` (no behaviour change).
"""

from __future__ import annotations

from accords.events import lexicon as L
from accords.events.lexicon import Code
from accords.events.pattern_codes import CoderBase
from accords.events.pattern_words import (
    ANSWERING_VERBS,
    CRITICS,
    PREP_BY_TYPE,
    REQUEST_NOUNS,
    Candidate,
    Token,
    _crime_committed,
    _obj,
    _prep_objs,
    concluded_deal,
    conj_expand,
    subject,
)

# Names that blame whoever is given them: "called Iraq a threat to world peace", "branded him a traitor".
BLAME_NAMES = {
    "threat", "terrorist", "criminal", "murderer", "liar", "dictator", "aggressor", "enemy", "danger", "menace",
    "pariah", "puppet", "butcher", "killer", "traitor", "thug", "tyrant", "fascist", "racist", "rogue", "obstacle",
    "provocation", "disgrace", "farce", "sham", "crime", "violation", "insult",
}  # fmt: skip
# Objects of a warned outcome that make the warning a threat of force.
WAR_NOUNS = {
    "war", "attack", "retaliation", "reprisal", "invasion", "force", "bloodshed", "countermeasure", "countermeasures",
}  # fmt: skip


def _subjunctive(w: Token) -> bool:
    """A "that" clause in the bare form or with "should"/"must": "insisted that Israel halt ..."."""
    return any(
        c.dep_ == "ccomp"
        and any(s.dep_ == "nsubj" for s in c.children)
        and (c.tag_ == "VB" or any(a.dep_ == "aux" and a.lower_ in ("should", "must") for a in c.children))
        and not any(a.dep_ == "aux" and a.lower_ not in ("should", "must") for a in c.children)
        for c in w.children
    )


def _warned_against(w: Token) -> Token | None:
    """The object of "against" after a warned party: "warned Taiwan against declaring independence"."""
    if _obj(w) is None:
        return None
    for c in w.children:
        if c.dep_ == "prep" and c.lower_ == "against":
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    return p
    return None


class ClausePatterns(CoderBase):
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
            elif lemma == "insist" and _subjunctive(w):
                kind = "REQUEST"  # "insisted that Israel halt settlement building"
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
        elif w.pos_ == "NOUN" and lemma in L.WILLING_NOUNS and w.head.lemma_.lower() not in ANSWERING_VERBS:
            kind = "AGREE"  # "rejected a UN proposal to sell oil" answers someone else's offer
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
        if lemma == "undertake" and not any(c.dep_ == "xcomp" for c in w.children):
            return None  # "undertook negotiations with": doing it (a light verb), not a promise to
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
        if (
            lemma
            in (
                "ask",
                "press",
                "push",
                "order",
                "encourage",
                "insist",
                "pressure",
                "pressurize",
                "pressurise",
                "exhort",
            )
            and comp is None
        ):
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
            willing = (
                w.pos_ in ("ADJ", "NOUN")
                or (lemma == "commit" and w.tag_ == "VBN")
                or lemma
                in (
                    "prepare",
                    "offer",
                    "agree",
                    "consent",
                    "volunteer",
                    "invite",
                )
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
            if (
                lemma in ("resist", "oppose")
                and inner is None
                and not (
                    lemma == "oppose"
                    and comp is not None
                    and comp.pos_ == "NOUN"
                    and comp.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP")
                )
            ):
                return (
                    None  # "opposed any military action against Iraq" rejects the action; a person is no plan
                )
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
            against = _warned_against(w)
            if against is not None:
                # "warned India against any military adventure": a coercive warning (PLOVER THREATEN)
                got = self.inner_code(against) if against.pos_ in ("VERB", "AUX") else None
                code = Code("THREATEN", self.threat_mode(got[0]) if got else None)
                comp = None
                inner, inner_words = None, []
            else:
                warned = self._warning(comp, inner, inner_tok)
                if warned is None:
                    return None
                code = warned
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
            if poss and poss[0].pos_ == "PRON" and w.dep_ == "dobj":
                # "the ILO reiterated its demand that ...": "its" is the subject of the clause
                owner, _ = subject(w.head)
                cand.actors = owner or conj_expand(poss[0])
            elif poss:
                cand.actors = conj_expand(poss[0])
        if kind in ("REQUEST", "WARN") and code.event == "REQUEST":
            cand.recipients = []
            obj = _obj(w)
            if obj is not None and comp != obj and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                cand.recipients = conj_expand(obj)
            for c in w.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                    called = [
                        p
                        for c2 in c.children
                        if c2.dep_ == "pobj" and c2.ent_type_ not in ("DATE", "TIME")  # not "on Tuesday"
                        for p in conj_expand(c2)
                    ]
                    cand.recipients = called or cand.recipients
            if not cand.recipients and comp is not None and comp.pos_ == "VERB":
                subj = [c for c in comp.children if c.dep_ in ("nsubj",)]
                if subj:
                    cand.recipients = conj_expand(subj[0])
            if not cand.recipients and comp is not None and comp.pos_ in ("NOUN",):
                for p in _prep_objs(comp, {"from", "of", "by"}):
                    if p.pos_ == "PROPN":
                        cand.recipients = conj_expand(p)
            if not cand.recipients:  # "appealed to the United Nations for more peacekeepers"
                cand.recipients = [p for p in _prep_objs(w, {"to"}) if p.pos_ == "PROPN" or p.ent_type_]
        elif comp is not None and inner is not None:
            # recipients of the inner event: "agreed to hold talks with Kyiv"
            holder = comp
            inner_recips: list[Token] = []
            for h in {holder, *inner_words}:
                if h.pos_ == "VERB":
                    o = _obj(h)
                    if o is not None and o not in inner_words and o.pos_ in ("PROPN", "PRON", "NOUN"):
                        inner_recips.extend(conj_expand(o))  # "threatened to ban opposition candidates"
                inner_recips.extend(
                    p for p in _prep_objs(h, PREP_BY_TYPE.get(inner.event, set())) for p in conj_expand(p)
                )
            if inner_recips:
                cand.recipients = inner_recips
        if kind == "WARN" and code.event == "THREATEN" and not cand.recipients:
            warned = _obj(w)  # "warned India against ...": the one warned is the target of the threat
            if warned is not None and warned.pos_ in ("PROPN", "NOUN"):
                cand.recipients = conj_expand(warned)
        if lemma == "invite":
            guest = _obj(w)  # "Jordan invited Israeli Prime Minister Yitzhak Rabin to visit Amman"
            if guest is not None and guest.pos_ in ("PROPN", "NOUN"):
                cand.recipients = conj_expand(guest)
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

    def _warning(self, comp: Token | None, inner: Code | None, inner_tok: Token | None) -> Code | None:
        """What a warning with a complement is: a demand ("must"), a threat of force, or nothing."""
        if comp is None:
            return None
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "must") for c in comp.children):
            mode = (
                self.request_mode(inner, inner_tok)
                if inner is not None and inner.event != "CONSULT"
                else None
            )
            return Code("REQUEST", mode)
        if inner is not None and inner.event in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE"):
            return Code("THREATEN", self.threat_mode(inner))
        if comp.lemma_.lower() in ("consequence", "retaliation", "response", "reprisal"):
            return Code("THREATEN")
        if comp.pos_ in ("VERB", "AUX") and any(
            x.dep_ in ("dobj", "attr") and x.lemma_.lower() in WAR_NOUNS for x in comp.children
        ):
            return Code("THREATEN", "violence")  # "warned Taiwan that a move to independence would mean war"
        return None

    def _evaluation(self, r: Token) -> Candidate | None:
        lemma = r.lemma_.lower()
        if r.pos_ != "VERB":
            return None
        if lemma in ("call", "brand", "label", "dub", "term"):
            # "the United States called Iraq a threat to world peace": a name of blame is an accusation
            obj = _obj(r)
            names = [c for c in r.children if c.dep_ == "oprd" and c.lemma_.lower() in BLAME_NAMES]
            if obj is not None and names:
                cand = self._mk(
                    r, Code("ACCUSE", "disapprove"), [r, names[0]], r, confidence=0.6, rule="naming"
                )
                cand.recipients = conj_expand(obj)
                return cand
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
            rejected = self._out_of_question(r, c)
            if rejected is not None:
                return rejected
            subj = [x for x in c.children if x.dep_ == "nsubj"] or [
                x for x in c.children if x.dep_ == "nsubjpass"
            ]
            if subj and any(x.lemma_.lower() in CRITICS for x in speakers):
                # "critics say he has used the uprising to stifle the opposition": an allegation against him
                cand = self._mk(c, Code("ACCUSE", "allege"), [c], r, confidence=0.55, rule="critics")
                # "Kremlin critics", "Erdogan's critics": the modifier is the accused, not the accuser
                owned = any(ch.dep_ in ("poss", "compound") for x in speakers for ch in x.children)
                cand.actors = [] if owned else speakers
                cand.recipients = conj_expand(subj[0])
                return cand
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

    def _out_of_question(self, r: Token, c: Token) -> Candidate | None:
        """ "said that removing the sanctions on Burma is out of the question": the speaker rejects the act."""
        if c.lemma_ != "be":
            return None
        out = [x for x in c.children if x.dep_ == "prep" and x.lower_ == "out"]
        if not out or not any(
            q.lemma_.lower() == "question" for p in out[0].children if p.lower_ == "of" for q in p.children
        ):
            return None
        subj = [x for x in c.children if x.dep_ in ("csubj", "nsubj", "nsubjpass")]
        if not subj:
            return None
        got = self.inner_code(subj[0])
        if got is None:
            return None
        inner, words = got
        cand = self._mk(
            c,
            Code("REJECT", self.request_mode(inner, words[0])),
            [c, *words],
            r,
            confidence=0.6,
            rule="rejection",
        )
        cand.recipients = [
            p for w in words for p in _prep_objs(w, PREP_BY_TYPE.get(inner.event, set()) | {"on", "against"})
        ]
        cand.inner = subj[0]
        return cand
