"""Develop the quotes rules on a PolNeAR *train* slice: parse once (cached under /tmp), then rerun the quotes stage.

    python benchmarks/quotes_dev.py --skip 0 --limit 120 [--missed 30] [--wrong 20] [--kind indirect] [--seed 1]

Prints the benchmark figures (same metric as benchmarks/quotes.py) and samples of missed gold attributions
(with their cue) and of predictions that match nothing. Train only: dev.jsonl is for measuring, not for this.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pickle
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quotes as bench  # noqa: E402

TRAIN = bench.ROOT.parent / "shared" / "eval" / "quotes" / "train.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--missed", type=int, default=0)
    ap.add_argument("--wrong", type=int, default=0)
    ap.add_argument("--speaker", type=int, default=0, help="sample content matches with a wrong speaker")
    ap.add_argument("--kind", default=None)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    from accords.config import get_settings
    from accords.core import new_record
    from accords.pipeline import Work, run_stages

    rows = [json.loads(line) for line in TRAIN.open(encoding="utf-8")][args.skip : args.skip + args.limit]
    cache = Path(f"/tmp/accords_quotes_dev_{args.skip}_{args.limit}.pkl")
    settings = get_settings()
    from accords.records import Record

    if cache.exists():
        stored = pickle.loads(cache.read_bytes())
    else:
        stored = []
        for row in rows:
            w = Work(record=new_record(bench.article_of(row)), settings=settings)
            w = run_stages(w, ("nlp", "actors"))
            stored.append(
                (w.record.model_dump_json(), w.doc)
            )  # records as JSON: their private caches stay out
        cache.write_bytes(pickle.dumps(stored))
    works = [(Record.model_validate_json(js), doc) for js, doc in stored]
    import accords.quotes.extract as ex

    importlib.reload(ex)
    scores = bench.Scores()
    missed, wrong, badspk = [], [], []
    for row, (rec0, doc) in zip(rows, works, strict=True):
        rec = rec0.model_copy(deep=True)
        rec.quotes = ex.build_quotes(rec, doc, "dev")
        golds = bench.gold_of(row)
        preds, _ = bench.accords_preds(rec)
        scores.add(preds, golds, row["text"])
        pairs = bench.match(preds, golds)
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        t = row["text"]
        for j, g in enumerate(golds):
            if j not in mg and (args.kind is None or g["kind"] == args.kind):
                missed.append((t, g))
        for i, p in enumerate(preds):
            if i not in mp:
                wrong.append((t, p))
        for i, j in pairs:
            if not bench.speaker_ok(preds[i], golds[j], t):
                badspk.append((t, preds[i], golds[j]))
    rep = scores.report()
    for k in ("content", "content_speaker"):
        m = rep[k]
        print(
            f"{k:18} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}  ({m['tp']}/{m['pred']}/{m['gold']})"
        )
    for k, m in rep["by_kind"].items():
        c, s = m["content"], m["content_speaker"]
        print(
            f"{k:9} n={m['gold']:4} content P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f} | +spk F1 {s['f1']:.3f}"
        )
    for w, m in rep["exact"].items():
        print(f"exact {w:8} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}")
    rnd = random.Random(args.seed)

    def ctx(t: str, a: int, b: int) -> str:
        return (
            t[max(0, a - 100) : a].replace("\n", " ")
            + "[["
            + t[a:b]
            + "]]"
            + t[b : b + 60].replace("\n", " ")
        )

    for t, g in rnd.sample(missed, min(args.missed, len(missed))):
        a, b = g["content"][0][0], g["content"][-1][1]
        cue = " | ".join(t[x:y] for x, y in g["cue"])
        src = " | ".join(t[x:y] for x, y in g["sources"])
        print(f"\nMISSED {g['kind']} cue={cue!r} src={src!r}\n  {ctx(t, a, b)}")
    for t, p in rnd.sample(wrong, min(args.wrong, len(wrong))):
        a, b = p["content"][0][0], p["content"][-1][1]
        cue = " | ".join(t[x:y] for x, y in p["cue"])
        print(f"\nWRONG {p['kind']} cue={cue!r}\n  {ctx(t, a, b)}")
    for t, p, g in rnd.sample(badspk, min(args.speaker, len(badspk))):
        a, b = p["content"][0][0], p["content"][-1][1]
        ps = t[p["speaker"][0] : p["speaker"][1]] if p["speaker"] else None
        gs = " | ".join(t[x:y] for x, y in g["sources"])
        print(f"\nSPEAKER {p['kind']} pred={ps!r} name={p.get('name')!r} gold={gs!r}\n  {ctx(t, a, b)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
