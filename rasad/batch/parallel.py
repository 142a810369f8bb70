"""Ordered parallel analysis over worker processes (not threads: the stages are pure Python)."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any

from rasad.ingest.records import InputError, Record
from rasad.model import Article

_STATE: dict[str, Any] = {}


def _init(stages: list[str] | None, defaults: dict[str, Any] | None) -> None:
    _STATE["stages"] = stages
    _STATE["defaults"] = defaults
    from rasad import pipeline

    for stage in pipeline.resolve(stages):  # warm lexicons once per worker, not per record
        stage.load()


def analyze_one(
    item: Record | dict[str, Any] | InputError, stages=None, defaults=None
) -> Article | InputError:
    """Analyze one item; input and analysis failures come back as an InputError."""
    from rasad.api import analyze_record

    if isinstance(item, InputError):
        return item
    try:
        return analyze_record(item, stages, defaults)
    except InputError as err:
        return err
    except Exception as err:  # a stage bug must not sink the batch: report it in place
        where = getattr(item, "where", None)
        return InputError("analysis_failed", f"{type(err).__name__}: {err}", where)


def _work(item: Any) -> dict[str, Any]:
    result = analyze_one(item, _STATE.get("stages"), _STATE.get("defaults"))
    return result.to_dict()


def run_ordered(
    records: Iterable[Any],
    workers: int = 1,
    stages: Iterable[str] | None = None,
    defaults: dict[str, Any] | None = None,
) -> Iterator[Article | InputError]:
    """Yield results in input order, with ``workers`` processes (1: in this process)."""
    stages = None if stages is None else list(stages)
    if workers <= 1:
        for item in records:
            yield analyze_one(item, stages, defaults)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    # An executor, not mp.Pool: a worker that dies raises BrokenProcessPool instead of hanging.
    with ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_init, initargs=(stages, defaults)
    ) as pool:
        # Feed in bounded chunks so a 100 MB input streams with bounded memory.
        it = iter(records)
        while chunk := list(islice(it, 256 * workers)):
            for d in pool.map(_work, chunk, chunksize=8):
                yield _from_dict(d)


def _from_dict(d: dict[str, Any]) -> Article | InputError:
    if "error" in d:
        e = d["error"]
        return InputError(e["kind"], e["message"], e["where"])
    return Article.from_dict(d)
