"""Speakers of quotes whose sentence the parser gets wrong (quotes.speakers v3): a cue in another paragraph, a
subject the parser puts inside the quotation, a participle or an apposition that leaves the cue with no subject."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run, speaker_text

from accords.records import Article, Paragraph

pytestmark = pytest.mark.slow


def test_cue_in_the_next_paragraph_is_not_the_quotes() -> None:
    rec = run(
        "“In some ways it feels like we have won the lottery,” Canova said. “There has been a natural donor base "
        "for someone willing to take on a leader.”\n\n"
        "Sanders, who has already sent fundraising pleas on his behalf, said he also may campaign for him."
    )
    q = quote_of(rec, "natural donor base")
    assert speaker_text(q) != "Sanders"
    assert q.cue is None or q.cue.start < rec.article.text.index("\n")


def test_participle_cue_takes_the_subject_outside_the_quotation() -> None:
    rec = run(
        "Weaver didn’t seem particularly impressed with the senator’s comments Tuesday, telling reporters, "
        "“A lot of people said the governor should step down.”"
    )
    q = quote_of(rec, "A lot of people said")
    assert speaker_text(q) == "Weaver"


def test_name_before_the_cue_when_the_parse_leaves_it_without_subject() -> None:
    rec = run(
        "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: “Hillary Clinton "
        "believes that transatlantic cooperation is essential, and that cooperation is strongest when Europe is "
        "united.”"
    )
    q = quote_of(rec, "transatlantic cooperation")
    assert q.speaker is not None and "Sullivan" in q.speaker.text


def test_no_break_space_before_the_mark_keeps_the_colon_cue() -> None:
    rec = run(
        "As if addressing the magnate directly, the Illinois Board of Elections was conclusive in its findings:"
        "\u00a0“Further discussion on this issue is unnecessary.”"
    )
    q = quote_of(rec, "Further discussion")
    assert q.speaker is not None and "Board" in q.speaker.text


def test_time_stamp_paragraph_is_not_the_subject() -> None:
    rec = run(
        "The campaign moved on to Ohio.\n\n2:40 p.m.\n\nDonald Trump’s campaign manager says he is "
        "“gratified” by a prosecutor’s decision to drop a battery charge against him."
    )
    q = quote_of(rec, "gratified")
    assert q.speaker is not None and "p.m." not in q.speaker.text
    assert "manager" in q.speaker.text


def test_a_persons_aide_is_not_that_person() -> None:
    rec = run(
        "Donald Trump’s campaign manager says the senator should drop out of the race before the primary."
    )
    q = quote_of(rec, "should drop out")
    assert q.speaker is not None and "manager" in q.speaker.text
    assert q.speaker.name != "Donald Trump"


def test_the_one_asked_is_not_the_speaker() -> None:
    rec = run(
        "Rubio was asked by Fox Business moderator Gerard Baker whether his proposed expansion of child tax "
        "credits would risk adding another entitlement program."
    )
    q = quote_of(rec, "child tax credits")
    assert q.speaker is not None and "Baker" in q.speaker.text


def test_asked_with_no_agent_has_no_speaker() -> None:
    rec = run(
        "Blumenthal appeared on CNN on Wednesday.\n\nBlumenthal was asked, “If you had known she had a personal "
        "server, would you have told her it was not a good idea?”"
    )
    q = quote_of(rec, "personal server")
    assert q.speaker is None or "Blumenthal" not in q.speaker.text


def test_a_body_noun_is_not_a_persons_title() -> None:
    rec = run(
        "Trump campaign manager Corey Lewandowski spoke to reporters on Monday.\n\n"
        "The campaign said the reporter was “totally delusional” about the incident."
    )
    q = quote_of(rec, "delusional")
    assert q.speaker is not None and q.speaker.name != "Corey Lewandowski"


def test_a_clause_run_over_a_paragraph_break_does_not_take_the_next_quotation() -> None:
    # no full stop at the end of the first paragraph: the parser runs its sentence on into the next one
    rec = run(
        "Hogan said in an interview with CNN’s “New Day” that he had no idea whether he would have warned her "
        "about the server at the time\n\n"
        "Hogan was asked, “If you had known she had a personal server, would you have told her it was not a good "
        "idea?”"
    )
    q = quote_of(rec, "personal server")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text.endswith("asked")
    assert not [x for x in rec.quotes if x.kind == "mixed" and "no idea" in x.content[0].text]


def test_two_subjects_the_nearer_one_speaks() -> None:
    rec = run(
        "Sunday at a town hall in Concord, NH, after finishing second in the state, Sen. Maggie Hassan (D-NH), "
        "said, “We will be back next year.”"
    )
    q = quote_of(rec, "back next year")
    assert q.speaker is not None and "Hassan" in q.speaker.text


def test_an_opening_participle_goes_on_with_the_previous_speaker() -> None:
    rec = run(
        "After the interview, Maher stated that the inspector general’s report “wasn’t good.” Adding, “Now, like "
        "with all the scandals, what they actually do is never that bad.”"
    )
    q = quote_of(rec, "never that bad")
    assert q.speaker is not None and q.speaker.text == "Maher"


def test_the_46_year_old_is_a_speaker_not_a_date() -> None:
    rec = run("“Donald is, and always has been, an amazing leader,” said the 46-year-old.")
    q = quote_of(rec, "amazing leader")
    assert q.speaker is not None and "46-year-old" in q.speaker.text


def test_a_name_and_a_colon_as_a_paragraph_before_the_quotation() -> None:
    rec = run(
        "The adviser spoke on a radio program on Sunday.\n\nStated Stone:\n\n“I think that the stakes are so high "
        "that they would do anything to win this election.”"
    )
    q = quote_of(rec, "stakes are so high")
    assert q.speaker is not None and "Stone" in q.speaker.text
    assert q.cue is None or q.cue.text != "think"


def test_a_long_apposition_between_the_quotation_and_the_verb() -> None:
    rec = run(
        "“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential frontrunner "
        "nationally and current polling leader in South Carolina by a wide margin, said when Boyle asked him."
    )
    q = quote_of(rec, "very good reporter this guy")
    assert q.speaker is not None and q.speaker.text == "Trump"


def test_the_one_told_after_the_verb_is_not_the_speaker() -> None:
    rec = run(
        "''That was a good speech you gave last night, Mr. President,'' Representative Steve Cohen, Democrat of "
        "Tennessee, told Mr. Obama as he stopped to have his picture taken."
    )
    q = quote_of(rec, "good speech")
    assert q.speaker is None or "Obama" not in q.speaker.text


def test_cue_phrase_takes_auxiliary_particle_and_colon() -> None:
    rec = run(
        "The senator has said that the deal was a mistake.\n\n"
        "“Go back to your seat,” Trump shot back.\n\n"
        "The governor said: “We will not raise taxes this year.”"
    )
    cues = {q.cue.text for q in rec.quotes if q.cue is not None}
    assert "has said" in cues
    assert "shot back" in cues
    assert "said:" in cues


def test_cue_phrase_leaves_out_time_and_place() -> None:
    rec = run("“We will win this state,” Rubio said Monday night in Des Moines.")
    q = quote_of(rec, "win this state")
    assert q.cue is not None and q.cue.text == "said"


def test_source_span_takes_the_apposition_and_its_comma() -> None:
    rec = run(
        "Christie, New Jersey’s sitting governor, repeated that Rubio recites the same campaign points."
    )
    q = quote_of(rec, "recites the same campaign points")
    assert q.speaker is not None and q.speaker.text == "Christie, New Jersey’s sitting governor,"
    assert q.speaker.name is None or "Christie" in q.speaker.name


def test_source_span_takes_a_bracket_but_not_a_time() -> None:
    rec = run(
        "Sen. Bernie Sanders (I-Vt.) on Wednesday said the minimum wage should be raised to $15 an hour."
    )
    q = quote_of(rec, "minimum wage")
    assert q.speaker is not None and q.speaker.text == "Sen. Bernie Sanders (I-Vt.)"


def test_source_span_never_reaches_back_into_the_quotation() -> None:
    rec = run(
        "“That’s a legitimate concern, because they’re very passionate and very principled,” Sarandon, 69, told "
        "MSNBC Monday when asked about concerns that the senator’s supporters would stay home."
    )
    for q in rec.quotes:
        if q.speaker is not None and "Sarandon" in q.speaker.text:
            assert "concern" not in q.speaker.text and "“" not in q.speaker.text


def test_relative_pronoun_is_the_speakers_word_and_names_the_antecedent() -> None:
    rec = run(
        "Trump made no mention of Jeb Bush, who announced he is suspending his campaign earlier in the evening."
    )
    q = quote_of(rec, "suspending his campaign")
    # a named antecedent keeps the pronoun's words (speakers.REL_WIDE off); one that names no entity joins them
    assert q.speaker is not None and q.speaker.text == "who"
    assert q.speaker.name == "Jeb Bush"


def test_a_name_after_a_dash_before_the_colon_speaks() -> None:
    rec = run(
        "Estimates of civic engagement are particularly problematic - Pew Research: “All the samples evaluated "
        "include more politically engaged individuals than benchmark sources indicate.”\n\n"
        "But polls did predict the Democratic caucus - Mark Blumenthal: “While the Iowa caucuses provided a "
        "polling upset on the Republican side, most pollsters fared much better with the Democratic results.”"
    )
    q = quote_of(rec, "All the samples evaluated")
    assert q.speaker is not None and q.speaker.text == "Pew Research"
    q = quote_of(rec, "polling upset")
    assert q.speaker is not None and q.speaker.text == "Mark Blumenthal"


class _Tok:
    """A hand-built parse token: enough of spaCy's Token for subject_of."""

    def __init__(self, doc: list[_Tok], text: str, dep: str, head: int, pos: str = "PROPN") -> None:
        self.doc, self.text, self.dep_, self._head, self.pos_ = doc, text, dep, head, pos
        self.i = len(doc)
        self.lower_ = text.lower()
        self.lemma_ = self.lower_
        self.tag_ = "NNP" if pos == "PROPN" else "VB"
        self.ent_type_ = ""
        doc.append(self)

    @property
    def head(self) -> _Tok:
        return self.doc[self._head]

    @property
    def children(self) -> list[_Tok]:
        return [t for t in self.doc if t._head == self.i and t is not self]

    @property
    def ancestors(self) -> list[_Tok]:
        out, t = [], self
        while t.head is not t:
            t = t.head
            out.append(t)
        return out


def test_of_two_subjects_of_the_clause_above_a_participle_the_nearer() -> None:
    from accords.quotes.attribution import subject_of

    # 'in Salem, New Hampshire, Trump went after Bush, calling him ...' parsed with two subjects of 'went'
    doc: list[_Tok] = []
    _Tok(doc, "Hampshire", "nsubj", 3)
    _Tok(doc, ",", "punct", 3, "PUNCT")
    _Tok(doc, "Trump", "nsubj", 3)
    _Tok(doc, "went", "ROOT", 3, "VERB")
    _Tok(doc, "calling", "advcl", 3, "VERB")
    assert subject_of(doc[4]).text == "Trump"
    assert subject_of(doc[3]).text == "Trump"


def test_a_message_reading_is_its_senders_words() -> None:
    rec = run(
        "Clinton posted a message on Twitter reading “Thank you South Carolina” moments after polls closed."
    )
    q = quote_of(rec, "Thank you South Carolina")
    assert q.speaker is not None and q.speaker.text == "Clinton"


def test_a_site_called_is_no_ones_words() -> None:
    rec = run(
        "A radio host has set up a website called “Cape Breton If Donald Trump Wins” that pitches the island."
    )
    for q in rec.quotes:
        if any("Cape Breton If" in c.text for c in q.content):
            assert q.speaker is None or "host" not in q.speaker.text


def test_the_main_clause_speaks_not_the_clause_before_it() -> None:
    rec = run(
        "After former California Gov. Jerry Brown criticized her husband during a debate, Hillary shot back, "
        "“I suppose I could have stayed home and baked cookies, but I chose to fulfill my profession.”"
    )
    q = quote_of(rec, "baked cookies")
    assert q.speaker is not None and q.speaker.text == "Hillary"


def test_she_is_not_a_man_called_mr() -> None:
    rec = run(
        "Mr. Trump spoke in Ohio on Monday. Mr. Trump said the election was rigged.\n\n"
        "She said the economy would recover by the end of the year."
    )
    q = quote_of(rec, "the economy would recover")
    assert q.speaker is not None and q.speaker.text == "She"
    assert q.speaker.name is None or "Trump" not in q.speaker.name


def test_a_person_inside_a_quotation_is_not_the_narratives_he() -> None:
    rec = run(
        "John Bolton said voters should not think “Hillary will somehow be better for national security than "
        "Barack Obama.”\n\n"
        "He said the next president would face a wide variety of problems."
    )
    q = quote_of(rec, "wide variety of problems")
    assert q.speaker is not None and q.speaker.name not in ("Hillary", "Barack Obama")


def test_one_word_opening_a_split_quotation_is_part_of_it() -> None:
    rec = run("“Judge,” I said, “I have never had that happen in any case in thirty years.”")
    q = quote_of(rec, "never had that happen")
    assert any(c.text == "“Judge,”" for c in q.content)


def test_one_word_in_marks_alone_is_no_quotation() -> None:
    rec = run("Someone in the audience shouted “Cruz,” and the crowd laughed at the joke.")
    assert not [q for q in rec.quotes if [c.text for c in q.content] == ["“Cruz,”"]]


def test_source_span_after_the_verb_takes_the_apposition() -> None:
    rec = run(
        "“Elections like this one are one of the big reasons why,” said Alicia Bannon, senior counsel in the "
        "Brennan Center’s Democracy Program."
    )
    q = quote_of(rec, "big reasons why")
    assert q.speaker is not None
    assert q.speaker.text == "Alicia Bannon, senior counsel in the Brennan Center’s Democracy Program"


def test_cue_phrase_takes_the_adverb_right_before_the_verb() -> None:
    rec = run("Obama initially hailed the uprisings as a new dawn for democracy in the region.")
    q = quote_of(rec, "a new dawn")
    assert q.cue is not None and q.cue.text == "initially hailed"


def test_a_paragraph_opening_name_speaks_when_the_parse_leaves_the_paragraph() -> None:
    from accords.quotes.attribution import subject_of

    # 'X said, “...”' then a paragraph 'De Blasio, speaking on WOR, called Trump a blowhard and said ...' whose
    # 'said' the parser hung on the first paragraph's verb
    doc: list[_Tok] = []
    _Tok(doc, "Bratton", "nsubj", 1)
    _Tok(doc, "said", "ROOT", 1, "VERB")
    _Tok(doc, "\n\n", "dep", 1, "SPACE")
    _Tok(doc, "De", "compound", 4)
    _Tok(doc, "Blasio", "dobj", 1)
    _Tok(doc, "said", "conj", 1, "VERB")
    doc[0].ent_type_ = doc[4].ent_type_ = "PERSON"
    assert subject_of(doc[5]).text == "Blasio"


def test_an_inverted_unnamed_speaker_after_the_verb() -> None:
    rec = run(
        "“If she wins Ohio, it will be by a margin as thin as Iowa,” said one Ohio Democrat.\n\n"
        "“It’s his race to lose at this point,” added another Ohio Democrat. “Her team has done what it needs to "
        "do, and it will execute with aplomb.”"
    )
    q = quote_of(rec, "his race to lose")
    assert q.speaker is not None and q.speaker.text == "another Ohio Democrat"
    assert any("Her team has done" in c.text for c in q.content)


def test_the_name_between_quotation_and_cue_is_the_speaker_not_content() -> None:
    from accords.config import get_settings
    from accords.core import new_record
    from accords.pipeline import Work, run_stages
    from accords.quotes.attribution import Attribution
    from accords.quotes.direct import DirectQuotes

    text = (
        "“It is not the position that everything is fine,” Dan Meyers, a top outside adviser, said in Iowa."
    )
    art = Article(id="t", text=text, paragraphs=[Paragraph(start=0, end=len(text))], language="en")
    work = run_stages(Work(record=new_record(art), settings=get_settings()), ("nlp", "actors"))
    ex = DirectQuotes(work.record, work.doc)
    cue = text.index("said")
    # what a parse that took the quotation and the name for the clause of 'said' gives
    att = Attribution("mixed", [(0, cue - 1)], (cue, cue + 4), None)
    out = ex.merge_segments([att])
    assert out[0].kind == "direct"
    assert out[0].speaker is not None and out[0].speaker.text == "Meyers"
    assert out[0].content == list(ex.segments[0].pieces)


def test_a_sentence_final_quotation_belongs_to_the_cue_that_opens_it() -> None:
    rec = run(
        "Clinton responds to Mills with, “Why now? That was on my way to Libya?” Mills then writes back, "
        "“You look cute.”"
    )
    q = quote_of(rec, "Why now?")
    assert q.speaker is not None and q.speaker.text == "Clinton"
    q = quote_of(rec, "You look cute")
    assert q.speaker is not None and q.speaker.text == "Mills"
