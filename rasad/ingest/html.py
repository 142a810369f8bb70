"""HTML input: main text, title, date and site name through trafilatura."""

from __future__ import annotations

from typing import Any

from rasad.ingest.records import InputError, Record, parse_published


def record_from_html(html: str, where: str | None = None) -> Record:
    """A Record from an HTML page: trafilatura's main text and metadata."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    meta = _as_dict(doc)
    text = meta.get("text") or ""
    if not text.strip():
        raise InputError("no_text", "no main text found in HTML page", where)
    title = (meta.get("title") or "").strip() or None
    first, _, rest = text.partition("\n")
    if title and first.strip() == title:
        text = rest  # trafilatura repeats the headline as the first line of the body
    return Record(
        text=text,
        title=title,
        published=_safe_date(meta.get("date"), where),
        url=meta.get("url") or None,
        outlet=meta.get("sitename") or None,
        where=where,
    )


def _as_dict(doc: Any) -> dict[str, Any]:
    if doc is None:
        return {}
    if isinstance(doc, dict):
        return doc
    return doc.as_dict() if hasattr(doc, "as_dict") else vars(doc)


def _safe_date(value: Any, where: str | None) -> str | None:
    try:
        return parse_published(value, where)
    except InputError:
        return None  # page metadata is a hint; a bad date there is not an error of the input
