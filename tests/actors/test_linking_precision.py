"""A bare or titled surname joins a full-named person only when no other holder of it is open
(accords.actors.surnames, accords.actors.linker._surname_pick)."""

from __future__ import annotations

import pytest
from actors_helpers import owner, run

pytestmark = pytest.mark.slow


def test_president_surname_does_not_join_the_wife_named_in_full():
    rec = run(
        "Michelle Obama visited a school in Chicago on Tuesday.\n\n"
        "President Obama signed the bill in Washington later that day."
    )
    michelle = owner(rec, "Michelle")
    president = owner(rec, "Obama", 1)
    assert michelle is not None
    assert president is None or president.id != michelle.id


def test_title_held_in_the_text_decides_between_two_of_one_family():
    rec = run(
        "Former President Bill Clinton and Hillary Clinton arrived in Iowa on Monday.\n\n"
        "President Clinton spoke first to the crowd in Des Moines."
    )
    bill = owner(rec, "Bill")
    hillary = owner(rec, "Hillary")
    titled = owner(rec, "Clinton", 2)
    assert bill is not None and hillary is not None and bill.id != hillary.id
    assert titled is not None and titled.id == bill.id


def test_surname_of_the_only_person_named_still_links():
    rec = run(
        "Senator Ted Cruz spoke in Iowa on Monday.\n\nMr. Cruz said he would win the caucuses next month."
    )
    ted = owner(rec, "Ted")
    later = owner(rec, "Cruz", 1)
    assert ted is not None and later is not None and later.id == ted.id


def test_title_gender_keeps_a_surname_off_the_other_gender():
    rec = run(
        "Mr. Walter Pennington opened the bakery in Leeds in 1990.\n\n"
        "Mrs. Pennington said on Friday that the shop would close."
    )
    walter = owner(rec, "Walter")
    wife = owner(rec, "Pennington", 1)
    assert walter is not None
    assert wife is None or wife.id != walter.id


def test_title_gender_reads_the_words_before_a_name():
    import spacy

    from accords.actors.surnames import title_gender, word_gender

    assert word_gender("Mrs.") == "f" and word_gender("Mr.") == "m" and word_gender("Senator") is None
    doc = spacy.blank("en")("He thanked first lady Jane Doe and Mr. John Doe .")
    assert title_gender(doc, 4, 0) == "f"  # 'first lady' before 'Jane'
    assert title_gender(doc, 8, 0) == "m"  # 'Mr.' before 'John'
    assert title_gender(doc, 1, 0) is None


def test_a_judge_the_name_criticized_is_not_the_names_title():
    rec = run(
        "The lawyer defended a judge Mark Holloway criticized last year. Holloway spoke in Denver on Monday.\n\n"
        "The judge did not answer."
    )
    holloway = owner(rec, "Mark")
    assert holloway is not None
    assert "judge" not in (holloway.role or "").lower()
    later = owner(rec, "judge", 1)
    assert later is None or later.id != holloway.id


def test_reduced_relative_needs_the_determiner_and_the_verb():
    rec = run(
        "Adviser Jake Sullivan met the press. The spokesman Nicole Mainor said the agency would respond."
    )
    sullivan = owner(rec, "Jake")
    mainor = owner(rec, "Nicole")
    assert sullivan is not None and (sullivan.role or "").lower() == "adviser"
    assert mainor is not None and "spokesman" in (mainor.role or "").lower()


def test_mr_and_mrs_of_one_family_stay_apart_when_the_text_does_not_say_which_is_which():
    rec = run(
        "Walter Pennington and Ruth Pennington opened a bakery in Leeds in 1990.\n\n"
        "Mr. Pennington said the shop would close. Mrs. Pennington said it would stay open."
    )
    mr = owner(rec, "Pennington", 2)
    mrs = owner(rec, "Pennington", 3)
    assert mr is not None and mrs is not None
    assert mr.id != mrs.id


def test_a_pronoun_of_the_other_gender_does_not_join_a_titled_person():
    rec = run(
        "Walter Pennington and Ruth Pennington opened a bakery in Leeds in 1990.\n\n"
        "Mrs. Pennington said the shop would close, and her husband agreed with him."
    )
    mrs = owner(rec, "Pennington", 2)
    him = owner(rec, "him")
    assert mrs is not None
    assert him is None or him.id != mrs.id
