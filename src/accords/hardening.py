"""Generators of hostile input, shared by the test suite and ``benchmarks/fuzz.py``.

Real corpora contain binary files named .html, pages nested thousands deep, bidirectional control
characters, thousands of quotation marks and sentences without end.  These builders make such
inputs on demand so that the tests need no fixtures on disk.
"""

from __future__ import annotations

import random
from typing import Any

BIDI = "\u202e\u202d\u2066\u2067\u2068\u2069\u200f\u200e"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

SENTENCES = [
    "Russia demanded that Ukraine withdraw its troops from the region.",
    '"We will not give up," said Foreign Minister Dmytro Kuleba.',
    "The United Nations condemned the attack on Kharkiv, which killed 12 civilians.",
    "Officials in Ankara said talks would resume on Monday.",
    "No ceasefire was agreed.",
]


def html_page(body: str, title: str = "Talks resume") -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def news_html(n_paragraphs: int = 6, seed: int = 0) -> str:
    rnd = random.Random(seed)
    paras = "".join(
        f"<p>{' '.join(rnd.choice(SENTENCES) for _ in range(3))}</p>" for _ in range(n_paragraphs)
    )
    return html_page(paras)


def deep_html(depth: int = 10_000) -> str:
    return html_page("<div>" * depth + "<p>" + " ".join(SENTENCES) + "</p>" + "</div>" * depth)


def control_chars_text(seed: int = 0) -> str:
    rnd = random.Random(seed)
    text = " ".join(SENTENCES * 4)
    chars = list(text)
    for _ in range(len(chars) // 5):
        chars.insert(rnd.randrange(len(chars)), rnd.choice(BIDI + ZERO_WIDTH))
    return "".join(chars)


def mixed_encoding_bytes() -> bytes:
    parts = [
        b"<html><head><title>Talks</title></head><body><article><p>",
        "Zelensky met Erdoğan in Ankara on Friday, officials said. ".encode(),
        "Le ministre a déclaré que la trêve tiendrait. ".encode("latin-1"),
        "Москва заявила о переговорах. ".encode("cp1251"),
        " ".join(SENTENCES).encode(),
        b"</p></article></body></html>",
    ]
    return b"".join(parts)


def many_quotes_text(n: int = 5_000) -> str:
    return " ".join(['He said "' if i % 2 == 0 else 'yes" and' for i in range(n)]) + " " + " ".join(SENTENCES)


def no_sentence_end_text(words: int = 3_000) -> str:
    return " ".join(
        ("talks", "between", "Russia", "and", "Ukraine", "continued")[i % 6] for i in range(words)
    )


def one_long_sentence(words: int = 20_000) -> str:
    vocab = [
        "officials",
        "said",
        "Russia",
        "demanded",
        "Ukraine",
        "withdraw",
        "and",
        "the",
        "talks",
        "in",
        "Istanbul",
    ]
    return " ".join(vocab[i % len(vocab)] for i in range(words)) + "."


def binary_blob(size: int = 4096, seed: int = 0) -> bytes:
    return random.Random(seed).randbytes(size)


# ----------------------------------------------------------------------------- fuzzing
# One vocabulary and three generators for both fuzzers: the suite draws their Random from hypothesis (which
# shrinks a failure), benchmarks/fuzz.py from a seeded random.Random (which runs 10,000 cases fast).
FUZZ_TAGS = ["p", "div", "span", "h1", "h2", "article", "script", "style", "table", "td", "ul", "li", "a", "br", "q", "meta"]  # fmt: skip
FUZZ_WORDS = [
    "Russia", "Ukraine", "said", '"', "\u201c", "\u201d", "talks", "Moscow", "demanded", ".", ",", "no", "ceasefire",
    "&amp;", "&#0;", "<", ">", BIDI[0], ZERO_WIDTH[0], "\x00", "\ufffd", "Zelensky", "he", "according", "to", "\n",
    "Kremlin", "attacked", "1,000", "killed", "on", "Friday",
]  # fmt: skip


def fuzz_html(rnd: random.Random) -> bytes:
    """A page of random tags (some left open) filled with words that stress the quote and event rules."""
    parts = []
    for _ in range(rnd.randrange(0, 15)):
        tag = rnd.choice(FUZZ_TAGS)
        words = " ".join(rnd.choice(FUZZ_WORDS) for _ in range(rnd.randrange(0, 60)))
        parts.append(f"<{tag}>{words}" + (f"</{tag}>" if rnd.random() < 0.7 else ""))
    return html_page("".join(parts)).encode()


def fuzz_mutated(rnd: random.Random) -> bytes:
    """A real-looking news page with bytes overwritten, cut out and inserted."""
    data = bytearray(news_html(rnd.randrange(1, 5), seed=rnd.randrange(1000)).encode())
    for _ in range(rnd.randrange(1, 40)):
        if not data:
            break
        i = rnd.randrange(len(data))
        op = rnd.randrange(3)
        if op == 0:
            data[i] = rnd.randrange(256)
        elif op == 1:
            del data[i : i + rnd.randrange(1, 60)]
        else:
            data[i:i] = rnd.randbytes(rnd.randrange(1, 20))
    return bytes(data)


def fuzz_text(rnd: random.Random) -> bytes:
    """Plain text of ASCII, far Unicode, newlines and quotation marks."""
    n = rnd.randrange(0, 300)
    return "".join(
        chr(rnd.choice([rnd.randrange(32, 127), rnd.randrange(0x80, 0x3000), 10, 34, 0x201C]))
        for _ in range(n)
    ).encode("utf-8", errors="replace")


FUZZ_GENERATORS = (fuzz_html, fuzz_mutated, fuzz_text)


def offset_errors(rec: Any) -> str | None:
    """The first record item whose offsets do not point at its own text, described; None when all do."""
    text = rec.article.text
    for ent in rec.entities:
        for m in ent.mentions:
            if text[m.start : m.end] != m.text:
                return f"entity mention offsets wrong: {m.text!r}"
    for q in rec.quotes:
        for p in q.content:
            if text[p.start : p.end] != p.text:
                return "quote offsets wrong"
    for ev in rec.events:
        if text[ev.evidence.start : ev.evidence.end] != ev.evidence.text:
            return "event evidence offsets wrong"
    return None
