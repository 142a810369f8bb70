"""Build rasad/data/actors/persons_petrarch.tsv and roles_petrarch.tsv from PETRARCH's Arabic
actor dictionary (MIT, openeventdata/UniversalPetrarch), reproducibly.

Only entries that look like personal names are kept: two or more tokens, the first (after an
honorific) a given name from ANERGazet's person list, no token that is a title, institution noun,
plural noun, country name or nationality word, no و/ل-joined second name (أحمد ومحمود), no spelled-out
acronym (سي آي إيه). Names already in the curated persons.tsv (same normalized form as one of its
variants, or a near spelling of one: normalized edit distance ≤ 2) are left out, so the curated
entry is the only one. Each CAMEO code with its date
range becomes a role. Usage: ``.venv/bin/python scripts/build_persons.py``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PETRARCH = SHARED / "data/gazetteers/petrarch-arabic/actor_dict_ar_v4.txt"
ANERGAZET = SHARED / "data/gazetteers/anergazet/AlignedPersGazetteer.txt"
ACTORS = REPO / "rasad/data/actors"
sys.path.insert(0, str(REPO))

from rasad.analyze.normalize import normalize  # noqa: E402

PERSON_COLS = ["id", "name", "name_ar", "variants", "country", "cameo", "wikidata"]
ROLE_COLS = ["actor_id", "title", "title_ar", "country", "cameo", "start", "end"]

FILTER = ACTORS / "person_filter.tsv"  # word lists of the filter (honorifics, titles, plurals)


def filter_words() -> dict[str, set[str]]:
    """person_filter.tsv as kind → normalized words."""
    words: dict[str, set[str]] = {}
    for row in read_rows(FILTER):
        word = row["word"] if row["word"].isascii() else normalize(row["word"])  # ISO3 as is
        words.setdefault(row["kind"], set()).add(word)
    return words


def parse_codes(text: str) -> list[tuple[str, str, str]]:
    """``[CODE 19840502-18000101]`` / ``[CODE > 1993]`` / ``[CODE]`` cells as (code, start, end)."""
    out = []
    for cell in re.findall(r"\[([^\]]*)\]", text):
        parts = cell.split(None, 1)
        if not parts or not re.fullmatch(r"[A-Z]{3,12}", parts[0]):
            continue
        out.append((parts[0], *parse_range(parts[1] if len(parts) > 1 else "")))
    return out


def iso(d: str) -> str:
    """A PETRARCH yyyymmdd date as ISO, or "" for the placeholders it uses for unknown."""
    if not re.fullmatch(r"\d{8}", d) or d in {"18000101", "19700101"}:
        return ""
    return f"{d[:4]}-{d[4:6]}-{d[6:]}"


def parse_range(text: str) -> tuple[str, str]:
    """A PETRARCH date range as (start, end); an end before the start is dropped as unknown."""
    text = text.replace(" ", "")
    if text.startswith(">"):
        return iso(text[1:]), ""
    if text.startswith("<"):
        return "", iso(text[1:])
    m = re.fullmatch(r"(\d{8})-(\d{8})", text)
    if not m:
        return "", ""
    start, end = iso(m.group(1)), iso(m.group(2))
    if start and end and end < start:
        end = ""
    return start, end


def read_entries(path: Path) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(headword, codes) pairs; codes follow on the headword line or on indented lines."""
    entries: list[tuple[str, list]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line[0] in " \t" and line.strip().startswith("["):
            if entries:
                entries[-1][1].extend(parse_codes(line))
            continue
        head = line.split("[", 1)[0].strip()
        entries.append((head, parse_codes(line)))
    return entries


def surface(head: str) -> str:
    """A lemmatized underscore headword as a plain spaced name (superscript alef dropped)."""
    return " ".join(t for t in head.replace("\u0670", "").split("_") if t)


def given_names(path: Path) -> set[str]:
    """Normalized single-word names from ANERGazet's person list."""
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word and " " not in word and not word.startswith("="):
            names.add(normalize(word))
    return names | {"عبد", "ابو", "بن", "ابن"}


def places() -> tuple[set[str], set[str]]:
    """Normalized country and city names, and nisba adjectives (عراقي) made from country names."""
    import json

    names: set[str] = set()
    for c in json.loads((SHARED / "data/gazetteers/countries_mledoze/countries.json").read_text()):
        names.add(normalize(c["translations"]["ara"]["common"]))
    cities = SHARED / "data/gazetteers/world_cities_ar/world-cities.jsonl"
    for line in cities.read_text(encoding="utf-8-sig").splitlines():
        if line.strip():
            row = json.loads(line)
            names.add(normalize(row["CityNameAr"]))
    nisba = set()
    for n in names:
        base = n[2:] if n.startswith("ال") else n
        base = base[:-1] if base.endswith("ا") else base
        if " " not in base and len(base) >= 3:
            nisba |= {base + "ي", base + "يه", base + "يين", base + "يون"}
    return names, nisba


def country_words() -> set[str]:
    """Normalized one-token country names and nationality adjectives (countries.tsv, mledoze)."""
    import json

    words = set()
    for c in json.loads((SHARED / "data/gazetteers/countries_mledoze/countries.json").read_text()):
        words.add(normalize(c["translations"]["ara"]["common"]))
    for row in read_rows(ACTORS / "countries.tsv"):
        names = [row["name_ar"], *row["variants"].split("|"), *row["adjectives"].split("|")]
        words |= {normalize(n) for n in names}
    return {w for w in words if w and " " not in w}


def person_name(
    head: str, given: set[str], has_role: bool = False, has_person_role: bool = True
) -> str | None:
    """The name if the headword looks like a person's name, else None.

    The entry must carry a CAMEO role code (a person's), be no place name and hold no word that
    shows a non-person (``not_a_name``); then a first token that is a known given name suffices,
    else the tokens must look like a transliterated foreign name.
    """
    if " " in head.strip() or not re.fullmatch(r"[\u0600-\u06ff_]+", head.strip()):
        return None
    tokens = surface(head).split()
    while tokens and normalize(tokens[0]) in WORDS["honorific"]:
        tokens = tokens[1:]
    if len(tokens) < 2 or len(tokens) > 5 or (len(tokens) == 2 and normalize(tokens[0]) == "عبد"):
        return None  # one token, or a bare compound first name (عبد الله): ambiguous
    if not_a_name([normalize(t) for t in tokens], given):
        return None
    name = " ".join(restore_article(tokens))
    place, nisba = PLACES
    if not has_role or normalize(name) in place or any(normalize(t) in nisba for t in tokens[1:]):
        return None
    if normalize(tokens[0]) in given:
        return name
    if len(tokens) > 3 or not has_person_role or not foreign_name_like(tokens):
        return None
    return name


def not_a_name(norm: list[str], given: set[str]) -> bool:
    """Whether normalized tokens show a non-person: a title/institution/plural noun, a country or
    nationality word, two Latin letter names (سي آي إيه), or a و-joined second name."""
    if any(t in WORDS["not_name"] or t in WORDS["plural"] for t in norm):
        return True
    if sum(t in WORDS["letter"] for t in norm) >= 2:
        return True
    if any(country_word(t, given) for t in norm):
        return True
    return any(joined(t, norm, given) for t in norm[1:])


def country_word(tok: str, given: set[str]) -> bool:
    """A country name (فيتنام, الفاتيكان) or nationality adjective that is not also a given name."""
    bare = tok[2:] if tok.startswith("ال") else tok
    return tok not in given and bool({tok, bare, "ال" + bare} & COUNTRY_WORDS)


def joined(tok: str, norm: list[str], given: set[str]) -> bool:
    """A token that is و/ل + a name (ومحمود, والنمسوي, لمحمد): a list or a phrase, not one name."""
    rest = tok[1:]
    long_name = len(rest) >= 4 and (rest in given or rest.startswith("ال"))
    return tok[:1] in ("و", "ل") and (rest in norm or long_name)


def foreign_name_like(tokens: list[str]) -> bool:
    """Tokens that can be a transliterated name: no article, no ة ending, no one-letter token."""
    return not any(t.startswith("ال") or t.endswith("ة") or len(t) < 2 for t in tokens)


def restore_article(tokens: list[str]) -> list[str]:
    """Undo the lemmatizer's dropped article in compound names: عبد رحمن → عبد الرحمن,
    نور دين → نور الدين (PETRARCH headwords are lemmas, news text has the article)."""
    out = list(tokens)
    for i in range(1, len(out)):
        prev, tok = normalize(out[i - 1]), out[i]
        needs = (prev == "عبد" and not tok.startswith("ال")) or normalize(tok) == "دين"
        if needs and normalize(tok) not in {"الله", "اله"}:
            out[i] = "ال" + tok.lstrip("اأإآ") if tok.startswith(("أل", "إل")) else "ال" + tok
    return out


def curated_forms() -> set[str]:
    """Keys of every curated person's and outlet's names (these are not generated again)."""
    forms: set[str] = set()
    for path in [ACTORS / "persons.tsv", *sorted(ACTORS.glob("outlets*.tsv"))]:
        if not path.exists():
            continue
        for row in read_rows(path):
            for v in [row["name_ar"], *row["variants"].split("|")]:
                if v:
                    forms |= {normalize(v), skeleton(v), bare(v)}
    return forms


def bare(name: str) -> str:
    """Normalized tokens without their article, joined: الحسن الثاني = حسن ثاني."""
    return "=" + "".join(t[2:] if t.startswith("ال") else t for t in normalize(name).split())


def near_index(forms: set[str]) -> dict[str, list[str]]:
    """Bare curated names bucketed by their last three letters, for near-duplicate checks."""
    index: dict[str, list[str]] = {}
    for f in forms:
        if f.startswith("="):
            index.setdefault(f[-3:], []).append(f)
    return index


def near_known(name: str, index: dict[str, list[str]]) -> bool:
    """Whether a name is a spelling variant of a curated one (بنجامين نتنياهو, طوني بلير)."""
    from difflib import SequenceMatcher

    b = bare(name)
    return any(SequenceMatcher(None, b, f).ratio() >= 0.85 for f in index.get(b[-3:], ()))


FOLD = str.maketrans("طغصضثقى", "تجسدتكي")  # letters transliterations swap: غوتيريس/جوتيرس


def fold(name: str) -> str:
    """A spelling-tolerant form for edit distance: normalized, no spaces, variant letters merged,
    doubled letters single (بايدنن = بايدن)."""
    return re.sub(r"(.)\1+", r"\1", normalize(name).replace(" ", "").translate(FOLD))


def deletions(word: str, depth: int = 2) -> set[str]:
    """The word with up to ``depth`` letters deleted (a symmetric-delete index key set)."""
    out, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def curated_names() -> dict[str, list[tuple[str, str, str]]]:
    """Full names (2+ tokens) of curated persons, by every deletion key of their folded form."""
    index: dict[str, list[tuple[str, str, str]]] = {}
    for row in read_rows(ACTORS / "persons.tsv"):
        for v in {row["name_ar"], *row["variants"].split("|")}:
            if len(v.split()) >= 2:
                entry = (fold(v), normalize(v).replace(" ", ""), row["country"])
                for key in deletions(entry[0]):
                    index.setdefault(key, []).append(entry)
    return index


def near_duplicate(name: str, country: str, index: dict[str, list[tuple[str, str, str]]]) -> bool:
    """Whether a name is a misspelling of a curated person's full name (جو بايدنن, انتوونيو جوتيرس).

    Normalized edit distance ≤ 2 (≤ 1 under 12 letters) on the folded form; for people of
    countries whose names are native in Arabic script (طارق عزيز ≠ طارق عظيم), ≤ 1 unfolded.
    """
    f, n = fold(name), normalize(name).replace(" ", "")
    candidates = {c for key in deletions(f) for c in index.get(key, ())}
    for cf, cn, ccountry in candidates:
        if {country, ccountry} & WORDS["arabic_script_country"]:
            if edit_distance(n, cn) <= 1:
                return True
        elif edit_distance(f, cf) <= (2 if len(f) >= 12 else 1):
            return True
    return False


def skeleton(name: str) -> str:
    """A spelling-tolerant key: normalized, long vowels and hamza seats dropped (بيريس = بيرس)."""
    return "~" + re.sub("[اويءئؤ]", "", normalize(name))


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of one of our TSV files (``#`` header skipped)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    cols = lines[0].split("\t")
    return [dict(zip(cols, ln.split("\t"), strict=True)) for ln in lines[1:]]


ROMAN = dict(
    zip(
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويءئؤ",
        "a b t th j h kh d dh r z s sh s d t z _ gh f q k l m n h w y _ y w".split(),
        strict=True,
    )
)


def slug(name_ar: str) -> str:
    """A mechanical ASCII romanization of an Arabic name, for ids of uncurated entries."""
    out = []
    for ch in normalize(name_ar):
        out.append("-" if ch == " " else ROMAN.get(ch, "").replace("_", ""))
    return re.sub(r"-+", "-", "".join(out)).strip("-")


NEAR: dict[str, list[str]] = {}
CURATED: dict[str, list[tuple[str, str, str]]] = {}
PLACES: tuple[set[str], set[str]] = (set(), set())
ISO3: set[str] = set()
WORDS: dict[str, set[str]] = {}
COUNTRY_WORDS: set[str] = set()


def group(entries, given: set[str], skip: set[str]) -> dict[str, dict]:
    """Person entries grouped by normalized name, codes merged, curated names skipped."""
    people: dict[str, dict] = {}
    for head, codes in entries:
        roles = {split_code(c, ISO3)[1] for c, _, _ in codes}
        has_role = bool(roles & ROLE_TITLES.keys())
        # companies and outlets carry only BUS/MED codes; a foreign-looking name needs another
        name = person_name(head, given, has_role, bool(roles & ROLE_TITLES.keys() - {"BUS", "MED"}))
        if not name or {normalize(name), skeleton(name), bare(name)} & skip:
            continue
        if near_known(name, NEAR) or near_duplicate(name, main_country(codes), CURATED):
            continue
        p = people.setdefault(normalize(name), {"name": name, "codes": []})
        for c in codes:
            if c not in p["codes"]:
                p["codes"].append(c)
    return {k: v for k, v in people.items() if v["codes"]}


# CAMEO primary role codes as a generic title (PETRARCH gives no office names).
ROLE_TITLES = {
    "GOV": ("Government official", "مسؤول حكومي"),
    "MIL": ("Military officer", "مسؤول عسكري"),
    "REB": ("Rebel leader", "قيادي في جماعة مسلحة"),
    "OPP": ("Opposition figure", "معارض"),
    "PTY": ("Party official", "قيادي حزبي"),
    "ELI": ("Elite", "شخصية بارزة"),
    "COP": ("Police officer", "مسؤول أمني"),
    "JUD": ("Judicial official", "مسؤول قضائي"),
    "LEG": ("Legislator", "نائب برلماني"),
    "CVL": ("Civilian", "مدني"),
    "MED": ("Media figure", "إعلامي"),
    "BUS": ("Business person", "رجل أعمال"),
    "REL": ("Religious figure", "رجل دين"),
    "EDU": ("Academic", "أكاديمي"),
    "SPY": ("Intelligence official", "مسؤول استخباراتي"),
    "HRI": ("Human rights figure", "ناشط حقوقي"),
    "REF": ("Refugee", "لاجئ"),
    "CRM": ("Criminal", "مجرم"),
    "LAB": ("Labour figure", "نقابي"),
    "IGO": ("International official", "مسؤول دولي"),
}


def iso3_codes() -> set[str]:
    """ISO alpha-3 codes from the mledoze country list (plus Kosovo's XKX/KSV as CAMEO has)."""
    import json

    path = SHARED / "data/gazetteers/countries_mledoze/countries.json"
    return {c["cca3"] for c in json.loads(path.read_text(encoding="utf-8"))} | {"KSV"}


def split_code(code: str, iso3: set[str]) -> tuple[str, str]:
    """A CAMEO actor code as (country ISO3 or "", primary role code or "")."""
    if code[:3] in iso3:
        return code[:3], code[3:6]
    if code.startswith("IGO"):
        return "", "IGO"
    return "", code[:3]


def role_rows(pid: str, codes, iso3: set[str]) -> list[list[str]]:
    """One role row per CAMEO code that names a role (a bare country code names none)."""
    rows = []
    for code, start, end in codes:
        country, role = split_code(code, iso3)
        if role not in ROLE_TITLES:
            continue
        title, title_ar = ROLE_TITLES[role]
        rows.append([pid, title, title_ar, country, code, start, end])
    return rows


def main_country(codes) -> str:
    """The most frequent country of an entry's CAMEO codes (ties: first seen), or ""."""
    countries = [split_code(c, ISO3)[0] for c, _, _ in codes]
    countries = [c for c in countries if c]
    return max(countries, key=countries.count) if countries else ""


def person_row(pid: str, p: dict, iso3: set[str]) -> list[str]:
    """The persons row: country the most frequent one of its codes, cameo the latest role's."""
    country = main_country(p["codes"])
    latest = max(p["codes"], key=lambda c: c[1] or "0")
    return [
        pid,
        slug(p["name"]).replace("-", " ").title(),
        p["name"],
        p["name"],
        country,
        latest[0],
        "",
    ]


def unique_id(base: str, taken: set[str]) -> str:
    """``a:<slug>``, suffixed -2, -3… when taken."""
    pid, n = f"a:{base}", 2
    while pid in taken:
        pid, n = f"a:{base}-{n}", n + 1
    taken.add(pid)
    return pid


HEADER = """# {what} — GENERATED by scripts/build_persons.py; do not edit (curated entries go in {curated}).
# Source: PETRARCH Arabic actor dictionary actor_dict_ar_v4.txt (openeventdata/UniversalPetrarch, MIT);
#   person filter uses ANERGazet's person-name list (Benajiba, research use) for first names only.
# How built: headwords that look like personal names (underscores -> spaces, lemmatized as in the source),
#   grouped by normalized form; word lists of the filter in person_filter.tsv; names curated in
#   persons.tsv or outlets*.tsv (and near spellings of them) are skipped; each CAMEO code + date range is
#   a role with a generic title from its CAMEO role code (PETRARCH names no offices); `name` is a
#   mechanical romanization, not an English spelling. Licence of this file: MIT (as its source).
"""


def write_tsv(path: Path, what: str, curated: str, cols: list[str], rows) -> None:
    """Write a generated TSV with its header, checking every row's column count."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(HEADER.format(what=what, curated=curated))
        fh.write("\t".join(cols) + "\n")
        for row in rows:
            assert len(row) == len(cols) and not any("\t" in c or "\n" in c for c in row), row
            fh.write("\t".join(row) + "\n")


def rows_for(people: dict[str, dict], taken: set[str]) -> tuple[list, list]:
    """Persons and roles rows, ids made unique against the curated ones."""
    persons, roles = [], []
    for key in sorted(people):
        p = people[key]
        pid = unique_id(slug(p["name"]), taken)
        persons.append(person_row(pid, p, ISO3))
        roles.extend(role_rows(pid, p["codes"], ISO3))
    return persons, roles


def build(out_dir: Path = ACTORS) -> tuple[int, int]:
    """Generate both files into ``out_dir``; returns (persons, roles) counts."""
    global PLACES, ISO3, NEAR, CURATED, WORDS, COUNTRY_WORDS
    PLACES, ISO3, WORDS = places(), iso3_codes(), filter_words()
    COUNTRY_WORDS, CURATED = country_words(), curated_names()
    known = curated_forms()
    NEAR = near_index(known)
    people = group(read_entries(PETRARCH), given_names(ANERGAZET), known)
    curated = ACTORS / "persons.tsv"
    taken = {r["id"] for r in read_rows(curated)} if curated.exists() else set()
    persons, roles = rows_for(people, taken)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_tsv(out_dir / "persons_petrarch.tsv", "Persons", "persons.tsv", PERSON_COLS, persons)
    write_tsv(out_dir / "roles_petrarch.tsv", "Roles", "roles.tsv", ROLE_COLS, roles)
    return len(persons), len(roles)


if __name__ == "__main__":
    if not PETRARCH.exists():
        sys.exit(f"missing {PETRARCH}: build_persons.py needs ../shared")
    n_persons, n_roles = build()
    print(f"persons_petrarch.tsv: {n_persons} persons; roles_petrarch.tsv: {n_roles} roles")
