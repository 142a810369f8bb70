"""Unnamed officials and forces: a title or force noun with a country adjective and no name
stands for its country ("وزير الخارجية الأمريكي"، "مقاتلات بريطانية").

"سيزور وزير الخارجية الأمريكي الجديد إسرائيل": the visitor is a US official whose name the
text does not give. Following the output contract (a titled official is coded by country when
unnamed), the phrase becomes a synthetic mention of the country's actor, so that the verb's
subject is the USA and not the next name (إسرائيل). Titles: rasad/data/entities/titles.tsv.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from rasad.analyze.normalize import normalize
from rasad.data.loader import read_tsv
from rasad.extract.events.doc import Doc, add_synthetic, remember_actor
from rasad.model import Actor

MAX_TITLE = 3  # words in the longest title considered


@cache
def titles() -> frozenset[tuple[str, ...]]:
    """Normalized titles (word tuples) that announce an official (cached)."""
    out = set()
    for row in read_tsv("entities/titles.tsv"):
        if row.get("role") not in ("", "-", None) and row.get("counterpart") != "1":
            out.add(tuple(normalize(row["title"]).split()))
    return frozenset(t for t in out if len(t) <= MAX_TITLE)


@cache
def _first_words() -> frozenset[str]:
    return frozenset(t[0] for t in titles())


@cache
def force_heads() -> frozenset[str]:
    """Armed-force head nouns (data: events/force_heads.tsv), without ال (cached)."""
    return frozenset(normalize(r["word"]) for r in read_tsv("events/force_heads.tsv"))


@cache
def _starters() -> frozenset[str]:
    """Every word form that may open a title or a force phrase (with و/ف and ال)."""
    heads = {d + w for w in force_heads() for d in ("", "ال")}
    words = heads | set(_first_words())
    return frozenset(p + w for w in words for p in ("", "و", "ف"))


def force_at(doc: Doc, i: int) -> int | None:
    """Token i itself if it is an armed-force head noun (قوات، الطائرات، ومقاتلات)."""
    norm = doc.tokens[i].norm
    norm = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 4 else norm
    return i if norm.removeprefix("ال") in force_heads() else None


def _title_at(doc: Doc, i: int) -> int | None:
    """Index of the last token of a title (or a force head) starting at token i, if any."""
    if force_at(doc, i) is not None:
        return i
    first = doc.tokens[i].norm
    if first not in _first_words():
        first = first[1:] if first[:1] in ("و", "ف") else ""
        if first not in _first_words():
            return None
    words = [first] + [t.norm for t in doc.tokens[i + 1 : i + MAX_TITLE]]
    for n in range(min(MAX_TITLE, len(words)), 0, -1):
        if tuple(words[:n]) in titles():
            return i + n - 1
    return None


def add_titled_countries(doc: Doc, lexicon: Any) -> None:
    """Add a country mention for each "title + country adjective" with no name after it."""
    if lexicon is None or not titles():
        return
    tokens, i = doc.tokens, 0
    while i < len(tokens):
        maybe = tokens[i].norm in _starters() and i not in doc.by_token  # the fast path
        last = _title_at(doc, i) if maybe else None
        if last is None or last + 1 >= len(tokens) or (last + 1) in doc.by_token:
            i += 1
            continue
        country = lexicon.adjective(tokens[last + 1].norm)
        if country and not _named_after(doc, last + 2):
            actor = country_actor(doc, country, lexicon)
            if actor is not None:
                add_synthetic(doc, i, last + 1, actor.id, actor.type)
        i = last + 2


def _named_after(doc: Doc, j: int) -> bool:
    """Whether a person's name follows within two words ("الأمريكي الجديد مايك بومبيو")."""
    return any(
        k in doc.by_token and doc.by_token[k].type == "PER"
        for k in range(j, min(j + 3, len(doc.tokens)))
    )


def country_actor(doc: Doc, country: str, lexicon: Any) -> Actor | None:
    """The article's actor for a country, else the lexicon's (added only if an event uses it)."""
    for a in doc.article.actors:
        if a.country == country and a.type == "GPE" and a.id == f"c:{country}":
            return a
    entry = lexicon.get(f"c:{country}")
    if entry is None:
        return None
    return remember_actor(doc.article, entry)
