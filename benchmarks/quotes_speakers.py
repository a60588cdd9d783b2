"""Who the speaker is: accords' own labels of what each source in the quotes pages set refers to, and the score of
accords' resolved speakers against them.

    python benchmarks/quotes_speakers.py --split held          # measure (dev: develop); held writes results/
    python benchmarks/quotes_speakers.py --set quotes.speakers.REL_SPAN=False   # with a rule's flag off
    python benchmarks/quotes_speakers.py tasks --out DIR        # pages to label, one file per page
    python benchmarks/quotes_speakers.py check DIR KEY          # one page's labels: OK or what is wrong
    python benchmarks/quotes_speakers.py build DIR              # write benchmarks/data/quotes-pages-speakers.jsonl
    python benchmarks/quotes_speakers.py agree DIR1 DIR2        # two labellings of the same pages compared

PolNeAR and the attribution labels score a speaker by its span: "he" is right whoever accords links it to. The
issue asks for more: a surname resolved to the full name, a pronoun to the nearest compatible person, "the
spokesperson" to the person with that role, "officials" to a group with its country, and no name rather than a
wrong one. These labels give, for every labelled source, the names the article uses for whom it refers to (none
for an unnamed one), whom an unnamed one speaks for, and its country. The guideline is docs/labelling-quotes.md.

Scored on gold attributions whose content accords matched (the attribution score's own matching):
  * name right: accords' speaker name is one of the referent's names (or the same person by surname);
  * name wrong: accords links the speaker to a named entity (not a group, not a lower-case description) whose
    name is none of them (for an unnamed referent: a name that is not whom it speaks for). A wrong name is worse
    than none, so precision leads;
  * unresolved: no name, or a description that is not an entity ("spokesperson").
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quotes as bench  # noqa: E402
import quotes_labels  # noqa: E402

SET = quotes_labels.SET.with_name("quotes-pages-speakers.jsonl")
OUT = quotes_labels.ROOT / "benchmarks" / "results" / "quotes-speakers.json"
KINDS = ("person", "people", "organisation", "country", "other")
PRONOUNS = {
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "who",
    "i",
    "we",
    "it",
    "his",
    "their",
    "that",
    "which",
}
_TITLES = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "prime", "minister", "senator", "the", "sir",
    "lord", "judge", "justice", "chancellor", "secretary", "governor", "mayor", "professor", "prof", "st",
}  # fmt: skip


def _key(row: dict[str, Any]) -> str:
    return f"{row['set']}-{row['page'][:12]}"


def _sourced(row: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """The labelled attributions of a page that have a source, numbered as in the set."""
    return [(i, q) for i, q in enumerate(row["quotes"]) if q["sources"] and q["contents"]]


# -- tasks, check, build -----------------------------------------------------------------------------------------
def write_tasks(out: Path) -> int:
    rows, _ = quotes_labels.load()
    (out / "pages").mkdir(parents=True, exist_ok=True)
    n = 0
    for row in rows:
        text, paras = row["text"], row["article"].paragraphs
        lines = [f"# page {_key(row)}", f"# title: {row['article'].title}", ""]
        lines += [f"[P{k}] {text[p.start : p.end]}\n" for k, p in enumerate(paras, 1)]
        lines.append("# attributions with a source: say whom each source refers to")
        for i, q in _sourced(row):
            s = q["sources"][0]
            para = next((k for k, p in enumerate(paras, 1) if p.start <= s["start"] < p.end), 0)
            cue = " ".join(c["text"] for c in q["cue"])
            content = " | ".join(c["text"] for c in q["contents"])
            src = " + ".join(x["text"] for x in q["sources"])
            lines.append(f"Q{i} [P{para}] source: {src!r}  cue: {cue!r}  content: {content[:160]!r}")
            n += 1
        (out / "pages" / f"{_key(row)}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} pages, {n} sources -> {out / 'pages'}")
    return 0


def check(page_file: Path, label_file: Path) -> list[str]:
    """What is wrong with one page's referent labels: every source answered, every name as the article writes it."""
    page = page_file.read_text(encoding="utf-8")
    body = "\n".join(line for line in page.splitlines() if line.startswith("[P"))
    wanted = re.findall(r"^Q(\d+) ", page, flags=re.M)
    try:
        lab = json.loads(label_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"cannot read {label_file}: {e}"]
    errs = [f"Q{q}: no label" for q in wanted if f"Q{q}" not in lab]
    errs += [f"{k}: not a source of this page" for k in lab if k[1:] not in wanted]
    for k, v in lab.items():
        if not isinstance(v, dict):
            errs.append(f"{k}: not an object")
            continue
        if v.get("kind") not in KINDS:
            errs.append(f"{k}: kind {v.get('kind')!r} is not one of {', '.join(KINDS)}")
        names = v.get("names")
        if not isinstance(names, list):
            errs.append(f"{k}: names must be a list (empty when the article never names it)")
            names = []
        for name in names + ([v["for"]] if v.get("for") else []):
            if not isinstance(name, str) or name not in body:
                errs.append(f"{k}: name {name!r} is not written so in the article")
        country = v.get("country")
        if country is not None and not re.fullmatch(r"[A-Z]{3}", str(country)):
            errs.append(f"{k}: country {country!r} is not ISO 3166 alpha-3 or null")
    return errs


def build(label_dir: Path, out: Path = SET) -> int:
    rows, _ = quotes_labels.load()
    lines, n = [], 0
    for row in rows:
        path = label_dir / "out" / f"{_key(row)}.json"
        if not path.exists():
            print(f"{_key(row)}: no labels")
            continue
        errs = check(label_dir / "pages" / f"{_key(row)}.txt", path)
        if errs:
            print(f"{_key(row)}: {len(errs)} errors, first: {errs[0]}")
            continue
        lab = json.loads(path.read_text(encoding="utf-8"))
        refs = []
        for i, q in _sourced(row):
            v = lab[f"Q{i}"]
            s, c = q["sources"][0], q["contents"][0]
            refs.append(
                {
                    "source": {"start": s["start"], "end": s["end"], "text": s["text"]},
                    "content_start": c["start"],
                    "kind": v["kind"],
                    "names": v["names"],
                    "for": v.get("for") or None,
                    "country": v.get("country") or None,
                }
            )
        n += len(refs)
        lines.append(json.dumps({"doc": row["doc"], "split": row["split"], "refs": refs}, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} pages, {n} sources -> {out}")
    return 0


def agree(first: Path, second: Path) -> int:
    """Two labellings of the same pages, one against the other: how often they name the same referent."""
    c: Counter[str] = Counter()
    for path in sorted((second / "out").glob("*.json")):
        other = first / "out" / path.name
        if not other.exists():
            continue
        a, b = (json.loads(x.read_text(encoding="utf-8")) for x in (other, path))
        for k in a.keys() & b.keys():
            x, y = a[k], b[k]
            c["n"] += 1
            c["kind"] += x["kind"] == y["kind"]
            both = bool(x["names"]) == bool(y["names"])
            c["names"] += both and (not x["names"] or same_name(x["names"][0], y["names"]))
            c["country"] += (x.get("country") or None) == (y.get("country") or None)
    n = c["n"] or 1
    print(
        f"{c['n']} sources labelled twice: same kind {c['kind'] / n:.3f}, same name (or both none)"
        f" {c['names'] / n:.3f}, same country {c['country'] / n:.3f}"
    )
    return 0


# -- score -------------------------------------------------------------------------------------------------------
def _norm(name: str) -> list[str]:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"['’]s\b", "", name)
    words = re.findall(r"[a-z0-9]+", name)
    while words and words[0] in _TITLES and len(words) > 1:
        words = words[1:]
    return words


def same_name(pred: str, names: list[str]) -> bool:
    """Is ``pred`` one of ``names``: equal once titles and marks are gone, or one holds the other and both end in
    the same word (a surname for the full name, a middle initial)."""
    p = _norm(pred)
    for name in names:
        g = _norm(name)
        if not p or not g:
            continue
        if p == g or (p[-1] == g[-1] and (set(p) <= set(g) or set(g) <= set(p))):
            return True
    return False


def form_of(source: str) -> str:
    words = source.strip().split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if words and all(
        w[:1].isupper() for w in words if w.lower() not in {"of", "the", "and", "de", "van", "von"}
    ):
        return "name"
    return "description"


def names_one(name: str | None, etype: str | None) -> bool:
    """Does a linked speaker claim a name? A group entity ("US officials") or a lower-case description ("commerce
    ministry") describes the speaker, as the labels' unnamed referents do; it names no one."""
    return bool(name) and etype not in (None, "GROUP") and any(ch.isupper() for ch in name or "")


def judge(pred: dict[str, Any] | None, ref: dict[str, Any]) -> str:
    """right / wrong / unresolved for one referent and the prediction paired with it (None: no speaker)."""
    name = pred.get("spk_name") if pred else None
    linked = bool(pred and pred.get("spk_entity"))
    if ref["names"]:
        if name and same_name(name, ref["names"]):
            return "right"
        return "wrong" if linked else "unresolved"
    if linked and name and not (ref["for"] and same_name(name, [ref["for"]])):
        return "wrong"
    return "right" if not linked else "unresolved"


def score(
    rows: list[dict[str, Any]],
    refs: dict[str, list[dict[str, Any]]],
    records: dict[str, Any],
    show: tuple[str, ...] = (),
) -> Counter:
    """The verdicts counted; with ``show`` (right, wrong, unresolved, country) each such case printed in context."""
    c: Counter[str] = Counter()
    for row in rows:
        rec, golds = records[row["doc"]], bench.gold_of(row)
        preds, _ = bench.accords_preds(rec)
        by_q = {q.content[0].start: q for q in rec.quotes}
        types = {e.id: e.type for e in rec.entities}
        for p in preds:
            q = by_q.get(p["content"][0][0])
            spk = q.speaker if q else None
            p["spk_name"] = spk.name if spk else None
            p["spk_entity"] = (
                spk.entity_id if spk and names_one(spk.name, types.get(spk.entity_id or "")) else None
            )
            p["spk_country"] = spk.country if spk else None
            p["spk_text"] = spk.text if spk else None
        paired = {j: preds[i] for i, j in bench.match(preds, golds)}
        by_content = {g["content"][0][0]: j for j, g in enumerate(golds)}
        for ref in refs.get(row["doc"], []):
            j = by_content.get(ref["content_start"])
            if j is None or j not in paired:
                c["unmatched"] += 1
                continue
            pred, form = paired[j], form_of(ref["source"]["text"])
            verdict = judge(pred, ref)
            named = "named" if ref["names"] else "unnamed"
            for k in (verdict, f"{named}_{verdict}", f"{form}_{verdict}"):
                c[k] += 1
            got, country = pred.get("spk_country"), None
            if ref["country"]:
                country = "right" if got == ref["country"] else "wrong" if got else "missing"
            elif got:
                country = "extra"
            if country:
                c["country_" + country] += 1
            if verdict in show or (country not in (None, "right") and "country" in show):
                _show(row, ref, pred, verdict, country)
    return c


def _show(
    row: dict[str, Any], ref: dict[str, Any], pred: dict[str, Any], verdict: str, country: str | None
) -> None:
    text, a = row["text"], ref["source"]["start"]
    print(
        f"{verdict:10} country {country or '-':7} {row['doc'][:16]}  source {ref['source']['text']!r}: {ref['kind']}"
        f" {ref['names']} for {ref['for']} {ref['country']}  | accords {pred.get('spk_text')!r} ->"
        f" {pred.get('spk_name')!r} linked {bool(pred.get('spk_entity'))} {pred.get('spk_country')}"
    )
    print("    ", text[max(0, a - 150) : a + 80].replace("\n", " / "))


def report(c: Counter) -> dict[str, Any]:
    def pr(prefix: str = "") -> dict[str, Any]:
        right, wrong, unres = c[prefix + "right"], c[prefix + "wrong"], c[prefix + "unresolved"]
        n = right + wrong + unres
        return {
            "n": n,
            "right": right,
            "wrong": wrong,
            "unresolved": unres,
            "precision": round(right / (right + wrong), 4) if right + wrong else 0.0,
            "right_share": round(right / n, 4) if n else 0.0,
        }

    out = {"all": pr(), "unmatched_content": c["unmatched"]}
    for k in ("named_", "unnamed_", "pronoun_", "name_", "description_"):
        out[k.rstrip("_")] = pr(k)
    cr, cw, cm = c["country_right"], c["country_wrong"], c["country_missing"]
    out["country"] = {
        "right": cr,
        "wrong": cw,
        "missing": cm,
        "extra": c["country_extra"],
        "precision": round(cr / (cr + cw + c["country_extra"]), 4) if cr + cw + c["country_extra"] else 0.0,
        "recall": round(cr / (cr + cw + cm), 4) if cr + cw + cm else 0.0,
    }
    return out


def measure(split: str, show: tuple[str, ...] = ()) -> int:
    if not SET.exists():
        print(f"{SET} is absent: label with `tasks`, `check`, `build` first")
        return 1
    if not quotes_labels.PAGES.exists():
        print(f"{quotes_labels.PAGES} is absent: the labelled pages are read from ../shared/eval")
        return 1
    refs = {}
    for line in SET.open(encoding="utf-8"):
        r = json.loads(line)
        if r["split"] == split:
            refs[r["doc"]] = r["refs"]
    rows, _ = quotes_labels.load(split)
    rows = [r for r in rows if r["doc"] in refs]
    records = {
        r["doc"]: quotes_labels.read_page(r["set"], r["page"], ("nlp", "actors", "quotes")) for r in rows
    }
    rep = report(score(rows, refs, records, show))
    if split == "held":
        OUT.write_text(
            json.dumps({"split": split, "pages": len(rows), **rep}, indent=1) + "\n", encoding="utf-8"
        )
    print(
        f"speakers on {len(rows)} {split} pages ({rep['unmatched_content']} sources whose content accords missed)"
    )
    print(f"  {'':12} {'n':>5} {'right':>6} {'wrong':>6} {'unres':>6} {'P(name)':>8} {'right/n':>8}")
    for k in ("all", "named", "unnamed", "pronoun", "name", "description"):
        m = rep[k]
        print(
            f"  {k:12} {m['n']:5} {m['right']:6} {m['wrong']:6} {m['unresolved']:6} {m['precision']:8.3f}"
            f" {m['right_share']:8.3f}"
        )
    m = rep["country"]
    print(
        f"  country: right {m['right']} wrong {m['wrong']} missing {m['missing']} extra {m['extra']}"
        f"  P {m['precision']:.3f} R {m['recall']:.3f}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "held"), default="dev")
    ap.add_argument(
        "--set",
        nargs="+",
        action="extend",
        default=[],
        metavar="MODULE.FLAG=VALUE",
        help="set a module flag under accords first (quotes.speakers.REL_SPAN=False): what a rule changes",
    )
    ap.add_argument(
        "--show",
        default="",
        help="dev only: print the cases of these verdicts in context (wrong,unresolved,right,country)",
    )
    sub = ap.add_subparsers(dest="cmd")
    t = sub.add_parser("tasks")
    t.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("check")
    c.add_argument("dir", type=Path)
    c.add_argument("key")
    b = sub.add_parser("build")
    b.add_argument("dir", type=Path)
    a = sub.add_parser("agree")
    a.add_argument("first", type=Path)
    a.add_argument("second", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "tasks":
        return write_tasks(args.out)
    if args.cmd == "check":
        errs = check(args.dir / "pages" / f"{args.key}.txt", args.dir / "out" / f"{args.key}.json")
        print("\n".join(errs) or "OK")
        return 1 if errs else 0
    if args.cmd == "agree":
        return agree(args.first, args.second)
    if args.cmd == "build":
        return build(args.dir)
    for assignment in args.set:
        target, value = assignment.split("=", 1)
        module, flag = target.rsplit(".", 1)
        mod = importlib.import_module(f"accords.{module}")
        if not hasattr(mod, flag):
            ap.error(f"accords.{module} has no {flag}")
        setattr(mod, flag, ast.literal_eval(value))
    show = tuple(x for x in args.show.split(",") if x)
    if show and args.split != "dev":
        ap.error("--show is for the dev split: the held pages only measure")
    return measure(args.split, show)


if __name__ == "__main__":
    sys.exit(main())
