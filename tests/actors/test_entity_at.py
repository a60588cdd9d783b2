"""entity_at / entities_in on a hand-built record (no model)."""

from __future__ import annotations

from accords.actors import entities_in, entity_at
from accords.records import Article, Entity, Mention, Record

TEXT = "Foreign Ministry spokesperson Heorhii Tykhyi said his country was ready."


def _record() -> Record:
    def m(s: str, kind: str = "name", nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(s, start + 1)
        return Mention(start=start, end=start + len(s), text=s, sentence=0, kind=kind)  # type: ignore[arg-type]

    return Record(
        id="r",
        accords_version="t",
        article=Article(id="r", text=TEXT),
        entities=[
            Entity(
                id="E1",
                type="ORG",
                name="Foreign Ministry",
                country="UKR",
                sector="GOV",
                role=None,
                mentions=[m("Foreign Ministry")],
            ),
            Entity(
                id="E2",
                type="PERSON",
                name="Heorhii Tykhyi",
                country="UKR",
                sector="GOV",
                role="Foreign Ministry spokesperson",
                mentions=[m("Foreign Ministry spokesperson Heorhii Tykhyi"), m("his", "pronoun")],
            ),
            Entity(
                id="E3",
                type="GPE",
                name="Ukraine",
                country="UKR",
                sector=None,
                role=None,
                mentions=[m("his country", "nominal")],
            ),
        ],
    )


def test_entity_at_prefers_the_tightest_mention():
    rec = _record()
    s = TEXT.index("Heorhii")
    assert entity_at(rec, s, s + len("Heorhii Tykhyi")).id == "E2"
    assert entity_at(rec, 0, len("Foreign Ministry")).id == "E1"
    h = TEXT.index("his")
    assert entity_at(rec, h, h + 3).id == "E2"
    assert entity_at(rec, h, h + len("his country")).id == "E3"


def test_entity_at_none_outside_mentions():
    rec = _record()
    s = TEXT.index("ready")
    assert entity_at(rec, s, s + 5) is None


def test_entities_in_lists_each_entity_once_in_text_order():
    rec = _record()
    assert [e.id for e in entities_in(rec, 0, len(TEXT))] == ["E1", "E2", "E3"]
    assert [e.id for e in entities_in(rec, TEXT.index("said"), len(TEXT))] == ["E2", "E3"]
