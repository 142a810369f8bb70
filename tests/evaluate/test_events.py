"""Tests for the GSR event-detection runner (tiny hand-made CSVs; the dev set only if present)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.evaluate.events import evaluate_events, read_detection, score

ROWS = [
    ("yes", "قتل مسلحون خمسة جنود في هجوم انتحاري بسيارة مفخخة أمس."),
    ("yes", "فجر انتحاري نفسه وسط سوق شعبي مما أدى إلى مقتل عشرة أشخاص."),
    ("easy no", "ارتفعت أسعار النفط في الأسواق العالمية اليوم."),
    ("difficult no", "لم يقتل أحد في الحادث."),
    ("ambiguous", "تحدث الوزير عن الأوضاع الأمنية."),
]


def write_csv(path: Path, rows, kind: str = "ASSAULT") -> Path:
    """A detection CSV in the GSR layout."""
    lines = ["accept,event_type,id,label,reject,text,total"]
    lines += [f'0,{kind},x{i},{label},0,"{text}",0' for i, (label, text) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_detection_scores_leave_ambiguous_out(tmp_path: Path) -> None:
    result = evaluate_events(write_csv(tmp_path / "a.csv", ROWS))
    scores = result["types"]["ASSAULT"]
    assert result["left_out"] == 1
    assert scores["tp"] + scores["fn"] == 2 and scores["fp"] + scores["tn"] == 2
    assert scores["tp"] >= 1 and scores["fp"] == 0  # the negated killing is not an event


def test_spans_share(tmp_path: Path) -> None:
    spans = [
        {
            "text": ROWS[0][1],
            "event_type": "ASSAULT",
            "source_gold": "مسلحون",
            "target_gold": "جنود",
        }
    ]
    path = tmp_path / "s.json"
    path.write_text(json.dumps(spans, ensure_ascii=False), encoding="utf-8")
    result = evaluate_events(write_csv(tmp_path / "a.csv", ROWS[:1]), spans=path)
    assert result["spans"]["records"] == 1
    assert result["spans"]["source"]["records"] == 1


@pytest.mark.parametrize(
    ("pairs", "want"),
    [([(True, True), (False, True), (True, False)], (0.5, 0.5, 0.5)), ([], (0.0, 0.0, 0.0))],
)
def test_score(pairs, want) -> None:
    s = score(pairs)
    assert (s["precision"], s["recall"], s["f1"]) == want


def test_bad_csv_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected columns"):
        read_detection(path)


MODEL_CASES = [
    ("no trigger", [], False),
    ("one reliable asserted trigger", [(0.9, False, True, ("count",))], True),
    ("only negated or hypothetical triggers", [(0.9, True, True, ())], False),
]


@pytest.mark.parametrize(("name", "triggers", "want"), MODEL_CASES, ids=[c[0] for c in MODEL_CASES])
def test_trigger_features(name: str, triggers: list, want: bool) -> None:
    from rasad.evaluate.event_model import trigger_features

    features = trigger_features(triggers)
    assert (features["noisy_or"] > 0) == want
    assert features["asserted"] == sum(not t[1] for t in triggers)


def test_model_fit_separates_a_clear_signal() -> None:
    from rasad.evaluate.event_model import fit, probability

    rows = [{"noisy_or": x, "asserted": 1.0 if x > 0 else 0.0} for x in (-3, -2, -1, 1, 2, 3) * 5]
    gold = [r["noisy_or"] > 0 for r in rows]
    weights = fit(rows, gold)
    assert probability({"noisy_or": 3, "asserted": 1.0}, weights) > 0.5
    assert probability({"noisy_or": -3}, weights) < 0.5


@pytest.mark.parametrize(
    ("sentence_id", "doc"),
    [("AAW_ARB_20070425.0026-8", "AAW_ARB_20070425.0026"), ("e6874d82_32", "e6874d82")],
)
def test_folds_keep_a_document_together(sentence_id: str, doc: str) -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_event_reliability.py"
    spec = importlib.util.spec_from_file_location("build_event_reliability", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.doc_id(sentence_id) == doc
    assert module.fold_of(doc) == module.fold_of(module.doc_id(sentence_id))


def test_silver_model_loads_and_scores() -> None:
    from rasad.evaluate.event_model import load_silver, sparse_probability

    model = load_silver()
    assert set(model) == {"PROTEST", "ASSAULT"}
    weights, threshold = model["ASSAULT"]
    assert 0.0 < sparse_probability({"bias": 1.0, "on": 1.0}, weights) < 1.0
    assert 0.0 < threshold < 1.0
