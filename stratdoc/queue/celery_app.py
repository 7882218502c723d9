"""The Celery app both sides build from the same URLs: the broker the documents travel
through, the result backend their outcomes come back by, and (on workers) the database.

Settings that make a worker's death cost a retry and never a lost or doubled document:
tasks are acknowledged after they finish (`acks_late`), a task whose worker process died is
put back on the queue (`reject_on_worker_lost`), a worker reserves one message per process at
a time, and with Redis a message whose whole worker vanished comes back after
`visibility_timeout` seconds. Messages are JSON (document bytes in base64): a worker never
unpickles what a client sent.
"""

from __future__ import annotations

import os

from celery import Celery

TASK_NAME = "stratdoc.ingest_document"
DEFAULT_QUEUE = "stratdoc"
# With Redis, a message taken by a worker that then vanished (machine lost, SIGKILL) is given to
# another worker after this many seconds; it must exceed the longest document's processing time,
# or a slow document is started twice (harmless, the store keeps one copy, but wasted work).
DEFAULT_VISIBILITY_TIMEOUT = 3600
SOFT_TIME_LIMIT = 1800  # one document's processing; past it the document fails with a reason
HARD_TIME_LIMIT = SOFT_TIME_LIMIT + 120


def result_backend_for(broker: str, backend: str | None = None) -> str:
    """The result backend: the one given (or $STRATDOC_RESULT_BACKEND), else the broker itself
    when it is Redis (the attempt counters live there too). Other brokers need a Redis backend
    named explicitly."""
    backend = backend or os.environ.get("STRATDOC_RESULT_BACKEND")
    if backend:
        return backend
    if broker.startswith(("redis://", "rediss://", "redis+socket://")):
        return broker
    raise ValueError(f"broker {broker.split('@')[-1]}: not Redis, so give a Redis result backend "
                     "(--backend redis://host:6379/0 or STRATDOC_RESULT_BACKEND)")


def make_app(broker: str, backend: str | None = None, *, db: str | None = None,
             queue: str = DEFAULT_QUEUE, visibility_timeout: int = DEFAULT_VISIBILITY_TIMEOUT) -> Celery:
    """`db` is set on workers only: the client writes the run row itself and sends no URL."""
    from stratdoc.queue import tasks

    app = Celery("stratdoc", broker=broker, backend=result_backend_for(broker, backend),
                 set_as_current=False)
    app.conf.update(
        task_serializer="json", result_serializer="json", accept_content=["json"],
        task_default_queue=queue, task_acks_late=True, task_reject_on_worker_lost=True,
        task_acks_on_failure_or_timeout=True, task_track_started=True,
        task_soft_time_limit=SOFT_TIME_LIMIT, task_time_limit=HARD_TIME_LIMIT,
        worker_prefetch_multiplier=1, worker_hijack_root_logger=False,
        result_expires=7 * 24 * 3600, result_extended=False,
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": visibility_timeout,
                                  "unacked_restore_interval": max(1, min(10, visibility_timeout // 4)),
                                  "unacked_restore_throttle": 1},
        result_backend_transport_options={"visibility_timeout": visibility_timeout},
        stratdoc_db=db,
    )
    tasks.register(app)
    return app
