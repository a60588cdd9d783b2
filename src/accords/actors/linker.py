"""Stage 'actors': raw entity mentions of the spaCy Doc -> linked entities with roles, countries, sectors.

One entity per person, state, place, organisation or group, with every mention of it:
names and surnames, pronouns (he/she/his/her), nominals ('the spokesperson'), metonyms ('the Kremlin',
'Moscow demanded') and demonyms ('continued Russian refusal'). Precision first: a mention that cannot
be linked with confidence stays with an entity of its own, or is left out (pronouns).
"""

from __future__ import annotations

from typing import Any

from accords.actors import names
from accords.actors.anaphora import _Anaphora
from accords.actors.countries import party_state_country, place_country
from accords.actors.descriptive import link_descriptive
from accords.actors.first_names import first_name_persons
from accords.actors.gazetteer import get_gazetteer, norm
from accords.actors.mentions import (
    AGENT_DEPS,
    KEEP_LABELS,
    LEADER_BODIES,
    PLACE_NOUNS,
    PRONOUNS,
    _agentive,
    _BuilderBase,
    _Ent,
    _is_subject,
)
from accords.actors.names import (
    HOLDER,
    SKIP,
    _collective,
    _first_names,
    _hyphen_joined,
    _introduced,
    _note_title_gender,
    _one_word,
    _short_form_twin,
    _surname_of,
    _titled_place,
    _two_gender_surnames,
    _unopened,
    _untitled,
    _widened,
)
from accords.actors.resolve import role_sector
from accords.actors.roles import GROUP_NOUNS, role_after, role_before
from accords.actors.setting import home_places
from accords.actors.surnames import (
    SurnamePick,
    first_name_gender,
    holds,
    name_gender,
    title_gender,
    title_words,
)
from accords.pipeline import Work, stage
from accords.records import Entity, Mention

VERSION = "actors.rules.v3"

# Names that lived here before the split stay importable from here.
__all__ = [
    "PRONOUNS",
    "AGENT_DEPS",
    "PLACE_NOUNS",
    "LEADER_BODIES",
    "KEEP_LABELS",
    "_Ent",
    "_BuilderBase",
    "_agentive",
    "_is_subject",
    "VERSION",
    "link_entities",
    "actors_stage",
]


class _Builder(_Anaphora):
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
            if ent.country is None and names.ORG_OWNER:  # 'the Chinese CDC'
                ent.country = self._owner_before(span)
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
        genders: dict[int, set[str]] = {}
        for span in spans:
            if self._leader_body(span):
                continue
            if _collective(span):
                org = self.get(("org", norm(span.text)), type="ORG", name=norm(span.text))
                self.mention(org, span.start_char, span.end_char, "name")
                continue
            span = _untitled(span) if len(span) > 2 else span
            if _one_word(span):
                singles.append(span)
                continue
            text = span.text
            entry = gaz.actor(text)
            key = ("person", entry.name if entry is not None and entry.type == "PERSON" else norm(text))
            new = key not in self.ents
            if new and (entry is None or entry.type != "PERSON"):
                twin = _short_form_twin(norm(text), by_surname.get(_surname_of(span), []))
                if twin is not None:
                    key, new = twin.key, False
            ent = self.get(key, type="PERSON", name=norm(text))
            if new:
                persons.append(ent)
                ent.surname = _surname_of(span)
                by_surname.setdefault(ent.surname, []).append(ent)
            if entry is not None and entry.type == "PERSON":
                ent.wikidata = entry.wikidata
                if not ent.country_explicit:
                    ent.country = entry.country
                    ent.sector = entry.sector
            start = self._role(ent, span)
            ent.names.append(span.text)
            self.mention(ent, start, span.end_char, "name")
            g = name_gender(span)
            if g:
                genders.setdefault(id(ent), set()).add(g)
        by_first = _first_names(persons)
        first_bare: dict[str, int] = {}
        self._two_gender = _two_gender_surnames(singles)
        for span in singles:
            first_bare.setdefault(span.text, span.start_char)
        for span in singles:
            text = span.text
            cands = [c for c in by_surname.get(text, []) if _introduced(c, span, first_bare[text])]
            if cands:
                pick = self._surname_pick(span, cands, genders)
                if pick.kind == "skip":
                    continue
                if pick.kind == "person" and pick.person is not None:
                    start = self._role(pick.person, span)
                    self.mention(pick.person, start, span.end_char, "partial")
                    continue
                if pick.kind == "own" and pick.gender is not None:
                    self._own_gendered(span, pick.gender, persons)
                    continue
            firsts = by_first.get(text, []) if not cands else []
            if len(firsts) == 1:
                # 'Hillary', 'Bernie' alone: the one person of the text with that first name
                ent = firsts[0]
                start = self._role(ent, span)
                self.mention(ent, start, span.end_char, "partial")
                continue
            entry = gaz.person_by_surname(text)
            if entry is not None:
                key = ("person", entry.name)
                hit = role_before(doc, span.start, span.sent.start) or role_after(
                    doc, span.end, span.sent.end
                )
                if " " not in entry.name and hit is not None and hit.role:
                    # An entry of a bare surname stands for several people ('Clinton', 'Bush'): a titled use is
                    # the one holder of that title, an entity of its own, so no bare use borrows the title.
                    key = ("person", f"{entry.name}:{hit.role}")
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
                _note_title_gender(genders, ent, span)
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
            _note_title_gender(genders, ent, span)
        # Dictionary defaults and the paragraph's state for those the text gives a role but no country.
        for ent in persons:
            seen = genders.get(id(ent), set())
            if ent.gender is None and len(seen) == 1:
                ent.gender = next(iter(seen))
            elif ent.gender is None and not seen:
                ent.gender = first_name_gender(ent.name)
            if ent.country is None and ent.role:
                first = min(m[0] for m in ent.mentions)
                ent.country = self._paragraph_state(first)
            if ent.sector is None and ent.role:
                ent.sector = role_sector(ent.role)
        _ = doc

    def _surname_pick(self, span: Any, cands: list[_Ent], genders: dict[int, set[str]]) -> SurnamePick:
        """The full-named person a one-word surname links to, when it is unambiguous (see :mod:`surnames`).

        Returns the person; "holder" to fall back to the gazetteer's holder of the surname; "own" with a gender
        for an entity of its own, one per surname and gender ('Mr. Clinton' beside Bill and Hillary Clinton, when
        the text does not tell which is which); "skip" for no link at all. A candidate's gender is the one its
        titles give, else the one its first name gives.
        """
        doc = self.doc
        entry = self.gaz.person_by_surname(span.text)
        # A famous holder the text does not name: a first name none of the named persons has.
        firsts = {c.name.split()[0].lower() for c in cands} | {c.key[1].split()[0].lower() for c in cands}
        famous = (
            entry is not None and len(entry.name.split()) >= 2 and entry.name.split()[0].lower() not in firsts
        )
        words = title_words(role_before(doc, span.start, span.sent.start))
        g = title_gender(doc, span.start, span.sent.start)

        def gender(c: _Ent) -> str | None:
            seen = genders.get(id(c), set())
            if not seen:
                return first_name_gender(c.name)
            return next(iter(seen)) if len(seen) == 1 else None

        if not words and not g:
            return SurnamePick("person", cands[0]) if len(cands) == 1 and not famous else HOLDER
        holders = [c for c in cands if holds(c.role, words)]
        famous_holds = famous and entry is not None and holds(entry.role, words)
        if len(holders) == 1 and not famous_holds:
            return SurnamePick("person", holders[0])
        if famous_holds and not holders:
            return HOLDER
        if famous and (holders or not words):
            # An honorific alone ('Mrs. Obama'): the named person of that gender, the famous one when every named
            # person is of the other gender, else no link.
            same = [c for c in cands if g and gender(c) == g]
            if holders or len(same) != 1:
                if not holders and all(gender(c) not in (None, g) for c in cands):
                    return HOLDER
                return SurnamePick("own", gender=g) if g and not holders else SKIP
            return SurnamePick("person", same[0])
        if famous:
            return HOLDER  # a title no named person holds ('President Obama' beside 'Michelle Obama')
        # When the text titles the surname both 'Mr.' and 'Mrs.'/'Ms.', a candidate of unknown gender fits neither.
        two = span.text in getattr(self, "_two_gender", set())
        rest = [c for c in cands if not (g and gender(c) != g and (gender(c) or two))]
        if len(rest) == 1:
            return SurnamePick("person", rest[0])
        if not rest:
            return SurnamePick("own", gender=g) if g else SKIP
        named = next((c for c in cands if entry is not None and c.key == ("person", entry.name)), None)
        if named is not None:
            if named in rest and (not g or gender(named) == g):
                return SurnamePick("person", named)
            return SurnamePick("own", gender=g) if g else SKIP
        if g:
            return SurnamePick("own", gender=g)
        return HOLDER if entry is not None else SKIP

    def _own_gendered(self, span: Any, g: str, persons: list[_Ent]) -> None:
        """'Mr. Clinton' when the text names Bill and Hillary Clinton and does not say which is the man: an entity
        of the surname and gender, named by the title, rather than a join to either or to both."""
        key = ("person", f"{norm(span.text)}:{g}")
        new = key not in self.ents
        ent = self.get(key, type="PERSON", name=norm(span.text))
        if new:
            ent.surname = span.text
            ent.gender = g
            persons.append(ent)
        start = self._role(ent, span)
        ent.names.append(self.work.record.article.text[start : span.end_char])
        self.mention(ent, start, span.end_char, "name")

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
        if hit is None or not hit.country_text:  # a title's country comes first ('U.S. Sen.')
            self._own_country(ent, span)
        if hit is None:
            return int(span.start_char)
        if ent.role is None and hit.role:
            ent.role = hit.role
            sec = role_sector(hit.role) if hit.role else None
            if sec:
                ent.sector = sec
        if hit.country_text and not ent.country_explicit:
            from accords.actors.resolve import resolve_actor

            c_text = hit.country_text
            if hit.country_start is not None:
                c_span = doc.char_span(hit.country_start, hit.country_start + len(c_text))
                if c_span is not None:
                    c_text = _widened(c_span, self.gaz, label="GPE").text
            info = resolve_actor(c_text, self.work.settings.actors)
            if info is not None and info.code:
                ent.country = info.code
                ent.country_explicit = True
        return hit.prefix_start if hit.prefix_start is not None else int(span.start_char)

    def _own_country(self, ent: _Ent, span: Any) -> None:
        """A country the name's own marks give: 'Jane Roe, R-Neb.' (USA), 'Jane Roe of Cork, Ireland' (IRL)."""
        if ent.country_explicit:
            return
        code = party_state_country(self.work.record.article.text, span.end_char)
        if code is None and ent.type == "PERSON":
            code = place_country(self.doc, span.end, span.sent.end, self.work.settings.actors)
        if code:
            ent.country, ent.country_explicit = code, True

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


def link_entities(work: Work) -> list[Entity]:
    """Build the linked entities of ``work.doc`` (used by the stage; callable on its own)."""
    doc = work.doc
    gaz = get_gazetteer(work.settings.actors)
    b = _Builder(doc, work, gaz)
    people = []
    for span in first_name_persons(list(doc.ents)):
        if span.label_ not in KEEP_LABELS:
            continue
        span = _widened(span, gaz)
        if span.label_ == "PERSON" or _titled_place(span, gaz):
            people.append(_unopened(span))
        elif span.label_ == "NORP":
            b.add_norp(span)
        else:
            b.add_place_like(span)
    b.add_people(_hyphen_joined(people))
    b.add_pronouns()
    b.add_nominals()
    link_descriptive(b)
    b.inherit_countries()
    out = b.entities()
    home_places(out, work.settings.actors)
    return out


@stage("actors", version=VERSION, requires=("doc",), adds=("entities",))
def actors_stage(work: Work) -> Work:
    work.record.entities = link_entities(work)
    return work
