"""Event scoring against gold dyads (GOLD.md): root, source and target sides, optional events."""

from __future__ import annotations

from typing import Any

from rasad.evaluate.gold import _SYMMETRIC_ROOTS, Tally


class _Sides:
    """Whether a system side (actor ids) matches a gold side (gold keys)."""

    def __init__(
        self, gold: dict[str, Any], pred: dict[str, Any], mapping: dict[str, str], by_country: bool
    ):
        self.mapping = mapping
        self.by_country = by_country
        self.pred_country = {a["id"]: a.get("country") for a in pred.get("actors", [])}
        self.gold_country = {k: a.get("country") for k, a in gold["actors"].items()}

    def ok(self, ids: list[str], keys: list[str]) -> bool:
        """A side matches by identity, or (country layer) by any listed country."""
        if not keys or any(self.mapping.get(i) in keys for i in ids):
            return True
        if not self.by_country:
            return False
        wanted = {self.gold_country[k] for k in keys if self.gold_country.get(k)}
        return any(self.pred_country.get(i) in wanted for i in ids)


def _dyads(events: list[dict[str, Any]]):
    for e in events:
        for t in e.get("target") or [None]:
            yield e, t


def _matches(sides: _Sides, e: dict[str, Any], target: str | None, g: dict[str, Any]) -> bool:
    root = str(e.get("code", ""))[:2]
    if root != (g.get("root") or str(g.get("code", ""))[:2]):
        return False
    if "source" not in g:  # an optional event given by its root alone
        return True
    src, tgt = e.get("source") or [], [target] if target else []
    gs, gt = g.get("source", []), g.get("target", [])
    if sides.ok(src, gs) and sides.ok(tgt, gt):
        return True
    return root in _SYMMETRIC_ROOTS and sides.ok(tgt, gs) and sides.ok(src, gt)


def score_events(
    gold: dict[str, Any], pred: dict[str, Any], mapping: dict[str, str], by_country: bool
) -> Tally:
    """Event dyads matched to gold events; repeats of a matched event are not false."""
    sides = _Sides(gold, pred, mapping, by_country)
    gold_events = gold.get("events", [])
    pending = list(range(len(gold_events)))
    t = Tally()
    for e, target in _dyads(pred.get("events", [])):
        hit = next((i for i in pending if _matches(sides, e, target, gold_events[i])), None)
        if hit is not None:
            pending.remove(hit)
            t.tp += 1
        elif not any(
            _matches(sides, e, target, g) for g in gold_events + gold.get("optional_events", [])
        ):
            t.hit(False, note=f"{e.get('code')} {e.get('source')} -> {target}")
    for i in pending:
        g = gold_events[i]
        t.hit(False, miss_is_fn=True, note=f"{g['code']} {g['source']} -> {g['target']}")
    return t
