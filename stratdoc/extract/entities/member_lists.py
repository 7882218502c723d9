"""Members of a team, council, commission or working group, read from the layout of their list.

An act that creates a body prints its members one to an entry, the name in the nominative with
the position beside it, in one of a few layouts:

- «Фамилия Имя Отчество – должность» on one line, or in two cells of a table row;
- «Фамилия» on one line and «Имя Отчество» on the next, the position after a dash on the first
  of them, on the second, or on a line of its own below;
- the same two columns as a PDF reads them, row by row into one paragraph: «Фамилия - начало
  должности Имя Отчество конец должности»: the first name and the patronymic stand inside the
  position and are taken out of it.

The tagger reads such lists badly (a surname alone, a first name with a patronymic alone), so
an entry is recognised by its shape: a surname-like word, a first name and a patronymic in the
nominative (the patronymic is what makes a list of names a list of people), and a position after
a dash or a cell's edge. A line that starts in lower case continues the position above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratdoc.extract.entities.positions import opens_position
from stratdoc.extract.lexicon.lines import TextLine, text_to_lines
from stratdoc.extract.nlp import Nlp

DASHES = frozenset({"-", "–", "—"})
WORD_RE = re.compile(r"[^\s]+")
NAME_WORD_RE = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?")
PATRONYMIC_RE = re.compile(r"(?:ович|евич|ьич|ич|овна|евна|ична|инична)$")
MAX_CONTINUATION_LINES = 2
HEAD_WORDS = 4  # a position's head noun stands among its first words («исполняющий обязанности министра»)


@dataclass(frozen=True)
class Member:
    """One entry of a member list: the name (first name first), the position as printed, the
    surname's offsets, and the offsets of the whole entry (which no other reading may reuse)."""

    name: str
    position: str
    start: int
    end: int
    entry: tuple[int, int]
    position_span: tuple[int, int]


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


def member_list_entries(text: str, nlp: Nlp) -> list[Member]:
    """Every member-list entry in a text, in order."""
    lines = text_to_lines(text)
    out: list[Member] = []
    i = 0
    while i < len(lines):
        found = _entry_at(text, lines, i, nlp)
        if found is None:
            i += 1
            continue
        member, used = found
        out.append(member)
        i += used
    return out


def _entry_at(text: str, lines: list[TextLine], i: int, nlp: Nlp) -> tuple[Member, int] | None:
    """The entry starting on line i and how many lines it takes."""
    line = lines[i]
    for cell_start, cell in _cells(line):
        words = _words(cell, line.start + cell_start)
        if not words or not NAME_WORD_RE.fullmatch(words[0].text):
            continue
        found = _entry_in_cell(text, lines, i, line.start + cell_start + len(cell), words, nlp)
        if found is not None:
            return found
        if not words[0].text.isdigit():
            break
    return None


def _entry_in_cell(text: str, lines: list[TextLine], i: int, cell_end: int, words: list[Word],
                   nlp: Nlp) -> tuple[Member, int] | None:
    """An entry whose name opens a cell (or a line): the three layouts of the module's docstring."""
    line = lines[i]
    rest_of_line = (cell_end, line.end)
    used = 1
    pieces: list[tuple[int, int]] = []
    # «Фамилия Имя Отчество …» or «Имя Отчество Фамилия …»
    if len(words) >= 3 and _first_and_patronymic(words[1], words[2], nlp) and _surname(words[0], nlp):
        surname, first, patronymic, after = words[0], words[1], words[2], words[3:]
    elif len(words) >= 3 and _first_and_patronymic(words[0], words[1], nlp) and _surname(words[2], nlp):
        first, patronymic, surname, after = words[0], words[1], words[2], words[3:]
    elif _surname(words[0], nlp) and (len(words) == 1 or words[1].text in DASHES):
        surname, after = words[0], words[1:]
        pair = _pair_inside(after, nlp)
        if pair is not None:  # two columns read row by row
            k, first, patronymic = pair
            pieces.append(_range(after[:k]))
            after = after[k + 2:]
        else:
            if i + 1 >= len(lines):
                return None
            below = lines[i + 1]
            below_cells = _cells(below)
            below_words = _words(below_cells[0][1], below.start + below_cells[0][0])
            if len(below_words) < 2 or not _first_and_patronymic(below_words[0], below_words[1], nlp):
                return None
            first, patronymic = below_words[0], below_words[1]
            pieces.append(_range(after))
            pieces.append(rest_of_line)
            rest_of_line = (below_words[1].end, below.end)
            after = []
            used = 2
    else:
        return None
    if after and after[0].text not in DASHES and not pieces:
        return None  # a name running on into a sentence, not a list entry
    pieces.append(_range(after))
    pieces.append(rest_of_line)
    return _member(text, lines, (i, used), (first, patronymic, surname), pieces, nlp)


def _member(text: str, lines: list[TextLine], at: tuple[int, int], name: tuple[Word, Word, Word],
            pieces: list[tuple[int, int]], nlp: Nlp) -> tuple[Member, int] | None:
    """The member of lines[i:i + used] (`at`) whose position is printed in `pieces`, with the
    lines below that carry the position on; None when what is left holds no position's head."""
    i, used = at
    spans = [(a, b) for a, b in pieces if a < b and text[a:b].strip()]
    position = " ".join(" ".join(text[a:b] for a, b in spans).split())
    if not position and i + used < len(lines) and lines[i + used].text.lstrip()[:1] in DASHES:
        below = lines[i + used]
        spans = [(below.start, below.end)]
        position = " ".join(below.text.split())
        used += 1
    while position and not position.endswith((";", ".")) and i + used < len(lines) \
            and used < MAX_CONTINUATION_LINES + 2 and _continues(lines[i + used].text):
        below = lines[i + used]
        spans.append((below.start, below.end))
        position = f"{position} {' '.join(below.text.split())}"
        used += 1
    position = position.lstrip("".join(DASHES) + " \t").rstrip(" ;.,")
    if not position or not spans or not any(opens_position(w.strip("«»\"(),"), nlp)
                                            for w in position.split()[:HEAD_WORDS]):
        return None
    surname = name[2]
    last = lines[i + used - 1]
    member = Member(name=" ".join(_as_name(w.text) for w in name), position=position,
                    start=surname.start, end=surname.end,
                    entry=(lines[i].start, last.end), position_span=(spans[0][0], spans[-1][1]))
    return member, used


def _continues(text: str) -> bool:
    """A line that carries on the position above: it starts in lower case or with a note «(…»."""
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0].islower() or stripped.startswith("(")) and "\t" not in stripped


def _cells(line: TextLine) -> list[tuple[int, str]]:
    """Tab-separated cells of a line with their offsets in it."""
    out, pos = [], 0
    for raw in line.text.split("\t"):
        if raw.strip():
            out.append((pos, raw))
        pos += len(raw) + 1
    return out


def _words(text: str, offset: int) -> list[Word]:
    return [Word(m.group().strip(",;"), offset + m.start(), offset + m.start() + len(m.group().strip(",;")))
            for m in WORD_RE.finditer(text) if m.group().strip(",;")]


def _range(words: list[Word]) -> tuple[int, int]:
    return (words[0].start, words[-1].end) if words else (0, 0)


def _pair_inside(words: list[Word], nlp: Nlp) -> tuple[int, Word, Word] | None:
    """The first name and patronymic standing inside a position after a dash, at index k."""
    if not words or words[0].text not in DASHES:
        return None
    for k in range(1, len(words) - 1):
        if _first_and_patronymic(words[k], words[k + 1], nlp):
            return k, words[k], words[k + 1]
    return None


def _first_and_patronymic(first: Word, patronymic: Word, nlp: Nlp) -> bool:
    """«Алексей Борисович», «Наталья Алексеевна»: a first name and a patronymic, nominative."""
    if not (NAME_WORD_RE.fullmatch(first.text) and NAME_WORD_RE.fullmatch(patronymic.text)):
        return False
    word = _as_name(patronymic.text)
    if not PATRONYMIC_RE.search(word.lower()):
        return False
    # the patronymic is the sure sign; a first name may first read as a word («Вера», «Роман»)
    return any(p.has("Name") and p.has("nomn") for p in nlp.parses(_as_name(first.text))) and \
        any(p.has("Patr") and p.has("nomn") for p in nlp.parses(word))


def _surname(word: Word, nlp: Nlp) -> bool:
    """A capitalised word that may be a surname: no first name, patronymic or position head."""
    text = _as_name(word.text)
    if not NAME_WORD_RE.fullmatch(text) or len(text) < 2:
        return False
    parses = nlp.parses(text)
    first = parses[0] if parses else None
    if first is not None and (first.has("Name") or first.has("Patr")) and first.has("nomn") \
            and not any(p.has("Surn") for p in parses):
        return False  # a first name, not a surname («Алексей»); «Шалагинов» may be guessed a plural
    if opens_position(text, nlp):
        return False
    return not parses or parses[0].pos not in ("PREP", "CONJ", "PRCL", "NPRO", "ADVB", "VERB", "INFN")


def _as_name(word: str) -> str:
    """«СМИРНОВ» → «Смирнов»."""
    return "-".join(p.capitalize() for p in word.split("-")) if word.isupper() else word
