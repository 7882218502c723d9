"""What the HTTP app tests share: a store with two samples ingested by the command-line path,
and the bearer token."""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from stratdoc.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TOKEN = "test-token"
PDF_PLAN = SAMPLES / "plan-meropriyatiy.pdf"  # measures on pages 1 and 2
TXT_PLAN = SAMPLES / "plan-cp1251.txt"


_built: list[Path] = []


def build_store(db: Path) -> Path:
    """The two plans ingested into `db`: by `ingest` the first time in a process, then copied
    (SQLite's backup, which carries the WAL) so that each test module owns its store."""
    if not _built:
        master = Path(tempfile.mkdtemp(prefix="stratdoc-web-tests-")) / "master.db"
        report = ingest_paths([PDF_PLAN, TXT_PLAN], master, jobs=1)
        assert report.ok, [r.line() for r in report.results]
        _built.append(master)
        atexit.register(shutil.rmtree, master.parent, True)
    with closing(sqlite3.connect(_built[0])) as src, closing(sqlite3.connect(db)) as dst:
        src.backup(dst)
    return db


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
