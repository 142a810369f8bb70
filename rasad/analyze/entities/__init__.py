"""The entity stage: named mentions (PER, GPE, LOC, ORG, MEDIA) linked to actors.

``entities(article)`` reads the tokens of the tokens stage and fills ``article.mentions`` and
``article.actors``. Recognition: actor-lexicon longest match, context rules (titles, outlet
cues, name chains, quoted names) and a CRF for unknown names; then linking (link.py).
"""

from __future__ import annotations

from rasad.model import Article

__all__ = ["entities", "recognize_text"]


def _tokens(article: Article) -> list:
    """The article's tokens (tokenized here when the tokens stage has not run)."""
    toks = article.cache.get("tokens")
    if toks is None:
        from rasad.analyze.tokens import tokenize

        toks = tokenize(article.text, article.sentences or None)
        article.cache["tokens"] = toks
    return toks


def entities(article: Article) -> Article:
    """Pipeline stage: fill ``article.mentions`` and ``article.actors``."""
    from rasad.analyze.entities.context import recognize
    from rasad.analyze.entities.link import link
    from rasad.analyze.entities.outlets import resolve_outlets
    from rasad.analyze.entities.recognize import segs_of

    toks = _tokens(article)
    article.mentions, article.actors = [], []
    segs = segs_of(toks)
    cands = recognize(toks, segs=segs)
    link(article, toks, segs, cands)
    resolve_outlets(article)
    return article


def recognize_text(text: str, crf_only: bool = False) -> list[tuple[int, int, str]]:
    """Mention spans ``(start, end, type)`` of a plain text (evaluation; no linking)."""
    from rasad.analyze.entities.context import recognize
    from rasad.analyze.tokens import tokenize

    return [(c.start, c.end, c.type) for c in recognize(tokenize(text), crf_only=crf_only)]
