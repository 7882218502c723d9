"""The DOCX documents of the structure set (tests/data/structure/): lists of subprogrammes and of
state programmes where measures or sub-directions could stand, result sentences at the end of
measure lists, task lists shared by a list of goals, and statistics tables broken down by
product group, branch or country beside tables of target indicators.

Each document is a list of items: (style id, text) for a paragraph in the style ids of
`tests.office_factory.STYLES` (None is `Normal`), or (TABLE, rows) for a table. `python -m
tests.structure_corpus` writes them next to their answer keys; a test checks the stored files
still equal what this module builds. Towns, figures and texts are invented.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.office_factory import cell, docx_parts, para, row, table

DATA = Path(__file__).parent / "data" / "structure"
TITLE, H1, H2, BULLET = "Title", "1", "2", "ListBullet"
TABLE = "table"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # the same bytes on every build

Item = tuple[str | None, str | list[list[str]]]
Spec = list[Item]

KEDROZERSK: Spec = [
    (TITLE, "Стратегия социально-экономического развития Кедрозерского района до 2035 года"),
    (H1, "5. Приоритетные направления развития"),
    (None, "Развитие района опирается на два приоритетных направления."),
    (H2, "Направление 1. Лесопромышленный комплекс"),
    (None, "Направление включает подпрограммы:"),
    (BULLET, "«Развитие лесозаготовки»;"),
    (BULLET, "«Глубокая переработка древесины»."),
    (None, "Для реализации направления предусматривается:"),
    (BULLET, "строительство завода по выпуску топливных пеллет;"),
    (BULLET, "создание лесного питомника на 2 млн сеянцев в год;"),
    (BULLET, "Реализация этих мероприятий позволит увеличить объём переработки древесины вдвое."),
    (H2, "Направление 2. Озёрный туризм"),
    (None, "В рамках направления реализуются подпрограммы: «Туристический Кедрозерск»; «Событийный "
           "календарь района»."),
    (None, "Основные мероприятия:"),
    (BULLET, "обустройство экологической тропы вокруг озера Кедровое;"),
    (BULLET, "строительство гостевого дома на 40 мест;"),
    (BULLET, "Ожидаемые результаты: рост турпотока до 25 тысяч человек в год."),
    (H1, "6. Механизм реализации стратегии"),
    (None, "Стратегия реализуется в том числе за счёт участия района в государственных программах "
           "области. Для этого предусматривается участие в следующих государственных программах:"),
    (BULLET, "государственная программа «Развитие транспортной системы»;"),
    (BULLET, "государственная программа «Комплексное развитие сельских территорий»."),
]

MEDNOGORYE: Spec = [
    (TITLE, "Стратегия развития города Медногорья на период до 2032 года"),
    (H1, "2. Стратегические цели"),
    (None, "Основные цели стратегии:"),
    (BULLET, "развитие промышленного потенциала Медногорья;"),
    (BULLET, "повышение качества городской среды."),
    (None, "Для их достижения будут решены следующие задачи:"),
    (BULLET, "привлечение инвесторов на промышленную площадку «Медный двор»;"),
    (BULLET, "реконструкция центральной площади;"),
    (BULLET, "обновление парка общественного транспорта."),
    (H1, "3. Внешнеэкономическая деятельность"),
    (None, "Таблица 4. Экспорт продукции предприятий города по товарным группам, млн долл. США"),
    (TABLE, [["Товарная группа", "2021", "2022", "2023"],
             ["Продукция химической промышленности", "41,2", "44,8", "47,5"],
             ["Машины и оборудование", "18,6", "17,9", "21,3"],
             ["Металлы и изделия из них", "96,4", "101,2", "99,8"],
             ["Продовольственные товары и сырьё для их производства", "7,3", "8,1", "9,0"]]),
    (None, "Основу экспорта города составляют металлы и продукция химической промышленности."),
    (H1, "4. Целевые показатели"),
    (None, "Таблица 5. Целевые показатели стратегии"),
    (TABLE, [["Наименование показателя", "Ед. изм.", "2025", "2030"],
             ["Объем несырьевого экспорта", "млн долл. США", "190", "260"],
             ["Доля экспортеров среди субъектов МСП", "%", "2,5", "4,0"],
             ["Количество экспортеров", "ед.", "35", "60"]]),
    (None, "Значения показателей уточняются ежегодно."),
]

SEVEROOZERSK: Spec = [
    (TITLE, "Стратегия социально-экономического развития Североозёрского муниципального округа до 2030 "
            "года"),
    (H1, "1. Анализ внешнеэкономических связей"),
    (None, "Таблица 2"),
    (None, "Экспорт организаций округа по странам назначения, млн долл. США"),
    (TABLE, [["Страна", "2021 г.", "2022 г.", "2023 г."],
             ["Казахстан", "12,4", "14,1", "15,0"],
             ["Республика Беларусь", "8,2", "7,6", "9,3"],
             ["Китай", "5,1", "6,8", "9,9"],
             ["Узбекистан", "2,0", "2,4", "3,1"]]),
    (None, "Таблица 3"),
    (None, "Отгрузка товаров собственного производства по отраслям, млн руб."),
    (TABLE, [["Отрасль", "2021 г.", "2022 г.", "2023 г."],
             ["Пищевая промышленность", "3 410,2", "3 655,0", "3 902,7"],
             ["Деревообработка", "1 120,5", "1 204,3", "1 260,1"],
             ["Производство строительных материалов", "845,0", "870,6", "912,4"]]),
    (None, "Рост отгрузки обеспечен главным образом пищевой промышленностью."),
    (H1, "2. Цели и задачи"),
    (None, "Цель 1. Рост экспорта продукции обрабатывающих производств."),
    (None, "Цель 2. Рост числа занятых в малом бизнесе."),
    (None, "Для достижения поставленных целей необходимо решение следующих задач:"),
    (BULLET, "выход местных производителей на рынки Центральной Азии;"),
    (BULLET, "создание центра поддержки предпринимательства."),
    (H1, "3. Целевые показатели"),
    (TABLE, [["№", "Показатель", "Единица измерения", "2025 г.", "2030 г."],
             ["1", "Объем экспорта продукции обрабатывающих производств", "млн долл. США", "34", "48"],
             ["2", "Численность занятых в сфере малого и среднего предпринимательства", "чел.", "4 100",
              "4 800"],
             ["3", "Доля пищевой промышленности в отгрузке", "%", "52", "55"]]),
]

DOCUMENTS: dict[str, Spec] = {
    "strategy_kedrozersk.docx": KEDROZERSK,
    "strategy_mednogorye.docx": MEDNOGORYE,
    "strategy_severoozersk.docx": SEVEROOZERSK,
}


def _item(style: str | None, content: str | list[list[str]]) -> str:
    if style == TABLE:
        assert isinstance(content, list)
        return table(*(row(*(cell(t) for t in r)) for r in content), grid=len(content[0]))
    assert isinstance(content, str)
    return para(content, style=style)


def spec_to_docx(spec: Spec) -> bytes:
    """The Word package of one document, byte for byte the same on every build."""
    parts = docx_parts(*(_item(style, content) for style, content in spec))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return buf.getvalue()


def main() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    for name, spec in DOCUMENTS.items():
        (DATA / name).write_bytes(spec_to_docx(spec))


if __name__ == "__main__":
    main()
