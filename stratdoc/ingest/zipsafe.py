"""Check an Office zip container (DOCX, XLSX) before a library inflates it.

python-docx and openpyxl trust the container: they inflate every part they need into memory
and parse the XML as it comes. An upload is untrusted, so the archive is checked first:

* the member count, read off the raw bytes before `zipfile` builds its directory, so a
  zip with millions of entries cannot exhaust memory while being listed;
* every member's declared size, their sum, and the compression ratio of big members (a few
  KB of deflated zeros may claim gigabytes: the classic zip bomb);
* every XML part is streamed through in chunks under a hard cap, because declared sizes
  can lie (CPython's `zipfile` stops at the declared size, so a lie shows up as a CRC
  error: the cap is the second fence, not the first);
* every XML prolog is tokenised for a DOCTYPE: entity declarations are how "billion
  laughs" expansion and external-entity (XXE) reads start, and Office never writes them.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from stratdoc.errors import EncryptedDocument, InputTooLarge, ReadError
from stratdoc.ingest.settings import ReadLimits

CHUNK = 1 << 20  # inflate this much at a time
RATIO_CHECK_FROM = 1 << 20  # small parts (empty XML, tiny rels) compress wildly and harmlessly
PROLOG_SCAN = 64 * 1024  # an XML root element must start within this many bytes
CENTRAL_DIR_SIG = b"PK\x01\x02"
UTF8_BOM = b"\xef\xbb\xbf"
DOCTYPE_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


def open_checked(path: str | Path, data: bytes, limits: ReadLimits, label: str) -> zipfile.ZipFile:
    """The opened archive, after every check has passed; the caller closes it.

    `label` ("DOCX", "XLSX") starts every rejection message.
    """
    # Every directory entry starts with this signature, so the count bounds the entries
    # before zipfile parses them (a chance match inside compressed data only adds a few).
    if data.count(CENTRAL_DIR_SIG) > limits.max_zip_members:
        raise InputTooLarge(path, f"{label} rejected: zip holds over {limits.max_zip_members:,} members")
    zf = open_zip(path, data)
    try:
        infos = zf.infolist()
        check_directory(path, infos, limits, label)
        budget = limits.max_unzipped_bytes
        for info in infos:
            budget -= check_member_content(path, zf, info, limits, label, budget)
    except BaseException:
        zf.close()
        raise
    return zf


def check(path: str | Path, data: bytes, limits: ReadLimits, label: str) -> None:
    """Run every check of `open_checked` and close the archive."""
    open_checked(path, data, limits, label).close()


def open_zip(path: str | Path, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as e:
        raise ReadError(path, f"broken zip container: {e}") from e


def check_directory(path: str | Path, infos: list[zipfile.ZipInfo], limits: ReadLimits, label: str) -> None:
    """Reject on declared sizes alone, before inflating a single byte."""
    if len(infos) > limits.max_zip_members:
        raise InputTooLarge(path, f"{label} rejected: zip holds {len(infos):,} members "
                                  f"(limit {limits.max_zip_members:,})")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedDocument(path, f"{label}: zip member {info.filename} is encrypted; "
                                          "save the file without a password")
        size, packed = info.file_size, info.compress_size
        if size > limits.max_member_bytes:
            raise InputTooLarge(path, f"{label} rejected: {info.filename} expands to {size:,} bytes "
                                      f"(limit {limits.max_member_bytes:,})")
        if size > RATIO_CHECK_FROM:
            ratio = size / max(packed, 1)
            if ratio > limits.max_compression_ratio:
                raise InputTooLarge(path, f"{label} rejected: {info.filename} inflates {ratio:,.0f}:1 "
                                          f"({packed:,} to {size:,} bytes; limit "
                                          f"{limits.max_compression_ratio:,.0f}:1), a zip bomb")
        total += size
    if total > limits.max_unzipped_bytes:
        raise InputTooLarge(path, f"{label} rejected: members expand to {total:,} bytes in all "
                                  f"(limit {limits.max_unzipped_bytes:,})")


def check_member_content(path: str | Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo,
                         limits: ReadLimits, label: str, budget: int) -> int:
    """Stream an XML member under a hard cap and vet its prolog; return the bytes inflated.

    Non-XML members (images, printer settings) are left alone: libraries keep them as
    blobs, and zipfile will not inflate them past their declared sizes.
    """
    cap = min(limits.max_member_bytes, budget)
    chunks = iter_member(path, zf, info, cap, label)
    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) >= PROLOG_SCAN:
            break
    if not looks_like_xml(head):
        chunks.close()
        return 0
    reject_entity_declarations(path, head[:PROLOG_SCAN], info.filename, label,
                               whole=len(head) < PROLOG_SCAN)
    return len(head) + sum(len(chunk) for chunk in chunks)


def iter_member(path: str | Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int,
                label: str) -> Iterator[bytes]:
    """A member's bytes in chunks; more than `cap` of them is an error, not a truncation."""
    seen = 0
    size = PROLOG_SCAN  # a small first read: often the head is all a caller wants
    try:
        with zf.open(info) as f:
            while chunk := f.read(size):
                size = CHUNK
                seen += len(chunk)
                if seen > cap:
                    raise InputTooLarge(path, f"{label} rejected: {info.filename} inflates past {cap:,} "
                                              f"bytes although it declares {info.file_size:,}")
                yield chunk
    except NotImplementedError as e:  # deflate64, bzip2 in odd writers, ...
        raise ReadError(path, f"broken zip container: {info.filename}: {e}") from e
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as e:
        raise ReadError(path, f"broken zip container: {e}") from e


def read_member(path: str | Path, zf: zipfile.ZipFile, name: str, cap: int, label: str) -> bytes:
    """A whole member, read in chunks with a hard cap, for readers that parse a part themselves."""
    try:
        info = zf.getinfo(name)
    except KeyError as e:
        raise ReadError(path, f"{label}: part {name} is missing from the zip") from e
    return b"".join(iter_member(path, zf, info, cap, label))


def ascii_view(head: bytes) -> bytes:
    """The head with BOMs and UTF-16/32 zero bytes dropped, for marker search."""
    if head.startswith(UTF8_BOM):
        return head[len(UTF8_BOM):]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]:
        return head.replace(b"\x00", b"").lstrip(b"\xff\xfe")
    return head


def looks_like_xml(head: bytes) -> bool:
    return ascii_view(head).lstrip().startswith(b"<")


def reject_entity_declarations(path: str | Path, head: bytes, name: str, label: str,
                               whole: bool = False) -> None:
    """Raise unless the prolog holds only the XML declaration, PIs, comments and blanks.

    A DOCTYPE can only stand in the prolog, so tokenising it settles the question;
    a prolog padded with comments beyond the scanned head is rejected too, as no Office
    writer produces one. The plain substring test catches the obvious case on its own.
    `whole` says the head is the entire part: a prolog without a root is then the
    parser's problem (a syntax error), not an attack.
    """
    text = ascii_view(head)
    entity_msg = (f"{label} rejected: XML declares entities (DOCTYPE) in {name}, "
                  "possible entity-expansion attack")
    if any(marker in text for marker in DOCTYPE_MARKERS):
        raise ReadError(path, entity_msg)
    pos = 0
    while True:
        while pos < len(text) and text[pos:pos + 1].isspace():
            pos += 1
        if text.startswith(b"<?", pos):
            end = text.find(b"?>", pos)
            pos = -1 if end < 0 else end + 2
        elif text.startswith(b"<!--", pos):
            end = text.find(b"-->", pos + 4)
            pos = -1 if end < 0 else end + 3
        elif text.startswith(b"<!", pos):  # DOCTYPE in any spelling the parser accepts
            raise ReadError(path, entity_msg)
        elif pos < len(text):
            return  # the root element (or junk the parser will reject)
        else:
            pos = -1
        if pos < 0:
            if whole:
                return
            raise ReadError(path, f"{label} rejected: {name} has an XML prolog longer than "
                                  f"{PROLOG_SCAN:,} bytes")
