"""Russian date parsing: the shapes official texts and news pages print."""

from __future__ import annotations

from datetime import date

import pytest

from stratdoc.extract.lexicon.dates import find_dates, month_number, parse_date


@pytest.mark.parametrize(("text", "expected"), [
    ("от 12.03.2019 № 85-пп", date(2019, 3, 12)),
    ("от 5.6.2020 г. № 7", date(2020, 6, 5)),
    ("(с изменениями на 3 марта 2022 года)", date(2022, 3, 3)),
    ("2 сентября 2017", date(2017, 9, 2)),
    ("решением от 22 апреля 2014 г. N 85", date(2014, 4, 22)),
    ("от «15» мая 2019 г.", date(2019, 5, 15)),
    ("9 ЯНВАРЯ 2020 ГОДА", date(2020, 1, 9)),
    ("Заседание 14 февраля 2024 г. в 10:00", date(2024, 2, 14)),
    ("31 июня 2020 года", None),  # no such day
    ("31.02.2020", None),
    ("пункт 3.1.20 порядка", None),  # a section number, not a date
    ("12.03.21", None),  # two-digit years are too often section numbers
    ("в марте 2020 года", None),  # no day
    ("23-24 ноября", None),  # no year
    ("", None),
])
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(("word", "month"), [
    ("январь", 1), ("января", 1), ("январе", 1), ("февралю", 2), ("марта", 3), ("марте", 3),
    ("апрелем", 4), ("май", 5), ("мая", 5), ("мае", 5), ("маю", 5), ("июнь", 6), ("июля", 7),
    ("августе", 8), ("сентябрём", 9), ("октября", 10), ("Ноября", 11), ("ДЕКАБРЕ", 12),
    ("мама", None), ("марш", None), ("июльский", None), ("маяк", None),
])
def test_month_number(word: str, month: int | None) -> None:
    assert month_number(word) == month


def test_day_range_without_year_takes_the_year_given() -> None:
    (d,) = find_dates("Форум пройдет 23-24 ноября в Твери.")
    assert (d.day, d.day_to, d.month, d.year) == (23, 24, 11, None)
    assert d.to_date(2022) == date(2022, 11, 23)
    assert d.to_date_end(2022) == date(2022, 11, 24)
    assert d.to_date() is None


def test_weekday_banner_is_marked() -> None:
    (d,) = find_dates("Среда, 5 Апреля, 2023")
    assert d.weekday is True
    assert d.to_date() == date(2023, 4, 5)
    (plain,) = find_dates("5 апреля 2023 / Экономика")
    assert plain.weekday is False


def test_several_dates_in_order_with_offsets() -> None:
    text = "с 30 ноября по 2 декабря 2022 года, затем 15.01.2023"
    found = find_dates(text)
    assert [(d.day, d.month, d.year) for d in found] == [(30, 11, 2022), (15, 1, 2023)]
    assert [text[d.start:d.end] for d in found] == ["с 30 ноября по 2 декабря 2022 года", "15.01.2023"]


@pytest.mark.parametrize(("text", "first", "last"), [
    ("С 26 по 28 сентября в Перми пройдет форум", date(2024, 9, 26), date(2024, 9, 28)),
    ("с 29 сентября по 1 октября 2023 г. прошел", date(2023, 9, 29), date(2023, 10, 1)),
    ("С 1 по 31 марта проходил опрос", date(2024, 3, 1), date(2024, 3, 31)),
    ("с 30 ноября по 2 декабря 2022 года", date(2022, 11, 30), date(2022, 12, 2)),
])
def test_day_ranges_with_s_po(text: str, first: date, last: date) -> None:
    (d,) = find_dates(text)
    assert (d.to_date(2024), d.to_date_end(2024)) == (first, last)


def test_backward_range_is_no_range() -> None:
    assert [(d.day, d.month, d.day_to) for d in find_dates("с 5 по 3 мая")] == [(3, 5, None)]
