"""Speakers named without a name: a description that refers back to the latest actor of the
right kind ("الوزارة"، "الرئيس الأمريكي"), a document and the actor that issued it ("التقرير"،
"الدعوى"), and the subject of an earlier sentence for a cue with a pronoun subject."""

from __future__ import annotations

import re
from functools import cache

from rasad.analyze.lexicon import load_lexicon as load_actor_lexicon
from rasad.extract.quotes.attribute import governed, is_prep, region_words
from rasad.extract.quotes.coref import (
    MAX_ANTECEDENTS,
    MAX_DESCRIPTION_WORDS,
    _bare,
    _bare_set,
    _title_words,
    _titled,
)
from rasad.extract.quotes.doc import SPEAKER_TYPES, CueHit, Doc, Ment

_L = "0-9a-z\u0621-\u064a\u0671-\u06d3"
MAX_BACK_SENTENCES = 4  # a pronoun reaches back over a few sentences, not a whole article
MAX_LEAD_WORDS = 5  # a sentence's subject stands within its first words (verb and title)
ISSUER_WORDS = 4  # "تقرير صادر عن منظمة X": the issuer follows its document closely
_ISSUER_LINKS = frozenset({"صادر", "صادره", "الصادر", "الصادره", "عن", "من"})
Said = tuple[tuple[int, str | None, tuple[int, int] | None], ...] | list
_PARAGRAPH_ENDS = frozenset('.:"»”')
_TYPES = {"PER": ("PER",), "MEDIA": ("MEDIA",), "ORG": ("ORG",)}


def head_kind(doc: Doc, word: str) -> str | None:
    """What a description's head noun refers to: a person (a title), an outlet or an
    organisation; None for other nouns ("المصدر"، "المسؤول")."""
    b, lex = _bare(word), doc.lex
    if b in _bare_set(lex.pertitles):
        return "PER"
    if b in _bare_set(lex.medianouns):
        return "MEDIA"
    return "ORG" if b in _bare_set(lex.orgnouns) else None


def _description(words: list[str]) -> list[str]:
    """The definite noun phrase opening the words: the head and its definite modifiers."""
    out = words[:1]
    for w in words[1:]:
        if not w.startswith("ال"):
            break
        out.append(w)
    return out


def nationality(words: list[str]) -> str | None:
    """The country of the first nationality adjective among the words, if any."""
    lex = load_actor_lexicon()
    return next((c for w in words if (c := lex.adjective(w))), None)


def recent_compatible(doc: Doc, words: list[str], before: int) -> Ment | None:
    """The latest actor before ``before`` that a definite description can refer to: an
    organisation for "الوزارة"، "الهيئة"، an outlet for "الصحيفة", a person with that title for
    "الرئيس"، "الوزير"; with a nationality adjective the actor's country must match."""
    desc = _description(words)
    if not desc or not desc[0].startswith("ال") or len(desc) > MAX_DESCRIPTION_WORDS:
        return None
    kind = head_kind(doc, desc[0])
    if kind is None or desc[0].endswith(("ون", "ين")):
        return None  # a plural ("المسؤولون") is a group, not the actor named before
    country = nationality(desc[1:])
    if any(w.endswith(("ي", "يه")) for w in desc[1:]) and country is None and kind != "PER":
        return None  # "الهيئة الوطنية": a modifier we cannot check
    ments = [m for m in doc.mentions_between(0, before) if m.type in SPEAKER_TYPES]
    ments = ments[-MAX_ANTECEDENTS:]
    head = _bare(desc[0])
    fit = [
        m
        for m in reversed(ments)
        if m.type in _types(doc, kind, desc[0])
        and m.actor
        and (country is None or doc.countries.get(m.actor) == country)
    ]
    if kind == "PER":
        return next((m for m in fit if _person_fits(doc, m, head, ments)), None)
    head = _class_key(doc, head)
    classes = {m.actor: _classes(doc, m) for m in fit}
    for m in fit:  # an actor of that class first ("الجيش" -> "الجيش الإسرائيلي"), then one of
        # no known class ("الوزارة" -> "البنتاغون"), never one of another class ("حركة حماس")
        classes[m.actor] |= _classes(doc, m)
    strong = next((m for m in fit if head in classes[m.actor]), None)
    # an actor of no known class only with a nationality to check ("الشركة الفرنسية")
    weak = next((m for m in fit if not classes[m.actor]), None) if country else None
    if strong is None and weak is not None and _unnamed_since(doc, desc[0], weak.end, before):
        return None  # "اللجنة التي كانت تمتحنه ... فاعتبرت اللجنة": an unnamed committee
    return strong or weak


def _unnamed_since(doc: Doc, word: str, a: int, b: int) -> bool:
    """Whether a definite noun already stood in ``[a, b)`` with no name right after it (an
    unnamed referent introduced since the candidate actor)."""
    word = word[1:] if word.startswith(("و", "ف")) and word[1:3] == "ال" else word
    for hit in _stem_re(_bare(word)).finditer(doc.norm, a, b):
        nxt = doc.mention_at(hit.end(), hit.end() + 2)
        if nxt is None:
            return True
    return False


def could_be(doc: Doc, m: Ment, word: str) -> bool:
    """Whether an organisation mention could be called by a description's head noun: it is
    not named with another class noun ("الوزارة" is never "منظمة العفو")."""
    classes = _classes(doc, m)
    return not classes or _class_key(doc, _bare(word)) in classes


def _class_key(doc: Doc, bare: str) -> str:
    """A class noun as compared: companies, networks and platforms are one class."""
    return "company" if bare in _bare_set(doc.lex.companynouns) else bare


def _types(doc: Doc, kind: str, head: str) -> tuple[str, ...]:
    """The mention types a head noun can refer back to ("الشركة" also to an outlet)."""
    if kind == "ORG" and _bare(head) in _bare_set(doc.lex.companynouns):
        return ("ORG", "MEDIA")
    return _TYPES[kind]


def _person_fits(doc: Doc, m: Ment, head: str, ments: list[Ment]) -> bool:
    """Whether a person's title (at any of its mentions) or Arabic name holds the head noun,
    not as "المتحدث باسم X" (X is whom the spokesperson speaks for)."""
    name = [_bare(w) for w in re.findall(f"[{_L}]+", _name(doc, m))]
    same = [x for x in ments if x.actor == m.actor]
    return any(_titled(_title_words(doc, x, ments) + name, {head}, doc) for x in same)


def _classes(doc: Doc, m: Ment) -> set[str]:
    """The class nouns an organisation is named with: the word before a mention, its first
    word and the first word of its Arabic name (حركة، وزارة، صحيفة ...)."""
    prev = re.findall(f"[{_L}]+", doc.norm[max(0, m.start - 25) : m.start])[-1:]
    before = re.sub("^(?:و|ول|لل|ل|ب|وب)(?=ال|.{3})", "", prev[0] if prev else "")
    own = re.findall(f"[{_L}]+", doc.norm[m.start : m.end])[:1]
    name = re.findall(f"[{_L}]+", _name(doc, m))[:1]
    classes = _bare_set(doc.lex.orgnouns | doc.lex.medianouns)
    return {_class_key(doc, _bare(w)) for w in [before, *own, *name] if _bare(w) in classes}


def _name(doc: Doc, m: Ment) -> str:
    """The actor's Arabic name in matching normalization ("" if unknown)."""
    return (doc.names.get(m.actor or "") or "").translate(_NORM)


def document_issuer(
    doc: Doc, words: list[str], region: tuple[int, int], before: int, said: Said = ()
) -> tuple[bool, Ment | None]:
    """Whether the subject is a document (التقرير، البيان، الدعوى), and its issuer: a name
    right after it ("تقرير صادر عن منظمة X"), else for a definite one the issuer named where
    the document was first mentioned, or the speaker of a quote in that sentence (``said``:
    earlier quotes as (position, actor, span)); None when no issuer is named."""
    if not words or _bare(words[0]) not in _bare_set(doc.lex.docnouns):
        return False, None
    m = _issuer_after(doc, region[0], region[1])
    if m is None and len(words) > 1 and words[1].startswith("ال") and head_kind(doc, words[1]):
        m = recent_compatible(doc, words[1:], before)  # "تقرير الصحيفة": the paper named before
    if m is not None or not words[0].startswith("ال"):
        return True, m
    return True, _earlier_issuer(doc, _bare(words[0]), before, said)


def _issuer_after(doc: Doc, a: int, b: int) -> Ment | None:
    """The first name within a few words after a document noun, joined to it directly, by ل
    or by "صادر عن" (not "تقرير عن سوريا": a report about Syria)."""
    for m in doc.mentions_between(a, b):
        if m.type not in SPEAKER_TYPES or doc.words(a, m.start) > ISSUER_WORDS:
            return None
        between = region_words(doc, a, m.start)[1:]
        if all(w in _ISSUER_LINKS for w in between) and (
            not between or between[-1] != "عن" or len(between) > 1
        ):
            return m
        return None
    return None


def _earlier_issuer(doc: Doc, stem: str, before: int, said: Said) -> Ment | None:
    """The issuer at the last earlier mention of a document noun: a name right after it, the
    subject before it in its sentence ("نشرت منظمة العفو تقريرا"), or the speaker quoted in
    that sentence ("وقال الجيش في بيان: «…»")."""
    rx = _stem_re(stem)
    hits = list(rx.finditer(doc.norm, 0, before))
    for hit in reversed(hits[:-1] if hits and hits[-1].end() >= before - 1 else hits):
        s, e = doc.sents.limits(hit.start())
        m = _issuer_after(doc, hit.start(), e)
        if m is not None:
            return m
        prior = [x for x in doc.mentions_between(s, hit.start()) if x.type in SPEAKER_TYPES]
        prior = [x for x in prior if not governed(doc, x)]
        if prior and doc.words(prior[-1].end, hit.start()) <= 2:
            return prior[-1]
        return _quoted_in(said, s, e)
    return None


def _quoted_in(said: Said, a: int, b: int) -> Ment | None:
    """The speaker of the last quote attributed within ``[a, b)``, as a mention."""
    for pos, actor, span in reversed(said):
        if a <= pos < b and actor and span:
            return Ment(span[0], span[1], "", actor)
    return None


@cache
def _stem_re(stem: str) -> re.Pattern[str]:
    return re.compile(f"(?<![{_L}])[وبلف]?(?:ال)?{re.escape(stem)}(?:ا|ه|ها)?(?![{_L}])")


def previous_subject(doc: Doc, h: CueHit, sent_start: int, floor: int) -> Ment | None:
    """The subject of an earlier sentence of the paragraph, after the last quote (``floor``),
    for a cue with a pronoun subject; a paragraph opening with a continuation verb (وأضاف،
    وتابع) reaches back into the previous paragraph."""
    cross = h.cue.cont and not region_words(doc, sent_start, h.start - len(h.pre))
    s = sent_start
    for _ in range(MAX_BACK_SENTENCES):
        if s <= floor:
            return None
        if doc.norm[s - 1] == "\n":
            if not cross:
                return None
            cross = False
            while s > 0 and doc.norm[s - 1] in "\n ":
                s -= 1
            if doc.norm[s - 1 : s] not in _PARAGRAPH_ENDS:
                return None  # a headline or a link ("هل يصبح صلاح أفضل لاعب؟"), not a story
        ps, _ = doc.sents.limits(s - 1)
        if ps < floor:
            return None
        m = _sentence_subject(doc, ps, s)
        if m is not None:
            # a country takes a feminine verb: "وختم مذكرا" does not go back to "ودعت فرنسا"
            return None if m.type == "GPE" and masculine(h) else m
        s = ps
    return None


def _sentence_subject(doc: Doc, a: int, b: int) -> Ment | None:
    """The subject of a sentence: its first name, within its first words (after a last comma
    of the lead) with no preposition, complementizer or relative before it."""
    ments = [m for m in doc.mentions_between(a, b) if m.type in SPEAKER_TYPES]
    if not ments or governed(doc, ments[0]):
        return None
    m = ments[0]
    start = max(a, doc.norm.rfind("،", a, m.start) + 1, doc.norm.rfind(",", a, m.start) + 1)
    lead = region_words(doc, start, m.start)
    lex = doc.lex
    if len(lead) > MAX_LEAD_WORDS or any(
        is_prep(doc, w) or w in lex.that or w in lex.stops for w in lead
    ):
        return None
    if m.type == "GPE" and doc.norm[m.end : m.end + 2].lstrip()[:1] in ("،", ",", "(", "-"):
        return None  # a dateline
    return m


def introduced_since(doc: Doc, word: str, a: int, b: int) -> bool:
    """Whether an indefinite noun of the same head ("مصدر رسمي") stands in ``[a, b)``: a new
    referent that a later "المصدر" means, not the speaker quoted before ``a``."""
    stem = _bare(word)
    rx = _indefinite_re(stem)
    return len(stem) >= 3 and rx.search(doc.norm, a, b) is not None


@cache
def _indefinite_re(stem: str) -> re.Pattern[str]:
    return re.compile(f"(?<![{_L}])[وف]?{re.escape(stem)}(?:ا|ه)?(?![{_L}])")


def masculine(h: CueHit) -> bool:
    """Whether a verb form agrees with a masculine singular subject (دعا، يطالب، not دعت)."""
    f = h.cue.form
    if h.cue.kind == "participle":
        return not f.endswith(("ه", "ين"))
    return not (f.endswith(("ت", "وا", "تا")) or f.startswith("ت"))


def disagrees(h: CueHit, noun: str) -> bool:
    """Whether a singular noun cannot be the subject of a verb for its gender: "واعتبرت السفير"
    (a feminine verb, a masculine noun: the object), "ودعا الوزارة"."""
    if h.cue.kind != "verb" or h.cue.form.endswith(("وا", "ا")) or noun.endswith(("ون", "ين")):
        return False
    return masculine(h) == noun.endswith("ه")


_NORM = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
