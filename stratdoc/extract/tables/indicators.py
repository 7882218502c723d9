"""Rows of an indicator table → `Indicator` records: name and unit apart, values by year.

The unit comes from a unit column or the end of the name (see `units`), and decides how an
ambiguous number is read. Values carry the kind their column header names (базовое значение,
факт, оценка, план, прогноз) and the scenario, whether the variants run in columns, rows or
separate tables.
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon.numbers import is_no_value, is_not_available, parse_qualified_number
from stratdoc.extract.lexicon.territories import (
    names_a_classification,
    names_a_quantity_head,
    names_a_section,
    names_a_territory,
)
from stratdoc.extract.lexicon.units import fraction_allowed, split_name_unit
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.tables.cells import (
    RowKey,
    named_rows,
    responsible_names,
    row_key,
    row_number,
    scenario_column_labels,
)
from stratdoc.extract.tables.header import Header
from stratdoc.extract.tables.header_cells import scenario_label
from stratdoc.extract.tables.indicator_units import cells_unit
from stratdoc.extract.tables.rows import BodyRow
from stratdoc.schema import Cell
from stratdoc.schema.records import Indicator, IndicatorValue

SCENARIO_ROW_MAX_WORDS = 3
# Digits of one number broken over two lines of a narrow cell: «7031» over «1» is 70311 (a group of
# thousands has three digits, so «7031 1» is no number as printed).
WRAPPED_DIGITS_RE = re.compile(r"^\s*(-?\d{2,4})\s(\d{1,2})\s*$")
# A list dash before a name («- программы бакалавриата») marks a breakdown row, not part of the name.
LIST_DASH_RE = re.compile(r"^\s*[-–—•]\s+(?=\S)")
# «Итого потребность в кадрах» totals what it names and is an item; «Итого», «Всего по району»,
# «Итого за период» total the rows above.
NAMED_TOTAL_RE = re.compile(
    r"^\s*(?:итого|всего)\s+(?!(?:по|за|в|во|на|из|с|со|до|от|для|и)\b)[а-яё]+[\s,]+[а-яё]", re.IGNORECASE)


def names_a_quantity(name: str) -> bool:
    return bool(NAMED_TOTAL_RE.match(name))


def cell_to_value(text: str, year: int, *, kind: str | None, scenario: str | None,
                  unit: str | None) -> IndicatorValue | None:
    t = text.strip()
    if (m := WRAPPED_DIGITS_RE.match(t)) is not None:
        t = m.group(1) + m.group(2)
    if not t or (is_no_value(t) and not is_not_available(t)):
        return None
    if is_not_available(t):
        return IndicatorValue(year=year, value=None, kind=kind, scenario=scenario, note=t)
    parsed = parse_qualified_number(t, fraction_ok=fraction_allowed(unit))
    if parsed is None:
        return IndicatorValue(year=year, value=t, kind=kind, scenario=scenario)
    return IndicatorValue(year=year, value=float(parsed.value), kind=kind, scenario=scenario,
                          note=parsed.note)


def _values(b: BodyRow, header: Header, unit: str | None, scenario: str | None,
            scenarios: dict[RowKey, str]) -> list[IndicatorValue]:
    """Values of every grid row of the item, each read on its own: an indicator merged down over
    its variant rows («консервативный», «базовый», …) has one value per row and year; `scenarios`
    are the labels of the scenario column by grid row."""
    out: list[IndicatorValue] = []
    seen: list[Cell] = []
    for grow in b.rows:
        row_scenario = scenarios.get(row_key(grow), scenario)
        for col in header.by_role("value"):
            year = col.year if col.year is not None else col.year_to
            cell = grow.cells[col.index] if col.index < len(grow.cells) else None
            if year is None or cell is None or any(cell is c for c in seen):
                continue
            seen.append(cell)
            v = cell_to_value(cell.text, year, kind=col.kind, scenario=col.scenario or row_scenario,
                              unit=unit)
            if v is not None:
                out.append(v)
    return out


SCENARIO_NOTE_RE = re.compile(r"\s*\(([^()]{1,40})\)\s*$")


def split_name_scenario(name: str, nlp: Nlp) -> tuple[str, str | None]:
    """«ВРП (базовый вариант)» → («ВРП», «базовый»): the variant in brackets after a name."""
    m = SCENARIO_NOTE_RE.search(name)
    if m is None:
        return name, None
    found = _row_scenario(m.group(1), nlp)
    if found is None:
        return name, None
    return name[:m.start()].rstrip(" ,"), found


def name_unit_scenario(raw: str, nlp: Nlp) -> tuple[str, str | None, str | None]:
    """Name, unit and scenario of a name cell: «Численность, тыс. чел. (базовый сценарий)»."""
    name, scenario = split_name_scenario(raw, nlp)
    name, unit = split_name_unit(name)
    if scenario is None:
        name, scenario = split_name_scenario(name, nlp)
    return name, unit, scenario


def _row_scenario(name: str, nlp: Nlp) -> str | None:
    """A row labelled only by a scenario («консервативный», «базовый вариант»)."""
    found = scenario_label(name, nlp)
    return found if found is not None and len(name.split()) <= SCENARIO_ROW_MAX_WORDS else None


# Share of named rows with a unit (in a unit column or after the name) that makes a statistics table.
UNIT_ROWS_SHARE = 0.5


# Share of the non-empty cells of the year columns that must be numbers for a time series.
NUMERIC_CELLS_SHARE = 0.8
MIN_SERIES_YEARS = 2


def _row_unit(b: BodyRow, name: str, header: Header) -> str | None:
    unit_col = header.first("unit")
    if unit_col is not None and b.text(unit_col.index):
        return b.text(unit_col.index)
    return split_name_unit(name)[1] or cells_unit(b, header)


def _is_time_series(header: Header, named: list[tuple[BodyRow, str]]) -> bool:
    """Numbers by year: two year columns or more, each year once, and the cells under them numbers."""
    years = [c.year for c in header.by_role("value") if c.year is not None]
    if len(years) < MIN_SERIES_YEARS or len(set(years)) < len(years):
        return False
    cells = [t for b, _ in named for grow in b.rows for c in header.by_role("value") if c.year is not None
             for t in [grow.text(c.index)] if t and not is_no_value(t)]
    numbers = sum(1 for t in cells if parse_qualified_number(t) is not None or WRAPPED_DIGITS_RE.match(t))
    return bool(cells) and numbers >= NUMERIC_CELLS_SHARE * len(cells)


def is_statistics_table(header: Header, body: list[BodyRow], caption_unit: str | None = None) -> bool:
    """Rows of quantities across year columns: an indicator table whatever its name column is called
    («Наименование товарной группы», «Категория экспорта», none at all). Either most rows print a
    unit («Зерно, тыс. т», a «Ед. изм.» column, «%» in the cells), or the rows are a time series of
    numbers and a unit is printed somewhere: for the table in its caption, or for some of its rows."""
    if not any(c.year is not None for c in header.by_role("value")):
        return False
    named = list(named_rows(header, body))
    units = [_row_unit(b, name, header) for b, name in named]
    with_unit = sum(1 for u in units if u)
    if named and with_unit / len(named) >= UNIT_ROWS_SHARE:
        return True
    return _is_time_series(header, named) and (caption_unit is not None or with_unit > 0)


def rows_to_indicators(header: Header, body: list[BodyRow], nlp: Nlp, *, table_scenario: str | None = None,
                       table_unit: str | None = None) -> list[Indicator]:
    """`table_unit`: the unit the caption prints for rows that print none of their own."""
    unit_col, scenario_col = header.first("unit"), header.first("scenario")
    scenarios = scenario_column_labels(body, header, nlp)
    name_col = header.first("name")
    by_category = name_col is not None and names_a_classification(name_col.header, nlp)
    out: list[Indicator] = []
    for b, raw_name in named_rows(header, body, keep_total=names_a_quantity):
        scenario = b.scenario or table_scenario
        variant = _row_scenario(raw_name, nlp)
        if variant and out:  # a variant row under the indicator it belongs to
            prev = out[-1]
            prev.values.extend(_values(b, header, prev.unit, variant, scenarios))
            continue
        name, unit, named_scenario = name_unit_scenario(LIST_DASH_RE.sub("", raw_name), nlp)
        if names_a_section(name) or names_a_territory(name, nlp) or (
                by_category and not names_a_quantity_head(name, nlp) and not names_a_quantity(raw_name)):
            continue  # one quantity broken down by territory, branch or product: no indicator of its own
        if unit_col is not None and b.text(unit_col.index):
            unit = b.rows[0].text(unit_col.index) or b.text(unit_col.index)
        unit = unit or cells_unit(b, header) or table_unit
        values = _values(b, header, unit, named_scenario or scenario, scenarios)
        if out and scenario_col is not None and out[-1].name == name and out[-1].unit == unit and \
                not ({v.scenario for v in out[-1].values} & {v.scenario for v in values} - {None}):
            out[-1].values.extend(values)  # variants in a column, the name repeated on every row
            continue
        number, name = row_number(b, header, name)
        out.append(Indicator(
            number=number, name=name, unit=unit, values=values,
            responsible=responsible_names(b, header, nlp),
            goal=b.goal, span=b.span(),
        ))
    return out


def _disagree(a: IndicatorValue, b: IndicatorValue) -> bool:
    """Two values for one year and scenario (and kind, where both print one) that differ."""
    return a.year == b.year and a.scenario == b.scenario and a.value != b.value and \
        (a.kind == b.kind or a.kind is None or b.kind is None)


def merge_indicators(indicators: list[Indicator]) -> list[Indicator]:
    """One record per indicator printed in several tables (one per scenario, a report table and a
    forecast, the same series twice): same name and unit, and no value of one that disagrees with a
    value of the other. Two rows that disagree («- доля в области» under two kinds of enterprise)
    are two indicators."""
    out: list[Indicator] = []
    by_key: dict[tuple[str, str | None], list[Indicator]] = {}
    for ind in indicators:
        key = (" ".join(ind.name.lower().split()), ind.unit)
        same = by_key.setdefault(key, [])
        prev = next((p for p in same if (p.goal == ind.goal or None in (p.goal, ind.goal)) and
                     not any(_disagree(a, b) for a in p.values for b in ind.values)), None)
        if prev is None:
            same.append(ind)
            out.append(ind)
            continue
        prev.values.extend(v for v in ind.values if not any(
            (v.year, v.scenario, v.value) == (p.year, p.scenario, p.value) for p in prev.values))
    return out
