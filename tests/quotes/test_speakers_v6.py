"""Speaker resolution in the quotes stage's own fallback (quotes.speakers v6): a surname joins a full name only when
one person has it, he/she agree with the person's gender, a title noun matches as a whole word and only right before
a name, and a state is looked up by its whole name."""

from __future__ import annotations

import re

import pytest
from quotes_helpers import quote_of, run

from accords.core import process_article
from accords.quotes.speakers import SpeakerResolver, _role_fits, _title_before
from accords.records import Article, Entity, Mention, Paragraph, Record
from accords.words import has_words


def _no_actors(text: str) -> Record:
    """The pipeline without the actors stage: entities stay raw, the speakers fallback does the linking."""
    paras = [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text)]
    art = Article(id="t", text=text, paragraphs=paras, language="en")
    return process_article(art, stages=("nlp", "quotes"))


def _person(eid: str, name: str, start: int) -> Entity:
    return Entity(
        id=eid,
        type="PERSON",
        name=name,
        mentions=[Mention(start=start, end=start + len(name), text=name, sentence=0)],
    )


def _record(text: str, entities: list[Entity], actors: bool) -> Record:
    rec = Record(
        id="t",
        accords_version="test",
        article=Article(id="t", text=text, paragraphs=[Paragraph(start=0, end=len(text))], language="en"),
        entities=entities,
    )
    if actors:
        rec.extractors["actors"] = "test"
    return rec


TWO = "Paul Marsh met Ruth Marsh. Marsh left."


def test_surname_joins_the_one_person_with_it() -> None:
    rec = _record(TWO, [_person("E1", "Paul Marsh", 0), _person("E2", "Marsh", 27)], actors=False)
    res = SpeakerResolver(rec, None)
    assert res._fullest(rec.entities[1]).name == "Paul Marsh"


def test_surname_of_two_persons_joins_neither() -> None:
    ents = [_person("E1", "Paul Marsh", 0), _person("E2", "Ruth Marsh", 14), _person("E3", "Marsh", 27)]
    rec = _record(TWO, ents, actors=False)
    assert SpeakerResolver(rec, None)._fullest(ents[2]).name == "Marsh"


def test_surname_the_actors_stage_left_alone_stays_alone() -> None:
    rec = _record(TWO, [_person("E1", "Paul Marsh", 0), _person("E2", "Marsh", 27)], actors=True)
    assert SpeakerResolver(rec, None)._fullest(rec.entities[1]).name == "Marsh"


def test_he_is_no_bare_surname_two_relatives_share() -> None:
    ents = [_person("E1", "Paul Marsh", 0), _person("E2", "Ruth Marsh", 14), _person("E3", "Marsh", 27)]
    res = SpeakerResolver(_record(TWO, ents, actors=True), None)
    assert not res._gender_ok(ents[2], "he")
    assert res._gender_ok(ents[0], "he") and not res._gender_ok(ents[1], "he")


def test_she_may_be_a_bare_surname_her_own_pronouns_tell() -> None:
    ents = [_person("E1", "Paul Marsh", 0), _person("E2", "Marsh", 27)]
    ents[1].mentions.append(Mention(start=33, end=36, text="her", sentence=0, kind="pronoun"))
    res = SpeakerResolver(_record(TWO, ents, actors=True), None)
    assert res._gender_ok(ents[1], "she") and not res._gender_ok(ents[1], "he")


def test_he_may_be_a_bare_surname_no_one_else_bears() -> None:
    ents = [_person("E1", "Paul Keane", 0), _person("E2", "Marsh", 27)]
    res = SpeakerResolver(_record(TWO, ents, actors=True), None)
    assert res._gender_ok(ents[1], "he")


@pytest.mark.slow
def test_bare_surname_quote_without_actors_is_not_given_to_either_namesake() -> None:
    rec = _no_actors(
        "Gordon Whitfield, a retired banker, sat in the front row on Sunday.\n"
        "His daughter Alice Whitfield spoke for an hour about the plant closures.\n"
        "“We will not let this town die quietly,” Whitfield said."
    )
    q = quote_of(rec, "town die quietly")
    assert q.speaker is not None
    assert q.speaker.name not in ("Gordon Whitfield", "Alice Whitfield")


@pytest.mark.slow
def test_he_is_not_a_woman_named_by_her_first_name() -> None:
    rec = _no_actors(
        "Margaret Ellison toured the flooded district on Monday with county engineers.\n"
        "“The levees held better than anyone expected,” he said."
    )
    q = quote_of(rec, "levees held")
    assert q.speaker is not None
    assert q.speaker.name != "Margaret Ellison"


@pytest.mark.slow
def test_she_still_finds_a_woman_named_by_her_first_name() -> None:
    rec = _no_actors(
        "Margaret Ellison toured the flooded district on Monday with county engineers.\n"
        "“The levees held better than anyone expected,” she said."
    )
    q = quote_of(rec, "levees held")
    assert q.speaker is not None and q.speaker.name == "Margaret Ellison"


@pytest.mark.slow
def test_he_is_the_one_who_said_not_the_one_talked_about() -> None:
    rec = _no_actors(
        "Walter Briggs said on Tuesday that Tom Hadley had misjudged the mood of the voters.\n"
        "“The crowds were smaller every week,” he said."
    )
    q = quote_of(rec, "crowds were smaller")
    assert q.speaker is not None and q.speaker.name == "Walter Briggs"


def test_title_noun_is_a_whole_word_of_the_role() -> None:
    assert has_words("Senator from Ohio", "senator", plural=True)
    assert has_words("the two senators", "senator", plural=True)
    assert not has_words("chairman of the Senatorial Campaign Fund", "senator", plural=True)


def test_a_hyphen_splits_words_unless_told_not_to() -> None:
    assert has_words("Vice-President", "president")
    assert not has_words("Vice-President", "president", hyphen_splits=False)
    assert not has_words("president-elect", "president", hyphen_splits=False)
    assert has_words("Republican senator from Texas", "senator", hyphen_splits=False)
    assert not has_words(None, "senator")


def test_a_vice_president_is_not_the_president() -> None:
    assert _role_fits("President", "president", "the president")
    assert not _role_fits("Vice President", "president", "the president")
    assert _role_fits("Vice President", "president", "the vice president")
    assert not _role_fits("Deputy Secretary", "secretary", "The secretary")
    assert not _role_fits("former senator", "senator", "The Vermont senator")


def test_title_right_before_a_name() -> None:
    assert _title_before("said the press spokesman, ", "spokesman")
    assert _title_before("according to Secretary of State ", "secretary")
    assert _title_before("during her years as secretary of state, ", "secretary")
    assert not _title_before("one source who had met ", "source")


@pytest.mark.slow
def test_the_source_is_not_the_person_the_source_talked_about() -> None:
    rec = _no_actors(
        "A source who knew Daniel Okafor described the talks as tense.\n"
        "“Nobody in that room trusted anybody,” the source said."
    )
    q = quote_of(rec, "Nobody in that room")
    assert q.speaker is not None
    assert q.speaker.name != "Daniel Okafor"


@pytest.mark.slow
def test_the_board_is_not_a_person_named_after_it() -> None:
    rec = _no_actors(
        "The chair of the board, Alan Fisk, voted against the plan on Monday.\n"
        "“We will review the decision next year,” the board said."
    )
    q = quote_of(rec, "review the decision")
    assert q.speaker is not None and "board" in q.speaker.text
    assert q.speaker.name != "Alan Fisk"


@pytest.mark.slow
def test_state_in_a_group_is_looked_up_whole() -> None:
    rec = run(
        "North Carolina election officials said on Tuesday that the turnout was the second highest in years."
    )
    q = quote_of(rec, "turnout was")
    assert q.speaker is not None and "officials" in q.speaker.text
    assert q.speaker.country == "USA"


@pytest.mark.slow
def test_compass_word_before_a_demonym() -> None:
    rec = run("Western European diplomats said on Monday that the talks would resume next week.")
    q = quote_of(rec, "talks would resume")
    assert q.speaker is not None and "diplomats" in q.speaker.text
    assert q.speaker.country == "EUR"


@pytest.mark.slow
def test_a_surname_that_looks_like_a_demonym_gives_no_country() -> None:
    rec = run("Billionaire investor Mark Cuban said on Friday that he would not back either candidate.")
    q = quote_of(rec, "would not back")
    assert q.speaker is not None and "Cuban" in q.speaker.text
    assert q.speaker.country != "CUB"
