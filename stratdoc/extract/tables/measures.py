"""Rows of a plan of measures → `Measure` records with goal, responsible units and funding.

In a programme's resource table the rows of the programme itself fund the whole (strategy-level
funding lines) and subprogramme rows are no measures; a «Статус» column or the head of the name
tells the level.
"""

from __future__ import annotations

import re

from stratdoc.extract.nlp import Nlp
from stratdoc.extract.tables.cells import named_rows, responsible_names, row_number
from stratdoc.extract.tables.funding import row_funding
from stratdoc.extract.tables.header import Header
from stratdoc.extract.tables.rows import BodyRow
from stratdoc.schema.records import FundingLine, Measure

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


def programme_funding(header: Header, body: list[BodyRow], nlp: Nlp) -> list[FundingLine]:
    """Funding of the programme as a whole: its own rows in a programme table."""
    return [f for b in body if b.kind == "data" and row_level(b, header)[0] == "programme"
            for f in row_funding(b, header, nlp)]


def rows_to_measures(header: Header, body: list[BodyRow], nlp: Nlp) -> list[Measure]:
    result_col = header.first("result")
    out: list[Measure] = []
    for b, name in named_rows(header, body):
        level, level_number = row_level(b, header)
        if level in ("programme", "subprogramme"):
            continue
        result = b.text(result_col.index) if result_col else ""
        number, name = row_number(b, header, name)
        out.append(Measure(
            number=number or level_number, name=name, goal=b.goal,
            responsible=responsible_names(b, header, nlp),
            expected_result=result or None,
            funding=row_funding(b, header, nlp),
            span=b.span(),
        ))
    return out
