"""The development figures of the quotes rules in one run: six PolNeAR train slices and the pages dev half.

    python benchmarks/quotes_slices.py [MODULE.FLAG=VALUE ...]      # e.g. reported_v7.THAT_RELCL=False
    python benchmarks/quotes_slices.py actors.countries.PARTY_STATE_TAG=False   # a flag of the actors stage
    python benchmarks/quotes_slices.py --frozen-actors             # the cached entities, not linked again

Parses are cached under /tmp (as benchmarks/quotes_dev.py caches them; the first run parses ~840 train articles and
43 pages, some minutes), then each run links entities again (the actors stage) and reruns the quotes rules (about 60 s; 20 s with
``--frozen-actors``, which keeps the entities of the cache). Arguments set module flags of ``accords.quotes`` (or,
written ``actors.MODULE.FLAG``, of ``accords.actors``) before the run, so a rule can be measured on and off in the same tree. Train and the pages'
dev half only: PolNeAR dev and the held pages are for measuring (benchmarks/quotes.py).
"""

from __future__ import annotations

import importlib
import pickle
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quotes as bench  # noqa: E402
import quotes_ceiling  # noqa: E402
import quotes_labels  # noqa: E402

SLICES = ((0, 200), (200, 150), (350, 100), (450, 100), (550, 150), (700, 140))
PAGES_CACHE = Path("/tmp/accords_quotes_pages_dev.pkl")


def set_flags(args: list[str]) -> None:
    for arg in args:
        name, value = arg.split("=", 1)
        module, flag = name.rsplit(".", 1)
        mod = importlib.import_module(
            "accords." + (module if module.startswith("actors.") else "quotes." + module)
        )
        old = getattr(mod, flag)
        setattr(
            mod, flag, value.lower() in ("1", "true", "on") if isinstance(old, bool) else type(old)(value)
        )


def pages_dev() -> list[tuple[dict[str, Any], Any, list[dict[str, Any]]]]:
    """(row, doc, predictions) for the pages' dev half; the parse is cached by page, the labels read afresh."""
    from accords.config import get_settings
    from accords.core import new_record
    from accords.pipeline import Work, run_stages
    from accords.quotes.extract import build_quotes
    from accords.records import Record

    rows = quotes_labels.load("dev")[0]
    stored = pickle.loads(PAGES_CACHE.read_bytes()) if PAGES_CACHE.exists() else {}
    if any(row["doc"] not in stored for row in rows):
        for row in rows:
            if row["doc"] not in stored:
                w = run_stages(
                    Work(record=new_record(row["article"]), settings=get_settings()), ("nlp", "actors")
                )
                stored[row["doc"]] = (w.record.model_dump_json(), w.doc)
        PAGES_CACHE.write_bytes(pickle.dumps(stored))
    out = []
    for row in rows:
        js, doc = stored[row["doc"]]
        rec = Record.model_validate_json(js)
        if quotes_ceiling.RELINK:
            quotes_ceiling.relink(rec, doc)
        rec.quotes = build_quotes(rec, doc, "slices")
        out.append((row, doc, bench.accords_preds(rec)[0]))
    return out


def line(name: str, scores: bench.Scores) -> str:
    r = scores.report()
    c, e = r["content"], r["exact"]
    return (
        f"{name:10} content {c['f1']:.4f} ({c['tp']}/{c['pred']}/{c['gold']}) c+s {r['content_speaker']['f1']:.4f}"
        f" exact content {e['content']['f1']:.4f} cue {e['cue']['f1']:.4f} source {e['source']['f1']:.4f}"
        f" direct c+s {r['by_kind']['direct']['content_speaker']['f1']:.4f}"
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    quotes_ceiling.RELINK = "--frozen-actors" not in args
    set_flags([a for a in args if a != "--frozen-actors"])
    total = bench.Scores()
    for skip, limit in SLICES:
        scores = bench.Scores()
        for row, _doc, preds in quotes_ceiling.parsed(skip, limit):
            scores.add(preds, bench.gold_of(row), row["text"])
            total.add(preds, bench.gold_of(row), row["text"])
        print(line(f"train{skip}", scores))
    print(line("TRAIN ALL", total))
    pages = bench.Scores()
    for row, _doc, preds in pages_dev():
        pages.add(preds, bench.gold_of(row), row["text"])
    print(line("pages dev", pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
