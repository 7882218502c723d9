"""Russian number formats → Decimal, and the recorded reading of an ambiguous separator."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stratdoc.extract.lexicon.numbers import (
    find_numbers,
    is_no_value,
    is_not_available,
    parse_number,
    parse_qualified_number,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("15 423,3", Decimal("15423.3")),
    ("1 194 494,4", Decimal("1194494.4")),
    ("1\u00a0194\u00a0494,4", Decimal("1194494.4")),  # no-break spaces
    ("1\u2009194\u202f494,4", Decimal("1194494.4")),  # thin and narrow no-break spaces
    ("+1 872", Decimal("1872")),
    ("+1228", Decimal("1228")),
    ("0,81", Decimal("0.81")),
    ("7271,281", Decimal("7271.281")),
    ("−5,5", Decimal("-5.5")),  # U+2212 minus
    ("12577.824999999999", Decimal("12577.824999999999")),  # a spreadsheet's computed value
    ("1.234.567,5", Decimal("1234567.5")),
    ("1,234,567.5", Decimal("1234567.5")),
    ("12,5%", Decimal("12.5")),
    ("48", Decimal("48")),
])
def test_parse_number(text: str, expected: Decimal) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.value == expected
    assert parsed.note is None


@pytest.mark.parametrize(("text", "fraction_ok", "expected", "note_word"), [
    ("-2,537", False, Decimal("-2537"), "thousands"),  # people: counted whole
    ("-2,537", True, Decimal("-2.537"), "decimal"),
    ("347,150", True, Decimal("347.150"), "decimal"),  # тыс. чел.
    ("1.500", False, Decimal("1500"), "thousands"),
])
def test_ambiguous_separator_is_read_by_unit_and_noted(text: str, fraction_ok: bool, expected: Decimal,
                                                       note_word: str) -> None:
    parsed = parse_number(text, fraction_ok=fraction_ok)
    assert parsed is not None and parsed.value == expected
    assert parsed.note is not None and note_word in parsed.note


@pytest.mark.parametrize("text", ["н/д", "-", "—", "", "Бюджет МО", "2021-2023 гг.", "1.2.3"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "no_value", "not_available"), [
    ("н/д", True, True), ("Н/Д", True, True), ("-", True, False), ("—", True, False),
    ("х", True, False), ("", True, False), ("0", False, False), ("5,0", False, False),
])
def test_no_value_cells(text: str, no_value: bool, not_available: bool) -> None:
    assert is_no_value(text) is no_value
    assert is_not_available(text) is not_available


@pytest.mark.parametrize(("text", "values"), [
    ("Областной бюджет 337 475,9 Бюджет МО 37 523,6", [Decimal("337475.9"), Decimal("37523.6")]),
    ("ФБ 100,0; ОБ 50", [Decimal("100.0"), Decimal("50")]),
    ("2021 2022 2023", [Decimal("2021"), Decimal("2022"), Decimal("2023")]),
    ("рост на -3,5 и +7", [Decimal("-3.5"), Decimal("7")]),
])
def test_find_numbers(text: str, values: list[Decimal]) -> None:
    assert [f.number.value for f in find_numbers(text)] == values


@pytest.mark.parametrize(("text", "value", "note_part"), [
    ("50,5*", Decimal("50.5"), "footnote mark '*'"),
    ("1 250**", Decimal("1250"), "footnote mark '**'"),
    ("98,0¹", Decimal("98.0"), "footnote mark '¹'"),
    ("не менее 52,0", Decimal("52.0"), "bound 'не менее'"),
    ("не более 5", Decimal("5"), "bound 'не более'"),
    ("≥80", Decimal("80"), "bound '≥'"),
    (">= 7,5", Decimal("7.5"), "bound '>='"),
    ("до 10 %", Decimal("10"), "bound 'до'"),
    ("более 1,5*", Decimal("1.5"), "bound 'более', footnote mark '*'"),
    ("+1 228", Decimal("1228"), None),  # a plain number needs no note
])
def test_qualified_numbers_keep_the_value_and_note_the_rest(text: str, value: Decimal, note_part: str | None
                                                             ) -> None:
    parsed = parse_qualified_number(text)
    assert parsed is not None and parsed.value == value
    assert (parsed.note is None) if note_part is None else (note_part in parsed.note)


@pytest.mark.parametrize("text", ["не менее", "до2025", "5 * 3", "абв 5", "-", "около ста"])
def test_not_a_qualified_number(text: str) -> None:
    assert parse_qualified_number(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("256823, 1", Decimal("256823.1")),  # six digits before the comma: no thousands group
    ("1 234, 5", Decimal("1234.5")),  # a thousands group, then a spaced decimal comma
    ("12 345, 6", Decimal("12345.6")),
    ("1\u00a0310,\u00a02", Decimal("1310.2")),  # no-break spaces on both sides
    ("960, 05", Decimal("960.05")),  # two decimals
    ("2 105, 25", Decimal("2105.25")),
    ("3, 4", Decimal("3.4")),
    ("-2, 5", Decimal("-2.5")),
    ("\u2212 12 401, 2", Decimal("-12401.2")),
    ("41, 3%", Decimal("41.3")),
    ("+0, 75", Decimal("0.75")),
])
def test_a_space_after_the_decimal_comma(text: str, expected: Decimal) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == expected and parsed.note is None


@pytest.mark.parametrize("text", [
    "2021, 2022",  # years: a list
    "2021, 2022, 2023",
    "1, 2, 3",  # item numbers
    "12, 345",  # three digits after the space: a list or a broken group, not a decimal
    "1 234,  5",  # two spaces: columns run together
    "12 34, 5",  # not a thousands group before the comma
    "1,5, 2",
    "12. 5",  # a full stop, not a decimal comma
])
def test_lists_and_broken_groups_are_no_spaced_decimal(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("12 345", Decimal("12345")),  # thousands groups stay whole numbers
    ("12 345,6", Decimal("12345.6")),
    ("261 004,7", Decimal("261004.7")),
])
def test_thousands_groups_beside_spaced_decimals(text: str, expected: Decimal) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == expected


def test_running_text_keeps_lists_apart() -> None:
    """In prose «в 2, 3 раза» lists two numbers: the spaced decimal is read only in a cell of its own."""
    assert [f.number.value for f in find_numbers("рост в 2, 3 раза за 2021, 2022 годы")] == \
        [Decimal("2"), Decimal("3"), Decimal("2021"), Decimal("2022")]
