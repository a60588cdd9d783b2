"""Constructions added in quotes.rules.v3 (reported speech): verbs of a view with a clause, adjectives and nouns of
a view, stance verbs in the passive, 'is expected to', documents and results as sources, spans that PolNeAR draws;
and what stays out (perception, wh-clauses, hedges, nouns of a standing view, 'I think' inside a quotation)."""

from __future__ import annotations

import pytest
from quotes_helpers import one, run

pytestmark = pytest.mark.slow


def test_v3_version() -> None:
    from accords.quotes import VERSION

    rec = run("The senator knows that the bill will fail.")
    assert VERSION == "quotes.rules.v10"
    assert all(q.version == VERSION for q in rec.quotes) and rec.quotes


def test_v3_verb_of_knowing_with_a_that_clause() -> None:
    q = one(run("The senator knows that the bill will fail."), "that the bill")
    assert q.kind == "indirect" and q.content[0].text == "that the bill will fail"
    assert q.cue is not None and "knows" in q.cue.text
    assert q.speaker is not None and q.speaker.text == "The senator"


def test_v3_hoping_is_not_hop() -> None:
    # the lemmatizer reads 'hoping' as 'hop': the surface form mends it
    q = one(run("Clinton is hoping Iowa will give her an early lead."), "Iowa will give")
    assert q.cue is not None and "hoping" in q.cue.text
    assert q.speaker is not None and q.speaker.text == "Clinton"


def test_v3_wh_clause_after_know_is_no_quote() -> None:
    assert run("She knows how tempting that can be.").quotes == []


def test_v3_seeing_is_not_saying() -> None:
    assert run("The reporters saw that the door was open.").quotes == []


def test_v3_i_think_inside_a_quotation_is_no_new_attribution() -> None:
    rec = run("“I think the deal is dead,” Smith said.")
    assert [q.kind for q in rec.quotes] == ["direct"]
    assert rec.quotes[0].cue is not None and "said" in rec.quotes[0].cue.text


def test_v3_a_document_or_a_result_is_a_source() -> None:
    q = one(run("The report said that unemployment fell in March."), "that unemployment")
    assert q.speaker is not None and q.speaker.text == "The report"
    q = one(run("Exit polling showed that Clinton won every demographic group."), "that Clinton won")
    assert q.speaker is not None and q.speaker.text == "Exit polling"


def test_v3_adjective_of_a_view_with_a_clause() -> None:
    q = one(
        run("Some Democrats are concerned that the primary fight could split the party."), "that the primary"
    )
    assert q.cue is not None and "are concerned" in q.cue.text
    assert q.speaker is not None and q.speaker.text == "Some Democrats"


def test_v3_adjective_of_a_stance_with_its_object() -> None:
    q = one(run("Senator Cruz was also critical of the president's stance on Syria."), "the president's")
    assert q.content[0].text == "the president's stance on Syria"
    assert q.cue is not None and "was also critical of" in q.cue.text
    assert q.speaker is not None and q.speaker.text.endswith("Cruz")


def test_v3_noun_of_a_view_before_be() -> None:
    q = one(run("Rubio's response was that the tax code is unfair to families."), "that the tax code")
    assert q.speaker is not None and q.speaker.text.startswith("Rubio")


def test_v3_passive_with_a_by_source() -> None:
    q = one(run("The meeting was first reported by Politico."), "The meeting")
    assert q.content[0].text == "The meeting"
    assert q.speaker is not None and q.speaker.text == "Politico"


def test_v3_is_expected_to_has_two_pieces_and_no_speaker() -> None:
    q = one(run("Trump is expected to unveil his second ad on Monday."), "Trump")
    assert [c.text for c in q.content] == ["Trump", "to unveil his second ad on Monday"]
    assert q.speaker is None and q.cue is not None and "is expected" in q.cue.text


def test_v3_the_writers_own_hedge_is_no_quote() -> None:
    assert run("Ukraine appeared ready to make concessions.").quotes == []


def test_v3_noun_of_a_standing_view_is_no_quote() -> None:
    assert run("His position on trade is unclear.").quotes == []


def test_v3_more_stance_verbs_and_their_object() -> None:
    q = one(run("The governor highlighted the state's recovery from the recession."), "the state's")
    assert q.cue is not None and "highlighted" in q.cue.text
    q = one(run("Clinton responded to the criticism from the left."), "the criticism")
    assert q.cue is not None and "responded" in q.cue.text


def test_v3_object_stops_before_an_apposition() -> None:
    rec = run("Nearly 10 percent of them voted for Ben Carson, a neurosurgeon who has never held office.")
    q = one(rec, "Ben Carson")
    assert q.content[0].text == "Ben Carson"


def test_v3_an_ordinary_verb_with_an_object_is_no_quote() -> None:
    assert run("Trump won the primary in New Hampshire.").quotes == []


def test_v3_view_as_is_a_label() -> None:
    q = one(run("Most voters view Clinton as more prepared for the job."), "Clinton")
    assert q.content[0].text == "Clinton as more prepared for the job"
    assert q.cue is not None and "view" in q.cue.text


def test_v3_object_stops_before_a_phrase_of_time() -> None:
    q = one(run("Senator Warren endorsed Mr. Sanders in December."), "Mr. Sanders")
    assert q.content[0].text == "Mr. Sanders"


def test_v3_according_to_after_two_conjoined_clauses_takes_both() -> None:
    rec = run(
        "Hillary Clinton has raised $2.7 million from tech donors, while Bernie Sanders has raised $6 million, "
        "according to new Crowdpac research."
    )
    q = one(rec, "Hillary Clinton has raised")
    assert q.content[0].text.endswith("Bernie Sanders has raised $6 million")
    assert q.speaker is not None and q.speaker.text.endswith("research")


def test_v3_reported_words_stay_in_their_paragraph() -> None:
    # the parser runs the sentence on into the next paragraph; the parenthetical 'she said' still gives its clause
    rec = run(
        "Yellen said the Fed might do better by working with other central banks. Otherwise, she said, countries "
        "may simply steal growth from one another.\n\n''There is a risk that uncoordinated policy could shift "
        "demand across borders,'' she told an audience of academics at the forum."
    )
    hits = [q for q in rec.quotes if any(c.text.startswith("countries may simply") for c in q.content)]
    assert hits, [(q.kind, [c.text for c in q.content]) for q in rec.quotes]
    assert all("\n" not in c.text for q in rec.quotes for c in q.content)


def test_v3_passive_of_making_public_without_a_source() -> None:
    q = one(run("The price of the deal was not disclosed."), "The price")
    assert q.content[0].text == "The price of the deal"
    assert q.cue is not None and "was not disclosed" in q.cue.text and q.speaker is None
    # any other passive is no report
    assert run("The senator was elected in 2010.").quotes == []


def test_v3_reported_words_keep_an_abbreviation_stop_and_a_closing_mark() -> None:
    q = one(run("The mayor said the company would move its headquarters to Albany, N.Y."), "the company")
    assert q.content[0].text.endswith("Albany, N.Y.")
    q = one(run("Mr. Ryan said the remarks were ''misconstrued.''"), "the remarks")
    assert q.content[0].text == "the remarks were ''misconstrued.''"
    # an ordinary final stop stays out
    q = one(run("The mayor said the company would move its headquarters to Albany."), "the company")
    assert q.content[0].text.endswith("Albany")


def test_v3_called_for_someone_to_do_something() -> None:
    rec = run(
        "Sanders has called for the former secretary of state to release the transcripts of her speeches."
    )
    q = one(rec, "the former secretary")
    assert q.content[0].text == "the former secretary of state to release the transcripts of her speeches"


def test_v3_told_someone_to_do_something() -> None:
    q = one(
        run("Officials have told Flint residents not to drink the water from their taps."), "Flint residents"
    )
    assert q.content[0].text == "Flint residents not to drink the water from their taps"
    assert q.speaker is not None and q.speaker.text == "Officials"
