"""What one header cell says: the kind of value (базовое, факт, оценка, план), the scenario,
the year or span of years, or that it is a label, a unit or a source name only.

Header rows are told from body rows by such cells: a row of them continues the header.
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon.dates import YEAR_SPAN_RE
from stratdoc.extract.lexicon.funding_sources import find_sources
from stratdoc.extract.lexicon.lines import fold_spaces
from stratdoc.extract.lexicon.money import find_money_unit
from stratdoc.extract.lexicon.numbers import find_numbers
from stratdoc.extract.lexicon.units import is_unit_text
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.tables.grid import GridRow
from stratdoc.extract.tables.roles import word_lemma
from stratdoc.schema import Cell

# Header words → value kind (word stems, lower case). First match in this order wins.
KIND_STEMS: list[tuple[str, str]] = [
    ("базов", "base"), ("исходн", "base"), ("факт", "fact"), ("отчет", "fact"), ("исполнен", "fact"),
    ("оценк", "estimate"), ("ожидаем", "estimate"), ("прогноз", "plan"), ("план", "plan"),
    ("целев", "plan"), ("утвержд", "plan"),
]
# Scenario variants (stems); lemmas are reported («базового» → «базовый»).
SCENARIO_STEMS: tuple[str, ...] = (
    "консервативн", "базов", "целев", "инновационн", "оптимистичн", "пессимистичн", "оптимистическ",
    "пессимистическ", "реалистичн", "реалистическ", "инерционн",
    "умеренн", "форсированн", "стрессов", "интенсивн", "сбалансированн", "мобилизационн",
)
# Scenario adjectives agree with «вариант»/«сценарий» (masculine); other forms qualify other nouns.
NOT_SCENARIO_ENDINGS: tuple[str, ...] = ("ое", "ее", "ая", "яя", "ую", "юю", "ые", "ие", "ых", "их",
                                         "ыми", "ими")
NOT_SCENARIO_NOUNS: frozenset[str] = frozenset({"год", "года", "период", "периода", "уровень", "уровня",
                                                "показатель", "показателя", "индикатор", "ориентир"})
SCENARIO_MARKERS: frozenset[str] = frozenset({"вариант", "сценарий"})
NUMBER_HEADER_RE = re.compile(r"^\s*(?:№|n|no|номер)\s*(?:п\s*/\s*п|п\.\s*п\.?)?\.?\s*$|^\s*п\s*/\s*п\s*$",
                              re.IGNORECASE)
YEAR_RE = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d,])")
DATE_YEAR_RE = re.compile(r"(?<!\d)\d{1,2}\.\d{1,2}\.((?:19|20)\d\d)(?!\d)")  # «на 01.01.2025»
COLUMN_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})?\.?$")
_WORD_RE = re.compile(r"[А-Яа-яЁёA-Za-z]+")
_COMPOUND_WORD_RE = re.compile(r"[а-яёa-z]+(?:-[а-яёa-z]+)*")
# A variant named by its number: «Вариант 1», «вариант № 2», «Сценарий II», «1 вариант», «2-й сценарий».
NUMBERED_SCENARIO_RE = re.compile(
    r"\s*(?:(?:вариант|сценарий)\s*(?:№\s*)?(?:\d{1,2}|[IVX]{1,4})(?!\w|[.,]\d)"
    r"|(?:\d{1,2}|[IVX]{1,4})(?:\s*-?\s*(?:й|ый|ой))?\s+(?:вариант|сценарий)(?!\w))",
    re.IGNORECASE,
)
LABEL_MAX_WORDS = 3
# A column that compares with a year holds changes, not that year's values: «Прирост к 2019 г.»,
# «в % к 2019 г.», «Темп роста к уровню 2019 года», «2020 г. к 2019 г.» (a target «к 2030 году» with
# no word of change is the value for 2030).
_YEAR = r"(?:19|20)\d\d"
COMPARISON_RE = re.compile(
    rf"(?:прирос|рост|темп|измен|отклонени|динамик|%|процент)[^\n]*?(?<![а-яё])к\s+(?:уровню\s+)?{_YEAR}"
    rf"|{_YEAR}\s*(?:г\.?|год[а-я]*)?\s*к\s+{_YEAR}",
    re.IGNORECASE,
)


def kind_of(text: str) -> str | None:
    low = fold_spaces(text)
    for stem, kind in KIND_STEMS:
        if re.search(rf"(?<![а-я]){stem}", low):
            return kind
    return None


def _is_scenario_word(words: list[str], i: int) -> bool:
    w = words[i]
    if w.endswith(NOT_SCENARIO_ENDINGS) or (i + 1 < len(words) and words[i + 1] in NOT_SCENARIO_NOUNS):
        return False  # «базовое значение», «базовый год», «целевые показатели» are kinds, not scenarios
    return any(w.startswith(s) for s in SCENARIO_STEMS)


def _scenario_lemma(word: str, nlp: Nlp) -> str:
    """«консервативного» → «консервативный»; a compound keeps its first parts as printed and
    declines its last: «умеренно-оптимистичного» → «умеренно-оптимистичный»."""
    head, _, last = word.rpartition("-")
    return f"{head}-{word_lemma(last, nlp)}" if head else word_lemma(word, nlp)


# Endings of the adjective forms a scenario word takes; a word broken in a narrow cell («Оптимистичес
# кий», «Пессимистическ ий») is put back together only when its tail supplies one of them.
ADJECTIVE_ENDINGS: tuple[str, ...] = ("ий", "ый", "ой", "ого", "его", "ому", "ему", "ом", "ем", "им", "ым")
BROKEN_TAIL_MAX = 3


def _mend_broken_words(words: list[str]) -> list[str]:
    """Words of a cell with a scenario adjective broken over two lines glued back."""
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        glued = w + nxt
        if nxt and len(nxt) <= BROKEN_TAIL_MAX and not w.endswith(ADJECTIVE_ENDINGS) and \
                glued.endswith(ADJECTIVE_ENDINGS) and any(glued.startswith(s) for s in SCENARIO_STEMS):
            out.append(glued)
            i += 2
            continue
        out.append(w)
        i += 1
    return out


def scenario_words(text: str, nlp: Nlp) -> list[str]:
    """Scenario lemmas named in a text («консервативного» → «консервативный»)."""
    out = []
    words = _mend_broken_words(_COMPOUND_WORD_RE.findall(text.lower()))
    for i, w in enumerate(words):
        if _is_scenario_word(words, i):
            lem = _scenario_lemma(w, nlp)
            if lem not in out:
                out.append(lem)
    return out


def scenario_label(text: str, nlp: Nlp) -> str | None:
    """The scenario a short cell names: its adjective («Базовый вариант», «Сценарий 1 (базовый)» →
    «базовый»), else a numbered variant, lower case as printed («Вариант 1» → «вариант 1»)."""
    found = scenario_words(text, nlp)
    if found:
        return found[0]
    m = NUMBERED_SCENARIO_RE.match(text)
    return " ".join(m.group(0).lower().split()) if m else None


def kind_beside_scenario(text: str) -> str | None:
    """The kind a scenario column's header names apart from its scenario: «2024 (прогноз) / Базовый»
    is a plan value, while «2030 / Базовый» or «2030 / Целевой» names no kind at all (the
    stems «базов», «целев» are kinds only where they are not the scenario)."""
    words = _WORD_RE.findall(text.lower())
    rest = [w for i, w in enumerate(words) if not _is_scenario_word(words, i)]
    return kind_of(" ".join(rest))


def is_label(text: str) -> bool:
    """A short cell that only says which kind of value lies below («оценка», «факт», «план»)."""
    words = _WORD_RE.findall(text)
    return 0 < len(words) <= LABEL_MAX_WORDS and not find_numbers(text) and kind_of(text) is not None


def is_column_number_row(row: GridRow) -> bool:
    """`1 2 3 …` or `1.1 3 3.1 …` under a header: the printed column numbers."""
    texts = [c.text.strip() for c in row.origin_cells() if c.text.strip()]
    if len(texts) < 3 or not all(COLUMN_NUMBER_RE.match(t) for t in texts):
        return False
    return len(texts) >= len(row.distinct_texts()) and len(texts) * 2 >= len(row.origin_cells())


def is_label_row(row: GridRow) -> bool:
    """Two cells or more of kind labels; a cell merged across («Базовый сценарий» over the table)
    counts once."""
    cells: list[Cell] = []
    for c in row.cells:
        if c is not None and c.text.strip() and all(c is not o for o in cells):
            cells.append(c)
    return sum(1 for c in cells if is_label(c.text.strip())) >= 2


def is_header_atom(text: str, nlp: Nlp) -> bool:
    """Cells that can only be header: years, periods, kinds, scenarios, units, source names."""
    t = text.strip()
    if YEAR_SPAN_RE.fullmatch(re.sub(r"\s*(?:гг?\.?|годы?|годов)\s*$", "", t)):
        return True
    if re.fullmatch(r"(?:на\s+)?(?:19|20)\d\d\s*(?:г\.?|год[ау]?)?(?:\s*\(?[а-я ]+\)?)?", t.lower()) and \
            (len(_WORD_RE.findall(t)) <= LABEL_MAX_WORDS):
        return True
    if is_label(t) or (scenario_words(t, nlp) and len(_WORD_RE.findall(t)) <= LABEL_MAX_WORDS):
        return True
    if (find_money_unit(t) and len(_WORD_RE.findall(t)) <= 3 and not find_numbers(t)) or is_unit_text(t):
        return True
    if find_sources(t, nlp) and not find_numbers(t) and len(_WORD_RE.findall(t)) <= 6:
        return True
    return fold_spaces(t) in {"в том числе", "в т.ч.", "в т. ч.", "из них", "всего", "итого"}


def years_of(parts: list[str]) -> tuple[int | None, int | None, int | None]:
    """(year, year_from, year_to) from the deepest header part that names one."""
    for part in reversed(parts):
        m = YEAR_SPAN_RE.search(part)
        if m:
            return None, int(m.group(1)), int(m.group(2))
        years = YEAR_RE.findall(part) or DATE_YEAR_RE.findall(part)
        if len(years) == 1:
            return int(years[0]), None, None
    return None, None, None


# A cell that holds nothing but a year or a span of years: «2024», «2024 г.», «2024 - 2026 годы».
PERIOD_CELL_RE = re.compile(
    r"^\s*((?:19|20)\d\d)\s*(?:[-–—]\s*((?:19|20)\d\d))?\s*(?:гг?\.?|годы?|года|годов)?\s*$", re.IGNORECASE)


def period_of_cell(text: str) -> tuple[int | None, int | None, int | None]:
    """(year, year_from, year_to) of a cell holding only a year or a span of years, else Nones."""
    m = PERIOD_CELL_RE.match(text)
    if m is None:
        return None, None, None
    if m.group(2):
        return None, int(m.group(1)), int(m.group(2))
    return int(m.group(1)), None, None


