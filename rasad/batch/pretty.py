"""A readable summary of analysis results (entities, events, quotes, dates) with rich."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import IO

from rich.console import Console
from rich.table import Table

from rasad.ingest.records import InputError
from rasad.model import Article


def print_pretty(results: Iterable[Article | InputError], out: IO[str]) -> None:
    """Print a summary per article to ``out``."""
    console = Console(file=out, width=120, highlight=False)
    for r in results:
        if isinstance(r, InputError):
            console.print(f"[red]error[/red] {r}")
            continue
        _article(console, r)


def _article(console: Console, a: Article) -> None:
    outlet = a.source.get("outlet") or ""
    console.rule(f"[bold]{a.title or a.id}[/bold]")
    console.print(
        f"id {a.id}  published {a.published or '-'}  outlet {outlet or '-'}  "
        f"{len(a.sentences)} sentences, {len(a.removed)} furniture pieces removed"
    )
    for table in (_actors(a), _events(a), _quotes(a), _dates(a)):
        if table.row_count:
            console.print(table)


def _actors(a: Article) -> Table:
    counts = Counter(m.actor for m in a.mentions)
    t = Table(title="Actors", title_justify="left")
    for col in ("actor", "type", "name", "country", "role", "cameo", "mentions"):
        t.add_column(col)
    for x in a.actors:
        name = f"{x.name_ar or ''} ({x.name})" if x.name_ar else x.name
        t.add_row(
            x.id, x.type, name, x.country or "", x.role or "", x.cameo or "", str(counts[x.id])
        )
    return t


def _names(a: Article, ids: list[str]) -> str:
    out = []
    for i in ids:
        actor = a.actor(i)
        out.append(actor.name if actor else i)
    return ", ".join(out)


def _events(a: Article) -> Table:
    t = Table(title="Events", title_justify="left")
    for col in ("code", "label", "source", "target", "trigger", "date", "modality", "reported by"):
        t.add_column(col)
    for e in a.events:
        date = (e.date or {}).get("value") or ""
        neg = " (negated)" if e.negated else ""
        t.add_row(
            e.code,
            e.label,
            _names(a, e.source),
            _names(a, e.target),
            e.trigger.get("text", ""),
            date,
            e.modality + neg,
            _names(a, e.reported_by),
        )
    return t


def _quotes(a: Article) -> Table:
    t = Table(title="Quotes", title_justify="left")
    for col in ("speaker", "via", "kind", "quote"):
        t.add_column(col)
    for q in a.quotes:
        text = q.text if len(q.text) < 90 else q.text[:87] + "..."
        t.add_row(
            _names(a, [q.speaker]) if q.speaker else "?",
            _names(a, [q.via]) if q.via else "",
            q.kind,
            text,
        )
    return t


def _dates(a: Article) -> Table:
    t = Table(title="Dates", title_justify="left")
    for col in ("text", "value", "precision"):
        t.add_column(col)
    for d in a.dates:
        t.add_row(d.text, d.value or "", d.precision)
    return t
