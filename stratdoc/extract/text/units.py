"""Lines, sentences, words and quoted names of a document's running text.

Narrative extractors read lines rather than blocks: one reader puts a numbered item and its
bullets into separate blocks, another into one block with line breaks, and in both cases the
line's shape ("1. …", "- …", a short upper-case title) is what carries the nesting. Table
blocks are skipped: tables have their own extractor.

Morphology comes from the `Nlp` object the caller passes down: its `WordParse` records are
folded here into one small `WordForm` per word (the readings of the most probable part of
speech), which is what the rules compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from stratdoc.extract.lexicon.lines import SENTENCE_BREAK, TextSpan
from stratdoc.extract.nlp import Nlp, WordParse
from stratdoc.schema import BlockKind, Document, Span

# "- item", "• item", "■ item" …: a bulleted line.
BULLET = re.compile(r"[-–—•*·■▪●○◦►▸➢✓](?:\s+|(?=[а-яё]))")  # «-привлечение …» typed without a space
# "1. item", "1) item", "1.2. item", "1.2 item", "а) item": a numbered line; the number is kept.
NUMBER = re.compile(r"(?:(?P<num>\d{1,2}(?:\.\d{1,2})*)[.)]|(?P<multi>\d{1,2}(?:\.\d{1,2})+)"
                    r"|(?P<letter>[а-яa-z])\))\s+")
MAX_HEADING_CHARS = 100
WORD = re.compile(r"[A-Za-zА-Яа-яЁё0-9]+(?:[-‐'][A-Za-zА-Яа-яЁё0-9]+)*")
# Opening → closing quote marks. Straight quotes pair with themselves.
QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}
# A full stop after one of these is part of an abbreviation, not a sentence end.
ABBREVIATIONS = frozenset({
    "г", "гг", "им", "ул", "д", "т", "п", "пп", "с", "ст", "обл", "р", "руб", "тыс", "млн", "млрд",
    "чел", "ед", "др", "пр", "см", "ред", "рис", "табл", "стр", "ч", "n", "no", "кв", "м", "км", "га",
    "долл", "дол", "пос", "пгт", "мкр",
})


@dataclass(frozen=True)
class Line:
    """One line of a non-table block, with its list marker split off."""

    text: str
    start: int  # offset of text[0] in doc.text
    kind: BlockKind  # the kind of the block holding the line
    shape: str  # "number", "bullet", "heading" or "text"
    number: str | None  # the printed number of a numbered line ("1", "1.2", "а")
    body_start: int  # offset in doc.text where the text after the marker begins
    level: int | None = None  # the heading level the reader gave the block (a style, a font size)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def body(self) -> str:
        return self.text[self.body_start - self.start:]

    @property
    def style(self) -> str:
        """How the marker is written: ")" or "." for numbers, the bullet character for bullets."""
        marker = self.text[:self.body_start - self.start].strip()
        if self.shape == "number":
            return marker[-1] if marker and marker[-1] in ".)" else ""
        return marker[:1]

    @property
    def depth(self) -> int:
        return self.number.count(".") + 1 if self.number else 0


@dataclass(frozen=True)
class WordForm:
    lemma: str
    pos: str | None  # OpenCorpora POS: NOUN, ADJF, VERB, INFN, PRTF, NUMR, PREP, CONJ, LATN …
    cases: frozenset[str]  # every case the word can have under its first POS
    numbers: frozenset[str]  # "sing", "plur": every number it can have under that POS


Word = TextSpan  # a word with its offsets


def is_upper_text(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def line_shape(text: str, kind: BlockKind) -> tuple[str, str | None, int]:
    """(shape, number, length of the marker) of one line."""
    m = NUMBER.match(text)
    if m and m.group("letter"):  # "а)" items sit under numbered ones, like bullets
        return "bullet", m.group("letter"), m.end()
    if m:
        return "number", m.group("num") or m.group("multi"), m.end()
    m = BULLET.match(text)
    if m:
        return "bullet", None, m.end()
    if kind == BlockKind.LIST_ITEM:  # a list item whose marker the reader did not render
        return "bullet", None, 0
    if kind == BlockKind.HEADING or (len(text) <= MAX_HEADING_CHARS and is_upper_text(text)):
        return "heading", None, 0
    return "text", None, 0


def doc_to_lines(doc: Document) -> list[Line]:
    """Every non-empty line of the document's heading, paragraph and list blocks, in order."""
    lines: list[Line] = []
    for block in doc.blocks:
        if block.kind == BlockKind.TABLE:
            continue
        offset = block.start
        for raw in block.text.split("\n"):
            stripped = raw.strip()
            if stripped:
                start = offset + raw.index(stripped[0])
                shape, number, marker = line_shape(stripped, block.kind)
                lines.append(Line(stripped, start, block.kind, shape, number, start + marker, block.level))
            offset += len(raw) + 1
    return lines


# --- morphology ------------------------------------------------------------------------

# Parts of speech pymorphy3 leaves unnamed, read from the grammemes: «LED», «123», «ЦГИ».
UNNAMED_POS = ("LATN", "NUMB", "ROMN", "PNCT", "UNKN")


def word_form(nlp: Nlp, word: str) -> WordForm:
    """The word's folded form, kept per `Nlp` object: folding costs more than the parse lookup."""
    forms: dict[str, WordForm] = nlp.derived(word_form, dict)
    form = forms.get(word)
    if form is None:
        form = forms[word] = parses_to_form(word, nlp.parses(word))
    return form


def parses_to_form(word: str, parses: tuple[WordParse, ...]) -> WordForm:
    """One word's readings folded into the form the rules compare: the most probable reading's
    lemma and part of speech, and every case and number that part of speech allows it."""
    if not parses:
        return WordForm(word.lower(), None, frozenset(), frozenset())
    first = parses[0]
    pos = first.pos or next((g for g in UNNAMED_POS if g in first.grammemes), None)
    same = [p for p in parses if p.pos == first.pos]
    cases = frozenset(str(p.case) for p in same if p.case)
    numbers = frozenset(str(p.number) for p in same if p.number)
    return WordForm(first.lemma.replace("ё", "е"), pos, cases, numbers)


def word_labels(nlp: Nlp, path: Path, word: str) -> frozenset[str]:
    """The labels a pattern file gives one word, by its lemma («порталы» → {"weak"}): a table of
    the file's one-word phrases, built once per file and `Nlp` object, for rules that ask about
    one word at a time."""
    table = nlp.derived((word_labels, path), lambda: one_word_labels(nlp, path))
    return table.get(nlp.lemma(word), frozenset())


def any_reading_labels(nlp: Nlp, path: Path, word: str) -> frozenset[str]:
    """The labels of every reading of a word, not only the most probable one: «второе» reads
    first as a noun (a course of a meal), but may be the ordinal too."""
    table = nlp.derived((word_labels, path), lambda: one_word_labels(nlp, path))
    out: frozenset[str] = table.get(nlp.lemma(word), frozenset())
    for p in nlp.parses(word):
        out |= table.get(p.lemma.replace("ё", "е"), frozenset()) | table.get(p.lemma, frozenset())
    return out


def one_word_labels(nlp: Nlp, path: Path) -> dict[str, frozenset[str]]:
    grouped: dict[str, set[str]] = {}
    for e in nlp.patterns(path).entries:
        if "phrase" in e and " " not in e["phrase"].strip():
            grouped.setdefault(nlp.lemma(e["phrase"]), set()).add(e["label"])
    return {k: frozenset(v) for k, v in grouped.items()}


def words(text: str, offset: int = 0) -> list[Word]:
    return [Word(m.group(), m.start() + offset, m.end() + offset) for m in WORD.finditer(text)]


# --- sentences and quotes ------------------------------------------------------------------

def sentence_bounds(text: str, *, keep_quotes: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a line, full stops after abbreviations not counted;
    with `keep_quotes`, nor stops inside a quotation («Зима. Север. Бизнес»)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    inside = quoted_offsets(text) if keep_quotes else set()
    for m in SENTENCE_BREAK.finditer(text):
        if m.start() in inside:
            continue
        before = WORD.findall(text[max(0, m.start() - 12):m.start() + 1])
        if (text[m.start()] == "." and before and text[m.start() - 1].isalpha()
                and before[-1].lower() in ABBREVIATIONS):
            continue
        if text[m.start()] == "." and m.start() >= 2 and text[m.start() - 2] in " .":
            continue  # a single letter before the stop: an initial or "т.е."
        bounds.append((start, m.start() + 1))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def first_sentence(text: str, *, keep_quotes: bool = False) -> str:
    bounds = sentence_bounds(text, keep_quotes=keep_quotes)
    return text[:bounds[0][1]] if bounds else text


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in doc.text


def line_sentences(line: Line) -> Iterator[Sentence]:
    for s, e in sentence_bounds(line.text):
        yield Sentence(line.text[s:e], line.start + s)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the contents of each top-level quotation, quote marks excluded.

    Guillemets nest («… «…» …»); straight quotes pair left to right. An unclosed quote
    yields nothing, so a stray mark never swallows the rest of a line.
    """
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close = QUOTE_PAIRS.get(ch)
        if close is None:
            i += 1
            continue
        depth, j = 1, i + 1
        while j < n:
            if text[j] == close and (close != ch or depth == 1):
                depth -= 1
                if depth == 0:
                    break
            elif text[j] == ch and close != ch:
                depth += 1
            j += 1
        if j >= n:  # unclosed: skip this mark only
            i += 1
            continue
        out.append((i + 1, j))
        i = j + 1
    return out


def quoted_offsets(text: str) -> set[int]:
    """Every offset inside a quotation, its quote marks included: where a split must not cut."""
    return {i for s, e in quote_spans(text) for i in range(s - 1, e + 1)}


# What stands between two quoted names of one list: «А» (АБ), «Б» и «В», а также «Г».
QUOTE_JOINER = r"\s*(?:\([^()]{1,30}\))?\s*(?:,\s*а\s+также|,|;|\bи\b|\bили\b)\s*"


def split_top_level(text: str) -> list[tuple[str, int]]:
    """Comma items of a sentence, commas inside quotes and parentheses kept."""
    items, depth, start = [], 0, 0
    inside = quoted_offsets(text)
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0 and i not in inside:
            items.append((text[start:i], start))
            start = i + 1
    items.append((text[start:], start))
    return [(x, a) for x, a in items if x.strip()]


def split_inline_items(text: str, count: int | None) -> list[tuple[str, int, int]]:
    """«А, Б, В и Г» → (name, start, end) items; the last «и» splits only when a stated count
    asks for it, since «ремонт дорог и мостов» is one item."""
    sep = re.compile(r"\s*;\s*" if ";" in text else r"\s*,\s*")
    pieces, pos = [], 0
    for m in sep.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    pieces = [(a, b) for a, b in pieces if text[a:b].strip()]
    if count and len(pieces) == count - 1:
        a, b = pieces[-1]
        conj = list(re.finditer(r"\s+и\s+", text[a:b]))
        if conj:
            last = conj[-1]
            pieces[-1:] = [(a, a + last.start()), (a + last.end(), b)]
    return [(clean_name(without_parentheticals(text[a:b])), *strip_span(text, a, b)) for a, b in pieces]


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) of `text` past surrounding spaces."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def span_of(doc: Document, start: int, end: int) -> Span:
    return Span(page=doc.page_at(start), start=start, end=end)


PARENTHETICAL = re.compile(r"\s*\([^()]*(?:\([^()]*\)[^()]*)*\)")


def without_parentheticals(text: str) -> str:
    return " ".join(PARENTHETICAL.sub("", text).split())


def clean_name(text: str) -> str:
    """A name as printed, minus list punctuation at its end and doubled spaces."""
    return " ".join(text.split()).strip(" .,;:")
