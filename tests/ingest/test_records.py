"""Record fields, aliases and published-date parsing."""

from __future__ import annotations

import pytest

from rasad.ingest.records import (
    InputError,
    Record,
    article_from_record,
    compose_text,
    parse_published,
    record_from_dict,
    split_title,
)


@pytest.mark.parametrize(
    "data, field, value",
    [
        ({"text": "نص"}, "text", "نص"),
        ({"content": "نص"}, "text", "نص"),
        ({"body": "نص"}, "text", "نص"),
        ({"text": "نص", "title": "عنوان"}, "title", "عنوان"),
        ({"text": "نص", "date": "2021-03-02"}, "published", "2021-03-02"),
        (
            {"text": "نص", "time": "Sun, 18 Feb 2018 21:35:43 +0400"},
            "published",
            "2018-02-18T21:35:43+04:00",
        ),
        (
            {"text": "نص", "pubDate": "2021-03-02T10:00:00Z"},
            "published",
            "2021-03-02T10:00:00+00:00",
        ),
        (
            {"text": "نص", "date_extracted": "2015-07-21 02:51:32"},
            "published",
            "2015-07-21T02:51:32",
        ),
        ({"text": "نص", "src": "alarabia"}, "outlet", "alarabia"),
        ({"text": "نص", "source": "okaz"}, "outlet", "okaz"),
        ({"text": "نص", "outlet": "Al Mayadeen"}, "outlet", "Al Mayadeen"),
        ({"text": "نص", "docno": "AL-1"}, "id", "AL-1"),
        ({"text": "نص", "id": 7}, "id", "7"),
        ({"text": "نص", "url": "http://x"}, "url", "http://x"),
    ],
)
def test_aliases(data, field, value):
    assert getattr(record_from_dict(data, "f:1"), field) == value


@pytest.mark.parametrize(
    "data, kind",
    [
        ({"title": "بلا نص"}, "no_text"),
        ({"text": "   "}, "no_text"),
        ({"text": 5}, "no_text"),
        (["not", "an", "object"], "bad_record"),
        ({"text": "نص", "date": "yesterday-ish"}, "bad_date"),
    ],
)
def test_bad_records(data, kind):
    with pytest.raises(InputError) as info:
        record_from_dict(data, "in.jsonl:3")
    assert info.value.kind == kind
    assert info.value.where == "in.jsonl:3"
    assert info.value.to_dict()["error"]["kind"] == kind


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, None),
        ("", None),
        ("2021-03-02", "2021-03-02"),
        ("2021-03-02T08:15:00+02:00", "2021-03-02T08:15:00+02:00"),
        ("Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18T21:35:43+04:00"),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_split_title_and_compose():
    title, body = split_title("\n\nعنوان المقال\n\nفقرة أولى\nفقرة ثانية\n")
    assert title == "عنوان المقال"
    assert compose_text(title, body) == "عنوان المقال\n\nفقرة أولى\n\nفقرة ثانية"


def test_text_without_arabic_is_rejected():
    with pytest.raises(InputError) as info:
        article_from_record(Record(text="only English here", where="x.txt"))
    assert info.value.kind == "not_arabic"


def test_defaults_fill_missing_metadata():
    a = article_from_record(Record(text="نص عربي"), published="2021-03-02", outlet="Al Mayadeen")
    assert a.published == "2021-03-02" and a.source["outlet"] == "Al Mayadeen"
    b = article_from_record(Record(text="نص عربي", published="2020-01-01"), published="2021-03-02")
    assert b.published == "2020-01-01"


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1700-05-05T00:00:00"])
def test_implausible_published_dates_are_rejected(value):
    with pytest.raises(InputError) as info:
        parse_published(value, "x.jsonl:1")
    assert info.value.kind == "bad_date"


def test_title_line_breaks_become_spaces():
    a = article_from_record(Record(text="نص الخبر", title="عنوان\r\nثان"))
    assert a.title == "عنوان ثان"
    assert a.text == "عنوان ثان\n\nنص الخبر"
