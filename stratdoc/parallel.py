"""Worker processes for batches: they read and extract, the caller's process alone writes.

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
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

IN_FLIGHT_PER_WORKER = 2  # documents per worker that may wait for the writer


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


@contextmanager
def worker_pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of `jobs` workers that start with this process's models and their share of the cores."""
    _warm()  # workers forked after this start with the models
    gc.freeze()  # and without copying the heap: a collection in a child would touch every page
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_warm,
                                 initargs=(max(1, default_jobs() // jobs),)) as pool:
            yield pool
    finally:
        gc.unfreeze()
