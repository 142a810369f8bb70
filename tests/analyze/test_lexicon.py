"""Tests for the actor lexicon loader (rasad.analyze.lexicon)."""

from __future__ import annotations

import pytest

from rasad.analyze.lexicon import ActorEntry, Role, load_lexicon, surface_key
from rasad.analyze.normalize import normalize


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def ids(lex, text: str) -> list[str]:
    return [e.id for e in lex.lookup(surface_key(text))]


def test_cached(lex):
    assert load_lexicon() is lex


@pytest.mark.parametrize(
    "text, first_id, etype, country",
    [
        ("السعودية", "c:SAU", "GPE", "SAU"),
        ("المملكة العربية السعودية", "c:SAU", "GPE", "SAU"),
        ("إيران", "c:IRN", "GPE", "IRN"),
        ("ايران", "c:IRN", "GPE", "IRN"),
        ("طهران", "p:tehran", "GPE", "IRN"),
        ("أميركا", "c:USA", "GPE", "USA"),
        ("الولايات المتحدة الأمريكية", "c:USA", "GPE", "USA"),
        ("واشنطن", "p:washington", "GPE", "USA"),
        ("القدس المحتلة", "p:jerusalem", "GPE", None),
        ("قطاع غزة", "p:gaza-strip", "GPE", "PSE"),
        ("الشرق الأوسط", "p:middle-east", "LOC", None),
        ("مضيق هرمز", "p:hormuz", "LOC", None),
        ("حلف شمال الأطلسي", "o:nato", "ORG", None),
        ("الناتو", "o:nato", "ORG", None),
        ("حركة حماس", "o:hamas", "ORG", "PSE"),
        ("الحوثيين", "o:houthis", "ORG", "YEM"),
        ("تنظيم داعش", "o:isis", "ORG", None),
        ("قسد", "o:sdf", "ORG", "SYR"),
    ],
)
def test_lookup(lex, text, first_id, etype, country):
    hits = lex.lookup(surface_key(text))
    assert hits, text
    assert hits[0].id == first_id
    assert hits[0].type == etype
    assert hits[0].country == country


def test_capital_carries_country(lex):
    (tehran,) = [e for e in lex.lookup(surface_key("طهران")) if e.id == "p:tehran"]
    assert tehran.kind == "capital" and tehran.country == "IRN"


@pytest.mark.parametrize(
    "text, country, cameo",
    [
        ("الجيش الإسرائيلي", "ISR", "ISRMIL"),
        ("وزارة الخارجية الإيرانية", "IRN", "IRNGOV"),
        ("الحكومة السورية", "SYR", "SYRGOV"),
        ("البرلمان العراقي", "IRQ", "IRQLEG"),
        ("حكومة لبنان", "LBN", "LBNGOV"),
        ("قوات أمريكية", "USA", "USAMIL"),
        ("الشرطة التركية", "TUR", "TURCOP"),
    ],
)
def test_institution_plus_country(lex, text, country, cameo):
    (hit,) = lex.lookup(surface_key(text))[:1]
    assert (hit.type, hit.country, hit.cameo) == ("ORG", country, cameo)


@pytest.mark.parametrize("text", ["الجيش إسرائيلي", "جيش الإسرائيلي", "الحكومة", "الجيش الكبير"])
def test_institution_needs_agreeing_country(lex, text):
    assert lex.lookup(surface_key(text)) == []


@pytest.mark.parametrize(
    "word, iso3",
    [
        ("الإسرائيلي", "ISR"),
        ("الإسرائيلية", "ISR"),
        ("إسرائيلي", "ISR"),
        ("إسرائيلية", "ISR"),
        ("الإسرائيليون", "ISR"),
        ("الإسرائيليين", "ISR"),
        ("إسرائيليون", "ISR"),
        ("إسرائيليين", "ISR"),
        ("الإسرائيليات", "ISR"),
        ("الأمريكية", "USA"),
        ("الأميركي", "USA"),
        ("الأمريكان", "USA"),
        ("السوري", "SYR"),
        ("المصرية", "EGY"),
        ("الروس", "RUS"),
        ("الأتراك", "TUR"),
    ],
)
def test_adjective(lex, word, iso3):
    assert lex.adjective(normalize(word)) == iso3


@pytest.mark.parametrize("word", ["المالي", "العربي", "الدولية", "الكبير"])
def test_not_adjective(lex, word):
    assert lex.adjective(normalize(word)) is None


def test_stopword_only_cued(lex):
    assert lex.lookup(surface_key("فتح")) == []
    assert [e.id for e in lex.lookup_cued(surface_key("فتح"))] == ["o:fatah"]
    assert ids(lex, "حركة فتح") == ["o:fatah"]


def test_first_tokens_and_max_len(lex):
    for key in list(lex.surfaces())[:500]:
        assert key[0] in lex.first_tokens
        assert len(key) <= lex.max_len
    assert "الجيش" in lex.first_tokens  # institution heads too


def test_get(lex):
    assert lex.get("c:ISR").name == "Israel"
    assert lex.get("no:such") is None


ROLES = (
    Role("Minister", "ISR", "ISRGOV", "2010-01-01", "2012-06-30"),
    Role("Prime Minister", "ISR", "ISRGOV", "2012-07", "2015"),
    Role("Party leader", "ISR", "ISRPTY", "2016", None),
)
PERSON = ActorEntry("a:test", "PER", "Test", "تجربة", "ISR", "ISRGOV", roles=ROLES)


@pytest.mark.parametrize(
    "when, title",
    [
        ("2011-05-05", "Minister"),
        ("2012-06-30", "Minister"),
        ("2012-07-01", "Prime Minister"),
        ("2015-12-31T10:00:00+02:00", "Prime Minister"),
        ("2016-01-01", "Party leader"),
        ("2024-01-01", "Party leader"),
        ("2009-12-31", None),
        (None, "Party leader"),
        ("not a date", None),
    ],
)
def test_role_at(lex, when, title):
    role = lex.role_at(PERSON, when)
    assert (role.title if role else None) == title


def test_role_at_no_roles(lex):
    assert lex.role_at(lex.get("c:ISR"), "2020-01-01") is None


def test_shared_surfaces_ordered_by_prominence(lex):
    rank = {"country": 0, "capital": 0, "curated": 1, "city": 3}
    type_rank = {"ORG": 1, "LOC": 1, "PER": 2, "MEDIA": 2}
    for bucket in lex.surfaces().values():
        ranks = [rank.get(e.kind, type_rank.get(e.type, 2)) for e in bucket]
        assert ranks == sorted(ranks)


@pytest.mark.parametrize(
    "text, first_id", [("عمان", "c:OMN"), ("تونس", "c:TUN"), ("طرابلس", "p:tripoli")]
)
def test_country_before_same_named_capital(lex, text, first_id):
    assert ids(lex, text)[0] == first_id


@pytest.mark.parametrize(
    "actor_id, when, titles",
    [
        ("a:salman-bin-hamad-al-khalifa", "2021-03-01", ["Crown Prince", "Prime Minister"]),
        ("a:salman-bin-hamad-al-khalifa", "2019-01-01", ["Crown Prince"]),
        ("a:benny-gantz", "2020-09-01", ["Minister of Defense", "Alternate Prime Minister"]),
        ("a:benny-gantz", "2022-01-01", ["Minister of Defense", "Deputy Prime Minister"]),
        ("a:benny-gantz", "2019-01-01", []),
    ],
)
def test_roles_at_overlapping(lex, actor_id, when, titles):
    entry = lex.get(actor_id)
    assert [r.title for r in lex.roles_at(entry, when)] == titles
    first = lex.role_at(entry, when)
    assert (first.title if first else None) == (titles[0] if titles else None)


def test_roles_at_equal_rank_latest_first(lex):
    roles = (Role("Minister", "ISR", "", "2010", None), Role("Minister", "ISR", "", "2012", None))
    person = ActorEntry("a:t2", "PER", "T", "ت", "ISR", "", roles=roles)
    assert [r.start for r in lex.roles_at(person, "2013")] == ["2012", "2010"]
    assert lex.roles_at(lex.get("c:ISR"), "2013") == []


def test_every_role_title_has_a_precedence(lex):
    titles = {r.title for e in lex.entries() for r in e.roles}
    assert {t for t in titles if lex.role_rank(t) == 500} == set()


@pytest.mark.parametrize(
    "phrase, iso3",
    [
        ("الكوري الجنوبي", "KOR"),
        ("الكورية الجنوبية", "KOR"),
        ("كوريون جنوبيون", "KOR"),
        ("الكوريين الجنوبيين", "KOR"),
        ("الكوري الشمالي", "PRK"),
        ("كورية شمالية", "PRK"),
        ("السوداني الجنوبي", "SSD"),
        ("الجنوب سودانية", "SSD"),
        ("الجنوب أفريقي", "ZAF"),
        ("الجنوب إفريقية", "ZAF"),
        ("جنوب أفريقيين", "ZAF"),
        ("الغينية الاستوائية", "GNQ"),
        ("العربي السوري", "SYR"),
        ("الأمريكي اللاتيني", None),
        ("الأميركية اللاتينية", None),
        ("الشرق أوسطية", None),
        ("الكوري الكبير", None),
        ("الجنوبي الكوري", None),
    ],
)
def test_adjective_phrase(lex, phrase, iso3):
    assert lex.adjective_phrase(surface_key(phrase)) == iso3


@pytest.mark.parametrize(
    "text, expected",
    [
        ("الكوري الجنوبي مون جاي إن", (2, "KOR")),
        ("الأمريكي اللاتيني الكبير", (2, None)),
        ("الأمريكي جو بايدن", None),
    ],
)
def test_adjective_prefix(lex, text, expected):
    assert lex.adjective_prefix(surface_key(text)) == expected
