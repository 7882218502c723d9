"""`stratdoc query` and the v_* views: the README's example queries give the known answers,
anything that could write is refused in one line, and the connection itself cannot write."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from stratdoc.cli import app
from stratdoc.store import query as query_mod
from stratdoc.store.query import QueryError, check_read_only, run_query
from stratdoc.store.session import open_engine
from stratdoc.store.views import VIEW_NAMES
from tests.known_store import fill

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def readme_queries() -> list[str]:
    """The SQL examples of the README's «Querying the database» section, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Querying the database", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "q.db")
    fill(open_engine(path))
    return path


def counts(db: str) -> tuple[int, ...]:
    con = sqlite3.connect(db)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("documents", "measures", "funding_lines"))
    finally:
        con.close()


EXPECTED = [
    # measures funded from the regional budget in 2024, with the cell the amount was read from
    [("Псков", "1", "Ремонт набережной", 12.5, "млн руб.", 12_500_000, 2, "12,5"),
     ("Тверь", "1", "Благоустройство парка", 2000.0, "тыс. руб.", 2_000_000, None, "2 000,0")],
    # where the pool measure came from: page 2, first table, row 3, the name cell
    [("plan-pskov.pdf", 2, 0, 3, 1, "Строительство бассейна")],
    # 2030 targets city by city
    [("Псков", "Численность населения", "тыс. чел.", 190.5),
     ("Тверь", "Протяжённость отремонтированных дорог", "км", 12)],
]


def test_readme_has_three_example_queries() -> None:
    assert len(readme_queries()) == 3


@pytest.mark.parametrize("n", range(3))
def test_readme_query_returns_the_known_rows(db: str, n: int) -> None:
    result = run_query(db, readme_queries()[n])
    assert result.rows == EXPECTED[n]


def test_every_view_exists_and_its_quotes_are_the_source_text(db: str) -> None:
    con = sqlite3.connect(db)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert set(VIEW_NAMES) <= names
    for view in VIEW_NAMES:
        cols = [d[0] for d in con.execute(f"SELECT * FROM {view}").description]
        assert "document_source" in cols and "municipality" in cols, view
        if "quote" not in cols:
            continue
        rows = con.execute(f"SELECT v.quote, v.span_start, v.span_end, d.text FROM {view} v "
                           "JOIN documents d ON d.id = v.document_id").fetchall()
        for quote, start, end, doc_text in rows:
            assert quote == doc_text[start:end], view
    # every funding line of the known store is one cell, and its quote is the amount as printed
    for quote, raw in con.execute("SELECT quote, raw FROM v_funding"):
        assert quote == raw


def test_funding_view_names_the_parent_of_every_line(db: str) -> None:
    rows = run_query(db, "SELECT municipality, parent_kind, parent_name, source, year, year_from, year_to "
                         "FROM v_funding ORDER BY municipality, parent_kind, idx").rows
    assert ("Псков", "document", None, "total", None, 2024, 2026) in rows
    assert ("Тверь", "project", "Ледовая арена", "regional", None, 2023, 2025) in rows
    assert sum(r[1] == "measure" for r in rows) == 5


def test_span_years_are_found_by_the_readme_idiom(db: str) -> None:
    sql = ("SELECT municipality, parent_kind, amount_rub FROM v_funding "
           "WHERE source = 'regional' AND (:y = year OR :y BETWEEN year_from AND year_to) "
           "ORDER BY municipality, amount_rub")
    assert run_query(db, sql, {"y": 2023}).rows == [("Тверь", "project", 300_000_000)]


def test_views_are_not_rewritten_when_up_to_date_and_replaced_when_stale(tmp_path: Path) -> None:
    path = str(tmp_path / "v.db")
    open_engine(path).dispose()
    con = sqlite3.connect(path)
    version = con.execute("PRAGMA schema_version").fetchone()[0]
    con.close()
    open_engine(path).dispose()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA schema_version").fetchone()[0] == version
    con.execute("DROP VIEW v_funding")
    con.execute("CREATE VIEW v_funding AS SELECT 1 AS stale")
    con.commit()
    con.close()
    open_engine(path).dispose()
    con = sqlite3.connect(path)
    cols = [d[0] for d in con.execute("SELECT * FROM v_funding").description]
    assert "amount_rub" in cols and "stale" not in cols


@pytest.mark.parametrize("sql", [
    "DELETE FROM documents",
    "delete from measures where 1",
    "UPDATE funding_lines SET amount = 0",
    "  -- a comment first\n  update documents set kind = 'news'",
    "ATTACH DATABASE 'other.db' AS other",
    "INSERT INTO runs (started_at, pipeline_version) VALUES ('2024-01-01', 'x')",
    "DROP VIEW v_funding",
    "PRAGMA journal_mode = DELETE",
    "SELECT 1; DELETE FROM documents",
    "WITH doomed AS (SELECT id FROM documents) DELETE FROM documents WHERE id IN (SELECT id FROM doomed)",
])
def test_cli_refuses_what_could_write_in_one_line(db: str, sql: str) -> None:
    before = counts(db)
    res = runner.invoke(app, ["query", "--db", db, sql])
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), res.output
    assert counts(db) == before


@pytest.mark.parametrize("sql", [
    "SELECT 1",
    "  select count(*) from documents;  ",
    "WITH x AS (SELECT 1 AS a) SELECT a FROM x",
    "SELECT 'DELETE FROM documents' AS s -- DELETE",
    "/* UPDATE */ SELECT \"end\" FROM measures",
    "VALUES (1)",
])
def test_reading_statements_pass_the_check(sql: str) -> None:
    check_read_only(sql)


def test_the_connection_cannot_write_even_past_the_check(db: str, monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    """The statement check is for the message; the read-only connection is the guard."""
    monkeypatch.setattr(query_mod, "check_read_only", lambda sql: None)
    before = counts(db)
    for sql in ("DELETE FROM documents", "UPDATE measures SET name = 'x'", "DROP TABLE measures",
                f"ATTACH DATABASE '{tmp_path / 'other.db'}' AS other", "PRAGMA journal_mode = DELETE",
                "CREATE TABLE t (a)"):
        with pytest.raises(QueryError):
            run_query(db, sql)
    assert counts(db) == before
    assert not (tmp_path / "other.db").exists()


def test_filters_are_bound_not_spliced(db: str) -> None:
    sql = "SELECT name FROM v_measures WHERE municipality = :city ORDER BY idx"
    assert run_query(db, sql, {"city": "Псков"}).rows == [("Ремонт набережной",), ("Строительство бассейна",)]
    assert run_query(db, sql, {"city": "Псков' OR '1'='1"}).rows == []


def test_cli_csv_and_json(db: str) -> None:
    sql = "SELECT municipality, amount_rub FROM v_funding WHERE source = :s AND year = :y ORDER BY 1"
    res = runner.invoke(app, ["query", "--db", db, sql, "-p", "s=regional", "-p", "y=2024", "--csv"])
    assert res.exit_code == 0, res.output
    assert list(csv.reader(io.StringIO(res.stdout))) == [
        ["municipality", "amount_rub"], ["Псков", "12500000"], ["Тверь", "2000000"]]
    res = runner.invoke(app, ["query", "--db", db, sql, "-p", "s=regional", "-p", "y=2024", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == [{"municipality": "Псков", "amount_rub": 12500000},
                                      {"municipality": "Тверь", "amount_rub": 2000000}]
    res = runner.invoke(app, ["query", "--db", db, "SELECT name, '[bold]x[/bold]' AS m FROM v_projects"])
    assert res.exit_code == 0, res.output
    assert "Ледовая арена" in res.stdout and "[bold]x[/bold]" in res.stdout  # data, not markup


def test_cli_errors_are_one_line(tmp_path: Path, db: str) -> None:
    missing = tmp_path / "none.db"
    for args in (["query", "--db", str(missing), "SELECT 1"],
                 ["query", "--db", db, "SELECT * FROM no_such_view"],
                 ["query", "--db", db, "SELECT 1", "-p", "novalue"],
                 ["query", "--db", db, "SELECT 1", "--csv", "--json"]):
        res = runner.invoke(app, args)
        assert res.exit_code == 1, args
        assert len(res.output.strip().splitlines()) == 1 and res.output.startswith("error: "), res.output
    assert not missing.exists()


# --- PostgreSQL, when a driver and the server are there -------------------------------------------

PG_URL = os.environ.get("STRATDOC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PG_SCHEMA = "stratdoc_test_query"


@pytest.fixture()
def pg_url() -> str:
    pytest.importorskip("psycopg", reason="no PostgreSQL driver (psycopg) installed")
    from sqlalchemy import create_engine

    try:
        admin = create_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {PG_SCHEMA}"))
    except Exception as e:  # noqa: BLE001 (any reason the server is not there)
        pytest.skip(f"no PostgreSQL at {PG_URL}: {e.__class__.__name__}")
    url = f"{PG_URL}?options=-csearch_path%3D{PG_SCHEMA}"
    yield url
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
    admin.dispose()


def test_postgresql_views_and_read_only_queries(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = open_engine(pg_url)
    fill(engine)
    open_engine(pg_url).dispose()  # views replaced in place on a second open
    for n, sql in enumerate(readme_queries()):
        rows = [tuple(float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v for v in r)
                for r in run_query(pg_url, sql).rows]
        expected = [tuple(float(v) if isinstance(v, int | float) else v for v in r) for r in EXPECTED[n]]
        assert rows == expected, n
    monkeypatch.setattr(query_mod, "check_read_only", lambda sql: None)
    with pytest.raises(QueryError, match="read-only"):
        run_query(pg_url, "DELETE FROM documents")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == 2
    engine.dispose()
