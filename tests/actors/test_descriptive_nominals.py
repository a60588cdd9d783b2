"""Descriptive nominals ('the retired neurosurgeon', 'the Vermont senator', 'the 74-year-old') link to the person
the text described that way before, and to no one when the evidence is missing or points to two people."""

from __future__ import annotations

import pytest
from actors_helpers import owner_name, run

pytestmark = pytest.mark.slow


def test_apposition_description_links_later_phrase():
    rec = run(
        "Ben Carson, a retired neurosurgeon, spoke to voters in Iowa on Monday. "
        "The retired neurosurgeon said the tax code was too long."
    )
    assert owner_name(rec, "The retired neurosurgeon") == "Ben Carson"


def test_description_before_the_name_links_head_noun():
    rec = run(
        "Billionaire Donald Trump and Ben Carson spoke at the rally. The billionaire said the polls were wrong."
    )
    assert owner_name(rec, "The billionaire") == "Donald Trump"


def test_place_modifier_must_have_been_said_of_the_person():
    rec = run(
        "Vermont Sen. Bernie Sanders and Texas Sen. Ted Cruz spoke on Sunday. "
        "The Vermont senator said the banks were too big."
    )
    assert owner_name(rec, "The Vermont senator") == "Bernie Sanders"


def test_two_persons_with_the_same_head_means_no_link():
    rec = run(
        "Sen. Bernie Sanders and Sen. Ted Cruz spoke on Sunday. The senator said the banks were too big."
    )
    assert owner_name(rec, "The senator") is None


def test_former_does_not_match_a_sitting_holder_nor_the_other_way():
    rec = run(
        "Ohio Gov. John Kasich spoke in Columbus on Friday. The former governor said he would run again."
    )
    assert owner_name(rec, "The former governor") is None
    rec = run(
        "Former Florida Gov. Jeb Bush spoke in Miami on Friday. The governor said the budget was balanced."
    )
    assert owner_name(rec, "The governor") is None


def test_age_given_after_the_name_links_the_n_year_old():
    rec = run(
        "Bernie Sanders, 74, spoke in Burlington on Monday. The 74-year-old said the race was not over."
    )
    assert owner_name(rec, "The 74-year-old") == "Bernie Sanders"


def test_age_not_given_in_the_text_does_not_link():
    rec = run("Bernie Sanders spoke in Burlington on Monday. The 74-year-old said the race was not over.")
    assert owner_name(rec, "The 74-year-old") is None


def test_plural_and_indefinite_phrases_never_link():
    rec = run(
        "Ben Carson, a retired neurosurgeon, spoke in Iowa. The neurosurgeons said the plan would fail. "
        "A neurosurgeon said so too."
    )
    assert owner_name(rec, "The neurosurgeons") is None
    assert owner_name(rec, "A neurosurgeon") is None


def test_generic_and_predicate_uses_do_not_link():
    rec = run(
        "Republican candidate Donald Trump spoke in Ohio. The next candidate will face the voters in March. "
        "Trump said he would become the candidate of the party."
    )
    assert owner_name(rec, "The next candidate") is None
    assert owner_name(rec, "the candidate of the party") is None


def test_head_noun_never_used_of_the_person_does_not_link():
    rec = run("Donald Trump spoke in Ohio on Monday. The billionaire said the polls were wrong.")
    assert owner_name(rec, "The billionaire") is None


def test_description_from_a_noun_not_attached_to_the_name_is_no_evidence():
    # 'a neurosurgeon Carson knew': the neurosurgeon is someone else, not a description of Carson
    rec = run(
        "Ben Carson spoke in Iowa. He praised a neurosurgeon Carson knew in Baltimore. "
        "The neurosurgeon said nothing."
    )
    assert owner_name(rec, "The neurosurgeon") is None
    rec = run(
        "Ben Carson spoke in Iowa. He praised neurosurgeon Carson in Baltimore. The neurosurgeon said no."
    )
    assert owner_name(rec, "The neurosurgeon") == "Ben Carson"


def test_person_not_mentioned_recently_is_not_linked():
    filler = " ".join(f"The council met on day {i} to discuss the budget." for i in range(1, 7))
    rec = run(
        f"Ben Carson, a retired neurosurgeon, spoke in Iowa. {filler} The retired neurosurgeon said no."
    )
    assert owner_name(rec, "The retired neurosurgeon") is None


def test_descriptive_nominal_as_speaker_resolves_to_the_person():
    from accords.core import process_article
    from accords.records import Article, Paragraph

    text = (
        "Ben Carson, a retired neurosurgeon, campaigned in Iowa on Monday. "
        '"We need a flat tax," the retired neurosurgeon said.'
    )
    paras = [Paragraph(start=0, end=len(text))]
    rec = process_article(Article(id="t", text=text, paragraphs=paras))
    speakers = [q.speaker for q in rec.quotes if q.speaker is not None]
    assert speakers, rec.quotes
    names = {e.id: e.name for e in rec.entities}
    assert any(names.get(sp.entity_id or "") == "Ben Carson" for sp in speakers), speakers
