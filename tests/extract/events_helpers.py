"""Hand-built articles for the event tests: sentences, every known name as a mention."""

from __future__ import annotations

import re

from rasad.extract.events import events
from rasad.model import Actor, Article, DateExpr, Mention, Quote

ACTORS = {
    "إسرائيل": ("GPE", "c:ISR", "ISR"),
    "غزة": ("GPE", "p:gaza", "PSE"),
    "إيران": ("GPE", "c:IRN", "IRN"),
    "طهران": ("GPE", "p:tehran", "IRN"),
    "فنزويلا": ("GPE", "c:VEN", "VEN"),
    "الولايات المتحدة": ("GPE", "c:USA", "USA"),
    "السعودية": ("GPE", "c:SAU", "SAU"),
    "مصر": ("GPE", "c:EGY", "EGY"),
    "لبنان": ("GPE", "c:LBN", "LBN"),
    "القاهرة": ("GPE", "p:cairo", "EGY"),
    "نتنياهو": ("PER", "a:netanyahu", "ISR"),
    "بايدن": ("PER", "a:biden", "USA"),
    "السيسي": ("PER", "a:sisi", "EGY"),
    "ماكرون": ("PER", "a:macron", "FRA"),
    "أشكينازي": ("PER", "a:ashkenazi", "ISR"),
    "البوسعيدي": ("PER", "a:busaidi", "OMN"),
    "عبد الله بن زايد": ("PER", "a:abz", "ARE"),
    "نافالني": ("PER", "a:navalny", "RUS"),
    "سليماني": ("PER", "a:soleimani", "IRN"),
    "الجيش الإسرائيلي": ("ORG", "o:idf", "ISR"),
    "قوات الأمن العراقية": ("ORG", "o:isf", "IRQ"),
    "رويترز": ("MEDIA", "m:reuters", "GBR"),
    "الخليج": ("LOC", "p:gulf", None),
}


def article(text: str, dates: tuple[tuple[str, str], ...] = (), quotes=()) -> Article:
    """An article with sentences, every known name as a mention, and the given dates."""
    a = Article(text)
    a.sentences = [[m.start(), m.end()] for m in re.finditer(r"[^.]+\.?", text)]
    for surface, (kind, aid, country) in ACTORS.items():
        for m in re.finditer(re.escape(surface), text):
            if not any(x.start <= m.start() < x.end for x in a.mentions):
                a.mentions.append(Mention(m.start(), m.end(), surface, kind, aid))
                if a.actor(aid) is None:
                    a.actors.append(Actor(aid, kind, aid, surface, country))
    a.mentions.sort(key=lambda x: x.start)
    for n, (surface, value) in enumerate(dates, 1):
        i = text.index(surface)
        a.dates.append(DateExpr(f"d{n}", i, i + len(surface), surface, value, "day"))
    for n, (surface, speaker) in enumerate(quotes, 1):
        i = text.index(surface)
        a.quotes.append(Quote(f"q{n}", i, i + len(surface), surface, speaker))
    return a


def dyads(a: Article) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(root, sources, targets) of every event."""
    return [(e.root, tuple(e.source), tuple(e.target)) for e in events(a).events]
