"""Pydantic models: the parsed document and the records extracted from it."""

from stratdoc.schema.document import (
    Block,
    BlockKind,
    Cell,
    Document,
    DocumentStatus,
    Format,
    Page,
    Table,
)
from stratdoc.schema.records import (
    Direction,
    DocumentMeta,
    Event,
    Extraction,
    FundingLine,
    Goal,
    Indicator,
    IndicatorValue,
    Measure,
    Organization,
    Person,
    Project,
    Span,
    Task,
)

__all__ = [
    "Block", "BlockKind", "Cell", "Direction", "Document", "DocumentMeta", "DocumentStatus",
    "Event", "Extraction", "Format", "FundingLine", "Goal", "Indicator", "IndicatorValue",
    "Measure", "Organization", "Page", "Person", "Project", "Span", "Table", "Task",
]
