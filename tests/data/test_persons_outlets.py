"""The persons, roles and outlets tables of the actor knowledge base are well formed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ACTORS = Path(__file__).resolve().parents[2] / "rasad" / "data" / "actors"
COLUMNS = {
    "persons": ["id", "name", "name_ar", "variants", "country", "cameo", "wikidata"],
    "roles": ["actor_id", "title", "title_ar", "country", "cameo", "start", "end"],
    "outlets": ["id", "name", "name_ar", "variants", "country", "kind", "wikidata", "cue_only"],
}
KINDS = {"agency", "tv", "paper", "site", "radio"}
DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
ISO3 = re.compile(r"[A-Z]{3}")


def earliest(d: str) -> str:
    """A partial ISO date as its first day (2020 -> 2020-01-01)."""
    return d + "-01-01"[len(d) - 4 :]


def latest(d: str) -> str:
    """A partial ISO date as its last possible day (2020-05 -> 2020-05-31)."""
    return d + "-12-31"[len(d) - 4 :]


def files(kind: str) -> list[Path]:
    """The generated and curated files of one table kind."""
    return sorted(ACTORS.glob(f"{kind}*.tsv"))


def rows(kind: str) -> list[dict[str, str]]:
    """All rows of one table kind, checking the header and every row's column count."""
    out = []
    for path in files(kind):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines and lines[0].startswith("#"), f"{path.name}: no # header"
        body = [ln for ln in lines if not ln.startswith("#")]
        assert body[0].split("\t") == COLUMNS[kind], f"{path.name}: column line"
        for n, line in enumerate(body[1:], 2):
            cells = line.split("\t")
            assert len(cells) == len(COLUMNS[kind]), f"{path.name} row {n}: {len(cells)} cells"
            out.append({**dict(zip(COLUMNS[kind], cells, strict=True)), "_file": path.name})
    return out


@pytest.fixture(scope="module")
def persons() -> list[dict[str, str]]:
    return rows("persons")


@pytest.fixture(scope="module")
def roles() -> list[dict[str, str]]:
    return rows("roles")


@pytest.fixture(scope="module")
def outlets() -> list[dict[str, str]]:
    return rows("outlets")


@pytest.mark.parametrize("kind", ["persons", "roles", "outlets"])
def test_files_exist(kind: str) -> None:
    assert files(kind), f"no {kind}*.tsv"


def test_person_ids_unique_within_each_file(persons) -> None:
    for name in {r["_file"] for r in persons}:
        ids = [r["id"] for r in persons if r["_file"] == name]
        assert len(ids) == len(set(ids)), name


def test_person_fields(persons) -> None:
    for r in persons:
        assert re.fullmatch(r"a:[a-z0-9][a-z0-9-]*", r["id"]), r["id"]
        assert r["name_ar"] and r["variants"], r["id"]
        assert all(v.strip() == v and v for v in r["variants"].split("|")), r["id"]
        assert not r["country"] or ISO3.fullmatch(r["country"]), r["id"]
        assert not r["wikidata"] or re.fullmatch(r"Q\d+", r["wikidata"]), r["id"]


def test_curated_persons_have_countries(persons) -> None:
    assert all(ISO3.fullmatch(r["country"]) for r in persons if r["_file"] == "persons.tsv")


def test_enough_persons(persons) -> None:
    assert len({r["id"] for r in persons}) >= 1500


def test_roles(roles, persons) -> None:
    ids = {r["id"] for r in persons}
    for r in roles:
        assert r["actor_id"] in ids, r["actor_id"]
        assert r["title"], r
        assert not r["country"] or ISO3.fullmatch(r["country"]), r
        for d in (r["start"], r["end"]):
            assert not d or DATE.fullmatch(d), (r["actor_id"], d)
        if r["start"] and r["end"]:
            assert earliest(r["start"]) <= latest(r["end"]), r


def test_curated_roles_point_at_curated_persons(roles, persons) -> None:
    curated = {r["id"] for r in persons if r["_file"] == "persons.tsv"}
    assert all(r["actor_id"] in curated for r in roles if r["_file"] == "roles.tsv")


def test_outlets(outlets) -> None:
    ids = [r["id"] for r in outlets]
    assert len(ids) == len(set(ids))
    for r in outlets:
        assert re.fullmatch(r"m:[a-z0-9][a-z0-9-]*", r["id"]), r["id"]
        assert ISO3.fullmatch(r["country"]), r["id"]
        assert r["kind"] in KINDS, r["id"]
        variants = set(r["variants"].split("|"))
        cue_only = [c for c in r["cue_only"].split("|") if c]
        assert all(c in variants for c in cue_only), r["id"]


def test_enough_outlets(outlets) -> None:
    assert len(outlets) >= 150


@pytest.mark.parametrize(
    ("actor_id", "variant"),
    [
        ("a:benny-gantz", "غانتس"),
        ("a:benjamin-netanyahu", "نتانياهو"),
    ],
)
def test_known_variants(persons, actor_id: str, variant: str) -> None:
    row = next(r for r in persons if r["id"] == actor_id)
    assert variant in row["variants"].split("|")


def build_module():
    """scripts/build_persons.py as a module."""
    import importlib.util

    script = ACTORS.parents[2] / "scripts" / "build_persons.py"
    spec = importlib.util.spec_from_file_location("build_persons", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_petrarch_files_are_reproducible(shared, tmp_path: Path) -> None:
    """scripts/build_persons.py regenerates the committed PETRARCH-derived files exactly."""
    module = build_module()
    module.build(tmp_path)
    for name in ("persons_petrarch.tsv", "roles_petrarch.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (ACTORS / name).read_text(
            encoding="utf-8"
        ), name


@pytest.fixture(scope="module")
def builder(shared):
    """The build module with its filter word lists and curated-name index loaded."""
    module = build_module()
    module.PLACES, module.ISO3, module.WORDS = (
        module.places(),
        module.iso3_codes(),
        module.filter_words(),
    )
    module.COUNTRY_WORDS, module.CURATED = module.country_words(), module.curated_names()
    return module


GIVEN = "أحمد محمود محمد موسوي ناصر عبد مجلي زياد يو"


@pytest.mark.parametrize(
    ("head", "kept"),
    [
        ("أحمد_المحمود_ومحمود", False),  # two names joined by و
        ("موسوي_والنمسوي", False),
        ("ناصر_المحمد_لمحمد", False),
        ("جنرالات_فيتنام_جنوبي", False),  # plural noun, country, direction
        ("سي_آي_إيه", False),  # spelled-out acronym (CIA)
        ("يو_أن_ميك", False),
        ("فنزويلا_هوغو_شافيز", False),  # country name inside
        ("عبد_الله_وادي", True),  # a surname that starts with و
        ("مجلي_وهبي", True),
        ("زياد_بارود", True),
    ],
)
def test_person_filter(builder, head: str, kept: bool) -> None:
    given = {builder.normalize(w) for w in GIVEN.split()}
    assert (builder.person_name(head, given, True) is not None) is kept


@pytest.mark.parametrize(
    ("name", "country", "duplicate"),
    [
        ("جو بايدنن", "USA", True),
        ("انتوونيو جوتيرس", "PRT", True),
        ("بنجامين نتنياهو", "ISR", True),
        ("جوزيه مانويل باروزو", "PRT", True),
        ("منوشهر متقي", "IRN", True),
        ("طارق عظيم", "PAK", False),  # a Pakistani minister, not Tariq Aziz (IRQ)
        ("غسان تويني", "LBN", False),  # not Gebran Tueni
        ("جورج ليتل", "USA", False),  # not George Mitchell
        ("سعد الحسيني", "EGY", False),
    ],
)
def test_near_duplicate_of_curated(builder, name: str, country: str, duplicate: bool) -> None:
    assert builder.near_duplicate(name, country, builder.CURATED) is duplicate
