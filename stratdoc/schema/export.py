"""The JSONL export contract (shared contract.md) as pydantic models, for its JSON Schema.

`stratdoc schema` prints `ExportLine.model_json_schema()`, so an importer can validate a feed
without reading our code. Every field the contract names is required (a value the document
does not state is `null` or `[]`, never a missing key), and extra fields are allowed: the
contract welcomes them, and the export adds a few (`note`, `status`, span `table`/`row`/`col`).
The export itself is built from the rows as plain dicts; the tests validate every exported line
against this schema, which keeps the two in step.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from stratdoc.schema.records import Source


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ExportSpan(_Open):
    page: int | None = Field(description="1-based page, where the format has pages")
    start: int = Field(ge=0, description="character offset into the document's stored text")
    end: int = Field(ge=0)


class _Record(_Open):
    id: str = Field(pattern="^[0-9a-f]{32}$",
                    description="stable across re-runs of the same pipeline over the same file: sha256 "
                                "of the parent's id, the list's name, the span and the place among "
                                "records with that span, 32 hex digits")


class _Spanned(_Record):
    span: ExportSpan


class ExportDocument(_Open):
    id: str = Field(pattern="^[0-9a-f]{64}$", description="sha256 of the file's bytes, hex")
    source: str
    format: str
    kind: Literal["strategy", "decree", "action_plan", "presentation", "news", "other"]
    title: str | None
    municipality: str | None
    region: str | None
    act_number: str | None
    adopted_on: date | None
    amended_on: date | None
    published_on: date | None
    issuer: str | None
    horizon_year: int | None


class ExportFundingLine(_Spanned):
    source: Source
    year: int | None
    year_from: int | None
    year_to: int | None
    scenario: str | None
    amount: float | None = Field(description="as printed, in `unit`")
    unit: str | None
    amount_rub: float | None
    raw: str


class ExportDirection(_Spanned):
    name: str
    kind: Literal["cluster", "direction"]
    items: list[str]


class ExportTask(_Record):
    number: str | None
    text: str


class ExportGoal(_Spanned):
    number: str | None
    text: str
    tasks: list[ExportTask]


class ExportMeasure(_Spanned):
    number: str | None
    name: str
    goal: str | None
    responsible: list[str]
    expected_result: str | None
    funding: list[ExportFundingLine]


class ExportIndicatorValue(_Record):
    year: int
    value: float | str | None
    kind: Literal["base", "plan", "fact", "estimate"] | None
    scenario: str | None


class ExportIndicator(_Spanned):
    number: str | None
    name: str
    unit: str | None
    values: list[ExportIndicatorValue]
    responsible: list[str]
    goal: str | None


class ExportProject(_Spanned):
    name: str
    object: str | None
    period: str | None
    status: str | None
    section: str | None
    funding: list[ExportFundingLine]
    responsible: list[str]


class ExportOrganization(_Spanned):
    name: str
    mentions: int


class ExportPerson(_Spanned):
    name: str
    position: str | None
    organization: str | None


class ExportEvent(_Spanned):
    name: str
    kind: Literal["strategic_session", "project_session", "forum", "survey", "other"]
    date_from: date | None
    date_to: date | None
    place: str | None


class ExportLine(_Open):
    """One line of `stratdoc export --format jsonl`: a document and everything read from it."""

    model_config = ConfigDict(extra="allow", title="stratdoc export line")

    document: ExportDocument
    directions: list[ExportDirection]
    goals: list[ExportGoal]
    measures: list[ExportMeasure]
    indicators: list[ExportIndicator]
    projects: list[ExportProject]
    funding: list[ExportFundingLine]
    organizations: list[ExportOrganization]
    persons: list[ExportPerson]
    events: list[ExportEvent]


def export_json_schema() -> dict[str, object]:
    return ExportLine.model_json_schema()
