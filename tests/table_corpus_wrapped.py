"""PDF tables whose cells wrap over several lines, drawn with different rulings.

Every table here is printed the way office software prints it: a cell's text is broken over
lines inside its column («\\n» in the data below is a line end on the page), a unit may stand on
a line of its own, a header cell may run over two or three lines. What tells the rows apart
varies by document: rules between the rows, only the columns ruled, no rules at all (row
numbers or the space between rows say where a row starts), a full grid whose row breaks over a
page, or a full grid with a rule under every printed line. Expected records are in
tests/data/tables/<name>.json; the reader-level facts (how many rows, what each header cell
says) are checked by tests/test_pdf_wrapped_cells.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

LINE = 11.0  # points between the baselines of two lines of one cell
PAD = 3.0  # text inset from a cell's edges
LEFT = 40.0
FONT_SIZE = 9


@dataclass
class WrapTable:
    """One table as printed: column widths, header cells and body rows, each cell a text whose
    «\\n» are its line ends, and how the page rules it.

    rules: «grid» every cell boxed; «rows» a full-width rule above, between and below the rows;
    «columns» column rules from top to bottom with rules only above and below the header and
    under the last row; «none» nothing drawn. `spans` maps a body row index to a text printed
    across the whole table (a goal row) instead of cells. `row_pad` is the space a row adds to
    its lines (top and bottom together), `row_gap` extra space between body rows.
    """

    widths: list[float]
    head: list[str]
    rows: list[list[str]]
    rules: str = "grid"
    align: str = ""  # per column: l, c or r (default l)
    spans: dict[int, str] = field(default_factory=dict)
    row_pad: float = 6.0
    row_gap: float = 0.0
    min_gutter: float = 0.0  # for unruled tables: blank kept between a text and the next column


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def _row_height(cells: list[str], t: WrapTable) -> float:
    return max(1, *(len(_lines(c)) for c in cells)) * LINE + t.row_pad


def _draw_cells(pdf, y: float, cells: list[str], t: WrapTable, box: bool) -> float:
    h = _row_height(cells, t)
    for k, text in enumerate(cells):
        x = LEFT + sum(t.widths[:k])
        w = t.widths[k]
        if box:
            pdf.rect(x, y, w, h)
        how = t.align[k] if k < len(t.align) else "l"
        for i, line in enumerate(_lines(text)):
            width = pdf.get_string_width(line)
            if width > w - 2 * PAD - t.min_gutter:
                raise ValueError(f"cell text overflows its {w:.0f} pt column: {line!r}")
            lx = x + PAD if how == "l" else x + w - PAD - t.min_gutter - width if how == "r" \
                else x + (w - width) / 2
            pdf.text(lx, y + t.row_pad / 2 + 8 + i * LINE, line)
    return y + h


def _draw_span(pdf, y: float, text: str, t: WrapTable, box: bool) -> float:
    h = LINE + t.row_pad
    if box:
        pdf.rect(LEFT, y, sum(t.widths), h)
    pdf.text(LEFT + PAD, y + t.row_pad / 2 + 8, text)
    return y + h


def _hline(pdf, y: float, t: WrapTable) -> None:
    pdf.line(LEFT, y, LEFT + sum(t.widths), y)


def draw_table(pdf, y: float, t: WrapTable) -> float:
    """Draw `t` with its top at `y`; returns the y under it."""
    pdf.set_font("DejaVu", "", FONT_SIZE)
    pdf.set_line_width(0.6)
    grid = t.rules == "grid"
    top = y
    if t.rules in ("rows", "columns"):
        _hline(pdf, y, t)
    y = _draw_cells(pdf, y, t.head, t, grid)
    if t.rules in ("rows", "columns"):
        _hline(pdf, y, t)
    for i, row in enumerate(t.rows):
        if i:
            y += t.row_gap
            if t.rules == "rows":
                _hline(pdf, y, t)
        y = _draw_span(pdf, y, t.spans[i], t, grid) if i in t.spans else _draw_cells(pdf, y, row, t, grid)
    if t.rules in ("rows", "columns"):
        _hline(pdf, y, t)
    if t.rules == "columns":
        for k in range(len(t.widths) + 1):
            x = LEFT + sum(t.widths[:k])
            pdf.line(x, top, x, y)
    return y


def new_pdf():
    from fpdf import FPDF

    from tests.pdf_factory import FONT

    pdf = FPDF(orientation="L", unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    return pdf


def prose(pdf, y: float, lines: list[str], size: float = 11) -> float:
    pdf.set_font("DejaVu", "", size)
    for line in lines:
        pdf.text(LEFT, y, line)
        y += size + 5
    return y + 6


def page_number(pdf, n: int) -> None:
    pdf.set_font("DejaVu", "", 8)
    pdf.text(410, 570, f"- {n} -")


def save(pdf, folder: Path, name: str) -> Path:
    path = folder / f"{name}.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


# --- (a) indicators ruled only between rows: names over two or three lines, the unit on its own ---

LISTVENSK = WrapTable(
    widths=[34.0, 300.0, 72.0, 72.0, 72.0, 72.0],
    head=["№\nп/п", "Наименование показателя,\nединица измерения", "2023 год\n(факт)", "2024 год", "2025 год",
          "2030 год"],
    rows=[
        ["1", "Объем отгруженной продукции обрабатывающих\nпроизводств,\nмлн руб.", "18 450,0", "19 200,0",
         "20 100,0", "24 800,0"],
        ["2", "Численность занятых в\nмалом и среднем предпринимательстве,\nтыс. чел.", "12,4", "12,9",
         "13,3", "15,0"],
        ["3", "Доля продукции высокотехнологичных и наукоемких\nотраслей в валовом региональном продукте, %",
         "18,2", "18,6", "19,0", "21,5"],
        ["4", "Объем экспорта несырьевых неэнергетических\nтоваров,\nмлн. долл. США", "96,3", "101,0",
         "107,5", "140,0"],
        ["5",
         "Количество субъектов малого и среднего\nпредпринимательства на 10 тыс. человек\nнаселения, ед.",
         "342,5", "347,0", "352,0", "380,0"],
        ["6", "Уровень регистрируемой безработицы, %", "0,9", "0,8", "0,8", "0,7"],
    ],
    rules="rows", align="cl" + "c" * 4,
)


def listvensk_indicators(folder: Path) -> Path:
    pdf = new_pdf()
    pdf.add_page()
    y = prose(pdf, 50, ["Стратегия социально-экономического развития городского округа Лиственск "
                        "до 2030 года", "Таблица 3. Целевые показатели реализации Стратегии"])
    draw_table(pdf, y, LISTVENSK)
    page_number(pdf, 1)
    return save(pdf, folder, "listvensk_indicators")


# --- (b) no rules at all: row numbers in one table, space between rows in the other ----------------

KAMENNOBRODSK_NUMBERED = WrapTable(
    widths=[30.0, 270.0, 90.0, 66.0, 66.0, 66.0],
    head=["№", "Наименование\nпоказателя", "Единица\nизмерения", "2022", "2023", "2024"],
    rows=[
        ["1", "Численность постоянного населения\nна 1 января", "тыс. чел.", "48,6", "48,2", "47,9"],
        ["2", "Среднемесячная начисленная заработная\nплата работников организаций", "руб.", "41 250",
         "45 800", "51 300"],
        ["3", "Объем инвестиций в основной капитал\nза счет всех источников\nфинансирования", "млн\nрублей",
         "3 120,4", "3 480,0", "3 905,7"],
        ["4", "Объем экспорта продукции предприятий\nокруга", "млн. долл.\nСША", "54,2", "58,9", "63,0"],
        ["5", "Ввод в действие жилых домов", "тыс. кв. м", "21,4", "23,0", "24,5"],
    ],
    rules="none", align="ll" + "l" + "rrr", row_pad=0.0, min_gutter=8.0,
)
KAMENNOBRODSK_SPACED = WrapTable(
    widths=[300.0, 80.0, 80.0, 80.0],
    head=["Показатель", "2021 год", "2022 год", "2023 год"],
    rows=[
        ["Внешнеторговый оборот, млн. долл. США", "312,5", "298,1", "341,7"],
        ["Удельный вес округа в экспорте\nЗападной экономической зоны, %", "4,1", "3,8", "4,4"],
        ["Количество организаций-экспортеров,\nединиц", "57", "61", "66"],
        ["Число стран-партнеров, в которые\nпоставляется продукция округа, ед.", "23", "25", "27"],
    ],
    rules="none", align="lrrr", row_pad=0.0, row_gap=8.0, min_gutter=8.0,
)


def kamennobrodsk_statistics(folder: Path) -> Path:
    pdf = new_pdf()
    pdf.add_page()
    y = prose(pdf, 50, ["Таблица 1. Основные социально-экономические показатели Каменнобродского городского "
                        "округа"])
    y = draw_table(pdf, y, KAMENNOBRODSK_NUMBERED)
    y = prose(pdf, y + 24, ["Внешнеэкономическая деятельность округа за три года характеризуется следующими",
                            "данными.", "Таблица 2. Показатели внешнеэкономической деятельности"])
    draw_table(pdf, y, KAMENNOBRODSK_SPACED)
    page_number(pdf, 1)
    return save(pdf, folder, "kamennobrodsk_statistics")


# --- (c) a plan with only its columns ruled: header cells over two or three lines -----------------

NOVORECHINSK = WrapTable(
    widths=[30.0, 186.0, 56.0, 150.0, 80.0, 80.0, 80.0, 100.0],
    head=["№\nп/п", "Наименование\nмероприятия", "Срок\nреали-\nзации", "Ответственный\nисполнитель",
          "Объем,\nтыс. руб.,\n2025 год", "Объем,\nтыс. руб.,\n2026 год", "Источник\nфинанси-\nрования",
          "Ожидаемый\nрезультат"],
    rows=[
        ["1.1", "Строительство очистных\nсооружений канализации\nв микрорайоне Северный", "2025-2026",
         "Управление жилищно-\nкоммунального хозяйства\nадминистрации города", "42 000,0", "18 500,0",
         "областной\nбюджет", "Мощность 12 тыс.\nкуб. м в сутки"],
        ["1.2", "Капитальный ремонт\nводопроводных сетей по\nулице Заводской", "2025",
         "Управление жилищно-\nкоммунального хозяйства\nадминистрации города", "9 800,0", "-",
         "городской\nбюджет", "Заменено 3,5 км\nсетей"],
        ["2.1", "Создание центра поддержки\nпредпринимательства", "2026",
         "Отдел экономического\nразвития администрации\nгорода", "-", "6 200,0", "внебюджетные\nисточники",
         "Оказано не менее\n300 консультаций"],
        ["2.2", "Проведение ежегодного форума\nмолодых предпринимателей\n«Речной старт»", "2025-2026",
         "Комитет по делам молодежи\nадминистрации города;\nАНО «Новоречинский\nбизнес-инкубатор»", "350,0",
         "350,0", "местный\nбюджет", "Проведено\n2 форума"],
    ],
    rules="columns", align="cl" + "c" + "l" + "cc" + "ll", row_pad=8.0,
)


def novorechinsk_plan(folder: Path) -> Path:
    pdf = new_pdf()
    pdf.add_page()
    y = prose(pdf, 50, ["План мероприятий по реализации Стратегии социально-экономического развития",
                        "города Новоречинска на 2025-2026 годы"])
    draw_table(pdf, y, NOVORECHINSK)
    page_number(pdf, 1)
    return save(pdf, folder, "novorechinsk_plan")


# --- (d) a full grid over two pages: numbers wrapped in narrow cells, a row broken by the page -------

SVETLOBORSK_WIDTHS = [30.0, 250.0, 70.0] + [32.0] * 6
SVETLOBORSK_HEAD = ["№\nп/п", "Показатель", "Единица\nизмере-\nния", *(str(y) for y in range(2021, 2027))]
SVETLOBORSK_PAGE1 = WrapTable(
    widths=SVETLOBORSK_WIDTHS, head=SVETLOBORSK_HEAD,
    rows=[
        [],
        ["1", "Численность занятых в сельском,\nлесном хозяйстве, охоте,\nрыболовстве и рыбоводстве",
         "человек", "5842\n7", "5790\n3", "5731\n8", "5702\n6", "5688\n1", "5675\n0"],
        ["2", "Численность занятых в\nобрабатывающих производствах", "человек", "6310\n4", "6254\n9",
         "6198\n2", "6175\n5", "6160\n7", "6149\n3"],
        ["3", "Численность занятых в строительстве", "человек", "2471\n6", "2433\n8", "2405\n1", "2389\n4",
         "2376\n9", "2368\n2"],
        ["4", "Численность занятых в оптовой и\nрозничной торговле; ремонте", "человек", "8825", "8610",
         "8437", "8291", "8150", "8024"],
    ],
    spans={0: "Цель 1. Сбалансированный рынок труда района"}, align="cl" + "c" * 7, row_pad=6.0,
)
SVETLOBORSK_PAGE2 = WrapTable(
    widths=SVETLOBORSK_WIDTHS, head=SVETLOBORSK_HEAD,
    rows=[
        ["", "автотранспортных средств и\nмотоциклов", "", "", "", "", "", "", ""],
        ["5", "Численность занятых в образовании", "человек", "4718", "4766", "4802", "4839", "4871", "4905"],
        [],
        ["6", "Производительность труда в\nбазовых несырьевых отраслях\nэкономики",
         "тыс. руб.\nна 1\nзанятого", "985,2", "1012,\n6", "1047,\n3", "1085,\n0", "1121,\n8", "1160,\n4"],
    ],
    spans={2: "Цель 2. Рост производительности труда"}, align="cl" + "c" * 7, row_pad=6.0,
)


def svetloborsk_indicators(folder: Path) -> Path:
    pdf = new_pdf()
    pdf.add_page()
    y = prose(pdf, 50, ["Таблица 4. Целевые показатели рынка труда Светлоборского муниципального района"])
    draw_table(pdf, y, SVETLOBORSK_PAGE1)
    page_number(pdf, 1)
    pdf.add_page()
    draw_table(pdf, 50, SVETLOBORSK_PAGE2)
    page_number(pdf, 2)
    return save(pdf, folder, "svetloborsk_indicators")


# --- (e) a full grid with a rule under every printed line: a wrapped name is several ruled rows ------

BELOKLYUCHINSK = WrapTable(
    widths=[34.0, 260.0, 70.0, 70.0, 70.0],
    head=["№\nп/п", "Наименование показателя", "2024 год", "2025 год", "2026 год"],
    rows=[
        ["1", "Объем инвестиций в основной капитал", "4 210,0", "4 480,5", "4 760,0"],
        ["", "за счет всех источников финансирования,", "", "", ""],
        ["", "млн руб.", "", "", ""],
        ["2", "Количество субъектов малого и среднего", "1 840", "1 905", "1 960"],
        ["", "предпринимательства, ед.", "", "", ""],
        ["3", "Доля населения, удовлетворенного", "61,0", "63,5", "66,0"],
        ["", "качеством транспортного", "", "", ""],
        ["", "обслуживания, %", "", "", ""],
        ["4", "Уровень безработицы, %", "1,1", "1,0", "0,9"],
    ],
    align="cl" + "c" * 3, row_pad=4.0,
)


def beloklyuchinsk_indicators(folder: Path) -> Path:
    pdf = new_pdf()
    pdf.add_page()
    y = prose(pdf, 50, ["Целевые показатели муниципальной программы Белоключинского района"])
    draw_table(pdf, y, BELOKLYUCHINSK)
    page_number(pdf, 1)
    return save(pdf, folder, "beloklyuchinsk_indicators")


WRAPPED_BUILDERS: dict[str, Callable[[Path], Path]] = {
    "listvensk_indicators": listvensk_indicators,
    "kamennobrodsk_statistics": kamennobrodsk_statistics,
    "novorechinsk_plan": novorechinsk_plan,
    "svetloborsk_indicators": svetloborsk_indicators,
    "beloklyuchinsk_indicators": beloklyuchinsk_indicators,
}
