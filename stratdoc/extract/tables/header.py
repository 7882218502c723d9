"""Header rows → a column model: what each column holds, for which year, kind, scenario, unit.

Headers run over several rows: a spanning «Источники финансирования (млн руб.)» over a row
of years; a row of labels («оценка», «факт», «план»); a row of column numbers (`1 2 3 …`,
`1.1 3 3.1 …`). Each column gathers the texts above it, top to bottom, and is read from them.
Title rows (one text across the sheet) that precede the header join the caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stratdoc.extract.lexicon.dates import YEAR_SPAN_RE
from stratdoc.extract.lexicon.funding_sources import find_sources, source_of
from stratdoc.extract.lexicon.money import MoneyUnit, find_money_unit
from stratdoc.extract.lexicon.numbers import find_numbers
from stratdoc.extract.lexicon.units import is_unit_text
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.tables.grid import GridRow, TableView
from stratdoc.extract.tables.roles import lemmas_of, word_lemma
from stratdoc.schema.records import Source

# Header words → value kind (word stems, lower case). First match in this order wins.
KIND_STEMS: list[tuple[str, str]] = [
    ("базов", "base"), ("исходн", "base"), ("факт", "fact"), ("отчет", "fact"), ("исполнен", "fact"),
    ("оценк", "estimate"), ("ожидаем", "estimate"), ("прогноз", "plan"), ("план", "plan"),
    ("целев", "plan"), ("утвержд", "plan"),
]
# Scenario variants (stems); lemmas are reported («базового» → «базовый»).
SCENARIO_STEMS: tuple[str, ...] = (
    "консервативн", "базов", "целев", "инновационн", "оптимистичн", "пессимистичн", "инерционн",
    "умеренн", "форсированн", "стрессов", "интенсивн", "сбалансированн", "мобилизационн",
)
# Scenario adjectives agree with «вариант»/«сценарий» (masculine); other forms qualify other nouns.
NOT_SCENARIO_ENDINGS: tuple[str, ...] = ("ое", "ее", "ая", "яя", "ую", "юю", "ые", "ие", "ых", "их",
                                         "ыми", "ими")
NOT_SCENARIO_NOUNS: frozenset[str] = frozenset({"год", "года", "период", "периода", "уровень", "уровня",
                                                "показатель", "показателя", "индикатор", "ориентир"})
SCENARIO_MARKERS: frozenset[str] = frozenset({"вариант", "сценарий"})

# Column roles by header lemmas, tried in order. mode "any": one of the lemmas anywhere;
# "head": the first noun of the header (adjectives skipped).
COLUMN_RULES: list[tuple[str, frozenset[str], str]] = [
    ("scenario", SCENARIO_MARKERS, "head"),
    ("responsible", frozenset({"исполнитель", "соисполнитель", "ответственный", "заказчик", "организация",
                               "застройщик", "инициатор", "инвестор", "участник", "куратор"}), "any"),
    ("result", frozenset({"результат", "эффект"}), "any"),
    ("period", frozenset({"срок", "период"}), "any"),
    ("period", frozenset({"год"}), "head"),
    ("status", frozenset({"статус", "стадия", "этап", "состояние"}), "head"),
    ("money", frozenset({"стоимость", "финансирование", "инвестиция", "объем", "затрата", "потребность",
                         "средство", "бюджет", "сумма", "ассигнование", "расход"}), "any"),
    ("name", frozenset({"наименование", "название"}), "any"),
    ("object", frozenset({"объект", "местоположение", "месторасположение", "местонахождение", "адрес",
                          "площадка", "расположение", "локализация", "территория"}), "head"),
    ("object", frozenset({"место реализации", "место размещения", "место расположения", "населенный пункт",
                          "муниципальное образование"}), "phrase"),
    ("description", frozenset({"содержание", "описание", "характеристика"}), "head"),
]
# Without a «Наименование …» column, the first column headed by one of these names the rows.
NAME_FALLBACK_LEMMAS: frozenset[str] = frozenset({
    "мероприятие", "показатель", "индикатор", "проект", "объект", "цель", "задача", "направление",
})
# Head nouns of a second row-naming column that then holds each row's target («Целевой показатель»).
RESULT_HEAD_LEMMAS: frozenset[str] = frozenset({"показатель", "индикатор"})
UNIT_LEMMAS: frozenset[str] = frozenset({"единица", "ед"})
UNIT_MARK_RE = re.compile(r"ед\.?\s*изм|единиц\w*\s+измерени", re.IGNORECASE)
NUMBER_HEADER_RE = re.compile(r"^\s*(?:№|n|no|номер)\s*(?:п\s*/\s*п|п\.\s*п\.?)?\.?\s*$|^\s*п\s*/\s*п\s*$",
                              re.IGNORECASE)
YEAR_RE = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d,])")
DATE_YEAR_RE = re.compile(r"(?<!\d)\d{1,2}\.\d{1,2}\.((?:19|20)\d\d)(?!\d)")  # «на 01.01.2025»
COLUMN_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})?\.?$")
# Parts of speech (pymorphy3 tags) skipped when looking for a header's head noun.
NOT_HEAD_POS: frozenset[str | None] = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "NUMR", "PREP", "CONJ",
                                                 "PRCL", "NPRO", None})
_WORD_RE = re.compile(r"[А-Яа-яЁёA-Za-z]+")
LABEL_MAX_WORDS = 3


@dataclass
class Column:
    index: int
    parts: list[str] = field(default_factory=list)  # header texts above the column, top to bottom
    role: str = "other"
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    kind: str | None = None
    scenario: str | None = None
    unit: MoneyUnit | None = None
    source: Source | None = None
    unit_in_name: bool = False

    @property
    def header(self) -> str:
        return " ".join(self.parts)

    @property
    def has_period(self) -> bool:
        return self.year is not None or self.year_from is not None


@dataclass
class Header:
    columns: list[Column]
    body_start: int  # index into TableView.rows of the first body row
    first_row: list[str]  # normalised texts of the top header row, to spot it repeated
    title: str = ""  # title rows above the header, inside the table
    scenarios: bool = False
    # The period column gives each grid row of an item its own year («2024», «2025», «2024 - 2026»
    # under one merged name): amounts on that row belong to that year (see `settle_period_rows`).
    period_rows: bool = False

    def by_role(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    def first(self, role: str) -> Column | None:
        cols = self.by_role(role)
        return cols[0] if cols else None

    @property
    def text(self) -> str:
        return " ".join(c.header for c in self.columns)


def norm(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def kind_of(text: str) -> str | None:
    low = norm(text)
    for stem, kind in KIND_STEMS:
        if re.search(rf"(?<![а-я]){stem}", low):
            return kind
    return None


def _is_scenario_word(words: list[str], i: int) -> bool:
    w = words[i]
    if w.endswith(NOT_SCENARIO_ENDINGS) or (i + 1 < len(words) and words[i + 1] in NOT_SCENARIO_NOUNS):
        return False  # «базовое значение», «базовый год», «целевые показатели» are kinds, not scenarios
    return any(w.startswith(s) for s in SCENARIO_STEMS)


def scenario_words(text: str, nlp: Nlp) -> list[str]:
    """Scenario lemmas named in a text («консервативного» → «консервативный»)."""
    out = []
    words = _WORD_RE.findall(text.lower())
    for i, w in enumerate(words):
        if _is_scenario_word(words, i):
            lem = word_lemma(w, nlp)
            if lem not in out:
                out.append(lem)
    return out


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
    return sum(1 for _, t in row.filled() if is_label(t)) >= 2


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
    if find_sources(t) and not find_numbers(t) and len(_WORD_RE.findall(t)) <= 6:
        return True
    return norm(t) in {"в том числе", "в т.ч.", "в т. ч.", "из них", "всего", "итого"}


def looks_like_header(row: GridRow, nlp: Nlp) -> bool:
    """A row of column titles (used to tell a new table from a continued one)."""
    texts = row.distinct_texts()
    if len(texts) < 2:
        return False
    hits = sum(1 for t in texts if NUMBER_HEADER_RE.match(t) or _rule_role(t, nlp) is not None
               or lemmas_of(t, nlp) & NAME_FALLBACK_LEMMAS)
    return hits >= 2 and not any(find_numbers(t) and not YEAR_RE.search(t) for t in texts if len(t) < 20)


def _is_title_row(row: GridRow) -> bool:
    return len(row.distinct_texts()) <= 1


def _extends_from_above(row: GridRow, header_rows: set[int]) -> bool:
    """A header cell from a row above reaches down into this row (vertical merge)."""
    return any(c is not None and c.row != row.row and c.row_span > 1 for c in row.cells) and \
        any(c is not None and c.row in header_rows and c.row != row.row for c in row.cells)


def find_header_rows(view: TableView, nlp: Nlp) -> tuple[list[int], list[int], int, str]:
    """(header row indices, label-row indices, body start, title text) within `view.rows`."""
    rows = view.rows
    i = 0
    title: list[str] = []
    while i < len(rows) and _is_title_row(rows[i]):
        title.extend(rows[i].distinct_texts())
        i += 1
    if i >= len(rows):
        return [], [], len(rows), " ".join(title)
    header = [i]
    labels: list[int] = []
    table = rows[i].table
    j = i + 1
    while j < len(rows) and rows[j].table == table:
        row = rows[j]
        if not row.filled():
            j += 1
            continue
        texts = row.distinct_texts()
        if is_column_number_row(row):
            labels.append(j)
        elif is_label_row(row):
            labels.append(j)
        elif _extends_from_above(row, {rows[h].row for h in header}) and len(texts) > 1:
            header.append(j)
        elif all(is_header_atom(t, nlp) for t in texts) and (len(texts) > 1 or is_header_atom(texts[0], nlp)):
            header.append(j)
        else:
            break
        j += 1
    return header, labels, j, " ".join(title)


def _first_noun_lemma(text: str, nlp: Nlp) -> str | None:
    """Lemma of the header's head noun: the first word that is not a modifier or a particle."""
    for w in _WORD_RE.findall(text.lower()):
        if nlp.part_of_speech(w) in NOT_HEAD_POS:
            continue
        return word_lemma(w, nlp)
    return None


def _rule_role(text: str, nlp: Nlp) -> str | None:
    lems = lemmas_of(text, nlp)
    for role, vocab, mode in COLUMN_RULES:
        if mode == "any" and lems & vocab:
            return role
        if mode == "head" and _first_noun_lemma(text, nlp) in vocab:
            return role
        if mode == "phrase" and any(p in norm(text) for p in vocab):
            return role
    return None


def _years(parts: list[str]) -> tuple[int | None, int | None, int | None]:
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


def column_role(col: Column, nlp: Nlp) -> str:
    text = col.header
    if col.parts and NUMBER_HEADER_RE.match(col.parts[0]):
        return "number"
    lems = lemmas_of(text, nlp)
    has_unit_mark = bool(UNIT_MARK_RE.search(text)) or ("измерение" in lems and lems & UNIT_LEMMAS)
    names_rows = bool(lems & ({"наименование", "название"} | NAME_FALLBACK_LEMMAS))
    if has_unit_mark and names_rows and not col.has_period:
        col.unit_in_name = True
        return "name"
    if has_unit_mark:
        return "unit"
    if col.has_period:
        return "value"
    role = _rule_role(text, nlp)
    if role is None and (col.unit is not None or col.source is not None):
        return "money"
    if role is None and names_rows:
        return "name_fallback"
    return role or "other"


def _settle_names(columns: list[Column], nlp: Nlp) -> None:
    """One name column: the first «Наименование …», else the leftmost column headed by what the rows
    are («Мероприятие», «Показатель») or describing it («Содержание мероприятия»); the rest step
    aside. A «Целевой показатель (индикатор)» column right of a measure's description holds each
    row's result, not its name."""
    names = [c for c in columns if c.role == "name"]
    if not names:
        fallback = [c for c in columns if c.role == "name_fallback" or
                    (c.role == "description" and lemmas_of(c.header, nlp) & NAME_FALLBACK_LEMMAS)]
        if fallback:
            fallback[0].role = "name"
    for c in [c for c in columns if c.role == "name"][1:]:
        c.role = "object" if "объект" in lemmas_of(c.header, nlp) else "other"
    named = any(c.role == "name" for c in columns)
    for c in columns:
        if c.role == "name_fallback":
            c.role = "result" if named and _first_noun_lemma(c.header, nlp) in RESULT_HEAD_LEMMAS else "other"


def _spread_spanning_texts(view: TableView, header_rows: list[int]) -> list[list[str]]:
    """Header texts per row; a top text spreads right over empty cells that have sub-headers.

    Readers without merge information (plain TSV) print «Источники финансирования» once over
    the years below it; the empty cells beside it belong to it.
    """
    grid = [view.rows[h].texts() for h in header_rows]
    for i in range(len(grid) - 1):
        for k in range(1, len(grid[i])):
            below = any(grid[j][k] for j in range(i + 1, len(grid)))
            if not grid[i][k] and grid[i][k - 1] and below:
                grid[i][k] = grid[i][k - 1]
    return grid


def _base_year_beside_scenarios(columns: list[Column], nlp: Nlp) -> None:
    """«2019 г. (базовый)» beside «Базовый сценарий» columns is the base year, not a scenario: the
    word sits with the year itself, and no other column is for that year."""
    for col in columns:
        if col.scenario != "базовый" or col.year is None:
            continue
        same_part = any(YEAR_RE.search(p) and "базовый" in scenario_words(p, nlp) and
                        not lemmas_of(p, nlp) & SCENARIO_MARKERS for p in col.parts)
        alone = all(c.year != col.year for c in columns if c is not col)
        if same_part and alone:
            col.scenario, col.kind = None, "base"


def _total_columns_span_years(columns: list[Column]) -> None:
    """A «Всего» column beside period columns totals their periods: 2024, 2025, 2026 → 2024–2026;
    «2021 - 2025 гг.», «2026 - 2030 гг.», «2031 - 2035 гг.» → 2021–2035."""
    periods = [(c.year, c.year) if c.year is not None else (c.year_from, c.year_to)
               for c in columns if c.has_period and c.role in ("value", "money")]
    if len(periods) < 2:
        return
    first, last = min(p[0] for p in periods), max(p[1] for p in periods)
    for c in columns:
        if c.source == "total" and not c.has_period and c.role in ("value", "money"):
            c.year_from, c.year_to = first, last


def _breakdown_money_columns(columns: list[Column]) -> None:
    """«Общая стоимость, млн рублей» beside «в том числе: федеральный | областной …» columns: the one
    money column that names no source is the total of those that do, and the unit printed over
    some money columns is the unit of the others when the table prints only one."""
    money = [c for c in columns if c.role == "money"]
    sourced = [c for c in money if c.source is not None]
    plain = [c for c in money if c.source is None and find_money_unit(*c.parts) is not None]
    if sourced and len(plain) == 1 and plain[0].index < min(c.index for c in sourced):
        plain[0].source = "total"
    units = {c.unit for c in money if c.unit is not None}
    if len(units) == 1:
        for c in money:
            c.unit = c.unit or next(iter(units))


def read_header(view: TableView, nlp: Nlp) -> Header:
    header_rows, label_rows, body_start, title = find_header_rows(view, nlp)
    columns = [Column(index=k) for k in range(view.n_cols)]
    for texts in _spread_spanning_texts(view, header_rows):
        for k, t in enumerate(texts):
            if t and t not in columns[k].parts:
                columns[k].parts.append(t)
    for h in label_rows:
        row = view.rows[h]
        if is_label_row(row):
            for k, t in row.filled():
                if is_header_atom(t, nlp) and t not in columns[k].parts:
                    columns[k].parts.append(t)
    caption = f"{view.caption}\n{title}"
    all_scenarios = {w for c in columns for w in scenario_words(c.header, nlp)}
    scenarios = len(all_scenarios) >= 2 or any(lemmas_of(c.header, nlp) & SCENARIO_MARKERS for c in columns)
    for col in columns:
        col.year, col.year_from, col.year_to = _years(col.parts)
        col.kind = kind_of(col.header)
        found = scenario_words(col.header, nlp)
        if scenarios and found:
            col.scenario = found[-1]
            col.kind = kind_beside_scenario(col.header)
        col.unit = find_money_unit(*reversed(col.parts))
        # the deepest header part that names a source: «Объем, всего» over «ФБ» is federal
        col.source = next((src for src in map(source_of, reversed(col.parts)) if src), None)
        col.role = column_role(col, nlp)
        col.unit = col.unit or find_money_unit(caption)
    _settle_names(columns, nlp)
    _breakdown_money_columns(columns)
    _base_year_beside_scenarios(columns, nlp)
    _total_columns_span_years(columns)
    first_row = [norm(t) for t in view.rows[header_rows[0]].texts()] if header_rows else []
    return Header(columns=columns, body_start=body_start, first_row=first_row, title=title,
                  scenarios=scenarios)
