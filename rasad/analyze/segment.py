"""Clitic segmentation decided from corpus word frequencies (rasad/data/wordfreq.tsv.gz).

A word is split into proclitics + article + stem + enclitic pronoun only when the corpus says
the stripped form is a word that explains it: a split (pre, base, suf) is accepted when
``f(word) < f(base) * limit``, where the limit is K times the median rate at which that
clitic attaches (measured on the lexicon itself), raised where the data show more freedom:
و before a frequent base (sentence-initial verbs, واضاف), ب/ل before a noun when the word
itself never takes the article (بسبب), any proclitic before the article (بالاضافه), and a
pronoun after a stem seen with two other pronouns (بلاده). So وزير, بريطانيا, لبنان, كان
stay whole (their stripped forms are rare or far too frequent) while والحكومة splits.
Closed-class exceptions (الذي, الله, إلى, والي...) are data: rasad/data/clitic_keep.tsv.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from statistics import median

from rasad.analyze.normalize import normalize
from rasad.data.loader import data_path, read_tsv

# Closed classes: conjunction, then preposition or future particle (order matters).
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "س", "وب", "ول", "وك", "وس", "فب", "فل", "فك", "فس")
ENCLITICS = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "نا", "ي", "ني")
_IMPERFECT = "يتنا"  # the future particle س only precedes an imperfect verb
_HAMZA_ALEF = "أإآ"  # an alef with hamza cannot be the alef of the article
# Limits (see _limit). Tuned on tests/analyze/test_segment.py and checked on corpus samples.
K = 16.0  # times the median proclitic rate a clitic form may reach
K_SUF = 30.0  # the same for enclitic pronouns
MIN_BASE = 5  # a stripped form seen fewer times is not trusted as a word
MIN_STEM = 2  # letters
CONJ_BASE = 100  # a base this frequent may explain more (_FREE_RATIO)
_FREE_RATIO = {"و": 40.0, "ب": 8.0, "ل": 8.0}
FUTURE_RATIO = 1.0  # س + imperfect verb
ARTICLE_RATIO = 100.0  # proclitic + article
ARTICLE_BASE = 50
POSSESSED_RATIO = 50.0  # a pronoun after a stem that takes other pronouns
_PRONOUNS = ("ه", "ها", "هم", "هما", "نا")
# A stem's last letter as written before a pronoun: ة → ت, ى → ا, ء → ئ/ؤ (حكومته, مستواه,
# أبنائهم); the lexicon form is looked up too.
_BEFORE_PRONOUN = {"ت": "ه", "ا": "ي", "ئ": "ء", "ؤ": "ء"}


@cache
def _lexicon() -> tuple[dict[str, int], dict[str, int]]:
    """Counts of normalized forms, and of those written with a final ة (wordfreq.tsv.gz)."""
    counts: dict[str, int] = {}
    ta: dict[str, int] = {}
    with gzip.open(data_path("wordfreq.tsv.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 2 or not cells[1].isdigit():
                continue  # header lines
            counts[cells[0]] = int(cells[1])
            if len(cells) > 2 and cells[2] not in ("", "0"):
                ta[cells[0]] = int(cells[2])
    return counts, ta


def wordfreq() -> dict[str, int]:
    """The normalized word-form counts (rasad/data/wordfreq.tsv.gz)."""
    return _lexicon()[0]


def _whole_count(word: str, norm: str, surface: bool) -> int:
    """Corpus count of a whole word; a surface final ه does not count the ة spellings."""
    counts, ta = _lexicon()
    n = counts.get(norm, 0)
    if surface and word.endswith("ه"):
        n -= ta.get(norm, 0)
    return n


@cache
def keep_whole() -> frozenset[str]:
    """Words never segmented (function words whose letters look like clitics)."""
    return frozenset(row["form"] for row in read_tsv("clitic_keep.tsv"))


def attach(pre: str, base: str) -> str:
    """The written form of proclitics + base (ل + الحكومه = للحكومه)."""
    if pre.endswith("ل") and base.startswith("ال"):
        return pre + base[1:]
    return pre + base


@cache
def rates() -> dict[str, float]:
    """Median ratio f(clitic form) / f(base) per clitic, over frequent bases."""
    freq = wordfreq()
    bases = [w for w, n in freq.items() if n >= 300 and len(w) >= 3][:4000]
    out = {}
    for pre in PROCLITICS[1:]:
        out[pre] = _median_ratio(freq, bases, lambda b, p=pre: attach(p, b))
    for suf in ENCLITICS[1:]:
        out["+" + suf] = _median_ratio(freq, bases, lambda b, s=suf: b + s)
    return out


def _median_ratio(freq: dict[str, int], bases: list[str], form) -> float:
    ratios = [freq[form(b)] / freq[b] for b in bases if form(b) in freq]
    return median(ratios) if len(ratios) >= 20 else 0.001


@lru_cache(maxsize=300_000)
def segment(word: str, surface: bool = False) -> tuple[str, str, str, str]:
    """Split a word into (pre, det, stem, suf), all normalized.

    ``word`` is a normalized word, or with ``surface=True`` the surface without diacritics:
    then ة and hamza on alef rule out a pronoun ه or an article, while a normalized final ه
    is read as ة when the corpus mostly writes the word with ة. The contracted لل gives
    det "ل". A stem that had ة before a pronoun gets its ة back (normalized ه): حكومته → حكومه.
    """
    norm = normalize(word)
    if not norm.isalpha() or _kept(word, norm):
        return "", "", norm, ""
    freq = wordfreq()
    # A normalized final ه the corpus mostly writes as ه (not ة) is read as a surface ه.
    surface = surface or (norm.endswith("ه") and _lexicon()[1].get(norm, 0) * 2 < freq.get(norm, 0))
    best = _best_split(word, norm, freq, surface)
    if best is None:
        return (
            _fallback(word, norm, freq) if norm not in freq else _with_det(word, "", norm, "", freq)
        )
    pre, base, suf = best
    if pre:
        return _peeled(word, norm, pre, base, surface)
    if suf:  # the stem may carry proclitics itself: فإنه = فإن + ه = ف + إن + ه
        sub_pre, det, stem, sub_suf = segment(_restored(word[: len(word) - len(suf)]), surface)
        if sub_pre and not sub_suf:
            return sub_pre, det, _with_det(stem, "", stem, suf, freq)[2], suf
    return _with_det(word, "", base, suf, freq)


def _restored(stem: str) -> str:
    """A stem as written before a pronoun, back in its lexicon form (وزارت → وزارة)."""
    alt = _BEFORE_PRONOUN.get(stem[-1:])
    if alt and wordfreq().get(normalize(stem[:-1] + alt), 0) > wordfreq().get(normalize(stem), 0):
        return stem[:-1] + ("ة" if stem[-1] == "ت" else alt)
    return stem


def _kept(word: str, norm: str) -> bool:
    """A closed-class word that is never split (unless a hamza shows the alef is إ/أ)."""
    return norm in keep_whole() and not any(c in _HAMZA_ALEF for c in word)


def _peeled(word: str, norm: str, pre: str, base: str, surface: bool) -> tuple[str, str, str, str]:
    """Proclitics + the segmentation of the rest (وبالتالي = و + بالتالي = و + ب + ال + تالي)."""
    if pre.endswith("ل") and base.startswith("ال") and norm[len(pre) :] == base[1:]:
        return pre, "ل", base[2:], ""  # the contracted لل
    sub_pre, det, stem, suf = segment(word[len(pre) :], surface)
    if pre + sub_pre in PROCLITICS:
        return pre + sub_pre, det, stem, suf
    return _with_det(word, pre, norm[len(pre) :], "", wordfreq())


def _best_split(word: str, norm: str, freq, surface: bool) -> tuple[str, str, str] | None:
    """The (pre, base, suf) the corpus supports with the most proclitics, or None (whole)."""
    whole = _whole_count(word, norm, surface)
    noun = _takes_article(norm, freq)
    passing = []
    true_ha = surface and word.endswith("ه")  # then a base in ه is no ة word
    for pre, base, suf in _candidates(word, norm):
        count = _base_count(freq, base, suf)
        if true_ha and not suf:
            count -= _lexicon()[1].get(base, 0)
        if count < MIN_BASE or (whole and whole >= count * _limit(pre, base, suf, count, noun)):
            continue
        if suf in ("ي", "ني") and _is_nisba(norm, freq):
            continue
        if suf == "ه" and not surface and whole > count * _rate(suf=suf):
            continue  # a normalized final ه is most often a ة
        passing.append((count * _rate(pre, suf), pre, base, suf))
    if not passing:
        return None
    _, pre, base, suf = max(passing)
    return pre, base, suf


def _rate(pre: str = "", suf: str = "") -> float:
    """Measured rate of a proclitic or an enclitic (1.0 for none)."""
    table = rates()
    return (table[pre] if pre else 1.0) * (table["+" + suf] if suf else 1.0)


def _takes_article(norm: str, freq) -> bool:
    """Whether the whole word is seen with the article (الوحده): then it is a word itself."""
    n = freq.get("ال" + norm, 0)
    return n >= MIN_BASE and n * 50 >= freq.get(norm, 0)


def _limit(pre: str, base: str, suf: str, count: int, noun: bool) -> float:
    """How many times more frequent than its base a clitic form may be."""
    limit = K * _rate(pre) if pre else 1.0
    # A word never seen after the article is no noun: a frequent base explains it far beyond
    # the median rate, as sentence-initial verbs (واضاف, وتابع) and set phrases (بسبب, بحسب).
    # A preposition needs a noun after it: a base seen with the article (بكين is no ب + كين).
    if not noun and count >= CONJ_BASE and pre in _FREE_RATIO:
        if pre == "و" or _takes_article(base, wordfreq()):
            limit = max(limit, _FREE_RATIO[pre])
    # The future particle only precedes an imperfect verb (سيكون / يكون).
    if pre.endswith("س"):
        limit = max(limit, FUTURE_RATIO)
    # A proclitic before the article is hardly ever part of a word (كالعاده, بالاضافه: the
    # set phrase is 80 times as frequent as its base); a rare base proves less (والد / الد).
    if pre and base.startswith("ال") and len(base) > 3:
        limit = max(limit, ARTICLE_RATIO if count >= ARTICLE_BASE else FUTURE_RATIO)
    if not suf:
        return limit
    # A stem seen with two other pronouns (بلادها, بلادهم) takes this one too (بلاده).
    if len(base) >= 3 and _possessed(base, suf):
        return limit * POSSESSED_RATIO
    return limit * K_SUF * _rate(suf=suf)


def _possessed(base: str, suf: str) -> bool:
    """Whether a stem is seen with at least two other pronoun enclitics."""
    freq = wordfreq()
    others = sum(freq.get(base + p, 0) >= MIN_BASE for p in _PRONOUNS if p != suf)
    return others >= 2


def _is_nisba(norm: str, freq) -> bool:
    """A word in -ي with feminine or plural forms is a nisba adjective (ايراني), not ـي 'my'."""
    related = freq.get(norm + "ه", 0) + freq.get(norm + "ين", 0) + freq.get(norm + "ون", 0)
    return related * 10 >= freq.get(norm, 0)


def _candidates(word: str, norm: str):
    """(pre, base, suf) triples whose letters spell the word; base keeps its ال."""
    for pre in _starting(norm[:2]):
        rest = norm[len(pre) :]
        if pre.endswith("ل") and rest.startswith("ل"):
            yield from _suffixed(word, pre, "ا" + rest, contracted=True)
        if pre.endswith("س") and not _future_verb(word, len(pre), rest):
            continue
        yield from _suffixed(word, pre, rest, contracted=False)


def _future_verb(word: str, at: int, rest: str) -> bool:
    """Whether ``rest`` after the particle س is an imperfect verb (سيكون, ستعمل, سنواصل).

    Its person prefix must be swappable for the ي or ت person in the corpus (يكون/تكون), which
    names (ساندرو) and nouns (سنابل → نابل) are not; the first person needs its hamza (سأعمل).
    """
    if len(rest) < 3 or rest[0] not in _IMPERFECT:
        return False
    if rest[0] == "ا" and word[at : at + 1] != "أ":
        return False
    # Every imperfect verb has its ي and ت persons (يكون/تكون); a noun or name that matches a
    # person prefix by chance (سيدي: تدي is no word, سنابل: يابل neither) does not.
    counterpart = ("ت" if rest[0] == "ي" else "ي") + rest[1:]
    return wordfreq().get(counterpart, 0) >= MIN_BASE


def _suffixed(word: str, pre: str, base: str, contracted: bool):
    """Suffix splits of a base (none after the article, no ه pronoun after a ة)."""
    for suf in _ending(base[-3:]):
        if not pre and not suf:
            continue
        if suf and _has_article(word, pre, base, suf):
            continue
        if suf == "ه" and word.endswith("ة"):
            continue
        stem = base[: len(base) - len(suf)]
        # 'you' is rare in news reports: only after a stem of 4+ letters (بنك is no بن+ك).
        if len(stem) >= MIN_STEM + (2 if contracted else 0) + 2 * (suf[:1] == "ك"):
            yield pre, stem, suf


@lru_cache(maxsize=1 << 16)  # bounded: any script's letters can come in
def _starting(head: str) -> tuple[str, ...]:
    """The proclitics (in order, "" first) a word starting with ``head`` (2 letters) starts with."""
    return tuple(p for p in PROCLITICS if head.startswith(p))


@lru_cache(maxsize=1 << 16)
def _ending(tail: str) -> tuple[str, ...]:
    """The enclitics (in order, "" first) a base ending in ``tail`` (3 letters) ends with."""
    return tuple(s for s in ENCLITICS if tail.endswith(s))


def _has_article(word: str, pre: str, base: str, suf: str) -> bool:
    """Whether a base starts with the article (which takes no pronoun); إليه does not."""
    return (
        base.startswith("ال")
        and word[len(pre) : len(pre) + 1] not in _HAMZA_ALEF
        and base[: len(base) - len(suf)] not in keep_whole()
    )


def _base_count(freq: dict[str, int], base: str, suf: str) -> int:
    """Corpus count of a stripped base; before a pronoun, ت may stand for ة and ا for ى."""
    if not suf:
        return freq.get(base, 0)
    alt = _BEFORE_PRONOUN.get(base[-1])
    return max(freq.get(base, 0), freq.get(base[:-1] + alt, 0) if alt else 0)


def _with_det(word: str, pre: str, base: str, suf: str, freq) -> tuple[str, str, str, str]:
    """Final pieces: the article split off the base, ة restored in the stem."""
    if suf:
        alt = _BEFORE_PRONOUN.get(base[-1])
        if alt and freq.get(base[:-1] + alt, 0) > freq.get(base, 0):
            base = base[:-1] + alt  # حكومت+ه → حكومه, مستوا+ه → مستوي
        return pre, "", base, suf
    det, stem = _split_det(word, pre, base, freq)
    return pre, det, stem, ""


def _split_det(word: str, pre: str, base: str, freq) -> tuple[str, str]:
    """(det, stem) of a base: the article when it starts with a bare ال and is no function word."""
    at = len(pre)
    if (
        base.startswith("ال")
        and len(base) >= 2 + MIN_STEM
        and word[at : at + 1] not in _HAMZA_ALEF
        and base not in keep_whole()
        and (
            freq.get(base[2:], 0) >= MIN_BASE
            or freq.get("ل" + base[1:], 0) >= MIN_BASE  # written للـ: ال is the article
            or not freq.get(base, 0)
        )
    ):
        return "ال", base[2:]
    return "", base


def _fallback(word: str, norm: str, freq) -> tuple[str, str, str, str]:
    """An unknown word: strip proclitics only when the article follows (وبالمستشفيات)."""
    for pre in sorted(PROCLITICS, key=len, reverse=True):
        rest = norm[len(pre) :]
        # the future particle س goes before a verb, never before the article
        if not norm.startswith(pre) or len(rest) < 2 + 3 or pre.endswith("س"):
            continue
        if pre.endswith("ل") and rest.startswith("ل"):
            return pre, "ل", rest[1:], ""
        if rest.startswith("ال") and word[len(pre) : len(pre) + 1] not in _HAMZA_ALEF:
            return pre, "ال", rest[2:], ""
    return "", "", norm, ""
