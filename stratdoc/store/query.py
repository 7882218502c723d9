"""Ad-hoc read-only SQL over the store, for `stratdoc query`.

Two guards, and the second is the one that holds. First the statement is checked: one
statement, and a `SELECT`, `WITH … SELECT` or `VALUES`; that gives a clear one-line refusal
for `DELETE`, `UPDATE`, `ATTACH` and the like. Then it runs on a connection that cannot write
whatever the text says: SQLite opened with `mode=ro` and an authorizer that allows only reading
(no `ATTACH`, no `PRAGMA`), PostgreSQL inside a `READ ONLY` transaction that is rolled back.
Values come in as bound parameters (`:name` in the text), never spliced into it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.request import pathname2url

from sqlalchemy import create_engine, exc, text
from sqlalchemy.engine import make_url

from stratdoc.errors import StoreError, StratdocError
from stratdoc.store.session import open_engine, resolve_url


class QueryError(StratdocError):
    """A query was refused, or the database rejected it."""


_TOKEN = re.compile(r"""
    (?P<space>\s+) | (?P<comment>--[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<string>'(?:[^']|'')*(?:'|\Z)) | (?P<quoted>"(?:[^"]|"")*(?:"|\Z)|`[^`]*(?:`|\Z)|\[[^\]]*(?:\]|\Z))
  | (?P<semi>;) | (?P<open>\() | (?P<close>\)) | (?P<word>[^\W\d]\w*) | (?P<other>.)
""", re.S | re.X)

READING = {"SELECT", "WITH", "VALUES"}
VERBS = {"SELECT", "VALUES", "INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE"}


def _statements(sql: str) -> list[list[tuple[str, str]]]:
    """The significant tokens of each statement (comments, spaces and empty statements dropped)."""
    stmts: list[list[tuple[str, str]]] = [[]]
    for m in _TOKEN.finditer(sql):
        kind = m.lastgroup or "other"
        if kind in ("space", "comment"):
            continue
        if kind == "semi":
            stmts.append([])
        else:
            stmts[-1].append((kind, m.group()))
    return [s for s in stmts if s]


def check_read_only(sql: str) -> None:
    """Refuse, with a one-line reason, anything but a single reading statement."""
    stmts = _statements(sql)
    if not stmts:
        raise QueryError("empty query")
    if len(stmts) > 1:
        raise QueryError(f"one statement at a time, got {len(stmts)}")
    tokens = stmts[0]
    kind, first = tokens[0]
    first = first.upper()
    if kind != "word" or first not in READING:
        raise QueryError(f"only SELECT queries may run here, not {first}")
    if first == "WITH":  # the statement's verb follows the common table expressions, at depth 0
        depth = 0
        for kind, value in tokens[1:]:
            depth += (kind == "open") - (kind == "close")
            if depth == 0 and kind == "word" and value.upper() in VERBS:
                if value.upper() not in READING:
                    raise QueryError(f"only SELECT queries may run here, not WITH … {value.upper()}")
                break


@dataclass
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]


# sqlite3 authorizer action codes a reading statement needs; anything else is denied
_SQLITE_READ_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
                        getattr(sqlite3, "SQLITE_RECURSIVE", 33)}


def _authorize(action: int, *_args: Any) -> int:
    return sqlite3.SQLITE_OK if action in _SQLITE_READ_ACTIONS else sqlite3.SQLITE_DENY


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _run_sqlite(path: str, sql: str, params: Mapping[str, Any]) -> Result:
    if not path or path == ":memory:" or not Path(path).is_file():
        raise QueryError(f"no database at {path or ':memory:'}")
    try:  # bring the schema's views up to date (no write when they are); a read-only file still reads
        open_engine(path).dispose()
    except StoreError:
        pass
    uri = f"file:{pathname2url(str(Path(path).resolve()))}?mode=ro"
    con = sqlite3.connect(uri, uri=True)
    try:
        con.set_authorizer(_authorize)
        cur = con.execute(sql, dict(params))
        columns = [d[0] for d in cur.description or ()]
        rows = [tuple(_plain(v) for v in r) for r in cur.fetchall()]
    except sqlite3.Error as e:
        raise QueryError(f"{Path(path).name}: {e}".splitlines()[0]) from e
    finally:
        con.close()
    return Result(columns, rows)


def _run_postgresql(url: str, sql: str, params: Mapping[str, Any]) -> Result:
    try:
        engine = create_engine(url)
        with engine.connect() as conn:
            conn = conn.execution_options(postgresql_readonly=True)
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            res = conn.execute(text(sql), dict(params))
            columns = list(res.keys()) if res.returns_rows else []
            rows = [tuple(_plain(v) for v in r) for r in res] if res.returns_rows else []
            conn.rollback()
        engine.dispose()
    except (exc.SQLAlchemyError, ImportError) as e:
        raise QueryError(f"{e.__class__.__name__}: {e}".splitlines()[0]) from e
    return Result(columns, rows)


def run_query(db: str | Path | None, sql: str, params: Mapping[str, Any] | None = None) -> Result:
    """Run one reading statement against the store; refuse anything else."""
    check_read_only(sql)
    url = resolve_url(db)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _run_sqlite(parsed.database or "", sql, params or {})
    if parsed.get_backend_name() == "postgresql":
        return _run_postgresql(url, sql, params or {})
    raise QueryError(f"read-only queries need SQLite or PostgreSQL, not {parsed.get_backend_name()}")


def parse_param(item: str) -> tuple[str, Any]:
    """`name=value` → a bound parameter; the value is an int or a float when it reads as one."""
    name, sep, value = item.partition("=")
    if not sep or not re.fullmatch(r"[^\W\d]\w*", name):
        raise QueryError(f"parameter {item!r}: expected name=value")
    for conv in (int, float):
        try:
            return name, conv(value)
        except ValueError:
            continue
    return name, value
