"""Records extracted from a document, shaped as in the export contract (shared contract.md).

Plain data: no NLP objects, no database handles. Every record carries a `Span` into the
document's stored text; a record without provenance is not a record.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field, field_serializer


class Span(BaseModel):
    page: int | None = None
    start: int
    end: int
    # Provenance inside a table, when the record comes from one: Document.tables index,
    # row and column of the first cell.
    table: int | None = None
    row: int | None = None
    col: int | None = None


class DocumentMeta(BaseModel):
    """The contract's `document` object minus id/source/format, which come from Document."""

    kind: Literal["strategy", "decree", "action_plan", "presentation", "news", "other"] = "other"
    title: str | None = None
    municipality: str | None = None
    region: str | None = None
    act_number: str | None = None
    adopted_on: date | None = None
    amended_on: date | None = None
    published_on: date | None = None
    issuer: str | None = None
    horizon_year: int | None = None


Source = Literal["federal", "regional", "municipal", "extrabudgetary", "total", "unspecified"]


class FundingLine(BaseModel):
    source: Source
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    scenario: str | None = None
    amount: Decimal | None = None
    unit: str | None = None
    amount_rub: Decimal | None = None
    raw: str = ""
    note: str | None = None  # how an ambiguous number was read, when it was
    span: Span | None = None

    @field_serializer("amount", "amount_rub")
    def _num(self, v: Decimal | None) -> float | None:
        return None if v is None else float(v)


class Task(BaseModel):
    number: str | None = None
    text: str


class Direction(BaseModel):
    name: str
    kind: Literal["cluster", "direction"] = "direction"
    items: list[str] = Field(default_factory=list)
    span: Span


class Goal(BaseModel):
    number: str | None = None
    text: str
    tasks: list[Task] = Field(default_factory=list)
    span: Span


class Measure(BaseModel):
    number: str | None = None
    name: str
    goal: str | None = None
    responsible: list[str] = Field(default_factory=list)
    expected_result: str | None = None
    funding: list[FundingLine] = Field(default_factory=list)
    span: Span


class IndicatorValue(BaseModel):
    year: int
    value: float | str | None = None
    kind: Literal["base", "plan", "fact", "estimate"] | None = None
    scenario: str | None = None
    note: str | None = None  # how an ambiguous number was read, when it was


class Indicator(BaseModel):
    number: str | None = None
    name: str
    unit: str | None = None
    values: list[IndicatorValue] = Field(default_factory=list)
    responsible: list[str] = Field(default_factory=list)
    goal: str | None = None
    span: Span


class Project(BaseModel):
    name: str
    object: str | None = None
    period: str | None = None
    status: str | None = None
    section: str | None = None
    funding: list[FundingLine] = Field(default_factory=list)
    responsible: list[str] = Field(default_factory=list)
    span: Span


class Organization(BaseModel):
    name: str
    mentions: int = 1
    span: Span


class Person(BaseModel):
    name: str
    position: str | None = None
    organization: str | None = None
    span: Span


class Event(BaseModel):
    name: str
    kind: Literal["strategic_session", "project_session", "forum", "survey", "other"] = "other"
    date_from: date | None = None
    date_to: date | None = None
    place: str | None = None
    span: Span


class Extraction(BaseModel):
    """Everything extracted from one document."""

    document: DocumentMeta = Field(default_factory=DocumentMeta)
    directions: list[Direction] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    funding: list[FundingLine] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)


RECORD_LISTS = ("directions", "goals", "measures", "indicators", "projects", "funding",
                "organizations", "persons", "events")
