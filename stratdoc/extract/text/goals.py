"""Goals (цели) and their tasks (задачи), numbered as printed, read off the section tree.

Goals come as numbered headings or rows («Цель 1. …», «Цели 2: …»), as labelled statements
(«Стратегическая цель – …», «Главной целью Стратегии является …», «Целью программы является
…»), and as lists under a lead («Цели:», «… на достижение следующих целей:»). Tasks come the
same ways («Задача 1.2. …», «Задача – …», «Задачи: 1) …; 2) …», «Задачи цели 1:» + list, the
list marked or a run of plain lower-case paragraphs) and join the goal whose number prefixes
theirs (task 2.1 → goal 2), else the goal whose scope they stand in: the section the goal
opens or stands in, and failing that its parent section («3.1. Цель» and «3.2. Задачи» of one
«3.»). A task list led for several goals at once («Задачи, решение которых необходимо для
достижения целей, …:») under a list of goals is given once, to the last goal of the list, which
it stands under like any unnumbered task list: copied under every goal, each task would be
as many records as there are goals. A lead whose noun
is not its subject («Достижение цели предполагает:») leads no list of goals or tasks.

Goal rows of plan tables are the table extractor's; only running text is read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratdoc.extract.lexicon import cues
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.text.sections import Outline, items_after, list_end, outline
from stratdoc.extract.text.units import (
    NUMBER,
    Line,
    clean_name,
    doc_to_lines,
    first_sentence,
    span_of,
    word_form,
    word_labels,
    words,
)
from stratdoc.schema import Document, Goal, Task

_QUAL = cues.GOAL_QUALIFIER
# «Цель 1. Текст», «Цели 1: Текст», «Стратегическая цель 2 – Текст».
NUMBERED_GOAL = re.compile(rf"{cues.GOAL_NUMBER_RE.pattern}(?P<text>\S.*)", re.I)
# «Цель: Текст», «Главная цель Стратегии – Текст» (up to five words between the cue and the dash).
LABELLED_GOAL = re.compile(
    rf"{_QUAL}цель(?:\s+[\w«»\"-]+){{0,5}}?\s*(?::|\s[-–—])\s*(?P<text>\S.*)", re.I)
# «Главной целью Стратегии является Текст».
COPULA_GOAL = re.compile(
    rf"(?:{'|'.join(cues.GOAL_QUALIFIERS)})\w*\s+цел(?:ью|ями)\b[^.:;]{{0,120}}?\s(?:{'|'.join(cues.GOAL_COPULAS)})"
    rf"\s+(?P<text>\S.*)", re.I)
# «Целью программы является Текст» at the start of a line (not «с целью …» inside a sentence).
OPENING_COPULA_GOAL = re.compile(
    rf"цел(?:ью|ями)\b[^.:;]{{0,120}}?\s(?:{'|'.join(cues.GOAL_COPULAS)})\s+(?P<text>\S.*)", re.I)
# «Цели:» or «Основные цели стратегии:» alone on a line: a list of goals follows.
GOALS_HEADER = re.compile(rf"{_QUAL}цели(?:\s+[\w«»\"-]+){{0,5}}?\s*:\s*$", re.I)
# «… направлено на достижение следующих целей:», «Стратегия ставит следующие цели:».
GOALS_LEAD = re.compile(rf"\b{cues.GOALS_PLURAL}(?P<tail>(?:\s+[\w«»\"-]+){{0,3}})\s*:\s*$", re.I)

NUMBERED_TASK = re.compile(rf"{cues.TASK_NUMBER_RE.pattern}(?P<text>\S.*)", re.I)
LABELLED_TASK = re.compile(r"задача(?:\s+[\w«»\"-]+){0,3}?\s*(?::|\s[-–—])\s*(?P<text>\S.*)", re.I)
# «Задачи:», «Для достижения цели решаются следующие задачи:», «Задачи: а; б; в.»
TASKS_HEADER = re.compile(r"(?:^|\s)задач(?:и|ами)?(?P<tail>(?:\s+[\w«»\"-]+){0,6}?)\s*:\s*(?P<text>.*)$",
                          re.I)
# «Задачи, решение которых необходимо для достижения целей …, включают в себя:»
TASKS_LEAD = re.compile(r"^задачи\b(?P<tail>)[^:]*:\s*(?P<text>)$", re.I)
# «Задачи цели 1:»: the lead names its goal.
LEAD_GOAL_NUMBER = re.compile(rf"\b{cues.GOAL_WORD}\s*(?:№\s*)?(?P<num>\d{{1,2}})\b", re.I)


@dataclass
class _Goal:
    number: str | None
    text: str
    start: int
    end: int
    tasks: list[Task]
    line: int = 0  # index of the line that states the goal (or leads its list)
    scope: tuple[int, int] = (0, 0)  # (end of its section, end of the section above)


def scope_of(o: Outline, i: int) -> tuple[int, int]:
    """How far what line i states reaches: its section (a heading's own), and failing that the
    section above it, unless that is the whole document."""
    section = o.section_of(i)
    wide = section.parent.end if section.parent is not None else section.end
    return section.end, wide


def statement_at(line: Line, at: int) -> tuple[str, int]:
    """The statement from line offset `at` to its sentence end: (clean text, end in doc.text)."""
    raw = first_sentence(line.text[at:])
    return clean_name(raw), line.start + at + len(raw.rstrip(" .,;:"))


def line_to_goal(line: Line) -> _Goal | None:
    for pattern in (NUMBERED_GOAL, LABELLED_GOAL, OPENING_COPULA_GOAL, COPULA_GOAL):
        m = pattern.search(line.text) if pattern is COPULA_GOAL else pattern.match(line.text)
        if m:
            text, end = statement_at(line, m.start("text"))
            if text:
                return _Goal(m.groupdict().get("num"), text, line.start + m.start(), end, [])
    return None


def line_to_task(line: Line) -> Task | None:
    for pattern in (NUMBERED_TASK, LABELLED_TASK):
        m = pattern.match(line.text)
        if m:
            text, _ = statement_at(line, m.start("text"))
            if text:
                return Task(number=m.groupdict().get("num"), text=text)
    return None


def in_scope(goals: list[_Goal], i: int) -> list[_Goal]:
    """The goals whose scope holds line i, latest last: by their sections, else the ones above."""
    for k in (0, 1):
        found = [g for g in goals if g.line <= i < g.scope[k]]
        if found:
            return found
    return []


def owners(goals: list[_Goal], number: str | None, i: int, *, lead: str | None = None) -> list[_Goal]:
    """The goal a task belongs to (none or one): by its number's prefix, by the goal its lead
    names, else the latest goal in scope."""
    wanted = number.rsplit(".", 1)[0] if number and "." in number else lead
    if wanted:
        for g in reversed(goals):
            if g.number == wanted:
                return [g]
    found = in_scope(goals, i)
    if not found:
        return []
    return [found[-1]]


def marker_stripped(line: Line) -> Line:
    """A numbered line read without its number: «1. Цель: …» → «Цель: …»."""
    if line.shape != "number":
        return line
    return Line(line.body, line.body_start, line.kind, "text", None, line.body_start, line.level)


def item_text(line: Line) -> str:
    """A listed goal's or task's text: the first sentence of the item."""
    return clean_name(first_sentence(line.body))


def inline_tasks(text: str) -> list[Task]:
    """«1) модернизация школ; 2) развитие медицины» → tasks numbered as printed."""
    out = []
    for piece in re.split(r"\s*;\s*", text):
        m = NUMBER.match(piece.strip())
        number = (m.group("num") or m.group("multi")) if m else None
        body = clean_name(piece.strip()[m.end():] if m else piece)
        if body:
            out.append(Task(number=number, text=body))
    return out


def goals_list(o: Outline, i: int) -> list[_Goal]:
    return [_Goal(x.number, item_text(x), x.start, x.end, [], i, scope_of(o, i))
            for x in items_after(o, i) if item_text(x)]


def is_lead(nlp: Nlp, m: re.Match[str] | None) -> bool:
    """Whether the words between a lead's noun and its colon leave the noun the subject: at
    most a copula («Основными задачами являются:»), no other verb («Достижение цели
    предполагает:», «… задачи представлены показателями:»)."""
    if m is None:
        return False
    for w in words(m.group("tail")):
        form = word_form(nlp, w.text)
        copula = "copula" in word_labels(nlp, cues.DIRECTION_CUES, w.text)
        if form.pos in ("VERB", "INFN", "PRTS") and not copula:
            return False
    return True


def lines_to_goals(nlp: Nlp, lines: list[Line], o: Outline) -> list[_Goal]:
    """Walk the lines once; each step reads a goal list, a goal, a task or a task list."""
    goals: list[_Goal] = []
    i = 0
    while i < len(lines):
        line = marker_stripped(lines[i])
        tasks_header = TASKS_HEADER.search(line.text) or TASKS_LEAD.match(line.text)
        tasks_header = tasks_header if is_lead(nlp, tasks_header) else None
        goals_lead = "задач" not in line.text.lower() and is_lead(nlp, GOALS_LEAD.search(line.text))
        listed = goals_list(o, i) if GOALS_HEADER.match(line.text) or goals_lead else []
        if listed:
            goals.extend(listed)
            i = list_end(o, i)
        elif (goal := line_to_goal(line)) is not None:
            goal.line, goal.scope = i, scope_of(o, i)
            goals.append(goal)
            i += 1
        elif (task := line_to_task(line)) is not None:
            for owner in owners(goals, task.number, i):
                owner.tasks.append(task)
            i += 1
        elif tasks_header and goals:
            i = read_task_list(o, goals, i, line, tasks_header)
        else:
            i += 1
    return goals


def read_task_list(o: Outline, goals: list[_Goal], i: int, line: Line, header: re.Match[str]) -> int:
    """Tasks of a lead line, inline or listed under it, given to their goals; returns the index
    of the line after them."""
    named = LEAD_GOAL_NUMBER.search(line.text[:header.start("text")])
    lead = named.group("num") if named else None
    inline = header.group("text").strip()
    if inline:
        for owner in owners(goals, None, i, lead=lead):
            owner.tasks.extend(inline_tasks(inline))
        return i + 1
    items = items_after(o, i)
    for x in items:
        task = Task(number=x.number, text=item_text(x))
        if task.text:
            for owner in owners(goals, x.number, i, lead=lead):
                owner.tasks.append(task)
    return list_end(o, i)


def merge_goals(goals: list[_Goal]) -> list[_Goal]:
    """One record per goal number: a plan restates its goals in several places."""
    out: list[_Goal] = []
    by_key: dict[str, _Goal] = {}
    for g in goals:
        key = g.number or g.text.lower()
        if key in by_key:
            by_key[key].tasks.extend(t for t in g.tasks if t not in by_key[key].tasks)
            continue
        by_key[key] = g
        out.append(g)
    return out


@dataclass(frozen=True)
class GoalMark:
    """Where a goal (or, lacking one, a numbered task) stands, for the records under it."""

    line: int
    number: str | None
    scope: tuple[int, int]
    task: bool = False


def goal_marks(nlp: Nlp, lines: list[Line], o: Outline) -> list[GoalMark]:
    """Every goal statement, and every task whose number names its goal («Задача 3.1»), in order."""
    marks: list[GoalMark] = []
    for g in lines_to_goals(nlp, lines, o):
        marks.append(GoalMark(g.line, g.number, g.scope))
    for i, line in enumerate(lines):
        m = cues.TASK_NUMBER_RE.match(marker_stripped(line).text)
        if m and "." in m.group("num"):
            marks.append(GoalMark(i, m.group("num").split(".")[0], scope_of(o, i), task=True))
    return sorted(marks, key=lambda m: (m.line, m.task))


def goal_at(marks: list[GoalMark], i: int) -> str | None:
    """The number of the goal line i stands under; a numbered task names it when no goal is in
    scope at all."""
    for task in (False, True):
        for k in (0, 1):
            found = [m for m in marks if m.task == task and m.line <= i < m.scope[k]]
            if found:
                return found[-1].number
    return None


def extract_goals(doc: Document, nlp: Nlp) -> list[Goal]:
    lines = doc_to_lines(doc)
    goals = merge_goals(lines_to_goals(nlp, lines, outline(lines)))
    return [Goal(number=g.number, text=g.text, tasks=g.tasks, span=span_of(doc, g.start, g.end))
            for g in goals]
