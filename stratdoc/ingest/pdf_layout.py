"""Layout steps of the PDF reader: words → lines → paragraphs, running headers, hyphenation.

pdfplumber gives positioned words; everything here works on whole lines, never on single
characters, so the cost stays proportional to the number of lines on a page. Rules are small
tables (regexes, predicate tuples) so a new kind of banner or list marker is one more entry.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from statistics import median
from typing import TYPE_CHECKING, Any

from stratdoc.schema import BlockKind

if TYPE_CHECKING:
    from stratdoc.ingest.pdf_settings import PdfSettings

BOLD_FONT_MARKERS = ("bold", "black", "heavy", "semibold", "demibold")

# Lines that are page furniture wherever they stand in the top/bottom band, even on one page:
# page numbers and the banners legal-database exports stamp on every page.
FURNITURE_LINES: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.I) for p in (
    r"^[-–—]?\s*\d{1,4}\s*[-–—]?$",                      # 3, - 3 -
    r"^(стр\.|страница|лист|с\.)\s*\d{1,4}(\s*(из|/)\s*\d{1,4})?$",  # Страница 3 из 16
    r"^\d{1,4}\s*(из|/)\s*\d{1,4}$",                      # 3 из 16, 3/16
    r"^документ предоставлен\s+консультант\s*плюс",
    r"^(www\.)?consultant\.ru\b",
    r"^надежная правовая поддержка",
    r"^дата сохранения:?\s*\d",
    r"^информационно-правовое обеспечение\s*[«\"]?гарант",
    r"^(www\.)?(garant|kodeks|docs\.cntd)\.ru\b",
    r"^(источник|документ скачан|сохранено)\b.*(кодекс|гарант|consultant|kodeks|cntd)",
))
# Lines standing between the two parts of a table broken over pages.
TABLE_CONTINUATION_LINES: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.I) for p in (
    r"^(продолжение|окончание)\s+(табл|прил)",
))
LIST_MARKER = re.compile(r"^(?:[•·▪●■◦○►✓*–—-]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[а-яa-z][)]\s)")
HEADING_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s")
CAPTION_START = re.compile(r"^(рисунок|рис\.|таблица|диаграмма|схема|график|источник)\b", re.I)
TERMINAL_PUNCT = ".!?:;"
DIGITS = re.compile(r"\d+")
SPACES = re.compile(r"\s+")
# A line-end hyphen with a letter before it and a letter after it on the next line.
LINE_END_HYPHEN = re.compile(r"(\w+)[-‐]$")
WORD_START = re.compile(r"^(\w+)")
# A line-end hyphen after these stays: adjective compounds written with a hyphen
# («социально-экономический», «научно-производственный», «русско-...»), and first parts of
# compounds that are no word on their own («северо-западный», «медико-...»).
COMPOUND_LEFT_SUFFIXES = ("но", "ско", "цко")
COMPOUND_FIRST_PARTS = frozenset({"северо", "юго", "медико", "историко", "экономико", "физико", "химико",
                                  "технико", "финансово", "военно", "жилищно", "социо"})


@dataclass
class Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float
    bold: bool


@dataclass
class Para:
    kind: BlockKind
    lines: list[Line]
    level: int | None = None

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def text(self) -> str:
        return join_text_lines([ln.text for ln in self.lines])


@dataclass
class PageMetrics:
    """What a page's body lines look like, for telling paragraph breaks from line wraps."""

    left: float
    right: float
    pitch: float  # usual distance between the tops of consecutive lines
    body_size: float

    @property
    def width(self) -> float:
        return max(self.right - self.left, 1.0)


# words → lines ---------------------------------------------------------------------------

def is_bold_font(fontname: str) -> bool:
    low = fontname.lower()
    return any(m in low for m in BOLD_FONT_MARKERS)


def group_words(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """pdfplumber words in lines by vertical overlap, top to bottom, each line left to right."""
    groups: list[list[dict[str, Any]]] = []
    top = bottom = 0.0
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if groups:
            overlap = min(bottom, w["bottom"]) - max(top, w["top"])
            if overlap >= 0.5 * min(bottom - top, w["bottom"] - w["top"]):
                groups[-1].append(w)
                bottom = max(bottom, w["bottom"])
                continue
        groups.append([w])
        top, bottom = w["top"], w["bottom"]
    for g in groups:
        g.sort(key=lambda w: w["x0"])
    return groups


def words_to_lines(words: list[dict[str, Any]], page: int) -> list[Line]:
    """Group pdfplumber words into lines by vertical overlap, left to right within a line.

    Words split only because the font changed inside a word (no gap) are glued back together.
    """
    return [word_group_to_line(g, page) for g in group_words(words)]


def word_group_to_line(group: list[dict[str, Any]], page: int) -> Line:
    group.sort(key=lambda w: w["x0"])
    parts: list[str] = []
    prev: dict[str, Any] | None = None
    bold_chars = total = 0
    for w in group:
        if prev is not None:
            glued = ((w["fontname"], w["size"]) != (prev["fontname"], prev["size"])
                     and w["x0"] - prev["x1"] < 0.1 * w["size"])
            if not glued:
                parts.append(" ")
        parts.append(w["text"])
        n = len(w["text"])
        total += n
        if is_bold_font(w["fontname"]):
            bold_chars += n
        prev = w
    main = max(group, key=lambda w: len(w["text"]))
    return Line(page=page, top=min(w["top"] for w in group), bottom=max(w["bottom"] for w in group),
                x0=group[0]["x0"], x1=group[-1]["x1"], text="".join(parts).replace("\xad", ""),
                size=round(main["size"], 1), bold=bold_chars * 2 > total)


# running headers and footers -----------------------------------------------------------------

def line_key(text: str) -> str:
    """A line with its numbers blanked, so «Страница 3 из 16» and «Страница 4 из 16» match."""
    return SPACES.sub(" ", DIGITS.sub("#", text.lower())).strip()


def in_band(line: Line, height: float, band: float) -> bool:
    return line.top < band * height or line.bottom > (1.0 - band) * height


def is_furniture(text: str) -> bool:
    t = text.strip()
    return any(p.search(t) for p in FURNITURE_LINES)


def running_keys(pages: list[tuple[float, list[Line]]], settings: PdfSettings) -> set[str]:
    """Keys of band lines that repeat on at least `repeat_ratio` of the pages (and on 2 or more)."""
    n_pages = len(pages)
    if n_pages < settings.min_pages_for_repeats:
        return set()
    counts: Counter[str] = Counter()
    for height, lines in pages:
        counts.update({line_key(ln.text) for ln in lines if in_band(ln, height, settings.band_fraction)})
    need = max(2, int(settings.repeat_ratio * n_pages))
    return {k for k, n in counts.items() if n >= need}


def drop_running_lines(lines: list[Line], height: float, keys: set[str],
                       settings: PdfSettings) -> list[Line]:
    return [ln for ln in lines
            if not (in_band(ln, height, settings.band_fraction)
                    and (line_key(ln.text) in keys or is_furniture(ln.text)))]


def is_table_continuation_note(line: Line) -> bool:
    return any(p.search(line.text) for p in TABLE_CONTINUATION_LINES)


# lines → paragraphs ---------------------------------------------------------------------------

def body_pitch(pages: Iterable[list[Line]], body_size: float) -> float | None:
    """The usual top-to-top distance of wrapped body lines over the whole document.

    A low percentile rather than the median, so that pages made of short one-line paragraphs
    (each followed by a gap) do not pass their gaps off as the line spacing.
    """
    pitches = sorted(b.top - a.top for lines in pages for a, b in zip(lines, lines[1:], strict=False)
                     if a.size == b.size == body_size and 0 < b.top - a.top < 3 * max(a.bottom - a.top, 1.0))
    return pitches[len(pitches) * 3 // 10] if pitches else None


def lines_to_metrics(lines: list[Line], body_size: float, pitch: float | None) -> PageMetrics:
    if pitch is None:
        heights = [ln.bottom - ln.top for ln in lines]
        pitch = 1.2 * median(heights)
    return PageMetrics(left=min(ln.x0 for ln in lines), right=max(ln.x1 for ln in lines),
                       pitch=pitch, body_size=body_size)


def gap_break(prev: Line, line: Line, m: PageMetrics, s: PdfSettings) -> bool:
    scale = max(1.0, line.size / m.body_size, prev.size / m.body_size)
    return line.top - prev.top > s.para_gap_factor * m.pitch * scale


def style_break(prev: Line, line: Line, m: PageMetrics, s: PdfSettings) -> bool:
    return prev.bold != line.bold or abs(prev.size - line.size) > 0.6


def list_break(prev: Line, line: Line, m: PageMetrics, s: PdfSettings) -> bool:
    return LIST_MARKER.match(line.text) is not None


def indent_break(prev: Line, line: Line, m: PageMetrics, s: PdfSettings) -> bool:
    """A first-line indent after a line flush with the left margin starts a paragraph."""
    at_margin = abs(prev.x0 - m.left) <= s.indent_min
    return at_margin and s.indent_min < line.x0 - m.left <= s.indent_max_fraction * m.width


def short_line_break(prev: Line, line: Line, m: PageMetrics, s: PdfSettings) -> bool:
    """A line ending a sentence well short of the right margin ends its paragraph."""
    return prev.text.rstrip()[-1:] in TERMINAL_PUNCT and prev.x1 < m.right - s.short_line_fraction * m.width


ParaBreak = Callable[[Line, Line, PageMetrics, "PdfSettings"], bool]
PARA_BREAKS: tuple[ParaBreak, ...] = (gap_break, style_break, list_break, indent_break, short_line_break)


def lines_to_paras(lines: list[Line], m: PageMetrics, settings: PdfSettings) -> list[Para]:
    groups: list[list[Line]] = []
    for line in lines:
        if groups and not any(rule(groups[-1][-1], line, m, settings) for rule in PARA_BREAKS):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [classify_para(g, m, settings) for g in groups]


def classify_para(lines: list[Line], m: PageMetrics, settings: PdfSettings) -> Para:
    text = " ".join(ln.text for ln in lines)
    first = lines[0].text
    letters = [ch for ch in text if ch.isalpha()]
    short = len(text) <= settings.heading_max_chars
    upper = len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)
    bold = all(ln.bold for ln in lines)
    larger = min(ln.size for ln in lines) >= 1.15 * m.body_size
    if short and (bold or upper or larger) and not CAPTION_START.match(first) \
            and text.rstrip()[-1:] not in ",;":
        num = HEADING_NUMBER.match(first)
        level = num.group(1).count(".") + 1 if num else (1 if upper or larger else 2)
        return Para(BlockKind.HEADING, lines, level=level)
    if LIST_MARKER.match(first):
        return Para(BlockKind.LIST_ITEM, lines)
    return Para(BlockKind.PARAGRAPH, lines)


def continues_on_next_page(prev: Para, prev_m: PageMetrics, nxt: Para, next_m: PageMetrics,
                           settings: PdfSettings) -> bool:
    """A paragraph cut by a page break: the page ends mid-sentence on a full line and the next
    page starts flush left (no first-line indent) with ordinary text."""
    last, first = prev.lines[-1], nxt.lines[0]
    return (prev.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
            and nxt.kind == BlockKind.PARAGRAPH
            and last.text.rstrip()[-1:] not in TERMINAL_PUNCT
            and last.x1 >= prev_m.right - settings.short_line_fraction * prev_m.width
            and first.x0 - next_m.left <= settings.indent_min
            and abs(last.size - first.size) <= 0.6 and last.bold == first.bold)


# hyphenation ------------------------------------------------------------------------------------

def word_is_known(word: str) -> bool:
    """Is the word in the dictionary? Readers take no `Nlp`, so this asks the process's own."""
    from stratdoc.extract.nlp import shared

    return shared().is_known(word)


def hyphen_joint(left: str, right: str) -> str:
    """What goes between two halves of a word split at a line-end hyphen: "" or "-".

    Rules in order: a hyphen before a digit or a capital (not all caps) stays; a known
    compound first part, or two known words with an adjective-compound ending on the left
    («социально-»), keep it; a joined word the dictionary knows, or a left part that is no
    word at all, means a typesetting hyphen («эконо-мического» → «экономического»).
    """
    if not (left[-1:].isalpha() and right[:1].isalpha()) or (right[:1].isupper() and not left.isupper()):
        return "-"
    lo = left.lower()
    if lo in COMPOUND_FIRST_PARTS:
        return "-"
    if lo.endswith(COMPOUND_LEFT_SUFFIXES) and word_is_known(lo) and word_is_known(right):
        return "-"
    if word_is_known(left + right):
        return ""
    if left.isupper():
        return "-"
    return "-" if word_is_known(lo) else ""


def join_text_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines with spaces, mending words hyphenated at a line end."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        m = LINE_END_HYPHEN.search(out)
        w = WORD_START.match(line)
        if m and w:
            out = out[:-1] + hyphen_joint(m.group(1), w.group(1)) + line
        else:
            out += " " + line
    return out


# page items ---------------------------------------------------------------------------------------

@dataclass
class PageLayout:
    """One page reduced to what the document needs: body lines and found tables, by position."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[Any] = field(default_factory=list)  # pdf.PdfTable, ordered by top
    has_chars: bool = False
    failed: bool = False  # the page could not be parsed; reported apart from pages without text
