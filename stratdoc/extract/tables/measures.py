"""Rows of a plan of measures → `Measure` records with goal, responsible units and funding.

In a programme's resource table the rows of the programme itself fund the whole (strategy-level
funding lines) and subprogramme rows are no measures; a «Статус» column or the head of the name
tells the level.
"""

from __future__ import annotations

import re

from stratdoc.extract.nlp import Nlp
from stratdoc.extract.tables.funding import cell_span, row_funding
from stratdoc.extract.tables.header import Header
from stratdoc.extract.tables.responsible import split_responsible
from stratdoc.extract.tables.rows import BodyRow
from stratdoc.schema.records import FundingLine, Measure, Span

# Amendment notes glued to a name: «… (в ред. постановления от 01.02.2023 № 5)».
TRAILING_NOTE_RE = re.compile(r"\s*\(\s*в\s+ред(?:\.|акции)[^()]*(?:\([^()]*\)[^()]*)*\)\s*$", re.IGNORECASE)


def clean_name(text: str) -> str:
    return TRAILING_NOTE_RE.sub("", " ".join(text.split())).strip()


# A number printed at the head of a name when the table has no № column: «1.1. Ремонт …»,
# «2) Проведение …», «1.2 Устройство …» (one level needs its dot or bracket: «100 тысяч» is a name).
NAME_NUMBER_RE = re.compile(r"^\s*(?:(\d{1,3}(?:\.\d{1,3})+)\.?|(\d{1,3})[.)])\s+(?=\S)")


def split_name_number(name: str) -> tuple[str | None, str]:
    """«1.1. Ремонт улицы» → («1.1», «Ремонт улицы»); a name without a number is left alone."""
    m = NAME_NUMBER_RE.match(name)
    if m is None:
        return None, name
    return m.group(1) or m.group(2), name[m.end():]


def item_number(text: str) -> str | None:
    """«1.», «1.2.» → «1», «1.2»; None for an empty cell."""
    t = text.strip().rstrip(".").strip()
    return t or None


def responsible_mentions(body: BodyRow, header: Header, nlp: Nlp, *,
                         by_lines: bool = True) -> list[tuple[str, Span]]:
    """Every unit named in the row's responsible columns, with the span of its cell.

    `by_lines`: a plan lists its units one per line of a cell; a project registry names one
    party per project, and a second line qualifies it (its group, a partner), so there lines
    are not split."""
    out: list[tuple[str, Span]] = []
    for col in header.by_role("responsible"):
        for grow in body.rows:
            cell = grow.cells[col.index]
            if cell is None or not cell.text.strip():
                continue
            span = cell_span(cell, grow)
            for unit in split_responsible("\n".join(cell.lines()) if by_lines else cell.text, nlp):
                if all(unit != u for u, _ in out):
                    out.append((unit, span))
    return out


# Programme tables give each row its level in a «Статус» column or at the head of the name:
# «Муниципальная программа», «Подпрограмма 2», «Основное мероприятие 1.3», «Мероприятие 1.3.2».
LEVEL_RE = re.compile(
    r"^\s*(?:(?:муниципальн|государственн|ведомственн|целев)\w*\s+)?"
    r"(?P<level>подпрограмм|программ|(?:основн\w*\s+)?мероприяти)\w*"
    r"\s*(?:№\s*)?(?P<num>\d+(?:\.\d+)*)?\.?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL)
LEVELS = {"подпрограмм": "subprogramme", "программ": "programme"}


def row_level(b: BodyRow, header: Header) -> tuple[str | None, str | None]:
    """(level, number) of a programme table's row: "programme", "subprogramme" or "measure".

    A «Статус» cell is all label; at the head of a name the level counts only with a number or a
    quoted title after it («Подпрограмма 1 «…»»), so «Программа поддержки семей» stays a name."""
    status, name = header.first("status"), header.first("name")
    for col, label_only in ((status, True), (name, False)):
        if col is None:
            continue
        m = LEVEL_RE.match(b.rows[0].text(col.index))
        if m is None or (label_only and m.group("rest")) or \
                (not label_only and not (m.group("num") or m.group("rest").startswith(("«", '"')))):
            continue
        level = m.group("level").lower()
        return LEVELS.get(level, "measure"), m.group("num")
    return None, None


def programme_funding(header: Header, body: list[BodyRow]) -> list[FundingLine]:
    """Funding of the programme as a whole: its own rows in a programme table."""
    return [f for b in body if b.kind == "data" and row_level(b, header)[0] == "programme"
            for f in row_funding(b, header)]


def rows_to_measures(header: Header, body: list[BodyRow], nlp: Nlp) -> list[Measure]:
    name_col = header.first("name")
    if name_col is None:
        return []
    number_col, result_col = header.first("number"), header.first("result")
    out: list[Measure] = []
    for b in body:
        if b.kind != "data":
            continue
        name = clean_name(b.name(name_col.index))
        if not name:
            continue
        level, level_number = row_level(b, header)
        if level in ("programme", "subprogramme"):
            continue
        result = b.text(result_col.index) if result_col else ""
        number = item_number(b.rows[0].text(number_col.index)) if number_col else None
        if number_col is None:
            number, name = split_name_number(name)
        number = number or level_number
        out.append(Measure(
            number=number, name=name, goal=b.goal,
            responsible=[u for u, _ in responsible_mentions(b, header, nlp)],
            expected_result=result or None,
            funding=row_funding(b, header),
            span=b.span(),
        ))
    return out
