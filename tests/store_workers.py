"""What the child processes of the store's concurrency tests run, kept in a module of its own so
that a spawned child imports only the store (and the pipeline when it ingests)."""

from __future__ import annotations

from datetime import datetime
from typing import Any


def open_new(urls: list[str], barrier: Any, results: Any) -> None:
    """For each URL, wait for the other processes, then open (create) the store and add a run."""
    from stratdoc.store import models
    from stratdoc.store.session import open_engine, session_factory

    for url in urls:
        barrier.wait()
        try:
            engine = open_engine(url)
            with session_factory(engine)() as s, s.begin():
                s.add(models.Run(started_at=datetime.now(), pipeline_version="race"))
            engine.dispose()
            results.put((url, "ok"))
        except Exception as e:  # noqa: BLE001 (reported to the parent)
            results.put((url, f"{e.__class__.__name__}: {e}".splitlines()[0]))


def ingest(url: str, files: list[str], barrier: Any, results: Any) -> None:
    """Wait for the other writers, then ingest `files` into `url`; report (path, outcome, doc id,
    message) per file."""
    from stratdoc.pipeline import ingest_paths

    barrier.wait()
    try:
        report = ingest_paths(files, db=url, jobs=1)
        results.put([(str(r.path), r.outcome, r.doc_id, r.message) for r in report.results])
    except Exception as e:  # noqa: BLE001 (reported to the parent)
        results.put(f"{e.__class__.__name__}: {e}".splitlines()[0])


def connect_new(paths: list[str], barrier: Any, results: Any) -> None:
    """For each path, wait for the other processes, then connect as the store does."""
    import sqlite3

    from stratdoc.store.session import SQLITE_BUSY_WAIT, sqlite_pragmas

    for path in paths:
        barrier.wait()
        try:
            con = sqlite3.connect(path, timeout=SQLITE_BUSY_WAIT)
            sqlite_pragmas(con)
            con.close()
            results.put("ok")
        except sqlite3.Error as e:
            results.put(str(e))
