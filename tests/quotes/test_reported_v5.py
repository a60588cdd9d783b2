"""Constructions added after quotes.rules.v4 (reported_v5), each on a sentence written for the test."""

from __future__ import annotations

import pytest
from quotes_helpers import one, run, speaker_text, texts

pytestmark = pytest.mark.slow


def test_v5_seeing_an_object_as_something_is_a_view_held() -> None:
    q = one(run("Most voters in the valley see the new dam as a threat to their land."), "the new dam")
    assert q.content[0].text == "the new dam as a threat to their land"
    assert q.cue is not None and q.cue.text == "see"
    assert speaker_text(q) is not None and "voters" in str(speaker_text(q))
    q = one(run("The union's new ad paints the governor as a friend of landlords."), "the governor")
    assert q.content[0].text == "the governor as a friend of landlords"


def test_v5_seeing_without_as_is_no_view() -> None:
    assert run("The farmers saw the new dam from the bridge on Sunday.").quotes == []


def test_v5_the_writers_own_question_is_no_quote() -> None:
    assert not any(
        "council" in t for t in texts(run("The question is whether the council will pay for the dam."))
    )


def test_v5_a_question_someone_asks_stays() -> None:
    q = one(run("The mayor's question was whether the council would pay for the dam."), "whether")
    assert speaker_text(q) is not None and "mayor" in str(speaker_text(q))


def test_v5_in_support_of_is_a_stance_of_the_verbs_subject() -> None:
    q = one(run("The mayor came out in support of the new school budget on Monday."), "the new school budget")
    assert q.content[0].text == "the new school budget"
    assert q.cue is not None and q.cue.text == "came out in support of"
    assert speaker_text(q) == "The mayor"
    q = one(run("Both senators from the state voted in favor of the farm bill."), "the farm bill")
    assert speaker_text(q) is not None and "senators" in str(speaker_text(q))


def test_v5_in_support_of_needs_someone_to_hold_it() -> None:
    assert not any("the bridge" in t for t in texts(run("The rain fell in support of the bridge repairs.")))


def test_v5_more_adjectives_of_a_stance() -> None:
    q = one(run("Many voters are deeply mistrustful of the new water board."), "the new water board")
    assert q.cue is not None and "mistrustful of" in q.cue.text
    q = one(run("The senator was unimpressed with the governor's budget plan."), "the governor's budget plan")
    assert speaker_text(q) == "The senator"


def test_v5_an_adjective_of_a_stance_after_its_noun() -> None:
    q = one(
        run("Local officials, angry about the closure of the plant, met the minister on Friday."),
        "the closure",
    )
    assert q.content[0].text == "the closure of the plant"
    assert speaker_text(q) is not None and "officials" in str(speaker_text(q))


def test_v5_more_people_can_hold_a_view() -> None:
    q = one(run("The local pastor praised the new shelter for homeless families."), "the new shelter")
    assert speaker_text(q) == "The local pastor"
    q = one(run("Several farmers criticized the water board."), "the water board")
    assert speaker_text(q) == "Several farmers"


def test_v5_a_count_of_people_can_hold_a_view() -> None:
    q = one(run("The council met on Monday. Several opposed the new parking fees."), "the new parking fees")
    assert speaker_text(q) == "Several"
    assert run("One can also debate the merits of the new parking fees.").quotes == []


def test_v5_going_on_doing_something_is_no_report() -> None:
    assert run("The mayor will continue repairing the old bridge over the river.").quotes == []


def test_v5_what_was_asked() -> None:
    rec = run("During the interview, the senator was asked if she would run again.")
    q = one(rec, "if she would run again")
    assert q.speaker is None or "senator" not in q.speaker.text
    q = one(run("The host also asked the mayor if the bridge would reopen in May."), "if the bridge")
    assert speaker_text(q) == "The host"


def test_v5_booed_with_no_one_named() -> None:
    q = one(run("The mayor was booed at the opening of the new stadium."), "The mayor")
    assert q.cue is not None and q.cue.text == "was booed"
    assert q.speaker is None


def test_v5_a_vote_to_do_something() -> None:
    q = one(run("The city council voted to ban plastic bags in all shops."), "to ban plastic bags")
    assert q.cue is not None and q.cue.text == "voted"


def test_v5_a_name_tagged_as_a_common_noun_is_still_a_person() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    import accords.quotes.attribution as at

    words = ["Bernie", "Sanders", "spoke", ".", "Sanders", "criticized", "the", "banks", "."]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    doc = Doc(Vocab(), words=words, pos=pos, ents=ents)
    assert at.animate(doc[4])  # 'Sanders' read as a plural noun: the person named before
    assert not at.animate(doc[7])  # 'banks' stays a thing


def test_v5_the_one_asked_is_not_the_one_asking() -> None:
    rec = run("When asked about the new stadium, the mayor said it would open in May.")
    asked = [q for q in rec.quotes if q.cue is not None and q.cue.text.startswith("asked")]
    assert asked and all(q.speaker is None for q in asked), [(q.cue, q.speaker) for q in rec.quotes]
    said = one(rec, "it would open")
    assert speaker_text(said) == "the mayor"


def test_v5_what_a_stance_in_the_passive_is_for() -> None:
    q = one(run("The mayor was criticized for closing the old library."), "The mayor")
    assert [c.text for c in q.content] == ["The mayor", "for closing the old library"]
