"""Build rasad/data/actors/persons_petrarch.tsv and roles_petrarch.tsv from PETRARCH's Arabic
actor dictionary (MIT, openeventdata/UniversalPetrarch), reproducibly.

Only entries that look like personal names are kept: two or more tokens, the first (after an
honorific) a given name from ANERGazet's person list, no token that is a title or an
institution noun. Names already in the curated persons.tsv (same normalized form as one of its
variants) are left out, so the curated entry is the only one. Each CAMEO code with its date
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

# Honorifics dropped from the front of a name (the name without them is what news repeats).
HONORIFICS = {
    "امير",
    "شيخ",
    "ملك",
    "جنرال",
    "دكتور",
    "سيد",
    "ملا",
    "الملا",
    "ملكه",
    "اميره",
    "شيخه",
}
# Title and institution nouns: a headword containing one names an office or body, not a person.
NOT_NAME = set(
    normalize(w)
    for w in """رئيس وزير وزيرة قوة وزارة حزب مجلس حكومة جامعة جيش وكالة سفير نائب دولة عاصمة
    منطقة مدينة محكمة حركة مسؤول اتحاد سلطة شرطة أمين شركة إدارة برلمان منظمة ولاية جهاز
    جمهورية صحيفة قائد بنك شعب هيئة محافظة جبهة سلاح رئاسة جماعة وسيلة جندي لجنة أرض مخابرات
    مؤسسة قيادة متحدث عاهل سفارة جنوب شمال شرق غرب مكتب نظام مستشار إقليم اقليم صندوق بيت قضاء
    جزيرة أمة تنظيم جمعية حلف حرس مملكة رجل مصدر استخبار لواء مدير ضابط عضو ممثل خارجية إعلام
    معارضة حي قطاع مؤتمر الكونغرس تيار برنامج مواطن مخيم مركز مفوض كتيبة فريق مساعد ل ب في
    من على عن إلى مع و أو ال شركه قناة موقع إذاعة مجلة نقابة كتائب سرايا ألوية جناح فصيل ميليشيا
    ميليشيات عناصر مقاتل مسلح مسلحين قوات شبكة خلية منظمه وفد بعثة ممثلية مفوضية محكمه هيئه
    مديرية دائرة ديوان مصرف سوق بورصة قاعدة معسكر سجن مستشفى مطار ميناء شارع ساحة جسر طريق
    مسجد كنيسة مدرسة كلية معهد أكاديمية مستوطنة مستوطنين قرية بلدة ناحية قضاء محافظ حاكم والي
    عمدة زعيم رئيسة ملك ملكة عائلة أسرة قبيلة عشيرة أهالي سكان شباب طلاب عمال فلاحين نساء أطفال
    أمن دفاع داخلية عدل مالية نفط طاقة تجارة اقتصاد صحة تعليم ثقافة إسلامي إسلامية عربي عربية
    دولي دولية وطني وطنية شعبي شعبية ثوري ثورية جمهوري ديمقراطي اشتراكي شيوعي ليبرالي""".split()
)
# Common nouns and adjectives seen in PETRARCH headwords that are not names.
NOT_NAME |= {
    normalize(w)
    for w in """قصر كتلة نادي فصيلة جالية مستثمر باحث مهندس مدعي جلسة قضية سفينة ثكنات فرقة مقاطعة
    عملية تحالف وضع منافس مخفر بحرية متمرد متمردون نشطاء شب مستشارة ضفة جولان عسكري أجنبي
    برلماني نيابي سياسي حربي رئاسي أميركي أمريكي أوروبي غربي شرقي الفنان فنان مثالمل عام
    خادم حرمان رؤية ظرف واقع أنجليس تايمز ساكس ووتش رايتس هيومن حق إنسان ثقيل مسلحون وعي أخ
    الذي علمتني هوو سواء والتعري صحافي دبلوماسي مرشح مصور معارض لاجئ ساكن مفتش منتدى نشاط
    نبأ طوق صليب صوت كردي كامب كابيتول فصل فرض تأثير حكم مخيمات مغرب امتداد داخلي طيران عميد
    عسكر ولي وكيل اتصال سلالاح ابن صغير أيه إطار ملحق محققين مر خلق كبير عسكريون أويل عمل رعية
    قانوني تخوف نيوز برس إسلام إعلان راجمات معتقل بني أم سعودي حكومي قاضي""".split()
}


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


def person_name(
    head: str, given: set[str], has_role: bool = False, has_person_role: bool = True
) -> str | None:
    """The name if the headword looks like a person's name, else None.

    The entry must carry a CAMEO role code (a person's), be no place name and hold no nisba
    adjective; then a first token that is a known given name suffices, else the tokens must look
    like a transliterated foreign name.
    """
    if " " in head.strip() or not re.fullmatch(r"[\u0600-\u06ff_]+", head.strip()):
        return None
    tokens = surface(head).split()
    while tokens and normalize(tokens[0]) in HONORIFICS:
        tokens = tokens[1:]
    if len(tokens) < 2 or len(tokens) > 5 or (len(tokens) == 2 and normalize(tokens[0]) == "عبد"):
        return None  # one token, or a bare compound first name (عبد الله): ambiguous
    if any(normalize(t) in NOT_NAME for t in tokens):
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
PLACES: tuple[set[str], set[str]] = (set(), set())
ISO3: set[str] = set()


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
        if near_known(name, NEAR):
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


def person_row(pid: str, p: dict, iso3: set[str]) -> list[str]:
    """The persons row: country the most frequent one of its codes, cameo the latest role's."""
    countries = [split_code(c, iso3)[0] for c, _, _ in p["codes"]]
    countries = [c for c in countries if c]
    country = max(countries, key=countries.count) if countries else ""  # ties: first seen
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
#   grouped by normalized form; names curated in persons.tsv or outlets*.tsv (and near spellings of
#   them) are skipped; each CAMEO code + date range is
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
    global PLACES, ISO3, NEAR
    PLACES, ISO3 = places(), iso3_codes()
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
