"""Attribution of one quote: choose the cue, then read the speaker and outlet around it."""

from __future__ import annotations

import re

from rasad.extract.quotes.attribute import (
    SPEAKER_TYPES,
    Attribution,
    first_after,
    following_cue,
    governed,
    governing_cue,
    is_prep,
    region_words,
    relay_speaker,
    subject_after,
    subject_before,
    unnamed_subject,
    via_in,
)
from rasad.extract.quotes.coref import (
    MAX_DESCRIPTION_WORDS,
    _bare,
    _bare_set,
    resolve_description,
)
from rasad.extract.quotes.doc import CueHit, Doc, Ment
from rasad.extract.quotes.marks import Span
from rasad.extract.quotes.previous import State, continuation, headline, same_as_previous
from rasad.extract.quotes.refer import (
    _description,
    disagrees,
    document_issuer,
    head_kind,
    masculine,
    previous_subject,
    recent_compatible,
)

SUBJECT_TYPES = ("PER", "ORG", "MEDIA", "GPE")
MAX_SVO_WORDS = 8
_RELATIVES = ("الذي", "التي")
_LAKIN = frozenset({"لكن", "ولكن"})
MAX_PHRASE_WORDS = 3  # "بحسب وزير الخارجية X": the source follows its preposition closely
MAX_TITLE_PHRASE = 4  # "بحسب رئيسة لجنة الشؤون الخارجية، X"
MAX_SAYER_GAP = 6  # "عن وزير الخارجية X، في تصريح للصحفيين، قوله"
# "وكان/وكانت/كانوا ..." or أن/إن opening the clause of a bare verb: its subject stands before
# the verb ("وكانت مصادر قد كشفت"، "أن ضابطا في المخابرات قال").
_KANA = re.compile(r"(?<![\u0621-\u064a])(?:[وف]?كان(?:ت|وا)?|[وف]?[اب]?ان(?:ه|ها)?)\s")


def attribute_direct(doc: Doc, q: Span, state: State) -> Attribution:
    """Attribute a direct quote: cue before it, cue after it, headline colon, continuation."""
    a, _ = doc.sents.limits(q.open)
    _, b = doc.sents.limits(q.close)
    h = governing_cue(doc, a, q.open)
    if h is not None:
        att = from_cue(doc, h, q.open, a, state)
    elif (h := following_cue(doc, q.close + 1, b)) is not None:
        att = from_cue(doc, h, b, a, state)
    else:
        att = headline(doc, q, a) or continuation(doc, q, state) or Attribution()
    start = att.cue.start if att.cue is not None else a
    att.via = att.via or via_in(doc, start, b, att.speaker)
    if att.how == "none":
        return att
    return state.remember(att, q.close)


def attribute_indirect(doc: Doc, h: CueHit, clause_start: int, state: State) -> Attribution:
    """Attribute indirect speech to the subject of its cue verb."""
    a, b = doc.sents.limits(h.start)
    att = from_cue(doc, h, clause_start, a, state)
    att.via = att.via or via_in(doc, h.start, b, att.speaker)
    return state.remember(att, clause_start)


def from_cue(doc: Doc, h: CueHit, limit: int, sent_start: int, state: State) -> Attribution:
    """The speaker read from one cue; ``limit`` ends the region where the subject can be."""
    kind = h.cue.kind
    if kind == "relay":
        att = relay_speaker(doc, h, limit, state.speaker)
        if att is not None and att.how == "relay-pronoun":
            return _relayed_subject(doc, h, sent_start, state, att)
        if att is not None:
            return att
    if kind in ("prep", "noun"):
        return _from_phrase(doc, h, limit, sent_start, state)
    if kind == "participle":
        return _participle(doc, h, sent_start, state)
    return _from_verb(doc, h, limit, sent_start, state)


def _participle(doc: Doc, h: CueHit, sent_start: int, state: State) -> Attribution:
    """مضيفا، مؤكدا...: the subject of the speech verb earlier in the sentence, else the
    previous speaker."""
    if h.cue.form.endswith("ين"):
        return Attribution(h, None, None, how="plural")  # "مؤكدين": a group, not one speaker
    verbs = [v for v in doc.cues_between(sent_start, h.start) if v.cue.kind == "verb"]
    if not verbs:
        return _pronoun(doc, h, sent_start, state, "participle")
    att = _from_verb(doc, verbs[-1], h.start, sent_start, state)
    att.cue, att.how = h, "participle"
    return att


def _relayed_subject(
    doc: Doc, h: CueHit, sent_start: int, state: State, att: Attribution
) -> Attribution:
    """ "كشف مصدر مسؤول، نقلت عنه الوكالة، أن": عنه is the subject of the verb before, if any."""
    verbs = [v for v in doc.cues_between(sent_start, h.start) if v.cue.kind == "verb"]
    if not verbs:
        return att
    main = _from_verb(doc, verbs[-1], h.start, sent_start, state)
    main.cue, main.via, main.how = h, att.via, "relay"
    return main


def _from_verb(doc: Doc, h: CueHit, limit: int, sent_start: int, state: State) -> Attribution:
    """Subject before a bare verb, else after it; no subject: the sentence's or previous one."""
    if h.pre != "و":  # a bare verb, or فـ after a topic ("أما المنظمة فقالت")
        before = _subject_before_verb(doc, h, sent_start)
        if before is not None:
            return _described(doc, before, state)
    m, region = subject_after(doc, h, limit)
    if m is not None and _object_of(doc, h, m):
        m, region = None, (region[0], region[0])  # "ووصف غريزمان بـ«…»": the object
    if m is not None and m.type == "PER":
        return Attribution(h, m.actor, (m.start, m.end), how="subject-after")
    start = _past_addressee(doc, region)
    words = unnamed_subject(doc, (start, m.start if m else region[1]))
    ref = resolve_description(doc, words, h.start, state.span)
    if ref is not None:
        return Attribution(h, ref.actor, (ref.start, ref.end), how="description")
    if m is not None:
        return Attribution(h, m.actor, (m.start, m.end), how="subject-after")
    if words and h.cue.obj and words[0].startswith("ال") and _object_noun(doc, h, words[0]):
        words = []  # "ووصف اللقاء بأنه": a definite noun is the object, the subject a pronoun
    if words:
        return _named_by_words(doc, h, words, region, state)
    return _pronoun(doc, h, sent_start, state, "continuation" if h.cue.cont else "pronoun")


def _past_addressee(doc: Doc, region: tuple[int, int]) -> int:
    """Where the subject region starts after the outlet or person spoken to ("وقال لـ«X»"،
    "وقال لوكالة X مسؤول"): a name governed by a preposition is never the subject."""
    start = region[0]
    for m in doc.mentions_between(*region):
        lead = region_words(doc, start, m.start)
        if not governed(doc, m) or not all(is_prep(doc, w) for w in lead):
            break
        start = m.end
    return start


def _object_noun(doc: Doc, h: CueHit, word: str) -> bool:
    """Whether a definite noun after a transitive cue is its object: not a title or an
    organisation noun ("ودعت الوزارة")، or one whose gender does not fit the verb."""
    if _bare(word) in _bare_set(doc.lex.docnouns):
        return False  # "حث القرار الأطراف": a document is a subject
    return head_kind(doc, word) is None or disagrees(h, word)


def _named_by_words(
    doc: Doc, h: CueHit, words: list[str], region: tuple[int, int], state: State
) -> Attribution:
    """A subject without a name: a document and its issuer, the previous speaker, the latest
    compatible actor, else an unnamed speaker."""
    is_doc, issuer = document_issuer(doc, words, region, h.start, state.said)
    if is_doc:
        return _mention_att(h, issuer, region, "document")
    if same_as_previous(doc, words, state, h.start) and (
        h.cue.kind != "prep" or head_kind(doc, words[0])
    ):
        return _previous(doc, h, state, "same-speaker")  # "وأضاف الوزير" after his quote
    ref = recent_compatible(doc, words, h.start)
    if ref is not None:
        return _mention_att(h, ref, region, "recent")
    return Attribution(h, None, region, how="unnamed")


def _described(doc: Doc, att: Attribution, state: State) -> Attribution:
    """An unnamed SVO subject that describes an actor named before ("إلا أن المستشار النمساوي
    أوضح" after "المستشار النمساوي سباستيان كورتز")."""
    if att.speaker is not None or att.span is None:
        return att
    words = region_words(doc, *att.span)
    ref = resolve_description(doc, words, att.span[0], state.span) if words else None
    if ref is None:
        return att
    return Attribution(att.cue, ref.actor, (ref.start, ref.end), how="description-before")


def _mention_att(h: CueHit, m: Ment | None, region: tuple[int, int], how: str) -> Attribution:
    """An attribution to a mention, or to nobody (the region read) when there is none."""
    if m is None:
        return Attribution(h, None, region, how=how)
    return Attribution(h, m.actor, (m.start, m.end), how=how)


def _object_of(doc: Doc, h: CueHit, m: Ment) -> bool:
    """Whether a name after a transitive cue is its object: a country after a masculine verb
    ("ودعا إسرائيل إلى": a country takes a feminine verb), or after وصف a name that
    "بـ"/"بأنه" follows right away."""
    if h.cue.obj and m.type == "GPE" and masculine(h):
        return True
    if h.cue.lemma != "وصف":
        return False
    nxt = doc.norm[m.end : m.end + 12].lstrip(' "»”')
    word = nxt.split(" ", 1)[0] if nxt else ""
    return (
        word == "ب" or word[:2] in ('ب"', "ب«", "ب“") or (word[:1] == "ب" and word in doc.lex.that)
    )


def _subject_before_verb(doc: Doc, h: CueHit, sent_start: int) -> Attribution | None:
    """An SVO subject: a mention right before the verb, or an unnamed noun after كان/أن/لكن
    or opening the clause ("ولكن المقرر الخاص يضيف")."""
    if _titled_subject_after(doc, h):
        return None  # "…رونالدو، قال رئيس النادي:": VSO with its own subject
    m = subject_before(doc, h, sent_start) or _relative_antecedent(doc, h, sent_start)
    if m is not None:
        return Attribution(h, m.actor, (m.start, m.end), how="subject-before")
    clause = _kana_subject(doc, h, sent_start) or _svo_subject(doc, h, sent_start)
    if clause is not None:
        return Attribution(h, None, clause, how="unnamed-before")
    return None


def _titled_subject_after(doc: Doc, h: CueHit) -> bool:
    """Whether a title or organisation noun follows the verb right away ("قال رئيس النادي")."""
    m = re.match(r"\s*([\u0621-\u064a]+)", doc.norm[h.end : h.end + 30])
    return m is not None and head_kind(doc, m.group(1)) is not None


def _relative_antecedent(doc: Doc, h: CueHit, sent_start: int) -> Ment | None:
    """ "المحلل X، الذي أشار إلى أن": the name right before الذي/التي is the subject."""
    verb = h.start - len(h.pre)
    rel = doc.word_before(verb)
    if rel not in _RELATIVES or doc.words(doc.norm.rfind(rel, 0, verb), verb) != 1:
        return None
    pos = doc.norm.rfind(rel, 0, verb)
    before = [m for m in doc.mentions_between(sent_start, pos) if m.type in SPEAKER_TYPES]
    if not before or region_words(doc, before[-1].end, pos) or governed(doc, before[-1]):
        return None
    return before[-1]


def _from_phrase(doc: Doc, h: CueHit, limit: int, sent_start: int, state: State) -> Attribution:
    """بحسب X / وفق X / في بيان لX: the mention right after; an outlet after a speech noun is
    the outlet spoken to ("في تصريح لسكاي نيوز") and the speaker is the previous one."""
    if h.cue.lemma == "قول":
        return _sayer_before(doc, h, sent_start, state)
    end = _phrase_end(doc, h.end, limit)
    m = _name_after_title(doc, h, end, limit) or first_after(
        doc, h.end, end, SPEAKER_TYPES, MAX_PHRASE_WORDS
    )
    if m is not None and doc.words(h.end, m.start) and governed(doc, m):
        m = _officer_after(doc, m, end) or m
    relayed = m is not None and any(h.start <= a < m.start for a, _ in doc.vias)
    if m is not None and m.type == "MEDIA" and (h.cue.kind == "noun" or relayed):
        # "وفقا لما نقلته الأناضول": the outlet relays the sentence's speaker
        att = _pronoun(doc, h, sent_start, state, "relayed") if relayed else None
        att = att or _previous(doc, h, state, "noun")
        att.via = m.actor
        return att
    if m is not None:
        return Attribution(h, m.actor, (m.start, m.end), how=h.cue.kind)
    words = unnamed_subject(doc, (h.end, end))
    ref = resolve_description(doc, words, h.start, state.span)
    if ref is not None:
        return Attribution(h, ref.actor, (ref.start, ref.end), how="description")
    if words:
        return _named_by_words(doc, h, words, (h.end, end), state)
    return _pronoun(doc, h, sent_start, state, h.cue.kind)  # "بيانا جاء فيه:": its issuer


def _name_after_title(doc: Doc, h: CueHit, end: int, limit: int) -> Ment | None:
    """ "بحسب رئيسة اللجنة، X": a comma between a title and the name does not end the source
    phrase; the person named right after the comma is the source."""
    if end >= limit or doc.norm[end] not in "،,":
        return None
    words = region_words(doc, h.end, end)
    if not words or len(words) > MAX_TITLE_PHRASE:
        return None
    if head_kind(doc, words[0]) != "PER" and not doc.lex.spokes & set(words):
        return None  # a title or "المتحدث باسم X"; not "بحسب الجيش، ..."
    if any(m.type == "PER" for m in doc.mentions_between(h.end, end)):
        return None  # "بحسب وزير الخارجية X، فإن": the name is already there
    m = first_after(doc, end + 1, limit, ("PER",), 0)
    return m if m is not None and not governed(doc, m) else None


def _officer_after(doc: Doc, m: Ment, end: int) -> Ment | None:
    """ "بحسب الرئيس السابق لـ«نادي X» فلان": the person named after the body is the source."""
    return first_after(doc, m.end, end, ("PER",), MAX_PHRASE_WORDS)


def _phrase_end(doc: Doc, start: int, limit: int) -> int:
    """The end of a source phrase ("بحسب الجيش، فإن"): the first comma or أن/إن."""
    ends = [doc.norm.find(c, start, limit) for c in "،,"]
    that = doc.lex.that_re.search(doc.norm, start, limit)
    ends.append(that.start() if that else -1)
    return min([e for e in ends if e >= 0], default=limit)


def _sayer_before(doc: Doc, h: CueHit, sent_start: int, state: State) -> Attribution:
    """ "... عن الوزير قوله": the speaker stands right before قوله; "عن مصدر قوله" is an
    unnamed source; "ليختتم بقوله" has the subject of its sentence."""
    before = [m for m in doc.mentions_between(sent_start, h.start) if m.type in SPEAKER_TYPES]
    before = [m for m in before if doc.word_before(m.start) == "عن" or not governed(doc, m)]
    if before and doc.words(before[-1].end, h.start) <= MAX_SAYER_GAP:
        m = before[-1]
        return Attribution(h, m.actor, (m.start, m.end), how="sayer")
    if "عن" in region_words(doc, sent_start, h.start)[-MAX_SAYER_GAP:]:
        return Attribution(h, None, None, how="unnamed")
    return _pronoun(doc, h, sent_start, state, "sayer")


def _pronoun(doc: Doc, h: CueHit, sent_start: int, state: State, how: str) -> Attribution:
    """A cue with no subject of its own: the subject earlier in its sentence ("وسئل ماتيس …
    فأجاب"، "وقال كوخافي … وقال إن"، "أما صحيفة "سبورت" فأبرزت … وقالت"), else the previous
    speaker."""
    free = [m for m in doc.mentions_between(sent_start, h.start) if m.type in SUBJECT_TYPES]
    m = next((x for x in free if _heads_clause(doc, x, sent_start)), None)
    if m is not None and m.type == "MEDIA":
        return _relayed_words(doc, h, sent_start, m) or _mention_att(
            h, m, (0, 0), how + "-sentence"
        )
    if m is not None:
        return Attribution(h, m.actor, (m.start, m.end), how=how + "-sentence")
    if _unnamed_in_sentence(doc, h, sent_start, state):
        return Attribution(h, None, None, how=how + "-unnamed")
    m = previous_subject(doc, h, sent_start, state.pos)
    if m is not None:
        return Attribution(h, m.actor, (m.start, m.end), how=how + "-earlier")
    return _previous(doc, h, state, how)


def _relayed_words(doc: Doc, h: CueHit, sent_start: int, outlet: Ment) -> Attribution | None:
    """ "نقلت وكالة X كلمة Y، إذ قال": an outlet that relays is the via; the speaker is the
    person whose words it relays, named between it and the cue."""
    relays = [r for r in doc.cues_between(sent_start, outlet.start) if r.cue.kind == "relay"]
    if not relays or region_words(doc, relays[-1].end, outlet.start)[1:]:
        return None
    ments = [m for m in doc.mentions_between(outlet.end, h.start) if m.type == "PER"]
    m = next((x for x in ments if not governed(doc, x)), None)
    if m is None:
        return None
    return Attribution(h, m.actor, (m.start, m.end), outlet.actor, "relayed-words")


def _unnamed_in_sentence(doc: Doc, h: CueHit, sent_start: int, state: State) -> bool:
    """Whether an earlier speech verb of the sentence has an unnamed subject that is not the
    previous speaker ("أعرب المندوب الفرنسي عن ثقته ... وقال"): the pronoun is that one's."""
    verbs = [v for v in doc.cues_between(sent_start, h.start) if v.cue.kind == "verb"]
    if not verbs or verbs[-1].start == h.start:
        return False
    v = verbs[-1]
    m, region = subject_after(doc, v, h.start)
    if m is not None:
        return False
    words = unnamed_subject(doc, region)
    if not words or not words[0].startswith("ال") or head_kind(doc, words[0]) is None:
        return False
    return not same_as_previous(doc, _description(words)[:MAX_DESCRIPTION_WORDS], state, v.start)


def _heads_clause(doc: Doc, m: Ment, sent_start: int) -> bool:
    """Whether a mention can be a clause's subject: not governed by a preposition, and a person
    or a name right after a verb, an organisation noun or the sentence start (not a genitive
    as الجيش in "رئيس أركان الجيش")."""
    if governed(doc, m):
        return False
    if m.type == "PER":
        return True
    if m.type == "GPE" and doc.norm[m.end : m.end + 2].lstrip()[:1] in ("،", ",", "("):
        return False  # a dateline: "دبي، الإمارات (CNN)"
    word = doc.word_before(m.start)
    lex = doc.lex
    if not word:  # after punctuation: only at the sentence start ("تويتر، حيث قال"، "(CNN)")
        return not region_words(doc, sent_start, m.start)
    if doc.norm.rfind(word, sent_start, m.start) < 0:
        return True
    if len(region_words(doc, sent_start, m.start)) == 1:
        return True  # right after the verb opening the sentence ("وقد نددت أنقرة")
    return word in lex.orgnouns or word in lex.docnouns or word in lex.cues or word[1:] in lex.cues


def _previous(doc: Doc, h: CueHit | None, state: State, how: str) -> Attribution:
    """The previous quote's speaker; before any quote, nobody."""
    if state.seen:
        return Attribution(h, state.speaker, state.span, how=how)
    # before any quote the latest person is a guess ("ندد أوباما بالمقولة" after "ترامب")
    return Attribution(h, None, None, how=how)


def _kana_subject(doc: Doc, h: CueHit, sent_start: int) -> tuple[int, int] | None:
    """An unnamed subject between كان or أن and a bare verb ("وكانت مصادر خاصة قد كشفت")."""
    comma = max(doc.norm.rfind("،", sent_start, h.start), doc.norm.rfind(",", sent_start, h.start))
    start = max(sent_start, comma + 1)
    opener = max((m.end() for m in _KANA.finditer(doc.norm, start, h.start)), default=-1)
    if opener < 0:
        return None
    words = region_words(doc, opener, h.start)  # after أن the subject is accusative: ضابطا
    if not words or is_prep(doc, words[0]):
        return None
    return (opener, h.start)


def _svo_subject(doc: Doc, h: CueHit, sent_start: int) -> tuple[int, int] | None:
    """A clause opening with a definite noun (after an optional لكن) and no name before a bare
    verb: its unnamed subject ("ولكن المقرر الخاص بوضع حقوق الإنسان يضيف")."""
    start = _clause_start(doc, h, sent_start)
    words = region_words(doc, start, h.start - len(h.pre))
    after_lakin = bool(words) and words[0] in _LAKIN
    if after_lakin:
        words = words[1:]
    if not words or len(words) > MAX_SVO_WORDS or _named_in(doc, start, h.start):
        return None
    if is_prep(doc, words[0]) or not (after_lakin or words[0].startswith("ال")):
        return None
    return (start, h.start)


def _named_in(doc: Doc, start: int, end: int) -> bool:
    """Whether a clause before a verb names someone; a country adjective does not ("الهيئة
    السعودية للاستثمار أعلنت")."""
    return any(m.type != "GPE" or m.start <= start + 1 for m in doc.mentions_between(start, end))


def _clause_start(doc: Doc, h: CueHit, sent_start: int) -> int:
    """Where the clause of a cue starts: after the last comma (or a headline's colon) of its
    sentence before it."""
    comma = max(doc.norm.rfind(c, sent_start, h.start) for c in "،,:")
    return max(sent_start, comma + 1)
