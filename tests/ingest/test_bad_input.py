"""Bad input: each gives a one-line InputError/FetchError or an article with warnings, never a traceback."""

from __future__ import annotations

import codecs
import time

import pytest

from accords.config import Settings
from accords.errors import FetchError, InputError
from accords.ingest import read_source

ENGLISH_P = (
    "<p>Delegations from both countries met in the capital on Tuesday and agreed to resume talks "
    "on a ceasefire next week, officials said, while the fighting continued in the east.</p>"
)


def one_line(exc: BaseException) -> str:
    msg = str(exc)
    assert msg and "\n" not in msg and "Traceback" not in msg
    return msg


def test_bad_input_empty_file(tmp_path) -> None:
    for content in (b"", b"  \n\t\n"):
        p = tmp_path / "empty.html"
        p.write_bytes(content)
        with pytest.raises(InputError) as err:
            read_source(str(p), Settings())
        assert "empty" in one_line(err.value) and str(p) in str(err.value)


def test_bad_input_missing_file(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "nope.html"), Settings())
    with pytest.raises(InputError, match="folder"):
        read_source(str(tmp_path), Settings())


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "PNG"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 40, "PDF"),
        (bytes(range(256)) * 40, "binary"),
        (b"PK\x03\x04" + b"\x00" * 500, "ZIP"),
    ],
)
def test_bad_input_binary_file(tmp_path, data: bytes, what: str) -> None:
    p = tmp_path / "page.html"  # the name says HTML; the content does not
    p.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_source(str(p), Settings())
    assert what in one_line(err.value)


def test_bad_input_windows_1251_page_with_meta_charset() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Переговоры</title></head><body><article>"
        + "<p>Российская и украинская делегации встретились в Стамбуле впервые за три года. "
        "Стороны договорились об обмене пленными.</p>" * 4 + "</article></body></html>"
    )
    art = read_source(html.encode("cp1251"), Settings())
    assert "Российская и украинская делегации" in art.text
    assert art.language == "ru"
    assert any(w.startswith("not English (ru)") for w in art.warnings)


def test_bad_input_latin1_page_without_declaration() -> None:
    html = (
        "<html><head><title>Caf\u00e9 talks</title></head><body><article>"
        + "<p>The envoys met at a caf\u00e9 in Gen\u00e8ve; the na\u00efve hope of a d\u00e9tente cost "
        "\u00a3200 in coffee, and the r\u00e9sum\u00e9 of the talks was short, officials said today.</p>"
        * 4
        + "</article></body></html>"
    )
    art = read_source(html.encode("latin-1"), Settings())
    assert "caf\u00e9 in Gen\u00e8ve" in art.text and "\u00a3200" in art.text
    assert "\ufffd" not in art.text
    assert art.language == "en"


def test_bad_input_utf16_with_bom() -> None:
    html = "<html><body><article>" + ENGLISH_P * 3 + "</article></body></html>"
    art = read_source(codecs.BOM_UTF16_LE + html.encode("utf-16-le"), Settings())
    assert art.text.startswith("Delegations from both countries")


def test_bad_input_20mb_page_is_refused(tmp_path) -> None:
    p = tmp_path / "huge.html"
    p.write_bytes(b"<html><body>" + b"<p>" + b"word " * 4_100_000 + b"</p></body></html>")
    assert p.stat().st_size > 20_000_000
    with pytest.raises(InputError) as err:
        read_source(str(p), Settings())
    msg = one_line(err.value)
    assert "limit" in msg and "20,000,000" in msg and "ACCORDS_MAX_BYTES" in msg
    with pytest.raises(InputError, match="limit"):
        read_source(p.read_bytes(), Settings())


def test_bad_input_page_with_no_article() -> None:
    html = (
        "<html><head><title>Login</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        "<script>var app = {};</script><form><input name='user'><button>Sign in</button></form></body></html>"
    )
    with pytest.raises(InputError) as err:
        read_source(html.encode(), Settings())
    assert "no article text" in one_line(err.value)


def test_bad_input_non_english_page_gives_warning() -> None:
    html = (
        '<html lang="fr"><head><title>Les pourparlers</title></head><body><article>'
        + "<p>Les délégations russe et ukrainienne se sont rencontrées à Istanbul pour la première fois "
        "depuis trois ans. Elles ont conclu un échange de prisonniers, mais pas de cessez-le-feu, et les "
        "discussions sur une trêve se poursuivront dans les semaines qui viennent.</p>"
        * 3
        + "</article></body></html>"
    )
    art = read_source(html.encode(), Settings())
    assert art.language == "fr"
    assert "not English (fr): the language stages are built for English" in art.warnings


def test_bad_input_short_body_warns() -> None:
    art = read_source(
        b"<html><body><article><p>Talks resume on Monday in Geneva.</p></article></body></html>", Settings()
    )
    assert any("very short body" in w for w in art.warnings)


def test_bad_input_url_that_times_out(http_server) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError) as err:
        read_source(f"{http_server}/slow", Settings(fetch_timeout=0.5))
    assert time.monotonic() - start < 2.5
    msg = one_line(err.value)
    assert "no answer within 0.5 s" in msg and "/slow" in msg


def test_bad_input_url_404(http_server) -> None:
    with pytest.raises(FetchError) as err:
        read_source(f"{http_server}/missing", Settings())
    assert "HTTP 404" in one_line(err.value)
    assert err.value.exit_code == 3


def test_bad_input_url_over_size_limit_while_streaming(http_server) -> None:
    with pytest.raises(FetchError) as err:
        read_source(f"{http_server}/endless", Settings(max_bytes=100_000))
    assert "limit of 100,000 bytes" in one_line(err.value)


def test_bad_input_url_redirect_loop(http_server) -> None:
    with pytest.raises(FetchError) as err:
        read_source(f"{http_server}/loop", Settings(max_redirects=3))
    assert "more than 3 redirects" in one_line(err.value)


def test_bad_input_unreachable_host() -> None:
    with pytest.raises(FetchError) as err:
        read_source("http://127.0.0.1:9/page", Settings(fetch_timeout=1))
    assert "127.0.0.1:9" in one_line(err.value)


def test_fetch_follows_redirects_and_reads_the_page(http_server, expected) -> None:
    art = read_source(f"{http_server}/redirect", Settings())
    assert art.url == f"{http_server}/seed.html"
    assert art.source == f"{http_server}/redirect"
    assert art.title == expected["article"]["title"]
    assert art.reactions == expected["article"]["page_reactions"]


def test_fetch_uses_the_header_charset(http_server) -> None:
    art = read_source(f"{http_server}/cp1251", Settings())
    assert "Российская и украинская делегации" in art.text
    assert "not English (ru): the language stages are built for English" in art.warnings


def test_fetch_plain_text_url(http_server) -> None:
    art = read_source(f"{http_server}/plain.txt", Settings())
    assert art.title == "Ceasefire talks end"
    assert art.text == "The talks ended without a deal on Friday."


def test_bad_input_text_without_sentence_ends_warns() -> None:
    words = " ".join(["ceasefire"] * 3000)
    art = read_source(f"<html><body><article><p>{words}</p></article></body></html>".encode(), Settings())
    assert any("3,000 words without a sentence end" in w for w in art.warnings)
    seed = read_source(
        b"<html><body><article>" + b"<p>Talks went on. They ended.</p>" * 50 + b"</article></body></html>",
        Settings(),
    )
    assert not any("sentence end" in w for w in seed.warnings)
