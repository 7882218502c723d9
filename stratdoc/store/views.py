"""Read-only SQL views for people: each record kind flattened with its document.

The tables are normalised for the pipeline (ids, foreign keys, provenance columns); a person
asking "which measures of which cities are funded from the regional budget in 2024" wants one
row per answer with the city, the amount and the words it was read from. Each view joins a
record table with `documents` and adds `quote`, the slice of the document's text that the
record's span points at, so any row can be checked against its source without opening the file.

The views are written with SQLAlchemy Core and compiled for the engine's dialect, so the same
definitions serve SQLite and PostgreSQL (`substr`, `extract(year …)` and `coalesce` differ in
spelling, not in meaning). They are derived from the code, not migrated: `migrate` drops them
before a schema change and (re)creates them whenever they differ from the current definitions.
On SQLite the stored definition is compared; PostgreSQL rewrites a view's text, so there each
view carries the hash of its definition as its comment.

Amounts are stored exactly (SQLite keeps their digits as text, see `models.ExactAmount`); the
views cast them to numbers, so `amount_rub > 1000000` and `ORDER BY amount` compare values.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    Numeric,
    String,
    case,
    cast,
    exc,
    extract,
    func,
    literal,
    select,
    text,
)
from sqlalchemy.sql import Select

from stratdoc.store import models as db

D = db.DocumentRow.__table__


def _document_columns() -> list[Any]:
    """The document facts every view repeats, so a filter by city or year needs no join."""
    year = func.coalesce(extract("year", D.c.adopted_on), extract("year", D.c.published_on))
    return [D.c.source.label("document_source"), D.c.municipality, D.c.region, D.c.kind.label("doc_kind"),
            cast(year, Integer).label("doc_year"), D.c.horizon_year]


def _provenance(t: Any) -> list[Any]:
    """Where the row was read: page, character span, table cell, and the text itself.

    SQL `substr` counts from 1, the spans from 0; both count characters, as Python does."""
    cols = [t.c.page, t.c.start.label("span_start"), t.c.end.label("span_end")]
    for name in ("table_idx", "row_idx", "col_idx"):
        if name in t.c:
            cols.append(t.c[name])
    cols.append(func.substr(D.c.text, t.c.start + 1, t.c.end - t.c.start).label("quote"))
    return cols


def _record_view(model: type[db.Base], *fields: str) -> Select[Any]:
    t = model.__table__
    return (select(t.c.id.label("record_id"), t.c.document_id, *_document_columns(), t.c.idx,
                   *(t.c[f] for f in fields), *_provenance(t))
            .select_from(t.join(D, D.c.id == t.c.document_id)))


def _funding_view() -> Select[Any]:
    f = db.FundingRow.__table__
    m = db.MeasureRow.__table__
    p = db.ProjectRow.__table__
    parent_kind = case((f.c.measure_id.is_not(None), literal("measure")),
                       (f.c.project_id.is_not(None), literal("project")),
                       else_=literal("document"))
    return (select(f.c.id.label("record_id"), f.c.document_id, *_document_columns(),
                   cast(parent_kind, String(16)).label("parent_kind"),
                   func.coalesce(f.c.measure_id, f.c.project_id).label("parent_id"),
                   m.c.number.label("measure_number"),
                   func.coalesce(m.c.name, p.c.name).label("parent_name"),
                   f.c.idx, f.c.source, f.c.year, f.c.year_from, f.c.year_to, f.c.scenario,
                   cast(f.c.amount, Numeric).label("amount"), f.c.unit,
                   cast(f.c.amount_rub, Numeric).label("amount_rub"), f.c.raw, f.c.note, *_provenance(f))
            .select_from(f.join(D, D.c.id == f.c.document_id)
                         .outerjoin(m, m.c.id == f.c.measure_id)
                         .outerjoin(p, p.c.id == f.c.project_id)))


def _child_view(child: type[db.Base], parent: type[db.Base], fk: str, parent_label: str,
                parent_fields: tuple[str, ...], fields: tuple[str, ...]) -> Select[Any]:
    """Rows kept inside a record (a goal's tasks, an indicator's values) with their parent."""
    c = child.__table__
    t = parent.__table__
    return (select(c.c.id.label("record_id"), t.c.document_id, *_document_columns(),
                   t.c.id.label(f"{parent_label}_id"),
                   *(t.c[f].label(f"{parent_label}_{f}") for f in parent_fields),
                   c.c.idx, *(c.c[f] for f in fields), *_provenance(t))
            .select_from(c.join(t, t.c.id == c.c[fk]).join(D, D.c.id == t.c.document_id)))


def _organizations_view() -> Select[Any]:
    o = db.DocumentOrganization.__table__
    return (select(o.c.id.label("record_id"), o.c.document_id, *_document_columns(), o.c.idx,
                   o.c.organization_id, o.c.name, o.c.mentions, *_provenance(o))
            .select_from(o.join(D, D.c.id == o.c.document_id)))


def _responsible_view() -> Select[Any]:
    r = db.Responsible.__table__
    return (select(r.c.id.label("record_id"), r.c.document_id, *_document_columns(),
                   r.c.record_type, r.c.record_id.label("parent_id"), r.c.idx, r.c.organization_id,
                   r.c.name)
            .select_from(r.join(D, D.c.id == r.c.document_id)))


def _documents_view() -> Select[Any]:
    return select(D.c.id.label("document_id"), *_document_columns(), D.c.format, D.c.status,
                  D.c.title, D.c.act_number, D.c.adopted_on, D.c.amended_on, D.c.published_on,
                  D.c.issuer, D.c.n_pages, D.c.pipeline_version, D.c.run_id, D.c.ingested_at)


def view_definitions() -> dict[str, Select[Any]]:
    """Name → query of every view, in the order they are documented."""
    return {
        "v_documents": _documents_view(),
        "v_directions": _record_view(db.DirectionRow, "kind", "name"),
        "v_goals": _record_view(db.GoalRow, "number", "text"),
        "v_tasks": _child_view(db.TaskRow, db.GoalRow, "goal_id", "goal", ("number",), ("number", "text")),
        "v_measures": _record_view(db.MeasureRow, "number", "name", "goal", "expected_result"),
        "v_projects": _record_view(db.ProjectRow, "name", "object", "period", "status", "section"),
        "v_funding": _funding_view(),
        "v_indicators": _record_view(db.IndicatorRow, "number", "name", "unit", "goal"),
        "v_indicator_values": _child_view(db.IndicatorValueRow, db.IndicatorRow, "indicator_id",
                                          "indicator", ("number", "name", "unit"),
                                          ("year", "value", "value_text", "kind", "scenario")),
        "v_responsible": _responsible_view(),
        "v_organizations": _organizations_view(),
        "v_persons": _record_view(db.PersonRow, "name", "position", "organization"),
        "v_events": _record_view(db.EventRow, "name", "kind", "date_from", "date_to", "place"),
    }


VIEW_NAMES = tuple(view_definitions())


def _compiled(dialect: Any, query: Select[Any]) -> str:
    return str(query.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def _definitions(conn: Connection) -> dict[str, str]:
    return {name: _compiled(conn.dialect, q) for name, q in view_definitions().items()}


def _tag(body: str) -> str:
    return "stratdoc " + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def _stored(conn: Connection) -> dict[str, str | None]:
    """Name → what tells the stored view's definition: its SQL (SQLite) or its comment."""
    if conn.dialect.name == "sqlite":
        return dict(conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'view'")).all())
    return dict(conn.execute(text(
        "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c "
        "WHERE c.relkind = 'v' AND c.relnamespace = current_schema()::regnamespace")).all())


def _wanted(conn: Connection, name: str, body: str) -> str:
    return f"CREATE VIEW {name} AS {body}" if conn.dialect.name == "sqlite" else _tag(body)


def views_current(conn: Connection) -> bool:
    """Whether every view exists with the current definition (reads only)."""
    stored = _stored(conn)
    return all(stored.get(name) == _wanted(conn, name, body) for name, body in _definitions(conn).items())


def drop_views(conn: Connection) -> None:
    """Drop the views, so a migration may rebuild or retype the tables they read."""
    for name in reversed(VIEW_NAMES):
        conn.execute(text(f"DROP VIEW IF EXISTS {name}"))


def create_views(bind: Engine | Connection) -> None:
    """Create the views, or bring them up to date; a no-op (and no write) when they already are."""
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            create_views(conn)
        return
    conn = bind
    stored = _stored(conn)
    for name, body in _definitions(conn).items():
        wanted = _wanted(conn, name, body)
        if stored.get(name) == wanted:
            continue
        if conn.dialect.name == "sqlite":
            conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
            conn.execute(text(f"CREATE VIEW {name} AS {body}"))
            continue
        try:
            with conn.begin_nested():
                conn.execute(text(f"CREATE OR REPLACE VIEW {name} AS {body}"))
        except exc.DBAPIError:  # its columns changed: replacing is not allowed, recreate
            conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
            conn.execute(text(f"CREATE VIEW {name} AS {body}"))
        conn.execute(text(f"COMMENT ON VIEW {name} IS '{wanted}'"))
