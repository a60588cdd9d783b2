"""Fuzz ``accords.extract`` with generated and mutated HTML and text; print cases and failures.

    python benchmarks/fuzz.py [--n 10000] [--seed 0]

A *failure* is any exception other than accords' own AccordsError (whose message is the recorded
reason), or a record whose offsets do not point at their text.  Clean refusals are counted by reason.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time
import traceback
from pathlib import Path

import accords
from accords import hardening as h
from accords.errors import AccordsError

GENERATORS = h.FUZZ_GENERATORS
check = h.offset_errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="benchmarks/results/fuzz.json")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    refusals: collections.Counter[str] = collections.Counter()
    failures: list[dict[str, str]] = []
    records = 0
    t0 = time.perf_counter()
    for i in range(args.n):
        data = GENERATORS[i % len(GENERATORS)](rnd)
        try:
            rec = accords.extract(data)
        except AccordsError as exc:
            # "<bytes>: no article text found (...)" -> "no article text found": the reason, not the source
            reason = str(exc).split(": ", 1)[-1]
            refusals[reason.split(" (")[0].split(";")[0][:70]] += 1
            continue
        except Exception as exc:  # noqa: BLE001 - this is what we count
            failures.append(
                {"case": i, "error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()[-800:]}
            )
            continue
        records += 1
        problem = check(rec)
        if problem:
            failures.append({"case": i, "error": problem})
    dt = time.perf_counter() - t0
    result = {
        "cases": args.n,
        "records": records,
        "refused": sum(refusals.values()),
        "refusal_reasons": dict(refusals.most_common(10)),
        "failures": len(failures),
        "failure_examples": failures[:5],
        "seconds": round(dt, 1),
    }
    print(
        f"fuzz: {args.n} cases, {records} records, {result['refused']} clean refusals, {len(failures)} failures, {dt:.0f} s"
    )
    for reason, n in refusals.most_common(5):
        print(f"  refused {n:5d}  {reason}")
    for f in failures[:5]:
        print(f"  FAILURE case {f['case']}: {f['error']}")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
