"""Person-name rules over lexicon matches: a surname after a different first name is someone else.

The lexicon lists bare surnames (غيتس، سليماني، نصر الله) as variants of the best-known bearer.
In "بيل غيتس" or "ليلى سليماني" the first name contradicts that bearer, so the whole name is an
unknown person; a bare surname later in the article then links to that person (link.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from rasad.analyze.entities import lex
from rasad.analyze.entities.match import Seg
from rasad.analyze.entities.recognize import Cand, name_start
from rasad.analyze.entities.rules import edge_key, is_common, not_names, particles
from rasad.analyze.entities.rules import titles as title_phrases
from rasad.analyze.normalize import normalize


@cache
def _surfaces(entry: Any) -> tuple[tuple[str, ...], ...]:
    """The entry's Arabic names as normalized word tuples, without leading titles."""
    skip = title_phrases().first
    out = []
    for s in getattr(entry, "surfaces", ()) or (entry.name_ar,):
        words = normalize(s or "").split()
        k = 0  # titles and their adjectives written into a variant (الرئيس التركي رجب ...)
        while k < len(words) - 1 and (words[k] in skip or words[k].startswith("ال")):
            k += 1
        if words[k:]:
            out.append(tuple(words[k:]))
    return tuple(out)


@cache
def firsts(entry: Any) -> frozenset[str]:
    """First words of the entry's multi-word names that are no tail of a longer one: its given
    names (حسن of حسن نصر الله, not نصر of the surname نصر الله)."""
    names = _surfaces(entry)
    return frozenset(
        w[0]
        for w in names
        if len(w) > 1 and not any(len(s) > len(w) and s[-len(w) :] == w for s in names)
    )


def surname_only(entry: Any, words: tuple[str, ...]) -> bool:
    """Whether the matched words are a strict tail of one of the entry's full names."""
    n = len(words)
    return words[0] not in firsts(entry) and any(
        len(s) > n and s[-n:] == words for s in _surfaces(entry)
    )


def _words(segs: Sequence[Seg], c: Cand) -> tuple[str, ...]:
    """The matched words as written, without the first word's proclitics (لسليماني)."""
    first = segs[c.i]
    return (first[0][len(first[1]) :],) + tuple(s[0] for s in segs[c.i + 1 : c.j])


def _first_name_before(tokens, segs: list[Seg], k: int, tags, hint, by_end) -> bool:
    """Whether token k looks like a given name: a one-word person found there, the CRF's PERS
    tag, a lexicon given name or the name slot after a title; never a title, particle,
    nationality adjective, common word or a word with the article."""
    t, seg = tokens[k], segs[k]
    if not t.is_word or seg[2] or seg[0] in particles() or title_phrases().lookup((seg[0],)):
        return False
    if lex.adjective(seg):
        return False
    prev = by_end.get(k + 1)
    if prev is not None:
        return prev.type == "PER" and prev.j - prev.i == 1 and not prev.entries
    if is_common(seg[0]) or seg[1] == "و":
        return False
    return (
        tags[k] == "B-PERS"
        or lex.name_parts().get(seg[0]) in ("first", "both")
        or "slot" in hint[k]
    )


def other_bearers(tokens, segs: list[Seg], found: list[Cand], tags, hint) -> list[Cand]:
    """Lexicon surname matches preceded by a conflicting first name become unknown persons
    spanning both (ليلى سليماني is not Qasem Soleimani)."""
    by_end = {c.j: c for c in found}
    drop: set[int] = set()
    out: list[Cand] = []
    for c in found:
        if c.type != "PER" or c.how != "lex" or not c.entries or c.i == 0:
            continue
        k = c.i - 1
        if tokens[k].sent != tokens[c.i].sent or not _first_name_before(
            tokens, segs, k, tags, hint, by_end
        ):
            continue
        words = _words(segs, c)
        pers = [e for e in c.entries if e.type == "PER"]
        if not pers or not all(surname_only(e, words) for e in pers):
            continue
        if any(segs[k][0] in firsts(e) for e in pers):
            continue
        prev = by_end.get(k + 1)
        drop.update({id(c)} | ({id(prev)} if prev is not None else set()))
        # A given name the segmenter split (ليلى -> ل + يلى) is whole unless the CRF split it.
        whole = "slot" in hint[k] or (prev is None and not tags[k].endswith("PERS"))
        start = tokens[k].start if whole else name_start(tokens[k])
        role = c.role or (prev.role if prev is not None else None)
        out.append(Cand(k, c.j, start, c.end, "PER", how="crf", role=role))
        out[-1].country = prev.country if prev is not None else None
    return [c for c in found if id(c) not in drop] + out


def split_org_person(tokens, segs: list[Seg], found: list[Cand]) -> list[Cand]:
    """A CRF organisation running into a person's name (معهد الجزيرة للدراسات فاطمة صمادي) ends
    before the first word that is a lexicon given name followed by bare (no article) words."""
    out: list[Cand] = []
    for c in found:
        k = _person_tail(segs, c) if c.type == "ORG" and c.how == "crf" else None
        if k is None:
            out.append(c)
            continue
        out.append(Cand(c.i, k, c.start, tokens[k - 1].end, "ORG", how="crf"))
        out.append(Cand(k, c.j, tokens[k].start, c.end, "PER", how="crf"))
    return out


def _person_tail(segs: list[Seg], c: Cand) -> int | None:
    """Start of a 2-3 word person name ending the span (None if none)."""
    parts = lex.name_parts()
    for k in range(max(c.i + 2, c.j - 3), c.j - 1):
        tail = segs[k : c.j]
        if parts.get(segs[k][0]) in ("first", "both") and all(not s[1] and not s[2] for s in tail):
            return k
    return None


def place_surnames(tokens, segs: list[Seg], found: list[Cand]) -> list[Cand]:
    """A one-word town right after a given name is the person's surname (محمد جيلان، فاطمة
    الزهراء): the given name and the town become one unknown person."""
    by_end = {c.j: c for c in found}
    drop: set[int] = set()
    out: list[Cand] = []
    for c in found:
        if c.type not in ("GPE", "LOC") or c.j - c.i != 1 or c.i == 0 or _country(c):
            continue
        k = c.i - 1
        prev = by_end.get(c.i)  # the given name must have been found as a person
        if prev is None or not (prev.type == "PER" and prev.j - prev.i == 1 and not prev.entries):
            continue
        if tokens[k].sent != tokens[c.i].sent or segs[c.i][1] or not _given(tokens[k], segs[k]):
            continue
        drop.update({id(c), id(prev)})
        out.append(Cand(k, c.j, prev.start, c.end, "PER", how="crf", role=prev.role))
        out[-1].country = prev.country
    return [c for c in found if id(c) not in drop] + out


def _country(c: Cand) -> bool:
    """Whether a place candidate is a country (never a surname)."""
    return any(getattr(e, "kind", "") == "country" for e in c.entries)


def _given(tok: Any, seg: Seg) -> bool:
    """A word written bare (no clitics) that is no preposition or verb (على is no علي)."""
    return (
        tok.is_word and not (seg[1] or seg[2] or seg[4]) and not not_names().get(edge_key(tok.text))
    )


def drop_adjectives(segs: list[Seg], found: list[Cand]) -> list[Cand]:
    """One-word CRF places that are nationality adjectives (السورية). (A feminine nisba after a
    noun, هجمات كيمياوية, was tried and dropped: on ANT it mostly hit real places after
    منطقة/قرية/جزيرة.)"""
    return [c for c in found if not (c.how == "crf" and _adjective_place(segs, c))]


def _adjective_place(segs: list[Seg], c: Cand) -> bool:
    return c.type in ("GPE", "LOC") and c.j - c.i == 1 and bool(lex.adjective(segs[c.i]))
