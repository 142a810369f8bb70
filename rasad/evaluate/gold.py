"""Whole-article scoring against reference annotations (``shared/spec/GOLD.md``).

Layers: cleaning, mentions (coarse and fine types), actors, actor_country, events,
events_country, quotes, quote_via, dates, date_values. Counts are summed over articles
(micro average), as the reference scorer does.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

LAYERS = (
    "cleaning",
    "mentions",
    "mentions_fine",
    "actors",
    "actor_country",
    "events",
    "events_country",
    "quotes",
    "quote_via",
    "dates",
    "date_values",
)
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_EDGES = re.compile(r"^[\s\"'«»“”„‘’()\[\]{}،,.:;!?؟-]+|[\s\"'«»“”„‘’()\[\]{}،,.:;!?؟-]+$")
_WORD = re.compile(r"[\w\u0600-\u06ff]+")
_COARSE = {"MEDIA": "ORG", "GPE": "LOC"}
_SYMMETRIC_ROOTS = {"03", "04", "05", "06"}  # cooperation roots: either side may be the source


def light(s: str | None) -> str:
    """Light normalization of GOLD.md: NFKC, diacritics, tatweel, alef forms, case, edges."""
    s = unicodedata.normalize("NFKC", s or "").replace("\u00a0", " ")
    s = _MARKS.sub("", s)
    for a in "أإآٱ":
        s = s.replace(a, "ا")
    return re.sub(r"\s+", " ", _EDGES.sub("", s.lower()))


def name_forms(s: str | None) -> set[str]:
    """A name and its ال form when written after ل (للأمم / لأمم → الأمم)."""
    n = light(s)
    if n.startswith("لل"):
        return {n, "ال" + n[2:]}
    return {n, "ا" + n} if n.startswith("ل") else {n}


def coarse(kind: str | None) -> str | None:
    """MEDIA counts as ORG and GPE as LOC for the coarse layers."""
    return _COARSE.get(kind, kind)


@dataclass
class Tally:
    """True/false positives and negatives of one layer, with what was missed and wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def hit(self, ok: bool, miss_is_fn: bool = False, note: str = "") -> None:
        """Count one judgement: ok is a true positive, else a false positive (or negative)."""
        if ok:
            self.tp += 1
        elif miss_is_fn:
            self.fn += 1
            self.missed.append(note)
        else:
            self.fp += 1
            self.wrong.append(note)

    def merge(self, other: Tally) -> None:
        """Add another tally's counts."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.missed += other.missed
        self.wrong += other.wrong

    def scores(self) -> dict[str, float | int]:
        """Precision, recall, F1 and the counts."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(f, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _mention_texts(pred: dict[str, Any]) -> dict[str, set[str]]:
    texts: dict[str, set[str]] = {}
    for m in pred.get("mentions", []):
        if m.get("actor"):
            texts.setdefault(m["actor"], set()).update(name_forms(m.get("text")))
    return texts


def link_actors(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, str]:
    """One-to-one map of system actor ids to gold keys, most shared surfaces first."""
    surfaces = {
        k: set().union(*(name_forms(s) for s in a["surfaces"])) for k, a in gold["actors"].items()
    }
    texts = _mention_texts(pred)
    pairs = []
    for a in pred.get("actors", []):
        own = texts.get(a["id"], set()) | name_forms(a.get("name_ar"))
        for key, g in gold["actors"].items():
            shared = len(own & surfaces[key]) if coarse(a.get("type")) == coarse(g["type"]) else 0
            if shared:
                pairs.append((-shared, a["id"], key))
    mapping: dict[str, str] = {}
    for _, aid, key in sorted(pairs):
        if aid not in mapping and key not in mapping.values():
            mapping[aid] = key
    return mapping


def score_cleaning(gold: dict[str, Any], pred: dict[str, Any]) -> Tally:
    """Furniture that must be gone and article text that must stay."""
    t, text = Tally(), light(pred.get("text"))
    for s in gold.get("cleaning", {}).get("drop", []):
        t.hit(light(s) not in text, note=f"kept furniture: {s}")
    for s in gold.get("cleaning", {}).get("keep", []):
        t.hit(light(s) in text, miss_is_fn=True, note=f"lost text: {s}")
    return t


def score_mentions(gold: dict[str, Any], pred: dict[str, Any], fine: bool) -> Tally:
    """Mention counts per gold actor, matched by surface form and type."""
    kind = (lambda k: k) if fine else coarse
    wanted = {
        (f, kind(gold["actors"][key]["type"])): key
        for key, _ in gold["mentions"]
        for s in gold["actors"][key]["surfaces"]
        for f in name_forms(s)
    }
    need = dict((key, n) for key, n in gold["mentions"])
    got = dict.fromkeys(need, 0)
    optional = {(f, kind(k)) for s, k in gold.get("optional_mentions", []) for f in name_forms(s)}
    t = Tally()
    for m in pred.get("mentions", []):
        sigs = [(f, kind(m.get("type"))) for f in name_forms(m.get("text"))]
        key = next(
            (wanted[s] for s in sigs if s in wanted and got[wanted[s]] < need[wanted[s]]), None
        )
        if key:
            got[key] += 1
            t.tp += 1
        elif not any(s in optional for s in sigs):
            t.hit(False, note=f"{m.get('text')} [{m.get('type')}]")
    for key, n in need.items():
        t.fn += n - got[key]
        if n > got[key]:
            t.missed.append(f"{gold['actors'][key]['surfaces'][0]} x{n - got[key]}")
    return t


def score_actors(
    gold: dict[str, Any], pred: dict[str, Any], mapping: dict[str, str]
) -> tuple[Tally, Tally]:
    """Distinct actors found, and whether their country is right."""
    mentioned = {key for key, _ in gold["mentions"]}
    optional = {f for s, _ in gold.get("optional_mentions", []) for f in name_forms(s)}
    texts = _mention_texts(pred)
    found, country = Tally(), Tally()
    for a in pred.get("actors", []):
        key = mapping.get(a["id"])
        if key in mentioned:
            found.tp += 1
            want = gold["actors"][key].get("country")
            if want:
                country.hit(a.get("country") == want, note=f"{key}: {a.get('country')} != {want}")
        elif not texts.get(a["id"], set()) & optional:
            found.hit(False, note=f"{a.get('name')} [{a.get('type')}]")
    for key in sorted(mentioned - set(mapping.values())):
        found.hit(False, miss_is_fn=True, note=f"{gold['actors'][key]['name']}")
    return found, country


def score_quotes(
    gold: dict[str, Any], pred: dict[str, Any], mapping: dict[str, str]
) -> tuple[Tally, Tally]:
    """Direct quotes matched by speaker and word overlap, and the outlet they went through."""
    quotes, via = Tally(), Tally()
    pending = list(gold.get("quotes", []))
    for q in pred.get("quotes", []):
        if q.get("kind") == "indirect":
            continue
        speaker = mapping.get(q.get("speaker"))
        match = next(
            (g for g in pending if g["speaker"] == speaker and _overlap(q.get("text"), g["text"])),
            None,
        )
        if match is not None:
            pending.remove(match)
            quotes.tp += 1
            if match.get("via"):
                via.hit(mapping.get(q.get("via")) == match["via"], note=f"via {q.get('via')}")
        elif not any(
            _overlap(q.get("text"), g["text"]) and g["speaker"] in (speaker, None)
            for g in gold.get("optional_quotes", [])
        ):
            quotes.hit(False, note=f"{q.get('speaker')}: {(q.get('text') or '')[:40]}")
    for g in pending:
        quotes.hit(False, miss_is_fn=True, note=f"{g['speaker']}: {g['text'][:40]}")
    return quotes, via


def _overlap(a: str | None, b: str | None) -> bool:
    ta, tb = set(_WORD.findall(light(a))), set(_WORD.findall(light(b)))
    return bool(ta and tb) and len(ta & tb) >= 0.5 * min(len(ta), len(tb))


def score_dates(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[Tally, Tally]:
    """Date spans found (overlap) and their values."""
    found, value = Tally(), Tally()
    optional = [light(s) for s in gold.get("optional_dates", [])]
    pending = list(gold.get("dates", []))
    for d in pred.get("dates", []):
        t = light(d.get("text"))
        match = next(
            (g for g in pending if t and (t in light(g["text"]) or light(g["text"]) in t)), None
        )
        if match is not None:
            pending.remove(match)
            found.tp += 1
            got = str(d.get("value", ""))
            value.hit(got == match["value"], note=f"{match['text']}: {got} != {match['value']}")
        elif not any(t and (o in t or t in o) for o in optional):
            found.hit(False, note=d.get("text", ""))
    for g in pending:
        found.hit(False, miss_is_fn=True, note=g["text"])
    return found, value


def score_article(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Tally]:
    """Every layer's tally for one article."""
    from rasad.evaluate.gold_events import score_events

    mapping = link_actors(gold, pred)
    actors, actor_country = score_actors(gold, pred, mapping)
    quotes, via = score_quotes(gold, pred, mapping)
    dates, values = score_dates(gold, pred)
    return {
        "cleaning": score_cleaning(gold, pred),
        "mentions": score_mentions(gold, pred, fine=False),
        "mentions_fine": score_mentions(gold, pred, fine=True),
        "actors": actors,
        "actor_country": actor_country,
        "events": score_events(gold, pred, mapping, by_country=False),
        "events_country": score_events(gold, pred, mapping, by_country=True),
        "quotes": quotes,
        "quote_via": via,
        "dates": dates,
        "date_values": values,
    }


def score_many(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Tally]:
    """Summed tallies over (gold, prediction) pairs."""
    total = {layer: Tally() for layer in LAYERS}
    for gold, pred in pairs:
        for layer, tally in score_article(gold, pred).items():
            total[layer].merge(tally)
    return total
