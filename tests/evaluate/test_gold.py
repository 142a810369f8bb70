"""Whole-article scoring (GOLD.md): perfect and crafted predictions, and agreement with the
reference scorer of ../shared on the sample article."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rasad.evaluate.gold import light, name_forms, score_article, score_many

GOLD = {
    "input": {"path": "x.txt", "published": "2021-03-02"},
    "cleaning": {"drop": ["اخترنا لك"], "keep": ["قال غانتس"]},
    "actors": {
        "gantz": {
            "type": "PER",
            "country": "ISR",
            "name": "Benny Gantz",
            "surfaces": ["بيني غانتس", "غانتس"],
        },
        "irn": {"type": "GPE", "country": "IRN", "name": "Iran", "surfaces": ["إيران"]},
        "un": {
            "type": "ORG",
            "country": None,
            "name": "United Nations",
            "surfaces": ["الأمم المتحدة"],
        },
        "kan": {"type": "MEDIA", "country": "ISR", "name": "Kan", "surfaces": ["كان"]},
    },
    "mentions": [["gantz", 2], ["irn", 1], ["un", 1], ["kan", 1]],
    "optional_mentions": [["هيئة البث", "MEDIA"]],
    "events": [
        {"code": "130", "source": ["gantz"], "target": ["irn"]},
        {"code": "040", "source": ["gantz"], "target": ["un"]},
    ],
    "optional_events": [{"root": "01"}],
    "quotes": [{"speaker": "gantz", "via": "kan", "text": "نقف مع تحالف قوي ضد إيران"}],
    "dates": [{"text": "اليوم الثلاثاء", "value": "2021-03-02"}],
    "optional_dates": ["منذ سنوات"],
}


def actor(aid, kind, country=None):
    return {"id": aid, "type": kind, "name": aid, "name_ar": None, "country": country}


PERFECT = {
    "text": "قال غانتس لقناة كان ... بيني غانتس ... إيران ... للأمم المتحدة",
    "mentions": [
        {"text": "بيني غانتس", "type": "PER", "actor": "a:g"},
        {"text": "غانتس", "type": "PER", "actor": "a:g"},
        {"text": "إيران", "type": "GPE", "actor": "c:IRN"},
        {"text": "لأمم المتحدة", "type": "ORG", "actor": "o:un"},
        {"text": "كان", "type": "MEDIA", "actor": "m:kan"},
    ],
    "actors": [
        actor("a:g", "PER", "ISR"),
        actor("c:IRN", "GPE", "IRN"),
        actor("o:un", "ORG"),
        actor("m:kan", "MEDIA", "ISR"),
    ],
    "events": [
        {"code": "138", "source": ["a:g"], "target": ["c:IRN"]},
        {"code": "040", "source": ["o:un"], "target": ["a:g"]},  # root 04: sides may swap
        {"code": "010", "source": ["a:g"], "target": []},
    ],  # optional by root
    "quotes": [
        {"text": "نقف مع تحالف قوي ضد إيران", "speaker": "a:g", "via": "m:kan", "kind": "direct"},
        {"text": "أن الأمر انتهى", "speaker": "a:g", "kind": "indirect"},
    ],
    "dates": [
        {"text": "اليوم الثلاثاء", "value": "2021-03-02"},
        {"text": "منذ سنوات", "value": None},
    ],
}


def f1s(pred):
    return {layer: t.scores()["f1"] for layer, t in score_article(GOLD, pred).items()}


def test_perfect_prediction_scores_one():
    scores = f1s(PERFECT)
    assert all(v == 1.0 for v in scores.values()), scores


def test_crafted_errors_score_as_counted_by_hand():
    pred = json.loads(json.dumps(PERFECT))
    pred["text"] = "اخترنا لك"  # furniture kept (fp) and the kept sentence lost (fn)
    pred["mentions"][0]["type"] = "ORG"  # بيني غانتس as ORG: neither gantz nor anything else
    pred["mentions"].append({"text": "طهران", "type": "GPE", "actor": "c:THR"})  # not in gold
    pred["actors"].append(actor("c:THR", "GPE", "IRN"))
    pred["actors"][1]["country"] = "IRQ"  # wrong country for Iran
    pred["events"][0]["target"] = ["o:un"]  # threat against the UN: false, and the threat missed
    pred["quotes"][0]["via"] = None  # via missed
    pred["dates"][0]["value"] = "2021-03-01"
    t = score_article(GOLD, pred)
    assert (t["cleaning"].tp, t["cleaning"].fp, t["cleaning"].fn) == (0, 1, 1)
    assert (t["mentions"].tp, t["mentions"].fp, t["mentions"].fn) == (4, 2, 1)
    assert (t["actors"].tp, t["actors"].fp, t["actors"].fn) == (4, 1, 0)
    assert (t["actor_country"].tp, t["actor_country"].fp) == (2, 1)
    assert (t["events"].tp, t["events"].fp, t["events"].fn) == (1, 1, 1)
    assert (t["quote_via"].tp, t["quote_via"].fp) == (0, 1)
    assert (t["date_values"].tp, t["date_values"].fp) == (0, 1)
    assert t["dates"].scores()["f1"] == 1.0


@pytest.mark.parametrize(
    "a, b",
    [
        ("أكد", "اكد"),
        ("«إسرائيل»", "إسرائيل"),
        ("غانـتس", "غانتس"),
        ("مُحمد", "محمد"),
        ("I24 News", "i24 news"),
    ],
)
def test_light_normalization(a, b):
    assert light(a) == light(b)


def test_lam_forms():
    assert "الامم المتحده".replace("ه", "ة") in {
        f.replace("ه", "ة") for f in name_forms("للأمم المتحدة")
    }
    assert "الامم المتحدة" in name_forms("لأمم المتحدة")


def test_agrees_with_reference_scorer(shared, tmp_path):
    gold_path = shared / "seed" / "gantz-alliance.gold.json"
    pred_path = tmp_path / "pred.json"
    from rasad.api import analyze_record
    from rasad.ingest.readers import read_file

    [rec] = list(read_file(shared / "seed" / "gantz-alliance.txt"))
    pred_path.write_text(
        json.dumps(analyze_record(rec, defaults={"published": "2021-03-02"}).to_dict())
    )
    ref = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            str(gold_path),
            str(pred_path),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    ours = score_many([(json.loads(gold_path.read_text()), json.loads(pred_path.read_text()))])
    assert {k: v.scores() for k, v in ours.items()} == json.loads(ref.stdout)
