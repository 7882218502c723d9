"""Every knob of the PDF reader in one validated object, so the layout and table code below
the reader take their settings from here rather than from the reader."""

from __future__ import annotations

from typing import Any, Literal

from pdfplumber.table import TableSettings
from pydantic import BaseModel, ConfigDict, Field, field_validator

from stratdoc.ingest.settings import resolve_settings

DEFAULT_TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}


class PdfSettings(BaseModel):
    """Every knob of the PDF reader in one validated object (pdfplumber table settings included)."""

    model_config = ConfigDict(extra="forbid")

    # where characters and ruling lines come from: pdfium (fast, C) or pdfplumber/pdfminer (the
    # reference the pdfium path is checked against; see pdf_pdfium)
    text_engine: Literal["pdfium", "pdfplumber"] = "pdfium"
    table_settings: dict[str, Any] = Field(default_factory=lambda: dict(DEFAULT_TABLE_SETTINGS))
    x_tolerance: float = Field(3.0, gt=0)
    y_tolerance: float = Field(3.0, gt=0)
    # running headers/footers: a line in the top or bottom `band_fraction` of the page height
    # whose digit-blind text repeats on `repeat_ratio` of the pages (documents of 3+ pages)
    band_fraction: float = Field(0.1, ge=0, lt=0.5)
    repeat_ratio: float = Field(0.5, gt=0, le=1)
    min_pages_for_repeats: int = Field(2, ge=2)
    # paragraphs: a vertical gap over `para_gap_factor` line pitches, or a first-line indent of
    # more than `indent_min` points (and under `indent_max_fraction` of the text width), or a
    # sentence end on a line shorter than the text width by `short_line_fraction`
    para_gap_factor: float = Field(1.35, gt=1)
    indent_min: float = Field(4.0, ge=0)
    indent_max_fraction: float = Field(0.25, gt=0, le=1)
    short_line_fraction: float = Field(0.15, ge=0, lt=1)
    heading_max_chars: int = Field(250, gt=0)
    # a ruled box with text in fewer columns than this is a frame around prose, not a table
    min_table_cols: int = Field(2, ge=1)
    # tables the rules do not box (see pdf_text_tables): found at all; lines cut into pieces at
    # blanks of `gutter_factor` font sizes, columns at blanks of `gutter_min_factor` running down
    # them; full-width rules at least `rule_min_width` points long and at most `rule_max_band`
    # apart; an unruled table needs `bare_min_cols` columns, its lines at most `bare_line_gap`
    # line heights apart and its header at most `header_max_lines` lines; rows set apart by
    # space stand `row_gap_factor` times the line spacing apart
    text_tables: bool = True
    gutter_factor: float = Field(1.5, gt=0)
    gutter_min_factor: float = Field(0.5, gt=0)
    rule_min_width: float = Field(120.0, gt=0)
    rule_max_band: float = Field(260.0, gt=0)
    bare_min_cols: int = Field(3, ge=2)
    bare_line_gap: float = Field(1.6, gt=0)
    header_max_lines: int = Field(4, ge=0)
    row_gap_factor: float = Field(1.3, gt=1)

    @field_validator("table_settings")
    @classmethod
    def _known_table_settings(cls, value: dict[str, Any]) -> dict[str, Any]:
        try:
            TableSettings.resolve(value)  # checks strategies and rejects unknown keys
        except TypeError as e:
            raise ValueError(f"unknown pdfplumber table setting: {e}") from e
        return value


DEFAULT_SETTINGS = PdfSettings()


def resolve(settings: PdfSettings | dict | None) -> PdfSettings:
    return resolve_settings(PdfSettings, settings, DEFAULT_SETTINGS)
