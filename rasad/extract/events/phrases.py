"""Noun-phrase helpers for event arguments: mention windows, conjoined lists, title phrases."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from rasad.extract.events.doc import BREAKERS, PREPOSITIONS, STOP_PUNCT, Doc, M

FORWARD = 14  # words after a trigger that its arguments may span
QUOTES = frozenset({'"', "«", "»", "“", "”", "'"})
MAX_CONJUNCT_GAP = 4  # words between conjoined names ("و وزير الدفاع الإسرائيلي غانتس")


def is_break(tok: Any) -> bool:
    return tok.text in STOP_PUNCT or tok.norm in BREAKERS


def window_end(doc: Doc, span: Any, next_trigger: int) -> int:
    """Last token index (exclusive) of the trigger's forward window."""
    sent, words, i = doc.tokens[span.first].sent, 0, span.last + 1
    while i < len(doc.tokens) and i < next_trigger and doc.tokens[i].sent == sent:
        tok = doc.tokens[i]
        if tok.text in (".", "؛", ";", "؟", "?", "!", ":"):
            break
        words += tok.is_word
        if words > FORWARD:
            break
        i += 1
    return i


def mentions_in(doc: Doc, a: int, b: int) -> list[M]:
    """Mentions starting at token indices a..b-1, in order."""
    firsts = doc.firsts
    return doc.mentions[bisect_left(firsts, a) : bisect_left(firsts, b)]


def conjuncts(doc: Doc, start: M, end: int) -> list[M]:
    """Representatives of a conjoined list of mentions starting at ``start`` (PER preferred)."""
    groups: list[list[M]] = [[start]]
    prev = start
    for m in mentions_in(doc, start.last + 1, end):
        between = doc.tokens[prev.last + 1 : m.first]
        if any(is_break(t) for t in between) or (m.prep and m.prep not in ("",)):
            break
        if sum(t.is_word for t in between) > MAX_CONJUNCT_GAP:  # "، وقال لإذاعة X": a clause
            break
        joined = m.conj or any(
            t.norm == "و" or getattr(t, "pre", "")[:1] == "و" for t in between if t.is_word
        )
        if joined:
            groups.append([m])
        elif (
            sum(t.is_word for t in between) <= 3
            and not any(t.text in ("،", ",") for t in between)
            and not (len(groups[-1]) == 1 and heads_clause(doc, groups[-1][0]))
        ):
            groups[-1].append(m)
        else:
            break
        prev = m
    return [next((m for m in g if m.type == "PER"), g[0]) for g in groups]


def heads_clause(doc: Doc, m: M) -> bool:
    """Whether a non-person name stands right after a verb or at a clause start.

    There it heads its own noun phrase ("اعتقلت الشرطة المصرية أبو الفتوح"، "تتهم أنقرة
    الداعية غولن"): a person after it is the object, not the name a title phrase ends in
    ("وزير خارجية إيران محمد جواد ظريف", where the country is a genitive).
    """
    if m.type == "PER":
        return False
    i = m.first - 1
    while i >= 0 and doc.tokens[i].text in QUOTES:
        i -= 1
    if i < 0 or not doc.tokens[i].is_word or doc.tokens[i].sent != doc.tokens[m.first].sent:
        return True
    return i in getattr(doc, "barriers", ())


def plain(doc: Doc, a: int, b: int) -> bool:
    """No punctuation, preposition or clause break between two tokens (a title phrase)."""
    return not any(
        is_break(t) or t.text in ("،", ",") or t.norm in PREPOSITIONS for t in doc.tokens[a + 1 : b]
    )


def prefer_person(doc: Doc, m: M, upto: int | None = None) -> M:
    """The person a title phrase ends in (رئيس أركان الجيش الإسرائيلي أفيف كوخافي)."""
    if m.type == "PER" or heads_clause(doc, m):
        return m
    prev = m
    stop = m.last + 5 if upto is None else min(m.last + 5, upto)
    for x in mentions_in(doc, m.last + 1, stop):
        if any(i in doc.barriers for i in range(prev.last + 1, x.first)):
            return m  # a verb or a trigger ends the title phrase
        between = doc.tokens[prev.last + 1 : x.first]
        if (
            x.prep
            or x.conj
            or any(is_break(t) or t.text in ("،", ",") or t.norm == "و" for t in between)
        ):
            return m
        if any(getattr(t, "pre", "")[:1] == "و" for t in between if t.is_word):
            return m
        if x.type == "PER":
            return x
        prev = x
    return m


def locatives(doc: Doc, used: set[int]) -> list[str]:
    """Actors of the used mentions that stand only as locatives (after a direction or
    facility head: "غرب مدينة زبيد"), in text order."""
    ms = [doc.by_token[i] for i in sorted(used) if i in doc.by_token]
    keep = {m.actor for m in ms if not m.locative}
    return list(dict.fromkeys(m.actor for m in ms if m.locative and m.actor not in keep))
