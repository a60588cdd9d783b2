"""Quotes on PolNeAR (../shared/eval/quotes/dev.jsonl): accords' quotes stage beside textacy's direct_quotations.

    python benchmarks/quotes.py [--split dev|train] [--limit N] [--skip N] [--out benchmarks/results/quotes.json]

Develop on ``--split train`` (or with benchmarks/quotes_dev.py, which caches the parse of a train slice); measure
on dev, rarely. ``--pages dev|held`` runs the same measures on accords' own labels of licensed news pages
(benchmarks/quotes_labels.py, docs/labelling-quotes.md): develop on dev, measure on held.

Metric (../shared/eval/README.md), per article, summed over articles (micro):
* content match: a predicted quote matches a gold attribution when their content spans (all pieces) overlap by at
  least half of the longer one; one-to-one, greedy by overlap. Precision, recall, F1 overall and by kind
  (precision of kind k: matched predictions of kind k / predictions of kind k; recall: matched gold of kind k /
  gold of kind k).
* content + speaker: a content match whose predicted speaker span overlaps a gold source span, or names the same
  person (the predicted entity has a mention overlapping a gold source span, or the predicted canonical name's
  last word is in the source text). A gold attribution with no source is matched by a prediction with no speaker.
* exact-match span F1 for content pieces, cues and sources (sets of (start, end) per article, whitespace trimmed).

PolNeAR annotates a reported clause with quoted words in it as one 'mixed' attribution; accords also gives the
quoted words as a direct quote of their own (``nested``). Those nested quotes are left out of the scores (their
number is printed). PolNeAR gives each word to one attribution at most, so a report inside another report's words
('X said Y wants Z': accords gives Y's wish as a quote ``within`` X's) cannot be annotated; those are left out too,
and the content and content+speaker figures with them kept are printed as "all quotes kept". Speed: the language pipeline (nlp and actors stages) is timed apart from the quotes stage.
PolNeAR is for measurement only: nothing here trains anything.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "quotes" / "dev.jsonl"
OUT = ROOT / "benchmarks" / "results" / "quotes.json"
KINDS = ("direct", "mixed", "indirect")


# -- spans -------------------------------------------------------------------------------------------------------
def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _overlap(x: list[tuple[int, int]], y: list[tuple[int, int]]) -> int:
    return sum(max(0, min(b, d) - max(a, c)) for a, b in x for c, d in y)


def _length(x: list[tuple[int, int]]) -> int:
    return sum(b - a for a, b in x)


def match(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by overlap; a pair counts when overlap >= half of the longer content."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = _overlap(p["content"], g["content"])
            if ov and ov * 2 >= max(_length(p["content"]), _length(g["content"])):
                pairs.append((ov, i, j))
    pairs.sort(key=lambda t: -t[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def speaker_ok(p: dict[str, Any], g: dict[str, Any], text: str) -> bool:
    if not g["sources"]:
        return p["speaker"] is None
    if p["speaker"] is None:
        return False
    if _overlap([p["speaker"]], g["sources"]) > 0:
        return True
    for ms in p.get("entity_mentions", []):
        if _overlap([ms], g["sources"]) > 0:
            return True
    name = p.get("name")
    if name:
        last = re.sub(r"[’']s$", "", name.split()[-1]).lower()
        for a, b in g["sources"]:
            if last and re.search(rf"\b{re.escape(last)}\b", text[a:b].lower()):
                return True
    return False


def prf(tp: float, npred: float, ngold: float) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "pred": npred,
        "gold": ngold,
    }


class Scores:
    def __init__(self) -> None:
        self.c = Counter()  # type: Counter[str]
        self.exact = defaultdict(Counter)  # type: defaultdict[str, Counter[str]]

    def add(self, preds: list[dict[str, Any]], golds: list[dict[str, Any]], text: str) -> None:
        pairs = match(preds, golds)
        self.c["pred"] += len(preds)
        self.c["gold"] += len(golds)
        for k in KINDS:
            self.c[f"pred_{k}"] += sum(p["kind"] == k for p in preds)
            self.c[f"gold_{k}"] += sum(g["kind"] == k for g in golds)
        for i, j in pairs:
            p, g = preds[i], golds[j]
            ok = speaker_ok(p, g, text)
            self.c["tp"] += 1
            self.c["tp_spk"] += ok
            self.c[f"tpp_{p['kind']}"] += 1
            self.c[f"tpg_{g['kind']}"] += 1
            self.c[f"tpp_spk_{p['kind']}"] += ok
            self.c[f"tpg_spk_{g['kind']}"] += ok
            self.c["kind_agree"] += p["kind"] == g["kind"]
        for what in ("content", "cue", "source"):
            ps = {_trim(text, a, b) for p in preds for a, b in p[what]}
            gs = {_trim(text, a, b) for g in golds for a, b in g[what]}
            ps.discard((0, 0))
            self.exact[what]["tp"] += len(ps & gs)
            self.exact[what]["pred"] += len(ps)
            self.exact[what]["gold"] += len(gs)

    def report(self) -> dict[str, Any]:
        c = self.c
        out: dict[str, Any] = {
            "content": prf(c["tp"], c["pred"], c["gold"]),
            "content_speaker": prf(c["tp_spk"], c["pred"], c["gold"]),
            "kind_agreement_on_matches": round(c["kind_agree"] / c["tp"], 4) if c["tp"] else 0.0,
            "by_kind": {},
            "exact": {},
        }
        for k in KINDS:
            p = c[f"tpp_{k}"] / c[f"pred_{k}"] if c[f"pred_{k}"] else 0.0
            r = c[f"tpg_{k}"] / c[f"gold_{k}"] if c[f"gold_{k}"] else 0.0
            ps = c[f"tpp_spk_{k}"] / c[f"pred_{k}"] if c[f"pred_{k}"] else 0.0
            rs = c[f"tpg_spk_{k}"] / c[f"gold_{k}"] if c[f"gold_{k}"] else 0.0
            out["by_kind"][k] = {
                "pred": c[f"pred_{k}"],
                "gold": c[f"gold_{k}"],
                "content": {
                    "precision": round(p, 4),
                    "recall": round(r, 4),
                    "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                },
                "content_speaker": {
                    "precision": round(ps, 4),
                    "recall": round(rs, 4),
                    "f1": round(2 * ps * rs / (ps + rs), 4) if ps + rs else 0.0,
                },
            }
        for what, e in self.exact.items():
            out["exact"][what] = prf(e["tp"], e["pred"], e["gold"])
        return out


# -- systems -----------------------------------------------------------------------------------------------------
def gold_of(row: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for q in row["quotes"]:
        if q["type"] not in KINDS or not q["contents"]:
            continue
        out.append(
            {
                "kind": q["type"],
                "content": [(s["start"], s["end"]) for s in q["contents"]],
                "cue": [(s["start"], s["end"]) for s in q["cue"]],
                "source": [(s["start"], s["end"]) for s in q["sources"]],
                "sources": [(s["start"], s["end"]) for s in q["sources"]],
            }
        )
    return out


def article_of(row: dict[str, Any]) -> Any:
    from accords.records import Article, Paragraph

    text = row["text"]
    paras = [
        Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()
    ]
    return Article(id=str(row["doc"]), text=text, paragraphs=paras, language="en")


def accords_preds(record: Any, univocal: bool = True) -> tuple[list[dict[str, Any]], int]:
    """accords' quotes as scored items, and how many were left out: nested partial quotes (inside a mixed one),
    and with ``univocal`` reports within another report's words (PolNeAR cannot annotate them)."""
    mentions = {e.id: [(m.start, m.end) for m in e.mentions] for e in record.entities}
    mixed = [q for q in record.quotes if q.kind == "mixed"]
    out, nested = [], 0
    for q in record.quotes:
        content = [(s.start, s.end) for s in q.content]
        if q.kind == "direct" and any(
            m.cue == q.cue and m.content[0].start <= content[-1][1] and content[0][0] <= m.content[-1].end
            for m in mixed
        ):
            nested += 1
            continue
        if univocal and q.within is not None:
            nested += 1
            continue
        spk = q.speaker
        out.append(
            {
                "kind": q.kind,
                "content": content,
                "cue": [(q.cue.start, q.cue.end)] if q.cue else [],
                "source": [(spk.start, spk.end)] if spk else [],
                "speaker": (spk.start, spk.end) if spk else None,
                "name": spk.name if spk and spk.entity_id else None,
                "entity_mentions": mentions.get(spk.entity_id, []) if spk and spk.entity_id else [],
            }
        )
    return out, nested


TEXTACY_FAILED = Counter()  # type: Counter[str]


def textacy_preds(doc: Any) -> list[dict[str, Any]]:
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except Exception as exc:  # noqa: BLE001 - a baseline failing on one article must not stop the run
        # textacy bails out on an article with an odd number of quotation marks: it then finds nothing there
        TEXTACY_FAILED[type(exc).__name__] += 1
        return out
    for t in triples:
        content = (t.content.start_char, t.content.end_char)
        spk = (
            (min(x.idx for x in t.speaker), max(x.idx + len(x.text) for x in t.speaker))
            if t.speaker
            else None
        )
        cue = [(min(x.idx for x in t.cue), max(x.idx + len(x.text) for x in t.cue))] if t.cue else []
        out.append(
            {
                "kind": "direct",
                "content": [content],
                "cue": cue,
                "source": [spk] if spk else [],
                "speaker": spk,
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--skip", type=int, default=0, help="skip the first N articles")
    ap.add_argument(
        "--data", type=Path, default=None, help="a PolNeAR JSONL file (default: the --split file)"
    )
    ap.add_argument(
        "--split", choices=("dev", "train"), default="dev", help="develop on train, measure on dev"
    )
    ap.add_argument("--out", type=Path, default=None, help="default: benchmarks/results/quotes.json for dev")
    ap.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    ap.add_argument(
        "--pages",
        choices=("dev", "held"),
        default=None,
        help="instead of PolNeAR, accords' own labels on licensed news pages: dev (develop) or held (measure)",
    )
    args = ap.parse_args(argv)
    if args.pages:
        return main_pages(args)
    return main_with(args)


def main_with(args: argparse.Namespace) -> int:
    if args.data is None:
        args.data = DATA.with_name(f"{args.split}.jsonl")
    if args.out is None:
        # figures on train are for development only: they stay out of the repository's results
        args.out = OUT if args.split == "dev" else Path("/tmp") / "accords-quotes-train.json"
    if not args.data.exists():
        print(
            f"{args.data} is absent: this benchmark reads ../shared/eval/quotes beside the clone",
            file=sys.stderr,
        )
        return 2

    from accords.config import get_settings
    from accords.core import new_record
    from accords.pipeline import Work, run_stages
    from accords.quotes import VERSION

    settings = get_settings()
    rows = getattr(args, "rows", None) or [json.loads(line) for line in args.data.open(encoding="utf-8")]
    rows = rows[args.skip :]
    if args.limit:
        rows = rows[: args.limit]
    run_stages(
        Work(record=new_record(article_of({"doc": "warm", "text": "Warm up, he said."})), settings=settings)
    )

    ours, base, kept = Scores(), Scores(), Scores()
    t_lang = t_quotes = t_textacy = 0.0
    words = 0
    nested_total = 0
    use_textacy = not args.no_textacy
    if use_textacy:
        try:
            import textacy  # noqa: F401
        except ImportError:
            print("textacy is not installed: the baseline is skipped", file=sys.stderr)
            use_textacy = False
    for n, row in enumerate(rows, 1):
        text = row["text"]
        words += len(re.findall(r"\w+", text))
        work = Work(record=new_record(row.get("article") or article_of(row)), settings=settings)
        t0 = time.perf_counter()
        work = run_stages(work, ("nlp", "actors"))
        t1 = time.perf_counter()
        work = run_stages(work, ("quotes",))
        t2 = time.perf_counter()
        t_lang += t1 - t0
        t_quotes += t2 - t1
        golds = gold_of(row)
        preds, nested = accords_preds(work.record)
        nested_total += nested
        ours.add(preds, golds, text)
        kept.add(accords_preds(work.record, univocal=False)[0], golds, text)
        if use_textacy:
            t3 = time.perf_counter()
            tp = textacy_preds(work.doc)
            t_textacy += time.perf_counter() - t3
            base.add(tp, golds, text)
        if n % 10 == 0:
            print(f"  {n}/{len(rows)} articles", file=sys.stderr)

    result: dict[str, Any] = {
        "data": str(args.data),
        "articles": len(rows),
        "version": VERSION,
        "command": "python benchmarks/quotes.py"
        + (
            f" --pages {args.split[6:]}"
            if args.split.startswith("pages-")
            else (f" --split {args.split}" if args.split != "dev" else "")
        )
        + (f" --limit {args.limit}" if args.limit else ""),
        "accords": ours.report(),
        "nested_quotes_left_out": nested_total,
        "all_quotes_kept": {k: v for k, v in kept.report().items() if k in ("content", "content_speaker")},
        "speed": {
            "words": words,
            "language_pipeline_s": round(t_lang, 3),
            "quotes_stage_s": round(t_quotes, 3),
            "quotes_overhead_pct": round(100 * t_quotes / t_lang, 2) if t_lang else None,
            "words_per_s_language": round(words / t_lang) if t_lang else None,
            "note": "one process, shared 2-core machine: noisy",
        },
    }
    if use_textacy:
        import textacy

        result["textacy"] = {
            "version": textacy.__version__,
            **base.report(),
            "seconds": round(t_textacy, 3),
            "articles_failed": dict(TEXTACY_FAILED),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_table(result)
    print(f"\nresults: {args.out}")
    return 0


def main_pages(args: argparse.Namespace) -> int:
    """The same measures on accords' own labels (benchmarks/quotes_labels.py): news of other outlets and years."""
    import quotes_labels

    if not quotes_labels.PAGES.exists():
        print(
            f"{quotes_labels.PAGES} is absent: the labelled pages are read from ../shared/eval",
            file=sys.stderr,
        )
        return 2
    args.rows, lost = quotes_labels.load(args.pages)
    if lost:
        print(
            f"{lost} labelled attributions no longer match the extracted text and are left out",
            file=sys.stderr,
        )
    args.data = quotes_labels.SET
    if args.out is None:
        name = "quotes-pages.json" if args.pages == "held" else "accords-quotes-pages-dev.json"
        args.out = (OUT.parent if args.pages != "dev" else Path("/tmp")) / name
    args.split, args.pages = f"pages-{args.pages}", None
    return main_with(args)


def print_table(result: dict[str, Any]) -> None:
    systems = [("accords", result["accords"])]
    if "textacy" in result:
        systems.append(("textacy", result["textacy"]))
    print(f"{result['data']} ({result['articles']} articles), quotes {result['version']}")
    print(f"{'system':9} {'measure':26} {'P':>6} {'R':>6} {'F1':>6}")
    for name, r in systems:
        for label, m in (("content (overlap)", r["content"]), ("content+speaker", r["content_speaker"])):
            print(f"{name:9} {label:26} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}")
        for k, m in r["by_kind"].items():
            for label, mm in (("content", m["content"]), ("content+speaker", m["content_speaker"])):
                print(
                    f"{name:9} {k + ' ' + label:26} {mm['precision']:6.3f} {mm['recall']:6.3f} {mm['f1']:6.3f}"
                )
        for what, m in r["exact"].items():
            print(f"{name:9} {'exact ' + what:26} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}")
    for label, m in result.get("all_quotes_kept", {}).items():
        label = f"{label} (all quotes kept)"
        print(f"{'accords':9} {label:26} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}")
    print(
        f"left out: {result.get('nested_quotes_left_out')} nested quotes (partial quotes, reports within reports)"
    )
    s = result["speed"]
    print(
        f"speed: language pipeline {s['language_pipeline_s']}s ({s['words_per_s_language']} words/s), quotes "
        f"{s['quotes_stage_s']}s = +{s['quotes_overhead_pct']}% (noisy: shared machine)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
