"""Amounts are exact end to end, on SQLite and PostgreSQL alike: stored as decimals, exported as
JSON numbers with their own digits, and a thousand lines add up to the penny."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from stratdoc.extract import org_key
from stratdoc.ingest.builder import DocumentBuilder
from stratdoc.schema import BlockKind, Extraction, Format, FundingLine, Measure, Span
from stratdoc.store.csv_export import write_csv_dir
from stratdoc.store.export import dumps, iter_records, write_jsonl
from stratdoc.store.models import exact
from stratdoc.store.repository import save_document
from stratdoc.store.session import open_engine, session_factory

N = 1000
MLN = Decimal(1_000_000)


def amount(i: int) -> Decimal:
    """Sums of a regional budget, to the kopeck and below: more digits than a float keeps."""
    return Decimal("1234567890123.45") + Decimal(i) / 100 + Decimal(i % 7) / 1_000_000


def store_lines(url: str, amounts: list[Decimal]) -> None:
    b = DocumentBuilder(id="cd" * 32, source="budget.txt", format=Format.TXT)
    b.add_block(BlockKind.PARAGRAPH, "Объём финансирования программы")
    doc = b.build()
    sp = Span(start=0, end=5)
    funding = [FundingLine(source="regional", year=2024, amount=a, unit="млн руб.", amount_rub=a * MLN,
                           raw=str(a), span=sp) for a in amounts]
    ext = Extraction(measures=[Measure(number="1", name="Программа", span=sp, funding=funding)])
    engine = open_engine(url)
    with session_factory(engine)() as s, s.begin():
        save_document(s, doc, ext, n_bytes=1, pipeline_version="t", run_id=None, org_key=org_key)
    engine.dispose()


def jsonl(url: str) -> str:
    engine = open_engine(url)
    out = io.StringIO()
    with session_factory(engine)() as s:
        write_jsonl(s, out)
    engine.dispose()
    return out.getvalue()


def test_an_amount_is_exported_with_its_own_digits(store_url: str) -> None:
    store_lines(store_url, [Decimal("1194494.4"), Decimal("0.000001"), Decimal("1234567890123456.789012"),
                            Decimal("15423300000")])
    line = jsonl(store_url)
    assert '"amount": 1194494.4, ' in line and '"amount_rub": 1194494400000, ' in line
    assert '"amount": 0.000001, ' in line
    assert '"amount": 1234567890123456.789012, ' in line  # 22 digits: a float keeps 17
    assert '"amount": 15423300000, ' in line
    funding = json.loads(line, parse_float=Decimal)["measures"][0]["funding"]
    assert [f["amount"] for f in funding] == [Decimal("1194494.4"), Decimal("0.000001"),
                                              Decimal("1234567890123456.789012"), 15423300000]
    assert json.loads(line)["measures"][0]["funding"][0]["amount"] == 1194494.4  # plain json reads it too


def test_a_thousand_lines_add_up_exactly(store_url: str) -> None:
    amounts = [amount(i) for i in range(N)]
    store_lines(store_url, amounts)
    exact_sum = sum(amounts, Decimal(0))
    assert Decimal(repr(sum(float(a) for a in amounts))) != exact_sum  # what floats would give
    assert Decimal(repr(float(amounts[1]))) != amounts[1]
    funding = json.loads(jsonl(store_url), parse_float=Decimal)["measures"][0]["funding"]
    assert sum((f["amount"] for f in funding), Decimal(0)) == exact_sum
    assert sum((Decimal(f["amount_rub"]) for f in funding), Decimal(0)) == exact_sum * MLN


def test_sqlite_keeps_the_digits_and_postgresql_a_numeric(store_url: str) -> None:
    store_lines(store_url, [Decimal("1194494.4"), Decimal("0.1"), Decimal("0.2")])
    engine = open_engine(store_url)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            stored = conn.execute(text("SELECT amount, typeof(amount) FROM funding_lines ORDER BY idx")).all()
            assert stored == [("1194494.4", "text"), ("0.1", "text"), ("0.2", "text")]
        else:
            kind = conn.execute(text("SELECT data_type, numeric_precision, numeric_scale FROM "
                                     "information_schema.columns WHERE table_schema = current_schema() "
                                     "AND table_name = 'funding_lines' AND column_name = 'amount'")).one()
            assert tuple(kind) == ("numeric", 28, 6)
            total = conn.execute(text("SELECT sum(amount) FROM funding_lines WHERE amount < 1")).scalar()
            assert total == Decimal("0.3")
    engine.dispose()


def test_views_compare_and_sort_amounts_as_numbers(store_url: str) -> None:
    store_lines(store_url, [Decimal("9"), Decimal("10"), Decimal("100.5"), Decimal("2")])
    engine = open_engine(store_url)
    with engine.connect() as conn:
        got = [float(v) for (v,) in conn.execute(text("SELECT amount FROM v_funding ORDER BY amount"))]
        assert got == [2, 9, 10, 100.5]  # text order would give 10, 100.5, 2, 9
        n = conn.execute(text("SELECT count(*) FROM v_funding WHERE amount_rub > 9500000")).scalar()
        assert n == 2
    engine.dispose()


def test_csv_cells_carry_the_same_digits(store_url: str, tmp_path: Path) -> None:
    store_lines(store_url, [Decimal("1194494.4"), Decimal("3.100000")])
    engine = open_engine(store_url)
    with session_factory(engine)() as s:
        write_csv_dir(iter_records(s), tmp_path / "csv")
    engine.dispose()
    with (tmp_path / "csv" / "funding.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["amount"], r["amount_rub"]) for r in rows] == [("1194494.4", "1194494400000"),
                                                              ("3.1", "3100000")]


@pytest.mark.parametrize("value", [
    {"a": [1, 2.5, None, True, "кириллица \"в кавычках\"\n"], "b": {"c": [], "d": {}}},
    [{"x": 1e300, "y": -0.0, "z": 12345678901234567890}],
    "plain",
])
def test_dumps_writes_what_json_dumps_writes_for_everything_else(value: object) -> None:
    assert dumps(value) == json.dumps(value, ensure_ascii=False)


def test_exact_rounds_like_numeric_28_6() -> None:
    assert [str(exact(v)) for v in ("1194494.400000", "0.0000005", "-0.0000004", "1E+3", 0.1, 7)] == [
        "1194494.4", "0.000001", "0", "1000", "0.1", "7"]


def test_the_migrated_sqlite_values_are_readable_by_sqlite_itself(tmp_path: Path) -> None:
    """A person's own tools read the text digits as numbers through the views."""
    url = f"sqlite:///{tmp_path / 'a.db'}"
    store_lines(url, [Decimal("1194494.4")])
    con = sqlite3.connect(tmp_path / "a.db")
    assert con.execute("SELECT amount * 2, typeof(amount) FROM v_funding").fetchone() == (2388988.8, "real")
    con.close()
