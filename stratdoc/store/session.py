"""Opening the database: a file path or any SQLAlchemy URL, SQLite by default."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from stratdoc.errors import StoreError
from stratdoc.store.models import Base
from stratdoc.store.views import create_views

DEFAULT_DB = "stratdoc.db"
ENV_VAR = "STRATDOC_DB"

# SQLite keeps Numeric as REAL; our amounts have at most 6 decimals, well inside its precision.
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


def open_engine(db: str | Path | None = None, create: bool = True) -> Engine:
    url = resolve_url(db)
    try:
        engine = create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        if create:
            Base.metadata.create_all(engine)
            create_views(engine)
    except (exc.SQLAlchemyError, ImportError, OSError) as e:
        raise StoreError(f"cannot open database {url}: {e.__class__.__name__}: {e}".splitlines()[0]) from e
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
