"""Tests of the date stage: Hijri dates, holidays, numeric dates, ranges, durations, spans."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hijridate import Hijri

from rasad.analyze.dates import dates, find_dates, parse_published
from rasad.model import Article

from .dates_helpers import PUB, check, main


def _hijri(y, m, d) -> str:
    g = Hijri(y, m, d).to_gregorian()
    return date(g.year, g.month, g.day).isoformat()


def _hijri_range(y, m) -> str:
    h = Hijri(y, m, 1)
    start = date.fromisoformat(_hijri(y, m, 1))
    end = date.fromordinal(start.toordinal() + h.month_length() - 1)
    return f"{start}/{end}"


def _hijri_year_range(y) -> str:
    end = date.fromordinal(date.fromisoformat(_hijri(y + 1, 1, 1)).toordinal() - 1)
    return f"{_hijri(y, 1, 1)}/{end}"


HIJRI = [
    ("1 رمضان 1442 هـ", "2021-04-13", "day"),
    ("في 1 رمضان 1442هـ", _hijri(1442, 9, 1), "day"),
    ("في 10 ذي الحجة 1441 هـ", _hijri(1441, 12, 10), "day"),
    ("في 10 ذو الحجة 1441 هـ", _hijri(1441, 12, 10), "day"),
    ("الموافق 12 ربيع الأول 1442 هجرية", _hijri(1442, 3, 12), "day"),
    ("في 27 رجب 1442 هـ", _hijri(1442, 7, 27), "day"),
    ("في 15 شعبان 1442", _hijri(1442, 8, 15), "day"),
    ("في 1 محرم 1443 هـ", _hijri(1443, 1, 1), "day"),
    ("في 1 شوال 1441 هـ", _hijri(1441, 10, 1), "day"),
    ("في 5 جمادى الأولى 1442 هـ", _hijri(1442, 5, 5), "day"),
    ("في 20 جمادى الآخرة 1442 هـ", _hijri(1442, 6, 20), "day"),
    ("في 3 صفر 1442 هـ", _hijri(1442, 2, 3), "day"),
    ("في 9 ربيع الآخر 1442 هـ", _hijri(1442, 4, 9), "day"),
    ("في 7 ذي القعدة 1441 هـ", _hijri(1441, 11, 7), "day"),
    ("14-09-1432 هـ", "2011-08-14", "day"),
    ("بتاريخ 20/02/1430 هـ", "2009-02-15", "day"),
    ("رمضان 1442 هـ", _hijri_range(1442, 9), "range"),
    ("في شهر شوال 1441 هـ", _hijri_range(1441, 10), "range"),
    ("سنة 1442 هـ", _hijri_year_range(1442), "range"),
    ("عام 1441 للهجرة", _hijri_year_range(1441), "range"),
]


@pytest.mark.parametrize(("text", "value", "precision"), HIJRI)
def test_hijri(text, value, precision):
    check(text, value, precision)


def test_hijri_without_year_uses_publication():
    check("في 1 رمضان", "2021-04-13", "day", direction="future")


HOLIDAYS = [
    ("خلال عطلة عيد الفطر الماضي", _hijri(1441, 10, 1)),
    ("قبيل عيد الأضحى المقبل", _hijri(1442, 12, 10)),
    ("عيد الأضحى 2013", "2013-10-15"),
    ("عيد الفطر 1442 هـ", _hijri(1442, 10, 1)),
    ("احتفالات عيد الميلاد 2020", "2020-12-25"),
    ("عيد الفصح 2021", "2021-04-04"),
    ("رأس السنة الهجرية 2019", "2019-08-31"),
    ("يوم عرفة 1441 هـ", _hijri(1441, 12, 9)),
]


@pytest.mark.parametrize(("text", "value"), HOLIDAYS)
def test_holidays(text, value):
    check(text, value, "day")


NUMERIC = [
    ("بتاريخ 25/2/2021", "2021-02-25", "day"),
    ("بتاريخ 2021-02-25", "2021-02-25", "day"),
    ("بتاريخ 2021/2/25", "2021-02-25", "day"),
    ("في 05.06.2019", "2019-06-05", "day"),
    ("في ٢٥/٠٢/٢٠٢١", "2021-02-25", "day"),
    ("صدر في 2/2013", "2013-02", "month"),
    ("يوم السبت 21/09", "2020-09-21", "day"),
]


@pytest.mark.parametrize(("text", "value", "precision"), NUMERIC)
def test_numeric(text, value, precision):
    check(text, value, precision)


RANGES = [
    ("من 3 إلى 5 مارس", "2020-03-03/2020-03-05"),
    ("سيعقد المؤتمر من 3 إلى 5 أبريل", "2021-04-03/2021-04-05"),
    ("بين 13 و15 تموز 2020", "2020-07-13/2020-07-15"),
    ("من 13 تموز الى 15 تموز 2013", "2013-07-13/2013-07-15"),
    ("من 28 شباط إلى 3 آذار 2021", "2021-02-28/2021-03-03"),
    ("13-15 يوليو 2018", "2018-07-13/2018-07-15"),
    ("يوليو 13-15 2018", "2018-07-13/2018-07-15"),
    ("في الفترة من 25 إلى 31 آذار/مارس الحالي", "2021-03-25/2021-03-31"),
    ("من الثالث والعشرين وحتى السادس والعشرين من أكتوبر 2013", "2013-10-23/2013-10-26"),
    ("بين 1 و8 شباط الماضي", "2021-02-01/2021-02-08"),
    ("من 14 يونيو وحتى 15 يوليو المقبلين", "2021-06-14/2021-07-15"),
]


@pytest.mark.parametrize(("text", "value"), RANGES)
def test_ranges(text, value):
    check(text, value, "range")


DURATIONS = [
    ("منذ ثلاث سنوات", "duration"),
    ("منذ عدة أشهر", "duration"),
    ("منذ سنوات", "duration"),
    ("منذ أكثر من عامين", "duration"),
    ("منذ ستة أشهر", "duration"),
    ("خلال أسبوعين", "duration"),
    ("خلال 24 ساعة وثلاثة أيام", "duration"),
    ("لمدة ثلاثة أيام", "duration"),
    ("يومين", "duration"),
    ("4 عام", "duration"),
    ("سجن خمس سنوات", "duration"),
    ("عشرة أشهر", "duration"),
    ("مؤخرا", "vague"),
    ("مؤخراً", "vague"),
    ("في الأيام الأخيرة", "vague"),
    ("في الآونة الأخيرة", "vague"),
    ("في وقت لاحق", "vague"),
    ("في الأشهر الماضية", "vague"),
    ("خلال الأيام المقبلة", "vague"),
    ("قبل أيام", "vague"),
    ("قبل عدة أسابيع", "vague"),
    ("قبل أكثر من شهر", "vague"),
    ("قبل يومين من الانتخابات", "vague"),
    ("بعد سنوات من التطبيع", "vague"),
    ("وبعد ست سنوات في السلطة رحل", "vague"),
    ("حاليا", "vague"),
]


@pytest.mark.parametrize(("text", "precision"), DURATIONS)
def test_durations_and_vague(text, precision):
    check(text, None, precision)


NO_PUBLISHED = [
    ("اليوم الثلاثاء", None, "day"),
    ("قبل أسبوع", None, "day"),
    ("أمس", None, "day"),
    ("الخميس الماضي", None, "day"),
    ("الأسبوع المقبل", None, "week"),
    ("العام الماضي", None, "year"),
    ("قبل ثلاثة أشهر", None, "month"),
    ("25 شباط/فبراير الماضي", None, "day"),
    ("في يناير الماضي", None, "month"),
    ("25 شباط 2021", "2021-02-25", "day"),
    ("عام 2018", "2018", "year"),
    ("1 رمضان 1442 هـ", "2021-04-13", "day"),
    ("بتاريخ 25/2/2021", "2021-02-25", "day"),
    ("مايو 2019", "2019-05", "month"),
]


@pytest.mark.parametrize(("text", "value", "precision"), NO_PUBLISHED)
def test_without_published_date(text, value, precision):
    check(text, value, precision, pub=None)


NOT_DATES = [
    "اشترى سيارة نيسان جديدة",
    "قالت ماي إن الحكومة",
    "فاز الفريق في أوت دور",
    "مارس الضغط على الحكومة",
    "اجتمع الجنرال عام مع القادة",
    "قال المدعي العام إن",
    "احتفل العالم باليوم العالمي للمرأة",
    "في اليوم الأول من المؤتمر",
    "وفي ذلك اليوم قال",
    "في نفس اليوم",
    "في اليوم التالي",
    "فرق بين الاثنين",
    "قال أحد المسؤولين",
    "وكانت النتيجة 2-1",
    "أصيب 2000 جندي",
    "الجمعية العامة للأمم المتحدة",
    "سجل آب نقطتين",
    "اشتباكات في إب وتعز",
    "في العام الدراسي",
    "احتفل بعيد ميلاده",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text, PUB) == []


SPANS = [
    ("وأكد غانتس اليوم الثلاثاء، أن", "اليوم الثلاثاء"),
    ("الاجتماع السري الذي جمع بينهما قبل أسبوع، والمحادثة", "قبل أسبوع"),
    ("أشارت بدورها في وقت سابق اليوم، عن محادثات", "في وقت سابق اليوم"),
    ("قد كشفت في 25 شباط/فبراير الماضي لموقع", "25 شباط/فبراير الماضي"),
    ('كوخافي أواخر شهر كانون الثاني/يناير الماضي "نقف', "أواخر شهر كانون الثاني/يناير الماضي"),
    ("وبالأمس قال", "الأمس"),
    ("أعلن ذلك مؤخراً.", "مؤخراً"),
    ("ويومَ الثلاثاءِ قال", "يومَ الثلاثاءِ"),
]


@pytest.mark.parametrize(("text", "span"), SPANS)
def test_spans(text, span):
    d = main(text)
    assert d.text == span
    assert text[d.start : d.end] == span


def test_several_dates_in_order_with_ids():
    found = find_dates("قال أمس إن الاجتماع سيعقد الخميس المقبل في 5 آذار", PUB)
    assert [d.id for d in found] == ["d1", "d2", "d3"]
    assert [d.value for d in found] == ["2021-03-01", "2021-03-04", "2021-03-05"]


def test_stage_fills_article_dates():
    article = Article(text="قال الوزير اليوم الثلاثاء إن", published="2021-03-02T10:00:00+02:00")
    dates(article)
    assert [(d.id, d.value) for d in article.dates] == [("d1", "2021-03-02")]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2021-03-02", date(2021, 3, 2)),
        ("2021-03-02T23:10:00+00:00", date(2021, 3, 2)),
        (datetime(2021, 3, 2, 8), date(2021, 3, 2)),
        (date(2021, 3, 2), date(2021, 3, 2)),
        (None, None),
        ("", None),
        ("not a date", None),
    ],
)
def test_parse_published(published, expected):
    assert parse_published(published) == expected


def test_bad_direction_is_a_clear_error():
    with pytest.raises(ValueError, match="direction"):
        find_dates("اليوم", PUB, direction="sideways")


def test_empty_and_non_arabic_text():
    assert find_dates("", PUB) == []
    assert find_dates("The meeting is on Monday.", PUB) == []


def test_sample_article_dates(shared):
    text = (shared / "seed" / "gantz-alliance.txt").read_text(encoding="utf-8")
    values = {d.text: d.value for d in find_dates(text, PUB)}
    assert values["اليوم الثلاثاء"] == "2021-03-02"
    assert values["قبل أسبوع"] == "2021-02-23"
    assert values["في وقت سابق اليوم"] == "2021-03-02"
    assert values["25 شباط/فبراير الماضي"] == "2021-02-25"
    assert values["أواخر شهر كانون الثاني/يناير الماضي"] == "2021-01"


@pytest.mark.parametrize(
    ("text", "published", "span", "value"),
    [
        (
            "أعلنت قطر اليوم الأربعاء 8 جمادى الأولى 1445 هـ عن هدنة",
            "2023-11-22",
            "اليوم الأربعاء 8 جمادى الأولى 1445 هـ",
            "2023-11-22",
        ),
        (
            "وقال أمس الخميس 26 شوال 1438 هـ إن",
            "2017-07-21",
            "أمس الخميس 26 شوال 1438 هـ",
            "2017-07-20",
        ),
        (
            "التقى أمس الأحد، 19 جانفي 2020 في برلين",
            "2020-01-20",
            "أمس الأحد، 19 جانفي 2020",
            "2020-01-19",
        ),
    ],
)
def test_date_in_apposition_is_one_span(text, published, span, value):
    found = find_dates(text, published)
    assert [(d.text, d.value, d.id) for d in found] == [(span, value, "d1")]


def test_different_dates_side_by_side_stay_apart():
    found = find_dates("التقيا أمس الأحد 12 جانفي 2020", "2020-01-20")
    assert len(found) == 2
