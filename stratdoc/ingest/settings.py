"""Safety limits for reading untrusted uploads, as one validated settings object."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, Field


class ReadLimits(BaseModel):
    """Bounds that keep a hostile or broken file from exhausting time or memory."""

    max_file_bytes: int = Field(200 * 1024 * 1024, gt=0)
    # zip containers (DOCX, XLSX): total and per-member uncompressed size, and ratio
    max_unzipped_bytes: int = Field(300 * 1024 * 1024, gt=0)
    max_member_bytes: int = Field(120 * 1024 * 1024, gt=0)
    max_compression_ratio: float = Field(200.0, gt=1)
    max_zip_members: int = Field(10_000, gt=0)
    # text formats
    max_text_chars: int = Field(50 * 1024 * 1024, gt=0)
    max_pdf_pages: int = Field(5_000, gt=0)


DEFAULT_LIMITS = ReadLimits()
S = TypeVar("S", bound=BaseModel)


def resolve_settings(cls: type[S], value: S | dict | None, default: S) -> S:
    """`None` → the defaults, a dict → settings validated by the model, settings as given."""
    if value is None:
        return default
    if isinstance(value, cls):
        return value
    return cls(**value)


def resolve(limits: ReadLimits | dict | None) -> ReadLimits:
    return resolve_settings(ReadLimits, limits, DEFAULT_LIMITS)
