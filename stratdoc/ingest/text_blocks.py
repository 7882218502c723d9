"""Plain lines → blocks and tables: the step shared by the TXT and HTML readers.

Text files and article text carry structure only as line shapes: runs of tab-separated,
pipe-separated or space-aligned lines are tables (``text_tables.py``), blank lines end a
chunk, a bullet or number marker starts a list item, a short upper-case or ``**bold**`` line
is a heading, and a line that stops mid-sentence continues on the next one. Each rule is a
small table below, so a new shape is a new row.

Pipeline: ``text_to_lines`` → ``lines_to_segments`` (table runs vs. text) →
``find_table_runs`` / ``lines_to_chunks`` → ``chunk_to_parts`` → ``add_parts`` into a
`DocumentBuilder`. Everything is linear in the input: a multi-megabyte single line costs
one pass, and lines longer than ``MAX_BLOCK_CHARS`` are cut at sentence ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from stratdoc.extract.lexicon.lines import SENTENCE_BREAK  # used here only to cut giant paragraphs
from stratdoc.ingest.builder import DocumentBuilder, RawCell
from stratdoc.ingest.text_tables import find_table_runs
from stratdoc.schema import BlockKind

# --- rules as data -------------------------------------------------------------------

# A line starting with one of these and then whitespace is a bulleted list item.
BULLETS = frozenset("-–—•*·■▪●○◦►▸➢✓")
# "1." "1)" "1.2." "1.2" "а)" then whitespace: a numbered list item (at most 2 digits per
# level, so years like "2021." never count).
NUMBER_MARKER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}(?:\.\d{1,2})+|[а-яa-z]\))\s")
# Section words that make a short line a heading whatever its case: "Раздел 2", "Глава IV".
SECTION_HEADING = re.compile(r"(?:раздел|глава)\s+(?:\d{1,3}|[ivxlc]{1,6})\b", re.IGNORECASE)
BOLD = "**"
# A line ending with one of these is complete; otherwise a lower-case next line continues it.
LINE_END_PUNCT = tuple(".!?…:;")
# A next line opening with one of these also continues a line left open: "(II этап)".
CONTINUATION_OPENERS = "("
MAX_HEADING_CHARS = 100  # a longer upper-case line is shouting prose, not a heading
MAX_JOINED_HEADING_CHARS = 200  # consecutive upper-case lines joined into one heading
MAX_BOLD_HEADING_CHARS = 300  # a **bold** span over several lines, e.g. a plan's title
MIN_HEADING_LETTERS = 3
MAX_BLOCK_CHARS = 20_000  # longer paragraphs are cut at sentence ends into several blocks
JOIN = " "  # wrapped lines of one paragraph are joined with a space: the text is ours

SPACES = re.compile(r"\s+")


# --- parts: what the text step hands to the builder ---------------------------------

@dataclass
class TextPart:
    kind: BlockKind
    text: str
    level: int | None = None


@dataclass
class TablePart:
    rows: list[list[str]]


Part = TextPart | TablePart


@dataclass
class _Pending:
    """A block being assembled from one or more lines."""

    kind: BlockKind
    lines: list[str] = field(default_factory=list)
    level: int | None = None
    joinable: bool = True  # False for bold and numbered headings: complete as they stand

    def length(self) -> int:
        return sum(len(x) for x in self.lines) + len(JOIN) * (len(self.lines) - 1)

    def to_part(self) -> TextPart:
        return TextPart(self.kind, JOIN.join(self.lines), self.level)


# --- lines ---------------------------------------------------------------------------

def text_to_lines(text: str) -> list[str]:
    """Split at every line break (\\r\\n, \\r, \\n, U+2028 …), keeping tabs and spaces."""
    return text.splitlines()


def lines_to_segments(lines: list[str]) -> list[tuple[str, list]]:
    """Group lines into ("table", rows) runs and ("text", lines) stretches, in order.

    Tables are the tab-separated, pipe-separated and space-aligned runs of
    `text_tables.find_table_runs`; every other line is text.
    """
    out: list[tuple[str, list]] = []
    pos = 0
    for run in find_table_runs(lines):
        if run.start > pos:
            out.append(("text", lines[pos:run.start]))
        out.append(("table", run.rows))
        pos = run.end
    if pos < len(lines):
        out.append(("text", lines[pos:]))
    return out


def rows_to_cells(rows: list[list[str]]) -> list[RawCell]:
    """Tab-separated text knows no merges: every position is its own 1×1 cell."""
    return [RawCell(row=r, col=c, text=text) for r, row in enumerate(rows) for c, text in enumerate(row)]


def lines_to_chunks(lines: Iterable[str]) -> list[list[str]]:
    """Blank lines (spaces and NBSP count as blank) separate chunks; inner spaces collapse."""
    chunks: list[list[str]] = []
    current: list[str] = []
    for raw in lines:
        line = SPACES.sub(" ", raw).strip()
        if line:
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


# --- line classification ---------------------------------------------------------------

def starts_with_bullet(line: str) -> bool:
    return len(line) > 1 and line[0] in BULLETS and line[1].isspace()


def number_marker_depth(line: str) -> int:
    """1 for "1." or "а)", 2 for "1.2.", …; 0 when the line has no number marker."""
    m = NUMBER_MARKER.match(line)
    if not m:
        return 0
    return m.group(0).rstrip().rstrip(".)").count(".") + 1


def is_upper_heading(line: str) -> bool:
    if len(line) > MAX_HEADING_CHARS or not line.isupper():
        return False
    return sum(1 for ch in line if ch.isalpha()) >= MIN_HEADING_LETTERS


def is_bold_line(line: str) -> bool:
    return len(line) > 2 * len(BOLD) and line.startswith(BOLD) and line.endswith(BOLD)


def strip_bold(text: str) -> str:
    """Markdown-ish bold markers are rendering, not content; a plain replace stays linear."""
    return text.replace(BOLD, "").strip() if BOLD in text else text


@dataclass(frozen=True)
class LineRule:
    """A line shape and the block it starts; the first matching rule wins."""

    name: str
    matches: Callable[[str], bool]
    kind: BlockKind
    level: Callable[[str], int | None] = lambda line: None
    joinable: bool = True


LINE_RULES: tuple[LineRule, ...] = (
    LineRule("bullet", starts_with_bullet, BlockKind.LIST_ITEM),
    LineRule("numbered upper-case heading",
             lambda s: number_marker_depth(s) > 0 and is_upper_heading(NUMBER_MARKER.sub("", s, count=1)),
             BlockKind.HEADING, level=number_marker_depth, joinable=False),
    LineRule("numbered item", lambda s: number_marker_depth(s) > 0, BlockKind.LIST_ITEM),
    LineRule("bold heading", lambda s: is_bold_line(s) and len(s) <= MAX_HEADING_CHARS + 2 * len(BOLD),
             BlockKind.HEADING, level=lambda s: 1, joinable=False),
    LineRule("section heading", lambda s: len(s) <= MAX_HEADING_CHARS and bool(SECTION_HEADING.match(s)),
             BlockKind.HEADING, level=lambda s: 1, joinable=False),
    LineRule("upper-case heading", is_upper_heading, BlockKind.HEADING, level=lambda s: 1),
)


def classify_line(line: str) -> _Pending:
    for rule in LINE_RULES:
        if rule.matches(line):
            return _Pending(rule.kind, [line], rule.level(line), rule.joinable)
    return _Pending(BlockKind.PARAGRAPH, [line])


def continues(prev: _Pending, line: str, cur: _Pending) -> bool:
    """Whether `line` (classified as `cur`) is the wrapped rest of `prev`."""
    if not prev.joinable or not cur.joinable:
        return False
    if prev.kind == BlockKind.HEADING:
        return cur.kind == BlockKind.HEADING and prev.length() + len(line) < MAX_JOINED_HEADING_CHARS
    if cur.kind != BlockKind.PARAGRAPH:
        return False
    last = prev.lines[-1]
    if last.endswith(LINE_END_PUNCT):
        return False
    first = line[0]
    return first.islower() or first in CONTINUATION_OPENERS


def bold_span_end(chunk: list[str], i: int) -> int | None:
    """End (exclusive) of a **bold** span opening at line i and closing a few lines later."""
    if not chunk[i].startswith(BOLD) or BOLD in chunk[i][len(BOLD):]:
        return None
    total = len(chunk[i])
    for j in range(i + 1, len(chunk)):
        total += len(chunk[j]) + len(JOIN)
        if total > MAX_BOLD_HEADING_CHARS or BOLD in chunk[j][:-len(BOLD)]:
            return None
        if chunk[j].endswith(BOLD):
            return j + 1
    return None


def chunk_to_parts(chunk: list[str]) -> list[TextPart]:
    """One blank-line-separated chunk → headings, list items and paragraphs."""
    pending: list[_Pending] = []
    i = 0
    while i < len(chunk):
        end = bold_span_end(chunk, i)
        if end is not None:
            pending.append(_Pending(BlockKind.HEADING, chunk[i:end], level=1, joinable=False))
            i = end
            continue
        line = chunk[i]
        cur = classify_line(line)
        if pending and continues(pending[-1], line, cur):
            pending[-1].lines.append(line)
        else:
            pending.append(cur)
        i += 1
    parts: list[TextPart] = []
    for p in pending:
        part = p.to_part()
        part.text = strip_bold(part.text)
        if part.text:
            parts.extend(split_long_part(part))
    return parts


# --- giant paragraphs ------------------------------------------------------------------------

def split_long_part(part: TextPart, limit: int = MAX_BLOCK_CHARS) -> list[TextPart]:
    """Cut a paragraph longer than `limit` at sentence ends (or spaces) into pieces.

    Downstream NLP works per block, so a 6 MB one-line file must not become one block.
    """
    if len(part.text) <= limit:
        return [part]
    return [TextPart(part.kind, piece, part.level) for piece in long_text_to_pieces(part.text, limit)]


def long_text_to_pieces(text: str, limit: int) -> list[str]:
    cuts = [m.end() for m in SENTENCE_BREAK.finditer(text)] + [len(text)]
    pieces: list[str] = []
    start = 0
    last_cut = 0  # latest sentence end after `start` that keeps the piece within the limit
    for cut in cuts:
        while cut - start > limit:
            if last_cut > start:
                end = last_cut
            else:  # one sentence over the limit: cut at the last space, else hard
                space = text.rfind(" ", start, start + limit)
                end = space + 1 if space > start else start + limit
            pieces.append(text[start:end].strip())
            start = end
        last_cut = cut
    if start < len(text):
        pieces.append(text[start:].strip())
    return [p for p in pieces if p]


# --- whole text ------------------------------------------------------------------------------

def lines_to_parts(lines: list[str]) -> list[Part]:
    parts: list[Part] = []
    for kind, seg in lines_to_segments(lines):
        if kind == "table":
            parts.append(TablePart(seg))
        else:
            for chunk in lines_to_chunks(seg):
                parts.extend(chunk_to_parts(chunk))
    return parts


def text_to_parts(text: str) -> list[Part]:
    return lines_to_parts(text_to_lines(text))


def add_parts(builder: DocumentBuilder, parts: Iterable[Part]) -> None:
    for part in parts:
        if isinstance(part, TablePart):
            builder.add_table(rows_to_cells(part.rows))
        else:
            builder.add_block(part.kind, part.text, level=part.level)
