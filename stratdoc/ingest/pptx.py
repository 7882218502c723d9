"""PPTX → Document: a slide is a page, its shapes' text in reading order, slide tables as tables.

Strategy sessions are presented as slides, and a deck has no body flow: its text sits in
shapes placed anywhere on the slide, in whatever order they were drawn. Reading order is
rebuilt from the layout: the title placeholder first, then shapes by top edge and then left
edge (rounded to a band, so a row of boxes that are not quite aligned still reads left to
right). Group shapes are read as one unit at the group's place, their members ordered the
same way inside it.

Each paragraph of a text frame is a block: the title's is a heading (level 1), a paragraph
with a bullet (set on it, or inherited by a body placeholder) or typed with a dash is a list
item, the rest plain paragraphs. Tables keep merged cells as spans.

Left out on purpose: speaker notes (what the presenter says, not what the slide shows; a
deck's notes are often a draft of another text), charts, pictures and SmartArt (no text
frame python-pptx reads), and layout/master text (footers, slide numbers: page furniture).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.shapes.base import BaseShape
from pptx.shapes.group import GroupShape

from stratdoc.errors import InputTooLarge, ReadError
from stratdoc.ingest import zipsafe
from stratdoc.ingest.builder import DocumentBuilder, RawCell, sha256_hex
from stratdoc.ingest.settings import ReadLimits
from stratdoc.schema import BlockKind, Document, Format

if TYPE_CHECKING:
    from pptx.presentation import Presentation as Deck
    from pptx.table import Table
    from pptx.text.text import _Paragraph

LABEL = "PPTX"
EMU_PER_CM = 360_000
BAND_EMU = EMU_PER_CM // 2  # shapes whose tops differ by less than this stand in one row
TITLE_TYPES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE}
# Placeholders whose paragraphs are bulleted by the layout unless a paragraph says otherwise.
BULLETED_TYPES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.VERTICAL_BODY,
                  PP_PLACEHOLDER.VERTICAL_OBJECT}
# Footer-like placeholders a slide may copy from its layout: page furniture, not content.
FURNITURE_TYPES = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER,
                   PP_PLACEHOLDER.HEADER}
BULLET_TAGS = (qn("a:buChar"), qn("a:buAutoNum"), qn("a:buBlip"))
LIST_TEXT = re.compile(r"^(?:[•●○◦▪▫■□►▸➢✓∙·*\-–—]\s|\d{1,3}[).]\s|[а-яёa-z]\)\s)")
# A soft line break inside a paragraph: python-pptx gives it as a vertical tab.
LINE_BREAK = "\v"


def read_bytes(path: Path, data: bytes, limits: ReadLimits) -> Document:
    zipsafe.check(path, data, limits, LABEL)
    deck = open_deck(path, data)
    builder = DocumentBuilder(id=sha256_hex(data), source=path.name, format=Format.PPTX)
    for number, slide in enumerate(deck.slides, start=1):
        builder.start_page(number)
        for shape in reading_order(slide.shapes):
            shape_to_blocks(builder, shape)
        if builder.length > limits.max_text_chars:
            raise InputTooLarge(path, f"{LABEL} text exceeds {limits.max_text_chars:,} characters")
    builder.end_page()
    title = " ".join((deck.core_properties.title or "").split()) if has_core_part(deck) else ""
    if title:
        builder.hints["title"] = title
    # Slides are a presentation whatever their text looks like; the text rules decide the
    # kind and may take this hint over their guess from the layout of the lines.
    builder.hints["kind"] = "presentation"
    return builder.build()


def open_deck(path: Path, data: bytes) -> Deck:
    try:
        return Presentation(io.BytesIO(data))
    except MemoryError:
        raise
    except Exception as e:  # python-pptx reports package faults with assorted exception types
        raise ReadError(path, f"{LABEL}: not a readable PowerPoint package: {type(e).__name__}: {e}") from e


def has_core_part(deck: Deck) -> bool:
    """python-pptx invents core properties when the part is missing; only a real one counts."""
    return any(rel.reltype.endswith("/core-properties") for rel in deck.part.package.iter_rels())


# reading order ----------------------------------------------------------------------------
def placeholder_type(shape: BaseShape) -> PP_PLACEHOLDER | None:
    if not shape.is_placeholder:
        return None
    try:
        return shape.placeholder_format.type
    except ValueError:  # a placeholder element without a usable type
        return None


def is_title(shape: BaseShape) -> bool:
    return placeholder_type(shape) in TITLE_TYPES


def position(shape: BaseShape) -> tuple[int, int]:
    """(top, left) in EMU; placeholders inherit theirs from the layout, others may have none."""
    try:
        top, left = shape.top, shape.left
    except (AttributeError, ValueError):
        top = left = None
    return top or 0, left or 0


def reading_order(shapes: Iterable[BaseShape]) -> list[BaseShape]:
    """Title placeholders first, then by row band (top edge) and left edge; draw order breaks ties."""
    def key(item: tuple[int, BaseShape]) -> tuple[int, int, int, int]:
        index, shape = item
        top, left = position(shape)
        return (0 if is_title(shape) else 1, top // BAND_EMU, left, index)

    return [shape for _, shape in sorted(enumerate(shapes), key=key)]


# shapes → blocks ----------------------------------------------------------------------------
def shape_to_blocks(builder: DocumentBuilder, shape: BaseShape) -> None:
    if isinstance(shape, GroupShape):
        for member in reading_order(shape.shapes):
            shape_to_blocks(builder, member)
        return
    kind = placeholder_type(shape)
    if kind in FURNITURE_TYPES:
        return
    if getattr(shape, "has_table", False) and shape.has_table:
        builder.add_table(table_to_cells(shape.table))
        return
    if not getattr(shape, "has_text_frame", False) or not shape.has_text_frame:
        return
    paragraphs = list(shape.text_frame.paragraphs)
    if kind in TITLE_TYPES:
        text = " ".join(paragraph_text(p) for p in paragraphs)
        builder.add_block(BlockKind.HEADING, " ".join(text.split()), level=1)
        return
    for p in paragraphs:
        text = paragraph_text(p)
        builder.add_block(paragraph_kind(p, text, kind in BULLETED_TYPES), text)


def paragraph_text(p: _Paragraph) -> str:
    return "\n".join(line.strip() for line in p.text.split(LINE_BREAK))


def paragraph_kind(p: _Paragraph, text: str, bulleted_by_layout: bool) -> BlockKind:
    """A list item when the paragraph has a bullet of its own or from its placeholder."""
    ppr = p._p.pPr
    own = [child.tag for child in ppr] if ppr is not None else []
    if any(tag in BULLET_TAGS for tag in own) or LIST_TEXT.match(text.strip()):
        return BlockKind.LIST_ITEM
    if bulleted_by_layout and qn("a:buNone") not in own:
        return BlockKind.LIST_ITEM
    return BlockKind.PARAGRAPH


def table_to_cells(table: Table) -> list[RawCell]:
    """Cells at their origin with spans; the slots a merge covers hold no cell."""
    return list(iter_cells(table))


def iter_cells(table: Table) -> Iterator[RawCell]:
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if cell.is_spanned:
                continue
            text = "\n".join(paragraph_text(p) for p in cell.text_frame.paragraphs)
            spans = (cell.span_height, cell.span_width) if cell.is_merge_origin else (1, 1)
            yield RawCell(row=r, col=c, text=text, row_span=spans[0], col_span=spans[1])
