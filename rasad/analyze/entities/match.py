"""Longest-match of normalized phrases over clitic-segmented tokens.

A phrase's first token may carry proclitics (والسعودية، لطهران، للأمم); later tokens are matched
on their whole normalized form or on their det+stem core. ``Seg`` is ``(norm, pre, det, stem, suf)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rasad.analyze.normalize import normalize

Seg = tuple[str, str, str, str, str]
# Proclitics tried on words the segmenter kept whole, longest first.
_PROCLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")


def core(seg: Seg) -> str:
    """det + stem with a contracted لل restored to ال (للأمم -> الامم)."""
    _, _, det, stem, suf = seg
    return ("ال" if det else "") + stem


_FORMS: dict[Seg, tuple[tuple[str, int], ...]] = {}


def first_forms(seg: Seg) -> tuple[tuple[str, int], ...]:
    """Forms a phrase-initial token may match, each with how many letters it drops in front."""
    forms = _FORMS.get(seg)
    if forms is None:
        forms = _first_forms(seg)
        if len(_FORMS) < 200_000:
            _FORMS[seg] = forms
    return forms


def _first_forms(seg: Seg) -> tuple[tuple[str, int], ...]:
    """Compute first_forms (uncached).

    The whole form, det+stem (with and without the enclitic), and, for words the segmenter
    kept whole (unknown names: وأشكينازي), the word without a leading proclitic.
    """
    norm, pre, det, stem, suf = seg
    forms = [(norm, 0)]
    for f in (("ال" if det else "") + stem + suf, core(seg)):
        if f != norm and all(f != g for g, _ in forms):
            forms.append((f, len(pre)))
    if not pre and len(norm) > 3:
        forms.extend((norm[len(p) :], len(p)) for p in _PROCLITICS if norm.startswith(p))
    return tuple(forms)


def inner_forms(seg: Seg) -> tuple[str, ...]:
    """Forms a phrase-internal token may match: whole, or det+stem."""
    c = core(seg)
    return (seg[0],) if c == seg[0] else (seg[0], c)


class PhraseIndex:
    """A set of normalized token phrases with values, for longest match over Segs."""

    def __init__(self, phrases: Iterable[tuple[Sequence[str], Any]]) -> None:
        self.table: dict[tuple[str, ...], Any] = {}
        for toks, value in phrases:
            self.table.setdefault(tuple(toks), value)
        self.first = {k[0] for k in self.table}
        self.prefixes = {k[:n] for k in self.table for n in range(1, len(k) + 1)}
        self.max_len = max((len(k) for k in self.table), default=0)

    @classmethod
    def from_strings(cls, rows: Iterable[tuple[str, Any]]) -> PhraseIndex:
        """Index Arabic phrases given as plain strings (normalized and split on spaces)."""
        return cls((tuple(normalize(s).split()), v) for s, v in rows)

    def lookup(self, key: tuple[str, ...]) -> Any:
        """The value of an exact phrase, or None."""
        return self.table.get(key)

    def match(self, segs: Sequence[Seg], i: int) -> tuple[int, Any, int] | None:
        """Longest phrase starting at token i: (length, value, letters dropped in front)."""
        return longest(segs, i, self.first, self.max_len, self.lookup, self.prefixes)


def longest(
    segs: Sequence[Seg],
    i: int,
    first: set[str] | frozenset[str],
    max_len: int,
    lookup: Callable[[tuple[str, ...]], Any],
    prefixes: set[tuple[str, ...]] | frozenset | None = None,
    free_len: int = 0,
) -> tuple[int, Any, int] | None:
    """Longest match at token i through any lookup: (length, value, letters dropped in front)."""
    best = None
    for f, fi in first_forms(segs[i]):
        if f not in first:
            continue
        keys = [(f,)]
        for n in range(1, max_len + 1):
            for key in keys:
                hit = lookup(key)
                if hit and (best is None or n > best[0]):
                    best = (n, hit, fi)
            j = i + n
            if j >= len(segs) or n == max_len or not segs[j][0]:
                break
            if prefixes is None:  # no prefix set to prune with: whole forms only
                keys = [k + (segs[j][0],) for k in keys]
                continue
            keys = [k + (g,) for k in keys for g in inner_forms(segs[j])]
            if n + 1 > free_len:
                keys = [k for k in keys if k in prefixes]
                if not keys:
                    break
    return best
