"""PDF reader: positioned words and ruled tables → one Document in reading order.

Words and ruling edges come from pdfium (`pdf_pdfium`, the default `text_engine`) or from
pdfplumber; both give pdfplumber's shapes, so the layout and table code below is the same.
Pages are read one at a time into small layouts (lines and table grids) and their caches
flushed, so memory stays bounded by one page plus the text. Assembly then works across pages:
running headers/footers are found by repetition, tables and paragraphs cut by a page break are
joined, and only then blocks go to the DocumentBuilder.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1
from pdfplumber.utils.exceptions import PdfminerException

from stratdoc.errors import EncryptedDocument, InputTooLarge, ReadError
from stratdoc.ingest.builder import DocumentBuilder, sha256_hex
from stratdoc.ingest.ocr import read_scanned_pages
from stratdoc.ingest.pdf_layout import (
    Line,
    PageLayout,
    PageMetrics,
    Para,
    body_pitch,
    continues_on_next_page,
    drop_running_lines,
    is_table_continuation_note,
    lines_to_metrics,
    lines_to_paras,
    running_keys,
    words_to_lines,
)
from stratdoc.ingest.pdf_pdfium import PdfiumPage, read_page
from stratdoc.ingest.pdf_settings import PdfSettings, resolve
from stratdoc.ingest.pdf_tables import (
    PdfTable,
    append_rows,
    inside,
    may_have_tables,
    page_to_tables,
    tables_continue,
)
from stratdoc.ingest.pdf_text_tables import find_text_tables
from stratdoc.ingest.settings import ReadLimits
from stratdoc.schema import Document, DocumentStatus, Format

# pdfminer logs every damaged object it steps over; the reader reports what matters itself
# (page failures as warnings, unreadable files as errors), so its chatter stays out of the CLI.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

ENCRYPTION_ERRORS = (PDFPasswordIncorrect, PDFEncryptionError)
# Metadata titles that are tool defaults or file names, not a document's title.
MEANINGLESS_TITLE = re.compile(
    r"^(untitled|без названия|документ\d*|microsoft word.*|слайд \d+)$|\.(docx?|rtf|odt|pdf|xlsx?)$", re.I)
TITLE_TOOL_PREFIX = re.compile(r"^microsoft (word|excel) - ", re.I)


Item = Para | PdfTable


# reading ------------------------------------------------------------------------------------------

def read_bytes(path: Path, data: bytes, limits: ReadLimits) -> Document:
    return read_pdf(path, data, limits)


def read_pdf(path: Path, data: bytes, limits: ReadLimits, settings: PdfSettings | dict | None = None
             ) -> Document:
    settings = resolve(settings)
    builder = DocumentBuilder(id=sha256_hex(data), source=path.name, format=Format.PDF)
    layouts: list[PageLayout] = []
    failures: list[str] = []
    opener = opened_pdfium if settings.text_engine == "pdfium" else opened_plumber
    with opener(path, data, limits) as source:
        if source.title:
            builder.hints["title"] = source.title
        n_chars = 0
        for number, (load, size) in enumerate(source.pages, start=1):
            page = None
            try:
                page = load()
                layout = page_to_layout(page, number, settings)
            except Exception as e:  # one broken page should not cost the others
                failures.append(f"page {number}: {one_line(unwrap(e))}")
                layout = PageLayout(number, *size(), failed=True)
            finally:
                if page is not None:
                    page.close()
            n_chars += sum(len(ln.text) for ln in layout.lines)
            if n_chars > limits.max_text_chars:
                raise InputTooLarge(path, f"PDF text exceeds the {limits.max_text_chars:,} character limit "
                                          f"by page {number}")
            layouts.append(layout)
    if layouts and len(failures) == len(layouts):
        raise ReadError(path, f"broken PDF: {failures[0]}")
    ocr = read_scanned_pages(data, layouts, settings, builder, path.name)  # pages with no text layer
    return layouts_to_document(path, layouts, failures, builder, settings).model_copy(update={"ocr": ocr})


PageLoad = Callable[[], Any]
PageSize = Callable[[], tuple[float, float]]


@dataclass
class PageSource:
    """An opened PDF as the reader walks it: its title and, per page, how to load the page
    (loaded one at a time, closed before the next) and its size should loading fail."""

    title: str | None
    pages: Iterable[tuple[PageLoad, PageSize]]


@contextmanager
def opened_pdfium(path: Path, data: bytes, limits: ReadLimits) -> Iterator[PageSource]:
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if e.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedDocument(path, "encrypted PDF: password required") from e
        raise ReadError(path, f"broken PDF: {one_line(e)}") from e
    try:
        n_pages = len(doc)
        check_page_count(path, n_pages, limits)
        if not n_pages:
            raise ReadError(path, "broken PDF: no pages")

        def load(index: int) -> PdfiumPage:
            page = doc[index]
            try:
                return read_page(page)
            finally:
                page.close()

        def size(index: int) -> tuple[float, float]:
            try:
                w, h = doc.get_page_size(index)
                return float(w), float(h)
            except Exception:
                return 0.0, 0.0

        pages = ((partial(load, i), partial(size, i)) for i in range(n_pages))
        yield PageSource(meaningful_title(metadata_title(doc)), pages)
    finally:
        doc.close()


def metadata_title(doc: pdfium.PdfDocument) -> str | None:
    try:
        return doc.get_metadata_value("Title") or None
    except Exception:  # a damaged Info dictionary costs the title only
        return None


@contextmanager
def opened_plumber(path: Path, data: bytes, limits: ReadLimits) -> Iterator[PageSource]:
    with opened_pdf(path, data) as pdf:
        check_page_count(path, count_pages(pdf), limits)  # cheap, before building page objects
        pages = pages_of(path, pdf)
        check_page_count(path, len(pages), limits)  # the tree's Count may lie
        if not pages:
            raise ReadError(path, "broken PDF: no pages")
        yield PageSource(meaningful_title(pdf.metadata.get("Title")),
                         [(partial(lambda p: p, p), partial(plumber_size, p)) for p in pages])


def plumber_size(page: Any) -> tuple[float, float]:
    return float(page.width), float(page.height)


@contextmanager
def opened_pdf(path: Path, data: bytes) -> Iterator[pdfplumber.PDF]:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:
        raise pdf_error(path, e) from e
    try:
        yield pdf
    finally:
        try:
            pdf.close()
        except Exception:  # close() walks the page tree again, which may be what is broken
            pdf.stream.close()


def unwrap(e: Exception) -> Exception:
    """pdfplumber wraps pdfminer's exception as the first argument of its own."""
    if isinstance(e, PdfminerException) and e.args and isinstance(e.args[0], Exception):
        return e.args[0]
    return e


def pdf_error(path: Path, e: Exception) -> ReadError:
    """Our error for a pdfminer failure: encrypted files apart, everything else is 'broken'."""
    inner = unwrap(e)
    if isinstance(inner, ENCRYPTION_ERRORS):
        return EncryptedDocument(path, "encrypted PDF: password required")
    return ReadError(path, f"broken PDF: {one_line(inner)}")


def one_line(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return f"{type(e).__name__}: {text}"[:200] if text else type(e).__name__


def count_pages(pdf: pdfplumber.PDF) -> int:
    """The page count the page tree root declares, 0 when it has none."""
    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:  # a damaged page tree: pdfminer will walk it
        return 0
    return count if isinstance(count, int) else 0


def check_page_count(path: Path, n_pages: int, limits: ReadLimits) -> None:
    if n_pages > limits.max_pdf_pages:
        raise InputTooLarge(path, f"PDF has {n_pages:,} pages, over the {limits.max_pdf_pages:,} limit")


def pages_of(path: Path, pdf: pdfplumber.PDF) -> list[Any]:
    try:
        return pdf.pages
    except Exception as e:
        raise pdf_error(path, e) from e


def meaningful_title(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    title = TITLE_TOOL_PREFIX.sub("", " ".join(value.split()))
    if len(title) < 4 or not any(ch.isalpha() for ch in title) or MEANINGLESS_TITLE.search(title):
        return None
    return title


# one page -----------------------------------------------------------------------------------------

def page_to_layout(page: Any, number: int, settings: PdfSettings) -> PageLayout:
    layout = PageLayout(number, float(page.width), float(page.height))
    if not page.chars:
        return layout
    layout.has_chars = True
    words = page.extract_words(x_tolerance=settings.x_tolerance, y_tolerance=settings.y_tolerance,
                               extra_attrs=["fontname", "size"])
    if may_have_tables(page, settings):
        layout.tables = page_to_tables(page, number, words, settings)
    if layout.tables:
        words = [w for w in words if not any(inside(w, t) for t in layout.tables)]
    found, used = find_text_tables(page, number, words, layout.tables, settings)
    if found:
        layout.tables = sorted([*layout.tables, *found], key=lambda t: t.top)
        words = [w for w in words if id(w) not in used]
    layout.lines = words_to_lines(words, number)
    return layout


def layouts_to_document(path: Path, layouts: list[PageLayout], failures: list[str],
                        builder: DocumentBuilder, settings: PdfSettings) -> Document:
    name = path.name
    for f in failures:
        builder.warn(f"{name}: {f}")
    if not any(lay.has_chars for lay in layouts):
        builder.warn(f"{name}: no text layer (scanned?), {len(layouts)} pages")
        for lay in layouts:
            builder.start_page(lay.number)
        return builder.build(status=DocumentStatus.NO_TEXT)
    blank = [str(lay.number) for lay in layouts if not lay.has_chars and not lay.failed]
    if blank:
        builder.warn(f"{name}: no text layer (scanned?) on pages {', '.join(blank)}")
    pages = layouts_to_items(layouts, settings)
    for lay, items in zip(layouts, pages, strict=True):
        builder.start_page(lay.number)
        for item in items:
            if isinstance(item, Para):
                builder.add_block(item.kind, item.text, level=item.level)
            else:
                builder.add_table(item.cells, page=item.page, page_end=item.page_end)
    return builder.build(status=DocumentStatus.PARTIAL if failures else None)


def layouts_to_items(layouts: list[PageLayout], settings: PdfSettings) -> list[list[Item]]:
    """Per page, paragraphs and tables in reading order, with page-break splits mended."""
    keys = running_keys([(lay.height, lay.lines) for lay in layouts], settings)
    body_size = dominant_size(layouts)
    bodies = [drop_running_lines(lay.lines, lay.height, keys, settings) for lay in layouts]
    pitch = body_pitch(bodies, body_size)
    pages: list[list[Item]] = []
    metrics: dict[int, PageMetrics] = {}
    for lay, lines in zip(layouts, bodies, strict=True):
        if lines:
            metrics[lay.number] = lines_to_metrics(lines, body_size, pitch)
        pages.append(page_items(lines, lay.tables, metrics.get(lay.number), settings))
    join_across_pages(pages, metrics, settings)
    return pages


def dominant_size(layouts: list[PageLayout]) -> float:
    weight: dict[float, int] = {}
    for lay in layouts:
        for ln in lay.lines:
            weight[ln.size] = weight.get(ln.size, 0) + len(ln.text)
    return max(weight, key=weight.__getitem__) if weight else 10.0


def page_items(lines: list[Line], tables: list[PdfTable], m: PageMetrics | None,
               settings: PdfSettings) -> list[Item]:
    """Lines between tables become paragraphs; tables stay where they stand."""
    items: list[Item] = []
    run: list[Line] = []
    queue = list(tables)
    for line in lines:
        while queue and queue[0].top <= line.top:
            if run and m is not None:
                items.extend(lines_to_paras(run, m, settings))
                run = []
            items.append(queue.pop(0))
        run.append(line)
    if run and m is not None:
        items.extend(lines_to_paras(run, m, settings))
    items.extend(queue)
    return items


def join_across_pages(pages: list[list[Item]], metrics: dict[int, PageMetrics],
                      settings: PdfSettings) -> None:
    """Append a page's opening table or paragraph to the previous page's closing one."""
    tail: Item | None = None
    for number, items in enumerate(pages, start=1):
        if tail is not None and items and last_page(tail) == number - 1:
            if isinstance(tail, PdfTable):
                if (len(items) > 1 and isinstance(items[0], Para) and isinstance(items[1], PdfTable)
                        and all(is_table_continuation_note(ln) for ln in items[0].lines)
                        and tables_continue(tail, items[1])):
                    items.pop(0)
                if isinstance(items[0], PdfTable) and tables_continue(tail, items[0]):
                    append_rows(tail, items.pop(0))
            elif isinstance(items[0], Para) and continues_on_next_page(
                    tail, metrics[tail.lines[-1].page], items[0], metrics[number], settings):
                tail.lines.extend(items.pop(0).lines)
        if items:
            tail = items[-1]


def last_page(item: Item) -> int:
    return item.page_end if isinstance(item, PdfTable) else item.lines[-1].page
