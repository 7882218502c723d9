"""Cell readers every row reader shares: names, item numbers, responsible units, cell spans.

Measures, indicators, projects and funding lines read the same cells the same way; one copy
of each reader lives here, below all of them, so no row reader borrows from another.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from stratdoc.extract.nlp import Nlp
from stratdoc.extract.tables.grid import GridRow
from stratdoc.extract.tables.header import Header
from stratdoc.extract.tables.header_cells import scenario_label
from stratdoc.extract.tables.responsible import split_responsible
from stratdoc.extract.tables.rows import BodyRow
from stratdoc.schema import Cell
from stratdoc.schema.records import Span

# Amendment notes glued to a name: «… (в ред. постановления от 01.02.2023 № 5)».
TRAILING_NOTE_RE = re.compile(r"\s*\(\s*в\s+ред(?:\.|акции)[^()]*(?:\([^()]*\)[^()]*)*\)\s*$", re.IGNORECASE)
# A number printed at the head of a name when the table has no № column: «1.1. Ремонт …»,
# «2) Проведение …», «1.2 Устройство …» (one level needs its dot or bracket: «100 тысяч» is a name).
NAME_NUMBER_RE = re.compile(r"^\s*(?:(\d{1,3}(?:\.\d{1,3})+)\.?|(\d{1,3})[.)])\s+(?=\S)")


def clean_name(text: str) -> str:
    return TRAILING_NOTE_RE.sub("", " ".join(text.split())).strip()


def split_name_number(name: str) -> tuple[str | None, str]:
    """«1.1. Ремонт улицы» → («1.1», «Ремонт улицы»); a name without a number is left alone."""
    m = NAME_NUMBER_RE.match(name)
    if m is None:
        return None, name
    return m.group(1) or m.group(2), name[m.end():]


def item_number(text: str) -> str | None:
    """«1.», «1.2.» → «1», «1.2»; None for an empty cell."""
    t = text.strip().rstrip(".").strip()
    return t or None


def row_number(b: BodyRow, header: Header, name: str) -> tuple[str | None, str]:
    """(number, name) of an item: from the № column, or from the head of the name without one."""
    number_col = header.first("number")
    if number_col is None:
        return split_name_number(name)
    return item_number(b.rows[0].text(number_col.index)), name


def named_rows(header: Header, body: list[BodyRow], *, keep_total: Callable[[str], bool] | None = None
               ) -> Iterator[tuple[BodyRow, str]]:
    """The data rows that name an item, with the name cleaned; none without a name column. A total
    row is one of them when `keep_total` says its name is an item's."""
    name_col = header.first("name")
    if name_col is None:
        return
    for b in body:
        name = clean_name(b.name(name_col.index))
        if name and (b.kind == "data" or (keep_total is not None and keep_total(name))):
            yield b, name


def cell_span(cell: Cell, row: GridRow) -> Span:
    return Span(page=cell.page, start=cell.start, end=cell.end, table=row.table, row=cell.row, col=cell.col)


def responsible_mentions(body: BodyRow, header: Header, nlp: Nlp, *,
                         by_lines: bool = True) -> list[tuple[str, Span]]:
    """Every unit named in the row's responsible columns, with the span of its cell.

    `by_lines`: a plan lists its units one per line of a cell; a project registry names one
    party per project, and a second line qualifies it (its group, a partner), so there lines
    are not split."""
    out: list[tuple[str, Span]] = []
    for col in header.by_role("responsible"):
        for grow in body.rows:
            cell = grow.cells[col.index]
            if cell is None or not cell.text.strip():
                continue
            span = cell_span(cell, grow)
            for unit in split_responsible("\n".join(cell.lines()) if by_lines else cell.text, nlp):
                if all(unit != u for u, _ in out):
                    out.append((unit, span))
    return out


def responsible_names(body: BodyRow, header: Header, nlp: Nlp, *, by_lines: bool = True) -> list[str]:
    return [u for u, _ in responsible_mentions(body, header, nlp, by_lines=by_lines)]


RowKey = tuple[int, int]  # (table piece, row) of a grid row


def row_key(grow: GridRow) -> RowKey:
    return grow.table, grow.row


def scenario_column_labels(body: list[BodyRow], header: Header, nlp: Nlp) -> dict[RowKey, str]:
    """The scenario each grid row stands for, read from the table's scenario column.

    A blank scenario cell repeats the label above it: a label merged down over its rows comes
    from readers that keep no merge (HTML, plain text) in the first of them only."""
    col = header.first("scenario")
    out: dict[RowKey, str] = {}
    if col is None:
        return out
    last: str | None = None
    for b in body:
        for grow in b.rows:
            text = grow.text(col.index)
            if text:
                last = scenario_label(text, nlp)
            if last is not None:
                out[row_key(grow)] = last
    return out
