"""Tell a file's format from its bytes, not its name.

A wrong extension with valid content is read as what it is; content that is none of our
formats raises `UnsupportedFormat` saying what it looked like.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from stratdoc.errors import EncryptedDocument, ReadError, UnsupportedFormat
from stratdoc.schema import Format

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# First bytes of formats we recognise but do not read, for a helpful error.
FOREIGN_MAGIC: dict[bytes, str] = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"{\\rtf": "an RTF document",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\x7fELF": "an executable",
}
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<title")


def sniff(path: str | Path, data: bytes) -> Format:
    if not data:
        raise ReadError(path, "empty file")
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return Format.PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path, data)
    if head.startswith(OLE2_MAGIC):
        raise EncryptedDocument(path, "encrypted Office file or legacy .doc/.xls (OLE2 container); "
                                      "save it as DOCX/XLSX without a password")
    for magic, what in FOREIGN_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFormat(path, f"unsupported format: looks like {what}")
    low = _ascii_lower(head)
    if any(m in low for m in HTML_MARKERS):
        return Format.HTML
    return Format.TXT


def _ascii_lower(head: bytes) -> bytes:
    """Lower-case ASCII of the head, with UTF-16 zero bytes dropped, for marker search."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[1:2] == b"\x00" or head[0:1] == b"\x00":
        head = head.replace(b"\x00", b"")
    return head.lower()


def _sniff_zip(path: str | Path, data: bytes) -> Format:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise ReadError(path, f"broken zip container: {e}") from e
    if "word/document.xml" in names:
        return Format.DOCX
    if "xl/workbook.xml" in names:
        return Format.XLSX
    if "[Content_Types].xml" in names or any(n.startswith("word/") for n in names):
        raise ReadError(path, "not a valid DOCX/XLSX: zip without word/document.xml or xl/workbook.xml")
    raise UnsupportedFormat(path, "unsupported format: a zip archive that is neither DOCX nor XLSX")
