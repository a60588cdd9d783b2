"""The article text as safe HTML: every character kept, escaped, overlapping layers handled."""

from __future__ import annotations

import html
import re

from webfactory import XSS, seed_record, xss_record

from accords.records import Evidence, Quote, Span
from accords.web.highlight import render_text


def _plain(parts: list[str]) -> str:
    text = "".join(str(p) for p in parts)
    text = re.sub(r'<span class="lbl[^"]*"[^>]*>[^<]*</span>', "", text)  # entity type labels
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def test_highlight_keeps_every_character_of_each_paragraph() -> None:
    rec = seed_record()
    paras = render_text(rec)
    assert len(paras) == len([p for p in rec.article.paragraphs if p.end > p.start])
    want = "".join(rec.article.text[p.start : p.end] for p in rec.article.paragraphs if p.end > p.start)
    assert _plain(paras) == want


def test_highlight_escapes_markup_from_the_article() -> None:
    rec = xss_record()
    out = "".join(str(p) for p in render_text(rec, {"V1"}))
    assert "<script>" not in out and "<iframe" not in out and "<img" not in out
    assert html.escape(XSS, quote=False).replace('"', "&#34;") in out or "&lt;script&gt;" in out
    assert _plain(render_text(rec)).count("<script>") == 2


def test_highlight_marks_only_the_chosen_record() -> None:
    rec = seed_record()
    ev = rec.events[2]
    out = "".join(str(p) for p in render_text(rec, {ev.id}))
    lit = re.findall(r'<span class="hl[^"]*"[^>]*>([^<]*)</span>', out)
    assert lit and ev.evidence.text.startswith(html.unescape(lit[0])[:10])
    assert html.unescape("".join(lit)) == ev.evidence.text


def test_highlight_survives_overlaps_and_bad_offsets() -> None:
    rec = seed_record()
    n = len(rec.article.text)
    q = rec.quotes[0]
    wild = Quote(
        id="Q9", kind="direct", content=[Span(start=n - 5, end=n + 50, text="x"), Span(start=-3, end=4, text="y")],
        evidence=Evidence(sentence=0, start=q.evidence.start - 7, end=q.evidence.end + 9, text="z"), version="t",
    )  # fmt: skip
    rec.quotes.append(wild)
    paras = render_text(rec, {"Q9", q.id})
    want = "".join(rec.article.text[p.start : p.end] for p in rec.article.paragraphs if p.end > p.start)
    assert _plain(paras) == want
