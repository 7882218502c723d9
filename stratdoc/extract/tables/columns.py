"""What each header column holds (name, number, unit, period values, money, responsible …),
told by the lemmas of the texts above it, and the rules that settle columns against each other
(one name column, a «Всего» column over the years beside it, a unit printed once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stratdoc.extract.lexicon.lines import fold_spaces
from stratdoc.extract.lexicon.money import MoneyUnit, find_money_unit
from stratdoc.extract.nlp import Nlp
from stratdoc.extract.tables.header_cells import (
    COMPARISON_RE,
    NUMBER_HEADER_RE,
    SCENARIO_MARKERS,
    YEAR_RE,
    scenario_words,
)
from stratdoc.extract.tables.roles import lemmas_of, word_lemma
from stratdoc.schema.records import Source

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
# Parts of speech (pymorphy3 tags) skipped when looking for a header's head noun.
NOT_HEAD_POS: frozenset[str | None] = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "NUMR", "PREP", "CONJ",
                                                 "PRCL", "NPRO", None})
_WORD_RE = re.compile(r"[А-Яа-яЁёA-Za-z]+")


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



def _first_noun_lemma(text: str, nlp: Nlp) -> str | None:
    """Lemma of the header's head noun: the first word that is not a modifier or a particle."""
    for w in _WORD_RE.findall(text.lower()):
        if nlp.part_of_speech(w) in NOT_HEAD_POS:
            continue
        return word_lemma(w, nlp)
    return None


def rule_role(text: str, nlp: Nlp) -> str | None:
    lems = lemmas_of(text, nlp)
    for role, vocab, mode in COLUMN_RULES:
        if mode == "any" and lems & vocab:
            return role
        if mode == "head" and _first_noun_lemma(text, nlp) in vocab:
            return role
        if mode == "phrase" and any(p in fold_spaces(text) for p in vocab):
            return role
    return None


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
    if col.has_period and COMPARISON_RE.search(text):
        return "other"
    if col.has_period:
        return "value"
    role = rule_role(text, nlp)
    if role == "period" and col.source == "total":
        return "money"  # «Всего за период»: the total over the period columns beside it
    if role is None and (col.unit is not None or col.source is not None):
        return "money"
    if role is None and names_rows:
        return "name_fallback"
    return role or "other"


def settle_names(columns: list[Column], nlp: Nlp) -> None:
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


def base_year_beside_scenarios(columns: list[Column], nlp: Nlp) -> None:
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


def total_columns_span_years(columns: list[Column]) -> None:
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


def breakdown_money_columns(columns: list[Column]) -> None:
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


def unit_printed_once(columns: list[Column]) -> None:
    """«Источники финансирования, тыс. рублей» over the row labels: the one money unit of the
    header is the unit of every amount column that prints none of its own."""
    units = {c.unit for c in columns if c.unit is not None}
    if len(units) != 1:
        return
    unit = next(iter(units))
    for c in columns:
        if c.role in ("money", "value") and c.unit is None:
            c.unit = unit
