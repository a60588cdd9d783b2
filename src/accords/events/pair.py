"""Pair-given coding: the PLOVER type of what ``actor`` did to ``recipient`` in one sentence."""

from __future__ import annotations

from typing import Any

from accords.events.lexicon import Code
from accords.events.patterns import Candidate, Coder

CharSpan = tuple[int, int]


def _nlp() -> Any:
    from accords.config import get_settings
    from accords.nlp import load_pipeline

    return load_pipeline(get_settings().model)


def _inside(tok: Any, span: CharSpan) -> bool:
    return span[0] <= tok.idx < span[1]


def _touches(heads: list[Any], span: CharSpan) -> bool:
    for h in heads:
        for t in h.subtree:
            if _inside(t, span):
                return True
    return False


def _dist(a: Any, b: Any) -> int:
    """Tree distance between two tokens."""
    anc_a = [a, *a.ancestors]
    anc_b = [b, *b.ancestors]
    ids_b = {t.i: k for k, t in enumerate(anc_b)}
    for k, t in enumerate(anc_a):
        if t.i in ids_b:
            return k + ids_b[t.i]
    return 99


def _span_head(doc: Any, span: CharSpan) -> Any | None:
    toks = [t for t in doc if _inside(t, span)]
    if not toks:
        return None
    return min(toks, key=lambda t: len(list(t.ancestors)))


def score(c: Candidate, doc: Any, actor: CharSpan, recipient: CharSpan | None) -> float:
    s = c.confidence
    if _touches(c.actors, actor):
        s += 1.0
    if recipient is not None and _touches(c.recipients, recipient):
        s += 0.8
    if recipient is not None and _touches(c.actors, recipient) and c.all_actors:
        s += 0.5
    ah = _span_head(doc, actor)
    rh = _span_head(doc, recipient) if recipient is not None else None
    d = (_dist(c.trigger, ah) if ah is not None else 10) + (_dist(c.trigger, rh) if rh is not None else 5)
    s -= 0.05 * d
    if _inside(c.trigger, actor):  # "the coalition fighting Houthi rebels declared a ceasefire"
        s -= 1.5
    return s


def code_pair_doc(
    doc: Any, actor: CharSpan, recipient: CharSpan | None
) -> tuple[str | None, str | None, float]:
    coder = Coder()
    cands: list[Candidate] = []
    for sent in doc.sents:
        cands.extend(coder.candidates(sent))
    if not cands:
        return _backoff(doc, coder)
    best = max(cands, key=lambda c: score(c, doc, actor, recipient))
    from accords.events.coder import apply_rules
    from accords.events.flags import future, hypothetical, negated
    from accords.records import Flags

    f = Flags(
        negated=negated(best.trigger, best.chain),
        future=future(best.trigger, best.chain),
        hypothetical=hypothetical(best.trigger, best.chain),
    )
    event, mode = apply_rules(best, f)
    code = Code(event, mode)
    conf = max(0.05, min(0.95, 0.4 + 0.3 * score(best, doc, actor, recipient) / 2))
    return code.event, code.mode, round(conf, 2)


def _backoff(doc: Any, coder: Coder) -> tuple[str | None, str | None, float]:
    """No pattern fired: the first lexicon word in the sentence, whatever its syntax, at low confidence."""
    lex = coder.lex
    for t in doc:
        lemma = t.lemma_.lower()
        code = lex.verbs.get(lemma) if t.pos_ in ("VERB", "AUX") else None
        code = code or (lex.nouns.get(t.lower_) or lex.nouns.get(lemma) if t.pos_ in ("NOUN",) else None)
        if code is not None:
            return code.event, code.mode, 0.2
    return None, None, 0.0


def code_pair(
    sentence: str, actor_span: CharSpan | str, recipient_span: CharSpan | str | None = None
) -> tuple[str | None, str | None, float]:
    """PLOVER (event, mode, confidence) for what the actor does to the recipient in ``sentence``.

    Spans are (start, end) character offsets into ``sentence`` or the exact substrings.
    ``event`` is None when the coder finds nothing. Example:

        >>> code_pair("Moscow demanded Ukraine withdraw.", "Moscow", "Ukraine")  # doctest: +SKIP
        ('REQUEST', 'yield', 0.8)
    """
    doc = _nlp()(sentence)
    a = _as_span(sentence, actor_span)
    r = _as_span(sentence, recipient_span) if recipient_span is not None else None
    return code_pair_doc(doc, a, r)


def _as_span(sentence: str, s: CharSpan | str) -> CharSpan:
    if isinstance(s, str):
        i = sentence.find(s)
        if i < 0:
            raise ValueError(f"{s!r} != in the sentence")
        return (i, i + len(s))
    return (int(s[0]), int(s[1]))
