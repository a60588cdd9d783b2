"""Develop the quotes rules on a PolNeAR *train* slice: parse once (cached under /tmp), then rerun the quotes stage.

    python benchmarks/quotes_dev.py --skip 0 --limit 120 [--missed 30] [--wrong 20] [--kind indirect] [--seed 1]
    python benchmarks/quotes_dev.py --skip 0 --limit 200 --group --kind indirect     # missed/wrong by cue word
    python benchmarks/quotes_dev.py --skip 0 --limit 200 --spans 30 --kind indirect  # matched, not exact
    python benchmarks/quotes_dev.py --skip 0 --limit 200 --toggle reported_v5.SOME_RULE --show 20

Prints the benchmark figures (same metric as benchmarks/quotes.py) and samples of missed gold attributions
(with their cue) and of predictions that match nothing. ``--group`` counts the missed gold and the unmatched
predictions by cue word; ``--spans`` samples content matches whose span is not exact, with how the ends differ;
``--toggle MODULE.FLAG`` runs the rules with a module flag on and off and says what the rule adds: predictions
that match a gold attribution left unmatched without it ("right") and ones that match nothing ("wrong"), and
exact content spans won and lost. Train only: dev.jsonl is for measuring, not for this.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pickle
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quotes as bench  # noqa: E402

TRAIN = bench.ROOT.parent / "shared" / "eval" / "quotes" / "train.jsonl"


def cached_slice(skip: int, limit: int) -> tuple[list[dict[str, Any]], list[tuple[str, Any]]]:
    """The rows of a train slice and their (record JSON, doc) after nlp and actors, parsed once and cached under
    /tmp (records as JSON: their private caches stay out). benchmarks/quotes_slices.py reads the same caches."""
    from accords.config import get_settings
    from accords.core import new_record
    from accords.pipeline import Work, run_stages

    rows = [json.loads(line) for line in TRAIN.open(encoding="utf-8")][skip : skip + limit]
    cache = Path(f"/tmp/accords_quotes_dev_{skip}_{limit}.pkl")
    if cache.exists():
        return rows, pickle.loads(cache.read_bytes())
    settings = get_settings()
    stored = []
    for row in rows:
        w = run_stages(Work(record=new_record(bench.article_of(row)), settings=settings), ("nlp", "actors"))
        stored.append((w.record.model_dump_json(), w.doc))
    cache.write_bytes(pickle.dumps(stored))
    return rows, stored


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--missed", type=int, default=0)
    ap.add_argument("--wrong", type=int, default=0)
    ap.add_argument("--speaker", type=int, default=0, help="sample content matches with a wrong speaker")
    ap.add_argument("--kind", default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--group", action="store_true", help="count missed gold and wrong predictions by cue word"
    )
    ap.add_argument("--spans", type=int, default=0, help="sample matches whose content span is not exact")
    ap.add_argument(
        "--toggle", default=None, help="MODULE.FLAG under accords.quotes: what the flag's rule adds"
    )
    ap.add_argument("--show", type=int, default=10, help="with --toggle: examples of each kind of change")
    args = ap.parse_args()

    from accords.records import Record

    rows, stored = cached_slice(args.skip, args.limit)
    works = [(Record.model_validate_json(js), doc) for js, doc in stored]
    import accords.quotes.extract as ex

    importlib.reload(ex)
    if args.toggle:
        return toggle(args, rows, works)
    scores = bench.Scores()
    missed, wrong, badspk, inexact = [], [], [], []
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
                missed.append((t, g, doc))
        for i, p in enumerate(preds):
            if i not in mp:
                wrong.append((t, p, doc))
        for i, j in pairs:
            if not bench.speaker_ok(preds[i], golds[j], t):
                badspk.append((t, preds[i], golds[j]))
            pc = [bench._trim(t, a, b) for a, b in preds[i]["content"]]
            gc = [bench._trim(t, a, b) for a, b in golds[j]["content"]]
            if pc != gc and (args.kind is None or golds[j]["kind"] == args.kind):
                inexact.append((t, preds[i], golds[j]))
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
    if args.group:
        group(missed, wrong, inexact, args.kind)

    def ctx(t: str, a: int, b: int) -> str:
        return (
            t[max(0, a - 100) : a].replace("\n", " ")
            + "[["
            + t[a:b]
            + "]]"
            + t[b : b + 60].replace("\n", " ")
        )

    for t, g, _d in rnd.sample(missed, min(args.missed, len(missed))):
        a, b = g["content"][0][0], g["content"][-1][1]
        cue = " | ".join(t[x:y] for x, y in g["cue"])
        src = " | ".join(t[x:y] for x, y in g["sources"])
        print(f"\nMISSED {g['kind']} cue={cue!r} src={src!r}\n  {ctx(t, a, b)}")
    for t, p, _d in rnd.sample(wrong, min(args.wrong, len(wrong))):
        a, b = p["content"][0][0], p["content"][-1][1]
        cue = " | ".join(t[x:y] for x, y in p["cue"])
        print(f"\nWRONG {p['kind']} cue={cue!r}\n  {ctx(t, a, b)}")
    for t, p, g in rnd.sample(badspk, min(args.speaker, len(badspk))):
        a, b = p["content"][0][0], p["content"][-1][1]
        ps = t[p["speaker"][0] : p["speaker"][1]] if p["speaker"] else None
        gs = " | ".join(t[x:y] for x, y in g["sources"])
        print(f"\nSPEAKER {p['kind']} pred={ps!r} name={p.get('name')!r} gold={gs!r}\n  {ctx(t, a, b)}")
    for t, p, g in rnd.sample(inexact, min(args.spans, len(inexact))):
        print(f"\nSPAN {g['kind']} {span_diff(t, p['content'], g['content'])}")
        print("  gold: " + " | ".join(t[a:b] for a, b in g["content"])[:400])
        print("  pred: " + " | ".join(t[a:b] for a, b in p["content"])[:400])
    return 0


def _cue_word(t: str, cues: list[tuple[int, int]], doc: Any = None) -> str:
    """The cue's words, lower-cased; with the parse, the lemma of its last word ('has repeatedly pledged': pledge)."""
    if doc is not None and cues:
        span = doc.char_span(cues[-1][0], cues[-1][1], alignment_mode="expand")
        if span is not None and len(span):
            return span[-1].lemma_.lower()
    return " ".join(t[a:b] for a, b in cues).lower().strip() or "-"


def span_diff(t: str, pc: list[tuple[int, int]], gc: list[tuple[int, int]]) -> str:
    """How a predicted content differs from the gold at its two ends: 'start +12' (starts later), 'end -3' ..."""
    out = []
    if len(pc) != len(gc):
        out.append(f"pieces {len(pc)} vs {len(gc)}")
    ds, de = pc[0][0] - gc[0][0], pc[-1][1] - gc[-1][1]
    if ds:
        lo, hi = sorted((pc[0][0], gc[0][0]))
        out.append(f"start {ds:+d} {t[lo:hi][:40]!r}")
    if de:
        lo, hi = sorted((pc[-1][1], gc[-1][1]))
        out.append(f"end {de:+d} {t[lo:hi][:40]!r}")
    return "; ".join(out) or "inner pieces"


SAME_CUE_SHOWN = 40


def group(missed: list[Any], wrong: list[Any], inexact: list[Any], kind: str | None) -> None:
    """Counts by cue word: where recall is lost, where precision is lost, which cues' spans are off and how."""
    from collections import Counter

    m = Counter(_cue_word(t, g["cue"], d) for t, g, d in missed)
    w = Counter(_cue_word(t, p["cue"], d) for t, p, d in wrong if kind is None or p["kind"] == kind)
    print(f"\nMISSED by cue ({sum(m.values())}):", ", ".join(f"{k} {n}" for k, n in m.most_common(60)))
    print(f"\nWRONG by cue ({sum(w.values())}):", ", ".join(f"{k} {n}" for k, n in w.most_common(60)))
    ends = Counter()  # type: Counter[str]
    for _t, p, g in inexact:
        ds = p["content"][0][0] - g["content"][0][0]
        de = p["content"][-1][1] - g["content"][-1][1]
        ends[
            ("start later" if ds > 0 else "start earlier" if ds < 0 else "start ok")
            + ", "
            + ("end later" if de > 0 else "end earlier" if de < 0 else "end ok")
            + (", pieces differ" if len(p["content"]) != len(g["content"]) else "")
        ] += 1
    # a missed gold whose cue an unmatched prediction shares: the cue was found, the span is off
    both = []
    for t, g, _d in missed:
        for t2, p, _d2 in wrong:
            if t2 is t and any(a < d and c < b for a, b in g["cue"] for c, d in p["cue"]):
                both.append((t, g, p))
                break
    print(f"\nMISSED with an unmatched prediction on the same cue: {len(both)}")
    for t, g, p in both[:SAME_CUE_SHOWN]:
        print(f"  {span_diff(t, p['content'], g['content'])}")
        print("    gold: " + " | ".join(t[a:b] for a, b in g["content"])[:300])
        print("    pred: " + " | ".join(t[a:b] for a, b in p["content"])[:300])
    print(f"\nINEXACT matches ({len(inexact)}):", ", ".join(f"{k} {n}" for k, n in ends.most_common()))


def _run(rows: list[Any], works: list[Any]) -> list[Any]:
    import accords.quotes.extract as ex

    out = []
    for _row, (rec0, doc) in zip(rows, works, strict=True):
        rec = rec0.model_copy(deep=True)
        rec.quotes = ex.build_quotes(rec, doc, "dev")
        preds, _ = bench.accords_preds(rec)
        out.append(preds)
    return out


def toggle(args: Any, rows: list[Any], works: list[Any]) -> int:
    """Run with MODULE.FLAG off, then on: the predictions the rule adds or changes, and whether they are right."""
    mod_name, flag = args.toggle.rsplit(".", 1)
    mod = importlib.import_module(f"accords.quotes.{mod_name}")
    saved = getattr(mod, flag)
    results = {}
    for val in (False, True):
        setattr(mod, flag, val)
        results[val] = _run(rows, works)
    setattr(mod, flag, saved)
    right, wrong, lost, dropped, exact_won, exact_lost = [], [], [], [], [], []
    for row, off, on in zip(rows, results[False], results[True], strict=True):
        t = row["text"]
        golds = bench.gold_of(row)
        key = [(tuple(p["content"]), tuple(p["cue"])) for p in off]
        m_off = dict(bench.match(off, golds))
        m_on = dict(bench.match(on, golds))
        g_off = {j: off[i] for i, j in m_off.items()}
        g_on = {j: on[i] for i, j in m_on.items()}
        for i, p in enumerate(on):
            if (tuple(p["content"]), tuple(p["cue"])) in key:
                continue
            j = m_on.get(i)
            if j is not None and j not in g_off:
                right.append((t, p, golds[j]))
            elif j is None:
                wrong.append((t, p, None))
        for j, p in g_off.items():
            if j not in g_on:
                lost.append((t, p, golds[j]))
        key_on = {(tuple(p["content"]), tuple(p["cue"])) for p in on}
        for i, p in enumerate(off):
            if i not in m_off and (tuple(p["content"]), tuple(p["cue"])) not in key_on:
                dropped.append((t, p, None))

        def ex_set(ps: list[Any], t: str = t) -> set[Any]:
            return {bench._trim(t, a, b) for p in ps for a, b in p["content"]}

        gs = {bench._trim(t, a, b) for g in golds for a, b in g["content"]}
        for a, b in (ex_set(on) - ex_set(off)) & gs:
            exact_won.append(t[a:b])
        for a, b in (ex_set(off) - ex_set(on)) & gs:
            exact_lost.append(t[a:b])
    print(
        f"{args.toggle}: +{len(right)} matches, {len(wrong)} new unmatched predictions, -{len(lost)} matches "
        f"lost, {len(dropped)} unmatched predictions gone; exact content +{len(exact_won)} -{len(exact_lost)}"
    )
    rnd = random.Random(args.seed)
    for label, items in (("RIGHT", right), ("WRONG", wrong), ("LOST", lost), ("GONE", dropped)):
        for t, p, g in rnd.sample(items, min(args.show, len(items))):
            a, b = p["content"][0][0], p["content"][-1][1]
            cue = _cue_word(t, p["cue"])
            print(
                f"\n{label} cue={cue!r} "
                + (f"gold={' | '.join(t[x:y] for x, y in g['content'])[:200]!r}" if g else "")
            )
            print(
                "  "
                + t[max(0, a - 100) : a].replace("\n", " ")
                + "[["
                + t[a:b]
                + "]]"
                + t[b : b + 60].replace("\n", " ")
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
