"""Wrapped lines of a PDF table → its printed rows and the texts of their cells.

Where rules box every cell, a cell's lines are simply its lines. Where they do not (rules only
between some rows, only the columns ruled, none at all), the lines of one row must be told from
the first line of the next by what the page shows:

- a row number in the number column, or a value in a column where the row has one already,
  starts a row; so does a line across the columns (a goal or section row);
- a line that starts in lower case (a unit on a line of its own does: «млн. долл. США»), goes
  on with a unit («млн. долл.» / «США») or follows a line left open («… занятых в», «…,»)
  continues its row, unless it is a lead-in of its own («в том числе:»);
- otherwise a gap wider than the line spacing starts a row where the rows are set apart by
  space; under rules, or in numbered rows, a line without those signs continues its row; in a
  bare table a name in upper case starts one.

Rows of a ruled grid (and a row cut by a page break) that carry nothing but such rests join
the row above them (`pdf_tables.mend_row`).

Inside one cell, lines are joined with a space, words hyphenated at a line end mended, and a
number or a word that the cell was too narrow to hold («5842» / «7», «Оптимистически» / «й»)
glued back together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from stratdoc.ingest.builder import RawCell
from stratdoc.ingest.pdf_layout import group_words, join_text_lines, word_group_to_line, word_is_known

Word = dict[str, Any]

ROW_NUMBER = re.compile(r"^(?:№\s*)?\d{1,3}(?:\.\d{1,3})*\.?$")
ROW_LEAD = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]\s+\S")
VALUE = re.compile(r"^[-–+]?\d[\d \u00a0\u202f]*(?:[.,]\s?\d+)?\s*%?\*?$|^[-–—]$")
YEAR = re.compile(r"^(?:19|20)\d{2}(?:\s*(?:год|г\.?))?$", re.IGNORECASE)
# A line left open: it ends with a comma, a hyphen, a bracket, a preposition or a conjunction.
OPEN_END = re.compile(r"(?:[,(‐-]|(?:^|\s)(?:в|во|и|или|на|по|с|со|к|от|для|из|при|за|о|об|а также))$",
                      re.IGNORECASE)
CONTINUING_START = ",;:)%»"
# Lead-ins that open a row of their own though in lower case: «в том числе:», «из них».
OWN_ROW = re.compile(r"^(?:в\s+том\s+числе|в\s*т\.\s*ч\.|из\s+них|справочно)", re.IGNORECASE)


@dataclass
class TextLine:
    """One printed line of a table: its words by column, and the chunks that run across columns."""

    top: float
    bottom: float
    cols: dict[int, list[Word]] = field(default_factory=dict)
    across: list[tuple[int, int]] = field(default_factory=list)  # (first, last) column of a wide chunk

    def text(self, col: int | None) -> str:
        if col is None:
            return ""
        return " ".join(w["text"] for w in sorted(self.cols.get(col, []), key=lambda w: w["x0"]))


def is_value(text: str) -> bool:
    return bool(VALUE.match(text.strip()))


def is_unit(text: str) -> bool:
    from stratdoc.extract.lexicon.units import UNIT_TAIL_RE  # readers sit below extract; loaded on use

    return bool(UNIT_TAIL_RE.match(text.strip()))


def continues_text(before: str, text: str) -> bool:
    """Does `text`, opening a line, go on with the `before` of the same column?"""
    s = text.strip()
    if not s or not before.strip() or OWN_ROW.match(s):
        return False
    if s[0].islower() or s[0] in CONTINUING_START:
        return True  # a unit on a line of its own is lower case too: «млн. долл. США», «%»
    if OPEN_END.search(before.rstrip()):
        return True
    if "," in before:
        tail = before.rsplit(",", 1)[1].strip()
        return bool(tail) and is_unit(tail) and is_unit(f"{tail} {s}")
    return False


@dataclass
class RowRules:
    """What starts a row in one table (see the module docstring)."""

    number_col: int | None
    name_col: int
    banded: bool = False  # rules separate the rows
    gap: float | None = None  # a top-to-top distance over this starts a row


def value_conflict(rules: RowRules, row: list[TextLine], line: TextLine) -> bool:
    for k in line.cols:
        if k in (rules.number_col, rules.name_col) or not is_value(line.text(k)):
            continue
        if any(is_value(ln.text(k)) for ln in row):
            return True
    return False


def starts_row(rules: RowRules, row: list[TextLine], line: TextLine) -> bool:
    prev = row[-1]
    if rules.number_col is not None and ROW_NUMBER.match(line.text(rules.number_col)):
        return True
    if line.across or prev.across:
        return True
    if value_conflict(rules, row, line):
        return True
    lead = line.text(rules.name_col)
    before = " ".join(t for t in (ln.text(rules.name_col) for ln in row) if t)
    if not lead or not before:
        return False
    if continues_text(before, lead):
        return False
    if ROW_LEAD.match(lead):
        return True
    if rules.gap is not None:
        return line.top - prev.top > rules.gap
    if rules.banded or rules.number_col is not None:
        return False
    return lead[:1].isupper() or lead[:1].isdigit()


def split_rows(lines: list[TextLine], rules: RowRules) -> list[list[TextLine]]:
    rows: list[list[TextLine]] = []
    for line in lines:
        if rows and not starts_row(rules, rows[-1], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def row_gap(lines: list[TextLine], factor: float) -> float | None:
    """The distance that sets rows apart, when some lines stand wider apart than the rest."""
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if b.top > a.top]
    if len(pitches) < 2:
        return None
    limit = min(pitches) * factor
    return limit if max(pitches) > limit else None


def is_body_line(line: TextLine, number_col: int | None, name_col: int | None) -> bool:
    """A line holding a row number or a value that is no year: the header is above it."""
    if number_col is not None and ROW_NUMBER.match(line.text(number_col)):
        return True
    return any(k != name_col and is_value(t) and not YEAR.match(t)
               for k in line.cols if (t := line.text(k)))


def number_column(lines: list[TextLine]) -> int | None:
    """Column 0 when what it holds is row numbers (two at least)."""
    texts = [t for ln in lines if (t := ln.text(0))]
    if len(texts) >= 2 and all(ROW_NUMBER.match(t) for t in texts):
        return 0
    return None


def name_column(lines: list[TextLine], n_cols: int, number_col: int | None) -> int:
    """The first column whose texts are mostly words, not numbers."""
    for k in range(n_cols):
        if k == number_col:
            continue
        texts = [t for ln in lines if (t := ln.text(k))]
        wordy = sum(1 for t in texts if any(ch.isalpha() for ch in t) and not is_value(t))
        if texts and wordy * 2 >= len(texts):
            return k
    return 0 if number_col != 0 else min(1, n_cols - 1)


# cell texts -------------------------------------------------------------------------------------

def _width(w: Word) -> float:
    return float(w["x1"] - w["x0"])


def broken_inside(prev: list[Word], nxt: list[Word], right: float) -> bool:
    """Was the one word of `prev` cut where the cell ended, its rest opening the next line?

    A word is cut only when it does not fit the cell on a line of its own: alone on its line,
    it and the opening of the next line are wider than the room up to the cell's edge. A
    number's rest is shorter than its start («5842» / «7», «1012,» / «6»; two years stacked are
    as long as each other); a word's rest is no word, the whole one is.
    """
    if len(prev) != 1:
        return False
    last, first = prev[0], nxt[0]
    a, b = last["text"], first["text"]
    if _width(last) + _width(first) <= right - last["x0"]:
        return False
    if a.rstrip(",").isdigit() and b[:1].isdigit():
        return len(nxt) == 1 and _width(first) < _width(last)
    return cut_word(a, b)


def join_parts(above: str, below: str) -> str:
    """Two parts of one cell's text cut apart (by a page break): a word cut without a hyphen
    («Оптимистически» / «й») is glued when only the whole is a word."""
    left, right = above.rsplit(" ", 1)[-1], below.split(" ", 1)[0]
    return above + below if cut_word(left, right) else join_text_lines([above, below])


def cut_word(left: str, right: str) -> bool:
    """Are `left` and `right` the two halves of one word? The whole is a word, a half is not."""
    return (left[-1:].isalpha() and right[:1].isalpha() and right[:1].islower()
            and word_is_known(left + right) and not (word_is_known(left) and word_is_known(right)))


def join_cell_words(words: list[Word], right: float, page: int) -> str:
    """A cell's words as one text: its lines joined, hyphens mended, cut words glued."""
    out = ""
    prev: list[Word] | None = None
    for group in group_words(words):
        text = word_group_to_line(group, page).text.strip()
        if not text:
            continue
        if prev is not None and out and broken_inside(prev, group, right):
            out += text
        else:
            out = join_text_lines([out, text]) if out else text
        prev = group
    return out


def rows_to_cells(rows: list[list[TextLine]], n_cols: int, bounds: list[float], page: int,
                  first_row: int = 0) -> list[RawCell]:
    """Printed rows → origin cells; a chunk across columns makes one cell spanning them.

    `bounds` are the n_cols + 1 column edges, for telling a word cut at a cell's edge.
    """
    cells: list[RawCell] = []
    for r, lines in enumerate(rows, start=first_row):
        spans: list[tuple[int, int]] = []
        for a, b in sorted({s for ln in lines for s in ln.across}):
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], b))
            else:
                spans.append((a, b))
        owner = {k: (a, b) for a, b in spans for k in range(a, b + 1)}
        k = 0
        while k < n_cols:
            a, b = owner.get(k, (k, k))
            words = [w for ln in lines for c in range(a, b + 1) for w in ln.cols.get(c, [])]
            text = join_cell_words(words, bounds[b + 1], page) if words else ""
            cells.append(RawCell(r, a, text, 1, b - a + 1, page))
            k = b + 1
    return cells
