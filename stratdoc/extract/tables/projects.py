"""Rows of a project list or registry → `Project` records with section, period, stage, funding."""

from __future__ import annotations

import re

from stratdoc.extract.nlp import Nlp
from stratdoc.extract.tables.cells import named_rows, responsible_names
from stratdoc.extract.tables.columns import Column
from stratdoc.extract.tables.funding import row_funding
from stratdoc.extract.tables.header import Header
from stratdoc.extract.tables.rows import BodyRow
from stratdoc.schema.records import Project

QUOTED_RE = re.compile(r"^[«\"“„](.+)[»\"”“]$")
_WORD_RE = re.compile(r"[А-Яа-яЁёA-Za-z]+")
# One end of a period: a year, or a quarter or month with its year («IV кв. 2025», «12.2025»).
PERIOD_PART_RE = re.compile(r"(?:[IV]+\s*кв\.?\s*|\d{1,2}\.)?(?:19|20)\d\d\s*(?:г\.?|года?)?", re.IGNORECASE)


def clean_object(text: str, col: Column) -> str | None:
    """«Муниципальный объект «Северный парк»» under «Муниципальный объект» → «Северный парк».

    Words that only repeat the column header are dropped, and quotes around what remains.
    """
    t = " ".join(text.split())
    if not t:
        return None
    header_words = {w.lower()[:5] for w in _WORD_RE.findall(col.header)}
    words = t.split()
    i = 0
    while i < len(words) - 1 and _WORD_RE.fullmatch(words[i]) and words[i].lower()[:5] in header_words:
        i += 1
    rest = " ".join(words[i:])
    m = QUOTED_RE.match(rest)
    if m and i > 0 and rest.count("«") <= 1 and rest.count('"') <= 2:
        return m.group(1).strip()
    return t if i == 0 else rest


def period_text(b: BodyRow, header: Header) -> str | None:
    """The period as printed; «Срок реализации» split into «начало» and «окончание» columns under
    one spanning header reads «2023-2025»."""
    cols = header.by_role("period")
    if not cols:
        return None
    first = " ".join(b.text(cols[0].index).split())
    pair = [c for c in cols[1:] if c.parts[:1] == cols[0].parts[:1] and len(c.parts) > 1]
    if pair and PERIOD_PART_RE.fullmatch(first):
        last = " ".join(b.text(pair[-1].index).split())
        if PERIOD_PART_RE.fullmatch(last) and last != first:
            return f"{first}-{last}"
    return first or None


def rows_to_projects(header: Header, body: list[BodyRow], nlp: Nlp) -> list[Project]:
    object_col = header.first("object")
    status_col = header.first("status")
    out: list[Project] = []
    for b, name in named_rows(header, body):
        status = b.text(status_col.index) if status_col else ""
        out.append(Project(
            name=name,
            object=clean_object(b.text(object_col.index), object_col) if object_col else None,
            period=period_text(b, header),
            status=status.lower() or None,
            section=b.section,
            funding=row_funding(b, header, nlp),
            responsible=responsible_names(b, header, nlp, by_lines=False),
            span=b.span(),
        ))
    return out
