"""Descriptor phrases and passive frames: who a role noun names, and agentless verb frames.

"اغتالت إسرائيل القيادي في حماس صالح العاروري": the object is the person the descriptor phrase
ends in, not the group inside it; "اعتقلت القوات القيادي في حركة حماس" names no person, so the
phrase stands for the group. "ألقي القبض على X"، "قبض على X": a frame verb followed at once by its
preposition, with no subject, is passive (X is the target, there is no source).
Data: ``rasad/data/events/descriptor_heads.tsv``, ``rasad/data/events/passive_frames.tsv``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rasad.analyze.normalize import normalize, strip_diacritics
from rasad.data.loader import read_tsv
from rasad.extract.events.doc import PREPOSITIONS, Doc, M
from rasad.extract.events.lexicon import canon_set, core
from rasad.extract.events.phrases import conjuncts, is_break

QUOTE_CHARS = frozenset({'"', "«", "»", "“", "”", "'"})
PHRASE_WORDS = 6  # words a descriptor phrase may span before its name
# The group a role belongs to: "القيادي في حماس"، "القيادي بحركة حماس"، "زعيم تنظيم داعش".
AFFILIATION_PREPS = frozenset({"", "في", "ب", "ل"})


@cache
def descriptor_heads() -> frozenset[str]:
    """Canonical forms of role nouns that head a descriptor phrase (cached)."""
    return frozenset(core(r["word"]) for r in read_tsv("events/descriptor_heads.tsv"))


@cache
def passive_frames() -> tuple[tuple[str, ...], ...]:
    """Verb frames (normalized words) that are passive when nothing splits them (cached)."""
    rows = read_tsv("events/passive_frames.tsv")
    return tuple(tuple(normalize(w) for w in r["frame"].split()) for r in rows)


def is_descriptor(tok: Any) -> bool:
    """Whether a word is a role noun heading a descriptor phrase (القيادي، زعيم، الناشط)."""
    return tok.is_word and bool(canon_set(tok.norm) & descriptor_heads())


def _affiliation(m: M, head: int) -> bool:
    """A group after في/ب or in construct; a country only right after the head ("زعيم كوريا
    الشمالية"; "زعيم المتمردين في العاصمة الإثيوبية" names a place)."""
    if m.prep not in AFFILIATION_PREPS or m.conj:
        return False
    return m.type == "ORG" or (m.type == "GPE" and not m.prep and m.first == head + 1)


def descriptor_phrase(doc: Doc, i: int, end: int) -> tuple[M | None, int]:
    """The person a descriptor phrase at token i names (else its group) and where it stops."""
    if i >= end or i in doc.by_token or not is_descriptor(doc.tokens[i]):
        return None, i
    if getattr(doc.tokens[i], "pre", "")[-1:] in ("ل", "ب"):
        return None, i  # "دعوة لأمير السعودية": a prepositional phrase, no argument here
    group: M | None = None
    j, words = i + 1, 0
    while j < end and words <= PHRASE_WORDS:
        m = doc.by_token.get(j)
        if m is not None and m.first == j:
            if m.type == "PER" and not m.prep and not m.conj:
                return m, m.last + 1
            if not _affiliation(m, i):
                break
            group = group or m
            j = m.last + 1
            continue
        tok = doc.tokens[j]
        if j in doc.barriers or is_break(tok) or tok.text in ("،", ","):
            break
        if tok.norm in PREPOSITIONS and tok.norm != "في" or tok.norm == "و":
            break
        if tok.is_word and getattr(tok, "pre", "")[:1] == "و" and is_descriptor(tok):
            return None, j  # "العضو في القاعدة وزعيم الحركة ... عمر": the name comes later
        words += tok.is_word
        j += 1
    return group, j


def descriptor_at(doc: Doc, i: int, end: int, preps: tuple[str, ...] = ()) -> M | None:
    """The phrase's name at token i, or after a free preposition of ``preps`` at i."""
    while i < end and doc.tokens[i].text in QUOTE_CHARS:
        i += 1
    if i >= end:
        return None
    if doc.tokens[i].norm in preps and i not in doc.by_token:
        i += 1  # "اعتدى على الناشط X"
    elif "obj" not in preps and not (i > 0 and doc.tokens[i - 1].norm in preps):
        return None  # a bare phrase is no object of a verb that takes a preposition
    return descriptor_phrase(doc, i, end)[0]


def descriptor_args(
    doc: Doc, i: int, end: int, preps: tuple[str, ...], bare: bool = True
) -> list[M]:
    """The argument list a descriptor phrase at token i stands for: the person (with the
    names conjoined to it) or, with no name, the group. Without ``bare`` (right after an
    active verb, where a bare phrase is the subject) only a prepositional phrase counts."""
    if not bare:
        preps = tuple(p for p in preps if p != "obj")
    named = descriptor_at(doc, i, end, preps)
    if named is None:
        return []
    return conjuncts(doc, named, end) if named.type == "PER" else [named]


def descriptor_before(doc: Doc, first: int) -> M | None:
    """A descriptor phrase ending right before token ``first`` ("القيادي في حماس يتهم")."""
    sent = doc.tokens[first].sent
    for k in range(first - 1, max(first - PHRASE_WORDS - 3, -1), -1):
        if doc.tokens[k].sent != sent or is_break(doc.tokens[k]):
            return None
        m, stop = descriptor_phrase(doc, k, first)
        if m is not None:
            return _apposed(doc, k) or m if stop == first and _ends_at(doc, m, first) else None
    return None


def _ends_at(doc: Doc, m: M, first: int) -> bool:
    """Whether the phrase's name stands right before the verb (quotes aside): "المتحدث باسم
    حماس في بيان: إذا استهدفت" is no subject of استهدفت."""
    return all(not t.is_word for t in doc.tokens[m.last + 1 : first])


def _apposed(doc: Doc, k: int) -> M | None:
    """The name the descriptor is in apposition to ("وتركيا العضو في حلف الأطلسي رفضت")."""
    m = doc.by_token.get(k - 1)
    return m if m is not None and m.type in ("PER", "ORG", "GPE") and not m.prep else None


def frame_passive(doc: Doc, first: int) -> bool:
    """Whether the verb at ``first`` opens a passive frame ("ألقي القبض على"، "قبض على")."""
    for frame in passive_frames():
        toks = doc.tokens[first : first + len(frame)]
        if len(toks) < len(frame) or not _frame_verb(toks[0], frame[0]):
            continue
        if all(t.norm == w for t, w in zip(toks[1:], frame[1:], strict=True)):
            return True
    return False


def _frame_verb(tok: Any, word: str) -> bool:
    """The frame's verb, with و/ف allowed; final ى marks the active (ألقى) and never matches."""
    norm = tok.norm[1:] if tok.norm[:1] in ("و", "ف") and tok.norm[1:] == word else tok.norm
    return norm == word and not strip_diacritics(tok.text).endswith("ى")
