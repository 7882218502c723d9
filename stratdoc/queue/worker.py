"""`stratdoc worker`: a Celery worker whose processes start with the models loaded.

The models are loaded in the worker's main process before its pool forks, so each process
starts with them (as `parallel.worker_pool` does) and a replacement for a process that died
starts warm too. Each process gets its share of the cores for BLAS threads and its own
database engine.
"""

from __future__ import annotations

import gc
import os
from typing import Any

from stratdoc.parallel import _warm, default_jobs
from stratdoc.queue.celery_app import DEFAULT_QUEUE, DEFAULT_VISIBILITY_TIMEOUT, make_app
from stratdoc.store.session import open_engine


def run_worker(broker: str, db: str | None, *, backend: str | None = None, concurrency: int = 1,
               queue: str = DEFAULT_QUEUE, visibility_timeout: int = DEFAULT_VISIBILITY_TIMEOUT,
               hostname: str | None = None, loglevel: str = "INFO", threads: int | None = None) -> None:
    """Serve the queue until stopped (SIGTERM: finish the current documents, then exit).
    `threads`: BLAS threads per process, default this machine's cores over `concurrency` (give
    fewer when other workers share the machine)."""
    from celery.signals import worker_process_init

    engine = open_engine(db)  # fails fast on a bad URL, and creates the tables once, here
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()
    app = make_app(broker, backend, db=url, queue=queue, visibility_timeout=visibility_timeout)
    threads = threads or max(1, default_jobs() // max(1, concurrency))

    def init_process(**_: Any) -> None:
        _warm(threads)

    worker_process_init.connect(init_process, weak=False)
    from stratdoc.extract.nlp import shared

    shared().load_all()
    gc.freeze()  # forked processes share the models' pages instead of copying them on collection
    app.worker_main(["worker", f"--concurrency={max(1, concurrency)}", "--pool=prefork", f"--queues={queue}",
                     f"--hostname={hostname or f'stratdoc-{os.getpid()}@%h'}", f"--loglevel={loglevel}",
                     "--without-gossip", "--without-mingle"])
