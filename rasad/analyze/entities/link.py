"""Linking: every mention candidate to an actor (lexicon entry, earlier full name, or a new
unknown actor), with role and country from the lexicon at the article's date or from the
article's own apposition (titles, nationality adjectives, "counterpart").
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from rasad.analyze.entities import lex
from rasad.analyze.entities.names import surname_only
from rasad.analyze.entities.recognize import QUOTES, Cand
from rasad.analyze.normalize import normalize
from rasad.model import Actor, Mention


def unknown_id(name_norm: str) -> str:
    """A stable id for an actor the lexicon does not know: a:x-<hash of the normalized name>."""
    return "a:x-" + hashlib.blake2b(name_norm.encode("utf-8"), digest_size=5).hexdigest()


def pick_entry(c: Cand) -> Any:
    """The lexicon entry that fits the candidate's type best (first one otherwise)."""
    for e in c.entries:
        if e.type == c.type:
            return e
    return c.entries[0] if c.entries else None


def known_actor(entry: Any, c: Cand, date: str | None) -> Actor:
    """An Actor from a lexicon entry; the article's apposition fills what the lexicon lacks."""
    role = lex.role_at(entry, date)
    return Actor(
        id=entry.id,
        type="MEDIA" if c.type == "MEDIA" else entry.type,
        name=entry.name,
        name_ar=entry.name_ar,
        country=entry.country or (role.country if role else None) or c.country,
        role=role.title if role else (c.role if entry.type == "PER" else None),
        cameo=(role.cameo if role and role.cameo else None) or entry.cameo or None,
        wikidata=entry.wikidata or None,
        known=True,
    )


def name_key(text: str, c: Cand) -> str:
    """Normalized name without a leading ال/لل difference (لأمم المتحدة = الأمم المتحدة)."""
    n = " ".join(normalize(text).split())
    return "ا" + n if n.startswith("ل") and not n.startswith("ال") and c.how != "title" else n


def apposition_country(tokens: Sequence[Any], segs, c: Cand) -> str | None:
    """Country from a nationality adjective just before a person or just after an outlet."""
    if c.type == "PER" and c.i > 0:
        return lex.adjective(segs[c.i - 1])
    k = c.j + (1 if c.j < len(tokens) and tokens[c.j].text in QUOTES else 0)
    if c.type in ("MEDIA", "ORG") and k < len(tokens):
        return lex.adjective(segs[k])
    return None


def link(article: Any, tokens: Sequence[Any], segs, cands: list[Cand]) -> None:
    """Fill article.mentions and article.actors from the candidates."""
    date = (article.published or "")[:10] or None
    actors: dict[str, Actor] = {}
    names: dict[str, str] = {}  # normalized full name -> actor id (for partial names)
    last_role: str | None = None
    # Longer names first, so that a short form links to the full name wherever it comes.
    ordered = sorted(cands, key=lambda c: (c.how == "partial", -(c.j - c.i), c.i))
    ids: dict[int, str] = {}
    for c in ordered:
        text = article.text[c.start : c.end]
        aid = _resolve(c, text, tokens, segs, date, actors, names)
        ids[id(c)] = aid
    for c in sorted(cands, key=lambda c: c.i):
        aid = ids[id(c)]
        a = actors[aid]
        if c.counterpart and a.role is None and not a.known:
            a.role = last_role
        if a.type == "PER" and a.role:
            last_role = a.role
        article.mentions.append(Mention(c.start, c.end, article.text[c.start : c.end], a.type, aid))
    first = {}
    for m in article.mentions:
        first.setdefault(m.actor, m.start)
    article.actors = sorted(actors.values(), key=lambda a: first.get(a.id, 1 << 62))


def _resolve(c, text, tokens, segs, date, actors, names) -> str:
    """The actor id of one candidate, creating the actor if needed."""
    entry = pick_entry(c)
    key = name_key(text, c)
    if entry is not None and _other_bearer(entry, key, names, actors):
        entry = None  # بيل غيتس earlier in the article: this غيتس is him, not Robert Gates
    if entry is not None:
        if entry.id not in actors:
            actors[entry.id] = known_actor(entry, c, date)
        _remember(names, key, entry, entry.id)
        return entry.id
    if c.type == "PER":
        partial = _partial_of(key, names, actors) or _misspelt_surname(key, names, actors)
        if partial:
            return partial
    aid = names.get(key) or unknown_id(c.type + ":" + key)
    if aid not in actors:
        country = c.country or apposition_country(tokens, segs, c)
        actors[aid] = Actor(
            aid, c.type, text, text, country, c.role if c.type == "PER" else None, known=False
        )
    names.setdefault(key, aid)
    return aid


def _other_bearer(entry: Any, key: str, names: dict[str, str], actors: dict[str, Actor]) -> bool:
    """Whether a bare surname of a lexicon person names an unknown person named in full earlier."""
    if entry.type != "PER" or not surname_only(entry, tuple(key.split())):
        return False
    aid = _partial_of(key, names, actors)
    return aid is not None and not actors[aid].known


def _remember(names: dict[str, str], key: str, entry: Any, aid: str) -> None:
    names.setdefault(key, aid)
    if entry.type == "PER" and entry.name_ar:
        names.setdefault(" ".join(normalize(entry.name_ar).split()), aid)


def _partial_of(key: str, names: dict[str, str], actors: dict[str, Actor]) -> str | None:
    """The actor whose longer name contains this one as whole tokens (غانتس in بيني غانتس)."""
    toks = key.split()
    n = len(toks)
    best = None
    for full, aid in names.items():
        if actors[aid].type != "PER":
            continue
        ft = full.split()
        if len(ft) > n and any(_same_person(ft, k, toks) for k in range(len(ft) - n + 1)):
            if best is None or len(ft) > len(best[0].split()):
                best = (full, aid)
    return best[1] if best else None


def _misspelt_surname(key: str, names: dict[str, str], actors: dict[str, Actor]) -> str | None:
    """The person named in full whose surname this one-word name misses one letter of
    (القحاني for القحطاني): a typo, common in fast news copy; long surnames only."""
    if " " in key or len(key) < 5:
        return None
    hits = {
        aid
        for full, aid in names.items()
        if actors[aid].type == "PER" and " " in full and _one_deleted(full.split()[-1], key)
    }
    return hits.pop() if len(hits) == 1 else None


def _one_deleted(longer: str, shorter: str) -> bool:
    """Whether ``shorter`` is ``longer`` with one letter left out."""
    return len(longer) == len(shorter) + 1 and any(
        longer[:k] + longer[k + 1 :] == shorter for k in range(len(longer))
    )


_INNER = frozenset({"بن", "بنت", "ابن", "ال", "عبد"})  # ال: normalized آل (آل سعود)


def _same_person(full: list[str], k: int, toks: list[str]) -> bool:
    """Whether toks, found at position k of a full name, names its bearer: not the father's
    part of a name chain (حمد آل خليفة in سلمان بن حمد آل خليفة), the family (سعود of آل
    سعود) or the second half of a compound name (العزيز of عبد العزيز)."""
    return full[k : k + len(toks)] == toks and not (k > 0 and full[k - 1] in _INNER)
