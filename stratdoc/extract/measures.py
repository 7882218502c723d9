"""Rows of a plan of measures → `Measure` records with goal, responsible units and funding."""

from __future__ import annotations

import re

from stratdoc.extract.responsible import split_responsible
from stratdoc.extract.table_funding import cell_span, row_funding
from stratdoc.extract.table_header import Header
from stratdoc.extract.table_rows import BodyRow
from stratdoc.schema.records import Measure, Span

# Amendment notes glued to a name: «… (в ред. постановления от 01.02.2023 № 5)».
TRAILING_NOTE_RE = re.compile(r"\s*\(\s*в\s+ред(?:\.|акции)[^()]*(?:\([^()]*\)[^()]*)*\)\s*$", re.IGNORECASE)


def clean_name(text: str) -> str:
    return TRAILING_NOTE_RE.sub("", " ".join(text.split())).strip()


def item_number(text: str) -> str | None:
    """«1.», «1.2.» → «1», «1.2»; None for an empty cell."""
    t = text.strip().rstrip(".").strip()
    return t or None


def responsible_mentions(body: BodyRow, header: Header) -> list[tuple[str, Span]]:
    """Every unit named in the row's responsible columns, with the span of its cell."""
    out: list[tuple[str, Span]] = []
    for col in header.by_role("responsible"):
        for grow in body.rows:
            cell = grow.cells[col.index]
            if cell is None or not cell.text.strip():
                continue
            span = cell_span(cell, grow)
            for unit in split_responsible(cell.text):
                if all(unit != u for u, _ in out):
                    out.append((unit, span))
    return out


def rows_to_measures(header: Header, body: list[BodyRow]) -> list[Measure]:
    name_col = header.first("name")
    if name_col is None:
        return []
    number_col, result_col = header.first("number"), header.first("result")
    out: list[Measure] = []
    for b in body:
        if b.kind != "data":
            continue
        name = clean_name(b.text(name_col.index))
        if not name:
            continue
        result = b.text(result_col.index) if result_col else ""
        out.append(Measure(
            number=item_number(b.rows[0].text(number_col.index)) if number_col else None,
            name=name, goal=b.goal,
            responsible=[u for u, _ in responsible_mentions(b, header)],
            expected_result=result or None,
            funding=row_funding(b, header),
            span=b.span(),
        ))
    return out
