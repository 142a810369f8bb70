"""Search keys: normalized, clitic-stripped word stems for the full-text index and its queries.

The index and the queries must segment words the same way, so the database records which
segmenter built it (``meta.fts_segmenter``) and queries use that one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rasad.analyze.normalize import normalize

_WORD = re.compile(r"\w+")
# Closed class: the Arabic proclitic conjunctions and prepositions (normalized forms).
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_MIN_STEM = 2


def fallback_segment(word: str) -> tuple[str, str, str, str]:
    """Strip proclitics (و ف, then ب ل ك, then ال / لل) from a normalized word."""
    pre = ""
    if len(word) > _MIN_STEM + 1 and word[0] in _CONJ:
        pre, word = word[0], word[1:]
    if word.startswith("لل") and len(word) > _MIN_STEM + 2:
        return pre + "ل", "ل", word[2:], ""
    if len(word) > _MIN_STEM + 1 and word[0] in _PREP and word[1:3] == "ال":
        pre, word = pre + word[0], word[1:]
    if word.startswith("ال") and len(word) > _MIN_STEM + 2:
        return pre, "ال", word[2:], ""
    return pre, "", word, ""


def _tokens_segment() -> Callable[[str], tuple[str, str, str, str]] | None:
    try:
        from rasad.analyze.tokens import segment
    except Exception:  # absent, or mid-edit by its author: fall back
        return None
    return segment


def default_segmenter() -> str:
    """The best segmenter available: ``tokens`` (rasad.analyze.tokens) or ``fallback``."""
    return "tokens" if _tokens_segment() is not None else "fallback"


@lru_cache(maxsize=8)
def stemmer(name: str) -> Callable[[str], str]:
    """A cached word -> stem function for a segmenter name."""
    seg = _tokens_segment() if name == "tokens" else None
    if name == "tokens" and seg is None:
        raise RuntimeError("this database was indexed with rasad.analyze.tokens, which is missing")
    seg = seg or fallback_segment

    @lru_cache(maxsize=300_000)
    def stem(word: str) -> str:
        try:
            return seg(word)[2] or word
        except Exception:  # a segmenter bug must not lose the word from the index
            return word

    return stem


def words(text: str) -> list[str]:
    """The normalized words of a text."""
    return _WORD.findall(normalize(text))


def search_body(text: str, segmenter: str) -> str:
    """The indexed form of a text: normalized word stems separated by spaces."""
    stem = stemmer(segmenter)
    return " ".join(stem(w) for w in words(text))


def query_terms(
    query: str, segmenter: str, known: Callable[[str], str | None] | None = None
) -> list[list[str]]:
    """A user query as phrases of stems (a quoted part is one phrase, other words one each).

    ``known`` looks a word's stem up in the database first: queries then need not load the
    segmenter's lexicon (seconds) for words the corpus already has.
    """
    seg = stemmer(segmenter)

    def stem(w: str) -> str:
        return (known(w) if known else None) or seg(w)

    phrases: list[list[str]] = []
    for quoted, bare in re.findall(r'"([^"]*)"|(\S+)', query):
        words = [stem(w) for w in _WORD.findall(normalize(quoted or bare))]
        if quoted and words:
            phrases.append(words)
        elif not quoted:
            phrases.extend([w] for w in words)
    return phrases


def fts_query(phrases: list[list[str]]) -> str:
    """An FTS5 MATCH expression requiring every phrase."""
    return " AND ".join('"' + " ".join(p).replace('"', "") + '"' for p in phrases if p)
