"""Tests of the quote stage: speaker attribution: descriptions, documents, pronouns, subjects and objects."""

from __future__ import annotations

import pytest

from .quotes_helpers import Q1, Q2, analyze, direct


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a definite description takes the latest actor of its kind, with a matching country
        (f'وأعلنت سانوفي وقف بيع اللقاح. وقالت الشركة الفرنسية في بيان: "{Q1}".', ["sanofi"]),
        (f'وأعلنت سانوفي وقف بيع اللقاح. وقالت الشركة الأمريكية: "{Q1}".', [None]),
        (f'وأصدرت وزارة الخارجية قرارا. وقالت الوزارة: "{Q1}".', ["mfa"]),
        (f'ورفض البنتاغون التعليق. وقالت الوزارة الأمريكية: "{Q1}".', ["pentagon"]),
        # ... an actor named with no class noun only when a nationality can be checked
        (f'ورفض البنتاغون التعليق. وقالت الوزارة: "{Q1}".', [None]),
        # ... never one named with another class noun
        (f'وحذرت منظمة العفو الدولية من الخطر. وقالت الوزارة: "{Q1}".', [None]),
        (f'وقالت منظمة العفو الدولية: "{Q1}". وقالت الوزارة: "{Q2}".', ["amnesty", None]),
        # a title: the latest person holding it, of that country
        (f'واتصل الرئيس بوتين بنظيره. وقال الرئيس الروسي: "{Q1}".', ["putin"]),
        (f'واتصل الرئيس بوتين بنظيره. وقال الرئيس الأمريكي: "{Q1}".', [None]),
        (f'واتصل بوتين بنظيره. وقال الرئيس الروسي: "{Q1}".', [None]),  # no such title
        # an organisation noun is not the previous speaker when that is a person
        (f'وقال لافروف: "{Q1}". وقالت الوزارة: "{Q2}".', ["lavrov", None]),
        # an unnamed referent of the same noun since the candidate blocks it
        (
            f'وأشادت الأمم المتحدة بالعمل. وأكدت اللجنة التي درسته أهميته. وقالت اللجنة: "{Q1}".',
            [None],
        ),
    ],
)
def test_recent_compatible_descriptions(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a document speaks for its issuer, named where it was first mentioned ...
        (f'ونشرت منظمة العفو الدولية تقريرا جديدا. وقال التقرير: "{Q1}".', ["amnesty"]),
        (f'وقال تقرير صادر عن الأمم المتحدة: "{Q1}".', ["un"]),
        (f'وقال تقرير لمنظمة العفو الدولية: "{Q1}".', ["amnesty"]),
        # ... or quoted in that sentence
        (f'وقالت وزارة الداخلية في بيان: "{Q1}". وأضاف البيان: "{Q2}".', ["moi", "moi"]),
        (f'وبحسب وزارة الداخلية في بيان: "{Q1}". وأضاف البيان: "{Q2}".', ["moi", "moi"]),
        # ... and is nobody's when no issuer is named (not the previous speaker)
        (f'وقال لافروف: "{Q1}". وقال التقرير: "{Q2}".', ["lavrov", None]),
        (f'وقال لافروف: "{Q1}". وأشارت الدراسة إلى أن "{Q2}".', ["lavrov", None]),
        # a report about a country is not issued by it
        (f'ونشر تقرير عن إيران أمس. وقال التقرير: "{Q1}".', [None]),
    ],
)
def test_document_sources(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a pronoun cue takes the subject of an earlier sentence of its paragraph
        (f'وأصدرت منظمة العفو الدولية تقريرا أمس. وأكدت أن "{Q1}".', ["amnesty"]),
        (f'وزار ظريف موسكو أمس. والتقى نظيره هناك. وأكد أن "{Q1}".', ["zarif"]),
        # ... and the previous paragraph's when it opens with a continuation verb
        (f'وأعربت منظمة العفو الدولية عن قلقها.\n\nوتابعت: "{Q1}".', ["amnesty"]),
        (f'وأعربت منظمة العفو الدولية عن قلقها.\n\nوقالت: "{Q1}".', [None]),
        (f'وأعربت منظمة العفو الدولية عن قلقها\n\nوتابعت: "{Q1}".', [None]),  # a headline
        # the quote's own speaker stays when the sentence after it names no new subject
        (f'وقال لافروف: "{Q1}". وكانت موسكو قد رفضت العرض. وأضاف: "{Q2}".', ["lavrov"] * 2),
        (f'وقال لافروف: "{Q1}". وفي موسكو رفض العرض. وأضاف: "{Q2}".', ["lavrov"] * 2),
    ],
)
def test_pronoun_across_sentences(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a country after a masculine transitive verb is its object
        (f'وقال لافروف: "{Q1}". ودعا إيران إلى "{Q2}".', ["lavrov", "lavrov"]),
        (f'ودعت إيران الولايات المتحدة إلى "{Q1}".', ["irn"]),
        (f'ودعا لافروف الأطراف إلى "{Q1}".', ["lavrov"]),
        # a name inside the complement (after إلى، على، بـ) is not the subject
        (f'وقال لافروف: "{Q1}". ودعا إلى محاكمة ترامب بتهمة "{Q2}".', ["lavrov", "lavrov"]),
        (f'وقال لافروف: "{Q1}". وحث على دعم ترامب في "{Q2}".', ["lavrov", "lavrov"]),
        (f'وناشد غوتيريش الأطراف "{Q1}".', ["guterres"]),
        # a noun whose gender does not fit the verb is its object
        (f'وقالت وزارة الخارجية: "{Q1}". واعتبرت السفير "{Q2}".', ["mfa", "mfa"]),
        (f'وقالت وزارة الخارجية: "{Q1}". ودعت الوزارة إلى "{Q2}".', ["mfa", "mfa"]),
    ],
)
def test_transitive_cues_take_the_subject(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a name after punctuation heads a clause only at the sentence start: not a dateline
        # outlet, not a platform in apposition
        (f'دبي، (رويترز) -- وصف لافروف الاتفاق بأنه سيئ، واعتبر أن "{Q1}".', ["lavrov"]),
        (f'ونشر ترامب تغريدات على حسابه بموقع التواصل، تويتر، حيث قال: "{Q1}".', ["trump"]),
        # a person after a preposition is not the subject of a later pronoun cue
        (
            f'وقال ظريف: "{Q1}". وبعد لقاء مع لافروف، أصدر الوفد بيانا عبر فيه عن "{Q2}".',
            ["zarif", None],
        ),
        # ... but one after "إلا أن" is
        (f'وقال ظريف: "{Q1}". إلا أن لافروف رفض العرض، مؤكدا أن "{Q2}".', ["zarif", "lavrov"]),
        # an outlet after a preposition and its class noun is not a subject
        (f'وقال ظريف: "{Q1}". وفي مقابلة على قناة سكاي نيوز عربية، فأجاب: "{Q2}".', ["zarif"] * 2),
        # a preposition inside a title does not hide the person it names
        (
            f'وقال ظريف: "{Q1}". وانتقد وزير الشؤون الأوروبية في تركيا عمر جيليك القرار، '
            f'وقال إن "{Q2}".',
            ["zarif", "celik"],
        ),
        # a company may be a network or platform named before
        (f'وقالت شبكة فيسبوك: "{Q1}". وكشفت الشركة في بيانها: "{Q2}".', ["facebook"] * 2),
        # a document after a transitive cue is its subject, not its object
        (f'وقال لافروف: "{Q1}". وحث القرار الأطراف على "{Q2}".', ["lavrov", None]),
        # a document named with a description: the outlet named before
        (f'ونشرت صحيفة "هآرتس" تقريرا. وذكر تقرير الصحيفة أن "{Q1}".', ["haaretz"]),
    ],
)
def test_clause_subjects(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a description with another nationality than the previous speaker's is someone else
        (
            f'وقال مندوب الولايات المتحدة ترامب: "{Q1}". وقال المندوب البريطاني: "{Q2}".',
            ["trump", None],
        ),
        # an unnamed subject earlier in the sentence is the subject of a later pronoun cue
        (f'وقال ترامب: "{Q1}". وأعرب المندوب الفرنسي عن ثقته، وقال: "{Q2}".', ["trump", None]),
        # "المصدر" after "مصدر رسمي" introduced since the last quote is that new source
        (
            f'وقال لافروف: "{Q1}". ووصف مصدر رسمي القرار بأنه خطأ. وقال المصدر: "{Q2}".',
            ["lavrov", None],
        ),
        (f'وقال مصدر رسمي: "{Q1}". وأضاف المصدر: "{Q2}".', [None, None]),
    ],
)
def test_new_unnamed_speakers(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a name after a preposition and an indefinite noun is a genitive, not the subject
        (f'وأعلنت الهيئة بالتزامن مع زيارة الرئيس بوتين إلى واشنطن أن "{Q1}".', [None]),
        # a name after a preposition and its title ("مع الرئيس X") is not the subject either
        (f'وقال ترامب: "{Q1}". وأكد في لقاء مع الرئيس بوتين أن "{Q2}".', ["trump", "trump"]),
        # "X لـY:": Y is spoken to
        (f'وقال ترامب: "{Q1}". وذهب ماكرون ليقول للرئيس أردوغان: "{Q2}".', ["trump", "macron"]),
        # a name governed by a noun before the verb is not its subject
        (f'وعن خطة حكومة نتنياهو قال الدبلوماسي الفرنسي: "{Q1}".', [None]),
        # a source never refers back to a named person; an epithet only to the previous speaker
        (f'اجتمع بومبيو مع ماكرون. وقال المصدر المطلع إن "{Q1}".', [None]),
        (f'وقال ترامب: "{Q1}". وقال العميل السابق: "{Q2}".', ["trump", None]),
        # an epithet the previous speaker was introduced with is that speaker
        (f'وقال الكاتب والباحث عمر جيليك: "{Q1}". وأضاف الباحث: "{Q2}".', ["celik", "celik"]),
        # "بحسب رئيس لـX فلان": the person named after the body
        (f'"{Q1}"، بحسب الرئيس السابق لـ"منظمة العفو الدولية" عمر جيليك.', ["celik"]),
    ],
)
def test_objects_genitives_and_epithets(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a plural participle speaks for a group, not for the previous speaker
        (f'وقال ترامب: "{Q1}". وتظاهر مئات مؤكدين أن "{Q2}".', ["trump", None]),
        # an indefinite complement after بـ is not the subject
        (f'وقال ترامب: "{Q1}". وطالب بإجراء تحقيق و"{Q2}".', ["trump", "trump"]),
        # "وتابع حديثه": one's own speech is the object, the subject a pronoun
        (f'وقال ترامب: "{Q1}". وتابع حديثه: "{Q2}".', ["trump", "trump"]),
        # "X، الذي أشار إلى أن": the name before the relative
        (f'وهذا بحسب المحلل ماكرون، الذي أشار إلى أن "{Q1}".', ["macron"]),
        # an unnamed SVO subject that describes the previous speaker
        (
            f'وقال المستشار الألماني ماكرون: "{Q1}". إلا أن المستشار الألماني أوضح أن "{Q2}".',
            ["macron", "macron"],
        ),
        # a title right after a bare verb is its subject, not the name before the comma
        (f'وعن التعاقد مع ميسي، قال رئيس النادي: "{Q1}".', [None]),
        # "وفقا لما نقلته X": the outlet relays the previous speaker
        (
            f'وقال ترامب: "{Q1}". وعلق على القرار، وفقا لما نقلته رويترز: "{Q2}".',
            ["trump", "trump"],
        ),
    ],
)
def test_precision_rules(text: str, speakers: list[str | None]) -> None:
    assert [s for _, s in direct(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (f'واتهم لافروف واشنطن بأنها "{Q1}".', "lavrov", "اتهم"),
        (f'واتهمت وزارة الخارجية إسرائيل بأنها "{Q1}".', "mfa", "اتهمت"),
        (f'ويجيب ظريف: "{Q1}".', "zarif", "يجيب"),
        (f'ونددت منظمة العفو الدولية بالقرار وقالت: "{Q1}".', "amnesty", "قالت"),
        (f'وندد أردوغان بالهجوم، منددا بما سماه "{Q1}".', "erdogan", "منددا"),
        (f'ونبه غوتيريش إلى أن "{Q1}".', "guterres", "نبه"),
        (f'ونبهت منظمة العفو الدولية إلى أن "{Q1}".', "amnesty", "نبهت"),
        (f'ومضى لافروف للقول: "{Q1}".', "lavrov", "للقول"),
        # "جاء في" a document: its issuer; a speech noun right after it names the issuer
        (f'وأصدرت وزارة الداخلية بيانا. وجاء في البيان: "{Q1}".', "moi", "جاء في"),
        (f"وجاء في بيان لوزارة الداخلية: «{Q1}».", "moi", "بيان"),
        # a comma between a title and the name does not cut the source phrase
        (f'وبحسب رئيسة اللجنة، ميركل، فإن "{Q1}".', "merkel", "بحسب"),
        (f'بحسب المتحدث باسم الكرملين، ديمتري بيسكوف، فإن "{Q1}".', "peskov", "بحسب"),
    ],
)
def test_added_cues(text: str, speaker: str, cue: str) -> None:
    found = [q for q in analyze(text).quotes if q.kind == "direct"]
    assert [(q.text, q.speaker, q.cue) for q in found] == [(Q1, speaker, cue)]


@pytest.mark.parametrize(
    ("text", "speakers", "vias"),
    [
        # the outlet spoken to is the via, never the speaker
        (f'وقال ترامب: "{Q2}". وقال لـ"الأناضول": "{Q1}".', ["trump"] * 2, [None, "aa"]),
        (f'وقال ترامب: "{Q2}". وقال لـ«الأناضول» إن "{Q1}".', ["trump"] * 2, [None, "aa"]),
        (f'وقال لوكالة الأناضول مسؤول تركي: "{Q1}".', [None], ["aa"]),
        # an outlet relaying someone's words: the speaker is the one relayed
        (f'ونقلت وكالة الأناضول كلمة أردوغان، إذ قال: "{Q1}".', ["erdogan"], ["aa"]),
        (f'ونقلت الأناضول كلمة ألقاها أردوغان، وقال فيها إن "{Q1}".', ["erdogan"], ["aa"]),
    ],
)
def test_outlet_is_via(text: str, speakers: list[str | None], vias: list[str | None]) -> None:
    found = [q for q in analyze(text).quotes if q.kind == "direct"]
    assert [(q.speaker, q.via) for q in found] == list(zip(speakers, vias, strict=True))
