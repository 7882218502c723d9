"""Scanned PDFs: a generated plan is printed to page images (turned, with light noise), saved as
an image-only PDF and read back by OCR; its measures, amounts and years must equal those read
from the text PDF it was made from. Tesseract is a Debian program: the tests that run it skip
with a one-line reason when it is absent (`make test` installs it when it can)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from stratdoc.extract import extract
from stratdoc.ingest import ocr, read_bytes
from stratdoc.ingest.ocr_tables import page_tables
from stratdoc.schema import DocumentStatus
from tests.pdf_factory import LEFT, GridCell, Sheet, have_font, image_only_pdf

needs_font = pytest.mark.skipif(not have_font(), reason="DejaVu font absent")
needs_tesseract = pytest.mark.skipif(ocr.missing() is not None, reason=str(ocr.missing()))

SCAN_DPI = 200
# (number, measure, responsible, amounts 2024..2026 in тыс. руб.) — three phrasings of a plan row
MEASURES = [
    ("1", "Ремонт дороги в селе Ивановка", "Управление ЖКХ", ["1 500,0", "2 000,0", "0,0"]),
    ("2", "Строительство детского сада", "Отдел строительства", ["48 000,0", "12 300,5", "0,0"]),
    ("3", "Модернизация уличного освещения", "Управление ЖКХ", ["730,2", "810,0", "905,7"]),
    ("4", "Приобретение школьных автобусов", "Отдел образования", ["6 250,0", "0,0", "3 100,0"]),
]
WIDTHS = [28.0, 190.0, 110.0, 54.0, 54.0, 54.0]


def plan_pdf() -> bytes:
    """A portrait plan of measures: a title, a paragraph and a ruled table whose header merges
    «Объем финансирования» over three year columns and the first columns over two rows."""
    s = Sheet()
    s.new_page(running=False)
    s.lines(["ПЛАН МЕРОПРИЯТИЙ ПО РАЗВИТИЮ РАЙОНА НА 2024 - 2026 ГОДЫ"], size=12, bold=True,
            indent_first=False)
    s.lines(["Финансирование мероприятий плана осуществляется за счет средств",
             "бюджета муниципального района."])
    s.y += 16
    cells = [GridCell(0, 0, "№", row_span=2), GridCell(0, 1, "Наименование мероприятия", row_span=2),
             GridCell(0, 2, "Исполнитель", row_span=2),
             GridCell(0, 3, "Объем финансирования, тыс. руб.", col_span=3),
             GridCell(1, 3, "2024"), GridCell(1, 4, "2025"), GridCell(1, 5, "2026")]
    for r, (num, name, who, amounts) in enumerate(MEASURES, start=2):
        cells += [GridCell(r, 0, num), GridCell(r, 1, name), GridCell(r, 2, who)]
        cells += [GridCell(r, 3 + k, a) for k, a in enumerate(amounts)]
    s.grid(cells, WIDTHS, row_h=26.0, x=LEFT - 20)
    return s.output()


def scanned(pdf: bytes, turn: int, seed: int = 3) -> bytes:
    """The pages printed at SCAN_DPI, turned `turn` degrees, with grain and specks, as an
    image-only PDF (no text layer)."""
    import pypdfium2 as pdfium

    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(pdf)
    pages = []
    for i in range(len(doc)):
        im = doc[i].render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
        a = np.asarray(im.rotate(turn, expand=True, fillcolor=255)).astype(np.int16)
        a += rng.normal(0, 10, a.shape).astype(np.int16)
        a[rng.random(a.shape) < 0.001] = 0
        pages.append(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)))
    buf = io.BytesIO()
    pages[0].save(buf, format="PDF", save_all=True, append_images=pages[1:], resolution=SCAN_DPI)
    return buf.getvalue()


def measure_facts(ex) -> list[tuple]:
    return sorted((m.number, m.name, tuple(sorted((f.year, f.amount, f.source) for f in m.funding)))
                  for m in ex.measures)


def test_a_scan_without_tesseract_is_no_text_and_says_what_to_install(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "missing", lambda: ocr.INSTALL_HINT)
    doc = read_bytes("scan.pdf", image_only_pdf(2))
    assert doc.status == DocumentStatus.NO_TEXT
    assert not doc.ocr
    assert any(w.endswith(ocr.INSTALL_HINT) for w in doc.warnings)


@needs_font
@needs_tesseract
def test_turned_noisy_scan_gives_the_measures_of_the_text_pdf() -> None:
    original = plan_pdf()
    text_doc = read_bytes("plan.pdf", original)
    scan_doc = read_bytes("plan_scan.pdf", scanned(original, 90))
    assert not text_doc.ocr
    assert scan_doc.ocr and scan_doc.status == DocumentStatus.OK
    assert any("read by OCR" in w for w in scan_doc.warnings)
    want = measure_facts(extract(text_doc))
    assert len(want) == len(MEASURES)
    assert measure_facts(extract(scan_doc)) == want


@needs_font
@needs_tesseract
def test_merged_header_cells_keep_their_spans_on_a_scan() -> None:
    doc = read_bytes("plan_scan.pdf", scanned(plan_pdf(), 0, seed=5))
    assert len(doc.tables) == 1
    table = doc.tables[0]
    spans = {(c.row, c.col): (c.row_span, c.col_span) for c in table.cells}
    assert spans[0, 3] == (1, 3)
    assert spans[0, 1] == (2, 1)
    years = [c.text for c in table.cells if c.row == 1]
    assert years == ["2024", "2025", "2026"]


@needs_font
@needs_tesseract
@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_turned_page_is_read_upright(turn: int) -> None:
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(plan_pdf())[0]
    image = ocr.render(page, 150).rotate(turn, expand=True, fillcolor=255)
    assert (ocr.orientation(image, 150) + turn) % 360 == 0


@needs_font
def test_rules_on_the_image_become_cells() -> None:
    """Without Tesseract too: the ruled grid of the rendered table gives its cell boxes."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(plan_pdf())[0]
    gray = np.asarray(ocr.render(page, SCAN_DPI), dtype=np.uint8)
    mask, tables = page_tables(gray, SCAN_DPI)
    assert len(tables) == 1
    # 6 columns × 6 rows, less the merged ones: 3 header cells over 2 rows, 1 over 3 columns
    assert len(tables[0].cells) == 6 * 6 - 3 - 2
    x0, top, x1, bottom = tables[0].bbox
    assert abs((x1 - x0) - sum(WIDTHS)) < 3
    assert mask.any()
