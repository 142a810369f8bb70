"""The pipeline: an ordered list of named stages, each a callable ``Article -> Article``.

This is the one place where stages are configured. A stage is listed here only once it is
built; choosing stages on the command line (``--stages``) pulls in what they require.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from rasad.model import Article

StageFn = Callable[[Article], Article]


@dataclass(frozen=True)
class Stage:
    """A named pipeline stage: where its callable lives and which stages must run first."""

    name: str
    target: str  # "module:callable"
    requires: tuple[str, ...] = ()

    def load(self) -> StageFn:
        """Import and return the stage callable."""
        return _load(self.target)


# The order is the order of execution. Cleaning rewrites the text, so every stage that
# reads it requires clean; events credit claims to quote speakers, so they require quotes.
STAGES: list[Stage] = [
    Stage("clean", "rasad.clean.furniture:clean"),
    Stage("sentences", "rasad.analyze.sentences:sentences", requires=("clean",)),
    Stage("tokens", "rasad.analyze.tokens:tokens", requires=("sentences",)),
    Stage("entities", "rasad.analyze.entities:entities", requires=("tokens",)),
    Stage("dates", "rasad.analyze.dates:dates", requires=("clean",)),
    Stage("quotes", "rasad.extract.quotes:quotes", requires=("entities",)),
    Stage("events", "rasad.extract.events:events", requires=("entities", "dates", "quotes")),
]


@cache
def _load(target: str) -> StageFn:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def stage_names() -> list[str]:
    """Names of all built stages, in order."""
    return [s.name for s in STAGES]


def resolve(names: Iterable[str] | None = None) -> list[Stage]:
    """The stages to run for a selection (None: all), prerequisites included, in order."""
    if names is None:
        return list(STAGES)
    by_name = {s.name: s for s in STAGES}
    wanted: set[str] = set()

    def want(name: str) -> None:
        if name not in by_name:
            known = ", ".join(by_name) or "none"
            raise ValueError(f"unknown stage {name!r} (built stages: {known})")
        if name not in wanted:
            wanted.add(name)
            for dep in by_name[name].requires:
                want(dep)

    for n in names:
        want(n.strip())
    return [s for s in STAGES if s.name in wanted]


def parse_stages(spec: str | None) -> list[str] | None:
    """Parse a comma-separated ``--stages`` value; empty or None means all stages."""
    if not spec:
        return None
    return [s.strip() for s in spec.split(",") if s.strip()]


def run(article: Article, stages: Iterable[str] | None = None) -> Article:
    """Run the selected stages (all by default) over an article."""
    for stage in resolve(stages):
        article = stage.load()(article)
    article.cache.clear()
    return article
