"""A generalisation set of plan tables: new documents shaped like real Russian municipal and
regional plans, in every format the readers take, built by code at test time.

Each builder writes one file into a folder and returns its path; the records expected from it
are in tests/data/tables/<stem>.json, written by hand from the text below before the
extractors ever saw it. Cities, numbers and sentences are invented for these tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.office_factory import cell, docx_bytes, para, row, table, xlsx_bytes
from tests.table_corpus_real_shapes import BUILDERS as REAL_SHAPE_BUILDERS
from tests.table_corpus_scenarios import BUILDERS as SCENARIO_BUILDERS

NBSP = "\u00a0"


# --- DOCX: an action plan with a two-row merged header ------------------------------------------------

def _span_row(text: str, width: int) -> str:
    return row(cell(text, span=width))


def _text_row(texts: list[str]) -> str:
    return row(*(cell(t) for t in texts))


def cherepovets_plan(folder: Path) -> Path:
    """№ | name | period | «Объем финансирования, тыс. руб.» over Всего and four sources | responsible |
    result; column numbers; goal, task, legal-note and total rows."""
    head = row(
        cell("№ п/п", vmerge="restart"), cell("Наименование мероприятия", vmerge="restart"),
        cell("Срок реализации", vmerge="restart"), cell("Объем финансирования, тыс. руб.", span=5),
        cell("Ответственный исполнитель", vmerge="restart"), cell("Ожидаемый результат", vmerge="restart"),
    )
    sub = row(
        cell(vmerge=""), cell(vmerge=""), cell(vmerge=""),
        cell("Всего"), cell("в том числе: федеральный бюджет"), cell("областной бюджет"),
        cell("местный бюджет"), cell("внебюджетные источники"),
        cell(vmerge=""), cell(vmerge=""),
    )
    body = [
        _text_row([str(k) for k in range(1, 11)]),
        _span_row("Цель 1. Создание условий для роста инвестиций в экономику города", 10),
        _span_row("Задача 1.1. Развитие промышленных площадок и инфраструктуры", 10),
        _text_row(["1.1.1.", "Создание инженерной инфраструктуры индустриального парка «Шексна»",
                   "2023 - 2025",
                   "185 400,0", "120 000,0", "45 000,0", "15 400,0", "5 000,0",
                   "Комитет по управлению имуществом города, управление архитектуры и градостроительства "
                   "мэрии",
                   "Подготовлено 12 га площадок для резидентов"]),
        _text_row(["1.1.2.", "Предоставление субсидий субъектам малого и среднего предпринимательства на "
                   "модернизацию оборудования", "2023", "3 200,0", "-", "2 000,0", "1 200,0", "-",
                   "Управление экономической политики мэрии; МАУ «Центр муниципальных информационных "
                   "ресурсов»",
                   "Поддержано не менее 25 субъектов МСП"]),
        _span_row("(в ред. постановления мэрии города Череповца от 22.09.2023 № 2841)", 10),
        _text_row(["", "Итого по разделу", "", "188 600,0", "120 000,0", "47 000,0", "16 600,0", "5 000,0",
                   "", ""]),
        _span_row("Цель 2. Развитие человеческого капитала", 10),
        _span_row("Задача 2.1. Обновление инфраструктуры общего образования", 10),
        _text_row(["2.1.1.", "Капитальный ремонт здания средней школы № 18", "2024", "48 750,5", "",
                   "40 000,0",
                   "8 750,5", "",
                   "Управление образования мэрии; МКУ «Управление капитального строительства и ремонтов»",
                   "Обновлено здание на 800 мест"]),
        _text_row(["2.1.2.", "Проведение городского конкурса педагогического мастерства", "ежегодно", "450,0",
                   "", "", "450,0", "", "Управление образования мэрии", "Участие не менее 60 педагогов"]),
        _text_row(["", "Итого по разделу", "", "49 200,5", "", "40 000,0", "9 200,5", "", "", ""]),
        _text_row(["", "Всего по плану", "", "237 800,5", "120 000,0", "87 000,0", "25 800,5", "5 000,0",
                   "", ""]),
    ]
    data = docx_bytes(
        para("Приложение 2 к постановлению мэрии города Череповца от 14.03.2023 № 512"),
        para("ПЛАН МЕРОПРИЯТИЙ по реализации Стратегии социально-экономического развития города Череповца "
             "до 2030 года на 2023 - 2025 годы", style="1"),
        table(head, sub, *body, grid=10),
        para("Контроль за исполнением плана возлагается на заместителя мэра города."),
    )
    path = folder / "cherepovets_plan.docx"
    path.write_bytes(data)
    return path


# --- DOCX: a strategy with an indicators table and a resource-support table --------------------------

INDICATOR_ROWS: list[list[str]] = [
    ["1", "Численность постоянного населения (среднегодовая)", "тыс. чел.", "1 194,5", "1 186,7", "1 178,2",
     "1 171,0", "1 165,3", "1 160,1"],
    ["2", "Уровень удовлетворенности населения качеством медицинской помощи", "%", "78,3", "н/д", "79,1",
     "80,0", "81,5", "83,0"],
    ["3", "Ввод в действие жилых домов", "тыс. кв. м", "612,4", "640,0", "-", "655,0", "670,0", "690,0"],
]
INDICATOR_ROWS_2: list[list[str]] = [
    ["4", "Объем инвестиций в основной капитал", "млн руб.", "98 456,3", "102 310,0", "106 900,5",
     "111 200,0",
     "116 000,0", "121 400,0"],
    ["5", "Количество субъектов малого и среднего предпринимательства", "ед.", "24 315", "24 870", "25 100",
     "25 400", "25 800", "26 200"],
]
RESOURCE_ROWS: list[list[str]] = [
    ["федеральный бюджет", "512,4", "160,2", "172,0", "180,2"],
    ["консолидированный бюджет субъекта", "298,7", "93,5", "100,1", "105,1"],
    ["местные бюджеты", "41,9", "13,1", "14,0", "14,8"],
    ["внебюджетные средства", "431,6", "135,5", "145,7", "150,4"],
]


def vladimir_strategy(folder: Path) -> Path:
    ind_head = [
        row(cell("№ п/п", vmerge="restart"), cell("Наименование показателя", vmerge="restart"),
            cell("Единица измерения", vmerge="restart"), cell("Базовое значение (2020 г.)", vmerge="restart"),
            cell("Значения по годам", span=5)),
        row(*(cell(vmerge="") for _ in range(4)), *(cell(str(y)) for y in range(2021, 2026))),
        row(*(cell(vmerge="") for _ in range(4)), cell("факт"), cell("оценка"), cell("план"), cell("план"),
            cell("план")),
    ]
    indicators = table(
        *ind_head,
        _span_row("Цель 1. Повышение уровня и качества жизни населения", 9),
        *(_text_row(r) for r in INDICATOR_ROWS),
        _span_row("Цель 2. Ускорение экономического роста", 9),
        *(_text_row(r) for r in INDICATOR_ROWS_2),
        grid=9,
    )
    resources = table(
        row(cell("Источники финансирования", vmerge="restart"), cell("Всего", vmerge="restart"),
            cell("в том числе по этапам", span=3)),
        row(cell(vmerge=""), cell(vmerge=""), cell("2021 - 2025 гг."), cell("2026 - 2030 гг."),
            cell("2031 - 2035 гг.")),
        _text_row(["Всего", "1 284,6", "402,3", "431,8", "450,5"]),
        _span_row("в том числе:", 5),
        *(_text_row(r) for r in RESOURCE_ROWS),
        grid=5,
    )
    data = docx_bytes(
        para("Стратегия социально-экономического развития Владимирской области до 2035 года", style="Title"),
        para("7. Целевые показатели реализации Стратегии", style="1"),
        para("Достижение целей Стратегии оценивается по следующим показателям."),
        para("Таблица 3"),
        indicators,
        para("8. Ресурсное обеспечение реализации Стратегии", style="1"),
        para("Реализация Стратегии осуществляется за счет средств бюджетов всех уровней и внебюджетных "
             "источников. Прогнозная оценка объемов финансирования приведена в таблице 4."),
        para("Таблица 4. Прогнозный объем финансирования реализации Стратегии, млрд. рублей"),
        resources,
        para("Объемы финансирования уточняются ежегодно при формировании бюджетов."),
    )
    path = folder / "vladimir_strategy.docx"
    path.write_bytes(data)
    return path


# --- XLSX: a forecast with the scenario in a column -------------------------------------------------

WAGE = "Среднемесячная начисленная заработная плата работников организаций"


def _row_values(r: int, values: list) -> list[tuple[str, object]]:
    """Values into the cells E…H of sheet row `r`."""
    return [(f"{col}{r}", v) for col, v in zip("EFGH", values, strict=True)]


def kostroma_scenarios(folder: Path) -> Path:
    cells: list[tuple[str, object]] = [
        ("A1", "Прогноз основных показателей социально-экономического развития Костромской области на период "
               "до 2035 года"),
        ("A2", "№ п/п"), ("B2", "Наименование показателя"), ("C2", "Единица измерения"), ("D2", "Вариант"),
        ("E2", "2020 год (отчет)"), ("F2", "2025 год"), ("G2", "2030 год"), ("H2", "2035 год"),
    ]
    grp = [("консервативный", [341.8, 402.6, 468.0, 540.3]), ("базовый", [341.8, 415.9, 497.2, 589.0]),
           ("целевой", [341.8, 428.4, 530.5, 645.1])]
    wage = [("консервативный", [40412, 52300, 63800, 76100]), ("базовый", [40412, 54900, 68200, 83400]),
            ("целевой", [40412, 57100, 72900, 90800])]
    jobless = [("консервативный", [4.6, 4.9, 4.7, 4.5]), ("базовый", [4.6, 4.4, 4.1, 3.9]),
               ("целевой", [4.6, 4.1, 3.7, 3.4])]
    r = 3
    # 1: number, name and unit merged down over the three variant rows
    cells += [(f"A{r}", 1), (f"B{r}", "Валовой региональный продукт"), (f"C{r}", "млрд рублей")]
    merges = ["A1:H1", f"A{r}:A{r + 2}", f"B{r}:B{r + 2}", f"C{r}:C{r + 2}"]
    for k, (variant, values) in enumerate(grp):
        cells += [(f"D{r + k}", variant), *_row_values(r + k, values)]
    r += 3
    # 2: everything repeated on every row
    for k, (variant, values) in enumerate(wage):
        cells += [(f"A{r + k}", 2), (f"B{r + k}", WAGE), (f"C{r + k}", "рублей"), (f"D{r + k}", variant),
                  *_row_values(r + k, values)]
    r += 3
    # 3: number, name and unit on the first row only, the cells below left blank (not merged)
    cells += [(f"A{r}", 3), (f"B{r}", "Уровень безработицы (по методологии МОТ)"), (f"C{r}", "%")]
    for k, (variant, values) in enumerate(jobless):
        cells += [(f"D{r + k}", variant), *_row_values(r + k, values)]
    data = xlsx_bytes({"Прогноз": cells}, merges={"Прогноз": merges})
    path = folder / "kostroma_scenarios.xlsx"
    path.write_bytes(data)
    return path


# --- PDF: a project list over two pages --------------------------------------------------------------

@dataclass
class PdfCell:
    col: int
    text: str  # lines separated by "\n", drawn as wrapped
    col_span: int = 1


PROJECT_HEAD = ["№", "Наименование\nпроекта", "Объект", "Срок\nреализации", "Стоимость,\nмлн руб.", "Стадия",
                "Исполнитель"]
PROJECT_WIDTHS = [26.0, 215.0, 160.0, 66.0, 66.0, 84.0, 145.0]
PROJECT_PAGES: list[list[list[str] | str]] = [
    [
        "Промышленность",
        ["1", "Строительство завода по производству\nсухих строительных смесей",
         "Индустриальный парк\n«Моглино»", "2022-2024", "3 450,0", "реализуемый", "ООО «Псковские смеси»"],
        ["2", "Модернизация производства\nмолочной продукции", "г. Великие Луки,\nул. Дорожная, 8",
         "2023-2025",
         "780,5", "реализуемый", "АО «Великолукский\nмолочный комбинат»"],
        ["3", "Создание деревообрабатывающего\nкомплекса", "Особая экономическая\nзона «Моглино»",
         "2025-2028",
         "2 100,0", "планирование", "ООО «Северный лес»"],
        "Туризм",
        ["4", "Строительство туристско-рекреационного\nкомплекса «Озерный край»",
         "д. Устье, Пушкиногорский\nрайон", "2024-2027", "1 120,5", "планирование", "АО «Псковтурразвитие»"],
    ],
    [
        ["5", "Реконструкция гостиницы в историческом\nцентре", "г. Псков, ул. Некрасова, 20", "2023-2025",
         "860,0", "реализуемый", "ИП Смирнова Анна\nВикторовна"],
        "Сельское хозяйство",
        ["6", "Строительство тепличного комплекса", "Псковский район,\nд. Неелово", "2024-2026", "4 600,0",
         "планирование", "ООО «Агро-Псков»"],
        ["", "Итого", "", "", "12 911,0", "", ""],
    ],
]
PDF_LEFT = 40.0
PDF_LINE = 11.0


def _pdf_row(pdf, y: float, cells: list[PdfCell], widths: list[float]) -> float:
    """One ruled row of wrapped cells at `y`; returns the y below it."""
    n_lines = max(c.text.count("\n") + 1 for c in cells)
    h = n_lines * PDF_LINE + 6
    for c in cells:
        x = PDF_LEFT + sum(widths[:c.col])
        w = sum(widths[c.col:c.col + c.col_span])
        pdf.rect(x, y, w, h)
        for i, line in enumerate(c.text.split("\n")):
            if pdf.get_string_width(line) > w - 6:
                raise ValueError(f"PDF cell text overflows its {w:.0f} pt column: {line!r}")
            if line:
                pdf.text(x + 3, y + 11 + i * PDF_LINE, line)
    return y + h


def ruled_pdf(path: Path, title: list[str], head: list[str], widths: list[float],
              pages: list[list[list[str] | str]]) -> Path:
    """A landscape PDF: the title lines, then on every page the header row and that page's rows
    (a string is a row spanning the table), a page number at the foot."""
    from fpdf import FPDF

    from tests.pdf_factory import FONT

    pdf = FPDF(orientation="L", unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_line_width(0.6)
    for page_no, rows in enumerate(pages, start=1):
        pdf.add_page()
        y = 60.0
        if page_no == 1:
            pdf.set_font("DejaVu", "", 11)
            for line in title:
                pdf.text(PDF_LEFT, y, line)
                y += 18
        pdf.set_font("DejaVu", "", 9)
        y = _pdf_row(pdf, y, [PdfCell(k, t) for k, t in enumerate(head)], widths)
        for item in rows:
            cells = [PdfCell(0, item, col_span=len(widths))] if isinstance(item, str) else \
                [PdfCell(k, t) for k, t in enumerate(item)]
            y = _pdf_row(pdf, y, cells, widths)
        pdf.set_font("DejaVu", "", 8)
        pdf.text(400, 570, f"- {page_no} -")
    path.write_bytes(bytes(pdf.output()))
    return path


def pskov_projects(folder: Path) -> Path:
    title = ["Приложение 3 к Стратегии социально-экономического развития Псковской области",
             "Перечень инвестиционных проектов, реализуемых и планируемых к реализации на территории области"]
    return ruled_pdf(folder / "pskov_projects.pdf", title, PROJECT_HEAD, PROJECT_WIDTHS, PROJECT_PAGES)


KFS = "Комитет по физической культуре\nи спорту администрации\nгорода Мурманска"
INDICATOR_HEAD = ["№\nп/п", "Наименование показателя,\nединица измерения", "2022 год\n(факт)",
                  "2023 год\n(оценка)",
                  "2024 год", "2025 год", "2026 год", "Ответственный\nисполнитель"]
INDICATOR_WIDTHS = [26.0, 310.0, 52.0, 52.0, 52.0, 52.0, 52.0, 172.0]
INDICATOR_PAGES: list[list[list[str] | str]] = [
    [
        "Цель: Создание условий для занятий физической культурой и спортом",
        ["1", "Доля населения, систематически занимающегося физической\nкультурой и спортом, %", "48,2",
         "50,5*",
         "не менее\n52,0", "не менее\n54,0", "не менее\n56,0", KFS],
        ["2", "Количество спортивных сооружений, ед.", "412", "418", "425", "431", "440", KFS],
        ["3",
         "Уровень обеспеченности населения спортивными\nсооружениями исходя из единовременной\nпропускной "
              "способности, %", "61,3", "62,0", "63,5", "65,0", "66,5", KFS],
    ],
    [
        ["4", "Численность лиц, принявших участие в физкультурных и\nспортивных мероприятиях, тыс. чел.",
         "96,450",
         "98,000", "101,5", "104,0", "107,0", KFS + ";\nМАУ «Мурманские городские\nпарки и скверы»"],
        ["5", "Количество присвоенных спортивных разрядов, чел.", "1 215", "1 250", "н/д", "1 300", "1 350",
         KFS],
    ],
]


def murmansk_indicators(folder: Path) -> Path:
    title = ["Таблица 2. Целевые показатели муниципальной программы «Развитие физической культуры и спорта",
             "в городе Мурманске» на 2024 - 2026 годы"]
    return ruled_pdf(folder / "murmansk_indicators.pdf", title, INDICATOR_HEAD, INDICATOR_WIDTHS,
                     INDICATOR_PAGES)


# --- TXT: a tab-separated plan, years under a header printed once ----------------------------------

DOR = "Департамент дорожного хозяйства, благоустройства и транспорта администрации города Твери"
CUL = "Управление по культуре, спорту и делам молодежи администрации города Твери"
TVER_LINES: list[list[str]] = [
    ["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок исполнения",
     "Источники и объемы финансирования (тыс. руб.)", "", "", "Ожидаемый результат"],
    ["", "", "", "", "2024 год", "2025 год", "2026 год", ""],
    ["Цель 1. Развитие транспортной инфраструктуры города", "", "", "", "", "", "", ""],
    ["1", "Реконструкция путепровода на улице Паши Савельевой", DOR, "2024-2026",
     "Областной бюджет 12 300,0 Бюджет МО 1 540,2", "Областной бюджет 25 000,0 Бюджет МО 2 100,0",
     "Областной бюджет 8 450,5 Бюджет МО 940,0", "Снижение нагрузки на улично-дорожную сеть"],
    ["2", "Обновление подвижного состава городского электротранспорта", f"{DOR}; МУП «Тверьгорэлектро»",
     "2025",
     "", "ФБ 60 000,0 ОБ 15 000,0", "", "Поставка 10 трамвайных вагонов"],
    ["Цель 2. Повышение доступности услуг в сфере культуры", "", "", "", "", "", "", ""],
    ["3", "Создание модельной муниципальной библиотеки", CUL, "2024", "Финансирование не определено",
     "Финансирование не определено", "Финансирование не определено", "Открытие библиотеки нового поколения"],
    ["4", "Проведение фестиваля «Тверская осень»", f"{CUL}, МБУ «Тверской городской дом культуры»",
     "ежегодно",
     "Бюджет МО 850,0", "Бюджет МО 850,0", "Бюджет МО 850,0", "Не менее 15 тыс. участников"],
    ["Итого по плану", "", "", "", "Областной бюджет 12 300,0 Бюджет МО 2 390,2",
     "ФБ 60 000,0 Областной бюджет 40 000,0 Бюджет МО 2 950,0", "Областной бюджет 8 450,5 Бюджет МО 1 790,0",
     ""],
]


def tver_plan(folder: Path) -> Path:
    prose = [
        "Приложение к постановлению администрации города Твери",
        "",
        "План мероприятий по реализации Стратегии социально-экономического развития города Твери "
        "на 2024 - 2026 годы",
        "",
    ]
    text = "\n".join(prose + ["\t".join(r) for r in TVER_LINES] +
                     ["", "Финансирование мероприятий уточняется при утверждении бюджета города.", ""])
    path = folder / "tver_plan.txt"
    path.write_text(text, encoding="utf-8")
    return path


# --- XLSX: a programme report with numbers stored as text ---------------------------------------------

def _money(text: str) -> str:
    """«245 600,0» as a spreadsheet exported from an accounting system stores it: text, no-break spaces."""
    return text.replace(" ", NBSP)


def yaroslavl_report(folder: Path) -> Path:
    cells: list[tuple[str, object]] = [
        ("A1", "Отчет о реализации муниципальной программы «Развитие дорожного хозяйства города Ярославля» "
               "на 2023 - 2025 годы"),
        ("H2", "тыс. руб."),
        ("A3", "№ п/п"), ("B3", "Наименование мероприятия"), ("C3", "Ответственный исполнитель"),
        ("D3", "Источник финансирования"), ("E3", "Объем финансирования"),
        ("E4", "Всего"), ("F4", "2023 год"), ("G4", "2024 год"), ("H4", "2025 год"),
    ]
    cells += [(f"{col}5", k) for k, col in enumerate("ABCDEFGH", start=1)]
    money_rows = {
        6: ("всего", ["245 600,0", "80 000,0", "81 600,0", "84 000,0"]),
        7: ("областной бюджет", ["196 480,0", "64 000,0", "65 280,0", "67 200,0"]),
        8: ("городской бюджет", ["49 120,0", "16 000,0", "16 320,0", "16 800,0"]),
        9: ("городской бюджет", ["36 900,0", "12 000,0", "12 300,0", "12 600,0"]),
        10: ("федеральный бюджет", ["90 000,0", "90 000,0", "-", "-"]),
        11: ("внебюджетные источники", ["22 500,0", "7 500,0", "7 500,0", "7 500,0"]),
        12: ("всего", ["395 000,0", "189 500,0", "101 400,0", "104 100,0"]),
        13: ("федеральный бюджет", ["90 000,0", "90 000,0", "-", "-"]),
    }
    for r, (source, amounts) in money_rows.items():
        cells += [(f"D{r}", source), *_row_values(r, [_money(a) for a in amounts])]
    cells += [
        ("A6", "1"), ("B6", "Ремонт автомобильных дорог общего пользования местного значения"),
        ("C6", "Департамент городского хозяйства мэрии города Ярославля"),
        ("A9", "2"), ("B9", "Содержание и ремонт светофорных объектов"),
        ("C9", "МКУ «Агентство по эксплуатации дорог»"),
        ("A10", "3"), ("B10", "Приобретение автобусов, работающих на газомоторном топливе"),
        ("C10", "Департамент транспорта мэрии города Ярославля, МУП «Яргортранс»"),
        ("A12", "Всего по программе"),
    ]
    merges = ["A1:H1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:H3", "A6:A8", "B6:B8", "C6:C8",
              "A10:A11", "B10:B11", "C10:C11", "A12:C13"]
    data = xlsx_bytes({"Отчет": cells}, merges={"Отчет": merges})
    path = folder / "yaroslavl_report.xlsx"
    path.write_bytes(data)
    return path


# --- DOCX: programme measures with a row per year ---------------------------------------------------

UO = "Управление образования Администрации городского округа Саранск"


def _item_rows(fixed: list[str], result: str, years: list[list[str]]) -> list[str]:
    """An item whose number, name and responsible cell (`fixed`) and result are merged down over its
    year rows; each year row holds the period and five amounts."""
    out = []
    for i, amounts in enumerate(years):
        merge = "restart" if i == 0 else ""
        if len(years) == 1:
            merge = None
        lead = [cell(t if i == 0 else "", vmerge=merge) for t in fixed]
        out.append(row(*lead, *(cell(a) for a in amounts), cell(result if i == 0 else "", vmerge=merge)))
    return out


def saransk_programme(folder: Path) -> Path:
    head = row(
        cell("№ п/п", vmerge="restart"),
        cell("Наименование подпрограммы, основного мероприятия, мероприятия", vmerge="restart"),
        cell("Ответственный исполнитель, соисполнители", vmerge="restart"),
        cell("Годы реализации", vmerge="restart"), cell("Объем финансирования, тыс. рублей", span=5),
        cell("Ожидаемый результат", vmerge="restart"),
    )
    sub = row(
        *(cell(vmerge="") for _ in range(4)),
        cell("всего"), cell("федеральный бюджет"), cell("республиканский бюджет Республики Мордовия"),
        cell("бюджет городского округа Саранск"), cell("внебюджетные средства"), cell(vmerge=""),
    )
    body = [
        _text_row([str(k) for k in range(1, 11)]),
        _span_row("Подпрограмма 1 «Развитие дошкольного и общего образования»", 10),
        *_item_rows(["1.1", "Основное мероприятие 1.1 «Строительство и реконструкция объектов образования»",
                     f"{UO}; МКУ «Дирекция капитального строительства»"], "Ввод 2 зданий школ", [
            ["2024 - 2026", "90 000,0", "60 000,0", "25 000,0", "5 000,0", "-"],
            ["2024", "30 000,0", "20 000,0", "8 000,0", "2 000,0", "-"],
            ["2025", "30 000,0", "20 000,0", "8 500,0", "1 500,0", "-"],
            ["2026", "30 000,0", "20 000,0", "8 500,0", "1 500,0", "-"],
        ]),
        *_item_rows(["1.2", "Оснащение общеобразовательных организаций современным оборудованием",
                     f"{UO}, муниципальные общеобразовательные организации"],
                    "Обновлена материально-техническая база 12 школ", [
            ["2024", "4 250,0*", "-", "3 400,0*", "850,0", "-"],
            ["2025", "4 250,0", "-", "3 400,0", "850,0", "-"],
            ["2026", "-", "-", "-", "-", "-"],
        ]),
        _text_row(["", "Всего по подпрограмме 1", "", "2024 - 2026", "98 500,0", "60 000,0", "31 800,0",
                   "6 700,0",
                   "-", ""]),
        _span_row("Подпрограмма 2 «Дополнительное образование детей»", 10),
        *_item_rows(["2.1", "Проведение муниципальных конкурсов и олимпиад для школьников",
                     "МАУ ДО «Центр детского творчества»"], "Участие не менее 3 тыс. детей", [
            ["2024 - 2026", "1 800,0", "-", "-", "1 300,0", "500,0"],
        ]),
    ]
    data = docx_bytes(
        para("Приложение 2 к муниципальной программе городского округа Саранск «Развитие образования» "
             "на 2024 - 2026 годы"),
        para("Перечень основных мероприятий муниципальной программы", style="1"),
        table(head, sub, *body, grid=10),
        para("* Объем финансирования подлежит уточнению после распределения субсидий из республиканского "
             "бюджета."),
    )
    path = folder / "saransk_programme.docx"
    path.write_bytes(data)
    return path


# --- XLSX: an investment registry with the period in two columns --------------------------------------

def tula_registry(folder: Path) -> Path:
    cells: list[tuple[str, object]] = [
        ("A1", "Реестр инвестиционных проектов Тульской области"),
        ("A2", "№ п/п"), ("B2", "Наименование проекта"), ("C2", "Инициатор проекта"),
        ("D2", "Место реализации"),
        ("E2", "Срок реализации"), ("G2", "Объем инвестиций, млн руб."), ("J2", "Статус"),
        ("E3", "начало"), ("F3", "окончание"), ("G3", "всего"), ("H3", "собственные средства"),
        ("I3", "заемные средства"),
        ("A4", "Обрабатывающие производства"),
        ("A5", 1), ("B5", "Строительство завода по выпуску керамического кирпича"),
        ("C5", "ООО «Тульский кирпич»"),
        ("D5", "Алексинский район"), ("E5", 2023), ("F5", 2025), ("G5", 2450), ("H5", 950), ("I5", 1500),
        ("J5", "реализуется"),
        ("A6", 2), ("B6", "Расширение производства автокомпонентов"), ("C6", "АО «Тулаавто»"),
        ("D6", "г. Тула, ОЭЗ «Узловая»"), ("E6", 2024), ("F6", 2027), ("G6", 5800.5), ("H6", 5800.5),
        ("I6", "-"),
        ("J6", "проектная стадия"),
        ("A7", "Сельское хозяйство"),
        ("A8", 3), ("B8", "Строительство молочного комплекса на 2400 голов"), ("C8", "ООО «Агро-Тула»"),
        ("D8", "Ефремовский район"), ("E8", 2022), ("F8", 2024), ("G8", 3120), ("H8", 1120), ("I8", 2000),
        ("J8", "реализуется"),
        ("B9", "Итого"), ("G9", 11370.5), ("H9", 7870.5), ("I9", 3500),
    ]
    merges = ["A1:J1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:I2", "J2:J3", "A4:J4", "A7:J7"]
    data = xlsx_bytes({"Реестр": cells}, merges={"Реестр": merges})
    path = folder / "tula_registry.xlsx"
    path.write_bytes(data)
    return path


# --- DOCX: numbered goal and task rows, several paragraphs in a cell ---------------------------------

def _paras(*lines: str) -> str:
    """A cell holding each line as its own paragraph, as Word users stack units and amounts."""
    return cell([para(t) for t in lines])


def kirov_plan(folder: Path) -> Path:
    ub = "Управление благоустройства администрации города Кирова"
    de = "Департамент экономического развития администрации города Кирова"
    head = _text_row(["№ п/п", "Наименование мероприятия", "Исполнители", "Срок исполнения",
                      "Источник финансирования", "Объем финансирования, тыс. руб.", "Ожидаемый результат"])

    def titled(number: str, text: str) -> str:
        return row(cell(number), cell(text, span=6))

    body = [
        titled("1.", "Цель 1. Комфортная городская среда"),
        titled("1.1.", "Задача: благоустройство общественных пространств"),
        row(cell("1.1.1."), cell("Благоустройство набережной реки Вятки"),
            _paras(ub,
                   "МКУ «Дирекция дорожного хозяйства»"), cell("2024 - 2025"), cell("бюджет города Кирова"),
            _paras("2024 г. – 45 000,0", "2025 г. – 38 500,0"), _paras("Благоустроено 2,5 км", "набережной")),
        row(cell("1.1.2."), cell("Создание сквера в микрорайоне Чистые пруды"), cell(ub), cell("2026"),
            _paras("областной бюджет", "бюджет города Кирова"), _paras("12 000,0", "3 000,0"),
            cell("Создан сквер площадью 1,2 га")),
        titled("2.", "Цель 2. Развитие малого и среднего предпринимательства"),
        titled("2.1.", "Задача: расширение доступа субъектов МСП к финансовой поддержке"),
        row(cell("2.1.1."), cell("Предоставление микрозаймов субъектам малого предпринимательства"),
            _paras(de, "Кировский фонд поддержки малого и среднего предпринимательства"), cell("ежегодно"),
            cell("—"), cell("Финансирование не требуется"), cell("Выдано не менее 40 микрозаймов")),
        row(cell("2.1.2."), cell("Проведение конкурса «Предприниматель года»"), cell(de), cell("2024 - 2026"),
            cell("бюджет города Кирова"), cell("900,0"), cell("Награждено 10 победителей")),
    ]
    data = docx_bytes(
        para("План мероприятий по реализации Стратегии социально-экономического развития муниципального "
             "образования «Город Киров» на 2024 - 2026 годы", style="1"),
        table(head, *body, grid=7),
    )
    path = folder / "kirov_plan.docx"
    path.write_bytes(data)
    return path


# --- PDF: a plan whose items span their source rows and break over a page ---------------------------

@dataclass
class GridPdfCell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1


SMOLENSK_WIDTHS = [30.0, 250.0, 190.0, 120.0, 56.0, 56.0, 56.0]
SMOLENSK_HEAD = [
    GridPdfCell(0, 0, "№\nп/п", row_span=2), GridPdfCell(0, 1, "Наименование мероприятия", row_span=2),
    GridPdfCell(0, 2, "Ответственный исполнитель", row_span=2),
    GridPdfCell(0, 3, "Источник\nфинансирования", row_span=2),
    GridPdfCell(0, 4, "Объем финансирования\nпо годам, тыс. руб.", col_span=3),
    GridPdfCell(1, 4, "2024"), GridPdfCell(1, 5, "2025"), GridPdfCell(1, 6, "2026"),
]
SMOLENSK_PAGES: list[list[GridPdfCell]] = [
    [
        *(GridPdfCell(0, k, str(k + 1)) for k in range(7)),
        GridPdfCell(1, 0, "Цель 1. Развитие туристской инфраструктуры города Смоленска", col_span=7),
        GridPdfCell(2, 0, "1", row_span=4),
        GridPdfCell(2, 1,
                    "Реконструкция крепостной стены на участке\nот Громовой башни до Долгочевской\nбашни",
                    row_span=4),
        GridPdfCell(2, 2, "Управление культуры\nАдминистрации города\nСмоленска", row_span=4),
        GridPdfCell(2, 3, "всего"), GridPdfCell(2, 4, "32 300,0"), GridPdfCell(2, 5, "20 000,0"),
        GridPdfCell(2, 6, "-"),
        GridPdfCell(3, 3, "в том числе:"), GridPdfCell(3, 4, ""), GridPdfCell(3, 5, ""),
        GridPdfCell(3, 6, ""),
        GridPdfCell(4, 3, "федеральный\nбюджет"), GridPdfCell(4, 4, "30 000,0"),
        GridPdfCell(4, 5, "18 000,0"),
        GridPdfCell(4, 6, "-"),
        GridPdfCell(5, 3, "бюджет города"), GridPdfCell(5, 4, "2 300,0"), GridPdfCell(5, 5, "2 000,0"),
        GridPdfCell(5, 6, "-"),
        GridPdfCell(6, 0, "2"), GridPdfCell(6, 1, "Создание туристского информационного\nцентра"),
        GridPdfCell(6, 2, "Комитет по туризму\nАдминистрации города\nСмоленска"),
        GridPdfCell(6, 3, "областной бюджет"), GridPdfCell(6, 4, "4 500,0"), GridPdfCell(6, 5, "-"),
        GridPdfCell(6, 6, "-"),
    ],
    [
        GridPdfCell(0, 0, ""), GridPdfCell(0, 1, ""), GridPdfCell(0, 2, ""),
        GridPdfCell(0, 3, "бюджет города"),
        GridPdfCell(0, 4, "500,0"), GridPdfCell(0, 5, "250,0"), GridPdfCell(0, 6, "250,0"),
        GridPdfCell(1, 0, "Цель 2. Повышение качества городской среды", col_span=7),
        GridPdfCell(2, 0, "3"), GridPdfCell(2, 1, "Ремонт дворовых территорий многоквартирных\nдомов"),
        GridPdfCell(2, 2, "Управление жилищно-коммунального\nхозяйства Администрации\nгорода Смоленска"),
        GridPdfCell(2, 3, "Финансирование не определено", col_span=4),
        GridPdfCell(3, 0, ""), GridPdfCell(3, 1, "Итого по плану"), GridPdfCell(3, 2, ""),
        GridPdfCell(3, 3, ""),
        GridPdfCell(3, 4, "37 300,0"), GridPdfCell(3, 5, "20 250,0"), GridPdfCell(3, 6, "250,0"),
    ],
]


def _pdf_grid(pdf, y: float, cells: list[GridPdfCell], widths: list[float]) -> float:
    """Ruled cells with row and column spans at `y`: a row is as tall as its tallest one-row cell."""
    n_rows = max(c.row + c.row_span for c in cells)
    heights = [PDF_LINE + 6] * n_rows
    for c in cells:
        if c.row_span == 1:
            heights[c.row] = max(heights[c.row], (c.text.count("\n") + 1) * PDF_LINE + 6)
    tops = [y + sum(heights[:r]) for r in range(n_rows + 1)]
    for c in cells:
        x = PDF_LEFT + sum(widths[:c.col])
        w = sum(widths[c.col:c.col + c.col_span])
        h = tops[c.row + c.row_span] - tops[c.row]
        pdf.rect(x, tops[c.row], w, h)
        for i, line in enumerate(c.text.split("\n")):
            if pdf.get_string_width(line) > w - 6:
                raise ValueError(f"PDF cell text overflows its {w:.0f} pt column: {line!r}")
            if line:
                pdf.text(x + 3, tops[c.row] + 11 + i * PDF_LINE, line)
    return tops[-1]


def smolensk_plan(folder: Path) -> Path:
    from fpdf import FPDF

    from tests.pdf_factory import FONT

    pdf = FPDF(orientation="L", unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_line_width(0.6)
    for page_no, cells in enumerate(SMOLENSK_PAGES, start=1):
        pdf.add_page()
        y = 60.0
        if page_no == 1:
            pdf.set_font("DejaVu", "", 11)
            pdf.text(PDF_LEFT, y, "План мероприятий по реализации Стратегии развития города Смоленска")
            y += 18
        pdf.set_font("DejaVu", "", 9)
        y = _pdf_grid(pdf, y, SMOLENSK_HEAD, SMOLENSK_WIDTHS)
        _pdf_grid(pdf, y, cells, SMOLENSK_WIDTHS)
        pdf.set_font("DejaVu", "", 8)
        pdf.text(400, 570, f"- {page_no} -")
    path = folder / "smolensk_plan.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


# --- DOCX: a list of objects split into two Word tables ------------------------------------------

def ulyanovsk_objects(folder: Path) -> Path:
    head = _text_row(["№ п/п", "Наименование объекта", "Местонахождение объекта", "Сроки строительства",
                      "Стоимость, млн руб.", "Состояние проекта", "Заказчик"])
    first = [
        _text_row(["I", "Образование", "", "", "", "", ""]),
        _text_row(["1", "Строительство школы на 1100 мест", "г. Ульяновск, Заволжский район", "2024-2026",
                   "1 850,0 (в том числе ФБ – 1 295,0; ОБ – 555,0)", "проектирование",
                   "Министерство строительства и архитектуры Ульяновской области"]),
        _text_row(["2", "Строительство детского сада на 220 мест", "г. Димитровград", "2025-2026",
                   "410,5 (областной бюджет)", "планирование", "Администрация города Димитровграда"]),
        _text_row(["II", "Здравоохранение", "", "", "", "", ""]),
        _text_row(["3", "Строительство поликлиники", "р.п. Кузоватово", "2024-2025", "620,0", "строительство",
                   "ОГКУ «Управление капитального строительства»"]),
    ]
    second = [
        _text_row(["4", "Реконструкция областной больницы", "г. Ульяновск, ул. III Интернационала, 7",
                   "2025-2027", "2 300,0 (ФБ); 450,0 (ОБ)", "проектирование",
                   "Министерство здравоохранения Ульяновской области"]),
        _text_row(["III", "Культура", "", "", "", "", ""]),
        _text_row(["5", "Капитальный ремонт дома культуры", "с. Большие Ключищи", "2024",
                   "95,0 (местный бюджет)", "реализуется", "Администрация Ульяновского района"]),
        _text_row(["", "Итого", "", "", "5 725,5", "", ""]),
    ]
    data = docx_bytes(
        para("Таблица 2. Перечень объектов капитального строительства, планируемых к реализации "
             "в Ульяновской области"),
        table(head, *first, grid=7),
        para("Продолжение таблицы 2"),
        table(*second, grid=7),
        para("Стоимость объектов уточняется по результатам государственной экспертизы."),
    )
    path = folder / "ulyanovsk_objects.docx"
    path.write_bytes(data)
    return path


# --- TXT (cp1251): a forecast with the scenario in brackets after the name ----------------------------

TAMBOV_LINES: list[list[str]] = [
    ["№ п/п", "Наименование показателя", "2021 (факт)", "2022 (оценка)", "2025 (прогноз)", "2030 (прогноз)",
     "2035 (прогноз)"],
    ["Цель 1. Рост благосостояния населения", "", "", "", "", "", ""],
    ["1", "Реальные располагаемые денежные доходы населения, % к предыдущему году (консервативный вариант)",
     "98,7", "101,2", "100,8", "101,0", "101,2"],
    ["2", "Реальные располагаемые денежные доходы населения, % к предыдущему году (базовый вариант)",
     "98,7", "101,2", "101,5", "102,0", "102,3"],
    ["3", "Естественный прирост (убыль) населения, человек на 1000 населения", "\u20137,9", "\u20137,1",
     "\u20136,0", "\u20134,5", "\u20133,0"],
    ["Цель 2. Устойчивый экономический рост", "", "", "", "", "", ""],
    ["4", "Индекс промышленного производства, % (консервативный вариант)", "104,3", "102,1", "102,0", "102,5",
     "103,0"],
    ["5", "Индекс промышленного производства, % (базовый вариант)", "104,3", "102,1", "103,0", "103,5",
     "104,0"],
    ["6", "Оборот розничной торговли, млрд рублей", "197,4", "210,0", "н/д", "285,6", "340,2"],
]


def tambov_forecast(folder: Path) -> Path:
    prose = ["Приложение 2 к Стратегии социально-экономического развития Тамбовской области на период до "
             "2035 года", "", "Прогноз целевых показателей", ""]
    text = "\r\n".join(prose + ["\t".join(r) for r in TAMBOV_LINES] +
                       ["", "Значения показателей уточняются при корректировке прогноза.", ""])
    path = folder / "tambov_forecast.txt"
    path.write_bytes(text.encode("cp1251"))
    return path


# --- XLSX: measures numbered in the name cell, line breaks in cells, a second sheet ------------------

def orel_plan(folder: Path) -> Path:
    ug = "Управление городского хозяйства администрации города Орла"
    measures: list[tuple[str, object]] = [
        ("A1", "План мероприятий по реализации Стратегии социально-экономического развития города Орла"),
        ("A2", "Наименование мероприятия"), ("B2", "Ответственные исполнители"),
        ("C2", "Источник финансирования"),
        ("D2", "2024 год"), ("E2", "2025 год"), ("F2", "Ожидаемый результат"),
        ("D3", "тыс. руб."),
        ("A4", "Задача 1. Развитие дорожной сети"),
        ("A5", "1.1. Ремонт улицы Комсомольской"),
        ("B5", f"{ug}\nМКУ «Спецавтобаза по санитарной очистке города Орла»"),
        ("C5", "областной бюджет, бюджет города"), ("D5", "ОБ – 1 000,0\nМБ – 100,0"),
        ("E5", "ОБ – 1 200,0\nМБ – 120,0"), ("F5", "Отремонтировано 1,8 км дорог"),
        ("A6", "1.2. Устройство тротуаров в микрорайоне Лужки"), ("B6", ug), ("C6", "бюджет города"),
        ("D6", "2 450,0"), ("E6", "-"), ("F6", "Построено 3 км тротуаров"),
        ("A7", "Задача 2. Поддержка предпринимательства"),
        ("A8", "2.1. Проведение форума «Орловский бизнес»"),
        ("B8", "Отдел предпринимательства администрации города Орла"), ("C8", "внебюджетные средства"),
        ("D8", "350,0"), ("E8", "350,0"), ("F8", "Не менее 500 участников"),
    ]
    indicators: list[tuple[str, object]] = [
        ("A1", "Наименование индикатора"), ("B1", "Ед. изм."), ("C1", "2023 год (факт)"), ("D1", "2024 год"),
        ("E1", "2025 год"),
        ("A2", "Протяженность отремонтированных дорог"), ("B2", "км"), ("C2", 12.4), ("D2", 14), ("E2", 15.5),
        ("A3", "Количество субъектов МСП на 10 тыс. жителей"), ("B3", "ед."), ("C3", 412), ("D3", 420),
        ("E3", 430),
    ]
    data = xlsx_bytes({"Мероприятия": measures, "Показатели": indicators},
                      merges={"Мероприятия": ["A1:F1", "D3:E3", "A4:F4", "A7:F7"]})
    path = folder / "orel_plan.xlsx"
    path.write_bytes(data)
    return path


# --- PDF: a strategy with scenario indicators over two pages and a resource table --------------------

KARELIA_WIDTHS = [26.0, 230.0, 55.0, 60.0, 70.0, 70.0, 70.0, 70.0]
KARELIA_HEAD = [
    GridPdfCell(0, 0, "№\nп/п", row_span=2), GridPdfCell(0, 1, "Показатель", row_span=2),
    GridPdfCell(0, 2, "Ед. изм.", row_span=2), GridPdfCell(0, 3, "2019 г.\n(базовый)", row_span=2),
    GridPdfCell(0, 4, "Консервативный\nсценарий", col_span=2),
    GridPdfCell(0, 6, "Базовый\nсценарий", col_span=2),
    GridPdfCell(1, 4, "2024"), GridPdfCell(1, 5, "2030"), GridPdfCell(1, 6, "2024"),
    GridPdfCell(1, 7, "2030"),
]


def _indicator_row(r: int, texts: list[str]) -> list[GridPdfCell]:
    return [GridPdfCell(r, k, t) for k, t in enumerate(texts)]


KARELIA_PAGE1 = [
    GridPdfCell(0, 0, "Стратегическая цель 1: Высокое качество жизни населения", col_span=8),
    *_indicator_row(1, ["1", "Ожидаемая продолжительность жизни\nпри рождении", "лет", "70,6", "72,0", "74,5",
                        "72,8", "76,0"]),
    *_indicator_row(2, ["2", "Уровень бедности", "%", "17,4", "15,0", "12,5", "14,2", "10,0"]),
]
KARELIA_PAGE2 = [
    GridPdfCell(0, 0, "Стратегическая цель 2: Конкурентоспособная экономика", col_span=8),
    *_indicator_row(1, ["3", "Валовой региональный продукт\nна душу населения", "тыс. руб.", "512,3", "690,0",
                        "930,0", "720,5", "1 050,0"]),
    *_indicator_row(2, ["4", "Объем инвестиций в основной\nкапитал", "млрд руб.", "61,8", "75,0", "98,0",
                        "82,0", "120,0"]),
]
KARELIA_RESOURCES = [
    *_indicator_row(0, ["Источник финансирования", "2024 год", "2025 год", "2026 год", "Итого"]),
    *_indicator_row(1, ["федеральный бюджет", "12 400,0", "13 100,0", "13 900,0", "39 400,0"]),
    *_indicator_row(2, ["бюджет Республики Карелия", "8 250,5", "8 600,0", "9 010,0", "25 860,5"]),
    *_indicator_row(3, ["местные бюджеты", "1 120,0", "1 180,0", "1 240,0", "3 540,0"]),
    *_indicator_row(4, ["Итого", "21 770,5", "22 880,0", "24 150,0", "68 800,5"]),
]


def karelia_strategy(folder: Path) -> Path:
    from fpdf import FPDF

    from tests.pdf_factory import FONT

    pdf = FPDF(orientation="L", unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_line_width(0.6)

    def text(y: float, lines: list[str]) -> float:
        pdf.set_font("DejaVu", "", 11)
        for line in lines:
            pdf.text(PDF_LEFT, y, line)
            y += 16
        pdf.set_font("DejaVu", "", 9)
        return y + 8

    pdf.add_page()
    y = text(60, ["Стратегия социально-экономического развития Республики Карелия до 2035 года"])
    y = text(y, ["Достижение стратегических целей оценивается по целевым показателям, значения которых",
                 "приведены для консервативного и базового сценариев развития экономики республики."])
    y = text(y, ["Таблица 5. Целевые показатели Стратегии"])
    y = _pdf_grid(pdf, y, KARELIA_HEAD, KARELIA_WIDTHS)
    _pdf_grid(pdf, y, KARELIA_PAGE1, KARELIA_WIDTHS)
    pdf.set_font("DejaVu", "", 8)
    pdf.text(400, 570, "- 1 -")
    pdf.add_page()
    pdf.set_font("DejaVu", "", 9)
    y = _pdf_grid(pdf, 60, KARELIA_HEAD, KARELIA_WIDTHS)
    y = _pdf_grid(pdf, y, KARELIA_PAGE2, KARELIA_WIDTHS)
    y = text(y + 24, ["Финансовое обеспечение реализации Стратегии формируется за счет средств бюджетов "
                      "всех уровней.", "Таблица 6. Объем финансирования мероприятий Стратегии, млн рублей"])
    _pdf_grid(pdf, y, KARELIA_RESOURCES, [200.0, 80.0, 80.0, 80.0, 80.0])
    pdf.set_font("DejaVu", "", 8)
    pdf.text(400, 570, "- 2 -")
    path = folder / "karelia_strategy.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


# --- DOCX: the resource table of a municipal programme ------------------------------------------------

def _level_rows(status: str, name: str, who: str, sources: list[tuple[str, list[str]]]) -> list[str]:
    """A level of the programme (its status, name and responsible merged down) over its source rows."""
    out = []
    for i, (source, amounts) in enumerate(sources):
        merge = None if len(sources) == 1 else ("restart" if i == 0 else "")
        lead = [cell(t if i == 0 else "", vmerge=merge) for t in (status, name, who)]
        out.append(row(*lead, cell(source), *(cell(a) for a in amounts)))
    return out


def gatchina_programme(folder: Path) -> Path:
    committee = "Комитет по культуре и туризму"
    library = "МБУК «Гатчинская центральная районная библиотека»"
    head = [
        row(cell("Статус", vmerge="restart"),
            cell("Наименование муниципальной программы, подпрограммы, основного мероприятия",
                 vmerge="restart"),
            cell("Ответственный исполнитель, участник", vmerge="restart"),
            cell("Источники финансирования", vmerge="restart"), cell("Расходы (тыс. руб.), годы", span=3)),
        row(*(cell(vmerge="") for _ in range(4)), cell("2024"), cell("2025"), cell("2026")),
    ]
    municipal = "бюджет муниципального района"
    body = [
        *_level_rows("Муниципальная программа", "«Развитие культуры в Гатчинском муниципальном районе»",
                     f"{committee} администрации Гатчинского муниципального района", [
                         ("всего", ["152 300,0", "158 100,0", "160 400,0"]),
                         ("областной бюджет", ["42 300,0", "45 100,0", "46 400,0"]),
                         (municipal, ["110 000,0", "113 000,0", "114 000,0"])]),
        *_level_rows("Подпрограмма 1", "«Библиотечное обслуживание»", committee, [
            ("всего", ["60 000,0", "61 000,0", "62 000,0"]),
            (municipal, ["60 000,0", "61 000,0", "62 000,0"])]),
        *_level_rows("Основное мероприятие 1.1", "Комплектование книжных фондов библиотек", library, [
            ("всего", ["5 000,0", "5 200,0", "5 400,0"]), (municipal, ["5 000,0", "5 200,0", "5 400,0"])]),
        *_level_rows("Основное мероприятие 1.2", "Модернизация библиотек", library, [
            ("областной бюджет", ["12 300,0", "15 100,0", "16 400,0"])]),
        *_level_rows("Подпрограмма 2", "«Культурно-досуговая деятельность»", committee, [
            ("всего", ["92 300,0", "97 100,0", "98 400,0"])]),
        *_level_rows("Основное мероприятие 2.1", "Организация районных фестивалей",
                     "МАУ «Гатчинский районный дом культуры»; МБУ «Центр народного творчества»", [
                         ("всего", ["3 000,0", "3 100,0", "3 200,0"]),
                         (municipal, ["3 000,0", "3 100,0", "3 200,0"])]),
    ]
    data = docx_bytes(
        para("Приложение 4 к муниципальной программе «Развитие культуры в Гатчинском муниципальном районе»"),
        para("Ресурсное обеспечение реализации муниципальной программы", style="1"),
        table(*head, *body, grid=7),
    )
    path = folder / "gatchina_programme.docx"
    path.write_bytes(data)
    return path


# --- XLSX: three header rows, an item's amounts broken down by year in rows under it -----------------

def novgorod_plan(folder: Path) -> Path:
    cells: list[tuple[str, object]] = [
        ("A1", "№ п/п"), ("B1", "Наименование мероприятия"),
        ("C1", "Объем финансирования, всего (тыс. руб.)"), ("G1", "Исполнитель"),
        ("C2", "всего"), ("D2", "в том числе:"), ("D3", "ФБ"), ("E3", "ОБ"), ("F3", "МБ"),
        ("A4", "1"), ("B4", "Строительство спортивного комплекса"),
        ("C4", 90000), ("D4", 60000), ("E4", 24000), ("F4", 6000),
        ("G4", "Комитет по строительству Администрации Великого Новгорода"),
        ("B5", "в том числе по годам:"),
        ("B6", "2024 год"), ("C6", "30 000,0"), ("D6", "20 000,0"), ("E6", "8 000,0"), ("F6", "2 000,0"),
        ("B7", "2025 год"), ("C7", "60 000,0"), ("D7", "40 000,0"), ("E7", "16 000,0"), ("F7", "4 000,0"),
        ("A8", "2"), ("B8", "Ремонт стадиона «Волна»"), ("C8", "7 500,0"), ("D8", "-"), ("E8", "5 000,0"),
        ("F8", "2 500,0"), ("G8", "Комитет по физической культуре и спорту Администрации Великого Новгорода"),
        ("B9", "Итого"), ("C9", "97 500,0"), ("D9", "60 000,0"), ("E9", "29 000,0"), ("F9", "8 500,0"),
    ]
    merges = ["A1:A3", "B1:B3", "C1:F1", "G1:G3", "C2:C3", "D2:F2"]
    data = xlsx_bytes({"План": cells}, merges={"План": merges})
    path = folder / "novgorod_plan.xlsx"
    path.write_bytes(data)
    return path


# --- held-out set: each table's measures, indicators, projects and funding were written down before the
# first run (goals and organizations were checked by eye against the output afterwards) ---------------


# --- DOCX: a plan whose source is a column, one row per source under a merged measure ----------------

BRYANSK_ITEMS = [
    ("1", "Капитальный ремонт зданий общеобразовательных организаций", "2024-2026",
     "Управление образования Брянской городской администрации",
     [("Областной бюджет", ["45 200,0", "47 800,0", "50 100,0"]),
      ("Бюджет города", ["5 022,2", "5 311,1", "5 566,7"])],
     "Отремонтировано 6 школ"),
    ("2", "Благоустройство общественных территорий города", "2024-2026",
     "Управление жилищно-коммунального хозяйства Брянской городской администрации; "
     "Управление архитектуры и градостроительства",
     [("Федеральный бюджет", ["88 000,0", "90 000,0", "-"]),
      ("Областной бюджет", ["1 796,0", "1 836,7", "-"]),
      ("Бюджет города", ["4 000,0", "4 000,0", "4 000,0"])],
     "Благоустроено 9 общественных территорий"),
    ("3", "Организация ярмарок выходного дня", "ежегодно",
     "Управление потребительского рынка Брянской городской администрации",
     [("Внебюджетные источники", ["1 200,0", "1 250,0", "1 300,0"])],
     "Проведено не менее 40 ярмарок в год"),
]


def bryansk_plan(folder: Path) -> Path:
    head1 = row(cell("№", vmerge="restart"), cell("Мероприятие", vmerge="restart"),
                cell("Сроки исполнения", vmerge="restart"), cell("Исполнители", vmerge="restart"),
                cell("Источник финансирования", vmerge="restart"), cell("Объем, тыс. руб.", span=3),
                cell("Показатель результата", vmerge="restart"))
    head2 = row(cell("", vmerge=""), cell("", vmerge=""), cell("", vmerge=""), cell("", vmerge=""),
                cell("", vmerge=""), cell("2024"), cell("2025"), cell("2026"), cell("", vmerge=""))
    rows = [head1, head2]
    for number, name, period, who, sources, result in BRYANSK_ITEMS:
        for i, (source, amounts) in enumerate(sources):
            merge = None if len(sources) == 1 else ("restart" if i == 0 else "")

            def fixed(text: str, merge: str | None = merge, i: int = i) -> str:
                return cell(text if i == 0 else "", vmerge=merge)

            rows.append(row(fixed(number), fixed(name), fixed(period), fixed(who), cell(source),
                            *(cell(a) for a in amounts), fixed(result)))
    data = docx_bytes(
        para("Приложение 2 к Стратегии социально-экономического развития города Брянска до 2030 года"),
        para("План мероприятий по реализации Стратегии на 2024-2026 годы"),
        table(*rows, grid=9))
    path = folder / "bryansk_plan.docx"
    path.write_bytes(data)
    return path


# --- XLSX: indicators under «отчет / оценка / прогноз» years with a scenario sub-header --------------

def syktyvkar_indicators(folder: Path) -> Path:
    cells: list[tuple[str, object]] = [
        ("A1", "Целевые показатели реализации Стратегии социально-экономического развития "
               "муниципального образования городского округа «Сыктывкар»"),
        ("A3", "№"), ("B3", "Наименование показателя"), ("C3", "Единица измерения"),
        ("D3", "2022 (отчет)"), ("E3", "2023 (оценка)"), ("F3", "2024 (прогноз)"), ("H3", "2030 (прогноз)"),
        ("F4", "Базовый"), ("G4", "Целевой"), ("H4", "Базовый"), ("I4", "Целевой"),
        ("A5", "Демография и уровень жизни"),
        ("A6", 1), ("B6", "Численность населения (на 1 января)"), ("C6", "тыс. человек"),
        ("D6", 245.3), ("E6", 244.8), ("F6", 244.1), ("G6", 244.9), ("H6", 241.0), ("I6", 246.5),
        ("A7", 2), ("B7", "Среднемесячная начисленная заработная плата работников"), ("C7", "руб."),
        ("D7", 52410), ("E7", 58900), ("F7", 63200), ("G7", 64800), ("H7", 98500), ("I7", 112300),
        ("A8", "Экономика"),
        ("A9", 3), ("B9", "Объем инвестиций в основной капитал"), ("C9", "млн руб."),
        ("D9", 18450.6), ("E9", 20112.0), ("F9", 21300.0), ("G9", 23050.0), ("H9", 30400.0), ("I9", 41200.0),
        ("A10", 4), ("B10", "Уровень регистрируемой безработицы"), ("C10", "%"),
        ("D10", 0.9), ("E10", 0.8), ("F10", 0.8), ("G10", 0.7), ("H10", 0.7), ("I10", 0.5),
    ]
    merges = ["A1:I1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3", "H3:I3", "A5:I5", "A8:I8"]
    data = xlsx_bytes({"Показатели": cells}, merges={"Показатели": merges})
    path = folder / "syktyvkar_indicators.xlsx"
    path.write_bytes(data)
    return path


# --- PDF: an investment projects registry with initiator, site, jobs and status, sector rows ---------

LIPETSK_HEAD = ["№", "Наименование проекта", "Инициатор проекта", "Место реализации",
                "Объем\nинвестиций,\nмлрд руб.", "Создаваемые\nрабочие места", "Статус"]
LIPETSK_WIDTHS = [24.0, 236.0, 124.0, 110.0, 74.0, 82.0, 90.0]
LIPETSK_ROWS: list[list[str] | str] = [
    "Агропромышленный комплекс",
    ["1", "Строительство тепличного комплекса\nплощадью 20 га", "ООО «Агро-Восток»", "Грязинский район",
     "6,4", "250", "реализуется"],
    ["2", "Строительство молочно-товарной фермы\nна 2400 голов", "АО «Заречное»", "Данковский район",
     "2,15", "120", "проектирование"],
    "Промышленность",
    ["3", "Создание производства металлоконструкций", "ООО «СтальПрофиль»", "ОЭЗ «Липецк»",
     "3,8", "310", "реализуется"],
    ["4", "Модернизация литейного производства", "ПАО «Литмаш»", "г. Елец", "1,25", "85", "завершен"],
    "Туризм",
    ["5", "Строительство гостиничного комплекса «Ока»", "ООО «Отель Плюс»", "г. Липецк", "0,9", "60",
     "планируется"],
]


def lipetsk_registry(folder: Path) -> Path:
    title = ["Приложение 4 к Стратегии социально-экономического развития Липецкой области",
             "Реестр инвестиционных проектов"]
    return ruled_pdf(folder / "lipetsk_registry.pdf", title, LIPETSK_HEAD, LIPETSK_WIDTHS, [LIPETSK_ROWS])


# --- TXT (cp1251): resources of the strategy, sources as rows and years as columns -----------------

VELSK_YEARS = list(range(2024, 2031))
VELSK_ROWS = [
    ("Всего, в том числе:", ["4 311,1", "4 540,0", "4 833,0", "4 585,0", "4 800,8", "5 015,5", "5 250,0"],
     "33 335,4"),
    ("федеральный бюджет", ["1 250,4", "1 310,0", "1 402,7", "980,0", "1 015,5", "1 050,0", "1 100,0"],
     "8 108,6"),
    ("областной бюджет", ["640,2", "655,0", "700,1", "720,0", "745,3", "770,0", "800,0"], "5 030,6"),
    ("бюджет муниципального района", ["120,5", "125,0", "130,2", "135,0", "140,0", "145,5", "150,0"],
     "946,2"),
    ("внебюджетные источники", ["2 300,0", "2 450,0", "2 600,0", "2 750,0", "2 900,0", "3 050,0", "3 200,0"],
     "19 250,0"),
]


def velsk_resources(folder: Path) -> Path:
    lines = ["Ресурсное обеспечение реализации Стратегии социально-экономического развития",
             "Вельского муниципального района на период до 2030 года", "",
             "Таблица 5", "(млн. рублей)",
             "\t".join(["Источник финансирования", *(f"{y} г." for y in VELSK_YEARS),
                        "Всего за 2024-2030 гг."])]
    for label, amounts, total in VELSK_ROWS:
        lines.append("\t".join([label, *amounts, total]))
    lines += ["", "Объемы финансирования подлежат ежегодному уточнению."]
    path = folder / "velsk_resources.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    return path


# --- DOCX: a plan with goal and task rows, «Всего:» rows and measures that need no money -----------


def rybinsk_plan(folder: Path) -> Path:
    head = row(*(cell(t) for t in ["№ п/п", "Наименование мероприятия", "Срок реализации",
                                    "Ответственный исполнитель", "Объем финансирования (тыс. руб.)",
                                    "Источник финансирования", "Ожидаемый результат"]))

    def item(*texts: str) -> str:
        return row(*(cell(t) for t in texts))

    rows = [
        head,
        _span_row("Цель 2. Развитие человеческого капитала", 7),
        _span_row("Задача 2.3. Повышение доступности услуг дополнительного образования детей", 7),
        item("2.3.1", "Открытие центра цифрового образования детей «IT-куб»", "2024",
             "Департамент образования Администрации городского округа город Рыбинск", "12 500,0",
             "областной бюджет", "Охвачено 400 детей"),
        item("2.3.2", "Проведение муниципального конкурса профессионального мастерства педагогов",
             "ежегодно", "Департамент образования Администрации городского округа город Рыбинск",
             "Средства не требуются", "", "Участвуют не менее 30 педагогов"),
        item("2.3.3", "Модернизация материально-технической базы детских школ искусств", "2024-2025",
             "Управление культуры Администрации городского округа город Рыбинск", "3 400,0",
             "бюджет городского округа", "Оснащены 3 школы"),
        item("", "Всего:", "", "", "15 900,0", "", ""),
        _span_row("Задача 2.4. Развитие массового спорта", 7),
        item("2.4.1", "Строительство универсальной спортивной площадки в микрорайоне Северный", "2025",
             "Управление физической культуры и спорта Администрации городского округа город Рыбинск",
             "8 750,0", "бюджет городского округа", "Введена в эксплуатацию 1 площадка"),
        item("2.4.2", "Организация физкультурных мероприятий для жителей старшего возраста", "2024-2030",
             "Управление физической культуры и спорта Администрации городского округа город Рыбинск; "
             "Комплексный центр социального обслуживания населения", "Средства не требуются", "",
             "Проводится не менее 12 мероприятий в год"),
        item("", "Всего:", "", "", "8 750,0", "", ""),
    ]
    data = docx_bytes(para("План мероприятий по реализации Стратегии социально-экономического развития "
                           "городского округа город Рыбинск"), table(*rows, grid=7))
    path = folder / "rybinsk_plan.docx"
    path.write_bytes(data)
    return path


# --- HTML: a programme's measures, a «Всего» row then one row per source, a «Всего» column ----------

ACHINSK_ITEMS = [
    ("1.", "Строительство детского сада на 220 мест в микрорайоне Юго-Восточный",
     "Управление капитального строительства администрации города Ачинска", "2025-2027",
     [("всего", ["412 300,0", "120 000,0", "180 000,0", "112 300,0"]),
      ("федеральный бюджет", ["300 000,0", "90 000,0", "130 000,0", "80 000,0"]),
      ("краевой бюджет", ["100 000,0", "27 000,0", "45 000,0", "28 000,0"]),
      ("местный бюджет", ["12 300,0", "3 000,0", "5 000,0", "4 300,0"])]),
    ("2.", "Поддержка социально ориентированных некоммерческих организаций",
     "Отдел по связям с общественностью администрации города Ачинска", "2025-2027",
     [("всего", ["6 600,0", "2 200,0", "2 200,0", "2 200,0"]),
      ("местный бюджет", ["6 600,0", "2 200,0", "2 200,0", "2 200,0"])]),
]


def achinsk_programme(folder: Path) -> Path:
    head = ("<tr><th rowspan='2'>№ п/п</th><th rowspan='2'>Наименование основного мероприятия</th>"
            "<th rowspan='2'>Ответственный исполнитель, соисполнители</th>"
            "<th rowspan='2'>Срок начала и окончания</th><th rowspan='2'>Источники финансирования</th>"
            "<th colspan='4'>Объем финансирования, тыс. рублей</th></tr>"
            "<tr><th>Всего</th><th>2025</th><th>2026</th><th>2027</th></tr>")
    body = []
    for number, name, who, period, sources in ACHINSK_ITEMS:
        n = len(sources)
        for i, (source, amounts) in enumerate(sources):
            fixed = "" if i else (f"<td rowspan='{n}'>{number}</td><td rowspan='{n}'>{name}</td>"
                                  f"<td rowspan='{n}'>{who}</td><td rowspan='{n}'>{period}</td>")
            body.append(f"<tr>{fixed}<td>{source}</td>{''.join(f'<td>{a}</td>' for a in amounts)}</tr>")
    html = ("<!DOCTYPE html><html lang='ru'><head><meta charset='utf-8'><title>Муниципальная программа"
            "</title></head><body><h1>Муниципальная программа города Ачинска «Развитие социальной "
            "инфраструктуры»</h1><p>Приложение 2. Перечень основных мероприятий муниципальной программы</p>"
            f"<table border='1'>{head}{''.join(body)}</table></body></html>")
    path = folder / "achinsk_programme.html"
    path.write_text(html, encoding="utf-8")
    return path


# --- XLSX: indicators under goal rows, unit after a comma in the name, years as numbers --------------

def kaluga_indicators(folder: Path) -> Path:
    cells: list[tuple[str, object]] = [
        ("A1", "Система целевых показателей Стратегии социально-экономического развития Людиновского района"),
        ("A3", "№ п/п"), ("B3", "Наименование показателя"), ("C3", "Базовое значение (2023 год)"),
        ("D3", "Значения по годам"), ("I3", "Ответственный за достижение"),
        ("D4", 2024), ("E4", 2025), ("F4", 2026), ("G4", 2027), ("H4", 2030),
        ("A5", "Цель 1. Повышение качества жизни населения"),
        ("A6", "1.1."), ("B6", "Ожидаемая продолжительность жизни при рождении, лет"),
        ("C6", 70.2), ("D6", 70.6), ("E6", 71.0), ("F6", 71.5), ("G6", 72.0), ("H6", 74.0),
        ("I6", "Отдел социальной политики администрации района"),
        ("A7", "1.2."), ("B7", "Доля граждан, систематически занимающихся физической культурой и спортом, %"),
        ("C7", 48.5), ("D7", 51.0), ("E7", 54.0), ("F7", 57.0), ("G7", 60.0), ("H7", 70.0),
        ("I7", "Отдел физической культуры и спорта администрации района"),
        ("A8", "Цель 2. Рост экономического потенциала"),
        ("A9", "2.1."), ("B9", "Количество субъектов малого и среднего предпринимательства, единиц"),
        ("C9", 1240), ("D9", 1255), ("E9", 1270), ("F9", "-"), ("G9", 1300), ("H9", 1380),
        ("I9", "Отдел экономического развития администрации района"),
    ]
    merges = ["A1:I1", "A3:A4", "B3:B4", "C3:C4", "D3:H3", "I3:I4", "A5:I5", "A8:I8"]
    data = xlsx_bytes({"Лист1": cells}, merges={"Лист1": merges})
    path = folder / "kaluga_indicators.xlsx"
    path.write_bytes(data)
    return path


# --- DOCX: priority projects under «Направление N.» rows, total cost and sources, «н/д» ------------


def penza_projects(folder: Path) -> Path:
    head1 = row(cell("№", vmerge="restart"), cell("Наименование проекта", vmerge="restart"),
                cell("Сроки реализации", vmerge="restart"),
                cell("Общая стоимость, млн рублей", vmerge="restart"),
                cell("в том числе:", span=3), cell("Ответственный исполнитель", vmerge="restart"))
    head2 = row(cell("", vmerge=""), cell("", vmerge=""), cell("", vmerge=""), cell("", vmerge=""),
                cell("федеральный бюджет"), cell("областной бюджет"), cell("внебюджетные источники"),
                cell("", vmerge=""))

    def item(*texts: str) -> str:
        return row(*(cell(t) for t in texts))

    rows = [head1, head2,
            _span_row("Направление 1. Комфортная городская среда", 8),
            item("1", "Реконструкция набережной реки Суры", "2024–2027", "1 450,0", "900,0", "450,0", "100,0",
                 "Управление градостроительства администрации города Пензы"),
            item("2", "Создание экопарка «Засурье»", "2025–2026", "320,5", "-", "220,5", "100,0",
                 "Управление благоустройства администрации города Пензы"),
            _span_row("Направление 2. Развитие транспортной инфраструктуры", 8),
            item("3", "Строительство транспортной развязки на улице Антонова", "2026–2029", "н/д", "н/д",
                 "н/д", "-", "Управление транспорта и связи администрации города Пензы"),
            ]
    data = docx_bytes(para("Перечень приоритетных проектов, реализуемых в рамках Стратегии "
                           "социально-экономического развития города Пензы"), table(*rows, grid=8))
    path = folder / "penza_projects.docx"
    path.write_bytes(data)
    return path


KURGAN_HEAD = ["№", "Наименование мероприятия", "Срок\nреализации", "Ответственный\nисполнитель",
               "Объем, тыс. руб.\n2025 год", "Объем, тыс. руб.\n2026 год", "Источник\nфинансирования"]
KURGAN_WIDTHS = [30.0, 210.0, 70.0, 130.0, 90.0, 90.0, 100.0]
KURGAN_PAGES: list[list[list[str] | str]] = [
    ["Цель 1. Обеспечение населения качественными коммунальными услугами",
     ["1.1", "Модернизация котельной\nв микрорайоне Рябково", "2025-2026",
      "Департамент городского\nхозяйства",
      "15 000,0", "22 500,0", "областной\nбюджет"],
     ["1.2", "Замена ветхих тепловых сетей", "2025", "Департамент городского\nхозяйства", "8 400,0", "-",
      "городской\nбюджет"],
     ["1.3", "Строительство сетей водоснабжения\nв поселке Заречный", "2025-2026",
      "Департамент\nстроительства",
      "4 000,0", "12 000,0", "городской\nбюджет"]],
    [["1.4", "Установка модульных станций\nочистки воды", "2026", "АО «Водный союз»", "-", "30 000,0",
      "внебюджетные\nисточники"],
     ["", "Итого по цели 1", "", "", "27 400,0", "64 500,0", ""]],
]


def kurgan_plan(folder: Path) -> Path:
    title = ["Приложение 1 к Стратегии социально-экономического развития города Кургана",
             "План мероприятий по реализации Стратегии на 2025-2026 годы"]
    return ruled_pdf(folder / "kurgan_plan.pdf", title, KURGAN_HEAD, KURGAN_WIDTHS, KURGAN_PAGES)


def tyumen_indicators(folder: Path) -> Path:
    def item(*texts: str) -> str:
        return row(*(cell(t) for t in texts))

    rows = [item("№", "Показатель", "Ед. изм.", "2023 г. (факт)", "2025 г.", "2027 г.", "2030 г.",
                 "Источник данных"),
            item("1", "Доля населения, обеспеченного качественной питьевой водой", "%", "91,2",
                 "не менее 93,0",
                 "не менее 95,0", "99,0", "Росстат"),
            item("2", "Количество туристических прибытий", "тыс. чел.", "310", "340", "375", "450",
                 "Ведомственная статистика"),
            item("3", "Ввод жилья", "тыс. кв. м", "125,4", "130,0", "135,0", "150,0", "Росстат")]
    data = docx_bytes(para("Целевые показатели Стратегии социально-экономического развития Ишимского района"),
                      table(*rows, grid=8))
    path = folder / "tyumen_indicators.docx"
    path.write_bytes(data)
    return path


def kungur_plan(folder: Path) -> Path:
    cells: list[tuple[str, object]] = [
        ("A1", "План мероприятий на 2025-2026 годы (рублей)"),
        ("A2", "№"), ("B2", "Наименование мероприятия"), ("C2", "Исполнитель"), ("D2", "2025"),
        ("E2", "2026"),
        ("F2", "Ожидаемый результат"),
        ("A3", "1"), ("B3", "Приобретение оборудования для центра детского творчества"),
        ("C3", "Отдел образования администрации Кунгурского муниципального округа"),
        ("D3", "ОБ – 1 250 000,00\nМБ – 65 789,47"), ("E3", "-"), ("F3", "Оснащен 1 центр"),
        ("A4", "2"), ("B4", "Проведение фестиваля народных промыслов"),
        ("C4", "Отдел культуры администрации Кунгурского муниципального округа"),
        ("D4", "МБ – 350 000,00"), ("E4", "МБ – 380 000,00\nВБ – 120 000,00"),
        ("F4", "Проведено 2 фестиваля"),
    ]
    data = xlsx_bytes({"План": cells}, merges={"План": ["A1:F1"]})
    path = folder / "kungur_plan.xlsx"
    path.write_bytes(data)
    return path


def orsk_indicators(folder: Path) -> Path:
    rows = [_text_row(["№ п/п", "Наименование индикатора", "2023 год (факт)", "2024 год (оценка)", "2025 год",
                       "2030 год"]),
            _text_row(["1", "Естественный прирост (убыль) населения, человек", "–1 240", "−1 180", "-1 050",
                       "-600"]),
            _text_row(["2", "Миграционный прирост населения, человек", "–320", "150", "200", "400"]),
            _text_row(["3", "Индекс промышленного производства, %", "98,7", "101,2*", "102,3%", "н/д"]),
            _text_row(["4", "Уровень безработицы (%)", "1,1", "1,0", "0,9", "0,8"])]
    data = docx_bytes(para("Индикаторы достижения целей Стратегии социально-экономического развития "
                           "города Орска"),
                      table(*rows, grid=6), para("* Предварительные данные."))
    path = folder / "orsk_indicators.docx"
    path.write_bytes(data)
    return path


def izhevsk_plan(folder: Path) -> Path:
    head1 = row(cell("№ п/п", vmerge="restart"), cell("Наименование мероприятия", vmerge="restart"),
                cell("Исполнитель", vmerge="restart"), cell("Объем финансирования (млн руб.)", span=2))
    head2 = row(cell("", vmerge=""), cell("", vmerge=""), cell("", vmerge=""), cell("2024 год"),
                cell("2025 год"))
    rows = [head1, head2,
            row(cell("Подпрограмма 1. Развитие малого и среднего предпринимательства", span=5)),
            _text_row(["1.1.1.", "Предоставление грантов начинающим предпринимателям",
                       "Управление экономики Администрации города Ижевска", "12,5*", "14,0"]),
            _text_row(["1.1.2.", "Консультационная поддержка предпринимателей",
                       "МБУ «Центр поддержки предпринимательства»",
                       "в пределах текущего финансирования", "в пределах текущего финансирования"]),
            _text_row(["1.1.3.", "Проведение конкурса «Предприниматель года»",
                       "Управление экономики Администрации города Ижевска", "0,8", "0,8"]),
            _text_row(["", "Итого по подпрограмме 1", "", "13,3", "14,8"])]
    data = docx_bytes(para("План мероприятий по реализации Стратегии города Ижевска"), table(*rows, grid=5),
                      para("* С учетом средств, перераспределенных в 2024 году."))
    path = folder / "izhevsk_plan.docx"
    path.write_bytes(data)
    return path


def chita_investments(folder: Path) -> Path:
    cells: list[tuple[str, object]] = [
        ("A1", "Перечень инвестиционных проектов"),
        ("A2", "№"), ("B2", "Проект"), ("C2", "Объект"), ("D2", "Инвестор"), ("E2", "Срок реализации"),
        ("F2", "Стоимость проекта, млн руб."), ("G2", "Стадия"),
        ("B3", "Энергетика"),
        ("A4", 1), ("B4", "Строительство солнечной электростанции мощностью 35 МВт"), ("C4", "с. Смоленка"),
        ("D4", "ООО «Солар Систем»"), ("E4", "2024-2025"), ("F4", 2850), ("G4", "Реализуется"),
        ("A5", 2), ("B5", "Реконструкция ТЭЦ-2"), ("C5", "г. Чита, ул. Энергетиков, 1"),
        ("D5", "ПАО «ТГК-14»"), ("E5", "2025-2028"), ("F5", 4120.5), ("G5", "Планируется"),
        ("B6", "Жилищное строительство"),
        ("A7", 3), ("B7", "Комплексная застройка микрорайона Каштак-3"), ("C7", "мкр. Каштак"),
        ("D7", "АО «Забайкальская ипотечная корпорация»"), ("E7", "2024-2030"), ("F7", 15600),
        ("G7", "Реализуется"),
    ]
    data = xlsx_bytes({"Проекты": cells}, merges={"Проекты": ["A1:G1"]})
    path = folder / "chita_investments.xlsx"
    path.write_bytes(data)
    return path


def _stack(*lines: str) -> str:
    return cell([f"<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>" for t in lines])


def tomsk_plan(folder: Path) -> Path:
    head = row(*(cell(t) for t in ["№", "Содержание мероприятия", "Ответственные за реализацию", "ФБ", "ОБ",
                                    "МБ", "ВИ", "Итого", "Целевой показатель (индикатор)"]))
    rows = [head,
            row(cell("1"), cell("Создание агропромышленного парка"),
                _stack("Департамент экономики", "Комитет по сельскому хозяйству"),
                cell("210,0"), cell("95,5"), cell("-"), cell("300,0"), cell("605,5"),
                cell("Привлечено 5 резидентов")),
            row(cell("2"), cell("Развитие сети велодорожек"),
                _stack("Департамент дорожной деятельности"),
                cell("-"), cell("-"), cell("42,7"), cell("-"), cell("42,7"),
                cell("Протяженность велодорожек 12 км"))]
    data = docx_bytes(para("Комплекс мероприятий по реализации Стратегии развития Томского района"),
                      para("(млн. рублей)"), table(*rows, grid=9))
    path = folder / "tomsk_plan.docx"
    path.write_bytes(data)
    return path


def abakan_indicators(folder: Path) -> Path:
    lines = ["Прогнозные значения показателей социально-экономического развития города Абакана", "",
             "Показатель\tЕд. изм.\tЗначения по годам\t\t",
             "\t\t2024\t2025\t2030",
             "Оборот розничной торговли\tмлрд руб.\t48,6\t51,9\t70,4",
             "Численность занятых в экономике\tтыс. чел.\t62,3\t62,8\t64,0",
             "", "Показатели уточняются ежегодно."]
    path = folder / "abakan_indicators.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def vologda_plan(folder: Path) -> Path:
    def item(*texts: str) -> str:
        return row(*(cell(t) for t in texts))

    rows = [item("№ п/п", "Наименование мероприятия", "Источник финансирования",
                 "Объем финансирования, тыс. руб.", "Исполнитель"),
            item("1", "Строительство физкультурно-оздоровительного комплекса", "областной бюджет",
                 "2024 г. – 150 000,0; 2025 г. – 170 000,0", "Управление строительства"),
            item("2", "Обустройство лыжной трассы", "городской бюджет", "2025 г. – 3 200,0",
                 "Управление физической культуры и спорта")]
    data = docx_bytes(para("План мероприятий по развитию физической культуры и спорта города Вологды"),
                      table(*rows, grid=5))
    path = folder / "vologda_plan.docx"
    path.write_bytes(data)
    return path


def bratsk_projects(folder: Path) -> Path:
    def item(*texts: str) -> str:
        return row(*(cell(t) for t in texts))

    rows = [item("№", "Наименование инвестиционного проекта", "Срок реализации",
                 "Объем инвестиций, млн руб.", "Инициатор"),
            row(cell("1. Лесопромышленный комплекс", span=5)),
            item("1.1", "Строительство завода по производству OSB-плит", "2024-2026", "9 800,0",
                 "ООО «Братск-Плит»"),
            item("1.2", "Создание производства пеллет", "2025", "640,0", "ИП Соколов А.В."),
            row(cell("2. Туризм", span=5)),
            item("2.1", "Строительство туристического комплекса на берегу водохранилища", "2025-2027",
                 "1 150,0", "ООО «Ангара-Тур»")]
    data = docx_bytes(para("Перечень инвестиционных проектов муниципального образования города Братска"),
                      table(*rows, grid=5))
    path = folder / "bratsk_projects.docx"
    path.write_bytes(data)
    return path


# --- Statistics tables: the unit after the name in the first column, decimal commas printed with a
# space after them («1 234, 5», «256823, 1») beside plain ones and thousands groups, and header and
# label cells («Наименование товарной группы», «Код ТН ВЭД», «ВЭД», «АПК») that name no one.


def tikhoozersk_trade(folder: Path) -> Path:
    lines = ["Показатели внешнеэкономической деятельности Тихоозёрского района", "",
             "Показатель, единица\t2021\t2022\t2023",
             "Экспорт, млн долл. США\t1 234, 5\t1 310, 2\t1 402,8",
             "Импорт, млн долл. США\t845,3\t901, 7\t960, 05",
             "Численность занятых, тыс. человек\t12 345,6\t12 401, 2\t12 455",
             "Количество участников ВЭД, единиц\t12 345\t12 410\t12 502",
             "Доля несырьевого экспорта, %\t41, 3\t43,8\t46, 1",
             "Объём отгрузки (млрд руб.)\t256823, 1\t261 004, 7\t-",
             "", "Структура экспорта по товарным группам", "",
             "Наименование товарной группы\tКод ТН ВЭД\tЕд. изм.\t2022\t2023",
             "Продукция АПК\t01–24\tмлн долл. США\t412, 6\t455,1",
             "Древесина и изделия из неё\t44\tмлн долл. США\t230, 45\t251, 9",
             "Машины и оборудование\t84–85\tмлн долл. США\t98,7\t104, 2",
             "", "Данные предварительные."]
    path = folder / "tikhoozersk_trade.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def verkhnelugovsk_export(folder: Path) -> Path:
    def item(*texts: str) -> str:
        return row(*(cell(t) for t in texts))

    head = item("№ п/п", "Показатель, единица измерения", "2022 год (факт)", "2025 год", "2030 год",
                "Ответственный исполнитель")
    rows = [head,
            row(cell("АПК", span=6)),
            item("1", "Экспорт продукции сельского хозяйства, млн. долл. США", "256823, 1", "270 115, 4",
                 "301 560", "Министерство сельского хозяйства Верхнелуговской области"),
            item("2", "Численность занятых в сельском хозяйстве, тыс. человек", "38, 7", "39,2", "40, 15",
                 "Министерство сельского хозяйства Верхнелуговской области"),
            row(cell("ВЭД", span=6)),
            item("3", "Объём несырьевого неэнергетического экспорта (млрд руб.)", "1 234, 5", "1 480,0",
                 "2 105, 25", "Министерство экономического развития Верхнелуговской области"),
            item("4", "Доля организаций, осуществляющих экспорт, %", "3, 4", "4,1", "5",
                 "Министерство экономического развития Верхнелуговской области"),
            item("5", "Количество экспортёров, единиц", "1 215", "1 340", "1 602",
                 "Министерство экономического развития Верхнелуговской области")]
    data = docx_bytes(
        para("Стратегия развития экспорта Верхнелуговской области до 2030 года", style="Title"),
        para("4. Целевые показатели", style="1"),
        para("Значения показателей приведены по данным территориального органа статистики."),
        table(*rows, grid=6),
        para("Показатели уточняются при корректировке Стратегии."),
    )
    path = folder / "verkhnelugovsk_export.docx"
    path.write_bytes(data)
    return path


def belovodsk_statistics(folder: Path) -> Path:
    cells: list[tuple[str, object]] = [
        ("A1", "Основные показатели отраслей экономики Беловодского округа"),
        ("A3", "Показатель, единица"), ("B3", "2021"), ("C3", "2022"), ("D3", "2023"), ("E3", "2024"),
        ("A4", "Оборот организаций АПК, млн руб."), ("B4", "12 345,6"), ("C4", "12 980, 4"), ("D4", 13410.5),
        ("E4", "14 002, 35"),
        ("A5", "Численность работников АПК, тыс. человек"), ("B5", "4, 8"), ("C5", 4.9), ("D5", "5,05"),
        ("E5", "5, 1"),
        ("A6", "Прирост экспорта, млн. долл. США"), ("B6", "-2, 5"), ("C6", "17, 25"), ("D6", "19,4"),
        ("E6", 21),
        ("A7", "Число организаций-участников ВЭД, ед."), ("B7", 12345), ("C7", "12 410"), ("D7", "12 388"),
        ("E7", "12 501"),
        ("A8", "Доля прибыльных организаций, %"), ("B8", "64, 2"), ("C8", "66, 9"), ("D8", "68,0"),
        ("E8", "70"),
        ("A9", "Объём отгрузки (млрд руб.)"), ("B9", "256823, 1"), ("C9", "257 004, 7"), ("D9", "н/д"),
        ("E9", "260 118,9"),
        ("A11", "Наименование товарной группы"), ("B11", "Код ТН ВЭД"), ("C11", "2023"), ("D11", "2024"),
        ("A12", "Зерно, тыс. т"), ("B12", "10"), ("C12", "845, 2"), ("D12", "910,6"),
        ("A13", "Растительные масла, тыс. т"), ("B13", "15"), ("C13", "126, 05"), ("D13", "133, 8"),
    ]
    data = xlsx_bytes({"Отрасли": cells}, merges={"Отрасли": ["A1:E1"]})
    path = folder / "belovodsk_statistics.xlsx"
    path.write_bytes(data)
    return path


# --- TXT: tables copied from web pages, pipe-separated and space-aligned -------------------------------

VERKHNEBORSK_LINES = [
    "План мероприятий по реализации Стратегии социально-экономического развития городского округа "
    "Верхнеборск на 2025 - 2026 годы",
    "Источник: официальный сайт администрации округа | раздел «Стратегическое планирование»",
    "",
    "| № | Наименование мероприятия | Срок реализации | Объем финансирования, тыс. руб. | "
    "Ответственный исполнитель | Ожидаемый результат |",
    "|---|---|---|---|---|---|",
    "| Цель 1. Обновление коммунальной инфраструктуры округа | | | | | |",
    "| 1 | Замена водопроводных сетей в микрорайоне Лесной | 2025-2026 | 18 420,0 | "
    "Управление жилищно-коммунального хозяйства администрации округа | Заменено 6,5 км сетей |",
    "| 2 | Строительство блочной котельной в поселке Ключи | 2026 | 9 870,5 | "
    "Управление жилищно-коммунального хозяйства администрации округа; МУП «Верхнеборские тепловые сети» | "
    "Введена котельная мощностью 4 МВт |",
    "| Цель 2. Развитие массового спорта | | | | | |",
    "| 3 | Устройство лыжероллерной трассы в парке Сосновый бор | 2025 | 4 300,0 | "
    "Комитет по физической культуре и спорту администрации округа | Трасса протяженностью 3 км |",
    "",
    "Перечень мероприятий может уточняться | по решению координационного совета.",
]


def verkhneborsk_plan(folder: Path) -> Path:
    """Pipes with leading and trailing bars, a markdown «|---|» rule under the header, goal rows; prose
    lines with a single «|» around it."""
    path = folder / "verkhneborsk_plan.txt"
    path.write_text("\n".join(VERKHNEBORSK_LINES) + "\n", encoding="utf-8")
    return path


SOSNOVSK_LINES = [
    "Целевые показатели Стратегии социально-экономического развития Сосновского муниципального округа",
    "",
    "№ | Наименование показателя | Ед. изм. | 2024 | 2025 | 2026 | 2030",
    "1 | Численность постоянного населения на конец года | тыс. чел. | 27,4 | 27,2 | 27,1 | 26,8",
    "2 | Объем отгруженных товаров собственного производства | млн руб. | 8 640,0 | 9 120,5 | 9 700,0 | "
    "12 300,0",
    "3 | Доля дорог, соответствующих нормативным требованиям | % | 54,0 | 58,5 | 62,0 | 75,0",
    "4 | Количество субъектов малого и среднего предпринимательства | ед. | 1 132 | 1 150 | 1 175 | 1 240",
    "",
    "Показатели уточняются при корректировке Стратегии | не реже раза в три года.",
]


def sosnovsk_indicators(folder: Path) -> Path:
    """Pipes between cells only (no outer bars, no rule line), years as columns, a unit column."""
    path = folder / "sosnovsk_indicators.txt"
    path.write_text("\r\n".join(SOSNOVSK_LINES) + "\r\n", encoding="utf-8")
    return path


ZARECHINSK_LINES = [
    "Ресурсное обеспечение Стратегии развития Заречинского муниципального района",
    "",
    "Стратегия реализуется в два этапа.  Первый этап охватывает 2025 - 2027 годы.",
    "Второй этап  продлится до 2030 года.  Итоги подводятся ежегодно  к 1 апреля.",
    "Объемы  на второй этап  будут определены в 2027 году.",
    "",
    "Таблица 3",
    "(млн рублей)",
    "Источник финансирования          2025 г.    2026 г.    2027 г.    Всего за 2025-2027 гг.",
    "Всего, в том числе:               1 318,4    1 402,0    1 497,5                   4 217,9",
    "федеральный бюджет                  410,0      436,2      465,0                   1 311,2",
    "областной бюджет                    295,4      310,8      332,5                     938,7",
    "бюджет района                        63,0       65,0       70,0                     198,0",
    "внебюджетные источники              550,0      590,0      630,0                   1 770,0",
    "",
    "Объемы финансирования  подлежат ежегодному уточнению.",
]


def zarechinsk_resources(folder: Path) -> Path:
    """Space-aligned resource table (sources as rows, years and a span total as columns, numbers
    right-aligned); prose with double spaces between sentences must stay prose."""
    path = folder / "zarechinsk_resources.txt"
    path.write_bytes(("\r\n".join(ZARECHINSK_LINES) + "\r\n").encode("cp1251"))
    return path


KEDROVOGORSK_LINES = [
    "Прогноз показателей социально-экономического развития городского округа Кедровогорск",
    "",
    "Показатель                              Ед. изм.     Значения по годам",
    "                                                     2025      2026      2027",
    "Объем инвестиций в основной капитал     млн руб.     2 140,0   2 305,5   2 480,0",
    "за счет всех источников",
    "Среднемесячная заработная плата         руб.         61 250    64 900    68 700",
    "Уровень зарегистрированной безработицы  %            0,9       0,8       0,8",
    "",
    "Показатели уточняются ежегодно.",
]


def kedrovogorsk_indicators(folder: Path) -> Path:
    """Space-aligned indicators: «Значения по годам» over the year columns, the years on a line of their
    own, a name wrapped onto a second line that starts in lower case."""
    path = folder / "kedrovogorsk_indicators.txt"
    path.write_text("\n".join(KEDROVOGORSK_LINES) + "\n", encoding="utf-8")
    return path


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "cherepovets_plan": cherepovets_plan,
    "vladimir_strategy": vladimir_strategy,
    "kostroma_scenarios": kostroma_scenarios,
    "pskov_projects": pskov_projects,
    "tver_plan": tver_plan,
    "yaroslavl_report": yaroslavl_report,
    "saransk_programme": saransk_programme,
    "murmansk_indicators": murmansk_indicators,
    "tula_registry": tula_registry,
    "kirov_plan": kirov_plan,
    "smolensk_plan": smolensk_plan,
    "ulyanovsk_objects": ulyanovsk_objects,
    "tambov_forecast": tambov_forecast,
    "orel_plan": orel_plan,
    "karelia_strategy": karelia_strategy,
    "gatchina_programme": gatchina_programme,
    "novgorod_plan": novgorod_plan,
    "bryansk_plan": bryansk_plan,
    "syktyvkar_indicators": syktyvkar_indicators,
    "lipetsk_registry": lipetsk_registry,
    "velsk_resources": velsk_resources,
    "rybinsk_plan": rybinsk_plan,
    "achinsk_programme": achinsk_programme,
    "kaluga_indicators": kaluga_indicators,
    "penza_projects": penza_projects,
    "kurgan_plan": kurgan_plan,
    "tyumen_indicators": tyumen_indicators,
    "kungur_plan": kungur_plan,
    "orsk_indicators": orsk_indicators,
    "izhevsk_plan": izhevsk_plan,
    "chita_investments": chita_investments,
    "tomsk_plan": tomsk_plan,
    "abakan_indicators": abakan_indicators,
    "vologda_plan": vologda_plan,
    "bratsk_projects": bratsk_projects,
    "tikhoozersk_trade": tikhoozersk_trade,
    "verkhnelugovsk_export": verkhnelugovsk_export,
    "belovodsk_statistics": belovodsk_statistics,
    "verkhneborsk_plan": verkhneborsk_plan,
    "sosnovsk_indicators": sosnovsk_indicators,
    "zarechinsk_resources": zarechinsk_resources,
    "kedrovogorsk_indicators": kedrovogorsk_indicators,
    **SCENARIO_BUILDERS,
    **REAL_SHAPE_BUILDERS,
}
PDF_BUILDERS = frozenset({"pskov_projects", "murmansk_indicators", "smolensk_plan", "karelia_strategy",
                          "lipetsk_registry", "kurgan_plan"})

from tests.table_corpus_wrapped import WRAPPED_BUILDERS  # noqa: E402  (cells wrapped over lines)

BUILDERS.update(WRAPPED_BUILDERS)
PDF_BUILDERS |= frozenset(WRAPPED_BUILDERS)
