"""The parsed document: one plain text, and blocks, tables and pages pointing into it.

Invariant (tested for every format): ``doc.text[b.start:b.end] == b.text`` for every block,
and the same for every table cell and every table. Records extracted later keep only
offsets into this text, so the text is the single source of truth for provenance.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class Format(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    TXT = "txt"
    HTML = "html"
    DOC = "doc"  # DOC, RTF and ODT are converted to DOCX by LibreOffice and read as DOCX
    RTF = "rtf"
    ODT = "odt"
    PPTX = "pptx"


class DocumentStatus(StrEnum):
    OK = "ok"
    NO_TEXT = "no_text"  # e.g. a scanned PDF without a text layer
    PARTIAL = "partial"  # some pages or parts could not be read
    FAILED = "failed"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


class Page(BaseModel):
    number: int  # 1-based
    start: int
    end: int


class Block(BaseModel):
    kind: BlockKind
    text: str
    start: int
    end: int
    page: int | None = None
    level: int | None = None  # heading level, 1 = top
    list_item: bool = False
    table_index: int | None = None  # for kind == table: index into Document.tables


class Cell(BaseModel):
    """One cell at its origin position; positions it covers by merging hold no Cell."""

    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    start: int = 0
    end: int = 0
    page: int | None = None
    # Offsets in `text` of the spaces that replace the source cell's line breaks (paragraphs in
    # Word, Alt+Enter in a spreadsheet): where one listed item ends and the next begins.
    breaks: list[int] = Field(default_factory=list)

    def lines(self) -> list[str]:
        """The cell's text as its source broke it into lines."""
        cuts = [0, *(b + 1 for b in self.breaks), len(self.text) + 1]
        return [self.text[a:b - 1] for a, b in zip(cuts, cuts[1:], strict=False)]


class Table(BaseModel):
    index: int
    n_rows: int
    n_cols: int
    cells: list[Cell] = Field(default_factory=list)
    page: int | None = None  # first page
    page_end: int | None = None  # last page when the table continues over pages
    start: int = 0
    end: int = 0
    name: str | None = None  # sheet name for spreadsheets

    def grid(self, fill_merged: bool = False) -> list[list[str | None]]:
        """Rows × columns of cell texts.

        Positions covered by a merged cell are None, or repeat its text with
        ``fill_merged=True`` (handy for reading multi-row headers).
        """
        out: list[list[str | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, min(c.row + c.row_span, self.n_rows)):
                for k in range(c.col, min(c.col + c.col_span, self.n_cols)):
                    if (r, k) == (c.row, c.col) or fill_merged:
                        out[r][k] = c.text
        return out

    def rows(self) -> list[list[Cell]]:
        """Cells grouped by their origin row, in column order."""
        out: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for c in sorted(self.cells, key=lambda c: (c.row, c.col)):
            out[c.row].append(c)
        return out


class Document(BaseModel):
    id: str  # sha256 of the file's bytes, hex
    source: str  # file name as uploaded
    format: Format
    status: DocumentStatus = DocumentStatus.OK
    text: str = ""
    pages: list[Page] = Field(default_factory=list)
    blocks: list[Block] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # Format-specific facts a reader knows better than any text rule, e.g. an HTML page's
    # <title> and publication date, or a PDF's metadata: keys "title", "published_on", ...
    hints: dict[str, str] = Field(default_factory=dict)
    # The text was recognized on page images (a scan), not read from a text layer.
    ocr: bool = False

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding a character offset, None for formats without pages."""
        for p in self.pages:
            if p.start <= offset < p.end or (offset == p.end == len(self.text)):
                return p.number
        return None
