"""Web UI speed: p95 latency of the events page, an actor page and search over a store of N events.

    python benchmarks/web.py --events 1000000 --db /tmp/web-bench.db          # build (once) and measure
    python benchmarks/web.py --db /tmp/web-bench.db --measure-only            # measure an existing store

The store is generated with hand-built records (no language model) through ``Store.add_record``: articles of
``--per-article`` events each, with varied wording (so de-duplication keeps them), 24 actor codes, 16 PLOVER
types, dates over ten years, 40 outlets, and two quotes per article. Each URL is then requested ``--repeat``
times through FastAPI's TestClient (in-process, no network), after one warm-up request, and the p50/p95/max
latencies are printed and written as JSON to ``--out``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from accords.records import (
    Article,
    Event,
    EventEntity,
    Evidence,
    Flags,
    Paragraph,
    Quote,
    Record,
    Sentence,
    Span,
    Speaker,
)

ACTORS = [
    "RUS", "UKR", "USA", "TUR", "CHN", "FRA", "DEU", "GBR", "IRN", "ISR", "PSE", "SYR",
    "IND", "PAK", "UNO", "EUR", "NGO", "IGO", "BLR", "POL", "QAT", "EGY", "SAU", "JPN",
]  # fmt: skip
TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
VERBS = {
    "AGREE": "agreed with", "CONSULT": "met", "SUPPORT": "praised", "CONCEDE": "eased limits on",
    "COOPERATE": "signed a deal with", "AID": "sent aid to", "RETREAT": "withdrew troops from",
    "REQUEST": "called on", "ACCUSE": "accused", "REJECT": "rejected a plan by", "THREATEN": "warned",
    "PROTEST": "protested against", "SANCTION": "imposed sanctions on", "MOBILIZE": "massed troops near",
    "COERCE": "detained citizens of", "ASSAULT": "shelled positions of",
}  # fmt: skip
WORDS = (
    "ceasefire border talks prisoners grain corridor envoy summit pipeline drones harbour energy frontier "
    "mediators delegation monitors observers treaty council minister general convoy refugees supplies "
    "airspace missiles shipping embassy charter reserves tariffs accord truce mandate region capital"
).split()
PLACES = ["Istanbul", "Geneva", "Doha", "Kyiv", "Moscow", "Brussels", "Vienna", "Cairo", "Riyadh", "Warsaw"]


def make_record(i: int, per_article: int, rng: random.Random) -> Record:
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    sents: list[str] = []
    plan = []
    for k in range(per_article):
        t = rng.choice(TYPES)
        a, r = rng.sample(ACTORS, 2)
        extra = " ".join(rng.sample(WORDS, 6))
        s = f"Officials from {a} {VERBS[t]} {r} in {rng.choice(PLACES)} over {extra} ({i}-{k})."
        plan.append((t, a, r, len(" ".join(sents)) + (1 if sents else 0), s))
        sents.append(s)
    q1 = f"We will not give up the {rng.choice(WORDS)} or the {rng.choice(WORDS)}"
    q2 = f"The {rng.choice(WORDS)} must be respected by all sides"
    tail = f'"{q1}," said minister Ana Petrova{i % 97}. "{q2}," said envoy Omar Haddad{i % 89}.'
    text = " ".join(sents) + " " + tail
    sentences = []
    pos = 0
    for s in [*sents]:
        sentences.append(Sentence(index=len(sentences), start=pos, end=pos + len(s)))
        pos += len(s) + 1
    sentences.append(Sentence(index=len(sentences), start=pos, end=len(text)))
    events = []
    for k, (t, a, r, start, s) in enumerate(plan):
        vstart = start + s.index(VERBS[t])
        events.append(
            Event(
                id=f"V{k + 1}",
                event=t,
                date=day.isoformat(),  # type: ignore[arg-type]
                actor=[EventEntity(text=a, code=a, sector="GOV")],
                recipient=[EventEntity(text=r, code=r, sector="GOV")],
                trigger=Span(start=vstart, end=vstart + len(VERBS[t]), text=VERBS[t]),
                evidence=Evidence(sentence=k, start=start, end=start + len(s), text=s),
                flags=Flags(negated=rng.random() < 0.05),
                version="bench.v1",
            )  # fmt: skip
        )
    quotes = []
    for n, (q, name, country) in enumerate(
        [(q1, f"Ana Petrova{i % 97}", "RUS"), (q2, f"Omar Haddad{i % 89}", "UKR")]
    ):
        qs = text.index(q)
        sp = text.index(name)
        quotes.append(
            Quote(
                id=f"Q{n + 1}",
                kind="direct",
                content=[Span(start=qs, end=qs + len(q), text=q)],
                speaker=Speaker(
                    text=name, start=sp, end=sp + len(name), name=name, role="minister", country=country
                ),
                evidence=Evidence(sentence=len(sentences) - 1, start=pos, end=len(text), text=text[pos:]),
                version="bench.v1",
            )  # fmt: skip
        )
    art = Article(
        id=f"bench{i:011d}", url=f"https://news{i % 40}.example/{i}", title=f"Report {i}: {plan[0][1]} and {plan[0][2]}",
        site_name=f"Outlet {i % 40}", published=day.isoformat(), text=text,
        paragraphs=[Paragraph(start=0, end=len(text))], content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )  # fmt: skip
    return Record(
        id=art.id, accords_version="bench", article=art, sentences=sentences, events=events, quotes=quotes
    )


def build(store: Any, n_events: int, per_article: int, seed: int = 7, batch: int = 1) -> None:
    """Add articles until the store holds ``n_events``; ``batch`` > 1 writes that many per transaction."""
    rng = random.Random(seed)
    have = store.counts()["articles"]
    for _ in range(have):  # the same records as a build from scratch: replay the generator
        make_record(0, per_article, rng)
    n_articles = (n_events + per_article - 1) // per_article
    t0 = time.perf_counter()
    for lo in range(have, n_articles, batch):
        with store.bulk() if batch > 1 else contextlib.nullcontext():
            for i in range(lo, min(lo + batch, n_articles)):
                store.add_record(make_record(i, per_article, rng))
        done = min(lo + batch, n_articles)
        if done // 1000 != lo // 1000 or done == n_articles:
            rate = (done - have) / (time.perf_counter() - t0)
            print(f"  {done:,}/{n_articles:,} articles ({rate:.0f}/s)", file=sys.stderr, flush=True)


def measure(store: Any, repeat: int, cache_seconds: float = 0.0) -> dict[str, Any]:
    """Latencies with the app's read cache off (every request reaches the store: the honest figure) or on."""
    from fastapi.testclient import TestClient

    from accords.web.app import create_app
    from accords.web.deps import WebConfig

    urls = {
        "events page": "/events",
        "events page, actor+type filter": "/events?actor=RUS&type=ACCUSE",
        "events page, type filter (with actor facets)": "/events?type=ACCUSE",
        "events page, words in the evidence (capped count)": "/events?q=pipeline",
        "review page (flagged events shown)": "/review",
        "events page, date range, sorted by type": "/events?since=2020-01-01&until=2020-06-30&sort=event&desc=false",
        "events page, page 40": "/events?actor=UKR&offset=2000",
        "events JSON": "/api/events?recipient=UKR",
        "actor page": "/actors/RUS",
        "actor JSON": "/api/actors/UKR",
        "search page": "/search?q=ceasefire+pipeline",
        "search JSON": "/api/search?q=drones",
        "dyad page": "/dyad/RUS/UKR?limit=200",
        "article page": "/articles/bench00000000042",
    }
    out: dict[str, Any] = {}
    with TestClient(create_app(store, config=WebConfig(cache_seconds=cache_seconds))) as c:
        for name, url in urls.items():
            r = c.get(url)
            assert r.status_code == 200, (url, r.status_code, r.text[:300])
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                r = c.get(url)
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200
            times.sort()
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
            out[name] = {
                "url": url, "n": repeat, "p50_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1),
                "max_ms": round(times[-1], 1),
            }  # fmt: skip
            print(
                f"{'warm' if cache_seconds else 'cold'} {name:42s} p50 {out[name]['p50_ms']:8.1f} ms   p95 {out[name]['p95_ms']:8.1f} ms   {url}"
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/accords-web-bench.db")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--per-article", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--measure-only", action="store_true")
    ap.add_argument(
        "--warm", action="store_true", help="also measure with the app's read cache on (repeat visits)"
    )
    ap.add_argument(
        "--skip-incidents",
        action="store_true",
        help="build without grouping events into incidents (the store's per-event incident lookup grows with the "
        "store, which makes building large stores slow); the incidents page is not part of this benchmark",
    )
    ap.add_argument(
        "--fast-build",
        action="store_true",
        help="benchmark build only: 1,000 articles per transaction, PRAGMA synchronous=OFF, no near-duplicate "
        "search (the generated articles are distinct by construction)",
    )
    ap.add_argument("--out", default="benchmarks/results/web.json")
    args = ap.parse_args()

    from accords.web.app import open_store

    store = open_store(args.db)
    if args.skip_incidents:
        # Benchmark build only: leave incident_id empty instead of searching for matches per event.
        type(store)._assign_incident = lambda self, conn, k, n: None  # type: ignore[method-assign]
    if not args.measure_only:
        batch = 1
        if args.fast_build:
            from sqlalchemy import event

            batch = 1000
            event.listen(store.engine, "connect", lambda c, _r: c.execute("PRAGMA synchronous=OFF"))
            store.engine.dispose()  # new connections get the pragma
            type(store)._find_duplicate = lambda self, conn, rid, chash, body: (None, None, None, None)  # type: ignore[method-assign]
        t = time.perf_counter()
        build(store, args.events, args.per_article, batch=batch)
        print(f"built in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    counts = store.counts()
    print(f"store: {counts['articles']:,} articles, {counts['events_stored']:,} events, {counts['quotes']:,} quotes, "
          f"{(store.size_bytes() or 0) / 1e6:.0f} MB ({args.db})")  # fmt: skip
    cold = measure(store, args.repeat, 0.0)
    warm = measure(store, args.repeat, 300.0) if args.warm else None
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(
        json.dumps(
            {
                "counts": counts,
                "repeat": args.repeat,
                "cpus": os.cpu_count(),
                "results": cold,
                "warm_cache_on": warm,
            },
            indent=2,
        )  # fmt: skip
    )
    store.close()


if __name__ == "__main__":
    main()
