"""A store holding two small documents whose funding, measures and indicators are known exactly.

Written straight through `save_document`, so the tests of views, queries and exports check the
store layer against known answers, not whatever the extractors happen to find.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Engine

from stratdoc.extract import org_key
from stratdoc.ingest.builder import DocumentBuilder, RawCell
from stratdoc.schema import (
    BlockKind,
    Extraction,
    Format,
    FundingLine,
    Indicator,
    IndicatorValue,
    Measure,
    Project,
    Span,
)
from stratdoc.schema.document import Document, Table
from stratdoc.store.repository import save_document
from stratdoc.store.session import session_factory

PSKOV_ID = "a1" * 32
TVER_ID = "b2" * 32
MLN = Decimal(1_000_000)
THOUSAND = Decimal(1_000)


def _cell_span(table: Table, row: int, col: int, page: int | None = None) -> Span:
    cell = next(c for c in table.cells if (c.row, c.col) == (row, col))
    return Span(page=page, start=cell.start, end=cell.end, table=table.index, row=row, col=col)


def _line(table: Table, row: int, col: int, source: str, amount: str, unit: str, scale: Decimal,
          page: int | None = None, **years: int) -> FundingLine:
    span = _cell_span(table, row, col, page)
    value = Decimal(amount)
    return FundingLine(source=source, amount=value, unit=unit, amount_rub=value * scale,
                       raw=next(c.text for c in table.cells if (c.row, c.col) == (row, col)), span=span,
                       **years)


def pskov() -> tuple[Document, Extraction]:
    b = DocumentBuilder(id=PSKOV_ID, source="plan-pskov.pdf", format=Format.PDF)
    b.start_page(1)
    b.add_block(BlockKind.HEADING, "План мероприятий по реализации стратегии города Пскова", level=1)
    b.start_page(2)
    t = b.add_table([
        RawCell(0, 0, "№"), RawCell(0, 1, "Мероприятие"), RawCell(0, 2, "Источник"),
        RawCell(0, 3, "2024"), RawCell(0, 4, "2025"),
        RawCell(1, 0, "1"), RawCell(1, 1, "Ремонт набережной"), RawCell(1, 2, "Областной бюджет"),
        RawCell(1, 3, "12,5"), RawCell(1, 4, "14,0"),
        RawCell(2, 2, "Бюджет города"), RawCell(2, 3, "3,1"),
        RawCell(3, 0, "2"), RawCell(3, 1, "Строительство бассейна"), RawCell(3, 2, "Бюджет города"),
        RawCell(3, 3, "40,0"),
        RawCell(4, 1, "Всего на 2024 - 2026 годы"), RawCell(4, 3, "500,0"),
    ])
    ind = b.add_table([
        RawCell(0, 0, "Показатель"), RawCell(0, 1, "2022 (факт)"), RawCell(0, 2, "2030 (план)"),
        RawCell(1, 0, "Численность населения, тыс. чел."), RawCell(1, 1, "187,0"), RawCell(1, 2, "190,5"),
    ])
    doc = b.build()
    assert t is not None and ind is not None
    unit = "млн руб."
    ext = Extraction(
        measures=[
            Measure(number="1", name="Ремонт набережной", span=_cell_span(t, 1, 1, 2), funding=[
                _line(t, 1, 3, "regional", "12.5", unit, MLN, 2, year=2024),
                _line(t, 1, 4, "regional", "14.0", unit, MLN, 2, year=2025),
                _line(t, 2, 3, "municipal", "3.1", unit, MLN, 2, year=2024)],
                responsible=["Комитет по строительству"]),
            Measure(number="2", name="Строительство бассейна", span=_cell_span(t, 3, 1, 2), funding=[
                _line(t, 3, 3, "municipal", "40.0", unit, MLN, 2, year=2024)]),
        ],
        funding=[_line(t, 4, 3, "total", "500.0", unit, MLN, 2, year_from=2024, year_to=2026)],
        indicators=[Indicator(number="1", name="Численность населения", unit="тыс. чел.",
                              span=_cell_span(ind, 1, 0, 2),
                              values=[IndicatorValue(year=2022, value=187.0, kind="fact"),
                                      IndicatorValue(year=2030, value=190.5, kind="plan")])],
    )
    ext.document.kind = "action_plan"
    ext.document.municipality = "Псков"
    ext.document.region = "Псковская область"
    ext.document.adopted_on = date(2023, 3, 1)
    return doc, ext


def tver() -> tuple[Document, Extraction]:
    b = DocumentBuilder(id=TVER_ID, source="strategiya-tver.docx", format=Format.DOCX)
    b.add_block(BlockKind.HEADING, "Стратегия социально-экономического развития города Твери", level=1)
    t = b.add_table([
        RawCell(0, 0, "1"), RawCell(0, 1, "Благоустройство парка"), RawCell(0, 2, "Областной бюджет"),
        RawCell(0, 3, "2024"), RawCell(0, 4, "2 000,0"),
        RawCell(1, 0, "2"), RawCell(1, 1, "Ледовая арена"), RawCell(1, 2, "Областной бюджет"),
        RawCell(1, 3, "2023 - 2025"), RawCell(1, 4, "300,0"),
        RawCell(2, 0, "3"), RawCell(2, 1, "Протяжённость отремонтированных дорог, км"),
        RawCell(2, 3, "2030"), RawCell(2, 4, "12"),
    ])
    doc = b.build()
    assert t is not None
    ext = Extraction(
        measures=[Measure(number="1", name="Благоустройство парка", span=_cell_span(t, 0, 1), funding=[
            _line(t, 0, 4, "regional", "2000.0", "тыс. руб.", THOUSAND, year=2024)])],
        projects=[Project(name="Ледовая арена", period="2023 - 2025", span=_cell_span(t, 1, 1), funding=[
            _line(t, 1, 4, "regional", "300.0", "млн руб.", MLN, year_from=2023, year_to=2025)])],
        indicators=[Indicator(number="3", name="Протяжённость отремонтированных дорог", unit="км",
                              span=_cell_span(t, 2, 1),
                              values=[IndicatorValue(year=2030, value=12, kind="plan")])],
    )
    ext.document.kind = "strategy"
    ext.document.municipality = "Тверь"
    ext.document.region = "Тверская область"
    ext.document.adopted_on = date(2021, 12, 20)
    return doc, ext


def fill(engine: Engine, run_ids: tuple[int | None, int | None] = (None, None)) -> None:
    """Store both documents (Псков by the first run id, Тверь by the second)."""
    with session_factory(engine)() as session:
        for (doc, ext), run_id in zip((pskov(), tver()), run_ids, strict=True):
            save_document(session, doc, ext, n_bytes=len(doc.text), pipeline_version="test",
                          run_id=run_id, org_key=org_key)
        session.commit()
