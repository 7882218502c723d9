"""Statistics and forecast tables in the shapes real strategies print them → indicators.

The documents of tests/table_corpus_real_shapes.py are checked against their keys in
tests/data/tables/ one indicator at a time; then small tables are printed in several wordings and
formats, each read by the real readers: scenario words in their «-ический» form and broken inside
the word, period columns, a unit printed only in the cells or in the caption, one indicator in two
tables, a total row that names a quantity, «Прирост к 2021 г.» columns, list dashes before a name;
last, which continuation pieces may leave out a blank leading column.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest

from stratdoc.extract.nlp import shared
from stratdoc.extract.tables import extract_tables
from stratdoc.extract.tables.grid import dropped_columns, table_to_rows
from stratdoc.ingest import read
from stratdoc.schema import Cell
from stratdoc.schema import Table as DocTable
from stratdoc.schema.records import Extraction
from tests.office_factory import cell, docx_bytes, para, row, table
from tests.table_corpus_real_shapes import BUILDERS
from tests.test_scenario_indicators import _key_shape, _shape

NLP = shared()
DATA = Path(__file__).parent / "data" / "tables"

Table = tuple[list[str], list[list[str]]]  # caption lines, grid rows


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Extraction]:
    folder = tmp_path_factory.mktemp("real_shapes")
    out = {}
    for name, build in BUILDERS.items():
        try:
            out[name] = extract_tables(read(build(folder)), NLP)
        except pytest.skip.Exception:
            continue
    return out


def _expected(name: str) -> list[dict]:
    key = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return [_key_shape(i) for i in key["indicators"]]


def _cases() -> list[tuple[str, int]]:
    return [(name, k) for name in BUILDERS for k in range(len(_expected(name)))]


def _built(built: dict[str, Extraction], name: str) -> Extraction:
    if name not in built:
        pytest.skip(f"{name}: DejaVu font absent")
    return built[name]


@pytest.mark.parametrize(("name", "k"), _cases())
def test_each_key_indicator_is_found_whole(built, name: str, k: int) -> None:
    want = _expected(name)[k]
    same_name = [w for w in _expected(name) if w["name"] == want["name"]]
    found = [_shape(i) for i in _built(built, name).indicators if i.name == want["name"]]
    assert want in found and len(found) == len(same_name)


@pytest.mark.parametrize("name", list(BUILDERS))
def test_no_indicator_beyond_the_key(built, name: str) -> None:
    """Scenario rows, wrapped labels, comparison columns and repeated tables add no records."""
    assert [i.name for i in _built(built, name).indicators] == [i["name"] for i in _expected(name)]


# --- small tables in several wordings and formats -------------------------------------------------------

FORMATS = ["txt", "docx", "html"]
TITLE = "Стратегия социально-экономического развития муниципального округа"
PROSE = "Значения показателей приведены по данным органов статистики и уточняются ежегодно."
# A page needs some running text around its tables for the HTML reader to take it for an article.
HTML_INTRO = ("Раздел содержит сведения о развитии экономики муниципального округа за последние годы и "
              "прогноз на период реализации Стратегии. Данные собраны рабочей группой по подготовке "
              "Стратегии с участием отраслевых органов администрации и крупнейших предприятий округа.")


def _write(folder: Path, fmt: str, tables: list[Table]) -> Path:
    if fmt == "txt":
        lines = [TITLE, ""]
        for caption, grid in tables:
            lines += [*caption, *("\t".join(r) for r in grid), "", PROSE, ""]
        path = folder / "tables.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path
    if fmt == "html":
        parts = [f"<h1>{escape(TITLE)}</h1>", f"<p>{escape(HTML_INTRO)}</p>"]
        for caption, grid in tables:
            parts += [f"<p>{escape(line)}</p>" for line in caption]
            parts.append("<table border='1'>" + "".join(
                "<tr>" + "".join(f"<td>{escape(t)}</td>" for t in r) + "</tr>" for r in grid) + "</table>")
            parts.append(f"<p>{escape(PROSE)}</p>")
        path = folder / "tables.html"
        path.write_text("<!DOCTYPE html><html lang='ru'><head><meta charset='utf-8'><title>Стратегия</title>"
                        f"</head><body>{''.join(parts)}</body></html>", encoding="utf-8")
        return path
    items = [para(TITLE)]
    for caption, grid in tables:
        items += [para(line) for line in caption]
        items.append(table(*(row(*(cell(t) for t in r)) for r in grid), grid=len(grid[0])))
        items.append(para(PROSE))
    path = folder / "tables.docx"
    path.write_bytes(docx_bytes(*items))
    return path


def _indicators(tmp_path: Path, fmt: str, tables: list[Table]) -> list[dict]:
    return [_shape(i) for i in extract_tables(read(_write(tmp_path, fmt, tables)), NLP).indicators]


OPT_BASE_PES = ["оптимистический", "базовый", "пессимистический"]
SCENARIO_LABELS = [
    (["Оптимистический", "Базовый", "Пессимистический"], OPT_BASE_PES),
    (["оптимистический сценарий", "базовый сценарий", "пессимистический сценарий"], OPT_BASE_PES),
    (["Оптимистический вариант", "Базовый вариант", "Пессимистический вариант"], OPT_BASE_PES),
    (["Оптимистичес кий", "Базовый", "Пессимистичес кий"], OPT_BASE_PES),
    (["Оптимистически й", "Базовый", "Пессимистическ ий"], OPT_BASE_PES),
    (["Умеренно-оптимистический", "Базовый", "Пессимистический"],
     ["умеренно-оптимистический", "базовый", "пессимистический"]),
]
VALUES3 = [["14,2", "19,8"], ["13,6", "17,1"], ["12,9", "14,0"]]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("labels", "scenarios"), SCENARIO_LABELS)
@pytest.mark.parametrize(("periods", "years"), [
    (["2021 - 2023", "2024 - 2030"], [2023, 2030]),
    (["2021–2023 гг.", "2024–2030 гг."], [2023, 2030]),
    (["2021-2023 годы", "2024-2030 годы"], [2023, 2030]),
])
def test_scenario_column_with_period_columns(tmp_path: Path, fmt: str, labels: list[str],
                                             scenarios: list[str], periods: list[str],
                                             years: list[int]) -> None:
    """Each value of a period column belongs to the period's last year and to its row's scenario."""
    grid = [["Показатель", "Сценарий", *periods],
            ["Объем экспорта за год на конец периода, млн долл. США", labels[0], *VALUES3[0]],
            ["", labels[1], *VALUES3[1]], ["", labels[2], *VALUES3[2]]]
    got = _indicators(tmp_path, fmt, [(["Прогноз экспорта по сценариям"], grid)])
    assert got == [{"number": None, "name": "Объем экспорта за год на конец периода", "unit": "млн долл. США",
                    "values": [(y, float(v.replace(",", ".")), None, sc)
                               for sc, vals in zip(scenarios, VALUES3, strict=True)
                               for y, v in zip(years, vals, strict=True)]}]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("labels", "scenarios"), SCENARIO_LABELS)
def test_scenario_rows_under_the_name(tmp_path: Path, fmt: str, labels: list[str],
                                      scenarios: list[str]) -> None:
    grid = [["Наименование показателя", "2021 - 2023", "2024 - 2030"],
            ["1. Инвестиции в основной капитал, млрд руб.", "", ""],
            *([label, *vals] for label, vals in zip(labels, VALUES3, strict=True))]
    got = _indicators(tmp_path, fmt, [([], grid)])
    assert [(i["number"], i["name"], i["unit"]) for i in got] == [("1", "Инвестиции в основной капитал",
                                                                   "млрд руб.")]
    want = [(y, sc) for sc in scenarios for y in (2023, 2030)]
    assert [(y, sc) for y, _, _, sc in got[0]["values"]] == want


UNIT_ROW = ["Объем экспорта, млн руб.", "1 200,0", "1 310,5", "1 402,0"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("cells", "unit", "values"), [
    (["12,5%", "13,1%", "14,0%"], "%", [(2021, 12.5), (2022, 13.1), (2023, 14.0)]),
    (["12,5 %", "13,1 %", "14,0 %"], "%", [(2021, 12.5), (2022, 13.1), (2023, 14.0)]),
    (["-", "104%", "98%"], "%", [(2022, 104.0), (2023, 98.0)]),
    (["0,3%", "0,2%", "0,4%"], "%", [(2021, 0.3), (2022, 0.2), (2023, 0.4)]),
    (["12,5%", "13,1", "14,0"], None, [(2021, 12.5), (2022, 13.1), (2023, 14.0)]),
    (["12,5", "13,1", "14,0"], None, [(2021, 12.5), (2022, 13.1), (2023, 14.0)]),
])
def test_unit_printed_only_in_the_cells(tmp_path: Path, fmt: str, cells: list[str], unit: str | None,
                                        values: list[tuple[int, float]]) -> None:
    """«%» after every number of a row whose name prints no unit is the row's unit; cells that
    disagree give none."""
    grid = [["Показатель", "2021 г.", "2022 г.", "2023 г."], ["Доля экспортеров в числе предприятий", *cells],
            UNIT_ROW]
    got = _indicators(tmp_path, fmt, [([], grid)])
    assert [(i["name"], i["unit"]) for i in got] == [("Доля экспортеров в числе предприятий", unit),
                                                     ("Объем экспорта", "млн руб.")]
    assert [(y, v) for y, v, _, _ in got[0]["values"]] == values


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("caption", "unit"), [
    (["Таблица 3", "Отгрузка продукции по видам деятельности, млн рублей"], "млн рублей"),
    (["Таблица 3. Отгрузка продукции по видам деятельности (тыс. тонн)"], "тыс. тонн"),
    (["Отгрузка продукции по видам деятельности", "(человек)"], "человек"),
    (["Отгрузка продукции по видам деятельности", "тыс. рублей"], "тыс. рублей"),
    (["Отгрузка продукции по видам деятельности", "(в тыс. рублей)"], "тыс. рублей"),
    (["Отгрузка продукции по видам деятельности (на начало года)"], None),
])
@pytest.mark.parametrize("corner", ["Вид деятельности", "", "Категория"])
def test_unit_in_the_caption(tmp_path: Path, fmt: str, caption: list[str], unit: str | None,
                             corner: str) -> None:
    """A unit closing the caption, or on a line of its own above the table, is the unit of every row
    that prints none; the row labels stand in the first column whatever its header says. Under a
    header naming a classification («Вид деятельности») the branch rows are categories of one
    quantity, not indicators (tests/test_breakdown_rows.py); the row naming a quantity stays."""
    grid = [[corner, "2022 г.", "2023 г.", "2024 г."],
            ["Обрабатывающие производства", "410,2", "455,0", "470,8"],
            ["Сельское хозяйство", "120,0", "131,5", "128,4"],
            ["Доля обрабатывающих производств, %", "61,0", "62,5", "63,3"]]
    got = _indicators(tmp_path, fmt, [(caption, grid)])
    share = ("Доля обрабатывающих производств", "%")
    if corner == "Вид деятельности":
        assert [(i["name"], i["unit"]) for i in got] == [share]
        return
    assert [(i["name"], i["unit"]) for i in got] == [("Обрабатывающие производства", unit),
                                                     ("Сельское хозяйство", unit), share]
    assert got[1]["values"] == [(2022, 120.0, None, None), (2023, 131.5, None, None),
                                (2024, 128.4, None, None)]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("second", "records"), [
    (["Объем экспорта, млн долл. США", "16,8", "18,1"],
     [("Объем экспорта", "млн долл. США", [(2020, 15.2), (2021, 16.8), (2022, 18.1)])]),
    (["Объем экспорта, млн руб.", "1 210,0", "1 390,0"],
     [("Объем экспорта", "млн долл. США", [(2020, 15.2), (2021, 16.8)]),
      ("Объем экспорта", "млн руб.", [(2021, 1210.0), (2022, 1390.0)])]),
    (["Объем экспорта, млн долл. США", "17,0", "18,1"],
     [("Объем экспорта", "млн долл. США", [(2020, 15.2), (2021, 16.8)]),
      ("Объем экспорта", "млн долл. США", [(2021, 17.0), (2022, 18.1)])]),
])
def test_one_indicator_in_two_tables(tmp_path: Path, fmt: str, second: list[str], records: list) -> None:
    """Printed again with the same name and unit and no value that disagrees: one record."""
    first = (["Таблица 1. Экспорт округа"], [["Показатель", "2020 г.", "2021 г."],
                                             ["Объем экспорта, млн долл. США", "15,2", "16,8"]])
    again = (["Таблица 2. Экспорт и импорт округа"], [["Показатель", "2021 г.", "2022 г."], second,
                                                       ["Объем импорта, млн долл. США", "9,4", "9,9"]])
    got = _indicators(tmp_path, fmt, [first, again])
    want = [*records[:1], ("Объем импорта", "млн долл. США", [(2021, 9.4), (2022, 9.9)])]
    if len(records) == 2:
        want.insert(1, records[1])
    assert [(i["name"], i["unit"], [(y, v) for y, v, _, _ in i["values"]]) for i in got] == want


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("label", "kept"), [
    ("Итого потребность в кадрах", True),
    ("Итого ежегодная дополнительная потребность в работниках", True),
    ("Всего численность занятых", True),
    ("Итого", False),
    ("Всего:", False),
    ("Итого по округу", False),
    ("Всего за период", False),
])
def test_total_row_naming_a_quantity(tmp_path: Path, fmt: str, label: str, kept: bool) -> None:
    """«Итого …» followed by what it totals is an indicator of its own; «Итого», «Всего по …» are not."""
    grid = [["№", "Показатель, единица измерения", "2025", "2026"],
            ["1", "Потребность в кадрах с высшим образованием, чел.", "410", "425"],
            ["2", "Потребность в кадрах со средним профессиональным образованием, чел.", "620", "640"],
            ["", label, "1 030", "1 065"]]
    got = _indicators(tmp_path, fmt, [([], grid)])
    names = ["Потребность в кадрах с высшим образованием",
             "Потребность в кадрах со средним профессиональным образованием"]
    assert [i["name"] for i in got] == names + ([label] if kept else [])
    if kept:
        assert got[-1]["values"] == [(2025, 1030.0, None, None), (2026, 1065.0, None, None)]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("compare", ["Прирост к 2021 г.", "в % к 2021 г.", "2022 г. к 2021 г.",
                                     "Темп роста к 2021 году"])
def test_comparison_columns_are_no_values(tmp_path: Path, fmt: str, compare: str) -> None:
    """A column comparing with a year («Прирост к 2021 г.») holds changes, not that year's values."""
    grid = [["Показатель", "2021 г.", "2022 г.", compare],
            ["Количество экспортеров, ед.", "40", "46", "15%"],
            ["Объем экспорта, млн руб.", "310,0", "352,4", "13,7%"]]
    got = _indicators(tmp_path, fmt, [([], grid)])
    assert [(i["name"], [(y, v) for y, v, _, _ in i["values"]]) for i in got] == [
        ("Количество экспортеров", [(2021, 40.0), (2022, 46.0)]),
        ("Объем экспорта", [(2021, 310.0), (2022, 352.4)])]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("dash", ["- ", "– ", "— "])
def test_list_dash_is_no_part_of_the_name(tmp_path: Path, fmt: str, dash: str) -> None:
    grid = [["Показатель", "2024 г.", "2025 г."],
            ["Выпускники образовательных организаций, человек", "1 840", "1 905"],
            [f"{dash}программы бакалавриата", "910", "948"],
            [f"{dash}программы магистратуры", "262", "270"]]
    got = _indicators(tmp_path, fmt, [([], grid)])
    assert [i["name"] for i in got] == ["Выпускники образовательных организаций", "программы бакалавриата",
                                        "программы магистратуры"]


# --- a continuation piece that leaves out a blank leading column ----------------------------------------

def _piece(index: int, page: int, rows: list[list[str]]) -> DocTable:
    cells = [Cell(row=r, col=k, text=t, page=page)
             for r, texts in enumerate(rows) for k, t in enumerate(texts)]
    return DocTable(index=index, n_rows=len(rows), n_cols=len(rows[0]), cells=cells, page=page, page_end=page)


@pytest.mark.parametrize(("above", "below", "shift"), [
    ([["N", "Потребность", "2025 г."], ["1.", "С высшим образованием", "410"], ["", "- бакалавриат", "300"]],
     [["- магистратура", "110"]], 1),
    ([["№ п/п", "Показатель", "2025 г."], ["1.1", "Выпуск продукции", "12,0"]], [["Экспорт", "3,4"]], 1),
    ([["Отрасль", "Показатель", "2025 г."], ["Промышленность", "Выпуск продукции", "12,0"]],
     [["Экспорт", "3,4"]], 0),
    ([["N", "Потребность", "2025 г."], ["1.", "С высшим образованием", "410"]], [["310", "3,4"]], 0),
    ([["N", "Потребность", "2025 г.", "2026 г."], ["1.", "С высшим образованием", "410", "415"]],
     [["магистратура", "110"]], 0),
])
def test_dropped_leading_column(above: list[list[str]], below: list[list[str]], shift: int) -> None:
    """Only a column of item numbers above may be missing below, and only one."""
    prev, nxt = _piece(0, 1, above), _piece(1, 2, below)
    assert dropped_columns(table_to_rows(prev), prev.n_cols, nxt, table_to_rows(nxt)) == shift
