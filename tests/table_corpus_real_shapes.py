"""Statistics and forecast tables in the shapes real strategies print them, in every format the readers take.

A forecast grid with period columns («2019 – 2021», «2022 – 2025») and three scenario rows per
indicator, the scenario adjectives in their «-ический» form and, in a narrow PDF column, broken
inside the word; a unit printed only in the cells («6,5%»), in the caption («…, млн долл. США») or
on a line of its own above the table («(человек)»); one indicator printed in two tables; tables
whose row labels stand under a header that is no «Наименование» («Категория экспорта», an empty
corner cell, «Потребность в кадрах»), with «Прирост к 2019 г.» columns beside the years, a total
row that names a quantity, and a continuation page where the blank № column is not printed.
The records expected from each file are in tests/data/tables/<stem>.json. Towns, numbers and
sentences are invented.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.office_factory import cell, docx_bytes, para, row, table, xlsx_bytes
from tests.pdf_factory import FONT, have_font

SCENARIOS_IC = ("Оптимистический", "Базовый", "Пессимистический")


def _texts(*texts: str) -> str:
    return row(*(cell(t) for t in texts))


# --- DOCX: a forecast grid, period columns, the name merged down over three scenario rows ---------------

MIRNOBORSK_ITEMS: list[tuple[str, list[list[str]]]] = [
    ("Объем экспорта района за год на конец периода, млн долл. США",
     [["412", "560", "790"], ["405", "512", "655"], ["380", "431", "470"]]),
    ("Ежегодный темп прироста экспорта услуг",
     [["6,5%", "8,0%", "9,2%"], ["5,1%", "6,3%", "7,0%"], ["2,4%", "2,9%", "3,1%"]]),
    ("Количество предприятий-экспортеров района, ед.",
     [["58", "71", "90"], ["55", "64", "77"], ["50", "53", "57"]]),
    ("Доля несырьевого экспорта в общем объеме экспорта района на конец периода, %",
     [["61,5", "66,0", "72,4"], ["60,8", "63,1", "67,0"], ["59,9", "60,5", "61,2"]]),
]


def mirnoborsk_forecast(folder: Path) -> Path:
    """«Показатель | Сценарий | 2019 – 2021 | 2022 – 2025 | 2026 – 2030»; each name merged down over
    «Оптимистический», «Базовый», «Пессимистический»; one rate has its «%» only in the cells."""
    head = _texts("Показатель", "Сценарий", "2019 – 2021", "2022 – 2025", "2026 – 2030")
    body = []
    for name, by_scenario in MIRNOBORSK_ITEMS:
        for k, (scenario, values) in enumerate(zip(SCENARIOS_IC, by_scenario, strict=True)):
            first = cell(name, vmerge="restart") if k == 0 else cell(vmerge="")
            body.append(row(first, cell(scenario), *(cell(v) for v in values)))
    data = docx_bytes(
        para("Стратегия развития экспорта Мирноборского района на период до 2030 года", style="Title"),
        para("6. Прогноз внешнеэкономических показателей", style="1"),
        para("Прогноз составлен в трех сценариях, различающихся темпами выхода предприятий района на "
             "новые рынки сбыта. Значения приведены за последний год каждого периода."),
        para("Таблица 9"),
        para("Прогноз показателей внешнеэкономической деятельности Мирноборского района на 2021 – 2030 годы"),
        table(head, *body, grid=5),
        para("Базовый сценарий принят за основу при постановке целей Стратегии."),
    )
    path = folder / "mirnoborsk_forecast.docx"
    path.write_bytes(data)
    return path


# --- XLSX: variant rows under a numbered name, the unit in the title row above the header ----------------

SVETLORECHENSK_ITEMS: list[tuple[str, str, list[list[str]]]] = [
    ("1", "Экспорт продукции агропромышленного комплекса",
     [["1 240,5", "1 610,0", "2 150,8"], ["1 198,0", "1 455,3", "1 820,0"],
      ["1 105,2", "1 240,0", "1 390,5"]]),
    ("2", "Экспорт продукции лесопромышленного комплекса",
     [["860,0", "1 020,4", "1 310,0"], ["842,7", "948,0", "1 105,6"], ["801,3", "835,0", "870,2"]]),
    ("3", "Доля экспорта в объеме отгруженной продукции, %",
     [["18,4", "21,0", "24,5"], ["17,9", "19,6", "21,8"], ["16,8", "17,2", "17,9"]]),
]


def svetlorechensk_export(folder: Path) -> Path:
    """«№ | Показатель | 2020 - 2022 гг. | 2023 - 2026 гг. | 2027 - 2030 гг.»; «оптимистический вариант»,
    «базовый вариант», «пессимистический вариант» rows under each item; «…, млн рублей» closes the title
    row merged across the sheet."""
    cells: list[tuple[str, object]] = [
        ("A1", "Прогноз экспорта продукции Светлореченского муниципального округа по вариантам развития, "
               "млн рублей"),
        ("A3", "№"), ("B3", "Показатель"), ("C3", "2020 - 2022 гг."), ("D3", "2023 - 2026 гг."),
        ("E3", "2027 - 2030 гг."),
    ]
    r = 4
    for number, name, by_scenario in SVETLORECHENSK_ITEMS:
        cells += [(f"A{r}", number), (f"B{r}", name)]
        r += 1
        for scenario, values in zip(SCENARIOS_IC, by_scenario, strict=True):
            cells.append((f"B{r}", f"{scenario.lower()} вариант"))
            cells += [(f"{col}{r}", v) for col, v in zip("CDE", values, strict=True)]
            r += 1
    data = xlsx_bytes({"Прогноз": cells}, merges={"Прогноз": ["A1:E1"]})
    path = folder / "svetlorechensk_export.xlsx"
    path.write_bytes(data)
    return path


# --- HTML: a report table and a forecast table print the same two indicators -----------------------------

DUBRAVINSK_FORECAST: list[tuple[str, list[list[str]]]] = [
    ("Объем экспорта, млн долл. США",
     [["99,0", "101,4", "104,0"], ["103,5", "110,2", "118,7"], ["108,0", "121,5", "135,2"]]),
    ("Число компаний-экспортеров, ед.",
     [["133", "136", "140"], ["138", "147", "158"], ["142", "156", "171"]]),
]


def dubravinsk_export(folder: Path) -> Path:
    """Table 2 «Показатель | 2021 г. | 2022 г. | 2023 г.» (a share with «%» only in its cells); table 5
    «Показатель | Сценарий | 2024–2026 | 2027–2028 | 2029–2030», names merged down (rowspan) over
    «Пессимистический», «Базовый», «Оптимистический», two of its names those of table 2."""
    report = ("<tr><th>Показатель</th><th>2021 г.</th><th>2022 г.</th><th>2023 г.</th></tr>"
              "<tr><td>Объем экспорта, млн долл. США</td><td>84,6</td><td>91,2</td><td>97,5</td></tr>"
              "<tr><td>Доля экспорта в валовом городском продукте</td><td>6,1%</td><td>6,4%</td>"
              "<td>6,9%</td></tr>"
              "<tr><td>Число компаний-экспортеров, ед.</td><td>112</td><td>118</td><td>131</td></tr>")
    forecast = ["<tr><th>Показатель</th><th>Сценарий</th><th>2024–2026</th><th>2027–2028</th>"
                "<th>2029–2030</th></tr>"]
    for name, by_scenario in DUBRAVINSK_FORECAST:
        for k, (scenario, values) in enumerate(zip(reversed(SCENARIOS_IC), by_scenario, strict=True)):
            first = f"<td rowspan='3'>{name}</td>" if k == 0 else ""
            forecast.append(f"<tr>{first}<td>{scenario}</td>{''.join(f'<td>{v}</td>' for v in values)}</tr>")
    html = ("<!DOCTYPE html><html lang='ru'><head><meta charset='utf-8'><title>Стратегия города "
            "Дубравинска</title></head><body><h1>Стратегия социально-экономического развития города "
            "Дубравинска до 2030 года</h1><h2>Раздел 3. Внешнеэкономическая деятельность</h2>"
            "<p>За три года экспорт предприятий города вырос более чем на десятую часть.</p>"
            "<p>Таблица 2. Экспорт города Дубравинска в 2021 – 2023 годах</p>"
            f"<table border='1'>{report}</table>"
            "<p>Прогноз экспорта рассчитан по трем сценариям; значения даны за последний год периода.</p>"
            "<p>Таблица 5. Прогноз экспорта города Дубравинска по сценариям</p>"
            f"<table border='1'>{''.join(forecast)}</table>"
            "<p>Прогноз уточняется по итогам мониторинга.</p></body></html>")
    path = folder / "dubravinsk_export.html"
    path.write_text(html, encoding="utf-8")
    return path


# --- TXT (tab-separated): three tables, one indicator twice, the unit of table 3 in its caption ----------

TIKHORECHE_LINES = [
    "Анализ внешнеэкономической деятельности Тихореченского района",
    "",
    "Таблица 1",
    "Экспорт Тихореченского района и его доля в экспорте области",
    "Показатель\t2019 г.\t2020 г.\t2021 г.\t2022 г.",
    "Экспорт района, млн долл. США\t52,4\t47,9\t58,3\t61,0",
    "Доля района в экспорте области\t1,8%\t1,6%\t1,9%\t2,0%",
    "",
    "В 2022 году район поднялся на пятое место среди муниципалитетов области по объему экспорта.",
    "",
    "Таблица 2",
    "Место района среди муниципальных образований области",
    "Показатель\t2019 г.\t2020 г.\t2021 г.\t2022 г.",
    "Экспорт района, млн долл. США\t52,4\t47,9\t58,3\t61,0",
    "Место района по объему экспорта\t7\t8\t6\t5",
    "Темп роста экспорта\t-\t91%\t122%\t105%",
    "",
    "Сырьевой экспорт района в последние годы растет быстрее несырьевого.",
    "",
    "Таблица 3",
    "Экспорт района по категориям товаров, млн долл. США",
    "Категория экспорта\t2020 г.\t2021 г.\t2022 г.",
    "Сырьевой экспорт\t12,6\t18,1\t19,4",
    "Несырьевой экспорт\t35,3\t40,2\t41,6",
    "",
    "Источник: данные таможенной статистики.",
]


def tikhoreche_trade(folder: Path) -> Path:
    path = folder / "tikhoreche_trade.txt"
    path.write_text("\n".join(TIKHORECHE_LINES) + "\n", encoding="utf-8")
    return path


# --- DOCX: an empty corner cell, «Прирост к …» columns, a unit on a line of its own above a table -------

def olkhovsk_msp(folder: Path) -> Path:
    """Table 4: «| 2020 г. | Прирост к 2019 г. | 2021 г. | …» with «- доля в области» rows under each
    kind of enterprise; table 5 under «(человек)»: «Вид экономической деятельности | 2021 год | …»,
    one quantity by branch, so none of its rows is an indicator."""
    counts = [
        _texts("", "2020 г.", "Прирост к 2019 г.", "2021 г.", "Прирост к 2020 г.", "2022 г.",
               "Прирост к 2021 г."),
        _texts("Малые предприятия", "35", "12%", "41", "17%", "38", "-7%"),
        _texts("- доля в области", "2,1%", "-", "2,4%", "-", "2,2%", "-"),
        _texts("Средние предприятия", "9", "-10%", "11", "22%", "12", "9%"),
        _texts("- доля в области", "1,5%", "-", "1,7%", "-", "1,6%", "-"),
    ]
    staff = [
        _texts("Вид экономической деятельности", "2021 год", "2022 год", "2023 год"),
        _texts("Обрабатывающие производства", "1 240", "1 315", "1 402"),
        _texts("Торговля оптовая и розничная", "2 085", "2 010", "1 978"),
        _texts("Строительство", "640", "702", "755"),
    ]
    data = docx_bytes(
        para("Стратегия развития малого и среднего предпринимательства Ольховского района до 2030 года",
             style="Title"),
        para("2. Анализ экспортной деятельности субъектов МСП", style="1"),
        para("Число экспортеров из числа малых предприятий за три года выросло почти на треть."),
        para("Таблица 4"),
        para("Количество малых и средних предприятий Ольховского района, осуществляющих экспортную "
             "деятельность (на начало года)"),
        table(*counts, grid=7),
        para("Численность работников малых предприятий по видам деятельности приведена ниже."),
        para("Таблица 5"),
        para("Численность работников малых предприятий Ольховского района по видам деятельности"),
        para("(человек)"),
        table(*staff, grid=4),
        para("Сведения приведены по данным налоговой службы."),
    )
    path = folder / "olkhovsk_msp.docx"
    path.write_bytes(data)
    return path


# --- PDF: needs by education level over two pages, the blank № column not printed on the second ---------

PDF_LEFT = 40.0
PDF_LINE = 11.0


@dataclass
class PdfCell:
    row: int
    col: int
    text: str  # lines separated by "\n"
    row_span: int = 1


def _pdf_grid(pdf, y: float, cells: list[PdfCell], widths: list[float]) -> float:
    """Ruled cells at `y`, a cell spanning rows as one tall rectangle; returns the y below."""
    n_rows = max(c.row + c.row_span for c in cells)
    heights = [PDF_LINE + 6] * n_rows
    for c in cells:
        if c.row_span == 1:
            heights[c.row] = max(heights[c.row], (c.text.count("\n") + 1) * PDF_LINE + 6)
    tops = [y + sum(heights[:r]) for r in range(n_rows + 1)]
    for c in cells:
        x = PDF_LEFT + sum(widths[:c.col])
        w = widths[c.col]
        pdf.rect(x, tops[c.row], w, tops[c.row + c.row_span] - tops[c.row])
        for i, line in enumerate(c.text.split("\n")):
            if pdf.get_string_width(line) > w - 6:
                raise ValueError(f"PDF cell text overflows its {w:.0f} pt column: {line!r}")
            if line:
                pdf.text(x + 3, tops[c.row] + 11 + i * PDF_LINE, line)
    return tops[-1]


def _rows(rows: list[list[str]], first: int = 0) -> list[PdfCell]:
    return [PdfCell(first + r, k, t) for r, texts in enumerate(rows) for k, t in enumerate(texts)]


def _pdf(path: Path, pages: list[tuple[list[str], list[PdfCell], list[float]]]) -> Path:
    """A landscape PDF, one (title lines, ruled cells, column widths) per page, a page number at the foot."""
    if not have_font():
        pytest.skip("DejaVu font absent")
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_line_width(0.6)
    for page_no, (title, cells, widths) in enumerate(pages, start=1):
        pdf.add_page()
        y = 60.0
        pdf.set_font("DejaVu", "", 11)
        for line in title:
            pdf.text(PDF_LEFT, y, line)
            y += 18
        pdf.set_font("DejaVu", "", 9)
        _pdf_grid(pdf, y, cells, widths)
        pdf.set_font("DejaVu", "", 8)
        pdf.text(400, 570, f"- {page_no} -")
    path.write_bytes(bytes(pdf.output()))
    return path


VERESKOVO_WIDTHS = [30.0, 400.0, 70.0, 70.0, 70.0, 70.0]
VERESKOVO_PAGE1 = [
    ["N", "Потребность в кадрах", "2025 г.", "2026 г.", "2027 г.", "2028 г."],
    ["1.", "Потребность в кадрах с высшим образованием, чел.", "1 215", "1 240", "1 262", "1 298"],
    ["", "- программы бакалавриата", "860", "874", "889", "910"],
    ["", "- программы магистратуры", "355", "366", "373", "388"],
    ["2.", "Потребность в кадрах со средним профессиональным образованием", "1 530", "1 512", "1 498",
     "1 505"],
]
VERESKOVO_PAGE2 = [
    ["", "- программы подготовки квалифицированных рабочих и служащих", "702", "690", "684", "689"],
    ["", "- программы подготовки специалистов среднего звена", "828", "822", "814", "816"],
    ["", "Итого ежегодная дополнительная потребность в кадрах", "2 745", "2 752", "2 760", "2 803"],
]


def vereskovo_staff(folder: Path) -> Path:
    """«N | Потребность в кадрах | 2025 г. | … | 2028 г.», numbered rows with «- программы …» rows under
    them, continued on page 2 (no header repeated) where the № column holds nothing; an «Итого …» row
    that names the quantity it totals."""
    title = ["Приложение 2 к Стратегии социально-экономического развития Вересковского района",
             "Таблица 3",
             "Динамика прогнозируемой ежегодной дополнительной потребности в кадрах для экономики района",
             "на 2025 - 2028 гг. по уровням профессионального образования"]
    return _pdf(folder / "vereskovo_staff.pdf", [
        (title, _rows(VERESKOVO_PAGE1), VERESKOVO_WIDTHS),
        ([], _rows(VERESKOVO_PAGE2), VERESKOVO_WIDTHS),
    ])


# --- XLSX: needs for specialists, «(человек)» in a title row, a named total ------------------------------

def beloruchye_staff(folder: Path) -> Path:
    """«№ п/п | Потребность в специалистах | 2024 | 2025 | 2026» under the title row and a «(человек)»
    row; «в том числе:» and «- …» rows under the first item; «Итого потребность в специалистах»."""
    rows: list[list[object]] = [
        ["№ п/п", "Потребность в специалистах", "2024", "2025", "2026"],
        ["1", "Специалисты с высшим образованием", 420, 436, 451],
        ["", "в том числе:", "", "", ""],
        ["", "- инженерные специальности", 150, 158, 166],
        ["", "- педагогические специальности", 96, 99, 101],
        ["2", "Специалисты со средним профессиональным образованием", 610, 622, 640],
        ["", "Итого потребность в специалистах", 1030, 1058, 1091],
    ]
    cells: list[tuple[str, object]] = [
        ("A1", "Прогноз потребности в специалистах для организаций Белоручского муниципального округа "
               "на 2024 - 2026 годы"),
        ("A2", "(человек)"),
    ]
    for r, values in enumerate(rows, start=4):
        cells += [(f"{col}{r}", v) for col, v in zip("ABCDE", values, strict=True) if v != ""]
    data = xlsx_bytes({"Кадры": cells}, merges={"Кадры": ["A1:E1", "A2:E2"]})
    path = folder / "beloruchye_staff.xlsx"
    path.write_bytes(data)
    return path


# --- PDF: a forecast grid whose narrow scenario column breaks «Оптимистичес-кий» without a hyphen --------

YASENEVO_WIDTHS = [300.0, 80.0, 80.0, 80.0, 80.0]
YASENEVO_LABELS = ("Оптимистичес\nкий", "Базовый", "Пессимистичес\nкий")
YASENEVO_ITEMS: list[tuple[str, list[list[str]]]] = [
    ("Индекс промышленного производства, %",
     [["102,1", "103,0", "103,4"], ["101,5", "102,2", "102,6"], ["100,4", "100,9", "101,1"]]),
    ("Объем отгруженной продукции, млрд руб.",
     [["48,2", "57,9", "70,3"], ["46,9", "54,0", "62,5"], ["44,1", "48,6", "53,0"]]),
    ("Среднемесячная заработная плата, тыс. руб.",
     [["58,4", "71,0", "86,2"], ["57,1", "67,5", "79,8"], ["55,0", "61,3", "68,0"]]),
]


def yasenevo_forecast(folder: Path) -> Path:
    """«Показатель | Сценарий | 2022 - 2024 | 2025 - 2027 | 2028 - 2030», each name one tall cell over
    its three scenario rows, two of the scenario words broken over two lines of their cell."""
    cells = [PdfCell(0, k, t) for k, t in enumerate(["Показатель", "Сценарий", "2022 - 2024", "2025 - 2027",
                                                      "2028 - 2030"])]
    r = 1
    for name, by_scenario in YASENEVO_ITEMS:
        cells.append(PdfCell(r, 0, name, row_span=3))
        for k, (label, values) in enumerate(zip(YASENEVO_LABELS, by_scenario, strict=True)):
            cells.append(PdfCell(r + k, 1, label))
            cells += [PdfCell(r + k, 2 + j, v) for j, v in enumerate(values)]
        r += 3
    title = ["Стратегия социально-экономического развития Ясеневского муниципального округа",
             "Таблица 7. Прогноз основных показателей развития округа по сценариям"]
    return _pdf(folder / "yasenevo_forecast.pdf", [(title, cells, YASENEVO_WIDTHS)])


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "mirnoborsk_forecast": mirnoborsk_forecast,
    "svetlorechensk_export": svetlorechensk_export,
    "dubravinsk_export": dubravinsk_export,
    "tikhoreche_trade": tikhoreche_trade,
    "olkhovsk_msp": olkhovsk_msp,
    "vereskovo_staff": vereskovo_staff,
    "beloruchye_staff": beloruchye_staff,
    "yasenevo_forecast": yasenevo_forecast,
}
