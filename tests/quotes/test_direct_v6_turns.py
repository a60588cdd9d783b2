"""Quotations that stand alone (quotes v6): a quotation paragraph after a paragraph that ends with someone's report
goes on with that speaker's words; a quotation of two or three words that is a sentence of its own continues the
direct quote just before it."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run, speaker_text

import accords.quotes.direct_v6 as v6

pytestmark = pytest.mark.slow


def test_quotation_paragraph_after_a_report_takes_its_speaker() -> None:
    text = (
        "The mayor of Springfield spoke to reporters on Monday.\n"
        "Margaret Olsen said that the new bridge would open to traffic in the spring.\n"
        "“We have waited for this bridge for twenty years, and the people of this town deserve it. "
        "The builders have done fine work.”\n"
    )
    q = quote_of(run(text), "We have waited")
    assert q.kind == "direct"
    assert speaker_text(q) == "Margaret Olsen"


def test_no_speaker_when_the_paragraph_before_goes_on_after_the_report() -> None:
    # the paragraph before ends with a sentence that reports no one: the quotation's speaker stays open
    text = (
        "The mayor of Springfield spoke to reporters on Monday.\n"
        "Margaret Olsen said that the new bridge would open to traffic in the spring. The river rose again.\n"
        "“We have waited for this bridge for twenty years, and the people of this town deserve it. "
        "The builders have done fine work, and we thank them all for it.”\n"
    )
    rec = run(text)
    hits = [q for q in rec.quotes if "We have waited" in q.content[0].text]
    assert all(q.speaker is None for q in hits)


def test_quotation_paragraph_after_a_belief_is_not_taken() -> None:
    # 'believes' reports a thought, not words that the quotation could go on with
    text = (
        "The farmers of the valley met on Monday night.\n"
        "Dorothy Kemp believes that the governor handled the storm well.\n"
        "“We need leaders who can cut through the noise and bring people together in hard times like these.”\n"
    )
    rec = run(text)
    hits = [q for q in rec.quotes if "We need leaders" in q.content[0].text]
    assert all(speaker_text(q) != "Dorothy Kemp" for q in hits)


def test_flag_off_leaves_the_quotation_paragraph_without_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(v6, "PARAGRAPH_TURNS", False)
    text = (
        "The mayor of Springfield spoke to reporters on Monday.\n"
        "Margaret Olsen said that the new bridge would open to traffic in the spring.\n"
        "“We have waited for this bridge for twenty years, and the people of this town deserve it. "
        "The builders have done fine work.”\n"
    )
    hits = [q for q in run(text).quotes if "We have waited" in q.content[0].text]
    assert all(q.speaker is None for q in hits)


def test_short_sentence_quotation_continues_the_quote_before() -> None:
    text = "The farmers met in the hall on Tuesday.\n“The prices keep falling,” Peter Walsh said. “Nobody listens.”\n"
    q = quote_of(run(text), "The prices keep falling")
    assert q.kind == "direct"
    assert [c.text for c in q.content] == ["“The prices keep falling,”", "“Nobody listens.”"]
    assert speaker_text(q) == "Peter Walsh"


def test_short_quotation_inside_a_sentence_is_no_continuation() -> None:
    # the two words stand inside the next sentence, not as a sentence of their own
    text = (
        "The farmers met in the hall on Tuesday.\n"
        "“The prices keep falling,” Peter Walsh said. Then he spoke of the “lost years” and left.\n"
    )
    q = quote_of(run(text), "The prices keep falling")
    assert [c.text for c in q.content] == ["“The prices keep falling,”"]


def test_quoted_fragment_inside_a_sentence_is_no_direct_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    # the quoted words end a sentence of the writer's own: no cue, and the report before is no evidence of a speaker
    text = (
        "Peter Walsh said the harvest was the worst in memory. "
        "The valley, once rich, is now a place of “empty barns and old debts.”\n"
    )

    def fragments() -> list[str]:
        return [q.content[0].text for q in run(text).quotes if q.kind == "direct"]

    assert not fragments()
    monkeypatch.setattr(v6, "MID_SENTENCE", False)
    assert fragments() == ["“empty barns and old debts.”"]


def test_quotation_after_a_colon_stays() -> None:
    text = (
        "“The harvest was the worst in memory,” Peter Walsh said.\n"
        "He repeats the same line at every meeting: “Nobody in the capital has ever seen a barn.”\n"
    )
    q = quote_of(run(text), "Nobody in the capital")
    assert q.kind == "direct"


@pytest.mark.parametrize(
    ("sentence", "clause", "speaker"),
    [
        (
            "Couple high rents with a “mayor who is a lightning rod” and tenants get nervous, said Anna Berg, "
            "a local organizer.",
            "Couple high rents with a “mayor who is a lightning rod” and tenants get nervous",
            "Anna Berg, a local organizer",
        ),
        (
            "He would be a better mayor than Jones “no matter what,” one tenant commented.",
            "He would be a better mayor than Jones “no matter what,”",
            "one tenant",
        ),
    ],
)
def test_sentence_around_a_quotation_reported_by_a_cue_after_it(
    monkeypatch: pytest.MonkeyPatch, sentence: str, clause: str, speaker: str
) -> None:
    # the verb of saying after the sentence reports all of it, quoted words and the writer's words around them
    text = "The council met on Monday.\n" + sentence + "\n"
    q = quote_of(run(text), clause[:20])
    assert q.kind == "mixed"
    assert q.content[0].text == clause
    assert speaker_text(q) == speaker
    monkeypatch.setattr(v6, "CLAUSE_BEFORE", False)
    assert not [q for q in run(text).quotes if q.kind == "mixed"]


def test_states_after_a_quotation_is_the_verb_of_saying(monkeypatch: pytest.MonkeyPatch) -> None:
    # the tagger reads 'states' as a plural noun here; the speaker stops before the cue
    text = (
        "The council met on Monday.\n"
        "“The mayor is the only one strong enough to stop the dam,” the narrator of the film states.\n"
    )
    q = quote_of(run(text), "The mayor is the only one")
    assert q.cue is not None and q.cue.text == "states"
    assert speaker_text(q) == "the narrator of the film"
    monkeypatch.setattr(v6, "NOUN_TAGGED_CUES", False)
    assert not [q for q in run(text).quotes if "The mayor is the only one" in q.content[0].text]


def test_whoever_issues_a_statement_speaks(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "The storm hit the valley on Monday.\n"
        'Hours later, the mayor issued a statement calling on the state "to send help to every farm in the '
        'valley" before the weekend.\n'
    )
    quotes = [q for q in run(text).quotes if "to send help" in " ".join(c.text for c in q.content)]
    assert quotes and all(speaker_text(q) == "the mayor" for q in quotes)
    monkeypatch.setattr(v6, "ISSUER", False)
    quotes = [q for q in run(text).quotes if "to send help" in " ".join(c.text for c in q.content)]
    assert all(speaker_text(q) != "the mayor" for q in quotes)


def test_a_name_given_to_a_thing_has_no_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "The storm hit the valley on Monday.\n"
        "A farmer in the valley has set up a website called “Save Our Barns Before the Flood” that collects "
        "money for repairs.\n"
    )
    q = quote_of(run(text), "Save Our Barns")
    assert q.speaker is None
    monkeypatch.setattr(v6, "NAMING", False)
    assert speaker_text(quote_of(run(text), "Save Our Barns")) == "a website"


def test_participle_of_saying_inside_a_report_introduces_its_own_quote(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "The storm hit the valley on Monday.\n"
        "On Twitter, the farmer responded on Tuesday to one of the mayor's messages by saying, "
        '"Please just stop lying to us."\n'
    )
    rec = run(text)
    assert [q.kind for q in rec.quotes] == ["direct"]
    assert rec.quotes[0].cue is not None and rec.quotes[0].cue.text == "saying"
    assert speaker_text(rec.quotes[0]) == "the farmer"
    monkeypatch.setattr(v6, "INNER_SAYING", False)
    assert "mixed" in [q.kind for q in run(text).quotes]


def test_a_video_someone_released_speaks_for_them(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "The storm hit the valley on Monday.\n"
        'In selling the plan, the mayor released a campaign video that said, "We are going to rebuild every barn '
        'in this valley before the winter comes."\n'
    )
    assert speaker_text(quote_of(run(text), "We are going to rebuild")) == "the mayor"
    monkeypatch.setattr(v6, "ISSUER_MORE", False)
    # the relative pronoun with its antecedent (speakers.REL_SPAN)
    assert speaker_text(quote_of(run(text), "We are going to rebuild")) == "a campaign video that"


def test_quotation_in_a_sentence_with_a_parenthetical_cue(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "The storm hit the valley on Monday.\n"
        'The old dam, Walsh said, had been "a disaster waiting to happen" for twenty years.\n'
    )
    q = quote_of(run(text), "The old dam")
    assert q.kind == "mixed"
    assert [c.text for c in q.content] == [
        "The old dam",
        'had been "a disaster waiting to happen" for twenty years',
    ]
    assert speaker_text(q) == "Walsh"
    monkeypatch.setattr(v6, "PARENTHETICAL", False)
    assert not run(text).quotes


def test_quotation_that_goes_on_with_a_sentence_interrupted_by_its_cue() -> None:
    text = (
        "The storm hit the valley on Monday.\n"
        'The heavy investment in the levee, Walsh said, "is a perfect example of planning ahead" for the floods.\n'
    )
    q = quote_of(run(text), "The heavy investment")
    assert q.kind == "mixed"
    assert [c.text for c in q.content] == [
        "The heavy investment in the levee",
        '"is a perfect example of planning ahead" for the floods',
    ]
    assert speaker_text(q) == "Walsh"


def test_whole_sentences_after_a_parenthetical_cue_stay_direct() -> None:
    text = (
        "The storm hit the valley on Monday.\n"
        'In other words, the engineer said, "The levee held. Nobody in town lost a house."\n'
    )
    q = quote_of(run(text), "The levee held")
    assert q.kind == "direct"
