"""XLSX reader: merged ranges as spans, cached formula values, number text, used range, limits."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest

from stratdoc.errors import InputTooLarge, ReadError
from stratdoc.ingest import read, read_bytes
from stratdoc.ingest.settings import ReadLimits
from stratdoc.ingest.xlsx import cells_to_raw, number_to_text, value_to_text
from stratdoc.ingest.xlsx import read_bytes as read_xlsx
from stratdoc.schema import BlockKind, Document, Format
from tests.invariants import assert_offsets
from tests.office_factory import (
    replace_member,
    with_cached_values,
    write,
    xlsx_bytes,
    zip_bomb_docx,
)

LIMITS = ReadLimits()
KURSK = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kursk"
SHEET1 = "xl/worksheets/sheet1.xml"


def read_book(data: bytes, limits: ReadLimits = LIMITS) -> Document:
    return read_xlsx(Path("book.xlsx"), data, limits)


def layout(doc: Document, index: int = 0) -> list[tuple[int, int, str, int, int]]:
    return sorted((c.row, c.col, c.text, c.row_span, c.col_span) for c in doc.tables[index].cells)




# numbers and values -----------------------------------------------------------------------
@pytest.mark.parametrize(("value", "number_format", "text"), [
    (50331.983, "#,##0.000", "50331.983"),
    (1194494.4, "General", "1194494.4"),
    (389241.42600000004, "General", "389241.426"),  # binary noise of a cached SUM
    (696593.5499999999, "General", "696593.55"),
    (2649.052, "General", "2649.052"),
    (120, "General", "120"),
    (120.0, "0.00", "120"),
    (-15.25, "General", "-15.25"),
    (-0.0, "General", "0"),
    (0.0000001, "General", "0.0000001"),
    (1.5e20, "General", "150000000000000000000"),
    (12345678901234567, "General", "12345678901234567"),  # ints are exact
    (0.153, "0.0%", "15.3%"),
    (1, "0%", "100%"),
    (True, "General", "ИСТИНА"),
    (False, "General", "ЛОЖЬ"),
    (datetime(2024, 3, 1), "dd.mm.yyyy", "2024-03-01"),
    (datetime(2024, 3, 1, 14, 30), "dd.mm.yyyy hh:mm", "2024-03-01 14:30:00"),
    (date(2030, 12, 31), "General", "2030-12-31"),
    (time(9, 15), "h:mm", "09:15:00"),
    ("  Объект  ", "@", "  Объект  "),
])
def test_value_to_text(value: object, number_format: str, text: str) -> None:
    assert value_to_text(value, number_format) == text


def test_number_to_text_has_no_exponent() -> None:
    assert [number_to_text(v) for v in (1e-10, 2.5e15, 1e16)] == [
        "0.0000000001", "2500000000000000", "10000000000000000"]


def test_numbers_dates_and_percent_through_a_workbook() -> None:
    data = xlsx_bytes(
        {"Финансы": [("A1", "Объём, тыс. руб."), ("B1", 50331.983), ("C1", 1194494.4), ("D1", 2024),
                     ("E1", datetime(2022, 3, 18)), ("F1", 0.65), ("G1", 7.0)]},
        formats={"Финансы": {"B1": "#,##0.000", "E1": "dd.mm.yyyy", "F1": "0%"}},
    )
    doc = read_book(data)
    assert [c.text for c in doc.tables[0].cells] == [
        "Объём, тыс. руб.", "50331.983", "1194494.4", "2024", "2022-03-18", "65%", "7"]


# layout -----------------------------------------------------------------------------------
HEADER_BOOK = xlsx_bytes(
    {"План": [
        ("A1", "Наименование"), ("B1", "Финансирование, тыс. руб."),
        ("B2", 2024), ("C2", 2025), ("D2", 2026),
        ("A3", "Ремонт дорог"), ("B3", 1200.5), ("C3", 800), ("D3", 0),
        ("A5", "Итого"), ("B5", 1200.5), ("C5", 800),
    ]},
    merges={"План": ["A1:A2", "B1:D1", "A6:F8"]},  # the last one is empty and past the data
)


def test_merged_header_keeps_spans_at_the_origin() -> None:
    doc = read_book(HEADER_BOOK)
    t = doc.tables[0]
    assert (t.name, t.n_rows, t.n_cols, t.page) == ("План", 5, 4, None)
    assert layout(doc) == [
        (0, 0, "Наименование", 2, 1), (0, 1, "Финансирование, тыс. руб.", 1, 3),
        (1, 1, "2024", 1, 1), (1, 2, "2025", 1, 1), (1, 3, "2026", 1, 1),
        (2, 0, "Ремонт дорог", 1, 1), (2, 1, "1200.5", 1, 1), (2, 2, "800", 1, 1), (2, 3, "0", 1, 1),
        (4, 0, "Итого", 1, 1), (4, 1, "1200.5", 1, 1), (4, 2, "800", 1, 1),
    ]
    grid = t.grid()
    assert (grid[1][0], grid[0][2], grid[3]) == (None, None, [None] * 4)  # covered, covered, empty row 4


def test_sheet_is_a_heading_then_its_table_and_row_numbers_stay_the_sheets() -> None:
    doc = read_book(HEADER_BOOK)
    assert [(b.kind, b.level) for b in doc.blocks] == [(BlockKind.HEADING, 1), (BlockKind.TABLE, None)]
    assert doc.text == ("План\n\n"
                        "Наименование\tФинансирование, тыс. руб.\t\t\n"
                        "\t2024\t2025\t2026\n"
                        "Ремонт дорог\t1200.5\t800\t0\n"
                        "\t\t\t\n"
                        "Итого\t1200.5\t800\t")
    assert_offsets(doc)


def test_merge_reaching_past_the_data_is_clipped_to_the_used_range() -> None:
    doc = read_book(xlsx_bytes({"Лист1": [("A1", "Отчёт за декабрь"), ("A2", "Объект"), ("C3", 5)]},
                               merges={"Лист1": ["A1:Z1"]}))
    assert layout(doc) == [(0, 0, "Отчёт за декабрь", 1, 3), (1, 0, "Объект", 1, 1), (2, 2, "5", 1, 1)]


def test_values_hidden_under_a_merge_are_dropped_and_counted() -> None:
    texts = {(0, 0): "Заголовок", (0, 1): "скрыто", (1, 0): "данные", (1, 1): "ещё"}
    cells, hidden = cells_to_raw(texts, [(0, 0, 0, 1)])
    assert hidden == 1
    assert [(c.row, c.col, c.text, c.row_span, c.col_span) for c in cells] == [
        (0, 0, "Заголовок", 1, 2), (1, 0, "данные", 1, 1), (1, 1, "ещё", 1, 1)]


def test_workbook_value_under_a_merge_is_dropped_with_a_warning() -> None:
    """Spreadsheet applications keep only the origin's value; other writers may not."""
    book = xlsx_bytes({"Лист1": [("A1", "Раздел"), ("B1", "остаток"), ("A2", "строка")]})
    with zipfile.ZipFile(io.BytesIO(book)) as zf:
        xml = zf.read(SHEET1).decode()
    merges = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'
    xml = xml.replace("</sheetData>", "</sheetData>" + merges)
    doc = read_book(replace_member(book, SHEET1, xml))
    assert layout(doc) == [(0, 0, "Раздел", 1, 1), (1, 0, "строка", 1, 1)]  # clipped to column A
    assert doc.warnings == ["sheet «Лист1»: 1 cell(s) under merged ranges dropped"]


def test_covered_positions_with_many_ranges() -> None:
    merges = [(r, 0, r, 2) for r in range(0, 100, 2)] + [(1, 3, 99, 3)]
    texts = {(r, c): f"{r}:{c}" for r in range(100) for c in range(4)}
    cells, hidden = cells_to_raw(texts, merges)
    assert hidden == 50 * 2 + 98
    assert {(c.row, c.col) for c in cells if c.col_span == 3} == {(r, 0) for r in range(0, 100, 2)}
    assert [(c.row, c.row_span) for c in cells if c.col == 3 and c.row <= 1] == [(0, 1), (1, 99)]


def test_trailing_empty_and_styled_cells_are_trimmed_and_empty_sheets_skipped() -> None:
    data = xlsx_bytes(
        {"Пустой": [], "Данные": [("B2", "значение"), ("H40", "   ")], "Формат": [("C3", None)]},
        formats={"Данные": {"Z500": "0.00"}, "Формат": {"C3": "0.00"}},
    )
    doc = read_book(data)
    assert [t.name for t in doc.tables] == ["Данные"]
    t = doc.tables[0]
    assert (t.n_rows, t.n_cols) == (2, 2)
    assert layout(doc) == [(1, 1, "значение", 1, 1)]  # B2 stays at row 1, col 1
    assert doc.text == "Данные\n\n\t\n\tзначение"


def test_sheets_in_workbook_order() -> None:
    doc = read_book(xlsx_bytes({"Цели": [("A1", "Цель 1")], "Показатели": [("A1", "Показатель")]}))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "Цели"), (BlockKind.TABLE, "Цель 1"),
        (BlockKind.HEADING, "Показатели"), (BlockKind.TABLE, "Показатель")]
    assert [t.index for t in doc.tables] == [0, 1]
    assert_offsets(doc)


# formulas ---------------------------------------------------------------------------------
FORMULA_BOOK = xlsx_bytes({"Расчёт": [("A1", 1.5), ("B1", 2), ("C1", "=A1+B1"), ("D1", "=SUM(A1:C1)")]})


def test_formula_without_cached_value_reads_empty() -> None:
    """openpyxl writes formulas without results and computes nothing: such cells stay empty."""
    doc = read_book(FORMULA_BOOK)
    assert doc.tables[0].grid() == [["1.5", "2"]]


def test_formula_gives_the_cached_value() -> None:
    data = with_cached_values(FORMULA_BOOK, SHEET1, {"C1": "3.5", "D1": "7.0000000000000009"})
    doc = read_book(data)
    assert doc.tables[0].grid() == [["1.5", "2", "3.5", "7"]]


# metadata and dispatch --------------------------------------------------------------------
@pytest.mark.parametrize(("title", "hints"), [
    ("План создания объектов инфраструктуры", {"title": "План создания объектов инфраструктуры"}),
    (None, {}),
])
def test_title_hint(title: str | None, hints: dict[str, str]) -> None:
    assert read_book(xlsx_bytes({"Лист1": [("A1", "x")]}, title=title)).hints == hints


def test_dispatch_reads_a_file_from_disk(tmp_path: Path) -> None:
    path = write(tmp_path, "отчёт.xlsx", HEADER_BOOK)
    doc = read(path)
    assert (doc.format, doc.source, doc.status, doc.pages) == (Format.XLSX, "отчёт.xlsx", "ok", [])
    assert all(c.page is None for c in doc.tables[0].cells)


# hostile workbooks ------------------------------------------------------------------------
@pytest.mark.parametrize("member", [SHEET1, "xl/sharedStrings.xml"])
def test_entity_declarations_are_rejected(member: str) -> None:
    xml = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
           "<si><t>&b;</t></si></sst>")
    data = replace_member(xlsx_bytes({"Лист1": [("A1", "строка")]}), member, xml)
    with pytest.raises(ReadError) as e:
        read_bytes("laughs.xlsx", data)
    assert e.value.reason == (f"XLSX rejected: XML declares entities (DOCTYPE) in {member}, "
                              "possible entity-expansion attack")


def test_zip_bomb_member_is_rejected() -> None:
    bomb = zip_bomb_docx(5 * 1024 * 1024, member="xl/media/image1.png")
    with zipfile.ZipFile(io.BytesIO(bomb)) as zf:
        blob = zf.read("xl/media/image1.png")
    data = replace_member(HEADER_BOOK, "xl/media/image1.png", blob)
    with pytest.raises(InputTooLarge) as e:
        read_bytes("bomb.xlsx", data)
    assert e.value.reason.startswith("XLSX rejected: xl/media/image1.png inflates ")
    assert e.value.reason.endswith("; limit 200:1), a zip bomb")


def test_truncated_workbook_is_a_broken_zip() -> None:
    with pytest.raises(ReadError) as e:
        read_xlsx(Path("half.xlsx"), HEADER_BOOK[: len(HEADER_BOOK) // 2], LIMITS)
    assert e.value.reason.startswith("broken zip container: ")


def test_far_away_cell_cannot_blow_up_the_text() -> None:
    data = xlsx_bytes({"Лист1": [("A1", "начало"), ("AZ5000", "конец")]})
    with pytest.raises(InputTooLarge) as e:
        read_bytes("far.xlsx", data, {"max_text_chars": 100_000})
    assert e.value.reason == ("XLSX sheet «Лист1» renders to about 260,011 characters "
                              "(5,000 rows × 52 columns), over the text limit")


# real file --------------------------------------------------------------------------------
def kursk(name: str) -> Path:
    path = KURSK / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def test_kursk_report_header_merges_and_computed_values() -> None:
    doc = read(kursk("Otchet-2022-god.xlsx"))
    assert [t.name for t in doc.tables] == ["НОВЫЙ ПЛАН НА 2020-2022 ГОДЫ"]
    t = doc.tables[0]
    assert (t.n_rows, t.n_cols) == (132, 16)
    cells = {(c.row, c.col): c for c in t.cells}
    # the two-row header (sheet rows 11-12): "№ п/п" spans both rows, the investment block 5 columns
    assert (cells[10, 0].text, cells[10, 0].row_span) == ("№ п/п", 2)
    investments = "Объем инвестиций 2022 - 2024 годов, тыс.руб. (план)"
    assert (cells[10, 9].text, cells[10, 9].col_span) == (investments, 5)
    assert [cells[11, k].text for k in range(9, 14)] == [
        "всего", "федеральный бюджет", "областной бюджет", "местный бюджет", "внебюджетные средства"]
    assert (1, 0) not in cells and (10, 10) not in cells
    # J15 = L15+M15+N15 and L121 = SUM(...) are formulas: their cached results come out, without noise
    assert [cells[14, k].text for k in (9, 11, 12)] == ["52981.035", "50331.983", "2649.052"]
    assert [cells[120, k].text for k in (0, 8, 11)] == ["Итог 4 объекта:", "1991144.4", "389241.426"]
    assert cells[124, 9].text == "696593.55"
    assert_offsets(doc)
