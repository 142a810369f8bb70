"""Tests of the date evaluation runner (Duckling and dateparser Arabic cases)."""

from __future__ import annotations

import json

import pytest

from rasad.evaluate.dates import duckling_expected, evaluate_dates, out_of_scope

REF = "2013-02-12T04:30:00-02:00"


def _write(tmp_path, cases):
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in cases), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ({"kind": "datetime", "grain": "Day", "value": "2013-02-19T00:00:00", "text": "الثلاثاء"}, "2013-02-19"),
        ({"kind": "datetime", "grain": "Week", "value": "2013-02-04T00:00:00", "text": "الاسبوع الماضي"}, "2013-W06"),
        ({"kind": "datetime", "grain": "Month", "value": "2013-01-01T00:00:00", "text": "الشهر الماضي"}, "2013-01"),
        ({"kind": "datetime", "grain": "Year", "value": "2012-01-01T00:00:00", "text": "السنة السابقة"}, "2012"),
        (
            {"kind": "datetimeInterval", "grain": "Day", "start": "2013-07-13T00:00:00",
             "end": "2013-07-16T00:00:00", "text": "13 الى 15 تموز"},
            "2013-07-13/2013-07-15",
        ),
        (
            {"kind": "datetimeInterval", "grain": "Day", "start": "2013-03-21T00:00:00",
             "end": "2013-04-01T00:00:00", "text": "في اواخر اذار"},
            "2013-03",
        ),
    ],
)  # fmt: skip
def test_duckling_expected_values(case, expected):
    assert duckling_expected(case) == expected


def test_out_of_scope_reasons():
    clock = {"kind": "datetime", "grain": "Hour", "value": "2013-02-12T03:00:00",
             "text": "الساعة 3 صباحا", "reference_time": REF}  # fmt: skip
    assert "clock" in out_of_scope(clock)
    assert "now" in out_of_scope({"text": "الان", "kind": "datetime", "grain": "Second"})
    assert out_of_scope({"text": "منذ ساعتين", "expected_translation": "ago 2 hour"})
    assert out_of_scope({"text": "امس", "kind": "datetime", "grain": "Day"}) is None


def test_evaluate_small_file(tmp_path):
    cases = [
        {"kind": "datetime", "grain": "Day", "value": "2013-02-11T00:00:00", "text": "امس", "reference_time": REF},
        {"kind": "datetime", "grain": "Day", "value": "2013-03-01T00:00:00", "text": "1 مارس", "reference_time": REF},
        {"source": "x", "text": "منذ 3 أيام", "ago": {"days": 3}, "period": "day"},
        {"source": "x", "text": "يومين", "expected_translation": "2 day"},
        {"kind": "datetime", "grain": "Second", "value": "2013-02-12T04:30:00", "text": "الان", "reference_time": REF},
    ]  # fmt: skip
    report = evaluate_dates(_write(tmp_path, cases))
    assert (report["cases"], report["in_scope"], report["correct"]) == (5, 4, 4)
    assert report["share"] == 1.0 and report["misses"] == []
    assert [o["text"] for o in report["out_of_scope"]] == ["الان"]


def test_bad_line_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "امس"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":2: not JSON"):
        evaluate_dates(path)


@pytest.mark.parametrize("name", ["duckling_ar_time_corpus.jsonl", "dateparser_ar_cases.jsonl"])
def test_library_cases_share(shared, name):
    report = evaluate_dates(shared / "data" / "dates" / name)
    assert report["share"] >= 0.95, report["misses"]
    assert all(o["reason"] for o in report["out_of_scope"])
