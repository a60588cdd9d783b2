"""Pronouns and nominals ('he', 'the spokesperson') linked to an entity named before them.

Split out of :mod:`accords.actors.linker` (no behaviour change).
"""

from __future__ import annotations

from typing import Any

from accords.actors.descriptive import PERSON_NOUNS
from accords.actors.mentions import (
    PRONOUNS,
    _BuilderBase,
    _Ent,
    _is_subject,
    name_head,
)
from accords.actors.resolve import role_sector
from accords.actors.roles import HEADS, MODIFIERS
from accords.actors.surnames import word_gender
from accords.words import has_words


class _Anaphora(_BuilderBase):
    def _paragraph_state(self, char: int) -> str | None:
        """The state a paragraph is about: the subject of its first sentence, when that is a state."""
        p = self.paragraph_of(char)
        doc = self.doc
        if p < 0:
            lo = 0
        else:
            lo = self.para_bounds[p][0]
        first = next((s for s in doc.sents if s.start_char >= lo), None)
        if first is None or first.start_char > char:
            return None
        for e in first.ents:
            if e.root.dep_ in {"nsubj", "nsubjpass"} and e.label_ == "GPE":
                return self.gaz.country_of_name(e.text)
        return None

    # -- pronouns and nominals --------------------------------------------------------------------
    def _quoted_tokens(self) -> set[int]:
        """Token indices between quotation marks: a name the quoted words mention is no antecedent for a pronoun
        of the narrative around them ('“I can beat Hillary,” he said'), nor the other way round."""
        from accords.quotes.marks import find_segments

        paras = self.para_bounds or None
        out: set[int] = set()
        for seg in find_segments(self.doc.text, paras):
            for a, b in seg.pieces:
                span = self.doc.char_span(a, b, alignment_mode="contract")
                if span is not None:
                    out.update(range(span.start, span.end))
        return out

    def add_pronouns(self) -> None:
        doc = self.doc
        people = [e for e in self.ents.values() if e.type == "PERSON"]
        if not people:
            return
        self._quoted: set[int] = self._quoted_tokens()
        # Person mentions by token index.
        person_at: dict[int, _Ent] = {}
        for e in people:
            for s, end, _k in e.mentions:
                span = doc.char_span(s, end, alignment_mode="expand")
                if span is not None:
                    for t in span:
                        person_at[t.i] = e
        sents = list(doc.sents)
        _learn_genders(doc, person_at)
        for si, sent in enumerate(sents):
            for tok in sent:
                low = tok.lower_
                if low not in PRONOUNS or tok.pos_ != "PRON":
                    continue
                target = self._antecedent(tok, si, sents, person_at)
                if target is not None and target.gender and word_gender(low) not in (None, target.gender):
                    continue  # 'her' is not 'Mr. Clinton': no link rather than one of the other gender
                if target is not None:
                    self.mention(target, tok.idx, tok.idx + len(tok.text), "pronoun")
                    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                    if (
                        target.country in self.gaz.iso_codes
                        and low in {"his", "her"}
                        and nxt is not None
                        and (nxt.lower_ in {"country", "nation", "government"})
                    ):
                        # 'his country' is the state of the person it refers to.
                        self.mention(self.state(target.country), tok.idx, nxt.idx + len(nxt.text), "nominal")
        self._one_gender_pronouns(people)

    def _one_gender_pronouns(self, people: list[_Ent]) -> None:
        """A person no title or first name gave a gender keeps only the pronouns of the gender most of its linked
        pronouns have ('Keyworth ... he said she should call'; 'Sanders' holding one stray 'her'); a tie keeps none
        of the gendered ones, as there is no telling which are right."""
        text = self.work.record.article.text
        for e in people:
            if e.gender is not None:
                continue
            by_g: dict[str, list[tuple[int, int, str]]] = {}
            for m in e.mentions:
                g = word_gender(text[m[0] : m[1]]) if m[2] == "pronoun" else None
                if g:
                    by_g.setdefault(g, []).append(m)
            if len(by_g) < 2:
                continue
            m_n, f_n = len(by_g["m"]), len(by_g["f"])
            drop = by_g["m"] + by_g["f"] if m_n == f_n else by_g["f"] if m_n > f_n else by_g["m"]
            for m in drop:
                e.mentions.remove(m)
                self.taken.discard((m[0], m[1]))

    def _antecedent(self, tok: Any, si: int, sents: list[Any], person_at: dict[int, _Ent]) -> _Ent | None:
        para = self.paragraph_of(tok.idx)

        quoted: set[int] = getattr(self, "_quoted", set())
        inside = tok.i in quoted
        want = PRONOUNS.get(tok.lower_)

        def persons_in(
            sent: Any, before: int | None = None, skip: frozenset[int] = frozenset()
        ) -> list[tuple[Any, _Ent]]:
            """Persons named in ``sent`` on the pronoun's side of the quotation marks."""
            out = []
            for t in sent:
                if before is not None and t.i >= before:
                    break
                if t.i in person_at and (t.i in quoted) == inside and t.i not in skip:
                    out.append((t, person_at[t.i]))
            return out

        def fits(e: _Ent) -> bool:
            """Not of the other gender: 'he' after 'Hillary Clinton endorsed him' looks past her."""
            return not (want and e.gender and e.gender != want)

        def unnamed_subject(sent: Any, before: int | None = None) -> bool:
            """A singular person noun that is no name is the sentence's subject ('A representative for Mr. Pinchuk
            said ... He added'): a 'he' after it is more likely that person's than the one named beside it. A noun
            with a name in apposition ('The director of the centre, Ina Kirsch, said') is that named person."""
            return any(
                t.dep_ in {"nsubj", "nsubjpass"}
                and t.tag_ == "NN"
                and t.lemma_.lower() in PERSON_NOUNS
                and t.i not in person_at
                and not any(c.i in person_at for c in t.subtree if c.dep_ == "appos")
                and (before is None or t.i < before)
                for t in sent
            )

        def subject_like(t: Any) -> bool:
            """The subject, or a name in apposition to a person-noun subject ('The director, Ina Kirsch, said')."""
            if _is_subject(t):
                return True
            h = name_head(t)
            return h.dep_ == "appos" and any(
                a.dep_ in {"nsubj", "nsubjpass"} and a.lemma_.lower() in PERSON_NOUNS for a in h.ancestors
            )

        def pronoun_subject(sent: Any, cand: _Ent, before: int | None = None) -> bool:
            """A he/she of the pronoun's gender is the sentence's main subject and was not linked to ``cand`` ('He
            nodded to his finish behind Ted Cruz. ... he said'): the new pronoun continues it, not Cruz."""
            linked = {m[0] for m in cand.mentions}
            return any(
                t.dep_ in {"nsubj", "nsubjpass"}
                and t.head.dep_ == "ROOT"
                and PRONOUNS.get(t.lower_) == want
                and t.idx not in linked
                and t.i != tok.i
                and (before is None or t.i < before)
                for t in sent
            )

        def pronoun_before(sent: Any, first: Any, cand: _Ent) -> bool:
            """A he/she subject of the pronoun's gender comes before the one person the sentence names ('When he
            took the stage after Mr. Vander Plaats's introduction, he said'): the later pronoun continues it."""
            linked = {m[0] for m in cand.mentions}
            return any(
                t.dep_ in {"nsubj", "nsubjpass"} and PRONOUNS.get(t.lower_) == want and t.idx not in linked
                for t in sent
                if t.i < first.i
            )

        def choose(
            sent: Any, before: int | None = None, skip: frozenset[int] = frozenset(), strict: bool = False
        ) -> tuple[_Ent | None, bool]:
            """(person, whether to stop looking): the one subject person of fitting gender, else the one person the
            sentence names (not when a person noun is its subject). A person of the other gender makes no link and
            lets the search go back a sentence, but a lone fitting non-subject beside them is too weak a cue. A
            person in the words the pronoun's verb reports ends the search with no link: the speaker is someone
            else, and an earlier sentence's person is no better a guess."""
            every = persons_in(sent, before, skip)
            if skip and len(persons_in(sent, before)) > len(every):
                kept = [e for t, e in every if fits(e) and subject_like(t)]
                return (kept[0] if len({id(e) for e in kept}) == 1 else None), True
            if not every:
                return None, False
            found = [(t, e) for t, e in every if fits(e)]
            if not found:
                return None, False
            subj = [(t, e) for t, e in found if subject_like(t)]
            if len({id(e) for _t, e in subj}) == 1:
                return subj[0][1], True
            if before is not None:
                # the pronoun's own clause first: 'Melendres said ..., whereas Petraeus acknowledged that he knew'
                for verb in tok.ancestors:
                    near = {id(e): e for t, e in subj if _subject_of(t) == verb.i}
                    if len(near) == 1:
                        return next(iter(near.values())), True
                    if near:
                        break
            main = [e for t, e in subj if _main_subject(t)]
            if len({id(e) for e in main}) == 1:
                return main[0], True  # 'He dismisses claims that Trump exploited ...': he, not Trump
            if (
                not strict
                and len({id(e) for _t, e in every}) == 1
                and not unnamed_subject(sent, before)
                and not pronoun_subject(sent, found[0][1], before)
                and not pronoun_before(sent, found[0][0], found[0][1])
            ):
                return found[0][1], True
            return None, True

        # Same sentence, before the pronoun (not inside the words it reports); then the previous sentence(s) of
        # the same paragraph.
        reports = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in REPORTING_VERBS
        got, stop = choose(sents[si], tok.i, _reported_by(tok))
        if stop:
            return got
        for back in range(si - 1, max(-1, si - 3), -1):
            prev = sents[back]
            other = self.paragraph_of(prev.start_char) != para
            if other and (back != si - 1 or not reports):
                return None
            # a paragraph that opens with a quote its pronoun attributes ('"We will keep it open," she said'): the
            # subject of the last sentence before it, not a person that sentence merely mentions
            got, stop = choose(prev, strict=other)
            if stop:
                return got
        return None

    def add_nominals(self) -> None:
        """'the spokesperson', 'the minister' -> the one person already named with that title.

        A capitalised title with no named holder in the text ('The Foreign Secretary said', 'the Iraqi Prime
        Minister') becomes a PERSON entity of its own, named by the title, with the country a demonym gives.
        """
        doc = self.doc
        gaz = self.gaz
        people = [e for e in self.ents.values() if e.type == "PERSON" and e.role]
        n = len(doc)
        for tok in doc:
            if tok.lower_ != "the" or tok.i + 1 >= n:
                continue
            j = tok.i + 1
            code = None
            if doc[j].ent_type_ == "NORP":
                code = gaz.country_of_demonym(doc[j].text)
                if code is None:
                    continue
                j += 1
            while (
                j < n and doc[j].lower_ in MODIFIERS and doc[j].lower_ not in HEADS and not doc[j].ent_type_
            ):
                j += 1
            # Multi-word heads: 'Prime Minister', 'Foreign Secretary', 'Secretary of State'
            while (
                j + 1 < n
                and doc[j].lower_ in HEADS
                and doc[j + 1].lower_ in HEADS
                and not doc[j + 1].ent_type_
            ):
                j += 1
            if j >= n:
                continue
            head = doc[j]
            if head.lower_ not in HEADS or head.ent_type_ or (j + 1 < n and doc[j + 1].lower_ == "of"):
                continue
            if j + 1 < n and (doc[j + 1].ent_type_ == "PERSON" or doc[j + 1].pos_ == "PROPN"):
                continue  # a title before a name is handled with the name
            words = doc[tok.i + 1 : j + 1]
            if code is not None:
                words = doc[tok.i + 2 : j + 1]
            phrase = words.text.lower()
            start = tok.idx
            end = head.idx + len(head.text)
            cands = [
                e
                for e in people
                if has_words(e.role, phrase, hyphen_splits=False)
                and min(m[0] for m in e.mentions) < start
                and (code is None or e.country == code)
            ]
            if len(cands) == 1:
                self.mention(cands[0], start, end, "nominal")
                continue
            if cands or not all(t.text[:1].isupper() for t in words) or len(words) < 2:
                continue
            if any(
                t.lower_ in {"minister", "secretary", "president", "chancellor", "premier"} for t in words
            ):
                key = ("title", f"{code}:{words.text}")
                new = key not in self.ents
                ent = self.get(
                    key,
                    type="PERSON",
                    name=words.text,
                    country=code,
                    role=words.text,
                    sector=role_sector(words.text),
                )
                if new:
                    ent.names = []
                self.mention(ent, start, end, "nominal")


REPORTED_DEPS = {"ccomp", "parataxis"}
# Verbs that report words or thoughts ('he said', 'she wrote'); 'wasn't a solo effort - he was joined' reports none.
# A pick of the quotes stage's lexicon.SPEECH_VERBS (tests/actors/test_word_sets.py keeps it a pick), not all of
# it: 'show', 'find', 'call' ... take clauses that are no one's words; with all of it the entities of 32 of the 882
# PolNeAR train and pages dev articles change.
REPORTING_VERBS = {
    "say", "tell", "add", "write", "argue", "insist", "claim", "note", "explain", "declare", "state", "warn",
    "predict", "suggest", "assert", "contend", "maintain", "recall", "reply", "respond", "ask", "believe",
    "think", "acknowledge", "admit", "continue", "conclude", "complain", "concede", "tweet", "remark",
}  # fmt: skip


def _reported_by(tok: Any) -> frozenset[int]:
    """Tokens of the clause a subject pronoun's verb reports: in 'Trump isn't a conservative, he said' the speaker
    'he' is not Trump, whom his own words name."""
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.lemma_.lower() not in REPORTING_VERBS:
        return frozenset()
    verb = tok.head
    out: set[int] = set()
    for child in verb.children:
        if child.dep_ in REPORTED_DEPS:
            out.update(t.i for t in child.subtree)
    return frozenset(out)


def _learn_genders(doc: Any, person_at: dict[int, _Ent]) -> None:
    """Gender for persons no title or listed first name told ('Bernie Sanders', 'Reince Priebus'), from the one
    pattern where a pronoun is all but surely theirs: the name is the subject of a verb whose reported clause has a
    he/she subject ('Sanders said he would stay in the race'). Every such pronoun must agree."""
    votes: dict[int, set[str]] = {}
    ents: dict[int, _Ent] = {}
    for i, e in person_at.items():
        if e.gender is not None:
            continue
        t = doc[i]
        if t.dep_ not in {"nsubj", "nsubjpass"} or t.head.pos_ not in {"VERB", "AUX"}:
            continue
        for clause in t.head.children:
            if clause.dep_ != "ccomp":
                continue
            for sub in clause.children:
                g = PRONOUNS.get(sub.lower_)
                if g and sub.dep_ in {"nsubj", "nsubjpass"} and sub.i > t.i:
                    votes.setdefault(id(e), set()).add(g)
                    ents[id(e)] = e
    for key, gs in votes.items():
        if len(gs) == 1:
            ents[key].gender = next(iter(gs))


def _subject_of(t: Any) -> int | None:
    """Index of the verb a name token is the subject of (through compound name parts), else None."""
    h = name_head(t)
    return int(h.head.i) if h.dep_ in {"nsubj", "nsubjpass"} else None


def _main_subject(t: Any) -> bool:
    """The subject of the sentence's main verb, not of a clause inside it."""
    verb = _subject_of(t)
    return verb is not None and t.doc[verb].dep_ == "ROOT"
