"""Calibrate event-trigger reliability on the Arabic event GSR dev set (protest / assault).

For every trigger pattern that fires in a dev sentence, reliability is the smoothed share of
"yes" sentences among the sentences where it fired ("ambiguous" left out), per form class
(verb, definite noun, indefinite noun). Writes rasad/data/events/reliability.tsv and prints a
2-fold cross-validated detection score (fit on one half, test on the other), the honest
estimate of what the table buys. Reads ../shared/data/events/gsr-dev (MIT, openeventdata).
Usage: ``python scripts/build_event_reliability.py``.
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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
SMOOTH = 2.0  # pseudo-sentences of prior evidence per pattern
HEADER = """# Reliability of event trigger patterns: smoothed share of true event sentences among the
#   dev sentences where a pattern fired, per form class (v = verb, d = definite noun,
#   i = indefinite noun). Used as Event.confidence and as the detection score.
# Source: computed from the Arabic event GSR dev set (openeventdata/arabic_event_gsr, MIT;
#   ../shared/data/events/gsr-dev), protest (root 14) and assault (roots 18-20) patterns only.
# Licence: Apache-2.0 (derived numbers). How built: scripts/build_event_reliability.py.
key\treliability\tfired\tyes
"""


def observations() -> list[tuple[str, int, bool, list[tuple[str, float]]]]:
    """(type, index, gold, [(key, default reliability)]) for every scored dev sentence."""
    out = []
    for kind, name in FILES.items():
        for i, row in enumerate(read_detection(GSR / name)):
            if row["label"] not in POSITIVE | NEGATIVE:
                continue
            found = [
                f
                for f in analyze(prepare(row["text"], DETECTION_STAGES))
                if f.code[:2] in TYPE_ROOTS[kind]
            ]
            keys = [(f.key, f.negated or f.modality != "asserted", f.evidence) for f in found]
            out.append((kind, i, row["label"] in POSITIVE, keys))
    return out


def fit(obs) -> dict[str, tuple[float, int, int]]:
    """key -> (reliability, fired, yes), shrunk toward the stage's default for the form."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, _, gold, keys in obs:
        for key in {k for k, _, _ in keys}:
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
    for _, _, gold, keys in obs:
        for _, off, evidence in keys:
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
    for k, off, evidence in keys:
        if not off and k in table:
            miss *= 1.0 - adjusted(table[k][0], evidence, weights)
    return 1.0 - miss >= threshold


def best_threshold(model, obs) -> float:
    """The threshold that maximizes F1 on the given observations."""
    grid = [x / 100 for x in range(5, 95)]
    return max(grid, key=lambda t: score((g, predict(model, k, t)) for _, _, g, k in obs)["f1"])


def cross_validate(obs, use_evidence: bool = True) -> dict[str, dict]:
    """2-fold CV detection scores per type (even/odd sentence halves)."""
    pairs: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for fold in (0, 1):
        train = [o for o in obs if o[1] % 2 != fold]
        test = [o for o in obs if o[1] % 2 == fold]
        model = (fit(train), fit_weights(train) if use_evidence else {})
        for kind in FILES:
            t = best_threshold(model, [o for o in train if o[0] == kind])
            pairs[kind] += [(g, predict(model, k, t)) for kd, _, g, k in test if kd == kind]
    return {kind: score(p) for kind, p in pairs.items()}


def main() -> int:
    """Fit on all of dev, write the table, print CV and resubstitution scores."""
    if not GSR.exists():
        print(f"missing {GSR}", file=sys.stderr)
        return 1
    obs = observations()
    print("2-fold cross-validated, patterns only:", cross_validate(obs, use_evidence=False))
    print("2-fold cross-validated, with evidence:", cross_validate(obs))
    table, weights = fit(obs), fit_weights(obs)
    model = (table, weights)
    print("evidence weights (log-odds):", weights)
    chosen = {}
    for kind in FILES:
        chosen[kind] = t = best_threshold(model, [o for o in obs if o[0] == kind])
        res = score((g, predict(model, k, t)) for kd, _, g, k in obs if kd == kind)
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
