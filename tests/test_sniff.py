"""Formats come from the bytes; what we cannot read is named in the error."""

from __future__ import annotations

import pytest

from stratdoc.errors import EncryptedDocument, ReadError, UnsupportedFormat
from stratdoc.ingest.sniff import OLE2_MAGIC, sniff
from tests.test_cli import _zip_with, docx_bytes


@pytest.mark.parametrize(("data", "expected"), [
    (b"%PDF-1.7\n...", "pdf"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html><body>x</body></html>", "html"),
    ("<html><head><meta charset=utf-16></head></html>".encode("utf-16"), "html"),
    ("Стратегия развития".encode("cp1251"), "txt"),
    (docx_bytes(), "docx"),
    (_zip_with({"xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>"}), "xlsx"),
])
def test_sniff(data: bytes, expected: str) -> None:
    assert sniff("f.bin", data).value == expected


@pytest.mark.parametrize(("data", "error", "message"), [
    (b"", ReadError, "f.bin: empty file"),
    (b"\x89PNG\r\n\x1a\n....", UnsupportedFormat, "f.bin: unsupported format: looks like a PNG image"),
    (OLE2_MAGIC + b"\0" * 100, EncryptedDocument, "f.bin: encrypted Office file or legacy .xls/.ppt"),
    (_zip_with({"a.txt": "x"}), UnsupportedFormat, "f.bin: unsupported format: a zip archive"),
    (_zip_with({"word/styles.xml": "<x/>"}), ReadError, "f.bin: not a valid DOCX/XLSX"),
    (b"PK\x03\x04garbage", ReadError, "f.bin: broken zip container"),
])
def test_sniff_errors(data: bytes, error: type, message: str) -> None:
    with pytest.raises(error) as e:
        sniff("f.bin", data)
    assert str(e.value).startswith(message)
