#!/usr/bin/env python3
"""Train rasad's NER CRF on ANERcorp (first 90% of sentences of train.txt) and score it on dev.

Each ANERcorp sentence is re-tokenized with rasad's tokenizer (so training sees the same tokens
and clitic segments as the pipeline); word tags are projected onto tokens (punctuation at a
word's edge is O). Features: rasad/analyze/entities/features.py plus the recognizer's hints
(lexicon matches, titles, outlet cues, adjectives). Writes rasad/data/models/ner.crfsuite.

Usage: python scripts/train_ner.py [--c1 0.05] [--c2 0.01] [--iters 100] [--tune]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from rasad.analyze.entities.crf import MODEL, spans  # noqa: E402
from rasad.analyze.entities.features import sentence_features, set_known  # noqa: E402
from rasad.analyze.entities.recognize import hints, segs_of  # noqa: E402
from rasad.analyze.tokens import tokenize  # noqa: E402
from rasad.evaluate.ner import char_to_words, prf, read_conll, select_split, sentence_text  # noqa: E402

GATE = MODEL.parent / "ner_gate.tsv"
ANERCORP = ROOT.parent / "shared" / "data" / "ner" / "anercorp" / "train.txt"


def project(sent):
    """Our tokens of a sentence and their BIO tags projected from the word tags."""
    words = [w for w, _ in sent]
    text, offsets = sentence_text(words)
    toks = tokenize(text)
    tags, k = [], 0
    seen: set[int] = set()
    for t in toks:
        while offsets[k][1] <= t.start:
            k += 1
        tag = sent[k][1]
        if tag != "O" and not t.is_word and not t.text.isdigit():
            tag = "O"
        elif tag.startswith("B-") and k in seen:
            tag = "I-" + tag[2:]
        if tag != "O":
            seen.add(k)
        tags.append(tag)
    return toks, tags, offsets


def write_gate(rows, threshold: float = 0.05) -> None:
    """Clusters whose ANERcorp train tokens are inside names at least ``threshold`` of the time."""
    from collections import Counter

    from rasad.analyze.entities.features import clusters
    from rasad.analyze.entities.match import core

    cl, total, inside = clusters(), Counter(), Counter()
    for segs, tags in rows:
        for seg, tag in zip(segs, tags, strict=True):
            c = cl.get(core(seg)) or cl.get(seg[0]) if seg[0] else None
            if c:
                total[c[0]] += 1
                inside[c[0]] += tag != "O"
    keep = sorted((k for k in total if inside[k] / total[k] >= threshold), key=int)
    with open(GATE, "w", encoding="utf-8") as fh:
        fh.write(
            "# Word clusters (models/clusters.tsv.gz ids) whose words are inside a name in at least\n"
            f"# {threshold:.0%} of their ANERcorp train occurrences: the CRF only tags around such words\n"
            "# (and words outside the cluster vocabulary). Built by scripts/train_ner.py from ANERcorp\n"
            "# (CAMeL Lab split, first 90% of train.txt), CC BY-SA 4.0.\ncluster\trate\n"
        )
        for k in keep:
            fh.write(f"{k}\t{inside[k] / total[k]:.3f}\n")


def xseq(toks):
    """CRF features of a token sequence, hints included."""
    segs = segs_of(toks)
    return sentence_features(segs, hints(segs))


def train(args, sents=None, model: Path = MODEL) -> None:
    """Train on the train split (or the given sentences) and write the model."""
    set_known(None)  # training sees every feature, not only those of the current model
    full = sents is None
    sents = select_split(read_conll(ANERCORP), "train") if full else sents
    tr = pycrfsuite.Trainer(verbose=False)
    rows = []
    for sent in sents:
        toks, tags, _ = project(sent)
        tr.append(xseq(toks), tags)
        rows.append((segs_of(toks), tags))
    if full:
        write_gate(rows)
    tr.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iters,
            "feature.minfreq": args.minfreq,
            "feature.possible_transitions": True,
        }
    )
    t0 = time.time()
    tr.train(str(model))
    print(
        f"trained on {len(sents)} sentences in {time.time() - t0:.0f}s -> {model} "
        f"({model.stat().st_size / 1e6:.1f} MB)"
    )


GRID = [(c1, c2) for c1 in (0.02, 0.05, 0.1) for c2 in (0.003, 0.01, 0.03)]


def tune(args) -> None:
    """Pick c1/c2 on a held-out slice (last 10%) of the train split; dev is never looked at."""
    sents = select_split(read_conll(ANERCORP), "train")
    cut = len(sents) - len(sents) // 10
    tmp = MODEL.with_suffix(".tune")
    best = None
    for c1, c2 in GRID:
        args.c1, args.c2 = c1, c2
        train(args, sents[:cut], tmp)
        f1 = dev_score(sents[cut:], tmp)["f1"]
        print(f"c1={c1} c2={c2} held-out F1 {f1}")
        if best is None or f1 > best[0]:
            best = (f1, c1, c2)
    tmp.unlink()
    args.c1, args.c2 = best[1], best[2]
    print(f"chosen c1={args.c1} c2={args.c2} (held-out F1 {best[0]})")


def dev_score(sents=None, model: Path = MODEL) -> dict:
    """Exact-span micro P/R/F1 (PERS/LOC/ORG) of the CRF alone on the dev split (or sents)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    tp = fp = fn = 0
    for sent in sents if sents is not None else select_split(read_conll(ANERCORP), "dev"):
        toks, _, offsets = project(sent)
        pred_tok = spans(tagger.tag(xseq(toks)))
        chars = [(toks[s].start, toks[e - 1].end, t) for s, e, t in pred_tok]
        pred = {x for x in char_to_words(chars, offsets) if x[2] != "MISC"}
        gold = {x for x in spans([t for _, t in sent]) if x[2] != "MISC"}
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
    return prf(tp, fp, fn)


def main() -> None:
    """Parse arguments, train, report dev."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.03)
    ap.add_argument("--iters", type=int, default=100)
    ap.add_argument("--minfreq", type=float, default=1)
    ap.add_argument("--eval-only", action="store_true")
    ap.add_argument("--tune", action="store_true", help="grid c1/c2 on a train hold-out first")
    args = ap.parse_args()
    if not ANERCORP.exists():
        sys.exit(f"train_ner.py: {ANERCORP} not found (needs ../shared)")
    if args.tune:
        tune(args)
    if not args.eval_only:
        train(args)
    print("dev (CRF alone):", dev_score())


if __name__ == "__main__":
    main()
