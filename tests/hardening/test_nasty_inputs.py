"""Hostile inputs made by the tests: each ends in a record or a clear one-line error, never a traceback."""

from __future__ import annotations

import pytest

import accords
from accords import hardening as h
from accords.errors import AccordsError, InputError
from accords.records import Record

pytestmark = pytest.mark.slow


def outcome(source: object) -> Record | AccordsError:
    try:
        return accords.extract(source)
    except AccordsError as exc:
        msg = str(exc)
        assert msg and "\n" not in msg and "Traceback" not in msg
        return exc


def test_hardening_binary_file_named_html(tmp_path) -> None:
    p = tmp_path / "page.html"
    p.write_bytes(h.binary_blob(20_000))
    res = outcome(str(p))
    assert isinstance(res, InputError)


def test_hardening_50mb_page_is_refused_with_reason(tmp_path) -> None:
    p = tmp_path / "huge.html"
    p.write_bytes(h.news_html(3).encode() + b"<p>" + b"x " * 25_000_000 + b"</p>")
    res = outcome(str(p))
    assert isinstance(res, InputError)
    assert "large" in str(res) or "limit" in str(res)


def test_hardening_deeply_nested_html() -> None:
    res = outcome(h.deep_html(10_000).encode())
    assert isinstance(res, (Record, InputError))
    if isinstance(res, Record):
        assert len(res.article.text) < 10_000


def test_hardening_control_characters_keep_offsets_true() -> None:
    res = outcome(h.html_page(f"<p>{h.control_chars_text()}</p>").encode())
    assert isinstance(res, Record)
    text = res.article.text
    for ent in res.entities:
        for m in ent.mentions:
            assert text[m.start : m.end] == m.text
    for q in res.quotes:
        for piece in q.content:
            assert text[piece.start : piece.end] == piece.text


def test_hardening_mixed_encodings() -> None:
    res = outcome(h.mixed_encoding_bytes())
    assert isinstance(res, Record)
    assert "Erdoğan" in res.article.text or "Erdo" in res.article.text


def test_hardening_five_thousand_quotation_marks() -> None:
    res = outcome(h.html_page(f"<p>{h.many_quotes_text(5_000)}</p>").encode())
    assert isinstance(res, Record)
    for q in res.quotes:  # never a quote that swallows the page
        assert sum(p.end - p.start for p in q.content) < len(res.article.text) / 2


def test_hardening_text_without_sentence_ends() -> None:
    res = outcome(h.html_page(f"<p>{h.no_sentence_end_text(3_000)}</p>").encode())
    assert isinstance(res, Record)
    assert res.sentences


def test_hardening_one_20000_word_sentence_is_split_or_skipped_with_reason() -> None:
    res = outcome(h.html_page(f"<p>{h.one_long_sentence(20_000)}</p>").encode())
    assert isinstance(res, (Record, InputError))
    if isinstance(res, Record):
        assert len(res.sentences) > 1 or res.article.warnings


def test_hardening_text_over_max_chars_is_cut_with_warning() -> None:
    text = ("Russia demanded that Ukraine withdraw. " * 2_000).encode()
    rec = accords.extract(text, max_chars=20_000)
    assert len(rec.article.text) <= 20_000
    assert any("cut" in w or "truncat" in w or "long" in w for w in rec.article.warnings)
