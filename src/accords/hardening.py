"""Generators of hostile input, shared by the test suite and ``benchmarks/fuzz.py``.

Real corpora contain binary files named .html, pages nested thousands deep, bidirectional control
characters, thousands of quotation marks and sentences without end.  These builders make such
inputs on demand so that the tests need no fixtures on disk.
"""

from __future__ import annotations

import random

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
