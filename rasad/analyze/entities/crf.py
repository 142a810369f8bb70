"""The trained CRF (python-crfsuite) for names the lexicon does not know.

Labels are ANERcorp's BIO over PERS/LOC/ORG/MISC; ``spans`` turns a tag sequence into
``(first token, end token, type)`` with seqeval's conventions (an I- after O starts a span).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from rasad.analyze.entities.features import Seg, sentence_features, set_known
from rasad.data.loader import DATA_DIR

MODEL = DATA_DIR / "models" / "ner.crfsuite"


@cache
def tagger():
    """The loaded CRF tagger, or None when the model file or python-crfsuite is missing."""
    try:
        import pycrfsuite
    except ImportError:
        return None
    if not MODEL.exists():
        return None
    t = pycrfsuite.Tagger()
    t.open(str(MODEL))
    set_known(frozenset(attr for attr, _ in t.info().state_features))
    return t


def tag(
    segs: Sequence[Seg],
    hints: Sequence[Sequence[str]] | None = None,
    lo: int = 0,
    hi: int | None = None,
) -> list[str]:
    """BIO tags for a sentence, or for its tokens [lo, hi) seen in the sentence's context
    (all "O" without a model)."""
    t = tagger()
    hi = len(segs) if hi is None else hi
    if t is None or hi <= lo:
        return ["O"] * (hi - lo)
    return t.tag(sentence_features(segs, hints, lo, hi))


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` of a BIO sequence (end exclusive, seqeval style)."""
    out: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, t in enumerate([*tags, "O"]):
        if t == "O" and start is None:
            continue
        prefix, _, typ = t.partition("-")
        if start is not None and (prefix != "I" or typ != kind):
            out.append((start, i, kind))
            start, kind = None, None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = i, typ
    return out


def marginal_run(
    segs: Sequence[Seg], hints: Sequence[Sequence[str]], j: int, kind: str = "PERS"
) -> int:
    """End of a name of ``kind`` starting at j by the CRF's marginals (j if unlikely)."""
    t = tagger()
    if t is None or j >= len(segs):
        return j
    a, b = max(0, j - 3), min(len(segs), j + 7)  # a window: features are local
    t.set(sentence_features(segs[a:b], hints[a:b]))
    if t.marginal("B-" + kind, j - a) + t.marginal("I-" + kind, j - a) < 0.2:
        return j
    k = j + 1
    while k < b and t.marginal("I-" + kind, k - a) > 0.35:
        k += 1
    return k
