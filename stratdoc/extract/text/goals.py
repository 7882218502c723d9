"""Goals (цели) and their tasks (задачи), numbered as printed.

Goals come as numbered headings or rows («Цель 1. …», «Цели 2: …»), as labelled statements
(«Стратегическая цель – …», «Главной целью Стратегии является …»), and as lists under
«Цели:». Tasks come the same ways («Задача 1.2. …», «Задача – …», «Задачи:» + list) and join
the goal they follow, or the goal whose number prefixes theirs (task 2.1 → goal 2).

Goal rows of plan tables are the table extractor's; only running text is read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratdoc.extract.lexicon import cues
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.text.units import Line, clean_name, doc_to_lines, first_sentence, span_of
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
# «Цели:» or «Основные цели стратегии:» alone on a line: a list of goals follows.
GOALS_HEADER = re.compile(rf"{_QUAL}цели(?:\s+[\w«»\"-]+){{0,5}}?\s*:\s*$", re.I)

NUMBERED_TASK = re.compile(rf"{cues.TASK_NUMBER_RE.pattern}(?P<text>\S.*)", re.I)
LABELLED_TASK = re.compile(r"задача(?:\s+[\w«»\"-]+){0,3}?\s*(?::|\s[-–—])\s*(?P<text>\S.*)", re.I)
# «Задачи:», «Для достижения цели решаются следующие задачи:», «Задачи: а; б; в.»
TASKS_HEADER = re.compile(r"(?:^|\s)задач(?:и|ами)?(?:\s+[\w«»\"-]+){0,4}?\s*:\s*(?P<text>.*)$", re.I)


@dataclass
class _Goal:
    number: str | None
    text: str
    start: int
    end: int
    tasks: list[Task]


def statement_at(line: Line, at: int) -> tuple[str, int]:
    """The statement from line offset `at` to its sentence end: (clean text, end in doc.text)."""
    raw = first_sentence(line.text[at:])
    return clean_name(raw), line.start + at + len(raw.rstrip(" .,;:"))


def line_to_goal(line: Line) -> _Goal | None:
    for pattern in (NUMBERED_GOAL, LABELLED_GOAL, COPULA_GOAL):
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


def goal_for_task(goals: list[_Goal], number: str | None) -> _Goal | None:
    """The goal a task belongs to: by number prefix when it has one, else the latest goal."""
    if number and "." in number:
        prefix = number.rsplit(".", 1)[0]
        for g in reversed(goals):
            if g.number == prefix:
                return g
    return goals[-1] if goals else None


def list_after(lines: list[Line], i: int) -> list[Line]:
    """The list lines right after line i."""
    out = []
    for line in lines[i + 1:]:
        if line.shape not in ("number", "bullet"):
            break
        out.append(line)
    return out


def marker_stripped(line: Line) -> Line:
    """A numbered line read without its number: «1. Цель: …» → «Цель: …»."""
    if line.shape != "number":
        return line
    return Line(line.body, line.body_start, line.kind, "text", None, line.body_start)


def lines_to_goals(lines: list[Line]) -> list[_Goal]:
    """Walk the lines once; each step reads a goal list, a goal, a task or a task list."""
    goals: list[_Goal] = []
    i = 0
    while i < len(lines):
        line = marker_stripped(lines[i])
        items = list_after(lines, i)
        tasks_header = TASKS_HEADER.search(line.text)
        if items and GOALS_HEADER.match(line.text):
            goals.extend(_Goal(x.number, clean_name(x.body), x.start, x.end, []) for x in items
                         if clean_name(x.body))
            i += 1 + len(items)
        elif (goal := line_to_goal(line)) is not None:
            goals.append(goal)
            i += 1
        elif (task := line_to_task(line)) is not None:
            if (owner := goal_for_task(goals, task.number)) is not None:
                owner.tasks.append(task)
            i += 1
        elif tasks_header and goals and tasks_header.group("text").strip():
            inline = re.split(r"\s*;\s*", tasks_header.group("text"))
            goals[-1].tasks.extend(Task(text=clean_name(t)) for t in inline if clean_name(t))
            i += 1
        elif tasks_header and goals and items:
            for x in items:
                owner = goal_for_task(goals, x.number) or goals[-1]
                if clean_name(x.body):
                    owner.tasks.append(Task(number=x.number, text=clean_name(x.body)))
            i += 1 + len(items)
        else:
            i += 1
    return goals


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


def extract_goals(doc: Document, nlp: Nlp) -> list[Goal]:
    goals = merge_goals(lines_to_goals(doc_to_lines(doc)))
    return [Goal(number=g.number, text=g.text, tasks=g.tasks, span=span_of(doc, g.start, g.end))
            for g in goals]
