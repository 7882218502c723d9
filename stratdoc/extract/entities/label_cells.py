"""Table cells that label rather than name: column titles and rows holding one label.

«Наименование товарной группы», «Код ТН ВЭД» over a column, «АПК» or «ВЭД» alone on a row over the
rows of a sector, «Оборот организаций АПК, млн руб.» before a row of numbers: natasha tags such
abbreviations as ORG, but a cell of this kind says what the cells below or beside it are, it
names no organization. Names found by the vocabulary rules (a
body's head noun, a legal form) are kept wherever they stand.
"""

from __future__ import annotations

from stratdoc.extract.lexicon.numbers import is_no_value, parse_qualified_number
from stratdoc.schema import Cell, Document, Table


def _is_value(text: str) -> bool:
    return is_no_value(text) or parse_qualified_number(text) is not None


def table_label_cells(table: Table) -> list[tuple[int, int]]:
    """(start, end) of the table's first-row cells, of every cell alone on its row, and of the
    first cell of a row whose other cells all hold numbers (a statistic's label)."""
    if table.n_rows < 2:
        return []
    filled: dict[int, list[Cell]] = {}
    for c in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if c.text.strip():
            filled.setdefault(c.row, []).append(c)
    first = min(filled, default=None)
    out: list[tuple[int, int]] = []
    for row, cells in filled.items():
        if row == first or len(cells) == 1:
            out.extend((c.start, c.end) for c in cells)
        elif all(_is_value(c.text) for c in cells[1:]):
            out.append((cells[0].start, cells[0].end))
    return out


def document_label_cells(doc: Document | None) -> list[tuple[int, int]]:
    if doc is None:
        return []
    return sorted(r for t in doc.tables for r in table_label_cells(t))


def in_label_cell(start: int, end: int, cells: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in cells)
