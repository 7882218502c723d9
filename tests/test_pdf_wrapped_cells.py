"""PDF table cells that wrap over lines, read as the page shows them (tests/table_corpus_wrapped.py).

A name printed on two or three lines of one cell is one cell and one record; a unit on a line of
its own belongs to the name above it; a header whose cells wrap is one header row. What starts a
row differs by document: a rule, a row number, a wider gap, a new value in the first column.
The records themselves are compared field by field by tests/test_tables_golden.py; here are the
reader's rows and the properties a wrong split breaks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from stratdoc.extract.lexicon.units import UNIT_TAIL_RE
from stratdoc.extract.tables import extract_tables
from stratdoc.ingest import read
from stratdoc.schema import BlockKind, Document, Table
from stratdoc.schema.records import Extraction
from tests.pdf_factory import have_font
from tests.table_corpus_wrapped import WRAPPED_BUILDERS

pytestmark = pytest.mark.skipif(not have_font(), reason="DejaVu font absent")

DATA = Path(__file__).parent / "data" / "tables"
INDICATOR_DOCS = ["listvensk_indicators", "kamennobrodsk_statistics", "svetloborsk_indicators",
                  "beloklyuchinsk_indicators"]
# Words a wrapped line ends with when its name goes on below: a preposition, a conjunction.
OPEN_END = re.compile(r"(?:\s(?:в|во|и|или|на|по|с|со|к|от|для|из|при|за|о|об)|[,;(-])$", re.IGNORECASE)

# The header row as printed, lines of a cell joined (and «реали-/зации» mended).
HEADERS: dict[str, list[list[str]]] = {
    "listvensk_indicators": [
        ["№ п/п", "Наименование показателя, единица измерения", "2023 год (факт)", "2024 год", "2025 год",
         "2030 год"]],
    "kamennobrodsk_statistics": [
        ["№", "Наименование показателя", "Единица измерения", "2022", "2023", "2024"],
        ["Показатель", "2021 год", "2022 год", "2023 год"]],
    "novorechinsk_plan": [
        ["№ п/п", "Наименование мероприятия", "Срок реализации", "Ответственный исполнитель",
         "Объем, тыс. руб., 2025 год", "Объем, тыс. руб., 2026 год", "Источник финансирования",
         "Ожидаемый результат"]],
    "svetloborsk_indicators": [
        ["№ п/п", "Показатель", "Единица измерения", "2021", "2022", "2023", "2024", "2025", "2026"]],
    "beloklyuchinsk_indicators": [["№ п/п", "Наименование показателя", "2024 год", "2025 год", "2026 год"]],
}
# Rows of each table (header included) as a reader should give them.
ROW_COUNTS: dict[str, list[int]] = {
    "listvensk_indicators": [7],
    "kamennobrodsk_statistics": [6, 5],
    "novorechinsk_plan": [5],
    # header, goal 1, rows 1-4 (row 4 goes on over the page break), row 5, goal 2, row 6
    "svetloborsk_indicators": [9],
    "beloklyuchinsk_indicators": [5],
}
# The name cell of each body row, as printed (its lines joined), per table.
NAME_CELLS: dict[str, list[tuple[int, list[str]]]] = {
    "listvensk_indicators": [(1, [
        "Объем отгруженной продукции обрабатывающих производств, млн руб.",
        "Численность занятых в малом и среднем предпринимательстве, тыс. чел.",
        "Доля продукции высокотехнологичных и наукоемких отраслей в валовом региональном продукте, %",
        "Объем экспорта несырьевых неэнергетических товаров, млн. долл. США",
        "Количество субъектов малого и среднего предпринимательства на 10 тыс. человек населения, ед.",
        "Уровень регистрируемой безработицы, %"])],
    "kamennobrodsk_statistics": [(1, [
        "Численность постоянного населения на 1 января",
        "Среднемесячная начисленная заработная плата работников организаций",
        "Объем инвестиций в основной капитал за счет всех источников финансирования",
        "Объем экспорта продукции предприятий округа",
        "Ввод в действие жилых домов"]), (0, [
        "Внешнеторговый оборот, млн. долл. США",
        "Удельный вес округа в экспорте Западной экономической зоны, %",
        "Количество организаций-экспортеров, единиц",
        "Число стран-партнеров, в которые поставляется продукция округа, ед."])],
    "novorechinsk_plan": [(1, [
        "Строительство очистных сооружений канализации в микрорайоне Северный",
        "Капитальный ремонт водопроводных сетей по улице Заводской",
        "Создание центра поддержки предпринимательства",
        "Проведение ежегодного форума молодых предпринимателей «Речной старт»"])],
    "svetloborsk_indicators": [(1, [
        "Цель 1. Сбалансированный рынок труда района",
        "Численность занятых в сельском, лесном хозяйстве, охоте, рыболовстве и рыбоводстве",
        "Численность занятых в обрабатывающих производствах",
        "Численность занятых в строительстве",
        "Численность занятых в оптовой и розничной торговле; ремонте автотранспортных средств и мотоциклов",
        "Численность занятых в образовании",
        "Цель 2. Рост производительности труда",
        "Производительность труда в базовых несырьевых отраслях экономики"])],
    "beloklyuchinsk_indicators": [(1, [
        "Объем инвестиций в основной капитал за счет всех источников финансирования, млн руб.",
        "Количество субъектов малого и среднего предпринимательства, ед.",
        "Доля населения, удовлетворенного качеством транспортного обслуживания, %",
        "Уровень безработицы, %"])],
}


@pytest.fixture(scope="module")
def wrapped(tmp_path_factory) -> dict[str, tuple[Document, Extraction, dict]]:
    folder = tmp_path_factory.mktemp("wrapped")
    out = {}
    for name, build in WRAPPED_BUILDERS.items():
        doc = read(build(folder))
        expected = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
        out[name] = (doc, extract_tables(doc), expected)
    return out


def rows_of(t: Table) -> list[list[str]]:
    grid = [[""] * t.n_cols for _ in range(t.n_rows)]
    for c in t.cells:
        for k in range(c.col, c.col + c.col_span):
            grid[c.row][k] = " ".join(c.text.split())
    return grid


@pytest.mark.parametrize("name", list(WRAPPED_BUILDERS))
def test_one_row_per_printed_row(wrapped, name: str) -> None:
    doc, _, _ = wrapped[name]
    assert [t.n_rows for t in doc.tables] == ROW_COUNTS[name]


@pytest.mark.parametrize("name", list(WRAPPED_BUILDERS))
def test_wrapped_header_is_one_row(wrapped, name: str) -> None:
    doc, _, _ = wrapped[name]
    assert [rows_of(t)[0] for t in doc.tables] == HEADERS[name]


@pytest.mark.parametrize("name", list(WRAPPED_BUILDERS))
def test_name_cells_hold_every_line(wrapped, name: str) -> None:
    doc, _, _ = wrapped[name]
    got = [(col, [r[col] for r in rows_of(t)[1:]]) for t, (col, _) in zip(doc.tables, NAME_CELLS[name],
                                                                            strict=False)]
    assert got == NAME_CELLS[name]


@pytest.mark.parametrize("name", INDICATOR_DOCS)
def test_as_many_indicators_as_printed(wrapped, name: str) -> None:
    _, ex, expected = wrapped[name]
    assert [i.name for i in ex.indicators] == [i["name"] for i in expected["indicators"]]


@pytest.mark.parametrize("name", list(WRAPPED_BUILDERS))
def test_no_record_is_a_unit_or_a_fragment(wrapped, name: str) -> None:
    """A line of a wrapped name is no record: none starts in lower case, is a unit alone or ends
    where its name goes on."""
    _, ex, _ = wrapped[name]
    names = [r.name for r in [*ex.indicators, *ex.measures]]
    assert names
    bad = [n for n in names if n[:1].islower() or UNIT_TAIL_RE.match(n) or OPEN_END.search(n)]
    assert bad == []


def test_numbers_broken_in_narrow_cells_are_one_number(wrapped) -> None:
    doc, _, _ = wrapped["svetloborsk_indicators"]
    body = rows_of(doc.tables[0])[2]
    assert body[3:] == ["58427", "57903", "57318", "57026", "56881", "56750"]


def test_plan_rows_keep_their_units_and_results(wrapped) -> None:
    doc, _, _ = wrapped["novorechinsk_plan"]
    last = rows_of(doc.tables[0])[4]
    assert last[3] == "Комитет по делам молодежи администрации города; АНО «Новоречинский бизнес-инкубатор»"
    assert last[7] == "Проведено 2 форума"


def test_prose_between_unruled_tables_stays_prose(wrapped) -> None:
    doc, _, _ = wrapped["kamennobrodsk_statistics"]
    paras = [b.text for b in doc.blocks if b.kind != BlockKind.TABLE]
    assert any(p.startswith("Внешнеэкономическая деятельность округа") for p in paras)
    assert all("Внешнеэкономическая" not in c.text for t in doc.tables for c in t.cells)


@pytest.mark.parametrize("rows, kept", [
    # «в том числе:» opens a row of its own; the rows under it hold their own values
    ([["Численность занятых, тыс. чел.", "42,5"], ["в том числе:", ""], ["в сельском хозяйстве", "6,1"],
      ["в промышленности", "9,8"]], 4),
    # a lower-case row with a value beside the value above is a row of its own
    ([["трудоспособное население", "559"], ["подростки", "99"]], 2),
    # a rest of the name and a unit on ruled rows of their own join the row above
    ([["Объем отгрузки товаров", "12,0"], ["собственного производства,", ""], ["млн руб.", ""]], 1),
])
def test_ruled_rows_that_only_go_on_join_the_row_above(rows: list[list[str]], kept: int) -> None:
    from stratdoc.ingest.builder import RawCell
    from stratdoc.ingest.pdf_tables import mend_wrapped_rows

    cells = [RawCell(r, k, t, 1, 1, 1) for r, row in enumerate(rows) for k, t in enumerate(row)]
    assert len({c.row for c in mend_wrapped_rows(cells)}) == kept
