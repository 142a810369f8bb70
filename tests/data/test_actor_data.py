"""Integrity of the actor lexicon data files (rasad/data/actors/)."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from rasad.analyze.lexicon import load_lexicon, split_multi, surface_key
from rasad.data.loader import DATA_DIR, header, read_tsv

ROOT = Path(__file__).resolve().parents[2]
ACTORS = DATA_DIR / "actors"
MINE = ("countries.tsv", "places.tsv", "orgs.tsv")
COLUMNS = {
    "countries.tsv": [
        "id",
        "iso3",
        "name",
        "name_ar",
        "variants",
        "cameo",
        "capital",
        "adjectives",
    ],
    "places.tsv": ["id", "type", "name", "name_ar", "variants", "country"],
    "orgs.tsv": ["id", "type", "name", "name_ar", "variants", "country", "cameo", "wikidata"],
    "institutions.tsv": ["head", "kind", "cameo_suffix", "name"],
    "persons.tsv": ["id", "name", "name_ar", "variants", "country", "cameo", "wikidata"],
    "roles.tsv": ["actor_id", "title", "title_ar", "country", "cameo", "start", "end"],
    "outlets.tsv": ["id", "name", "name_ar", "variants", "country", "kind", "wikidata"],
}
CAMEO = re.compile(r"(?:[A-Z]{3})+")


@cache
def deliberate() -> dict[tuple[str, ...], set[str]]:
    """Allow-listed cross-type surfaces (surface_collisions.tsv) → the ids allowed to share them."""
    return {
        surface_key(r["surface"]): set(split_multi(r["ids"]))
        for r in rows("surface_collisions.tsv")
    }


def rows(name: str):
    return read_tsv("actors/" + name)


def tsv_files() -> list[str]:
    return sorted(p.name for p in ACTORS.glob("*.tsv"))


@pytest.mark.parametrize("name", tsv_files())
def test_file_parses_with_header(name):
    assert header("actors/" + name), f"{name} lacks its # header"
    lines = [ln for ln in (ACTORS / name).read_text(encoding="utf-8").splitlines() if ln]
    body = [ln for ln in lines if not ln.startswith("#")]
    width = len(body[0].split("\t"))
    bad = [i for i, ln in enumerate(body[1:], 2) if len(ln.split("\t")) > width]
    assert not bad, f"{name}: rows with too many cells: {bad[:5]}"


@pytest.mark.parametrize("name, columns", sorted(COLUMNS.items()))
def test_columns(name, columns):
    if not (ACTORS / name).exists():
        pytest.skip(f"{name} not written yet")
    assert list(rows(name)[0])[: len(columns)] == columns


def test_counts():
    assert len(rows("countries.tsv")) >= 240
    assert len(rows("places.tsv")) >= 6000
    assert len(rows("orgs.tsv")) >= 200


def iso_codes() -> set[str]:
    return {r["iso3"] for r in rows("countries.tsv")}


@pytest.mark.parametrize(
    "name", ["places.tsv", "orgs.tsv", "persons.tsv", "outlets.tsv", "roles.tsv"]
)
def test_country_codes_valid(name):
    if not (ACTORS / name).exists():
        pytest.skip(f"{name} not written yet")
    valid = iso_codes() | ({"IGO", "IMG", "NGO"} if name == "roles.tsv" else set())
    bad = {r["country"] for r in rows(name) if r["country"] and r["country"] not in valid}
    assert not bad


def test_iso3_and_capitals():
    places = {r["id"]: r for r in rows("places.tsv")}
    for r in rows("countries.tsv"):
        assert re.fullmatch(r"[A-Z]{3}", r["iso3"]) and r["id"] == f"c:{r['iso3']}"
        if r["capital"]:
            assert places[r["capital"]]["country"] == r["iso3"], r["id"]


@pytest.mark.parametrize("name", ["countries.tsv", "orgs.tsv", "persons.tsv", "roles.tsv"])
def test_cameo_well_formed(name):
    if not (ACTORS / name).exists():
        pytest.skip(f"{name} not written yet")
    bad = [r["cameo"] for r in rows(name) if r["cameo"] and not CAMEO.fullmatch(r["cameo"])]
    assert not bad


def test_institution_suffixes():
    for r in rows("institutions.tsv"):
        assert re.fullmatch(r"[A-Z]{3}", r["cameo_suffix"]) and r["head"] and r["name"]


def test_no_duplicate_ids():
    ids = Counter(r["id"] for name in (*MINE, "persons.tsv", "outlets.tsv") if (ACTORS / name).exists()
                  for r in rows(name))  # fmt: skip
    assert [i for i, n in ids.items() if n > 1] == []


def test_types():
    assert {r["type"] for r in rows("places.tsv")} <= {"GPE", "LOC"}
    assert {r["type"] for r in rows("orgs.tsv")} == {"ORG"}


def test_no_cross_type_surfaces_in_my_files():
    clashes = []
    for key, entries in load_lexicon().surfaces().items():
        mine = [e for e in entries if e.id[:2] in ("c:", "p:", "o:")]
        if len({e.type for e in mine}) > 1 and key not in deliberate():
            clashes.append(" ".join(key))
    assert clashes == []


def test_no_cross_type_surfaces():
    """A surface maps to entries of one type unless surface_collisions.tsv allows exactly them."""
    clashes = []
    for key, entries in load_lexicon().surfaces().items():
        if len({e.type for e in entries}) > 1 and {e.id for e in entries} != deliberate().get(key):
            clashes.append((" ".join(key), [e.id for e in entries]))
    assert clashes == []


def test_collision_allow_list_is_current():
    """Every allow-listed collision still exists (stale rows hide nothing)."""
    index = load_lexicon().surfaces()
    stale = [k for k, ids in deliberate().items() if {e.id for e in index.get(k, [])} != ids]
    assert stale == []


def test_outlets_and_orgs_do_not_reuse_country_names():
    lex = load_lexicon()
    for c in (e for e in lex.entries() if e.id.startswith("c:")):
        for s in c.surfaces:
            others = [e.id for e in lex.lookup(surface_key(s)) if e.type in ("MEDIA", "ORG")]
            assert not others, (s, others)


def test_country_names_not_reused_by_persons():
    lex = load_lexicon()
    countries = [e for e in lex.entries() if e.id.startswith("c:")]
    for c in countries:
        for s in c.surfaces:
            persons = [e.id for e in lex.lookup(surface_key(s)) if e.type == "PER"]
            assert not persons, (s, persons)


def test_adjective_forms_unique_and_not_stopwords():
    owners: dict[str, set[str]] = {}
    for r in rows("countries.tsv"):
        for form in split_multi(r["adjectives"]):
            owners.setdefault(form, set()).add(r["iso3"])
    assert [f for f, o in owners.items() if len(o) > 1] == []
    assert load_lexicon().adjective("مالي") is None


def _build_module():
    spec = importlib.util.spec_from_file_location(
        "build_actors", ROOT / "scripts" / "build_actors.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_reproduces_generated_files(shared, tmp_path):
    build_module().build(shared, tmp_path)
    for name in ("countries.tsv", "places.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (ACTORS / name).read_text(
            encoding="utf-8"
        ), f"{name} differs from a fresh build: run scripts/build_actors.py"


@cache
def build_module():
    return _build_module()


@pytest.mark.parametrize(
    "name, adjective",
    [("سوريا", "سوري"), ("لبنان", "لبناني"), ("العراق", "عراقي"), ("مصر", "مصري"),
     ("ألمانيا", "ألماني"), ("مالي", ""), ("كوريا الجنوبية", ""), ("كندا", "")],
)  # fmt: skip
def test_derive_adjective(name, adjective):
    assert build_module().derive_adjective(name) == adjective


def test_adjective_forms():
    forms = build_module().adjective_forms("إسرائيلي")
    for f in ("إسرائيلي", "الإسرائيلية", "إسرائيليون", "الإسرائيليين", "الإسرائيليات", "إسرائيليا"):
        assert f in forms
    assert "الإسرائيليا" not in forms


@pytest.mark.parametrize(
    "raw, clean",
    [("محافظة إدلب", "إدلب"), ("ولاية قندهار", "قندهار"), ("الطيبة، المثلث", "الطيبة"),
     ("عَمَّان", "عمان"), ("ناحية مركز الرستن", "الرستن"), ("بغداد", "بغداد")],
)  # fmt: skip
def test_clean_city_name(raw, clean):
    assert build_module().clean_city_name(raw) == clean


@pytest.mark.parametrize(
    "name_ar, name_en, ok",
    [("بغداد", "Baghdad", True), ("الناصرية", "An Nasiriyah", True), ("طنجة", "Tangier", True),
     ("فاموتيدين", "Mosul", False), ("سنة", "Ja`ar", False), ("حقل زراعي", "Chaqra", False),
     ("La Troncal", "La Troncal", False)],
)  # fmt: skip
def test_plausible_city_label(name_ar, name_en, ok):
    assert build_module().plausible(name_ar, name_en) is ok


def test_reviewed_variants_exist():
    """Every hand-reviewed spelling (variants_reviewed.tsv) is still a surface of its entry."""
    lex = load_lexicon()
    stale = [(r["id"], r["surface"]) for r in rows("variants_reviewed.tsv")
             if r["surface"] not in getattr(lex.get(r["id"]), "surfaces", ())]  # fmt: skip
    assert stale == []


def test_role_precedence_table():
    ranks = list(rows("role_precedence.tsv"))
    assert ranks and all(r["rank"].isdigit() for r in ranks)
    assert len({r["title"] for r in ranks}) == len(ranks)


@pytest.mark.parametrize("name", ["adjective_phrases.tsv"])
def test_adjective_phrase_countries_valid(name):
    valid = iso_codes() | {"-"}
    assert [r["country"] for r in rows(name) if r["country"] not in valid] == []
