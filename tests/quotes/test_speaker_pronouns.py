"""speaker_pronouns.BINDING: a he/she speaker is not the person its own verb names as the one told or in its
reported words."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run

from accords.quotes import speaker_pronouns


@pytest.fixture
def binding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speaker_pronouns, "BINDING", True)


def test_pronoun_is_not_the_person_told(binding: None) -> None:
    rec = run(
        'Omar Haddad met Peter Lund at the fair.\n"You have built something remarkable here," he told Haddad.'
    )
    q = quote_of(rec, "built something remarkable")
    assert q.speaker is not None and q.speaker.text == "he"
    assert q.speaker.name != "Omar Haddad"


def test_the_other_person_stays_a_candidate(binding: None) -> None:
    rec = run(
        'Omar Haddad met Peter Lund at the fair.\n"You have built something remarkable here," he told Lund.'
    )
    q = quote_of(rec, "built something remarkable")
    assert q.speaker is not None and q.speaker.name == "Omar Haddad"


@pytest.fixture
def nearest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speaker_pronouns, "NEAREST", True)


def test_he_is_the_main_subject_not_a_name_in_its_clause(nearest: None) -> None:
    # 'Mark Hale died' is inside what Rivers declined to say: the 'he' who speaks next is Rivers
    rec = run(
        "Dan Rivers, a lawyer for Paul Stone, spoke to reporters on Monday.\nRivers declined to say whether Stone"
        ' was at home on the night Mark Hale died. "When all the facts come out, people will see the truth,"'
        " he said."
    )
    q = quote_of(rec, "all the facts")
    assert q.speaker is not None and q.speaker.name == "Dan Rivers"


@pytest.fixture
def org_speaker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speaker_pronouns, "ORG_SPEAKER", True)


def test_they_is_the_organisation_that_just_spoke(org_speaker: None) -> None:
    rec = run(
        'Brightwater Holdings denied the claims on Friday.\n"We have always complied with the rules," they said'
        " in a statement."
    )
    q = quote_of(rec, "complied with")
    assert q.speaker is not None and q.speaker.name == "Brightwater Holdings"


@pytest.fixture
def org_named_person(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speaker_pronouns, "ORG_NAMED_PERSON", True)


def test_he_is_a_person_the_tagger_took_for_an_organisation(org_named_person: None) -> None:
    # the tagger reads 'Eduardo Sorrentino' (and 'Sorrentino') as an organisation; 'Eduardo' opens a man's name
    rec = run(
        "Orbis Bottling's recently named executive chair Eduardo Sorrentino wrote to staff on Monday.\nThe plant"
        " in Lima will stay open, Sorrentino said in the letter.\nHe said the firm would hire forty more workers"
        " in the spring."
    )
    q = quote_of(rec, "forty more workers")
    assert q.speaker is not None and q.speaker.name == "Eduardo Sorrentino"


@pytest.fixture
def clause_subject(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speaker_pronouns, "NEAREST", True)
    monkeypatch.setattr(speaker_pronouns, "CLAUSE_SUBJECT", True)


def test_he_in_a_clause_is_that_clause_s_subject(clause_subject: None) -> None:
    # 'he' hangs on the clause 'Tom Walsh counted': Walsh, not Ben Orr, the subject of the main clause
    rec = run(
        "The board met on Monday. Ben Orr thinks the plan ignores the floods that Tom Walsh counted when he "
        'warned that "the river will rise again."'
    )
    q = next(q for q in rec.quotes if q.speaker is not None and q.speaker.text == "he")
    assert q.speaker is not None and q.speaker.name == "Tom Walsh"
