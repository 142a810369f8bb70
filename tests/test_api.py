"""The Python API: analyze and analyze_many."""

from __future__ import annotations

import pytest

import rasad
from rasad import pipeline
from rasad.ingest.records import InputError


def test_analyze_returns_article():
    a = rasad.analyze("قال الوزير إن المحادثات مستمرة", title="عنوان", published="2021-03-02")
    assert a.title == "عنوان" and a.text.startswith("عنوان\n\n")
    assert a.published == "2021-03-02"
    assert a.to_dict()["schema"] == "rasad/1"


def test_analyze_rejects_non_arabic():
    with pytest.raises(InputError):
        rasad.analyze("hello world")


def test_analyze_many_in_order_with_processes():
    recs = [{"text": f"خبر رقم {i}"} for i in range(20)] + [{"title": "no text"}]
    out = list(rasad.analyze_many(recs, workers=2))
    assert len(out) == 21
    assert [a.text for a in out[:20]] == [f"خبر رقم {i}" for i in range(20)]
    assert isinstance(out[20], InputError)


def test_unknown_stage_is_an_error():
    with pytest.raises(ValueError, match="unknown stage"):
        pipeline.resolve(["no-such-stage"])


def test_stage_selection_pulls_in_requirements(monkeypatch):
    stages = [
        pipeline.Stage("a", "x:a"),
        pipeline.Stage("b", "x:b", ("a",)),
        pipeline.Stage("c", "x:c"),
    ]
    monkeypatch.setattr(pipeline, "STAGES", stages)
    assert [s.name for s in pipeline.resolve(["b"])] == ["a", "b"]
    assert [s.name for s in pipeline.resolve(None)] == ["a", "b", "c"]
    assert pipeline.parse_stages(" a, c ") == ["a", "c"]
    assert pipeline.parse_stages("") is None
