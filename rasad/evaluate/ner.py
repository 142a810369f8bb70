"""NER evaluation on CoNLL files (``token TAG`` lines, BIO, blank line between sentences).

Exact-span scoring with seqeval's conventions (an I- tag after O or after another type starts
an entity). Our types are mapped onto the gold scheme (PER->PERS, GPE/LOC->LOC, ORG/MEDIA->ORG
by default); gold types with no system counterpart (MISC) are ignored on both sides.
The dev split is the last 10% of sentences (the first 90% train the CRF).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rasad.analyze.entities.crf import spans

Sentence = list[tuple[str, str]]
TAG_MAP = {"PER": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "MEDIA": "ORG"}
DEV_FRACTION = 0.1


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a CoNLL file as lists of (token, tag); bad lines raise ValueError."""
    sents: list[Sentence] = []
    cur: Sentence = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            if len(parts) < 2:
                raise ValueError(f"{path}:{n}: expected 'token TAG', got {line.strip()!r}")
            cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def select_split(sents: list[Sentence], which: str) -> list[Sentence]:
    """The "train" (first 90%), "dev" (last 10%) or "all" sentences."""
    cut = len(sents) - int(round(len(sents) * DEV_FRACTION))
    if which == "all":
        return sents
    if which == "train":
        return sents[:cut]
    if which == "dev":
        return sents[cut:]
    raise ValueError(f"unknown split {which!r} (all, train, dev)")


def gold_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Exact spans of a gold BIO sequence."""
    return set(spans(tags))


def sentence_text(words: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The words joined by spaces and each word's character span."""
    offsets, pos = [], 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    return " ".join(words), offsets


def char_to_words(
    found: Iterable[tuple[int, int, str]], offsets: Sequence[tuple[int, int]]
) -> set[tuple[int, int, str]]:
    """Character spans (start, end, type) as word spans (first word, end word, type)."""
    out = set()
    for s, e, typ in found:
        words = [k for k, (a, b) in enumerate(offsets) if a < e and s < b]
        if words:
            out.add((words[0], words[-1] + 1, typ))
    return out


CONVENTIONS = ("rasad", "anercorp")


def recognize(
    words: Sequence[str], system: str, convention: str = "rasad"
) -> set[tuple[int, int, str]]:
    """Our entities over a sentence's words, as word spans with our types.

    ``convention="anercorp"`` leaves out state institutions (الحكومة السودانية، الجيش اللبناني),
    which rasad tags as ORG and ANERcorp never tags: a measure of how much of the gap to the
    corpus is annotation convention rather than error.
    """
    from rasad.analyze.entities.context import recognize as recognize_tokens
    from rasad.analyze.tokens import tokenize

    text, offsets = sentence_text(words)
    cands = recognize_tokens(tokenize(text), crf_only=system == "crf")
    if convention == "anercorp":
        cands = [c for c in cands if not _institution(c)]
    return char_to_words([(c.start, c.end, c.type) for c in cands], offsets)


def _institution(cand: Any) -> bool:
    """Whether a candidate is a state institution made from institutions.tsv (head + country)."""
    from rasad.data.loader import read_tsv

    global _KINDS
    if _KINDS is None:
        _KINDS = frozenset(r["kind"] for r in read_tsv("actors/institutions.tsv"))
    return any(getattr(e, "kind", "") in _KINDS for e in cand.entries)


_KINDS: frozenset[str] | None = None


OUR_TYPES = frozenset(TAG_MAP)


def our_map(tag_map: dict[str, str] | None) -> dict[str, str]:
    """Our type -> gold tag. Accepts either direction: {"PER": "PERS"} (ours -> file) or
    {"PERS": "PER", "LOC": "GPE"} (file -> ours, as ``--tag-map FILE_TAG=TYPE`` gives it)."""
    if not tag_map:
        return dict(TAG_MAP)
    if set(tag_map) <= OUR_TYPES:
        return dict(tag_map)
    out = {}
    for gold, ours in tag_map.items():
        if ours in OUR_TYPES and ours != gold:
            out[ours] = gold
        else:  # PERS=PERS, LOC=LOC: keep our default types for that gold tag
            out.update({t: g for t, g in TAG_MAP.items() if g == gold})
    return out


def evaluate_ner(
    path: str | Path,
    *,
    split: str = "all",
    tag_map: dict[str, str] | None = None,
    system: str = "full",
    convention: str = "rasad",
) -> dict[str, Any]:
    """Precision/recall/F1 per type, micro and macro, and type confusions, of our recognizer
    (``convention="anercorp"``: state institutions left out, see ``recognize``)."""
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown convention {convention!r} ({', '.join(CONVENTIONS)})")
    tag_map = our_map(tag_map)
    sents = select_split(read_conll(path), split)
    types = sorted(set(tag_map.values()))
    tp, fp, fn, confusion = Counter(), Counter(), Counter(), Counter()
    for sent in sents:
        words = [w for w, _ in sent]
        gold = {s for s in gold_spans([t for _, t in sent]) if s[2] in types}
        found = recognize(words, system, convention)
        pred = {(s, e, tag_map[t]) for s, e, t in found if t in tag_map}
        _count(gold, pred, tp, fp, fn, confusion)
    report = _report(types, tp, fp, fn, confusion, len(sents), system)
    report["convention"] = convention
    return report


def _count(gold, pred, tp, fp, fn, confusion) -> None:
    """Add one sentence's true/false positives and same-span type confusions."""
    for s in pred & gold:
        tp[s[2]] += 1
    for s in pred - gold:
        fp[s[2]] += 1
    for s in gold - pred:
        fn[s[2]] += 1
    by_span = {(s, e): t for s, e, t in gold}
    for s, e, t in pred - gold:
        if (s, e) in by_span:
            confusion[f"{by_span[(s, e)]}->{t}"] += 1


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1 and counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def _report(types, tp, fp, fn, confusion, n, system) -> dict[str, Any]:
    per_type = {t: prf(tp[t], fp[t], fn[t]) for t in types}
    micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    macro = {
        k: round(sum(v[k] for v in per_type.values()) / len(types), 4)
        for k in ("precision", "recall", "f1")
    }
    return {
        "system": system,
        "sentences": n,
        "types": per_type,
        "micro": micro,
        "macro": macro,
        "confusion": dict(confusion.most_common()),
    }
