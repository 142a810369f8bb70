"""The event trigger lexicon: patterns from ``rasad/data/events/triggers.tsv`` and their forms.

A verb pattern stores the lemma as ``past|imperfect-stem[|extra forms]``; the conjugated forms
(past with its person/number suffixes, imperfect with ي/ت/ن/ا prefixes and plural suffixes) are
generated here. Nouns get their plural, dual, accusative and construct forms. Clitics are handled
at match time by :func:`candidates`, which peels proclitics, the article and enclitic pronouns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from rasad.analyze.normalize import normalize
from rasad.data.loader import read_tsv

# Closed-class clitics (normalized). Proclitic chains are conjunction + preposition/future.
PROCLITICS = ("وس", "فس", "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك", "س")
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ني", "ه", "ك")
_PRO_FIRST = frozenset(p[0] for p in PROCLITICS)
_ENC_LAST = frozenset(e[-1] for e in ENCLITICS)
# No masculine dual "ا" (قاطعا is mostly the adverb "categorically"), no feminine plural "ن"
# (اثنين is "two", not أثنى), no first-person "ا"/"ن" prefixes (أصل "origin", نصيب "share"):
# all are rare in news and collide with common nouns.
_PAST_SUFFIXES = ("", "ت", "وا", "و", "تا", "نا", "تم")
_IMPF_PREFIXES = ("ي", "ت")
_IMPF_SUFFIXES = ("", "ون", "ان", "وا", "و", "ين", "ن")


@dataclass(frozen=True, slots=True)
class Entry:
    """One trigger pattern: head word forms, literal complements, CAMEO code and argument cues."""

    pattern: str
    kind: str  # verb | noun
    code: str
    preps: tuple[str, ...]  # prepositions introducing the target; "obj" = direct object
    gen: str  # role of the genitive after a noun: src | tgt | -
    rest: tuple[str, ...]  # canonical forms of the words that must follow the head
    passive: frozenset[str]  # head forms that are passive (agentless: target only)
    weak: bool  # a weak cue (a participant noun, an instrument), not an act
    head: str = ""  # normalized lemma of the head word (a verb's past, a noun's singular)

    @property
    def root(self) -> str:
        """The CAMEO root (first two digits)."""
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class Code:
    """A CAMEO code with its label and PLOVER category."""

    code: str
    root: str
    label: str
    plover: str | None


def canon(word: str) -> str:
    """Light stem for comparing complements: drops plural/feminine/accusative endings."""
    for suffix in ("تين", "تان", "ات", "ه", "ا"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=200_000)
def candidates(norm: str) -> tuple[tuple[str, bool, str], ...]:
    """(form, had_article, proclitics) readings of a word with clitics peeled, most literal first."""
    out: list[tuple[str, bool, str]] = [(norm, False, "")]
    if norm[:1] in _PRO_FIRST:
        out += [
            (norm[len(p) :], False, p)
            for p in PROCLITICS
            if norm.startswith(p) and len(norm) - len(p) >= 2
        ]
    for form, _, pre in out[:]:
        if form.startswith("ال") and len(form) > 3:
            out.append((form[2:], True, pre))
        elif pre.endswith("ل") and form.startswith("ل") and len(form) > 3:
            out.append((form[1:], True, pre))  # لل = ل + ال
    # Peeling proclitics changes only the start, so the enclitics that fit are the same for all.
    encs = [len(e) for e in ENCLITICS if norm.endswith(e)] if norm[-1:] in _ENC_LAST else []
    if encs:
        out += [(f[:-n], d, p) for f, d, p in out[:] for n in encs if len(f) - n >= 2]
    seen: dict[str, tuple[str, bool, str]] = {}
    for reading in out:
        seen.setdefault(reading[0], reading)
    return tuple(seen.values())


@lru_cache(maxsize=100_000)
def canon_set(norm: str) -> frozenset[str]:
    """Canonical forms of every reading of a word (for matching complements)."""
    return frozenset(canon(form) for form, _, _ in candidates(norm))


def core(word: str) -> str:
    """The canonical core of a pattern complement: clitics and the article peeled."""
    readings = candidates(normalize(word))
    with_article = [form for form, det, _ in readings if det]
    return canon(min(with_article, key=len) if with_article else readings[0][0])


def verb_forms(past: str, impf: str) -> set[str]:
    """Conjugated forms of a verb (normalized past and imperfect stems)."""
    forms = {past + s for s in _PAST_SUFFIXES} if past else set()
    if past and past[-1] in "اي":  # defective: دعا/دعت/دعوا, التقى/التقت/التقوا
        base = past[:-1]
        forms |= {base + s for s in ("ت", "وا", "و", "يا", "تا", "ينا", "يت")}
    if impf:
        base = impf[:-1] if impf[-1] in "وي" else impf
        for p in _IMPF_PREFIXES:
            forms |= {p + impf + s for s in _IMPF_SUFFIXES}
            forms |= {p + base + s for s in ("ون", "وا", "و", "ين")}
    return forms


def noun_forms(noun: str) -> set[str]:
    """Number, case and construct forms of a noun (normalized)."""
    if noun.endswith("ه"):  # ta marbuta: مظاهرة → مظاهرات، مظاهرتين، زيارته
        base = noun[:-1]
        return {noun, base + "ات", base + "تان", base + "تين", base + "ت", base + "تا"}
    return {noun, noun + "ات", noun + "ا", noun + "ان", noun + "ين", noun + "ون", noun + "اً"}


def _entry(row: dict[str, str]) -> tuple[Entry, set[str]]:
    words = row["pattern"].split()
    head, rest = words[0], tuple(core(w) for w in words[1:])
    passive: frozenset[str] = frozenset()
    if row["kind"] == "verb":
        parts = [normalize(p) for p in head.split("|")]
        forms = verb_forms(parts[0], parts[1] if len(parts) > 1 else "")
        passive = frozenset(f for p in parts[2:] for f in verb_forms(p, ""))
        forms |= passive
    else:
        forms = noun_forms(normalize(head))
    preps = tuple(normalize(p) for p in row["prep"].split(",") if p)
    weak = row["gen"] == "-" and "weak" in row["note"]
    head_lemma = normalize(head.split("|")[0])
    entry = Entry(
        row["pattern"],
        row["kind"],
        row["code"],
        preps or ("obj",),
        row["gen"] or "-",
        rest,
        passive,
        weak,
        head_lemma,
    )
    return entry, forms


class TriggerLexicon:
    """Head form → patterns index over the trigger table."""

    def __init__(self, rows: tuple[dict[str, str], ...]) -> None:
        self.entries: list[Entry] = []
        self.index: dict[str, list[Entry]] = {}
        self._memo: dict[str, list[tuple[Entry, str, bool, str]]] = {}
        for row in rows:
            entry, forms = _entry(row)
            self.entries.append(entry)
            for form in forms:
                self.index.setdefault(form, []).append(entry)
        for found in self.index.values():  # longest pattern first
            found.sort(key=lambda e: -len(e.rest))

    def heads(self, norm: str) -> list[tuple[Entry, str, bool, str]]:
        """Patterns whose head matches a word: (entry, matched form, had article, proclitics)."""
        found = self._memo.get(norm)
        if found is None:
            found = [
                (e, form, det, pre)
                for form, det, pre in candidates(norm)
                for e in self.index.get(form, ())
            ]
            if len(self._memo) > 300_000:  # words follow Zipf's law: a bounded memo suffices
                self._memo.clear()
            self._memo[norm] = found
        return found


@cache
def load_triggers() -> TriggerLexicon:
    """The trigger lexicon (cached)."""
    return TriggerLexicon(read_tsv("events/triggers.tsv"))


@cache
def load_codes() -> dict[str, Code]:
    """CAMEO code table: code → label and PLOVER category."""
    return {
        r["code"]: Code(r["code"], r["root"], r["label"], r["plover"] or None)
        for r in read_tsv("events/cameo_codes.tsv")
    }


def code_info(code: str) -> Code:
    """Label and PLOVER of a code, falling back to its parent codes."""
    codes = load_codes()
    for n in range(len(code), 1, -1):
        if code[:n] in codes:
            found = codes[code[:n]]
            return Code(code, code[:2], found.label, found.plover)
    return Code(code, code[:2], "", None)
