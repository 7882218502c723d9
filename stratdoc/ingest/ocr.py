"""Scanned pages: rendered with pdfium, turned upright, recognized by Tesseract into words with
boxes in pdfplumber's shape (points of the upright page), so lines, paragraphs and table cells
come out of the same layout code as a text PDF's.

Tesseract is a Debian program (tesseract-ocr, tesseract-ocr-rus) driven through pytesseract;
when it is missing the reader keeps the scan as `no_text` and says what to install. Pages are
recognized in a thread pool (each Tesseract a process of its own with one thread), as many at
once as the cores this process may use.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from statistics import median
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image, ImageFilter, ImageOps

from stratdoc.ingest.ocr_tables import page_tables
from stratdoc.ingest.pdf_layout import PageLayout, words_to_lines
from stratdoc.ingest.pdf_tables import inside, table_to_grid
from stratdoc.ingest.pdf_text_tables import find_text_tables

if TYPE_CHECKING:
    from stratdoc.ingest.builder import DocumentBuilder
    from stratdoc.ingest.pdf_settings import PdfSettings

DPI = 300  # Tesseract's models are trained on text of about this resolution
OSD_DPI = 150  # orientation needs only the shapes of the letters
LANGS = "rus+eng"
MIN_OSD_CONFIDENCE = 1.0  # under it OSD is guessing (a page with a few words)
TESSERACT_CONFIG = "--psm 3 --oem 1"
MIN_CONFIDENCE = 0.0  # Tesseract's -1 marks boxes that are no word
# Short words Tesseract is this unsure of are specks and rule remnants read as letters.
SHORT_WORD, SHORT_MIN_CONFIDENCE = 2, 40.0
INSTALL_HINT = "scanned pages need OCR: install tesseract-ocr and tesseract-ocr-rus"
OCR_WARNING = "read by OCR (Tesseract): text and numbers may hold recognition errors"
# Tesseract's confusions next to digits: «730;2» is 730,2, «202!» is 2021.
DIGIT_FIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=\d)[;](?=\d)"), ","),
    (re.compile(r"(?<=\d)!|!(?=\d)"), "1"),
)
# Latin letters Tesseract puts for their Cyrillic twins in a word of Cyrillic text («OOO»).
LATIN_TWINS = str.maketrans("AaBEeKMHOoPpCcTXxy", "АаВЕеКМНОоРрСсТХху")
LATIN_ONLY = re.compile(r"^[AaBEeKMHOoPpCcTXxy]+$")
CYRILLIC = re.compile(r"[а-яё]", re.I)
# Short words (a row number alone in a narrow cell) Tesseract reads badly within a page: read
# again alone, with their neighbourhood, when it was this unsure of them.
REREAD_MAX_CHARS, REREAD_BELOW = 3, 90.0
# Lone strokes Tesseract reads off rule remnants and specks: no word of the text.
NOISE = frozenset("|[](){}_—–-=~'`\".,:;!/\\")


@lru_cache(maxsize=1)
def missing() -> str | None:
    """Why OCR cannot run here (the one-line hint), or None when it can."""
    exe = shutil.which("tesseract")
    if exe is None:
        return INSTALL_HINT
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return "scanned pages need OCR: install the pytesseract package"
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return INSTALL_HINT
    langs = set(out.split())
    return None if {"rus", "osd"} <= langs else INSTALL_HINT


def threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


# the reader's hook ----------------------------------------------------------------------------------

def read_scanned_pages(data: bytes, layouts: list[PageLayout], settings: PdfSettings,
                       builder: DocumentBuilder, name: str) -> bool:
    """Recognize the pages that have no text layer in place; True when any page was read.

    Without Tesseract the pages stay empty and the document says what to install."""
    blank = [i for i, lay in enumerate(layouts) if not lay.has_chars and not lay.failed]
    if not blank:
        return False
    reason = missing()
    if reason is not None:
        builder.warn(f"{name}: {reason}")
        return False
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        images = [render(doc[i], DPI) for i in blank]  # pdfium is not thread-safe: render here
    finally:
        doc.close()
    with ThreadPoolExecutor(max_workers=min(threads(), len(blank))) as pool:
        read = list(pool.map(lambda a: image_to_layout(a[1], layouts[a[0]].number, DPI, settings),
                             zip(blank, images, strict=True)))
    failed = []
    for i, lay in zip(blank, read, strict=True):
        if isinstance(lay, str):
            failed.append(f"page {layouts[i].number}: {lay}")
        else:
            layouts[i] = lay
    for f in failed:
        builder.warn(f"{name}: OCR failed on {f}")
    done = any(layouts[i].has_chars for i in blank)
    if done:
        builder.warn(f"{name}: {OCR_WARNING}, pages {', '.join(str(layouts[i].number) for i in blank)}")
    return done


def render(page: Any, dpi: float) -> Image.Image:
    """The page as pdfium shows it (its /Rotate applied), in gray."""
    return page.render(scale=dpi / 72.0, grayscale=True).to_pil().convert("L")


# one page ---------------------------------------------------------------------------------------------

def image_to_layout(image: Image.Image, number: int, dpi: float, settings: PdfSettings) -> PageLayout | str:
    """An upright page layout of a page image, or why it could not be read."""
    try:
        image = upright(image, dpi)
        gray = np.asarray(image, dtype=np.uint8)
        rules, grids = page_tables(gray, dpi)
        clean = gray.copy()
        clean[rules] = 255  # rules read as strokes and glue words across cells
        page = Image.fromarray(clean).filter(ImageFilter.MedianFilter(3))
        words = recognize(page, dpi)
    except Exception as e:  # one page Tesseract chokes on should not cost the others
        return f"{type(e).__name__}: {' '.join(str(e).split())[:160]}"
    scale = 72.0 / dpi
    layout = PageLayout(number, image.width * scale, image.height * scale)
    layout.has_chars = bool(words)
    tables = [t for t in (table_to_grid(g, number, words, settings) for g in grids) if t is not None]
    tables.sort(key=lambda t: t.top)
    if tables:
        words = [w for w in words if not any(inside(w, t) for t in tables)]
    found, used = find_text_tables(NoEdges(), number, words, tables, settings)
    if found:
        tables = sorted([*tables, *found], key=lambda t: t.top)
        words = [w for w in words if id(w) not in used]
    layout.tables = tables
    layout.lines = words_to_lines(words, number)
    return layout


class NoEdges:
    """The page for the text-table finder: its rules were taken by the ruled tables already."""

    horizontal_edges: list[dict[str, Any]] = []


def upright(image: Image.Image, dpi: float) -> Image.Image:
    """The image turned so that its text reads upright."""
    turn = orientation(image, dpi)
    return image.rotate(turn, expand=True, fillcolor=255) if turn else image


def orientation(image: Image.Image, dpi: float) -> int:
    """Degrees counter-clockwise that make the page upright: Tesseract's OSD on a small render,
    and when OSD cannot tell (too little text), the turn whose words Tesseract is surest of."""
    import pytesseract

    k = OSD_DPI / dpi
    small = image.resize((max(1, int(image.width * k)), max(1, int(image.height * k))))
    try:
        osd = pytesseract.image_to_osd(small, config=f"--psm 0 --dpi {OSD_DPI}",
                                       output_type=pytesseract.Output.DICT)
        if float(osd.get("orientation_conf", 0)) >= MIN_OSD_CONFIDENCE:
            return int(osd["rotate"]) and 360 - int(osd["rotate"])
    except pytesseract.TesseractError:
        pass
    w, h = small.size
    probe = small.crop((w // 6, h // 6, w - w // 6, h - h // 6))
    best, best_conf = 0, -1.0
    for turn in (0, 90, 180, 270):
        conf = mean_confidence(probe.rotate(turn, expand=True, fillcolor=255))
        if conf > best_conf:
            best, best_conf = turn, conf
    return best


def mean_confidence(image: Image.Image) -> float:
    import pytesseract

    data = pytesseract.image_to_data(image, lang=LANGS, config=f"--psm 3 --dpi {OSD_DPI}",
                                     output_type=pytesseract.Output.DICT)
    confs = [float(c) for c, t in zip(data["conf"], data["text"], strict=True) if float(c) >= 0 and t.strip()]
    return sum(confs) / len(confs) * min(1.0, len(confs) / 20) if confs else 0.0


@dataclass
class Box:
    text: str
    left: int
    top: int
    width: int
    height: int
    line: tuple[int, int, int]
    conf: float


def recognize(image: Image.Image, dpi: float) -> list[dict[str, Any]]:
    """Tesseract's words with their boxes, as pdfplumber words in points.

    A word's `size` is the median height of its Tesseract line (rounded to a point), so the
    layout code sees one font size per line as it would in a text PDF."""
    import pytesseract

    data = pytesseract.image_to_data(ImageOps.autocontrast(image), lang=LANGS,
                                     config=f"{TESSERACT_CONFIG} --dpi {int(dpi)}",
                                     output_type=pytesseract.Output.DICT)
    boxes: list[Box] = []
    for k, text in enumerate(data["text"]):
        text = " ".join(str(text).split())
        conf = float(data["conf"][k])
        if not text or conf < MIN_CONFIDENCE or all(ch in NOISE for ch in text):
            continue
        if len(text) <= SHORT_WORD and conf < SHORT_MIN_CONFIDENCE and not text.isdigit():
            continue
        boxes.append(Box(text, int(data["left"][k]), int(data["top"][k]), int(data["width"][k]),
                         int(data["height"][k]),
                         (int(data["block_num"][k]), int(data["par_num"][k]), int(data["line_num"][k])),
                         conf))
    for b in boxes:
        if len(b.text) <= REREAD_MAX_CHARS and b.conf < REREAD_BELOW:
            reread(image, b, dpi)
    cyrillic_lines = {b.line for b in boxes if CYRILLIC.search(b.text)}
    for b in boxes:
        if b.line in cyrillic_lines and LATIN_ONLY.match(b.text) and len(b.text) > 1:
            b.text = b.text.translate(LATIN_TWINS)
        if any(ch.isdigit() for ch in b.text):
            for pattern, repl in DIGIT_FIXES:
                b.text = pattern.sub(repl, b.text)
    heights: dict[tuple[int, int, int], list[int]] = {}
    for b in boxes:
        heights.setdefault(b.line, []).append(b.height)
    scale = 72.0 / dpi
    words = []
    for b in boxes:
        size = float(max(1, round(median(heights[b.line]) * scale)))
        top, bottom = b.top * scale, (b.top + b.height) * scale
        words.append({"text": b.text, "x0": b.left * scale, "x1": (b.left + b.width) * scale,
                      "top": top, "bottom": bottom, "doctop": top, "upright": True,
                      "direction": "ltr", "fontname": "OCR", "size": size, "conf": b.conf})
    return words


def reread(image: Image.Image, b: Box, dpi: float) -> None:
    """Read one short word again on its own crop (a single-word page); keep the surer reading."""
    import pytesseract

    pad = max(b.height, 8)
    crop = image.crop((max(0, b.left - pad), max(0, b.top - pad), b.left + b.width + pad,
                       b.top + b.height + pad))
    crop = crop.resize((crop.width * 2, crop.height * 2))  # a lone glyph reads better larger
    data = pytesseract.image_to_data(crop, lang=LANGS, config=f"--psm 8 --oem 1 --dpi {int(2 * dpi)}",
                                     output_type=pytesseract.Output.DICT)
    found = [(float(c), " ".join(str(t).split())) for c, t in zip(data["conf"], data["text"], strict=True)
             if str(t).strip() and float(c) >= 0]
    if len(found) == 1 and found[0][0] > b.conf:
        b.conf, b.text = found[0]
