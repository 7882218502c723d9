"""Alembic owns the schema: a database made before migrations is upgraded with every row kept,
a new one is created at the head, the revisions end exactly where the models are, and two
processes creating the same new database at once both succeed."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import sqlite3
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, insert, text
from typer.testing import CliRunner

from stratdoc.cli import app
from stratdoc.errors import StoreError
from stratdoc.store import models
from stratdoc.store.export import write_jsonl
from stratdoc.store.migrate import BASELINE, alembic_config, current, head, upgrade
from stratdoc.store.session import make_engine, open_engine, session_factory
from stratdoc.store.views import VIEW_NAMES
from tests import store_workers
from tests.conftest import pg_schema

DUMP = Path(__file__).parent / "data" / "store" / "before-migrations.sql"
"""`.dump` of a store that stratdoc 0.1.0 (pipeline 0.3.0) made with `create_all`, holding the
two documents of tests/known_store.py."""
AMOUNTS = {("funding_lines", "amount"), ("funding_lines", "amount_rub")}
runner = CliRunner()


def old_sqlite(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.executescript(DUMP.read_text(encoding="utf-8"))
    con.close()
    return path


def tables(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in id order (the views and Alembic's own table left out)."""
    con = sqlite3.connect(path)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        out = {}
        for name in sorted(names):
            cols = [c[1] for c in con.execute(f"PRAGMA table_info({name})")]
            rows = con.execute(f"SELECT * FROM {name} ORDER BY 1").fetchall()
            out[name] = [tuple(Decimal(repr(v) if isinstance(v, float) else str(v))
                               if (name, c) in AMOUNTS and v is not None else v
                               for c, v in zip(cols, r, strict=True)) for r in rows]
        return out
    finally:
        con.close()


def schema_of(path: Path) -> dict[str, tuple]:
    """Columns (name, declared type, not null, default, key), indexes and foreign keys per table."""
    con = sqlite3.connect(path)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        out = {}
        for name in names:
            cols = tuple(tuple(c[1:]) for c in con.execute(f"PRAGMA table_info({name})"))
            idx = tuple(sorted((i[1], i[2], tuple(c[2] for c in con.execute(f"PRAGMA index_info('{i[1]}')")))
                               for i in con.execute(f"PRAGMA index_list({name})")))
            fks = tuple(sorted(tuple(f[2:]) for f in con.execute(f"PRAGMA foreign_key_list({name})")))
            out[name] = (cols, idx, fks)
        return out
    finally:
        con.close()


def model_drift(engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), models.Base.metadata)


def test_the_dump_is_a_database_before_migrations(tmp_path: Path) -> None:
    con = sqlite3.connect(old_sqlite(tmp_path / "old.db"))
    names = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    kinds = {t for (t,) in con.execute("SELECT DISTINCT typeof(amount) FROM funding_lines")}
    con.close()
    assert "alembic_version" not in names and {"documents", "funding_lines", "organizations"} <= names
    assert "real" in kinds  # the earlier version kept amounts as binary floats


def test_first_revision_is_the_schema_made_before_migrations(tmp_path: Path) -> None:
    old = old_sqlite(tmp_path / "old.db")
    new = tmp_path / "new.db"
    engine = make_engine(new)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), BASELINE)
    engine.dispose()
    assert schema_of(new) == schema_of(old)


def test_upgrade_keeps_every_row_of_a_database_made_before_migrations(tmp_path: Path) -> None:
    old = old_sqlite(tmp_path / "old.db")
    before = tables(old)
    assert sum(map(len, before.values())) > 50
    res = runner.invoke(app, ["db", "current", "--db", str(old)])
    assert res.exit_code == 0 and res.stdout.startswith("unversioned"), res.output
    res = runner.invoke(app, ["db", "upgrade", "--db", str(old)])
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() == f"upgraded: made before migrations → {head()}"
    assert tables(old) == before
    con = sqlite3.connect(old)
    assert {t for (t,) in con.execute("SELECT DISTINCT typeof(amount_rub) FROM funding_lines")} == {"text"}
    views = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert views == set(VIEW_NAMES)
    assert con.execute("SELECT sum(amount_rub) FROM v_funding").fetchone()[0] == 871_600_000
    con.close()
    engine = open_engine(old)
    assert model_drift(engine) == []
    with session_factory(engine)() as s:
        line = s.query(models.FundingRow).filter_by(raw="3,1").one()
        assert (line.amount, line.amount_rub) == (Decimal("3.1"), Decimal("3100000"))
    engine.dispose()
    res = runner.invoke(app, ["db", "upgrade", "--db", str(old)])
    assert res.stdout.strip() == f"already at {head()}"


def test_a_database_older_than_the_first_revision_is_refused_untouched(tmp_path: Path) -> None:
    old = old_sqlite(tmp_path / "old.db")
    con = sqlite3.connect(old)
    con.execute("DROP VIEW v_events")
    con.execute("ALTER TABLE events DROP COLUMN place")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match=r"older than its first migration \(missing column events.place\)"):
        open_engine(old)
    engine = make_engine(old)
    with engine.connect() as conn:
        assert current(conn) is None  # the stamp was rolled back with the rest
    engine.dispose()


def test_a_new_database_is_created_at_the_head_and_matches_the_models(store_url: str) -> None:
    engine = open_engine(store_url)
    with engine.connect() as conn:
        assert current(conn) == head()
    assert model_drift(engine) == []
    assert upgrade(engine).changed is False
    engine.dispose()


def test_postgresql_database_made_before_migrations_keeps_its_rows(tmp_path: Path) -> None:
    """PostgreSQL stored numeric(28, 6) from the start; the upgrade stamps it and keeps all."""
    src = create_engine(f"sqlite:///{old_sqlite(tmp_path / 'old.db')}")
    old_meta = MetaData()
    old_meta.reflect(src)
    with pg_schema() as url:
        engine = make_engine(url)
        with engine.begin() as conn:  # the first revision is the schema create_all made
            command.upgrade(alembic_config(conn), BASELINE)
            conn.execute(text("DROP TABLE alembic_version"))
            with src.connect() as s:
                for table in old_meta.sorted_tables:
                    rows = [dict(r._mapping) for r in s.execute(table.select())]
                    if rows:
                        conn.execute(insert(models.Base.metadata.tables[table.name]), rows)
            for table in old_meta.sorted_tables:  # the ids above came from SQLite: move the sequences on
                if table.name == "documents":  # keyed by the bytes' hash, not a sequence
                    continue
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                  f"coalesce((SELECT max(id) FROM {table.name}), 1))"))
        with engine.connect() as conn:
            assert current(conn) is None
        with session_factory(engine)() as s:
            before = io.StringIO()
            write_jsonl(s, before)
        step = upgrade(engine)
        assert (step.before, step.after) == ("unversioned", head())
        assert model_drift(engine) == []
        with session_factory(engine)() as s:
            after = io.StringIO()
            write_jsonl(s, after)
        assert after.getvalue() == before.getvalue() and after.getvalue().count("\n") == 2
        engine.dispose()
    src.dispose()


def race(urls: list[str], n: int = 2) -> list[tuple[str, str]]:
    """`n` processes open each new store at the same moment; what each one got, sorted."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(n)
    results = ctx.Queue()
    procs = [ctx.Process(target=store_workers.open_new, args=(urls, barrier, results)) for _ in range(n)]
    for p in procs:
        p.start()
    out = sorted(results.get(timeout=180) for _ in range(n * len(urls)))
    for p in procs:
        p.join(timeout=60)
    return out


def test_two_processes_creating_one_new_sqlite_file_both_succeed(tmp_path: Path) -> None:
    paths = [tmp_path / f"race{i}.db" for i in range(4)]
    urls = [f"sqlite:///{p}" for p in paths]
    assert race(urls) == sorted([(u, "ok") for u in urls] * 2)
    for path in paths:
        con = sqlite3.connect(path)
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 2
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(head(),)]
        con.close()


def test_processes_connecting_to_one_new_sqlite_file_never_find_it_locked(tmp_path: Path) -> None:
    """Switching a new file to WAL mode is refused at once, not waited for, while another
    connection switches it; the store retries (without that, about 1 connection in 130 failed)."""
    n, files = 4, 150
    paths = [str(tmp_path / f"c{i}.db") for i in range(files)]
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(n)
    results = ctx.Queue()
    procs = [ctx.Process(target=store_workers.connect_new, args=(paths, barrier, results)) for _ in range(n)]
    for p in procs:
        p.start()
    got = Counter(results.get(timeout=120) for _ in range(n * files))
    for p in procs:
        p.join(timeout=60)
    assert got == {"ok": n * files}


def test_two_processes_creating_one_new_postgresql_schema_both_succeed() -> None:
    with contextlib.ExitStack() as stack:
        urls = [stack.enter_context(pg_schema()) for _ in range(3)]
        assert race(urls) == sorted([(u, "ok") for u in urls] * 2)
        for url in urls:
            engine = make_engine(url)
            with engine.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM runs")).scalar() == 2
                assert current(conn) == head()
            engine.dispose()
