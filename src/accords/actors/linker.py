"""Stage 'actors': raw entity mentions of the spaCy Doc -> linked entities with roles, countries, sectors.

One entity per person, state, place, organisation or group, with every mention of it:
names and surnames, pronouns (he/she/his/her), nominals ('the spokesperson'), metonyms ('the Kremlin',
'Moscow demanded') and demonyms ('continued Russian refusal'). Precision first: a mention that cannot
be linked with confidence stays with an entity of its own, or is left out (pronouns).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from accords.actors.gazetteer import Gazetteer, get_gazetteer, norm
from accords.actors.resolve import role_sector
from accords.actors.roles import GROUP_NOUNS, HEADS, MODIFIERS, role_after, role_before
from accords.pipeline import Work, stage
from accords.records import Entity, Mention

VERSION = "actors.rules.v1"

PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "appos"}
PLACE_NOUNS = {
    "territory",
    "city",
    "cities",
    "capital",
    "border",
    "borders",
    "north",
    "south",
    "east",
    "west",
    "region",
    "regions",
    "coast",
    "province",
    "provinces",
    "soil",
    "airspace",
    "waters",
    "land",
    "heartland",
    "countryside",
    "village",
    "villages",
    "town",
    "towns",
    "port",
    "ports",
    "oblast",
    "district",
    "frontier",
    "mountains",
    "sea",
}
LEADER_BODIES = {
    "regime": "GOV",
    "administration": "GOV",
    "government": "GOV",
    "forces": "MIL",
    "loyalists": "MIL",
}
KEEP_LABELS = {"PERSON", "NORP", "GPE", "LOC", "FAC", "ORG", "EVENT"}


@dataclass
class _Ent:
    key: tuple[str, str]
    type: str
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    wikidata: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind)
    # persons
    surname: str | None = None
    country_explicit: bool = False
    names: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self, doc: Any, work: Work, gaz: Gazetteer) -> None:
        self.doc = doc
        self.work = work
        self.gaz = gaz
        self.ents: dict[tuple[str, str], _Ent] = {}
        self.taken: set[tuple[int, int]] = set()
        self.sent_starts = [s.start for s in work.record.sentences]
        self.para_bounds = [(p.start, p.end) for p in work.record.article.paragraphs]

    # -- helpers ------------------------------------------------------------------------------
    def sentence_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def paragraph_of(self, char: int) -> int:
        for i, (s, e) in enumerate(self.para_bounds):
            if s <= char < e:
                return i
        return -1

    def get(self, key: tuple[str, str], **kw: Any) -> _Ent:
        if key not in self.ents:
            self.ents[key] = _Ent(key=key, **kw)
        return self.ents[key]

    def mention(self, ent: _Ent, start: int, end: int, kind: str) -> None:
        if (start, end) in self.taken:
            return
        self.taken.add((start, end))
        ent.mentions.append((start, end, kind))

    # -- states, places, organisations, groups ------------------------------------------------
    def state(self, code: str) -> _Ent:
        return self.get(("state", code), type="GPE", name=self.gaz.canonical.get(code, code), country=code)

    def add_place_like(self, span: Any) -> None:
        gaz = self.gaz
        text = span.text
        t = norm(text)
        label = span.label_
        agent = span.root.dep_ in AGENT_DEPS
        code = gaz.country_of_name(t)
        if code and label in {"GPE", "ORG", "NORP"} and self.add_group(span, code, code):
            return
        if code and label == "GPE" and self._people_of(span, code):
            return
        if code and label in {"GPE", "LOC", "ORG", "NORP"}:
            ent = self.state(code)
            if len(t) > len(ent.name) and ent.name == code:
                ent.name = t
            # A state that acts ('The United States condemns', 'Russia and Ukraine agreed') stands for its
            # government: a metonym; a state where something happens ('in Syria') is a place: a name.
            self.mention(ent, span.start_char, span.end_char, "metonym" if _agentive(span) else "name")
            return
        if t in gaz.seats:
            c, seat_sector = gaz.seats[t]
            ent = self.get(("seat", t), type="ORG", name=t, country=c, sector=seat_sector)
            self.mention(ent, span.start_char, span.end_char, "metonym")
            return
        entry = gaz.actor(t)
        if (
            entry is not None
            and entry.type != "PERSON"
            and self.add_group(span, entry.country, entry.name, entry.sector)
        ):
            return
        if entry is not None and entry.type != "PERSON":
            ent = self.get(
                ("actor", entry.name),
                type="ORG" if entry.type == "ORG" else entry.type,
                name=entry.name,
                country=entry.country,
                sector=entry.sector,
                wikidata=entry.wikidata,
            )
            self.mention(ent, span.start_char, span.end_char, "name")
            return
        if label in {"GPE", "LOC", "FAC"}:
            place = gaz.place(t)
            cap = gaz.capitals.get(t)
            typ = label if place is None else (place[1] if label != "FAC" else "FAC")
            ent = self.get(("place", t), type=typ, name=t, country=place[0] if place else None)
            kind = "metonym" if cap and (agent or _agentive(span)) and label == "GPE" else "name"
            if kind == "metonym" and ent.sector is None:
                ent.sector = "GOV"
            self.mention(ent, span.start_char, span.end_char, kind)
            return
        if label == "ORG" and self.add_group(span, None, t):
            return
        if label == "ORG":
            country: str | None = None
            words = t.split(" ")
            if len(words) > 1:
                first = gaz.country_of_demonym(words[0]) or gaz.country_of_name(words[0])
                if first:
                    country = first
            from accords.actors.resolve import _body_sector

            sector = _body_sector(" ".join(words[1:]) if country else t)
            if country is None and sector is not None:
                country = self._owner_before(span)
            ent = self.get(("org", t), type="ORG", name=t, country=country, sector=sector)
            self.mention(ent, span.start_char, span.end_char, "name")
            return
        if label == "EVENT":
            ent = self.get(("event", t), type="EVENT", name=t)
            self.mention(ent, span.start_char, span.end_char, "name")

    def _people_of(self, span: Any, code: str) -> bool:
        """'the people of Iraq', 'citizens of Ukraine': a GROUP of civilians of that state."""
        doc = self.doc
        i = span.start
        if (
            i < 2
            or doc[i - 1].lower_ != "of"
            or doc[i - 2].lower_ not in {"people", "citizens", "population"}
        ):
            return False
        noun = doc[i - 2]
        ent = self.get(
            ("group", f"{code}:people"),
            type="GROUP",
            name=doc[noun.i : span.end].text,
            country=code,
            sector="CVL",
        )
        self.mention(ent, noun.idx, span.end_char, "name")
        return True

    def _owner_before(self, span: Any) -> str | None:
        """Country given just before an ORG: 'Russia's Foreign Ministry', 'the Ukrainian Foreign Ministry'."""
        doc = self.doc
        i = span.start - 1
        if i >= 1 and doc[i].text in {"'s", "\u2019s"}:
            i -= 1
        if i < 0:
            return None
        ent = next((e for e in doc.ents if e.start <= i < e.end), None)
        if ent is None or ent.label_ not in {"GPE", "NORP"}:
            return None
        return self.gaz.country_of_name(ent.text) or self.gaz.country_of_demonym(ent.text)

    def add_group(self, span: Any, code: str | None, owner: str, owner_sector: str | None = None) -> bool:
        """'Turkish officials', 'U.S. forces', 'ISIL fighters': a GROUP entity when ``span`` modifies a group noun."""
        group = self._group_head(span)
        if group is None:
            return False
        head, mention_end = group
        noun = head.lower_
        sector = GROUP_NOUNS.get(noun) or GROUP_NOUNS.get(head.lemma_.lower())
        if owner_sector in {"REB", "MIL", "SPY", "COP"} and sector in {"GOV", "MIL", "REB", None}:
            sector = owner_sector
        name = self.work.record.article.text[span.start_char : mention_end]
        if mention_end == span.end_char:
            name = f"{span.text} {head.text}"
        ent = self.get(
            ("group", f"{owner}:{head.lemma_.lower()}"), type="GROUP", name=name, country=code, sector=sector
        )
        kind = "name" if mention_end > span.end_char else ("demonym" if span.label_ == "NORP" else "name")
        self.mention(ent, span.start_char, mention_end, kind)
        return True

    def add_norp(self, span: Any) -> None:
        gaz = self.gaz
        code = gaz.country_of_demonym(span.text) or gaz.country_of_name(span.text)
        if code and self.add_group(span, code, code):
            return
        if (
            code
            and span.root.dep_ not in {"amod", "compound", "nmod", "conj"}
            and span.text.endswith("s")
            and (span.root.pos_ in {"NOUN", "PROPN"})
        ):
            # 'Syrians', 'Iraqis': the people of a state.
            ent = self.get(
                ("group", f"{code}:people"), type="GROUP", name=span.text, country=code, sector="CVL"
            )
            self.mention(ent, span.start_char, span.end_char, "name")
            return
        if code:
            self.mention(self.state(code), span.start_char, span.end_char, "demonym")
            return
        t = norm(span.text)
        ent = self.get(("norp", t), type="NORP", name=t)
        self.mention(ent, span.start_char, span.end_char, "name")

    def _group_head(self, span: Any) -> tuple[Any, int] | None:
        """'Turkish officials' -> (officials, end of mention); 'Russian and Ukrainian officials' too."""
        root = span.root
        first = root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        head = first.head
        if first.dep_ not in {"amod", "compound", "nmod"} or head.i <= span.end - 1:
            return None
        if head.lower_ not in GROUP_NOUNS and head.lemma_.lower() not in GROUP_NOUNS:
            return None
        if head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_:
            return None
        if head.i + 1 < len(self.doc) and self.doc[head.i + 1].ent_type_ == "PERSON":
            return None  # a title before a name: 'U.S. President Donald Trump
        doc = self.doc
        between = doc[span.end : head.i]
        if all((t.dep_ in {"amod", "compound"} or t.pos_ == "ADJ") and not t.ent_type_ for t in between):
            return head, head.idx + len(head.text)
        return head, span.end_char

    # -- people --------------------------------------------------------------------------------
    def add_people(self, spans: list[Any]) -> None:
        gaz = self.gaz
        doc = self.doc
        persons: list[_Ent] = []
        by_surname: dict[str, list[_Ent]] = {}
        singles: list[Any] = []
        for span in spans:
            if self._leader_body(span):
                continue
            if len(span) < 2:
                singles.append(span)
                continue
            text = span.text
            entry = gaz.actor(text)
            key = ("person", entry.name if entry is not None and entry.type == "PERSON" else norm(text))
            new = key not in self.ents
            ent = self.get(key, type="PERSON", name=norm(text))
            if new:
                persons.append(ent)
                ent.surname = span[-1].text
                by_surname.setdefault(ent.surname, []).append(ent)
            if entry is not None and entry.type == "PERSON":
                ent.wikidata = entry.wikidata
                if not ent.country_explicit:
                    ent.country = entry.country
                    ent.sector = entry.sector
            start = self._role(ent, span)
            ent.names.append(span.text)
            self.mention(ent, start, span.end_char, "name")
        for span in singles:
            text = span.text
            cands = by_surname.get(text, [])
            if len(cands) == 1:
                ent = cands[0]
                start = self._role(ent, span)
                self.mention(ent, start, span.end_char, "partial")
                continue
            entry = gaz.person_by_surname(text)
            if entry is not None:
                key = ("person", entry.name)
                new = key not in self.ents
                ent = self.get(
                    key,
                    type="PERSON",
                    name=entry.name if not new else text,
                    country=entry.country,
                    sector=entry.sector,
                    wikidata=entry.wikidata,
                )
                if new:
                    ent.name = text
                    ent.surname = text
                    persons.append(ent)
                start = self._role(ent, span)
                ent.names.append(span.text)
                kind = "name" if norm(text) == norm(ent.name) else "partial"
                self.mention(ent, start, span.end_char, kind)
                continue
            if cands:
                continue  # ambiguous surname: no link rather than a wrong one
            key = ("person", norm(text))
            new = key not in self.ents
            ent = self.get(key, type="PERSON", name=norm(text))
            if new:
                ent.surname = text
                persons.append(ent)
                by_surname.setdefault(text, []).append(ent)
            start = self._role(ent, span)
            ent.names.append(span.text)
            self.mention(ent, start, span.end_char, "name")
        # Dictionary defaults and the paragraph's state for those the text gives a role but no country.
        for ent in persons:
            if ent.country is None and ent.role:
                first = min(m[0] for m in ent.mentions)
                ent.country = self._paragraph_state(first)
            if ent.sector is None and ent.role:
                ent.sector = role_sector(ent.role)
        _ = doc

    def _leader_body(self, span: Any) -> bool:
        """'the Assad regime', 'the Trump administration': the leader's government, not the person."""
        doc = self.doc
        if span.end >= len(doc):
            return False
        nxt = doc[span.end]
        if nxt.lower_ not in LEADER_BODIES or nxt.pos_ != "NOUN" or nxt.ent_type_:
            return False
        entry = self.gaz.actor(span.text)
        code = entry.country if entry is not None and entry.type == "PERSON" else None
        name = f"{span.text} {nxt.text}"
        ent = self.get(
            ("org", norm(name)), type="ORG", name=name, country=code, sector=LEADER_BODIES[nxt.lower_]
        )
        self.mention(ent, span.start_char, nxt.idx + len(nxt.text), "name")
        return True

    def _role(self, ent: _Ent, span: Any) -> int:
        """Set role and country from the title around ``span``; return where the mention starts (title included)."""
        doc = self.doc
        sent = span.sent
        hit = role_before(doc, span.start, sent.start) or role_after(doc, span.end, sent.end)
        if hit is None:
            return int(span.start_char)
        if ent.role is None and hit.role:
            ent.role = hit.role
            sec = role_sector(hit.role) if hit.role else None
            if sec:
                ent.sector = sec
        if hit.country_text and not ent.country_explicit:
            from accords.actors.resolve import resolve_actor

            info = resolve_actor(hit.country_text, self.work.settings.actors)
            if info is not None and info.code:
                ent.country = info.code
                ent.country_explicit = True
        return hit.prefix_start if hit.prefix_start is not None else int(span.start_char)

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
    def add_pronouns(self) -> None:
        doc = self.doc
        people = [e for e in self.ents.values() if e.type == "PERSON"]
        if not people:
            return
        # Person mentions by token index.
        person_at: dict[int, _Ent] = {}
        for e in people:
            for s, end, _k in e.mentions:
                span = doc.char_span(s, end, alignment_mode="expand")
                if span is not None:
                    for t in span:
                        person_at[t.i] = e
        sents = list(doc.sents)
        for si, sent in enumerate(sents):
            for tok in sent:
                low = tok.lower_
                if low not in PRONOUNS or tok.pos_ != "PRON":
                    continue
                target = self._antecedent(tok, si, sents, person_at)
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

    def _antecedent(self, tok: Any, si: int, sents: list[Any], person_at: dict[int, _Ent]) -> _Ent | None:
        para = self.paragraph_of(tok.idx)

        def persons_in(sent: Any, before: int | None = None) -> list[tuple[Any, _Ent]]:
            out = []
            for t in sent:
                if before is not None and t.i >= before:
                    break
                if t.i in person_at:
                    out.append((t, person_at[t.i]))
            return out

        # Same sentence, before the pronoun: the subject person, else a single person.
        here = persons_in(sents[si], tok.i)
        distinct = {id(e) for _t, e in here}
        if len(distinct) == 1:
            return here[0][1]
        if here:
            subj = [e for t, e in here if _is_subject(t)]
            if len({id(e) for e in subj}) == 1:
                return subj[0]
            return None
        # Previous sentence(s) of the same paragraph: its subject person, else its single person.
        for back in range(si - 1, max(-1, si - 3), -1):
            prev = sents[back]
            if self.paragraph_of(prev.start_char) != para:
                return None
            found = persons_in(prev)
            if not found:
                continue
            subj = [e for t, e in found if _is_subject(t)]
            if len({id(e) for e in subj}) == 1:
                return subj[0]
            if len({id(e) for _t, e in found}) == 1:
                return found[0][1]
            return None
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
                if phrase in (e.role or "").lower()
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

    def inherit_countries(self) -> None:
        """A ministry named inside a person's title has that person's country ('Foreign Ministry spokesperson X')."""
        people = [e for e in self.ents.values() if e.type == "PERSON" and e.country]
        for org in self.ents.values():
            if org.type != "ORG" or org.country or org.key[0] != "org" or not org.sector:
                continue
            for s, t, _k in org.mentions:
                owner = {p.country for p in people for ps, pt, _pk in p.mentions if ps <= s and t <= pt}
                if len(owner) == 1:
                    org.country = owner.pop()
                    break

    # -- output ----------------------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        text = self.work.record.article.text
        out: list[Entity] = []
        for e in sorted(
            (e for e in self.ents.values() if e.mentions), key=lambda e: min(m[0] for m in e.mentions)
        ):
            ms = sorted(e.mentions)
            name = e.name
            if e.type == "PERSON":
                if e.names:
                    name = max(e.names, key=len)
            out.append(
                Entity(
                    id=f"E{len(out) + 1}",
                    type=e.type,
                    name=name,
                    country=e.country,
                    sector=e.sector,
                    role=e.role,
                    wikidata=e.wikidata,
                    mentions=[
                        Mention(start=s, end=t, text=text[s:t], sentence=self.sentence_of(s), kind=k)
                        for s, t, k in ms
                    ],
                )
            )
        return out


def _agentive(span: Any) -> bool:
    """Subject of a verb (or coordinated with one), or the agent of a passive."""
    t = span.root
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ in {"nsubj", "nsubjpass"}:
        return True
    if t.dep_ == "dobj" and t.head.pos_ == "VERB":
        return True  # 'support Iraq', 'urged Russia to ...'
    if t.dep_ == "poss" and t.head.lemma_.lower() not in PLACE_NOUNS:
        return True  # "Russia's delegation", "Iraq's efforts" (not "Ukraine's east", "Syria's border")
    return t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.dep_ == "agent"


def _is_subject(tok: Any) -> bool:
    t = tok
    # climb compound/flat names to the head of the name
    while t.dep_ in {"compound", "flat"} and t.head is not t:
        t = t.head
    return t.dep_ in {"nsubj", "nsubjpass"}


def link_entities(work: Work) -> list[Entity]:
    """Build the linked entities of ``work.doc`` (used by the stage; callable on its own)."""
    doc = work.doc
    gaz = get_gazetteer(work.settings.actors)
    b = _Builder(doc, work, gaz)
    people = []
    for span in doc.ents:
        if span.label_ not in KEEP_LABELS:
            continue
        if span.label_ == "PERSON":
            people.append(span)
        elif span.label_ == "NORP":
            b.add_norp(span)
        else:
            b.add_place_like(span)
    b.add_people(people)
    b.add_pronouns()
    b.add_nominals()
    b.inherit_countries()
    return b.entities()


@stage("actors", version=VERSION, requires=("doc",), adds=("entities",))
def actors_stage(work: Work) -> Work:
    work.record.entities = link_entities(work)
    return work
