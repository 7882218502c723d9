"""Opening the database: a file path or any SQLAlchemy URL, SQLite by default."""

from __future__ import annotations

import os
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


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 (DB-API objects)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


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
