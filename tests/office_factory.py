"""Build small DOCX and XLSX files for tests, well-formed and hostile alike.

DOCX parts are written as raw WordprocessingML so each test controls exactly the markup a
reader must handle (grid spans, vertical merges, content controls); XLSX files are made
with openpyxl and, where openpyxl cannot (cached formula values), patched afterwards.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{DOCX_MAIN}"/>
<Override PartName="/word/styles.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml"
 ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
{core}</Relationships>"""
CORE_REL = ('<Relationship Id="rId2" Target="docProps/core.xml" '
            'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"/>\n')

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="styles.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>
</Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>"""

# (styleId, name, basedOn, pPr inner XML): the built-in names as Word stores them, one
# Russian name as LibreOffice writes it, and a custom style inheriting a heading.
STYLES: list[tuple[str, str, str | None, str]] = [
    ("Normal", "Normal", None, ""),
    ("1", "heading 1", "Normal", '<w:outlineLvl w:val="0"/>'),
    ("2", "heading 2", "Normal", '<w:outlineLvl w:val="1"/>'),
    ("ruHeading3", "Заголовок 3", "Normal", ""),
    ("Title", "Title", "Normal", ""),
    ("ListParagraph", "List Paragraph", "Normal", ""),
    ("ListBullet", "List Bullet", "Normal", '<w:numPr><w:numId w:val="3"/></w:numPr>'),
    ("SectionHead", "Раздел программы", "2", ""),
]


def styles_xml(styles: Iterable[tuple[str, str, str | None, str]] = STYLES) -> str:
    out = []
    for style_id, name, based_on, ppr in styles:
        default = ' w:default="1"' if style_id == "Normal" else ""
        based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
        out.append(f'<w:style w:type="paragraph"{default} w:styleId="{style_id}"><w:name w:val="{name}"/>'
                   f"{based}<w:pPr>{ppr}</w:pPr></w:style>")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
            + "".join(out) + "</w:styles>")


# WordprocessingML snippets ----------------------------------------------------------------
def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text: str = "", *, style: str | None = None, outline: int | None = None,
         num_id: int | None = None, runs: str | None = None) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num_id is not None:
        ppr += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    body = runs if runs is not None else (run(text) if text else "")
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{body}</w:p>"


def cell(content: str | list[str] = "", *, span: int = 1, vmerge: str | None = None) -> str:
    """A w:tc; `content` is a text (one paragraph), or raw XML items; vmerge "restart"/"continue"/""."""
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge is not None:
        props += "<w:vMerge/>" if vmerge == "" else f'<w:vMerge w:val="{vmerge}"/>'
    inner = "".join(content) if isinstance(content, list) else para(content)
    if "<w:p>" not in inner and "<w:p " not in inner:
        inner += "<w:p/>"  # a cell must end with a paragraph
    return f"<w:tc>{'<w:tcPr>' + props + '</w:tcPr>' if props else ''}{inner}</w:tc>"


def row(*cells: str, grid_before: int = 0, grid_after: int = 0) -> str:
    pr = ""
    if grid_before:
        pr += f'<w:gridBefore w:val="{grid_before}"/>'
    if grid_after:
        pr += f'<w:gridAfter w:val="{grid_after}"/>'
    return f"<w:tr>{'<w:trPr>' + pr + '</w:trPr>' if pr else ''}{''.join(cells)}</w:tr>"


def table(*rows: str, grid: int) -> str:
    cols = "".join('<w:gridCol w:w="1500"/>' for _ in range(grid))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


def sdt(*items: str) -> str:
    """A block-level content control wrapping body items."""
    content = "".join(items)
    return f'<w:sdt><w:sdtPr><w:alias w:val="box"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'


def document_xml(*items: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(items)}<w:sectPr/></w:body></w:document>')


# packages -------------------------------------------------------------------------------
def zip_bytes(parts: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, content in parts.items():
            zf.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buf.getvalue()


def docx_parts(*items: str, title: str | None = None, document: str | None = None) -> dict[str, bytes | str]:
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS.format(core=CORE_REL if title is not None else ""),
        "word/document.xml": document if document is not None else document_xml(*items),
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": styles_xml(),
    }
    if title is not None:
        parts["docProps/core.xml"] = CORE.format(title=escape(title))
    return parts


def docx_bytes(*items: str, title: str | None = None, document: str | None = None) -> bytes:
    """A minimal Word package holding the body items (or a whole document.xml)."""
    return zip_bytes(docx_parts(*items, title=title, document=document))


def zip_bomb_docx(zero_bytes: int, member: str = "word/document.xml") -> bytes:
    """A DOCX whose `member` inflates to `zero_bytes` zeros, about 1000:1, built in a blink.

    One MiB of zeros is deflated once and ended with a full flush, which makes the block
    self-contained; repeating it gives the whole stream without deflating 200 MB. The
    member is stored as those raw bytes, then its header is patched to say "deflated".
    """
    block = bytes(1 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
    whole, rest = divmod(zero_bytes, len(block))
    co_rest = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = piece * whole + co_rest.compress(bytes(rest)) + co_rest.flush()
    crc = 0
    for _ in range(whole):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(bytes(rest), crc)
    parts = docx_parts(para("Текст для проверки."))
    parts[member] = stream
    stored = zip_bytes(parts, compression=zipfile.ZIP_STORED)
    return patch_header(stored, member, method=zipfile.ZIP_DEFLATED, crc=crc, size=zero_bytes)


def billion_laughs_xml(levels: int = 9) -> str:
    """The classic entity-expansion document: a few hundred bytes naming 10**levels "lol"s."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)]
    doctype = f"<!DOCTYPE w:document [{''.join(entities)}]>\n"
    return document_xml(para(runs=f"<w:r><w:t>&lol{levels};</w:t></w:r>"), prolog=doctype)


def external_entity_xml() -> str:
    """An XXE probe: an external entity pointing at a local file."""
    doctype = '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/hostname">]>\n'
    return document_xml(para(runs="<w:r><w:t>&secret;</w:t></w:r>"), prolog=doctype)


def padded_doctype_xml(padding: int = 70_000) -> str:
    """A DOCTYPE hidden behind a comment longer than a naive head scan."""
    return document_xml(para("Текст."), prolog=f"<!--{' ' * padding}-->\n<!DOCTYPE w:document []>\n")


# (field, offset in the local header, in the central header, struct format)
HEADER_FIELDS = {"method": (8, 10, "<H"), "crc": (14, 16, "<I"), "size": (22, 24, "<I")}


def patch_header(data: bytes, member: str, **fields: int) -> bytes:
    """Rewrite a member's compression method, CRC or uncompressed size in both its headers."""
    raw = bytearray(data)
    name = member.encode()
    for sig, name_len_at, name_at, col in ((b"PK\x03\x04", 26, 30, 0), (b"PK\x01\x02", 28, 46, 1)):
        start = 0
        while (pos := raw.find(sig, start)) >= 0:
            name_len = struct.unpack_from("<H", raw, pos + name_len_at)[0]
            if raw[pos + name_at:pos + name_at + name_len] == name:
                for field, value in fields.items():
                    where, fmt = HEADER_FIELDS[field][col], HEADER_FIELDS[field][2]
                    struct.pack_into(fmt, raw, pos + where, value)
            start = pos + 4
    return bytes(raw)


def lie_about_size(data: bytes, member: str, declared: int) -> bytes:
    """Make a member declare a smaller uncompressed size than it inflates to."""
    return patch_header(data, member, size=declared)


def without_member(data: bytes, member: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist() if i.filename != member}
    return zip_bytes(parts)


def replace_member(data: bytes, member: str, content: bytes | str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts: dict[str, bytes | str] = {i.filename: zf.read(i) for i in zf.infolist()}
    parts[member] = content
    return zip_bytes(parts)


# XLSX -----------------------------------------------------------------------------------
def xlsx_bytes(sheets: dict[str, list[tuple[str, object]]], *, merges: dict[str, list[str]] | None = None,
               formats: dict[str, dict[str, str]] | None = None, title: str | None = None) -> bytes:
    """A workbook from {sheet: [(cell ref, value), ...]}, with merged ranges and number formats."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, values in sheets.items():
        ws = wb.create_sheet(name)
        for ref, value in values:
            ws[ref] = value
        for ref, fmt in (formats or {}).get(name, {}).items():
            ws[ref].number_format = fmt
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    if title is not None:
        wb.properties.title = title
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def with_cached_values(data: bytes, sheet_member: str, values: dict[str, str]) -> bytes:
    """Write cached results into formula cells, as a spreadsheet application does on save."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read(sheet_member).decode("utf-8")
    for ref, value in values.items():
        pattern = re.compile(rf'(<c r="{ref}"[^>]*>\s*<f>[^<]*</f>)\s*(?:<v\s*/>|<v>[^<]*</v>)?')
        xml, n = pattern.subn(rf"\g<1><v>{value}</v>", xml)
        if n != 1:
            raise ValueError(f"formula cell {ref} not found in {sheet_member}")
    return replace_member(data, sheet_member, xml)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path
