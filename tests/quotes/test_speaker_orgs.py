"""Organisation speakers: names the entity ruler or the tagger cut or mislabelled (accords.actors.names) and proper
names no entity covers (accords.quotes.speaker_orgs); sentences written here."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run

from accords.actors import names
from accords.quotes import speaker_orgs as so


def _speaker(text: str, words: str) -> tuple[str | None, str | None, str | None]:
    s = quote_of(run(text), words).speaker
    assert s is not None
    return s.name, s.entity_id, s.country


def test_demonym_opens_an_organisation(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    # the ruler's 'American' took the first word of the model's ORG: the whole name is the organisation
    monkeypatch.setattr(names, "DEMONYM_ORG", flag)
    name, ent, country = _speaker(
        "Sugar is bad for teeth, according to the American Dental Association.", "bad for teeth"
    )
    if flag:
        assert (name, country) == ("American Dental Association", "USA") and ent is not None
    else:
        assert name != "American Dental Association"


def test_state_before_an_organisation(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    # the organisation's own country, so a later bare 'the CDC' speaks for China too
    monkeypatch.setattr(names, "ORG_OWNER", flag)
    text = "The Chinese CDC tested the samples on Monday. The CDC said the flu risk was low this winter."
    name, _, country = _speaker(text, "flu risk")
    assert name == "CDC"
    assert country == ("CHN" if flag else None)


def test_person_span_with_a_company_word(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(names, "PERSON_ORG", flag)
    rec = run("Lou Adler Productions said the festival would go ahead in June.")
    types = {e.name: e.type for e in rec.entities}
    assert types.get("Lou Adler Productions") == ("ORG" if flag else "PERSON")


def test_proper_name_no_entity_covers(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    # the tagger misses 'Valve'; the speaker is named by its proper noun, less the kind word before it
    monkeypatch.setattr(so, "PROPER_NAME", flag)
    name, ent, _ = _speaker("Developer Valve said the headset would ship in May.", "headset would ship")
    assert ent is None
    assert name == ("Valve" if flag else None)


def test_organisation_in_apposition_to_the_description(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    # the parse hangs the appositive on 'festival', not on 'company': the name that ends the speaker's words
    monkeypatch.setattr(so, "APPOS_ORG", flag)
    name, ent, _ = _speaker(
        '"We never agreed to that," said the company that runs the festival, Lou Adler Productions.',
        "never agreed",
    )
    if flag:
        assert name == "Lou Adler Productions" and ent is not None
    else:
        assert name != "Lou Adler Productions"


def test_listed_organisation_the_tagger_reads_as_a_pronoun(
    monkeypatch: pytest.MonkeyPatch, flag: bool
) -> None:
    # 'WHO' is a listed organisation, not a state: named as written
    monkeypatch.setattr(so, "PROPER_NAME", flag)
    name, _, _ = _speaker(
        "Measles is back. According to WHO, there were 900 cases in Europe last year.", "900 cases"
    )
    assert name == ("WHO" if flag else None)


def test_one_word_opening_a_sentence_written_lower_case_elsewhere(
    monkeypatch: pytest.MonkeyPatch, flag: bool
) -> None:
    monkeypatch.setattr(so, "CASE_EVIDENCE", flag)
    text = (
        "Pollsters have long studied the vote in small towns.\n"
        "Research suggests that rural voters swing late. Their research covered ten states."
    )
    s = quote_of(run(text), "rural voters").speaker
    name = s.name if s is not None else None
    assert (name == "Research") is not flag


def test_a_date_is_no_speaker_name(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    # 'in August, which found ...': the relative pronoun's antecedent is a month, no speaker's name
    monkeypatch.setattr(so, "NOT_A_NAME", flag)
    text = "Ms. Park released the audit in August, which found the agency had lost $4 million."
    s = quote_of(run(text), "had lost").speaker
    name = s.name if s is not None else None
    assert (name == "August") is not flag


def test_hyphenated_surname_is_one_word_of_the_run(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    # the run around the head 'Quillen' takes the hyphenated surname whole (the tagger may miss the person)
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    monkeypatch.setattr(so, "HYPHEN_RUN", flag)
    words = ["said", "Marta", "Ruiz", "-", "Quillen", ",", "an", "adviser"]
    spaces = [True, True, False, False, False, True, True, False]
    pos = ["VERB", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN"]
    doc = Doc(Vocab(), words=words, spaces=spaces, pos=pos)
    i, j = so._run(doc[4])
    assert (doc[i:j].text == "Marta Ruiz-Quillen") is flag


def test_demonym_opening_a_compound_adjective_is_no_country(
    monkeypatch: pytest.MonkeyPatch, flag: bool
) -> None:
    monkeypatch.setattr(so, "COMPOUND_DEMONYM", flag)
    text = "Spanish-language broadcaster Telemundo said the debate would air live."
    s = quote_of(run(text), "debate would air").speaker
    assert s is not None and s.name == "Telemundo"
    assert s.country == (None if flag else "ESP")


def test_run_cut_after_a_capitalised_adjective(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    # the tagger read 'Black' as an adjective: 'Farmers Matter' is a piece of the name, not a name
    monkeypatch.setattr(so, "CUT_RUN", flag)
    text = "Voters were angry. Black Farmers Matter said the new rules would hurt small growers."
    s = quote_of(run(text), "hurt small growers").speaker
    assert s is not None
    assert (s.name == "Farmers Matter") is not flag


def test_widget_glue_and_acronym_plurals_are_no_name(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(so, "JUNK_RUN", flag)
    assert so._junk_word("BobicFlagShareLikeReplyMari") and so._junk_word("PACs")
    assert not any(so._junk_word(w) for w in ("HuffPollster", "AbbVie", "McCain", "NASA", "Sanders"))
    name, _, _ = _speaker("The super PACs said they would spend $40 million in Ohio.", "spend $40 million")
    assert name == (None if flag else "PACs")
