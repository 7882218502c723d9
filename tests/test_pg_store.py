"""The same files give the same export from SQLite and from PostgreSQL, byte for byte: the store
is one store whichever database holds it."""

from __future__ import annotations

import io
from pathlib import Path

from stratdoc.pipeline import ingest_paths
from stratdoc.store.export import write_jsonl
from stratdoc.store.session import open_engine, session_factory
from tests.conftest import SAMPLES, pg_schema


def export_text(url: str) -> str:
    engine = open_engine(url)
    out = io.StringIO()
    with session_factory(engine)() as s:
        write_jsonl(s, out)
    engine.dispose()
    return out.getvalue()


def test_samples_export_the_same_from_both_databases(tmp_path: Path) -> None:
    sqlite_url = f"sqlite:///{tmp_path / 's.db'}"
    local = ingest_paths([SAMPLES], db=sqlite_url, jobs=1)
    assert local.ok
    n = len(local.results)
    with pg_schema() as url:
        report = ingest_paths([SAMPLES], db=url, jobs=1)
        assert report.ok and len(report.results) == n
        from_pg = export_text(url)
    from_sqlite = export_text(sqlite_url)
    assert from_pg.count("\n") == n and '"value": ' in from_pg and '"amount": ' in from_pg
    assert from_pg == from_sqlite
