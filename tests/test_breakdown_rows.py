"""Rows that break one quantity down by territory or by branch code are not indicators.

A table «Экспорт на душу населения по субъектам ЦФО, долл. США» with a row per region, or
«Численность работников по видам деятельности» with rows «A: Сельское хозяйство …», prints one
quantity for many territories or branches: a region or a classification section is not a
target indicator of the strategy. Rows naming a quantity in the same tables stay indicators.
Every table here is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_real_shape_tables import FORMATS, _indicators

CASES = [
    # regions with the district and the country
    ((["Таблица 3. Экспорт на душу населения по субъектам ЦФО, долл. США"],
      [["Субъект РФ", "2019", "2020", "2021"],
       ["Тульская область", "812", "790", "905"],
       ["Орловская область", "401", "388", "420"],
       ["Ивановская область", "120", "131", "140"],
       ["ЦФО", "2 100", "1 950", "2 300"],
       ["Российская Федерация", "2 900", "2 300", "3 400"]]), []),
    # regions, then a quantity row
    ((["Доля субъектов в обороте, %"],
      [["", "2020 г.", "2021 г.", "2022 г."],
       ["Пермский край", "12,1", "12,5", "13,0"],
       ["Удмуртская Республика", "8,4", "8,6", "8,9"],
       ["Среднее значение по округу, %", "10,2", "10,5", "10,9"]]), ["Среднее значение по округу"]),
    # branch sections of the classifier
    ((["Среднесписочная численность работников по видам деятельности, человек"],
      [["Вид деятельности", "2021", "2022", "2023"],
       ["A: Сельское хозяйство, охота и лесное хозяйство", "4 210", "4 150", "4 020"],
       ["C: Добыча полезных ископаемых", "1 310", "1 290", "1 305"],
       ["D: Обрабатывающие производства", "9 870", "9 990", "10 120"]]), []),
    # a city of the gazetteer among quantities
    ((["Показатели развития, ед."],
      [["Показатель", "2022", "2023"],
       ["Число малых предприятий, ед.", "1 204", "1 260"],
       ["Вологда", "640", "655"],
       ["Число средних предприятий, ед.", "61", "64"]]),
     ["Число малых предприятий", "Число средних предприятий"]),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("table", "names"), CASES, ids=["regions", "regions+row", "okved", "city"])
def test_breakdown_rows_are_no_indicators(tmp_path: Path, fmt: str, table: tuple, names: list[str]) -> None:
    got = _indicators(tmp_path, fmt, [table])
    assert [i["name"] for i in got] == names
