"""The extractor's offset lookups (paragraph of an offset, quotation segments over a span, entity mentions over a
span) answer by bisection; they must answer what the plain scans they replaced answer."""

from __future__ import annotations

import random
import re

from accords.config import get_settings
from accords.core import new_record
from accords.pipeline import Work, run_stages
from accords.quotes.attribution import Attribution
from accords.quotes.extract import Extractor, dedupe
from accords.quotes.speakers import SpeakerResolver
from accords.records import Article, Paragraph

TEXT = (
    '"We will stay," Ana Ruiz said. "The plant is ours."\n'
    "\n"
    'Mayor Tom Lee said the city would "do what it takes" and "more".\n'
    "“Closing it,” he said, “would cost 400 jobs.” Ruiz did not agree.\n"
    "The union said nothing."
)


def _linear_paragraph(spans: list[tuple[int, int]], offset: int) -> int:
    for i, (a, b) in enumerate(spans):
        if offset < b:
            return i if offset >= a else max(0, i - 1)
    return len(spans) - 1


def test_lookups_answer_as_the_scans_did() -> None:
    paras = [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", TEXT)]
    art = Article(id="t", text=TEXT, paragraphs=paras, language="en")
    work = run_stages(Work(record=new_record(art), settings=get_settings()), ("nlp", "actors"))
    ex = Extractor(work.record, work.doc)
    assert ex.segments and len(ex.para_spans) == 4
    rng = random.Random(1)
    n = len(TEXT)
    for offset in range(-1, n + 2):
        assert ex.paragraph_of(offset) == _linear_paragraph(ex.para_spans, offset)
    bisected = [ex.paragraph_of(k) for k in range(n)]
    ex._para_ends = None  # paragraphs out of text order: the scan answers
    assert [ex.paragraph_of(k) for k in range(n)] == bisected
    res = SpeakerResolver(work.record, work.doc)
    assert res.mentions
    for _ in range(500):
        a = rng.randrange(0, n)
        b = rng.randrange(a, n + 1)
        assert ex.segments_over(a, b) == [i for i, s in enumerate(ex.segments) if s.start < b and a < s.end]
        assert res._overlapping(a, b) == [m for m in res.mentions if m.start < b and a < m.end]


def _dedupe_by_scan(atts: list[Attribution]) -> list[Attribution]:
    """The plain scan dedupe replaced: every kept attribution compared with every new one."""
    from accords.quotes.extract import _length, _overlap

    atts = sorted(atts, key=lambda x: (-(x.speaker is not None), -x.confidence, x.start))
    kept: list[Attribution] = []
    for x in atts:
        dup = False
        for y in kept:
            if x.nested != y.nested and not (x.kind == y.kind == "direct"):
                continue
            if _overlap(x, y) * 2 >= max(_length(x), _length(y)):
                dup = True
                break
        if not dup:
            kept.append(x)
    return sorted(kept, key=lambda x: (x.start, x.nested))


def test_dedupe_keeps_what_the_scan_kept() -> None:
    rng = random.Random(7)
    for _ in range(200):
        atts = []
        for _ in range(rng.randrange(1, 30)):
            a = rng.randrange(0, 300)
            pieces = [(a, a + rng.randrange(0, 40))]
            if rng.random() < 0.3:
                b = pieces[0][1] + rng.randrange(0, 20)
                pieces.append((b, b + rng.randrange(0, 30)))
            atts.append(
                Attribution(
                    rng.choice(["direct", "mixed", "indirect"]),
                    pieces,
                    speaker=rng.choice([None, 1]),
                    confidence=rng.choice([0.6, 0.8, 0.9]),
                    nested=rng.random() < 0.2,
                )
            )
        assert [id(x) for x in dedupe(list(atts))] == [id(x) for x in _dedupe_by_scan(list(atts))]
