"""Rows that break one quantity down by territory or by branch code are not indicators.

A table «Экспорт на душу населения по субъектам ЦФО, долл. США» with a row per region, or
«Численность работников по видам деятельности» with rows «A: Сельское хозяйство …», prints one
quantity for many territories or branches: a region or a classification section is not a
target indicator of the strategy. Nor is a category under a header that names its
classification («Наименование товарной группы», «Отрасль экономики», «Страна-партнер»).
Rows naming a quantity in the same tables stay indicators.
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


# Categories under a header that names the classification: product groups, branches, countries;
# a row naming a quantity («Доля …», «Объем …») in such a table stays an indicator.
CASES += [
    ((["Экспорт по товарным группам, млн долл. США"],
      [["Наименование товарной группы", "2021", "2022", "2023"],
       ["Продукция химической промышленности", "41,2", "44,8", "47,5"],
       ["Машины и оборудование", "18,6", "17,9", "21,3"],
       ["Доля машин и оборудования в экспорте, %", "9,1", "8,4", "9,6"]]),
     ["Доля машин и оборудования в экспорте"]),
    ((["Инвестиции в основной капитал, млн руб."],
      [["Отрасль экономики", "2022 г.", "2023 г."],
       ["Сельское хозяйство", "1 240,5", "1 318,0"],
       ["Транспорт и хранение", "860,2", "905,7"],
       ["Объем инвестиций, всего", "4 102,0", "4 388,3"]]), ["Объем инвестиций, всего"]),
    ((["Товарооборот со странами СНГ, млн долл. США"],
      [["Страна-партнер", "2022", "2023", "2024"],
       ["Армения", "3,2", "4,0", "4,4"],
       ["Киргизия", "1,1", "1,6", "2,0"]]), []),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("table", "names"), CASES,
                         ids=["regions", "regions+row", "okved", "city", "products", "branches", "countries"])
def test_breakdown_rows_are_no_indicators(tmp_path: Path, fmt: str, table: tuple, names: list[str]) -> None:
    got = _indicators(tmp_path, fmt, [table])
    assert [i["name"] for i in got] == names
