"""Resource tables of a strategy → strategy-level funding lines with source, period, scenario and unit.

Two kinds of check: the documents of tests/table_corpus_scenarios.py against their keys in
tests/data/tables/ (every key line found, nothing beyond them), and one small resource table
printed in several wordings and formats (period headers, «Итого» columns, scenario labels, the
unit above the table or in its header, total rows), each read by the real readers.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from stratdoc.extract.nlp import shared
from stratdoc.extract.tables import extract_tables
from stratdoc.ingest import read
from stratdoc.schema.records import Extraction
from tests.office_factory import cell, docx_bytes, para, row, table
from tests.table_corpus_scenarios import RESOURCE_BUILDERS

NLP = shared()
DATA = Path(__file__).parent / "data" / "tables"


def _key(line: dict) -> tuple:
    def dec(v: object) -> Decimal | None:
        return None if v is None else Decimal(str(v)).normalize()

    return (line["source"], line["year"], line["year_from"], line["year_to"], line["scenario"],
            dec(line["amount"]), line["unit"], dec(line["amount_rub"]))


def _found(ex: Extraction) -> list[tuple]:
    return [_key(f.model_dump()) for f in ex.funding]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Extraction]:
    folder = tmp_path_factory.mktemp("resources")
    return {name: extract_tables(read(build(folder)), NLP) for name, build in RESOURCE_BUILDERS.items()}


def _expected(name: str) -> list[tuple]:
    return [_key(f) for f in json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))["funding"]]


@pytest.mark.parametrize("name", list(RESOURCE_BUILDERS))
def test_every_key_line_is_found(built, name: str) -> None:
    found = _found(built[name])
    missing = [k for k in _expected(name) if k not in found]
    assert not missing, missing


@pytest.mark.parametrize("name", list(RESOURCE_BUILDERS))
def test_no_line_beyond_the_key(built, name: str) -> None:
    expected = _expected(name)
    extra = [k for k in _found(built[name]) if k not in expected]
    assert not extra, extra


@pytest.mark.parametrize("name", list(RESOURCE_BUILDERS))
def test_resource_tables_give_no_other_records(built, name: str) -> None:
    ex = built[name]
    assert not ex.measures and not ex.indicators and not ex.projects


# --- one resource table in several wordings and formats ------------------------------------------------

def _write(folder: Path, fmt: str, above: list[str], grid: list[list[str]]) -> Path:
    """The table `grid` (rows of cell texts) after the lines `above`, as TSV or DOCX."""
    if fmt == "txt":
        path = folder / "resources.txt"
        lines = ["Ресурсное обеспечение Стратегии социально-экономического развития района", "", *above]
        path.write_text("\n".join([*lines, *("\t".join(r) for r in grid), "",
                                   "Объемы подлежат ежегодному уточнению."]) + "\n", encoding="utf-8")
        return path
    path = folder / "resources.docx"
    rows = [row(*(cell(t) for t in r)) for r in grid]
    title = "Ресурсное обеспечение Стратегии социально-экономического развития района"
    path.write_bytes(docx_bytes(para(title),
                                *(para(t) for t in above), table(*rows, grid=len(grid[0])),
                                para("Объемы подлежат ежегодному уточнению.")))
    return path


def _funding(tmp_path: Path, fmt: str, grid: list[list[str]], above: tuple[str, ...] = ("(млн рублей)",)
             ) -> list[tuple]:
    ex = extract_tables(read(_write(tmp_path, fmt, list(above), grid)), NLP)
    return [(f.source, f.year, f.year_from, f.year_to, f.scenario, f.amount, f.unit) for f in ex.funding]


FORMATS = ["txt", "docx"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("first", "second", "span_first", "span_second"), [
    ("2024 – 2026 гг.", "2027 – 2030 гг.", (None, 2024, 2026), (None, 2027, 2030)),
    ("2024–2026 гг.", "2027–2030 гг.", (None, 2024, 2026), (None, 2027, 2030)),
    ("2024-2026 годы", "2027-2030 годы", (None, 2024, 2026), (None, 2027, 2030)),
    ("на 2024 - 2026 годы", "на 2027 - 2030 годы", (None, 2024, 2026), (None, 2027, 2030)),
    ("2025 год", "2026 год", (2025, None, None), (2026, None, None)),
    ("2025 г.", "2026 г.", (2025, None, None), (2026, None, None)),
])
def test_period_headers(tmp_path: Path, fmt: str, first: str, second: str, span_first: tuple,
                        span_second: tuple) -> None:
    grid = [["Источник финансирования", first, second],
            ["федеральный бюджет", "410,0", "525,5"],
            ["областной бюджет", "120,0", "130,0"]]
    assert _funding(tmp_path, fmt, grid) == [
        ("federal", *span_first, None, Decimal("410.0"), "млн руб."),
        ("federal", *span_second, None, Decimal("525.5"), "млн руб."),
        ("regional", *span_first, None, Decimal("120.0"), "млн руб."),
        ("regional", *span_second, None, Decimal("130.0"), "млн руб."),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("total", ["Итого", "Всего", "Всего за период", "Итого за 2024 – 2030 годы", "итого"])
def test_a_total_column_spans_the_periods_beside_it(tmp_path: Path, fmt: str, total: str) -> None:
    grid = [["Источник финансирования", "2024 – 2026 гг.", "2027 – 2030 гг.", total],
            ["федеральный бюджет", "410,0", "525,5", "935,5"],
            ["внебюджетные источники", "1 200,0", "1 800,0", "3 000,0"]]
    got = [(s, y, yf, yt, a) for s, y, yf, yt, _, a, _ in _funding(tmp_path, fmt, grid)]
    assert got == [
        ("federal", None, 2024, 2026, Decimal("410.0")), ("federal", None, 2027, 2030, Decimal("525.5")),
        ("federal", None, 2024, 2030, Decimal("935.5")),
        ("extrabudgetary", None, 2024, 2026, Decimal("1200.0")),
        ("extrabudgetary", None, 2027, 2030, Decimal("1800.0")),
        ("extrabudgetary", None, 2024, 2030, Decimal("3000.0")),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("header", "labels", "scenarios"), [
    ("Сценарий", ["консервативный", "базовый"], ["консервативный", "базовый"]),
    ("Сценарий", ["Консервативный", "Целевой"], ["консервативный", "целевой"]),
    ("Вариант", ["консервативный вариант", "целевой вариант"], ["консервативный", "целевой"]),
    ("Сценарий развития", ["Инерционный сценарий", "Инновационный сценарий"],
     ["инерционный", "инновационный"]),
    ("Вариант прогноза", ["Вариант 1", "Вариант 2"], ["вариант 1", "вариант 2"]),
    ("Сценарий", ["пессимистичный", "оптимистичный"], ["пессимистичный", "оптимистичный"]),
])
def test_scenario_column(tmp_path: Path, fmt: str, header: str, labels: list[str],
                         scenarios: list[str]) -> None:
    """The source printed on each row and the scenario in its own column."""
    grid = [["Источник финансирования", header, "2024 – 2026 гг.", "2027 – 2030 гг."],
            ["федеральный бюджет", labels[0], "410,0", "525,5"],
            ["федеральный бюджет", labels[1], "450,0", "610,0"]]
    assert _funding(tmp_path, fmt, grid) == [
        ("federal", None, 2024, 2026, scenarios[0], Decimal("410.0"), "млн руб."),
        ("federal", None, 2027, 2030, scenarios[0], Decimal("525.5"), "млн руб."),
        ("federal", None, 2024, 2026, scenarios[1], Decimal("450.0"), "млн руб."),
        ("federal", None, 2027, 2030, scenarios[1], Decimal("610.0"), "млн руб."),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("label", ["Базовый сценарий", "Базовый вариант", "базовый сценарий:",
                                   "Сценарий 1 (базовый)"])
def test_scenario_section_rows(tmp_path: Path, fmt: str, label: str) -> None:
    grid = [["Источник финансирования", "2025 год", "2026 год"],
            [label, "", ""],
            ["областной бюджет", "96,0", "99,5"],
            ["Целевой сценарий", "", ""],
            ["областной бюджет", "104,7", "110,3"]]
    got = [(s, y, sc, a) for s, y, _, _, sc, a, _ in _funding(tmp_path, fmt, grid)]
    assert got == [("regional", 2025, "базовый", Decimal("96.0")),
                   ("regional", 2026, "базовый", Decimal("99.5")),
                   ("regional", 2025, "целевой", Decimal("104.7")),
                   ("regional", 2026, "целевой", Decimal("110.3"))]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("above", "first_header", "unit", "scale"), [
    (("(млн рублей)",), "Источник финансирования", "млн руб.", 10 ** 6),
    (("Таблица 3", "млн. руб."), "Источник финансирования", "млн руб.", 10 ** 6),
    ((), "Источник финансирования, тыс. рублей", "тыс. руб.", 10 ** 3),
    ((), "Источники финансирования (млрд рублей)", "млрд руб.", 10 ** 9),
    (("Объем финансирования Стратегии, тыс. руб.",), "Источник", "тыс. руб.", 10 ** 3),
])
def test_unit_above_the_table_or_in_its_header(tmp_path: Path, fmt: str, above: tuple[str, ...],
                                               first_header: str, unit: str, scale: int) -> None:
    grid = [[first_header, "2024 г.", "2025 г.", "2026 г."],
            ["местный бюджет", "63,0", "65,0", "70,0"],
            ["федеральный бюджет", "410,0", "436,2", "465,0"]]
    ex = extract_tables(read(_write(tmp_path, fmt, list(above), grid)), NLP)
    assert [(f.source, f.year, f.unit, f.amount_rub) for f in ex.funding][:3] == [
        ("municipal", 2024, unit, Decimal("63.0") * scale),
        ("municipal", 2025, unit, Decimal("65.0") * scale),
        ("municipal", 2026, unit, Decimal("70.0") * scale)]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("label", ["Всего", "Итого", "Всего, в том числе:", "Итого по всем источникам",
                                   "Всего по Стратегии", "ИТОГО"])
def test_a_total_row_is_the_total_source(tmp_path: Path, fmt: str, label: str) -> None:
    grid = [["Источник финансирования", "2024 – 2026 гг.", "2027 – 2030 гг."],
            [label, "530,0", "655,5"],
            ["федеральный бюджет", "410,0", "525,5"],
            ["областной бюджет", "120,0", "130,0"]]
    got = [(s, yf, a) for s, _, yf, _, _, a, _ in _funding(tmp_path, fmt, grid)]
    assert got == [("total", 2024, Decimal("530.0")), ("total", 2027, Decimal("655.5")),
                   ("federal", 2024, Decimal("410.0")), ("federal", 2027, Decimal("525.5")),
                   ("regional", 2024, Decimal("120.0")), ("regional", 2027, Decimal("130.0"))]



@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("labels", "scenarios"), [
    (["консервативный", "базовый", "целевой"], ["консервативный", "базовый", "целевой"]),
    (["Вариант 1", "Вариант 2", "Вариант 3"], ["вариант 1", "вариант 2", "вариант 3"]),
])
def test_a_source_printed_once_over_its_scenario_rows(tmp_path: Path, fmt: str, labels: list[str],
                                                      scenarios: list[str]) -> None:
    """No merge kept (plain text, a PDF): the rows below a source name only their scenario."""
    grid = [["Источник финансирования", "Сценарий", "2024 – 2026 гг.", "2027 – 2030 гг."],
            ["федеральный бюджет", labels[0], "410,0", "525,5"],
            ["", labels[1], "450,0", "610,0"],
            ["", labels[2], "480,0", "700,0"],
            ["областной бюджет", labels[0], "120,0", "130,0"],
            ["", labels[1], "125,0", "140,0"],
            ["", labels[2], "131,5", "152,0"]]
    got = [(s, yf, sc, a) for s, _, yf, _, sc, a, _ in _funding(tmp_path, fmt, grid)]
    k, b, c = scenarios
    assert got == [
        ("federal", 2024, k, Decimal("410.0")), ("federal", 2027, k, Decimal("525.5")),
        ("federal", 2024, b, Decimal("450.0")), ("federal", 2027, b, Decimal("610.0")),
        ("federal", 2024, c, Decimal("480.0")), ("federal", 2027, c, Decimal("700.0")),
        ("regional", 2024, k, Decimal("120.0")), ("regional", 2027, k, Decimal("130.0")),
        ("regional", 2024, b, Decimal("125.0")), ("regional", 2027, b, Decimal("140.0")),
        ("regional", 2024, c, Decimal("131.5")), ("regional", 2027, c, Decimal("152.0")),
    ]
