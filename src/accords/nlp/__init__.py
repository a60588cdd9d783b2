"""Language pipeline: one spaCy pipeline per process; sentences and named entities with offsets."""

from accords.nlp.pipeline import load_pipeline, nlp_stage

__all__ = ["load_pipeline", "nlp_stage"]
