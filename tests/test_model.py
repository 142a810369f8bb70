"""The Article model round-trips the rasad/1 record exactly."""

from __future__ import annotations

import json

import pytest

from rasad.model import Actor, Article, DateExpr, Event, Mention, Quote, Removed, text_id

RECORD = {
    "schema": "rasad/1",
    "id": "x",
    "source": {"path": "a.txt", "url": None, "outlet": "Al Mayadeen"},
    "published": "2021-03-02",
    "title": "عنوان",
    "text": "عنوان\n\nقال غانتس إن إسرائيل",
    "removed": [{"text": "اخترنا لك", "reason": "widget"}],
    "sentences": [[0, 5], [7, 25]],
    "mentions": [
        {"start": 11, "end": 16, "text": "غانتس", "type": "PER", "actor": "a:benny-gantz"}
    ],
    "actors": [
        {
            "id": "a:benny-gantz",
            "type": "PER",
            "name": "Benny Gantz",
            "name_ar": "بيني غانتس",
            "country": "ISR",
            "role": "Minister of Defense",
            "cameo": "ISRGOV",
            "wikidata": None,
            "known": True,
        }
    ],
    "events": [
        {
            "id": "e1",
            "code": "041",
            "root": "04",
            "label": "Discuss by telephone",
            "plover": "CONSULT",
            "source": ["a:benny-gantz"],
            "target": ["c:ISR"],
            "sentence": 1,
            "trigger": {"start": 7, "end": 10, "text": "قال"},
            "date": {"value": "2021-02-23", "precision": "day", "from": "d1"},
            "location": None,
            "negated": False,
            "modality": "asserted",
            "reported_by": [],
            "confidence": 0.8,
        }
    ],
    "quotes": [
        {
            "id": "q1",
            "start": 20,
            "end": 25,
            "text": "إسرائ",
            "speaker": "a:benny-gantz",
            "via": None,
            "kind": "indirect",
            "cue": "قال",
        }
    ],
    "dates": [
        {"id": "d1", "start": 0, "end": 5, "text": "عنوان", "value": None, "precision": "vague"}
    ],
}


def test_round_trip_is_exact():
    article = Article.from_dict(RECORD)
    assert article.to_dict() == RECORD
    assert json.loads(json.dumps(article.to_dict())) == RECORD


def test_field_order_follows_the_spec():
    keys = list(Article.from_dict(RECORD).to_dict())
    assert keys == [
        "schema",
        "id",
        "source",
        "published",
        "title",
        "text",
        "removed",
        "sentences",
        "mentions",
        "actors",
        "events",
        "quotes",
        "dates",
    ]


def test_span_types():
    a = Article.from_dict(RECORD)
    assert isinstance(a.removed[0], Removed) and isinstance(a.mentions[0], Mention)
    assert isinstance(a.actors[0], Actor) and isinstance(a.events[0], Event)
    assert isinstance(a.quotes[0], Quote) and isinstance(a.dates[0], DateExpr)
    assert a.actor("a:benny-gantz").country == "ISR"
    assert a.actor("nobody") is None


def test_other_schema_is_rejected():
    with pytest.raises(ValueError, match="schema"):
        Article.from_dict({**RECORD, "schema": "other/2"})


@pytest.mark.parametrize(
    "a, b",
    [
        ("قال غانتس", "قال غانتس"),
        ("أكد إسرائيل", "اكد اسرائيل"),  # alef forms
        ("مدرسةٌ", "مدرسه"),  # diacritics and ta marbuta
        ("قال  غانتس\n", "قال غانتس"),  # white space folded
        ("عام ٢٠٢١", "عام 2021"),  # Arabic-Indic digits
    ],
)
def test_id_is_stable_over_normalization(a, b):
    assert text_id(a) == text_id(b)
    assert len(text_id(a)) == 16


def test_different_texts_have_different_ids():
    assert text_id("قال غانتس") != text_id("قال نتنياهو")


def test_article_id_defaults_to_text_hash():
    assert Article(text="نص عربي").id == text_id("نص عربي")
