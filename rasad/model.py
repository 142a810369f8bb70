"""The shared `Article` object: one text and typed spans over it (schema ``rasad/1``).

Every stage of the pipeline takes an Article and adds spans; spans are end-exclusive offsets
(Python ``str`` indices) into ``Article.text``, like spaCy's ``Doc``/``Span``.
The record written by ``to_dict`` is the contract of ``../shared/spec/OUTPUT.md``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "rasad/1"


@dataclass(slots=True)
class Removed:
    """A piece of page furniture that cleaning dropped, with the reason."""

    text: str
    reason: str


@dataclass(slots=True)
class Mention:
    """One occurrence of a named entity, linked to an actor id."""

    start: int
    end: int
    text: str
    type: str
    actor: str | None = None


@dataclass(slots=True)
class Actor:
    """A distinct referent mentioned in the article."""

    id: str
    type: str
    name: str
    name_ar: str | None = None
    country: str | None = None
    role: str | None = None
    cameo: str | None = None
    wikidata: str | None = None
    known: bool = True


@dataclass(slots=True)
class DateExpr:
    """A time expression and its normalized value."""

    id: str
    start: int
    end: int
    text: str
    value: str | None
    precision: str


@dataclass(slots=True)
class Quote:
    """A direct or indirect quote with its speaker and the outlet it was given to."""

    id: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    via: str | None = None
    kind: str = "direct"
    cue: str | None = None


@dataclass(slots=True)
class Event:
    """A CAMEO-coded event with its dyad, date, place, negation, modality and attribution."""

    id: str
    code: str
    root: str
    label: str
    plover: str | None
    source: list[str]
    target: list[str]
    sentence: int | None
    trigger: dict[str, Any]
    date: dict[str, Any] | None = None
    location: str | None = None
    negated: bool = False
    modality: str = "asserted"
    reported_by: list[str] = field(default_factory=list)
    confidence: float = 0.5
    triggers: list[dict[str, Any]] = field(default_factory=list)


# The span collections of an Article and their types, in record order.
SPAN_TYPES = {
    "removed": Removed,
    "mentions": Mention,
    "actors": Actor,
    "events": Event,
    "quotes": Quote,
    "dates": DateExpr,
}


def text_id(text: str) -> str:
    """Stable 16-hex id of a text: hash of its matching-normalized form, spaces folded."""
    from rasad.analyze.normalize import normalize

    key = " ".join(normalize(text).split())
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


@dataclass
class Article:
    """An article: its text, metadata and the spans each stage adds."""

    text: str
    title: str | None = None
    published: str | None = None
    source: dict[str, Any] = field(default_factory=dict)
    id: str | None = None
    removed: list[Removed] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    # Working state shared between stages (tokens, normalized views); never serialized.
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.id is None:
            self.id = text_id(self.text)
        self.source.setdefault("path", None)
        self.source.setdefault("url", None)
        self.source.setdefault("outlet", None)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def span_text(self, start: int, end: int) -> str:
        """The text between two offsets."""
        return self.text[start:end]

    def to_dict(self) -> dict[str, Any]:
        """The ``rasad/1`` record (OUTPUT.md), ready for JSON."""
        record: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "source": dict(self.source),
            "published": self.published,
            "title": self.title,
            "text": self.text,
            "sentences": [list(s) for s in self.sentences],
        }
        for name in SPAN_TYPES:
            record[name] = [_span_dict(x) for x in getattr(self, name)]
        return _ordered(record)

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Article:
        """Rebuild an Article from a ``rasad/1`` record."""
        if record.get("schema", SCHEMA) != SCHEMA:
            raise ValueError(f"unsupported schema {record.get('schema')!r}, expected {SCHEMA}")
        kwargs = {k: record.get(k) for k in ("text", "title", "published", "id")}
        kwargs["source"] = dict(record.get("source") or {})
        kwargs["sentences"] = [list(s) for s in record.get("sentences", [])]
        for name, kind in SPAN_TYPES.items():
            names = {f.name for f in fields(kind)}
            kwargs[name] = [
                kind(**{k: v for k, v in x.items() if k in names}) for x in record.get(name, [])
            ]
        return cls(**kwargs)


_ORDER = [
    "schema",
    "id",
    "source",
    "published",
    "title",
    "text",
    "removed",
    "sentences",
    "mentions",
    "actors",
    "events",
    "quotes",
    "dates",
]


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record[k] for k in _ORDER if k in record}


def _span_dict(x: Any) -> dict[str, Any]:
    d = asdict(x)
    if isinstance(x, Event) and not d.get("triggers"):
        d.pop("triggers", None)
    return d
