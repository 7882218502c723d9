"""DOC, RTF and ODT read through LibreOffice like the DOCX they were saved from; PPTX decks as slides.

The Word-family files are made here: a DOCX plan with a merged header, goal rows across the
table and measures with amounts by year is saved by LibreOffice as .doc, .rtf and .odt, and
each must give the records its DOCX original gives. Those tests skip when soffice is absent;
the one-line error without it is checked with the lookup patched away.
"""

from __future__ import annotations

import io
import subprocess
from decimal import Decimal
from pathlib import Path

import pptx
import pytest
from pptx.util import Cm, Pt

from stratdoc.errors import EncryptedDocument, ReadError
from stratdoc.extract import extract
from stratdoc.extract.tables import extract_tables
from stratdoc.ingest import convert, read, read_bytes
from stratdoc.ingest.sniff import OLE2_MAGIC, sniff
from stratdoc.schema import BlockKind, Document, Format
from stratdoc.schema.records import Extraction
from tests.invariants import assert_offsets
from tests.office_factory import (
    billion_laughs_xml,
    cell,
    docx_bytes,
    para,
    replace_member,
    row,
    table,
    write,
    zip_bytes,
)

SOFFICE = convert.find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")

# --- the Word-family plan ---------------------------------------------------------------------

HEADER_1 = ["№ п/п", "Наименование мероприятия", "Срок исполнения", "Исполнитель",
            "Источник финансирования", "Объем финансирования, тыс. руб."]
YEARS = ["2025", "2026", "2027"]
MEASURES = [
    ("1.1.", "Реконструкция стадиона «Труд»", "2025-2027", "Комитет по физической культуре и спорту",
     "областной бюджет", ["15 300,0", "22 000,5", "4 100,0"]),
    ("1.2.", "Открытие центра детского творчества", "2026", "Управление образования",
     "местный бюджет", ["-", "3 750,0", "-"]),
    ("2.1.", "Создание туристского маршрута по долине реки", "2025-2026",
     "Отдел туризма и молодежной политики", "внебюджетные средства", ["820,0", "640,0", "0,0"]),
]


def plan_docx() -> bytes:
    """A decree's plan as a DOCX: heading styles, a two-row merged header, goal rows, measures."""
    header_1 = [cell(text, vmerge="restart") for text in HEADER_1[:5]]
    header_1.append(cell(HEADER_1[5], span=3))
    header_2 = [cell("", vmerge="") for _ in range(5)] + [cell(y) for y in YEARS]
    rows = [row(*header_1), row(*header_2)]
    goals = {"1": "Цель 1. Развитие физической культуры и детского творчества",
             "2": "Цель 2. Развитие внутреннего туризма"}
    for number, name, term, who, source, amounts in MEASURES:
        goal = number.split(".")[0]
        if goal in goals:
            rows.append(row(cell(goals.pop(goal), span=8)))
        rows.append(row(cell(number), cell(name), cell(term), cell(who), cell(source),
                        *(cell(a) for a in amounts)))
    return docx_bytes(
        para("План мероприятий по реализации Стратегии социально-экономического развития "
             "муниципального округа на период до 2030 года", style="Title"),
        para("Общие положения", style="1"),
        para("План определяет мероприятия, сроки их исполнения и объемы финансирования по годам."),
        table(*rows, grid=8),
        para("Контроль за исполнением плана возлагается на заместителя главы округа."),
    )


def save_as(docx: Path, target: str, out_dir: Path) -> Path:
    """LibreOffice's own "save as": the .doc/.rtf/.odt an office would send."""
    profile = (out_dir / "profile").as_uri()
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                    "--outdir", str(out_dir), str(docx)], check=True, capture_output=True, timeout=300)
    return out_dir / f"{docx.stem}.{target}"


def measures_of(doc: Document) -> list[tuple]:
    ex = extract_tables(doc)
    return [(m.number, m.name, m.goal, m.responsible,
             [(f.source, f.year, f.amount, f.unit) for f in m.funding]) for m in ex.measures]


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("plan"), "plan.docx", plan_docx())


@pytest.fixture(scope="module")
def converted(original: Path) -> dict[str, Path]:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed")
    return {fmt: save_as(original, fmt, original.parent) for fmt in ("doc", "rtf", "odt")}


def test_the_docx_original_has_the_plan(original: Path) -> None:
    """The key the other formats are held to: three measures with amounts by year."""
    found = measures_of(read(original))
    assert [m[:3] for m in found] == [
        ("1.1", "Реконструкция стадиона «Труд»", "1"),
        ("1.2", "Открытие центра детского творчества", "1"),
        ("2.1", "Создание туристского маршрута по долине реки", "2"),
    ]
    assert found[0][4] == [("regional", 2025, Decimal("15300.0"), "тыс. руб."),
                           ("regional", 2026, Decimal("22000.5"), "тыс. руб."),
                           ("regional", 2027, Decimal("4100.0"), "тыс. руб.")]
    assert found[1][4] == [("municipal", 2026, Decimal("3750.0"), "тыс. руб.")]


@pytest.fixture(scope="module")
def read_back(converted: dict[str, Path]) -> dict[str, Document]:
    return {fmt: read(path) for fmt, path in converted.items()}


@needs_soffice
@pytest.mark.parametrize("fmt", ["doc", "rtf", "odt"])
def test_converted_format_gives_the_records_of_the_docx(original: Path, read_back: dict[str, Document],
                                                        fmt: str) -> None:
    doc = read_back[fmt]
    assert_offsets(doc)
    assert doc.format == Format(fmt)
    assert doc.source == f"plan.{fmt}"
    assert measures_of(doc) == measures_of(read(original))


@needs_soffice
@pytest.mark.parametrize("fmt", ["doc", "rtf", "odt"])
def test_converted_format_keeps_blocks_and_merged_cells(original: Path, read_back: dict[str, Document],
                                                        fmt: str) -> None:
    doc, docx = read_back[fmt], read(original)
    assert [(b.kind, b.text) for b in doc.blocks] == [(b.kind, b.text) for b in docx.blocks]
    table_of = {(c.row, c.col): (c.text, c.row_span, c.col_span) for c in doc.tables[0].cells}
    assert table_of == {(c.row, c.col): (c.text, c.row_span, c.col_span) for c in docx.tables[0].cells}
    assert table_of[(0, 5)] == ("Объем финансирования, тыс. руб.", 1, 3)
    assert table_of[(0, 0)] == ("№ п/п", 2, 1)


@needs_soffice
def test_id_is_the_original_bytes_and_the_input_name_is_never_a_path(
        converted: dict[str, Path], read_back: dict[str, Document], tmp_path: Path) -> None:
    """A client's file name may read as an option to soffice: it never reaches the command line."""
    hostile = tmp_path / "--convert-to=pdf; rm -rf ~.doc"
    hostile.write_bytes(converted["doc"].read_bytes())
    doc = read(hostile)
    assert doc.source == hostile.name
    assert doc.id == read_back["doc"].id == convert.sha256_hex(converted["doc"].read_bytes())
    assert doc.id != read_back["rtf"].id


@needs_soffice
def test_hand_written_rtf_with_unicode_escapes(tmp_path: Path) -> None:
    """RTF as old tools write it: Cyrillic as \\uN escapes, paragraphs ended by \\par."""
    def esc(text: str) -> str:
        return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in text)
    body = "\\par\n".join(esc(t) for t in ("Стратегия развития округа", "Мероприятия плана на 2026 год"))
    data = ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "\\par\n}").encode("ascii")
    doc = read_bytes("svedeniya.rtf", data)
    assert doc.format == Format.RTF
    assert [b.text for b in doc.blocks] == ["Стратегия развития округа", "Мероприятия плана на 2026 год"]


@needs_soffice
def test_a_broken_doc_is_one_line_naming_the_file() -> None:
    data = OLE2_MAGIC + "WordDocument".encode("utf-16-le") + b"\0" * 600
    with pytest.raises(ReadError) as e:
        read_bytes("broken.doc", data)
    assert str(e.value).startswith("broken.doc: DOC: ")
    assert "\n" not in str(e.value)


@needs_soffice
def test_a_conversion_over_its_time_is_stopped(converted: dict[str, Path],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "TIMEOUT_S", 0.2)
    with pytest.raises(ReadError) as e:
        read(converted["odt"])
    assert str(e.value) == "plan.odt: ODT: LibreOffice conversion timed out after 0.2 s"


def test_without_libreoffice_a_doc_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    data = OLE2_MAGIC + "WordDocument".encode("utf-16-le") + b"\0" * 600
    with pytest.raises(ReadError) as e:
        read_bytes("otchet.doc", data)
    assert str(e.value) == "otchet.doc: DOC needs LibreOffice: install libreoffice-writer-nogui"


def test_without_libreoffice_an_odt_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    data = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
    with pytest.raises(ReadError) as e:
        read_bytes("plan.odt", data)
    assert str(e.value) == "plan.odt: ODT needs LibreOffice: install libreoffice-writer-nogui"


# --- sniffing ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "expected"), [
    (b"{\\rtf1\\ansi hello}", Format.RTF),
    (OLE2_MAGIC + b"\0" * 64 + "WordDocument".encode("utf-16-le"), Format.DOC),
    (zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), Format.ODT),
    (zip_bytes({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"}), Format.PPTX),
])
def test_sniff_office_formats(data: bytes, expected: Format) -> None:
    assert sniff("f.bin", data) == expected


@pytest.mark.parametrize("data", [
    OLE2_MAGIC + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le") + "WordDocument".encode("utf-16-le"),
    OLE2_MAGIC + b"\0" * 64 + "Workbook".encode("utf-16-le"),
])
def test_sniff_other_ole2_is_still_refused(data: bytes) -> None:
    with pytest.raises(EncryptedDocument):
        sniff("f.bin", data)


def test_a_spreadsheet_in_odf_is_not_taken_for_a_text() -> None:
    data = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})
    with pytest.raises(ReadError, match="unsupported format: a zip archive"):
        sniff("f.bin", data)


# --- PPTX: a strategy session deck -------------------------------------------------------------

INDICATOR_ROWS = [
    ["Наименование показателя", "Единица измерения", "2024 (факт)", "2027", "2030"],
    ["Численность населения", "тыс. чел.", "41,2", "41,8", "42,5"],
    ["Объем инвестиций в основной капитал", "млн руб.", "3 150,0", "3 900,0", "4 800,0"],
    ["Число субъектов малого и среднего предпринимательства", "единиц", "1 420", "1 510", "1 650"],
]


def session_deck() -> bytes:
    """Three slides as a session's moderator makes them: a title slide, a slide of bullets whose
    text boxes were drawn out of reading order, and a slide with an indicator table."""
    prs = pptx.Presentation()
    first = prs.slides.add_slide(prs.slide_layouts[0])
    first.shapes.title.text = "Стратегическая сессия «Округ-2030»"
    first.placeholders[1].text = "Рабочая группа по подготовке стратегии, 12 марта 2025 года"

    second = prs.slides.add_slide(prs.slide_layouts[1])
    second.shapes.title.text = "Приоритетные направления"
    body = second.placeholders[1]
    body.top, body.left, body.width, body.height = Cm(4), Cm(1), Cm(11), Cm(9)
    frame = body.text_frame
    frame.text = "Развитие агропромышленного комплекса"
    for line in ("Поддержка малого предпринимательства", "Комфортная городская среда"):
        frame.add_paragraph().text = line
    # drawn first, but it stands below the bullets: read last
    note = second.shapes.add_textbox(Cm(1), Cm(15), Cm(20), Cm(2))
    note.text_frame.text = "Итоги голосования участников сессии"
    # a row of two boxes beside the bullets, grouped: read as one unit, left to right
    group = second.shapes.add_group_shape()
    right = group.shapes.add_textbox(Cm(19), Cm(4), Cm(5), Cm(2))
    right.text_frame.text = "Кадры"
    left = group.shapes.add_textbox(Cm(13), Cm(4), Cm(5), Cm(2))
    left.text_frame.text = "Инфраструктура"

    third = prs.slides.add_slide(prs.slide_layouts[5])
    third.shapes.title.text = "Целевые показатели стратегии"
    shape = third.shapes.add_table(len(INDICATOR_ROWS) + 1, 5, Cm(1), Cm(4), Cm(23), Cm(10))
    grid = shape.table
    grid.cell(0, 0).merge(grid.cell(0, 4))
    grid.cell(0, 0).text = "Таблица 1. Показатели социально-экономического развития округа"
    for r, values in enumerate(INDICATOR_ROWS, start=1):
        for c, value in enumerate(values):
            grid.cell(r, c).text = value
            grid.cell(r, c).text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    third.notes_slide.notes_text_frame.text = "Показатели согласованы с отраслевыми отделами."
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return read(write(tmp_path_factory.mktemp("deck"), "sessiya.pptx", session_deck()))


def test_a_slide_is_a_page(deck: Document) -> None:
    assert_offsets(deck)
    assert deck.format == Format.PPTX
    assert [p.number for p in deck.pages] == [1, 2, 3]
    for page in deck.pages:
        on_page = [b for b in deck.blocks if b.page == page.number]
        assert on_page and page.start <= on_page[0].start and on_page[-1].end <= page.end


def test_blocks_in_reading_order(deck: Document) -> None:
    page = {n: [(b.kind, b.text) for b in deck.blocks if b.page == n] for n in (1, 2)}
    assert page[1] == [(BlockKind.HEADING, "Стратегическая сессия «Округ-2030»"),
                       (BlockKind.PARAGRAPH, "Рабочая группа по подготовке стратегии, 12 марта 2025 года")]
    assert page[2] == [
        (BlockKind.HEADING, "Приоритетные направления"),
        (BlockKind.LIST_ITEM, "Развитие агропромышленного комплекса"),
        (BlockKind.LIST_ITEM, "Поддержка малого предпринимательства"),
        (BlockKind.LIST_ITEM, "Комфортная городская среда"),
        (BlockKind.PARAGRAPH, "Инфраструктура"),
        (BlockKind.PARAGRAPH, "Кадры"),
        (BlockKind.PARAGRAPH, "Итоги голосования участников сессии"),
    ]


def test_slide_table_is_a_table_with_merged_caption(deck: Document) -> None:
    assert len(deck.tables) == 1
    grid = deck.tables[0]
    assert (grid.page, grid.n_rows, grid.n_cols) == (3, 5, 5)
    cells = {(c.row, c.col): (c.text, c.row_span, c.col_span) for c in grid.cells}
    assert cells[(0, 0)] == ("Таблица 1. Показатели социально-экономического развития округа", 1, 5)
    assert (0, 1) not in cells
    assert cells[(3, 0)] == ("Объем инвестиций в основной капитал", 1, 1)
    assert cells[(4, 4)] == ("1 650", 1, 1)


def test_speaker_notes_are_left_out(deck: Document) -> None:
    assert "согласованы" not in deck.text


def test_deck_carries_the_presentation_hint(deck: Document) -> None:
    assert deck.hints.get("kind") == "presentation"


@pytest.fixture(scope="module")
def deck_records(deck: Document) -> Extraction:
    return extract(deck)


def test_indicators_from_the_slide_table(deck_records: Extraction) -> None:
    found = {i.name: [(v.year, v.value) for v in i.values] for i in deck_records.indicators}
    assert found["Объем инвестиций в основной капитал"] == [
        (2024, 3150.0), (2027, 3900.0), (2030, 4800.0)]
    assert set(found) == {row[0] for row in INDICATOR_ROWS[1:]}


def test_directions_from_the_bullets(deck_records: Extraction) -> None:
    assert [d.name for d in deck_records.directions] == [
        "Развитие агропромышленного комплекса", "Поддержка малого предпринимательства",
        "Комфортная городская среда"]


def test_deck_is_a_presentation(deck_records: Extraction) -> None:
    assert deck_records.document.kind == "presentation"


def test_broken_pptx_is_one_line() -> None:
    data = zip_bytes({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"})
    with pytest.raises(ReadError) as e:
        read_bytes("deck.pptx", data)
    assert str(e.value).startswith("deck.pptx: PPTX: ")
    assert "\n" not in str(e.value)


@pytest.mark.parametrize(("name", "data"), [
    ("deck.pptx", replace_member(session_deck(), "ppt/slides/slide1.xml", billion_laughs_xml())),
    ("plan.odt", zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text",
                            "content.xml": billion_laughs_xml()})),
])
def test_entity_expansion_is_refused_before_any_library_or_soffice(name: str, data: bytes) -> None:
    with pytest.raises(ReadError, match=r"rejected: XML declares entities"):
        read_bytes(name, data)
