"""XLSX → Document: each worksheet one heading (its name) and one table.

How the workbook is read, and why:

* Streaming (`read_only=True`) for every file, so memory follows the non-empty cells and
  not the sheet's claimed size. openpyxl's read-only sheets do not expose merged ranges,
  so each sheet is parsed with openpyxl's own `WorkSheetParser`, which collects
  `<mergeCells>` while it streams the rows: one pass, merges and values together. That
  parser and the attributes it needs are openpyxl internals (stable through 3.1); they
  are used in `sheet_to_cells` only.
* `data_only=True`: formula cells give the value Excel cached when it last saved the file,
  which is what a reader of the sheet sees. openpyxl computes nothing, so a formula in a
  file never saved by a spreadsheet application (one written by a script) reads as empty.
* Coordinates stay the sheet's: table row r, column c is sheet cell (r+1, c+1), empty
  interior rows and leading empty columns included, so provenance names a real cell.
  Only empty rows and columns after the last non-empty cell are dropped, and merged
  ranges are clipped to that extent. Sheets with no text are skipped.
* Numbers become text as a spreadsheet would show them in the General format: integers
  without ".0", floats to 15 significant digits (Excel's precision, which also drops
  binary noise such as 389241.42600000004), percent-formatted cells as "15.3%"; dates
  in ISO form. Pages are meaningless for a workbook: `page` stays None.
"""

from __future__ import annotations

import io
import warnings
from bisect import bisect_right
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

from stratdoc.errors import InputTooLarge
from stratdoc.ingest import zipsafe
from stratdoc.ingest.builder import DocumentBuilder, RawCell, sha256_hex
from stratdoc.ingest.settings import ReadLimits
from stratdoc.schema import BlockKind, Document, Format

LABEL = "XLSX"
SIGNIFICANT_DIGITS = 15  # what Excel keeps and shows of a double
BOOL_TEXT = {True: "ИСТИНА", False: "ЛОЖЬ"}  # as a Russian-locale spreadsheet shows them

Position = tuple[int, int]  # (row, col), 0-based
Merge = tuple[int, int, int, int]  # (first row, first col, last row, last col), 0-based inclusive


def read_bytes(path: Path, data: bytes, limits: ReadLimits) -> Document:
    zipsafe.check(path, data, limits, LABEL)
    builder = DocumentBuilder(id=sha256_hex(data), source=path.name, format=Format.XLSX)
    with warnings.catch_warnings():  # openpyxl warns about every extension it skips
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        try:
            for ws in wb.worksheets:
                texts, merges = sheet_to_cells(wb, ws)
                cells, hidden = cells_to_raw(texts, merges)
                if not cells:
                    continue
                check_rendered_size(path, ws.title, cells, limits.max_text_chars - builder.length)
                if hidden:
                    builder.warn(f"sheet «{ws.title}»: {hidden} cell(s) under merged ranges dropped")
                builder.add_block(BlockKind.HEADING, ws.title, level=1)
                builder.add_table(cells, name=ws.title)
            title = " ".join((wb.properties.title or "").split())
        finally:
            wb.close()
    if title:
        builder.hints["title"] = title
    return builder.build()


def sheet_to_cells(wb: Workbook, ws: ReadOnlyWorksheet) -> tuple[dict[Position, str], list[Merge]]:
    """Non-empty cell texts by position, and the merged ranges, in one streaming pass."""
    texts: dict[Position, str] = {}
    with ws._get_source() as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        for _, row in parser.parse():
            for cell in row:
                value = cell["value"]
                if value is None:
                    continue
                number_format = "General"
                if isinstance(value, int | float) and not isinstance(value, bool):  # percent?
                    number_format = ReadOnlyCell(ws, **cell).number_format
                text = value_to_text(value, number_format).strip()
                if text:
                    texts[(cell["row"] - 1, cell["column"] - 1)] = text
        merged = parser.merged_cells.mergeCell if parser.merged_cells is not None else []
    merges = []
    for rng in merged:
        min_col, min_row, max_col, max_row = range_boundaries(rng.ref)
        merges.append((min_row - 1, min_col - 1, max_row - 1, max_col - 1))
    return texts, merges


def value_to_text(value: Any, number_format: str = "General") -> str:
    if isinstance(value, bool):
        return BOOL_TEXT[value]
    if isinstance(value, int | float | Decimal):
        return number_to_text(value, percent="%" in (number_format or ""))
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def number_to_text(value: int | float | Decimal, percent: bool = False) -> str:
    """Plain decimal notation, no exponent, no float noise: 50331.983, 2305118.6, 120."""
    if isinstance(value, float):
        number = Decimal(format(value, f".{SIGNIFICANT_DIGITS}g"))
    else:
        number = Decimal(value)
    if percent:
        number *= 100
    text = format(number.normalize(), "f")
    if text == "-0":
        text = "0"
    return f"{text}%" if percent else text


def cells_to_raw(texts: dict[Position, str], merges: list[Merge]) -> tuple[list[RawCell], int]:
    """Cells with merge spans at their origin; covered cells emit nothing.

    Spans are clipped to the used extent (the last non-empty row and column), so a title
    merged across fifty blank columns does not widen the table. Returns the cells and how
    many non-empty cells lay hidden under a merge (Excel keeps only the origin's value).
    """
    covered = covered_positions(sorted(texts), merges)
    shown = {pos: text for pos, text in sorted(texts.items()) if pos not in covered}
    if not shown:
        return [], len(covered)
    last_row = max(r for r, _ in shown)
    last_col = max(c for _, c in shown)
    spans = {(r1, c1): (min(r2, last_row) - r1 + 1, min(c2, last_col) - c1 + 1)
             for r1, c1, r2, c2 in merges if (r1, c1) in shown}
    cells = [RawCell(row=r, col=c, text=text, row_span=spans.get((r, c), (1, 1))[0],
                     col_span=spans.get((r, c), (1, 1))[1])
             for (r, c), text in shown.items()]
    return cells, len(covered)


def covered_positions(positions: list[Position], merges: list[Merge]) -> set[Position]:
    """The positions (sorted by row) that lie inside a merged range but are not its origin.

    A sweep over rows keeps the ranges active on the current row sorted by first column,
    so the cost follows the cells and ranges, never the (possibly huge) merged areas.
    """
    by_start = sorted(merges)
    covered: set[Position] = set()
    active: list[Merge] = []
    firsts: list[int] = []
    nxt = 0
    current_row = -1
    for r, c in positions:
        if r != current_row:
            current_row = r
            while nxt < len(by_start) and by_start[nxt][0] <= r:
                active.append(by_start[nxt])
                nxt += 1
            active = sorted((m for m in active if m[2] >= r), key=lambda m: m[1])
            firsts = [m[1] for m in active]
        i = bisect_right(firsts, c) - 1
        if i >= 0:
            r1, c1, _, c2 = active[i]
            if c <= c2 and (r, c) != (r1, c1):
                covered.add((r, c))
    return covered


def check_rendered_size(path: Path, title: str, cells: list[RawCell], room: int) -> None:
    """Refuse a sheet whose tab-separated rendering would blow the text limit.

    A lone value far down and right makes every row above it a line of empty tabs, so the
    estimate counts the grid, not just the text.
    """
    n_rows = max(c.row + c.row_span for c in cells)
    n_cols = max(c.col + c.col_span for c in cells)
    size = n_rows * n_cols + sum(len(c.text) for c in cells)
    if size > room:
        raise InputTooLarge(path, f"XLSX sheet «{title}» renders to about {size:,} characters "
                                  f"({n_rows:,} rows × {n_cols:,} columns), over the text limit")
