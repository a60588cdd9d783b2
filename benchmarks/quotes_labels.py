"""accords' own attribution labels on freely licensed news pages: write pages to label, check labels, build the set.

    python benchmarks/quotes_labels.py pages --out /tmp/label/pages [--limit 100]   # page files to label
    python benchmarks/quotes_labels.py check /tmp/label/pages/KEY.txt /tmp/label/out/KEY.json
    python benchmarks/quotes_labels.py build /tmp/label/pages /tmp/label/out --out benchmarks/data/NAME.jsonl
    python benchmarks/quotes_labels.py agree     # the labels made from proposals against those made blind

The pages are those of ../shared/eval/extraction (aeb: MIT; wcxb-dev: CC BY 4.0). The labels follow
docs/labelling-quotes.md, which follows PolNeAR's conventions so that both sets measure the same thing; unlike
PolNeAR, these labels are the project's own (CC BY 4.0) and may train a model that ships. The set holds no page
text: ``load()`` extracts each page again and checks every span against it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "eval" / "extraction"
# The labels made from scratch, without the rules' proposals: the set itself.
SET = ROOT / "benchmarks" / "data" / "quotes-pages.jsonl"
# The first labels of the same pages, made by checking and completing the rules' proposals: ``agree`` says how far
# the proposals bent them.
PROPOSED = SET.with_name("quotes-pages-proposed.jsonl")
SETS = {"aeb": "aeb", "wcxb": "wcxb-dev"}
SAYING = re.compile(r"\b(said|says|told|according to|added|stated|argued|claimed|announced|warned)\b")


def page_path(set_name: str, page: str) -> Path:
    return PAGES / SETS.get(set_name, set_name) / "html" / f"{page}.html.gz"


def read_page(set_name: str, page: str, stages: tuple[str, ...] = ()) -> Any:
    import accords

    return accords.extract(gzip.decompress(page_path(set_name, page).read_bytes()), stages=stages)


def split_of(key: str) -> str:
    """Half the pages develop the rules, the other half measures them; fixed by the page key."""
    return "dev" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "held"


# -- pages to label ----------------------------------------------------------------------------------------------
def write_pages(out: Path, limit: int) -> None:
    """English news pages, densest in verbs of saying first, each with its paragraphs and the rules' proposals."""
    picked = []
    for set_name, folder in SETS.items():
        for path in sorted((PAGES / folder / "html").glob("*.html.gz")):
            page = path.name.split(".")[0]
            rec = read_page(set_name, page)
            text, words = rec.article.text or "", len((rec.article.text or "").split())
            if rec.article.language in (None, "en") and 250 <= words <= 2000:
                hits = len(SAYING.findall(text))
                if hits >= 4:
                    picked.append((hits / words, set_name, page))
    out.mkdir(parents=True, exist_ok=True)
    for _, set_name, page in sorted(picked, reverse=True)[:limit]:
        rec = read_page(set_name, page, ("nlp", "actors", "quotes"))
        key = f"{set_name}-{page[:12]}"
        t, paras = rec.article.text, rec.article.paragraphs
        lines = [f"# page {key}   ({set_name} {page})", f"# title: {rec.article.title}", ""]
        lines += [f"[P{k}] {t[p.start : p.end]}\n" for k, p in enumerate(paras, 1)]
        lines.append("# the rules' proposals (check each, correct it, and add what they missed):")
        for q in rec.quotes:
            para = next((k for k, p in enumerate(paras, 1) if p.start <= q.content[0].start < p.end), 0)
            prop = {
                "para": para,
                "type": q.kind,
                "cue": [q.cue.text] if q.cue else [],
                "source": [q.speaker.text] if q.speaker and q.speaker.text else [],
                "content": [c.text for c in q.content],
            }
            lines.append(json.dumps(prop, ensure_ascii=False))
        (out / f"{key}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- labels: check and anchor ------------------------------------------------------------------------------------
def paragraphs(page_file: Path) -> dict[int, str]:
    paras = {}
    for line in page_file.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\[P(\d+)\] (.*)$", line)
        if m:
            paras[int(m.group(1))] = m.group(2)
    return paras


def _near(paras: dict[int, str], para: int, text: str, ahead: int) -> list[int]:
    order = [para + k for k in range(ahead + 1)] + [para - 1, para - 2]
    return [p for p in order if p in paras and text in paras[p]]


def check(page_file: Path, label_file: Path) -> list[str]:
    """What is wrong with one page's labels: every span must be found, as written, in or near its paragraph."""
    paras = paragraphs(page_file)
    try:
        lab = json.loads(label_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"cannot read {label_file}: {e}"]
    errs = []
    for i, q in enumerate(lab.get("quotes", [])):
        if q.get("type") not in ("direct", "mixed", "indirect"):
            errs.append(f"#{i}: type {q.get('type')!r}")
        if q.get("para") not in paras:
            errs.append(f"#{i}: para {q.get('para')!r} is not a paragraph number")
            continue
        if not q.get("content"):
            errs.append(f"#{i}: no content")
        for field, ahead in (("content", 12), ("cue", 2), ("source", 2)):
            for v in q.get(field) or []:
                if not isinstance(v, str) or not v or not _near(paras, q["para"], v, ahead):
                    errs.append(f"#{i}: {field} {str(v)[:60]!r} not found in P{q['para']} or near it")
    return errs


def _anchor(
    text: str,
    starts: dict[int, int],
    paras: dict[int, str],
    para: int,
    value: str,
    ahead: int,
    near: list[tuple[int, int]] | None,
) -> dict[str, Any] | None:
    """The span of ``value`` in the article, among the paragraphs around ``para``. A content piece takes the first
    occurrence after the piece before it; a cue or a source the occurrence outside the content nearest to it."""
    best = None
    for p in _near(paras, para, value, ahead):
        for m in re.finditer(re.escape(value), paras[p]):
            start = starts[p] + m.start()
            end = start + len(value)
            if near is None:
                dist = (p != para) * 10**6 + start
            elif near and near[0][0] == near[0][1]:  # the next content piece: after the one before
                if start < near[0][0]:
                    continue
                dist = start
            else:
                if any(a <= start and end <= b for a, b in near):
                    continue
                dist = min(min(abs(start - b), abs(end - a)) for a, b in near)
            if best is None or dist < best[0]:
                best = (dist, start)
    if best is None:
        return None
    start = best[1]
    return {"start": start, "end": start + len(value), "text": value}


def build(page_dir: Path, label_dir: Path, out: Path) -> int:
    """Anchor every labelled page's spans in the article text that accords extracts now, and write the set."""
    from accords.ingest.article import EXTRACTOR_VERSION as INGEST

    rows, spans = [], 0
    for label_file in sorted(label_dir.glob("*.json")):
        lab = json.loads(label_file.read_text(encoding="utf-8"))
        key = label_file.stem
        if lab.get("skip") or check(page_dir / f"{key}.txt", label_file):
            continue
        head = (page_dir / f"{key}.txt").read_text(encoding="utf-8").splitlines()[0]
        set_name, page = re.search(r"\((\S+) (\S+)\)", head).groups()  # type: ignore[union-attr]
        rec = read_page(set_name, page)
        text = rec.article.text
        starts = {k: p.start for k, p in enumerate(rec.article.paragraphs, 1)}
        paras = {k: text[p.start : p.end] for k, p in enumerate(rec.article.paragraphs, 1)}
        quotes = []
        for q in lab["quotes"]:
            contents: list[dict[str, Any]] = []
            for v in q["content"]:
                after = [(contents[-1]["end"], contents[-1]["end"])] if contents else None
                span = _anchor(text, starts, paras, q["para"], v, 12, after)
                if span is None:
                    break
                contents.append(span)
            if len(contents) != len(q["content"]):
                continue
            pieces = [(c["start"], c["end"]) for c in contents]
            cue = [_anchor(text, starts, paras, q["para"], v, 2, pieces) for v in q.get("cue") or []]
            src = [_anchor(text, starts, paras, q["para"], v, 2, pieces) for v in q.get("source") or []]
            quotes.append(
                {
                    "type": q["type"],
                    "cue": [c for c in cue if c],
                    "sources": [s for s in src if s],
                    "contents": contents,
                }
            )
            spans += 1
        rows.append(
            {
                "doc": key,
                "set": SETS[set_name],
                "page": page,
                "split": split_of(key),
                "ingest": INGEST,
                "quotes": quotes,
            }
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} pages, {spans} attributions -> {out}")
    return 0


# -- the set, for benchmarks/quotes.py ---------------------------------------------------------------------------
def load(split: str | None = None, path: Path = SET) -> tuple[list[dict[str, Any]], int]:
    """The labelled pages as PolNeAR-style rows (``text`` and ``article`` filled in from the page), and how many
    spans no longer sit where they were labelled (the extractor changed) and could not be found again."""
    rows, lost = [], 0
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        if split and row["split"] != split:
            continue
        article = read_page(row["set"], row["page"]).article
        text = article.text
        kept = []
        for q in row["quotes"]:
            ok = True
            for field in ("cue", "sources", "contents"):
                for s in q[field]:
                    if text[s["start"] : s["end"]] != s["text"]:
                        found = text.find(s["text"], max(0, s["start"] - 200))
                        if found < 0:
                            ok = False
                            continue
                        s["start"], s["end"] = found, found + len(s["text"])
            if ok:
                kept.append(q)
            else:
                lost += 1
        rows.append({**row, "text": text, "article": article, "quotes": kept})
    return rows, lost


def agree() -> int:
    """Score the labels made from the rules' proposals against the blind labels of the same pages, as if they
    were predictions: how much the proposals left out or bent."""
    import quotes as bench

    blind, _ = load()
    pre = {r["doc"]: r for r in load(path=PROPOSED)[0]}
    scores = bench.Scores()
    for row in blind:
        golds = bench.gold_of(pre[row["doc"]])
        preds = [
            dict(g, speaker=g["source"][0] if g["source"] else None, name=None, entity_mentions=[])
            for g in golds
        ]
        scores.add(preds, bench.gold_of(row), row["text"])
    rep = scores.report()
    print(f"{len(blind)} pages: labels made from proposals, scored against labels made blind")
    for what in ("content", "content_speaker"):
        m = rep[what]
        print(f"  {what:16} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}")
    for what, m in rep["exact"].items():
        print(f"  exact {what:10} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pages")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--limit", type=int, default=100)
    c = sub.add_parser("check")
    c.add_argument("page", type=Path)
    c.add_argument("labels", type=Path)
    b = sub.add_parser("build")
    b.add_argument("pages", type=Path)
    b.add_argument("labels", type=Path)
    b.add_argument("--out", type=Path, default=SET)
    sub.add_parser("agree")
    args = ap.parse_args(argv)
    if args.cmd == "agree":
        return agree()
    if args.cmd == "pages":
        write_pages(args.out, args.limit)
        return 0
    if args.cmd == "check":
        errs = check(args.page, args.labels)
        print("\n".join(errs) or "OK")
        return 1 if errs else 0
    return build(args.pages, args.labels, args.out)


if __name__ == "__main__":
    sys.exit(main())
