"""CRF features for named-entity tagging: word shape, affixes, clitic segments, clusters, lexicon.

A token is described by its segments ``(norm, pre, det, stem, suf)`` (the Token contract), so the
same features serve ANERcorp's whitespace words at training time and rasad's tokens at run time.
Per-form features are cached, so a sentence costs little more than list concatenations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from rasad.data.loader import read_tsv

Seg = tuple[str, str, str, str, str]  # norm, pre, det, stem, suf
CLUSTERS = "models/clusters.tsv.gz"
# Neighbour offsets whose own features are copied with an offset prefix.
_WINDOW = (-2, -1, 1, 2)


@cache
def clusters() -> dict[str, tuple[str, str]]:
    """Normalized word -> (fine, coarse) cluster ids (empty if the clusters file is missing)."""
    try:
        return {r["word"]: (r["fine"], r["coarse"]) for r in read_tsv(CLUSTERS)}
    except FileNotFoundError:
        return {}


_AR_RE = re.compile("[\u0621-\u064a]+")


def shape(word: str) -> str:
    """A coarse shape class: arabic, latin, digit, mixed or punct."""
    if not word:
        return "empty"
    if _AR_RE.fullmatch(word):
        return "ar"
    if word.isdigit():
        return "digit"
    if word.isascii() and word.isalnum():
        return "latin"
    if any(c.isalnum() for c in word):
        return "mixed"
    return "punct"


# Attributes the loaded model has weights for (None: keep all, as when training). Others
# would be ignored by the tagger anyway; dropping them early saves most of the tagging time.
_KNOWN: frozenset[str] | None = None


def set_known(attrs: frozenset[str] | None) -> None:
    """Keep only these attributes in features from now on (None: all); clears the caches."""
    global _KNOWN, _BI_HEADS
    _KNOWN = attrs
    _BI_HEADS = _bigram_heads(attrs)
    word_features.cache_clear()
    _RECORDS.clear()


def _kept(feats: tuple[str, ...]) -> tuple[str, ...]:
    known = _KNOWN
    return feats if known is None else tuple([f for f in feats if f in known])


@lru_cache(maxsize=100_000)
def word_features(seg: Seg) -> tuple[str, ...]:
    """Features of one token on its own that the model knows (cached per segmentation)."""
    return _kept(_all_word_features(seg))


@lru_cache(maxsize=100_000)
def _all_word_features(seg: Seg) -> tuple[str, ...]:
    """Features of one token on its own (cached per segmentation)."""
    norm, pre, det, stem, suf = seg
    core = det + stem if det != "ل" else "ال" + stem
    cl = clusters()
    fine, coarse = cl.get(core) or cl.get(norm) or cl.get(stem) or ("none", "none")
    n = len(stem)
    return (
        "w=" + norm,
        "core=" + core,
        "stem=" + stem,
        "pre=" + pre,
        "det=" + det,
        "suf=" + suf,
        "p2=" + stem[:2],
        "p3=" + stem[:3],
        "s2=" + stem[-2:],
        "s3=" + stem[-3:],
        "shape=" + shape(norm),
        "len=" + (str(n) if n < 8 else "8+"),
        "c=" + fine,
        "cc=" + coarse,  # _context reads items 1, 10, 12, 13 by position: append below
        "p4=" + stem[:4],
        "s4=" + stem[-4:],
        *_unsplit(norm, pre, cl),
    )


def _unsplit(norm: str, pre: str, cl: dict[str, tuple[str, str]]) -> tuple[str, ...]:
    """For words the segmenter kept whole (unknown names), the word without a first و/ب/ل/ف/ك."""
    if pre or len(norm) < 5 or norm[0] not in "وبلفك":
        return ()
    rest = norm[1:]
    return ("rest=" + rest, "restc=" + (cl.get(rest) or ("none",))[0])


# Per token form: (its own features with "bias", what it tells the token 2 after it, 1 after
# it, 1 before it, 2 before it); one lookup per token, bounded (a full cache just stops growing).
Record = tuple[tuple[str, ...], ...]
_RECORDS: dict[Seg, Record] = {}
_PAD: Record = ((), ("-2pad",), ("-1pad",), ("+1pad",), ("+2pad",))


def _record(seg: Seg) -> Record:
    """The cached ``Record`` of a token form (built from its own features)."""
    rec = _RECORDS.get(seg)
    if rec is None:
        rec = _build_record(seg)
        if len(_RECORDS) < 100_000:
            _RECORDS[seg] = rec
    return rec


def _build_record(seg: Seg) -> Record:
    """Own features and what a token tells its neighbours (farther ones: its cluster only)."""
    own = _all_word_features(seg)
    core, fine, coarse, sh = own[1][5:], own[12][2:], own[13][3:], own[10][6:]
    stem = seg[3]
    return (
        ("bias", *_kept(own)),
        _kept(("-2c=" + fine,)),
        _kept(
            ("-1core=" + core, "-1stem=" + stem, "-1c=" + fine, "-1cc=" + coarse, "-1shape=" + sh)
        ),
        _kept(
            ("+1core=" + core, "+1stem=" + stem, "+1c=" + fine, "+1cc=" + coarse, "+1shape=" + sh)
        ),
        _kept(("+2c=" + fine,)),
    )


def _bigram_heads(known: frozenset[str] | None) -> frozenset[str] | None:
    """Stems that may start a known stem bigram (a cheap pre-test; None: all may)."""
    if known is None:
        return None
    out = set()
    for attr in known:
        if attr.startswith("bi-1="):
            pos = attr.find("|", 5)
            while pos >= 0:  # a stem could hold "|": keep every possible split
                out.add(attr[5:pos])
                pos = attr.find("|", pos + 1)
    return frozenset(out)


_BI_HEADS: frozenset[str] | None = None


def sentence_features(
    segs: Sequence[Seg],
    hints: Sequence[Sequence[str]] | None = None,
    lo: int = 0,
    hi: int | None = None,
) -> list[list[str]]:
    """Feature lists for a sentence, or for its tokens [lo, hi) with the whole sentence as their
    context; ``hints`` adds per-token extra features (lexicon, titles)."""
    n = len(segs)
    hi = n if hi is None else hi
    # Records of the tokens around [lo, hi), padded at the sentence's edges.
    a, b = max(0, lo - 2), min(n, hi + 2)
    get = _RECORDS.get
    own = [get(s) or _record(s) for s in segs[a:b]]
    recs = [*((_PAD,) * (2 - (lo - a))), *own, *((_PAD,) * (2 - (b - hi)))]
    heads = _BI_HEADS
    known = _KNOWN
    out = []
    for i in range(lo, hi):
        k = i - lo  # recs[k + 2] is token i
        feats = [*recs[k + 2][0], *recs[k][1], *recs[k + 1][2], *recs[k + 3][3], *recs[k + 4][4]]
        if i > 0:
            prev = segs[i - 1][3]
            if heads is None or prev in heads:
                bi = "bi-1=" + prev + "|" + segs[i][3]
                if known is None or bi in known:
                    feats.append(bi)
        if hints:
            feats += hints[i]
            if i > 0 and hints[i - 1]:
                feats += ["-1" + h for h in hints[i - 1]]
            if i + 1 < n and hints[i + 1]:
                feats += ["+1" + h for h in hints[i + 1]]
        out.append(feats)
    return out
