"""The one task: a document's bytes in, its stored rows and a FileResult (as a dict) out.

A message may be delivered more than once (its worker died before acknowledging it), so the
task is idempotent by the document's sha256: bytes this run already stored are reported as
ingested again without a second copy, bytes stored before are skipped, and a concurrent writer
that stored the same bytes first makes this one a skip, not an error. Deliveries are counted
per task in the result backend: a document whose worker died on it three times becomes an
error row instead of coming back for ever.
"""

from __future__ import annotations

import base64
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from stratdoc.errors import StratdocError
from stratdoc.ingest.builder import sha256_hex
from stratdoc.ingest.settings import ReadLimits
from stratdoc.pipeline import (
    FileResult,
    Processed,
    _already_stored,
    _reason,
    _record_counts,
    process_file,
    store_processed,
)
from stratdoc.store import models, repository
from stratdoc.store.session import open_engine, session_factory
from stratdoc.version import PIPELINE_VERSION

if TYPE_CHECKING:
    from celery import Celery, Task

MAX_ATTEMPTS = 3  # deaths of a worker on one document before it is given up as an error row
STORE_TRIES = 3  # a store that failed for a passing reason (a locked SQLite file) is tried again
ATTEMPTS_TTL = 7 * 24 * 3600
_engines: dict[tuple[int, str | None], Engine] = {}


def register(app: Celery) -> None:
    @app.task(name="stratdoc.ingest_document", bind=True, acks_late=True, reject_on_worker_lost=True,
              max_retries=MAX_ATTEMPTS)
    def ingest_document(self: Task, name: str, data_b64: str, sha256: str, run_id: int | None,
                        force: bool = False, run_started: str | None = None) -> dict[str, Any]:
        return execute(self, name, data_b64, sha256, run_id, force, run_started)


def engine_for(app: Celery) -> Engine:
    """One engine per worker process: connections must not cross a fork."""
    key = (os.getpid(), app.conf.stratdoc_db)
    if key not in _engines:
        _engines[key] = open_engine(app.conf.stratdoc_db, create=False)
    return _engines[key]


def attempt_key(task_id: str) -> str:
    return f"stratdoc:attempts:{task_id}"


def count_attempt(app: Celery, task_id: str | None) -> int:
    """This delivery's number for the task (1 on the first); 1 when the backend keeps no counters."""
    client = getattr(app.backend, "client", None)
    if client is None or not task_id:
        return 1
    key = attempt_key(task_id)
    n = int(client.incr(key))
    client.expire(key, ATTEMPTS_TTL)
    return n


def execute(task: Task, name: str, data_b64: str, sha256: str, run_id: int | None, force: bool,
            run_started: str | None = None) -> dict[str, Any]:
    """`run_started`: the client's run row's start time, which must match the worker's run row
    of that id, or the worker would store into a database that is not the client's."""
    path = Path(name)  # the client's name for the file, shown in messages; never opened here
    deliveries = count_attempt(task.app, task.request.id)
    deaths = deliveries - 1 - (task.request.retries or 0)
    try:
        engine = engine_for(task.app)
        if run_started is not None and not same_run(engine, run_id, run_started):
            # no error row here: the client writes it into its own database
            return as_dict(FileResult(path, "failed", doc_id=sha256, stage="store",
                                      message=f"{path.name}: the worker's database has no run {run_id} "
                                              f"started at {run_started}: the worker and the client use "
                                              "different databases (give both the same --db)"),
                           recorded=False)
        if deaths >= MAX_ATTEMPTS:
            result = FileResult(path, "failed", doc_id=sha256, stage="extract",
                                message=f"{path.name}: given up after {deaths} attempts: the worker "
                                        "processing it died each time")
        else:
            result = ingest_message(engine, path, base64.b64decode(data_b64), sha256, run_id=run_id,
                                    force=force)
        if result.outcome == "failed":
            record_error(engine, run_id, result)
    except (SQLAlchemyError, StratdocError) as e:  # the database, not the document: try again later
        if task.request.retries < MAX_ATTEMPTS:
            raise task.retry(exc=e, countdown=2 ** task.request.retries) from e
        raise
    return as_dict(result)


def ingest_message(engine: Engine, path: Path, data: bytes, sha256: str, *, run_id: int | None,
                   force: bool, limits: ReadLimits | None = None) -> FileResult:
    """`pipeline.ingest_bytes` made safe to repeat and to run beside other writers."""
    if sha256_hex(data) != sha256:
        return FileResult(path, "failed", stage="read",
                          message=f"{path.name}: bytes do not match their sha256 (damaged in transit)")
    if _stored_by_run(engine, sha256, run_id):  # a redelivery after the first delivery's commit
        return _ingested(process_file(path, data, limits, sha256))
    skipped = _already_stored(engine, path, sha256, force)
    if skipped is not None:
        return skipped
    processed = process_file(path, data, limits, sha256)
    result = store_processed(engine, processed, run_id=run_id)
    for tries in range(1, STORE_TRIES):
        if result.outcome != "failed" or result.stage != "store":
            break
        if _stored_by_run(engine, sha256, run_id):  # this message's other delivery stored them first
            return _ingested(processed)
        raced = _already_stored(engine, path, sha256, False)
        if raced is not None:  # another run's worker stored the same bytes between our check and insert
            return raced
        time.sleep(0.5 * tries)
        result = store_processed(engine, processed, run_id=run_id)
    return result


_known_runs: set[tuple[int, int | None, str]] = set()


def run_started_at(engine: Engine, run_id: int | None) -> str | None:
    with session_factory(engine)() as session:
        started = session.execute(select(models.Run.started_at).where(models.Run.id == run_id)).scalar()
    return None if started is None else started.isoformat()


def same_run(engine: Engine, run_id: int | None, started: str) -> bool:
    key = (os.getpid(), run_id, started)
    if key not in _known_runs and run_started_at(engine, run_id) == started:
        _known_runs.add(key)
    return key in _known_runs


def _stored_by_run(engine: Engine, doc_id: str, run_id: int | None) -> bool:
    if run_id is None:
        return False
    with session_factory(engine)() as session:
        row = session.execute(select(models.DocumentRow.run_id, models.DocumentRow.pipeline_version)
                              .where(models.DocumentRow.id == doc_id)).first()
    return row is not None and row.run_id == run_id and row.pipeline_version == PIPELINE_VERSION


def _ingested(item: Processed) -> FileResult:
    """The result the first delivery would have returned, rebuilt without storing again."""
    if item.failure is not None or item.doc is None or item.ext is None:
        return item.failure or FileResult(item.path, "failed", doc_id=item.doc_id, stage="extract",
                                          message=f"{item.path.name}: extract failed on redelivery")
    doc = item.doc
    return FileResult(item.path, "ingested", doc_id=item.doc_id, format=doc.format.value,
                      status=doc.status.value, message="; ".join(doc.warnings)[:200] if doc.warnings else "",
                      counts=_record_counts(item.ext))


def record_error(engine: Engine, run_id: int | None, result: FileResult) -> None:
    """The error row of a failed document, written once even when its message came twice."""
    row = dict(run_id=run_id, source=result.source, path=str(result.path), stage=result.stage or "read",
               reason=result.message)
    with session_factory(engine)() as session, session.begin():
        exists = session.execute(select(models.IngestError.id).filter_by(**row)).first()
        if exists is None:
            session.add(models.IngestError(**row, created_at=repository.utcnow()))


def as_dict(result: FileResult, *, recorded: bool = True) -> dict[str, Any]:
    """`recorded`: whether a failure's error row was written by the worker."""
    return {"path": str(result.path), "outcome": result.outcome, "doc_id": result.doc_id,
            "format": result.format, "status": result.status, "stage": result.stage,
            "message": result.message, "counts": result.counts, "recorded": recorded}


def from_dict(path: Path, value: dict[str, Any]) -> FileResult:
    """A worker's result under the client's own path for the file."""
    return FileResult(path, value["outcome"], doc_id=value.get("doc_id"), format=value.get("format"),
                      status=value.get("status"), stage=value.get("stage"),
                      message=value.get("message") or "", counts=dict(value.get("counts") or {}))


def failed(path: Path, stage: str, e: BaseException | str) -> FileResult:
    reason = e if isinstance(e, str) else _reason(e)
    return FileResult(path, "failed", stage=stage, message=f"{path.name}: {reason}")
