"""Header rows → a column model: what each column holds, for which year, kind, scenario, unit.

Headers run over several rows: a spanning «Источники финансирования (млн руб.)» over a row
of years; a row of labels («оценка», «факт», «план»); a row of column numbers (`1 2 3 …`,
`1.1 3 3.1 …`). Each column gathers the texts above it, top to bottom, and is read from them
(`header_cells` says what one cell means, `columns` what a column holds).
Title rows (one text across the sheet) that precede the header join the caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratdoc.extract.lexicon.funding_sources import find_sources, source_of
from stratdoc.extract.lexicon.lines import fold_spaces
from stratdoc.extract.lexicon.money import find_money_unit
from stratdoc.extract.lexicon.numbers import find_numbers, parse_number
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.tables.columns import (
    NAME_FALLBACK_LEMMAS,
    Column,
    base_year_beside_scenarios,
    breakdown_money_columns,
    column_role,
    rule_role,
    settle_names,
    total_columns_span_years,
    unit_printed_once,
)
from stratdoc.extract.tables.grid import GridRow, TableView
from stratdoc.extract.tables.header_cells import (
    NUMBER_HEADER_RE,
    SCENARIO_MARKERS,
    YEAR_RE,
    is_column_number_row,
    is_header_atom,
    is_label_row,
    kind_beside_scenario,
    kind_of,
    scenario_words,
    years_of,
)
from stratdoc.extract.tables.roles import lemmas_of


@dataclass
class Header:
    columns: list[Column]
    body_start: int  # index into TableView.rows of the first body row
    first_row: list[str]  # normalised texts of the top header row, to spot it repeated
    title: str = ""  # title rows above the header, inside the table
    scenarios: bool = False
    # The period column gives each grid row of an item its own year («2024», «2025», «2024 - 2026»
    # under one merged name): amounts on that row belong to that year (see `settle_period_rows`).
    period_rows: bool = False

    def by_role(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    def first(self, role: str) -> Column | None:
        cols = self.by_role(role)
        return cols[0] if cols else None

    @property
    def text(self) -> str:
        return " ".join(c.header for c in self.columns)



def looks_like_header(row: GridRow, nlp: Nlp) -> bool:
    """A row of column titles (used to tell a new table from a continued one)."""
    texts = row.distinct_texts()
    if len(texts) < 2:
        return False
    hits = sum(1 for t in texts if NUMBER_HEADER_RE.match(t) or rule_role(t, nlp) is not None
               or lemmas_of(t, nlp) & NAME_FALLBACK_LEMMAS)
    return hits >= 2 and not any(find_numbers(t) and not YEAR_RE.search(t) for t in texts if len(t) < 20)


def _is_title_row(row: GridRow) -> bool:
    return len(row.distinct_texts()) <= 1


def _titles_body_section(row: GridRow) -> bool:
    """A text alone in the first column, starting in this row («Базовый сценарий» merged across the
    table, or in the first cell of a plain-text row): it heads a section of the body, while a
    header row below the first names the columns it stands over."""
    filled = [c for c in row.origin_cells() if c.text.strip()]
    return len(filled) == 1 and filled[0].col == 0 and len(row.distinct_texts()) == 1


def _extends_from_above(row: GridRow, header_rows: set[int]) -> bool:
    """A header cell from a row above reaches down into this row (vertical merge)."""
    return any(c is not None and c.row != row.row and c.row_span > 1 for c in row.cells) and \
        any(c is not None and c.row in header_rows and c.row != row.row for c in row.cells)


def find_header_rows(view: TableView, nlp: Nlp) -> tuple[list[int], list[int], int, str]:
    """(header row indices, label-row indices, body start, title text) within `view.rows`."""
    rows = view.rows
    i = 0
    title: list[str] = []
    while i < len(rows) and _is_title_row(rows[i]):
        title.extend(rows[i].distinct_texts())
        i += 1
    if i >= len(rows):
        return [], [], len(rows), " ".join(title)
    header = [i]
    labels: list[int] = []
    table = rows[i].table
    j = i + 1
    while j < len(rows) and rows[j].table == table:
        row = rows[j]
        if not row.filled():
            j += 1
            continue
        texts = row.distinct_texts()
        if _titles_body_section(row):
            break
        if is_column_number_row(row):
            labels.append(j)
        elif is_label_row(row):
            labels.append(j)
        elif _extends_from_above(row, {rows[h].row for h in header}) and len(texts) > 1:
            header.append(j)
        elif all(is_header_atom(t, nlp) for t in texts) and (len(texts) > 1 or is_header_atom(texts[0], nlp)):
            header.append(j)
        else:
            break
        j += 1
    return header, labels, j, " ".join(title)


def _spread_spanning_texts(view: TableView, header_rows: list[int]) -> list[list[str]]:
    """Header texts per row; a top text spreads right over empty cells that have sub-headers.

    Readers without merge information (plain TSV) print «Источники финансирования» once over
    the years below it; the empty cells beside it belong to it.
    """
    grid = [view.rows[h].texts() for h in header_rows]
    for i in range(len(grid) - 1):
        for k in range(1, len(grid[i])):
            below = any(grid[j][k] for j in range(i + 1, len(grid)))
            if not grid[i][k] and grid[i][k - 1] and below:
                grid[i][k] = grid[i][k - 1]
    return grid


# Header roles of a first column that may still label the rows («Категория экспорта» is no role,
# «Территория» reads as a site, «Потребность в кадрах» as money).
LABEL_COLUMN_ROLES = frozenset({"other", "object", "money", "description"})
# Share of that column's body cells that must be words, not numbers.
LABEL_TEXT_SHARE = 0.8
_LETTER_RE = re.compile(r"[А-Яа-яЁёA-Za-z]{2}")


def label_column(columns: list[Column], rows: list[GridRow], nlp: Nlp) -> None:
    """Rows of quantities by year under a first header that names no «Наименование» or «Показатель»
    («Категория экспорта», «Субъект РФ», an empty corner cell, «Потребность в кадрах»): the first
    column labels the rows when its cells are words and the year columns stand right of it. Rows
    labelled by funding sources are a resource table's, read by their own rule."""
    if any(c.role == "name" for c in columns):
        return
    years = [c for c in columns if c.role == "value" and c.has_period]
    first = next((c for c in columns if c.role != "number"), None)
    if len(years) < 2 or first is None or first.role not in LABEL_COLUMN_ROLES or \
            first.index > min(c.index for c in years):
        return
    texts = [t for r in rows if (t := r.text(first.index))]
    words = sum(1 for t in texts if parse_number(t) is None and _LETTER_RE.search(t))
    sourced = sum(1 for t in texts if find_sources(t, nlp))
    if texts and words >= LABEL_TEXT_SHARE * len(texts) and sourced * 2 < len(texts):
        first.role = "name"


def read_header(view: TableView, nlp: Nlp) -> Header:
    header_rows, label_rows, body_start, title = find_header_rows(view, nlp)
    columns = [Column(index=k) for k in range(view.n_cols)]
    for texts in _spread_spanning_texts(view, header_rows):
        for k, t in enumerate(texts):
            if t and t not in columns[k].parts:
                columns[k].parts.append(t)
    for h in label_rows:
        row = view.rows[h]
        if is_label_row(row):
            for k, t in row.filled():
                if is_header_atom(t, nlp) and t not in columns[k].parts:
                    columns[k].parts.append(t)
    caption = f"{view.caption}\n{title}"
    all_scenarios = {w for c in columns for w in scenario_words(c.header, nlp)}
    scenarios = len(all_scenarios) >= 2 or any(lemmas_of(c.header, nlp) & SCENARIO_MARKERS for c in columns)
    for col in columns:
        col.year, col.year_from, col.year_to = years_of(col.parts)
        col.kind = kind_of(col.header)
        found = scenario_words(col.header, nlp)
        if scenarios and found:
            col.scenario = found[-1]
            col.kind = kind_beside_scenario(col.header)
        col.unit = find_money_unit(*reversed(col.parts))
        # the deepest header part that names a source: «Объем, всего» over «ФБ» is federal
        col.source = next((src for src in (source_of(p, nlp) for p in reversed(col.parts)) if src), None)
        col.role = column_role(col, nlp)
        col.unit = col.unit or find_money_unit(caption)
    settle_names(columns, nlp)
    label_column(columns, view.rows[body_start:], nlp)
    breakdown_money_columns(columns)
    unit_printed_once(columns)
    base_year_beside_scenarios(columns, nlp)
    total_columns_span_years(columns)
    first_row = [fold_spaces(t) for t in view.rows[header_rows[0]].texts()] if header_rows else []
    return Header(columns=columns, body_start=body_start, first_row=first_row, title=title,
                  scenarios=scenarios)
