"""The pdfium text engine against the pdfplumber one: the same Document from the same PDF.

pdfium's characters and ruling edges are handed to the same word grouping, table finder and
layout code as pdfminer's, so whatever a generated test PDF holds (running headers, hyphens at
line ends, ruled, row-ruled and unruled tables, wrapped cells, tables over page breaks,
pages stored turned) both engines must give the same text, blocks and table cells.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfplumber.utils.text import WordExtractor

from stratdoc.ingest.pdf import read_pdf
from stratdoc.ingest.pdf_pdfium import char_dicts, chars_to_words, read_page
from stratdoc.ingest.settings import ReadLimits
from stratdoc.schema import Document
from tests import pdf_factory as factory
from tests.decl_factory import committee_pdf
from tests.invariants import assert_offsets
from tests.table_corpus import BUILDERS, PDF_BUILDERS

needs_font = pytest.mark.skipif(not factory.have_font(), reason="DejaVu font not installed")
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def read(data: bytes, engine: str) -> Document:
    return read_pdf(Path("doc.pdf"), data, ReadLimits(), {"text_engine": engine})


def view(doc: Document) -> tuple:
    blocks = [(b.kind, b.level, b.page, doc.text[b.start:b.end]) for b in doc.blocks]
    tables = [(t.page, t.page_end, [(c.row, c.col, c.row_span, c.col_span, c.text) for c in t.cells])
              for t in doc.tables]
    return doc.status, doc.warnings, doc.hints, [p.number for p in doc.pages], blocks, tables


def assert_same(data: bytes) -> Document:
    new, old = read(data, "pdfium"), read(data, "pdfplumber")
    assert new.text == old.text
    assert view(new) == view(old)
    assert_offsets(new)
    return new


def turned(data: bytes, degrees: int) -> bytes:
    """The same pages stored turned: content drawn rotated in user space and /Rotate set so the
    page still shows upright, as landscape annexes are often stored."""
    doc = pdfium.PdfDocument(data)
    for page in doc:
        w, h = page.get_width(), page.get_height()
        m = {90: (0, 1, -1, 0, h, 0), 180: (-1, 0, 0, -1, w, h), 270: (0, -1, 1, 0, 0, w)}[degrees]
        for obj in list(page.get_objects(max_depth=1)):
            obj.transform(pdfium.PdfMatrix(*m))
        if degrees != 180:
            page.set_mediabox(0, 0, h, w)
        page.set_rotation(degrees)
        page.gen_content()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def strategy_bytes(pages: int) -> bytes:
    from benchmarks.strategy_pdf import strategy_pdf

    return strategy_pdf(pages, seed=3)


GENERATED = {
    "running_header": factory.running_header_pdf,
    "plan": lambda: factory.plan_pdf(7),
    "committee": committee_pdf,
    "scan": lambda: factory.image_only_pdf(2),
    "strategy": lambda: strategy_bytes(12),
}


@needs_font
@pytest.mark.parametrize("name", sorted(GENERATED))
def test_engines_agree_on_generated_pdfs(name: str) -> None:
    assert_same(GENERATED[name]())


@needs_font
@pytest.mark.parametrize("name", sorted(PDF_BUILDERS))
def test_engines_agree_on_table_corpus(name: str, tmp_path: Path) -> None:
    assert_same(BUILDERS[name](tmp_path).read_bytes())


@needs_font
@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_engines_agree_on_turned_pages(degrees: int) -> None:
    data = factory.running_header_pdf()
    doc = assert_same(turned(data, degrees))
    assert doc.text == read(data, "pdfium").text  # turned and shown upright again: the same text
    assert len(doc.tables) == 2


def test_engines_agree_on_sample() -> None:
    path = SAMPLES / "plan-meropriyatiy.pdf"  # page boxes inherited from the page tree
    if not path.is_file():
        pytest.skip("sample missing")
    assert_same(path.read_bytes())


@needs_font
def test_line_end_hyphen_is_a_hyphen() -> None:
    """pdfium swaps a hyphen ending a line for a private code; the reader puts it back."""
    doc = pdfium.PdfDocument(factory.running_header_pdf())
    words = [w["text"] for w in read_page(doc[0]).extract_words(extra_attrs=["fontname", "size"])]
    assert "эконо-" in words and "социально-" in words
    assert not any("\ufffe" in w or "\x02" in w for w in words)


@needs_font
def test_fast_words_equal_pdfplumbers_word_extractor() -> None:
    doc = pdfium.PdfDocument(strategy_bytes(4))
    for page in doc:
        chars = read_page(page).chars
        fast = chars_to_words(chars, 3, 3)
        slow = WordExtractor(x_tolerance=3, y_tolerance=3, extra_attrs=["fontname", "size"]
                             ).extract_words(char_dicts(chars))
        assert fast == slow


@needs_font
@pytest.mark.parametrize("lines, text", [
    (["Программа обеспечивает рост эконо\u00ad", "мического потенциала района."],
     "Программа обеспечивает рост экономического потенциала района."),
    (["Мероприятия направлены на повы\u2010", "шение качества жизни населения."],
     "Мероприятия направлены на повышение качества жизни населения."),
    (["Развитие социально\u00ad", "экономического комплекса округа."],
     "Развитие социально-экономического комплекса округа."),
])
def test_soft_hyphen_at_line_end_joins_the_word(lines: list[str], text: str) -> None:
    """A soft hyphen ending a line is a hyphen pdfium reports as such, so the word is mended
    like one broken with «-» (pdfminer's text has the soft hyphen, which is dropped, and the
    halves stay apart)."""
    s = factory.Sheet()
    s.new_page(running=False)
    s.lines(lines)
    assert read(s.output(), "pdfium").text == text
