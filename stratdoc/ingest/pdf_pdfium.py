"""PDF pages read with pdfium: characters, words and ruling edges shaped as pdfplumber shapes them.

pdfminer interprets a page's content stream in Python, which is most of pdfplumber's time;
pdfium does it in C. This module reads each page's characters (with their boxes) and its path
objects (`pdf_paths`) from pdfium and hands them on in pdfplumber's own dict shapes, in its page
coordinates (top-down, rotation applied), so that pdfplumber's word grouping and ruled-table
finder and all our layout code run on them unchanged. Nothing of pdfminer runs.

Differences from pdfminer evened out here: pdfium marks a hyphen ending a line with a private
code (U+FFFE / U+0002), turned back into «-»; it makes up line breaks (flagged as generated),
left out; and a space it makes up often replaces a real space char it merged away, so it is
kept as a blank char that ends a word (pdfplumber's words end at blank chars). Font sizes are
pdfium's nominal size scaled by the character's matrix, as pdfminer sizes a char.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfplumber.table import TableFinder
from pdfplumber.utils.text import LIGATURES, WordExtractor

from stratdoc.ingest.pdf_paths import (
    INT,
    VOIDP,
    Matrix,
    Obj,
    apply,
    c_function,
    display_matrix,
    mul,
    read_paths,
)

# pdfium's codes for a hyphen it found at a line end (the text range and the char API differ)
LINE_END_HYPHENS = {"\ufffe": "-", "\x02": "-"}
# characters pdfium may have made up between words and lines rather than read from the page
MAYBE_GENERATED = frozenset(" \r\n")
FONT_NAME_BUFFER = 256
SKEW_NOISE = 1e-6

# A character as read: text, x0, x1, top, bottom, upright, fontname, size (pdfplumber's keys).
Char = tuple[str, float, float, float, float, bool, str, float]
CHAR_KEYS = ("text", "x0", "x1", "top", "bottom", "upright", "fontname", "size")
DEFAULT_WORDS = (3, 3, ("fontname", "size"), ())


@dataclass
class PdfiumPage:
    """The part of a pdfplumber page the reader uses, filled from pdfium."""

    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    edges: list[Obj] = field(default_factory=list)
    rects: list[Obj] = field(default_factory=list)
    lines: list[Obj] = field(default_factory=list)
    curves: list[Obj] = field(default_factory=list)
    _words: dict[tuple[Any, ...], list[Obj]] = field(default_factory=dict)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    @property
    def horizontal_edges(self) -> list[Obj]:
        return [e for e in self.edges if e["orientation"] == "h"]

    @property
    def vertical_edges(self) -> list[Obj]:
        return [e for e in self.edges if e["orientation"] == "v"]

    def extract_words(self, x_tolerance: float = 3, y_tolerance: float = 3,
                      extra_attrs: list[str] | None = None, **kwargs: Any) -> list[Obj]:
        """pdfplumber's words: the reader's usual call by `chars_to_words`, any other by
        pdfplumber's own WordExtractor."""
        key = (x_tolerance, y_tolerance, tuple(extra_attrs or ()), tuple(sorted(kwargs.items())))
        if key not in self._words:
            if key[2:] == DEFAULT_WORDS[2:] and not any(not c[5] for c in self.chars):
                self._words[key] = chars_to_words(self.chars, x_tolerance, y_tolerance)
            else:
                extractor = WordExtractor(x_tolerance=x_tolerance, y_tolerance=y_tolerance,
                                          extra_attrs=extra_attrs, **kwargs)
                self._words[key] = extractor.extract_words(char_dicts(self.chars))
        return self._words[key]

    def find_tables(self, table_settings: dict[str, Any] | None = None) -> list[Any]:
        return TableFinder(self, table_settings).tables  # type: ignore[arg-type]

    def close(self) -> None:
        self._words.clear()


def char_dicts(chars: list[Char]) -> list[Obj]:
    out = []
    for c in chars:
        d = dict(zip(CHAR_KEYS, c, strict=True))
        d["doctop"] = d["top"]
        out.append(d)
    return out


def chars_to_words(chars: list[Char], x_tol: float, y_tol: float) -> list[Obj]:
    """pdfplumber's WordExtractor (extra_attrs fontname and size, upright text) without its
    per-char dicts: runs of chars in one font and size, each clustered into lines by top,
    left to right; a word ends at a blank, a step back, a gap over `x_tol` or a top off by
    more than `y_tol`."""
    words: list[Obj] = []
    for _, run in groupby(chars, key=itemgetter(5, 6, 7)):
        group = list(run)
        for line in run_lines(group, y_tol):
            word: list[Char] = []
            for c in line:
                if c[0].isspace():
                    if word:
                        words.append(merge(word))
                    word = []
                    continue
                if word:
                    p = word[-1]
                    if c[1] < p[1] or c[1] > p[2] + x_tol or abs(c[3] - p[3]) > y_tol:
                        words.append(merge(word))
                        word = []
                word.append(c)
            if word:
                words.append(merge(word))
    return words


def run_lines(group: list[Char], y_tol: float) -> list[list[Char]]:
    """A run's chars in lines: tops clustered (each within `y_tol` of the next), lines in
    cluster order, chars in a line by x0 — both sorts stable, as pdfplumber's. Text mostly
    comes in that order already; then it is only cut."""
    tops = sorted({c[3] for c in group})
    cluster: dict[float, int] = {}
    k, last = 0, tops[0]
    for t in tops:
        if t > last + y_tol:
            k += 1
        cluster[t] = k
        last = t
    ids = [cluster[c[3]] for c in group]
    if any(b < a for a, b in zip(ids, ids[1:], strict=False)):
        order = sorted(range(len(group)), key=ids.__getitem__)
        group = [group[i] for i in order]
        ids = [ids[i] for i in order]
    lines: list[list[Char]] = []
    start = 0
    for i in range(1, len(group) + 1):
        if i < len(group) and ids[i] == ids[start]:
            continue
        line = group[start:i]
        if any(q[1] < p[1] for p, q in zip(line, line[1:], strict=False)):
            line.sort(key=itemgetter(1))
        lines.append(line)
        start = i
    return lines


def merge(chars: list[Char]) -> Obj:
    """One word from its chars, sorted by x0 (so the first has the least x0)."""
    first = chars[0]
    x1, top, bottom = first[2], first[3], first[4]
    for c in chars:
        if c[2] > x1:
            x1 = c[2]
        if c[3] < top:
            top = c[3]
        if c[4] > bottom:
            bottom = c[4]
    x0 = first[1]
    return {"text": "".join([LIGATURES.get(c[0], c[0]) for c in chars]), "x0": x0, "x1": x1,
            "top": top, "doctop": top, "bottom": bottom, "upright": first[5], "height": bottom - top,
            "width": x1 - x0, "direction": "ltr", "fontname": first[6], "size": first[7]}


GET_TEXT_OBJECT = c_function(raw.FPDFText_GetTextObject, VOIDP, VOIDP, INT)
GET_LOOSE_BOX = c_function(raw.FPDFText_GetLooseCharBox, INT, VOIDP, INT, VOIDP)
IS_GENERATED = c_function(raw.FPDFText_IsGenerated, INT, VOIDP, INT)


def read_page(page: pdfium.PdfPage) -> PdfiumPage:
    """One pdfium page → its characters and ruling edges in pdfplumber's page coordinates."""
    mediabox = tuple(float(v) for v in page.get_bbox())  # inherited boxes too, unlike get_mediabox
    rotation = page.get_rotation() % 360
    ctm = display_matrix(mediabox, rotation)  # type: ignore[arg-type]
    w, h = mediabox[2] - mediabox[0], mediabox[3] - mediabox[1]
    if rotation in (90, 270):
        w, h = h, w
    out = PdfiumPage(width=w, height=h)
    textpage = page.get_textpage()
    try:
        out.chars = page_chars(textpage, ctm, h)
    finally:
        textpage.close()
    paths = read_paths(page, ctm, h)
    out.lines, out.rects, out.curves, out.edges = paths.lines, paths.rects, paths.curves, paths.edges
    return out


def page_chars(textpage: pdfium.PdfTextPage, ctm: Matrix, height: float) -> list[Char]:
    """pdfminer-like chars: x from pdfium's loose box (the glyph's advance), the bottom at the
    font's descent and the top one font size above it, as pdfminer boxes a char."""
    n = raw.FPDFText_CountChars(textpage)
    if n <= 0:
        return []
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # characters outside the BMP: one pdfium char is two UTF-16 units
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(n))
    tp = ctypes.cast(textpage.raw, VOIDP).value
    rect = raw.FS_RECTF()
    rect_at = ctypes.addressof(rect)
    matrix = raw.FS_MATRIX()
    flags = ctypes.c_int()
    name_buf = ctypes.create_string_buffer(FONT_NAME_BUFFER)
    get_box, get_obj, is_generated = GET_LOOSE_BOX, GET_TEXT_OBJECT, IS_GENERATED
    plain = ctm[:4] == (1.0, 0.0, 0.0, 1.0)
    dx, dy = ctm[4], ctm[5]
    last_obj: int | None = -1
    size, font, upright = 0.0, "", True
    chars: list[Char] = []
    append = chars.append
    for i, ch in enumerate(text):
        if ch in MAYBE_GENERATED and is_generated(tp, i):
            if ch == " " and chars:  # often stands for a space char pdfium merged away: a word break
                p = chars[-1]
                append((" ", p[2], p[2], *p[3:]))
            continue
        obj = get_obj(tp, i)
        if obj != last_obj:  # size, font and matrix are one text object's; look them up once
            last_obj = obj
            raw.FPDFText_GetMatrix(textpage, i, matrix)
            m = mul((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm)
            # pdfminer's test, blind to pdfium's float noise in the skew terms
            upright = m[0] * m[3] > 0 and m[1] * m[2] <= SKEW_NOISE * abs(m[0] * m[3])
            # the nominal size (Tf) scaled as the matrix scales the text's height
            size = float(raw.FPDFText_GetFontSize(textpage, i)) * abs(m[3] if upright else m[1])
            raw.FPDFText_GetFontInfo(textpage, i, name_buf, FONT_NAME_BUFFER, flags)
            font = name_buf.value.decode("utf-8", "replace")
        if not get_box(tp, i, rect_at):
            continue
        if plain:
            x0, x1, y0, y1 = rect.left + dx, rect.right + dx, rect.bottom + dy, rect.top + dy
        else:
            (ax, ay), (bx, by) = apply(ctm, rect.left, rect.bottom), apply(ctm, rect.right, rect.top)
            x0, x1, y0, y1 = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        if upright:
            y1 = y0 + size
        append((LINE_END_HYPHENS.get(ch, ch), x0, x1, height - y1, height - y0, upright, font,
                size if upright else y1 - y0))
    return chars
