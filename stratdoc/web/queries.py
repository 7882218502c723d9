"""The read side of the HTTP app: a read-only engine and the filtered queries both the JSON API
and the browse pages run.

Every filter is a bound parameter of a SQLAlchemy expression; nothing a client sends is ever
spliced into SQL text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, and_, create_engine, event, exists, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from stratdoc.store import models as db
from stratdoc.store.session import resolve_url

DOCUMENT_KINDS = ("strategy", "decree", "action_plan", "presentation", "news", "other")
FUNDING_SOURCES = ("federal", "regional", "municipal", "extrabudgetary", "total", "unspecified")


class FilterError(ValueError):
    """A filter that does not apply to the kind of record asked for."""


def _lower(value: str | None) -> str | None:
    return None if value is None else value.lower()


def _read_only_sqlite(dbapi_conn, _record) -> None:  # noqa: ANN001 (DB-API objects)
    # SQLite's own lower() folds ASCII only; searches over Russian names need Unicode folding.
    dbapi_conn.create_function("lower", 1, _lower, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def _read_only_postgres(dbapi_conn, _record) -> None:  # noqa: ANN001
    cur = dbapi_conn.cursor()
    cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    cur.close()
    dbapi_conn.commit()


def open_read_engine(db_url: str | None) -> Engine:
    """An engine whose connections refuse writes where the database can be told so (SQLite's
    `query_only`, PostgreSQL's read-only transactions): the pages and the API only read."""
    engine = create_engine(resolve_url(db_url), future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _read_only_sqlite)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _read_only_postgres)
    return engine


def contains(column: Any, text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match, the client's text escaped for LIKE."""
    return func.lower(column).contains(text.lower(), autoescape=True)


def plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def columns_of(row: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {c.key: plain(getattr(row, c.key)) for c in row.__table__.columns if c.key not in skip}


SPAN_KEYS = ("page", "start", "end", "table_idx", "row_idx", "col_idx")


def span_of(row: Any) -> dict[str, Any]:
    span = {"page": row.page, "start": row.start, "end": row.end}
    for col, key in (("table_idx", "table"), ("row_idx", "row"), ("col_idx", "col")):
        if getattr(row, col, None) is not None:
            span[key] = getattr(row, col)
    return span


# --- documents -----------------------------------------------------------------------------

DOCUMENT_FIELDS = ("id", "source", "format", "status", "kind", "title", "municipality", "region",
                   "act_number", "adopted_on", "amended_on", "published_on", "issuer", "horizon_year",
                   "n_pages", "n_bytes", "ingested_at", "pipeline_version")


@dataclass(frozen=True)
class DocumentFilter:
    municipality: str | None = None
    region: str | None = None
    kind: str | None = None
    year: int | None = None  # the year it was adopted or published
    q: str | None = None  # words of the title


def _year_range(column: Any, year: int) -> ColumnElement[bool]:
    return and_(column >= date(year, 1, 1), column < date(year + 1, 1, 1))


def document_conditions(f: DocumentFilter) -> list[ColumnElement[bool]]:
    d = db.DocumentRow
    cond: list[ColumnElement[bool]] = []
    if f.municipality:
        cond.append(func.lower(d.municipality) == f.municipality.lower())
    if f.region:
        cond.append(func.lower(d.region) == f.region.lower())
    if f.kind:
        cond.append(d.kind == f.kind)
    if f.year is not None:
        cond.append(or_(_year_range(d.adopted_on, f.year), _year_range(d.published_on, f.year)))
    if f.q:
        cond.append(contains(d.title, f.q))
    return cond


def document_summary(row: db.DocumentRow) -> dict[str, Any]:
    return {k: plain(getattr(row, k)) for k in DOCUMENT_FIELDS}


def list_documents(session: Session, f: DocumentFilter, limit: int, offset: int) -> tuple[int, list[dict]]:
    d = db.DocumentRow
    cond = document_conditions(f)
    total = session.scalar(select(func.count()).select_from(d).where(*cond)) or 0
    rows = session.scalars(select(d).where(*cond).order_by(d.source, d.id).limit(limit).offset(offset))
    return total, [document_summary(r) for r in rows]


def get_document(session: Session, doc_id: str) -> db.DocumentRow | None:
    return session.get(db.DocumentRow, doc_id)


def document_detail(session: Session, row: db.DocumentRow) -> dict[str, Any]:
    out = document_summary(row)
    out["warnings"] = list(row.warnings or [])
    out["pages"] = [{"number": p.number, "start": p.start, "end": p.end} for p in row.pages]
    out["records"] = {k.name: session.scalar(select(func.count()).select_from(k.model)
                                             .where(k.model.document_id == row.id)) or 0
                      for k in KINDS.values()}
    return out


# --- records -------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordFilter:
    document: str | None = None
    source: str | None = None  # funding source
    year: int | None = None
    amount_min: float | None = None  # rubles
    amount_max: float | None = None
    q: str | None = None  # words of the name


@dataclass(frozen=True)
class Kind:
    """One kind of record as the app shows it: its table, the column that names a record, and
    which filters mean something for it."""

    name: str
    label: str  # Russian, for the pages
    model: Any
    title: str
    funded: bool = False  # has funding lines of its own (filters by source/year/amount apply)
    year: Callable[[int], ColumnElement[bool]] | None = None
    extra: Callable[[Session, list[Any]], dict[int, dict[str, Any]]] | None = None

    @property
    def title_column(self) -> InstrumentedAttribute:
        return getattr(self.model, self.title)


def _funding_line_matches(f: RecordFilter) -> list[ColumnElement[bool]]:
    fl = db.FundingRow
    cond: list[ColumnElement[bool]] = []
    if f.source:
        cond.append(fl.source == f.source)
    if f.year is not None:
        cond.append(or_(fl.year == f.year, and_(fl.year_from <= f.year, fl.year_to >= f.year)))
    if f.amount_min is not None:
        cond.append(db.amount_number(fl.amount_rub) >= f.amount_min)
    if f.amount_max is not None:
        cond.append(db.amount_number(fl.amount_rub) <= f.amount_max)
    return cond


def _funding_of(rows: list[Any]) -> dict[int, dict[str, Any]]:
    return {r.id: {"funding": [dict(columns_of(f, ("document_id", "measure_id", "project_id", *SPAN_KEYS)),
                                    span=span_of(f)) for f in r.funding]} for r in rows}


def _with_responsible(record_type: str) -> Callable[[Session, list[Any]], dict[int, dict[str, Any]]]:
    def extra(session: Session, rows: list[Any]) -> dict[int, dict[str, Any]]:
        out: dict[int, dict[str, Any]] = {r.id: {"responsible": []} for r in rows}
        if record_type in ("measure", "project"):
            for rid, funding in _funding_of(rows).items():
                out[rid].update(funding)
        if record_type == "indicator":
            for r in rows:
                out[r.id]["values"] = [columns_of(v, ("id", "indicator_id")) for v in r.values]
        if rows:
            resp = db.Responsible
            for r in session.scalars(select(resp).where(resp.record_type == record_type,
                                                        resp.record_id.in_([r.id for r in rows]))
                                     .order_by(resp.record_id, resp.idx)):
                out[r.record_id]["responsible"].append(r.name)
        return out
    return extra


def _goal_tasks(_session: Session, rows: list[Any]) -> dict[int, dict[str, Any]]:
    return {r.id: {"tasks": [{"number": t.number, "text": t.text} for t in r.tasks]} for r in rows}


def _event_year(year: int) -> ColumnElement[bool]:
    return _year_range(db.EventRow.date_from, year)


def _indicator_year(year: int) -> ColumnElement[bool]:
    v = db.IndicatorValueRow
    return exists().where(v.indicator_id == db.IndicatorRow.id, v.year == year)


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("measures", "Мероприятия", db.MeasureRow, "name", funded=True, extra=_with_responsible("measure")),
    Kind("projects", "Проекты", db.ProjectRow, "name", funded=True, extra=_with_responsible("project")),
    Kind("funding", "Строки финансирования", db.FundingRow, "raw"),
    Kind("indicators", "Показатели", db.IndicatorRow, "name", year=_indicator_year,
         extra=_with_responsible("indicator")),
    Kind("goals", "Цели", db.GoalRow, "text", extra=_goal_tasks),
    Kind("directions", "Направления", db.DirectionRow, "name"),
    Kind("organizations", "Организации", db.DocumentOrganization, "name"),
    Kind("persons", "Персоны", db.PersonRow, "name"),
    Kind("events", "События", db.EventRow, "name", year=_event_year),
)}


def record_conditions(kind: Kind, f: RecordFilter) -> list[ColumnElement[bool]]:
    m = kind.model
    cond: list[ColumnElement[bool]] = []
    if f.document:
        cond.append(m.document_id == f.document)
    if f.q:
        cond.append(contains(kind.title_column, f.q))
    funding = _funding_line_matches(f)
    if kind.name == "funding":
        return cond + funding
    if kind.funded:
        if funding:
            fl = db.FundingRow
            owner = fl.measure_id if m is db.MeasureRow else fl.project_id
            cond.append(exists().where(owner == m.id, *funding))
        return cond
    if f.source or f.amount_min is not None or f.amount_max is not None:
        raise FilterError(f"{kind.name} have no funding lines: source, amount_min and amount_max "
                          "apply to measures, projects and funding only")
    if f.year is not None:
        if kind.year is None:
            raise FilterError(f"{kind.name} have no year: year applies to measures, projects, funding, "
                              "indicators and events")
        cond.append(kind.year(f.year))
    return cond


def _select(kind: Kind) -> Select:
    m = kind.model
    text = func.substr(db.DocumentRow.text, m.start + 1, m.end - m.start).label("source_text")
    stmt = select(m, text, db.DocumentRow.source.label("document_source")).join(
        db.DocumentRow, db.DocumentRow.id == m.document_id)
    loads = {"funding": ("measures", "projects"), "values": ("indicators",), "tasks": ("goals",)}
    for rel, kinds in loads.items():
        if kind.name in kinds:
            stmt = stmt.options(selectinload(getattr(m, rel)))
    return stmt


def record_dicts(session: Session, kind: Kind, rows: list[tuple[Any, str, str]]) -> list[dict[str, Any]]:
    extra = kind.extra(session, [r[0] for r in rows]) if kind.extra else {}
    out = []
    for row, text, source in rows:
        item = columns_of(row, SPAN_KEYS)
        item["kind"] = kind.name
        item["title"] = getattr(row, kind.title)
        item["document_source"] = source
        item["span"] = span_of(row)
        item["source_text"] = text or ""
        item.update(extra.get(row.id, {}))
        out.append(item)
    return out


def list_records(session: Session, kind: Kind, f: RecordFilter, limit: int,
                 offset: int) -> tuple[int, list[dict[str, Any]]]:
    m = kind.model
    cond = record_conditions(kind, f)
    total = session.scalar(select(func.count()).select_from(m).where(*cond)) or 0
    rows = session.execute(_select(kind).where(*cond).order_by(db.DocumentRow.source, m.document_id, m.idx)
                           .limit(limit).offset(offset)).all()
    return total, record_dicts(session, kind, [tuple(r) for r in rows])


def get_record(session: Session, kind: Kind, record_id: int) -> dict[str, Any] | None:
    row = session.execute(_select(kind).where(kind.model.id == record_id)).first()
    return record_dicts(session, kind, [tuple(row)])[0] if row else None


def search_names(session: Session, q: str, document: str | None, limit: int) -> list[dict[str, Any]]:
    """Records of every kind whose name contains `q`, up to `limit` per kind."""
    out: list[dict[str, Any]] = []
    for kind in KINDS.values():
        if kind.name == "funding":
            continue
        _total, items = list_records(session, kind, RecordFilter(document=document, q=q), limit, 0)
        out.extend(items)
    return out


# --- funding sums --------------------------------------------------------------------------

def funding_sums(session: Session, document: str | None = None, source: str | None = None,
                 year: int | None = None) -> list[dict[str, Any]]:
    """Sums of funding lines in rubles by source and year (a line over a period, with no single
    year, counts under year null)."""
    fl = db.FundingRow
    cond = _funding_line_matches(RecordFilter(source=source, year=year))
    if document:
        cond.append(fl.document_id == document)
    # summed here, not by SQL: the amounts come back as exact decimals from either database
    sums: dict[tuple[Any, Any], list[Any]] = {}
    for s, y, a in session.execute(select(fl.source, fl.year, fl.amount_rub).where(*cond)):
        acc = sums.setdefault((s, y), [None, 0])
        if a is not None:
            acc[0] = a if acc[0] is None else acc[0] + a
        acc[1] += 1
    order = sorted(sums, key=lambda k: (k[0] is not None, k[0] or "", k[1] is not None, k[1] or 0))
    return [{"source": s, "year": y, "amount_rub": plain(sums[(s, y)][0]), "lines": sums[(s, y)][1]}
            for s, y in order]
