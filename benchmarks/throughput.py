"""Throughput of accords against the parts it is made of, and of 1 against 2 local Dask workers.

Data (read from ../shared/eval, never copied):
  texts: the article texts of quotes/train.jsonl + quotes/dev.jsonl (PolNeAR, 924), then the article bodies
         of extraction/aeb/ground-truth.json, to N texts (default 1,000);
  pages: the HTML pages of extraction/aeb/html and extraction/wcxb-dev/html (974 pages at most).

Measurements, each in its own fresh process (so peak RSS is that measurement's own):
  a  spacy      the spaCy pipeline accords loads, nlp(text) per text (parse + NER; also nlp.pipe with --pipe)
  b  accords    accords.process_article on the same texts (all default stages), with per-stage times
  c  trafilatura  trafilatura.bare_extraction on the pages (the call accords' page reader makes)
  d  dask-1 / dask-2  process_batch over the texts on a LocalCluster of 1 and of 2 worker processes
     (one thread each; model loaded before the clock starts; records come back to the client as dicts)

Usage:
  python benchmarks/throughput.py                 # everything, 1,000 texts -> benchmarks/results/throughput.json
  python benchmarks/throughput.py --n 100         # a quick sample
  python benchmarks/throughput.py --only a,b      # some measurements
  python benchmarks/throughput.py --profile 200   # pyinstrument over process_article on 200 texts

The model is loaded (and run once) before each clock starts; load time is reported on its own.  Wall-clock
figures on a shared machine are noisy: CPU seconds are reported beside them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
RESULTS = ROOT / "benchmarks" / "results"
WORD = re.compile(r"\w+")
ALL = ("a", "b", "c", "components", "dask1", "dask2")


def words(text: str) -> int:
    return len(WORD.findall(text))


def load_texts(n: int) -> list[str]:
    texts: list[str] = []
    for split in ("train", "dev"):
        path = EVAL / "quotes" / f"{split}.jsonl"
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    gt = json.loads((EVAL / "extraction" / "aeb" / "ground-truth.json").read_text("utf-8"))
    for key in sorted(gt):
        body = gt[key].get("articleBody") or ""
        if body.strip():
            texts.append(body)
    return texts[:n]


def load_pages(n: int) -> list[str]:
    paths = sorted((EVAL / "extraction" / "aeb" / "html").glob("*.html.gz"))
    paths += sorted((EVAL / "extraction" / "wcxb-dev" / "html").glob("*.html.gz"))
    return [gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace") for p in paths[:n]]


def peak_rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class Clock:
    def __enter__(self) -> Clock:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def result(name: str, docs: int, nwords: int, clock: Clock, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "docs": docs,
        "words": nwords,
        "wall_s": round(clock.wall, 3),
        "cpu_s": round(clock.cpu, 3),
        "articles_per_s": round(docs / clock.wall, 2),
        "words_per_s": round(nwords / clock.wall),
        "articles_per_cpu_s": round(docs / clock.cpu, 2) if clock.cpu else None,
        "peak_rss_mib": peak_rss_mib(),
        **extra,
    }


# ------------------------------------------------------------------------------------ one measurement each


def accords_texts(texts: list[str]) -> list[str]:
    """The exact strings accords analyses for these texts (paragraphs normalised by the corpus reader)."""
    from accords.config import get_settings
    from accords.ingest.corpus import read_item

    settings = get_settings()
    return [read_item({"source": f"text:{i}", "text": t}, settings).text for i, t in enumerate(texts)]


def measure_a(n: int, pipe: bool) -> dict[str, Any]:
    from accords.config import get_settings
    from accords.nlp import load_pipeline

    texts = accords_texts(load_texts(n))
    t0 = time.perf_counter()
    nlp = load_pipeline(get_settings().model, False)  # the model alone, without accords' components
    nlp(texts[0])
    load_s = time.perf_counter() - t0
    with Clock() as c:
        if pipe:
            for _ in nlp.pipe(texts, batch_size=16):
                pass
        else:
            for t in texts:
                nlp(t)
    name = "a: spaCy nlp.pipe" if pipe else "a: spaCy nlp() per text"
    return result(
        name,
        len(texts),
        sum(map(words, texts)),
        c,
        model=nlp.meta["name"],
        pipes=nlp.pipe_names,
        load_s=round(load_s, 2),
    )


def measure_b(n: int) -> dict[str, Any]:
    from accords.config import get_settings
    from accords.core import new_record
    from accords.ingest.corpus import read_item
    from accords.pipeline import DEFAULT_STAGES, Work, get_stage
    from accords.scale.worker import warm_up

    settings = get_settings()
    texts = load_texts(n)
    t0 = time.perf_counter()
    model = warm_up(settings)
    specs = [get_stage(s) for s in DEFAULT_STAGES]
    load_s = time.perf_counter() - t0
    stage_s = {s.name: 0.0 for s in specs}
    stage_s["read_item+record"] = stage_s["model_dump"] = 0.0
    counts = {"quotes": 0, "events": 0, "entities": 0}
    errors: list[str] = []
    # the stages timed one by one (CPU seconds): the same calls as accords.pipeline.run_stages
    with Clock() as c:
        for i, t in enumerate(texts):
            t1 = time.process_time()
            art = read_item({"source": f"text:{i}", "text": t}, settings)
            work = Work(record=new_record(art), settings=settings)
            stage_s["read_item+record"] += time.process_time() - t1
            try:
                for spec in specs:
                    t1 = time.process_time()
                    work = spec.fn(work)
                    work.record.extractors[spec.name] = spec.version
                    stage_s[spec.name] += time.process_time() - t1
            except Exception as exc:  # noqa: BLE001 - a stage bug is reported, not fatal
                errors.append(f"{spec.name}: {type(exc).__name__}: {exc}")
                continue
            t1 = time.process_time()
            work.record.model_dump(mode="json")
            stage_s["model_dump"] += time.process_time() - t1
            for k in counts:
                counts[k] += len(getattr(work.record, k))
    return result(
        "b: accords process_article",
        len(texts),
        sum(map(words, texts)),
        c,
        model=model,
        load_s=round(load_s, 2),
        stage_cpu_s={k: round(v, 3) for k, v in stage_s.items()},
        stage_versions={s.name: s.version for s in specs},
        extracted=counts,
        failed=len(errors),
        errors=sorted(set(errors))[:5],
    )


def measure_components(n: int) -> dict[str, Any]:
    """CPU seconds of each spaCy component of accords' pipeline (model + accords' ruler and fixes)."""
    from accords.config import get_settings
    from accords.nlp import load_pipeline

    settings = get_settings()
    texts = accords_texts(load_texts(n))
    nlp = load_pipeline(settings.model, True, settings.actors)
    nlp(texts[0])
    comp = {"make_doc": 0.0} | dict.fromkeys(nlp.pipe_names, 0.0)
    with Clock() as c:
        for t in texts:
            t1 = time.process_time()
            doc = nlp.make_doc(t)
            comp["make_doc"] += time.process_time() - t1
            for name, proc in nlp.pipeline:
                t1 = time.process_time()
                doc = proc(doc)
                comp[name] += time.process_time() - t1
    return result(
        "spaCy components of accords' pipeline",
        len(texts),
        sum(map(words, texts)),
        c,
        component_cpu_s={k: round(v, 3) for k, v in comp.items()},
    )


def measure_c(n: int) -> dict[str, Any]:
    import trafilatura

    pages = load_pages(n)
    trafilatura.bare_extraction(pages[0], with_metadata=True, output_format="python", as_dict=True)
    nwords, ok = 0, 0
    with Clock() as c:
        for html in pages:
            doc = trafilatura.bare_extraction(html, with_metadata=True, output_format="python", as_dict=True)
            if doc and doc.get("text"):
                ok += 1
                nwords += words(doc["text"])
    return result("c: trafilatura bare_extraction", len(pages), nwords, c, pages_with_text=ok)


def _worker_peak() -> dict[str, float]:
    import resource as r
    import time as t

    return {"peak_rss_mib": r.getrusage(r.RUSAGE_SELF).ru_maxrss / 1024, "cpu_s": t.process_time()}


def measure_dask(n: int, workers: int, batch_size: int) -> dict[str, Any]:
    import tempfile

    from accords.config import get_settings
    from accords.scale.dask import ingest_dask, open_client, prepare_client

    settings = get_settings()
    texts = load_texts(n)
    items = [{"source": f"text:{i}", "text": t} for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp, open_client(None, workers) as client:
        prepare_client(client, settings)  # model loaded in each worker before the clock starts
        start_s = time.perf_counter() - t0
        cpu0 = client.run(_worker_peak)
        with Clock() as c:
            summary = ingest_dask(
                items, f"{tmp}/bench.db", client=client, batch_size=batch_size, settings=settings
            )
        per_worker = client.run(_worker_peak)
    worker_cpu = sum(per_worker[a]["cpu_s"] - cpu0[a]["cpu_s"] for a in per_worker)
    return result(
        f"dask: {workers} local worker{'s' if workers > 1 else ''}, ingest into SQLite",
        len(texts),
        sum(map(words, texts)),
        c,
        workers=workers,
        batch_size=batch_size,
        summary=summary,
        cluster_start_s=round(start_s, 2),
        client_cpu_s=round(c.cpu, 2),
        worker_cpu_s=round(worker_cpu, 2),
        worker_peak_rss_mib=sorted(round(v["peak_rss_mib"], 1) for v in per_worker.values()),
    )


def measure(kind: str, n: int, batch_size: int, pipe: bool) -> dict[str, Any]:
    if kind == "a":
        return measure_a(n, pipe)
    if kind == "b":
        return measure_b(n)
    if kind == "c":
        return measure_c(n)
    if kind == "components":
        return measure_components(n)
    if kind.startswith("dask"):
        return measure_dask(n, int(kind[4:]), batch_size)
    raise SystemExit(f"unknown measurement {kind}")


def in_subprocess(kind: str, n: int, batch_size: int, pipe: bool = False) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", kind, "--n", str(n), "--batch-size", str(batch_size)]
    if pipe:
        cmd.append("--pipe")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------------------- profile


def profile(n: int, out: Path) -> None:
    from pyinstrument import Profiler

    from accords.config import get_settings
    from accords.core import process_article
    from accords.ingest.corpus import read_item
    from accords.scale.worker import warm_up

    settings = get_settings()
    texts = load_texts(n)
    warm_up(settings)
    prof = Profiler(interval=0.0005)
    with prof:
        for t in texts:
            try:
                art = read_item({"source": "t", "text": t}, settings)
                process_article(art, settings).model_dump(mode="json")
            except Exception as exc:  # noqa: BLE001 - a stage bug is reported, not fatal
                print(f"failed: {type(exc).__name__}: {exc}", file=sys.stderr)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(prof.output_text(unicode=False, color=False, show_all=False))
    # time per accords function: self time, and inclusive time counted once per stack (no recursion double count)
    session = prof.last_session
    assert session is not None
    own: dict[str, float] = {}
    incl: dict[str, float] = {}

    def walk(frame: Any, above: frozenset[str]) -> None:
        path = frame.file_path or ""
        key = ""
        if "/accords/" in path and "site-packages" not in path:
            key = f"{frame.function} ({path.split('/src/')[-1]}:{frame.line_no})"
            own[key] = own.get(key, 0.0) + frame.total_self_time
            if key not in above:
                incl[key] = incl.get(key, 0.0) + frame.time
        for ch in frame.children:
            walk(ch, above | {key} if key else above)

    walk(session.root_frame(), frozenset())
    total = session.duration
    lines = [f"{n} texts, {total:.2f} s profiled (wall, pyinstrument); accords' own functions:", ""]
    lines.append("inclusive time (includes the spaCy, pydantic... calls they make):")
    for k, v in sorted(incl.items(), key=lambda kv: -kv[1])[:40]:
        lines.append(f"{v:8.3f} s {100 * v / total:5.1f}%  {k}")
    lines += ["", "self time (Python lines of accords itself; Cython attribute reads count here too):"]
    for k, v in sorted(own.items(), key=lambda kv: -kv[1])[:25]:
        lines.append(f"{v:8.3f} s {100 * v / total:5.1f}%  {k}")
    (out.with_suffix(".own.txt")).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


# ---------------------------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="number of texts (and of pages, up to 974)")
    ap.add_argument("--only", default=",".join(ALL), help=f"comma-separated subset of {','.join(ALL)}")
    ap.add_argument("--pipe", action="store_true", help="also measure nlp.pipe for (a)")
    ap.add_argument("--batch-size", type=int, default=8, help="documents per Dask task")
    ap.add_argument("--dask-n", type=int, help="number of texts for the Dask runs (default: --n)")
    ap.add_argument("--merge", action="store_true", help="add these runs to those already in --out")
    ap.add_argument("--out", type=Path, default=RESULTS / "throughput.json")
    ap.add_argument("--profile", type=int, metavar="N", help="profile process_article on N texts instead")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if not (EVAL / "quotes" / "train.jsonl").exists():
        raise SystemExit(f"{EVAL} is absent: this benchmark reads ../shared/eval beside the clone")
    if args.child:
        print(json.dumps(measure(args.child, args.n, args.batch_size, args.pipe)))
        return
    if args.profile:
        profile(args.profile, RESULTS / "throughput-profile.txt")
        return

    kinds = [k.strip() for k in args.only.split(",") if k.strip()]
    runs: dict[str, dict[str, Any]] = {}
    commands: list[str] = []
    if args.merge and args.out.exists():
        old = json.loads(args.out.read_text("utf-8"))
        runs, commands = old["runs"], old.get("commands", [old.get("command")])
    commands.append("python " + " ".join([str(Path(__file__).relative_to(ROOT))] + sys.argv[1:]))
    load_start = os.getloadavg()
    for kind in kinds:
        n = args.dask_n if kind.startswith("dask") and args.dask_n else args.n
        runs[kind] = in_subprocess(kind, n, args.batch_size)
        print(json.dumps(runs[kind]), flush=True)
        if kind == "a" and args.pipe:
            runs["a_pipe"] = in_subprocess(kind, args.n, args.batch_size, pipe=True)
            print(json.dumps(runs["a_pipe"]), flush=True)
        # written after each measurement: a long run keeps its part
        report = summarise(args, runs, load_start, commands)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({"ratios": report["ratios"], "goals": report["goals"]}, indent=2))


def summarise(
    args: argparse.Namespace, runs: dict[str, dict[str, Any]], load_start: Any, commands: list[str]
) -> dict[str, Any]:
    ratios: dict[str, Any] = {}
    if "a" in runs and "b" in runs:
        ratios["b_over_a_wall"] = round(runs["b"]["articles_per_s"] / runs["a"]["articles_per_s"], 3)
        ratios["b_over_a_cpu"] = round(runs["b"]["articles_per_cpu_s"] / runs["a"]["articles_per_cpu_s"], 3)
    if "dask1" in runs and "dask2" in runs:
        d1, d2 = runs["dask1"], runs["dask2"]
        ratios["dask2_over_dask1_wall"] = round(d2["articles_per_s"] / d1["articles_per_s"], 3)
        ratios["dask_max_worker_peak_rss_mib"] = max(d1["worker_peak_rss_mib"] + d2["worker_peak_rss_mib"])
        ratios["dask_worker_cpu_s_per_article"] = {
            "1": round(d1["worker_cpu_s"] / d1["docs"], 4),
            "2": round(d2["worker_cpu_s"] / d2["docs"], 4),
        }
    goals = {
        "b_ge_0.7a": ratios["b_over_a_cpu"] >= 0.7 if "b_over_a_cpu" in ratios else None,
        "worker_le_1GiB": ratios["dask_max_worker_peak_rss_mib"] <= 1024
        if "dask_max_worker_peak_rss_mib" in ratios
        else None,
        "dask2_ge_1.8x": ratios["dask2_over_dask1_wall"] >= 1.8
        if "dask2_over_dask1_wall" in ratios
        else None,
    }
    return {
        "commands": commands,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_avg_start": load_start,
            "load_avg_end": os.getloadavg(),
            "note": "2 cores shared with several developers at the time: wall figures are noisy; "
            "CPU-second figures (articles_per_cpu_s, *_cpu_s) are steadier",
        },
        "data": "texts: PolNeAR quotes/train+dev article texts, then aeb ground-truth bodies; "
        "pages: aeb + wcxb-dev HTML (../shared/eval)",
        "runs": runs,
        "ratios": ratios,
        "goals": goals,
    }


if __name__ == "__main__":
    main()
