"""PDF table grids: pdfplumber's ruled cells → origin cells with row and column spans, their
texts from the page's words, and the rows of a table that goes on over the next page."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from stratdoc.ingest.builder import RawCell
from stratdoc.ingest.pdf_layout import join_text_lines, words_to_lines

if TYPE_CHECKING:
    from stratdoc.ingest.pdf_settings import PdfSettings

EPS = 0.5  # points: cell edges closer than this are the same edge
LINE_STRATEGIES = {"lines", "lines_strict"}


@dataclass
class PdfTable:
    """A table grid before offsets exist; rows of later pages are appended when it continues."""

    page: int
    page_end: int
    top: float
    bottom: float
    x0: float
    x1: float
    n_rows: int
    n_cols: int
    cells: list[RawCell]

    def row_texts(self, row: int) -> list[tuple[int, int, str]]:
        return sorted((c.col, c.col_span, c.text) for c in self.cells if c.row == row)

def may_have_tables(page: Any, settings: PdfSettings) -> bool:
    """Ruling-line strategies find nothing on a page without rules: skip the table finder there."""
    ts = settings.table_settings
    strategies = {ts.get("vertical_strategy", "lines"), ts.get("horizontal_strategy", "lines")}
    by_lines = strategies <= LINE_STRATEGIES
    if not by_lines or ts.get("explicit_vertical_lines") or ts.get("explicit_horizontal_lines"):
        return True
    return bool(page.rects or page.lines or page.curves)


def inside(word: dict[str, Any], t: PdfTable) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return t.x0 <= x <= t.x1 and t.top <= y <= t.bottom


def page_to_tables(page: Any, number: int, words: list[dict[str, Any]],
                   settings: PdfSettings) -> list[PdfTable]:
    found = (table_to_grid(t, number, words, settings) for t in page.find_tables(settings.table_settings))
    return sorted((t for t in found if t is not None), key=lambda t: t.top)


def table_to_grid(table: Any, page: int, words: list[dict[str, Any]], settings: PdfSettings
                  ) -> PdfTable | None:
    """pdfplumber cells → origin cells with spans measured from the cell rectangles.

    A cell's col_span is how many column starts lie under its width, row_span how many row
    starts under its height; spans are cut short rather than cover another origin cell.
    Cell texts come from the page's words already extracted, each placed by its centre.
    """
    xs = sorted({c[0] for c in table.cells})
    tops = sorted({c[1] for c in table.cells})
    col_at = {x: k for k, x in enumerate(xs)}
    row_at = {t: r for r, t in enumerate(tops)}
    cells: list[RawCell] = []
    for box in sorted(table.cells, key=lambda c: (c[1], c[0])):
        r, k = row_at[box[1]], col_at[box[0]]
        col_span = sum(1 for x in xs[k:] if x < box[2] - EPS)
        row_span = sum(1 for t in tops[r:] if t < box[3] - EPS)
        cells.append(RawCell(r, k, "", max(row_span, 1), max(col_span, 1), page))
    cells = clamp_spans(cells)
    fill_cell_texts(cells, xs, tops, table.bbox, words, page)
    cells = drop_empty_lines_of_grid(cells)
    filled_cols = {c.col for c in cells if c.text.strip()}
    if len(filled_cols) < settings.min_table_cols:
        return None
    x0, top, x1, bottom = table.bbox
    return PdfTable(page=page, page_end=page, top=top, bottom=bottom, x0=x0, x1=x1,
                    n_rows=max(c.row + c.row_span for c in cells),
                    n_cols=max(c.col + c.col_span for c in cells), cells=cells)


def fill_cell_texts(cells: list[RawCell], xs: list[float], tops: list[float],
                    bbox: tuple[float, float, float, float], words: list[dict[str, Any]], page: int) -> None:
    """Give each cell the words whose centre falls in it, as wrapped lines joined into text."""
    owner: dict[tuple[int, int], RawCell] = {}
    for c in cells:
        for r in range(c.row, c.row + c.row_span):
            for k in range(c.col, c.col + c.col_span):
                owner.setdefault((r, k), c)
    x0, top, x1, bottom = bbox
    bucket: dict[int, list[dict[str, Any]]] = {}
    for w in words:
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if x0 <= cx <= x1 and top <= cy <= bottom:
            cell = owner.get((bisect_right(tops, cy) - 1, bisect_right(xs, cx) - 1))
            if cell is not None:
                bucket.setdefault(id(cell), []).append(w)
    for c in cells:
        if id(c) in bucket:
            c.text = join_text_lines(ln.text for ln in words_to_lines(bucket[id(c)], page))


def clamp_spans(cells: list[RawCell]) -> list[RawCell]:
    origins = {(c.row, c.col) for c in cells}
    for c in cells:
        while c.col_span > 1 and any((c.row, k) in origins for k in range(c.col + 1, c.col + c.col_span)):
            c.col_span -= 1
        while c.row_span > 1 and any((r, k) in origins for r in range(c.row + 1, c.row + c.row_span)
                                     for k in range(c.col, c.col + c.col_span)):
            c.row_span -= 1
    return cells


def drop_empty_lines_of_grid(cells: list[RawCell]) -> list[RawCell]:
    """Rows and columns without any text (ruling artefacts) go; spans over them shrink."""
    keep_rows = sorted({c.row for c in cells if c.text.strip()})
    keep_cols = sorted({c.col for c in cells if c.text.strip()})
    row_at = {r: i for i, r in enumerate(keep_rows)}
    col_at = {k: i for i, k in enumerate(keep_cols)}
    out = []
    for c in cells:
        if c.row in row_at and c.col in col_at:
            out.append(RawCell(row_at[c.row], col_at[c.col], c.text,
                               sum(1 for r in range(c.row, c.row + c.row_span) if r in row_at),
                               sum(1 for k in range(c.col, c.col + c.col_span) if k in col_at), c.page))
    return out


# across pages ---------------------------------------------------------------------------------------

def tables_continue(a: PdfTable, b: PdfTable) -> bool:
    return a.n_cols == b.n_cols


def repeated_header_rows(a: PdfTable, b: PdfTable, max_rows: int = 3) -> int:
    """How many leading rows of `b` repeat the leading rows of `a` (a header reprinted)."""
    k = 0
    while k < min(max_rows, a.n_rows, b.n_rows - 1) and a.row_texts(k) == b.row_texts(k):
        k += 1
    return k


def append_rows(a: PdfTable, b: PdfTable) -> None:
    drop = repeated_header_rows(a, b)
    offset = a.n_rows - drop
    for c in b.cells:
        if c.row >= drop:
            c.row += offset
            a.cells.append(c)
    a.n_rows += b.n_rows - drop
    a.page_end = b.page_end
