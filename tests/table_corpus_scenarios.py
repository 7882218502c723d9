"""Resource tables and indicator grids with scenario variants, in every format the readers take.

Resource tables of a strategy give strategy-level funding lines by source, period and scenario
(«Источник финансирования | Сценарий | 2024 – 2026 гг. | …»); forecast grids give one indicator
per «1. Показатель, ед.» row with a value per year and scenario, whether the variants run as
rows under the name, in a column beside it, or as sections of the table. The records expected
from each file are in tests/data/tables/<stem>.json. Towns, numbers and sentences are invented.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.office_factory import cell, docx_bytes, para, row, table, xlsx_bytes

SCENARIOS3 = ("консервативный", "базовый", "целевой")


def _texts(*texts: str) -> str:
    return row(*(cell(t) for t in texts))


# --- Class 4: resource tables ------------------------------------------------------------------------

# DOCX: the source merged down over its three scenario rows; two stages and «Итого» as columns.
SVETLOYARSK_ROWS: list[tuple[str, list[list[str]]]] = [
    ("Всего, в том числе:", [["9 412,6", "13 870,0", "23 282,6"], ["10 105,3", "15 240,8", "25 346,1"],
                             ["11 020,0", "17 655,4", "28 675,4"]]),
    ("федеральный бюджет", [["3 150,0", "4 420,0", "7 570,0"], ["3 380,5", "4 910,0", "8 290,5"],
                            ["3 700,0", "5 600,0", "9 300,0"]]),
    ("областной бюджет", [["2 015,4", "2 960,0", "4 975,4"], ["2 160,0", "3 210,3", "5 370,3"],
                          ["2 340,0", "3 655,4", "5 995,4"]]),
    ("бюджет муниципального округа", [["447,2", "690,0", "1 137,2"], ["464,8", "720,5", "1 185,3"],
                                      ["480,0", "800,0", "1 280,0"]]),
    ("внебюджетные источники", [["3 800,0", "5 800,0", "9 600,0"], ["4 100,0", "6 400,0", "10 500,0"],
                                ["4 500,0", "7 600,0", "12 100,0"]]),
]


def svetloyarsk_resources(folder: Path) -> Path:
    """«Источник финансирования | Сценарий | 2024 – 2026 гг. | 2027 – 2030 гг. | Итого», each source
    merged down over «консервативный», «базовый», «целевой»; «(млн рублей)» on the line above."""
    head = _texts("Источник финансирования", "Сценарий", "2024 – 2026 гг.", "2027 – 2030 гг.", "Итого")
    body = []
    for source, by_scenario in SVETLOYARSK_ROWS:
        for k, (scenario, amounts) in enumerate(zip(SCENARIOS3, by_scenario, strict=True)):
            first = cell(source, vmerge="restart") if k == 0 else cell(vmerge="")
            body.append(row(first, cell(scenario), *(cell(a) for a in amounts)))
    data = docx_bytes(
        para("Приложение 3 к Стратегии социально-экономического развития Светлоярского муниципального "
             "округа до 2030 года"),
        para("Ресурсное обеспечение реализации Стратегии", style="1"),
        para("Стратегия реализуется в два этапа: 2024 – 2026 годы и 2027 – 2030 годы. Потребность в "
             "средствах оценена для каждого из трех сценариев развития округа с учетом прогноза доходов "
             "бюджетов."),
        para("(млн рублей)"),
        table(head, *body, grid=5),
        para("Объемы финансирования уточняются при формировании бюджетов на очередной финансовый год."),
    )
    path = folder / "svetloyarsk_resources.docx"
    path.write_bytes(data)
    return path


# XLSX: scenario section rows across the sheet, a total row per scenario, the unit in the first header.
BELOKAMENSK_BLOCKS: list[tuple[str, list[tuple[str, list[object]]]]] = [
    ("Базовый сценарий", [
        ("федеральный бюджет", [185400.0, 192000.0, 810500.0, 1187900.0]),
        ("областной бюджет", ["96 250,5", 99800.0, 421000.0, "617 050,5"]),
        ("бюджет городского округа", [41300.0, 43150.0, 182400.0, 266850.0]),
        ("средства внебюджетных источников", [312000.0, 330500.0, 1460000.0, 2102500.0]),
        ("Итого по базовому сценарию", ["634 950,5", 665450.0, 2873900.0, "4 174 300,5"]),
    ]),
    ("Целевой сценарий", [
        ("федеральный бюджет", [201000.0, 214600.0, 905000.0, 1320600.0]),
        ("областной бюджет", [104700.0, 110250.0, 468300.0, 683250.0]),
        ("бюджет городского округа", [44800.0, 47900.0, 205100.0, 297800.0]),
        ("средства внебюджетных источников", [355000.0, 384200.0, 1725000.0, 2464200.0]),
        ("Итого по целевому сценарию", [705500.0, 756950.0, 3303400.0, 4765850.0]),
    ]),
]


def belokamensk_resources(folder: Path) -> Path:
    """«Источники финансирования, тыс. рублей | 2025 год | 2026 год | 2027-2030 годы | Всего за 2025-2030
    годы»; «Базовый сценарий» and «Целевой сценарий» merged across, each closed by its «Итого» row;
    amounts mostly stored as numbers; a note row below the table."""
    cells: list[tuple[str, object]] = [
        ("A1", "Прогнозная оценка ресурсного обеспечения Стратегии социально-экономического развития "
               "Белокаменского городского округа на 2025 - 2030 годы"),
        ("A3", "Источники финансирования, тыс. рублей"), ("B3", "2025 год"), ("C3", "2026 год"),
        ("D3", "2027-2030 годы"), ("E3", "Всего за 2025-2030 годы"),
    ]
    merges = ["A1:E1"]
    r = 4
    for title, lines in BELOKAMENSK_BLOCKS:
        cells.append((f"A{r}", title))
        merges.append(f"A{r}:E{r}")
        r += 1
        for label, amounts in lines:
            cells.append((f"A{r}", label))
            cells += [(f"{col}{r}", a) for col, a in zip("BCDE", amounts, strict=True)]
            r += 1
    cells.append((f"A{r + 1}", "Примечание: объемы средств федерального и областного бюджетов носят "
                               "прогнозный характер."))
    data = xlsx_bytes({"Ресурсы": cells}, merges={"Ресурсы": merges})
    path = folder / "belokamensk_resources.xlsx"
    path.write_bytes(data)
    return path


# TXT (tab-separated): scenarios over the stage columns, printed once over their two sub-columns.
NOVOKLYUCHINSK_LINES = [
    "Объемы и источники финансирования Стратегии социально-экономического развития Новоключинского "
    "муниципального района",
    "",
    "Финансирование мероприятий Стратегии рассчитано для двух сценариев развития района.",
    "Таблица 4",
    "млрд рублей",
    "Источник финансирования\tКонсервативный сценарий\t\tЦелевой сценарий\t",
    "\t2024–2026 гг.\t2027-2030 годы\t2024–2026 гг.\t2027-2030 годы",
    "Всего\t21,4\t30,9\t24,8\t38,6",
    "в том числе:\t\t\t\t",
    "федеральный бюджет\t8,2\t11,5\t9,6\t14,9",
    "областной бюджет\t5,1\t7,3\t5,9\t9,1",
    "местные бюджеты\t1,3\t1,9\t1,5\t2,4",
    "внебюджетные средства\t6,8\t10,2\t7,8\t12,2",
    "",
    "Распределение средств по этапам носит прогнозный характер.",
]


def novoklyuchinsk_resources(folder: Path) -> Path:
    """Two header rows: «Консервативный сценарий», «Целевой сценарий» each over «2024–2026 гг.» and
    «2027-2030 годы» (no merge information in TSV); «млрд рублей» on a line of its own above;
    a «в том числе:» row between the total and the sources."""
    path = folder / "novoklyuchinsk_resources.txt"
    path.write_text("\n".join(NOVOKLYUCHINSK_LINES) + "\n", encoding="utf-8")
    return path


# HTML: the scenario in the first column (rowspan), sources beside it, years under a spanning header.
YASNOGORSK_BLOCKS: list[tuple[str, list[tuple[str, list[str]]]]] = [
    ("Вариант 1", [
        ("Федеральный бюджет", ["320,5", "334,0", "351,2", "1 005,7"]),
        ("Областной бюджет", ["140,0", "146,3", "152,9", "439,2"]),
        ("Бюджет городского округа", ["58,4", "60,0", "62,7", "181,1"]),
        ("Итого по варианту 1", ["518,9", "540,3", "566,8", "1 626,0"]),
    ]),
    ("Вариант 2", [
        ("Федеральный бюджет", ["355,0", "372,4", "398,1", "1 125,5"]),
        ("Областной бюджет", ["151,2", "160,0", "171,8", "483,0"]),
        ("Бюджет городского округа", ["63,0", "66,5", "70,0", "199,5"]),
        ("Итого по варианту 2", ["569,2", "598,9", "639,9", "1 808,0"]),
    ]),
]


def yasnogorsk_resources(folder: Path) -> Path:
    """«Сценарий | Источник финансирования | Объем финансирования, млн руб.» over «2024 г. | 2025 г. |
    2026 г. | всего»; «Вариант 1», «Вариант 2» merged down over their sources and total row."""
    head = ("<tr><th rowspan='2'>Сценарий</th><th rowspan='2'>Источник финансирования</th>"
            "<th colspan='4'>Объем финансирования, млн руб.</th></tr>"
            "<tr><th>2024 г.</th><th>2025 г.</th><th>2026 г.</th><th>всего</th></tr>")
    body = []
    for scenario, lines in YASNOGORSK_BLOCKS:
        for k, (label, amounts) in enumerate(lines):
            first = f"<td rowspan='{len(lines)}'>{scenario}</td>" if k == 0 else ""
            body.append(f"<tr>{first}<td>{label}</td>{''.join(f'<td>{a}</td>' for a in amounts)}</tr>")
    html = ("<!DOCTYPE html><html lang='ru'><head><meta charset='utf-8'><title>Стратегия городского округа "
            "Ясногорск</title></head><body><h1>Стратегия социально-экономического развития городского "
            "округа Ясногорск</h1><p>Раздел 7. Ресурсное обеспечение Стратегии. Оценка потребности в "
            "средствах на первый этап реализации Стратегии выполнена по двум вариантам прогноза, "
            "различающимся темпами роста доходов бюджетов и объемом привлекаемых инвестиций.</p>"
            f"<table border='1'>{head}{''.join(body)}</table>"
            "<p>Объемы средств подлежат ежегодному уточнению в ходе бюджетного процесса.</p></body></html>")
    path = folder / "yasnogorsk_resources.html"
    path.write_text(html, encoding="utf-8")
    return path


# --- Class 5: indicator grids with scenario variants --------------------------------------------------

# DOCX: «1. Показатель, ед.» with fact and estimate on its row, then a row per scenario with forecasts.
OZERNOGORSK_ITEMS: list[tuple[str, list[str], list[list[str]]]] = [
    ("1. Численность постоянного населения (на конец года), тыс. человек", ["41,3", "40,9"],
     [["40,2", "38,9", "37,5"], ["40,6", "40,1", "39,8"], ["41,0", "41,4", "42,0"]]),
    ("2. Среднемесячная начисленная заработная плата, рублей", ["48 650", "53 900"],
     [["61 200", "78 400", "97 300"], ["63 500", "84 100", "108 900"], ["65 800", "90 300", "121 500"]]),
    ("3. Объем инвестиций в основной капитал за счет всех источников финансирования, млн рублей",
     ["3 415,7", "3 690,2"],
     [["3 950,0", "4 800,0", "5 700,0"], ["4 210,5", "5 460,0", "6 920,0"],
      ["4 480,0", "6 150,0", "8 300,0"]]),
    ("4. Уровень регистрируемой безработицы, %", ["1,2", "1,1"],
     [["1,3", "1,2", "1,1"], ["1,0", "0,9", "0,8"], ["0,9", "0,7", "0,6"]]),
]


def ozernogorsk_forecast(folder: Path) -> Path:
    """No № column: the number opens the name; the name row carries the report and estimate years, the
    scenario rows below it carry the forecast years."""
    head = _texts("Наименование показателя, единица измерения", "2022 год (факт)", "2023 год (оценка)",
                  "2025 год", "2030 год", "2035 год")
    body = []
    for name, past, forecasts in OZERNOGORSK_ITEMS:
        body.append(_texts(name, *past, "", "", ""))
        for scenario, values in zip(SCENARIOS3, forecasts, strict=True):
            body.append(_texts(scenario, "", "", *values))
    data = docx_bytes(
        para("Стратегия социально-экономического развития Озерногорского муниципального района на период "
             "до 2035 года"),
        para("Прогноз развития района разработан в трех сценариях, различающихся допущениями о динамике "
             "инвестиций и численности населения."),
        para("Таблица 2. Прогноз основных показателей по сценариям развития"),
        table(head, *body, grid=6),
        para("Целевой сценарий принят в качестве ориентира при постановке целей Стратегии."),
    )
    path = folder / "ozernogorsk_forecast.docx"
    path.write_bytes(data)
    return path


# XLSX: a «Сценарий» column beside the name, the name merged down, the unit after the name's last comma.
KRASNOPOLSK_SCENARIOS = ("инерционный", "базовый", "инновационный")
KRASNOPOLSK_ITEMS: list[tuple[str, list[list[object]]]] = [
    ("Оборот розничной торговли, млн руб.",
     [[18640.2, 19410.0, 20180.5, 23900.0], [18920.0, 19980.4, 21070.0, 25600.0],
      [19150.0, 20460.0, 21900.0, 27800.0]]),
    ("Количество субъектов малого и среднего предпринимательства на 10 тыс. человек населения, единиц",
     [[352, 355, 358, 370], [356, 362, 368, 390], [360, 369, 378, 410]]),
    ("Доля населения, систематически занимающегося физической культурой и спортом, %",
     [[52.0, 53.5, 55.0, 60.0], [53.0, 55.0, 57.5, 65.0], [54.0, 56.5, 59.0, 70.0]]),
]


def krasnopolsk_indicators(folder: Path) -> Path:
    """«Показатель | Сценарий | 2024 | 2025 | 2026 | 2030» with years as numbers; every name merged down
    over its three variant rows; no numbering."""
    cells: list[tuple[str, object]] = [
        ("A1", "Целевые показатели Стратегии социально-экономического развития городского округа "
               "Краснопольск"),
        ("A2", "Показатель"), ("B2", "Сценарий"), ("C2", 2024), ("D2", 2025), ("E2", 2026), ("F2", 2030),
    ]
    merges = ["A1:F1"]
    r = 3
    for name, by_scenario in KRASNOPOLSK_ITEMS:
        cells.append((f"A{r}", name))
        merges.append(f"A{r}:A{r + 2}")
        for k, (scenario, values) in enumerate(zip(KRASNOPOLSK_SCENARIOS, by_scenario, strict=True)):
            cells.append((f"B{r + k}", scenario))
            cells += [(f"{col}{r + k}", v) for col, v in zip("CDEF", values, strict=True)]
        r += 3
    data = xlsx_bytes({"Показатели": cells}, merges={"Показатели": merges})
    path = folder / "krasnopolsk_indicators.xlsx"
    path.write_bytes(data)
    return path


# TXT (tab-separated): a № column; the indicator row is empty, «… вариант» rows below hold the values.
VERKHNESOLSK_ITEMS: list[tuple[str, str, list[list[str]]]] = [
    ("1", "Объем отгруженных товаров собственного производства, выполненных работ и услуг, млн руб.",
     [["12 480,0", "12 950,5", "13 400,0", "15 200,0"], ["12 730,0", "13 460,0", "14 220,8", "17 150,0"],
      ["13 050,0", "14 100,0", "15 230,0", "19 900,0"]]),
    ("2", "Ввод в действие жилых домов, тыс. кв. м",
     [["18,5", "19,0", "19,2", "21,0"], ["19,4", "20,6", "21,5", "24,8"], ["20,2", "22,0", "23,7", "28,5"]]),
    ("3", "Численность занятых в экономике, тыс. человек",
     [["14,8", "14,7", "14,7", "14,5"], ["14,9", "15,0", "15,1", "15,3"], ["15,0", "15,2", "15,4", "16,0"]]),
]


def verkhnesolsk_indicators(folder: Path) -> Path:
    """«№ | Показатель, единица измерения | 2024 | 2025 | 2026 | 2030»; variant rows «консервативный
    вариант», «базовый вариант», «целевой вариант» with a blank № cell; CRLF line ends."""
    lines = ["Прогноз показателей социально-экономического развития Верхнесольского муниципального округа",
             "",
             "Значения показателей на 2024 – 2030 годы приведены по трем вариантам прогноза.", "",
             "№\tПоказатель, единица измерения\t2024\t2025\t2026\t2030"]
    for number, name, by_scenario in VERKHNESOLSK_ITEMS:
        lines.append(f"{number}\t{name}\t\t\t\t")
        for scenario, values in zip(SCENARIOS3, by_scenario, strict=True):
            lines.append("\t".join(["", f"{scenario} вариант", *values]))
    lines += ["", "Прогноз уточняется ежегодно при разработке проекта бюджета округа."]
    path = folder / "verkhnesolsk_indicators.txt"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


# HTML: «Вариант 1», «Вариант 2» in a column beside the name, number, name and unit merged down.
PRIRECHENSK_ITEMS: list[tuple[str, str, str, list[list[str]]]] = [
    ("1", "Инвестиции в основной капитал на душу населения", "тыс. руб.",
     [["96,4", "101,8", "107,5", "126,0"], ["99,0", "106,2", "114,0", "141,3"]]),
    ("2", "Обеспеченность населения жильем", "кв. м на 1 жителя",
     [["27,9", "28,3", "28,6", "29,8"], ["28,1", "28,7", "29,3", "31,0"]]),
    ("3", "Естественный прирост населения", "человек",
     [["-310", "-295", "-280", "-240"], ["-290", "-260", "-230", "-150"]]),
]


def prirechensk_indicators(folder: Path) -> Path:
    """«№ | Наименование показателя | Ед. изм. | Вариант прогноза | 2025 | 2026 | 2027 | 2030», the
    first three cells merged down (rowspan) over the two variant rows."""
    head = ("<tr><th>№</th><th>Наименование показателя</th><th>Ед. изм.</th><th>Вариант прогноза</th>"
            "<th>2025</th><th>2026</th><th>2027</th><th>2030</th></tr>")
    body = []
    for number, name, unit, by_variant in PRIRECHENSK_ITEMS:
        for k, values in enumerate(by_variant):
            fixed = "" if k else "".join(f"<td rowspan='2'>{t}</td>" for t in (number, name, unit))
            body.append(f"<tr>{fixed}<td>Вариант {k + 1}</td>{''.join(f'<td>{v}</td>' for v in values)}</tr>")
    html = ("<!DOCTYPE html><html lang='ru'><head><meta charset='utf-8'><title>Целевые индикаторы</title>"
            "</head><body><h1>Целевые индикаторы Стратегии развития города Приреченска до 2030 года</h1>"
            "<p>Значения индикаторов рассчитаны по двум вариантам прогноза социально-экономического "
            "развития города, одобренным рабочей группой по подготовке Стратегии в прошлом году.</p>"
            f"<table border='1'>{head}{''.join(body)}</table>"
            "<p>Индикаторы пересматриваются по итогам мониторинга реализации Стратегии.</p></body></html>")
    path = folder / "prirechensk_indicators.html"
    path.write_text(html, encoding="utf-8")
    return path


# DOCX: the scenario as a section row merged across, the same indicators repeated under each.
KAMENOGRAD_BLOCKS: list[tuple[str, list[tuple[str, str, str, list[str]]]]] = [
    ("Пессимистичный сценарий", [
        ("1", "Объем инвестиций в основной капитал", "млн руб.", ["2 310,0", "2 450,0", "2 700,0"]),
        ("2", "Численность населения", "тыс. чел.", ["52,4", "51,6", "50,3"]),
    ]),
    ("Оптимистичный сценарий", [
        ("1", "Объем инвестиций в основной капитал", "млн руб.", ["2 520,0", "2 860,0", "3 480,0"]),
        ("2", "Численность населения", "тыс. чел.", ["53,0", "53,4", "54,1"]),
    ]),
]


def kamenograd_scenarios(folder: Path) -> Path:
    """«№ | Наименование показателя | Единица измерения | 2025 | 2027 | 2030»; «Пессимистичный сценарий»
    and «Оптимистичный сценарий» rows span the table, each over the same two indicators."""
    head = _texts("№", "Наименование показателя", "Единица измерения", "2025", "2027", "2030")
    body = []
    for title, items in KAMENOGRAD_BLOCKS:
        body.append(row(cell(title, span=6)))
        body += [_texts(n, name, unit, *values) for n, name, unit, values in items]
    data = docx_bytes(
        para("Целевые показатели Стратегии социально-экономического развития Каменоградского "
             "муниципального округа"),
        table(head, *body, grid=6),
    )
    path = folder / "kamenograd_scenarios.docx"
    path.write_bytes(data)
    return path


RESOURCE_BUILDERS: dict[str, Callable[[Path], Path]] = {
    "svetloyarsk_resources": svetloyarsk_resources,
    "belokamensk_resources": belokamensk_resources,
    "novoklyuchinsk_resources": novoklyuchinsk_resources,
    "yasnogorsk_resources": yasnogorsk_resources,
}
SCENARIO_INDICATOR_BUILDERS: dict[str, Callable[[Path], Path]] = {
    "ozernogorsk_forecast": ozernogorsk_forecast,
    "krasnopolsk_indicators": krasnopolsk_indicators,
    "verkhnesolsk_indicators": verkhnesolsk_indicators,
    "prirechensk_indicators": prirechensk_indicators,
    "kamenograd_scenarios": kamenograd_scenarios,
}
BUILDERS: dict[str, Callable[[Path], Path]] = {**RESOURCE_BUILDERS, **SCENARIO_INDICATOR_BUILDERS}
