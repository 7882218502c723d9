"""Units of measure: split off the end of an indicator name, and whether they count whole items."""

from __future__ import annotations

import pytest

from stratdoc.extract.lexicon.units import fraction_allowed, is_unit_text, split_name_unit


@pytest.mark.parametrize(("text", "name", "unit"), [
    ("Численность постоянного населения (на конец года), тыс. чел.",
     "Численность постоянного населения (на конец года)", "тыс. чел."),
    ("Естественный прирост (убыль), чел.", "Естественный прирост (убыль)", "чел."),
    ("Число образовательных учреждений, ед.", "Число образовательных учреждений", "ед."),
    ("Коэффициент демографической нагрузки", "Коэффициент демографической нагрузки", None),
    ("Доля населения, систематически занимающегося спортом, %",
     "Доля населения, систематически занимающегося спортом", "%"),
    ("Уровень безработицы, в % к рабочей силе", "Уровень безработицы", "в % к рабочей силе"),
    ("Ввод жилья, тыс. кв. м", "Ввод жилья", "тыс. кв. м"),
    ("Обеспеченность жильем, кв. м на 1 жителя", "Обеспеченность жильем", "кв. м на 1 жителя"),
    ("Инвестиции в основной капитал, млн рублей", "Инвестиции в основной капитал", "млн рублей"),
    ("Строительство дорог, мостов и развязок", "Строительство дорог, мостов и развязок", None),
    ("Поддержка семей, имеющих детей", "Поддержка семей, имеющих детей", None),
    ("Уровень безработицы (%)", "Уровень безработицы", "%"),
    ("Ожидаемая продолжительность жизни (лет)", "Ожидаемая продолжительность жизни", "лет"),
    ("Ввод жилья (тыс. кв. м)", "Ввод жилья", "тыс. кв. м"),
    ("Естественный прирост (убыль)", "Естественный прирост (убыль)", None),
    ("Численность населения (на 1 января)", "Численность населения (на 1 января)", None),
    ("Число посещений музеев (в год)", "Число посещений музеев (в год)", None),
])
def test_split_name_unit(text: str, name: str, unit: str | None) -> None:
    assert split_name_unit(text) == (name, unit)


@pytest.mark.parametrize(("unit", "allowed"), [
    ("чел.", False), ("человек", False), ("ед.", False), ("шт.", False), ("мест", False),
    ("тыс. чел.", True), ("%", True), ("млн рублей", True), (None, True),
])
def test_fraction_allowed(unit: str | None, allowed: bool) -> None:
    assert fraction_allowed(unit) is allowed


@pytest.mark.parametrize(("text", "expected"), [
    ("%", True), ("тыс. чел.", True), ("ед.", True), ("оценка", False), ("Ответственный исполнитель", False),
])
def test_is_unit_text(text: str, expected: bool) -> None:
    assert is_unit_text(text) is expected


@pytest.mark.parametrize("text", ["Поддержка молодых семей, семей с детьми",
                                  "Ремонт школ, мест отдыха детей"])
def test_words_that_are_also_units_stay_in_the_name(text: str) -> None:
    assert split_name_unit(text) == (text, None)
