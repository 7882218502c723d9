"""Opening the database: a file path or any SQLAlchemy URL, SQLite by default."""

from __future__ import annotations

import os
import sqlite3
import time
import warnings
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from stratdoc.errors import StoreError

DEFAULT_DB = "stratdoc.db"
ENV_VAR = "STRATDOC_DB"

# SQLite keeps Numeric as REAL: fine for indicator values (floats); amounts are stored exactly
# (`models.ExactAmount`).
warnings.filterwarnings("ignore", category=exc.SAWarning, message=".*Decimal objects natively.*")


def resolve_url(db: str | Path | None = None) -> str:
    """`--db` value, else $STRATDOC_DB, else ./stratdoc.db; a plain path means an SQLite file."""
    value = str(db) if db else os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def sqlite_pragmas(dbapi_conn: sqlite3.Connection) -> None:
    """Foreign keys on, and the file in WAL mode (readers never wait for the writer).

    Switching to WAL needs the file to itself for a moment, and SQLite answers «database is
    locked» at once, without waiting, when another connection switches it too (two processes
    opening a new file): so the switch is retried, and skipped once the file is in WAL mode."""
    dbapi_conn.execute("PRAGMA foreign_keys=ON")
    for attempt in range(WAL_TRIES):
        try:
            if dbapi_conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                dbapi_conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or attempt == WAL_TRIES - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 (DB-API objects)
    sqlite_pragmas(dbapi_conn)


WAL_TRIES = 40
"""Tries of the switch to WAL mode (about 16 s in all) while another process makes the switch."""
SQLITE_BUSY_WAIT = 30.0
"""Seconds a writer waits for another process's write to the same SQLite file."""


def make_engine(db: str | Path | None = None) -> Engine:
    """An engine for the store's URL, schema untouched (`open_engine` migrates it)."""
    url = resolve_url(db)
    sqlite = url.startswith("sqlite")
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_WAIT} if sqlite else {})
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def open_engine(db: str | Path | None = None, create: bool = True) -> Engine:
    """The store's engine; with `create`, the schema is created or migrated to the newest
    revision first (`stratdoc db upgrade` does the same on demand)."""
    url = resolve_url(db)
    try:
        engine = make_engine(url)
        if create:
            from stratdoc.store.migrate import ensure_schema

            ensure_schema(engine)
    except StoreError:
        raise
    except (exc.SQLAlchemyError, ImportError, OSError) as e:
        raise StoreError(f"cannot open database {url}: {e.__class__.__name__}: {e}".splitlines()[0]) from e
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
