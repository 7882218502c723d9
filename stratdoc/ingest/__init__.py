"""Readers: bytes of any supported format → `Document`. One module per format."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from stratdoc.errors import InputTooLarge, ReadError
from stratdoc.ingest.settings import ReadLimits, resolve
from stratdoc.ingest.sniff import sniff
from stratdoc.schema import Document, Format

Reader = Callable[[Path, bytes, ReadLimits], Document]

# Format → module under stratdoc.ingest holding `read_bytes(path, data, limits)`.
READERS: dict[Format, str] = {
    Format.PDF: "pdf",
    Format.DOCX: "docx",
    Format.XLSX: "xlsx",
    Format.TXT: "txt",
    Format.HTML: "html",
    Format.DOC: "convert",  # LibreOffice → DOCX → the DOCX reader
    Format.RTF: "convert",
    Format.ODT: "convert",
    Format.PPTX: "pptx",
}

SUPPORTED_SUFFIXES = {".pdf", ".docx", ".xlsx", ".xlsm", ".txt", ".tsv", ".csv", ".html", ".htm",
                      ".doc", ".rtf", ".odt", ".pptx"}


def reader_for(fmt: Format) -> Reader:
    module = importlib.import_module(f"stratdoc.ingest.{READERS[fmt]}")
    return module.read_bytes


def read_bytes(path: str | Path, data: bytes, limits: ReadLimits | dict | None = None) -> Document:
    """Read bytes already in memory; `path` names the file in errors and in `Document.source`."""
    path = Path(path)
    limits = resolve(limits)
    if len(data) > limits.max_file_bytes:
        raise InputTooLarge(path, f"file is {len(data):,} bytes, over the {limits.max_file_bytes:,} limit")
    fmt = sniff(path, data)
    try:
        return reader_for(fmt)(path, data, limits)
    except ReadError:
        raise
    except MemoryError as e:
        raise InputTooLarge(path, f"{fmt.value}: out of memory while reading") from e
    except Exception as e:  # a reader's library failed on malformed input
        raise ReadError(path, f"{fmt.value}: cannot read: {type(e).__name__}: {e}".rstrip(": ")) from e


def read(path: str | Path, limits: ReadLimits | dict | None = None) -> Document:
    """Read one file into a Document, its format sniffed from the bytes."""
    path = Path(path)
    limits = resolve(limits)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ReadError(path, f"cannot open: {e.strerror or e}") from e
    if size > limits.max_file_bytes:
        raise InputTooLarge(path, f"file is {size:,} bytes, over the {limits.max_file_bytes:,} limit")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(path, f"cannot read: {e.strerror or e}") from e
    return read_bytes(path, data, limits)


__all__ = ["READERS", "SUPPORTED_SUFFIXES", "read", "read_bytes", "sniff"]
