"""Files in, rows out: read → extract → store, one transaction per document.

A failure ends one document, not the batch: it is recorded as an error row (stage and
reason) and reported, and the next file goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from stratdoc.errors import ReadError, StratdocError
from stratdoc.extract import extract, org_key
from stratdoc.ingest import SUPPORTED_SUFFIXES, read_bytes
from stratdoc.ingest.builder import sha256_hex
from stratdoc.ingest.settings import ReadLimits, resolve
from stratdoc.parallel import IN_FLIGHT_PER_WORKER, default_jobs, worker_pool
from stratdoc.schema import Document
from stratdoc.schema.records import RECORD_LISTS, Extraction
from stratdoc.store import models, repository
from stratdoc.store.session import open_engine, session_factory
from stratdoc.version import PIPELINE_VERSION


@dataclass
class FileResult:
    path: Path
    outcome: str  # ingested | skipped | failed
    doc_id: str | None = None
    format: str | None = None
    status: str | None = None  # the document's status: ok, no_text, partial
    stage: str | None = None  # where it failed: read | extract | store
    message: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return self.path.name

    def line(self) -> str:
        """One status line, e.g. «FAILED bad.pdf: broken PDF: ...»."""
        if self.outcome == "failed":
            return f"FAILED {self.message}"
        extra = f" ({self.message})" if self.message else ""
        return f"{self.outcome} {self.source}: {self.format} {self.status}{extra}"


@dataclass
class IngestReport:
    run_id: int
    results: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named explicitly are taken whatever their extension (the format is sniffed);
    folders are walked recursively for document files, skipping hidden ones."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*")
                              if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                              and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def _record_counts(ext: Extraction) -> dict[str, int]:
    return {name: len(getattr(ext, name)) for name in RECORD_LISTS}


@dataclass
class Processed:
    """What a worker hands the writer: the read document and its records, or why it failed."""
    path: Path
    doc_id: str
    n_bytes: int = 0
    doc: Document | None = None
    ext: Extraction | None = None
    failure: FileResult | None = None


def _read_file(path: Path) -> bytes | FileResult:
    try:
        return path.read_bytes()
    except OSError as e:
        reason = e.strerror or str(e)
        return FileResult(path, "failed", stage="read", message=f"{path.name}: cannot read: {reason}")


def _already_stored(engine: Engine, path: Path, doc_id: str, force: bool) -> FileResult | None:
    """A skip result when these bytes were stored by this pipeline version (and not forced)."""
    if force:
        return None
    with session_factory(engine)() as session:
        existing = repository.get_document(session, doc_id)
        if existing is not None and existing.pipeline_version == PIPELINE_VERSION:
            return _stored_already(path, existing)
    return None


def _stored_already(path: Path, existing: models.DocumentRow) -> FileResult:
    return FileResult(path, "skipped", doc_id=existing.id, format=existing.format,
                      status=existing.status, message="already ingested")


def process_file(path: Path, data: bytes | None = None, limits: ReadLimits | None = None,
                 doc_id: str | None = None) -> Processed:
    """Read and extract one file, touching no database: the part a worker process runs.
    `doc_id`: the hash of `data` when the caller has it already."""
    if data is None:
        got = _read_file(path)
        if isinstance(got, FileResult):
            return Processed(path, "", failure=got)
        data = got
    doc_id = doc_id or sha256_hex(data)
    stage = "read"
    try:
        doc = read_bytes(path, data, limits)
        stage = "extract"
        ext = extract(doc)
    except ReadError as e:
        return Processed(path, doc_id, failure=FileResult(path, "failed", doc_id=doc_id, stage=stage,
                                                          message=str(e)))
    except (StratdocError, Exception) as e:  # noqa: BLE001 - isolate any failure to this file
        return Processed(path, doc_id, failure=_crash(path, doc_id, stage, e))
    return Processed(path, doc_id, n_bytes=len(data), doc=doc, ext=ext)


def _reason(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}".splitlines()[0][:300]


def _crash(path: Path, doc_id: str | None, stage: str, e: BaseException) -> FileResult:
    return FileResult(path, "failed", doc_id=doc_id, stage=stage,
                      message=f"{path.name}: {stage} failed: {_reason(e)}")


def store_processed(engine: Engine, item: Processed, *, run_id: int | None,
                    force: bool = False) -> FileResult:
    """Write one processed document in its own transaction (the single writer's part).
    Another process may have stored the same bytes meanwhile: then it is skipped, as if it had
    been stored before this run began."""
    if item.failure is not None:
        return item.failure
    doc, ext = item.doc, item.ext
    assert doc is not None and ext is not None
    try:
        with session_factory(engine)() as session, session.begin():
            existing = repository.claim_document(session, item.doc_id)
            if existing is not None and existing.pipeline_version == PIPELINE_VERSION and not force:
                return _stored_already(item.path, existing)
            repository.save_document(session, doc, ext, n_bytes=item.n_bytes,
                                     pipeline_version=PIPELINE_VERSION, run_id=run_id, org_key=org_key)
    except IntegrityError as e:  # a writer without the claim's lock stored it first
        skipped = _already_stored(engine, item.path, item.doc_id, force)
        return skipped or _crash(item.path, item.doc_id, "store", e)
    except (StratdocError, Exception) as e:  # noqa: BLE001 - isolate any failure to this file
        return _crash(item.path, item.doc_id, "store", e)
    message = "; ".join(doc.warnings)[:200] if doc.warnings else ""
    return FileResult(item.path, "ingested", doc_id=item.doc_id, format=doc.format.value,
                      status=doc.status.value, message=message, counts=_record_counts(ext))


def ingest_file(engine: Engine, path: Path, *, run_id: int | None, force: bool = False,
                limits: ReadLimits | None = None) -> FileResult:
    """Ingest one file in its own transaction; never raises for a bad file."""
    data = _read_file(path)
    if isinstance(data, FileResult):
        return data
    doc_id = sha256_hex(data)
    skipped = _already_stored(engine, path, doc_id, force)
    if skipped is not None:
        return skipped
    return store_processed(engine, process_file(path, data, limits, doc_id), run_id=run_id, force=force)


def ingest_bytes(engine: Engine, name: str, data: bytes, *, run_id: int | None, force: bool = False,
                 limits: ReadLimits | None = None) -> FileResult:
    """`ingest_file` for bytes that arrived without a file of their own (an upload): `name` is
    only the document's `source` and the name in its messages, never a path that is opened."""
    path = Path(name)
    doc_id = sha256_hex(data)
    skipped = _already_stored(engine, path, doc_id, force)
    if skipped is not None:
        return skipped
    return store_processed(engine, process_file(path, data, limits, doc_id), run_id=run_id)


def _missing(path: Path) -> FileResult | None:
    if path.exists():
        return None
    return FileResult(path, "failed", stage="read", message=f"{path}: no such file or directory")


def _results(engine: Engine, files: list[Path], *, run_id: int, force: bool, limits: ReadLimits,
             jobs: int | None) -> Iterator[FileResult]:
    workers = default_jobs() if jobs is None else max(1, jobs)
    if workers == 1 or len(files) < 2:
        for path in files:
            yield _missing(path) or ingest_file(engine, path, run_id=run_id, force=force, limits=limits)
        return
    yield from _pooled_results(engine, files, run_id=run_id, force=force, limits=limits,
                               jobs=min(workers, len(files)))


def _pooled_results(engine: Engine, files: list[Path], *, run_id: int, force: bool, limits: ReadLimits,
                    jobs: int) -> Iterator[FileResult]:
    """`ingest_file` over a worker pool, results in the order of `files`. A file whose bytes came
    earlier in the batch is judged when its turn comes, after the earlier one is stored, as a
    one-process run would judge it."""
    # What waits for the writer: a result already known, a worker's future, or a repeat to judge.
    pending: deque[tuple[Path, FileResult | Future[Processed] | bytes]] = deque()
    seen: set[str] = set()
    todo = iter(files)
    with worker_pool(jobs) as pool:

        def fill() -> None:
            while len(pending) < jobs * IN_FLIGHT_PER_WORKER:
                path = next(todo, None)
                if path is None:
                    return
                data = _missing(path) or _read_file(path)
                if isinstance(data, FileResult):
                    pending.append((path, data))
                    continue
                doc_id = sha256_hex(data)
                if doc_id in seen:
                    pending.append((path, data))
                    continue
                seen.add(doc_id)
                pending.append((path, _already_stored(engine, path, doc_id, force)
                                or pool.submit(process_file, path, None, limits, doc_id)))

        fill()
        while pending:
            path, item = pending.popleft()
            if isinstance(item, Future):
                try:
                    processed = item.result()
                except Exception as e:  # noqa: BLE001 - a worker that died fails its file only
                    yield FileResult(path, "failed", stage="extract",
                                     message=f"{path.name}: worker failed: {_reason(e)}")
                else:
                    yield store_processed(engine, processed, run_id=run_id, force=force)
            elif isinstance(item, bytes):
                yield ingest_file(engine, path, run_id=run_id, force=force, limits=limits)
            else:
                yield item
            fill()


def start_run(engine: Engine, n_files: int) -> int:
    """The run row of a batch, committed before any document so that every document and error
    row of the batch (written here, by a worker or by an upload thread) can point to it."""
    with session_factory(engine)() as session, session.begin():
        run = models.Run(started_at=repository.utcnow(), pipeline_version=PIPELINE_VERSION, n_files=n_files)
        session.add(run)
        session.flush()
        return run.id


def ingest_paths(paths: Iterable[str | Path], db: str | Path | None = None, *, force: bool = False,
                 limits: ReadLimits | dict | None = None, engine: Engine | None = None,
                 on_file: Callable[[FileResult], None] | None = None, jobs: int | None = 1) -> IngestReport:
    """Ingest files and folders into the database; returns per-file results, in the order of
    the files. `jobs` worker processes read and extract (None: one per core); this process
    alone writes, so the rows are the same whatever `jobs` is."""
    engine = engine or open_engine(db)
    limits = resolve(limits)
    Session = session_factory(engine)
    files = collect_paths(paths)
    run_id = start_run(engine, len(files))
    report = IngestReport(run_id=run_id)
    for result in _results(engine, files, run_id=run_id, force=force, limits=limits, jobs=jobs):
        if result.outcome == "failed":
            with Session() as session, session.begin():
                session.add(models.IngestError(run_id=run_id, source=result.source, path=str(result.path),
                                               stage=result.stage or "read", reason=result.message,
                                               created_at=repository.utcnow()))
        report.results.append(result)
        if on_file:
            on_file(result)
    with Session() as session, session.begin():
        run = session.get(models.Run, run_id)
        run.finished_at = repository.utcnow()
        run.n_ingested = sum(r.outcome == "ingested" for r in report.results)
        run.n_skipped = sum(r.outcome == "skipped" for r in report.results)
        run.n_failed = len(report.failed)
    return report
