"""Analyze annotated articles and score them against their gold files (GOLD.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rasad.evaluate.gold import LAYERS, score_many


def load_gold(path: str | Path) -> dict[str, Any]:
    """A gold file; a clear error when it is not one."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for key in ("input", "actors", "mentions"):
        if key not in data:
            raise ValueError(f"{path}: not a gold file (no {key!r} field; see GOLD.md)")
    return data


def predict(
    gold: dict[str, Any], gold_path: Path, articles: str | Path | None = None
) -> dict[str, Any]:
    """The analysis record of the article a gold file describes."""
    from rasad.api import analyze_record
    from rasad.ingest.readers import read_file
    from rasad.ingest.records import InputError

    spec = gold["input"]
    text_path = Path(articles or gold_path.parent) / spec["path"]
    if not text_path.exists():
        raise ValueError(f"{gold_path}: article {text_path} not found (use --articles DIR)")
    [rec] = list(read_file(text_path))
    if isinstance(rec, InputError):
        raise ValueError(str(rec))
    defaults = {"published": spec.get("published"), "outlet": spec.get("outlet")}
    return analyze_record(rec, defaults=defaults).to_dict()


def evaluate_gold(
    files: Iterable[str | Path], articles: str | Path | None = None
) -> dict[str, Any]:
    """Per-layer P/R/F1 summed over the gold files, with the misses and false hits."""
    pairs = []
    for f in files:
        gold = load_gold(f)
        pairs.append((gold, predict(gold, Path(f), articles)))
    total = score_many(pairs)
    return {
        "articles": len(pairs),
        "layers": {layer: total[layer].scores() for layer in LAYERS},
        "misses": {
            layer: {"missed": total[layer].missed, "false": total[layer].wrong}
            for layer in LAYERS
            if total[layer].missed or total[layer].wrong
        },
    }
