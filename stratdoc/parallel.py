"""Worker processes for batches: they read and extract, this process alone writes.

Reading a PDF and tagging its text take far longer than storing the records, so a batch is
spread over a process pool while one writer (the caller's process) stores each document in its
own transaction, in the order the files were given: the rows, their ids and the run's report are
the same as with one process. The pool starts by fork where the platform has it, so the NLP
models loaded before are shared with the workers; each worker loads them at most once.
At most two documents per worker wait for the writer, which bounds memory on long batches.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stratdoc.ingest.builder import sha256_hex

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from stratdoc.ingest.settings import ReadLimits
    from stratdoc.pipeline import FileResult, Processed

IN_FLIGHT_PER_WORKER = 2


def default_jobs() -> int:
    """The cores this process may run on (a container's limit, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


_limits: list[object] = []  # the worker's BLAS thread limit, kept for the worker's life


def _warm(threads: int | None = None) -> None:
    """Load the models once in each worker (a no-op after fork from a process that has them).

    In a worker, NER's matrix products get `threads` BLAS threads: OpenBLAS starts one per core in
    every process, and N workers with a core's worth of threads each ran each document about
    three times slower than one process did."""
    from stratdoc.extract.nlp import shared

    if threads is not None:
        from threadpoolctl import threadpool_limits

        _limits.append(threadpool_limits(limits=threads))
    shared()


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def ingest_in_pool(engine: Engine, paths: list[Path], *, run_id: int, force: bool, limits: ReadLimits,
                   jobs: int, missing: Callable[[Path], FileResult | None],
                   read: Callable[[Path], bytes | FileResult],
                   skip: Callable[[Engine, Path, str, bool], FileResult | None],
                   process: Callable[..., Processed],
                   store: Callable[..., FileResult]) -> Iterator[FileResult]:
    """Results in the order of `paths`; a file whose bytes came earlier in the batch is judged
    when its turn comes, after the earlier one is stored, as a one-process run would judge it."""
    _warm()  # workers forked after this start with the models
    gc.freeze()  # and without copying the heap: a collection in a child would touch every page
    try:
        yield from _drain(engine, paths, run_id=run_id, force=force, limits=limits, jobs=jobs,
                          missing=missing, read=read, skip=skip, process=process, store=store)
    finally:
        gc.unfreeze()


def _drain(engine: Engine, paths: list[Path], *, run_id: int, force: bool, limits: ReadLimits, jobs: int,
           missing: Callable[[Path], FileResult | None], read: Callable[[Path], bytes | FileResult],
           skip: Callable[[Engine, Path, str, bool], FileResult | None], process: Callable[..., Processed],
           store: Callable[..., FileResult]) -> Iterator[FileResult]:
    # What waits for the writer: a result already known, a worker's future, or a repeat to judge.
    pending: deque[tuple[Path, Any]] = deque()
    seen: set[str] = set()
    todo = iter(paths)
    threads = max(1, default_jobs() // jobs)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_warm,
                             initargs=(threads,)) as pool:

        def fill() -> None:
            while len(pending) < jobs * IN_FLIGHT_PER_WORKER:
                path = next(todo, None)
                if path is None:
                    return
                known = missing(path)
                data = known or read(path)
                if not isinstance(data, bytes):
                    pending.append((path, data))
                    continue
                doc_id = sha256_hex(data)
                if doc_id in seen:
                    pending.append((path, ("repeat", data)))
                    continue
                seen.add(doc_id)
                known = skip(engine, path, doc_id, force)
                pending.append((path, known or pool.submit(process, path, None, limits)))

        fill()
        while pending:
            path, item = pending.popleft()
            if isinstance(item, Future):
                try:
                    processed = item.result()
                except Exception as e:  # noqa: BLE001 - a worker that died fails its file only
                    yield _worker_failed(path, e)
                else:
                    yield store(engine, processed, run_id=run_id)
            elif isinstance(item, tuple):
                data = item[1]
                yield skip(engine, path, sha256_hex(data), force) or store(
                    engine, process(path, data, limits), run_id=run_id)
            else:
                yield item
            fill()


def _worker_failed(path: Path, e: BaseException) -> FileResult:
    from stratdoc.pipeline import FileResult

    reason = f"{type(e).__name__}: {e}".splitlines()[0][:300]
    return FileResult(path, "failed", stage="extract", message=f"{path.name}: worker failed: {reason}")
