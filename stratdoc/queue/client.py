"""The sending side: documents into the queue, results back in the order they were given.

The client reads each file and sends its bytes (workers share no disk with it), keeps a
bounded number of messages in flight, and turns the results into the FileResults a local
run returns. A file whose bytes came earlier in the batch waits for the earlier one's result
and is judged as a local run judges it: skipped when those bytes were stored, tried on its own
when they failed (and with `force`, sent again). Error rows for what never reached a worker
(a missing file, a task that failed outright) are written here; workers write the rest.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from celery import Celery
from celery.result import AsyncResult
from sqlalchemy import Engine

from stratdoc.ingest.builder import sha256_hex
from stratdoc.ingest.settings import ReadLimits, resolve
from stratdoc.pipeline import (
    FileResult,
    IngestReport,
    _missing,
    _read_file,
    collect_paths,
    process_file,
    start_run,
)
from stratdoc.queue.celery_app import TASK_NAME
from stratdoc.queue.tasks import from_dict, record_error, run_started_at
from stratdoc.store import models, repository
from stratdoc.store.session import session_factory

MAX_IN_FLIGHT = 64  # messages sent and not yet answered
MAX_BYTES_IN_FLIGHT = 256 * 1024 * 1024  # their documents' bytes, which the broker holds meanwhile
POLL_SECONDS = 0.1

Reader = Callable[[int], bytes | FileResult]  # a file's bytes by its index, or why there are none


def read_path(path: Path) -> bytes | FileResult:
    return _missing(path) or _read_file(path)


@dataclass
class _Sent:
    index: int
    sha256: str
    size: int
    result: AsyncResult


def ingest_with_broker(paths: Iterable[str | Path], app: Celery, engine: Engine, *, force: bool = False,
                       on_file: Callable[[FileResult], None] | None = None) -> IngestReport:
    """`pipeline.ingest_paths` with the reading, extracting and storing done by the workers."""
    files = collect_paths(paths)
    run_id = start_run(engine, len(files))
    report = IngestReport(run_id=run_id)
    report.results = send_batch(app, engine, files, lambda i: read_path(files[i]), run_id=run_id, force=force,
                                on_result=lambda _i, result: on_file(result) if on_file else None)
    finish_run(engine, run_id, report.results)
    return report


def ingest_from_cli(paths: Iterable[str | Path], engine: Engine, broker: str, backend: str | None, queue: str,
                    *, force: bool, on_file: Callable[[FileResult], None],
                    note: Callable[[str], None]) -> IngestReport:
    """`ingest --broker`: a note when no worker answers; an unreachable broker or an unusable
    result backend as a ValueError with a one-line reason."""
    from kombu.exceptions import OperationalError

    from stratdoc.queue.celery_app import make_app

    where = safe_url(broker)
    try:
        app = make_app(broker, backend, queue=queue)
        if not app.control.ping(timeout=1.0):
            note(f"no worker answered on {where}; the documents wait in the queue until one starts "
                 "(stratdoc worker --broker URL --db URL)")
        return ingest_with_broker(paths, app, engine, force=force, on_file=on_file)
    except OperationalError as e:
        raise ValueError(f"cannot reach the broker {where}: {e}".splitlines()[0]) from e


def safe_url(url: str) -> str:
    """A URL without its password, for messages."""
    scheme, sep, rest = url.partition("://")
    return scheme + sep + rest.split("@")[-1] if sep else url


def finish_run(engine: Engine, run_id: int, results: Sequence[FileResult]) -> None:
    with session_factory(engine)() as session, session.begin():
        run = session.get(models.Run, run_id)
        run.finished_at = repository.utcnow()
        run.n_ingested = sum(r.outcome == "ingested" for r in results)
        run.n_skipped = sum(r.outcome == "skipped" for r in results)
        run.n_failed = sum(r.outcome == "failed" for r in results)


def send_batch(app: Celery, engine: Engine, files: Sequence[Path], read: Reader, *, run_id: int,
               force: bool = False, limits: ReadLimits | None = None,
               on_result: Callable[[int, FileResult], None] | None = None,
               on_sent: Callable[[int], None] | None = None) -> list[FileResult]:
    """Results for `files` (names that label the documents) in their order; `on_result` is
    called with a file's index and result as each arrives, `on_sent` when its message leaves."""
    limits = resolve(limits)
    results: list[FileResult | None] = [None] * len(files)
    sent: list[_Sent] = []
    first_of: dict[str, int] = {}  # sha256 → the index of the first file with those bytes
    repeats: dict[str, list[tuple[int, bytes]]] = {}  # waiting for that first file's result
    held = 0  # bytes of documents sent or waiting
    todo = 0
    started = run_started_at(engine, run_id)  # read back as workers will read it

    def done(index: int, result: FileResult, *, client_side: bool) -> None:
        if client_side and result.outcome == "failed":
            record_error(engine, run_id, result)
        results[index] = result
        if on_result:
            on_result(index, result)

    def send(index: int, data: bytes, sha256: str) -> None:
        nonlocal held
        message = app.send_task(TASK_NAME, args=(str(files[index]), base64.b64encode(data).decode("ascii"),
                                                 sha256, run_id, force, started))
        sent.append(_Sent(index, sha256, len(data), message))
        held += len(data)
        if on_sent:
            on_sent(index)

    def judge_repeat(index: int, data: bytes, sha256: str, first: FileResult) -> None:
        if first.outcome != "failed" and not force:
            done(index, FileResult(files[index], "skipped", doc_id=sha256, format=first.format,
                                   status=first.status, message="already ingested"), client_side=True)
        else:
            send(index, data, sha256)

    while todo < len(files) or sent or repeats:
        while todo < len(files) and len(sent) < MAX_IN_FLIGHT and (held < MAX_BYTES_IN_FLIGHT or not sent):
            index, path = todo, files[todo]
            todo += 1
            data = read(index)
            if isinstance(data, FileResult):
                done(index, data, client_side=True)
                continue
            if len(data) > limits.max_file_bytes:  # fails at once, as a local run fails it
                item = process_file(path, data, limits)
                done(index, item.failure or FileResult(path, "failed", stage="read"), client_side=True)
                continue
            sha256 = sha256_hex(data)
            if sha256 in first_of:
                first = results[first_of[sha256]]
                if first is None:
                    repeats.setdefault(sha256, []).append((index, data))
                    held += len(data)
                else:
                    judge_repeat(index, data, sha256, first)
                continue
            first_of[sha256] = index
            send(index, data, sha256)
        ready = [s for s in sent if s.result.ready()]
        if not ready:
            time.sleep(POLL_SECONDS)
            continue
        for s in ready:
            sent.remove(s)
            held -= s.size
            recorded = s.result.successful() and s.result.result.get("recorded", True)
            done(s.index, _result_of(files[s.index], s.result), client_side=not recorded)
            s.result.forget()
            if first_of.get(s.sha256) == s.index:
                for index, data in repeats.pop(s.sha256, []):
                    held -= len(data)
                    judge_repeat(index, data, s.sha256, results[s.index])  # type: ignore[arg-type]
    return [r for r in results if r is not None]


def _result_of(path: Path, message: AsyncResult) -> FileResult:
    if message.successful():
        return from_dict(path, message.result)
    e = message.result
    reason = f"{type(e).__name__}: {e}".splitlines()[0][:300] if isinstance(e, BaseException) else str(e)
    return FileResult(path, "failed", stage="extract", message=f"{path.name}: worker failed: {reason}")
