"""Speakers of direct quotes the sentence parse leaves open (accords.quotes.direct, speaker_heads): a sentence that
only says who speaks before an uncued quotation, an inverted 'asked the boy', a cue right after the closing mark,
a relative clause or a sentence of its own after the quotation (not its cue)."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run, speaker_text

pytestmark = pytest.mark.slow


def test_sentence_that_only_names_the_speaker_before_an_uncued_quotation() -> None:
    rec = run(
        "The council met on Monday to discuss the bridge. Professor Jane Holt agreed. “The city has waited far "
        "too long for this bridge, and everyone here knows it.”"
    )
    q = quote_of(rec, "waited far too long")
    assert q.kind == "direct"
    assert speaker_text(q) is not None and "Holt" in speaker_text(q)
    assert q.cue is not None and q.cue.text == "agreed"


def test_quotation_opening_the_paragraph_after_a_sentence_of_saying() -> None:
    rec = run(
        "The crowd cheered for the band, Maria Lopez said as she walked out of the hall.\n"
        "“But they are our band, and we love them all the same!”"
    )
    q = quote_of(rec, "we love them")
    assert speaker_text(q) == "Maria Lopez"


def test_sentence_with_a_clause_of_its_own_gives_no_speaker_to_the_next_quotation() -> None:
    rec = run(
        "The council met on Monday. Jane Holt said the bridge would open in May. “Traffic on the old road has "
        "doubled in ten years and nobody has a plan.”"
    )
    q = quote_of(rec, "Traffic on the old road")
    assert q.cue is None or q.cue.text != "said"


def test_relative_clause_after_the_quotation_is_not_its_cue() -> None:
    rec = run(
        "The band was late. Rachel Feldman interjected, “Ladies and gentlemen, here is Mr. Tom Baker,” who "
        "proceeded to play the piano."
    )
    q = quote_of(rec, "Ladies and gentlemen")
    assert speaker_text(q) == "Rachel Feldman"
    assert q.cue is not None and q.cue.text.startswith("interjected")


def test_words_after_the_quotation_without_a_speaker_leave_it_to_the_cue_before() -> None:
    rec = run(
        "Ortiz was joined on stage by Tim Walz and joked, “Bus riders of the city, you are all being ridiculous,” "
        "drawing loud boos and “BUS!” chants."
    )
    q = quote_of(rec, "Bus riders")
    assert speaker_text(q) == "Ortiz"


def test_inverted_asked_after_the_quotation_is_said_by_the_noun_after_it() -> None:
    rec = run(
        "The candidate spoke about the new tower for ten minutes. “How tall will that tower be?” asked the girl, "
        "who wore a red hat."
    )
    q = quote_of(rec, "How tall will that tower be")
    assert speaker_text(q) is not None and speaker_text(q).startswith("the girl")


def test_cue_right_after_the_closing_mark_wins_over_a_verb_before_the_quotation() -> None:
    rec = run(
        "Many experts believe the story, but Moscow strongly denies it — “why would anyone want to hide such a "
        "thing?” asked Anita Dunn, a former adviser."
    )
    q = quote_of(rec, "why would anyone")
    assert speaker_text(q) is not None and "Dunn" in speaker_text(q)


def test_verb_with_an_object_after_a_finished_quotation_begins_its_own_sentence() -> None:
    rec = run(
        "Kennedy was known for his love of what he called the free world, voiced in his famous speech in Berlin "
        "in 1963: “All free men are citizens of this city!” Historians still praise his courage in the crisis."
    )
    q = quote_of(rec, "All free men")
    assert speaker_text(q) != "Historians"
    assert q.cue is None or "praise" not in q.cue.text


def test_clause_before_the_colon_speaks_not_the_one_it_addresses() -> None:
    rec = run(
        "Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Trump: “It is time to stop "
        "attacking the people you competed with and get back on message.”"
    )
    q = quote_of(rec, "time to stop attacking")
    assert speaker_text(q) is not None and "McConnell" in speaker_text(q)


def test_clause_the_parser_hangs_on_the_quotation_still_gives_the_colon_its_speaker() -> None:
    rec = run(
        "The campaign answered the questions in a long note.\n\nThe Smith campaign, in a Q&A on the tax "
        "controversy, worded it even more carefully: \"Smith's practice was to pay every bill on time, so her "
        'accounts were always in order."'
    )
    q = quote_of(rec, "pay every bill on time")
    assert speaker_text(q) == "The Smith campaign"


def test_as_clause_before_the_quotation_gives_its_speaker() -> None:
    rec = run(
        "The plan stalled in the spring. As the columnist Dana Miles puts it, “Senate leaders are unmoved, and the "
        "activists are uninspired.”"
    )
    q = quote_of(rec, "Senate leaders are unmoved")
    assert speaker_text(q) is not None and "Dana Miles" in speaker_text(q)


def test_quotation_signed_with_a_dash_and_a_name() -> None:
    rec = run(
        "We checked what the candidates said this week.\n\n"
        '"Almost all new income and wealth is going to the top one percent of the country."\n\n'
        "- Robert Miller.\n\nThe figure is out of date."
    )
    q = quote_of(rec, "Almost all new income")
    assert speaker_text(q) == "Robert Miller"


def test_long_subject_after_the_quotation_and_an_inverted_title() -> None:
    rec = run(
        "The debate was over by ten. “Is the mayor going to finally mention the flood? If he does not, he should "
        "resign!” the presumptive Republican nominee for governor, Tom Hardy, tweeted on Sunday.\n\n"
        "“It is about time that we had a woman running this city,” exhorted the mayor's introducer, actress Jane "
        "Holt."
    )
    q = quote_of(rec, "finally mention the flood")
    assert speaker_text(q) is not None and "nominee" in speaker_text(q)
    q = quote_of(rec, "about time that we had")
    assert speaker_text(q) is not None and "introducer" in speaker_text(q)


def test_another_is_a_speaker_but_names_no_one() -> None:
    rec = run(
        "Ann Smith spoke to the crowd in Denver. “We would have won this state if everyone could vote,” one "
        "supporter wrote online. “Better watch out for the county clerk since she is not doing her job,” tweeted "
        "another."
    )
    q = quote_of(rec, "Better watch out")
    assert speaker_text(q) == "another"
    assert q.speaker is not None and q.speaker.name is None


def test_name_between_the_closing_mark_and_the_verb_speaks() -> None:
    rec = run(
        "When someone in the audience shouted, “Cruz,” Beck joked, again using a Southern accent, “Amen, brother! "
        "I will take it from here.”"
    )
    q = quote_of(rec, "Amen, brother")
    assert speaker_text(q) == "Beck"


def test_subject_in_the_paragraph_before_is_not_the_speaker() -> None:
    rec = run(
        "The Washington Post reports Clinton’s last press conference was held on Dec. 4.\n\n"
        "Washington Post columnist Margaret Hill, in an attempt to draw attention to Clinton’s lack of press "
        "conferences, wrote, “The candidate, famously opaque, answered a grand total of seven questions in Iowa.”"
    )
    q = quote_of(rec, "famously opaque")
    assert speaker_text(q) is not None and "Margaret Hill" in speaker_text(q)


def test_a_date_after_the_verb_is_not_an_inverted_speaker() -> None:
    rec = run(
        "Although the president has not met with Sanders's team, a White House official who spoke anonymously to "
        "discuss internal strategy said Wednesday, “Certainly there are talks between the White House and the "
        "union.”"
    )
    q = quote_of(rec, "Certainly there are talks")
    assert speaker_text(q) != "Wednesday"


def test_after_a_finished_quotation_a_verb_with_its_own_clause_is_a_new_report() -> None:
    rec = run(
        "“It is a very sad day,” Ruiz told reporters outside a cafe in Denver. “This is what the culture of that "
        "campaign brings. It has no place in politics.” Mayor Tom Hill said he would have fired the manager."
    )
    q = quote_of(rec, "what the culture of that campaign")
    assert speaker_text(q) == "Ruiz"


def test_capitalised_word_after_an_inverted_verb_is_the_speaker_whatever_its_tag() -> None:
    rec = run(
        "“Having access to the voter file and two people who understand it is valuable,” said Skelly, explaining "
        "he worked more closely with Vito."
    )
    q = quote_of(rec, "Having access to the voter file")
    assert speaker_text(q) == "Skelly"
