"""PDF table grids: pdfplumber's ruled cells → origin cells with row and column spans, their
texts from the page's words, and the rows of a table that goes on over the next page."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from stratdoc.ingest.builder import RawCell
from stratdoc.ingest.pdf_layout import group_words
from stratdoc.ingest.pdf_rows import ROW_NUMBER, continues_text, is_value, join_cell_words, join_parts

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
    boxes = split_numbered_bands(list(table.cells), words)
    xs = sorted({c[0] for c in boxes})
    tops = sorted({c[1] for c in boxes})
    col_at = {x: k for k, x in enumerate(xs)}
    row_at = {t: r for r, t in enumerate(tops)}
    cells: list[RawCell] = []
    for box in sorted(boxes, key=lambda c: (c[1], c[0])):
        r, k = row_at[box[1]], col_at[box[0]]
        col_span = sum(1 for x in xs[k:] if x < box[2] - EPS)
        row_span = sum(1 for t in tops[r:] if t < box[3] - EPS)
        cells.append(RawCell(r, k, "", max(row_span, 1), max(col_span, 1), page))
    cells = clamp_spans(cells)
    fill_cell_texts(cells, xs, tops, table.bbox, words, page)
    cells = mend_wrapped_rows(drop_empty_lines_of_grid(cells))
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
    edges = [*xs, x1]
    for c in cells:
        if id(c) in bucket:
            c.text = join_cell_words(bucket[id(c)], edges[min(c.col + c.col_span, len(xs))], page)


Box = tuple[float, float, float, float]


def split_numbered_bands(boxes: list[Box], words: list[dict[str, Any]]) -> list[Box]:
    """A ruled row holding two row numbers or more in its first column is as many rows.

    Tables with only their columns ruled (or rules left out between some rows) give pdfplumber
    one tall band for several printed rows; each line of the first column that is a row number
    («1.1», «2.») starts a row there, and the band's one-row cells are cut at those lines.
    """
    xs = sorted({b[0] for b in boxes})
    ys = sorted({b[1] for b in boxes} | {b[3] for b in boxes})
    if len(xs) < 2:
        return boxes
    bands = list(zip(ys, ys[1:], strict=False))
    cuts: dict[tuple[float, float], list[float]] = {}
    for top, bottom in bands:
        lead = [b for b in boxes if same(b, (xs[0], top, xs[1], bottom))]
        if not lead:
            continue
        inside = [w for w in words if xs[0] <= (w["x0"] + w["x1"]) / 2 <= xs[1]
                  and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
        lines = group_words(inside)
        numbered = [g for g in lines if ROW_NUMBER.match(" ".join(w["text"] for w in g))]
        if len(numbered) >= 2 and len(numbered) == len(lines):
            cuts[(top, bottom)] = [min(w["top"] for w in g) - EPS for g in numbered[1:]]
    out: list[Box] = []
    for b in boxes:
        band = next((k for k in cuts if abs(b[1] - k[0]) < EPS and abs(b[3] - k[1]) < EPS), None)
        if band is None:
            out.append(b)
            continue
        edges = [b[1], *cuts[band], b[3]]
        out.extend((b[0], y0, b[2], y1) for y0, y1 in zip(edges, edges[1:], strict=False))
    return out


def same(box: Box, other: Box) -> bool:
    return all(abs(p - q) < EPS for p, q in zip(box, other, strict=True))


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
    if drop < b.n_rows and a.n_rows and \
            mend_row(a.cells, a.n_rows - 1, b.cells, drop, a.n_cols, partial=True):
        drop += 1
    offset = a.n_rows - drop
    for c in b.cells:
        if c.row >= drop:
            c.row += offset
            a.cells.append(c)
    a.n_rows += max(b.n_rows - drop, 0)
    a.page_end = b.page_end


def mend_wrapped_rows(cells: list[RawCell]) -> list[RawCell]:
    """Rows of a ruled grid that only carry on the row above (a rule drawn under every printed
    line, a shaded band per line) join it; see `mend_row`."""
    n_rows = max((c.row + c.row_span for c in cells), default=0)
    n_cols = max((c.col + c.col_span for c in cells), default=0)
    for r in range(n_rows - 1, 0, -1):
        if mend_row(cells, r - 1, cells, r, n_cols, partial=False):
            cells = [c for c in cells if c.row != r]
            for c in cells:
                if c.row > r:
                    c.row -= 1
                elif c.row + c.row_span > r:
                    c.row_span -= 1
    return cells


def covering(cells: list[RawCell], row: int, col: int) -> RawCell | None:
    return next((c for c in cells
                 if c.row <= row < c.row + c.row_span and c.col <= col < c.col + c.col_span), None)


def name_column_of_row(cells: list[RawCell], row: int, n_cols: int) -> int | None:
    """The row's first column with text, past a row number."""
    texts = [(k, c.text.strip()) for k in range(n_cols) if (c := covering(cells, row, k)) is not None
             and c.text.strip() and (k == c.col)]
    if texts and ROW_NUMBER.match(texts[0][1]):
        texts = texts[1:]
    return texts[0][0] if texts else None


def cut_number(above: str, below: str) -> bool:
    """A number cut by a page break: its shorter digit tail opens the cell on the next page
    (inside a page the cell's own width tells a cut number, see `pdf_rows.broken_inside`)."""
    return above.isdigit() and below.isdigit() and len(below) < len(above)


def mend_row(above: list[RawCell], last: int, below: list[RawCell], row: int, n_cols: int, partial: bool
             ) -> bool:
    """Row `row` of `below` carries on row `last` of `above`: it opens with no new first-column
    value, only the rest of the text above (lower case, a unit …), in the column where the row
    above has its name.

    Its rests join the cells above them (text going on, a number's digit tail); when nothing is
    left the row is gone (True). A value under an empty cell makes it a row of its own. Across a
    page break (`partial`) the rest of the name joins even when values stay beside values above,
    as the next row under a name merged down over both pages («Базовый», «4%»); inside a page
    only a row made of rests alone joins.
    """
    filled = sorted((c for c in below if c.row == row and c.text.strip()), key=lambda c: c.col)
    if not filled:
        return False
    lead = filled[0]
    if lead.col != name_column_of_row(above, last, n_cols):
        return False  # the rest of a row opens where its name stands, not in a later column
    up_lead = covering(above, last, lead.col)
    if up_lead is None or (up_lead.col, up_lead.col_span) != (lead.col, lead.col_span) \
            or not up_lead.text.strip() or not continues_text(up_lead.text, lead.text):
        return False
    pairs = [(c, covering(above, last, c.col)) for c in filled]
    if any(is_value(c.text) and (up is None or not up.text.strip()) for c, up in pairs):
        return False

    def joins(c: RawCell, up: RawCell | None) -> bool:
        if up is None or not up.text.strip() or (up.col, up.col_span) != (c.col, c.col_span):
            return False  # a sub-header under a spanned title is no rest of it
        top, rest = up.text.strip(), c.text.strip()
        if c is lead or (partial and cut_number(top, rest)):
            return True
        return not is_value(rest) and continues_text(top, rest)

    simple = all(c.row_span == 1 for c in below if c.row == row)
    if not partial and not (simple and all(joins(c, up) and up.row_span == 1 for c, up in pairs)):
        return False
    for c, up in pairs:
        if up is not None and joins(c, up):
            top, rest = up.text.strip(), c.text.strip()
            up.text = top + rest if partial and cut_number(top, rest) else join_parts(top, rest)
            c.text = ""
    return simple and all(not c.text.strip() for c in below if c.row == row)
