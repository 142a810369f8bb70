"""Adapter over the actor lexicon (rasad/analyze/lexicon.py) for token matching.

Keeps the entity stage working (CRF and rules only) when the lexicon is not importable, and
separates outlet names that are common words (``cue_only``) from ordinary lookups.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from rasad.analyze.entities.match import Seg, core, first_forms, longest
from rasad.analyze.normalize import normalize

# Institution names (head + adjective: الجيش الاسرائيلي) are made on the fly by the lexicon, so
# keys up to this length are looked up even when no stored surface starts with them.
FREE_LEN = 3


@cache
def lexicon() -> Any:
    """The loaded actor lexicon, or None when it is not available."""
    try:
        from rasad.analyze.lexicon import load_lexicon
    except ImportError:
        return None
    return load_lexicon()


def _usable(entry: Any, cued: bool) -> bool:
    """Whether a lexicon entry may match here (cue-only outlet forms need a cue or quotes)."""
    return cued or not getattr(entry, "cue_only", False)


_LOOKUPS: dict[tuple[tuple[str, ...], bool], tuple | None] = {}


def _lookup(key: tuple[str, ...], cued: bool) -> tuple | None:
    """Usable entries for a key (memoized: the same n-grams recur across articles)."""
    hit = _LOOKUPS.get((key, cued), False)
    if hit is False:
        hit = tuple(e for e in lex_lookup(key, cued) if _usable(e, cued)) or None
        if len(_LOOKUPS) < 300_000:
            _LOOKUPS[(key, cued)] = hit
    return hit


@cache
def _prefixes() -> frozenset[tuple[str, ...]]:
    """Every prefix of every lexicon surface (to stop extending a match early)."""
    lex = lexicon()
    return frozenset(k[:n] for k in lex.surfaces() for n in range(1, len(k) + 1))


def match(segs: Sequence[Seg], i: int, cued: bool = False) -> tuple[int, tuple, int] | None:
    """Longest lexicon match at token i: (length, entries, letters dropped in front)."""
    lex = lexicon()
    if lex is None:
        return None
    heads = _heads()
    free = FREE_LEN if heads is None or any(f in heads for f, _ in first_forms(segs[i])) else 1
    return longest(
        segs, i, lex.first_tokens, lex.max_len, lambda k: _lookup(k, cued), _prefixes(), free
    )


@cache
def _heads() -> frozenset[str] | None:
    """First tokens of institution heads (made into names on the fly), None if not exposed."""
    heads = getattr(lexicon(), "_head_first", None)  # read-only peek; None: no pruning shortcut
    return frozenset(heads) if heads is not None else None


def lex_lookup(key: tuple[str, ...], cued: bool = False) -> tuple:
    """Entries for a normalized token tuple (cue-only outlet forms included when ``cued``)."""
    lex = lexicon()
    if lex is None:
        return ()
    found = tuple(lex.lookup(key))
    if cued and hasattr(lex, "lookup_cued"):
        found += tuple(e for e in lex.lookup_cued(key) if e not in found)
    return found


@lru_cache(maxsize=50_000)
def adjective(seg: Seg) -> str | None:
    """The country of a nationality adjective token (الإسرائيلي -> ISR), else None."""
    lex = lexicon()
    if lex is None or not seg[0]:
        return None
    return lex.adjective(seg[0]) or (lex.adjective(core(seg)) if seg[1] else None)


def role_at(entry: Any, date: str | None) -> Any:
    """The entry's role at a date (None without lexicon or role)."""
    lex = lexicon()
    if lex is None or not getattr(entry, "roles", None):
        return None
    return lex.role_at(entry, date)


@cache
def name_parts() -> dict[str, str]:
    """Normalized first and last words of the lexicon's person names -> "first"/"last"/"both"."""
    lx = lexicon()
    if lx is None:
        return {}
    from rasad.analyze.entities.rules import titles

    skip = titles().first  # titles written into some lexicon variants (الرئيس، المشير)
    out: dict[str, str] = {}
    for e in lx.entries():
        if e.type != "PER":
            continue
        for surface in getattr(e, "surfaces", ()) or (e.name_ar,):
            words = [w for w in normalize(surface).split() if w not in skip]
            if len(words) < 2:
                continue
            for w, part in ((words[0], "first"), (words[-1], "last")):
                out[w] = part if out.get(w, part) == part else "both"
    return out
