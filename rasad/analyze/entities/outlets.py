"""Outlet names several countries' papers share (الوطن): the paper is chosen from the article.

A mention written with the bare shared name (rasad/data/entities/shared_outlets.tsv) goes to the
outlet of that name already named in full in the article (الوطن السورية), else to the one of the
country whose places the article mentions most, else to a generic actor with no country. The
candidates are the MEDIA entries whose Arabic name is the shared name plus more words.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

from rasad.analyze.entities import lex
from rasad.analyze.entities.rules import outlet_cues
from rasad.analyze.normalize import normalize
from rasad.data.loader import read_tsv
from rasad.model import Actor


@cache
def shared() -> dict[str, tuple[str, str, tuple[Any, ...]]]:
    """Normalized shared name -> (generic id, English name, the outlets named after it)."""
    lx = lex.lexicon()
    media = [e for e in lx.entries() if e.type == "MEDIA"] if lx is not None else []
    out = {}
    for r in read_tsv("entities/shared_outlets.tsv"):
        name = normalize(r["name"])
        own = tuple(e for e in media if normalize(e.name_ar or "").startswith(name + " "))
        out[name] = (r["id"], r["name_en"], own)
    return out


def _bare(text: str) -> str:
    """The normalized mention without a leading outlet cue (صحيفة الوطن -> الوطن)."""
    words = normalize(text).split()
    hit = outlet_cues().lookup(tuple(words[:1])) or outlet_cues().lookup(tuple(words[:2]))
    if hit and len(words) > 1:
        words = words[2:] if outlet_cues().lookup(tuple(words[:2])) else words[1:]
    return " ".join(words)


def resolve_outlets(article: Any) -> None:
    """Re-point bare shared outlet names to the article's paper (or a generic actor)."""
    table = shared()
    bare = [m for m in article.mentions if m.type == "MEDIA" and _bare(m.text) in table]
    if not bare:
        return
    actors = {a.id: a for a in article.actors}
    named = {m.actor for m in article.mentions if m not in bare}
    counts = Counter(
        actors[m.actor].country
        for m in article.mentions
        if m.type == "GPE" and actors[m.actor].country
    )
    for m in bare:
        gid, name_en, own = table[_bare(m.text)]
        choice = _choose(own, named, counts)
        m.actor = choice.id if choice is not None else gid
        if m.actor not in actors:
            actors[m.actor] = _actor(choice, gid, name_en, _bare(m.text))
    first: dict[str, int] = {}
    for m in article.mentions:
        first.setdefault(m.actor, m.start)
    article.actors = sorted(
        (a for a in actors.values() if a.id in first), key=lambda a: first[a.id]
    )


def _actor(entry: Any, gid: str, name_en: str, name_ar: str) -> Actor:
    """The Actor of the chosen outlet, or the generic one."""
    if entry is None:
        return Actor(gid, "MEDIA", name_en, name_ar, None)
    return Actor(
        entry.id,
        "MEDIA",
        entry.name,
        entry.name_ar,
        entry.country,
        cameo=entry.cameo or None,
        wikidata=entry.wikidata or None,
    )


def _choose(own: tuple[Any, ...], named: set[str], counts: Counter) -> Any:
    """The outlet named in full in the article, else the one of the clearly leading country."""
    for e in own:
        if e.id in named:
            return e
    by_country = {e.country: e for e in own}
    ranked = [(c, n) for c, n in counts.most_common() if c in by_country]
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return by_country[ranked[0][0]]
