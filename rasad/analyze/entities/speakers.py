"""Unknown names in the subject slot of a speech verb: "وقال ساوثهول إن", "وأكد الشافعي أن".

After a speech verb (rasad/data/quotes/cues.tsv, kind verb) with no title, one to three
uncovered words that all look like name words (rare or in name-like clusters; with the article
only a nisba such as الشافعي) and end right before a boundary (punctuation, a quote, إن/أن, a
preposition or verb from entities/not_names.tsv) are a person, or an organisation when the CRF
says so. A common word anywhere in the slot (مصدر، البيان، الوزارة) cancels it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from rasad.analyze.entities import crf, lex
from rasad.analyze.entities.features import sentence_features
from rasad.analyze.entities.match import Seg
from rasad.analyze.entities.recognize import Cand, covered, name_like
from rasad.analyze.entities.rules import edge_key, is_common, not_names, particles, title_chain
from rasad.analyze.entities.rules import titles as title_phrases
from rasad.analyze.normalize import normalize
from rasad.data.loader import read_tsv

MAX_SLOT = 3
MAX_INSTITUTION = 7  # tokens of an institution name (المركز المصري للدراسات الاقتصادية)
SIGNAL = 0.04  # the CRF's least marginal for a name word in the slot (rare names score 0.05-0.15)
_PRONOUNS = frozenset({"ها", "هم", "هما", "هن", "كم", "نا"})  # not ه/ي: names end so too
_THAT = frozenset({"ان", "انه", "انها", "انهم"})  # إن/أن (and with a pronoun) after the name


@cache
def speech_verbs() -> frozenset[str]:
    """Normalized speech-verb forms as they may be written: bare (unless the form is also a
    noun, needs_pre = 1) and with و/ف."""
    try:
        rows = read_tsv("quotes/cues.tsv")
    except FileNotFoundError:
        return frozenset()
    out = set()
    for r in rows:
        if r.get("kind") == "verb":
            out.update({"و" + r["form"], "ف" + r["form"]})
            if r.get("needs_pre") != "1":
                out.add(r["form"])
    return frozenset(out)


@cache
def cue_words() -> frozenset[str]:
    """Every form of the quote-cue table (verbs, participles, speech nouns)."""
    try:
        return frozenset(r["form"] for r in read_tsv("quotes/cues.tsv"))
    except FileNotFoundError:
        return frozenset()


@cache
def _edge(text: str) -> str:
    return edge_key(text)


def _plain_word(tok: Any, seg: Seg) -> bool:
    """A word that may be part of an unknown name: no proclitic, common word, title, adjective,
    preposition or verb; with the article only a nisba (الشافعي)."""
    if not tok.is_word or seg[1] or is_common(seg[0]) or lex.adjective(seg):
        return False
    if title_phrases().lookup((seg[0],)) or not_names().get(_edge(tok.text)):
        return False
    if "\u064b" in tok.text or seg[4] in _PRONOUNS or seg[0] in cue_words():
        return False  # tanween (تشكيكاً), a pronoun (حديثها), a cue word (قائلة)
    return not seg[2] or seg[3].endswith("ي")


def _name_word(tok: Any, seg: Seg) -> bool:
    """A plain word that also looks like a name word (rare, name-like cluster, lexicon name)."""
    if seg[0] in particles():
        return tok.is_word
    return _plain_word(tok, seg) and (name_like(seg) or lex.name_parts().get(seg[0]) is not None)


def _slot_word(tok: Any, seg: Seg, first: bool) -> bool:
    """The first word of a slot must look like a name word; later ones need only be plain
    (دوف حنين: a rare given name, then a surname that is also a common noun)."""
    if seg[0] in particles():
        return not first
    return _name_word(tok, seg) if first else _plain_word(tok, seg)


def _boundary(tokens: Sequence[Any], segs: Sequence[Seg], k: int) -> bool:
    """Whether a name may end before token k."""
    if k >= len(tokens) or not tokens[k].is_word:
        return True
    if segs[k][0] in _THAT or any(p in segs[k][1] for p in "لب"):  # إن، للصحفيين، بأن
        return True
    return not_names().get(_edge(tokens[k].text)) is not None


def _after_titles(segs: list[Seg], j: int, cover) -> int:
    """The name slot after a title chain at j (النائب، وزير الخارجية الإيراني), else j."""
    chain = title_chain(segs, j, lex.adjective, lambda s, k: (0, None))
    if chain is None or any(c is not None for c in cover[j : chain[0]]):
        return j
    return chain[0]


def _by_crf(tokens, segs: list[Seg], hint, j: int, cover) -> int:
    """End of a slot name by the CRF's marginals, when it ends at a boundary (j if none)."""
    k = crf.marginal_run(segs, hint, j)
    if k == j or k - j > MAX_SLOT or not _boundary(tokens, segs, k):
        return j
    ok = all(cover[m] is None and _plain_word(tokens[m], segs[m]) for m in range(j, k))
    return k if ok else j


@cache
def org_heads() -> dict[tuple[str, ...], bool]:
    """Institution heads (normalized words) -> whether the head alone is a name."""
    try:
        rows = read_tsv("entities/org_heads.tsv")
    except FileNotFoundError:
        return {}
    return {tuple(normalize(r["head"]).split()): r["whole"] == "1" for r in rows}


def _institution(tokens, segs: list[Seg], j: int, cover) -> int:
    """End of an institution name at j (head + qualifier up to a boundary), j if none."""
    heads = org_heads()
    best = None
    for n in (2, 1):
        key = tuple(s[0] for s in segs[j : j + n])
        if len(key) == n and key in heads and all(c is None for c in cover[j : j + n]):
            best = (n, heads[key])
            break
    if best is None or segs[j][1]:
        return j
    k = j + best[0]
    construct = not segs[j + best[0] - 1][2]  # شرطة العاصمة: the genitive may follow bare
    while k < len(tokens) and k - j < MAX_INSTITUTION and cover[k] is None:
        if _inst_stop(tokens, segs, k):
            break
        if not (segs[k][2] or segs[k][1] or (construct and k == j + best[0])):
            return j  # an indefinite word after a definite name: the verb's object (مصرع)
        k += 1
    ended = k >= len(tokens) or cover[k] is not None or _inst_stop(tokens, segs, k)
    if not ended or (k == j + best[0] and not best[1]):
        return j
    return k


def _inst_stop(tokens, segs: list[Seg], k: int) -> bool:
    """Whether an institution name ends before token k: punctuation, إن/أن, a preposition or
    verb, or a proclitic other than the ل of its complement (الهيئة العامة لمكافحة الفساد)."""
    if not tokens[k].is_word or segs[k][0] in _THAT or segs[k][1] not in ("", "ل"):
        return True
    return not_names().get(_edge(tokens[k].text)) is not None


def _crf_kind(tokens, segs: list[Seg], hint, j: int, k: int, tags: list[str]) -> str | None:
    """PER or ORG when the CRF sees any sign of a name in [j, k) (tags, or a marginal of at
    least SIGNAL), None when it sees none (تقارير، مصادر)."""
    if any(t.endswith("PERS") for t in tags[j:k]):
        return "PER"
    if any(t.endswith(("ORG", "LOC")) for t in tags[j:k]):
        return "ORG"
    t = crf.tagger()
    if t is None:
        return None
    a, b = max(0, j - 3), min(len(segs), k + 3)
    while tokens[a].sent != tokens[j].sent:  # features see the sentence only
        a += 1
    while tokens[b - 1].sent != tokens[j].sent:
        b -= 1
    t.set(sentence_features(segs[a:b], hint[a:b]))
    per = max(t.marginal("B-PERS", m - a) + t.marginal("I-PERS", m - a) for m in range(j, k))
    other = max(
        sum(t.marginal(x, m - a) for x in ("B-ORG", "I-ORG", "B-LOC", "I-LOC")) for m in range(j, k)
    )
    if max(per, other) < SIGNAL:
        return None
    return "PER" if per >= other else "ORG"


def _slot(tokens, segs: list[Seg], hint, j: int, cover) -> int:
    """End of the name in the slot at j (j if none): name words up to a boundary, else the
    CRF's run when the first word is at least a plain word."""
    n = len(tokens)
    if j >= n or cover[j] is not None or _boundary(tokens, segs, j):
        return j
    if not _plain_word(tokens[j], segs[j]) and segs[j][0] not in particles():
        return j  # cheap exit before any CRF call (most speech verbs have no name slot)
    k = j
    while k < n and k - j < MAX_SLOT and cover[k] is None:
        if _boundary(tokens, segs, k) or not _slot_word(tokens[k], segs[k], k == j):
            break
        if segs[j][2] and k > j:  # a nisba stands alone (الشافعي), not القاضي الشرعي
            return j
        k += 1
    if k == j or not _boundary(tokens, segs, k):
        k = _by_crf(tokens, segs, hint, j, cover)
    return k


def speaker_slots(tokens, segs: list[Seg], found: list[Cand], tags, hint) -> list[Cand]:
    """Person (or CRF organisation) candidates in the subject slot of speech verbs."""
    verbs = speech_verbs()
    at = [v for v, s in enumerate(segs[:-1]) if s[0] in verbs]  # a few per article
    if not at:
        return []
    cover = covered(found, len(tokens))
    out: list[Cand] = []
    for v in at:
        end = _institution(tokens, segs, v + 1, cover)
        if end > v + 1:
            out.append(
                Cand(v + 1, end, tokens[v + 1].start, tokens[end - 1].end, "ORG", how="speech")
            )
            continue
        j = _after_titles(segs, v + 1, cover)
        k = _slot(tokens, segs, hint, j, cover)
        if k == j or tokens[k - 1].sent != tokens[v].sent:
            continue
        if segs[j][0] in particles() or segs[k - 1][0] in particles():
            continue
        kind = _crf_kind(tokens, segs, hint, j, k, tags)
        if kind == "ORG" and k - j == 1 and segs[j][2]:
            kind = "PER"  # a nisba alone (العامودي) is a family name
        if kind is not None:
            out.append(Cand(j, k, tokens[j].start, tokens[k - 1].end, kind, how="speech"))
    return out
