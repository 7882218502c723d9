"""Uploads: spooling the bytes of a multipart request under generated names, and one worker
thread that runs them through the pipeline as `ingest` would.

The worker is the only writer the app has; with a broker configured it sends the bytes to
Celery workers (`stratdoc worker`) and only tracks their results. A client's file name is kept
only as the document's `source` (its last component, control characters removed); it never
becomes part of a path on this machine.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import tempfile
import threading
import time
import unicodedata
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import Engine
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from stratdoc.pipeline import FileResult, ingest_bytes, start_run
from stratdoc.store import models, repository
from stratdoc.store.session import session_factory

if TYPE_CHECKING:
    from celery import Celery

Status = Literal["queued", "running", "ingested", "skipped", "failed"]
MAX_FILES_PER_REQUEST = 20
KEPT_STATUSES = 10_000  # finished uploads remembered for polling; the oldest are forgotten first
FILE_FIELD = "files"
_CHUNK = 1 << 16


class UploadRejected(Exception):
    """The request cannot be taken: an HTTP status and a one-line reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def safe_name(client_name: str | None) -> str:
    """The name a document is stored under: the last component of what the client sent, with
    control characters dropped and its length bounded; `upload` when nothing is left."""
    name = re.split(r"[\\/]", client_name or "")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if name in ("", ".", ".."):
        return "upload"
    return name[:255]


@dataclass
class Upload:
    id: str
    name: str
    status: Status = "queued"
    message: str = ""
    line: str = ""
    doc_id: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"id": self.id, "name": self.name, "status": self.status, "message": self.message,
                "line": self.line, "doc_id": self.doc_id}


@dataclass
class _Batch:
    items: list[tuple[Upload, Path]] = field(default_factory=list)


async def _limited(request: Request, limit: int) -> AsyncIterator[bytes]:
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > limit:
            raise UploadRejected(413, f"request body is over the {limit:,}-byte upload limit")
        yield chunk


class UploadQueue:
    """Spools uploads and ingests them one batch (one request) after another, as one run each."""

    def __init__(self, engine: Engine, max_upload_bytes: int, spool_dir: Path | None = None,
                 broker: str | None = None, broker_queue: str = "stratdoc") -> None:
        """`broker`: a Celery broker URL; uploads then go to the workers on `broker_queue` there
        (`stratdoc worker` on the same database) instead of being processed in this process."""
        self.engine = engine
        self.broker = broker or None
        self.broker_queue = broker_queue
        if self.broker:
            from stratdoc.queue.celery_app import result_backend_for

            result_backend_for(self.broker)  # a broker without a usable result backend: refused now
        self._celery: Celery | None = None
        self.max_upload_bytes = max_upload_bytes
        self._own_spool = spool_dir is None
        self.spool_dir = Path(spool_dir or tempfile.mkdtemp(prefix="stratdoc-uploads-"))
        self._uploads: dict[str, Upload] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[_Batch | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    # --- the request side ---------------------------------------------------------------

    async def accept(self, request: Request) -> list[Upload]:
        """Parse a multipart request into spooled files and queue them; raises UploadRejected."""
        length = request.headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                raise UploadRejected(400, "bad Content-Length header")
            if int(length) > self.max_upload_bytes:
                raise UploadRejected(413, f"request body of {int(length):,} bytes is over the "
                                          f"{self.max_upload_bytes:,}-byte upload limit")
        if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
            raise UploadRejected(415, f"send the files as multipart/form-data, in parts named «{FILE_FIELD}»")
        parser = MultiPartParser(request.headers, _limited(request, self.max_upload_bytes),
                                 max_files=MAX_FILES_PER_REQUEST, max_fields=100)
        try:
            form = await parser.parse()
        except MultiPartException as e:
            raise UploadRejected(400, f"bad multipart body: {e.message}") from e
        try:
            files = [v for k, v in form.multi_items() if k == FILE_FIELD and isinstance(v, UploadFile)]
            if not files:
                raise UploadRejected(400, f"no files: send one or more parts named «{FILE_FIELD}»")
            batch = _Batch([(Upload(uuid.uuid4().hex, safe_name(f.filename)), self._spool(f))
                            for f in files])
        finally:
            await form.close()
        with self._lock:
            for up, _path in batch.items:
                self._uploads[up.id] = up
            self._forget_oldest()
        self._start()
        self._queue.put(batch)
        return [up for up, _path in batch.items]

    def _spool(self, upload: UploadFile) -> Path:
        self.spool_dir.mkdir(parents=True, exist_ok=True)  # gone if the app was shut down and reused
        fd, name = tempfile.mkstemp(prefix="upload-", suffix=".bin", dir=self.spool_dir)
        with os.fdopen(fd, "wb") as out:
            upload.file.seek(0)
            shutil.copyfileobj(upload.file, out, _CHUNK)
        return Path(name)

    def _forget_oldest(self) -> None:
        """Keep the status table bounded (called under the lock; dicts keep insertion order)."""
        excess = len(self._uploads) - KEPT_STATUSES
        for key in [k for k, u in self._uploads.items() if u.status not in ("queued", "running")][:excess]:
            del self._uploads[key]

    def get(self, upload_id: str) -> Upload | None:
        with self._lock:
            return self._uploads.get(upload_id)

    # --- the worker side ----------------------------------------------------------------

    def _start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="stratdoc-uploads", daemon=True)
                self._thread.start()

    def _set(self, up: Upload, **changes: object) -> None:
        with self._lock:
            for k, v in changes.items():
                setattr(up, k, v)

    def _work(self) -> None:
        while (batch := self._queue.get()) is not None:
            try:
                self._run(batch)
            except Exception as e:  # noqa: BLE001 - the worker outlives a batch that broke
                for up, path in batch.items:
                    path.unlink(missing_ok=True)
                    if up.status in ("queued", "running"):
                        msg = f"{up.name}: store failed: {type(e).__name__}: {e}".splitlines()[0][:300]
                        self._set(up, status="failed", message=msg, line=f"FAILED {msg}")

    def _run(self, batch: _Batch) -> None:
        Session = session_factory(self.engine)
        run_id = start_run(self.engine, len(batch.items))
        results: list[FileResult] = []
        if self.broker:
            results = self._run_queued(batch, run_id)
        else:
            for up, path in batch.items:
                self._set(up, status="running")
                try:
                    data = path.read_bytes()
                finally:
                    path.unlink(missing_ok=True)
                result = ingest_bytes(self.engine, up.name, data, run_id=run_id)
                if result.outcome == "failed":
                    with Session() as session, session.begin():
                        session.add(models.IngestError(run_id=run_id, source=up.name, path=up.name,
                                                       stage=result.stage or "read", reason=result.message,
                                                       created_at=repository.utcnow()))
                results.append(result)
                self._set(up, status=result.outcome, message=result.message, line=result.line(),
                          doc_id=result.doc_id if result.outcome != "failed" else None)
        with Session() as session, session.begin():
            row = session.get(models.Run, run_id)
            row.finished_at = repository.utcnow()
            row.n_ingested = sum(r.outcome == "ingested" for r in results)
            row.n_skipped = sum(r.outcome == "skipped" for r in results)
            row.n_failed = sum(r.outcome == "failed" for r in results)

    def _run_queued(self, batch: _Batch, run_id: int) -> list[FileResult]:
        """The batch through the broker: the workers store the documents and their error rows."""
        from stratdoc.queue.celery_app import make_app
        from stratdoc.queue.client import send_batch

        if self._celery is None:
            self._celery = make_app(str(self.broker), queue=self.broker_queue)
        uploads = [up for up, _path in batch.items]

        def read(index: int) -> bytes:
            path = batch.items[index][1]
            try:
                return path.read_bytes()
            finally:
                path.unlink(missing_ok=True)

        def on_result(index: int, result: FileResult) -> None:
            self._set(uploads[index], status=result.outcome, message=result.message, line=result.line(),
                      doc_id=result.doc_id if result.outcome != "failed" else None)

        return send_batch(self._celery, self.engine, [Path(up.name) for up in uploads], read, run_id=run_id,
                          on_result=on_result,
                          on_sent=lambda index: self._set(uploads[index], status="running"))

    def wait(self, timeout: float = 60.0) -> bool:
        """Wait until no upload is queued or running (tests, orderly shutdown); False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if all(u.status not in ("queued", "running") for u in self._uploads.values()):
                    return True
            time.sleep(0.05)
        return False

    def close(self) -> None:
        thread = self._thread
        if thread is not None and thread.is_alive():
            self._queue.put(None)
            thread.join(timeout=30)
        if self._own_spool:
            shutil.rmtree(self.spool_dir, ignore_errors=True)
