"""Actors in events: from the head token of a phrase to coded PLOVER entities (country and sector).

Order of trust: the record's entities (filled by the 'actors' stage: names, partial names, pronouns,
nominals, metonyms), then ``accords.actors.entity_at`` / ``resolve_actor`` when that package provides
them, then the small private fallback in :mod:`accords.events.fallback`. A short discourse memory
resolves pronouns and "both sides" when the actors stage has not.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from accords.actors.setting import is_state_code
from accords.events import fallback
from accords.events.home import HOME_SECTORS, home_state, names_other_state, twin_place
from accords.events.party_words import (
    AFFILIATION,
    BOTH_SIDES,
    CIVIL_SECTORS,
    GROUP_PRON,
    LED,
    MEETINGS,
    OFFICIAL_TITLES,
    PERSON_PRON,
    REPORTING_LEMMAS,
    SPEAKS_FOR,
    STATE_VOICES,
    _acted_on,
    _actors_api,
    _civil_general,
    _common_noun,
    _group_word,
    _home_report,
    _locative,
    _names_state,
    _patron,
    _people_of,
    _place_acted_on,
    _rulers_of,
    np_span,
)
from accords.events.spelling import misspelt_state
from accords.records import Entity, EventEntity, Record

Token = Any


class Resolver:
    def __init__(self, record: Record | None, doc: Any, user_actors: str | None = None) -> None:
        self.user_actors = user_actors
        self.record = record
        self.doc = doc
        self.last_person: EventEntity | None = None
        self.last_group: EventEntity | None = None
        self.parties: list[EventEntity] = []
        self.home = home_state(record)
        self.entity_at, self.resolve_actor = _actors_api()
        self._mentions: list[tuple[int, int, Entity]] = []
        # doc.ents and Span.ents build every entity span of the document on each access: read them once
        self._ents: list[Any] = list(doc.ents) if doc is not None else []
        self._ent_starts = [e.start for e in self._ents]
        self._ents_memo: dict[tuple[int, int], list[Any]] = {}
        if record is not None:
            for e in record.entities:
                for m in e.mentions:
                    self._mentions.append((m.start, m.end, e))
        self._m_sorted = sorted(
            ((i, s, e_, ent) for i, (s, e_, ent) in enumerate(self._mentions)), key=lambda r: r[1]
        )
        self._m_starts = [r[1] for r in self._m_sorted]
        self._m_longest = max((e_ - s for s, e_, _ in self._mentions), default=0)

    # ---- look-ups -------------------------------------------------------------------------------------------
    def ents_in(self, lo: int, hi: int) -> list[Any]:
        """The entities of doc[lo:hi], as ``doc[lo:hi].ents`` gives them, from a list read once per document."""
        key = (lo, hi)
        got = self._ents_memo.get(key)
        if got is None:
            got = []
            for e in self._ents[bisect_left(self._ent_starts, lo) :]:
                if e.end > hi:
                    break
                got.append(e)
            self._ents_memo[key] = got
        return got

    def _entity_over(self, start: int, end: int, head_start: int, head_end: int) -> Entity | None:
        if self.entity_at is not None and self.record is not None:
            try:
                e = self.entity_at(self.record, start, end)
                if e is not None and getattr(e, "country", None):
                    return e  # type: ignore[no-any-return,unused-ignore]
            except Exception:  # noqa: BLE001 - another stage's API; fall back quietly
                pass
        best: Entity | None = None
        # mentions overlapping [start, end), in record order (as a scan of all of them would meet them)
        lo = bisect_left(self._m_starts, start - self._m_longest)
        hi = bisect_left(self._m_starts, end)
        hits = sorted(r for r in self._m_sorted[lo:hi] if r[2] > start and r[3].country)
        for _, s, e_, ent in hits:
            if s <= head_start and head_end <= e_:
                return ent
            best = best or ent
        return best

    def code_text(self, text: str, person: bool = False) -> tuple[str | None, str | None]:
        """Code and sector of a phrase; with ``person``, a name: a place of the same spelling does not count
        ("Prosper" is a town in Texas, "Bush" one in Egypt)."""
        bare = text.lower().removeprefix("the ").strip()
        if bare in fallback.NOUN_SECTOR or bare + "s" in fallback.NOUN_SECTOR:
            return None, None  # a bare common noun ("Police", "Army") names no country
        if self.resolve_actor is not None:
            try:
                got = (
                    self.resolve_actor(text, self.user_actors)
                    if self.user_actors
                    else self.resolve_actor(text)
                )
                if got is not None:
                    code = getattr(got, "code", None) if not isinstance(got, tuple) else got[0]
                    sector = getattr(got, "sector", None) if not isinstance(got, tuple) else got[1]
                    if person and getattr(got, "type", None) in ("GPE", "LOC", "FAC"):
                        code = None
                    if code:
                        return code, sector
            except Exception:  # noqa: BLE001
                pass
        if person:
            code = fallback.PEOPLE.get(bare) or fallback.PEOPLE.get(bare.split()[-1] if bare.split() else "")
            return code, "GOV" if code else None
        code = fallback.country_code(text)
        return code, fallback.group_sector(text) if code else None

    def _person_at(self, start: int, end: int) -> bool:
        """The actors stage linked this span to a person ("President Bush" that the tagger took for a place)."""
        return any(s < end and start < e_ and ent.type == "PERSON" for s, e_, ent in self._mentions)

    def sector_of(self, head: Token, lo: int, hi: int) -> str | None:
        for i in range(hi - 1, lo - 1, -1):
            word = self.doc[i].lemma_.lower()
            if (
                word == "general"
                and i > 0
                and self.doc[i - 1].text
                in ("-", "Secretary", "Attorney", "Director", "Inspector", "Solicitor", "Consul", "Governor")
            ):
                continue  # "Secretary-General" is not a military rank
            if word == "union" and i > 0 and self.doc[i - 1].lower_ in ("soviet", "european", "african"):
                continue  # "the Soviet Union" is a state, not a trade union
            s = fallback.NOUN_SECTOR.get(word) or fallback.NOUN_SECTOR.get(
                word[:-1] if word.endswith("s") else ""
            )
            if s:
                return s
        return None

    # ---- main -----------------------------------------------------------------------------------------------
    def resolve(self, head: Token) -> list[EventEntity]:
        """Coded entities for the phrase of ``head``; a place name two states share takes the one the sentence
        names ("militias in Tripoli ... the north Lebanese port")."""
        ents = self.ents_in(head.sent.start, head.sent.end)
        return [
            e.model_copy(update={"code": twin_place(e.text, e.code, ents, self.code_text)})
            for e in self._resolve(head)
        ]

    def _resolve(self, head: Token) -> list[EventEntity]:
        doc = self.doc
        low = head.lower_
        if (head.pos_ == "PRON" or low in PERSON_PRON | GROUP_PRON) and not (
            head.text.isupper() and len(head) > 1
        ):
            # pronouns; "US" in capitals is the United States, not "us"
            near = self._person_before(head) if low in PERSON_PRON else None
            if near is not None:
                return [self._at(near, head)]
            if low in PERSON_PRON and self.last_person:
                return [self._at(self.last_person, head)]
            if low in GROUP_PRON and self.last_group:
                return [self._at(self.last_group, head)]
            return []
        lo, hi = np_span(head)
        span = doc[lo:hi]
        # "his country" / "their government"
        poss = [c for c in head.children if c.dep_ == "poss" and c.lower_ in PERSON_PRON | GROUP_PRON]
        if poss and head.lemma_ in (
            "country",
            "government",
            "nation",
            "side",
            "delegation",
            "army",
            "forces",
            "troops",
            "troop",
            "soldier",
            "police",
            "fighter",
            "force",
        ):
            ref = self.last_person if poss[0].lower_ in PERSON_PRON else self.last_group
            speaker = self._speaker_of(head) if poss[0].lower_ in GROUP_PRON else None
            ref = speaker or ref  # "the Pakistani army said its troops repulsed an attack"
            if poss[0].lower_ in PERSON_PRON:
                ref = self._person_before(head) or ref  # "Tykhyi saying his country was prepared"
            if ref:
                e = self._at(ref, head)
                e.text, e.start, e.end = span.text, span.start_char, span.end_char
                e.sector = fallback.NOUN_SECTOR.get(head.lemma_, e.sector)
                return [e]
        sector = self.sector_of(head, lo, hi)
        patrons = {t.i for t in span if _patron(t)}
        # demonyms in coordination: "Russian and Ukrainian officials"
        mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper()]
        if mods and not patrons and any(cc.dep_ == "conj" for m in mods for cc in m.children):
            got = []
            for m in mods:
                for x in [m, *[cc for cc in m.subtree if cc.dep_ == "conj"]]:
                    code, sec = self.code_text(x.text)
                    if code:
                        ent = self._entity_over(x.idx, x.idx + len(x), x.idx, x.idx + len(x))
                        got.append(
                            EventEntity(
                                text=x.text,
                                start=x.idx,
                                end=x.idx + len(x),
                                name=f"{x.text} {head.text}",
                                entity_id=ent.id if ent is not None and ent.country == code else None,
                                code=code,
                                sector=sec or sector,
                            )
                        )
            if got:
                for g in got:
                    self._remember(g, head, "NORP")
                return got
        ent = (
            self._entity_over(span.start_char, span.end_char, head.idx, head.idx + len(head))
            if not patrons
            else None
        )
        if ent is not None:
            ent_sector = ent.sector
            if ent_sector == "MIL" and _civil_general(span.text):
                ent_sector = sector  # "Secretary-General Antonio Guterres": no military rank
            out = EventEntity(
                text=span.text, start=span.start_char, end=span.end_char, entity_id=ent.id, name=ent.name,
                code=ent.country, sector=ent_sector or sector or ("GOV" if ent.type == "GPE" else None),
                wikidata=ent.wikidata,
            )  # fmt: skip
            self._remember(out, head, ent.type)
            return [out]
        # the whole phrase, then named entities in it, then capitalised words in it; a patron ("Iranian-backed",
        # "pro-Iranian") is not the group's own state
        text = span.text
        code, sec = self.code_text(text) if not patrons else (None, None)
        if not code:
            for e in self.ents_in(lo, hi):
                if (
                    e.start >= lo
                    and e.end <= hi
                    and e.label_ in ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC")
                    and not any(t.i in patrons for t in e)
                ):
                    code, sec = self.code_text(
                        e.text, person=e.label_ == "PERSON" or self._person_at(e.start_char, e.end_char)
                    )
                    if code:
                        break
        if not code:
            for i in range(lo, hi):
                t = doc[i]
                led = LED.match(t.text)
                if led and i not in patrons:  # "U.S.-led forces": one token
                    code, sec = self.code_text(led.group(1))
                    if code:
                        break
                if LED.match("x-" + t.lower_) and i >= 2 and doc[i - 1].text == "-":
                    code, sec = self.code_text(doc[i - 2].text)  # "Saudi-led forces": three tokens
                    if code and len(code) == 3:
                        lo = min(lo, i - 2)
                        span, text = doc[lo:hi], doc[lo:hi].text
                        break
                    code = None
                if t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN") and i not in patrons:
                    if t.ent_type_ not in ("GPE", "LOC") and not _names_state(t.text):
                        continue  # an untagged capitalised word ("The Federal Minister") is no town's name
                    code, sec = self.code_text(
                        t.text, person=t.ent_type_ == "PERSON" or self._person_at(t.idx, t.idx + len(t))
                    )
                    if code:
                        break
        if not code:  # "Ethopia has agreed", "Quatar's emir": a state's name misspelt by one letter
            for i in range(lo, hi):
                t = doc[i]
                if t.text[:1].isupper() and i not in patrons and t.ent_type_ != "PERSON":
                    code = misspelt_state(t.text)
                    if code:
                        sec = None
                        break
        common = _common_noun(head)
        if not code and common and head.lemma_.lower() in SPEAKS_FOR:
            # "a spokesman for the Chinese foreign ministry", "an official of the ruling party": whom he speaks for
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("for", "of", "at"):
                    for p in c.children:
                        if p.dep_ == "pobj" and p.i != head.i:
                            got = [g for g in self.resolve(p) if g.code]
                            if got:
                                code, sec = got[0].code, sector or got[0].sector
                                hi = max(hi, p.right_edge.i + 1)
                                span = doc[lo:hi]
                                text = span.text
                                break
                    if code:
                        break
        if not code and common:
            # "Rebels in the Ivory Coast", "Opposition groups in Zimbabwe", "Security forces in Guinea"
            for c in [t for t in head.subtree if t.i <= hi + 6 and t.head.i >= lo]:
                if c.head.i >= hi and c.lower_ == "from" and c.head.lemma_.lower() not in AFFILIATION:
                    continue  # a source inside a clause on the noun: "calls to withdraw from Kuwait"
                affiliated = c.lower_ in ("with", "to") and c.head.lemma_.lower() in AFFILIATION
                meeting_place = (
                    c.lower_ == "in"
                    and head.dep_ == "pobj"
                    and head.head.lower_ == "with"
                    and head.head.head.lemma_.lower() in MEETINGS
                )
                if meeting_place:
                    continue  # "resumed talks with communist rebels in Oslo": where they meet, not whose
                if c.dep_ == "prep" and (c.lower_ in ("in", "from", "throughout", "across") or affiliated):
                    for p in c.children:
                        if affiliated and p.dep_ == "pobj" and p.pos_ == "NOUN" and not code:
                            # "fighters loyal to Iraq's Shiite cleric", "militias loyal to the Libyan premier"
                            got = [g for g in self.resolve(p) if g.code and len(g.code) == 3]
                            if got and is_state_code(got[0].code):
                                code, sec = got[0].code, sector
                                hi = max(hi, p.right_edge.i + 1)
                                span = doc[lo:hi]
                                text = span.text
                                break
                        if p.dep_ == "pobj" and (
                            p.ent_type_ in ("GPE", "NORP")
                            or (affiliated and (p.ent_type_ == "ORG" or p.pos_ == "PROPN"))
                        ):
                            pl, ph = np_span(p)
                            code, sec = self.code_text(doc[pl:ph].text)
                            if not code:  # "the Serbian Workers' Union": its state adjective
                                for x in doc[pl:ph]:
                                    if (
                                        x.ent_type_ in ("NORP", "GPE")
                                        or x.dep_ == "amod"
                                        and x.text[:1].isupper()
                                    ):
                                        code, sec = self.code_text(x.text)
                                        if code:
                                            break
                            if code and len(code) == 3:
                                hi = max(hi, ph)
                                span = doc[lo:hi]
                                text = span.text
                                sec = sector
                                break
                    if code:
                        break
        if not code and head.ent_type_ == "PERSON":
            code = self._title_country(head)  # "Sheikh Hamad, the emir of Qatar, met ..."
            if code:
                sec = sector or "GOV"
        if not code and head.ent_type_ == "PERSON":
            code = self._sentence_country(head)
            if code:
                sec = sector or "GOV"
        if (
            not code
            and head.lower_ in OFFICIAL_TITLES
            and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children)
        ):
            # "The Federal Minister for Interior Aftab Sherpao allowed ...": a title with the official's name in
            # apposition, of the only state the sentence names (not one it acts on)
            code = self._only_state(head, lo, hi, acted_on=False)
            if code:
                sec = sector or "GOV"
        if (
            not code
            and common
            and (_group_word(head) or _people_of(head))
            and (
                head.dep_ in ("nsubj", "nsubjpass")
                or (
                    head.dep_ == "pobj" and head.head.lower_ in ("between", "by")
                )  # "fighting between troops and"
                or (head.dep_ == "conj" and head.head.dep_ == "pobj" and head.head.head.lower_ == "between")
            )
        ):
            # "Prisoners rioted at a jail in East Timor's capital", "Islamic fundamentalists ... Algerian
            # President": a group the text gives no country, in the only state the sentence names
            code = self._only_state(
                head,
                lo,
                hi,
                where=True,
                civil=sector in CIVIL_SECTORS,
                armed=sector in ("MIL", "COP", None),
                gov=sector == "GOV",
            )
            if code and sector == "GOV" and self._only_state(head, lo, hi, acted_on=False) is None:
                code = None  # "the minister met the Egyptian president in Cairo": Egypt is the other side
            if code:
                sec = sector
        if (
            not code
            and self.home
            and common
            and sector in HOME_SECTORS
            and (_group_word(head) or _people_of(head))
            and head.dep_ in ("nsubj", "nsubjpass")
            and not names_other_state(self.ents_in(head.sent.start, head.sent.end), self.home, self.code_text)
        ):
            code, sec = self.home, sector  # "Police fired tear gas" in a story from Nairobi
        if (
            not code
            and head.lemma_.lower() in BOTH_SIDES
            and self.parties
            and (any(c.lower_ in ("both", "each", "two", "the", "all") for c in head.children))
        ):
            return [
                p.model_copy(update={"text": span.text, "start": span.start_char, "end": span.end_char})
                for p in self.parties
            ]
        if not code:
            return []
        is_place = code and head.ent_type_ in ("GPE",) and hi - lo <= 3
        if sec is None:
            sec = sector or ("GOV" if is_place or text.lower().strip() in fallback.ALIASES else None)
            if sec is None and head.ent_type_ == "PERSON" and head.lower_ in fallback.PEOPLE:
                sec = "GOV"
        out = EventEntity(
            text=text, start=span.start_char, end=span.end_char, name=text, code=code, sector=sec
        )
        self._remember(out, head, head.ent_type_)
        return [out]

    def _speaker_of(self, head: Token) -> EventEntity | None:
        """The subject of the reporting verb whose reported clause ``head`` is the subject of."""
        clause = head.head
        if head.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
            return None
        verb = clause.head
        if verb.lemma_.lower() not in REPORTING_LEMMAS:
            return None
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj or subj[0].pos_ == "PRON":
            return None
        got = self.resolve(subj[0])
        return got[0] if got and got[0].code else None

    def _person_before(self, head: Token) -> EventEntity | None:
        """The nearest person named earlier in the same sentence, when the text gives them a country."""
        sent = head.sent
        for ent in reversed(self.ents_in(sent.start, sent.end)):
            if ent.label_ == "PERSON" and ent.end <= head.i:
                got = self.resolve(ent.root)
                if got and got[0].code:
                    return got[0]
                return None
        return None

    def _title_country(self, head: Token) -> str | None:
        """The state of a title in apposition to a name: "Sheikh Hamad, the emir of Qatar", "Egypt's foreign
        minister, Amr Zalat" (also when the parser hangs the title on the verb before the name)."""
        partners = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            partners.append(head.head)
        if head.dep_ in ("nsubj", "nsubjpass"):
            partners += [c for c in head.head.children if c.dep_ == "dep" and c.i < head.i]
        for p in partners:
            if p.pos_ not in ("NOUN", "PROPN") or p.lemma_.lower() not in STATE_VOICES:
                continue
            pl, ph = np_span(p)
            code, _ = self.code_text(self.doc[pl:ph].text)
            if code and len(code) == 3:
                return code
            for t in self.doc[pl:ph]:
                if t.ent_type_ in ("GPE", "NORP") or _names_state(t.text):
                    code, _ = self.code_text(t.text)
                else:
                    code = misspelt_state(t.text) if t.text[:1].isupper() else None
                if code and len(code) == 3:
                    return code
        return None

    def _sentence_country(self, head: Token) -> str | None:
        """A person the text gives no country: the country that == the subject of the sentence's main verb."""
        root = head.sent.root
        for c in root.children:
            if c.dep_ == "nsubj" and c.ent_type_ in ("GPE", "NORP") and c != head:
                code, _ = self.code_text(c.text)
                if code and len(code) == 3:
                    return code
        # "President Yoweri Museveni has threatened to ban Ugandan opposition candidates": a titled official of
        # the only state the sentence names
        lo, hi = np_span(head)
        if not any(t.lower_ in OFFICIAL_TITLES for t in head.doc[max(lo - 1, 0) : hi]):
            return None
        return self._only_state(head, lo, hi, acted_on=False)

    def _only_state(
        self,
        head: Token,
        lo: int,
        hi: int,
        where: bool = False,
        acted_on: bool = True,
        civil: bool = False,
        armed: bool = True,
        gov: bool = False,
    ) -> str | None:
        """The one state the sentence names (outside the phrase itself); with ``where``, named as a place where
        things happen ("in Algeria", "at a jail in East Timor's capital"), not as a party acted on. Without
        ``acted_on``, a state named as the party acted on ("praised Jordan's role", "met Egypt's president")
        is no country for the official: it is the other side of the event. With ``civil`` (prisoners,
        students, workers, parties: people who seldom act abroad), the one state where they act wins over
        states named otherwise, and a state named only for its rulers ("demand the resignation of the Algerian
        president", "independence from Indonesian rule") is theirs. Unless ``armed`` (troops, police: often
        abroad or in occupied land), the one place also wins when every other state named is that same one."""
        sent = head.sent
        codes: set[str] = set()
        places: set[str] = set()
        rulers: set[str] = set()
        others: set[str] = set()
        for e in self.ents_in(sent.start, sent.end):
            if e.label_ not in ("GPE", "NORP", "ORG") or (e.start >= lo and e.end <= hi):
                continue
            code, _ = self.code_text(e.text)  # an organisation of a state counts: "the White House said"
            if code is None or not is_state_code(code):
                continue
            if where:
                if (
                    _locative(e.root)
                    or (e.label_ == "GPE" and _place_acted_on(e.root))
                    or _home_report(e.root, officials=gov)
                ):
                    places.add(code)
                elif civil and _rulers_of(e.root):
                    rulers.add(code)
                else:
                    others.add(code)  # a state named otherwise (a party, a demonym): the group may be foreign
                continue
            if not acted_on and (
                (e.label_ == "GPE" and _acted_on(e.root))
                or (  # "met the Jordanian king": another state's official
                    e.root.dep_ in ("amod", "compound")
                    and e.root.head.lemma_.lower() in STATE_VOICES
                    and _acted_on(e.root.head)
                )
            ):
                return None
            codes.add(code)
        if where:
            if len(places) == 1 and (civil or (not armed and others <= places)):
                return places.pop()  # "rebels killed three Turkish soldiers in southeastern Turkey"
            if others or len(places | rulers) != 1:
                return None
            return (places | rulers).pop() if (places or civil) else None
        return codes.pop() if len(codes) == 1 else None

    def update_memory(self, sent: Any) -> None:
        """Remember the people and groups a sentence names, for pronouns in the next ones."""
        people = [e for e in self.ents_in(sent.start, sent.end) if e.label_ == "PERSON"]
        subj = [e for e in people if e.root.dep_ in ("nsubj", "nsubjpass")]
        for ent in (subj or people)[:1]:
            got = self.resolve(ent.root)
            if got and got[0].code:
                self.last_person = got[0]

    def _at(self, ref: EventEntity, head: Token) -> EventEntity:
        return EventEntity(
            text=head.text, start=head.idx, end=head.idx + len(head), entity_id=ref.entity_id, name=ref.name,
            code=ref.code, sector=ref.sector, wikidata=ref.wikidata,
        )  # fmt: skip

    def _remember(self, e: EventEntity, head: Token, etype: str) -> None:
        if head.dep_ not in ("nsubj", "nsubjpass", "poss", "pobj", "amod"):
            return
        if etype == "PERSON" or head.ent_type_ == "PERSON":
            self.last_person = e
        elif head.dep_ == "nsubj":
            self.last_group = e
