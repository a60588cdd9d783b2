"""Word lists, the entity under construction and the mention book-keeping shared by the actor linker.

Split out of :mod:`accords.actors.linker` (no behaviour change).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from accords.actors.gazetteer import Gazetteer
from accords.pipeline import Work

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
    gender: str | None = None  # "m" / "f" when a title in the text says so ('Mr. Clinton', 'Mrs. Clinton')


class _BuilderBase:
    """The entities found so far and their mentions; the rules live in the subclasses."""

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


def _agentive(span: Any) -> bool:
    """Subject of a verb (or coordinated with one), or the agent of a passive."""
    t = span.root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ in {"nsubj", "nsubjpass"}:
        return True
    if t.dep_ == "dobj" and t.head.pos_ == "VERB":
        return True  # 'support Iraq', 'urged Russia to ...'
    if t.dep_ == "poss" and t.head.lemma_.lower() not in PLACE_NOUNS:
        return True  # "Russia's delegation", "Iraq's efforts" (not "Ukraine's east", "Syria's border")
    return t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.dep_ == "agent"


def name_head(tok: Any) -> Any:
    """The head of the name a token is part of: 'Ina' in 'Ina Kirsch' climbs its compound/flat arcs to 'Kirsch'."""
    t = tok
    while t.dep_ in {"compound", "flat"} and t.head.i != t.i:
        t = t.head
    return t


def _is_subject(tok: Any) -> bool:
    return bool(name_head(tok).dep_ in {"nsubj", "nsubjpass"})
