"""Money units as printed → canonical form and multiplier; amounts in roubles without float drift."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stratdoc.extract.lexicon.money import (
    BILLION,
    MILLION,
    RUB,
    THOUSAND,
    amount_rub,
    canonical_unit,
    find_money_unit,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("руб.", "руб."),
    ("рублей", "руб."),
    ("тыс. руб.", "тыс. руб."),
    ("тыс.руб.", "тыс. руб."),
    ("тысяч рублей", "тыс. руб."),
    ("млн руб.", "млн руб."),
    ("млн. рублей", "млн руб."),
    ("миллионов рублей", "млн руб."),
    ("млрд. рублей", "млрд руб."),
    ("Источники финансирования (млн руб.)", "млн руб."),
    ("Объем инвестиций 2022 - 2024 годов, тыс.руб. (план)", "тыс. руб."),
    ("Стоимость проекта с НДС (млн. рублей)", "млн руб."),
    ("рубрика", None),
    ("тыс. чел.", None),
])
def test_canonical_unit(text: str, expected: str | None) -> None:
    assert canonical_unit(text) == expected


def test_first_text_naming_a_unit_wins() -> None:
    # cell, then column header, then table title
    assert find_money_unit("15 423,3", "2021", "Источники финансирования (млн руб.)") is MILLION
    assert find_money_unit("5 тыс. руб.", "(млн руб.)") is THOUSAND
    assert find_money_unit("", None, "всего") is None


@pytest.mark.parametrize(("amount", "unit", "expected"), [
    (Decimal("15423.3"), MILLION, Decimal("15423300000")),
    (Decimal("1194494.4"), MILLION, Decimal("1194494400000")),
    (Decimal("747.4699999999939"), THOUSAND, Decimal("747469.9999999939")),
    (Decimal("0.1"), BILLION, Decimal("100000000")),
    (Decimal("0.3"), RUB, Decimal("0.3")),
])
def test_amount_rub_is_exact(amount: Decimal, unit, expected: Decimal) -> None:
    assert amount_rub(amount, unit) == expected


def test_amount_rub_needs_amount_and_unit() -> None:
    assert amount_rub(None, MILLION) is None
    assert amount_rub(Decimal(5), None) is None
