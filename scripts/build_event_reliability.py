"""Calibrate event-trigger reliability on the Arabic event GSR dev set (protest / assault).

For every trigger pattern that fires in a dev sentence, reliability is the smoothed share of
"yes" sentences among the sentences where it fired ("ambiguous" left out), per form class
(verb, definite noun, indefinite noun). Writes rasad/data/events/reliability.tsv and prints a
5-fold cross-validated detection score (folds by document id, so that the sentences of one
document stay together; fit on four folds, test on the fifth), the honest estimate of what the
table buys; the full-dev (resubstitution) score is printed only as a secondary number. Reads ../shared/data/events/gsr-dev (MIT, openeventdata).
Usage: ``python scripts/build_event_reliability.py``.
"""

from __future__ import annotations

import math
import re
import sys
import zlib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.evaluate.event_model import FEATURES as MODEL_FEATURES  # noqa: E402
from rasad.evaluate.event_model import (  # noqa: E402
    context_features,
    probability,  # noqa: E402
    trigger_features,
)
from rasad.evaluate.event_model import fit as fit_model  # noqa: E402
from rasad.evaluate.events import (  # noqa: E402
    DETECTION_STAGES,
    NEGATIVE,
    POSITIVE,
    TYPE_ROOTS,
    prepare,
    read_detection,
    score,
)
from rasad.extract.events import analyze  # noqa: E402
from rasad.extract.events.detect import DEFAULT_RELIABILITY, adjusted  # noqa: E402

GSR = ROOT / ".." / "shared" / "data" / "events" / "gsr-dev"
FILES = {"ASSAULT": "assault_detection_dev.csv", "PROTEST": "protest_detection_dev.csv"}
OUT = ROOT / "rasad" / "data" / "events" / "reliability.tsv"
EVIDENCE = ROOT / "rasad" / "data" / "events" / "evidence.tsv"
EVIDENCE_HEADER = """# Evidence weights: log-odds shift of a trigger's reliability when its sentence shows signs
#   of a concrete report (count: a number within six words; recent: أمس in the sentence).
# Source: computed from ../shared/data/events/gsr-dev (MIT). Licence: Apache-2.0.
# How built: scripts/build_event_reliability.py (log odds ratio among asserted triggers).
feature\tweight
"""
FEATURES = ("count", "recent")
THRESHOLDS = ROOT / "rasad" / "data" / "events" / "detection.tsv"
THRESHOLD_HEADER = """# Detection thresholds: minimum trigger reliability for a sentence to count as reporting an
#   event of the type (F1-optimal on the GSR dev set: dev-calibrated, see reliability.tsv).
# Source: computed from ../shared/data/events/gsr-dev (MIT). Licence: Apache-2.0.
# How built: scripts/build_event_reliability.py.
type\tthreshold
"""
K = 5  # folds for cross-validation
MODEL = ROOT / "rasad" / "data" / "events" / "detection_model.tsv"
MODEL_HEADER = """# Sentence-level event detection model: logistic-regression weights per event type over the
#   features of rasad/evaluate/event_model.py, and the F1-optimal probability threshold.
# Source: fitted on ../shared/data/events/gsr-dev (openeventdata/arabic_event_gsr, MIT); report
#   its 5-fold cross-validated score (folds by document), printed by the build script.
# Licence: Apache-2.0 (derived numbers). How built: scripts/build_event_reliability.py.
type\tfeature\tweight
"""
SMOOTH = 2.0  # pseudo-sentences of prior evidence per pattern
HEADER = """# Reliability of event trigger patterns: smoothed share of true event sentences among the
#   dev sentences where a pattern fired, per form class (v = verb, d = definite noun,
#   i = indefinite noun). Used as Event.confidence and as the detection score.
# Source: computed from the Arabic event GSR dev set (openeventdata/arabic_event_gsr, MIT;
#   ../shared/data/events/gsr-dev), protest (root 14) and assault (roots 18-20) patterns only.
# Licence: Apache-2.0 (derived numbers). How built: scripts/build_event_reliability.py.
key\treliability\tfired\tyes
"""


def doc_id(sentence_id: str) -> str:
    """The document of a GSR sentence id (AAW_ARB_20070425.0026-8 → AAW_ARB_20070425.0026)."""
    return re.split(r"[-_]\d+$", sentence_id)[0]


def fold_of(doc: str, k: int = K) -> int:
    """A stable fold for a document."""
    return zlib.crc32(doc.encode("utf-8")) % k


def observations() -> list[tuple[str, str, bool, list[tuple[str, float]]]]:
    """(type, document, gold, [(key, off, evidence)]) for every scored dev sentence."""
    out = []
    for kind, name in FILES.items():
        for i, row in enumerate(read_detection(GSR / name)):
            if row["label"] not in POSITIVE | NEGATIVE:
                continue
            article = prepare(row["text"], DETECTION_STAGES)
            found = [f for f in analyze(article) if f.code[:2] in TYPE_ROOTS[kind]]
            keys = [
                (f.key, f.negated or f.modality != "asserted", f.evidence, f.span.verb)
                for f in found
            ]
            context = context_features(article.cache.get("tokens", []))
            doc = doc_id(row.get("id") or str(i))
            out.append((kind, doc, row["label"] in POSITIVE, keys, context))
    return out


def fit(obs) -> dict[str, tuple[float, int, int]]:
    """key -> (reliability, fired, yes), shrunk toward the stage's default for the form."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, _, gold, keys, _ in obs:
        for key in {k[0] for k in keys}:
            counts[key][0] += 1
            counts[key][1] += gold
    out = {}
    for key, (n, y) in counts.items():
        p0 = DEFAULT_RELIABILITY["verb" if key.endswith("|v") else "noun"]
        out[key] = ((y + SMOOTH * p0) / (n + SMOOTH), n, y)
    return out


def fit_weights(obs) -> dict[str, float]:
    """Log-odds weight of each piece of evidence among asserted trigger occurrences."""
    counts: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
    for _, _, gold, keys, _ in obs:
        for _, off, evidence, _ in keys:
            if off:
                continue
            for feature in FEATURES:
                counts[(feature, feature in evidence)][0] += 1
                counts[(feature, feature in evidence)][1] += gold

    def logit(c: list[int]) -> float:
        p = (c[1] + 1) / (c[0] + 2)
        return math.log(p / (1 - p))

    return {f: round(logit(counts[(f, True)]) - logit(counts[(f, False)]), 3) for f in FEATURES}


def predict(model, keys, threshold: float) -> bool:
    """A sentence is positive if the noisy-OR of its asserted triggers reaches the threshold."""
    table, weights = model
    miss = 1.0
    for k, off, evidence, _ in keys:
        if not off and k in table:
            miss *= 1.0 - adjusted(table[k][0], evidence, weights)
    return 1.0 - miss >= threshold


def best_threshold(model, obs) -> float:
    """The threshold that maximizes F1 on the given observations."""
    grid = [x / 100 for x in range(5, 95)]
    return max(grid, key=lambda t: score((g, predict(model, k, t)) for _, _, g, k, _ in obs)["f1"])


def cross_validate(obs, use_evidence: bool = True) -> dict[str, dict]:
    """K-fold CV detection scores per type (folds by document)."""
    pairs: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for fold in range(K):
        train = [o for o in obs if fold_of(o[1]) != fold]
        test = [o for o in obs if fold_of(o[1]) == fold]
        model = (fit(train), fit_weights(train) if use_evidence else {})
        for kind in FILES:
            t = best_threshold(model, [o for o in train if o[0] == kind])
            pairs[kind] += [(g, predict(model, k, t)) for kd, _, g, k, _ in test if kd == kind]
    return {kind: score(p) for kind, p in pairs.items()}


def features(obs_row, table, weights) -> dict:
    """Model features of one observation under a reliability table and evidence weights."""
    _, _, _, keys, context = obs_row
    p0 = DEFAULT_RELIABILITY
    triggers = [
        (
            adjusted(table[k][0] if k in table else p0["verb" if verb else "noun"], ev, weights),
            off,
            verb,
            ev,
        )
        for k, off, ev, verb in keys
    ]
    return trigger_features(triggers) | context


def fit_detector(train, kind: str):
    """Reliability table, evidence weights, model weights and threshold fitted on train."""
    table, weights = fit(train), fit_weights(train)
    rows = [o for o in train if o[0] == kind]
    feats = [features(o, table, weights) for o in rows]
    gold = [o[2] for o in rows]
    w = fit_model(feats, gold)
    probs = [probability(f, w) for f in feats]
    grid = [x / 100 for x in range(5, 95)]
    t = max(grid, key=lambda t: score(zip(gold, [p >= t for p in probs], strict=True))["f1"])
    return table, weights, w, t


def cross_validate_model(obs) -> dict[str, dict]:
    """K-fold CV (folds by document) of the detection model: all fitting inside the folds."""
    pairs: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for fold in range(K):
        train = [o for o in obs if fold_of(o[1]) != fold]
        for kind in FILES:
            table, weights, w, t = fit_detector(train, kind)
            test = [o for o in obs if fold_of(o[1]) == fold and o[0] == kind]
            pairs[kind] += [(o[2], probability(features(o, table, weights), w) >= t) for o in test]
    return {kind: score(p) for kind, p in pairs.items()}


def write_model(obs) -> None:
    """Fit the detection model on all of dev and write its weights and thresholds."""
    body = ""
    for kind in FILES:
        table, weights, w, t = fit_detector(obs, kind)
        rows = [o for o in obs if o[0] == kind]
        res = score((o[2], probability(features(o, table, weights), w) >= t) for o in rows)
        print(kind, "model threshold", t, "resubstitution (secondary)", res)
        body += (
            "".join(f"{kind}\t{k}\t{w[k]}\n" for k in MODEL_FEATURES) + f"{kind}\tthreshold\t{t}\n"
        )
    MODEL.write_text(MODEL_HEADER + body, encoding="utf-8")


def main() -> int:
    """Fit on all of dev, write the table, print CV and resubstitution scores."""
    if not GSR.exists():
        print(f"missing {GSR}", file=sys.stderr)
        return 1
    obs = observations()
    print(f"{K}-fold CV by document, patterns only:", cross_validate(obs, use_evidence=False))
    print(f"{K}-fold CV by document, with evidence:", cross_validate(obs))
    print(f"{K}-fold CV by document, model (MAIN NUMBER):", cross_validate_model(obs))
    write_model(obs)
    table, weights = fit(obs), fit_weights(obs)
    model = (table, weights)
    print("evidence weights (log-odds):", weights)
    chosen = {}
    for kind in FILES:
        chosen[kind] = t = best_threshold(model, [o for o in obs if o[0] == kind])
        res = score((g, predict(model, k, t)) for kd, _, g, k, _ in obs if kd == kind)
        print(kind, "threshold", t, "resubstitution", res)
    body = "".join(f"{k}\t{v}\n" for k, v in chosen.items())
    THRESHOLDS.write_text(THRESHOLD_HEADER + body, encoding="utf-8")
    body = "".join(f"{k}\t{v}\n" for k, v in weights.items())
    EVIDENCE.write_text(EVIDENCE_HEADER + body, encoding="utf-8")
    rows = "".join(f"{k}\t{r:.3f}\t{n}\t{y}\n" for k, (r, n, y) in sorted(table.items()))
    OUT.write_text(HEADER + rows, encoding="utf-8")
    print(f"wrote {len(table)} keys to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
