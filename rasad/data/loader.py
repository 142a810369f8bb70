"""The one loader for rasad's language data (TSV and YAML files under ``rasad/data/``).

Every data file starts with a header of ``#`` lines naming its source, licence and how it was
built. TSV files then have one line of column names and one row per line.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent


def data_path(name: str) -> Path:
    """The path of a data file, relative to ``rasad/data/``."""
    path = DATA_DIR / name
    if not path.exists():
        raise FileNotFoundError(f"rasad data file missing: {path}")
    return path


def _lines(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line


@cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file as dicts keyed by the column line (header comments skipped)."""
    lines = _lines(data_path(name))
    columns = next(lines).split("\t")
    rows = []
    for line in lines:
        cells = line.split("\t")
        cells += [""] * (len(columns) - len(cells))
        rows.append(dict(zip(columns, cells, strict=False)))
    return tuple(rows)


@cache
def read_yaml(name: str) -> Any:
    """A YAML data file (its header is YAML comments)."""
    import yaml

    with data_path(name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def header(name: str) -> list[str]:
    """The ``#`` header lines of a data file (source, licence, how built)."""
    path = data_path(name)
    opener = gzip.open if path.suffix == ".gz" else open
    out = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            out.append(line.rstrip("\n"))
    return out
