"""The builder keeps offsets exact: text[start:end] is the piece, for blocks, tables and cells."""

from __future__ import annotations

from stratdoc.ingest.builder import DocumentBuilder, RawCell
from stratdoc.schema import BlockKind, Format


def test_offsets_blocks_tables_cells_and_pages() -> None:
    b = DocumentBuilder(id="x", source="s.pdf", format=Format.PDF)
    b.start_page(1)
    b.add_block(BlockKind.HEADING, "  Стратегия города Пскова  ", level=1)
    b.add_block(BlockKind.PARAGRAPH, "")  # empty blocks are dropped
    b.start_page(2)
    b.add_table([RawCell(0, 0, "№"), RawCell(0, 1, "Мероприятие\tи срок", col_span=2),
                 RawCell(1, 0, "1"), RawCell(1, 1, "Ремонт"), RawCell(1, 2, "2024")])
    b.add_block(BlockKind.LIST_ITEM, "- пункт")
    doc = b.build()
    assert [blk.kind for blk in doc.blocks] == [BlockKind.HEADING, BlockKind.TABLE, BlockKind.LIST_ITEM]
    for blk in doc.blocks:
        assert doc.text[blk.start:blk.end] == blk.text
    table = doc.tables[0]
    assert (table.n_rows, table.n_cols, table.page) == (2, 3, 2)
    assert doc.text[table.start:table.end] == "№\tМероприятие и срок\t\n1\tРемонт\t2024"
    for cell in table.cells:
        assert doc.text[cell.start:cell.end] == cell.text
    assert table.grid() == [["№", "Мероприятие и срок", None], ["1", "Ремонт", "2024"]]
    assert table.grid(fill_merged=True)[0][2] == "Мероприятие и срок"
    pages = [(p.number, doc.text[p.start:p.end][:9]) for p in doc.pages]
    assert pages == [(1, "Стратегия"), (2, "№\tМеропри")]
    assert doc.page_at(doc.blocks[2].start) == 2
    assert doc.blocks[2].list_item


def test_empty_document_is_no_text() -> None:
    b = DocumentBuilder(id="x", source="scan.pdf", format=Format.PDF)
    b.start_page(1)
    b.start_page(2)
    doc = b.build()
    assert doc.status == "no_text"
    assert doc.n_pages == 2
