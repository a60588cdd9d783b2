"""Constructions and spans added in quotes.rules.v4 (reported speech), each on a sentence written for the test."""

from __future__ import annotations

import pytest
from quotes_helpers import one, run

pytestmark = pytest.mark.slow


def test_v4_a_later_report_is_not_part_of_the_first() -> None:
    rec = run("Six in 10 farmers said the mayor is honest, and three-quarters said the same of the sheriff.")
    assert one(rec, "the mayor").content[0].text == "the mayor is honest"
    q = one(rec, "the same of")
    assert q.content[0].text == "the same of the sheriff"
    assert q.speaker is not None and q.speaker.text == "three-quarters"


def test_v4_say_with_an_object_or_an_answer() -> None:
    q = one(run("Asked who should lead the committee, the mayor said Jenkins."), "Jenkins")
    assert q.cue is not None and q.cue.text == "said"
    q = one(run("Asked whether the tax is fair, 70 percent of farmers said yes."), "yes")
    assert q.speaker is not None and "farmers" in q.speaker.text


def test_v4_say_with_an_empty_object_is_no_quote() -> None:
    assert run("The mayor said nothing about the budget.").quotes == []
    assert run("The mayor said it twice.").quotes == []


def test_v4_a_participle_after_the_reported_clause_is_the_writers() -> None:
    q = one(
        run("The mayor said she would publish her tax returns on Friday, calling them very dull reading."),
        "she would publish",
    )
    assert q.content[0].text == "she would publish her tax returns on Friday"


def test_v4_the_setting_after_an_object_is_not_content() -> None:
    q = one(run("The governor praised the firefighters at a press conference in Denver."), "the firefighters")
    assert q.content[0].text == "the firefighters"
    q = one(run("The senator criticized the new budget during a radio interview."), "the new budget")
    assert q.content[0].text == "the new budget"
    # what the stance is about stays: 'for ...'
    q = one(run("The governor praised the firefighters for their courage."), "the firefighters")
    assert q.content[0].text == "the firefighters for their courage"


def test_v4_according_to_at_the_end_takes_all_the_clauses_less_the_writers_opener() -> None:
    rec = run(
        "Still, Smith won 37 percent, Jones had 36 percent and Brown took 13 percent, according to the count."
    )
    q = one(rec, "Smith won")
    assert q.content[0].text == "Smith won 37 percent, Jones had 36 percent and Brown took 13 percent"
    assert q.speaker is not None and q.speaker.text == "the count"


def test_v4_according_to_after_a_colon() -> None:
    rec = run("The levy has not hurt the city: Paris was the busiest market in 2015, according to one index.")
    assert one(rec, "Paris").content[0].text == "Paris was the busiest market in 2015"


def test_v4_part_of_a_group_and_people_by_role_hold_a_stance() -> None:
    q = one(run("All of the candidates oppose the new tariff on steel."), "the new tariff")
    assert q.speaker is not None and q.speaker.text.startswith("All of the candidates")
    q = one(run("The attendees expressed their support for the governor."), "their support")
    assert q.speaker is not None and q.speaker.text == "The attendees"


def test_v4_a_lone_noun_as_the_object_of_a_stance() -> None:
    q = one(run("The governor is thanking supporters."), "supporters")
    assert q.cue is not None and q.cue.text.endswith("thanking")
    assert run("The governor is eating lunch.").quotes == []


def test_v4_more_verbs_of_judging_and_wanting_take_their_object() -> None:
    q = one(run("The senator bashed the governor's tax plan."), "the governor")
    assert q.cue is not None and "bashed" in q.cue.text
    q = one(run("Many voters want a new trade deal with Canada."), "a new trade deal")
    assert q.speaker is not None and q.speaker.text == "Many voters"


def test_v4_money_raised_is_no_view() -> None:
    assert run("The campaign raised $3 million in March.").quotes == []


def test_v4_more_verbs_of_a_stance_with_a_preposition() -> None:
    q = one(run("The senator weighed in on the tax debate."), "the tax debate")
    assert q.speaker is not None and q.speaker.text == "The senator"
    q = one(run("The mayor agreed with the court's ruling."), "the court")
    assert q.cue is not None and "agreed" in q.cue.text


def test_v4_the_writers_link_before_reported_words_is_not_theirs() -> None:
    q = one(run("The mayor now says, however, that the plan will fail."), "that the plan")
    assert q.content[0].text == "that the plan will fail"
    q = one(run("The mayor said on Friday she met the governor last week."), "she met")
    assert q.content[0].text == "she met the governor last week"


def test_v4_a_view_voiced_as_a_noun() -> None:
    q = one(
        run("The senator expressed concern that the governor was encouraging violence."), "that the governor"
    )
    assert q.content[0].text == "that the governor was encouraging violence"
    assert q.cue is not None and q.cue.text == "expressed concern"
    assert q.speaker is not None and q.speaker.text == "The senator"


def test_v4_a_second_that_clause_is_reported_too() -> None:
    rec = run(
        "The mayor said the city needs to fix its roads and build more housing, but that she would not raise taxes."
    )
    q = one(rec, "the city needs")
    assert q.content[0].text.endswith("but that she would not raise taxes")


def test_v4_a_list_after_a_stance_verb_goes_on_past_its_commas() -> None:
    q = one(run("The senator cited low growth, unemployment and rising inequality."), "low growth")
    assert q.content[0].text == "low growth, unemployment and rising inequality"


def test_v4_version() -> None:
    from accords.quotes import VERSION

    rec = run("The senator bashed the governor's tax plan.")
    assert VERSION == "quotes.rules.v10"
    assert rec.quotes and all(q.version == VERSION for q in rec.quotes)


def test_v4_a_second_verb_of_the_same_reported_subject_is_reported_too() -> None:
    q = one(run("The mayor says she would call the governor and tell him to stop."), "she would call")
    assert q.content[0].text == "she would call the governor and tell him to stop"


def test_v4_a_noun_of_saying_on_ones_own_act_is_ones_own_words() -> None:
    q = one(
        run("The senator stirred controversy with an assertion that the migrants are criminals."), "that the"
    )
    assert q.speaker is not None and q.speaker.text == "The senator"
    q = one(run("The mayor responded to the claim that the budget is late."), "that the budget")
    assert q.speaker is None or q.speaker.text != "The mayor"


def test_v4_a_relative_clause_that_ends_the_reported_words_is_the_writers() -> None:
    q = one(
        run("The senator said he supports the final bill, which includes new rules for banks."), "he supports"
    )
    assert q.content[0].text == "he supports the final bill"


def test_v4_another_report_after_a_comma_is_not_part_of_the_first() -> None:
    rec = run(
        "Most farmers said they are set on voting for the mayor, while a few said they might change their mind."
    )
    assert one(rec, "they are set").content[0].text == "they are set on voting for the mayor"


def test_v4_what_a_parenthetical_verb_of_saying_governs_to_its_right_is_reported_too() -> None:
    q = one(
        run("The argument would be aided, Devine said, by the upcoming primary calendar."), "The argument"
    )
    assert [c.text for c in q.content] == ["The argument would be aided", "by the upcoming primary calendar"]
    q = one(run("“The plan is dead,” said the mayor, speaking to reporters after the vote."), "“The plan")
    assert all("speaking" not in c.text for c in q.content)


def test_v4_a_parenthetical_verb_of_belief() -> None:
    q = one(run("His leverage, his aides believe, is not going anywhere."), "His leverage")
    assert [c.text for c in q.content] == ["His leverage", "is not going anywhere"]
    assert q.cue is not None and q.cue.text == "believe"


def test_v4_a_relative_pronoun_before_the_verb_of_saying_is_a_piece_of_its_own() -> None:
    q = one(
        run("The district saw 30 applicants, which he said were evenly split between the two men."), "which"
    )
    assert [c.text for c in q.content] == ["which", "were evenly split between the two men"]
    assert q.speaker is not None and q.speaker.text == "he"


def test_v4_a_gerund_after_a_verb_of_saying() -> None:
    q = one(run("The senator denied meeting the lobbyist."), "meeting the lobbyist")
    assert q.cue is not None and q.cue.text == "denied"
    q = one(run("The Club for Growth reported spending $1 million on online ads."), "spending")
    assert q.content[0].text == "spending $1 million on online ads"


def test_v4_what_a_survey_finds_is_its_finding() -> None:
    q = one(run("A recent survey found broad support for background checks."), "broad support")
    assert q.speaker is not None and q.speaker.text == "A recent survey"
    assert run("The police found the body near the river.").quotes == []


def test_v4_a_noun_of_a_view_with_a_that_clause() -> None:
    q = one(run("The mayor's nagging concern that he cannot trust the council grew."), "that he cannot")
    assert q.cue is not None and q.cue.text == "concern"
    assert q.speaker is not None and "mayor" in q.speaker.text


def test_v4_a_participle_before_a_noun_takes_no_stance() -> None:
    rec = run("The figures include pledged delegates and superdelegates.")
    assert not [q for q in rec.quotes if q.cue is not None and q.cue.text == "pledged"]


def test_v4_according_to_after_an_opener_takes_the_rest_too() -> None:
    rec = run("At the heart of the trouble, according to the envoy, was a dispute over the settlements.")
    q = one(rec, "At the heart")
    assert len(q.content) == 2 and q.content[1].text.startswith("was a dispute")


def test_v4_a_relative_clause_set_off_at_the_end_of_an_object_is_the_writers() -> None:
    q = one(
        run("A new poll is showing a tightening of the race with Smith, who last week attacked the mayor."),
        "a tight",
    )
    assert q.content[-1].text == "a tightening of the race with Smith"


def test_v4_called_on_someone_to_do_something() -> None:
    q = one(run("The senator called on tech companies to become more aggressive."), "tech companies")
    assert q.content[0].text == "tech companies to become more aggressive"


def test_v4_an_aside_before_a_that_clause_is_not_reported() -> None:
    rec = run(
        "Trump drew a contrast, saying, apparently for the first time, that he would consider sending troops."
    )
    assert one(rec, "that he would").content[0].text == "that he would consider sending troops"


def test_v4_a_voiced_feeling_is_about_what_follows_it() -> None:
    q = one(run("The senator expressed dismay at the governor's treatment of the family."), "the governor")
    assert q.content[0].text == "the governor's treatment of the family"
    q = one(run("The senator expressed his disappointment at the new rules."), "his disappointment")
    assert q.content[0].text == "his disappointment at the new rules"


def test_v4_an_adjective_of_a_stance_after_a_linking_verb() -> None:
    q = one(
        run("Leading Democrats have become increasingly vocal about the need to unify the party."), "the need"
    )
    assert q.speaker is not None and q.speaker.text == "Leading Democrats"
    q = one(run("Her mother is equally passionate about Senator Bernie Sanders."), "Senator Bernie")
    assert q.speaker is not None and q.speaker.text == "Her mother"


def test_v4_a_ruling_with_a_clause_reports_it() -> None:
    q = one(
        run("The election board ruled that the senator met the citizenship criteria."), "that the senator"
    )
    assert q.cue is not None and "ruled" in q.cue.text
    assert q.speaker is not None and q.speaker.text == "The election board"


def test_v4_a_relative_pronoun_holds_what_its_antecedent_holds() -> None:
    q = one(
        run("The decision came from the election board, which ruled that the senator was eligible."),
        "that the",
    )
    # the antecedent with its pronoun (speakers.REL_SPAN)
    assert q.speaker is not None and q.speaker.text == "the election board, which"


def test_v4_bodies_and_companies_hold_views() -> None:
    q = one(run("The company criticized the new tariff on steel."), "the new tariff")
    assert q.speaker is not None and q.speaker.text == "The company"
