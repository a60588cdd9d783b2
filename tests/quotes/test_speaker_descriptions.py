"""'the company' -> the organisation it stands for (accords.quotes.speaker_descriptions); sentences written here."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run, speaker_name

from accords.quotes import speaker_descriptions as sd

TEXT_NAMED = (
    "The Riverside Water Commission met on Monday to review the new rates.\n"
    "The commission said the rates would rise by four percent next year."
)
TEXT_RECENT = (
    "Regulators in Ohio are investigating Acme amid layoffs. "
    "The company confirmed that it had been contacted by the regulators last week."
)
TEXT_OTHER = (
    "Channel 9 News reached out to the Department of Energy for comment on the outage.\n"
    "In a statement, the agency said it was reviewing the report from the grid operator."
)


def test_head_noun_of_the_name(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(sd, "ORG_DESCRIPTIONS", flag)
    got = speaker_name(TEXT_NAMED, "rates would rise")
    assert (got == "Riverside Water Commission") is flag, got


def test_the_one_company_named_just_before(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(sd, "ORG_RECENT", flag)
    got = speaker_name(TEXT_RECENT, "had been contacted")
    assert (got == "Acme") is flag, got


def test_a_broadcaster_does_not_block_the_agency(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(sd, "RECENT_OTHER_KIND", flag)
    got = speaker_name(TEXT_OTHER, "reviewing the report")
    assert (got == "Department of Energy") is flag, got


def test_two_companies_leave_it_unresolved() -> None:
    text = "Acme sued Globex over a patent on Tuesday. The company said the patent had expired years ago."
    assert speaker_name(text, "patent had expired") in (None, "company")


TEXT_SINCE = (
    "Harbor Freight Co. opened a store in the town last spring.\n"
    "The mayor praised Brightwell Foods in March, when the company agreed to build a plant by the river.\n"
    "The company said the plant would employ two hundred people."
)
TEXT_AND = (
    "Regulators in Ohio are investigating Acme amid layoffs. "
    "The company and the state's labour secretary, Ann Ward, confirmed that talks had begun."
)


def test_a_company_named_since_stands_in_the_way(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(sd, "NAMED_SINCE", flag)
    got = speaker_name(TEXT_SINCE, "would employ two hundred")
    assert (got != "Harbor Freight Co.") is flag, got


def test_the_company_and_someone_else_is_not_the_company(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(sd, "ORG_ALONE", flag)
    got = speaker_name(TEXT_AND, "talks had begun")
    assert (got != "Acme") is flag, got


def test_a_description_whose_kind_the_name_tells(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(sd, "KIND_NAME", flag)
    rec = run(
        "Northwind Electric Co. cut power to 80,000 homes on Wednesday.\n"
        "The utility said the cuts could last a week.\n"
        "Blue Harbor Productions will air the show on Tuesday.\n"
        "The production company said the host would return.\n"
    )
    want = ("Northwind Electric Co.", "Blue Harbor Productions") if flag else (None, None)
    got = tuple(quote_of(rec, w).speaker.name for w in ("cuts could last", "host would return"))  # type: ignore[union-attr]
    assert got == want


def test_two_organisations_of_the_kind_give_no_answer() -> None:
    rec = run(
        "Northwind Electric Co. and Lakeside Power cut power on Wednesday.\n"
        "The utility said the cuts could last a week.\n"
    )
    assert quote_of(rec, "cuts could last").speaker.name is None  # type: ignore[union-attr]
