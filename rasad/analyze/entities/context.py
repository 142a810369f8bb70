"""The recognizer: gazetteer first, then titles, outlet cues, the CRF, name chains and
partial names, each adding candidates where nothing was found before.

Span rules: a name never starts or ends with a preposition or verb (entities/not_names.tsv);
a CRF span needs a name-like word; a CRF person running into a known name stops before it;
"X بن <known person>" is X (the son), not the father; a city after a club word is the club.
Person-name conflicts and ORG/person splits are in names.py, speech-verb slots in speakers.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rasad.analyze.entities import crf, lex
from rasad.analyze.entities.match import Seg, core, first_forms
from rasad.analyze.entities.names import (
    drop_adjectives,
    other_bearers,
    place_surnames,
    split_org_person,
)
from rasad.analyze.entities.recognize import (
    CRF_TYPES,
    QUOTES,
    Cand,
    covered,
    hamza_split,
    hints,
    letter_offset,
    name_like,
    name_like_all,
    name_start,
    scan,
    segs_of,
)
from rasad.analyze.entities.rules import club_cues, edge_key, is_common, not_names, particles
from rasad.analyze.entities.rules import titles as title_phrases
from rasad.analyze.entities.speakers import speaker_slots

MAX_QUOTED = 6  # tokens in a quoted outlet name
CONTEXT = 2  # tokens of context the CRF sees after a gated token
LEFT = 2  # ... and before it


def recognize(
    tokens: Sequence[Any], crf_only: bool = False, segs: list[Seg] | None = None
) -> list[Cand]:
    """All mention candidates of a token list, sorted by position (``segs``: their segs_of)."""
    segs = segs_of(tokens) if segs is None else segs
    sc = scan(segs, tokens)
    found = sc.found
    hint = hints(segs, sc)
    want = None if crf_only else _gate(segs, found, hint, sc.chains, [x[1] for x in sc.infos])
    tags = _crf_tags(tokens, segs, hint, want)
    if crf_only:
        return _crf_cands(tokens, tags, [], set())
    found = _metonymy(found, tags)
    _clubs(segs, found)
    found = _longer_persons(tokens, segs, found, tags)
    cue_slots: set[int] = set()
    _titles(tokens, segs, found, sc.chains, hint, tags)
    _cues(tokens, segs, found, sc.cues, cue_slots)
    found += _crf_cands(tokens, tags, found, cue_slots, _name_words(segs, sc.infos))
    found = split_org_person(tokens, segs, other_bearers(tokens, segs, found, tags, hint))
    found = drop_adjectives(segs, place_surnames(tokens, segs, found))
    found += speaker_slots(tokens, segs, found, tags, hint)
    _chains(tokens, segs, found)
    found += _partials(tokens, segs, found)
    return _without_overlaps(tokens, found)


def _without_overlaps(tokens: Sequence[Any], found: list[Cand]) -> list[Cand]:
    """Candidates in text order, a span overlapping an earlier (or longer) one left out (the
    rules above each add spans of their own, and a mention names one referent), and no span
    across a sentence or paragraph break."""
    kept: list[Cand] = []
    for c in sorted(found, key=lambda c: (c.start, -(c.end - c.start))):
        if getattr(tokens[c.i], "sent", 0) != getattr(tokens[c.j - 1], "sent", 0):
            continue
        if not kept or c.start >= kept[-1].end:
            kept.append(c)
    return sorted(kept, key=lambda c: c.i)


def _loanword(tokens, i: int, j: int) -> bool:
    """Whether a span has a long bare word (no article, no proclitic): frequent foreign names
    (هوليوود، يوتيوب) share clusters with common words, short Arabic words rarely are names."""
    return any(not t.pre and not t.det and len(t.norm) >= 5 for t in tokens[i:j])


def _name_words(segs: list[Seg], infos) -> list[bool]:
    """Per token: name-like (rare or in a name-like cluster) or a word of a lexicon name."""
    parts = lex.name_parts()
    return [x[1] or seg[0] in parts for seg, x in zip(segs, infos, strict=True)]


def _gate(
    segs: list[Seg], found: list[Cand], hint: list[list[str]], chains=(), names=None
) -> list[bool]:
    """Tokens the CRF must see: uncovered name-like words (rare or in name-like clusters),
    name slots after titles (with the whole title) and one-word cities (clubs named after
    them), with context."""
    n = len(segs)
    cover = covered(found, n)
    names = name_like_all(segs) if names is None else names
    want = [False] * n
    for i, j, _, _ in chains:  # the title is the best evidence for the name after it
        want[i : min(n, j + CONTEXT + 1)] = [True] * (min(n, j + CONTEXT + 1) - i)
    for k in range(n):
        c = cover[k]
        if (names[k] and c is None) or (c is not None and _city(c)) or "slot" in hint[k]:
            for m in range(max(0, k - LEFT), min(n, k + CONTEXT + 1)):
                want[m] = True
    return want


def _crf_tags(tokens, segs: list[Seg], hint: list[list[str]], want: list[bool] | None) -> list[str]:
    """CRF tags over runs of wanted tokens within a sentence (all tokens when want is None);
    a run's features see the whole sentence around it."""
    n = len(tokens)
    tags = ["O"] * n
    s0 = 0
    for s1 in range(1, n + 1):
        if s1 < n and tokens[s1].sent == tokens[s0].sent:
            continue
        runs = _runs(want, s0, s1)
        if runs:
            sent_segs, sent_hint = segs[s0:s1], hint[s0:s1]
            for a, b in runs:
                tags[a:b] = crf.tag(sent_segs, sent_hint, a - s0, b - s0)
        s0 = s1
    return tags


def _runs(want: list[bool] | None, s0: int, s1: int) -> list[tuple[int, int]]:
    """Maximal runs [a, b) of wanted tokens in [s0, s1)."""
    if want is None:
        return [(s0, s1)]
    out, start = [], None
    for k in range(s0, s1 + 1):
        inside = k < s1 and want[k]
        if inside and start is None:
            start = k
        elif not inside and start is not None:
            out.append((start, k))
            start = None
    return out


def _metonymy(found: list[Cand], tags: list[str]) -> list[Cand]:
    """Cities the CRF reads as part of an organisation in context (برشلونة the club, دينامو
    كييف, جامعة القاهرة) give way to the CRF's ORG span."""
    drop = set()
    for i, j, kind in crf.spans(tags):
        if kind != "ORG":
            continue
        inside = [c for c in found if c.i < j and i < c.j]
        if not inside or any(c.i < i or c.j > j for c in inside):
            continue
        places = all(c.type in ("GPE", "LOC") for c in inside)
        longer = j - i > sum(c.j - c.i for c in inside)  # بنك قطر الوطني، جامعة القاهرة
        if all(_city(c) for c in inside) or (places and longer):
            drop.update(id(c) for c in inside)
    return [c for c in found if id(c) not in drop]


def _clubs(segs: list[Seg], found: list[Cand]) -> None:
    """A one-word city after a club word (فريق ليون، مرمى ميلان) is the club: an ORG."""
    cues = club_cues()
    for c in found:
        if c.i > 0 and _city(c) and (core(segs[c.i - 1]) in cues or segs[c.i - 1][0] in cues):
            c.type, c.entries, c.how = "ORG", (), "club"


def _city(c: Cand) -> bool:
    """A one-word lexicon place that is not a country."""
    kind = getattr(c.entries[0], "kind", "") if c.entries else ""
    return c.type == "GPE" and c.j - c.i == 1 and kind != "country"


def _all_names(segs: list[Seg], i: int, j: int, skip: set[int]) -> bool:
    """Whether every token of [i, j) outside ``skip`` may be part of a person's name."""
    parts = particles()
    return all(k in skip or segs[k][0] in parts or _given_name(segs[k]) for k in range(i, j))


def _longer_persons(tokens, segs, found: list[Cand], tags: list[str]) -> list[Cand]:
    """A CRF person name that strictly contains one-word lexicon persons (حسين فهمي) wins;
    multi-word lexicon names are reliable and stay."""
    out = list(found)
    for i, j, kind in crf.spans(tags):
        i, j = _trim_edges(tokens, i, j, True)
        inside = [c for c in found if i <= c.i and c.j <= j]
        if kind != "PERS" or not inside or any(c.type != "PER" or c.j - c.i > 1 for c in inside):
            continue
        if any(c.i == i and c.j == j for c in inside) or not _free(
            [c for c in found if c not in inside], i, j
        ):
            continue
        if not _all_names(segs, i, j, {k for c in inside for k in range(c.i, c.j)}):
            continue  # "منافس السيسي": a common noun before the lexicon name, not a longer name
        out = [c for c in out if c not in inside]
        out.append(Cand(i, j, name_start(tokens[i]), tokens[j - 1].end, "PER", how="crf"))
    return out


def _free(found: list[Cand], i: int, j: int) -> bool:
    """No candidate overlaps tokens [i, j)."""
    return all(c.j <= i or c.i >= j for c in found)


def _titles(tokens, segs, found: list[Cand], chains, hint, tags) -> None:
    """Names after titles become PER, with the title's role and the apposition country."""
    by_start = {c.i: c for c in found}
    for i, j, titles, country in chains:
        _portfolio(segs, found, i, titles)
        role = next((t.role for t in reversed(titles) if t.role and not t.counterpart), None)
        role = None if any(t.role == "-" for t in titles) else role  # السابق: a former office
        counterpart = any(t.counterpart for t in titles)
        _title_name(tokens, segs, found, by_start, hint, tags, j, role, country, counterpart)


def _portfolio(segs, found: list[Cand], i: int, titles) -> None:
    """A minister's portfolio is no organisation mention: وزير [الأمن الإسرائيلي] is the Israeli
    security minister (but رئيس أركان [الجيش الإسرائيلي] does name the army)."""
    if not titles[0].role.startswith("Minister"):
        return
    hit = title_phrases().match(segs, i)
    end = i + (hit[0] if hit else 1)
    found[:] = [c for c in found if not (c.type == "ORG" and i < c.i < end)]


def _title_name(tokens, segs, found, by_start, hint, tags, j, role, country, counterpart) -> None:
    """Attach the title to the lexicon name at j, or recognize the unknown name there."""
    c = by_start.get(j)
    if c is not None:
        if c.type == "PER":
            c.role, c.country = c.role or role, c.country or country
            c.counterpart = c.counterpart or counterpart
        return
    if j >= len(tokens) or not tokens[j].is_word or segs[j][1]:
        return
    end = _crf_run(tags, j)
    if end == j and j + 1 < len(tags) and tags[j + 1] == "B-PERS" and not is_common(segs[j][0]):
        end = _crf_run(tags, j + 1)  # the CRF missed the first name only (مولود تشاوش أوغلو)
    if end == j:
        end = crf.marginal_run(segs, hint, j)
    j2, end = _trim_edges(tokens, j, end, True)
    if j2 != j:
        return
    if end > j and _free(found, j, end):
        cand = Cand(
            j,
            end,
            tokens[j].start,
            tokens[end - 1].end,
            "PER",
            how="title",
            role=role,
            country=country,
            counterpart=counterpart,
        )
        found.append(cand)
        by_start[j] = cand


def _crf_run(tags: list[str], j: int) -> int:
    """End of the CRF's PERS span covering token j (j if none)."""
    if j >= len(tags) or not tags[j].endswith("PERS"):
        return j
    k = j + 1
    while k < len(tags) and tags[k] == "I-PERS":
        k += 1
    return k


def _cues(tokens, segs, found: list[Cand], cues, cue_slots: set[int]) -> None:
    """Outlet names after cues (وكالة، قناة "كان") and quoted re-mentions of cue-only names."""
    cued: set[tuple[str, ...]] = set()
    for _, j in cues:
        if j < len(tokens) and tokens[j].text in QUOTES:
            name = _quoted(tokens, segs, found, j)
            if name:
                cued.add(name)
        elif j < len(tokens):
            _unquoted_outlet(tokens, segs, found, j)
            cue_slots.add(j)
    if cued:
        _requoted(tokens, segs, found, cued)


def _closing(tokens, j: int) -> int | None:
    """Index of the quote closing the one at j (within MAX_QUOTED tokens)."""
    for k in range(j + 1, min(len(tokens), j + MAX_QUOTED + 2)):
        if tokens[k].text in QUOTES:
            return k if k > j + 1 else None
        if not tokens[k].is_word and not tokens[k].text.isdigit():
            return None  # punctuation inside: not a quoted name
    return None


def _quoted(tokens, segs, found: list[Cand], j: int) -> tuple[str, ...] | None:
    """A quoted outlet name after a cue becomes MEDIA; returns its normalized tokens."""
    k = _closing(tokens, j)
    if k is None:
        return None
    key = tuple(s[0] for s in segs[j + 1 : k])
    entries = tuple(e for e in lex.lex_lookup(key, cued=True) if e.type in ("MEDIA", "ORG"))
    found[:] = [c for c in found if c.j <= j + 1 or c.i >= k]
    found.append(Cand(j + 1, k, tokens[j + 1].start, tokens[k - 1].end, "MEDIA", entries, "cue"))
    return key


def _unquoted_outlet(tokens, segs, found: list[Cand], j: int) -> None:
    """An organisation or cue-only outlet name right after a cue is MEDIA."""
    c = next((c for c in found if c.i == j), None)
    hit = lex.match(segs, j, cued=True)
    if c is not None:
        media = tuple(e for e in hit[1] if e.type == "MEDIA") if hit and hit[0] == c.j - c.i else ()
        if media:  # صحيفة الشرق الأوسط: the paper, not the region
            c.entries = media
        if media or c.type in ("ORG", "MEDIA"):
            c.type = "MEDIA"
        return
    if hit and any(e.type == "MEDIA" for e in hit[1]) and _free(found, j, j + hit[0]):
        entries = tuple(e for e in hit[1] if e.type == "MEDIA")
        found.append(
            Cand(
                j, j + hit[0], tokens[j].start, tokens[j + hit[0] - 1].end, "MEDIA", entries, "cue"
            )
        )


def _requoted(tokens, segs, found: list[Cand], cued: set[tuple[str, ...]]) -> None:
    """A cue-only outlet already introduced by a cue, quoted alone later (وأشارت "كان")."""
    for j, t in enumerate(tokens):
        if t.text not in QUOTES:
            continue
        k = _closing(tokens, j)
        if (
            k is None
            or tuple(s[0] for s in segs[j + 1 : k]) not in cued
            or not _free(found, j + 1, k)
        ):
            continue
        key = tuple(s[0] for s in segs[j + 1 : k])
        entries = tuple(e for e in lex.lex_lookup(key, cued=True) if e.type in ("MEDIA", "ORG"))
        found.append(
            Cand(j + 1, k, tokens[j + 1].start, tokens[k - 1].end, "MEDIA", entries, "cue")
        )


def _not_name(tok, person: bool) -> bool:
    """Whether a token can be no edge of a name (a preposition or verb; for persons, also a
    listed common noun)."""
    if not tok.is_word:
        return True
    kind = not_names().get(edge_key(tok.text[tok.core_start - tok.start :]))
    return kind is not None and (person or kind != "noun")


def _trim_edges(tokens, i: int, j: int, person: bool) -> tuple[int, int]:
    """A span without leading/trailing punctuation, prepositions or verbs (a name never absorbs
    them: "زار بن علوي", "عن بن علوي")."""
    while i < j and _not_name(tokens[i], person):
        i += 1
    while j > i and _not_name(tokens[j - 1], person):
        j -= 1
    if j - i == 1 and not_names().get(
        edge_key(tokens[i].text[tokens[i].core_start - tokens[i].start :])
    ):
        return i, i  # a one-word "name" that is a listed common word
    return i, j


def _crf_cands(tokens, tags, found: list[Cand], cue_slots: set[int], names=None) -> list[Cand]:
    """CRF spans (PERS/LOC/ORG) where no other candidate is and, when ``names`` (name-like
    flags per token) is given, with at least one name-like word ("الهجوم الكيمياوي" is none)."""
    out = []
    for i, j, kind in crf.spans(tags):
        if names is not None and not any(names[i:j]) and not _loanword(tokens, i, j):
            continue
        i, j = _trim_edges(tokens, i, j, kind == "PERS")
        if kind == "PERS" and not _free(found, i, j):
            i, j = _before_known(tokens, found, i, j)
        if i >= j or kind not in CRF_TYPES or not _free(found, i, j) or _designation(tokens, j):
            continue
        typ = "MEDIA" if i in cue_slots and kind == "ORG" else CRF_TYPES[kind]
        out.append(Cand(i, j, name_start(tokens[i]), tokens[j - 1].end, typ, how="crf"))
    return out


def _before_known(tokens, found: list[Cand], i: int, j: int) -> tuple[int, int]:
    """A CRF person span running into a recognized name ("موسى مصطفى موسى منافس السيسي"):
    its part before that name, without trailing words that cannot end a name."""
    starts = [c.i for c in found if i < c.i < j and c.j > i]
    if not starts or any(c.i <= i < c.j for c in found):
        return i, i
    j = min(starts)
    if particles().get(tokens[j - 1].norm) == "inner":
        return i, i  # أحمد بن [محمد بن راشد]: the son's name, joined by _son_of
    segs = [(t.norm, t.pre, t.det, t.stem, t.suf) for t in tokens[i:j]]
    while j > i and not (_given_name(segs[j - i - 1]) and tokens[j - 1].is_word):
        j -= 1
    return _trim_edges(tokens, i, j, True)


def _designation(tokens, j: int) -> bool:
    """A name followed by "-<number>" is a product designation (اس -300، إيل -20), not an entity."""
    k = j + 1 if j < len(tokens) and tokens[j].text in "-–" else j
    return k > j and k < len(tokens) and tokens[k].text[:1].isdigit()


def _chains(tokens, segs, found: list[Cand]) -> None:
    """Extend person names across بن/بنت/آل (سلمان بن حمد آل خليفة)."""
    cover = covered(found, len(tokens))
    for c in found:
        if c.type != "PER":
            continue
        j = c.j
        while (
            j + 1 < len(tokens)
            and particles().get(segs[j][0]) == "inner"
            and tokens[j + 1].is_word
            and not segs[j + 1][1]
            and cover[j] is None
            and cover[j + 1] is None
        ):
            j += 2
        if j == c.j and particles().get(segs[j - 1][0]) == "inner" and j < len(tokens):
            j += tokens[j].is_word and cover[j] is None  # the CRF stopped at بن/آل
        if j > c.j:
            c.j, c.end = j, tokens[j - 1].end
        _son_of(tokens, segs, c, cover)


def _given_name(seg: Seg) -> bool:
    """A word that may be a given name: one in the lexicon's person names, or name-like."""
    return lex.name_parts().get(seg[0]) in ("first", "both") or name_like(seg)


def _son_of(tokens, segs, c: Cand, cover) -> None:
    """ "أحمد بن محمد بن راشد": a name before بن makes the whole chain one person, the son, not
    the father the lexicon matched (the span grows to the first name, the entry is dropped)."""
    i = c.i
    while (
        i >= 2
        and particles().get(segs[i - 1][0]) == "inner"
        and cover[i - 1] is None
        and cover[i - 2] is None
        and tokens[i - 2].is_word
        and not segs[i - 2][1]
        and _given_name(segs[i - 2])
        and not _not_name(tokens[i - 2], True)
        and not title_phrases().lookup((segs[i - 2][0],))
    ):
        i -= 2
    if i < c.i:  # the family's nationality stays
        c.country = c.country or (getattr(c.entries[0], "country", None) if c.entries else None)
        c.i, c.start, c.entries, c.how = i, name_start(tokens[i]), (), "chain"


def _partials(tokens, segs, found: list[Cand]) -> list[Cand]:
    """Single tokens repeating the last name of a multi-token person elsewhere in the article."""
    last = {segs[c.j - 1][0]: c for c in found if c.type == "PER" and c.j - c.i > 1}
    last = {k: v for k, v in last.items() if len(k) > 2 and not is_common(k)}
    if not last:
        return []
    cover = covered(found, len(tokens))
    ends = {k[-2:] for k in last}
    out = []
    for i, seg in enumerate(segs):
        # Cheap pre-test, inline as it sees every token: the word (or its stem) ends like one of
        # the last names (every form first_forms gives ends like one of the two).
        if not seg[0] or (seg[0][-2:] not in ends and seg[3][-2:] not in ends):
            continue
        if cover[i] is not None:
            continue
        for form, strip in first_forms(seg):
            if form in last and (strip or not hamza_split(tokens[i])):
                out.append(
                    Cand(
                        i,
                        i + 1,
                        letter_offset(tokens[i], strip),
                        tokens[i].end,
                        "PER",
                        how="partial",
                    )
                )
                break
    return out
