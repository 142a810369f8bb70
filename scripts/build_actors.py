"""Build rasad's generated actor files (countries.tsv, places.tsv) from ../shared gazetteers.

Sources: mledoze countries.json (ODbL 1.0), CountryInfo (openeventdata), PETRARCH Arabic actor
dictionary (MIT), world_cities_ar (CC BY 4.0, Wikidata-derived), plus the curated files
countries_extra.tsv, places_extra.tsv and stoplist.tsv kept in rasad/data/actors/.

Usage: .venv/bin/python scripts/build_actors.py [--shared ../shared] [--out rasad/data/actors]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasad.analyze.normalize import normalize, strip_diacritics  # noqa: E402

ACTORS = ROOT / "rasad" / "data" / "actors"
GAZ = Path("data") / "gazetteers"
# Administrative words that prefix a city label in Wikidata ("محافظة إدلب" → "إدلب").
ADMIN_PREFIX = re.compile(
    r"^(?:محافظة|ولاية|مديرية|منطقة|ناحية مركز|ناحية|قضاء|عزلة|مدينة|بلدية|مقاطعة|إقليم|مركز|شعبية) "
)
MIN_SIMILARITY = 0.34  # Arabic/English consonant-skeleton agreement below this = wrong label
MIN_SIMILARITY_MULTI = 0.5


# ---------------------------------------------------------------- helpers


def slug(text: str) -> str:
    """An ASCII id slug: 'Tel Aviv-Yafo' → 'tel-aviv-yafo'."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def read_curated(path: Path) -> list[dict[str, str]]:
    """Rows of a curated TSV (``#`` header lines skipped)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    cols = lines[0].split("\t")
    return [dict(zip(cols, ln.split("\t") + [""] * len(cols), strict=False)) for ln in lines[1:]]


def split_multi(cell: str) -> list[str]:
    """The values of a ``|``-separated cell."""
    return [v.strip() for v in cell.split("|") if v.strip()]


def uniq(values) -> list[str]:
    """Values in first-seen order, without duplicates by normalized form."""
    seen, out = set(), []
    for v in values:
        key = normalize(v)
        if v and key not in seen:
            seen.add(key)
            out.append(v)
    return out


# ---------------------------------------------------------------- adjectives


def adjective_forms(base: str) -> list[str]:
    """All inflections of a nisba adjective base ('إسرائيلي') with and without the article."""
    stems = [base + s for s in ("", "ة", "ون", "ين", "ات", "ا", "ان", "تان", "تين")]
    return stems + ["ال" + s for s in stems if not s.endswith("ا") or s.endswith("ان")]


def derive_adjective(name_ar: str) -> str:
    """The nisba adjective of a one-word country name by rule ('سوريا' → 'سوري'); '' if none."""
    if " " in name_ar:
        return ""
    stem = name_ar[2:] if name_ar.startswith("ال") else name_ar
    if stem.endswith("يا"):
        return stem[:-1]
    if stem.endswith(("ا", "ة", "ي", "و")):
        return ""
    return stem + "ي"


# ---------------------------------------------------------------- sources


def load_mledoze(shared: Path) -> list[dict]:
    """The mledoze country records."""
    path = shared / GAZ / "countries_mledoze" / "countries.json"
    return json.loads(path.read_text(encoding="utf-8"))


def load_countryinfo_codes(shared: Path) -> dict[str, str]:
    """ISO numeric code → CountryInfo country code (the CAMEO country code)."""
    path = shared / GAZ / "countryinfo_en" / "CountryInfo.120116.txt"
    codes, current = {}, None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"<(CountryCode|ISO3166-numeric)>(\w+)</", line)
        if not m:
            continue
        if m.group(1) == "CountryCode":
            current = m.group(2)
        elif current:
            codes[m.group(2)] = current
    return codes


def load_petrarch_country_words(shared: Path) -> dict[str, set[str]]:
    """One-word PETRARCH actor headwords coded with a bare country code: code → words."""
    path = shared / GAZ / "petrarch-arabic" / "actor_dict_ar_v4.txt"
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*([^\s_\[]+)_?\s+\[([A-Z]{3})\]\s*$", line)
        if m:
            out.setdefault(m.group(2), set()).add(m.group(1))
    return out


def load_cities(shared: Path) -> list[dict]:
    """world_cities_ar rows."""
    path = shared / GAZ / "world_cities_ar" / "world-cities.jsonl"
    with path.open(encoding="utf-8-sig") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ---------------------------------------------------------------- countries


def country_rows(shared: Path, capitals: dict[str, str]) -> list[dict[str, str]]:
    """countries.tsv rows: mledoze + CountryInfo + PETRARCH + countries_extra.tsv."""
    extra = {r["cca3"]: r for r in read_curated(ACTORS / "countries_extra.tsv")}
    cameo_by_num = load_countryinfo_codes(shared)
    petrarch = load_petrarch_country_words(shared)
    rows = []
    for rec in load_mledoze(shared):
        x = extra.get(rec["cca3"], {})
        iso3 = x.get("iso3") or rec["cca3"]
        ara = rec["translations"].get("ara", {})
        name_ar = x.get("name_ar") or ara.get("common", "")
        variants = [ara.get("official", "")] + split_multi(x.get("variants", ""))
        variants += petrarch_variants(petrarch.get(iso3, set()), name_ar)
        bases = split_multi(x.get("adjective") or derive_adjective(name_ar))
        adjectives = [f for b in bases if b != "-" for f in adjective_forms(b)]
        adjectives += split_multi(x.get("adj_forms", ""))
        cameo = x.get("cameo") or cameo_of(cameo_by_num.get(rec.get("ccn3", "")), iso3)
        capital = x.get("capital") or capitals.get(iso3, "")
        rows.append(
            {
                "id": f"c:{iso3}",
                "iso3": iso3,
                "name": rec["name"]["common"],
                "name_ar": name_ar,
                "variants": "|".join(v for v in uniq([name_ar, *variants])[1:]),
                "cameo": cameo,
                "capital": "" if capital == "-" else capital,
                "adjectives": "|".join(uniq(adjectives)),
            }
        )
    return drop_shared_adjectives(rows)


def cameo_of(countryinfo_code: str | None, iso3: str) -> str:
    """The CAMEO country code: CountryInfo's code when it is a plain 3-letter code, else ISO3."""
    if countryinfo_code and re.fullmatch(r"[A-Z]{3}", countryinfo_code):
        return countryinfo_code
    return iso3


def petrarch_variants(words: set[str], name_ar: str) -> list[str]:
    """PETRARCH country words that are spelling variants of the name (not lemmas or cities)."""
    base = normalize(name_ar.removeprefix("ال"))
    out = []
    for w in sorted(words):
        n = normalize(w).removeprefix("ال")
        # a variant spelling shares the name's skeleton but is not the bare lemma of it
        inflected = n.endswith(("ي", "يه", "ين", "ون", "ات"))
        similar = SequenceMatcher(None, n, base).ratio() >= 0.75 and len(n) >= len(base) - 1
        similar = similar and n[-2:] == base[-2:]  # same ending: not a typo or a people plural
        if n != base and not inflected and similar:
            out.append(w)
    return out


def drop_shared_adjectives(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Remove adjective forms claimed by two countries (ambiguous: الكونغولي)."""
    owners: dict[str, set[str]] = {}
    for r in rows:
        for a in split_multi(r["adjectives"]):
            owners.setdefault(normalize(a), set()).add(r["iso3"])
    for r in rows:
        keep = [a for a in split_multi(r["adjectives"]) if len(owners[normalize(a)]) == 1]
        r["adjectives"] = "|".join(keep)
    return rows


# ---------------------------------------------------------------- places

LATIN = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
    "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "",
    "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ء": "", "ئ": "", "ؤ": "", "پ": "p", "چ": "c", "گ": "g", "ڤ": "v",
}  # fmt: skip


def skeleton_ar(name: str) -> str:
    """A rough Latin consonant skeleton of an Arabic name."""
    return "".join(LATIN.get(c, "") for c in normalize(name) if c != " ").replace("a", "")


def skeleton_en(name: str) -> str:
    """The comparable consonant skeleton of an English place name."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    for a, b in (("sh", "s"), ("kh", "k"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ch", "s")):
        s = s.replace(a, b)
    s = s.replace("q", "k").replace("c", "k").replace("x", "ks").replace("v", "f")
    s = s.replace("p", "b").replace("e", "y").replace("i", "y").replace("o", "w").replace("u", "w")
    return re.sub(r"[^a-z]", "", s).replace("a", "")


def clean_city_name(raw: str) -> str:
    """A city's Arabic label without admin prefixes and qualifiers ('محافظة إدلب' → 'إدلب')."""
    name = strip_diacritics(re.split(r"[،,(]", raw)[0]).strip()
    return ADMIN_PREFIX.sub("", name).strip()


def plausible(name_ar: str, name_en: str) -> bool:
    """True if the Arabic label sounds like the English name (catches wrong Wikidata labels)."""
    if not name_ar or len(name_ar.split()) > 4 or re.search(r"[^\u0600-\u06ff \-]", name_ar):
        return False
    a, e = (
        skeleton_ar(name_ar),
        skeleton_en(re.sub(r"^(Al|Ar|As|Ash|Ad|At|Az|An|Ad) ", "", name_en)),
    )
    # a several-word label must sound closer: wrong labels are mostly descriptions or people
    threshold = MIN_SIMILARITY if " " not in name_ar else MIN_SIMILARITY_MULTI
    return SequenceMatcher(None, a, e).ratio() >= threshold


def load_stoplist() -> tuple[set[str], tuple[str, ...]]:
    """Normalized stop words and wrong-label prefixes from stoplist.tsv."""
    rows = read_curated(ACTORS / "stoplist.tsv")
    words = {normalize(r["surface"]) for r in rows if r["kind"] in ("word", "label", "cue_only")}
    prefixes = tuple(normalize(r["surface"]) + " " for r in rows if r["kind"] == "prefix")
    return words, prefixes


def city_rows(shared: Path, iso_of: dict[str, str]) -> tuple[list[dict[str, str]], dict]:
    """places rows from world_cities_ar (sorted by population) and a (country, English) → id map."""
    words, prefixes = load_stoplist()
    capitals = {
        iso_of.get(r["cca3"], r["cca3"]): set(r.get("capital", [])) for r in load_mledoze(shared)
    }
    cities = sorted(load_cities(shared), key=lambda c: -float(c.get("Population") or 0))
    rows, ids, seen, by_en = [], set(), set(), {}
    for c in cities:
        iso3 = iso_of.get(c["Country"]) or iso_of.get(normalize(c["CountryAr"]))
        name_ar = clean_city_name(c["CityNameAr"])
        norm = normalize(name_ar)
        # a country's name or adjective as a town label ('تركيا' in Azerbaijan, 'نيبال' for Palpa)
        # is a wrong label, unless the town is that country's capital (تونس, الكويت)
        named_country = iso_of.get(norm)
        wrong = named_country is not None and c["CityNameEn"] not in capitals.get(named_country, ())
        if not iso3 or norm in words or (norm + " ").startswith(prefixes) or wrong:
            continue
        if (iso3, norm) in seen or not plausible(name_ar, c["CityNameEn"]):
            continue
        seen.add((iso3, norm))
        pid = unique_id("p:" + slug(c["CityNameEn"]), iso3, ids)
        by_en[(iso3, c["CityNameEn"])] = pid
        variants = [c["CityNameAr"]] if ADMIN_PREFIX.match(c["CityNameAr"]) else []
        row = {"id": pid, "type": "GPE", "name": c["CityNameEn"], "name_ar": name_ar}
        rows.append({**row, "variants": "|".join(variants), "country": iso3})
    return rows, by_en


def unique_id(pid: str, iso3: str, taken: set[str]) -> str:
    """``pid``, or ``pid-iso3`` (then a counter) when already taken."""
    out, n = pid, 1
    if out in taken:
        out = f"{pid}-{iso3.lower()}"
    while out in taken:
        n += 1
        out = f"{pid}-{iso3.lower()}-{n}"
    taken.add(out)
    return out


def country_index(shared: Path) -> dict[str, str]:
    """English and normalized Arabic country names → ISO3, for the cities file."""
    extra = {r["cca3"]: r for r in read_curated(ACTORS / "countries_extra.tsv")}
    out = {}
    for rec in load_mledoze(shared):
        iso3 = extra.get(rec["cca3"], {}).get("iso3") or rec["cca3"]
        out[rec["name"]["common"]] = out[rec["name"]["official"]] = iso3
        for t in rec["translations"].get("ara", {}).values():
            out[normalize(t)] = iso3
        x = extra.get(rec["cca3"], {})
        out[rec["cca3"]] = iso3
        name_ar = x.get("name_ar") or rec["translations"].get("ara", {}).get("common", "")
        bases = split_multi(x.get("adjective") or derive_adjective(name_ar))
        for form in [f for b in bases if b != "-" for f in adjective_forms(b)]:
            out.setdefault(normalize(form), iso3)
        for alias in split_multi(x.get("names_en", "")):
            out[alias] = iso3
        for name in [x.get("name_ar", ""), *split_multi(x.get("variants", ""))]:
            if name:
                out[normalize(name)] = iso3
    return out


def capital_ids(shared: Path, by_en: dict) -> dict[str, str]:
    """ISO3 → place id of its (first) capital, when the cities list has it."""
    extra = {r["cca3"]: r for r in read_curated(ACTORS / "countries_extra.tsv")}
    out = {}
    for rec in load_mledoze(shared):
        iso3 = extra.get(rec["cca3"], {}).get("iso3") or rec["cca3"]
        for cap in rec.get("capital", []):
            if (iso3, cap) in by_en:
                out[iso3] = by_en[(iso3, cap)]
                break
    return out


def names_of(row: dict[str, str]) -> list[str]:
    """The Arabic name and variants of a row."""
    return [row["name_ar"], *split_multi(row.get("variants", ""))]


def place_rows(shared: Path) -> tuple[list[dict[str, str]], dict[str, str]]:
    """All places rows (curated extras first, then cities) and the capitals map."""
    extra = read_curated(ACTORS / "places_extra.tsv")
    cities, by_en = city_rows(shared, country_index(shared))
    taken = {r["id"] for r in extra}
    extra_names = {(r["country"], normalize(n)) for r in extra for n in names_of(r)}
    # a city labelled like a curated region or feature (القوقاز for Caucasia) is a wrong label
    extra_names |= {(c["country"], n) for r in extra if r["type"] == "LOC" for n in
                    (normalize(x) for x in names_of(r)) for c in cities}  # fmt: skip
    # a curated entry replaces a same-named city of the same country (it has the better data)
    cities = [
        c
        for c in cities
        if c["id"] not in taken and (c["country"], normalize(c["name_ar"])) not in extra_names
    ]
    by_en = {k: v for k, v in by_en.items() if v not in taken or v in {r["id"] for r in extra}}
    for r in extra:
        if r.get("name"):
            by_en.setdefault((r["country"], r["name"]), r["id"])
    cols = ("id", "type", "name", "name_ar", "variants", "country")
    rows = [{k: r.get(k, "") for k in cols} for r in extra] + cities
    return rows, capital_ids(shared, by_en)


# ---------------------------------------------------------------- output

HEADERS = {
    "countries.tsv": [
        "# rasad actor lexicon: countries and territories (generated; do not edit by hand).",
        "# Sources: mledoze/countries countries.json (ODbL 1.0: names, ISO 3166 codes, Arabic"
        " names, capitals); openeventdata CountryInfo (CAMEO country codes); PETRARCH Arabic"
        " actor dictionary, openeventdata/UniversalPetrarch (MIT: spelling variants);"
        " curated overrides in countries_extra.tsv (general knowledge: Arabic names, variants,"
        " base nationality adjectives).",
        "# Built by scripts/build_actors.py; adjectives = base nisba adjective inflected by rule"
        " (with/without ال, fem., plurals, dual, accusative); forms shared by two countries dropped.",
        "# Licence of this file: ODbL 1.0 (a derived database of mledoze/countries; attribution"
        " as above).",
    ],
    "places.tsv": [
        "# rasad actor lexicon: places (generated; do not edit by hand).",
        "# Sources: places_extra.tsv (curated, general knowledge: regions, features, MENA"
        " governorates); world_cities_ar (CC BY 4.0, Jamshaid Kamran, Wikidata-derived) cities"
        " sorted by population, admin prefixes stripped, labels whose sound disagrees with the"
        " English name dropped, names on stoplist.tsv (common Arabic words) dropped.",
        "# Built by scripts/build_actors.py. country = ISO 3166 alpha-3 (empty if disputed/none)."
        " Licence: CC BY 4.0 (as world_cities_ar; credit Jamshaid Kamran and Wikidata).",
    ],
}
COLUMNS = {
    "countries.tsv": (
        "id",
        "iso3",
        "name",
        "name_ar",
        "variants",
        "cameo",
        "capital",
        "adjectives",
    ),
    "places.tsv": ("id", "type", "name", "name_ar", "variants", "country"),
}


def write_tsv(path: Path, rows: list[dict[str, str]]) -> None:
    """Write rows with the file's header and column line."""
    cols = COLUMNS[path.name]
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(HEADERS[path.name]) + "\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(cols)
        for r in rows:
            w.writerow([r[c].replace("\t", " ") for c in cols])


def build(shared: Path, out: Path) -> dict[str, int]:
    """Build countries.tsv and places.tsv into ``out``; returns row counts."""
    places, capitals = place_rows(shared)
    countries = country_rows(shared, capitals)
    out.mkdir(parents=True, exist_ok=True)
    write_tsv(out / "countries.tsv", countries)
    write_tsv(out / "places.tsv", places)
    return {"countries.tsv": len(countries), "places.tsv": len(places)}


def main() -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ACTORS)
    args = ap.parse_args()
    for name, n in build(args.shared, args.out).items():
        print(f"{name}\t{n}")


if __name__ == "__main__":
    main()
