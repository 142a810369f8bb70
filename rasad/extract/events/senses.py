"""Sense restrictions for ambiguous triggers, and triggers that are part of a quoted name.

Data: ``rasad/data/events/senses.tsv`` (per head lemma: words that show another sense, a
needed object, recodings to a verbal sense) and ``name_heads.tsv`` (تحالف "دعم الشرعية").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from rasad.analyze.normalize import normalize
from rasad.data.loader import read_tsv
from rasad.extract.events.cues import is_count
from rasad.extract.events.doc import PREPOSITIONS, Doc, is_place_head
from rasad.extract.events.lexicon import canon_set, core

OPENERS = frozenset({'"', "«", "“", "'"})
CLOSERS = frozenset({'"', "»", "”", "'"})
# Rules that apply also to patterns with literal complements (لقي مصرعه).
WHOLE_PATTERN = frozenset({"not_near_all", "not_in_sentence", "not_suffix"})
NEAR = 3  # words after the head where a sense-marking word may stand
COUNT = "#count"  # in a word list: a number or count word (وصل إلى 12 شهرا)


@dataclass(frozen=True, slots=True)
class Sense:
    """One restriction on a trigger head."""

    rule: str
    words: tuple[tuple[str, ...], ...]  # canonical word sequences
    types: frozenset[str]
    code: str


def _words(value: str) -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(COUNT if w == COUNT else core(w) for w in phrase.split())
        for phrase in value.split(",")
        if phrase
    )


def _sense(row: dict[str, str]) -> Sense:
    value, code = row["value"] or "", ""
    if row["rule"].startswith("recode"):
        value, code = value.rsplit(":", 1)
    by_type = row["rule"] in ("recode_target", "not_target", "not_actor")
    types = frozenset(value.split(",")) if by_type else frozenset()
    words = () if types else _words(value)
    if row["rule"] == "not_suffix":  # enclitic pronouns, matched as they are
        words = tuple((normalize(w),) for w in value.split(",") if w)
    return Sense(row["rule"], words, types, code)


@cache
def load_senses() -> dict[tuple[str, str], tuple[Sense, ...]]:
    """(head lemma, kind) → its restrictions (cached)."""
    out: dict[tuple[str, str], list[Sense]] = {}
    for row in read_tsv("events/senses.tsv"):
        out.setdefault((normalize(row["head"]), row["kind"]), []).append(_sense(row))
    return {k: tuple(v) for k, v in out.items()}


@cache
def body_heads() -> frozenset[str]:
    """Canonical head nouns of bodies named by a task (هيئة الدفاع، فريق التحقيق) (cached)."""
    return frozenset(core(r["word"]) for r in read_tsv("events/body_heads.tsv"))


def names_a_body(doc: Doc, span: Any) -> bool:
    """Whether a verbal noun is the genitive of a body's head noun (هيئة الدفاع، فريق التحقيق)."""
    if span.verb or span.first == 0:
        return False
    prev = doc.tokens[span.first - 1]
    if not prev.is_word or (span.first - 1) in doc.by_token or prev.norm.startswith("ال"):
        return False
    return bool(canon_set(prev.norm) & body_heads())


@cache
def name_heads() -> frozenset[str]:
    """Canonical head nouns a quoted name follows (cached)."""
    return frozenset(core(r["word"]) for r in read_tsv("events/name_heads.tsv"))


def _restrictions(span: Any) -> tuple[Sense, ...]:
    senses = load_senses().get((span.entry.head, span.entry.kind), ())
    if span.entry.rest:  # a pattern with literal complements has its sense fixed already,
        return tuple(s for s in senses if s.rule in WHOLE_PATTERN)  # but for these
    return senses


def _phrase_at(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    window = doc.tokens[i : i + 2 * len(phrase) + 2]
    words = [t for t in window if t.is_word or t.norm[:1].isdigit()][: len(phrase)]
    return len(words) == len(phrase) and all(
        (is_count(t.norm) if w == COUNT else w in canon_set(t.norm))
        for w, t in zip(phrase, words, strict=True)
    )


def _near(
    doc: Doc, span: Any, words: tuple[tuple[str, ...], ...], limit: int, inside: bool = False
) -> bool:
    """Whether one of the phrases starts within ``limit`` words after the trigger's head
    (``inside``: also between the head and its literal complement, "تتوجه الأنظار إلى")."""
    firsts = {p[0] for p in words}
    sent, seen = doc.tokens[span.first].sent, 0
    i = span.first + 1 if inside else span.last + 1
    while i < len(doc.tokens) and seen < limit and doc.tokens[i].sent == sent:
        tok = doc.tokens[i]
        if tok.is_word or tok.norm[:1].isdigit():
            if COUNT in firsts and is_count(tok.norm):
                return True
            if not firsts.isdisjoint(canon_set(tok.norm)) and any(
                _phrase_at(doc, i, p) for p in words
            ):
                return True
            seen += 1
        i += 1
    return False


def _has_object(doc: Doc, span: Any) -> bool:
    """Whether a noun phrase (not a preposition, not a new clause) follows the head."""
    j = span.last + 1
    if j >= len(doc.tokens) or doc.tokens[j].sent != doc.tokens[span.first].sent:
        return False
    tok = doc.tokens[j]
    if j in doc.by_token:
        return True
    if not tok.is_word or tok.norm in PREPOSITIONS:
        return False
    return tok.norm[:1] not in ("و", "ف") or tok.norm.startswith(("ال", "وال", "فال"))


def allowed(doc: Doc, span: Any) -> bool:
    """Whether the trigger has its event sense here (False: another sense or part of a name)."""
    if in_quoted_name(doc, span) or names_a_body(doc, span) or in_place_name(doc, span):
        return False
    for sense in _restrictions(span):
        if sense.rule == "not_near" and _near(doc, span, sense.words, NEAR):
            return False
        if sense.rule == "not_near_all" and _near(doc, span, sense.words, NEAR, inside=True):
            return False
        if sense.rule == "not_suffix" and _suffix(doc, span) in {w[0] for w in sense.words}:
            return False
        if sense.rule == "needs_object" and not _has_object(doc, span):
            return False
        if sense.rule == "not_in_sentence" and _in_sentence(doc, span, sense.words):
            return False
        if sense.rule == "not_prefix" and _prefix(doc, span) in {w[0] for w in sense.words}:
            return False
    return True


def _in_sentence(doc: Doc, span: Any, words: tuple[tuple[str, ...], ...]) -> bool:
    """Whether one of the phrases stands anywhere in the trigger's sentence."""
    sent = doc.tokens[span.first].sent
    firsts = {p[0] for p in words}
    i = span.first
    while i > 0 and doc.tokens[i - 1].sent == sent:
        i -= 1
    while i < len(doc.tokens) and doc.tokens[i].sent == sent:
        tok = doc.tokens[i]
        if tok.is_word and not firsts.isdisjoint(canon_set(tok.norm)):
            if any(_phrase_at(doc, i, p) for p in words):
                return True
        i += 1
    return False


def _prefix(doc: Doc, span: Any) -> str:
    """The proclitics on the trigger's head word, without و/ف (بالإعدام → ب)."""
    return getattr(doc.tokens[span.first], "pre", "").lstrip("وف")


def _suffix(doc: Doc, span: Any) -> str:
    """The enclitic pronoun on the trigger's head word (دعوات+نا → نا)."""
    return getattr(doc.tokens[span.first], "suf", "")


def fits_target(doc: Doc, span: Any, targets: list[str], sources: list[str]) -> bool:
    """Whether the trigger's arguments fit its sense (needs_target, not_target, not_actor)."""
    for sense in _restrictions(span):
        if sense.rule == "needs_target" and not targets:
            return False
        if sense.rule == "not_target" and sense.types & _types(doc, targets):
            return False
        if sense.rule == "not_actor" and sense.types & _types(doc, targets + sources):
            return False
    return True


def _types(doc: Doc, ids: list[str]) -> set[str]:
    return {getattr(doc.actor(t), "type", "") for t in ids}


def recoded(doc: Doc, span: Any, code: str, targets: list[str]) -> str:
    """The trigger's code after its verbal-sense recodings (its own code if none applies)."""
    for sense in _restrictions(span):
        if sense.rule == "recode_target":
            if _types(doc, targets) & sense.types:
                return sense.code
        if sense.rule == "recode_near" and _near(doc, span, sense.words, 40):
            return sense.code
    return code


def in_place_name(doc: Doc, span: Any) -> bool:
    """A bare past verb right after a place head is a place name (مديرية حرض، وادي حرض); a
    relative clause agrees with its head ("مدينة تسيطر عليها"، "منطقة شهدت") and stays."""
    if not span.verb or span.first == 0 or doc.tokens[span.first].norm != span.entry.head:
        return False
    prev = doc.tokens[span.first - 1]
    return prev.is_word and is_place_head(prev.norm)


def in_quoted_name(doc: Doc, span: Any) -> bool:
    """A trigger inside short quotation marks: a one-word label ("قاتل") or a name after a head
    noun (تحالف "دعم الشرعية"، عملية "غصن الزيتون")."""
    tokens, i = doc.tokens, span.first - 1
    while i >= 0 and tokens[i].is_word and span.first - i <= 3:
        i -= 1
    if i < 0 or tokens[i].text not in OPENERS:
        return False
    j = span.last + 1
    while j < len(tokens) and tokens[j].is_word and j - span.last <= 3:
        j += 1
    if j >= len(tokens) or tokens[j].text not in CLOSERS:
        return False
    if span.first == i + 1 and j == span.last + 1 and span.first == span.last:
        return True  # a single quoted word is a label or a scare quote, not a report
    head = tokens[i - 1] if i > 0 else None
    return head is not None and head.is_word and bool(canon_set(head.norm) & name_heads())
