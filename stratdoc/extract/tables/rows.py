"""Walking a table's body: section rows give context, notes and repeated headers are skipped,
rows broken over a page or merged down are put back together.

Section rows span the table («Цель 1. …», «Задача 1.2», a sector of the economy) and
attach the rows below them to a goal, a task or a section. Legal notes («(в ред. Закона …)»)
and headers repeated on a continuation page carry no data. «Итого»/«Всего» rows are totals,
not items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stratdoc.extract.lexicon.cues import GOAL_WORD, TASK_WORD
from stratdoc.extract.lexicon.lines import fold_spaces
from stratdoc.extract.lexicon.numbers import parse_number
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.tables.grid import GridRow, TableView
from stratdoc.extract.tables.header import Header
from stratdoc.extract.tables.header_cells import (
    is_column_number_row,
    is_header_atom,
    is_label_row,
    period_of_cell,
    scenario_label,
)
from stratdoc.schema import Cell
from stratdoc.schema.records import Span

# «Цель 1.», «Ц.2», «Стратегическая цель 3:» (an adjective may qualify the goal).
# Built from the label family in lexicon/cues.py; a table cell may also shorten «цель» to «ц.»,
# and its number may run longer than a sentence's label (a cell holds nothing else).
_ROW_NUMBER = r"(?:№\s*)?(\d+(?:\.\d+)*)\s*[.:)\-–—]?\s*(.*)$"
GOAL_RE = re.compile(rf"^\s*(?:[а-яё]+ая\s+)?(?:{GOAL_WORD}|ц\.)\s*{_ROW_NUMBER}", re.IGNORECASE | re.DOTALL)
TASK_RE = re.compile(rf"^\s*{TASK_WORD}\s*{_ROW_NUMBER}", re.IGNORECASE | re.DOTALL)
LEGAL_NOTE_RE = re.compile(
    r"^\(?\s*(?:в\s+ред(?:\.|акции)|введен[аоы]?\s|утратил[аио]?\s+силу|исключен[аоы]?\s|"
    r"позиция\s+(?:введена|исключена)|строка\s+(?:введена|исключена))",
    re.IGNORECASE,
)
GOAL_WORD_RE = re.compile(rf"^\s*{GOAL_WORD}\s*[.:\-–—]?\s*", re.IGNORECASE)
# «Цель: …» / «Цель – …» without a number: still the goal the rows below serve.
# A section row's own number and label word: «1. Промышленность», «Направление 2. Туризм», «III. Спорт»;
# the section is named by what follows, as when the number stands in a cell of its own.
SECTION_LABEL_WORDS = ("раздел", "подраздел", "направление", "отрасль", "сектор", "блок")
_SECTION_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6})"
SECTION_NUMBER_RE = re.compile(
    rf"^\s*(?:(?:{'|'.join(SECTION_LABEL_WORDS)})\s+(?:№\s*)?{_SECTION_NUMBER}\s*[.:)\-–—]?"
    rf"|{_SECTION_NUMBER}\s*[.)])\s+(?=\S)",
    re.IGNORECASE,
)
UNNUMBERED_GOAL_RE = re.compile(r"^\s*(?:[а-яё]+ая\s+)?цель\s*[:\-–—]\s*(\S.*)$", re.IGNORECASE | re.DOTALL)
# «Задача: …» with its number in the № column, or none at all.
TASK_WORD_RE = re.compile(r"^\s*задача\s*[:\-–—]\s*(\S.*)$", re.IGNORECASE | re.DOTALL)
TOTAL_RE = re.compile(r"^\s*(?:итог|итого|всего)(?![а-яё])", re.IGNORECASE)
# Sections numbered «I», «II.», «IV» head a sector or a part of the plan, never an item.
ROMAN_NUMBER_RE = re.compile(r"^[IVXLC]{1,6}$")
# «в том числе:», «в т. ч. по годам:», «из них по источникам:» — a lead-in to the breakdown below.
SUBTOTAL_LEAD_RE = re.compile(r"^(?:в\s+том\s+числе|в\s*т\.\s*ч\.?|из\s+них)(?:\s+по\s+(?:годам|источникам"
                              r"(?:\s+финансирования)?|этапам))?\s*:?$", re.IGNORECASE)
SCENARIO_SECTION_MAX_WORDS = 4
# Without a number column, a lone text in the first column is a section only in tables this wide.
MIN_COLS_SECTION = 3


@dataclass
class GoalRow:
    number: str | None
    text: str
    span: Span
    tasks: list[tuple[str | None, str]] = field(default_factory=list)


@dataclass
class BodyRow:
    rows: list[GridRow]
    kind: str = "data"  # data | total
    goal: str | None = None
    task: str | None = None
    section: str | None = None
    scenario: str | None = None

    def cells(self, col: int | None) -> list[Cell]:
        out: list[Cell] = []
        if col is None:
            return out
        for r in self.rows:
            c = r.cells[col] if col < len(r.cells) else None
            if c is not None and c.text.strip() and all(c is not o for o in out):
                out.append(c)
        return out

    def text(self, col: int | None) -> str:
        return " ".join(c.text.strip() for c in self.cells(col))

    def name(self, col: int | None) -> str:
        """The item's name: its name cells, less the lines that only date the rows below it
        («2024 год» under «в том числе по годам:»)."""
        return " ".join(c.text.strip() for i, c in enumerate(self.cells(col))
                        if i == 0 or period_of_cell(c.text) == (None, None, None))

    def span(self) -> Span:
        first, last = self.rows[0].span(), self.rows[-1].span()
        return first.model_copy(update={"end": max(first.end, last.end)})


def is_section_row(row: GridRow, header: Header) -> bool:
    texts = row.distinct_texts()
    if len(texts) != 1:
        return False
    t = texts[0]
    if parse_number(t) is not None or TOTAL_RE.match(t):
        return False
    if GOAL_RE.match(t) or TASK_RE.match(t):
        return True
    if t[:1].islower():
        return False  # the rest of a line broken by a page, not a title
    positions = [k for k, tt in row.filled() if tt == t]
    if len(positions) >= 2:
        return True  # merged across, or repeated in every cell by the reader
    number, name = header.first("number"), header.first("name")
    if number is not None:
        return True  # an unnumbered line alone in a numbered table titles the rows below
    return positions[0] == 0 and (name is None or name.index != 0 or len(row.cells) >= MIN_COLS_SECTION)


def _is_total_row(row: GridRow, header: Header) -> bool:
    """«Итого», «Всего по программе» heading the row. The same word further right, in a source
    column beside an item's blank number and name, is that item's total line, not the table's."""
    first = next(((k, t) for k, t in row.filled()), None)
    if first is None or not TOTAL_RE.match(first[1]):
        return False
    name = header.first("name")
    return name is None or first[0] <= name.index


def _is_repeated_header(row: GridRow, header: Header) -> bool:
    texts = [fold_spaces(t) for t in row.texts()]
    if not header.first_row or not any(texts):
        return False
    same = sum(1 for a, b in zip(texts, header.first_row, strict=False) if a and a == b)
    return same >= max(2, (sum(1 for t in texts if t) * 6) // 10)


def _skippable(row: GridRow, header: Header, piece_head: bool, nlp: Nlp) -> bool:
    """Rows carrying no data: repeated headers, column numbers, labels, legal notes."""
    if _is_repeated_header(row, header) or is_column_number_row(row) or is_label_row(row):
        return True
    texts = row.distinct_texts()
    if len(texts) == 1 and (LEGAL_NOTE_RE.match(texts[0]) or SUBTOTAL_LEAD_RE.match(fold_spaces(texts[0]))):
        return True
    return piece_head and all(is_header_atom(t, nlp) for t in texts)


def _continues_previous(row: GridRow, prev: BodyRow | None, header: Header, new_piece: bool) -> bool:
    """Part of the row above: a merged-down name, no number and no name, or a line broken by a page."""
    if prev is None or prev.kind != "data":
        return False
    name = header.first("name")
    number = header.first("number")
    if name is None:
        return False
    cell = row.cells[name.index]
    if cell is not None and cell.text.strip() and any(cell is c for c in prev.cells(name.index)):
        return True
    num_text = row.text(number.index) if number else ""
    name_text = row.text(name.index)
    if not num_text and not name_text:
        return True
    if not num_text and period_of_cell(name_text) != (None, None, None):
        return True  # «2024 год» under an item: its amounts for that year
    if new_piece and not num_text and number is not None and name_text[:1].islower():
        return True
    return False


def _names_scenario_alone(row: GridRow, nlp: Nlp) -> bool:
    """«базовый сценарий:», «Вариант 2» alone on a row: the scenario of the rows below, in whatever
    case it is printed."""
    texts = row.distinct_texts()
    return len(texts) == 1 and len(texts[0].split()) <= SCENARIO_SECTION_MAX_WORDS and \
        scenario_label(texts[0], nlp) is not None


def _titles_variants(rows: list[GridRow], i: int, nlp: Nlp) -> bool:
    """A lone name followed by scenario rows («консервативный», «базовый») is an item, not a section."""
    nxt = next((r for r in rows[i + 1:] if r.filled()), None)
    if nxt is None:
        return False
    first = nxt.filled()[0][1]
    found = scenario_label(first, nlp)
    return found is not None and len(first.split()) <= SCENARIO_SECTION_MAX_WORDS and \
        len(nxt.distinct_texts()) > 1


def _numbered_title(row: GridRow, rows: list[GridRow], i: int, header: Header) -> tuple[str, str] | None:
    """«1. | Развитие экономики» with nothing else: a title when its name spans the row or the
    next numbered row is under it («1.1»)."""
    number, name = header.first("number"), header.first("name")
    if number is None or name is None:
        return None
    filled = {k for k, _ in row.filled()}
    num, text = row.text(number.index).rstrip(". "), row.text(name.index)
    if not num or not text or len(row.distinct_texts()) != 2 or text[:1].islower():
        return None
    cell = row.cells[name.index]
    if cell is None or not filled <= {number.index} | set(range(cell.col, cell.col + cell.col_span)):
        return None
    if cell.col_span >= 2 or ROMAN_NUMBER_RE.match(num):
        return num, text
    nxt = next((r for r in rows[i + 1:] if r.text(number.index)), None)
    if nxt is not None and nxt.text(number.index).startswith(num + "."):
        return num, text
    return None


def _goal_of(number: str | None, text: str) -> tuple[str | None, str] | None:
    """(number, text) of a goal row: «Цель 1. …», «1. | Цель: …» (number from the № column), or
    «Цель: …» with no number at all."""
    gm = GOAL_RE.match(text)
    if gm:
        return gm.group(1), gm.group(2)
    if number and GOAL_WORD_RE.match(text):
        return number, GOAL_WORD_RE.sub("", text)
    um = UNNUMBERED_GOAL_RE.match(text)
    return (None, um.group(1)) if um else None


def _task_of(number: str | None, text: str) -> tuple[str | None, str] | None:
    """(number, text) of a task row: «Задача 1.2. …», or «Задача: …» numbered by the № column."""
    tm = TASK_RE.match(text)
    if tm:
        return tm.group(1), tm.group(2)
    wm = TASK_WORD_RE.match(text)
    return (number, wm.group(1)) if wm else None


@dataclass
class _Context:
    """Where the walk stands: the goal, task, section and scenario rows above."""

    goal: GoalRow | None = None
    task: str | None = None
    section: str | None = None
    scenario: str | None = None

    def enter(self, number: str | None, text: str, span: Span, goals: list[GoalRow], nlp: Nlp) -> None:
        goal, task = _goal_of(number, text), _task_of(number, text)
        if goal is not None:
            self.goal = GoalRow(goal[0], goal[1].strip(" .;"), span)
            goals.append(self.goal)
            self.task = self.section = None
        elif task is not None:
            self.task = task[0]
            if self.goal is not None:
                self.goal.tasks.append((task[0], task[1].strip(" .;")))
        elif (found := scenario_label(text, nlp)) and len(text.split()) <= SCENARIO_SECTION_MAX_WORDS:
            self.scenario = found
        else:
            self.section = SECTION_NUMBER_RE.sub("", text, count=1)
            if number and self.goal is not None and self.goal.number and \
                    number.count(".") <= self.goal.number.count("."):
                self.goal = None  # a title numbered like the goal ends the goal's rows
                self.task = None


def walk_body(view: TableView, header: Header, nlp: Nlp) -> tuple[list[BodyRow], list[GoalRow]]:
    body: list[BodyRow] = []
    goals: list[GoalRow] = []
    ctx = _Context()
    prev_table = view.rows[header.body_start].table if header.body_start < len(view.rows) else None
    piece_head = False
    rows = view.rows[header.body_start:]
    for i, row in enumerate(rows):
        if row.table != prev_table:
            piece_head, prev_table = True, row.table
        if not row.filled():
            continue
        if _skippable(row, header, piece_head, nlp):
            continue
        new_piece, piece_head = piece_head, False
        if (is_section_row(row, header) or _names_scenario_alone(row, nlp)) and \
                not _titles_variants(rows, i, nlp):
            ctx.enter(None, row.distinct_texts()[0], row.span(), goals, nlp)
            continue
        titled = _numbered_title(row, rows, i, header)
        if titled is not None:
            ctx.enter(titled[0], titled[1], row.span(), goals, nlp)
            continue
        kind = "total" if _is_total_row(row, header) else "data"
        prev = body[-1] if body else None
        if kind == "data" and _continues_previous(row, prev, header, new_piece):
            prev.rows.append(row)
            continue
        body.append(BodyRow(rows=[row], kind=kind, goal=ctx.goal.number if ctx.goal else None, task=ctx.task,
                            section=ctx.section, scenario=ctx.scenario))
    return body, goals
