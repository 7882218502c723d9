"""A table as rows of covering cells, possibly joined from pieces on consecutive pages.

Readers give cells at their origin position only; here every grid position points at the
cell that covers it, so a merged header or a responsible unit merged down several rows is
seen by each row it covers. A table split over pages (PDF) arrives as several tables; when
the next piece follows with nothing but a page number or «Продолжение таблицы» between them
and has the same columns, they are joined into one view.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from stratdoc.extract.lexicon.lines import fold_spaces
from stratdoc.schema import Block, BlockKind, Cell, Document, Table
from stratdoc.schema.records import Span


@dataclass
class GridRow:
    table: int  # Document.tables index of the piece this row comes from
    row: int  # row index inside that piece
    cells: list[Cell | None]  # the covering cell at each column

    def text(self, col: int | None) -> str:
        if col is None or col >= len(self.cells):
            return ""
        c = self.cells[col]
        return c.text.strip() if c is not None else ""

    def texts(self) -> list[str]:
        return [self.text(k) for k in range(len(self.cells))]

    def filled(self) -> list[tuple[int, str]]:
        return [(k, t) for k, t in enumerate(self.texts()) if t]

    def distinct_texts(self) -> list[str]:
        out: list[str] = []
        for _, t in self.filled():
            if t not in out:
                out.append(t)
        return out

    def origin_cells(self) -> list[Cell]:
        """Cells that start in this row (not those merged down from above)."""
        seen: list[Cell] = []
        for c in self.cells:
            if c is not None and c.row == self.row and all(c is not s for s in seen):
                seen.append(c)
        return seen

    def span(self, cols: list[int] | None = None) -> Span:
        """From the row's first cell to its last, page of the first cell, table provenance."""
        cells = [c for k, c in enumerate(self.cells) if c is not None and c.text.strip()
                 and (cols is None or k in cols)]
        if not cells:
            cells = [c for c in self.cells if c is not None]
        if not cells:
            return Span(start=0, end=0, table=self.table, row=self.row)
        first = min(cells, key=lambda c: c.start)
        last = max(cells, key=lambda c: c.end)
        return Span(page=first.page, start=first.start, end=last.end, table=self.table, row=self.row,
                    col=first.col)


@dataclass
class TableView:
    tables: list[Table]
    rows: list[GridRow]
    n_cols: int
    caption: str = ""  # text printed just before the table (title, «Приложение», units)

    @property
    def index(self) -> int:
        return self.tables[0].index


def table_to_rows(table: Table, shift: int = 0) -> list[GridRow]:
    """`shift`: blank columns the piece did not print before its first one (see `dropped_columns`)."""
    grid: list[list[Cell | None]] = [[None] * table.n_cols for _ in range(table.n_rows)]
    for c in table.cells:
        for r in range(c.row, min(c.row + c.row_span, table.n_rows)):
            for k in range(c.col, min(c.col + c.col_span, table.n_cols)):
                grid[r][k] = c
    return [GridRow(table=table.index, row=r, cells=[None] * shift + cells) for r, cells in enumerate(grid)]


# Text allowed between two pieces of one table: page numbers, «Продолжение таблицы 2», «(продолжение)».
CONTINUATION_GAP_RE = re.compile(
    r"^(?:\d{1,4}|-\s*\d{1,4}\s*-|(?:стр(?:аница)?\.?\s*)?\d+\s*(?:из\s*\d+)?|"
    r"\(?\s*продолжение(?:\s+(?:таблицы|приложения)\s*[\w.№ ]*)?\s*\)?\.?|окончание(?:\s+таблицы[\w.№ ]*)?)$",
    re.IGNORECASE,
)
# The explicit notes among those (not bare page numbers, which DOCX and TXT do not print).
CONTINUATION_NOTE_RE = re.compile(r"^\(?\s*(?:продолжение|окончание)\b", re.IGNORECASE)
CAPTION_MAX_CHARS = 400
CAPTION_BLOCKS = 3


class BlockIndex:
    """A document's blocks in text order, found by bisection on their offsets, so that reading
    the gap or the caption of each of many tables does not rescan every block.

    Blocks do not overlap and come in text order (the builder appends them so), hence both their
    starts and their ends are sorted.
    """

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = sorted(blocks, key=lambda b: b.start)  # stable: already sorted from a reader
        self.starts = [b.start for b in self.blocks]
        self.ends = [b.end for b in self.blocks]

    def between(self, start: int, end: int) -> list[Block]:
        """Text blocks (not tables) lying wholly within `start`..`end`."""
        out: list[Block] = []
        for i in range(bisect_left(self.starts, start), len(self.blocks)):
            b = self.blocks[i]
            if b.start > end:
                break
            if b.kind != BlockKind.TABLE and b.end <= end:
                out.append(b)
        return out

    def before(self, offset: int) -> Iterator[Block]:
        """Blocks that end by `offset`, nearest first."""
        for i in range(bisect_right(self.ends, offset) - 1, -1, -1):
            yield self.blocks[i]


def caption_of(blocks: BlockIndex, table: Table) -> str:
    """The few text blocks right before a table, nearest last (title, appendix line, units)."""
    picked: list[str] = []
    for b in blocks.before(table.start):
        if b.kind == BlockKind.TABLE or len(picked) >= CAPTION_BLOCKS:
            break
        picked.append(b.text)
        if sum(len(t) for t in picked) > CAPTION_MAX_CHARS:
            break
    return "\n".join(reversed(picked))


def _first_row_texts(rows: list[GridRow]) -> list[str]:
    for r in rows:
        if r.filled():
            return [fold_spaces(t) for t in r.texts()]
    return []


HeaderTest = Callable[[GridRow], bool]


# A continuation page may leave out this many leading columns that hold nothing on it.
MAX_DROPPED_COLUMNS = 1
ITEM_NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")


def dropped_columns(prev_rows: list[GridRow], n_cols: int, nxt: Table, nxt_rows: list[GridRow]) -> int:
    """Leading columns of the table above that a piece on a later page does not print: a № column
    blank on that page («- программы …» rows under an item numbered on the page before) is no
    column to a reader that keeps only columns with text. The table above holds nothing but item
    numbers there, the piece starts with labels, and its other columns line up from the right."""
    shift = n_cols - nxt.n_cols
    if not 0 < shift <= MAX_DROPPED_COLUMNS or nxt.page is None or not prev_rows:
        return 0
    body = [r for r in prev_rows[1:] if r.filled()]
    if not body or any(t and not ITEM_NUMBER_RE.match(t) for r in body for t in r.texts()[:shift]):
        return 0
    first = next((r for r in nxt_rows if r.filled()), None)
    if first is None or not any(ch.isalpha() for ch in first.text(0)):
        return 0
    return shift


def continues(blocks: BlockIndex, prev: Table, nxt: Table, prev_rows: list[GridRow], nxt_rows: list[GridRow],
              looks_like_header: HeaderTest, n_cols: int | None = None) -> bool:
    """Is `nxt` the rest of `prev` on the next page? `n_cols`: the width of the view `prev` ends,
    which `nxt` may match only once its dropped columns are put back."""
    if (n_cols or prev.n_cols) != nxt.n_cols:
        return False
    gap = blocks.between(prev.end, nxt.start)
    if any(not CONTINUATION_GAP_RE.match(b.text.strip()) for b in gap):
        return False
    first = next((r for r in nxt_rows if r.filled()), None)
    if prev.page is None or nxt.page is None or nxt.page <= (prev.page_end or prev.page):
        # without pages (DOCX, TXT) two adjacent tables are one if the second repeats the header,
        # or opens with data rows right after the first or after «Продолжение таблицы 1»
        if _first_row_texts(nxt_rows) == _first_row_texts(prev_rows):
            return True
        return first is not None and not looks_like_header(first) and \
            all(not b.text.strip() or CONTINUATION_NOTE_RE.match(b.text.strip()) for b in gap)
    if first is None:
        return True
    if _first_row_texts(nxt_rows) == _first_row_texts(prev_rows):
        return True
    return not looks_like_header(first)


# A column title that is a year: «2023», «2024 год», «2025 г.».
YEAR_TITLE_RE = re.compile(r"^(?:19|20)\d{2}(?:\s*(?:год|г\.?))?$", re.IGNORECASE)


def titles_years(row: GridRow) -> bool:
    """A row of column titles over year columns: words first, then years, no other numbers."""
    texts = [t for _, t in row.filled()]
    if len(texts) < 2 or any(ch.isdigit() for ch in texts[0]):
        return False
    years = [t for t in texts[1:] if YEAR_TITLE_RE.match(t.strip())]
    return bool(years) and all(t in years or not any(ch.isdigit() for ch in t) for t in texts[1:])


def rows_to_pieces(rows: list[GridRow], looks_like_header: HeaderTest) -> list[list[GridRow]]:
    """One grid holding several tables (a spreadsheet's sheet, say): a blank row followed by a row of
    column titles starts the next table, so its header is not read as a row of the one above."""
    pieces: list[list[GridRow]] = [[]]
    for i, row in enumerate(rows):
        if i and pieces[-1] and not rows[i - 1].filled() and row.filled() and \
                (looks_like_header(row) or titles_years(row)):
            pieces.append([])
        pieces[-1].append(row)
    return [p for p in pieces if p]


def document_to_views(doc: Document, looks_like_header: HeaderTest) -> list[TableView]:
    """Every table of the document, pieces continued over pages joined, grids holding several
    tables split (see `rows_to_pieces`).

    `looks_like_header` tells a piece opening with its own, different header (a new table).
    """
    views: list[TableView] = []
    blocks = BlockIndex(doc.blocks)
    for table in doc.tables:
        pieces = rows_to_pieces(table_to_rows(table), looks_like_header)
        last = views[-1] if views else None
        if last is not None:
            shift = dropped_columns(last.rows, last.n_cols, table, pieces[0]) if len(pieces) == 1 else 0
            first = table_to_rows(table, shift) if shift else pieces[0]
            if continues(blocks, last.tables[-1], table, last.rows, first, looks_like_header,
                         n_cols=last.n_cols - shift):
                last.tables.append(table)
                last.rows.extend(first)
                views.extend(pieces_to_views(table, pieces[1:], ""))
                continue
        views.extend(pieces_to_views(table, pieces, caption_of(blocks, table)))
    return views


def _titles_only(piece: list[GridRow]) -> bool:
    return all(len(r.distinct_texts()) <= 1 for r in piece)


def pieces_to_views(table: Table, pieces: list[list[GridRow]], caption: str) -> list[TableView]:
    """A view per piece of one grid; title rows standing apart above a header (a spreadsheet's title
    and «(человек)» rows, a blank row, then the header) are the caption of the piece below them.
    `caption`: the text printed before the grid, for its first piece."""
    out: list[TableView] = []
    carry = caption
    for i, piece in enumerate(pieces):
        if _titles_only(piece) and i + 1 < len(pieces):
            carry = "\n".join(t for t in (carry, *(r.distinct_texts()[0] for r in piece if r.filled())) if t)
            continue
        out.append(TableView(tables=[table], rows=piece, n_cols=table.n_cols, caption=carry))
        carry = ""
    return out
