"""Assemble a Document's single text from blocks, keeping every offset exact.

Readers never compute offsets by hand: they append blocks and tables to a builder, which
joins them with blank lines and records where each piece landed. That keeps the invariant
``text[start:end] == piece`` true by construction for every format.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from stratdoc.schema import Block, BlockKind, Cell, Document, DocumentStatus, Format, Page, Table

BLOCK_SEP = "\n\n"
CELL_SEP = "\t"
ROW_SEP = "\n"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class RawCell:
    """A cell as a reader finds it, before it has offsets."""

    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    page: int | None = None


def clean_cell_text(text: str) -> str:
    """Cells are rendered tab-separated on one line each, so tabs and newlines inside go."""
    return " ".join(text.replace("\t", " ").split())


def cell_text_and_breaks(text: str) -> tuple[str, list[int]]:
    """`clean_cell_text`, plus the offsets of the spaces that stand where the cell broke a line
    (Word paragraphs, spreadsheet line breaks): units listed one per line stay apart."""
    lines = [clean_cell_text(line) for line in text.splitlines()]
    out, breaks = "", []
    for line in (ln for ln in lines if ln):
        if out:
            breaks.append(len(out))
            out += " "
        out += line
    return out, breaks


@dataclass
class DocumentBuilder:
    id: str
    source: str
    format: Format
    parts: list[str] = field(default_factory=list)
    length: int = 0
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    hints: dict[str, str] = field(default_factory=dict)
    _page_open: int | None = None
    _page_start: int = 0

    def _append(self, piece: str) -> int:
        """Append a piece after a separator; return its start offset."""
        if self.parts:
            self.parts.append(BLOCK_SEP)
            self.length += len(BLOCK_SEP)
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start

    # pages -------------------------------------------------------------------------
    def start_page(self, number: int) -> None:
        self.end_page()
        self._page_open = number
        self._page_start = self.length + (len(BLOCK_SEP) if self.parts else 0)

    def end_page(self) -> None:
        if self._page_open is not None:
            self.pages.append(Page(number=self._page_open, start=min(self._page_start, self.length),
                                   end=self.length))
            self._page_open = None

    # blocks ------------------------------------------------------------------------
    def add_block(self, kind: BlockKind, text: str, *, page: int | None = None,
                  level: int | None = None, list_item: bool = False) -> Block | None:
        text = text.strip()
        if not text:
            return None
        if page is None:
            page = self._page_open
        start = self._append(text)
        block = Block(kind=kind, text=text, start=start, end=start + len(text), page=page,
                      level=level, list_item=list_item or kind == BlockKind.LIST_ITEM)
        self.blocks.append(block)
        return block

    def add_table(self, cells: list[RawCell], *, page: int | None = None,
                  page_end: int | None = None, name: str | None = None) -> Table | None:
        """Render cells as tab-separated lines and record every cell's offsets.

        Each origin row is one line; a cell sits in the column slot of its grid position,
        so columns stay aligned for a reader of the plain text.
        """
        cells = [c for c in cells if c.row >= 0 and c.col >= 0]
        if not cells:
            return None
        if page is None:
            page = self._page_open
        n_rows = max(c.row + c.row_span for c in cells)
        n_cols = max(c.col + c.col_span for c in cells)
        by_row: dict[int, list[RawCell]] = {}
        for c in cells:
            by_row.setdefault(c.row, []).append(c)
        lines: list[str] = []
        placed: list[tuple[RawCell, int, int, list[int]]] = []  # cell, line index, column offset, breaks
        for r in range(n_rows):
            row_cells = {c.col: c for c in by_row.get(r, [])}
            line = ""
            for k in range(n_cols):
                if k:
                    line += CELL_SEP
                c = row_cells.get(k)
                if c is not None:
                    text, breaks = cell_text_and_breaks(c.text)
                    c.text = text
                    placed.append((c, r, len(line), breaks))
                    line += text
            lines.append(line)
        rendered = ROW_SEP.join(lines)
        if not rendered.strip():
            return None
        start = self._append(rendered)
        line_starts = [0]
        for line in lines[:-1]:
            line_starts.append(line_starts[-1] + len(line) + len(ROW_SEP))
        out_cells = []
        for c, r, col_off, breaks in placed:
            cs = start + line_starts[r] + col_off
            # model_construct: the values are ours and typed; validating 10^5 cells costs seconds
            out_cells.append(Cell.model_construct(row=c.row, col=c.col, text=c.text, row_span=c.row_span,
                                                  col_span=c.col_span, start=cs, end=cs + len(c.text),
                                                  page=c.page if c.page is not None else page,
                                                  breaks=breaks))
        table = Table(index=len(self.tables), n_rows=n_rows, n_cols=n_cols, cells=out_cells,
                      page=page, page_end=page_end or page, start=start,
                      end=start + len(rendered), name=name)
        self.tables.append(table)
        self.blocks.append(Block(kind=BlockKind.TABLE, text=rendered, start=start,
                                 end=start + len(rendered), page=page, table_index=table.index))
        return table

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def build(self, status: DocumentStatus | None = None) -> Document:
        self.end_page()
        text = "".join(self.parts)
        if status is None:
            status = DocumentStatus.OK if text.strip() else DocumentStatus.NO_TEXT
        return Document(id=self.id, source=self.source, format=self.format, status=status,
                        text=text, pages=self.pages, blocks=self.blocks, tables=self.tables,
                        warnings=self.warnings, hints=self.hints)
