"""Build the six sample documents that `make demo` ingests, one per kind of file offices send.

The documents belong to an imaginary strategy of the city of Vologda: the city and region are
real so that place-name rules have something to find, while every act, number, person and
sentence is invented for these samples. Each file is shaped like a kind of document the
pipeline meets in the wild (a decree with merged table cells, a legal-database PDF export whose
plan table runs over pages, a saved news page, a cp1251 text from an old Windows tool, an Excel
report with a two-row header, a strategic session's slide deck), so the samples double as an
end-to-end check of the readers.

Output is reproducible byte for byte in one environment: document metadata carries fixed dates
and zip containers are rewritten with fixed member timestamps.

    python samples/make_samples.py [OUTDIR]      # default: the folder of this script
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from fpdf import FPDF

HERE = Path(__file__).resolve().parent

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/usr/local/share/fonts"), Path("/Library/Fonts"))
FONT_REGULAR = "DejaVuSans.ttf"
FONT_BOLD = "DejaVuSans-Bold.ttf"

ZIP_TIME = (2024, 1, 22, 10, 0, 0)  # member timestamp for every DOCX/XLSX zip entry

CITY_GEN = "города Вологды"  # genitive, as in «Администрация города Вологды»
ADMIN = f"Администрация {CITY_GEN}"
ADMIN_GEN = f"Администрации {CITY_GEN}"
STRATEGY = ("Стратегии социально-экономического развития городского округа города Вологды "
            "на период до 2035 года")
SAMPLE_NOTE = "Образец для stratdoc: город реальный, акты, лица и числа вымышлены."


def find_font(name: str) -> Path | None:
    """DejaVu ships with most Linux systems; fpdf2 needs a TTF for Cyrillic text."""
    for d in FONT_DIRS:
        if (d / name).is_file():
            return d / name
    return None


# ---------------------------------------------------------------------------------------------
# zip containers: fixed timestamps so that DOCX and XLSX bytes do not change between runs
# ---------------------------------------------------------------------------------------------

CORE_MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def zip_to_fixed_zip(data: bytes, modified: datetime,
                     patch: dict[str, Callable[[str], str]] | None = None) -> bytes:
    """Rewrite a zip with fixed member times, the core `modified` date, and optional XML patches.

    openpyxl stamps `modified` with the time of saving and both libraries stamp zip members
    with the wall clock; neither can be told otherwise.
    """
    patch = patch or {}
    stamp = modified.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = CORE_MODIFIED.sub(rf"\g<1>{stamp}\g<2>", blob.decode("utf-8")).encode("utf-8")
            if info.filename in patch:
                blob = patch[info.filename](blob.decode("utf-8")).encode("utf-8")
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, blob)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# DOCX: the decree approving the strategy
# ---------------------------------------------------------------------------------------------

DECREE_DATE = datetime(2022, 3, 14, 9, 30, tzinfo=UTC)
DECREE_AMENDED = datetime(2023, 10, 9, 15, 0, tzinfo=UTC)
DECREE_NUMBER_LINE = "от 14.03.2022 № 118-п"
DECREE_TITLE = f"Об утверждении {STRATEGY}"
DECREE_AMENDED_LINE = "(с изменениями на 9 октября 2023 года)"

DECREE_PREAMBLE = (
    "Руководствуясь Федеральным законом от 28 июня 2014 года № 172-ФЗ «О стратегическом "
    "планировании в Российской Федерации» и Уставом городского округа города Вологды, принимая "
    "во внимание итоги публичного обсуждения проекта Стратегии, ПОСТАНОВЛЯЮ:"
)
DECREE_CLAUSES = (
    "1. Утвердить прилагаемую Стратегию" + STRATEGY.removeprefix("Стратегии") + " (далее — Стратегия).",
    f"2. Органам {ADMIN_GEN} в трехмесячный срок разработать план мероприятий по реализации "
    "Стратегии на 2022 - 2024 годы.",
    f"3. Признать утратившим силу постановление {ADMIN_GEN} от 27.12.2016 № 1640 «Об утверждении "
    "Стратегии развития города Вологды на период до 2030 года».",
    f"4. Контроль за исполнением настоящего постановления возложить на заместителя Главы {CITY_GEN} "
    "по вопросам экономики и финансов.",
)
DECREE_SIGNATURE = f"Глава {CITY_GEN}\tА.Н. Мезенцев"

MISSION = ("Вологда — город, который бережно хранит наследие Русского Севера и охотно принимает "
           "новые технологии; здесь удобно жить, учиться, работать и растить детей.")
DIRECTIONS_INTRO = ("Миссия города достигается по четырем приоритетным направлениям, которые "
                    "образуют каркас Стратегии:")
# (direction paragraph, its sub-items) — printed as «1. …» with «- …» lines, as legal texts do
DIRECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("1. Кластер «Северное ремесло». Традиционные промыслы и креативные производства будут "
     "развиваться по следующим направлениям:",
     ("- кружевоплетение и художественная обработка льна;",
      "- резьба по бересте и дереву, северная чернь по серебру;",
      "- дизайн одежды и предметов интерьера на основе местных орнаментов.")),
    ("2. Кластер «Умное производство». Обрабатывающая промышленность будет обновляться в "
     "направлениях:",
     ("- станкостроение и выпуск оборудования для лесопромышленного комплекса;",
      "- пищевая промышленность (молочная продукция, переработка дикоросов);",
      "- подготовка инженерных кадров совместно с вузами города.")),
    ("3. Туристический кластер «Вологда — столица Русского Севера». Рост турпотока обеспечат:",
     ("- событийный туризм (фестивали, ярмарки, гастрономические праздники);",
      "- музейно-просветительский туризм;",
      "- речные прогулки и маршруты выходного дня.")),
    ("4. Комфортная городская среда. Качество городской среды повысится за счет следующих мер:",
     ("- благоустройство набережных и общественных пространств;",
      "- обновление общественного транспорта;",
      "- строительство школ и детских садов в новых микрорайонах.")),
)
INDICATORS_INTRO = ("Достижение целей Стратегии оценивается по целевым показателям, приведенным "
                    "в таблице 1.")
INDICATORS_OUTRO = ("Значения показателей на 2030 и 2035 годы уточняются при каждой корректировке "
                    "плана мероприятий.")

ECONOMY_UNIT = f"Управление экономического развития {ADMIN_GEN}"
INVEST_UNIT = f"Комитет по инвестициям и предпринимательству {ADMIN_GEN}"
# Table 1 of the decree: two header rows, goal rows across the whole width, and a responsible
# unit merged down over the two indicators it answers for.
DOCX_TABLE_COLS = 7
DOCX_HEADER = ("№ п/п", "Наименование показателя, ед. измерения", "Значение показателя по годам",
               "Ответственный исполнитель")
DOCX_YEARS = ("2021 (факт)", "2025", "2030", "2035")
DOCX_GOAL_1 = "Цель 1. Рост численности и качества жизни населения"
DOCX_GOAL_2 = "Цель 2. Устойчивый рост экономики города"
DOCX_INDICATORS = (
    ("1", "Численность постоянного населения (на конец года), тыс. чел.",
     ("310,2", "311,0", "314,5", "318,0")),
    ("2", "Ожидаемая продолжительность жизни при рождении, лет", ("70,8", "72,1", "75,0", "78,0")),
    ("3", "Объем инвестиций в основной капитал (без бюджетных средств), млн руб.",
     ("18 450,6", "21 300,0", "27 800,0", "35 200,0")),
)


def make_docx(out: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(12)

    def para(text: str, *, bold: bool = False, center: bool = False, style: str | None = None) -> None:
        p = doc.add_paragraph(style=style)
        run = p.add_run(text)
        run.bold = bold
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    para(ADMIN.upper(), bold=True, center=True)
    para("ПОСТАНОВЛЕНИЕ", style="Title", center=True)
    para(DECREE_NUMBER_LINE, center=True)
    para("г. Вологда", center=True)
    para(DECREE_TITLE, bold=True, center=True)
    para(DECREE_AMENDED_LINE, center=True)
    para(DECREE_PREAMBLE)
    for clause in DECREE_CLAUSES:
        para(clause)
    para(DECREE_SIGNATURE)

    doc.add_page_break()
    para(f"УТВЕРЖДЕНА постановлением {ADMIN_GEN} {DECREE_NUMBER_LINE}")
    doc.add_heading("Стратегия" + STRATEGY.removeprefix("Стратегии"), level=1)
    doc.add_heading("Миссия города", level=2)
    para(MISSION)
    doc.add_heading("Приоритетные направления развития", level=2)
    para(DIRECTIONS_INTRO)
    for head, items in DIRECTIONS:
        para(head)
        for item in items:
            para(item)
    doc.add_heading("Целевые показатели Стратегии", level=2)
    para(INDICATORS_INTRO)
    para("Таблица 1")
    docx_indicator_table(doc)
    para(INDICATORS_OUTRO)

    props = doc.core_properties
    props.title = DECREE_TITLE
    props.author = ADMIN
    props.last_modified_by = ADMIN
    props.comments = SAMPLE_NOTE
    props.created = DECREE_DATE.replace(tzinfo=None)
    props.modified = DECREE_AMENDED.replace(tzinfo=None)
    props.revision = 3
    buf = io.BytesIO()
    doc.save(buf)
    path = out / "postanovlenie-strategiya.docx"
    path.write_bytes(zip_to_fixed_zip(buf.getvalue(), DECREE_AMENDED))
    return path


def docx_indicator_table(doc: DocxDocument) -> None:
    rows = 2 + 1 + 2 + 1 + 1
    table = doc.add_table(rows=rows, cols=DOCX_TABLE_COLS)
    table.style = "Table Grid"
    # header: №, name and responsible span both header rows; the years sit under one merged title
    for col, text in ((0, DOCX_HEADER[0]), (1, DOCX_HEADER[1]), (6, DOCX_HEADER[3])):
        table.cell(0, col).merge(table.cell(1, col)).text = text
    table.cell(0, 2).merge(table.cell(0, 5)).text = DOCX_HEADER[2]
    for k, year in enumerate(DOCX_YEARS):
        table.cell(1, 2 + k).text = year
    last = DOCX_TABLE_COLS - 1
    table.cell(2, 0).merge(table.cell(2, last)).text = DOCX_GOAL_1
    table.cell(5, 0).merge(table.cell(5, last)).text = DOCX_GOAL_2
    for row, (number, name, values) in zip((3, 4, 6), DOCX_INDICATORS, strict=True):
        table.cell(row, 0).text = number
        table.cell(row, 1).text = name
        for k, value in enumerate(values):
            table.cell(row, 2 + k).text = value
    table.cell(3, 6).merge(table.cell(4, 6)).text = ECONOMY_UNIT
    table.cell(6, 6).text = INVEST_UNIT


# ---------------------------------------------------------------------------------------------
# PDF: the action plan as a legal-database export, its table running over two pages
# ---------------------------------------------------------------------------------------------

PLAN_DATE = datetime(2023, 11, 3, 12, 0, tzinfo=UTC)  # when the "database" exported the file
PLAN_ACT = "от 20.06.2022 № 905-п"
PLAN_RUNNING_HEADER = (f"Постановление {ADMIN_GEN} {PLAN_ACT} «Об утверждении плана мероприятий на "
                       "2022 - 2024 годы по реализации Стратегии…»")
PLAN_APPENDIX = ("Приложение", f"к постановлению {ADMIN_GEN}", PLAN_ACT)
PLAN_TITLE = ("ПЛАН МЕРОПРИЯТИЙ", f"на 2022 - 2024 годы по реализации {STRATEGY}")
PLAN_PARAGRAPHS = (
    "План мероприятий конкретизирует цели Стратегии на втором этапе ее реализации: для каждого "
    "мероприятия указаны источники и объемы финансирования, ответственный исполнитель и ожидаемый "
    "результат.",
    "Объемы финансирования приведены в миллионах рублей в ценах соответствующих лет и ежегодно "
    "уточняются при формировании бюджета города Вологды на очередной финансовый год.",
)
# The plan ends with a section on page 3; legal-database exports run to several pages, and a
# header repeated on three pages is what tells a reader it is page furniture.
PLAN_CLOSING_HEADING = "Порядок мониторинга и корректировки плана"
PLAN_CLOSING = (
    "Мониторинг выполнения плана проводит Управление экономического развития Администрации города "
    "Вологды по итогам каждого полугодия. Исполнители направляют сведения о ходе выполнения "
    "мероприятий до 15 числа месяца, следующего за отчетным периодом.",
    "Мероприятия, по которым финансирование не определено, рассматриваются при подготовке проекта "
    "бюджета города на очередной финансовый год и плановый период.",
    "Корректировка плана проводится не реже одного раза в год по результатам мониторинга и с учетом "
    "изменения объемов финансирования из федерального и областного бюджетов.",
)
PLAN_SIGNATURE = f"Начальник Управления экономического развития {ADMIN_GEN}    Е.В. Круглова"
PLAN_YEARS = ("2022", "2023", "2024")
PLAN_HEADER = ("№ п/п", "Наименование мероприятия", "Источники финансирования (млн руб.)",
               "Ответственный исполнитель", "Ожидаемый результат")
BUILD_UNIT = f"Управление капитального строительства и ремонтов {ADMIN_GEN}"
CITY_ECONOMY_UNIT = f"Департамент городского хозяйства {ADMIN_GEN}"
NO_FUNDING = "Финансирование не определено"
# A goal row is a 1-tuple; a measure row: number, name, funding per year, responsible, result.
PLAN_ROWS: tuple[tuple[str, ...], ...] = (
    ("Цель 1. Развитие человеческого потенциала и повышение качества жизни населения",),
    ("1", "Строительство средней общеобразовательной школы на 1100 мест в микрорайоне Тепличный",
     "Федеральный бюджет 410,0\nОбластной бюджет 214,6\nБюджет МО 11,3",
     "Федеральный бюджет 202,4\nОбластной бюджет 104,3\nБюджет МО 5,5", "-",
     BUILD_UNIT, "Ввод 1100 мест в общеобразовательных организациях в 2024 году"),
    ("2", "Создание дополнительных мест в детских садах за счет реконструкции зданий",
     "Областной бюджет 96,2\nБюджет МО 10,7", "Областной бюджет 88,0\nБюджет МО 9,8", NO_FUNDING,
     f"Управление образования {ADMIN_GEN}", "Не менее 450 новых мест для детей от 1,5 до 3 лет"),
    ("3", "Адресная поддержка семей с детьми, оказавшихся в трудной жизненной ситуации",
     "Бюджет МО 24,5", "Бюджет МО 25,1", "Бюджет МО 25,8",
     f"Управление социальной защиты населения {ADMIN_GEN}",
     "Поддержка не менее 1 800 семей ежегодно"),
    ("4", "Городской молодежный форум и конкурс стартапов «Вологда-Старт»",
     "Бюджет МО 3,2", "Бюджет МО 3,4", "Бюджет МО 3,6", f"Отдел по делам молодежи {ADMIN_GEN}",
     "Не менее 25 поддержанных молодежных проектов в год"),
    ("5", "Модернизация спортивных площадок при общеобразовательных организациях",
     "Областной бюджет 18,4\nБюджет МО 2,1", "Бюджет МО 6,0", NO_FUNDING,
     f"Комитет по физической культуре и спорту {ADMIN_GEN}", "Обновление 12 школьных площадок"),
    ("Цель 2. Формирование комфортной и безопасной городской среды",),
    ("6", "Благоустройство набережной реки Вологды на участке от Красного моста до Каменного моста",
     "Федеральный бюджет 145,0\nОбластной бюджет 12,6\nБюджет МО 4,1", "Бюджет МО 38,7", "-",
     CITY_ECONOMY_UNIT, "Благоустроено 2,4 км береговой линии"),
    ("7", "Обновление подвижного состава муниципального автобусного парка",
     "Областной бюджет 180,0\nВнебюджетные средства 60,0", "Областной бюджет 120,0",
     "Внебюджетные средства 75,5", CITY_ECONOMY_UNIT, "Приобретение 48 автобусов на газомоторном топливе"),
    ("8", "Ремонт дворовых территорий многоквартирных домов",
     "Федеральный бюджет 52,3\nБюджет МО 2,8", "Федеральный бюджет 54,1\nБюджет МО 2,9",
     "Федеральный бюджет 55,0\nБюджет МО 3,0", CITY_ECONOMY_UNIT, "Ремонт не менее 60 дворов в год"),
    ("9", "Переселение граждан из аварийного жилищного фонда",
     "Областной бюджет 276,5\nБюджет МО 14,6", "Областной бюджет 301,2\nБюджет МО 15,9", NO_FUNDING,
     f"Управление жилищной политики {ADMIN_GEN}", "Расселение 21,5 тыс. кв. м аварийного жилья"),
    ("Цель 3. Развитие экономики, туризма и креативных индустрий",),
    ("10", "Туристско-информационный центр и единая система навигации в историческом центре",
     "Бюджет МО 7,5", "Бюджет МО 4,0", "Бюджет МО 2,0", f"Управление по туризму {ADMIN_GEN}",
     "Рост турпотока до 650 тыс. человек в год"),
    ("11", "Гранты субъектам малого и среднего предпринимательства в сфере народных промыслов",
     "Областной бюджет 9,0\nБюджет МО 1,0", "Областной бюджет 9,0\nБюджет МО 1,0",
     "Областной бюджет 9,0\nБюджет МО 1,0", ECONOMY_UNIT, "Не менее 40 получателей грантов за период"),
    ("12", "Подготовка инвестиционных площадок индустриального парка «Северный»",
     "Внебюджетные средства 230,0", "Внебюджетные средства 410,0", NO_FUNDING, INVEST_UNIT,
     "Размещение 5 новых резидентов"),
)
PLAN_COL_WIDTHS = (11, 61, 36, 36, 36, 44, 48)  # mm, landscape A4 less 12.5 mm margins


def indented_paragraphs(pdf: FPDF, texts: tuple[str, ...]) -> None:
    """Justified paragraphs with a first-line indent, as Russian legal texts are typeset."""
    with pdf.text_columns(text_align="J", line_height=1.2) as columns:
        for text in texts:
            with columns.paragraph(first_line_indent=10, bottom_margin=1.5) as paragraph:
                paragraph.write(text)


def make_pdf(out: Path) -> Path:
    from fpdf import FPDF
    from fpdf.enums import TableHeadingsDisplay
    from fpdf.fonts import FontFace

    regular = find_font(FONT_REGULAR)
    if regular is None:
        raise SystemExit(f"make_samples: {FONT_REGULAR} not found in {', '.join(map(str, FONT_DIRS))}")
    bold = find_font(FONT_BOLD)

    class ExportPdf(FPDF):
        """Header and page number on every page, as legal-database exports print them."""

        def header(self) -> None:
            self.set_font("dejavu", size=7)
            self.set_text_color(90)
            self.cell(0, 4, PLAN_RUNNING_HEADER, align="L")
            self.ln(8)
            self.set_text_color(0)

        def footer(self) -> None:
            self.set_y(-11)
            self.set_font("dejavu", size=7)
            self.set_text_color(90)
            self.cell(0, 4, f"Страница {self.page_no()} из {{nb}}", align="R")
            self.set_text_color(0)

    pdf = ExportPdf(orientation="L", unit="mm", format="A4")
    pdf.set_margins(12.5, 10, 12.5)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("dejavu", "", str(regular))
    pdf.add_font("dejavu", "B", str(bold or regular))
    pdf.set_title(" ".join(PLAN_TITLE))
    pdf.set_author(ADMIN)
    pdf.set_subject(SAMPLE_NOTE)
    pdf.set_creator("Электронный фонд правовых документов (образец)")
    pdf.set_creation_date(PLAN_DATE)
    pdf.add_page()

    pdf.set_font("dejavu", size=10)
    for line in PLAN_APPENDIX:
        pdf.cell(0, 5, line, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("dejavu", "B", 12)
    pdf.cell(0, 6, PLAN_TITLE[0], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dejavu", "B", 11)
    pdf.multi_cell(0, 5.5, PLAN_TITLE[1], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("dejavu", size=10)
    indented_paragraphs(pdf, PLAN_PARAGRAPHS)
    pdf.ln(2)

    pdf.set_font("dejavu", size=8)
    with pdf.table(col_widths=PLAN_COL_WIDTHS, width=sum(PLAN_COL_WIDTHS), num_heading_rows=2,
                   repeat_headings=TableHeadingsDisplay.ON_TOP_OF_EVERY_PAGE, text_align="LEFT",
                   headings_style=FontFace(emphasis="BOLD"), line_height=3.8, padding=1,
                   v_align="TOP") as table:
        head = table.row()
        head.cell(PLAN_HEADER[0], rowspan=2, align="C")
        head.cell(PLAN_HEADER[1], rowspan=2, align="C")
        head.cell(PLAN_HEADER[2], colspan=3, align="C")
        head.cell(PLAN_HEADER[3], rowspan=2, align="C")
        head.cell(PLAN_HEADER[4], rowspan=2, align="C")
        years = table.row()
        for year in PLAN_YEARS:
            years.cell(year, align="C")
        for row_data in PLAN_ROWS:
            row = table.row()
            if len(row_data) == 1:
                row.cell(row_data[0], colspan=len(PLAN_COL_WIDTHS), style=FontFace(emphasis="BOLD"))
                continue
            for text in row_data:
                row.cell(text)
    pdf.add_page()
    pdf.set_font("dejavu", "B", 11)
    pdf.cell(0, 6, PLAN_CLOSING_HEADING, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("dejavu", size=10)
    indented_paragraphs(pdf, PLAN_CLOSING)
    pdf.ln(8)
    pdf.cell(0, 5, PLAN_SIGNATURE, new_x="LMARGIN", new_y="NEXT")

    path = out / "plan-meropriyatiy.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


# ---------------------------------------------------------------------------------------------
# HTML: a saved page of a city news site reporting a strategic session
# ---------------------------------------------------------------------------------------------

NEWS_SITE = "Городской вестник Вологды"
NEWS_TITLE = "В Вологде обсудили, какими проектами наполнить Стратегию-2035"
NEWS_PUBLISHED = "2022-11-25T16:40:00+03:00"
NEWS_PAGE = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>{title} — {site}</title>
<meta name="description" content="Стратегическая сессия 23-24 ноября: участники предложили проекты для плана
мероприятий Стратегии социально-экономического развития Вологды до 2035 года.">
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}">
<meta property="article:section" content="Экономика">
<link rel="stylesheet" href="/static/css/main.css">
</head>
<body>
<div class="topbar">
  <div class="today">Сегодня: пятница, 2 декабря 2022 года</div>
  <div class="weather">Вологда, −7 °C, облачно</div>
</div>
<header class="banner">
  <a class="logo" href="/">{site}</a>
  <p class="slogan">Новости города и области каждый день</p>
</header>
<nav class="menu">
  <ul>
    <li><a href="/">Главная</a></li>
    <li><a href="/news/">Новости</a></li>
    <li><a href="/economy/">Экономика</a></li>
    <li><a href="/city/">Городская среда</a></li>
    <li><a href="/culture/">Культура</a></li>
    <li><a href="/contacts/">Контакты</a></li>
  </ul>
</nav>
<main>
<article class="news-item">
  <h1>{title}</h1>
  <div class="meta"><time datetime="{published}">25 ноября 2022, 16:40</time>
    · <a href="/economy/">Экономика</a> · 1 254 просмотра</div>
  <p class="lead">23-24 ноября в Вологде прошла стратегическая сессия, посвященная обновлению
  плана мероприятий по реализации Стратегии социально-экономического развития города на период
  до 2035 года.</p>
  <p>Два дня в конференц-зале Вологодского государственного университета работали около
  120 участников: сотрудники Администрации города Вологды, депутаты Вологодской городской Думы,
  предприниматели, представители некоммерческих организаций и студенты.</p>
  <p>Открывая сессию, заместитель Главы города Вологды по вопросам экономики и финансов Марина
  Лебедева напомнила, что действующий план мероприятий рассчитан до 2024 года и часть его задач
  уже требует пересмотра. «Мы хотим, чтобы в новый план вошли проекты, за которые готовы взяться
  не только чиновники, но и сами горожане», — подчеркнула она.</p>
  <p>Начальник Управления стратегического планирования Администрации города Вологды Игорь Соколов
  представил итоги мониторинга: из 38 мероприятий плана 24 выполняются в срок, по 9 есть
  отставание, еще 5 пока не обеспечены финансированием.</p>
  <p>Участники работали в четырех группах — «Человеческий капитал», «Городская среда»,
  «Экономика и туризм» и «Цифровой город». По итогам сессии группы предложили проекты
  «Кружевной квартал», «Зеленое кольцо Вологды», «Речной трамвай» и «Школа городских
  предпринимателей». Самым проработанным эксперты назвали «Кружевной квартал»: пешеходную зону
  с мастерскими и выставочными пространствами вокруг музея кружева.</p>
  <p>Модератором сессии выступил директор автономной некоммерческой организации «Центр городских
  исследований» Алексей Воронин. По его словам, сильная сторона вологодских команд — готовность
  считать деньги: почти каждый проект пришел на защиту с оценкой затрат и источников
  финансирования.</p>
  <p>Предложения участников обобщат до 20 декабря, после чего их рассмотрит Совет по
  стратегическому развитию при Главе города Вологды.</p>
</article>
<aside class="related">
  <h2>Читайте также</h2>
  <ul>
    <li><a href="/news/1201/">На Октябрьской улице завершили ремонт тротуаров</a> <span>24.11.2022</span></li>
    <li><a href="/news/1198/">Городская библиотека открыла зал настольных игр</a> <span>23.11.2022</span></li>
    <li><a href="/news/1190/">Автобус № 18 изменит маршрут на время ремонта</a> <span>21.11.2022</span></li>
  </ul>
</aside>
</main>
<footer>
  <p>© 2010–2022 {site}. При использовании материалов ссылка на сайт обязательна.</p>
  <p>Редакция: ул. Примерная, 1, Вологда. Телефон редакции: +7 (8172) 00-00-00.</p>
  <p class="note">{note}</p>
</footer>
</body>
</html>
"""


def make_html(out: Path) -> Path:
    page = NEWS_PAGE.format(title=NEWS_TITLE, site=NEWS_SITE, published=NEWS_PUBLISHED, note=SAMPLE_NOTE)
    path = out / "novosti-sessiya.html"
    path.write_bytes(page.encode("utf-8"))
    return path


# ---------------------------------------------------------------------------------------------
# TXT: a cp1251 plan from an old Windows tool, its table tab-separated, CRLF line ends
# ---------------------------------------------------------------------------------------------

TXT_TITLE = "План мероприятий на 2023 - 2025 годы по развитию туризма и креативных индустрий в городе Вологде"
TOURISM_UNIT = f"Управление по туризму {ADMIN_GEN}"
TXT_LINES: tuple[str, ...] = (
    TXT_TITLE,
    "",
    f"Приложение 2 к постановлению {ADMIN_GEN} от 15.02.2023 № 214-п",
    "",
    f"Мероприятия плана направлены на достижение цели 3 {STRATEGY} «Развитие экономики, туризма и "
    "креативных индустрий». Объёмы финансирования указаны в млн руб.",
    "",
    "№ п/п\tНаименование мероприятия\tИсточники финансирования (млн руб.)\t\t\t"
    "Ответственный исполнитель\tОжидаемый результат",
    "\t\t2023\t2024\t2025\t\t",
    "Цель 3. Развитие экономики, туризма и креативных индустрий\t\t\t\t\t\t",
    "1\tЕжегодный фестиваль «Кружевная ярмарка»\tБюджет МО 4,8\tБюджет МО 5,0\tБюджет МО 5,2\t"
    f"Управление культуры и историко-культурного наследия {ADMIN_GEN}\t"
    "Не менее 35 тыс. посетителей фестиваля ежегодно",
    "2\tПешеходный маршрут «Вологда деревянная» с дополненной реальностью\t"
    f"Областной бюджет 2,6 Бюджет МО 0,4\tБюджет МО 0,9\t{NO_FUNDING}\t{TOURISM_UNIT}\t"
    "Запуск маршрута протяжённостью 6 км",
    "3\tКоворкинг для ремесленников и дизайнеров в здании бывшего льнозавода\t"
    f"Внебюджетные средства 18,0\tВнебюджетные средства 7,5\t-\t{ECONOMY_UNIT}\t"
    "40 рабочих мест для резидентов",
    "4\tОбучение и аттестация гидов-экскурсоводов\tОбластной бюджет 1,2\tОбластной бюджет 1,2\t"
    f"Областной бюджет 1,2\t{TOURISM_UNIT}\tАттестация 60 гидов к 2025 году",
    "",
    "Исполнители ежеквартально, до 10 числа месяца, следующего за отчётным кварталом, направляют "
    "сведения о ходе выполнения мероприятий в Управление экономического развития.",
)


def make_txt(out: Path) -> Path:
    path = out / "plan-cp1251.txt"
    path.write_bytes(("\r\n".join(TXT_LINES) + "\r\n").encode("cp1251"))
    return path


# ---------------------------------------------------------------------------------------------
# XLSX: a yearly report on the plan of social infrastructure objects
# ---------------------------------------------------------------------------------------------

REPORT_DATE = datetime(2024, 1, 22, 10, 0, tzinfo=UTC)
REPORT_SHEET = "План 2022-2024"
REPORT_TITLE = ("ОТЧЕТ о ходе реализации Плана создания объектов социальной инфраструктуры "
                "городского округа города Вологды на 2022-2024 годы за 2023 год")
REPORT_AS_OF = "по состоянию на 01.01.2024"
REPORT_FUNDING = "Объем финансирования, тыс. руб."
REPORT_SOURCES = ("всего", "федеральный бюджет", "областной бюджет", "местный бюджет",
                  "внебюджетные средства")
REPORT_HEADER = ("№ п/п", "Наименование объекта", "Вид работ", "Заказчик", "Сроки реализации",
                 "Мощность объекта")
REPORT_READY = "Степень готовности"
CULTURE_UNIT = f"Управление культуры и историко-культурного наследия {ADMIN_GEN}"
# A section row is a 1-tuple; an object row: number, name, works, customer, period, capacity,
# (federal, regional, municipal, extrabudgetary) in thousand roubles, readiness.
REPORT_ROWS: tuple[tuple, ...] = (
    ("1. Объекты образования",),
    ("1.1", "Средняя общеобразовательная школа на 1100 мест в микрорайоне Тепличный", "Строительство",
     BUILD_UNIT, "2022-2024 гг.", "1100 мест", (612400.0, 318950.6, 16787.0, 0.0), "78 %"),
    ("1.2", "Детский сад на 280 мест по ул. Северной", "Строительство", BUILD_UNIT, "2022-2023 гг.",
     "280 мест", (0.0, 241530.2, 12712.1, 0.0), "100 %, объект введен в эксплуатацию 28.08.2023"),
    ("1.3", "Здание средней школы № 17", "Капитальный ремонт", f"Управление образования {ADMIN_GEN}",
     "2023-2024 гг.", "600 мест", (0.0, 86400.0, 4547.4, 0.0), "45 %"),
    ("2. Объекты культуры и спорта",),
    ("2.1", "Физкультурно-оздоровительный комплекс с плавательным бассейном в микрорайоне Бывалово",
     "Строительство", BUILD_UNIT, "2022-2024 гг.", "бассейн 25 м, 6 дорожек",
     (0.0, 198000.0, 22000.0, 0.0), "30 %"),
    ("2.2", "Модельная муниципальная библиотека по ул. Ярославской", "Капитальный ремонт", CULTURE_UNIT,
     "2024 г.", "30 тыс. экз.", (10000.0, 2500.0, 1250.0, 0.0), "Реализация предусмотрена с 2024 г."),
)
REPORT_FIRST_ROW = 4  # header rows 4-5, body from 6
REPORT_MONEY = "#,##0.0"


def report_layout() -> tuple[list[tuple[int, tuple]], int]:
    """Sheet row of every body row, and the row of the «Итого» line."""
    rows = [(REPORT_FIRST_ROW + 2 + i, data) for i, data in enumerate(REPORT_ROWS)]
    return rows, rows[-1][0] + 1


def report_cached_values() -> dict[str, float]:
    """Values Excel would have cached for the formula cells, keyed by cell reference."""
    rows, total_row = report_layout()
    cached: dict[str, float] = {}
    totals = [0.0] * 5
    for r, data in rows:
        if len(data) == 1:
            continue
        amounts = data[6]
        cached[f"G{r}"] = round(sum(amounts), 1)
        for k, v in enumerate((cached[f"G{r}"], *amounts)):
            totals[k] = round(totals[k] + v, 1)
    for k, col in enumerate("GHIJK"):
        cached[f"{col}{total_row}"] = totals[k]
    return cached


def formula_cells_with_values(cached: dict[str, float]) -> Callable[[str], str]:
    """Patch sheet XML so formula cells carry cached results, as files saved by Excel do.

    openpyxl writes formulas with empty values, and a reader opening the book with
    `data_only=True` would see blanks where a person sees totals.
    """
    def patch(xml: str) -> str:
        def fill(m: re.Match[str]) -> str:
            ref = m.group(2)
            if ref not in cached:
                return m.group(0)
            return f"{m.group(1)}<f>{m.group(3)}</f><v>{cached[ref]!r}</v></c>"
        return re.sub(r'(<c r="([A-Z]+\d+)"[^>]*>)<f>([^<]*)</f><v\s*/?>(?:</v>)?</c>', fill, xml)
    return patch


def make_xlsx(out: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = REPORT_SHEET
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    head_align = Alignment(wrap_text=True, horizontal="center", vertical="center")
    last_col = 12  # L

    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    ws.cell(1, 1, REPORT_TITLE).font = Font(bold=True)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    ws.cell(2, 1, REPORT_AS_OF)

    h = REPORT_FIRST_ROW
    for col, text in enumerate(REPORT_HEADER, start=1):
        ws.merge_cells(start_row=h, start_column=col, end_row=h + 1, end_column=col)
        ws.cell(h, col, text)
    ws.merge_cells(start_row=h, start_column=7, end_row=h, end_column=11)
    ws.cell(h, 7, REPORT_FUNDING)
    for k, text in enumerate(REPORT_SOURCES):
        ws.cell(h + 1, 7 + k, text)
    ws.merge_cells(start_row=h, start_column=last_col, end_row=h + 1, end_column=last_col)
    ws.cell(h, last_col, REPORT_READY)

    rows, total_row = report_layout()
    for r, data in rows:
        if len(data) == 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last_col)
            ws.cell(r, 1, data[0]).font = Font(bold=True)
            continue
        number, name, works, customer, period, capacity, amounts, ready = data
        for col, value in enumerate((number, name, works, customer, period, capacity), start=1):
            ws.cell(r, col, value)
        ws.cell(r, 7, f"=SUM(H{r}:K{r})")
        for k, amount in enumerate(amounts):
            ws.cell(r, 8 + k, amount)
        ws.cell(r, last_col, ready)
    ws.merge_cells(start_row=total_row, start_column=1, end_row=total_row, end_column=6)
    ws.cell(total_row, 1, "Итого").font = Font(bold=True)
    first_body = rows[0][0]
    for col in "GHIJK":
        ws[f"{col}{total_row}"] = f"=SUM({col}{first_body}:{col}{total_row - 1})"

    for row in ws.iter_rows(min_row=h, max_row=total_row, max_col=last_col):
        for cell in row:
            cell.border = box
            cell.alignment = head_align if cell.row < h + 2 else wrap
            if cell.column >= 7 and cell.column <= 11 and cell.row >= h + 2:
                cell.number_format = REPORT_MONEY
    for col, width in zip("ABCDEFGHIJKL", (6, 40, 16, 34, 13, 16, 14, 14, 14, 13, 13, 22), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = f"A{h + 2}"

    wb.properties.creator = ADMIN
    wb.properties.lastModifiedBy = ADMIN
    wb.properties.title = REPORT_TITLE
    wb.properties.description = SAMPLE_NOTE
    wb.properties.created = REPORT_DATE.replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    sheet = "xl/worksheets/sheet1.xml"
    data = zip_to_fixed_zip(buf.getvalue(), REPORT_DATE,
                            patch={sheet: formula_cells_with_values(report_cached_values())})
    path = out / "otchet-plan.xlsx"
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------------------------
# PPTX: the deck shown at the strategic session the news page reports on
# ---------------------------------------------------------------------------------------------

SESSION_DATE = datetime(2022, 11, 22, 18, 0, tzinfo=UTC)
SESSION_TITLE = "Стратегическая сессия «Вологда-2035: город мастеров»"
SESSION_SUBTITLE = "Вологодский государственный университет, 23-24 ноября 2022 года"
SESSION_AGENDA = (
    "Итоги первого этапа реализации Стратегии",
    "Работа в группах по приоритетным направлениям",
    "Защита проектных предложений",
)
SESSION_DIRECTIONS = (
    "Кластер «Северное ремесло»",
    "Кластер «Умное производство»",
    "Туристический кластер «Вологда — столица Русского Севера»",
    "Комфортная городская среда",
)
SESSION_MODERATOR = "Модератор: Игорь Соколов, начальник Управления стратегического планирования"
SESSION_INDICATOR_CAPTION = "Целевые ориентиры, обсуждаемые на сессии"
SESSION_INDICATORS = (
    ("Наименование показателя", "Единица измерения", "2021 (факт)", "2030", "2035"),
    ("Турпоток в город", "тыс. чел.", "640,0", "900,0", "1 200,0"),
    ("Число субъектов креативных индустрий", "единиц", "410", "620", "800"),
)
SESSION_PROJECTS = ("«Кружевной квартал»", "«Зеленое кольцо Вологды»", "«Речной трамвай»",
                    "«Школа городских предпринимателей»")


def make_pptx(out: Path) -> Path:
    from pptx import Presentation
    from pptx.util import Cm

    prs = Presentation()
    title_layout, bullets_layout, title_only = (prs.slide_layouts[i] for i in (0, 1, 5))

    def bullets(title: str, items: tuple[str, ...]) -> None:
        slide = prs.slides.add_slide(bullets_layout)
        slide.shapes.title.text = title
        frame = slide.placeholders[1].text_frame
        frame.text = items[0]
        for item in items[1:]:
            frame.add_paragraph().text = item

    first = prs.slides.add_slide(title_layout)
    first.shapes.title.text = SESSION_TITLE
    first.placeholders[1].text = SESSION_SUBTITLE
    bullets("Повестка сессии", SESSION_AGENDA)
    bullets("Приоритетные направления развития", SESSION_DIRECTIONS)
    # a moderator's note drawn as a free text box under the bullets, as decks often add one
    prs.slides[-1].shapes.add_textbox(Cm(2), Cm(17), Cm(21), Cm(1.5)).text_frame.text = SESSION_MODERATOR

    slide = prs.slides.add_slide(title_only)
    slide.shapes.title.text = "Целевые показатели"
    n_rows, n_cols = len(SESSION_INDICATORS) + 1, len(SESSION_INDICATORS[0])
    table = slide.shapes.add_table(n_rows, n_cols, Cm(1), Cm(4), Cm(23), Cm(8)).table
    table.cell(0, 0).merge(table.cell(0, n_cols - 1))
    table.cell(0, 0).text = SESSION_INDICATOR_CAPTION
    for r, values in enumerate(SESSION_INDICATORS, start=1):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    bullets("Проектные предложения участников", SESSION_PROJECTS)
    slide.notes_slide.notes_text_frame.text = "Цифры уточнить после сессии."  # speaker notes: not read

    props = prs.core_properties
    props.title = SESSION_TITLE
    props.author = ADMIN
    props.last_modified_by = ADMIN
    props.comments = SAMPLE_NOTE
    props.created = SESSION_DATE.replace(tzinfo=None)
    props.modified = SESSION_DATE.replace(tzinfo=None)
    props.revision = 1
    buf = io.BytesIO()
    prs.save(buf)
    path = out / "sessiya-prezentaciya.pptx"
    path.write_bytes(zip_to_fixed_zip(buf.getvalue(), SESSION_DATE))
    return path


# ---------------------------------------------------------------------------------------------

MAKERS: tuple[Callable[[Path], Path], ...] = (make_docx, make_pdf, make_html, make_txt, make_xlsx,
                                              make_pptx)


def make_all(out: Path = HERE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return [make(out) for make in MAKERS]


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    for path in make_all(out):
        print(f"{path}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
