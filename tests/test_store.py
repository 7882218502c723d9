"""Store round trip: records written as rows come back in the export contract unchanged, on
SQLite and on PostgreSQL alike (the `store_url` fixture)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from stratdoc.extract import org_key
from stratdoc.ingest.builder import DocumentBuilder, RawCell
from stratdoc.schema import (
    BlockKind,
    Event,
    Extraction,
    Format,
    FundingLine,
    Goal,
    Indicator,
    IndicatorValue,
    Measure,
    Organization,
    Person,
    Project,
    Span,
    Task,
)
from stratdoc.store.export import document_record
from stratdoc.store.repository import delete_document, find_document, save_document, table_counts
from stratdoc.store.session import open_engine, resolve_url, session_factory


@pytest.fixture()
def session(store_url: str):
    engine = open_engine(store_url)
    with session_factory(engine)() as s:
        yield s
    engine.dispose()


def small_doc():
    b = DocumentBuilder(id="ab" * 32, source="plan.docx", format=Format.DOCX)
    b.add_block(BlockKind.HEADING, "План мероприятий города Пскова", level=1)
    b.add_table([RawCell(0, 0, "1"), RawCell(0, 1, "Ремонт набережной"), RawCell(0, 2, "Бюджет МО 15 423,3")])
    return b.build()


def test_roundtrip_all_record_types(session) -> None:
    doc = small_doc()
    sp = Span(page=None, start=0, end=9)
    line = FundingLine(source="municipal", year=2022, amount=Decimal("15423.3"), unit="млн руб.",
                       amount_rub=Decimal("15423300000"), raw="Бюджет МО 15 423,3", span=sp)
    ext = Extraction(
        goals=[Goal(number="1", text="Развитие человеческого потенциала",
                    tasks=[Task(number="1.1", text="Рост рождаемости")], span=sp)],
        measures=[Measure(number="1", name="Ремонт набережной", goal="1", span=sp, funding=[line],
                          responsible=["Управление городского хозяйства", "Комитет по культуре"])],
        indicators=[Indicator(number="1", name="Численность населения", unit="тыс. чел.", span=sp,
                              values=[IndicatorValue(year=2021, value=347.15, kind="estimate"),
                                      IndicatorValue(year=2022, value=-2537, note="comma: thousands")])],
        projects=[Project(name="Ледовая арена", period="2022-2024", span=sp,
                          funding=[FundingLine(source="unspecified", raw="Финансирование не определено")])],
        funding=[FundingLine(source="total", year_from=2021, year_to=2025, amount=Decimal("7271.281"),
                             unit="млрд руб.", amount_rub=Decimal("7271281000000"), raw="7271,281")],
        organizations=[Organization(name="Комитет по культуре", mentions=3, span=sp),
                       Organization(name="комитет  по культуре", mentions=1, span=sp)],
        persons=[Person(name="Ольга Смирнова", position="глава города", span=sp)],
        events=[Event(name="стратегическая сессия", kind="strategic_session", date_from=date(2022, 11, 23),
                      date_to=date(2022, 11, 24), place="Псков", span=sp)],
    )
    ext.document.kind = "action_plan"
    ext.document.horizon_year = 2035
    save_document(session, doc, ext, n_bytes=100, pipeline_version="t", run_id=None, org_key=org_key)
    session.commit()
    rec = document_record(session, find_document(session, "abab"))
    assert rec["document"]["kind"] == "action_plan"
    assert rec["document"]["horizon_year"] == 2035
    m = rec["measures"][0]
    assert m["responsible"] == ["Управление городского хозяйства", "Комитет по культуре"]
    assert m["funding"][0]["amount"] == Decimal("15423.3")
    assert m["funding"][0]["amount_rub"] == Decimal("15423300000")
    assert m["funding"][0]["year"] == 2022
    assert [{k: t[k] for k in ("number", "text")} for t in rec["goals"][0]["tasks"]] == [
        {"number": "1.1", "text": "Рост рождаемости"}]
    values = [v["value"] for v in rec["indicators"][0]["values"]]
    assert values == [347.15, -2537] and isinstance(values[1], int)  # the same from both databases
    assert rec["indicators"][0]["values"][1]["note"] == "comma: thousands"
    assert rec["projects"][0]["funding"][0]["amount"] is None
    assert rec["funding"][0]["amount_rub"] == Decimal("7271281000000")
    assert rec["funding"][0]["year_from"] == 2021
    # one canonical organization for both spellings; the measure's units share the table
    assert [o["name"] for o in rec["organizations"]] == ["Комитет по культуре"]
    assert rec["events"][0]["date_to"] == "2022-11-24"
    counts = table_counts(session)
    assert counts["organizations"] == 2
    assert counts["responsible"] == 2
    assert counts["cells"] == 3


def test_delete_cascades(session) -> None:
    doc = small_doc()
    sp = Span(start=0, end=5)
    ext = Extraction(measures=[Measure(name="Ремонт", responsible=["Отдел культуры"], span=sp,
                                       funding=[FundingLine(source="municipal", raw="x")])])
    save_document(session, doc, ext, n_bytes=1, pipeline_version="t", run_id=None, org_key=org_key)
    session.commit()
    delete_document(session, doc.id)
    session.commit()
    counts = table_counts(session)
    for table in ("documents", "blocks", "doc_tables", "cells", "measures", "funding_lines", "responsible"):
        assert counts[table] == 0, table
    assert counts["organizations"] == 1  # shared across documents: kept


@pytest.mark.parametrize(("value", "url"), [
    ("data/x.db", "sqlite:///data/x.db"),
    ("postgresql+psycopg://u@localhost/db", "postgresql+psycopg://u@localhost/db"),
    ("sqlite:///:memory:", "sqlite:///:memory:"),
])
def test_resolve_url(value: str, url: str) -> None:
    assert resolve_url(value) == url
