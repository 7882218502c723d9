"""Tables in plain lines: tab-separated, pipe-separated and space-aligned runs.

Text files and text copied from web pages carry tables in three shapes, each found by one
finder over the whole list of lines (each linear in the input):

- ``tab_runs``: consecutive lines with tabs, at least two with a tab between text;
- ``pipe_runs``: consecutive lines cut by ``|`` into the same number (≥ 2) of cells, outer
  bars optional, a markdown rule line (``|---|:---:|``) allowed and dropped; two-cell runs
  need outer bars, a rule line or a third line, so two prose lines with one bar stay prose;
- ``aligned_runs``: body lines (≥ 2 pieces cut at gaps of ≥ 2 spaces, a piece after the
  first a number) whose gaps line up into columns: positions blank in every body line are
  the column gutters; two columns need three body lines, and non-body lines inside the
  body (goal rows, wrapped rests) are at most one for two body lines. Header lines above
  (≤ ``MAX_HEADER_LINES``) join when their pieces start or end at a column's edge; a line
  inside or right after the body that starts in lower case is the wrapped rest of the row
  above, joined cell by cell.

``find_table_runs`` takes the runs of all finders, earlier finders first, without overlap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

PIPE = "|"
RULE_CELL = re.compile(r"\s*:?-{3,}:?\s*")  # a markdown rule cell: --- :--- ---:
MIN_PIPE_CELLS = 2
MIN_BARE_TWO_CELL_LINES = 3  # «a | b» lines without outer bars or a rule line

GAP = re.compile(r" {2,}")  # a cell boundary in space-aligned text
PIECE = re.compile(r"[^ ]+(?: [^ ]+)*")  # text between gaps of two or more spaces (NBSP is text)
NUMBER = re.compile(r"[-–+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?%?|[-–+]?\d+(?:[.,]\d+)?%?")
MIN_GUTTER = 2  # blank positions in every body line that separate two columns
MIN_BODY_LINES = 2
MIN_ALIGNED_LINES = 3  # header and body together
MIN_NARROW_COLUMNS = 3  # a two-column run needs MIN_NARROW_BODY_LINES body lines
MIN_NARROW_BODY_LINES = 3
MAX_INNER_LINES = 2  # non-body lines (goal rows, wrapped rests) between two body lines
# ... and at most one such line for every two body lines: «Таблица №  1» / a title / «Таблица №  2»
# is a list of captions
MAX_HEADER_LINES = 3
MAX_TRAILING_LINES = 2
EDGE_TOLERANCE = 2  # a header piece may start or end this far from a column's edge
MAX_LINE_CHARS = 1000  # longer lines are prose, not rows


@dataclass(frozen=True)
class TableRun:
    """Lines [start, end) of the input form one table of `rows`."""

    start: int
    end: int
    rows: list[list[str]]


# --- tab-separated ---------------------------------------------------------------------

def has_tab(line: str) -> bool:
    return "\t" in line and bool(line.strip())


def has_inner_tab(line: str) -> bool:
    """A tab between two non-blank characters: a cell boundary, not indentation."""
    return "\t" in line.strip()


def tsv_lines_to_rows(lines: list[str]) -> list[list[str]]:
    """Each line a row, cells split at tabs; trailing empty cells stay, so width is the max."""
    return [[cell.strip() for cell in line.split("\t")] for line in lines]


def tab_runs(lines: list[str]) -> Iterator[TableRun]:
    """Lines indented with tabs or ending in tabs join a run but do not make one, so
    tab-indented paragraphs stay paragraphs."""
    i, n = 0, len(lines)
    while i < n:
        if not has_tab(lines[i]):
            i += 1
            continue
        j = i
        while j < n and has_tab(lines[j]):
            j += 1
        run = lines[i:j]
        if sum(1 for x in run if has_inner_tab(x)) >= 2:
            yield TableRun(i, j, tsv_lines_to_rows(run))
        i = j


# --- pipe-separated --------------------------------------------------------------------

def pipe_cells(line: str) -> tuple[list[str], bool] | None:
    """Cells of a pipe line and whether it has outer bars; None when it has no bar."""
    s = line.strip()
    if PIPE not in s or len(s) > MAX_LINE_CHARS:
        return None
    framed = s.startswith(PIPE) and s.endswith(PIPE) and len(s) > 1
    if framed:
        s = s[1:-1]
    return [c.strip() for c in s.split(PIPE)], framed


def is_rule(cells: list[str]) -> bool:
    return all(RULE_CELL.fullmatch(c) for c in cells)


def pipe_run_is_table(width: int, n_lines: int, framed: bool, ruled: bool) -> bool:
    if width < MIN_PIPE_CELLS or n_lines < 2:
        return False
    return width > 2 or framed or ruled or n_lines >= MIN_BARE_TWO_CELL_LINES


def pipe_runs(lines: list[str]) -> Iterator[TableRun]:
    i, n = 0, len(lines)
    while i < n:
        first = pipe_cells(lines[i])
        if first is None:
            i += 1
            continue
        width = len(first[0])
        rows: list[list[str]] = []
        framed, ruled = True, False
        j = i
        while j < n:
            cut = pipe_cells(lines[j])
            if cut is None or len(cut[0]) != width:
                break
            cells, line_framed = cut
            framed = framed and line_framed
            if is_rule(cells):
                ruled = True
            else:
                rows.append(cells)
            j += 1
        if pipe_run_is_table(width, len(rows), framed, ruled):
            yield TableRun(i, j, rows)
        i = max(j, i + 1)


# --- space-aligned ---------------------------------------------------------------------

Piece = tuple[int, str]  # start column, text


def line_pieces(line: str) -> list[Piece]:
    if len(line) > MAX_LINE_CHARS:
        return []
    return [(m.start(), m.group()) for m in PIECE.finditer(line)]


def is_body(pieces: list[Piece]) -> bool:
    """Two or more pieces, a number after the first: «2016  г. - 3,5 тыс. руб.» is a list line."""
    return len(pieces) >= 2 and any(NUMBER.fullmatch(t) for _, t in pieces[1:])


def starts_lower(pieces: list[Piece]) -> bool:
    return bool(pieces) and pieces[0][1][0].islower()


def body_stretches(shapes: list[list[Piece]]) -> Iterator[tuple[int, int]]:
    """[first body line, last body line + 1) runs, at most MAX_INNER_LINES non-body lines
    between two body lines; a blank line ends a run."""
    i, n = 0, len(shapes)
    while i < n:
        if not is_body(shapes[i]):
            i += 1
            continue
        last = j = i
        while j + 1 < n:
            k = j + 1
            while k < n and shapes[k] and not is_body(shapes[k]) and k - last <= MAX_INNER_LINES:
                k += 1
            if k < n and is_body(shapes[k]):
                last = j = k
            else:
                break
        yield i, last + 1
        i = last + 1


def gutters(body: list[str]) -> list[tuple[int, int]]:
    """[start, end) column ranges blank in every body line, between text."""
    width = max(len(x) for x in body)
    filled = [False] * width
    for line in body:
        for pos, ch in enumerate(line):
            if ch != " ":
                filled[pos] = True
    out: list[tuple[int, int]] = []
    pos = next((p for p, f in enumerate(filled) if f), width)
    while pos < width:
        if filled[pos]:
            pos += 1
            continue
        end = pos
        while end < width and not filled[end]:
            end += 1
        if end < width and end - pos >= MIN_GUTTER:
            out.append((pos, end))
        pos = end
    return out


def column_of(start: int, cuts: list[tuple[int, int]]) -> int:
    """A piece starting in or after a gutter belongs to the column right of it."""
    return sum(1 for g_start, _ in cuts if g_start <= start)


def column_edges(body_shapes: list[list[Piece]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(leftmost start, rightmost end) of each column over the body lines."""
    edges: dict[int, tuple[int, int]] = {}
    for pieces in body_shapes:
        for start, text in pieces:
            k = column_of(start, cuts)
            lo, hi = edges.get(k, (start, start + len(text)))
            edges[k] = (min(lo, start), max(hi, start + len(text)))
    return [edges.get(k, (0, 0)) for k in range(len(cuts) + 1)]


def fits_columns(pieces: list[Piece], edges: list[tuple[int, int]]) -> bool:
    """Every piece starts at a column's left edge or ends at its right edge (± tolerance)."""
    def fits(start: int, text: str) -> bool:
        end = start + len(text)
        return any(abs(start - lo) <= EDGE_TOLERANCE or abs(end - hi) <= EDGE_TOLERANCE
                   for lo, hi in edges)
    return all(fits(s, t) for s, t in pieces)


def is_header(pieces: list[Piece], edges: list[tuple[int, int]]) -> bool:
    """A header line: two or more pieces, or one that does not start at the first column."""
    if not pieces or not fits_columns(pieces, edges):
        return False
    return len(pieces) >= 2 or abs(pieces[0][0] - edges[0][0]) > EDGE_TOLERANCE


def pieces_to_row(pieces: list[Piece], cuts: list[tuple[int, int]]) -> list[str]:
    row = [""] * (len(cuts) + 1)
    for start, text in pieces:
        k = column_of(start, cuts)
        row[k] = f"{row[k]} {text}" if row[k] else text
    return row


def join_rows(upper: list[str], rest: list[str]) -> list[str]:
    """A wrapped line continues the cells of the row above, column by column."""
    return [f"{a} {b}" if a and b else a or b for a, b in zip(upper, rest, strict=True)]


def aligned_run(lines: list[str], shapes: list[list[Piece]], first: int, end: int) -> TableRun | None:
    body_idx = [k for k in range(first, end) if is_body(shapes[k])]
    if len(body_idx) < MIN_BODY_LINES or (end - first - len(body_idx)) * 2 > len(body_idx):
        return None
    cuts = gutters([lines[k].rstrip() for k in body_idx])
    if not cuts:
        return None
    rows_of = {k: pieces_to_row(shapes[k], cuts) for k in body_idx}
    if any(sum(1 for c in r if c) < 2 for r in rows_of.values()):
        return None
    if len(cuts) + 1 < MIN_NARROW_COLUMNS and len(body_idx) < MIN_NARROW_BODY_LINES:
        return None
    edges = column_edges([shapes[k] for k in body_idx], cuts)
    start = first
    while start > 0 and first - start < MAX_HEADER_LINES and is_header(shapes[start - 1], edges):
        start -= 1
    stop = end
    while (stop < len(lines) and stop - end < MAX_TRAILING_LINES and starts_lower(shapes[stop])
           and fits_columns(shapes[stop], edges)):
        stop += 1
    if stop - start < MIN_ALIGNED_LINES:
        return None
    rows: list[list[str]] = []
    for k in range(start, stop):
        row = pieces_to_row(shapes[k], cuts)
        if rows and k > first and not is_body(shapes[k]) and starts_lower(shapes[k]):
            rows[-1] = join_rows(rows[-1], row)
        else:
            rows.append(row)
    return TableRun(start, stop, rows)


def aligned_runs(lines: list[str]) -> Iterator[TableRun]:
    shapes = [[] if "\t" in x else line_pieces(x) for x in lines]
    for first, end in body_stretches(shapes):
        run = aligned_run(lines, shapes, first, end)
        if run is not None:
            yield run


# --- all finders -----------------------------------------------------------------------

TABLE_FINDERS: tuple[Callable[[list[str]], Iterator[TableRun]], ...] = (tab_runs, pipe_runs, aligned_runs)


def find_table_runs(lines: list[str]) -> list[TableRun]:
    """Runs of every finder in input order; a run overlapping an earlier finder's is dropped."""
    taken = [False] * len(lines)
    runs: list[TableRun] = []
    for finder in TABLE_FINDERS:
        for run in finder(lines):
            if not any(taken[run.start:run.end]):
                runs.append(run)
                for k in range(run.start, run.end):
                    taken[k] = True
    return sorted(runs, key=lambda r: r.start)
