"""Furniture removal: line rules, related-link boxes, edges, and the clean stage."""

from __future__ import annotations

import json

import pytest

from rasad.clean.furniture import clean, clean_text, find_furniture, line_reason
from rasad.model import Article

# Single lines in the styles of the ANT sites (BBC, CNN, France 24, Al Arabiya, Sky News)
# and the SaudiNewsNet dailies; written for these tests.
FURNITURE = [
    ("شارك هذا الخبر: فيسبوك | تويتر | واتساب", "share"),
    ("شاركوا المقال عبر تويتر / فيسبوك", "share"),
    ("انشر على فيسبوك", "share"),
    ("اقرأ أيضاً: وزير يزور المدينة", "related"),
    ("اقرأ أيضا| عاصفة تضرب الساحل", "related"),
    ("إقرأ أيضا: الحكومة تعلن خطة جديدة", "related"),
    ("اقرأ.. ما الذي يعنيه القرار؟", "related"),
    ("للمزيد: المعارضة ترفض المبادرة", "related"),
    ("للمزيد - انتخابات في البلاد", "related"),
    ("اقرأ المزيد - العراق: انتخابات وانقسامات", "related"),
    ("شاهد أيضا: لحظة وصول الوفد", "related"),
    ("قد يهمك: أسعار النفط ترتفع", "related"),
    ("مقالات أخرى للكاتبعنوان أولعنوان ثان", "related"),
    ("اخترنا لك", "widget"),
    ("...المزيد", "widget"),
    ("المزيد", "widget"),
    ("Next Previous", "widget"),
    ("تعليقات ()", "widget"),
    ("لمتابعة المباراة على الحواسيب اللوحية، اضغط هنا...", "widget"),
    ("لقراءة الحوار كاملا أنقر هنــا", "widget"),
    ("شارك", "share"),
    ("تابعنا على تويتر", "share"),
    ("فيسبوك / تويتر / واتساب", "share"),
    ("مصدر الصورة Getty Images", "photo_credit"),
    ("مصدر الصورة: رويترز", "photo_credit"),
    ("حقوق الصورة AFP", "photo_credit"),
    ("Getty Images", "photo_credit"),
    ("حقوق نشر كافة الصور محفوظة.", "photo_credit"),
    ("** جميع المقالات المنشورة تمثل رأي كتابها فقط.", "disclaimer"),
    ("**حقوق النشر محفوظة للمجلة", "disclaimer"),
    ("*نقلاً عن صحيفة الرياض السعودية", "source_note"),
    ("* نقلا عن الخليج الإماراتية", "source_note"),
    ("* خدمة «نيويورك تايمز»", "source_note"),
    ("// انتهى //", "end_marker"),
    ("//يتبع//", "end_marker"),
    ("-----------------------", "separator"),
    ("* * *", "separator"),
    ("×××", "separator"),
    ("writer@example.com", "contact"),
    ("تويتر: @some_writer", "contact"),
    ("للتواصل مع الكاتب ارسل رسالة SMS", "contact"),
    ("88591 - Stc", "contact"),
    ("لمراسلة الكاتب: writer@example.com", "contact"),
    ("https://www.example.com/news/1", "link"),
    ("الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "dateline"),
    ("(واس)", "dateline"),
    ("اقرأ\u00a0أيضاً:\u00a0وزير يزور المدينة", "related"),  # NBSP
    ("اخـــترنا لك", "widget"),  # tatweel
    ("قد يعجبك أيضا", "widget"),
    ("شاهد الفيديو", "widget"),
    ("(صورة أرشيفية)", "photo_credit"),
    ("تصوير: أحمد علي", "photo_credit"),
]

# Article lines that look a little like furniture and must stay.
ARTICLE = [
    "شارك الرئيس في القمة على تويتر",
    "شارك آلاف المتظاهرين في المسيرة أمس.",
    "اخترنا لكم أبرز نجوم كرة القدم الذين يغيبون عن البطولة.",
    "وقال الوزير إن المزيد من المساعدات سيصل قريبا.",
    "شارك آلاف المتظاهرين في المسيرة يوم الجمعة.",
    "وشارك في المؤتمر نحو 40 دولة.",
    "تابع قائد المنتخب المباراة من المدرجات.",
    "اقرأ بعناية شروط الاستخدام ثم اضغط على زر الموافقة.",
    "شاهد واستمع إلى المغني وهو ينطق كلمات عربية.",
    "* للمزيد من التضليل يعتبرون الفوز بالبطولات نجاحا لعملهم.",
    "وكتب على تويتر أن القرار نهائي.",
    "مصدر سعودي مسؤول ينفي أي علاقة بالحادث",
    "صورة الغبار في الشعر الجاهلي تأليف: صالح الحارثي",
    "حقوق الإنسان مصونة وفقا للقانون",
    "تعليق الاختبارات النووية",
    "فيديو يثير غضب آلاف المواطنين",
    "1- ريال مدريد: 36 نقطة من 14 مباراة",
    "• اضغط على الخصوصية.",
    "انتهت الجولة الأولى من المفاوضات دون اتفاق.",
    "وتراجع المؤشر 3.5% في ختام التعاملات.",
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_furniture_line(line: str, reason: str) -> None:
    assert line_reason(line) == reason


@pytest.mark.parametrize("line", ARTICLE)
def test_article_line_kept(line: str) -> None:
    assert line_reason(line) is None
    assert find_furniture(["قال الوزير إن الاجتماع مهم.", line, "وانتهى الاجتماع."])[1] is None


def test_related_box_label_takes_the_headlines_under_it() -> None:
    lines = [
        "وقال المتحدث إن المحادثات ستستمر.",
        "اقرأ أيضاً:",
        "عاصفة تضرب الساحل الشرقي",
        'وزير: "لن نتراجع عن القرار"',
        "وأضاف أن الوفد سيعود الأسبوع المقبل.",
    ]
    assert find_furniture(lines) == [None, "related", "related", "related", None]


def test_bullet_box_with_indented_headline() -> None:
    lines = [
        "وذكرت الصحيفة أن الاتفاق قريب.",
        "  • الوزير:",
        '    مصادر: "الحكومة" تدرس خطة جديدة لـ"تطوير القطاع"',
        "وقال مسؤول إن الخطة ستعلن قريبا.",
    ]
    assert find_furniture(lines) == [None, "related", "related", None]


def test_article_bullets_are_kept() -> None:
    lines = ["اتبع الخطوات التالية:", "• افتح الإعدادات.", "• اختر الخصوصية.", "ثم احفظ التغييرات."]
    assert find_furniture(lines) == [None, None, None, None]


@pytest.mark.parametrize(
    ("first", "reason"),
    [
        ("عين اليوم – متابعات", "byline"),
        ("محمد أحمد – عين اليوم", "byline"),
        ("Next Previous عين اليوم – جدة", "byline"),
        ("فرانس24/ أ ف ب", "dateline"),
        ("سمات: اقتصاد، نفط، أسواق", "tags"),
        ("المصدر: وكالات", "source_note"),
        ("إعداد: سارة محمد", "byline"),
    ],
)
def test_edge_lines_only_at_the_edges(first: str, reason: str) -> None:
    body = ["قال الوزير إن الاجتماع مهم.", "وانتهى الاجتماع."]
    assert find_furniture([first, *body])[0] == reason
    assert find_furniture([*body, first])[-1] == reason
    assert find_furniture([body[0], first, body[1]])[1] is None


def test_clean_text_layout() -> None:
    text = "العنوان\n\n  السطر الأول.  \n\n\n اخترنا لك\n\nالسطر الثاني.\n// انتهى //"
    cleaned, removed = clean_text("العنوان", text)
    assert cleaned == "العنوان\n\nالسطر الأول.\n\nالسطر الثاني."
    assert [(r.text, r.reason) for r in removed] == [
        ("اخترنا لك", "widget"),
        ("// انتهى //", "end_marker"),
    ]


def test_clean_without_title_and_idempotent() -> None:
    article = clean(Article(text="الفقرة الأولى.\n\n-----\n\nالفقرة الثانية."))
    assert article.text == "الفقرة الأولى.\n\nالفقرة الثانية."
    again = clean(Article(text=article.text))
    assert again.text == article.text and again.removed == []


def test_sample_article_cleaning(shared) -> None:
    from rasad.api import analyze
    from rasad.ingest.records import split_title

    gold = json.loads((shared / "seed" / "gantz-alliance.gold.json").read_text(encoding="utf-8"))
    title, body = split_title((shared / "seed" / "gantz-alliance.txt").read_text(encoding="utf-8"))
    article = analyze(body, title=title, stages=["clean"])
    for dropped in gold["cleaning"]["drop"]:
        assert dropped not in article.text
    for kept in gold["cleaning"]["keep"]:
        assert kept in article.text
    assert {r.reason for r in article.removed} == {"related", "widget"}
    assert (
        len(article.text.split("\n\n")) == len([ln for ln in body.splitlines() if ln.strip()]) - 2
    )


def test_furniture_yaml_has_no_duplicate_keys() -> None:
    import yaml

    from rasad.data.loader import data_path

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        assert len(keys) == len(set(keys)), f"duplicate keys in furniture.yaml: {keys}"
        return loader.construct_mapping(node, deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    yaml.load(data_path("furniture.yaml").read_text(encoding="utf-8"), Loader=Strict)  # noqa: S506
