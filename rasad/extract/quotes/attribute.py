"""Speaker and outlet attribution: which cue governs a quote, who speaks, through whom."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.extract.quotes.coref import lead_allows
from rasad.extract.quotes.doc import SPEAKER_TYPES, CueHit, Doc, Ment

MAX_CUE_WORDS = 30  # a cue further than this from its quote in the sentence is not its cue
MAX_SUBJECT_WORDS = 10  # the subject follows its verb within a few words
MAX_VIA_WORDS = 10
MAX_TITLE_WORDS = 3  # definite title words before a name ("الرئيس الصيني"، "ولي العهد السعودي")
_PUNCT_ONLY = re.compile(r"^[\s،,:؛;\-–—]*$")
_LETTERS = re.compile(r"[0-9a-z\u0621-\u064a\u0671-\u06d3]+")
# "عن" (with a pronoun: the previous speaker) or "قول" ("نقلت الوكالة قول مصدر مسؤول")
_AN = re.compile(r"(?<![\u0621-\u064a])(?:عن(ه|ها|هم|هما)?|قول)(?![\u0621-\u064a])")


@dataclass(slots=True)
class Attribution:
    """Who said a quote: the cue, the speaker (actor id and the span it was read from), via."""

    cue: CueHit | None = None
    speaker: str | None = None
    span: tuple[int, int] | None = None
    via: str | None = None
    how: str = "none"


def governing_cue(doc: Doc, a: int, b: int) -> CueHit | None:
    """The cue of a quote opening at ``b`` in a sentence starting at ``a``: the nearest speech
    verb (or source preposition) before it, else the nearest speech noun. A cue inside a relay
    phrase ("وفق ما نقلت الوكالة") gives way to the speech verb before it."""
    hits = [
        h
        for h in doc.cues_between(a, b)
        if doc.words(h.end, b) <= MAX_CUE_WORDS and _usable(doc, h, b)
    ]
    verb = any(x.cue.kind == "verb" and not doc.in_via(x.start) for x in hits)
    for h in reversed(hits):
        if h.cue.kind != "noun" and not (verb and doc.in_via(h.start)):
            return h
    return hits[-1] if hits else None


def _usable(doc: Doc, h: CueHit, limit: int) -> bool:
    """Bare نقل is a cue only with its عن ("نقل X عن Y"): alone it is often the noun
    "transfer" (نقل السفارة); "جاء في" gives way to a speech noun right after it ("وجاء في
    بيان لX": the noun names the issuer)."""
    if h.cue.form == "جاء في":
        nxt = doc.norm[h.end : h.end + 20].split(maxsplit=1)
        cue = doc.lex.cues.get(nxt[0]) if nxt else None
        return cue is None or cue.kind != "noun"
    if h.cue.kind != "relay" or h.pre or h.cue.form != "نقل":
        return True
    an = _AN.search(doc.norm, h.end, limit)
    return an is not None and doc.words(h.end, an.start()) <= MAX_SUBJECT_WORDS


def following_cue(doc: Doc, a: int, b: int) -> CueHit | None:
    """A cue right after a closing mark at ``a`` ("«…»، قال X", "«…»، بحسب X")."""
    for h in doc.cues_between(a, b):
        if (
            h.cue.kind in ("verb", "prep", "relay")
            and not h.pre
            and _PUNCT_ONLY.match(doc.norm[a : h.start])
        ):
            return h
        break
    return None


def is_prep(doc: Doc, word: str) -> bool:
    """A preposition, also with و, an enclitic pronoun (فيه، عنها) or a definite object (بالقول،
    للصحفيين): a word that opens an adjunct, not a subject."""
    preps = doc.lex.preps
    if word.startswith("و") and word[1:] in preps:
        return True
    if word in preps or word[:-1] in preps or word[:-2] in preps:
        return True
    if word.startswith("لل") and len(word) > 4:
        return True  # لل = ل + ال: للرئيس
    return word[:1] in "لب" and (word[1:3] == "ال" or word[1:] in ("ه", "ها", "هم", "هما", "نا"))


def governed(doc: Doc, m: Ment) -> bool:
    """Whether a mention is the object of a preposition (so not a subject), also through a
    class noun ("على تلفزيون بلومبرغ"، "لصحيفة هآرتس")."""
    word = doc.word_before(m.start)
    if doc.attached_proclitic(m) or is_prep(doc, word):
        return True
    nouns = doc.lex.orgnouns
    if word[:1] in "لب" and word[1:] in nouns:
        return True
    if word in nouns and is_prep(doc, doc.word_before(doc.norm.rfind(word, 0, m.start))):
        return True
    return _governed_title(doc, m.start)


def _governed_title(doc: Doc, pos: int) -> bool:
    """A name whose definite title is the object of a preposition, directly or through an
    indefinite noun: "مع الرئيس الصيني شي"، "بالتزامن مع زيارة الأمير محمد بن سلمان"."""
    word, skipped = doc.word_before(pos), 0
    while word.startswith("ال") and skipped < MAX_TITLE_WORDS:
        pos, skipped = doc.norm.rfind(word, 0, pos), skipped + 1
        word = doc.word_before(pos)
    if not skipped or not word:
        return False
    if _bare_prep(doc, word) or word[:2] == "لل" or (word[:1] in "لب" and word[1:3] == "ال"):
        return True  # "في حديث للشبكة الإخبارية X"
    lex = doc.lex
    if word.startswith(("ال", "و")) or word in lex.orgnouns or word in lex.cues:
        return False  # "في حكومة الانقلابيين X": a body's officer stands in apposition
    return _bare_prep(doc, doc.word_before(doc.norm.rfind(word, 0, pos)))


def _bare_prep(doc: Doc, word: str) -> bool:
    """A preposition, also after و/ف (not with an enclitic: "معهد" is not مع + هد)."""
    return word in doc.lex.preps or (word[:1] in "وف" and word[1:] in doc.lex.preps)


def pick_speaker(doc: Doc, ments: list[Ment], start: int | None = None) -> Ment | None:
    """The subject among mentions after a verb (region from ``start``): a person first, else
    the first organisation, outlet or polity that is not the object of a preposition nor the
    complement of a noun before it ("سفير إسرائيل"، "وأشار لوجود ممثل العراق")."""
    free = [m for m in ments if m.type in SPEAKER_TYPES and not governed(doc, m)]
    person = next((m for m in free if m.type == "PER" and not _genitive(doc, m)), None)
    if person is not None or start is None:
        return person or (free[0] if free else None)
    for m in free:
        if lead_allows(doc, region_words(doc, start, m.start)):
            return m
    return next((m for m in ments if _member_of(doc, m, start)), None)


def _member_of(doc: Doc, m: Ment, start: int) -> bool:
    """ "المجلس التنفيذي لصندوق النقد"، "المدير الإقليمي للجنة": an organisation after ل and a
    definite title speaks through that officer when no person is named."""
    if m.type not in ("ORG", "MEDIA") or doc.attached_proclitic(m) != "ل":
        return False
    lead = region_words(doc, start, m.start)
    return bool(lead) and all(w.startswith("ال") for w in lead if not w.startswith("لل"))


def _genitive(doc: Doc, m: Ment) -> bool:
    """A person named as the complement of a noun ("في حكومة ديفيد كاميرون"، "محامي عائلة X")."""
    return doc.word_before(m.start) in doc.lex.genheads


def region_words(doc: Doc, start: int, end: int) -> list[str]:
    """The words between two offsets, without time expressions and fillers."""
    text = doc.without_dates(start, end)
    # one-letter "words" are proclitics cut off by a tatweel or a mark (بـ"...")
    return [w for w in _LETTERS.findall(text) if len(w) > 1 and not doc.lex.filler_re.match(w)]


def subject_limit(doc: Doc, h: CueHit, limit: int) -> int:
    """Where the subject region after a verb ends: at أن/إن, a colon, a via phrase or a cue."""
    cut = limit
    for rx in (doc.lex.that_re, doc.lex.via_re):
        m = rx.search(doc.norm, h.end, limit)
        if m:
            cut = min(cut, m.start())
    colon = doc.norm.find(":", h.end, cut)
    if colon >= 0:
        cut = colon
    nxt = [c for c in doc.cues_between(h.end + 1, cut) if c.cue.kind != "noun"]
    cut = nxt[0].start if nxt else cut
    return _object_complement(doc, h, cut) if h.cue.obj else cut


def _object_complement(doc: Doc, h: CueHit, cut: int) -> int:
    """Where the complement of a transitive cue starts ("دعا X إلى"، "طالب X بـ"، "حث X على"):
    a name after it is not the subject ("ودعا الحكومة إلى محاكمة ترامب")."""
    for m in _LETTERS.finditer(doc.norm, h.end, cut):
        w = m.group()
        if w in ("الي", "علي") or w == "ب" or (w[:1] == "ب" and w[1:3] == "ال"):
            return m.start()
        if _b_complement(doc, w, m.start()):
            return m.start()  # "وطالبت بإجراء محاكمات": an indefinite complement
    return cut


def _b_complement(doc: Doc, word: str, pos: int) -> bool:
    """An indefinite noun after بـ/لـ (بإجراء، لإجراء), not a name that starts with one (بوتين)."""
    if (
        word[:1] not in "بل"
        or len(word) < 5
        or word.startswith("بعض")
        or doc.lex.filler_re.match(word)
    ):
        return False
    return doc.mention_at(pos, pos + len(word)) is None


def subject_after(doc: Doc, h: CueHit, limit: int) -> tuple[Ment | None, tuple[int, int]]:
    """The subject mention after a cue (VSO order) and the region it was looked for in."""
    end = subject_limit(doc, h, limit)
    ments = [
        m
        for m in doc.mentions_between(h.end, end)
        if doc.words(h.end, m.start) <= MAX_SUBJECT_WORDS
    ]
    return pick_speaker(doc, ments, h.end), (h.end, end)


def subject_before(doc: Doc, h: CueHit, sent_start: int) -> Ment | None:
    """The subject right before a bare verb (SVO: "وكان غانتس قال"، "أما المنظمة فقالت")."""
    before = [m for m in doc.mentions_between(sent_start, h.start) if m.type != "LOC"]
    if not before:
        return None
    m = before[-1]
    if _genitive(doc, m):
        return None  # "خطة حكومة الحريري قال الدبلوماسي": the complement of a noun
    if doc.lex.filler_re.match(doc.norm[m.end : h.start - len(h.pre)]) and not governed(doc, m):
        return m
    return None


def unnamed_subject(doc: Doc, region: tuple[int, int]) -> list[str]:
    """The words of an unnamed subject in a region after a verb ("مسؤول أمريكي"), or [] when
    the region holds only dates, fillers and adjuncts opened by a preposition (a pronoun
    subject: "وقال في بيان"). A leading "له"/"فيه" is skipped ("يقول له سائق")."""
    words = region_words(doc, *region)
    while words and len(words[0]) <= 4 and is_prep(doc, words[0]) and words[0] not in doc.lex.preps:
        words = words[1:]
    if not words or is_prep(doc, words[0]) or _not_subject(doc, words[0]):
        return []
    if _own_speech(doc, words[0]):
        return []  # "وتابع حديثه"، "وختم كلمته": the object, the subject a pronoun
    return words


def _own_speech(doc: Doc, word: str) -> bool:
    """A speech noun with a possessive pronoun (حديثه، تصريحاته، كلمتها)."""
    for suf in ("هما", "هم", "ها", "ه"):
        stem = word[: -len(suf)]
        if word.endswith(suf) and (
            stem in doc.lex.speechnouns or stem[:-1] + "ه" in doc.lex.speechnouns
        ):
            return True
    return False


def _not_subject(doc: Doc, word: str) -> bool:
    """A word that cannot open a subject: a relative or complementizer, a demonstrative (an
    object: "ووصف هذه الممارسات"), a future verb, an indefinite accusative ("واعتبرتها موقفا")."""
    lex = doc.lex
    if word in lex.stops or word in lex.that or word in lex.demonstratives:
        return True
    if word[:2] in ("سي", "ست", "سن") and len(word) >= 5:
        return True  # a future verb (سيكون), not a noun
    return len(word) >= 4 and word.endswith("ا") and not word.startswith("ال")


def relay_speaker(doc: Doc, h: CueHit, limit: int, previous: str | None) -> Attribution | None:
    """ "نقلت وكالة X عن Y قوله": speaker Y, via X; "نقلت عنه وكالة X": the previous speaker."""
    an = _AN.search(doc.norm, h.end, limit)
    if not an or doc.words(h.end, an.start()) > MAX_SUBJECT_WORDS:
        return None
    if an.group(1):
        via = first_after(doc, an.end(), limit, ("MEDIA", "ORG"), MAX_VIA_WORDS)
        outlet = via.actor if via and via.actor != previous else None
        return Attribution(h, previous, None, outlet, "relay-pronoun")
    via = [m for m in doc.mentions_between(h.end, an.start()) if m.type in ("MEDIA", "ORG")]
    ments = [m for m in doc.mentions_between(an.end(), limit) if m.type in SPEAKER_TYPES]
    ments = [m for m in ments if doc.words(an.end(), m.start) <= MAX_SUBJECT_WORDS]
    spk = next((m for m in ments if m.type == "PER"), ments[0] if ments else None)
    span = (spk.start, spk.end) if spk else (an.end(), limit)
    actor = spk.actor if spk else None
    outlet = via[0].actor if via and via[0].actor != actor else None
    return Attribution(h, actor, span, outlet, "relay")


def first_after(doc: Doc, a: int, b: int, types: tuple[str, ...], words: int = 4) -> Ment | None:
    """The first mention of the given types starting within ``words`` words after ``a``."""
    for m in doc.mentions_between(a, b):
        if m.type in types and doc.words(a, m.start) <= words:
            return m
    return None


def via_in(doc: Doc, a: int, b: int, speaker: str | None) -> str | None:
    """The outlet the words were given to or relayed by, within ``[a, b)`` of one sentence."""
    for m in doc.lex.via_re.finditer(doc.norm, a, b):
        if doc.in_direct(m.start()):
            continue
        kind = doc.lex.via_kind.get(m.group(2))
        types = ("MEDIA", "ORG") if kind == "outlet" else ("MEDIA",)
        hit = first_after(doc, m.end(), b, types, MAX_VIA_WORDS)
        if hit and hit.actor != speaker:
            return hit.actor
    for m in doc.mentions_between(a, b):
        if m.type == "MEDIA" and m.actor != speaker and doc.attached_proclitic(m) == "ل":
            return m.actor
    return None
