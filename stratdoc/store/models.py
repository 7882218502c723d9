"""SQLAlchemy 2 models: documents with their blocks, tables and cells; runs and errors;
and one table per kind of extracted record, each row with its provenance.

Provenance columns (`page`, `start`, `end`, `table_idx`, `row_idx`, `col_idx`) point into
`documents.text`. Deleting a document deletes everything extracted from it (cascade).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    cast,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeEngine

SCALE = Decimal("0.000001")


def exact(value: Decimal | float | int | str) -> Decimal:
    """A money value as stored: rounded to 6 decimals like PostgreSQL's numeric(28, 6), trailing
    zeros dropped and never in exponent form, so `2507.3` reads back as `2507.3`."""
    d = value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)
    d = d.quantize(SCALE, rounding=ROUND_HALF_UP).normalize()
    return Decimal(0) if d == 0 else Decimal(format(d, "f"))


class ExactAmount(TypeDecorator[Decimal]):
    """numeric(28, 6) in PostgreSQL; in SQLite the decimal's digits as text.

    SQLite has no decimal type: a NUMERIC column turns '2507.3' into a binary float, and a
    sum of many of them drifts. A text column keeps the digits; the v_* views cast it back to a
    number for comparing and sorting."""

    impl = Numeric(28, 6, asdecimal=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(28, 6, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        d = exact(value)
        return str(d) if dialect.name == "sqlite" else d

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else exact(value)


AMOUNT = ExactAmount()


def amount_number(column: Any) -> Any:
    """An amount column as a number in SQL, for comparing and summing: SQLite holds its digits
    as text, and text compares as text (the v_* views cast the same way)."""
    return cast(column, Numeric(28, 6))


class Base(DeclarativeBase):
    pass


def doc_fk() -> Mapped[str]:
    return mapped_column(String(64), ForeignKey("documents.id", ondelete="CASCADE"), index=True)


def parent_fk(table: str) -> Any:
    """The parent row a child row belongs to; deleting the parent deletes the child."""
    return mapped_column(ForeignKey(f"{table}.id", ondelete="CASCADE"), index=True)


def owned(order_by: str) -> Any:
    """Rows that live and die with their parent (deleted by the database's cascade), in order."""
    return relationship(cascade="all, delete-orphan", passive_deletes=True, order_by=order_by)


class SpanColumns:
    """Where a record came from: page and character span, and the table cell if any."""

    page: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    table_idx: Mapped[int | None] = mapped_column(Integer)
    row_idx: Mapped[int | None] = mapped_column(Integer)
    col_idx: Mapped[int | None] = mapped_column(Integer)


class RecordColumns(SpanColumns):
    """Every extracted record: its own id, its document, and its place among that document's
    records of the kind (the export keeps that order)."""

    id: Mapped[int] = mapped_column(primary_key=True, sort_order=-3)
    document_id: Mapped[str] = mapped_column(String(64), ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True, sort_order=-2)
    idx: Mapped[int] = mapped_column(Integer, sort_order=-1)


class Run(Base):
    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    pipeline_version: Mapped[str] = mapped_column(String(32))
    n_files: Mapped[int] = mapped_column(Integer, default=0)
    n_ingested: Mapped[int] = mapped_column(Integer, default=0)
    n_skipped: Mapped[int] = mapped_column(Integer, default=0)
    n_failed: Mapped[int] = mapped_column(Integer, default=0)


class IngestError(Base):
    __tablename__ = "errors"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int | None] = parent_fk("runs")
    source: Mapped[str] = mapped_column(String(1024))
    path: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(32))  # read | extract | store
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the bytes
    source: Mapped[str] = mapped_column(String(1024), index=True)
    format: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    pipeline_version: Mapped[str] = mapped_column(String(32))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"))
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    n_bytes: Mapped[int] = mapped_column(Integer)
    n_pages: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    hints: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # the contract's `document` metadata
    kind: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(Text)
    municipality: Mapped[str | None] = mapped_column(String(256))
    region: Mapped[str | None] = mapped_column(String(256))
    act_number: Mapped[str | None] = mapped_column(String(64))
    adopted_on: Mapped[date | None] = mapped_column(Date)
    amended_on: Mapped[date | None] = mapped_column(Date)
    published_on: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(Text)
    horizon_year: Mapped[int | None] = mapped_column(Integer)

    pages: Mapped[list[PageRow]] = owned("PageRow.number")
    blocks: Mapped[list[BlockRow]] = owned("BlockRow.idx")
    tables: Mapped[list[TableRow]] = owned("TableRow.idx")


class PageRow(Base):
    __tablename__ = "pages"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = doc_fk()
    number: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class BlockRow(Base):
    __tablename__ = "blocks"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = doc_fk()
    idx: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    page: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    level: Mapped[int | None] = mapped_column(Integer)
    list_item: Mapped[bool] = mapped_column(Boolean, default=False)
    table_idx: Mapped[int | None] = mapped_column(Integer)


class TableRow(Base):
    __tablename__ = "doc_tables"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = doc_fk()
    idx: Mapped[int] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(String(256))
    n_rows: Mapped[int] = mapped_column(Integer)
    n_cols: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    page_end: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    cells: Mapped[list[CellRow]] = owned("(CellRow.row, CellRow.col)")


class CellRow(Base):
    __tablename__ = "cells"
    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = parent_fk("doc_tables")
    row: Mapped[int] = mapped_column(Integer)
    col: Mapped[int] = mapped_column(Integer)
    row_span: Mapped[int] = mapped_column(Integer, default=1)
    col_span: Mapped[int] = mapped_column(Integer, default=1)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)


# --- extracted records -------------------------------------------------------------------

class DirectionRow(RecordColumns, Base):
    __tablename__ = "directions"
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    items: Mapped[list[str]] = mapped_column(JSON, default=list)


class GoalRow(RecordColumns, Base):
    __tablename__ = "goals"
    number: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    tasks: Mapped[list[TaskRow]] = owned("TaskRow.idx")


class TaskRow(Base):
    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = parent_fk("goals")
    idx: Mapped[int] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)


class MeasureRow(RecordColumns, Base):
    __tablename__ = "measures"
    number: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    goal: Mapped[str | None] = mapped_column(String(32))
    expected_result: Mapped[str | None] = mapped_column(Text)
    funding: Mapped[list[FundingRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="FundingRow.idx",
        primaryjoin="MeasureRow.id == FundingRow.measure_id")


class ProjectRow(RecordColumns, Base):
    __tablename__ = "projects"
    name: Mapped[str] = mapped_column(Text)
    object: Mapped[str | None] = mapped_column(Text)
    period: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str | None] = mapped_column(String(128))
    section: Mapped[str | None] = mapped_column(Text)
    funding: Mapped[list[FundingRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="FundingRow.idx",
        primaryjoin="ProjectRow.id == FundingRow.project_id")


class FundingRow(SpanColumns, Base):
    """A funding line of a measure, of a project, or of the document as a whole (both null)."""

    __tablename__ = "funding_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = doc_fk()
    measure_id: Mapped[int | None] = parent_fk("measures")
    project_id: Mapped[int | None] = parent_fk("projects")
    idx: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))
    year: Mapped[int | None] = mapped_column(Integer)
    year_from: Mapped[int | None] = mapped_column(Integer)
    year_to: Mapped[int | None] = mapped_column(Integer)
    scenario: Mapped[str | None] = mapped_column(String(64))
    amount: Mapped[Decimal | None] = mapped_column(AMOUNT)
    unit: Mapped[str | None] = mapped_column(String(16))
    amount_rub: Mapped[Decimal | None] = mapped_column(AMOUNT)
    raw: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str | None] = mapped_column(Text)  # how an ambiguous number was read


class IndicatorRow(RecordColumns, Base):
    __tablename__ = "indicators"
    number: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(64))
    goal: Mapped[str | None] = mapped_column(String(32))
    values: Mapped[list[IndicatorValueRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="IndicatorValueRow.idx")


class IndicatorValueRow(Base):
    __tablename__ = "indicator_values"
    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = parent_fk("indicators")
    idx: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Numeric(28, 6, asdecimal=False))
    value_text: Mapped[str | None] = mapped_column(String(256))  # when the cell is not a number
    kind: Mapped[str | None] = mapped_column(String(16))
    scenario: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)


class Organization(Base):
    """Shared across documents: one row per canonical key."""

    __tablename__ = "organizations"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(512), unique=True)
    name: Mapped[str] = mapped_column(Text)


class DocumentOrganization(SpanColumns, Base):
    __tablename__ = "document_organizations"
    __table_args__ = (UniqueConstraint("document_id", "organization_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = doc_fk()
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)  # as written in this document
    mentions: Mapped[int] = mapped_column(Integer, default=1)


class Responsible(Base):
    """Many-to-many: a measure, project or indicator and the units that carry it out."""

    __tablename__ = "responsible"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = doc_fk()
    record_type: Mapped[str] = mapped_column(String(16))  # measure | project | indicator
    record_id: Mapped[int] = mapped_column(Integer, index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)  # as printed


class PersonRow(RecordColumns, Base):
    __tablename__ = "persons"
    name: Mapped[str] = mapped_column(String(256))
    position: Mapped[str | None] = mapped_column(Text)
    organization: Mapped[str | None] = mapped_column(Text)


class EventRow(RecordColumns, Base):
    __tablename__ = "events"
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    date_from: Mapped[date | None] = mapped_column(Date)
    date_to: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(256))


RECORD_TABLES: dict[str, type[Base]] = {
    "directions": DirectionRow, "goals": GoalRow, "measures": MeasureRow, "projects": ProjectRow,
    "funding_lines": FundingRow, "indicators": IndicatorRow, "indicator_values": IndicatorValueRow,
    "organizations": Organization, "responsible": Responsible, "persons": PersonRow, "events": EventRow,
}
