"""Fixtures for the store tests: hand-built analysed articles (independent of the stages)."""

from __future__ import annotations

from typing import Any

import pytest

from rasad.model import Actor, Article, Event, Mention

ACTORS = {
    "c:SAU": Actor("c:SAU", "GPE", "Saudi Arabia", "السعودية", "SAU", cameo="SAU"),
    "c:YEM": Actor("c:YEM", "GPE", "Yemen", "اليمن", "YEM", cameo="YEM"),
    "c:ISR": Actor("c:ISR", "GPE", "Israel", "إسرائيل", "ISR", cameo="ISR"),
    "a:benny-gantz": Actor(
        "a:benny-gantz",
        "PER",
        "Benny Gantz",
        "بيني غانتس",
        "ISR",
        role="Minister of Defense",
        cameo="ISRGOV",
    ),
    "o:un": Actor("o:un", "ORG", "United Nations", "الأمم المتحدة", None, cameo="IGOUNO"),
}


def event(
    eid: str, code: str, source: list[str], target: list[str], day: str | None = None, **kw: Any
) -> Event:
    """A hand-built event."""
    date = {"value": day, "precision": "day", "from": None} if day else None
    return Event(
        eid,
        code,
        code[:2],
        f"label {code}",
        None,
        source,
        target,
        kw.pop("sentence", 1),
        {"start": 0, "end": 1, "text": "x"},
        date=date,
        **kw,
    )


def article(
    text: str,
    outlet: str = "A",
    published: str | None = "2018-05-01",
    actors: tuple[str, ...] = (),
    events: tuple[Event, ...] = (),
    url: str | None = None,
    **kw: Any,
) -> Article:
    """A hand-built analysed article: one mention per actor found in the text."""
    mentions = []
    for aid in actors:
        name = ACTORS[aid].name_ar
        i = text.find(name)
        if i >= 0:
            mentions.append(Mention(i, i + len(name), name, ACTORS[aid].type, aid))
    return Article(
        text=text,
        title=text.split("\n")[0],
        published=published,
        source={"outlet": outlet, "url": url or f"http://{outlet}/{hash(text) % 10**6}"},
        mentions=mentions,
        actors=[ACTORS[a] for a in actors],
        events=list(events),
        **kw,
    )


@pytest.fixture
def make_article():
    """The article builder."""
    return article


@pytest.fixture
def make_event():
    """The event builder."""
    return event
