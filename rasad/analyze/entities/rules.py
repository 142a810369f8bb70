"""Context rules loaded from rasad/data/entities: titles before names, outlet cues, name particles.

All rules read normalized, clitic-segmented tokens (``Seg``); the word lists are data files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from rasad.analyze.entities.match import PhraseIndex, Seg
from rasad.analyze.normalize import normalize
from rasad.data.loader import read_tsv


@dataclass(frozen=True, slots=True)
class Title:
    """A title phrase: its English role ("" for honorifics) and whether it means 'counterpart'."""

    role: str
    counterpart: bool


@cache
def titles() -> PhraseIndex:
    """The title phrases (وزير الخارجية، الملك، نظيره...)."""
    rows = read_tsv("entities/titles.tsv")
    return PhraseIndex.from_strings(
        (r["title"], Title(r["role"], r["counterpart"] == "1")) for r in rows
    )


@cache
def outlet_cues() -> PhraseIndex:
    """Words that introduce an outlet name (وكالة، صحيفة، قناة، موقع...)."""
    return PhraseIndex.from_strings((r["cue"], True) for r in read_tsv("entities/outlet_cues.tsv"))


@cache
def particles() -> dict[str, str]:
    """Name-chain particles (normalized) -> position (inner: بن آل, lead: أبو عبد)."""
    return {normalize(r["particle"]): r["position"] for r in read_tsv("entities/particles.tsv")}


@cache
def descriptors() -> frozenset[str]:
    """Class nouns before place names that are not part of the name (دول، مدينة)."""
    return frozenset(normalize(r["word"]) for r in read_tsv("entities/descriptors.tsv"))


@cache
def club_cues() -> frozenset[str]:
    """Words after which a city's name is its sports club (فريق، مرمى، حارس)."""
    return frozenset(normalize(r["word"]) for r in read_tsv("entities/club_cues.tsv"))


@cache
def not_names() -> dict[str, str]:
    """Words never at the edge of a name (edge key, see ``edge_key``) -> kind (prep, verb...)."""
    return {edge_key(r["word"]): r["kind"] for r in read_tsv("entities/not_names.tsv")}


def edge_key(word: str) -> str:
    """A word's normalized form, keeping a final ى apart from ي (على is no علي)."""
    norm = normalize(word)
    letters = [c for c in word if c.isalpha()]
    if norm and letters and letters[-1] == "ى":
        return norm[:-1] + "ى"
    return norm


@cache
def common_count() -> int:
    """Corpus count above which a word is too common to be a name on its own (top ~400 words)."""
    try:
        from rasad.analyze.segment import wordfreq
    except ImportError:
        return 1 << 60
    counts = sorted(wordfreq().values(), reverse=True)
    return counts[min(400, len(counts) - 1)] if counts else 1 << 60


def is_common(word: str) -> bool:
    """Whether a normalized word is among the few hundred most frequent corpus words."""
    from rasad.analyze.segment import wordfreq

    return wordfreq().get(word, 0) > common_count()


def title_chain(
    segs: Sequence[Seg],
    i: int,
    adjective: Callable[[Seg], str | None],
    place: Callable[[Sequence[Seg], int], tuple[int, str | None]],
) -> tuple[int, list[Title], str | None] | None:
    """Titles starting at i with their modifiers: (end token, titles, country), or None.

    Covers "وزير الخارجية الإيراني"، "العاهل الأردني الملك"، "ولي عهد البحرين"، "رئيس حزب X"
    (``place`` gives the length and country of a GPE/ORG name at a position, (0, None) if none).
    """
    found: list[Title] = []
    country = None
    j = i
    while j < len(segs) and len(found) < 4:
        hit = titles().match(segs, j)
        if hit and (j == i or not segs[j][1]):
            found.append(hit[1])
            j += hit[0]
            continue
        if not found:
            return None
        adj = adjective(segs[j]) if segs[j][0] else None
        if adj:
            country = country or adj
            j += 1
            continue
        link = j + 1 < len(segs) and particles().get(segs[j][0]) == "link"
        n, where = place(segs, j + link) if not segs[j][1] else (0, None)
        n += link if n else 0
        if n:
            country = country or where
            j += n
            continue
        break
    return (j, found, country) if found else None
