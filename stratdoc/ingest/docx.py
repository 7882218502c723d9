"""DOCX → Document: body paragraphs and tables in reading order, merged cells as laid out.

python-docx opens the package and resolves styles, but its high-level API is not used for
content: `Document.paragraphs` and `Document.tables` lose the interleaving of the two, and
`row.cells` repeats a merged cell in every grid slot it covers. The body XML is walked
directly instead, reading `w:gridSpan`, `w:gridBefore` and `w:vMerge` for the true layout.

Left out on purpose: headers, footers, footnotes and comments (not body text), deleted
revisions, and automatic list numbers (Word draws them from numbering.xml; the text holds
none, so list items carry only the `list_item` flag).
"""

from __future__ import annotations

import io
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from stratdoc.errors import InputTooLarge, ReadError
from stratdoc.ingest import zipsafe
from stratdoc.ingest.builder import DocumentBuilder, RawCell, sha256_hex
from stratdoc.ingest.settings import ReadLimits
from stratdoc.schema import BlockKind, Document, Format

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
LABEL = "DOCX"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def w_val(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(w("val"))


P, TBL, TR, TC, T = w("p"), w("tbl"), w("tr"), w("tc"), w("t")
TXBX = w("txbxContent")
# Wrappers whose children belong to the enclosing flow (content controls, custom XML,
# tracked insertions and moves), at body, row and cell level alike.
WRAPPERS = {w("sdt"), w("sdtContent"), w("customXml"), w("ins"), w("moveTo"), w("smartTag")}
# Inline elements that stand for one character of text.
CHAR_OF = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-", w("softHyphen"): ""}
# Subtrees whose text is not shown as body text: properties, deleted or moved-away
# revisions, field codes, and the VML fallback copy of a drawing (its text box would
# otherwise be read twice).
SKIPPED = {w("pPr"), w("rPr"), w("del"), w("moveFrom"), w("delText"), w("instrText"), w("delInstrText"),
           w("fldData"), f"{{{MC_NS}}}Fallback"}

# Style names that make a heading, lower-cased; the group, if any, is the level.
HEADING_STYLE_NAMES: list[tuple[re.Pattern[str], int | None]] = [
    (re.compile(r"^(?:heading|заголовок)\s*(\d{1,2})$"), None),
    (re.compile(r"^(?:title|название|заглавие)$"), 1),
    (re.compile(r"^(?:subtitle|подзаголовок)$"), 2),
]
LIST_STYLE_WORDS = ("list", "список", "списка")
# Text that opens a list item typed by hand: a bullet or dash, or "1)" / "а)".
LIST_TEXT = re.compile(r"^(?:[•●○◦▪▫■□►▸➢✓∙·*\-–—]\s|\d{1,3}\)\s|[а-яёa-z]\)\s)")
BODY_TEXT_OUTLINE = 9  # w:outlineLvl 9 means "body text", 0..8 are levels 1..9


def read_bytes(path: Path, data: bytes, limits: ReadLimits) -> Document:
    zipsafe.check(path, data, limits, LABEL)
    document = open_document(path, data)
    builder = DocumentBuilder(id=sha256_hex(data), source=path.name, format=Format.DOCX)
    walker = BodyWalker(path, builder, StyleTable.from_styles(document.styles.element),
                        limits.max_text_chars)
    try:
        walker.container_to_blocks(document.element.body)
    except RecursionError as e:
        raise ReadError(path, "DOCX: body nesting too deep to walk") from e
    title = core_title(document)
    if title:
        builder.hints["title"] = title
    return builder.build()


def open_document(path: Path, data: bytes) -> docx.document.Document:
    try:
        return docx.Document(io.BytesIO(data))
    except MemoryError:
        raise
    except Exception as e:  # python-docx reports package faults with assorted exception types
        raise ReadError(path, f"DOCX: not a readable Word package: {type(e).__name__}: {e}") from e


def core_title(document: docx.document.Document) -> str | None:
    """The core-properties title, only when the file has that part.

    python-docx invents a core part titled "Word Document" when it is missing, so the
    package's relationships are checked first.
    """
    rels = document.part.package.rels.values()
    if not any(rel.reltype == RT.CORE_PROPERTIES for rel in rels):
        return None
    title = " ".join((document.core_properties.title or "").split())
    return title or None


# styles ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Style:
    name: str  # lower-cased
    based_on: str | None
    outline: int | None  # w:outlineLvl of the style's own pPr
    numbered: bool | None  # w:numPr in the style's pPr: numId 0 switches numbering off


@dataclass
class StyleTable:
    """Paragraph styles by id, resolving inheritance (w:basedOn) for headings and lists."""

    styles: dict[str, Style]
    default_id: str | None

    @classmethod
    def from_styles(cls, root: etree._Element) -> StyleTable:
        styles: dict[str, Style] = {}
        default_id = None
        for el in root.iter(w("style")):
            if el.get(w("type")) != "paragraph":
                continue
            style_id = el.get(w("styleId")) or ""
            ppr = el.find(w("pPr"))
            styles[style_id] = Style(
                name=(w_val(el.find(w("name"))) or style_id).strip().lower(),
                based_on=w_val(el.find(w("basedOn"))),
                outline=int_val(ppr.find(w("outlineLvl"))) if ppr is not None else None,
                numbered=numbering_switch(ppr),
            )
            if el.get(w("default")) in ("1", "true", "on"):
                default_id = style_id
        return cls(styles, default_id)

    def chain(self, style_id: str | None) -> Iterator[Style]:
        """The style and its ancestors; cycles in a broken file end the walk."""
        seen: set[str] = set()
        sid = style_id if style_id in self.styles else self.default_id
        while sid is not None and sid in self.styles and sid not in seen:
            seen.add(sid)
            style = self.styles[sid]
            yield style
            sid = style.based_on

    def heading_level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            level = style_name_to_level(style.name)
            if level is None and style.outline is not None:
                level = outline_to_level(style.outline)
            if level is not None:
                return level
        return None

    def is_list(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            if style.numbered is not None:
                return style.numbered
            if any(word in style.name for word in LIST_STYLE_WORDS):
                return True
        return False


def int_val(el: etree._Element | None) -> int | None:
    try:
        return int(w_val(el) or "")
    except ValueError:
        return None


def numbering_switch(ppr: etree._Element | None) -> bool | None:
    """True for w:numPr with a list, False for numId 0 (numbering switched off), None if absent."""
    num_pr = ppr.find(w("numPr")) if ppr is not None else None
    if num_pr is None:
        return None
    num_id = int_val(num_pr.find(w("numId")))
    return num_id != 0


def style_name_to_level(name: str) -> int | None:
    for pattern, level in HEADING_STYLE_NAMES:
        m = pattern.match(name)
        if m:
            return level if level is not None else min(max(int(m.group(1)), 1), 9)
    return None


def outline_to_level(outline: int) -> int | None:
    return outline + 1 if 0 <= outline < BODY_TEXT_OUTLINE else None


# body -----------------------------------------------------------------------------------
def flow_children(container: etree._Element, wanted: set[str]) -> Iterator[etree._Element]:
    """Children of `container` with a wanted tag, looking through content-control wrappers."""
    for el in container:
        if el.tag in wanted:
            yield el
        elif el.tag in WRAPPERS:
            yield from flow_children(el, wanted)


def paragraph_text(p: etree._Element, boxes: list[etree._Element]) -> str:
    """The text of runs in document order; text boxes found on the way go to `boxes`."""
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            continue
        if tag == T:
            parts.append(el.text or "")
        elif tag in CHAR_OF:
            parts.append(CHAR_OF[tag])
        elif tag == TXBX:
            boxes.append(el)
        else:
            stack.append(iter(el))
    return "".join(parts)


def container_text(container: etree._Element) -> str:
    """All text of a cell or text box, nested tables flattened into it, one line per paragraph."""
    lines: list[str] = []
    for el in flow_children(container, {P, TBL}):
        if el.tag == P:
            boxes: list[etree._Element] = []
            lines.append(paragraph_text(el, boxes))
            lines.extend(container_text(box) for box in boxes)
        else:
            for tr in flow_children(el, {TR}):
                lines.extend(container_text(tc) for tc in flow_children(tr, {TC}))
    return "\n".join(line for line in lines if line.strip())


def cell_props(tc: etree._Element) -> tuple[int, str | None, str | None]:
    """(gridSpan, vMerge state, hMerge state); a merge state is "restart", "continue" or None."""
    pr = tc.find(w("tcPr"))
    if pr is None:
        return 1, None, None
    span = max(int_val(pr.find(w("gridSpan"))) or 1, 1)
    states = []
    for tag in ("vMerge", "hMerge"):
        el = pr.find(w(tag))
        states.append(None if el is None else ("restart" if w_val(el) == "restart" else "continue"))
    return span, states[0], states[1]


def table_to_cells(tbl: etree._Element) -> list[RawCell]:
    """Cells at their grid origin with spans; slots covered by a merge hold no cell.

    A cell's grid column counts `w:gridBefore` and the spans of the cells before it. A
    `w:vMerge="restart"` cell opens a vertical run in its column; a following row's cell
    with a bare `w:vMerge` (or "continue") in the same column extends the run and emits
    nothing. A run closes in the first row that does not continue it.
    """
    cells: list[RawCell] = []
    open_runs: dict[int, RawCell] = {}
    for r, tr in enumerate(flow_children(tbl, {TR})):
        tr_pr = tr.find(w("trPr"))
        col = (int_val(tr_pr.find(w("gridBefore"))) or 0) if tr_pr is not None else 0
        continued: dict[int, RawCell] = {}
        last: RawCell | None = None
        for tc in flow_children(tr, {TC}):
            span, v_state, h_state = cell_props(tc)
            text = container_text(tc)
            origin = open_runs.get(col) if v_state == "continue" else None
            if origin is not None:
                origin.row_span = r - origin.row + 1
                origin.text = "\n".join(t for t in (origin.text, text) if t)
                continued[col] = origin
            elif h_state == "continue" and last is not None and last.col + last.col_span == col:
                last.col_span += span  # legacy horizontal merge
                last.text = "\n".join(t for t in (last.text, text) if t)
            else:
                last = RawCell(row=r, col=col, text=text, col_span=span)
                cells.append(last)
                if v_state is not None:
                    continued[col] = last
            col += span
        open_runs = continued
    return drop_unused_grid_columns(cells)


def drop_unused_grid_columns(cells: list[RawCell]) -> list[RawCell]:
    """Fold away grid columns in which no cell starts, shrinking the spans across them.

    Word leaves sliver columns behind (a few twips wide, reached only by `w:gridAfter` or
    by a wide merged cell); kept, they would make a full-width merged row look narrower
    than the table and add an empty slot to every other row. No text sits in such a
    column, so folding it loses nothing.
    """
    starts = sorted({c.col for c in cells})
    index = {col: i for i, col in enumerate(starts)}
    for c in cells:
        end = bisect_left(starts, c.col + c.col_span)
        c.col = index[c.col]
        c.col_span = end - c.col
    return cells


@dataclass
class BodyWalker:
    """Turns body-level elements into builder blocks, in document order."""

    path: Path
    builder: DocumentBuilder
    styles: StyleTable
    max_chars: int

    def container_to_blocks(self, container: etree._Element) -> None:
        for el in flow_children(container, {P, TBL}):
            if el.tag == P:
                self.paragraph_to_block(el)
            else:
                self.builder.add_table(table_to_cells(el))
            if self.builder.length > self.max_chars:
                raise InputTooLarge(self.path, f"DOCX text exceeds {self.max_chars:,} characters")

    def paragraph_to_block(self, p: etree._Element) -> None:
        boxes: list[etree._Element] = []
        text = paragraph_text(p, boxes)
        kind, level = self.paragraph_kind(p, text)
        self.builder.add_block(kind, text, level=level)
        for box in boxes:
            self.container_to_blocks(box)

    def paragraph_kind(self, p: etree._Element, text: str) -> tuple[BlockKind, int | None]:
        """Heading by direct outline level or style; else list item by numbering, style or text."""
        ppr = p.find(w("pPr"))
        style_id = w_val(ppr.find(w("pStyle"))) if ppr is not None else None
        outline = int_val(ppr.find(w("outlineLvl"))) if ppr is not None else None
        if outline is not None:
            level = outline_to_level(outline)
        else:
            level = self.styles.heading_level(style_id)
        if level is not None:
            return BlockKind.HEADING, level
        numbered = numbering_switch(ppr)
        if numbered is None:
            numbered = self.styles.is_list(style_id)
        if numbered or LIST_TEXT.match(text.strip()):
            return BlockKind.LIST_ITEM, None
        return BlockKind.PARAGRAPH, None
