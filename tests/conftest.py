"""Shared fixtures: paths to the optional ../shared material, built once per session, and the
store's databases (SQLite always; PostgreSQL when a server is there, or when CI requires it)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"

PG_URL = os.environ.get("STRATDOC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
"""A PostgreSQL database the tests may make schemas in (each test gets its own, dropped after)."""
REQUIRE_PG = os.environ.get("STRATDOC_REQUIRE_PG") == "1"
"""Set by CI: a missing PostgreSQL fails the PostgreSQL tests instead of skipping them."""


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder beside the clone; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this clone")
    return SHARED


@cache
def _pg_absent() -> str | None:
    """Why PostgreSQL cannot be used here, or None when it can."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "no PostgreSQL driver (psycopg) installed"
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_URL, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as e:  # noqa: BLE001 (any reason the server is not there)
        return f"no PostgreSQL server at {engine.url.render_as_string()}: {e.__class__.__name__}"
    finally:
        engine.dispose()
    return None


def need_postgresql() -> None:
    """Skip the calling test with a one-line reason when PostgreSQL is absent (fail under CI)."""
    reason = _pg_absent()
    if reason is None:
        return
    if REQUIRE_PG:
        pytest.fail(f"STRATDOC_REQUIRE_PG=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@contextmanager
def pg_schema() -> Iterator[str]:
    """A URL whose connections use a new, empty schema of the test database; dropped after."""
    need_postgresql()
    from sqlalchemy import create_engine, text

    name = f"t_{secrets.token_hex(6)}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store, once as an SQLite file and once as a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    with pg_schema() as url:
        yield url
