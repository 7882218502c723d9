"""A batch spread over worker processes stores what one process stores.

Workers read and extract; the caller's process writes in the order of the files, so the
export, the per-file outcomes and the error rows must be equal for `jobs=1` and `jobs=2`,
with failing files, a file given twice and a skipped file in the batch.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from stratdoc.pipeline import ingest_paths
from stratdoc.store.export import write_jsonl
from stratdoc.store.session import open_engine, session_factory
from tests.conftest import SAMPLES


def _batch(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("*.py", "*.md"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    twice = folder / "copy-of-plan.txt"
    twice.write_bytes((folder / "plan-cp1251.txt").read_bytes())
    return [folder, tmp_path / "missing.docx"]


def _run(paths: list[Path], db: Path, jobs: int) -> tuple[list[tuple], str, list[tuple]]:
    engine = open_engine(db)
    report = ingest_paths(paths, engine=engine, jobs=jobs)
    out = io.StringIO()
    with session_factory(engine)() as session:
        write_jsonl(session, out)
    errors = sqlite3.connect(db).execute("select source, stage, reason from errors order by id").fetchall()
    outcomes = [(r.source, r.outcome, r.doc_id, r.status, r.counts) for r in report.results]
    return outcomes, out.getvalue(), errors


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[tuple, tuple]:
    tmp = tmp_path_factory.mktemp("batch")
    paths = _batch(tmp)
    return _run(paths, tmp / "one.db", 1), _run(paths, tmp / "two.db", 2)


def test_outcomes_are_the_same(both: tuple[tuple, tuple]) -> None:
    one, two = both
    assert one[0] == two[0]
    outcomes = [o for _, o, *_ in one[0]]
    assert outcomes.count("failed") == 3 and outcomes.count("skipped") == 1
    assert outcomes.count("ingested") == len(outcomes) - 4


def test_exports_are_the_same(both: tuple[tuple, tuple]) -> None:
    one, two = both
    assert one[1] and one[1] == two[1]


def test_error_rows_are_the_same(both: tuple[tuple, tuple]) -> None:
    one, two = both
    assert len(one[2]) == 3 and one[2] == two[2]


def test_second_run_skips_everything_in_parallel(tmp_path: Path) -> None:
    paths = _batch(tmp_path)[:1]
    db = tmp_path / "again.db"
    ingest_paths(paths, db, jobs=2)
    again = ingest_paths(paths, db, jobs=2)
    assert {r.outcome for r in again.results} == {"skipped", "failed"}
