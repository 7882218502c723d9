"""Funding-source wording → the six contract sources; funding cells → funding lines."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stratdoc.extract.lexicon.funding_sources import (
    FundingContext,
    cell_to_funding_lines,
    find_sources,
    source_of,
)
from stratdoc.extract.lexicon.money import MILLION, THOUSAND
from stratdoc.extract.nlp import shared

NLP = shared()


@pytest.mark.parametrize(("text", "expected"), [
    ("Бюджет МО", "municipal"),
    ("местный бюджет", "municipal"),
    ("бюджет города Калуги", "municipal"),
    ("бюджет муниципального образования", "municipal"),
    ("средства бюджета городского округа", "municipal"),
    ("МБ", "municipal"),
    ("Областной бюджет", "regional"),
    ("краевого бюджета", "regional"),
    ("республиканский бюджет", "regional"),
    ("окружной бюджет", "regional"),
    ("бюджет субъекта Российской Федерации", "regional"),
    ("консолидированный бюджет региона", "regional"),
    ("бюджет Калужской области", "regional"),
    ("ОБ", "regional"),
    ("федеральный бюджет", "federal"),
    ("средства федерального бюджета", "federal"),
    ("ФБ", "federal"),
    ("внебюджетные источники", "extrabudgetary"),
    ("внебюджетные средства", "extrabudgetary"),
    ("собственные средства предприятий", "extrabudgetary"),
    ("средства инвесторов", "extrabudgetary"),
    ("ВБИ", "extrabudgetary"),
    ("Всего", "total"),
    ("Итого по мероприятию", "total"),
    ("Финансирование не определено", "unspecified"),
    ("не требует финансирования", "unspecified"),
    ("Финансирование не требуется", "unspecified"),
    ("Ответственный исполнитель", None),
    ("Источники финансирования (млн руб.)", None),
    ("об утверждении", None),  # lower-case «об» is a preposition, not «ОБ»
])
def test_source_of(text: str, expected: str | None) -> None:
    assert source_of(text, NLP) == expected


def test_find_sources_in_order() -> None:
    found = find_sources("Всего 300, в т.ч. ФБ 100; областной бюджет 150; бюджет района 50", NLP)
    assert [m.source for m in found] == ["total", "federal", "regional", "municipal"]


def _lines(text: str, **ctx) -> list[tuple]:
    lines = cell_to_funding_lines(text, FundingContext(**ctx), nlp=NLP)
    return [(ln.source, ln.year, ln.year_from, ln.year_to, ln.amount, ln.unit, ln.amount_rub) for ln in lines]


@pytest.mark.parametrize(("text", "ctx", "expected"), [
    ("Бюджет МО 15 423,3", {"year": 2021, "unit": MILLION},
     [("municipal", 2021, None, None, Decimal("15423.3"), "млн руб.", Decimal("15423300000"))]),
    ("Областной бюджет 337 475,9 Бюджет МО 37 523,6", {"unit": MILLION},
     [("regional", None, None, None, Decimal("337475.9"), "млн руб.", Decimal("337475900000")),
      ("municipal", None, None, None, Decimal("37523.6"), "млн руб.", Decimal("37523600000"))]),
    ("Финансирование не определено", {"unit": MILLION},
     [("unspecified", None, None, None, None, None, None)]),
    ("н/д", {"source": "federal", "year": 2024},
     [("federal", 2024, None, None, None, None, None)]),
    ("72460.048", {"source": "regional", "year_from": 2022, "year_to": 2024, "unit": THOUSAND},
     [("regional", None, 2022, 2024, Decimal("72460.048"), "тыс. руб.", Decimal("72460048"))]),
    ("47567", {"unit": MILLION},
     [("unspecified", None, None, None, Decimal("47567"), "млн руб.", Decimal("47567000000"))]),
    ("1 500,0 тыс. руб.", {"source": "total", "unit": MILLION},
     [("total", None, None, None, Decimal("1500.0"), "тыс. руб.", Decimal("1500000"))]),
    ("2021 - 2025 гг.: 500", {"source": "regional", "unit": THOUSAND},
     [("regional", None, 2021, 2025, Decimal("500"), "тыс. руб.", Decimal("500000"))]),
    ("2021 г. - 100,5; 2022 г. - 200", {"source": "municipal", "unit": THOUSAND},
     [("municipal", 2021, None, None, Decimal("100.5"), "тыс. руб.", Decimal("100500")),
      ("municipal", 2022, None, None, Decimal("200"), "тыс. руб.", Decimal("200000"))]),
    ("0", {"source": "federal", "unit": THOUSAND}, []),
    ("0,0", {"source": "federal", "unit": THOUSAND}, []),
    ("-", {"source": "federal", "unit": THOUSAND}, []),
    ("", {"source": "federal", "unit": THOUSAND}, []),
])
def test_cell_to_funding_lines(text: str, ctx: dict, expected: list[tuple]) -> None:
    assert _lines(text, **ctx) == expected


def test_scenario_and_raw_are_kept() -> None:
    (line,) = cell_to_funding_lines("ОБ 12,5", FundingContext(year=2030, scenario="базовый", unit=MILLION),
                                   nlp=NLP)
    assert (line.source, line.scenario, line.raw) == ("regional", "базовый", "ОБ 12,5")


def test_stacked_amounts_pair_with_stacked_sources() -> None:
    ctx = FundingContext(source="federal", stacked=("federal", "regional", "municipal"), unit=THOUSAND)
    assert _lines("100,0 - 300,0", **ctx.__dict__) == [
        ("federal", None, None, None, Decimal("100.0"), "тыс. руб.", Decimal("100000")),
        ("municipal", None, None, None, Decimal("300.0"), "тыс. руб.", Decimal("300000")),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # sources after their amounts
    ("1 500,0 (местный бюджет)", [("municipal", "1500.0")]),
    ("100,0 - местный бюджет", [("municipal", "100.0")]),
    ("150,0 тыс. руб. (областной бюджет)", [("regional", "150.0")]),
    ("1 000,0 ФБ; 500,0 ОБ", [("federal", "1000.0"), ("regional", "500.0")]),
    ("2 300,0 (ФБ); 450,0 (ОБ)", [("federal", "2300.0"), ("regional", "450.0")]),
    ("500,0 средства инвесторов", [("extrabudgetary", "500.0")]),
    # sources before their amounts
    ("ФБ 100,0 ОБ 50,0", [("federal", "100.0"), ("regional", "50.0")]),
    ("средства бюджета города – 300,0", [("municipal", "300.0")]),
    # a leading amount and its breakdown
    ("1 200,0 (в том числе ФБ – 800,0; ОБ – 400,0)", [("total", "1200.0"), ("federal", "800.0"),
                                                       ("regional", "400.0")]),
    ("Итого: 1 500,0 в т.ч. ОБ 1 000,0, МБ 500,0", [("total", "1500.0"), ("regional", "1000.0"),
                                                    ("municipal", "500.0")]),
    ("120,0*", [("unspecified", "120.0")]),
])
def test_sources_before_or_after_amounts(text: str, expected: list[tuple[str, str]]) -> None:
    lines = cell_to_funding_lines(text, FundingContext(unit=THOUSAND), nlp=NLP)
    assert [(ln.source, ln.amount) for ln in lines] == [(s, Decimal(a)) for s, a in expected]
