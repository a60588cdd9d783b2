"""read_source on the seed page and on text and Markdown inputs: every `article` field of expected.json."""

from __future__ import annotations

import gzip
import hashlib
import io
import sys
from pathlib import Path

import pytest

from accords.config import Settings
from accords.ingest import read_source
from accords.ingest.text import fold

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "src" / "accords" / "examples" / "istanbul-talks.html"
SEED_TXT = ROOT.parent / "shared" / "seed" / "000_9ee238fe98dce4b4.txt"


@pytest.fixture(scope="module")
def seed_article():
    return read_source(str(EXAMPLE), Settings())


def test_article_seed_metadata(seed_article, expected) -> None:
    exp = expected["article"]
    assert seed_article.title == exp["title"]
    assert seed_article.published == exp["published"]
    assert seed_article.site_name == exp["site_name"]
    assert seed_article.canonical_url == (
        "https://worldnewsdesk.example/news/istanbul-talks-bring-symbolic-progress-but-no-ceasefire"
    )
    assert seed_article.language == "en"
    assert seed_article.warnings == []


def test_article_seed_body(seed_article, expected) -> None:
    exp = expected["article"]
    assert len(seed_article.paragraphs) == exp["paragraphs"]
    assert seed_article.text.startswith(exp["body_starts_with"])
    assert seed_article.text.endswith(exp["body_ends_with"])
    for furniture in exp["body_must_not_contain"]:
        assert furniture not in seed_article.text, furniture


def test_article_seed_title_not_repeated(seed_article, expected) -> None:
    assert expected["article"]["title_not_repeated_in_body"]
    assert fold(seed_article.title) not in fold(seed_article.text)
    first = seed_article.text[seed_article.paragraphs[0].start : seed_article.paragraphs[0].end]
    assert fold(first) != fold(seed_article.title)


def test_article_seed_reactions(seed_article, expected) -> None:
    assert seed_article.reactions == expected["article"]["page_reactions"]
    assert "like0" not in seed_article.text.replace(" ", "")


def test_article_offsets_point_into_text(seed_article) -> None:
    text = seed_article.text
    paras = [text[p.start : p.end] for p in seed_article.paragraphs]
    assert "\n\n".join(paras) == text
    assert all(p and p == p.strip() and "\n" not in p for p in paras)
    assert seed_article.content_hash == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_article_id_is_stable_and_follows_canonical_url(seed_article) -> None:
    again = read_source(EXAMPLE.read_bytes(), Settings())
    assert again.id == seed_article.id
    assert again.source is None and seed_article.source == str(EXAMPLE)
    # No canonical URL: the id comes from the content, and equal bodies share it.
    html = "<html><body><article>" + "<p>The ceasefire held through the night in the border towns.</p>" * 5
    a = read_source((html + "</article></body></html>").encode(), Settings())
    b = read_source((html + "</article><footer>x</footer></body></html>").encode(), Settings())
    assert a.canonical_url is None and a.id == b.id and a.content_hash == b.content_hash


def test_article_accepts_path_str_bytes_gzip_and_stdin(tmp_path, monkeypatch, seed_article) -> None:
    raw = EXAMPLE.read_bytes()
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(raw))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    for source in (EXAMPLE, raw, raw.decode("utf-8"), str(gz), "-"):
        art = read_source(source, Settings())
        assert art.text == seed_article.text, type(source)
        if source == "-":
            assert art.source == "-"


def test_article_wrong_type_is_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        read_source(42, Settings())
    with pytest.raises(TypeError):
        read_source(["page.html"], Settings())


def test_article_seed_text_file(expected) -> None:
    if not SEED_TXT.exists():
        pytest.skip(f"{SEED_TXT} is absent: these tests read ../shared beside the clone")
    art = read_source(str(SEED_TXT), Settings())
    exp = expected["article"]
    assert art.title == exp["title"]
    assert len(art.paragraphs) == exp["paragraphs"]
    assert art.text.startswith(exp["body_starts_with"]) and art.text.endswith(exp["body_ends_with"])
    assert "What's Your Reaction?" not in art.text
    assert art.reactions == exp["page_reactions"]


def test_article_markdown_markup_is_stripped(tmp_path) -> None:
    md = tmp_path / "talks.md"
    md.write_text(
        "---\ntitle: Talks in Istanbul end without a truce\ndate: 2025-05-16\nauthor: A. Writer\n---\n\n"
        "# Talks in Istanbul end without a truce\n\n"
        "**Russian and Ukrainian** officials met in [Istanbul](https://example.org/ist) on Friday, "
        "their first _direct_ talks in three years.\n\n"
        "## What was agreed\n\n"
        "- a prisoner exchange of 1,000 people each\n- further talks on a ceasefire\n\n"
        "> We are ready for a ceasefire, said the spokesperson.\n\n"
        "![a photo](photo.jpg)\n\n```\ncode stays as text\n```\n"
    )
    art = read_source(str(md), Settings())
    assert art.title == "Talks in Istanbul end without a truce"
    assert art.published == "2025-05-16"
    assert art.authors == ["A. Writer"]
    paras = [art.text[p.start : p.end] for p in art.paragraphs]
    assert paras[0] == (
        "Russian and Ukrainian officials met in Istanbul on Friday, their first direct talks in three years."
    )
    assert "What was agreed" in paras
    assert "a prisoner exchange of 1,000 people each" in paras
    assert "We are ready for a ceasefire, said the spokesperson." in paras
    for markup in ("**", "](", "# ", "![", "```", "> "):
        assert markup not in art.text, markup


def test_article_plain_text_without_headline() -> None:
    body = (
        "The talks ended on Friday without a ceasefire, officials said.\n\n"
        "Both sides agreed to exchange prisoners, a spokesperson added.\n"
    )
    art = read_source(body, Settings())
    assert art.title is None
    assert len(art.paragraphs) == 2
    assert art.text.startswith("The talks ended")


def test_article_plain_text_lines_without_blank_lines_are_paragraphs() -> None:
    body = (
        "Truce talks stall\nThe first paragraph says what happened today.\nThe second one adds who said it.\n"
    )
    art = read_source(body.encode(), Settings())
    assert art.title == "Truce talks stall"
    assert [art.text[p.start : p.end] for p in art.paragraphs] == [
        "The first paragraph says what happened today.",
        "The second one adds who said it.",
    ]


def test_article_one_line_string_is_text_or_a_path(tmp_path) -> None:
    art = read_source(
        "The talks in Istanbul ended on Friday without a ceasefire, officials said.", Settings()
    )
    assert art.text == "The talks in Istanbul ended on Friday without a ceasefire, officials said."
    from accords.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "my page.html"), Settings())
    with pytest.raises(InputError, match="no such file"):
        read_source("missing.html", Settings())
