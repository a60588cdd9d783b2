"""Gender from first names and titles, used to link pronouns and honorific surnames (hand-written sentences)."""

from __future__ import annotations

import pytest
from actors_helpers import owner, owner_name, run

from accords.actors.surnames import (
    FEMALE_WORDS,
    MALE_WORDS,
    PRONOUN_WORDS,
    first_name_gender,
    word_gender,
)


def test_first_name_gender_reads_the_census_table():
    assert first_name_gender("Margaret Thornton") == "f"
    assert first_name_gender("Gregory Thornton") == "m"
    # a title before the first name is passed over
    assert first_name_gender("President Gregory Thornton") == "m"
    assert first_name_gender("Thornton") is None  # a surname alone tells nothing
    assert first_name_gender("Zbigniew Thornton") is None  # not in the table
    # names the table leaves out: given to both sexes, or to the other sex in another language / name order
    assert first_name_gender("Lindsey Thornton") is None
    assert first_name_gender("Andrea Rossi") is None
    assert first_name_gender("Kim Jong Un") is None


def test_pronoun_words_come_from_one_list():
    assert word_gender("hers") == "f" and word_gender("his") == "m"
    assert word_gender("they") is None and word_gender("them") is None
    assert "they" not in PRONOUN_WORDS and "hers" in PRONOUN_WORDS
    assert not MALE_WORDS & FEMALE_WORDS


slow = pytest.mark.slow


@slow
def test_she_looks_past_a_man_to_the_woman_named_before():
    rec = run(
        "Margaret Ellison toured the plant on Monday. "
        "Gregory Ellison introduced the new director to the workers. She said the plant would stay open."
    )
    she = owner(rec, "She")
    assert she is not None and she.name == "Margaret Ellison"


@slow
def test_he_is_not_linked_to_the_only_woman_named():
    rec = run("Margaret Ellison praised the workers at the plant. He said the plant would stay open.")
    he = owner(rec, "He")
    assert he is None or he.name != "Margaret Ellison"


@slow
def test_mrs_surname_joins_the_woman_of_the_family():
    rec = run(
        "Gregory Ellison and Margaret Ellison visited the plant on Monday. "
        "Mrs. Ellison said the workers had earned a raise, and Mr. Ellison agreed."
    )
    assert owner_name(rec, "Mrs. Ellison") == "Margaret Ellison"
    assert owner_name(rec, "Mr. Ellison") == "Gregory Ellison"


@slow
def test_unnamed_subject_keeps_he_from_the_man_it_speaks_for():
    rec = run(
        "A spokesman for Gregory Ellison said the plant would stay open. "
        "He added that no workers would lose their jobs."
    )
    assert owner(rec, "He") is None


@slow
def test_named_apposition_subject_is_the_antecedent():
    rec = run(
        "The director of the factory, Margaret Ellison, told reporters that Gregory Ross had left. "
        "She said the plant would stay open."
    )
    she = owner(rec, "She")
    assert she is not None and she.name == "Margaret Ellison"


@slow
def test_person_gender_of_an_entity():
    from accords.actors import person_gender

    rec = run("Margaret Ellison met Mr. Okonkwo-Baptiste and Gregory Ross in the capital.")
    by_name = {e.name: e for e in rec.entities if e.type == "PERSON"}
    assert person_gender(by_name["Margaret Ellison"]) == "f"
    assert person_gender(by_name["Gregory Ross"]) == "m"
    got = [person_gender(e) for n, e in by_name.items() if "Okonkwo" in n]
    assert got == ["m"]


@slow
def test_the_senator_is_not_the_senatorial_committee_chairman():
    rec = run(
        "Senatorial Committee Chairman Gregory Ross spoke first. Later, the senator said the bill would pass."
    )
    s = owner(rec, "senator")
    assert s is None or s.name != "Gregory Ross"


@slow
def test_place_name_the_tagger_cut_short():
    rec = run("New Jersey Gov. Gregory Ross signed the bill on Monday.")
    ross = [e for e in rec.entities if e.type == "PERSON" and e.name.endswith("Ross")]
    assert ross and ross[0].country == "USA"
    assert not any(e.country == "JEY" for e in rec.entities)


@slow
def test_lone_fitting_non_subject_beside_the_other_gender_is_no_link():
    # the subject is a man; 'she' may be the woman he praised or someone the tagger did not name: no link
    rec = run("Gregory Ross praised Margaret Ellison at the plant. She said the plant would stay open.")
    assert owner(rec, "She") is None


@slow
def test_short_and_long_first_name_are_one_person():
    rec = run(
        "Kenneth Thornbury, the former judge, spoke on Monday. Ken Thornbury said the court had erred. "
        "Thornbury added that he would appeal."
    )
    people = [e for e in rec.entities if e.type == "PERSON" and e.name.endswith("Thornbury")]
    assert len(people) == 1
    assert owner(rec, "Thornbury", 2) is not None and owner(rec, "Thornbury", 2).id == people[0].id


@slow
def test_short_first_name_of_the_other_gender_stays_apart():
    rec = run(
        "Frank Thornbury spoke on Monday. His sister, Fran Thornbury, disagreed. Thornbury said the court had erred."
    )
    people = {e.name for e in rec.entities if e.type == "PERSON" and e.name.endswith("Thornbury")}
    assert people == {"Frank Thornbury", "Fran Thornbury"}
    assert owner(rec, "Thornbury", 2) is None  # two candidates: no link


def test_untitled_drops_a_title_the_tagger_took_into_the_name():
    from accords.actors.linker import _untitled

    class Tok:
        def __init__(self, text: str) -> None:
            self.text, self.lower_ = text, text.lower()

    class Span(list):
        @property
        def text(self) -> str:
            return " ".join(t.text for t in self)

        def __getitem__(self, i):  # type: ignore[override]
            got = list.__getitem__(self, i)
            return Span(got) if isinstance(i, slice) else got

    assert _untitled(Span([Tok("President"), Tok("Gregory"), Tok("Ross")])).text == "Gregory Ross"
    assert _untitled(Span([Tok("Former"), Tok("Gov."), Tok("Gregory"), Tok("Ross")])).text == "Gregory Ross"
    assert _untitled(Span([Tok("President"), Tok("Ross")])).text == "President Ross"  # a name is left


FILLER = (
    "The committee met again on Tuesday and discussed the budget for the coming year in some detail. " * 18
)


@slow
def test_surname_before_a_late_full_name_is_not_that_person():
    rec = run(
        "Thornbury won the vote on Monday, and Thornbury said the plan would pass.\n"
        + FILLER
        + "\nHer husband, Frank Thornbury, watched from the gallery."
    )
    first = owner(rec, "Thornbury", 0)
    assert first is None or first.name != "Frank Thornbury"


@slow
def test_headline_surname_joins_the_full_name_of_the_lede():
    rec = run(
        "Professor Thornbury's war;\nWhy a scholar left the university.\n"
        "Margaret Thornbury, a professor of history, left the university in May. Thornbury said she would return."
    )
    assert owner_name(rec, "Thornbury", 0) == "Margaret Thornbury"
    assert owner_name(rec, "Thornbury", 2) == "Margaret Thornbury"


@slow
def test_person_in_the_reported_words_is_not_the_speaker_pronoun():
    rec = run(
        "Gregory Ross, a retired teacher, spoke at the meeting. "
        "Also, Walter Ellison is no conservative, he said. The vote was close."
    )
    he = owner(rec, "he")
    assert he is None or he.name != "Walter Ellison"


@slow
def test_gender_learned_from_name_said_he():
    # 'Zoltan' is in no first-name list; 'Okafor said he' tells the linker he is a man
    rec = run("Zoltan Okafor said he would run again. Later she said the party would unite.")
    she = owner(rec, "she")
    assert she is None or she.name != "Zoltan Okafor"


@slow
def test_main_clause_subject_beats_a_subject_inside_its_clause():
    rec = run(
        "Gregory Ross pledged that Walter Ellison would win the state. He also spoke about the new budget."
    )
    he = owner(rec, "He")
    assert he is not None and he.name == "Gregory Ross"


@slow
def test_pronoun_in_a_clause_takes_that_clause_subject():
    rec = run(
        "Gregory Ross said on Monday that the deal was fair, whereas Walter Ellison admitted that he "
        "had doubts about it."
    )
    he = owner(rec, "he")
    assert he is not None and he.name == "Walter Ellison"


@slow
def test_pronoun_opening_a_paragraph_takes_the_subject_of_the_one_before():
    rec = run(
        "The council met on Monday, and Margaret Ellison, the mayor, praised the workers.\n"
        '"We will keep the plant open," she said.'
    )
    she = owner(rec, "she")
    assert she is not None and she.name == "Margaret Ellison"


@slow
def test_pronoun_opening_a_paragraph_skips_a_person_merely_mentioned_before():
    rec = run('The workers cheered like fans of Gregory Ross.\n"We like to work," he said.')
    assert owner(rec, "he") is None


@slow
def test_earlier_subject_pronoun_keeps_the_chain():
    # 'He nodded ... behind Walter Ellison': the next 'he' is the one who nodded, not Ellison
    rec = run(
        "Gregory Ross won the vote in May. He nodded only briefly to his second place behind Walter Ellison. "
        '"We learned a lot," he said.'
    )
    he = owner(rec, "he")
    assert he is None or he.name != "Walter Ellison"


@slow
def test_reported_clause_rule_needs_a_reporting_verb():
    rec = run(
        "Walter Ellison spoke for hours. Ellison's speech wasn't a solo effort, but he offered the best moment."
    )
    he = owner(rec, "he")
    assert he is not None and he.name == "Walter Ellison"


@slow
def test_mr_before_a_bare_surname_gives_that_person_a_gender():
    rec = run(
        "Mr. Okonkwo spoke in Ohio on Monday. Mr. Okonkwo said the vote was fair.\n"
        "She said the economy would recover by the end of the year."
    )
    she = owner(rec, "She")
    assert she is None or "Okonkwo" not in she.name


def test_unopened_drops_a_clause_word_the_tagger_took_into_the_name():
    from accords.actors.names import _unopened

    class Tok:
        def __init__(self, text: str) -> None:
            self.text, self.lower_ = text, text.lower()

    assert [t.text for t in _unopened([Tok("Though"), Tok("Ross")])] == ["Ross"]
    assert [t.text for t in _unopened([Tok("Will"), Tok("Ross")])] == ["Will", "Ross"]  # a first name stays
    assert [t.text for t in _unopened([Tok("Though")])] == ["Though"]  # never to nothing
