"""DOCX reader: block kinds and order, true merged-cell layout, hints, and hostile packages."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from stratdoc.errors import InputTooLarge, ReadError
from stratdoc.ingest import read, read_bytes, zipsafe
from stratdoc.ingest.docx import read_bytes as read_docx
from stratdoc.ingest.settings import ReadLimits
from stratdoc.schema import BlockKind, Document, Format
from tests.invariants import assert_offsets
from tests.office_factory import (
    billion_laughs_xml,
    cell,
    document_xml,
    docx_bytes,
    docx_parts,
    external_entity_xml,
    lie_about_size,
    padded_doctype_xml,
    para,
    replace_member,
    row,
    run,
    sdt,
    table,
    without_member,
    write,
    zip_bomb_docx,
    zip_bytes,
)

LIMITS = ReadLimits()
KURSK = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kursk"


def read_items(*items: str, **kw: object) -> Document:
    return read_docx(Path("test.docx"), docx_bytes(*items, **kw), LIMITS)




def spans(doc: Document, index: int = 0) -> list[tuple[int, int, str, int, int]]:
    return sorted((c.row, c.col, c.text, c.row_span, c.col_span) for c in doc.tables[index].cells)


# paragraphs -------------------------------------------------------------------------------
@pytest.mark.parametrize(("item", "kind", "level"), [
    (para("Стратегия развития района", style="Title"), BlockKind.HEADING, 1),
    (para("Общие положения", style="1"), BlockKind.HEADING, 1),
    (para("Цели и задачи", style="2"), BlockKind.HEADING, 2),
    (para("Приоритетные направления", style="ruHeading3"), BlockKind.HEADING, 3),
    (para("Раздел о туризме", style="SectionHead"), BlockKind.HEADING, 2),  # inherits heading 2
    (para("Паспорт программы", outline=0), BlockKind.HEADING, 1),
    (para("Этапы реализации", outline=2), BlockKind.HEADING, 3),
    (para("Обычный текст в стиле заголовка", style="1", outline=9), BlockKind.PARAGRAPH, None),
    (para("ремонт дорог местного значения", num_id=4), BlockKind.LIST_ITEM, None),
    (para("строительство школы", style="ListBullet"), BlockKind.LIST_ITEM, None),
    (para("развитие спорта", style="ListParagraph"), BlockKind.LIST_ITEM, None),
    (para("нумерация выключена", style="ListBullet", num_id=0), BlockKind.PARAGRAPH, None),
    (para("• благоустройство парка"), BlockKind.LIST_ITEM, None),
    (para("– газификация сёл"), BlockKind.LIST_ITEM, None),
    (para("1) поддержка малого бизнеса"), BlockKind.LIST_ITEM, None),
    (para("б) привлечение инвестиций"), BlockKind.LIST_ITEM, None),
    (para("1.2. Срок реализации программы: 2024-2030 годы."), BlockKind.PARAGRAPH, None),
    (para("Администрация района постановляет:"), BlockKind.PARAGRAPH, None),
])
def test_paragraph_kind(item: str, kind: BlockKind, level: int | None) -> None:
    doc = read_items(item)
    assert [(b.kind, b.level) for b in doc.blocks] == [(kind, level)]
    assert doc.blocks[0].list_item == (kind == BlockKind.LIST_ITEM)
    assert doc.blocks[0].page is None


@pytest.mark.parametrize(("runs", "text"), [
    (run("Объём ") + run("финансирования"), "Объём финансирования"),
    ("<w:r><w:t>2024</w:t><w:tab/><w:t>2025</w:t></w:r>", "2024\t2025"),
    ("<w:r><w:t>первая</w:t><w:br/><w:t>вторая</w:t></w:r>", "первая\nвторая"),
    (run("было ") + "<w:del><w:r><w:delText>удалено </w:delText></w:r></w:del>" + run("стало"), "было стало"),
    ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("7") +
     '<w:r><w:fldChar w:fldCharType="end"/></w:r>', "7"),
    ('<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
     'relationships">' + run("портал") + "</w:hyperlink>", "портал"),
    ("<w:ins>" + run("вставка") + "</w:ins>", "вставка"),
    ("<w:r><w:t>сорок</w:t><w:noBreakHyphen/><w:t>пять</w:t></w:r>", "сорок-пять"),
])
def test_run_text(runs: str, text: str) -> None:
    doc = read_items(para(runs=runs))
    assert [b.text for b in doc.blocks] == [text]


def test_text_box_comes_after_its_paragraph_once() -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = f"<w:txbxContent>{para('Текст во врезке')}</w:txbxContent>"
    runs = (run("Абзац с рисунком") + f'<w:r><mc:AlternateContent xmlns:mc="{mc}">'
            f"<mc:Choice Requires=\"wps\"><w:drawing>{box}</w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    doc = read_items(para(runs=runs), para("Следующий абзац"))
    assert [b.text for b in doc.blocks] == ["Абзац с рисунком", "Текст во врезке", "Следующий абзац"]


# order ------------------------------------------------------------------------------------
def test_blocks_interleave_in_body_order() -> None:
    doc = read_items(
        para("Программа развития", style="1"),
        para("Вводный абзац."),
        table(row(cell("А"), cell("Б")), grid=2),
        para("пункт перечня", num_id=4),
        sdt(para("Абзац в элементе управления"), table(row(cell("В")), grid=1)),
        para("Заключение."),
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "Программа развития"),
        (BlockKind.PARAGRAPH, "Вводный абзац."),
        (BlockKind.TABLE, "А\tБ"),
        (BlockKind.LIST_ITEM, "пункт перечня"),
        (BlockKind.PARAGRAPH, "Абзац в элементе управления"),
        (BlockKind.TABLE, "В"),
        (BlockKind.PARAGRAPH, "Заключение."),
    ]
    assert [b.table_index for b in doc.blocks if b.kind == BlockKind.TABLE] == [0, 1]
    assert doc.text == ("Программа развития\n\nВводный абзац.\n\nА\tБ\n\nпункт перечня\n\n"
                        "Абзац в элементе управления\n\nВ\n\nЗаключение.")
    assert_offsets(doc)


# tables -----------------------------------------------------------------------------------
FUNDING_TABLE = table(
    row(cell("Показатель", vmerge="restart"), cell("Финансирование, тыс. руб.", span=3)),
    row(cell("", vmerge=""), cell("2024"), cell("2025"), cell("2026")),
    row(cell("Дороги"), cell("10,5"), cell("11", vmerge="restart"), cell("12")),
    row(cell("Школы"), cell("3"), cell("", vmerge="continue"), cell("4")),
    row(cell("Итого", span=2), cell("26", span=2)),
    row(cell("Примечание к таблице", span=3), grid_before=1),
    grid=4,
)


def test_table_merges_give_exact_spans() -> None:
    doc = read_items(FUNDING_TABLE)
    t = doc.tables[0]
    assert (t.n_rows, t.n_cols) == (6, 4)
    assert spans(doc) == [
        (0, 0, "Показатель", 2, 1), (0, 1, "Финансирование, тыс. руб.", 1, 3),
        (1, 1, "2024", 1, 1), (1, 2, "2025", 1, 1), (1, 3, "2026", 1, 1),
        (2, 0, "Дороги", 1, 1), (2, 1, "10,5", 1, 1), (2, 2, "11", 2, 1), (2, 3, "12", 1, 1),
        (3, 0, "Школы", 1, 1), (3, 1, "3", 1, 1), (3, 3, "4", 1, 1),
        (4, 0, "Итого", 1, 2), (4, 2, "26", 1, 2),
        (5, 1, "Примечание к таблице", 1, 3),
    ]
    grid = t.grid()
    assert [grid[1][0], grid[3][2], grid[0][2], grid[5][0]] == [None, None, None, None]
    assert t.grid(fill_merged=True)[3][2] == "11"
    assert doc.blocks[0].text.split("\n")[3] == "Школы\t3\t\t4"
    assert_offsets(doc)


def test_vertical_run_ends_at_a_row_that_does_not_continue_it() -> None:
    doc = read_items(table(
        row(cell("Район", vmerge="restart"), cell("а")),
        row(cell("Город"), cell("б")),
        row(cell("", vmerge=""), cell("в")),  # a stray continuation opens a run of its own
        row(cell("", vmerge=""), cell("г")),
        grid=2,
    ))
    assert [(r, c, text, rs) for r, c, text, rs, _ in spans(doc) if c == 0] == [
        (0, 0, "Район", 1), (1, 0, "Город", 1), (2, 0, "", 2)]


def test_unused_sliver_column_is_folded_so_full_width_rows_stay_full_width() -> None:
    doc = read_items(table(
        row(cell("Организация"), cell("Проект"), grid_after=1),
        row(cell("Промышленность", span=3)),
        row(cell("ООО «Пример»"), cell("Цех"), grid_after=1),
        grid=3,
    ))
    t = doc.tables[0]
    assert t.n_cols == 2
    assert spans(doc)[2] == (1, 0, "Промышленность", 1, 2)
    assert doc.text == "Организация\tПроект\nПромышленность\t\nООО «Пример»\tЦех"


def test_cell_text_joins_paragraphs_and_flattens_nested_tables() -> None:
    nested = table(row(cell("внутри 1"), cell("внутри 2")), grid=2)
    doc = read_items(table(
        row(cell([para("Объект:"), para("школа на 600 мест"), nested, para("")]),
            cell([sdt(para("в элементе")), para("управления")])),
        grid=2,
    ))
    assert [c.text for c in doc.tables[0].cells] == ["Объект: школа на 600 мест внутри 1 внутри 2",
                                                      "в элементе управления"]
    assert len(doc.tables) == 1


def test_table_with_only_empty_cells_is_dropped() -> None:
    doc = read_items(para("До"), table(row(cell(""), cell("")), grid=2), para("После"))
    assert doc.tables == [] and [b.text for b in doc.blocks] == ["До", "После"]


# hints ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("title", "hints"), [
    ("Стратегия социально-экономического развития  до 2036 года",
     {"title": "Стратегия социально-экономического развития до 2036 года"}),
    ("   ", {}),
    (None, {}),  # no core part: python-docx's invented "Word Document" must not leak
])
def test_title_hint(title: str | None, hints: dict[str, str]) -> None:
    doc = read_items(para("Текст."), title=title)
    assert doc.hints == hints


def test_dispatch_reads_a_file_from_disk(tmp_path: Path) -> None:
    path = write(tmp_path, "программа.docx", docx_bytes(para("Паспорт", style="1"), FUNDING_TABLE))
    doc = read(path)
    assert (doc.format, doc.source, doc.status) == (Format.DOCX, "программа.docx", "ok")
    assert len(doc.id) == 64 and len(doc.tables) == 1
    assert doc.pages == [] and all(c.page is None for c in doc.tables[0].cells)


def test_empty_body_is_no_text() -> None:
    assert read_items(para("")).status == "no_text"


# hostile packages -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bomb_200mb() -> bytes:
    return zip_bomb_docx(200 * 1024 * 1024)


def test_zip_bomb_is_rejected_before_inflating(bomb_200mb: bytes) -> None:
    assert len(bomb_200mb) < 300_000
    started = time.perf_counter()
    with pytest.raises(InputTooLarge) as e:
        read_bytes("bomb.docx", bomb_200mb)
    assert time.perf_counter() - started < 0.5
    assert e.value.reason == ("DOCX rejected: word/document.xml expands to 209,715,200 bytes "
                              "(limit 125,829,120)")


def member_sizes(data: bytes) -> dict[str, tuple[int, int]]:
    """name → (compressed, uncompressed) as the zip declares them."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: (i.compress_size, i.file_size) for i in zf.infolist()}


def test_highly_compressed_member_is_a_zip_bomb() -> None:
    data = zip_bomb_docx(5 * 1024 * 1024, member="word/media/image1.png")
    packed, size = member_sizes(data)["word/media/image1.png"]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None  # a real bomb: it does inflate, with a valid CRC
    with pytest.raises(InputTooLarge) as e:
        read_bytes("x.docx", data)
    assert size // packed > 1000
    assert e.value.reason == (f"DOCX rejected: word/media/image1.png inflates {size / packed:,.0f}:1 "
                              f"({packed:,} to 5,242,880 bytes; limit 200:1), a zip bomb")


def test_one_mb_of_ratio_is_allowed_for_small_parts() -> None:
    data = zip_bomb_docx(1024 * 1024, member="word/media/image1.png")
    assert read_bytes("x.docx", data).text == "Текст для проверки."


def test_too_many_members() -> None:
    data = zip_bytes({**docx_parts(para("Текст.")), **{f"word/media/p{i}.bin": b"x" for i in range(30)}})
    with pytest.raises(InputTooLarge) as e:
        read_bytes("x.docx", data, {"max_zip_members": 20})
    assert e.value.reason == "DOCX rejected: zip holds over 20 members"


def test_total_unzipped_size() -> None:
    data = docx_bytes(para("Текст."))
    total = sum(size for _, size in member_sizes(data).values())
    with pytest.raises(InputTooLarge) as e:
        read_bytes("x.docx", data, {"max_unzipped_bytes": 2000})
    assert e.value.reason == f"DOCX rejected: members expand to {total:,} bytes in all (limit 2,000)"


def test_lying_declared_size_is_a_broken_zip_not_a_bomb() -> None:
    data = lie_about_size(zip_bomb_docx(20 * 1024 * 1024), "word/document.xml", 1000)
    with pytest.raises(ReadError) as e:
        read_bytes("liar.docx", data)
    assert e.value.reason == "broken zip container: Bad CRC-32 for file 'word/document.xml'"


def test_read_member_enforces_its_cap() -> None:
    data = docx_bytes(para("Текст. " * 200))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        whole = zipsafe.read_member("x.docx", zf, "word/document.xml", 10_000, "DOCX")
        assert whole.startswith(b"<?xml") and len(whole) == zf.getinfo("word/document.xml").file_size
        with pytest.raises(InputTooLarge) as e:
            zipsafe.read_member("x.docx", zf, "word/document.xml", 1000, "DOCX")
    assert e.value.reason == (f"DOCX rejected: word/document.xml inflates past 1,000 bytes although it "
                              f"declares {len(whole):,}")


ENTITY_REASON = ("DOCX rejected: XML declares entities (DOCTYPE) in {member}, "
                 "possible entity-expansion attack")


@pytest.mark.parametrize(("member", "xml"), [
    ("word/document.xml", billion_laughs_xml()),
    ("word/document.xml", external_entity_xml()),
    ("word/document.xml", billion_laughs_xml().encode("utf-16")),
    ("word/styles.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:styles/>'),
])
def test_entity_declarations_are_rejected(member: str, xml: str | bytes) -> None:
    data = replace_member(docx_bytes(para("Текст.")), member, xml)
    with pytest.raises(ReadError) as e:
        read_bytes("laughs.docx", data)
    assert e.value.reason == ENTITY_REASON.format(member=member)


def test_doctype_hidden_behind_a_long_comment_is_rejected() -> None:
    data = docx_bytes(document=padded_doctype_xml())
    with pytest.raises(ReadError) as e:
        read_bytes("padded.docx", data)
    assert e.value.reason == "DOCX rejected: word/document.xml has an XML prolog longer than 65,536 bytes"


def test_a_short_comment_before_the_root_is_fine() -> None:
    xml = document_xml(para("Текст после комментария."), prolog="<!-- создано программой -->\n")
    assert read_docx(Path("c.docx"), docx_bytes(document=xml), LIMITS).text == "Текст после комментария."


@pytest.mark.parametrize("reader", [read_bytes, lambda p, d: read_docx(Path(p), d, LIMITS)])
def test_truncated_docx_is_a_broken_zip(reader) -> None:
    data = docx_bytes(para("Текст, который не дочитать."), FUNDING_TABLE)
    with pytest.raises(ReadError) as e:
        reader("half.docx", data[: len(data) // 2])
    assert e.value.reason.startswith("broken zip container: ")


def test_docx_without_document_xml_is_rejected_by_sniffing(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.docx", without_member(docx_bytes(para("Текст.")), "word/document.xml"))
    with pytest.raises(ReadError) as e:
        read(path)
    assert e.value.reason == "not a valid DOCX/XLSX: zip without word/document.xml or xl/workbook.xml"


def test_text_limit_applies() -> None:
    data = docx_bytes(*[para("Длинный абзац текста. " * 20) for _ in range(10)])
    with pytest.raises(InputTooLarge) as e:
        read_bytes("long.docx", data, {"max_text_chars": 1000})
    assert e.value.reason == "DOCX text exceeds 1,000 characters"


# real files -------------------------------------------------------------------------------
def kursk(name: str) -> Path:
    path = KURSK / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


@pytest.mark.parametrize(("name", "shape", "sector_rows", "first_sector"), [
    ("realizuemye.docx", (48, 6), 11, "Производство чугуна, стали и ферросплавов"),
    ("realizovannye.docx", (53, 6), 8, "Сельское хозяйство и пищевая промышленность"),
])
def test_kursk_registry_sector_rows_are_one_full_width_cell(name: str, shape: tuple[int, int],
                                                             sector_rows: int, first_sector: str) -> None:
    doc = read(kursk(name))
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert (t.n_rows, t.n_cols) == shape
    single = [r for r in t.rows() if len(r) == 1]
    assert len(single) == sector_rows
    assert all(r[0].col == 0 and r[0].col_span == t.n_cols for r in single)
    assert single[0][0].row == 1 and single[0][0].text == first_sector
    assert all(len(r) == t.n_cols for r in t.rows() if len(r) != 1)
    assert_offsets(doc)


def test_kursk_decree_keeps_order_headings_and_the_amendments_box() -> None:
    doc = read(kursk("837-pa.docx"))
    assert [(t.n_rows, t.n_cols) for t in doc.tables] == [(1, 1), (1, 1)]
    assert doc.tables[0].cells[0].text.startswith("Список изменяющих документов (в ред. постановлений")
    kinds = [b.kind for b in doc.blocks]
    para_, head, tab = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.TABLE
    assert kinds[:8] == [para_, head, para_, para_, para_, para_, para_, tab]
    headings = [(b.level, b.text) for b in doc.blocks if b.kind == BlockKind.HEADING]
    assert (2, "1. Общие положения") in headings
    assert (2, "3. Контроль за соблюдением сроков, установленных") in headings
    assert_offsets(doc)
