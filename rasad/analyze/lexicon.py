"""The actor lexicon: countries, places, organisations, persons and media outlets.

Data lives in ``rasad/data/actors/*.tsv`` (see their headers). Surfaces are indexed as tuples of
normalized tokens (``surface_key``), so the entity matcher can look up token n-grams directly:
``load_lexicon().lookup(("وزارة", "الخارجية", "الايرانيه"))``. Names are stored as written,
with their article; the matcher strips proclitics (و ف ب ل ك) from text tokens before lookup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from rasad.analyze.normalize import normalize
from rasad.data.loader import DATA_DIR, read_tsv

ACTORS = "actors/"
_TOKEN = re.compile(r"\w+|[^\w\s]")
_INSTITUTION_MEMO_MAX = 100_000
_DEFAULT_RANK = 500


@dataclass(frozen=True, slots=True)
class Role:
    """An office held by a person between two ISO dates (None = open)."""

    title: str
    country: str | None
    cameo: str
    start: str | None
    end: str | None
    title_ar: str = ""


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor: a person, country (GPE), place (GPE/LOC), organisation or media outlet."""

    id: str
    type: str
    name: str
    name_ar: str
    country: str | None
    cameo: str
    wikidata: str = ""
    roles: tuple[Role, ...] = ()
    kind: str = ""  # outlet or institution kind; country/capital/curated/city for places
    surfaces: tuple[str, ...] = field(default=(), compare=False, repr=False)


def surface_key(text: str) -> tuple[str, ...]:
    """The lookup key of a surface: its normalized tokens (punctuation split off)."""
    return tuple(_TOKEN.findall(normalize(text)))


def split_multi(cell: str) -> list[str]:
    """The values of a ``|``-separated cell."""
    return [v.strip() for v in cell.split("|") if v.strip()]


def _rows(name: str) -> tuple[dict[str, str], ...]:
    """Rows of an actor file; an optional file that is absent gives no rows."""
    if not (DATA_DIR / ACTORS / name).exists():
        return ()
    return read_tsv(ACTORS + name)


def _opt(value: str) -> str | None:
    return value.strip() or None


class ActorLexicon:
    """Index of actor surfaces (token tuples) → entries, adjectives → countries, ids → entries."""

    def __init__(self) -> None:
        self._index: dict[tuple[str, ...], list[ActorEntry]] = {}
        self._cue: dict[tuple[str, ...], list[ActorEntry]] = {}
        self._by_id: dict[str, ActorEntry] = {}
        self._adjectives: dict[str, str] = {}
        self._stop: set[tuple[str, ...]] = set()
        self._heads: dict[tuple[str, ...], dict[str, str]] = {}
        self._head_first: set[str] = set()
        self._memo: dict[tuple[str, ...], ActorEntry | None] = {}
        self._country_keys: dict[tuple[str, ...], str] = {}
        self._precedence: dict[str, int] = {}
        self._adj_phrases: dict[tuple[str, ...], str] = {}
        self.adjective_max_len = 0
        self.max_len = 0
        self.first_tokens: set[str] = set()

    # ------------------------------------------------------------ queries

    def lookup(self, norm_tokens: tuple[str, ...]) -> list[ActorEntry]:
        """Entries whose surface is exactly these normalized tokens (most prominent first)."""
        hit = self._index.get(norm_tokens)
        if hit is not None:
            return hit
        if norm_tokens and norm_tokens[0] in self._head_first:
            entry = self._institution(norm_tokens)
            if entry is not None:
                return [entry]
        return []

    def lookup_cued(self, norm_tokens: tuple[str, ...]) -> list[ActorEntry]:
        """Entries for surfaces that are also common words: match only after a cue (قناة، حركة)."""
        return self._cue.get(norm_tokens, [])

    def get(self, actor_id: str) -> ActorEntry | None:
        """The entry with this id, or None."""
        return self._by_id.get(actor_id)

    def adjective(self, norm_word: str) -> str | None:
        """The ISO3 country of a nationality adjective (الاسرائيليه → ISR), or None."""
        return self._adjectives.get(norm_word)

    def adjective_phrase(self, norm_tokens: tuple[str, ...]) -> str | None:
        """The ISO3 country of a multi-word adjective (الكوري الجنوبي → KOR), else None."""
        return self._adj_phrases.get(norm_tokens) or None

    def adjective_prefix(self, norm_tokens: tuple[str, ...]) -> tuple[int, str | None] | None:
        """Longest multi-word adjective starting the tokens, as (length, ISO3 or None).

        None for the country means a known phrase that names none (الأمريكي اللاتيني): the
        caller should not read its first word (الأمريكي) as a country either.
        """
        for n in range(min(self.adjective_max_len, len(norm_tokens)), 1, -1):
            country = self._adj_phrases.get(norm_tokens[:n])
            if country is not None:
                return n, country or None
        return None

    def role_at(self, entry: ActorEntry, when: str | date | None) -> Role | None:
        """The role ``entry`` held on ``when`` (first of ``roles_at``); current role if None."""
        held = self.roles_at(entry, when)
        return held[0] if held else None

    def roles_at(self, entry: ActorEntry, when: str | date | None) -> list[Role]:
        """All roles held on ``when``, most senior first (role_precedence.tsv, then latest start).

        With ``when`` None: the open roles, or the latest-starting one if none is open.
        """
        if not entry.roles:
            return []
        if when is None:
            held = [r for r in entry.roles if r.end is None]
            if not held:
                held = [max(entry.roles, key=lambda r: r.start or "")]
        else:
            day = _iso_day(when)
            held = [r for r in entry.roles if _held(r, day)] if day else []
        return sorted(held, key=self._role_order)

    def role_rank(self, title: str) -> int:
        """Precedence rank of a role title (lower = more senior; unknown titles 500)."""
        return self._precedence.get(title, _DEFAULT_RANK)

    def _role_order(self, role: Role) -> tuple[int, str]:
        # later start first on equal rank: compare the complement of the padded start date
        start = _pad(role.start, "-01") if role.start else "0000-00-00"
        return self.role_rank(role.title), "".join(chr(255 - ord(c)) for c in start)

    def entries(self) -> list[ActorEntry]:
        """All entries (excluding institution entries made on the fly)."""
        return list(self._by_id.values())

    def surfaces(self) -> dict[tuple[str, ...], list[ActorEntry]]:
        """The surface index (read-only use)."""
        return self._index

    # ------------------------------------------------------------ building

    def add(self, entry: ActorEntry, surfaces: list[str], cue_only: set[str] = frozenset()) -> None:
        """Register an entry under its surfaces (cue-only and stoplisted ones go to the cue index)."""
        self._by_id.setdefault(entry.id, entry)
        cue_keys = {surface_key(s) for s in cue_only}
        for s in surfaces:
            key = surface_key(s)
            if not key:
                continue
            target = self._cue if key in cue_keys or key in self._stop else self._index
            bucket = target.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            # cue-only surfaces count too, so a cued longest-match can reach them
            self.first_tokens.add(key[0])
            self.max_len = max(self.max_len, len(key))

    def add_adjective(self, form: str, iso3: str) -> None:
        """Map a nationality adjective form to its country (first writer wins; stopwords skipped)."""
        norm = normalize(form)
        if (norm,) not in self._stop:
            self._adjectives.setdefault(norm, iso3)

    def add_head(self, row: dict[str, str]) -> None:
        """Register a state-institution head (see institutions.tsv)."""
        key = surface_key(row["head"])
        self._heads[key] = row
        self._head_first.add(key[0])
        self.first_tokens.add(key[0])
        if len(key) == 1 and key[0].startswith("ال"):
            indefinite = (key[0][2:],)
            self._heads.setdefault(indefinite, {**row, "indefinite": "1"})
            self._head_first.add(indefinite[0])
            self.first_tokens.add(indefinite[0])

    # ------------------------------------------------------------ institutions

    def _institution(self, tokens: tuple[str, ...]) -> ActorEntry | None:
        """Head + country adjective/name (الجيش الاسرائيلي) as an ORG of that country, memoized."""
        if tokens in self._memo:
            return self._memo[tokens]
        entry = None
        for cut in range(1, len(tokens)):
            head = self._heads.get(tokens[:cut])
            if head is not None:
                iso3 = self._country_of_rest(tokens[cut:], head)
                if iso3:
                    entry = self._institution_entry(head, iso3)
                    break
        if len(self._memo) < _INSTITUTION_MEMO_MAX:
            self._memo[tokens] = entry
        return entry

    def _country_of_rest(self, rest: tuple[str, ...], head: dict[str, str]) -> str | None:
        """The country named by what follows a head: an agreeing adjective, or (construct) a name."""
        definite = not head.get("indefinite")
        if len(rest) == 1:
            iso3 = self._adjectives.get(rest[0])
            if iso3 and rest[0].startswith("ال") == definite:
                return iso3
        if not definite:
            return self._country_keys.get(rest)
        return None

    def _institution_entry(self, head: dict[str, str], iso3: str) -> ActorEntry:
        country = self._by_id.get(f"c:{iso3}")
        base = country.cameo if country else iso3
        name = f"{country.name if country else iso3} {head['name']}"
        slug = re.sub(r"[^a-z0-9]+", "-", head["name"].lower()).strip("-")
        return ActorEntry(
            id=f"o:{iso3.lower()}-{slug}",
            type="ORG",
            name=name,
            name_ar=head["head"],
            country=iso3,
            cameo=base + head["cameo_suffix"],
            kind=head["kind"],
        )


# ---------------------------------------------------------------- dates


def _iso_day(when: str | date | None) -> str | None:
    """The YYYY-MM-DD day of a date, datetime or ISO string, or None if unparseable."""
    if isinstance(when, datetime | date):
        return when.isoformat()[:10]
    m = re.match(r"\d{4}(-\d{2}(-\d{2})?)?", str(when).strip())
    if not m:
        return None
    return _pad(m.group(0), "-01")


def _pad(day: str, fill: str) -> str:
    """Complete 'YYYY' or 'YYYY-MM' to a full day using ``fill`` ('-01' start, '-31' end)."""
    while len(day) < 10:
        day += "-12" if len(day) == 4 and fill == "-31" else fill
    return day


def _held(role: Role, day: str) -> bool:
    """True if ``day`` lies within the role's dates (open ends are unbounded)."""
    if role.start and _pad(role.start, "-01") > day:
        return False
    return not (role.end and _pad(role.end, "-31") < day)


# ---------------------------------------------------------------- loading


def _load_stoplist(lex: ActorLexicon) -> None:
    for row in _rows("stoplist.tsv"):
        if row["kind"] in ("word", "cue_only"):
            lex._stop.add(surface_key(row["surface"]))


def _load_countries(lex: ActorLexicon) -> dict[str, str]:
    """Countries; returns capital place id → ISO3."""
    capitals = {}
    for r in _rows("countries.tsv"):
        names = [r["name_ar"], *split_multi(r["variants"])]
        entry = ActorEntry(r["id"], "GPE", r["name"], r["name_ar"], r["iso3"], r["cameo"], "",
                           kind="country", surfaces=tuple(names))  # fmt: skip
        lex.add(entry, names)
        for n in names:
            lex._country_keys.setdefault(surface_key(n), r["iso3"])
        for form in split_multi(r["adjectives"]):
            lex.add_adjective(form, r["iso3"])
        if r["capital"]:
            capitals[r["capital"]] = r["iso3"]
    return capitals


def _load_places(lex: ActorLexicon, capitals: dict[str, str]) -> None:
    curated = {r["id"] for r in _rows("places_extra.tsv")}
    for r in _rows("places.tsv"):
        names = [r["name_ar"], *split_multi(r["variants"])]
        country = _opt(r["country"])
        c = lex.get(f"c:{country}") if country else None
        kind = "capital" if r["id"] in capitals else "curated" if r["id"] in curated else "city"
        entry = ActorEntry(r["id"], r["type"], r["name"], r["name_ar"], country,
                           c.cameo if c else "", kind=kind, surfaces=tuple(names))  # fmt: skip
        lex.add(entry, names)


def _load_orgs(lex: ActorLexicon) -> None:
    for r in _rows("orgs.tsv"):
        names = [r["name_ar"], *split_multi(r["variants"])]
        entry = ActorEntry(r["id"], r["type"] or "ORG", r["name"], r["name_ar"], _opt(r["country"]),
                           r["cameo"], r["wikidata"], surfaces=tuple(names))  # fmt: skip
        lex.add(entry, names)
    for r in _rows("institutions.tsv"):
        lex.add_head(r)


_NISBA_ENDINGS = ("", "ه", "ون", "ين", "ات")  # m., f., m.pl. nom./obl., f.pl. of a nisba in ي


def _phrase_forms(phrase: str) -> set[tuple[str, ...]]:
    """Inflected forms of an adjective phrase: agreeing endings, indefinite and definite."""
    toks = normalize(phrase).split()
    inflects = [t.endswith("ي") for t in toks]
    forms = set()
    for ending in _NISBA_ENDINGS:
        bare = tuple(t + ending if f else t for t, f in zip(toks, inflects, strict=True))
        forms.add(bare)
        marked = [f if inflects[0] else i == 0 for i, f in enumerate(inflects)]
        forms.add(tuple("ال" + t if m else t for t, m in zip(bare, marked, strict=True)))
    return forms


def _load_adjective_phrases(lex: ActorLexicon) -> None:
    for r in _rows("adjective_phrases.tsv"):
        country = "" if r["country"] == "-" else r["country"]
        for form in _phrase_forms(r["phrase"]):
            lex._adj_phrases.setdefault(form, country)
            lex.adjective_max_len = max(lex.adjective_max_len, len(form))


def _load_precedence(lex: ActorLexicon) -> None:
    for r in _rows("role_precedence.tsv"):
        lex._precedence[r["title"]] = int(r["rank"])


def _load_roles() -> dict[str, list[Role]]:
    roles: dict[str, list[Role]] = {}
    for name in ("roles.tsv", "roles_petrarch.tsv"):
        for r in _rows(name):
            role = Role(r["title"], _opt(r["country"]), r["cameo"], _opt(r["start"]),
                        _opt(r["end"]), r.get("title_ar", ""))  # fmt: skip
            roles.setdefault(r["actor_id"], []).append(role)
    return roles


def _load_persons(lex: ActorLexicon) -> None:
    roles = _load_roles()
    seen: set[str] = set()
    for name in ("persons.tsv", "persons_petrarch.tsv"):  # curated file wins on id clash
        for r in _rows(name):
            if r["id"] in seen:
                continue
            seen.add(r["id"])
            names = [r["name_ar"], *split_multi(r["variants"])]
            entry = ActorEntry(r["id"], "PER", r["name"], r["name_ar"], _opt(r["country"]),
                               r["cameo"], r["wikidata"], tuple(roles.get(r["id"], ())),
                               surfaces=tuple(names))  # fmt: skip
            lex.add(entry, names)


def _load_outlets(lex: ActorLexicon) -> None:
    for r in _rows("outlets.tsv"):
        names = [r["name_ar"], *split_multi(r["variants"])]
        entry = ActorEntry(r["id"], "MEDIA", r["name"], r["name_ar"], _opt(r["country"]), "",
                           r["wikidata"], kind=r["kind"], surfaces=tuple(names))  # fmt: skip
        lex.add(entry, names, set(split_multi(r.get("cue_only", ""))))


# Order of entries sharing a surface: countries and capitals, then curated regions, features and
# organisations, then persons and outlets, then the towns of the world-cities list (a town named
# like a politician's surname, يلدرم or سولانا, is rarely the town in news).
_RANK = {"country": 0, "capital": 0, "curated": 1, "city": 3}
_TYPE_RANK = {"ORG": 1, "LOC": 1, "PER": 2, "MEDIA": 2}


def _rank(entry: ActorEntry) -> int:
    return _RANK.get(entry.kind, _TYPE_RANK.get(entry.type, 2))


def _order(lex: ActorLexicon) -> None:
    for index in (lex._index, lex._cue):
        for bucket in index.values():
            if len(bucket) > 1:
                bucket.sort(key=_rank)


@cache
def load_lexicon() -> ActorLexicon:
    """The actor lexicon, built once per process from rasad/data/actors/."""
    lex = ActorLexicon()
    _load_stoplist(lex)
    capitals = _load_countries(lex)
    _load_orgs(lex)
    _load_places(lex, capitals)
    _load_precedence(lex)
    _load_adjective_phrases(lex)
    _load_persons(lex)
    _load_outlets(lex)
    _order(lex)
    return lex
