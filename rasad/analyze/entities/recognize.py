"""Mention recognition: lexicon longest match, context rules (titles, outlet cues, name chains,
quoted outlet names) and the CRF for names the lexicon does not know.

Works on the tokens of the tokens stage; a candidate covers tokens ``[i, j)`` and a text span
that leaves out proclitics and quotation marks (OUTPUT.md spans).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from rasad.analyze.entities import lex
from rasad.analyze.entities.features import clusters
from rasad.analyze.entities.match import Seg, core, first_forms
from rasad.analyze.entities.rules import (
    descriptors,
    is_common,
    outlet_cues,
    particles,
    title_chain,
    titles,
)
from rasad.analyze.normalize import TABLE, normalize
from rasad.data.loader import read_tsv

QUOTES = frozenset("\"«»“”„‘’'″‟")
CRF_TYPES = {"PERS": "PER", "LOC": "GPE", "ORG": "ORG"}
_DROPPED = frozenset(c for c, v in TABLE.items() if v is None)


@dataclass(slots=True)
class Cand:
    """A recognized mention: token range, text span, type, lexicon entries and apposition."""

    i: int
    j: int
    start: int
    end: int
    type: str
    entries: tuple = ()
    how: str = "lex"
    role: str | None = None
    country: str | None = None
    counterpart: bool = False


def segs_of(tokens: Sequence[Any]) -> list[Seg]:
    """The (norm, pre, det, stem, suf) of each token (empty norm for non-words)."""
    return [
        (t.norm, t.pre, t.det, t.stem, t.suf) if t.is_word else ("", "", "", "", "") for t in tokens
    ]


def letter_offset(tok: Any, letters: int) -> int:
    """Text offset after the first ``letters`` normalized letters of a token."""
    if letters == 0:
        return tok.start
    if letters == len(tok.pre):
        return tok.core_start
    seen = 0
    for k, c in enumerate(tok.text):
        if c in _DROPPED:
            continue
        if seen == letters:
            return tok.start + k
        seen += 1
    return tok.end


_HAMZA = frozenset("أإآ")
_CLITIC_LETTERS = frozenset("وبلفك")


def hamza_split(tok: Any) -> bool:
    """An unsegmented word written clitic letter + hamza-alef (بأول، وإيران، بأبهيلاش): the
    hamza marks the start of a word, so the first letter is a proclitic."""
    t = tok.text
    return len(t) > 3 and t[0] in _CLITIC_LETTERS and t[1] in _HAMZA


def name_start(tok: Any) -> int:
    """Text offset where a name in this token starts (after proclitics, also unsplit ones)."""
    return tok.start + 1 if hamza_split(tok) else tok.core_start


def entry_type(entries: tuple) -> str:
    """The type of the first lexicon entry."""
    return entries[0].type if entries else "ORG"


LEX, TITLE, CUE = 1, 2, 4
_STARTS: dict[Seg, int] = {}


def starts(seg: Seg) -> int:
    """Which phrase sets a token may start (LEX | TITLE | CUE bits), cached per token form."""
    bits = _STARTS.get(seg)
    if bits is None:
        forms = [f for f, _ in first_forms(seg)] if seg[0] else []
        lx = lex.lexicon()
        bits = (
            (LEX if lx is not None and _any_in(forms, lx.first_tokens) else 0)
            | (TITLE if _any_in(forms, titles().first) else 0)
            | (CUE if _any_in(forms, outlet_cues().first) else 0)
        )
        if len(_STARTS) < 200_000:
            _STARTS[seg] = bits
    return bits


def _any_in(forms: list[str], keys) -> bool:
    """Whether any of the forms is in ``keys`` (a set or a dict)."""
    return any(map(keys.__contains__, forms))


def start_bits(segs: Sequence[Seg]) -> list[int]:
    """``starts`` of every token."""
    return [info[0] for info in type_infos(segs)]


Info = tuple[int, bool, tuple[str, ...]]  # start bits, name-like, own hints
_INFO: dict[Seg, Info] = {}


def type_infos(segs: Sequence[Seg]) -> list[Info]:
    """What the recognizer needs of each token on its own, one cache lookup per token (the
    same word forms recur in every article)."""
    get = _INFO.get
    out = [get(seg) for seg in segs]
    for k, info in enumerate(out):
        if info is None:
            seg = segs[k]
            out[k] = info = (starts(seg), name_like(seg), word_hints(seg))
            if len(_INFO) < 200_000:
                _INFO[seg] = info
    return out


def gazetteer(
    tokens: Sequence[Any], segs: Sequence[Seg], bits: list[int] | None = None
) -> list[Cand]:
    """Greedy left-to-right longest lexicon matches (titles and class nouns trimmed off)."""
    bits = bits if bits is not None else start_bits(segs)
    out, after = [], 0
    for i in [k for k, b in enumerate(bits) if b & LEX]:
        if i < after:
            continue
        hit = _accept(segs, i, lex.match(segs, i))
        if not hit:
            continue
        n, entries, strip = hit
        if n == 1 and not strip and hamza_split(tokens[i]):
            continue  # بأول is ب + أول, not باول (Powell)
        k = _trim(segs, i, n, entries)
        start = letter_offset(tokens[k], strip if k == i else 0)
        out.append(Cand(k, i + n, start, tokens[i + n - 1].end, entry_type(entries), entries))
        after = i + n
    return out


def _accept(segs: Sequence[Seg], i: int, hit):
    """Drop matches that are common words (اليوم as an outlet) or disagreeing institutions."""
    if not hit:
        return None
    n, entries, _ = hit
    if n == 1 and entries[0].type in ("MEDIA", "PER") and is_common(segs[i][0]):
        # A surname frequent in the news is frequent because of its bearer (ترامب): only
        # first names and outlet names that are common words need a fuller context.
        if entries[0].type == "MEDIA" or not _surname(segs[i]):
            return None
    if n > 1 and entries[0].type == "ORG" and not _agrees(segs[i], segs[i + n - 1]):
        return None
    return hit


def _surname(seg: Seg) -> bool:
    """Whether a word is only ever the last word of the lexicon's person names."""
    parts = lex.name_parts()
    return any(parts.get(f) == "last" for f, _ in first_forms(seg))


def _feminine(word: str) -> bool:
    return word.endswith("ه") or word.endswith("ات")


def _agrees(head: Seg, last: Seg) -> bool:
    """A final nationality adjective agrees in gender with the head (not: وزير الخارجية الإسرائيلي)."""
    if not lex.adjective(last):
        return True
    return _feminine(core(head)) == _feminine(last[3] or last[0])


def _trim(segs: Sequence[Seg], i: int, n: int, entries: tuple) -> int:
    """First token of the name proper: after a leading title (PER) or class noun (دول الخليج)."""
    if entries[0].type == "PER":
        chain = title_chain(segs, i, lex.adjective, lambda s, j: (0, None))
        if chain and i < chain[0] < i + n:
            return chain[0]
    cut = 1 if n > 1 and core(segs[i]) in descriptors() else 0
    if entries[0].type == "MEDIA":  # وكالة رويترز -> رويترز (the cue is no part of the name)
        cue = outlet_cues().match(segs, i)
        cut = cue[0] if cue and cue[0] < n else 0
    media = entries[0].type == "MEDIA"  # a cue is never part of an outlet's name in the text
    if not cut or (not media and _named_with(entries, segs[i : i + cut])):
        return i
    if set(lex.lex_lookup(tuple(s[0] for s in segs[i + cut : i + n]))) & set(entries):
        return i + cut  # only when the rest names the same actor
    return i


def _named_with(entries: tuple, head: Sequence[Seg]) -> bool:
    """Whether the actor's own Arabic name starts with these words (حلف الناتو keeps حلف)."""
    name = normalize(entries[0].name_ar or "").split()
    return name[: len(head)] == [core(s) for s in head]


def place_at(by_start: dict[int, Cand]):
    """A ``place`` callback for title chains: GPE/ORG/LOC names found by the gazetteer."""

    def place(segs: Sequence[Seg], j: int) -> tuple[int, str | None]:
        c = by_start.get(j)
        if c and c.type in ("GPE", "ORG", "LOC"):
            return c.j - c.i, getattr(c.entries[0], "country", None) if c.entries else None
        return 0, None

    return place


@dataclass(slots=True)
class Scan:
    """One pass of the rules over a sentence or article: lexicon names, title chains, cues."""

    found: list[Cand]
    chains: list[tuple[int, int, list[Any], str | None]]  # (first, name slot, titles, country)
    cues: list[tuple[int, int]]  # (cue start, token after the cue)
    infos: list[Info]  # type_infos of the tokens


def scan(segs: Sequence[Seg], tokens: Sequence[Any] | None = None) -> Scan:
    """Gazetteer matches, title chains and outlet cues (tokens=None: no text offsets)."""
    infos = type_infos(segs)
    all_bits = [info[0] for info in infos]
    found = gazetteer(tokens, segs, all_bits) if tokens is not None else gazetteer_segs(segs)
    place = place_at({c.i: c for c in found})
    chains, cues = [], []
    skip = 0
    for i, bits in enumerate(all_bits):
        if not bits:
            continue
        if i >= skip and bits & TITLE:
            chain = title_chain(segs, i, lex.adjective, place)
            if chain:
                chains.append((i, chain[0], chain[1], chain[2]))
                skip = chain[0]
        if bits & CUE:
            hit = outlet_cues().match(segs, i)
            if hit:
                cues.append((i, i + hit[0]))
    return Scan(found, chains, cues, infos)


def hints(segs: Sequence[Seg], sc: Scan | None = None) -> list[list[str]]:
    """Per-token hint features for the CRF: lexicon tags, titles, name slots, cues, adjectives."""
    sc = sc or scan(segs)
    out: list[list[str]] = [list(info[2]) for info in sc.infos]
    for c in sc.found:
        out[c.i].append("lex=B-" + c.type)
        for k in range(c.i + 1, c.j):
            out[k].append("lex=I-" + c.type)
    for i, j, _, _ in sc.chains:
        for k in range(i, j):
            out[k].append("title")
        if j < len(segs):
            out[j].append("slot")
    for i, _ in sc.cues:
        out[i].append("cue")
    return out


_WORD_HINTS: dict[Seg, tuple[str, ...]] = {}


def word_hints(seg: Seg) -> tuple[str, ...]:
    """Hints of a token on its own: nationality adjective, name particle, lexicon name part."""
    parts, names = particles(), lex.name_parts()
    out = []
    if seg[0] and lex.adjective(seg):
        out.append("adj")
    if seg[0] in parts:
        out.append("part=" + parts[seg[0]])
    name = names.get(seg[0]) or names.get(core(seg))
    if name:
        out.append("pname=" + name)
    if len(_WORD_HINTS) < 200_000:
        _WORD_HINTS[seg] = tuple(out)
    return tuple(out)


def gazetteer_segs(segs: Sequence[Seg]) -> list[Cand]:
    """Gazetteer matches over segments only (training time: no text offsets)."""
    out, i = [], 0
    while i < len(segs):
        hit = _accept(segs, i, lex.match(segs, i)) if starts(segs[i]) & LEX else None
        if not hit:
            i += 1
            continue
        out.append(Cand(i, i + hit[0], 0, 0, entry_type(hit[1]), hit[1]))
        i += hit[0]
    return out


GATE = "models/ner_gate.tsv"
GATE_RATE = 0.2  # clusters at least this often inside names send their words to the CRF
_NAME_LIKE: dict[Seg, bool] = {}


@cache
def gate_clusters() -> frozenset[str]:
    """Word clusters whose words are often inside names (ANERcorp train; see train_ner.py)."""
    try:
        return frozenset(r["cluster"] for r in read_tsv(GATE) if float(r["rate"]) >= GATE_RATE)
    except FileNotFoundError:
        return frozenset()


def name_like(seg: Seg) -> bool:
    """Whether a token may be (part of) a name the lexicon missed: rare or in a name-like cluster."""
    hit = _NAME_LIKE.get(seg)
    if hit is None:
        c = clusters().get(core(seg)) or clusters().get(seg[0])
        hit = bool(seg[0]) and (c is None or c[0] in gate_clusters())
        if len(_NAME_LIKE) < 200_000:
            _NAME_LIKE[seg] = hit
    return hit


def name_like_all(segs: Sequence[Seg]) -> list[bool]:
    """``name_like`` of every token."""
    return [info[1] for info in type_infos(segs)]


def covered(found: list[Cand], n: int) -> list[Cand | None]:
    """Which candidate covers each token."""
    cover: list[Cand | None] = [None] * n
    for c in found:
        for k in range(c.i, c.j):
            cover[k] = c
    return cover
