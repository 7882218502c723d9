"""PDF tables the rules do not box: rules only across the rows, or no rules at all.

pdfplumber's ruled-cell finder needs rules both ways. A table printed with full-width rules
between its rows only (or above and below the header and the body), or with none, still
shows its grid:

- its columns are gutters: blanks (of `gutter_min_factor` font sizes or more) that run down
  every line holding several pieces of text (pieces cut at gaps of `gutter_factor` font
  sizes); words running over a gutter are a cell across those columns (a goal row, a spanned
  header);
- with rules, each band between two rules is a row, the first the header; a band may still
  hold several printed rows, told apart as `pdf_rows` says;
- without rules, the body is a run of close lines of the table's size where lines with a value
  after their first piece (≥ 2) give at least `bare_min_cols` columns; the lines above it that
  stay inside the columns are the header, and the rows are told apart as `pdf_rows` says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from stratdoc.ingest.pdf_layout import group_words
from stratdoc.ingest.pdf_rows import (
    RowRules,
    TextLine,
    is_body_line,
    is_value,
    name_column,
    number_column,
    row_gap,
    rows_to_cells,
    split_rows,
)
from stratdoc.ingest.pdf_tables import PdfTable

if TYPE_CHECKING:
    from stratdoc.ingest.pdf_settings import PdfSettings

Word = dict[str, Any]
SAME_EDGE = 3.0  # points: rules starting and ending this close belong to one table
SAME_SIZE = 1.0  # points of font size between lines of one unruled table
WRAP_PITCH = 1.15  # a line under the last row this close (in line spacings) is the rest of that row


@dataclass
class Rule:
    y: float
    x0: float
    x1: float


def pieces(line: list[Word], factor: float) -> list[list[Word]]:
    """A line's words cut at wide gaps: the texts of its cells."""
    out: list[list[Word]] = []
    for w in line:
        if out and w["x0"] - out[-1][-1]["x1"] < factor * max(w["size"], out[-1][-1]["size"]):
            out[-1].append(w)
        else:
            out.append([w])
    return out


def gutters(lines: Iterable[list[Word]], min_width: float) -> list[tuple[float, float]]:
    """Blanks at least `min_width` wide inside the lines' extent that no word of them covers."""
    spans = sorted((w["x0"], w["x1"]) for line in lines for w in line)
    out: list[tuple[float, float]] = []
    if not spans:
        return out
    right = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - right >= min_width:
            out.append((right, x0))
        right = max(right, x1)
    return out


def text(piece: list[Word]) -> str:
    return " ".join(w["text"] for w in piece)


def crosses(line: list[Word], gaps: list[tuple[float, float]], min_gap: float) -> bool:
    """Does a run of the line's words reach over a gutter from one side to the other (a text
    across the columns)? A header standing out into a gutter does not."""
    return any(p[0]["x0"] < a and p[-1]["x1"] > b for p in runs(line, min_gap) for a, b in gaps)


def to_text_lines(lines: list[list[Word]], gaps: list[tuple[float, float]], min_gap: float) -> list[TextLine]:
    """Lines of words → lines of cells: each word in the column of its centre; a run of words
    over a gutter is one text across the columns it reaches."""
    mids = [(a + b) / 2 for a, b in gaps]
    out: list[TextLine] = []
    for line in lines:
        tl = TextLine(top=min(w["top"] for w in line), bottom=max(w["bottom"] for w in line))
        for w in line:
            k = sum(1 for m in mids if (w["x0"] + w["x1"]) / 2 > m)
            tl.cols.setdefault(k, []).append(w)
        for p in runs(line, min_gap):
            if crosses(p, gaps, min_gap):
                first = sum(1 for m in mids if p[0]["x0"] > m)
                tl.across.append((first, sum(1 for m in mids if p[-1]["x1"] > m)))
        out.append(tl)
    return out


def runs(line: list[Word], min_gap: float) -> list[list[Word]]:
    """A line's words cut at blanks of at least `min_gap`."""
    out: list[list[Word]] = []
    for w in line:
        if out and w["x0"] - out[-1][-1]["x1"] < min_gap:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def header_rows(lines: list[TextLine]) -> list[list[TextLine]]:
    """Header lines in rows: a line across columns closes a row (its sub-columns come below)."""
    rows: list[list[TextLine]] = [[]]
    for ln in lines:
        rows[-1].append(ln)
        if ln.across:
            rows.append([])
    return [r for r in rows if r]


def build(head: list[TextLine], bands: list[list[TextLine]], n_cols: int, bounds: list[float], page: int,
          banded: bool, settings: PdfSettings) -> PdfTable | None:
    """Header lines and bands of body lines → a table; None when what is left shows none (text in
    fewer than two columns, fewer than two rows)."""
    body_lines = [ln for band in bands for ln in band]
    if not body_lines:
        return None
    number = number_column(body_lines)
    name = name_column(body_lines, n_cols, number)
    gap = None if banded else row_gap(body_lines, settings.row_gap_factor)
    rules = RowRules(number_col=number, name_col=name, banded=banded, gap=gap)
    rows = header_rows(head) + [r for band in bands for r in split_rows(band, rules)]
    cells = rows_to_cells(rows, n_cols, bounds, page)
    if len({c.col for c in cells if c.text.strip()}) < max(2, settings.min_table_cols) or len(rows) < 2:
        return None
    return PdfTable(page=page, page_end=page, top=min(ln.top for r in rows for ln in r),
                    bottom=max(ln.bottom for r in rows for ln in r), x0=bounds[0], x1=bounds[-1],
                    n_rows=len(rows), n_cols=n_cols, cells=cells)


def split_head(lines: list[TextLine], n_cols: int) -> tuple[list[TextLine], list[TextLine]]:
    """Lines above the first body line (a row number or a value that is no year) are the header."""
    number = number_column([ln for ln in lines if is_body_line(ln, None, None)])
    name = name_column(lines, n_cols, number)
    first = next((i for i, ln in enumerate(lines) if is_body_line(ln, number, name)), len(lines))
    return lines[:first], lines[first:]


# rules across the rows ------------------------------------------------------------------------------

def horizontal_rules(page: Any, taken: list[PdfTable], settings: PdfSettings) -> list[Rule]:
    """Full-width horizontal rules outside the ruled tables, one per height."""
    rules: list[Rule] = []
    for e in sorted(page.horizontal_edges, key=lambda e: (e["top"], e["x0"])):
        if e["x1"] - e["x0"] < settings.rule_min_width:
            continue
        if any(t.x0 - SAME_EDGE <= e["x0"] and e["x1"] <= t.x1 + SAME_EDGE
               and t.top - SAME_EDGE <= e["top"] <= t.bottom + SAME_EDGE for t in taken):
            continue
        if rules and abs(rules[-1].y - e["top"]) <= 1.0 and abs(rules[-1].x0 - e["x0"]) <= SAME_EDGE:
            continue
        rules.append(Rule(float(e["top"]), float(e["x0"]), float(e["x1"])))
    return rules


def rule_stacks(rules: list[Rule], settings: PdfSettings) -> list[list[Rule]]:
    """Rules of the same extent one under another, close enough to bound rows of one table."""
    stacks: list[list[Rule]] = []
    for r in rules:
        home = next((s for s in stacks if abs(s[-1].x0 - r.x0) <= SAME_EDGE
                     and abs(s[-1].x1 - r.x1) <= SAME_EDGE and r.y - s[-1].y <= settings.rule_max_band), None)
        if home is None:
            stacks.append([r])
        else:
            home.append(r)
    return [s for s in stacks if len(s) >= 2]


def table_between_rules(stack: list[Rule], words: list[Word], page: int, settings: PdfSettings
                        ) -> tuple[PdfTable, list[Word]] | None:
    x0, x1 = min(r.x0 for r in stack), max(r.x1 for r in stack)
    top, bottom = stack[0].y, stack[-1].y
    mine = [w for w in words
            if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
    lines = group_words(mine)
    multi = [ln for ln in lines if len(pieces(ln, settings.gutter_factor)) >= 2]
    min_gap = settings.gutter_min_factor * body_size(mine)
    gaps = gutters(multi, min_gap)
    wide = sum(1 for ln in lines if crosses(ln, gaps, min_gap))
    if len(multi) < 2 or not gaps or wide * 2 > len(lines):
        return None  # a frame around prose, or justified lines of it
    n_cols = len(gaps) + 1
    tls = to_text_lines(lines, gaps, min_gap)
    ys = [r.y for r in stack]
    bands = [[ln for ln in tls if a <= ln.top < b] for a, b in zip(ys, ys[1:], strict=False)]
    bands = [b for b in bands if b]
    if len(bands) >= 2:
        head, body = bands[0], bands[1:]
    else:
        h, rest = split_head(bands[0] if bands else [], n_cols)
        head, body = h, [rest]
    bounds = [x0, *((a + b) / 2 for a, b in gaps), x1]
    table = build(head, body, n_cols, bounds, page, len(body) >= 2, settings)
    return (table, mine) if table is not None else None


# no rules ---------------------------------------------------------------------------------------------

def body_size(words: list[Word]) -> float:
    sizes = sorted(float(w["size"]) for w in words)
    return sizes[len(sizes) // 2] if sizes else 10.0


def windows(lines: list[list[Word]], settings: PdfSettings) -> list[list[list[Word]]]:
    """Runs of lines close under each other in one font size."""
    out: list[list[list[Word]]] = []
    for ln in lines:
        size = body_size(ln)
        if out:
            prev = out[-1][-1]
            height = min(max(w["bottom"] for w in prev) - min(w["top"] for w in prev),
                         max(w["bottom"] for w in ln) - min(w["top"] for w in ln))
            gap = min(w["top"] for w in ln) - max(w["bottom"] for w in prev)
            if gap <= settings.bare_line_gap * height and abs(body_size(prev) - size) <= SAME_SIZE:
                out[-1].append(ln)
                continue
        out.append([ln])
    return out


def _top(line: list[Word]) -> float:
    return min(w["top"] for w in line)


def bare_table(window: list[list[Word]], page: int, settings: PdfSettings
               ) -> tuple[PdfTable, list[Word]] | None:
    split = [pieces(ln, settings.gutter_factor) for ln in window]
    body = [i for i, p in enumerate(split) if len(p) >= 2 and any(is_value(text(q)) for q in p[1:])]
    if len(body) < 2:
        return None
    min_gap = settings.gutter_min_factor * body_size([w for i in body for w in window[i]])
    gaps = gutters((window[i] for i in body), min_gap)
    if len(gaps) + 1 < settings.bare_min_cols:
        return None
    lo, hi = body[0], body[-1]
    across = [i for i in range(lo, hi + 1) if crosses(window[i], gaps, min_gap)]
    if any(len(split[i]) > 1 for i in across) or len(across) * 2 > len(body):
        return None  # prose between the value lines: no one table
    pitch = min(_top(window[i + 1]) - _top(window[i]) for i in range(lo, hi))
    while hi + 1 < len(window) and not crosses(window[hi + 1], gaps, min_gap) and (
            _top(window[hi + 1]) - _top(window[hi]) <= WRAP_PITCH * pitch
            or window[hi + 1][0]["text"][:1].islower()):
        hi += 1
    start = lo
    while start > 0 and lo - start < settings.header_max_lines and \
            not crosses(window[start - 1], gaps, min_gap):
        start -= 1
    lines = window[start:hi + 1]
    n_cols = len(gaps) + 1
    tls = to_text_lines(lines, gaps, min_gap)
    head, rest = tls[:lo - start], tls[lo - start:]
    mine = [w for ln in lines for w in ln]
    bounds = [min(w["x0"] for w in mine), *((a + b) / 2 for a, b in gaps), max(w["x1"] for w in mine)]
    table = build(head, [rest], n_cols, bounds, page, False, settings)
    return (table, mine) if table is not None else None


def find_text_tables(page: Any, number: int, words: list[Word], taken: list[PdfTable], settings: PdfSettings
                     ) -> tuple[list[PdfTable], set[int]]:
    """Tables of `words` (those outside the ruled tables `taken`), and the ids of the words they hold."""
    tables: list[PdfTable] = []
    used: set[int] = set()
    if not settings.text_tables or not words:
        return tables, used
    for stack in rule_stacks(horizontal_rules(page, taken, settings), settings):
        found = table_between_rules(stack, [w for w in words if id(w) not in used], number, settings)
        if found is not None:
            tables.append(found[0])
            used.update(id(w) for w in found[1])
    for window in windows(group_words([w for w in words if id(w) not in used]), settings):
        found = bare_table(window, number, settings)
        if found is not None:
            tables.append(found[0])
            used.update(id(w) for w in found[1])
    return tables, used
