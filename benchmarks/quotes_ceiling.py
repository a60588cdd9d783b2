"""How far could a learned filter over the parse take reported speech? An experiment, not a component.

    python benchmarks/quotes_ceiling.py [--train 0:200] [--test 200:350] [--embed MODEL_DIR [--blocks verb,sent]]

Every verb with a clause, an infinitive, an object or a prepositional object is a candidate report of what its
subject says, thinks or holds; the rules take only the verbs of their word lists. Here a logistic regression over
sparse features of the parse (lemma, frame, what the subject is, tense, modality, negation, ...) learns from the
PolNeAR *train* slice given by ``--train`` which of the other candidates are attributions, and the candidates it
accepts are added to the rules' output on the ``--test`` slice. PolNeAR's own conventions and articles make this an
upper bound for such a model: if it gains little here, labels of our own would not make it gain more.
C, and the threshold, are chosen on the learn slice alone (fit on its first three quarters of articles, content F1
on the last quarter); the test slice then prints a small grid around that choice, with the filter's own precision
and recall over the candidates and its average precision.

``--embed MODEL_DIR`` adds the meaning of a frozen transformer encoder (a Hugging Face model directory, e.g.
sentence-transformers/all-MiniLM-L6-v2, loaded offline): it is run over each candidate's sentence and its last layer
gives, per ``--blocks``, the verb's vector (mean of its word pieces, found by the tokenizer's offset mapping), the
sentence's (mean pooling) and the content's (its pieces within the sentence); standardized and weighted, they sit
beside the sparse features, and the weight is tuned with C. It needs torch and transformers, which are not project
dependencies (install them in a separate environment); the vectors are cached under /tmp.
Measured (all-MiniLM-L6-v2, 0:200 -> 200:350, about 3 minutes to embed on 2 cores): candidate average precision
0.23 -> 0.30, content F1 0.6857 -> 0.6875 (verb,sent) or 0.6924 (verb,sent,content) as chosen on the learn slice,
against 0.7961 for a perfect filter: frozen meaning lifts the filter only a little.
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


# (doc id, cue span, content span, sparse features, label, sentence span): spans are character offsets
Example = tuple[str, tuple[int, int], tuple[int, int], list[str], int, tuple[int, int]]


def examples(data: list[Any]) -> list[Example]:
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
            sent = (verb.sent.start_char, verb.sent.end_char)
            out.append((str(row["doc"]), cue, span, feats, int(label), sent))
    return out


def _quote(e: Example) -> dict[str, Any]:
    return {
        "kind": "indirect",
        "content": [e[2]],
        "cue": [e[1]],
        "source": [],
        "speaker": None,
        "name": None,
        "entity_mentions": [],
    }


BLOCKS = ("verb", "sent", "content")


def embed(model_dir: str, data: list[Any], ex: list[Example], tag: str) -> Any:
    """One row per example from the frozen encoder at ``model_dir`` run over the candidate's sentence: the last
    layer's vectors of the verb's word pieces (mean), of the whole sentence (mean pooling, as the sentence model
    pools) and of the content's pieces inside the sentence (mean), side by side (3 x hidden size, float32).
    Cached under /tmp (vectors only) by slice, model and the candidates' spans."""
    import hashlib
    import os
    import time

    import numpy as np

    key = hashlib.sha1(
        repr((str(Path(model_dir).resolve()), [(e[0], e[1], e[2], e[5]) for e in ex])).encode()
    ).hexdigest()[:16]
    cache = Path(f"/tmp/accords_quotes_ceiling_emb_{tag}_{key}.npy")
    if cache.exists():
        print(f"embeddings {tag}: cached ({cache})")
        return np.load(cache)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(min(2, os.cpu_count() or 1))
    tok = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    texts = {str(row["doc"]): doc.text for row, doc, _ in data}
    by_sent: dict[tuple[str, tuple[int, int]], list[int]] = defaultdict(list)
    for n, e in enumerate(ex):
        by_sent[(e[0], e[5])].append(n)
    keys = sorted(by_sent, key=lambda k: k[1][1] - k[1][0])  # similar lengths together: less padding
    dim = model.config.hidden_size
    out = np.zeros((len(ex), len(BLOCKS) * dim), dtype=np.float32)
    start = time.perf_counter()
    for b in range(0, len(keys), 64):
        batch = keys[b : b + 64]
        enc = tok(
            [texts[d][a:z] for d, (a, z) in batch],
            padding=True,
            truncation=True,
            max_length=256,
            return_offsets_mapping=True,
            return_tensors="pt",
        )
        offsets = enc.pop("offset_mapping").numpy()
        with torch.no_grad():
            hidden = model(**enc).last_hidden_state.numpy()
        mask = enc["attention_mask"].numpy()
        for k, (d, (a, _z)) in enumerate(batch):
            h, off = hidden[k], offsets[k]
            real = (mask[k] == 1) & (off[:, 1] > off[:, 0])  # word pieces, not [CLS]/[SEP]/padding
            sent_vec = h[mask[k] == 1].mean(axis=0)

            def piece_mean(lo: int, hi: int, h: Any = h, off: Any = off, real: Any = real) -> Any:
                sel = real & (off[:, 0] < hi) & (off[:, 1] > lo)
                return h[sel].mean(axis=0) if sel.any() else np.zeros(dim, dtype=np.float32)

            for n in by_sent[(d, batch[k][1])]:
                cue, span = ex[n][1], ex[n][2]
                out[n, :dim] = piece_mean(cue[0] - a, cue[1] - a)
                out[n, dim : 2 * dim] = sent_vec
                out[n, 2 * dim :] = piece_mean(span[0] - a, span[1] - a)
    print(
        f"embeddings {tag}: {len(keys)} sentences, {len(ex)} candidates in {time.perf_counter() - start:.0f} s "
        f"({torch.get_num_threads()} threads)"
    )
    np.save(cache, out)
    return out


def features(vec: Any, ex: list[Example], dense: Any, blocks: list[str], scaler: Any, weight: float) -> Any:
    """Sparse parse features, with the chosen blocks of ``dense`` (standardized by ``scaler``, times ``weight``)
    beside them when there are any."""
    from scipy.sparse import csr_matrix, hstack

    x = vec.transform([dict.fromkeys(e[3], 1) for e in ex])
    if dense is None or not blocks:
        return x.tocsr()
    return hstack([x, csr_matrix(scaler.transform(pick(dense, blocks)) * weight)]).tocsr()


def pick(dense: Any, blocks: list[str]) -> Any:
    import numpy as np

    dim = dense.shape[1] // len(BLOCKS)
    return np.hstack([dense[:, BLOCKS.index(b) * dim : (BLOCKS.index(b) + 1) * dim] for b in blocks])


def with_added(
    data: list[Any], ex: list[Example], prob: Any, threshold: float
) -> tuple[dict[str, Any], int, int]:
    """Content scores of the rules plus the candidates whose probability reaches ``threshold``; how many were
    added and how many of those were right."""
    added: dict[str, list[dict[str, Any]]] = defaultdict(list)
    right = 0
    for e, p in zip(ex, prob, strict=True):
        if p >= threshold:
            added[e[0]].append(_quote(e))
            right += e[4]
    scores = bench.Scores()
    for row, _doc, preds in data:
        scores.add(preds + added[str(row["doc"])], bench.gold_of(row), row["text"])
    return scores.report()["content"], sum(len(v) for v in added.values()), right


def average_precision(ex: list[Example], prob: Any) -> float:
    from sklearn.metrics import average_precision_score

    return float(average_precision_score([e[4] for e in ex], prob))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", default="0:200", help="PolNeAR train articles to learn from, A:B")
    ap.add_argument("--test", default="200:350", help="PolNeAR train articles to test on, A:B")
    ap.add_argument("--embed", metavar="PATH", help="frozen encoder directory (needs torch and transformers)")
    ap.add_argument(
        "--blocks", default="verb,sent", help=f"encoder vectors to use with --embed, of {','.join(BLOCKS)}"
    )
    args = ap.parse_args(argv)
    if not TRAIN.exists():
        print(
            f"{TRAIN} is absent: this experiment reads ../shared/eval/quotes beside the clone",
            file=sys.stderr,
        )
        return 2
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    learn, test = parsed(*slice_of(args.train)), parsed(*slice_of(args.test))
    ex_learn, ex_test = examples(learn), examples(test)
    blocks = [b for b in args.blocks.split(",") if b] if args.embed else []
    if any(b not in BLOCKS for b in blocks):
        ap.error(f"--blocks takes {','.join(BLOCKS)}")
    d_learn = d_test = None
    if args.embed:
        d_learn = embed(args.embed, learn, ex_learn, args.train.replace(":", "_"))
        d_test = embed(args.embed, test, ex_test, args.test.replace(":", "_"))
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

    # C, the weight of the encoder's vectors and the threshold are chosen on the learn slice alone: fit on its
    # first three quarters of articles, score content F1 on the last quarter
    cut = len(learn) * 3 // 4
    fit_docs = {str(row["doc"]) for row, _doc, _p in learn[:cut]}
    i_fit = [n for n, e in enumerate(ex_learn) if e[0] in fit_docs]
    i_val = [n for n, e in enumerate(ex_learn) if e[0] not in fit_docs]
    weights = (0.03, 0.1, 0.3) if blocks else (0.0,)
    cs = (0.03, 0.1, 0.3, 1.0)
    thresholds = (0.2, 0.3, 0.4, 0.5, 0.6)
    best: tuple[float, float, float, float] = (-1.0, 1.0, 0.0, 0.5)
    for w in weights:
        vec = DictVectorizer().fit([dict.fromkeys(ex_learn[n][3], 1) for n in i_fit])
        scaler = StandardScaler().fit(pick(d_learn[i_fit], blocks)) if blocks else None
        x_fit = features(
            vec, [ex_learn[n] for n in i_fit], d_learn[i_fit] if blocks else None, blocks, scaler, w
        )
        ex_val = [ex_learn[n] for n in i_val]
        x_val = features(vec, ex_val, d_learn[i_val] if blocks else None, blocks, scaler, w)
        for c in cs:
            model = LogisticRegression(C=c, max_iter=3000).fit(x_fit, [ex_learn[n][4] for n in i_fit])
            prob = model.predict_proba(x_val)[:, 1]
            line = []
            for t in thresholds:
                r, _n, _right = with_added(learn[cut:], ex_val, prob, t)
                line.append(f"{t}: {r['f1']:.4f}")
                if r["f1"] > best[0]:
                    best = (r["f1"], c, w, t)
            print(
                f"  tuning (learn articles {cut}+ of the slice) weight {w} C={c}: candidate AP "
                f"{average_precision(ex_val, prob):.3f}; content F1 by threshold " + ", ".join(line)
            )
    _, c_best, w_best, t_best = best
    print(f"chosen on the learn slice: C={c_best} weight {w_best} threshold {t_best}")

    vec = DictVectorizer().fit([dict.fromkeys(e[3], 1) for e in ex_learn])
    scaler = StandardScaler().fit(pick(d_learn, blocks)) if blocks else None
    y_test = [e[4] for e in ex_test]
    for c in sorted({0.3, 1.0, c_best}):
        for w in sorted({w_best} | ({0.1} if blocks else set())):
            x_learn = features(vec, ex_learn, d_learn, blocks, scaler, w)
            x_test = features(vec, ex_test, d_test, blocks, scaler, w)
            model = LogisticRegression(C=c, max_iter=3000).fit(x_learn, [e[4] for e in ex_learn])
            prob = model.predict_proba(x_test)[:, 1]
            for threshold in sorted({0.4, 0.5, 0.6, t_best}):
                r, n, right = with_added(test, ex_test, prob, threshold)
                mark = (
                    " <- chosen on the learn slice" if (c, w, threshold) == (c_best, w_best, t_best) else ""
                )
                print(
                    f"C={c}{f' weight {w}' if blocks else ''} threshold {threshold}: +{n} quotes ({right} right; "
                    f"filter P {right / n if n else 0:.3f} R {right / max(sum(y_test), 1):.3f} over candidates): "
                    f"content P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.4f} "
                    f"({r['f1'] - b['f1']:+.4f}){mark}"
                )
            print(
                f"C={c}{f' weight {w}' if blocks else ''}: candidate AP {average_precision(ex_test, prob):.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
