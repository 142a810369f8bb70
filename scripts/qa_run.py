"""QA run: the whole pipeline over random ANT and SaudiNewsNet articles, invariants checked.

Streams ../shared/data/news/{ant-2018,saudinewsnet-2015}.jsonl.gz (ANT Corpus v2.1, Apache-2.0;
SaudiNewsNet, CC BY-NC-SA 4.0, research use), draws a seeded random sample of each, runs every
pipeline stage in this one process (timing each stage, as ``pipeline.run`` does), and checks
every record with ``tests/test_invariants.py:violations`` plus a few soft checks.
Prints violation counts with examples and per-stage throughput; ``--json`` writes all findings.
Usage: ``python scripts/qa_run.py [--n 2000] [--seed 20260301] [--json /tmp/qa.json]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
CORPORA = {"ant": "ant-2018.jsonl.gz", "snn": "saudinewsnet-2015.jsonl.gz"}
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_invariants import violations  # noqa: E402

from rasad import pipeline  # noqa: E402
from rasad.batch.parallel import analyze_one  # noqa: E402
from rasad.ingest.records import InputError, article_from_record, record_from_dict  # noqa: E402
from rasad.model import Article, text_id  # noqa: E402


def sample_lines(path: Path, n: int, seed: int) -> Iterator[tuple[int, str]]:
    """A seeded random sample of ``n`` lines of a .jsonl.gz file (streamed twice), in order."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        total = sum(1 for _ in fh)
    wanted = set(random.Random(seed).sample(range(total), min(n, total)))
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i in wanted:
                yield i, line


def doc_name(corpus: str, lineno: int, raw: dict[str, Any]) -> str:
    """A readable name for an article: ANT docno, else corpus and line number."""
    return str(raw.get("docno") or f"{corpus}:{lineno + 1}")


class Timer:
    """Seconds spent in each stage and the number of articles each stage saw."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.count: Counter[str] = Counter()
        self.slowest: list[tuple[float, str, str]] = []  # (seconds, doc, slowest stage)

    def note(self, doc: str, chars: int, before: Counter[str]) -> None:
        """Keep the five slowest articles (seconds, slowest stage) for the report."""
        spent = self.seconds - before
        if spent:
            stage, secs = spent.most_common(1)[0]
            total = sum(spent.values())
            self.slowest.append((total, f"{doc} ({chars} chars)", f"{stage} {secs:.2f} s"))
            self.slowest = sorted(self.slowest, reverse=True)[:5]

    def run(self, article: Article) -> Article:
        """Run every stage over an article like ``pipeline.run``, timing each one."""
        for stage in pipeline.resolve(None):
            t0 = time.perf_counter()
            try:
                article = stage.load()(article)
            except Exception as err:
                raise StageError(stage.name, err) from err
            finally:
                self.seconds[stage.name] += time.perf_counter() - t0
                self.count[stage.name] += 1
        article.cache.clear()
        return article


class StageError(Exception):
    """A stage raised: which stage, and the original exception."""

    def __init__(self, stage: str, err: Exception) -> None:
        super().__init__(f"{stage}: {type(err).__name__}: {err}")
        self.stage = stage


def analyze_timed(raw: dict[str, Any], where: str, timer: Timer) -> Article | InputError:
    """One article through the pipeline; failures become InputErrors as in ``analyze_one``."""
    try:
        return timer.run(article_from_record(record_from_dict(raw, where)))
    except InputError as err:
        return err
    except StageError as err:
        return InputError("analysis_failed", str(err), where)


def soft_checks(rec: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Signs of likely bugs that the contract does not strictly forbid."""
    for check in (_soft_edges, _soft_events, _soft_actors, _soft_dates, _soft_text):
        yield from check(rec)
    yield from _overlaps(rec["mentions"], "soft_mention_overlap")


def _soft_edges(rec: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for name in ("mentions", "quotes", "dates"):
        for x in rec[name]:
            t = x["text"]
            if t != t.strip():
                yield f"soft_{name[:-1]}_edge_space", repr(t)
            direct = name != "quotes" or x.get("kind") == "direct"
            if direct and (t[:1] in QUOTE_MARKS or t[-1:] in QUOTE_MARKS):
                yield f"soft_{name[:-1]}_edge_quote_mark", repr(t)


def _soft_events(rec: dict[str, Any]) -> Iterator[tuple[str, str]]:
    sents, dates = rec["sentences"], {d["id"]: d for d in rec["dates"]}
    for ev in rec["events"]:
        i, trig = ev.get("sentence"), ev.get("trigger") or {}
        if i is None or not 0 <= i < len(sents):
            yield "soft_event_sentence_index", f"{ev['id']} sentence={i} of {len(sents)}"
        elif trig and not sents[i][0] <= trig["start"] < trig["end"] <= sents[i][1]:
            yield "soft_trigger_outside_sentence", f"{ev['id']} {trig['text']!r} sent={sents[i]}"
        if set(ev["source"]) & set(ev["target"]):
            yield "soft_event_self_dyad", f"{ev['id']} {ev['code']} {ev['source']}->{ev['target']}"
        d = ev.get("date") or {}
        if d.get("from") in dates and dates[d["from"]]["value"] != d.get("value"):
            yield "soft_event_date_differs", f"{ev['id']} {d} vs {dates[d['from']]['value']}"


def _soft_actors(rec: dict[str, Any]) -> Iterator[tuple[str, str]]:
    types = {a["id"]: a["type"] for a in rec["actors"]}
    used = {m["actor"] for m in rec["mentions"]}
    used |= {q[r] for q in rec["quotes"] for r in ("speaker", "via")}
    used |= {x for ev in rec["events"] for r in ("source", "target") for x in ev[r]}
    used |= {x for ev in rec["events"] for x in ev["reported_by"]}
    for a in rec["actors"]:
        if a["id"] not in used:
            yield "soft_actor_unreferenced", f"{a['id']} {a['name']!r}"
    for m in rec["mentions"]:
        if types.get(m["actor"], m["type"]) != m["type"]:
            yield "soft_mention_type_differs", f"{m['text']!r} {m['type']} vs {types[m['actor']]}"


def _soft_dates(rec: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for d in rec["dates"]:
        years = [int(y) for y in re.findall(r"(?<![\dW])\d{4}", str(d["value"] or ""))]
        if any(not 1800 <= y <= 2100 for y in years):
            yield "soft_date_implausible_year", f"{d['text']!r} -> {d['value']}"
        if d["precision"] == "range" and len(years) == 2 and years[0] > years[1]:
            yield "soft_date_range_reversed", f"{d['text']!r} -> {d['value']}"


def _soft_text(rec: dict[str, Any]) -> Iterator[tuple[str, str]]:
    text, sents = rec["text"], rec["sentences"]
    if rec["id"] != text_id(text):
        yield "soft_id_not_hash_of_text", f"{rec['id']} vs {text_id(text)}"
    covered = "".join(text[s:e] for s, e in sents)
    if len("".join(covered.split())) < len("".join(text.split())):
        yield "soft_text_outside_sentences", f"{len(text)} chars, sentences cover {len(covered)}"
    for s, e in sents:
        if text[s:e] != text[s:e].strip():
            yield "soft_sentence_edge_space", repr(text[s:e][:40])
        if "\n\n" in text[s:e]:
            yield "soft_sentence_crosses_paragraph", repr(text[s:e][:80])


QUOTE_MARKS = set("\"'«»“”‘’„‹›")


def _overlaps(spans: list[dict[str, Any]], kind: str) -> Iterator[tuple[str, str]]:
    prev = None
    for x in sorted(spans, key=lambda x: (x["start"], x["end"])):
        if prev and x["start"] < prev["end"]:
            a, b = (f"{y['text']!r}[{y['start']},{y['end']}]" for y in (prev, x))
            yield kind, f"{a} / {b}"
        prev = x if not prev or x["end"] > prev["end"] else prev


class Findings:
    """Violation counts (articles per kind), examples, and errors, per corpus."""

    def __init__(self, n_examples: int) -> None:
        self.n_examples = n_examples
        self.counts: Counter[str] = Counter()  # occurrences
        self.articles: Counter[str] = Counter()  # articles with at least one
        self.examples: dict[str, list[str]] = defaultdict(list)
        self.totals: Counter[str] = Counter()

    def add(self, doc: str, found: list[tuple[str, str]]) -> None:
        """Record the violations found in one article."""
        for kind in {k for k, _ in found}:
            self.articles[kind] += 1
        for kind, detail in found:
            self.counts[kind] += 1
            if len(self.examples[kind]) < self.n_examples and not any(
                e.startswith(doc + ":") for e in self.examples[kind]
            ):
                self.examples[kind].append(f"{doc}: {detail}")


def check_article(result: Article | InputError, doc: str, findings: Findings) -> None:
    """Check one pipeline result and add what is wrong to the findings."""
    if isinstance(result, InputError):
        findings.totals[f"error:{result.kind}"] += 1
        findings.add(doc, [(f"error_{result.kind}", result.message[:300])])
        return
    rec = result.to_dict()
    findings.totals["articles"] += 1
    for name in ("sentences", "mentions", "actors", "events", "quotes", "dates"):
        findings.totals[name] += len(rec[name])
    findings.add(doc, violations(rec))
    findings.add(doc, list(soft_checks(rec)))


def run_corpus(corpus: str, args: argparse.Namespace, timer: Timer, findings: Findings) -> int:
    """Analyze and check the sample of one corpus; returns the number of articles read."""
    n = 0
    for lineno, line in sample_lines(NEWS / CORPORA[corpus], args.n, args.seed):
        raw = json.loads(line)
        doc = doc_name(corpus, lineno, raw)
        before = timer.seconds.copy()
        result = analyze_timed(raw, doc, timer)
        timer.note(doc, len(raw.get("text") or raw.get("content") or ""), before)
        if n < args.same:  # the timed path must give what the public batch path gives
            same = analyze_one(record_from_dict(raw, doc))
            if isinstance(result, Article) and same.to_dict() != result.to_dict():
                findings.add(doc, [("timed_path_differs", "analyze_one gives another record")])
        check_article(result, doc, findings)
        n += 1
        if args.progress and n % args.progress == 0:
            print(f"  {corpus} {n} articles", file=sys.stderr, flush=True)
    return n


def print_findings(corpus: str, n: int, f: Findings) -> None:
    """A section of the report: totals, then each violation kind with examples."""
    totals = ", ".join(f"{k}={v}" for k, v in sorted(f.totals.items()))
    print(f"\n== {corpus}: {n} articles sampled; {totals}")
    if not f.counts:
        print("   no violations")
    for kind in sorted(f.counts, key=lambda k: (k.startswith("soft_"), -f.articles[k], k)):
        print(f"   {kind:<34} {f.counts[kind]:>6} in {f.articles[kind]:>5} articles")
        for ex in f.examples[kind]:
            print(f"       e.g. {ex[:240]}")


def print_timings(timer: Timer, wall: float, n: int) -> None:
    """Per-stage seconds and articles per second (one process)."""
    print(f"\n== stage throughput, one process ({n} articles, {wall:.0f} s wall)")
    print(f"   {'stage':<12}{'seconds':>9}{'articles/s':>12}{'share':>8}")
    total = sum(timer.seconds.values()) or 1e-9
    for stage in pipeline.stage_names():
        s, c = timer.seconds[stage], timer.count[stage]
        print(f"   {stage:<12}{s:>9.1f}{c / s if s else 0:>12.1f}{s / total:>8.0%}")
    print(f"   {'pipeline':<12}{total:>9.1f}{n / total:>12.1f}{1:>8.0%}")
    print("   slowest articles:")
    for secs, doc, stage in timer.slowest:
        print(f"     {secs:6.2f} s  {doc}  (most in {stage})")


def main(argv: list[str] | None = None) -> int:
    """Run the QA pass and print the report."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles per corpus (default 2000)")
    ap.add_argument("--seed", type=int, default=20260301, help="sampling seed")
    ap.add_argument("--examples", type=int, default=3, help="examples per violation kind")
    ap.add_argument("--same", type=int, default=10, help="articles re-run via analyze_one")
    ap.add_argument("--progress", type=int, default=500, help="progress every N (0: quiet)")
    ap.add_argument("--json", help="write counts and examples as JSON here")
    args = ap.parse_args(argv)
    if not NEWS.is_dir():
        print("../shared/data/news is not available; nothing to do")
        return 0
    # Warm every stage (imports, lexicons, models) so that load time is not counted.
    analyze_one({"text": "قال الرئيس المصري في القاهرة يوم الاثنين 3 يناير 2021 إن مصر تدعم الحل."})
    timer, report, t0, total = Timer(), {}, time.perf_counter(), 0
    for corpus in CORPORA:
        findings = Findings(args.examples)
        n = run_corpus(corpus, args, timer, findings)
        total += n
        print_findings(corpus, n, findings)
        report[corpus] = {"n": n, "totals": findings.totals, "counts": findings.counts}
        report[corpus] |= {"articles": findings.articles, "examples": findings.examples}
    print_timings(timer, time.perf_counter() - t0, total)
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
