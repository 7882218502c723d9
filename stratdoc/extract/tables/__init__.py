"""Tables of a document → measures, indicators, projects, strategy-level funding, goals and the
organizations responsible, whatever format the tables came from.

Each table (pieces continued over pages joined) is read as: header → column model; body →
rows with their goal and section; the table's role from its header vocabulary; then the
rows of that role become records.
"""

from __future__ import annotations

from functools import partial

from stratdoc.extract.lexicon.org_names import org_key
from stratdoc.extract.nlp import Nlp, shared
from stratdoc.extract.tables.cells import responsible_mentions
from stratdoc.extract.tables.funding import (
    row_label,
    rows_to_funding,
    settle_period_rows,
    settle_source_columns,
)
from stratdoc.extract.tables.grid import TableView, document_to_views
from stratdoc.extract.tables.header import Header, looks_like_header, read_header
from stratdoc.extract.tables.header_cells import SCENARIO_MARKERS, scenario_words
from stratdoc.extract.tables.indicator_units import caption_unit
from stratdoc.extract.tables.indicators import is_statistics_table, merge_indicators, rows_to_indicators
from stratdoc.extract.tables.measures import programme_funding, rows_to_measures
from stratdoc.extract.tables.projects import rows_to_projects
from stratdoc.extract.tables.responsible import is_generic_unit
from stratdoc.extract.tables.roles import TableRole, classify_table, lemmas_of
from stratdoc.extract.tables.rows import BodyRow, GoalRow, walk_body
from stratdoc.schema import Document
from stratdoc.schema.records import Extraction, Goal, Organization, Span, Task


def table_role(view: TableView, header: Header, body: list[BodyRow], nlp: Nlp) -> TableRole:
    name = header.first("name")
    labels = [row_label(b, header) for b in body]
    has_periods = any(c.has_period for c in header.columns)
    caption = f"{view.caption}\n{header.title}"
    role = classify_table(header.text, name.header if name else "", caption, labels, has_periods, nlp=nlp)
    if role == TableRole.OTHER and is_statistics_table(header, body, caption_unit(caption)):
        return TableRole.INDICATORS
    return role


def caption_scenario(view: TableView, header: Header, nlp: Nlp) -> str | None:
    """«… (консервативный вариант)» in a table's title: its values belong to that scenario. A title
    naming several («для консервативного и базового сценариев») introduces a table that has them
    all, in its columns or rows."""
    if header.scenarios:
        return None
    text = f"{view.caption}\n{header.title}"
    found = scenario_words(text, nlp)
    if len(found) == 1 and lemmas_of(text, nlp) & SCENARIO_MARKERS:
        return found[0]
    return None


def goals_from_rows(goal_rows: list[GoalRow]) -> list[Goal]:
    """Goal section rows, one record per goal number (a plan repeats them table after table);
    goals without a number are told apart by their text."""
    out: dict[str, Goal] = {}
    for g in goal_rows:
        key = f"№{g.number}" if g.number else " ".join(g.text.lower().split())
        goal = out.get(key)
        if goal is None:
            goal = out[key] = Goal(number=g.number, text=g.text, span=g.span)
        for number, text in g.tasks:
            if all(t.number != number for t in goal.tasks):
                goal.tasks.append(Task(number=number, text=text))
    return list(out.values())


def organizations_from(mentions: list[tuple[str, Span]]) -> list[Organization]:
    """Responsible units, deduplicated, capitalised as a name is written on its own («управление
    образования …» inside a list → «Управление образования …»); a bare «учреждения» names no one."""
    out: dict[str, Organization] = {}
    for name, span in mentions:
        if is_generic_unit(name):
            continue
        key = org_key(name)
        if key in out:
            out[key].mentions += 1
        else:
            out[key] = Organization(name=name[:1].upper() + name[1:], mentions=1, span=span)
    return list(out.values())


def extract_tables(doc: Document, nlp: Nlp | None = None) -> Extraction:
    nlp = nlp or shared()
    ex = Extraction()
    goal_rows: list[GoalRow] = []
    mentions: list[tuple[str, Span]] = []
    for view in document_to_views(doc, partial(looks_like_header, nlp=nlp)):
        header = read_header(view, nlp)
        body, goals = walk_body(view, header, nlp)
        settle_source_columns(header, body, nlp)
        settle_period_rows(header, body)
        role = table_role(view, header, body, nlp)
        if role == TableRole.OTHER:
            continue
        goal_rows.extend(goals)
        if role == TableRole.MEASURES:
            ex.measures.extend(rows_to_measures(header, body, nlp))
            ex.funding.extend(programme_funding(header, body, nlp))
        elif role == TableRole.INDICATORS:
            scenario = caption_scenario(view, header, nlp)
            unit = caption_unit(f"{view.caption}\n{header.title}")
            ex.indicators.extend(rows_to_indicators(header, body, nlp, table_scenario=scenario,
                                                    table_unit=unit))
        elif role == TableRole.PROJECTS:
            ex.projects.extend(rows_to_projects(header, body, nlp))
        elif role == TableRole.FUNDING:
            ex.funding.extend(rows_to_funding(header, body, nlp))
        for b in body:
            if b.kind == "data":
                mentions.extend(responsible_mentions(b, header, nlp, by_lines=role != TableRole.PROJECTS))
    ex.indicators = merge_indicators(ex.indicators)
    ex.goals = goals_from_rows(goal_rows)
    ex.organizations = organizations_from(mentions)
    return ex
