"""Roles, countries and mention links on hand-written sentences (loads the spaCy model)."""

from __future__ import annotations

import pytest
from actors_helpers import owner, run

pytestmark = pytest.mark.slow


def person(rec, name):
    hits = [e for e in rec.entities if e.type == "PERSON" and e.name == name]
    assert len(hits) == 1, [(e.type, e.name) for e in rec.entities]
    return hits[0]


def test_linker_role_and_country_from_possessive_title():
    rec = run("Ukraine's Deputy Foreign Minister Sergiy Kyslytsya spoke in Geneva on Monday.")
    p = person(rec, "Sergiy Kyslytsya")
    assert (p.role, p.country, p.sector) == ("Deputy Foreign Minister", "UKR", "GOV")


def test_linker_role_and_country_from_abbreviated_state():
    rec = run("U.S. Secretary of State Marco Rubio arrived in Ankara. Rubio met his counterpart.")
    p = person(rec, "Marco Rubio")
    assert (p.role, p.country) == ("Secretary of State", "USA")
    assert owner(rec, "Rubio", 1).id == p.id
    assert [m.kind for m in p.mentions][:2] == ["name", "partial"]


def test_linker_role_from_apposition():
    rec = run("Olena Kovalenko, Ukraine's foreign minister, said the talks would continue.")
    p = person(rec, "Olena Kovalenko")
    assert p.role == "foreign minister"
    assert p.country == "UKR"


def test_linker_country_from_paragraph_subject_for_unknown_official():
    rec = run(
        "Georgia rejected the proposal on Tuesday. Foreign Ministry spokesperson Nino Beridze said his country "
        "would not sign."
    )
    p = person(rec, "Nino Beridze")
    assert p.role == "Foreign Ministry spokesperson"
    assert p.country == "GEO"


def test_linker_no_country_without_evidence():
    rec = run("Spokesperson Aram Petrosyan said the talks were useful.")
    p = person(rec, "Aram Petrosyan")
    assert p.country is None


def test_linker_pronoun_links_to_previous_subject_not_nearest_name():
    rec = run(
        "Zelensky organized a call with President Donald Trump after the meeting. Later, he stressed that "
        "sanctions must follow."
    )
    z = person(rec, "Zelensky")
    assert owner(rec, "he").id == z.id
    assert z.country == "UKR"


def test_linker_pronoun_with_two_candidates_and_no_subject_is_left_alone():
    rec = run("The letter from Marco Rubio to Sergei Lavrov arrived late. He was not pleased.")
    he = owner(rec, "He")
    assert he is None


def test_linker_pronoun_does_not_cross_paragraphs():
    rec = run("Sergei Lavrov spoke first.\nHe was not named in the second paragraph.")
    assert owner(rec, "He") is None


def test_linker_nominal_links_to_person_with_that_title():
    rec = run(
        "Kremlin spokesman Dmitry Peskov said Moscow was ready. The spokesman added that no date had been set."
    )
    p = person(rec, "Dmitry Peskov")
    assert p.role == "Kremlin spokesman" and p.country == "RUS"
    kinds = {m.kind for m in p.mentions}
    assert "nominal" in kinds


def test_linker_state_mentions_are_one_entity_and_metonyms_resolve():
    rec = run(
        "Russia said on Friday that Russia would respond. Moscow demanded talks, and the Kremlin agreed."
    )
    states = [e for e in rec.entities if e.country == "RUS" and e.type == "GPE" and e.name == "Russia"]
    assert len(states) == 1 and len(states[0].mentions) == 2
    moscow = owner(rec, "Moscow")
    assert moscow.country == "RUS" and moscow.mentions[0].kind == "metonym"
    kremlin = owner(rec, "Kremlin")
    assert (kremlin.country, kremlin.sector) == ("RUS", "GOV")


def test_linker_demonym_groups_get_country_and_sector():
    rec = run("Turkish officials said Israeli troops and Hamas fighters had clashed.")
    tur = owner(rec, "Turkish")
    assert (tur.type, tur.country, tur.sector) == ("GROUP", "TUR", "GOV")
    isr = owner(rec, "Israeli")
    assert (isr.type, isr.country, isr.sector) == ("GROUP", "ISR", "MIL")
    ham = owner(rec, "Hamas")
    assert (ham.country, ham.sector) == ("PSE", "REB")


def test_linker_places_resolve_to_countries():
    rec = run("Shelling hit Kherson and Zaporizhzhia, while ships passed the Bosphorus near Istanbul.")
    for word, code in [
        ("Kherson", "UKR"),
        ("Zaporizhzhia", "UKR"),
        ("Bosphorus", "TUR"),
        ("Istanbul", "TUR"),
    ]:
        e = owner(rec, word)
        assert e is not None and e.country == code and e.type in {"GPE", "LOC"}, word


def test_linker_leader_regime_is_a_government_not_the_person():
    rec = run("The Assad regime continued its attacks on Aleppo.")
    e = owner(rec, "regime")
    assert e is not None and (e.type, e.country, e.sector) == ("ORG", "SYR", "GOV")


def test_linker_user_actor_dictionary_reaches_the_stage(tmp_path):
    from accords.config import get_settings
    from accords.core import process_article
    from accords.records import Article

    f = tmp_path / "mine.yaml"
    f.write_text(
        "- {name: Ivan Testovich, aliases: [Testovich], type: PERSON, country: BLR, sector: MIL, wikidata: Q42}\n"
    )
    text = "Ivan Testovich spoke to reporters on Monday. Testovich said the border would stay closed."
    rec = process_article(Article(id="u", text=text), get_settings(actors=str(f)), stages=("nlp", "actors"))
    p = person(rec, "Ivan Testovich")
    assert (p.country, p.sector, p.wikidata) == ("BLR", "MIL", "Q42")
    assert len(p.mentions) == 2
    plain = run(text)
    assert person(plain, "Ivan Testovich").country is None


def test_linker_possessive_is_not_part_of_the_name():
    rec = run("Hillary Clinton\u2019s campaign grew. Mrs. Clinton\u2019s aides said she would win.")
    p = person(rec, "Hillary Clinton")
    assert all(not m.text.endswith("\u2019s") for m in p.mentions)
    assert len([m for m in p.mentions if m.kind != "pronoun"]) == 2


def test_linker_his_country_is_the_persons_state():
    rec = run("Foreign Minister Sergei Lavrov of Russia spoke. Lavrov said his country was ready.")
    e = owner(rec, "country")
    assert e is not None and e.country == "RUS" and e.type == "GPE"
    assert owner(rec, "his").type == "PERSON"
