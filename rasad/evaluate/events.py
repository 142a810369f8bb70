"""Sentence-level event detection on the Arabic event GSR (protest / assault) and span checks.

``evaluate_events(csv)`` runs the pipeline up to events over every sentence of a detection file
(columns ``text``, ``label``, ``event_type``) and scores whether the stage finds a PROTEST
(CAMEO root 14) or ASSAULT (roots 18–20) event: "yes" is positive, "easy no" and
"difficult no" negative, "ambiguous" left out. With ``spans`` (the matching ``*_spans_*.json``)
it also reports how often the source and target actors found overlap the gold spans.
``detector="silver"`` scores the weakly supervised model (scripts/build_event_silver.py; data
events/detection_silver.tsv), fitted on rule-labelled unlabelled news and never on gsr-dev: on all
of gsr-dev at its fixed 0.5 threshold F1 is ASSAULT 0.346, PROTEST 0.281 (the dev-fitted model:
5-fold CV 0.59 / 0.431; adding the silver score as a feature: 0.589 / 0.441).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rasad.analyze.normalize import normalize
from rasad.model import Article

TYPE_ROOTS = {"PROTEST": frozenset({"14"}), "ASSAULT": frozenset({"18", "19", "20"})}
POSITIVE, NEGATIVE = frozenset({"yes"}), frozenset({"easy no", "difficult no"})
DEFAULT_THRESHOLD = 0.4


def thresholds() -> dict[str, float]:
    """Per-type detection thresholds (dev-calibrated; data: events/detection.tsv)."""
    from rasad.data.loader import read_tsv

    try:
        return {r["type"]: float(r["threshold"]) for r in read_tsv("events/detection.tsv")}
    except FileNotFoundError:
        return {}


DETECTION_STAGES = ("sentences", "tokens")  # detection needs triggers and cues only


def prepare(text: str, stages: Iterable[str] | None = None) -> Article:
    """An article for one sentence with the given built stages (default: all before events)."""
    from rasad.pipeline import STAGES, resolve

    wanted = (
        [s.name for s in STAGES if s.name not in ("clean", "events")] if stages is None else stages
    )
    article = Article(text)
    for stage in resolve([n for n in wanted if n in {s.name for s in STAGES}]):
        if stage.name not in ("clean", "events"):  # one sentence: nothing to clean
            article = stage.load()(article)
    return article


def sentence_score(found: Iterable[Any], roots: frozenset[str]) -> float:
    """Noisy-OR of the reliabilities of the asserted, non-negated triggers of these roots."""
    miss = 1.0
    for f in found:
        if f.code[:2] in roots and not f.negated and f.modality == "asserted":
            miss *= 1.0 - f.reliability
    return 1.0 - miss


def detected(
    found: Iterable[Any], roots: frozenset[str], threshold: float = DEFAULT_THRESHOLD
) -> bool:
    """Whether the sentence reports an event of these roots (score reaches the threshold)."""
    return sentence_score(found, roots) >= threshold


def trigger_tuples(found: Iterable[Any], roots: frozenset[str]) -> list[tuple]:
    """(reliability, off, verb, evidence) of the triggers of these roots, for the model."""
    return [
        (f.reliability, f.negated or f.modality != "asserted", f.span.verb, f.evidence)
        for f in found
        if f.code[:2] in roots
    ]


def model_detected(article: Article, found: list[Any], kind: str) -> bool | None:
    """The detection model's decision for one sentence (None when no model is built)."""
    from rasad.evaluate.event_model import (
        context_features,
        load_model,
        probability,
        trigger_features,
    )

    model = load_model().get(kind)
    if model is None:
        return None
    roots = TYPE_ROOTS.get(kind, frozenset())
    features = trigger_features(trigger_tuples(found, roots))
    features.update(context_features(article.cache.get("tokens", [])))
    return probability(features, model[0]) >= model[1]


def silver_probability(article: Article, found: list[Any], kind: str) -> float | None:
    """The weakly supervised detector's probability for one sentence (None: no model)."""
    from rasad.evaluate.event_model import load_silver, silver_features, sparse_probability

    model = load_silver().get(kind)
    if model is None:
        return None
    types = {m.type for m in article.mentions}
    tokens = article.cache.get("tokens", [])
    features = silver_features(tokens, types, len(article.dates), found, kind)
    return sparse_probability(features, model[0])


def silver_detected(article: Article, found: list[Any], kind: str) -> bool | None:
    """The silver model's decision at its own (fixed, not dev-tuned) threshold."""
    from rasad.evaluate.event_model import load_silver

    p = silver_probability(article, found, kind)
    return None if p is None else p >= load_silver()[kind][1]


def read_detection(path: str | Path) -> list[dict[str, str]]:
    """Rows of a GSR detection CSV; a clear error when columns are missing."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if rows and not {"text", "label", "event_type"} <= set(rows[0]):
        raise ValueError(f"{path}: expected columns text, label, event_type")
    return rows


def score(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float | int]:
    """Precision, recall and F1 from (gold, predicted) pairs."""
    tp = fp = fn = tn = 0
    for gold, pred in pairs:
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
        tn += not gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


def evaluate_events(
    path_csv: str | Path,
    *,
    spans: str | Path | None = None,
    analyze: Callable[[Article], list[Any]] | None = None,
    detector: str = "dev",
) -> dict[str, Any]:
    """Detection P/R/F1 per event type in a GSR CSV (and span agreement if ``spans`` given).

    ``detector``: "dev" (the dev-calibrated model) or "silver" (weakly supervised, never fitted
    on labelled data; it needs the entities and dates stages).
    """
    if analyze is None:
        from rasad.extract.events import analyze
    rows = read_detection(path_csv)
    limits = thresholds()
    by_type: dict[str, list[tuple[bool, bool]]] = {}
    decide = silver_detected if detector == "silver" else model_detected
    stages = None if detector == "silver" else DETECTION_STAGES
    for row in rows:
        if row["label"] not in POSITIVE | NEGATIVE:
            continue
        kind = row["event_type"].upper()
        article = prepare(row["text"], stages)
        found = analyze(article)
        hit = decide(article, found, kind)
        if hit is None:  # no model: the noisy-OR of trigger reliabilities against a threshold
            roots = TYPE_ROOTS.get(kind, frozenset())
            hit = detected(found, roots, limits.get(kind, DEFAULT_THRESHOLD))
        by_type.setdefault(kind, []).append((row["label"] in POSITIVE, hit))
    result: dict[str, Any] = {
        "file": str(path_csv),
        "types": {k: score(v) for k, v in by_type.items()},
        "left_out": sum(r["label"] not in POSITIVE | NEGATIVE for r in rows),
    }
    if spans:
        result["spans"] = evaluate_spans(spans, analyze)
    return result


def _words(text: str) -> set[str]:
    return {normalize(w).removeprefix("و") for w in text.split() if len(w) > 1}


def evaluate_spans(path: str | Path, analyze: Callable[[Article], list[Any]]) -> dict[str, Any]:
    """Share of span records whose gold source/target overlaps the actors the stage found."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    counts = {"source": [0, 0], "target": [0, 0]}
    for rec in records:
        roots = TYPE_ROOTS.get(str(rec.get("event_type", "")).upper(), frozenset())
        article = prepare(rec["text"])
        names: dict[str, set[str]] = {}
        for m in article.mentions:
            if m.actor:
                names.setdefault(m.actor, set()).update(_words(m.text))
        found = [f for f in analyze(article) if f.code[:2] in roots]
        for side in ("source", "target"):
            gold = _words(rec.get(f"{side}_gold") or "")
            if not gold:
                continue
            counts[side][1] += 1
            ids = {a for f in found for a in getattr(f.args, side)}
            counts[side][0] += any(names.get(a, set()) & gold for a in ids)
    return {
        side: {"matched": m, "records": n, "share": round(m / n, 3) if n else 0.0}
        for side, (m, n) in counts.items()
    } | {"records": len(records)}
