"""How far could a learned filter over the parse take reported speech? An experiment, not a component.

    python benchmarks/quotes_ceiling.py [--train 0:200] [--test 200:350]

Every verb with a clause, an infinitive, an object or a prepositional object is a candidate report of what its
subject says, thinks or holds; the rules take only the verbs of their word lists. Here a logistic regression over
sparse features of the parse (lemma, frame, what the subject is, tense, modality, negation, ...) learns from the
PolNeAR *train* slice given by ``--train`` which of the other candidates are attributions, and the candidates it
accepts are added to the rules' output on the ``--test`` slice. PolNeAR's own conventions and articles make this an
upper bound for such a model: if it gains little here, labels of our own would not make it gain more.
Nothing trained here is saved, and PolNeAR must never train a model that ships (../shared/eval/README.md).
Needs the bench extra (textacy brings scikit-learn); parses are cached under /tmp as benchmarks/quotes_dev.py does.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quotes as bench  # noqa: E402

TRAIN = bench.ROOT.parent / "shared" / "eval" / "quotes" / "train.jsonl"
FRAMES = ("ccomp", "xcomp", "dobj")
PREPS = frozenset("for on about against into with over to".split())
MODALS = frozenset("will would could can may might should must shall".split())


RELINK = False  # rerun the actors stage on the cached parse (benchmarks/quotes_slices.py does, by default)


def relink(rec: Any, doc: Any) -> None:
    """The cache holds the actors stage's entities as they were when it was written: link them again, so that a
    change to the actors stage shows in the quotes figures."""
    from accords.actors.linker import link_entities
    from accords.config import get_settings
    from accords.pipeline import Work

    rec.entities = link_entities(Work(record=rec, settings=get_settings(), doc=doc))


def slice_of(spec: str) -> tuple[int, int]:
    a, b = spec.split(":")
    return int(a), int(b) - int(a)


def parsed(skip: int, limit: int) -> list[tuple[dict[str, Any], Any, list[dict[str, Any]]]]:
    """(row, doc, the rules' predictions) for a train slice, the parse cached by benchmarks/quotes_dev.py."""
    from accords.quotes.extract import build_quotes
    from accords.records import Record
    from quotes_dev import cached_slice

    rows, stored = cached_slice(skip, limit)
    out = []
    for row, (js, doc) in zip(rows, stored, strict=True):
        rec = Record.model_validate_json(js)
        if RELINK:
            relink(rec, doc)
        rec.quotes = build_quotes(rec, doc, "ceiling")
        out.append((row, doc, bench.accords_preds(rec)[0]))
    return out


def candidates(doc: Any) -> list[tuple[Any, str, tuple[int, int], list[str]]]:
    """(verb, frame, content span, features) for every verb and each of its complements."""
    from accords.quotes.lexicon import PRONOUNS, lemma_of

    out = []
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        for child in verb.children:
            if child.dep_ in FRAMES:
                frame = child.dep_
            elif (
                child.dep_ == "prep"
                and child.lower_ in PREPS
                and any(c.dep_ == "pobj" for c in child.children)
            ):
                frame = "prep_" + child.lower_
            else:
                continue
            words = [t for t in child.subtree if not (frame.startswith("prep_") and t.i == child.i)]
            while words and words[-1].is_punct:
                words = words[:-1]
            if not words or (words[0].i <= verb.i and frame != "ccomp"):
                continue
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and verb.dep_ in ("relcl", "acl"):
                subj = verb.head
            kind = "none"
            if subj is not None:
                pron = subj.lower_ in PRONOUNS or subj.pos_ == "PRON"
                kind = "pron" if pron else ("ent_" + subj.ent_type_ if subj.ent_type_ else subj.pos_)
            lemma = lemma_of(verb)
            aux = {lemma_of(c) for c in verb.children if c.dep_ in ("aux", "auxpass")}
            feats = [
                "bias",
                "lem=" + lemma,
                "frame=" + frame,
                "lem_frame=" + lemma + "|" + frame,
                "subj=" + kind,
                "lem_subj=" + lemma + "|" + kind,
                "tag=" + verb.tag_,
                "dep=" + verb.dep_,
                "len=" + str(min(len(words) // 4, 6)),
            ]
            if subj is not None and kind in ("NOUN", "PROPN"):
                feats.append("subj_lem=" + lemma_of(subj))
            if aux & MODALS:
                feats.append("modal")
            if any(c.dep_ == "neg" for c in verb.children):
                feats.append("neg")
            if frame == "ccomp" and any(t.dep_ == "mark" and t.lower_ == "that" for t in child.children):
                feats.append("that")
            if verb.dep_ in ("ccomp", "xcomp", "advcl", "conj"):
                feats.append("head_lem=" + lemma_of(verb.head))
            span = (words[0].idx, words[-1].idx + len(words[-1].text))
            out.append((verb, frame, span, feats))
    return out


def examples(data: list[Any]) -> list[tuple[str, tuple[int, int], tuple[int, int], list[str], int]]:
    """Candidates the rules did not take, labelled 1 when they match a gold attribution the rules missed."""
    out = []
    for row, doc, preds in data:
        golds = bench.gold_of(row)
        matched = {j for _, j in bench.match(preds, golds)}
        cues = [c for p in preds for c in p["cue"]]
        for verb, _frame, span, feats in candidates(doc):
            cue = (verb.idx, verb.idx + len(verb.text))
            if any(min(cue[1], b) > max(cue[0], a) for a, b in cues):
                continue
            if any(
                bench._overlap([span], p["content"]) * 2
                >= max(bench._length([span]), bench._length(p["content"]))
                for p in preds
            ):
                continue
            label = any(
                j not in matched
                and bench._overlap([span], g["content"]) * 2
                >= max(bench._length([span]), bench._length(g["content"]))
                for j, g in enumerate(golds)
            )
            out.append((str(row["doc"]), cue, span, feats, int(label)))
    return out


def _quote(e: tuple[str, tuple[int, int], tuple[int, int], list[str], int]) -> dict[str, Any]:
    return {
        "kind": "indirect",
        "content": [e[2]],
        "cue": [e[1]],
        "source": [],
        "speaker": None,
        "name": None,
        "entity_mentions": [],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", default="0:200", help="PolNeAR train articles to learn from, A:B")
    ap.add_argument("--test", default="200:350", help="PolNeAR train articles to test on, A:B")
    args = ap.parse_args(argv)
    if not TRAIN.exists():
        print(
            f"{TRAIN} is absent: this experiment reads ../shared/eval/quotes beside the clone",
            file=sys.stderr,
        )
        return 2
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    learn, test = parsed(*slice_of(args.train)), parsed(*slice_of(args.test))
    ex_learn, ex_test = examples(learn), examples(test)
    vec = DictVectorizer()
    x_learn = vec.fit_transform([dict.fromkeys(e[3], 1) for e in ex_learn])
    x_test = vec.transform([dict.fromkeys(e[3], 1) for e in ex_test])
    base = bench.Scores()
    for row, _doc, preds in test:
        base.add(preds, bench.gold_of(row), row["text"])
    b = base.report()["content"]
    print(
        f"candidates the rules leave: learn {len(ex_learn)} ({sum(e[4] for e in ex_learn)} attributions), "
        f"test {len(ex_test)} ({sum(e[4] for e in ex_test)})"
    )
    print(
        f"rules alone on the test slice: content P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.4f}"
    )
    oracle = bench.Scores()
    right_only: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in ex_test:
        if e[4]:
            right_only[e[0]].append(_quote(e))
    for row, _doc, preds in test:
        oracle.add(preds + right_only[str(row["doc"])], bench.gold_of(row), row["text"])
    o = oracle.report()["content"]
    print(f"with every right candidate and no wrong one (a perfect filter): content F1 {o['f1']:.4f}")
    for c in (0.3, 1.0):
        model = LogisticRegression(C=c, max_iter=2000).fit(x_learn, [e[4] for e in ex_learn])
        prob = model.predict_proba(x_test)[:, 1]
        for threshold in (0.4, 0.5, 0.6):
            added: dict[str, list[dict[str, Any]]] = defaultdict(list)
            right = 0
            for e, p in zip(ex_test, prob, strict=True):
                if p >= threshold:
                    added[e[0]].append(_quote(e))
                    right += e[4]
            scores = bench.Scores()
            for row, _doc, preds in test:
                scores.add(preds + added[str(row["doc"])], bench.gold_of(row), row["text"])
            r = scores.report()["content"]
            n = sum(len(v) for v in added.values())
            print(
                f"C={c} threshold {threshold}: +{n} quotes ({right} right): content P {r['precision']:.3f} "
                f"R {r['recall']:.3f} F1 {r['f1']:.4f} ({r['f1'] - b['f1']:+.4f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
