"""Input records: field aliases, published-date parsing, and the Article built from a record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from rasad.analyze.normalize import strip_orphan_marks
from rasad.model import Article

ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body"),
    "title": ("title", "headline"),
    "published": ("published", "date", "time", "pubDate", "pubdate", "date_extracted", "datetime"),
    "url": ("url", "link"),
    "outlet": ("outlet", "src", "source"),
    "id": ("id", "docno"),
}

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


class InputError(Exception):
    """A bad input: ``kind`` names the problem, ``where`` the file (and line)."""

    def __init__(self, kind: str, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.where = where

    def __reduce__(self):  # picklable across worker processes despite the custom signature
        return (InputError, (self.kind, self.message, self.where))

    def to_dict(self) -> dict[str, Any]:
        """The error record written in place of a failed input record."""
        return {"error": {"kind": self.kind, "message": self.message, "where": self.where}}

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class Record:
    """One input article before analysis."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    id: str | None = None
    where: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _pick(data: dict[str, Any], name: str) -> Any:
    for key in ALIASES[name]:
        value = data.get(key)
        if value not in (None, ""):
            return value
    return None


def record_from_dict(data: Any, where: str | None = None) -> Record:
    """A Record from a JSON object, accepting the common field aliases."""
    if not isinstance(data, dict):
        raise InputError("bad_record", f"expected a JSON object, got {type(data).__name__}", where)
    text = _pick(data, "text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            "no_text", "record has no text (expected a 'text', 'content' or 'body' field)", where
        )
    outlet = _pick(data, "outlet")
    if isinstance(outlet, dict):  # a nested source object {"outlet": ..., "url": ...}
        outlet = outlet.get("outlet") or outlet.get("name")
    rid = _pick(data, "id")
    return Record(
        text=text,
        title=_str_or_none(_pick(data, "title")),
        published=parse_published(_pick(data, "published"), where),
        url=_str_or_none(_pick(data, "url")),
        outlet=_str_or_none(outlet),
        id=None if rid is None else str(rid),
        where=where,
    )


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value).strip() or None


def parse_published(value: Any, where: str | None = None) -> str | None:
    """ISO date or datetime from ISO 8601 or RFC 2822 input; None when absent."""
    if value in (None, ""):
        return None
    s = str(value).strip()
    parsed = _parse_date(s, where)
    year = int(parsed[:4])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(
            "bad_date", f"implausible published date {s!r} (years {MIN_YEAR}-{MAX_YEAR})", where
        )
    return parsed


MIN_YEAR, MAX_YEAR = 1800, 2200  # relative dates are computed from it: keep it a real date


def _parse_date(s: str, where: str | None) -> str:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            return datetime.strptime(s, "%Y-%m-%d").date().isoformat()
        return datetime.fromisoformat(s.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    raise InputError(
        "bad_date", f"unreadable published date {s!r} (use ISO 8601 or RFC 2822)", where
    )


def has_arabic(text: str) -> bool:
    """Whether a text contains Arabic letters."""
    return _ARABIC.search(text) is not None


def split_title(text: str) -> tuple[str | None, str]:
    """First non-empty line as the title, the rest as the body (the .txt convention)."""
    lines = text.lstrip("\ufeff").splitlines()
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip(), "\n".join(lines[i + 1 :])
    return None, ""


def compose_text(title: str | None, body: str) -> str:
    """Title, blank line, paragraphs separated by blank lines (OUTPUT.md's text layout)."""
    # Each non-empty line is a paragraph; leading white space is kept for the cleaner,
    # which reads indentation as a sign of page furniture (related-link boxes).
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n") if line.strip()]
    body_text = "\n\n".join(lines)
    if title:
        return f"{title.strip()}\n\n{body_text}" if body_text else title.strip()
    return body_text


def article_from_record(
    rec: Record, *, published: str | None = None, outlet: str | None = None
) -> Article:
    """An Article from a record; ``published``/``outlet`` are defaults for missing metadata."""
    if not isinstance(rec.text, str) or not rec.text.strip():
        raise InputError("no_text", "record has no text", rec.where)
    if not has_arabic(rec.text) and not (rec.title and has_arabic(rec.title)):
        raise InputError("not_arabic", "text has no Arabic letters", rec.where)
    # A title is one line: a line break inside it (a scraping artefact) becomes a space.
    title = " ".join(strip_orphan_marks(str(rec.title or "")).split()) or None
    text = compose_text(title, rec.text)
    source = {"path": rec.where, "url": rec.url, "outlet": rec.outlet or outlet}
    return Article(text=text, title=title, published=rec.published or published, source=source)
