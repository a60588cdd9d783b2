"""Countries a speaker's words leave unsaid, read from the rest of the article (accords.quotes.speaker_setting);
sentences written here."""

from __future__ import annotations

import pytest
from quotes_helpers import quote_of, run

from accords.quotes import speaker_setting as st

OHIO = (
    "Police in Ohio arrested two men in Columbus on Friday after a raid in Cleveland, Ohio.\n"
    "The men had driven stolen cars from Michigan to Ohio for a year, court papers show.\n"
    "Prosecutors said the men had sold more than 200 stolen cars.\n"
    "Acme Freight officials said the company had lost 40 trucks to the thieves.\n"
    "Judge Maria Santos said the trial would begin in June.\n"
    "Carla Diaz, president of Diaz Moving, said her prices had risen since the thefts.\n"
)


def _country(text: str, words: str) -> str | None:
    s = quote_of(run(text), words).speaker
    assert s is not None
    return s.country


def test_officials_of_a_story_set_in_one_state(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(st, "SETTING", flag)
    assert _country(OHIO, "more than 200 stolen cars") == ("USA" if flag else None)


def test_a_person_with_a_state_role(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(st, "SETTING", flag)
    assert _country(OHIO, "trial would begin") == ("USA" if flag else None)


def test_no_country_for_a_company_or_its_people() -> None:
    # 'officials' of a named company and a company's president act for no state
    assert st.SETTING
    rec = run(OHIO)
    assert quote_of(rec, "lost 40 trucks").speaker.country is None  # type: ignore[union-attr]
    assert quote_of(rec, "prices had risen").speaker.country is None  # type: ignore[union-attr]


def test_no_setting_when_the_story_names_several_states() -> None:
    text = (
        "Diplomats from Russia, China, France and Brazil met in Geneva on Monday.\n"
        "Russia and China asked for more time; France and Brazil did not.\n"
        "Officials said the talks would resume in May.\n"
    )
    rec = run(text)
    assert st.setting(rec) is None
    assert quote_of(rec, "talks would resume").speaker.country is None  # type: ignore[union-attr]


def test_one_person_one_country(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    # the country the first mention's words gave ('NASA's') is the person's at the next mention too
    monkeypatch.setattr(st, "SPREAD", flag)
    monkeypatch.setattr(st, "SETTING", False)
    text = (
        "NASA's Maria Lopez, deputy administrator for science, said the probe was ready.\n"
        "Lopez said the launch was set for March.\n"
    )
    rec = run(text)
    assert quote_of(rec, "probe was ready").speaker.country == "USA"  # type: ignore[union-attr]
    assert quote_of(rec, "launch was set").speaker.country == ("USA" if flag else None)  # type: ignore[union-attr]


def test_state_people_in_a_place(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(st, "PLACE", flag)
    rec = run(
        "Prosecutors in Sweden said the case was closed.\n"
        "Analysts in London said the ruling would stand.\n"
        "Officials from Acme Corp in Texas said the plant would close.\n"
    )
    assert quote_of(rec, "case was closed").speaker.country == ("SWE" if flag else None)  # type: ignore[union-attr]
    # no state's people: analysts, a company's officials
    assert quote_of(rec, "ruling would stand").speaker.country is None  # type: ignore[union-attr]
    assert quote_of(rec, "plant would close").speaker.country is None  # type: ignore[union-attr]


def test_a_group_of_two_states_is_of_neither(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    from accords.quotes import speakers

    monkeypatch.setattr(speakers, "ONE_STATE", flag)
    rec = run(
        "Russian and Syrian officials said the convoy had been attacked.\nTurkish officials said it had not.\n"
    )
    both = quote_of(rec, "convoy had been attacked").speaker
    assert both is not None
    if flag:
        assert (both.country, both.entity_id, both.name) == (None, None, "Russian and Syrian officials")
    else:
        assert both.country in ("RUS", "SYR")  # one of the two, as if the other were not there
    assert quote_of(rec, "it had not").speaker.country == "TUR"  # type: ignore[union-attr]


def test_a_home_state_read_as_another_state(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    # 'Georgia' in a story set in the United States: the actors stage fixes the place, this the speaker's words
    monkeypatch.setattr(st, "HOME_PLACE", flag)
    rec = run(
        "Voters in Georgia and Ohio went to the polls on Tuesday. In Atlanta, turnout was high.\n"
        "Ohio and Texas vote next week, officials in Ohio said.\n"
        "Georgia businessman Bruce Lane said the race was close.\n"
    )
    assert quote_of(rec, "race was close").speaker.country == ("USA" if flag else "GEO")  # type: ignore[union-attr]
