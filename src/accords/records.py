"""The typed record accords produces: article, sentences, entities, quotes and events.

Every item that comes from the text carries character offsets into ``Article.text`` (the
exact body string that was analysed) and the index of the sentence it lies in, so that a
reader can always go back to the words behind a record.  ``accords schema`` prints the JSON
Schema of :class:`Record`.
"""

from __future__ import annotations

import bisect
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A piece of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


class Sentence(_Model):
    index: int
    start: int
    end: int


class Paragraph(_Model):
    start: int
    end: int


class Article(_Model):
    """The clean article. ``text`` is the string every offset in the record points into."""

    id: str = Field(description="Stable id: hash of the canonical URL, or of the body when there is none.")
    source: str | None = Field(None, description="Where it was read from: path, URL or '-' for stdin.")
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    published: str | None = Field(
        None, description="Publication date, ISO 8601 (YYYY-MM-DD or full timestamp)."
    )
    date_modified: str | None = Field(
        None, description="Last modification date the page declares when later than `published`, YYYY-MM-DD."
    )
    site_name: str | None = None
    authors: list[str] = Field(default_factory=list)
    language: str | None = None
    text: str = ""
    paragraphs: list[Paragraph] = Field(default_factory=list)
    reactions: dict[str, int] | None = Field(
        None, description="Counts of the page's reader-reaction widget, e.g. {'like': 0, 'dislike': 3}."
    )
    content_hash: str | None = Field(None, description="sha256 of the body text; equal bodies share it.")
    warnings: list[str] = Field(default_factory=list)


class Mention(_Model):
    """One place where an entity is named or referred to."""

    start: int
    end: int
    text: str
    sentence: int = Field(description="Index into Record.sentences.")
    kind: Literal["name", "partial", "pronoun", "nominal", "metonym", "demonym"] = "name"


EntityType = Literal["PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "GROUP", "OTHER"]


class Entity(_Model):
    """A person, place, organisation, state or group, with every mention of it."""

    id: str = Field(description="Unique within the record, e.g. 'E3'.")
    type: EntityType
    name: str = Field(description="Canonical name: the fullest name the text gives.")
    country: str | None = Field(
        None,
        description="ISO 3166 alpha-3, or a PLOVER code for non-state actors (IGO, UNO, EUR, NGO, IMG, MNC...).",
    )
    sector: str | None = Field(
        None, description="PLOVER sector code: GOV, MIL, REB, COP, JUD, LEG, PTY, CVL..."
    )
    role: str | None = Field(None, description="Title or role the text gives, e.g. 'Secretary of State'.")
    wikidata: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Evidence(_Model):
    """The sentence(s) a record came from, and the span of its words inside them."""

    sentence: int = Field(description="Index of the (first) sentence.")
    sentences: list[int] = Field(
        default_factory=list, description="All sentences it spans, when more than one."
    )
    start: int
    end: int
    text: str


class Speaker(_Model):
    text: str
    start: int
    end: int
    entity_id: str | None = None
    name: str | None = None
    role: str | None = None
    country: str | None = None


class Quote(_Model):
    id: str
    kind: Literal["direct", "mixed", "indirect"]
    content: list[Span] = Field(description="One piece, or several for a split quote.")
    cue: Span | None = None
    speaker: Speaker | None = None
    evidence: Evidence
    confidence: float = 1.0
    version: str = Field(description="Version of the component that produced it, e.g. 'quotes.rules.v1'.")
    within: str | None = Field(
        None,
        description="The id of the reported quote whose words hold this one: a report inside a report ('X said Y "
        "wants Z': Y's wish is known only from X).",
    )


class EventEntity(_Model):
    """A PLOVER actor or recipient: an entity object with its country and sector codes."""

    text: str
    start: int | None = None
    end: int | None = None
    entity_id: str | None = None
    name: str | None = None
    code: str | None = Field(None, description="ISO alpha-3 or IGO/UNO/EUR/NGO/ISM/IMG/MNC.")
    sector: str | None = None
    wikidata: str | None = None


class Location(_Model):
    text: str
    start: int | None = None
    end: int | None = None
    place: str | None = None
    country: str | None = None


class Size(_Model):
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    count: int | None = Field(None, description="Other counted people or things, e.g. prisoners exchanged.")
    unit: str | None = Field(None, description="What `count` counts, e.g. 'prisoners'.")
    per_side: bool = False


class Flags(_Model):
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False

    def any(self) -> bool:
        return self.negated or self.hypothetical or self.future or self.historical


PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]


class Event(_Model):
    """A PLOVER 2.0 event, with PLOVER's field names, plus accords' evidence and flags."""

    id: str
    event: PloverType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    quad_code: int | None = None
    actor: list[EventEntity] = Field(default_factory=list)
    recipient: list[EventEntity] = Field(default_factory=list)
    date: str | None = Field(None, description="YYYY-MM-DD, resolved against the publication date.")
    date_text: str | None = None
    event_loc: Location | None = None
    size: Size | None = None
    trigger: Span | None = None
    evidence: Evidence
    flags: Flags = Field(default_factory=Flags)
    confidence: float = 1.0
    version: str = Field(description="Version of the coder that produced it, e.g. 'events.plover.v1'.")


class Record(_Model):
    """Everything accords extracts from one article."""

    id: str
    accords_version: str
    schema_version: str = SCHEMA_VERSION
    extractors: dict[str, str] = Field(default_factory=dict, description="Stage name -> component version.")
    model: str | None = Field(None, description="spaCy pipeline used, name and version.")
    status: Literal["ok", "warning", "failed"] = "ok"
    reason: str | None = Field(None, description="Why the record is failed or carries warnings.")
    article: Article
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    # Lookup tables derived from the lists above, rebuilt when those lists change size (never serialised).
    _sentence_starts: tuple[int, list[int]] | None = PrivateAttr(default=None)
    _mention_index: tuple[tuple[int, int], Any] | None = PrivateAttr(default=None)

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding character ``offset`` (the last one before it if between)."""
        if not self.sentences:
            return 0
        cached = self._sentence_starts
        if cached is None or cached[0] != len(self.sentences):
            cached = (len(self.sentences), [s.start for s in self.sentences])
            self._sentence_starts = cached
        i = bisect.bisect_right(cached[1], offset) - 1
        return self.sentences[i].index if i >= 0 else 0

    def mention_index(self) -> Any:
        """Every entity mention sorted by start: (starts, rows, longest) with rows (start, end, order, entity).

        Rebuilt when the number of entities or mentions changes, so stages that add mentions stay correct.
        """
        key = (len(self.entities), sum(len(e.mentions) for e in self.entities))
        cached = self._mention_index
        if cached is None or cached[0] != key:
            rows = sorted(
                (
                    (m.start, m.end, (ei, mi), e)
                    for ei, e in enumerate(self.entities)
                    for mi, m in enumerate(e.mentions)
                ),
                key=lambda r: (r[0], r[2]),
            )
            longest = max((r[1] - r[0] for r in rows), default=0)
            cached = (key, ([r[0] for r in rows], rows, longest))
            self._mention_index = cached
        return cached[1]


def record_schema() -> dict[str, object]:
    return Record.model_json_schema()
