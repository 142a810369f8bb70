"""Quality gate: every pinned metric must stay at or above its floor in baseline.json.

Raise a floor when quality improves; a drop below it fails CI. The project's own gold set
(tests/evaluate/gold) runs everywhere; the dev sets of ../shared run when it is present.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
BASELINE = json.loads((HERE / "baseline.json").read_text(encoding="utf-8"))


@cache
def own_gold() -> dict:
    from rasad.evaluate.articles import evaluate_gold

    return evaluate_gold(sorted((HERE / "gold").glob("*.gold.json")))["layers"]


@cache
def sample(shared: Path) -> dict:
    from rasad.evaluate.articles import evaluate_gold

    return evaluate_gold([shared / "seed" / "gantz-alliance.gold.json"])["layers"]


def _cases(group: str) -> list[tuple[str, float]]:
    return sorted(BASELINE[group].items())


@pytest.mark.parametrize("layer, floor", _cases("own_gold_f1"))
def test_own_gold_set(layer, floor):
    assert own_gold()[layer]["f1"] >= floor, f"{layer} F1 fell below its floor {floor}"


@pytest.mark.parametrize("layer, floor", _cases("sample_f1"))
def test_sample_article(shared, layer, floor):
    assert sample(shared)[layer]["f1"] >= floor, f"{layer} F1 fell below its floor {floor}"


@pytest.mark.parametrize("name, floor", _cases("dates_share"))
def test_date_cases(shared, name, floor):
    from rasad.evaluate.dates import evaluate_dates

    assert evaluate_dates(shared / "data" / "dates" / name)["share"] >= floor


@pytest.mark.parametrize("kind, floor", _cases("events_detection_f1"))
def test_event_detection(shared, kind, floor):
    from rasad.evaluate.events import evaluate_events

    path = shared / "data" / "events" / "gsr-dev" / f"{kind.lower()}_detection_dev.csv"
    assert evaluate_events(path)["types"][kind]["f1"] >= floor


@pytest.mark.parametrize("system, floor", _cases("ner_dev_micro_f1"))
def test_ner_dev(shared, system, floor):
    from rasad.evaluate.ner import evaluate_ner

    result = evaluate_ner(
        shared / "data" / "ner" / "anercorp" / "train.txt", split="dev", system=system
    )
    assert result["micro"]["f1"] >= floor
