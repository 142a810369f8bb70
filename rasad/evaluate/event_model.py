"""Sentence-level event detection model: a small logistic regression over trigger evidence.

Features per sentence and event type: the noisy-OR and the best of the asserted triggers'
reliabilities (as log odds), how many triggers are asserted or set off (negated, intended,
hypothetical), verb and noun triggers, a count or "yesterday" near them, and context that marks
a concrete report or a generic or historical mention (a year, an actor noun such as مسلحون).
Weights live in ``rasad/data/events/detection_model.tsv`` (built by
scripts/build_event_reliability.py with cross-validation by document).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

FEATURES = (
    "bias",
    "noisy_or",
    "best",
    "asserted",
    "off",
    "verb",
    "noun",
    "count",
    "recent",
    "year",
    "actor_noun",
    "long",
)
YEAR = re.compile(r"^(19|20)\d\d$")


def _logit(p: float) -> float:
    p = min(max(p, 1e-3), 1 - 1e-3)
    return math.log(p / (1 - p))


def trigger_features(triggers: Sequence[tuple[float, bool, bool, tuple[str, ...]]]) -> dict:
    """Features from (reliability, off, verb, evidence) of the sentence's triggers of a type."""
    on = [t for t in triggers if not t[1]]
    miss = 1.0
    for rel, *_ in on:
        miss *= 1.0 - rel
    return {
        "noisy_or": _logit(1.0 - miss) if on else -5.0,
        "best": _logit(max(t[0] for t in on)) if on else -5.0,
        "asserted": min(len(on), 3),
        "off": min(len(triggers) - len(on), 3),
        "verb": float(any(t[2] for t in on)),
        "noun": float(any(not t[2] for t in on)),
        "count": float(any("count" in t[3] for t in on)),
        "recent": float(any("recent" in t[3] for t in on)),
    }


def context_features(tokens: Iterable[Any]) -> dict:
    """Sentence context: a year (historical narrative), an actor noun, the sentence length."""
    from rasad.extract.events.subjects import is_actor_noun

    tokens = list(tokens)
    words = [t for t in tokens if t.is_word]
    return {
        "year": float(any(YEAR.match(t.norm) for t in tokens)),
        "actor_noun": float(any(is_actor_noun(t) for t in words)),
        "long": float(len(words) > 40),
    }


def probability(
    features: dict, weights: dict[str, float], names: Sequence[str] = FEATURES
) -> float:
    """The model's probability that the sentence reports an event of the type."""
    z = sum(weights.get(k, 0.0) * features.get(k, 1.0 if k == "bias" else 0.0) for k in names)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def fit(
    rows: list[dict],
    gold: list[bool],
    l2: float = 5.0,
    steps: int = 300,
    names: Sequence[str] = FEATURES,
) -> dict:
    """Logistic regression weights by Newton's method (numpy; small data)."""
    import numpy as np

    x = np.array([[r.get(k, 1.0 if k == "bias" else 0.0) for k in names] for r in rows])
    y = np.array(gold, dtype=float)
    w = np.zeros(len(names))
    reg = l2 * np.eye(len(names))
    reg[0, 0] = 0.0  # no penalty on the bias
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg @ w
        hess = (x.T * (p * (1 - p))) @ x + reg + 1e-6 * np.eye(len(names))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {k: round(float(v), 4) for k, v in zip(names, w, strict=True)}


@cache
def load_model() -> dict[str, tuple[dict[str, float], float]]:
    """Per event type: (weights, threshold); empty when the model file is missing."""
    from rasad.data.loader import read_tsv

    try:
        rows = read_tsv("events/detection_model.tsv")
    except FileNotFoundError:
        return {}
    return _weights(rows)


# ---- the weakly supervised detector (silver data from unlabeled news; no dev fitting) -------

SILVER_FILE = "events/detection_silver.tsv"


def _pattern(f: Any) -> str:
    """A trigger's pattern (its reliability key without the form class)."""
    return f.key.rsplit("|", 1)[0] if "|" in f.key else f.key


def _trigger_part(found: Sequence[Any], roots: frozenset[str]) -> dict[str, float]:
    """Trigger identity, polarity, form and argument features of one event type."""
    out: dict[str, float] = {}
    on = off = 0
    for f in found:
        if f.code[:2] not in roots:
            continue
        asserted = not f.negated and f.modality == "asserted"
        on, off = on + asserted, off + (not asserted)
        name = ("t:" if asserted else "toff:") + _pattern(f)
        out[name] = 1.0
        if not asserted:
            out["mod:" + ("neg" if f.negated else f.modality)] = 1.0
            continue
        out["verb" if f.span.verb else "noun"] = 1.0
        out.update({"ev:" + e: 1.0 for e in f.evidence})
        for side in ("source", "target"):
            if getattr(f.args, side):
                out["arg:" + side] = 1.0
        if f.args.location:
            out["arg:location"] = 1.0
    out["on"], out["off"] = float(min(on, 3)), float(min(off, 3))
    return out


def silver_features(
    tokens: Sequence[Any],
    mention_types: Iterable[str],
    n_dates: int,
    found: Sequence[Any],
    kind: str,
) -> dict[str, float]:
    """Sparse named features of one sentence for one event type (PROTEST or ASSAULT)."""
    from rasad.evaluate.events import TYPE_ROOTS

    out = _trigger_part(found, TYPE_ROOTS.get(kind, frozenset()))
    out.update(context_features(tokens))
    out.update({"m:" + t: 1.0 for t in mention_types})
    out["date"] = float(n_dates > 0)
    out["num"] = float(any(t.norm.isdigit() for t in tokens))
    out.update({"w:" + t.stem: 1.0 for t in tokens if t.is_word and len(t.stem) > 1})
    out["bias"] = 1.0
    return out


@cache
def load_silver() -> dict[str, tuple[dict[str, float], float]]:
    """Per event type: (sparse weights, threshold) of the silver model; empty when missing."""
    from rasad.data.loader import read_tsv

    try:
        rows = read_tsv(SILVER_FILE)
    except FileNotFoundError:
        return {}
    return _weights(rows)


def sparse_probability(features: dict[str, float], weights: dict[str, float]) -> float:
    """Logistic probability of sparse named features (unknown features weigh nothing)."""
    z = sum(weights.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def _weights(rows) -> dict[str, tuple[dict[str, float], float]]:
    """Per event type: (weights by feature, threshold) from `type feature weight` rows."""
    out: dict[str, tuple[dict[str, float], float]] = {}
    for r in rows:
        weights, threshold = out.get(r["type"], ({}, 0.5))
        if r["feature"] == "threshold":
            threshold = float(r["weight"])
        else:
            weights[r["feature"]] = float(r["weight"])
        out[r["type"]] = (weights, threshold)
    return out
