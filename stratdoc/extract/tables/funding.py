"""Funding lines of one table row: every money or value column, with what its header, the row
and the cell say about source, period, scenario and unit.

A source may be named by the column («федеральный бюджет»), by a source column of the row
(«ОБ» beside plain amounts), or inside the cell («Бюджет МО 12 500,0»); the cell wins. The year
comes from the column, else from the row when an item runs over a row per year.
"""

from __future__ import annotations

from dataclasses import replace

from stratdoc.extract.lexicon.funding_sources import (
    FundingContext,
    cell_to_funding_lines,
    find_sources,
    source_of,
)
from stratdoc.extract.lexicon.numbers import find_numbers
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.tables.cells import RowKey, cell_span, row_key, scenario_column_labels
from stratdoc.extract.tables.columns import Column
from stratdoc.extract.tables.grid import GridRow
from stratdoc.extract.tables.header import Header
from stratdoc.extract.tables.header_cells import period_of_cell
from stratdoc.extract.tables.rows import BodyRow
from stratdoc.schema import Cell
from stratdoc.schema.records import FundingLine, Source

MONEY_ROLES = ("money", "value")
# A money-looking column whose cells mostly name sources without amounts is a source column.
SOURCE_COLUMN_MAX_NUMBERED = 0.3
SOURCE_COLUMN_MIN_SOURCED = 0.5


def settle_source_columns(header: Header, body: list[BodyRow], nlp: Nlp) -> None:
    """Money columns without a period whose cells are source names become `source` columns."""
    for col in header.columns:
        if col.role != "money" or col.has_period:
            continue
        texts = [t for b in body for t in [b.text(col.index)] if t]
        if not texts:
            continue
        numbered = sum(1 for t in texts if find_numbers(t))
        sourced = sum(1 for t in texts if find_sources(t, nlp))
        if numbered <= SOURCE_COLUMN_MAX_NUMBERED * len(texts) and \
                sourced >= SOURCE_COLUMN_MIN_SOURCED * len(texts):
            col.role = "source"


def settle_period_rows(header: Header, body: list[BodyRow]) -> None:
    """Does the period column date each grid row? Yes when an item runs over several rows whose
    period cells hold different years or spans (a row per year under one merged name)."""
    period = header.first("period")
    if period is None:
        return
    for b in body:
        periods = {period_of_cell(r.text(period.index)) for r in b.rows if r.text(period.index)}
        periods.discard((None, None, None))
        if len(b.rows) > 1 and len(periods) > 1:
            header.period_rows = True
            return


def _row_period(grow: GridRow, header: Header) -> tuple[int | None, int | None, int | None]:
    """The year a grid row's amounts are for: its period cell in a table of rows per year, or a
    name cell that holds only a year («2024 год» under the item, below «в том числе по годам:»)."""
    period = header.first("period")
    if header.period_rows and period is not None:
        found = period_of_cell(grow.text(period.index))
        if found != (None, None, None):
            return found
    name = header.first("name")
    cell = grow.cells[name.index] if name is not None and name.index < len(grow.cells) else None
    if cell is not None and cell.row == grow.row:
        return period_of_cell(cell.text)
    return None, None, None


def _context(col: Column, source: Source | None, scenario: str | None,
             stacked: tuple[Source, ...] = (),
             row_period: tuple[int | None, int | None, int | None] = (None, None, None)) -> FundingContext:
    """A source named by the column wins, except «Всего» over a row that names its own source.
    A column without a period of its own takes the row's («2025» in a «Годы реализации» column)."""
    if col.source is not None and (col.source != "total" or source is None):
        source, stacked = col.source, ()
    year, year_from, year_to = col.year, col.year_from, col.year_to
    if not col.has_period and row_period != (None, None, None):
        year, year_from, year_to = row_period
    return FundingContext(source=source, stacked=stacked, year=year, year_from=year_from,
                          year_to=year_to, scenario=col.scenario or scenario, unit=col.unit)


def _merged_period(cell: Cell, header: Header, ctx: FundingContext) -> FundingContext:
    """A cell merged across columns of several years («Финансирование не определено» over 2024,
    2025 and 2026) speaks for their whole period."""
    covered = [c for c in header.columns if c.role in MONEY_ROLES and c.has_period
               and cell.col <= c.index < cell.col + cell.col_span]
    if len(covered) < 2:
        return ctx
    first = min(c.year if c.year is not None else c.year_from for c in covered)
    last = max(c.year if c.year is not None else c.year_to for c in covered)
    if first == last:
        return ctx
    return replace(ctx, year=None, year_from=first, year_to=last)


def row_funding(body: BodyRow, header: Header, nlp: Nlp, *, row_source: Source | None = None,
                scenarios: dict[RowKey, str] | None = None) -> list[FundingLine]:
    """All funding lines of a (possibly multi-row) body row; `scenarios` gives each grid row the
    scenario of the table's scenario column (see `scenario_column_labels`)."""
    source_col = header.first("source")
    if scenarios is None:
        scenarios = scenario_column_labels([body], header, nlp)
    lines: list[FundingLine] = []
    seen: list[Cell] = []
    for grow in body.rows:
        named_all = tuple(m.source for m in find_sources(grow.text(source_col.index), nlp)) \
            if source_col else ()
        named = named_all[0] if named_all else None
        source = named or row_source
        row_period = _row_period(grow, header)
        filled = False
        for col in header.columns:
            if col.role not in MONEY_ROLES:
                continue
            cell = grow.cells[col.index]
            if cell is None or not cell.text.strip() or any(cell is s for s in seen):
                continue
            seen.append(cell)
            filled = True
            scenario = scenarios.get(row_key(grow), body.scenario)
            ctx = _merged_period(cell, header, _context(col, source, scenario, named_all, row_period))
            lines.extend(cell_to_funding_lines(cell.text, ctx, cell_span(cell, grow), nlp=nlp))
        if named == "unspecified" and not filled and source_col is not None:
            # «Финансирование не определено» in the source column, amount cells left empty
            cell = grow.cells[source_col.index]
            if cell is not None:
                lines.append(FundingLine(source="unspecified", raw=cell.text, span=cell_span(cell, grow)))
    return lines


def row_label(body: BodyRow, header: Header) -> str:
    """What names the row: its name cell, else its first text that is not a number nor the row's
    scenario."""
    name = header.first("name")
    if name is not None and body.text(name.index):
        return body.text(name.index)
    skip = {c.index for c in (header.first("number"), header.first("scenario")) if c is not None}
    for k, t in body.rows[0].filled():
        if k not in skip and not find_numbers(t):
            return t
    return ""


def rows_to_funding(header: Header, body: list[BodyRow], nlp: Nlp) -> list[FundingLine]:
    """A resource table (sources as rows, periods as columns) → strategy-level funding lines. In a
    table with a scenario column, a row that names only its scenario belongs to the source above
    (printed once over its scenario rows, the merge not kept)."""
    out: list[FundingLine] = []
    scenarios = scenario_column_labels(body, header, nlp)
    has_scenarios = header.first("scenario") is not None
    above: Source | None = None
    for b in body:
        label = row_label(b, header)
        source = source_of(label, nlp) or ("total" if b.kind == "total" else None)
        if source is None and not label and has_scenarios:
            source = above
        else:
            above = source  # a row named otherwise ends the source's rows
        if source is None:
            continue
        out.extend(row_funding(b, header, nlp, row_source=source, scenarios=scenarios))
    return out
