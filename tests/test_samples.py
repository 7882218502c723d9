"""The sample documents: the script rebuilds them reproducibly, and every reader gets back what was put in.

The samples are what `make demo` ingests, so these tests pin the facts a newcomer will see:
a reader that loses a merged header, a page-spanning table or the cp1251 title fails here.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from stratdoc.schema import BlockKind, Cell, Document, Table
from tests.invariants import assert_offsets

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "samples" / "make_samples.py"

DOCX = "postanovlenie-strategiya.docx"
PDF = "plan-meropriyatiy.pdf"
HTML = "novosti-sessiya.html"
TXT = "plan-cp1251.txt"
XLSX = "otchet-plan.xlsx"
PPTX = "sessiya-prezentaciya.pptx"
ALL = (DOCX, PDF, HTML, TXT, XLSX, PPTX)


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_samples", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_samples", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    module = load_script()
    if module.find_font(module.FONT_REGULAR) is None:
        pytest.skip("DejaVuSans.ttf not installed: the PDF sample cannot be built")
    pytest.importorskip("fpdf")
    return module


@pytest.fixture(scope="module")
def made(script: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("samples")
    return {p.name: p for p in script.make_all(out)}


def read_sample(made: dict[str, Path], name: str, fmt: str) -> Document:
    pytest.importorskip(f"stratdoc.ingest.{fmt}")
    from stratdoc.ingest import read

    return read(made[name])


def cell_at(table: Table, row: int, col: int) -> Cell:
    found = [c for c in table.cells if (c.row, c.col) == (row, col)]
    assert found, f"no cell originates at ({row}, {col})"
    return found[0]


def cell_with(table: Table, text: str) -> Cell:
    found = [c for c in table.cells if c.text == text]
    assert len(found) == 1, f"{len(found)} cells read {text!r}"
    return found[0]




# --- the script ------------------------------------------------------------------------------

def test_script_writes_the_six_samples(made: dict[str, Path]) -> None:
    assert sorted(made) == sorted(ALL)


@pytest.mark.parametrize("name", ALL)
def test_sample_is_small_but_not_trivial(made: dict[str, Path], name: str) -> None:
    assert 1_000 < made[name].stat().st_size < 100_000


def test_regenerating_gives_identical_bytes(script: ModuleType, made: dict[str, Path],
                                            tmp_path: Path) -> None:
    again = {p.name: p for p in script.make_all(tmp_path)}
    changed = [n for n in ALL if made[n].read_bytes() != again[n].read_bytes()]
    assert changed == []


@pytest.mark.parametrize("name", [HTML, TXT])
def test_committed_text_samples_are_current(made: dict[str, Path], name: str) -> None:
    """Text samples need no library, so the committed copies must match the script exactly."""
    committed = ROOT / "samples" / name
    if not committed.is_file():
        pytest.skip(f"samples/{name} not generated in this checkout")
    digest = hashlib.sha256(made[name].read_bytes()).hexdigest()
    assert hashlib.sha256(committed.read_bytes()).hexdigest() == digest, "run `make samples`"


def test_txt_sample_is_cp1251_with_crlf(made: dict[str, Path]) -> None:
    data = made[TXT].read_bytes()
    assert data.split(b"\r\n")[0].decode("cp1251") == (
        "План мероприятий на 2023 - 2025 годы по развитию туризма и креативных индустрий в городе Вологде")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_xlsx_formulas_carry_cached_values(made: dict[str, Path]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    formulas = openpyxl.load_workbook(made[XLSX])["План 2022-2024"]
    values = openpyxl.load_workbook(made[XLSX], data_only=True)["План 2022-2024"]
    assert (formulas["G7"].value, values["G7"].value) == ("=SUM(H7:K7)", 948137.6)
    assert (formulas["G13"].value, values["G13"].value) == ("=SUM(G6:G12)", 1527077.3)
    assert values["I13"].value == 847380.8


# --- the readers -----------------------------------------------------------------------------

def test_docx_reader(made: dict[str, Path]) -> None:
    doc = read_sample(made, DOCX, "docx")
    assert_offsets(doc)
    assert doc.hints.get("title") == ("Об утверждении Стратегии социально-экономического развития "
                                      "городского округа города Вологды на период до 2035 года")
    headings = [b.text for b in doc.blocks if b.kind == BlockKind.HEADING]
    assert headings[0] == "ПОСТАНОВЛЕНИЕ"
    assert "Приоритетные направления развития" in headings
    items = [b.text for b in doc.blocks if b.list_item]
    assert len(items) == 12
    assert items[0] == "- кружевоплетение и художественная обработка льна;"
    assert "от 14.03.2022 № 118-п" in doc.text
    assert len(doc.tables) == 1


@pytest.mark.parametrize(("row", "col", "text", "row_span", "col_span"), [
    (0, 0, "№ п/п", 2, 1),
    (0, 2, "Значение показателя по годам", 1, 4),
    (0, 6, "Ответственный исполнитель", 2, 1),
    (1, 2, "2021 (факт)", 1, 1),
    (2, 0, "Цель 1. Рост численности и качества жизни населения", 1, 7),
    (3, 2, "310,2", 1, 1),
    (3, 6, "Управление экономического развития Администрации города Вологды", 2, 1),
    (6, 2, "18 450,6", 1, 1),
])
def test_docx_table_merges(made: dict[str, Path], row: int, col: int, text: str,
                           row_span: int, col_span: int) -> None:
    table = read_sample(made, DOCX, "docx").tables[0]
    assert (table.n_rows, table.n_cols) == (7, 7)
    cell = cell_at(table, row, col)
    assert (cell.text, cell.row_span, cell.col_span) == (text, row_span, col_span)


def test_pdf_reader_joins_the_table_over_pages(made: dict[str, Path]) -> None:
    doc = read_sample(made, PDF, "pdf")
    assert_offsets(doc)
    assert doc.n_pages == 3
    assert "ПЛАН МЕРОПРИЯТИЙ" in doc.text
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert (table.page, table.page_end, table.n_cols) == (1, 2, 7)
    # the header repeated on page 2 is not read as data
    assert [c.text for c in table.cells].count("Наименование мероприятия") == 1
    numbers = [c.text for c in sorted(table.cells, key=lambda c: c.row) if c.col == 0 and c.text.isdigit()]
    assert numbers == [str(n) for n in range(1, 13)]
    goals = [c for c in table.cells if c.text.startswith("Цель ")]
    assert [(c.text[:7], c.col_span) for c in goals] == [("Цель 1.", 7), ("Цель 2.", 7), ("Цель 3.", 7)]


def test_pdf_reader_drops_page_furniture_and_keeps_paragraphs(made: dict[str, Path]) -> None:
    doc = read_sample(made, PDF, "pdf")
    assert "Страница" not in doc.text
    assert "«Об утверждении плана мероприятий" not in doc.text  # the running header line
    page3 = [b.text.split()[0] for b in doc.blocks if b.page == 3]
    assert page3 == ["Порядок", "Мониторинг", "Мероприятия,", "Корректировка", "Начальник"]


@pytest.mark.parametrize(("measure", "col", "text", "page"), [
    ("3", 2, "Бюджет МО 24,5", 1),
    ("1", 2, "Федеральный бюджет 410,0 Областной бюджет 214,6 Бюджет МО 11,3", 1),
    ("2", 4, "Финансирование не определено", 1),
    ("7", 4, "Внебюджетные средства 75,5", 2),
    ("12", 5, "Комитет по инвестициям и предпринимательству Администрации города Вологды", 2),
])
def test_pdf_measure_cells(made: dict[str, Path], measure: str, col: int, text: str, page: int) -> None:
    table = read_sample(made, PDF, "pdf").tables[0]
    row = next(c.row for c in table.cells if c.col == 0 and c.text == measure)
    cell = cell_at(table, row, col)
    assert (cell.text, cell.page) == (text, page)


def test_html_reader(made: dict[str, Path]) -> None:
    doc = read_sample(made, HTML, "html")
    assert_offsets(doc)
    assert doc.hints.get("title") == "В Вологде обсудили, какими проектами наполнить Стратегию-2035"
    assert doc.hints.get("published_on") == "2022-11-25"
    assert doc.blocks[0].kind == BlockKind.HEADING
    assert doc.blocks[1].text.startswith("23-24 ноября в Вологде прошла стратегическая сессия")
    assert "«Кружевной квартал»" in doc.text
    for boilerplate in ("Читайте также", "Сегодня: пятница", "При использовании материалов"):
        assert boilerplate not in doc.text


def test_txt_reader(made: dict[str, Path]) -> None:
    doc = read_sample(made, TXT, "txt")
    assert_offsets(doc)
    assert doc.hints.get("encoding") == "cp1251"
    assert doc.blocks[0].text == (
        "План мероприятий на 2023 - 2025 годы по развитию туризма и креативных индустрий в городе Вологде")
    assert "\r" not in doc.text
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert (table.n_rows, table.n_cols) == (7, 7)
    assert [cell_at(table, 1, k).text for k in (2, 3, 4)] == ["2023", "2024", "2025"]
    assert cell_at(table, 2, 0).text == "Цель 3. Развитие экономики, туризма и креативных индустрий"
    assert cell_at(table, 4, 2).text == "Областной бюджет 2,6 Бюджет МО 0,4"
    assert cell_at(table, 5, 6).text == "40 рабочих мест для резидентов"


@pytest.mark.parametrize(("text", "row_span", "col_span"), [
    ("№ п/п", 2, 1),
    ("Объем финансирования, тыс. руб.", 1, 5),
    ("Степень готовности", 2, 1),
    ("1. Объекты образования", 1, 12),
    ("Итого", 1, 6),
])
def test_xlsx_merges(made: dict[str, Path], text: str, row_span: int, col_span: int) -> None:
    table = read_sample(made, XLSX, "xlsx").tables[0]
    cell = cell_with(table, text)
    assert (cell.row_span, cell.col_span) == (row_span, col_span)


def test_xlsx_reader_values(made: dict[str, Path]) -> None:
    doc = read_sample(made, XLSX, "xlsx")
    assert_offsets(doc)
    table = doc.tables[0]
    assert (table.name, table.n_cols) == ("План 2022-2024", 12)
    head = cell_with(table, "Объем финансирования, тыс. руб.")
    sources = [cell_at(table, head.row + 1, head.col + k).text for k in range(5)]
    assert sources == ["всего", "федеральный бюджет", "областной бюджет", "местный бюджет",
                       "внебюджетные средства"]
    first = cell_with(table, "1.1").row
    assert [cell_at(table, first, k).text for k in (4, 6, 8)] == ["2022-2024 гг.", "948137.6", "318950.6"]
    total = cell_with(table, "Итого").row
    assert cell_at(table, total, 6).text == "1527077.3"


def test_pptx_reader(made: dict[str, Path]) -> None:
    doc = read_sample(made, PPTX, "pptx")
    assert_offsets(doc)
    assert doc.hints.get("title") == "Стратегическая сессия «Вологда-2035: город мастеров»"
    assert [p.number for p in doc.pages] == [1, 2, 3, 4, 5]
    headings = [(b.page, b.text) for b in doc.blocks if b.kind == BlockKind.HEADING]
    assert headings == [(1, "Стратегическая сессия «Вологда-2035: город мастеров»"), (2, "Повестка сессии"),
                        (3, "Приоритетные направления развития"), (4, "Целевые показатели"),
                        (5, "Проектные предложения участников")]
    page3 = [b.text for b in doc.blocks if b.page == 3]
    assert page3[1] == "Кластер «Северное ремесло»"
    assert page3[-1].startswith("Модератор: Игорь Соколов")
    table = doc.tables[0]
    assert (table.page, table.n_rows, table.n_cols) == (4, 4, 5)
    assert cell_with(table, "Целевые ориентиры, обсуждаемые на сессии").col_span == 5
    assert cell_at(table, 2, 4).text == "1 200,0"
    assert "уточнить после сессии" not in doc.text
