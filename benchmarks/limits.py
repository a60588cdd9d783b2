"""What each hostile input costs and how it ends: ``python benchmarks/limits.py``.

Prints one row per input (seconds, outcome, sentences, warnings or the error) and writes
benchmarks/results/limits.json; the README's "Limits and failure modes" table comes from it.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import accords
from accords import hardening as h
from accords.errors import AccordsError


def cases() -> list[tuple[str, Callable[[], bytes]]]:
    return [
        ("binary file named .html (1 MB)", lambda: h.binary_blob(1_000_000)),
        ("50 MB page", lambda: h.news_html(3).encode() + b"<p>" + b"x " * 25_000_000 + b"</p>"),
        ("HTML nested 10,000 deep", lambda: h.deep_html(10_000).encode()),
        ("zero-width and bidi controls", lambda: h.html_page(f"<p>{h.control_chars_text()}</p>").encode()),
        ("mixed encodings in one page", h.mixed_encoding_bytes),
        ("5,000 quotation marks", lambda: h.html_page(f"<p>{h.many_quotes_text(5_000)}</p>").encode()),
        (
            "3,000 words, no sentence end",
            lambda: h.html_page(f"<p>{h.no_sentence_end_text(3_000)}</p>").encode(),
        ),
        ("one 20,000-word sentence", lambda: h.html_page(f"<p>{h.one_long_sentence(20_000)}</p>").encode()),
    ]


def main() -> int:
    accords.extract(h.news_html(2).encode())  # load the model first: rows time the input, not the load
    rows = []
    for name, make in cases():
        data = make()
        t0 = time.perf_counter()
        try:
            rec = accords.extract(data)
            outcome = {"outcome": rec.status, "sentences": len(rec.sentences), "events": len(rec.events),
                       "quotes": len(rec.quotes), "warnings": rec.article.warnings}  # fmt: skip
        except AccordsError as exc:
            outcome = {"outcome": "refused", "error": str(exc)}
        row = {"input": name, "bytes": len(data), "seconds": round(time.perf_counter() - t0, 2), **outcome}
        rows.append(row)
        detail = row.get("error") or "; ".join(row.get("warnings") or []) or ""
        print(f"{name:34s} {row['seconds']:7.2f}s  {row['outcome']:8s} {detail[:110]}", flush=True)
    out = Path("benchmarks/results/limits.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"command": "python benchmarks/limits.py", "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
