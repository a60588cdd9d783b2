"""Corpus benchmark: ingest rate with 1 and 2 workers, store size per 1,000 articles, query times.

    python benchmarks/ingest.py [--n 500] [--workers 1 2] [--out benchmarks/results/ingest.json]

The corpus is ``n`` real news articles read from ../shared/eval (never copied into the repository): half
article texts from quotes/{dev,train}.jsonl (PolNeAR), half pages from extraction/{aeb,wcxb-dev} (HTML), written
to one temporary JSONL file. Each worker count ingests it into a fresh SQLite store. Query times are the median
of 5 runs on the store of the last run. Speed depends on the machine and on its load: say so when quoting.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def build_corpus(n: int, path: Path) -> dict[str, int]:
    texts: list[dict[str, Any]] = []
    for name in ("dev.jsonl", "train.jsonl"):
        f = EVAL / "quotes" / name
        if f.exists():
            for i, line in enumerate(f.read_text(encoding="utf-8").splitlines()):
                d = json.loads(line)
                texts.append({"url": f"https://polnear.example/{d['doc']}/{i}", "text": d["text"]})
    pages: list[dict[str, Any]] = []
    aeb = EVAL / "extraction" / "aeb"
    truth = (
        json.loads((aeb / "ground-truth.json").read_text()) if (aeb / "ground-truth.json").exists() else {}
    )
    for f in sorted((aeb / "html").glob("*.html.gz")):
        pid = f.name.split(".")[0]
        pages.append({"url": (truth.get(pid) or {}).get("url"), "html": gzip.decompress(f.read_bytes()).decode(
            "utf-8", errors="replace")})  # fmt: skip
    for f in sorted((EVAL / "extraction" / "wcxb-dev" / "html").glob("*.html.gz")):
        pages.append({"html": gzip.decompress(f.read_bytes()).decode("utf-8", errors="replace")})
    if not texts and not pages:
        sys.exit(f"no eval data under {EVAL}: this benchmark reads ../shared/eval beside the clone")
    half = n // 2
    take_pages = pages[: min(len(pages), n - min(half, len(texts)))]
    take_texts = texts[: n - len(take_pages)]
    items = []
    for a, b in zip(take_texts, take_pages, strict=False):
        items += [a, b]
    items += take_texts[len(take_pages):] + take_pages[len(take_texts):]  # fmt: skip
    with path.open("w", encoding="utf-8") as fh:
        for it in items[:n]:
            fh.write(json.dumps({k: v for k, v in it.items() if v}) + "\n")
    return {"texts": len(take_texts), "pages": len(take_pages), "total": min(n, len(items))}


def checkpoint(db: str) -> None:
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def time_it(fn: Any, runs: int = 5) -> float:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return round(statistics.median(out) * 1000, 2)


def queries(db: str) -> dict[str, float]:
    from accords.store import Store
    from accords.store.export import export

    with Store(db) as st:
        top = st.events(limit=1)[0]
        actor = top[0]["actor_codes"][0] if top and top[0]["actor_codes"] else "USA"
        speaker = (st.quotes(limit=1)[0] or [{"speaker": "Trump"}])[0]["speaker"] or "Trump"
        return {
            "events (first page, with total)": time_it(lambda: st.events(limit=100)),
            f"events --actor {actor}": time_it(lambda: st.events(actor=actor, limit=100)),
            f"events --recipient {actor}": time_it(lambda: st.events(recipient=actor, limit=100)),
            "events --type ACCUSE --since 2000-01-01": time_it(
                lambda: st.events(type="ACCUSE", since="2000-01-01")
            ),
            "events --include-flagged": time_it(lambda: st.events(include_flagged=True, limit=100)),
            f"quotes --speaker {speaker.split()[-1]}": time_it(
                lambda: st.quotes(speaker=speaker.split()[-1])
            ),
            'search "ceasefire"': time_it(lambda: st.search("ceasefire")),
            'search "campaign"': time_it(lambda: st.search("campaign")),
            "incidents": time_it(lambda: st.incidents(limit=50)),
            f"timeline --actor {actor} --actor USA": time_it(lambda: st.timeline([actor, "USA"])),
            "export plover-jsonl (all events)": time_it(
                lambda: export(st, "plover-jsonl", os.devnull), runs=3
            ),
        }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500, help="number of articles (default 500)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "ingest.json"))
    ap.add_argument("--keep", help="keep the last store at this path")
    ap.add_argument("--queries-only", metavar="DB", help="only time the queries on an existing store")
    args = ap.parse_args()
    if args.queries_only:
        from accords.store import Store

        with Store(args.queries_only) as st:
            st.rebuild_incidents()  # a store built by an older accords gets today's grouping
            counts = st.counts()
        q = queries(args.queries_only)
        print(json.dumps(q, indent=1))
        out = {"command": "python benchmarks/ingest.py " + " ".join(sys.argv[1:]),
               "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
               "note": "shared 2-core machine under load from other users: speed figures are noisy",
               "store": counts, "query_ms_median": q}  # fmt: skip
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(out, indent=2) + "\n")
        return

    from accords.config import get_settings
    from accords.ingest.corpus import ingest
    from accords.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="accords-bench-"))
    corpus = tmp / "corpus.jsonl"
    made = build_corpus(args.n, corpus)
    print(f"corpus: {made} -> {corpus}", flush=True)
    runs = []
    last_db = ""
    for w in args.workers:
        db = str(tmp / f"w{w}.db")
        t0 = time.perf_counter()
        summary = ingest([str(corpus)], db, workers=w, settings=get_settings(), progress=sys.stderr.isatty())
        secs = time.perf_counter() - t0
        checkpoint(db)
        with Store(db) as st:
            counts = st.counts()
            size = st.size_bytes() or 0
        stored = counts["articles"]
        run = {
            "workers": w,
            "seconds": round(secs, 1),
            "articles_per_second": round(
                (summary["added"] + summary["duplicate"] + summary["new-version"]) / secs, 3
            ),
            "summary": summary,
            "counts": counts,
            "store_bytes": size,
            "store_mb_per_1000_articles": round(size / max(stored, 1) * 1000 / 1e6, 2),
        }
        print(json.dumps(run), flush=True)
        runs.append(run)
        last_db = db
    q = queries(last_db)
    print(json.dumps(q, indent=1), flush=True)
    result = {
        "command": "python benchmarks/ingest.py " + " ".join(sys.argv[1:]),
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "note": "shared 2-core machine under load from other users: speed figures are noisy",
        "corpus": made,
        "runs": runs,
        "query_ms_median": q,
        "query_store": f"store of the {args.workers[-1]}-worker run ({runs[-1]['counts']['events']} events)",
    }
    if len(runs) >= 2 and runs[0]["articles_per_second"]:
        result["speedup"] = round(runs[-1]["articles_per_second"] / runs[0]["articles_per_second"], 2)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    if args.keep:
        os.replace(last_db, args.keep)
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
