"""Indicator grids with scenario variants → one indicator per «1. Показатель, ед.», values by year and
scenario.

The documents of tests/table_corpus_scenarios.py are checked against their keys in
tests/data/tables/ one indicator at a time; one small grid is then printed in several wordings and
formats (scenario label rows, a scenario column, numbered names, units), each read by the real
readers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stratdoc.extract.nlp import shared
from stratdoc.extract.tables import extract_tables
from stratdoc.ingest import read
from stratdoc.schema.records import Extraction, Indicator
from tests.office_factory import cell, docx_bytes, para, row, table
from tests.table_corpus_scenarios import SCENARIO_INDICATOR_BUILDERS

NLP = shared()
DATA = Path(__file__).parent / "data" / "tables"


def _shape(i: Indicator) -> dict:
    return {"number": i.number, "name": i.name, "unit": i.unit,
            "values": [(v.year, v.value, v.kind, v.scenario) for v in i.values]}


def _key_shape(i: dict) -> dict:
    return {"number": i["number"], "name": i["name"], "unit": i["unit"],
            "values": [(v["year"], v["value"], v["kind"], v["scenario"]) for v in i["values"]]}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Extraction]:
    folder = tmp_path_factory.mktemp("scenario_indicators")
    return {name: extract_tables(read(build(folder)), NLP)
            for name, build in SCENARIO_INDICATOR_BUILDERS.items()}


def _cases() -> list[tuple[str, int]]:
    out = []
    for name in SCENARIO_INDICATOR_BUILDERS:
        key = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
        out += [(name, k) for k in range(len(key["indicators"]))]
    return out


def _expected(name: str) -> list[dict]:
    key = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return [_key_shape(i) for i in key["indicators"]]


@pytest.mark.parametrize(("name", "k"), _cases())
def test_each_key_indicator_is_found_whole(built, name: str, k: int) -> None:
    want = _expected(name)[k]
    found = [_shape(i) for i in built[name].indicators if i.name == want["name"]]
    assert found == [want]


@pytest.mark.parametrize("name", list(SCENARIO_INDICATOR_BUILDERS))
def test_no_indicator_beyond_the_key(built, name: str) -> None:
    """Scenario rows are values of the indicator above them, never indicators of their own."""
    assert [i.name for i in built[name].indicators] == [i["name"] for i in _expected(name)]


@pytest.mark.parametrize("name", list(SCENARIO_INDICATOR_BUILDERS))
def test_forecast_grids_give_no_funding(built, name: str) -> None:
    assert not built[name].funding and not built[name].measures


# --- one grid in several wordings and formats -----------------------------------------------------------

def _write(folder: Path, fmt: str, grid: list[list[str]]) -> Path:
    title = "Прогноз показателей социально-экономического развития муниципального округа"
    if fmt == "txt":
        path = folder / "forecast.txt"
        lines = [title, "", *("\t".join(r) for r in grid), "", "Прогноз уточняется ежегодно."]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path
    path = folder / "forecast.docx"
    rows = [row(*(cell(t) for t in r)) for r in grid]
    path.write_bytes(docx_bytes(para(title), table(*rows, grid=len(grid[0])),
                                para("Прогноз уточняется ежегодно.")))
    return path


def _indicators(tmp_path: Path, fmt: str, grid: list[list[str]]) -> list[dict]:
    return [_shape(i) for i in extract_tables(read(_write(tmp_path, fmt, grid)), NLP).indicators]


FORMATS = ["txt", "docx"]
HEAD = ["Наименование показателя", "2025", "2030"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("labels", "scenarios"), [
    (["консервативный", "базовый", "целевой"], ["консервативный", "базовый", "целевой"]),
    (["Консервативный вариант", "Базовый вариант", "Целевой вариант"],
     ["консервативный", "базовый", "целевой"]),
    (["консервативный сценарий", "базовый сценарий", "целевой сценарий"],
     ["консервативный", "базовый", "целевой"]),
    (["инерционный", "базовый", "инновационный"], ["инерционный", "базовый", "инновационный"]),
    (["пессимистичный", "умеренно-оптимистичный", "оптимистичный"],
     ["пессимистичный", "умеренно-оптимистичный", "оптимистичный"]),
    (["Вариант 1", "Вариант 2", "Вариант 3"], ["вариант 1", "вариант 2", "вариант 3"]),
    (["1 вариант", "2 вариант", "3 вариант"], ["1 вариант", "2 вариант", "3 вариант"]),
])
def test_scenario_label_rows(tmp_path: Path, fmt: str, labels: list[str], scenarios: list[str]) -> None:
    grid = [HEAD, ["1. Численность постоянного населения, тыс. человек", "", ""],
            [labels[0], "40,2", "38,9"], [labels[1], "40,6", "40,1"], [labels[2], "41,0", "41,4"]]
    assert _indicators(tmp_path, fmt, grid) == [{
        "number": "1", "name": "Численность постоянного населения", "unit": "тыс. человек",
        "values": [(2025, 40.2, None, scenarios[0]), (2030, 38.9, None, scenarios[0]),
                   (2025, 40.6, None, scenarios[1]), (2030, 40.1, None, scenarios[1]),
                   (2025, 41.0, None, scenarios[2]), (2030, 41.4, None, scenarios[2])]}]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("printed", "number", "name", "unit"), [
    ("1. Оборот розничной торговли, млн руб.", "1", "Оборот розничной торговли", "млн руб."),
    ("1) Оборот розничной торговли, млн рублей", "1", "Оборот розничной торговли", "млн рублей"),
    ("2.1. Оборот розничной торговли, млрд руб.", "2.1", "Оборот розничной торговли", "млрд руб."),
    ("Оборот розничной торговли (млн руб.)", None, "Оборот розничной торговли", "млн руб."),
    ("3. Доля прибыльных организаций, %", "3", "Доля прибыльных организаций", "%"),
])
def test_numbered_names_with_units(tmp_path: Path, fmt: str, printed: str, number: str | None, name: str,
                                   unit: str) -> None:
    grid = [HEAD, [printed, "", ""], ["базовый", "18,9", "25,6"], ["целевой", "19,2", "27,8"]]
    got = _indicators(tmp_path, fmt, grid)
    assert [(i["number"], i["name"], i["unit"]) for i in got] == [(number, name, unit)]
    assert got[0]["values"] == [(2025, 18.9, None, "базовый"), (2030, 25.6, None, "базовый"),
                                (2025, 19.2, None, "целевой"), (2030, 27.8, None, "целевой")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_values_on_the_name_row_have_no_scenario(tmp_path: Path, fmt: str) -> None:
    """Report years printed once on the indicator's own row, forecasts on its scenario rows."""
    grid = [["Показатель", "2023 (факт)", "2025", "2030"],
            ["1. Уровень регистрируемой безработицы, %", "1,2", "", ""],
            ["консервативный", "", "1,3", "1,2"], ["целевой", "", "0,9", "0,7"]]
    assert _indicators(tmp_path, fmt, grid) == [{
        "number": "1", "name": "Уровень регистрируемой безработицы", "unit": "%",
        "values": [(2023, 1.2, "fact", None), (2025, 1.3, None, "консервативный"),
                   (2030, 1.2, None, "консервативный"), (2025, 0.9, None, "целевой"),
                   (2030, 0.7, None, "целевой")]}]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("header", ["Сценарий", "Вариант", "Вариант прогноза", "Сценарий развития"])
@pytest.mark.parametrize("repeat_name", [True, False])
def test_scenario_column_beside_the_name(tmp_path: Path, fmt: str, header: str, repeat_name: bool) -> None:
    """The scenario in its own column; the name printed on each variant row or on the first only."""
    name = "Объем инвестиций в основной капитал, млн руб."
    jobs = "Численность занятых в экономике, тыс. человек"
    grid = [["Показатель", header, "2025", "2030"],
            [name, "базовый", "4 210,5", "5 460,0"],
            [name if repeat_name else "", "целевой", "4 480,0", "6 150,0"],
            [jobs, "базовый", "14,9", "15,3"],
            [jobs if repeat_name else "", "целевой", "15,0", "16,0"]]
    got = _indicators(tmp_path, fmt, grid)
    assert [(i["name"], i["unit"]) for i in got] == [("Объем инвестиций в основной капитал", "млн руб."),
                                                     ("Численность занятых в экономике", "тыс. человек")]
    assert got[0]["values"] == [(2025, 4210.5, None, "базовый"), (2030, 5460.0, None, "базовый"),
                                (2025, 4480.0, None, "целевой"), (2030, 6150.0, None, "целевой")]
