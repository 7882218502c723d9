"""The schema belongs to Alembic: every open brings a database to the newest revision.

The revisions live in `stratdoc/store/migrations/versions/`, shipped with the package, so no
`alembic.ini` is needed. A database made before migrations existed (tables but no
`alembic_version`) is stamped as the first revision, which is that schema, then upgraded.

Two processes opening the same new database at once must both succeed, so the check and the
upgrade run under one lock, inside one transaction: SQLite `BEGIN IMMEDIATE` (the second
process waits for the first, then finds the schema at the head), a PostgreSQL advisory lock.
A database already at the head with its views current is only read, never locked.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from stratdoc.errors import StoreError
from stratdoc.store.models import Base
from stratdoc.store.session import sqlite_pragmas
from stratdoc.store.views import create_views, drop_views, views_current

MIGRATIONS = Path(__file__).with_name("migrations")
BASELINE = "0001"
"""The first revision: the schema of stratdoc 0.1.0 (pipeline 0.3.0), made then by `create_all`."""
PG_LOCK_KEY = 0x57A7D0C
"""The advisory lock key PostgreSQL migrations of this schema take (any fixed bigint)."""
SQLITE_LOCK_WAIT = 120.0
"""Seconds a process waits for another one's migration of the same SQLite file."""


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache
def head() -> str:
    rev = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert rev is not None
    return rev


def current(conn: Connection) -> str | None:
    """The revision the database is at; None for a new one or one made before migrations."""
    return MigrationContext.configure(conn).get_current_revision()


@dataclass
class Upgrade:
    before: str | None  # None: new database; "unversioned": made before migrations
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def is_current(engine: Engine) -> bool:
    """At the head with current views: nothing to do, checked without writing."""
    with engine.connect() as conn:
        return current(conn) == head() and views_current(conn)


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """One transaction that no other migration of the same database runs beside."""
    if engine.dialect.name == "sqlite":
        # pysqlite's own transaction handling would start a deferred transaction; take over
        # (SQLAlchemy's documented recipe) so the first statement is BEGIN IMMEDIATE.
        mig = create_engine(engine.url, poolclass=NullPool, connect_args={"timeout": SQLITE_LOCK_WAIT})

        @event.listens_for(mig, "connect")
        def _connect(dbapi_conn, _record) -> None:  # noqa: ANN001 (DB-API object)
            dbapi_conn.isolation_level = None
            sqlite_pragmas(dbapi_conn)

        @event.listens_for(mig, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        try:
            with mig.begin() as conn:
                yield conn
        finally:
            mig.dispose()
        return
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
        yield conn


def _stamp_unversioned(conn: Connection) -> None:
    """A database made before migrations: its schema is the first revision's."""
    command.stamp(alembic_config(conn), BASELINE)


def _check_matches_models(conn: Connection) -> None:
    """After upgrading an unversioned database, refuse one older than the first revision."""
    missing = []
    for diff in compare_metadata(MigrationContext.configure(conn), Base.metadata):
        if isinstance(diff, tuple) and diff[0] == "add_table":
            missing.append(f"table {diff[1].name}")
        elif isinstance(diff, tuple) and diff[0] == "add_column":
            missing.append(f"column {diff[2]}.{diff[3].name}")
    if missing:
        raise StoreError(f"database {_label(conn.engine)} was made by a stratdoc older than its first "
                         f"migration (missing {', '.join(missing[:3])}): export what you need, re-create it")


def _label(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def upgrade(engine: Engine, revision: str = "head") -> Upgrade:
    """Bring the schema to `revision` (the head by default) and the views up to date."""
    try:
        return _upgrade(engine, revision)
    except StoreError:
        raise
    except (CommandError, SQLAlchemyError, OSError) as e:
        reason = f"{e.__class__.__name__}: {e}".splitlines()[0]
        raise StoreError(f"cannot migrate {_label(engine)}: {reason}") from e


def current_revision(db: str | Path | None) -> str | None:
    """The revision of the database at `db` (a path or URL), without changing it."""
    from stratdoc.store.session import make_engine

    try:
        engine = make_engine(db)
        with engine.connect() as conn:
            rev = current(conn)
            if rev is None and inspect(conn).has_table("documents"):
                rev = "unversioned"
        engine.dispose()
    except (SQLAlchemyError, ImportError, OSError) as e:
        raise StoreError(f"cannot open database {db}: {e.__class__.__name__}: {e}".splitlines()[0]) from e
    return rev


def _upgrade(engine: Engine, revision: str) -> Upgrade:
    with _locked(engine) as conn:
        before = current(conn)
        unversioned = before is None and inspect(conn).has_table("documents")
        if unversioned:
            _stamp_unversioned(conn)
        target = head() if revision == "head" else revision
        if current(conn) != target:
            drop_views(conn)
            command.upgrade(alembic_config(conn), revision)
        if unversioned:
            _check_matches_models(conn)
        if target == head():
            create_views(conn)
        after = current(conn) or ""
    return Upgrade("unversioned" if unversioned else before, after)


def ensure_schema(engine: Engine) -> None:
    """What every open does: nothing when the database is current, else `upgrade`."""
    if not is_current(engine):
        upgrade(engine)
