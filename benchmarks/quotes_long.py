"""Quotes time on one long article: does the stage stay linear when a transcript holds thousands of quotes?

    python benchmarks/quotes_long.py [--pairs 200 600 1200]

Each pair is a paragraph with a split direct quotation ("A," Smith said. "B.") and a paragraph of reported speech,
41 words in all; 1,200 pairs make a 50,000-word article with 2,400 quotes. Prints the language pipeline's time (nlp +
actors), the quotes stage's, and their ratio (the issue's goal is <= 10% on news). The text is written here: no
evaluation set is read. Results go to benchmarks/results/quotes-long.json.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "results" / "quotes-long.json"


def article(pairs: int) -> object:
    from accords.records import Article, Paragraph

    paras = []
    for i in range(pairs):
        paras.append(
            '"We will keep the plant open for another year, no matter what the board decides," Smith said. '
            '"The workers deserve that much and more."'
        )
        paras.append(
            f"Jones said the company had lost money for {i + 2} years and that the union would fight."
        )
    text = "\n".join(paras)
    spans = [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text)]
    return Article(id=f"long-{pairs}", text=text, paragraphs=spans, language="en")


def measure(pairs: int) -> dict[str, float | int]:
    from accords.config import get_settings
    from accords.core import new_record
    from accords.pipeline import Work, run_stages
    from accords.quotes.extract import build_quotes

    art = article(pairs)
    t0 = time.perf_counter()
    work = run_stages(Work(record=new_record(art), settings=get_settings()), ("nlp", "actors"))  # type: ignore[arg-type]
    t1 = time.perf_counter()
    quotes = build_quotes(work.record, work.doc, "bench")
    t2 = time.perf_counter()
    return {
        "pairs": pairs,
        "words": len(art.text.split()),  # type: ignore[attr-defined]
        "quotes": len(quotes),
        "pipeline_s": round(t1 - t0, 2),
        "quotes_s": round(t2 - t1, 3),
        "ratio": round((t2 - t1) / (t1 - t0), 4),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, nargs="+", default=[200, 600, 1200])
    args = ap.parse_args(argv)
    measure(10)  # load the model outside the timings
    rows = [measure(n) for n in args.pairs]
    for r in rows:
        print(
            f"{r['words']:6} words {r['quotes']:5} quotes: pipeline {r['pipeline_s']:6.1f} s, quotes"
            f" {r['quotes_s']:6.2f} s, {r['ratio']:.1%}"
        )
    OUT.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
