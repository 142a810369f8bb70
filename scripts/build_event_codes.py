"""Build rasad/data/events/cameo_codes.tsv: CAMEO code -> label -> PLOVER category.

Reads ../shared/data/events/plover/CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, Open Event Data
Alliance) and the project's rasad/data/events/cameo_extra.tsv (roots 01/02 and root labels,
which the PLOVER table lacks). Usage: ``python scripts/build_event_codes.py``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
PLOVER = SHARED / "data" / "events" / "plover" / "CAMEO2PLOVER-2021.txt"
OUT = ROOT / "rasad" / "data" / "events" / "cameo_codes.tsv"
LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,?([^#]*)#?\s*(.*)$")
ROOT_LINE = re.compile(r"^(\d{2}):\s*([A-Z]+)\s*$")

HEADER = """# CAMEO event codes with their labels and PLOVER categories.
# Sources: CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, github.com/openeventdata/PLOVER,
#   CC BY-SA 4.0) and rasad/data/events/cameo_extra.tsv (CAMEO codebook v1.1b3 labels).
# Licence: CC BY-SA 4.0 (derived from the PLOVER table).
# How built: scripts/build_event_codes.py; PLOVER is empty for roots 01/02 (not in PLOVER).
code\troot\tlabel\tplover
"""


def read_extra() -> dict[str, str]:
    """Labels typed from the CAMEO codebook (code -> label)."""
    path = ROOT / "rasad" / "data" / "events" / "cameo_extra.tsv"
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()]
    return {r[0]: r[1] for r in rows[1:] if r and not r[0].startswith("#") and r[0] != "code"}


def read_plover() -> dict[str, tuple[str, str]]:
    """code -> (label, PLOVER category) from the conversion table (first mapping wins)."""
    out: dict[str, tuple[str, str]] = {}
    for line in PLOVER.read_text(encoding="utf-8").splitlines():
        if m := ROOT_LINE.match(line.strip()):
            out.setdefault(m.group(1), ("", m.group(2)))
        elif m := LINE.match(line.strip()):
            out.setdefault(m.group(1), (m.group(4).strip(), m.group(2)))
    return out


def build() -> list[tuple[str, str, str, str]]:
    """All rows (code, root, label, plover), sorted by code."""
    extra, plover = read_extra(), read_plover()
    rows = {}
    for code, (label, cat) in plover.items():
        rows[code] = (code, code[:2], label or extra.get(code, ""), cat)
    for code, label in extra.items():
        if code not in rows:
            rows[code] = (code, code[:2], label, "")
        elif not rows[code][2]:
            rows[code] = (code, code[:2], label, rows[code][3])
    return [rows[c] for c in sorted(rows)]


def main() -> int:
    """Write the table; fail clearly without ../shared."""
    if not PLOVER.exists():
        print(f"missing {PLOVER}", file=sys.stderr)
        return 1
    rows = build()
    body = "".join("\t".join(r) + "\n" for r in rows)
    OUT.write_text(HEADER + body, encoding="utf-8")
    print(f"wrote {len(rows)} codes to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
