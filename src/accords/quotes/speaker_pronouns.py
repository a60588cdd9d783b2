"""Binding for a speaker pronoun the actors stage linked to a person: a he/she cannot be a person its own verb
names as an object or inside the words it reports.

In '"...," he told Kim' the speaker is not Kim, the one told; in 'He said Kim is a single father' the speaker is
not Kim, whom the words name. A link that breaks this is dropped (the speaker stays unresolved: a wrong name is
worse than none).

Then the nearest antecedent (:func:`nearest_antecedent`, flags NEAREST, CLAUSE_SUBJECT, ORG_SPEAKER,
ORG_NAMED_PERSON): a he/she speaker is the nearest person who was the subject of a main clause (unless a finite
clause that holds the pronoun has a person of its gender as subject), and an it/they speaker the organisation that
spoke just before it.

Last, a they/we speaker with no link (PLURAL_NUMBER, WE_WRITER, PLURAL_NEARER): an earlier group it may copy agrees in
number, 'we' copies none, and a nearer main-clause subject naming people in the plural wins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from accords.quotes.lexicon import NOMINAL_SUBJ, SPEAKER_NOUNS
from accords.quotes.speaker_clauses import reported_subject
from accords.records import Entity

# the pronoun cannot be a person its own verb names as an object or in the words it reports
BINDING = True

# not a name inside quotation marks, a modifier ('the Lee campaign') or a relative / appositive aside
BINDING_NARROW = True

# the verb's dependents that are not its subject: objects, the one told, the reported clause
_BOUND_DEPS = {"dobj", "obj", "dative", "iobj", "ccomp", "parataxis", "xcomp", "pobj", "prep"}


def bound_out(head: Any, ent: Entity, quoted: Callable[[int], bool]) -> bool:
    """Does a name mention of ``ent`` lie in an object or the reported words of the verb ``head`` is subject of?
    ``quoted`` tells whether an offset is inside quotation marks (the resolver's pairing of the marks)."""
    if not BINDING or head.dep_ not in NOMINAL_SUBJ:
        return False
    verb = head.head
    spans = [(m.start, m.end) for m in ent.mentions if m.kind in ("name", "partial")]
    if not spans:
        return False
    for child in verb.children:
        if child.i == head.i or child.dep_ not in _BOUND_DEPS:
            continue
        for t in child.subtree:
            # after the pronoun only: a parse that hangs the sentence before it on its verb ('Kim, who served
            # under Lee: "...," he said'; 'Kim said, she thought') puts the antecedent itself there
            if t.i > head.i and any(a <= t.idx < b for a, b in spans) and not _in_adverbial(t, child):
                if BINDING_NARROW and _not_bound(t, child, spans, quoted):
                    continue
                return True
    return False


_DASHES = ("\u2014", "--", "\u2013")


def _not_bound(t: Any, top: Any, spans: list[tuple[int, int]], quoted: Callable[[int], bool]) -> bool:
    """A name the binding does not reach: inside quotation marks (the speaker may name himself: 'He says
    "... it's not Kim Lee."'), a modifier of another noun ('the Lee campaign'), or in the writer's aside within
    the words (a relative clause, an apposition to something else: 'X — itself a reply to Lee's slogan — was')."""
    if quoted(t.idx):
        return True
    before = [x.text for x in t.doc[t.sent.start : t.i]]
    if t.dep_ == "compound" and not any(a <= t.head.idx < b for a, b in spans):
        return True
    after = [x.text for x in t.doc[t.i + 1 : t.i + 20]]  # the parser may end the sentence inside the aside
    if before.count("(") > before.count(")") or (
        sum(before.count(d) for d in _DASHES) % 2 == 1 and any(d in after for d in _DASHES)
    ):
        return True  # between dashes or in parentheses: 'X — itself a reply to Lee's slogan — was'
    deep = False  # a word between the name and the apposition: the name is inside the aside, not the aside
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl") or (t.dep_ == "appos" and deep):
            return True
        deep = deep or t.dep_ not in ("compound", "flat", "poss", "case")
        t = t.head
    return False


def _in_adverbial(t: Any, top: Any) -> bool:
    """Is ``t`` inside an adverbial clause below ``top`` ('when asked how much Kim paid, "..." she said'): a
    circumstance around the words, which may name the speaker herself."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "advcl":
            return True
        t = t.head
    return False


# -- the nearest antecedent ------------------------------------------------------------------------------------
# he/she: the nearest subject of a main clause in this or the two sentences before, when it is a person of the
# pronoun's gender, is the speaker, over the actors stage's link to someone named further back or only inside a
# clause ('Rivers declined to say whether Stone was home the night Hale died. "...," he said': Rivers); a subject
# that names no one ('The Afro-Colombian journalist') stops the search, and a link to a person named by name in a
# later sentence than that subject stays
NEAREST = True
# it/they: an organisation that spoke in this or the sentence before, with no other main-clause subject after it,
# is the speaker ('..., the agency said. "...," it added')
ORG_SPEAKER = True
# he/she: a two-word 'organisation' opening with a first name of the pronoun's gender is a person the tagger
# mistyped ('Eduardo Sorrentino said ... He said'), as is its last word alone
ORG_NAMED_PERSON = True
# he/she in a subordinate clause: the subject of the finite clause that holds it, below the main clause, is nearer
# than the main clause's subject ('Cox says the actions would not have stopped the shootings Obama mentioned when
# he announced them': Obama), so NEAREST keeps the link or fallback there
CLAUSE_SUBJECT = True

_FINITE = ("VBD", "VBZ", "VBP")


def _main_subject(t: Any) -> bool:
    """Is ``t`` the subject of its sentence's main verb (or of a verb joined to it)?"""
    return t.dep_ in NOMINAL_SUBJ and _main_subject_verb(t.head)


def _clause_subject(res: Any, head: Any, low: str) -> bool:
    """Does a finite clause that holds the pronoun's own, below its sentence's main clause, have a person of the
    pronoun's gender as its subject?"""
    v = head.head
    while v.head.i != v.i and v.dep_ not in ("ROOT",):
        v = v.head
        if v.dep_ == "ROOT" or (v.dep_ == "conj" and _main_subject_verb(v)):
            return False
        finite = v.tag_ in _FINITE or any(c.dep_ == "aux" and c.tag_ in _FINITE + ("MD",) for c in v.children)
        subj = next((c for c in v.children if c.dep_ in NOMINAL_SUBJ), None)
        if not finite or subj is None or subj.pos_ == "PRON" or res._quoted(subj.idx):
            continue
        person = _as_person(res, _token_entity(res, subj), low)
        return person is not None and bool(res._gender_ok(person, low))
    return False


def _main_subject_verb(v: Any) -> bool:
    """Is ``v`` its sentence's main verb, or a verb joined to it ('said and added')?"""
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    return bool(v.dep_ == "ROOT")


def _window_start(head: Any, back: int) -> int:
    """The first token of the sentence ``back`` sentences before ``head``'s."""
    start = head.sent.start
    for _ in range(back):
        if start == 0:
            break
        start = head.doc[start - 1].sent.start
    return int(start)


def _token_entity(res: Any, t: Any) -> Entity | None:
    """The entity whose mention holds the token, else the one person whose surname it is ('says Long')."""
    hits = [m.entity for m in res._overlapping(t.idx, t.idx + len(t.text)) if m.start <= t.idx < m.end]
    if hits:
        return next((e for e in hits if e.type == "PERSON"), hits[0])
    from accords.quotes.speaker_names import surname_entity

    return surname_entity(res.record, t, t.idx)


def _as_person(res: Any, ent: Entity | None, low: str = "") -> Entity | None:
    """A PERSON entity, or the one person the tagger also named with this name or its last word (an 'ORG'
    'Dan Rivers' beside the person 'Rivers')."""
    if ent is None:
        return None
    if ent.type == "PERSON":
        return res._fullest(ent)
    last = ent.name.split()[-1] if ent.name.split() else ""
    same = {e.id: e for e in res.record.entities if e.type == "PERSON" and e.name in (ent.name, last)}
    if len(same) == 1:
        return next(iter(same.values()))
    if ORG_NAMED_PERSON and not same and ent.type == "ORG" and low:
        # 'Eduardo Sorrentino' (and then 'Sorrentino') the tagger took for an organisation: a first name of the
        # pronoun's gender opening a two-word name
        full = {
            e.id: e
            for e in res.record.entities
            if e.type == "ORG" and len(e.name.split()) == 2 and e.name.split()[-1] == last
        }
        if len(full) == 1:
            cand = next(iter(full.values()))
            from accords.actors.surnames import first_name_gender

            if first_name_gender(cand.name) == ("m" if low == "he" else "f"):
                return cand
    return None


def _candidates(res: Any, head: Any, back: int, spoke: bool = True) -> list[tuple[int, Entity | None, Any]]:
    """(offset, entity, token or None) of main-clause subjects outside quotation marks and of resolved speakers
    between the window's start and ``head``, nearest last."""
    first = _window_start(head, back)
    out: list[tuple[int, Entity | None, Any]] = []
    for t in head.doc[first : head.i]:
        # a pronoun is no antecedent of its own (its link may be the wrong one)
        if _main_subject(t) and t.pos_ != "PRON" and not res._quoted(t.idx) and not reported_subject(t):
            out.append((t.idx, _token_entity(res, t), t))
    lo = head.doc[first].idx
    for off, prev in res.history if spoke else []:
        if lo <= off < head.idx and prev.entity_id:
            out.append((off, res.record.entity(prev.entity_id), None))
    out.sort(key=lambda c: c[0])
    return out


def _same(a: Entity, b: Entity) -> bool:
    return a.id == b.id or a.name.split()[-1:] == b.name.split()[-1:]


def _next_sent(head: Any, off: int) -> int:
    """The index of the first token of the sentence after the one at character ``off``."""
    span = head.doc.char_span(off, off + 1, alignment_mode="expand")
    return int(span.sent.end) if span is not None else int(head.i)


def _named_after(res: Any, head: Any, ent: Entity, off: int) -> bool:
    """Is ``ent`` named by name in a sentence after the one at ``off`` and before ``head``? ('Lee agreed ...
    Kim's week was calmer. He said': the later name is the nearer one, whatever its role)"""
    i = _next_sent(head, off)
    after = head.doc[i].idx if i < head.i else head.idx
    return any(m.kind in ("name", "partial") and after <= m.start < head.idx for m in ent.mentions)


def _person_after(res: Any, head: Any, off: int, low: str) -> bool:
    """Is a person of the pronoun's gender the subject of any clause in a sentence after the one at ``off``,
    before ``head`` ('Lee said, "...". When asked how much Kim paid, "...," she said': Kim)?"""
    for t in head.doc[_next_sent(head, off) : head.i]:
        if t.dep_ in NOMINAL_SUBJ and not res._quoted(t.idx):
            person = _as_person(res, _token_entity(res, t), low)
            if person is not None and res._gender_ok(person, low):
                return True
    return False


def nearest_antecedent(res: Any, head: Any, linked: Entity | None) -> Entity | None:
    """The entity to take for a he/she/it/they speaker instead of the actors stage's link ``linked`` or the
    nearest-person fallback (None: keep them). :class:`accords.quotes.speakers.SpeakerResolver` calls this first."""
    low = head.text.lower()
    if NEAREST and low in ("he", "she"):
        if linked is not None and bound_out(head, linked, res._quoted):
            linked = None
        if CLAUSE_SUBJECT and not _main_subject(head) and _clause_subject(res, head, low):
            return None
        # main-clause subjects only: a speaker the quote stage found in a subordinate clause ('pointing out that
        # Lee had reported') is no better an antecedent than the clause's other names
        for off, ent, _ in reversed(_candidates(res, head, 2, spoke=False)):
            if ent is None or ent.type in ("NORP", "GROUP"):
                # 'The Afro-Colombian journalist ...': someone the text describes, who may be anyone
                return None
            person = _as_person(res, ent, low)
            if person is None or not res._gender_ok(person, low) or bound_out(head, person, res._quoted):
                continue
            if linked is not None and (_same(person, linked) or _named_after(res, head, linked, off)):
                return None
            if linked is None and _person_after(res, head, off, low):
                return None  # a person the sentences after it name is nearer: the fallback's answer
            return person
        return None
    if ORG_SPEAKER and low in ("it", "they") and linked is None and _main_subject(head):
        cands = _candidates(res, head, 2)
        spoke = [c for c in cands if c[2] is None]
        if not spoke:
            return None
        off, ent, _ = spoke[-1]
        end = next(p.end for o, p in res.history if o == off)
        # no other main-clause subject after the speaker's words ('..., the agency said. Critics say ... it')
        later = [c for c in cands if c[0] >= end and c[2] is not None and c[1] is not ent]
        ok = ("ORG",) if low == "it" else ("ORG", "GROUP")
        if ent is not None and ent.type in ok and not later:
            return ent
    return None


# -- they / we with no link: the group of an earlier speaker, or the nearest plural subject ----------------------
# a group copied from an earlier speaker agrees in number: 'the panel', 'the person' are no antecedent of 'they'
PLURAL_NUMBER = True
# 'we' is the writer (in running text) or the one quoted (inside quotation marks), not a group named before
WE_WRITER = True
# an earlier speaker group loses to a plural person noun that is a main-clause subject after its words ('Leading
# candidates said ... Senate Democrats, meanwhile, want ... They said': the Democrats)
PLURAL_NEARER = True


# a singular noun that counts people ('thirty percent said', 'about half say')
_COUNTED = {"people", "police", "staff", "percent", "half", "majority", "most", "rest", "public"}


def plural_open(head: Any) -> bool:
    """May a they/we speaker with no link take an earlier group at all?"""
    return not (WE_WRITER and head.lower_ in ("we", "us", "our"))


def _plural_person(res: Any, t: Any) -> bool:
    """A plural noun naming people, subject of a main clause outside quotation marks ('Senate Democrats')."""
    if t.tag_ not in ("NNS", "NNPS") or not _main_subject(t) or res._quoted(t.idx):
        return False
    return t.lemma_.lower() in SPEAKER_NOUNS or t.lower_ in SPEAKER_NOUNS or t.ent_type_ == "NORP"


def plural_prev_ok(res: Any, head: Any, prev: Any) -> bool:
    """May a they speaker copy the earlier speaker ``prev`` (a group named with no entity)?"""
    doc = head.doc
    span = doc.char_span(prev.start, prev.end, alignment_mode="expand")
    word = prev.name.split()[-1] if prev.name.split() else ""
    # the group's head noun: its name's last word ('executives' of 'executives who have worked with Murdoch')
    t = next((x for x in span if x.text == word), None) if span is not None else None
    if PLURAL_NUMBER and t is not None and t.tag_ in ("NN", "NNP") and t.lower_ not in _COUNTED:
        # 'Aides said', opening a sentence, may be tagged a proper noun
        if not (t.tag_ == "NNP" and t.lower_.endswith("s") and t.lower_ in SPEAKER_NOUNS):
            return False
    if PLURAL_NEARER:
        for t in doc[_next_token(doc, prev.end) : head.i]:
            if _plural_person(res, t):
                return False
    return True


def _next_token(doc: Any, off: int) -> int:
    span = doc.char_span(max(0, off - 1), off, alignment_mode="expand")
    return int(span.end) if span is not None else len(doc)
