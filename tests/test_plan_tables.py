"""Plan tables → measures, indicators, projects, funding and goals.

Tables are built with DocumentBuilder as the readers would emit them (merged cells as spans at
their origin), so every expected value is known; the seed 003 and the Kursk registries are read
through the real readers when ../shared is present.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial

import pytest

from stratdoc.extract.nlp import shared
from stratdoc.extract.tables import extract_tables
from stratdoc.extract.tables.grid import document_to_views
from stratdoc.extract.tables.header import looks_like_header, read_header
from stratdoc.ingest.builder import DocumentBuilder, RawCell
from stratdoc.schema import BlockKind, Document, Format
from stratdoc.schema.records import Extraction

NLP = shared()
Span4 = tuple[int, int, int, int]  # row, col, row_span, col_span


def grid_cells(rows: list[list[str | None]], spans: tuple[Span4, ...] = ()) -> list[RawCell]:
    """Rows of texts → RawCells; a span's covered positions hold no cell, as readers emit them."""
    span_at = {(r, c): (rs, cs) for r, c, rs, cs in spans}
    covered = {(i, j) for (r, c), (rs, cs) in span_at.items()
               for i in range(r, r + rs) for j in range(c, c + cs) if (i, j) != (r, c)}
    out = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None or (r, c) in covered:
                continue
            rs, cs = span_at.get((r, c), (1, 1))
            out.append(RawCell(r, c, text, rs, cs))
    return out


def lines(funding) -> list[tuple]:
    return [(f.source, f.year, f.year_from, f.year_to, f.amount, f.unit, f.amount_rub) for f in funding]


# --- a plan of measures: goal and task rows, a source column, names merged down, notes, totals ----------

PLAN_ROWS: list[list[str | None]] = [
    ["№ п/п", "Наименование мероприятия", "Срок реализации", "Ответственный исполнитель",
     "Источник финансирования", "Объем финансирования, тыс. руб.", None, None, "Ожидаемый результат"],
    [None, None, None, None, None, "2024", "2025", "2026", None],
    ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
    ["Цель 1. Повышение качества жизни населения", None, None, None, None, None, None, None, None],
    ["Задача 1.1. Развитие социальной инфраструктуры", None, None, None, None, None, None, None, None],
    ["1.1.1.", "Строительство школы на 550 мест", "2024-2026",
     "Комитет по строительству; управление образования администрации района", "областной бюджет",
     "120 000,0", "80 500,5", "-", "Ввод школы"],
    [None, None, None, None, "бюджет района", "1 200,0", "805,0", "0,0", None],
    ["1.1.2.", "Капитальный ремонт детских садов (в ред. постановления от 01.02.2024 № 15)", "2024",
     "Управление образования администрации района", "бюджет района", "5 000", "н/д", "", "Три здания"],
    ["", "Итого по задаче 1.1", "", "", "", "126 200,0", "81 305,5", "0,0", ""],
    ["(в ред. постановления Администрации района от 10.03.2024 № 77)", None, None, None, None, None, None,
     None, None],
    ["Цель 2. Развитие экономики", None, None, None, None, None, None, None, None],
    ["2.1.", "Проведение ярмарок", "ежегодно", "Отдел экономики, МКУ «Центр поддержки предпринимательства»",
     "Финансирование не определено", "", "", "", ""],
]
PLAN_SPANS: tuple[Span4, ...] = (
    (0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 2, 1), (0, 3, 2, 1), (0, 4, 2, 1), (0, 5, 1, 3), (0, 8, 2, 1),
    (3, 0, 1, 9), (4, 0, 1, 9), (5, 0, 2, 1), (5, 1, 2, 1), (5, 2, 2, 1), (5, 3, 2, 1), (5, 8, 2, 1),
    (9, 0, 1, 9), (10, 0, 1, 9),
)


def one_table_doc(rows, spans=(), *, caption: str = "", fmt: Format = Format.DOCX) -> Document:
    b = DocumentBuilder(id="t", source=f"t.{fmt.value}", format=fmt)
    if caption:
        b.add_block(BlockKind.HEADING, caption)
    b.add_table(grid_cells(rows, spans))
    return b.build()


@pytest.fixture(scope="module")
def plan() -> tuple[Document, Extraction]:
    doc = one_table_doc(PLAN_ROWS, PLAN_SPANS, caption="План мероприятий по реализации Стратегии")
    return doc, extract_tables(doc)


def test_plan_measures(plan) -> None:
    _, ex = plan
    assert [(m.number, m.name, m.goal) for m in ex.measures] == [
        ("1.1.1", "Строительство школы на 550 мест", "1"),
        ("1.1.2", "Капитальный ремонт детских садов", "1"),  # amendment note stripped
        ("2.1", "Проведение ярмарок", "2"),
    ]
    school, kindergartens, fairs = ex.measures
    assert school.responsible == ["Комитет по строительству", "управление образования администрации района"]
    assert school.expected_result == "Ввод школы"
    # the merged name holds both source rows; dashes and zeros are no lines
    assert lines(school.funding) == [
        ("regional", 2024, None, None, Decimal("120000.0"), "тыс. руб.", Decimal("120000000")),
        ("regional", 2025, None, None, Decimal("80500.5"), "тыс. руб.", Decimal("80500500")),
        ("municipal", 2024, None, None, Decimal("1200.0"), "тыс. руб.", Decimal("1200000")),
        ("municipal", 2025, None, None, Decimal("805.0"), "тыс. руб.", Decimal("805000")),
    ]
    assert lines(kindergartens.funding) == [
        ("municipal", 2024, None, None, Decimal("5000"), "тыс. руб.", Decimal("5000000")),
        ("municipal", 2025, None, None, None, None, None),  # н/д: a line without an amount
    ]
    assert lines(fairs.funding) == [("unspecified", None, None, None, None, None, None)]
    assert fairs.responsible == ["Отдел экономики", "МКУ «Центр поддержки предпринимательства»"]


def test_plan_goals_and_organizations(plan) -> None:
    _, ex = plan
    assert [(g.number, g.text, [(t.number, t.text) for t in g.tasks]) for g in ex.goals] == [
        ("1", "Повышение качества жизни населения", [("1.1", "Развитие социальной инфраструктуры")]),
        ("2", "Развитие экономики", []),
    ]
    assert [(o.name, o.mentions) for o in ex.organizations] == [
        ("Комитет по строительству", 1), ("Управление образования администрации района", 2),
        ("Отдел экономики", 1), ("МКУ «Центр поддержки предпринимательства»", 1),
    ]


def test_plan_spans_point_at_the_rows(plan) -> None:
    doc, ex = plan
    school = ex.measures[0]
    assert (school.span.table, school.span.row, school.span.col) == (0, 5, 0)
    assert doc.text[school.span.start:school.span.end].startswith("1.1.1.\tСтроительство школы")
    line = school.funding[0]
    assert doc.text[line.span.start:line.span.end] == "120 000,0"
    assert (line.span.row, line.span.col) == (5, 5)
    org = ex.organizations[0]
    assert doc.text[org.span.start:org.span.end].startswith("Комитет по строительству")


# --- header model -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("header", "role"), [
    ("№ п/п", "number"),
    ("N п/п", "number"),
    ("Мероприятия программы", "other"),  # a second name column steps aside
    ("Ответственный исполнитель", "responsible"),
    ("Наименование организации", "responsible"),
    ("Заказчик", "responsible"),
    ("Ожидаемый результат", "result"),
    ("Срок реализации проекта", "period"),
    ("Годы реализации", "period"),
    ("Статус проекта", "status"),
    ("Стадия реализации", "status"),
    ("Стоимость, млн. рублей", "money"),
    ("Источники финансирования (млн руб.)", "money"),
    ("Муниципальный объект", "object"),
    ("Месторасположение объекта", "object"),
    ("Место реализации", "object"),
    ("Мощность объекта", "other"),
    ("Содержание проекта", "description"),
    ("Ед. изм.", "unit"),
    ("2025 год", "value"),
])
def test_column_roles(header: str, role: str) -> None:
    doc = one_table_doc([["№", "Наименование пункта", header], ["1", "Первый", "x"]])
    (view,) = document_to_views(doc, partial(looks_like_header, nlp=NLP))
    columns = read_header(view, NLP).columns
    assert (columns[1].role, columns[2].role) == ("name", role)


def test_multi_row_header_columns() -> None:
    doc = one_table_doc(PLAN_ROWS, PLAN_SPANS, caption="План мероприятий")
    (view,) = document_to_views(doc, partial(looks_like_header, nlp=NLP))
    header = read_header(view, NLP)
    assert header.body_start == 3  # two header rows and the column numbers
    money = header.columns[6]
    assert (money.role, money.year) == ("value", 2025)
    assert money.unit is not None and money.unit.canonical == "тыс. руб."
    assert header.columns[4].role == "money"  # refined to «source» once the body is seen


def test_name_with_unit_and_label_row() -> None:
    rows = [
        ["№ п/п", "Наименование показателя, ед. измерения", "Значение по годам", None,
         "Ответственный исполнитель"],
        [None, None, "2022", "2023", None],
        ["1", "x", "факт", "оценка", None],
        ["1", "2", "3", "4", "5"],
        ["1", "Естественный прирост (убыль), чел.", "-2,537", "+1 228", "Отдел статистики"],
        ["2", "Численность населения, тыс. чел.", "347,150", "348,055", "Отдел статистики"],
    ]
    ex = extract_tables(one_table_doc(rows, ((0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 2), (0, 4, 2, 1))))
    people, population = ex.indicators
    assert (people.name, people.unit) == ("Естественный прирост (убыль)", "чел.")
    assert [(v.year, v.value, v.kind) for v in people.values] == [
        (2022, -2537.0, "fact"), (2023, 1228.0, "estimate")]
    assert "thousands" in (people.values[0].note or "")
    assert (population.name, population.unit) == ("Численность населения", "тыс. чел.")
    assert [v.value for v in population.values] == [347.15, 348.055]


# --- indicators with scenarios -------------------------------------------------------------------------


def test_scenario_columns_and_base_value() -> None:
    rows = [
        ["№", "Показатель", "Ед. изм.", "Базовое значение 2022 год", "2030 год", None],
        [None, None, None, None, "консервативный", "базовый"],
        ["1", "Уровень регистрируемой безработицы", "%", "0,7", "0,8", "0,5"],
    ]
    doc = one_table_doc(rows, ((0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 2, 1), (0, 3, 2, 1), (0, 4, 1, 2)),
                        caption="Целевые показатели")
    (ind,) = extract_tables(doc).indicators
    assert ind.unit == "%"
    assert [(v.year, v.value, v.kind, v.scenario) for v in ind.values] == [
        (2022, 0.7, "base", None), (2030, 0.8, None, "консервативный"), (2030, 0.5, None, "базовый"),
    ]


def test_scenario_rows_under_an_indicator() -> None:
    rows = [
        ["Показатель", "2022 (факт)", "2025 (прогноз)"],
        ["Инвестиции в основной капитал, млн рублей", "", ""],
        ["консервативный", "50", "60"],
        ["базовый", "50", "70"],
    ]
    (ind,) = extract_tables(one_table_doc(rows, caption="Прогноз показателей")).indicators
    assert (ind.name, ind.unit) == ("Инвестиции в основной капитал", "млн рублей")
    assert [(v.year, v.value, v.kind, v.scenario) for v in ind.values] == [
        (2022, 50.0, "fact", "консервативный"), (2025, 60.0, "plan", "консервативный"),
        (2022, 50.0, "fact", "базовый"), (2025, 70.0, "plan", "базовый"),
    ]


def test_one_table_per_scenario_gives_one_indicator() -> None:
    b = DocumentBuilder(id="s", source="s.docx", format=Format.DOCX)
    for variant, value in (("консервативный", "1,5"), ("базовый", "2,5")):
        b.add_block(BlockKind.PARAGRAPH, f"Целевые показатели ({variant} вариант)")
        b.add_table(grid_cells([["Показатель", "2030"], ["Рост ВРП, %", value]]))
    (ind,) = extract_tables(b.build()).indicators
    assert [(v.year, v.value, v.scenario) for v in ind.values] == [
        (2030, 1.5, "консервативный"), (2030, 2.5, "базовый")]


# --- a resource table -----------------------------------------------------------------------------------


def test_resource_table_gives_strategy_funding() -> None:
    rows = [
        ["Источник финансирования", "Всего", "2024 год", "2025 год"],
        ["Всего", "1 500,0", "700,0", "800,0"],
        ["в том числе:", None, None, None],
        ["федеральный бюджет", "300", "100", "200"],
        ["бюджет муниципального образования", "1 200,0", "600,0", "600,0"],
    ]
    doc = one_table_doc(rows, ((2, 0, 1, 4),), caption="Ресурсное обеспечение Стратегии (тыс. рублей)")
    ex = extract_tables(doc)
    assert not ex.measures and not ex.projects
    assert lines(ex.funding) == [
        ("total", None, 2024, 2025, Decimal("1500.0"), "тыс. руб.", Decimal("1500000")),
        ("total", 2024, None, None, Decimal("700.0"), "тыс. руб.", Decimal("700000")),
        ("total", 2025, None, None, Decimal("800.0"), "тыс. руб.", Decimal("800000")),
        ("federal", None, 2024, 2025, Decimal("300"), "тыс. руб.", Decimal("300000")),
        ("federal", 2024, None, None, Decimal("100"), "тыс. руб.", Decimal("100000")),
        ("federal", 2025, None, None, Decimal("200"), "тыс. руб.", Decimal("200000")),
        ("municipal", None, 2024, 2025, Decimal("1200.0"), "тыс. руб.", Decimal("1200000")),
        ("municipal", 2024, None, None, Decimal("600.0"), "тыс. руб.", Decimal("600000")),
        ("municipal", 2025, None, None, Decimal("600.0"), "тыс. руб.", Decimal("600000")),
    ]


# --- a project registry with sector rows ---------------------------------------------------------------


def test_project_registry() -> None:
    rows = [
        ["№", "Наименование проекта", "Инициатор проекта", "Срок реализации", "Стоимость проекта, млрд руб.",
         "Стадия реализации"],
        ["Промышленность", None, None, None, None, None],
        ["1", "Строительство завода по выпуску стекла", "ООО «Стеклозавод»", "2023-2026 гг.", "12,5",
         "Строительство"],
        ["Туризм", None, None, None, None, None],
        ["2", "Гостиничный комплекс", "ИП Иванов И.И.", "2025-2027", "н/д", "Инвестиционная идея"],
        ["", "Итого", "", "", "12,5", ""],
    ]
    ex = extract_tables(one_table_doc(rows, ((1, 0, 1, 6), (3, 0, 1, 6)), caption="Перечень проектов"))
    assert [(p.name, p.section, p.period, p.status, p.responsible) for p in ex.projects] == [
        ("Строительство завода по выпуску стекла", "Промышленность", "2023-2026 гг.", "строительство",
         ["ООО «Стеклозавод»"]),
        ("Гостиничный комплекс", "Туризм", "2025-2027", "инвестиционная идея", ["ИП Иванов И.И."]),
    ]
    assert lines(ex.projects[0].funding) == [
        ("unspecified", None, None, None, Decimal("12.5"), "млрд руб.", Decimal("12500000000"))]
    assert lines(ex.projects[1].funding) == [("unspecified", None, None, None, None, None, None)]


def test_object_cell_repeating_its_header() -> None:
    rows = [["№", "Наименование проекта", "Муниципальный объект", "Срок реализации"],
            ["1", "Новая школа", "Муниципальный объект «Правобережье»", "2021"]]
    (project,) = extract_tables(one_table_doc(rows, caption="Приоритетные проекты")).projects
    assert (project.object, project.period) == ("Правобережье", "2021")


# --- a table continued over pages -----------------------------------------------------------------------

CONT_HEAD = ["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "2024", "2025"]


def test_table_continued_over_pages_is_joined() -> None:
    b = DocumentBuilder(id="c", source="c.pdf", format=Format.PDF)
    b.start_page(1)
    b.add_block(BlockKind.HEADING, "План мероприятий (тыс. рублей)")
    b.add_table(grid_cells([CONT_HEAD, ["1", "2", "3", "4", "5"],
                            ["Цель 1. Рост экономики", None, None, None, None],
                            ["1.1", "Создание бизнес-инкубатора для", "Комитет экономики", "500", "-"]]),
                page=1)
    b.start_page(2)
    b.add_block(BlockKind.PARAGRAPH, "2")  # the page number between the pieces
    b.add_table(grid_cells([CONT_HEAD, ["1", "2", "3", "4", "5"],  # header repeated
                            ["", "начинающих предпринимателей", "", "", ""],
                            ["1.2", "Ярмарка вакансий", "Отдел труда", "", "10"]]), page=2)
    b.start_page(3)
    b.add_table(grid_cells([["1.3", "Форум инвесторов", "Отдел инвестиций", "20", "20"]]), page=3)
    b.add_block(BlockKind.PARAGRAPH, "Таблица 2. Показатели")
    b.add_table(grid_cells([["Показатель", "2024"], ["Число рабочих мест, ед.", "10"]]), page=3)
    ex = extract_tables(b.build())
    assert [(m.number, m.name, m.goal, m.span.page, m.span.table) for m in ex.measures] == [
        ("1.1", "Создание бизнес-инкубатора для начинающих предпринимателей", "1", 1, 0),
        ("1.2", "Ярмарка вакансий", "1", 2, 1),
        ("1.3", "Форум инвесторов", "1", 3, 2),
    ]
    assert lines(ex.measures[2].funding)[0] == ("unspecified", 2024, None, None, Decimal("20"), "тыс. руб.",
                                                Decimal("20000"))
    assert [i.name for i in ex.indicators] == ["Число рабочих мест"]


def test_a_table_without_plan_vocabulary_gives_nothing() -> None:
    rows = [["N п/п", "Наименование предприятия", "Количество магазинов, шт."], ["1", "ООО «Лента»", "26"]]
    ex = extract_tables(one_table_doc(rows))
    assert not (ex.measures or ex.indicators or ex.projects or ex.funding or ex.organizations)


# --- real documents (skipped without ../shared) -------------------------------------------------------


@pytest.fixture(scope="module")
def seed003(shared) -> Extraction:
    from stratdoc.ingest import read

    path = shared / "seeds" / "003_f94694af1a25ca89.txt"
    if not path.is_file():
        pytest.skip("seed 003 absent")
    return extract_tables(read(path))


def test_seed_003_measures(seed003: Extraction) -> None:
    assert [(m.number, m.goal) for m in seed003.measures] == [("1", "1"), ("2", "1"), ("3", "1")]
    assert seed003.measures[1].responsible == [
        "Отдел по работе с молодежью, инновационным и перспективным стартапами города Калуги",
        "управление образования города Калуги"]
    assert lines(seed003.measures[0].funding)[2] == (
        "municipal", 2023, None, None, Decimal("15248.0"), "млн руб.", Decimal("15248000000"))


def test_seed_003_indicators(seed003: Extraction) -> None:
    assert [(i.name, i.unit) for i in seed003.indicators][:2] == [
        ("Численность постоянного населения (на конец года)", "тыс. чел."),
        ("Естественный прирост (убыль)", "чел.")]
    assert [(v.year, v.value, v.kind) for v in seed003.indicators[1].values][:2] == [
        (2020, -2537.0, "estimate"), (2021, 1228.0, "estimate")]
    assert seed003.indicators[3].unit is None


def test_seed_003_projects(seed003: Extraction) -> None:
    assert [(p.object, p.period) for p in seed003.projects] == [
        ("Правобережье", "2021"), ("Правобережье", "2021"), ("Малое кольцо", "2021"), ("Жуковка", "2022"),
        ("Жуковка", "2021-2023")]
    assert lines(seed003.projects[3].funding) == [
        ("regional", None, None, None, Decimal("110153.8"), "млн руб.", Decimal("110153800000")),
        ("municipal", None, None, None, Decimal("18325.9"), "млн руб.", Decimal("18325900000"))]
    assert seed003.projects[0].responsible == [
        "Управление образования города Калуги", "учреждения",
        "муниципальные образовательные организации города Калуги"]


def kursk(shared, name: str) -> Extraction:
    from stratdoc.ingest import read

    path = shared / "corpus" / "kursk" / name
    if not path.is_file():
        pytest.skip(f"{name} absent")
    return extract_tables(read(path))


def test_kursk_registry_docx(shared) -> None:
    ex = kursk(shared, "realizuemye.docx")
    assert len(ex.projects) == 36
    first = ex.projects[0]
    assert (first.name, first.section, first.status, first.responsible) == (
        "Строительство завода по производству горячебрикетированного железа",
        "Производство чугуна, стали и ферросплавов", "реализуемый", ['ООО "Михайловский ГБЖ"'])
    assert lines(first.funding) == [("unspecified", None, None, None, Decimal("47567"), "млн руб.",
                                     Decimal("47567000000"))]
    waste = ex.projects[-1]
    assert (waste.section, lines(waste.funding)[0][4]) == (
        "Обработка твердых коммунальных отходов", Decimal("210"))


def test_kursk_plan_of_objects_xlsx(shared) -> None:
    ex = kursk(shared, "Otchet-2022-god.xlsx")
    assert len(ex.projects) == 94  # «Итог» rows are totals, not objects
    gas = ex.projects[0]
    assert (gas.section, gas.period, gas.responsible) == (
        "Объекты газоснабжения", "2021-2023 гг.", ["Администрация Конышевского района"])
    by_source = {f.source: f for f in gas.funding if f.year_from == 2022}
    assert set(by_source) == {"total", "regional", "municipal"}  # zero cells are no line
    assert (by_source["regional"].amount, by_source["regional"].year_to, by_source["regional"].unit) == (
        Decimal("50331.983"), 2024, "тыс. руб.")
    pool = next(p for p in ex.projects if "бассейн" in p.name)
    assert (pool.section, [f for f in pool.funding if f.year_from]) == ("Объекты спорта", [])


def test_numbered_title_rows_are_goals_and_sections() -> None:
    rows = [
        ["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "2025 год"],
        ["1.", "Цель: Развитие предпринимательства", None, None],
        ["1.1.", "Поддержка малого бизнеса", None, None],
        ["1.1.1.", "Выдача грантов начинающим", "Отдел экономики", "ФБ 100, ОБ 50"],
        ["2", "Модернизация ЖКХ", "", ""],
        ["2.1", "Замена сетей", "Управление ЖКХ", "1 000"],
    ]
    ex = extract_tables(one_table_doc(rows, ((1, 1, 1, 3),), caption="План мероприятий (тыс. руб.)"))
    assert [(m.number, m.name, m.goal) for m in ex.measures] == [
        ("1.1.1", "Выдача грантов начинающим", "1"), ("2.1", "Замена сетей", None)]
    assert [(g.number, g.text) for g in ex.goals] == [("1", "Развитие предпринимательства")]
    assert [(f.source, f.year, f.amount) for f in ex.measures[0].funding] == [
        ("federal", 2025, Decimal("100")), ("regional", 2025, Decimal("50"))]


# --- generalisation rules (each also met by a document of tests/table_corpus.py) ----------------------


def test_a_row_per_year_dates_its_amounts() -> None:
    rows = [
        ["№", "Наименование мероприятия", "Годы реализации", "Всего", "областной бюджет"],
        ["1", "Ремонт школы", "2024 - 2025", "300,0", "200,0"],
        [None, None, "2024", "100,0", "50,0"],
        [None, None, "2025", "200,0", "150,0"],
        ["2", "Ремонт сада", "2024 - 2025", "40,0", "-"],
    ]
    ex = extract_tables(one_table_doc(rows, ((1, 0, 3, 1), (1, 1, 3, 1)), caption="Мероприятия (тыс. руб.)"))
    school, garden = ex.measures
    assert [(f.source, f.year, f.year_from, f.year_to, f.amount) for f in school.funding] == [
        ("total", None, 2024, 2025, Decimal("300.0")), ("regional", None, 2024, 2025, Decimal("200.0")),
        ("total", 2024, None, None, Decimal("100.0")), ("regional", 2024, None, None, Decimal("50.0")),
        ("total", 2025, None, None, Decimal("200.0")), ("regional", 2025, None, None, Decimal("150.0")),
    ]
    assert [(f.year_from, f.year_to) for f in garden.funding] == [(2024, 2025)]


def test_one_row_items_keep_their_period_to_themselves() -> None:
    """Without rows per year, «Срок реализации» is the item's term, not the amounts' year."""
    rows = [["№", "Наименование мероприятия", "Срок реализации", "Всего, тыс. руб."],
            ["1", "Ремонт школы", "2024 - 2025", "300,0"], ["2", "Ремонт сада", "2026", "40,0"]]
    ex = extract_tables(one_table_doc(rows, caption="План мероприятий"))
    assert [(f.year, f.year_from) for m in ex.measures for f in m.funding] == [(None, None), (None, None)]


def test_a_cell_merged_over_years_speaks_for_their_period() -> None:
    rows = [["№", "Наименование мероприятия", "2024", "2025", "2026"],
            ["1", "Ремонт дворов", "Финансирование не определено", None, None]]
    (m,) = extract_tables(one_table_doc(rows, ((1, 2, 1, 3),), caption="План мероприятий")).measures
    assert [(f.source, f.year, f.year_from, f.year_to, f.amount) for f in m.funding] == [
        ("unspecified", None, 2024, 2026, None)]


def test_a_total_column_beside_stage_periods_spans_them() -> None:
    rows = [["Источники финансирования", "Всего", "2021 - 2025 гг.", "2026 - 2030 гг."],
            ["Всего", "30,0", "10,0", "20,0"], ["федеральный бюджет", "3,0", "1,0", "2,0"]]
    ex = extract_tables(one_table_doc(rows, caption="Ресурсное обеспечение, млрд рублей"))
    assert [(f.source, f.year_from, f.year_to, f.amount_rub) for f in ex.funding][:3] == [
        ("total", 2021, 2030, Decimal("30000000000")), ("total", 2021, 2025, Decimal("10000000000")),
        ("total", 2026, 2030, Decimal("20000000000"))]


@pytest.mark.parametrize(("title_rows", "goals", "measure_goal"), [
    ([["Цель: Рост доходов населения", None, None]], [(None, "Рост доходов населения", [])], None),
    ([["Стратегическая цель 2. Рост доходов", None, None]], [("2", "Рост доходов", [])], "2"),
    ([["Цель 1. Рост доходов", None, None], ["Задача 1.1. Поддержка занятости", None, None]],
     [("1", "Рост доходов", [("1.1", "Поддержка занятости")])], "1"),
])
def test_goal_rows(title_rows, goals, measure_goal) -> None:
    rows = [["№", "Наименование мероприятия", "Ответственный исполнитель"], *title_rows,
            ["1.1.1", "Ярмарка вакансий", "Центр занятости населения"]]
    spans = tuple((1 + i, 0, 1, 3) for i in range(len(title_rows)))
    ex = extract_tables(one_table_doc(rows, spans, caption="План мероприятий"))
    assert [(g.number, g.text, [(t.number, t.text) for t in g.tasks]) for g in ex.goals] == goals
    assert [m.goal for m in ex.measures] == [measure_goal]


def test_task_numbered_in_the_number_column() -> None:
    rows = [["№", "Наименование мероприятия", "Исполнитель"],
            ["1.", "Цель 1. Комфортная среда", None], ["1.1.", "Задача: озеленение улиц", None],
            ["1.1.1.", "Посадка деревьев", "Управление благоустройства"]]
    ex = extract_tables(one_table_doc(rows, ((1, 1, 1, 2), (2, 1, 1, 2)), caption="План мероприятий"))
    assert [(g.number, [(t.number, t.text) for t in g.tasks]) for g in ex.goals] == [
        ("1", [("1.1", "озеленение улиц")])]
    assert [(m.number, m.goal) for m in ex.measures] == [("1.1.1", "1")]


def test_roman_sector_rows_without_merges_are_sections() -> None:
    rows = [["№", "Наименование объекта", "Сроки строительства", "Стоимость, млн руб."],
            ["I", "Образование", "", ""], ["1", "Школа на 500 мест", "2025", "900,0"],
            ["II", "Спорт", "", ""], ["2", "Бассейн", "2026", "300,0"]]
    ex = extract_tables(one_table_doc(rows, caption="Перечень объектов"))
    assert [(p.name, p.section) for p in ex.projects] == [("Школа на 500 мест", "Образование"),
                                                         ("Бассейн", "Спорт")]


def test_a_total_line_in_the_source_column_belongs_to_its_item() -> None:
    rows = [["№ п/п", "Наименование мероприятия", "Источник финансирования", "2024"],
            ["1", "Ремонт школы", "ФБ", "200"], ["", "", "МБ", "50"], ["", "", "Итого", "250"],
            ["", "Итого по плану", "", "250"]]
    (m,) = extract_tables(one_table_doc(rows, caption="План мероприятий (тыс. руб.)")).measures
    assert [(f.source, f.amount) for f in m.funding] == [
        ("federal", Decimal("200")), ("municipal", Decimal("50")), ("total", Decimal("250"))]


def test_project_period_in_start_and_end_columns() -> None:
    rows = [["№", "Наименование проекта", "Срок реализации", None, "Стоимость, млн руб."],
            [None, None, "начало", "окончание", None],
            ["1", "Завод", "2023", "2025", "100"], ["2", "Ферма", "IV кв. 2024", "2026 г.", "50"]]
    spans = ((0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 2), (0, 4, 2, 1))
    ex = extract_tables(one_table_doc(rows, spans, caption="Перечень проектов"))
    assert [p.period for p in ex.projects] == ["2023-2025", "IV кв. 2024-2026 г."]


@pytest.mark.parametrize(("header", "role"), [
    ("Местонахождение объекта", "object"),
    ("Территория реализации", "object"),
    ("Населенный пункт", "object"),
    ("Состояние проекта", "status"),
])
def test_more_column_roles(header: str, role: str) -> None:
    doc = one_table_doc([["№", "Наименование пункта", header], ["1", "Первый", "x"]])
    (view,) = document_to_views(doc, partial(looks_like_header, nlp=NLP))
    assert read_header(view, NLP).columns[2].role == role


def test_content_column_names_the_rows_when_nothing_else_does() -> None:
    rows = [["№", "Содержание мероприятия", "Исполнитель"], ["1", "Ремонт моста", "Управление ЖКХ"]]
    ex = extract_tables(one_table_doc(rows, caption="План мероприятий"))
    assert [(m.number, m.name) for m in ex.measures] == [("1", "Ремонт моста")]


@pytest.mark.parametrize(("name", "number", "rest"), [
    ("1.1. Ремонт улицы", "1.1", "Ремонт улицы"),
    ("1.2 Устройство тротуаров", "1.2", "Устройство тротуаров"),
    ("3) Проведение форума", "3", "Проведение форума"),
    ("100 тысяч деревьев в городе", None, "100 тысяч деревьев в городе"),
])
def test_number_at_the_head_of_a_name(name: str, number: str | None, rest: str) -> None:
    rows = [["Наименование мероприятия", "Исполнитель"], [name, "Управление ЖКХ"]]
    (m,) = extract_tables(one_table_doc(rows, caption="План мероприятий")).measures
    assert (m.number, m.name) == (number, rest)


def test_scenario_in_brackets_after_the_name() -> None:
    rows = [["Наименование показателя", "2030"],
            ["Индекс промышленного производства, % (консервативный вариант)", "102,5"],
            ["Индекс промышленного производства, % (базовый вариант)", "103,5"]]
    (ind,) = extract_tables(one_table_doc(rows, caption="Целевые показатели")).indicators
    assert (ind.name, ind.unit) == ("Индекс промышленного производства", "%")
    assert [(v.value, v.scenario) for v in ind.values] == [(102.5, "консервативный"), (103.5, "базовый")]


def test_variant_rows_under_a_merged_name_keep_their_values_apart() -> None:
    rows = [["Показатель", "Вариант", "2030"], ["ВРП, млрд руб.", "консервативный", "100"],
            [None, "базовый", "120"]]
    (ind,) = extract_tables(one_table_doc(rows, ((1, 0, 2, 1),), caption="Прогноз")).indicators
    assert [(v.value, v.scenario) for v in ind.values] == [(100.0, "консервативный"), (120.0, "базовый")]


def test_qualified_values_are_numbers() -> None:
    rows = [["Наименование показателя", "2024", "2025"], ["Доля населения, %", "50,5*", "не менее 52,0"]]
    (ind,) = extract_tables(one_table_doc(rows, caption="Целевые показатели")).indicators
    assert [(v.value, "set aside" in (v.note or "")) for v in ind.values] == [(50.5, True), (52.0, True)]


def test_a_piece_after_a_continuation_note_joins_its_table() -> None:
    b = DocumentBuilder(id="d", source="d.docx", format=Format.DOCX)
    b.add_block(BlockKind.PARAGRAPH, "Таблица 1. План мероприятий (тыс. руб.)")
    b.add_table(grid_cells([["№", "Наименование мероприятия", "Исполнитель", "2024"],
                            ["1", "Ремонт моста", "Управление ЖКХ", "100,0"]]))
    b.add_block(BlockKind.PARAGRAPH, "Продолжение таблицы 1")
    b.add_table(grid_cells([["2", "Ремонт дороги", "Управление ЖКХ", "200,0"]]))
    b.add_block(BlockKind.PARAGRAPH, "Таблица 2. Показатели")
    b.add_table(grid_cells([["Показатель", "2024"], ["Протяженность дорог, км", "10"]]))
    ex = extract_tables(b.build())
    assert [(m.number, m.span.table) for m in ex.measures] == [("1", 0), ("2", 1)]
    assert [i.name for i in ex.indicators] == ["Протяженность дорог"]


def test_units_on_separate_lines_of_a_cell() -> None:
    """The builder keeps where a cell's lines broke; a plan's responsible cell splits there."""
    rows = [["№", "Наименование мероприятия", "Исполнители"],
            ["1", "Ремонт моста", "Управление ЖКХ администрации\nМКУ «Дирекция дорог»"]]
    doc = one_table_doc(rows, caption="План мероприятий")
    cell = doc.tables[0].cells[-1]
    assert (cell.text, cell.lines()) == ("Управление ЖКХ администрации МКУ «Дирекция дорог»",
                                         ["Управление ЖКХ администрации", "МКУ «Дирекция дорог»"])
    (m,) = extract_tables(doc).measures
    assert m.responsible == ["Управление ЖКХ администрации", "МКУ «Дирекция дорог»"]


def test_a_registry_party_is_not_split_at_line_breaks() -> None:
    """A registry names one party per project; its second line qualifies it (a partner, a group)."""
    rows = [["№", "Наименование проекта", "Инициатор проекта", "Стоимость, млн руб."],
            ["1", "Сеть магазинов", 'ООО "Торговый дом"\nООО "Логистика"', "100"]]
    (p,) = extract_tables(one_table_doc(rows, caption="Перечень проектов")).projects
    assert p.responsible == ['ООО "Торговый дом" ООО "Логистика"']


def test_programme_table_levels() -> None:
    """«Статус» says the level: the programme's own rows fund the whole, subprogrammes are no measures."""
    rows = [
        ["Статус", "Наименование программы, подпрограммы, мероприятия", "Источник финансирования", "2024",
         "2025"],
        ["Муниципальная программа", "«Развитие образования»", "всего", "1 000,0", "1 100,0"],
        [None, None, "местный бюджет", "1 000,0", "1 100,0"],
        ["Подпрограмма 1", "«Дошкольное образование»", "местный бюджет", "500,0", "550,0"],
        ["Основное мероприятие 1.1", "Содержание детских садов", "местный бюджет", "500,0", "550,0"],
        ["", "Программа поддержки молодых педагогов", "местный бюджет", "20,0", "20,0"],
    ]
    ex = extract_tables(one_table_doc(rows, ((1, 0, 2, 1), (1, 1, 2, 1)),
                                      caption="Ресурсное обеспечение муниципальной программы (тыс. руб.)"))
    assert [(m.number, m.name) for m in ex.measures] == [
        ("1.1", "Содержание детских садов"), (None, "Программа поддержки молодых педагогов")]
    assert [(f.source, f.year, f.amount) for f in ex.funding] == [
        ("total", 2024, Decimal("1000.0")), ("total", 2025, Decimal("1100.0")),
        ("municipal", 2024, Decimal("1000.0")), ("municipal", 2025, Decimal("1100.0"))]


@pytest.mark.parametrize(("rows", "spans", "expected"), [
    # «всего» in the spanning title does not make every column a total
    ([["№", "Наименование мероприятия", "Объем финансирования, всего (тыс. руб.)", None, None],
      [None, None, "всего", "в том числе:", None],
      [None, None, None, "ФБ", "ОБ"],
      ["1", "Ремонт школы", "300,0", "200,0", "100,0"]],
     ((0, 0, 3, 1), (0, 1, 3, 1), (0, 2, 1, 3), (1, 2, 2, 1), (1, 3, 1, 2)),
     [("total", None, "300.0"), ("federal", None, "200.0"), ("regional", None, "100.0")]),
    # sources over years
    ([["№", "Наименование мероприятия", "федеральный бюджет, тыс. руб.", None, "областной бюджет, тыс. руб.",
       None],
      [None, None, "2024", "2025", "2024", "2025"],
      ["1", "Ремонт школы", "10", "20", "3", "4"]],
     ((0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 2), (0, 4, 1, 2)),
     [("federal", 2024, "10"), ("federal", 2025, "20"), ("regional", 2024, "3"), ("regional", 2025, "4")]),
])
def test_source_and_year_from_the_header_levels(rows, spans, expected) -> None:
    (m,) = extract_tables(one_table_doc(rows, spans, caption="План мероприятий")).measures
    assert [(f.source, f.year, f.amount) for f in m.funding] == [(s, y, Decimal(a)) for s, y, a in expected]


def test_base_year_beside_scenario_columns() -> None:
    rows = [["Показатель", "2019 г. (базовый)", "Консервативный сценарий", None, "Базовый сценарий", None],
            [None, None, "2024", "2030", "2024", "2030"],
            ["Уровень бедности, %", "17,4", "15,0", "12,5", "14,2", "10,0"]]
    spans = ((0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 2), (0, 4, 1, 2))
    doc = one_table_doc(rows, spans, caption="Показатели для консервативного и базового сценариев")
    (ind,) = extract_tables(doc).indicators
    assert [(v.year, v.kind, v.scenario) for v in ind.values] == [
        (2019, "base", None), (2024, None, "консервативный"), (2030, None, "консервативный"),
        (2024, None, "базовый"), (2030, None, "базовый")]


def test_years_named_with_a_scenario_each_stay_scenarios() -> None:
    rows = [["Показатель", "2030 (консервативный)", "2030 (базовый)"], ["Рост ВРП, %", "1,5", "2,5"]]
    (ind,) = extract_tables(one_table_doc(rows, caption="Целевые показатели")).indicators
    assert [(v.year, v.kind, v.scenario) for v in ind.values] == [
        (2030, None, "консервативный"), (2030, None, "базовый")]


def test_years_broken_down_under_an_item() -> None:
    rows = [["№", "Наименование мероприятия", "Всего", "областной бюджет"],
            ["1", "Ремонт школы", "300,0", "200,0"],
            ["", "в том числе по годам:", "", ""],
            ["", "2024 год", "100,0", "50,0"],
            ["", "2025 год", "200,0", "150,0"],
            ["2", "Ремонт сада", "40,0", ""]]
    ex = extract_tables(one_table_doc(rows, caption="План мероприятий (тыс. руб.)"))
    assert [(m.number, m.name) for m in ex.measures] == [("1", "Ремонт школы"), ("2", "Ремонт сада")]
    assert [(f.source, f.year, f.amount) for f in ex.measures[0].funding] == [
        ("total", None, Decimal("300.0")), ("regional", None, Decimal("200.0")),
        ("total", 2024, Decimal("100.0")), ("regional", 2024, Decimal("50.0")),
        ("total", 2025, Decimal("200.0")), ("regional", 2025, Decimal("150.0"))]


@pytest.mark.parametrize(("kind_header", "kinds"), [
    ("2024 (прогноз)", ["plan", "plan"]),
    ("2024 год (оценка)", ["estimate", "estimate"]),
    ("2024 год", [None, None]),
])
def test_scenario_sub_columns_keep_the_kind_of_their_year(kind_header: str, kinds: list) -> None:
    """«Базовый» and «Целевой» under one forecast year are scenarios, not kinds: the kind is the year's."""
    rows = [["№", "Наименование показателя", "Единица измерения", kind_header, None],
            [None, None, None, "Базовый", "Целевой"],
            ["1", "Объем инвестиций в основной капитал", "млн руб.", "21 300,0", "23 050,0"]]
    spans = ((0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 2, 1), (0, 3, 1, 2))
    (ind,) = extract_tables(one_table_doc(rows, spans, caption="Целевые показатели")).indicators
    assert [(v.year, v.value, v.kind, v.scenario) for v in ind.values] == [
        (2024, 21300.0, kinds[0], "базовый"), (2024, 23050.0, kinds[1], "целевой")]


def test_a_cost_column_before_its_sources_is_their_total_and_lends_its_unit() -> None:
    rows = [["№", "Наименование проекта", "Общая стоимость, млн рублей", "в том числе:", None],
            [None, None, None, "федеральный бюджет", "областной бюджет"],
            ["1", "Реконструкция набережной", "1 450,0", "900,0", "550,0"]]
    spans = ((0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 2, 1), (0, 3, 1, 2))
    (p,) = extract_tables(one_table_doc(rows, spans, caption="Перечень приоритетных проектов")).projects
    assert [(f.source, f.amount, f.unit, f.amount_rub) for f in p.funding] == [
        ("total", Decimal("1450.0"), "млн руб.", Decimal("1450000000")),
        ("federal", Decimal("900.0"), "млн руб.", Decimal("900000000")),
        ("regional", Decimal("550.0"), "млн руб.", Decimal("550000000"))]


def test_a_lone_cost_column_stays_unspecified() -> None:
    rows = [["№", "Наименование проекта", "Общая стоимость, млн рублей"],
            ["1", "Реконструкция набережной", "1 450,0"]]
    (p,) = extract_tables(one_table_doc(rows, caption="Перечень приоритетных проектов")).projects
    assert [(f.source, f.amount, f.unit) for f in p.funding] == [
        ("unspecified", Decimal("1450.0"), "млн руб.")]


def test_a_description_column_names_the_rows_before_a_target_indicator_column() -> None:
    rows = [["№", "Содержание мероприятия", "Ответственные за реализацию", "ОБ", "МБ",
             "Целевой показатель (индикатор)"],
            ["1", "Создание агропромышленного парка", "Департамент экономики", "95,5", "10,0",
             "Привлечено 5 резидентов"]]
    ex = extract_tables(one_table_doc(rows, caption="Комплекс мероприятий (млн. рублей)"))
    assert ex.indicators == []
    (m,) = ex.measures
    assert (m.number, m.name, m.responsible, m.expected_result) == (
        "1", "Создание агропромышленного парка", ["Департамент экономики"], "Привлечено 5 резидентов")
    assert [(f.source, f.amount, f.unit) for f in m.funding] == [
        ("regional", Decimal("95.5"), "млн руб."), ("municipal", Decimal("10.0"), "млн руб.")]


@pytest.mark.parametrize(("title", "section"), [
    ("1. Лесопромышленный комплекс", "Лесопромышленный комплекс"),
    ("Направление 2. Развитие транспортной инфраструктуры", "Развитие транспортной инфраструктуры"),
    ("III. Туризм", "Туризм"),
    ("Индустриальный парк «Индустрия-1»", "Индустриальный парк «Индустрия-1»"),
])
def test_a_section_row_is_named_without_its_number(title: str, section: str) -> None:
    rows = [["№", "Наименование инвестиционного проекта", "Срок реализации", "Объем инвестиций, млн руб."],
            [title, None, None, None],
            ["1", "Создание производства пеллет", "2025", "640,0"]]
    (p,) = extract_tables(one_table_doc(rows, ((1, 0, 1, 4),), caption="Перечень проектов")).projects
    assert (p.name, p.section) == ("Создание производства пеллет", section)


def test_block_index_finds_what_a_scan_finds() -> None:
    """Captions and the gaps between tables, found by bisection, are those a scan of every block finds."""
    from stratdoc.extract.tables.grid import BlockIndex, caption_of

    b = DocumentBuilder(id="t", source="t.docx", format=Format.DOCX)
    for k in range(6):
        for j in range(k % 3):
            b.add_block(BlockKind.PARAGRAPH, f"Абзац {k}.{j} перед таблицей")
        b.add_table(grid_cells([["Показатель", "2025"], [f"Строка {k}", "1,0"]]))
    doc = b.build()
    index = BlockIndex(doc.blocks)
    for t in doc.tables:
        before = [x for x in doc.blocks if x.end <= t.start]
        scanned: list[str] = []
        for x in reversed(before):
            if x.kind == BlockKind.TABLE or len(scanned) >= 3:
                break
            scanned.append(x.text)
        assert caption_of(index, t) == "\n".join(reversed(scanned))
    for prev, nxt in zip(doc.tables, doc.tables[1:], strict=False):
        scanned_gap = [x for x in doc.blocks if x.kind != BlockKind.TABLE and x.start >= prev.end
                       and x.end <= nxt.start]
        assert index.between(prev.end, nxt.start) == scanned_gap
