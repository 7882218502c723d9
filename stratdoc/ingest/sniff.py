"""Tell a file's format from its bytes, not its name.

A wrong extension with valid content is read as what it is; content that is none of our
formats raises `UnsupportedFormat` saying what it looked like.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from stratdoc.errors import EncryptedDocument, ReadError, UnsupportedFormat
from stratdoc.schema import Format

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"
# Stream names in an OLE2 directory (UTF-16LE): Word 97-2003 keeps its text in "WordDocument";
# a password-protected DOCX/XLSX is an OLE2 file holding "EncryptedPackage".
OLE2_WORD_STREAM = "WordDocument".encode("utf-16-le")
OLE2_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# First bytes of formats we recognise but do not read, for a helpful error.
FOREIGN_MAGIC: dict[bytes, str] = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
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
        return _sniff_ole2(path, data)
    if head.startswith(RTF_MAGIC):
        return Format.RTF
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


def _sniff_ole2(path: str | Path, data: bytes) -> Format:
    """A Word 97-2003 document, or else an encrypted package or another legacy Office file.

    The directory's stream names are looked for in the raw bytes: parsing the compound file
    is LibreOffice's job, and a name found by chance only sends the file to a conversion that
    then fails with its own one-line error.
    """
    if OLE2_ENCRYPTED_STREAM not in data and OLE2_WORD_STREAM in data:
        return Format.DOC
    raise EncryptedDocument(path, "encrypted Office file or legacy .xls/.ppt (OLE2 container); "
                                  "save it as DOCX/XLSX without a password")


def _sniff_zip(path: str | Path, data: bytes) -> Format:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        # ODF puts a `mimetype` member of a few bytes first; a big one is not ODF, left unread
        info = zf.getinfo("mimetype") if "mimetype" in names else None
        mimetype = zf.read(info).strip() if info is not None and info.file_size <= 200 else b""
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError) as e:
        raise ReadError(path, f"broken zip container: {e}") from e
    if "word/document.xml" in names:
        return Format.DOCX
    if "xl/workbook.xml" in names:
        return Format.XLSX
    if "ppt/presentation.xml" in names:
        return Format.PPTX
    if mimetype == ODT_MIMETYPE:
        return Format.ODT
    if "[Content_Types].xml" in names or any(n.startswith("word/") for n in names):
        raise ReadError(path, "not a valid DOCX/XLSX: zip without word/document.xml or xl/workbook.xml")
    raise UnsupportedFormat(path, "unsupported format: a zip archive that is not DOCX, XLSX, PPTX or ODT")
