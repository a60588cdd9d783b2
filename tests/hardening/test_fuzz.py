"""Generated and mutated HTML and text through ``accords.extract``: no exception but AccordsError escapes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import accords
from accords import hardening as h
from accords.errors import AccordsError
from accords.records import Record

pytestmark = pytest.mark.slow

TAGS = [
    "p",
    "div",
    "span",
    "h1",
    "h2",
    "article",
    "script",
    "style",
    "table",
    "td",
    "ul",
    "li",
    "a",
    "br",
    "q",
]
WORDS = st.sampled_from(
    [
        "Russia",
        "Ukraine",
        "said",
        '"',
        "\u201c",
        "\u201d",
        "talks",
        "Moscow",
        "demanded",
        ".",
        ",",
        "no",
        "ceasefire",
        "&amp;",
        "&#0;",
        "<",
        ">",
        "\u202e",
        "\u200b",
        "\x00",
        "\ufffd",
        "Zelensky",
        "he",
        "according",
        "to",
        "\n",
    ]
)
TEXT = st.lists(WORDS, max_size=60).map(" ".join)


@st.composite
def html_docs(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(TAGS))
        close = draw(st.booleans())
        parts.append(f"<{tag}>{draw(TEXT)}" + (f"</{tag}>" if close else ""))
    return h.html_page("".join(parts), title=draw(TEXT))


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(h.news_html(draw(st.integers(1, 4)), seed=draw(st.integers(0, 100))).encode())
    for _ in range(draw(st.integers(1, 30))):
        i = draw(st.integers(0, len(data) - 1))
        op = draw(st.integers(0, 2))
        if op == 0:
            data[i] = draw(st.integers(0, 255))
        elif op == 1:
            del data[i : i + draw(st.integers(1, 50))]
        else:
            data[i:i] = draw(st.binary(max_size=20))
    return bytes(data)


def check(source: object) -> None:
    try:
        rec = accords.extract(source)
    except AccordsError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return
    assert isinstance(rec, Record)
    text = rec.article.text
    for ev in rec.events:
        assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.text


FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(html_docs())
def test_fuzz_generated_html(doc: str) -> None:
    check(doc.encode())


@FUZZ
@given(mutated())
def test_fuzz_mutated_html(data: bytes) -> None:
    check(data)


@FUZZ
@given(st.text(max_size=400))
def test_fuzz_plain_text(text: str) -> None:
    check(text.encode("utf-8", errors="surrogatepass") if text else b" ")
