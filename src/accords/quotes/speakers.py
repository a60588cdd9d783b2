"""Who said it: from the speaker's words in the text to an entity of the record.

When the actors stage provides ``accords.actors.entity_at`` / ``resolve_actor`` they are used; until then (or when
they answer nothing) a small fallback reads ``record.entities`` as it is: the PERSON mention overlapping the speaker
span, a surname to the fullest name that ends with it, a pronoun to the nearest person who was the subject of a
recent sentence, "the spokesperson" to the person the text gave that title, "Turkish officials" to an unnamed group
with its country. When in doubt the answer is None: a wrong name is worse than none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from accords.quotes.attribution import speaker_span
from accords.quotes.lexicon import FEMALE, FIRST, MALE, NOMINAL_SUBJ, PLURAL, SPEAKER_NOUNS
from accords.quotes.marks import find_segments
from accords.quotes.speaker_clauses import relative, reported_subject
from accords.quotes.speaker_countries import DEMONYMS, actors_fn, country_of, place_code
from accords.quotes.speaker_descriptions import org_for
from accords.quotes.speaker_names import name_fallback
from accords.quotes.speaker_orgs import org_named
from accords.quotes.speaker_pronouns import (
    bound_out,
    nearest_antecedent,
    plural_open,
    plural_prev_ok,
)
from accords.quotes.speakers_v7 import among_subject, antecedent, medium_author
from accords.records import Entity, Record, Speaker
from accords.words import has_words

# 'the board', 'the company': a body, so no person's title; nor does the fallback name it (an unnamed speaker
# called 'company' tells nothing)
_COLLECTIVE = frozenset("board council commission company firm team staff office".split())

# Speaker nouns that name a body, not one person's title: 'the campaign' is not the person whose role mentions it
_BODY_NOUNS = frozenset(
    """campaign statement government ministry delegation police army military committee party administration
    agency department court panel group""".split()
)


REL_SPAN = True
# the antecedent's words join the pronoun's even when the antecedent names an entity: off, as PolNeAR marks the pronoun
# (train six slices: content+speaker equal, exact source 0.698 on, 0.706 off; the pronoun names the entity anyway)
REL_WIDE = False
# An unnamed group whose words name two states ('Russian and Syrian officials') gets neither.
ONE_STATE = True


# Words that make a title another one: a vice president is not 'the president'. Not the actors stage's
# roles.MODIFIERS on purpose: those are all the words a title may carry ('foreign', 'senior', 'press'), and 'the
# minister' is the Foreign Minister, while 'associate', 'co' and 'lieutenant' (no modifiers there) make another title.
_QUALIFIERS = {
    "vice",
    "deputy",
    "assistant",
    "associate",
    "under",
    "lieutenant",
    "lt.",
    "acting",
    "co",
    "former",
}


def _role_fits(role: str, noun: str, span: str) -> bool:
    """Does the role hold the speaker's title noun ('the president': 'President', not 'Vice President' unless the
    speaker's words say 'vice' too; 'the Vermont senator' is no 'former senator')?"""
    if not has_words(role, noun, plural=True):
        return False
    said = {w.lower() for w in re.split(r"[\s-]+", span)}
    return not any(w in _QUALIFIERS and w not in said for w in re.split(r"[\s-]+", role.lower()))


def _title_before(before: str, noun: str) -> bool:
    """Does the text right before a name end in the title ``noun`` ('spokesperson Heorhii Tykhyi', 'the
    spokesman, John Smith', 'Secretary of State John Kerry', 'her tenure as secretary of state, Clinton')? Not when
    another lower-case word stands between ('one source who identified Sullivan': the source is not Sullivan)."""
    words = before.replace(",", " ").split()[-4:]
    low = [w.lower() for w in words]
    if noun not in low and noun + "s" not in low:
        return False
    k = max(i for i, w in enumerate(low) if w in (noun, noun + "s"))
    glue = ("of", "the", "for", "and")
    # after the noun: capitalised words, or the complement of its 'of' ('secretary of state, Clinton')
    return all(w[:1].isupper() or w in glue or low[j - 1] in glue for j, w in enumerate(words) if j > k)


@dataclass
class _Mention:
    start: int
    end: int
    entity: Entity


def _group_name(name: str) -> bool:
    """'Turkish officials' (or 'Officials' opening a sentence) ends in a common noun; 'Valve', named with no entity
    behind it, is no group."""
    words = name.split()  # a name of blanks (a whitespace token's) names no group
    return bool(words) and (words[-1][:1].islower() or words[-1].lower() in SPEAKER_NOUNS)


class SpeakerResolver:
    """Resolves speaker spans of one record, remembering the speakers it has resolved (for later pronouns)."""

    def __init__(self, record: Record, doc: Any) -> None:
        self.record = record
        self.doc = doc
        self.text = record.article.text
        self.mentions: list[_Mention] = sorted(
            (_Mention(m.start, m.end, e) for e in record.entities for m in e.mentions),
            key=lambda m: m.start,
        )
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        self.persons = [m for m in self.mentions if m.entity.type == "PERSON"]
        self.history: list[tuple[int, Speaker]] = []  # (offset, resolved speaker) in text order
        paras = [(p.start, p.end) for p in record.article.paragraphs]
        self._quotes = [piece for seg in find_segments(self.text, paras or None) for piece in seg.pieces]
        self._entity_at = actors_fn("entity_at")
        self._person_gender = actors_fn("person_gender")
        # the actors stage ran on this record: its entities are linked (surnames, pronouns) already
        self._linked = "actors" in record.extractors

    def _quoted(self, offset: int) -> bool:
        """Does ``offset`` fall between quotation marks?"""
        i = bisect.bisect_right(self._quotes, (offset, len(self.text) + 1)) - 1
        return i >= 0 and self._quotes[i][0] < offset < self._quotes[i][1]

    # -- entity lookups -------------------------------------------------------------------------------------
    def _overlapping(self, start: int, end: int) -> list[_Mention]:
        # mentions are sorted by start: only those starting within the longest mention's length can reach here
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if start < m.end]

    def _states(self, start: int, end: int) -> int:
        """How many states the groups, places and peoples named in [start, end) belong to."""
        types = ("GROUP", "GPE", "NORP")
        return len(
            {m.entity.country for m in self._overlapping(start, end) if m.entity.type in types} - {None}
        )

    def _fullest(self, ent: Entity) -> Entity:
        """A one-word PERSON name (a surname) to the one person the text names in full with that surname.

        Two such persons (Carly and Frank Fiorina, Bill and Hillary Clinton) leave the surname as it is: a wrong
        name is worse than none. When the actors stage linked the record, a surname it left on its own is its
        answer (it knows when each person was introduced), so nothing is joined here."""
        if ent.type != "PERSON" or len(ent.name.split()) > 1 or self._linked:
            return ent
        last = ent.name.lower().removesuffix("'s").removesuffix("’s")
        fuller = {
            m.entity.id: m.entity
            for m in self.persons
            if len(m.entity.name.split()) > 1
            and m.entity.name.lower().split()[-1].removesuffix("'s").removesuffix("’s") == last
        }
        return next(iter(fuller.values())) if len(fuller) == 1 else ent

    def _entity_for_span(
        self, start: int, end: int, head_start: int, head_noun: bool = False
    ) -> tuple[Entity | None, _Mention | None]:
        """The entity the speaker span names. ``head_noun``: the span's head is a common noun ('Donald Trump's
        campaign manager', 'the Trump campaign'): a person named before it is its modifier, not the speaker."""
        over = self._overlapping(start, end)
        at_head = [
            m
            for m in over
            if m.start <= head_start < m.end and m.entity.type in ("PERSON", "ORG", "GROUP", "GPE", "NORP")
        ]
        if at_head:
            # the name that holds the head word wins over a longer one beside it ('Clinton's spokesman Brian
            # Fallon': Fallon, not Clinton)
            best = next((m for m in at_head if m.entity.type == "PERSON"), at_head[0])
            return self._fullest(best.entity), best
        if head_noun:
            over = [m for m in over if m.entity.type != "PERSON"]
        if self._entity_at is not None:
            try:
                got = self._entity_at(self.record, start, end)
            except Exception:  # noqa: BLE001
                got = None
            if isinstance(got, Entity) and not (head_noun and got.type == "PERSON"):
                return got, None
        if not over:
            return None, None
        people = [m for m in over if m.entity.type == "PERSON"]
        pool = people or [m for m in over if m.entity.type in ("ORG", "GPE", "NORP", "GROUP")]
        if not pool:
            return None, None
        # the mention holding the head word, else the last one (the name comes after the title)
        at_head = [m for m in pool if m.start <= head_start < m.end]
        chosen = at_head[0] if at_head else pool[-1]
        if chosen.entity.type in ("GPE", "NORP") and not at_head:
            return None, None  # "Turkish officials": the state is a modifier, not the speaker
        return self._fullest(chosen.entity), chosen

    # -- the answer ---------------------------------------------------------------------------------------
    def resolve(self, head: Any, start: int, end: int) -> Speaker:
        """``head``: the speaker's head token; ``start``/``end``: the speaker span (character offsets)."""
        text = self.text[start:end]
        spk = Speaker(text=text, start=start, end=end)
        low = head.text.lower()
        moved = self._moved(head)
        if moved is not None:
            return moved
        if relative(head):
            # 'Jeb Bush, who announced ...': the words are 'who', the speaker is its antecedent
            ant = antecedent(head) if REL_SPAN else head.head.head
            a, b = speaker_span(ant)
            b = min(b, head.idx)
            while b > a and self.text[b - 1] in " ,\n":
                b -= 1
            self._copy(spk, self.resolve(ant, a, b))
            if REL_SPAN and a < b <= start and (REL_WIDE or spk.entity_id is None):
                # an antecedent that names no entity gives its words with the pronoun ('retailers that said'): the
                # record shows who speaks, and PolNeAR marks either; a named one keeps the pronoun's words alone
                spk.start, spk.text = a, self.text[a:end]
            return spk
        if head.pos_ == "PRON" or low in MALE | FEMALE | PLURAL:
            linked = self._linked_pronoun(start, end)
            near = nearest_antecedent(self, head, linked)  # speaker_pronouns
            linked = near if near is not None else linked
            if linked is not None and near is None and bound_out(head, linked, self._quoted):
                self.history.append((start, spk))
                return spk
            if linked is not None:
                self._from_entity(spk, linked, None)
            else:
                self._pronoun(spk, head)
        else:
            ent, mention = self._entity_for_span(start, end, head.idx, head.pos_ == "NOUN")
            if ent is None or (head.pos_ == "NOUN" and ent.type != "PERSON"):
                alt = name_fallback(self.record, head, start)  # speaker_names
                ent, mention = (alt, None) if alt is not None else (ent, mention)
            if ONE_STATE and ent is not None and ent.type == "GROUP" and self._states(start, end) > 1:
                ent = None  # 'Russian and Syrian officials': a group of two states' people, neither one's
            if ent is not None and ent.type == "PERSON":
                self._from_entity(spk, ent, mention)
            elif (
                ent is not None
                and ent.type in ("ORG", "GROUP")
                and mention is not None
                and mention.start <= head.idx
            ):
                self._from_entity(spk, ent, mention)
            elif not org_named(self, head, spk):  # speaker_orgs: 'Developer Acme', 'the firm, Acme Records'
                self._nominal(spk, head)
        self.history.append((start, spk))
        return spk

    def _moved(self, head: Any) -> Speaker | None:
        """The speaker when the parse's head is not the one who speaks (:mod:`accords.quotes.speakers_v7`): the
        subject counted among a relative pronoun's antecedent, the author of a medium a participle cue hangs on."""
        other = among_subject(head) if relative(head) else medium_author(head)
        if other is None or other.i == head.i:
            return None
        a, b = speaker_span(other)
        return self.resolve(other, a, b) if b <= head.idx else None

    def _from_entity(self, spk: Speaker, ent: Entity, mention: _Mention | None) -> None:
        spk.entity_id = ent.id
        spk.name = ent.name
        spk.role = ent.role
        spk.country = ent.country
        if mention is not None and spk.role is None and mention.start > spk.start:
            prefix = self.text[spk.start : mention.start].strip(" ,")
            self._role_from_prefix(spk, prefix)
        if spk.country is None:
            for m in self._overlapping(spk.start, spk.end):
                if m.entity.type in ("GPE", "NORP") and (mention is None or m.end <= mention.start):
                    spk.country = m.entity.country or country_of(m.entity.name)
                    if spk.country:
                        break

    def _role_from_prefix(self, spk: Speaker, prefix: str) -> None:
        words = prefix.split()
        if words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        # a leading state ("U.S.", "Ukraine's") is the country, not the role
        if words:
            first = words[0]
            code = country_of(first)
            if code is None and len(words) > 1:
                code = country_of(" ".join(words[:2]))
                if code:
                    words = words[2:]
            elif code:
                words = words[1:]
            if code and spk.country is None:
                spk.country = code
        role = " ".join(words).strip(" ,")
        if role and any(ch.isalpha() for ch in role) and len(role) < 80:
            spk.role = role

    def _linked_pronoun(self, start: int, end: int) -> Entity | None:
        """The person or group the actors stage linked this pronoun to, if it did."""
        if self._entity_at is None:
            return None
        for e in self.record.entities:
            for m in e.mentions:
                if (
                    m.start <= start
                    and end <= m.end
                    and m.kind == "pronoun"
                    and e.type in ("PERSON", "GROUP", "ORG")
                ):
                    return self._fullest(e)
        return None

    def _pronoun(self, spk: Speaker, head: Any) -> None:
        low = head.text.lower()
        if low in FIRST and low not in PLURAL:
            return  # "I" inside a quote: the speaker of the quote, left to the caller
        if low in PLURAL:
            if not plural_open(head):
                return  # 'we': the writer or the one quoted (speaker_pronouns)
            for _, prev in reversed(self.history[-6:]):
                if prev.name and prev.entity_id is None and prev.start < spk.start and _group_name(prev.name):
                    if plural_prev_ok(self, head, prev):  # number, a nearer plural subject (speaker_pronouns)
                        self._copy(spk, prev)
                        return
                    break
            # the nearest group that was the subject of a recent sentence: "Turkish officials ... They said"
            for tok in reversed(self.doc[max(0, head.sent.start - 80) : head.i]):
                if tok.dep_ not in NOMINAL_SUBJ or tok.tag_ not in ("NNS", "NNPS"):
                    continue
                if tok.lemma_.lower() in SPEAKER_NOUNS or tok.lower_ in SPEAKER_NOUNS:
                    tmp = Speaker(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text))
                    self._nominal(tmp, tok)
                    self._copy(spk, tmp)
                return
            return
        if low not in MALE | FEMALE:
            return  # 'another', 'one', 'it': no one the text named
        # he / she: the nearest person who was a subject or a speaker in the last few sentences
        sent_start = head.sent.start
        window_start = max(0, sent_start - 120)
        best: tuple[int, Entity] | None = None
        for tok in self.doc[window_start : head.i]:
            if tok.dep_ not in NOMINAL_SUBJ or tok.ent_type_ != "PERSON":
                continue
            if self._quoted(tok.idx):
                continue  # a person the quoted words talk about is not the one the narrative's 'he' is
            if reported_subject(tok):
                continue  # 'Luntz said Mr. Cameron had failed ... , he said': Cameron is talked about
            ent, _ = self._entity_for_span(tok.idx, tok.idx + len(tok.text), tok.idx)
            if ent is not None and ent.type == "PERSON" and self._gender_ok(ent, low):
                best = (tok.idx, ent)
        for off, prev in self.history:
            if prev.entity_id and off < spk.start and (best is None or off > best[0]):
                e = self.record.entity(prev.entity_id)
                if (
                    e is not None
                    and e.type == "PERSON"
                    and off >= self.doc[window_start].idx
                    and self._gender_ok(e, low)
                ):
                    best = (off, e)
        if best is not None:
            self._from_entity(spk, best[1], None)

    def _gender_ok(self, ent: Entity, pronoun: str) -> bool:
        """False when the person's gender is not the pronoun's: the actors stage's ``person_gender`` (titles, first
        name) when it tells, else the titles before the mentions ('Mr.' and 'she', 'Mrs.'/'Ms.' and 'he')."""
        g = self._person_gender(ent) if self._person_gender is not None else None
        if g in ("m", "f"):
            return (g == "m") == (pronoun in MALE)
        # the pronouns the actors stage linked to the person, when they all agree ('Fiorina' ... 'she', 'her')
        linked = {m.text.lower() for m in ent.mentions if m.kind == "pronoun"}
        if linked & (MALE | FEMALE) and not (linked & MALE and linked & FEMALE):
            return bool(linked & MALE) == (pronoun in MALE)
        titles: set[str] = set()
        for m in ent.mentions:
            words = self.text[max(0, m.start - 6) : m.end].split()
            titles.update(words[:2])
        male = bool(titles & {"Mr.", "Mr"})
        female = bool(titles & {"Mrs.", "Ms.", "Mrs", "Ms", "Miss"})
        if male != female:
            return male == (pronoun in MALE)
        # gender unknown: a bare surname that a person named in full also bears ('Clinton' beside Bill and Hillary
        # Clinton, left unjoined) may be anyone of that family, so it is no answer for 'he' or 'she'
        last = ent.name.lower()
        return len(ent.name.split()) > 1 or not any(
            len(m.entity.name.split()) > 1 and m.entity.name.lower().split()[-1] == last for m in self.persons
        )

    def _copy(self, spk: Speaker, other: Speaker) -> None:
        spk.entity_id, spk.name, spk.role, spk.country = (
            other.entity_id,
            other.name,
            other.role,
            other.country,
        )

    def _nominal(self, spk: Speaker, head: Any) -> None:
        if (org := org_for(self, head, spk.start)) is not None:  # 'the company' -> the organisation named
            self._from_entity(spk, org, None)
            return
        lemma = head.lemma_.lower()
        low = head.text.lower()
        definite = any(t.lower_ == "the" for t in head.lefts)
        if (
            definite
            and (lemma in SPEAKER_NOUNS or low in SPEAKER_NOUNS)
            and head.tag_ in ("NN", "NNP")
            and lemma not in _BODY_NOUNS
        ):
            # "the spokesperson": the person the text gave that title
            if lemma in _COLLECTIVE:
                return
            for _, prev in reversed(self.history):
                if prev.role and _role_fits(prev.role, lemma, spk.text) and prev.entity_id:
                    self._copy(spk, prev)
                    return
            # the one person the text gave that title, as a word ('senator' is not in 'Senatorial Committee')
            titled = {
                e.id: e
                for e in self.record.entities
                if e.type == "PERSON" and e.role and _role_fits(e.role, lemma, spk.text)
            }
            if titled:
                if len(titled) == 1:
                    self._from_entity(spk, next(iter(titled.values())), None)
                return
            before_title = {
                m.entity.id: m.entity
                for m in self.persons
                if m.start < spk.start and _title_before(self.text[max(0, m.start - 40) : m.start], lemma)
            }
            if len(before_title) == 1:
                self._from_entity(spk, self._fullest(next(iter(before_title.values()))), None)
                return
            if before_title:
                return
            # no entity: the one name the text gave that title earlier ("spokesperson Heorhii Tykhyi")
            found = set(
                re.findall(rf"\b{re.escape(low)}\s+((?:[A-Z][\w'’.-]+\s?){{2,3}})", self.text[: spk.start])
            )
            names = {n.strip() for n in found if n.strip().split()[0] not in ("The", "A", "On", "In")}
            if len(names) == 1:
                spk.name = names.pop()
                spk.role = head.text.lower()
            return
        # an unnamed speaker: "Turkish officials", "a senior diplomat", "sources close to the talks"
        words = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct")]
        if lemma in SPEAKER_NOUNS or low in SPEAKER_NOUNS or head.ent_type_ in ("ORG", "NORP", "GPE"):
            spk.name = " ".join(t.text for t in words) or head.text
            codes = [
                c
                for t in words
                if (t.ent_type_ in ("NORP", "GPE") or t.text.lower() in DEMONYMS) and (c := place_code(t))
            ]
            if codes and (len(set(codes)) == 1 or not ONE_STATE):
                spk.country = codes[0]  # 'the Russian and Syrian defense ministries' are of no one state
            if head.ent_type_ in ("GPE", "NORP") and spk.country is None and not (ONE_STATE and codes):
                spk.country = place_code(head)
