"""Documents of tests/data/decl in other formats: a DOCX twin of each TXT document, and two
documents that exist only as built files (a PDF whose member list stands in two columns, a DOCX
whose members are a table with the name over two lines of a cell).

A DOCX twin has one paragraph per line; lines joined by « | » become a table; a group of lines
whose first line holds a tab (a two-column member list typed with tabs: «Фамилия⇥- должность» over
«Имя Отчество⇥продолжение») becomes one table row, the name's lines in the first cell, the
position's lines in the second, as a member list is laid out in Word.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests import office_factory as of
from tests.pdf_factory import LEADING, LEFT, PARA_GAP, Sheet

DECL = Path(__file__).parent / "data" / "decl"


# DOCX twins of the TXT documents ----------------------------------------------------------------
def _groups(text: str) -> list[list[str]]:
    """Runs of non-empty lines."""
    out: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [g for g in out if g]


def docx_from_text(text: str) -> bytes:
    items: list[str] = []
    rows: list[str] = []
    width = 0

    def flush() -> None:
        nonlocal rows, width
        if rows:
            items.append(of.table(*rows, grid=width))
        rows, width = [], 0

    for group in _groups(text):
        if "\t" in group[0]:
            left = [ln.split("\t", 1)[0].strip() for ln in group]
            right = [ln.split("\t", 1)[1].strip() for ln in group if "\t" in ln]
            rows.append(of.row(of.cell([of.para(t) for t in left]), of.cell([of.para(t) for t in right])))
            width = max(width, 2)
            continue
        for line in group:
            if " | " in line:
                cells = [c.strip() for c in line.split(" | ")]
                rows.append(of.row(*(of.cell(c) for c in cells)))
                width = max(width, len(cells))
            else:
                flush()
                items.append(of.para(line.strip()))
        if not any(" | " in ln for ln in group):
            flush()
    flush()
    return of.docx_bytes(*items)


# documents that exist only as built files -------------------------------------------------------
COMMITTEE_HEAD = [
    "ПРАВИТЕЛЬСТВО КЕДРОВСКОЙ ОБЛАСТИ",
    "РАСПОРЯЖЕНИЕ от 11 октября 2022 г. № 640-рп",
    "О ПРОЕКТНОМ КОМИТЕТЕ ПО ИНВЕСТИЦИОННОМУ РАЗВИТИЮ КЕДРОВСКОЙ ОБЛАСТИ",
]
COMMITTEE_BODY = [
    ["В соответствии с распоряжением Правительства Российской Федерации от 31 января",
     "2017 г. № 147-р, постановлением Правительства Кедровской области от 8 июня 2016 г.",
     "№ 301-пп «О стратегическом планировании в Кедровской области»:"],
    ["1. Образовать проектный комитет по инвестиционному развитию Кедровской области и",
     "утвердить его состав."],
    ["2. Распоряжение вступает в силу со дня его подписания."],
]
COMMITTEE_SIGNATURE = "Председатель Правительства Кедровской области                    С.Л. Кузьмин"
COMMITTEE_STAMP = ["Утвержден распоряжением Правительства Кедровской области",
                   "от 11 октября 2022 г. № 640-рп"]
# (name column lines, position column lines) of each member
COMMITTEE_MEMBERS = [
    (["Кузьмин", "Сергей Львович"],
     ["- Председатель Правительства Кедровской области -",
      "первый заместитель Губернатора Кедровской области",
      "(председатель комитета)"]),
    (["Анохина", "Вера Степановна"],
     ["- министр финансов и бюджетного планирования", "Кедровской области"]),
    (["Гайдамак", "Пётр Семёнович"],
     ['- генеральный директор АО "Корпорация развития Кедровской', 'области" (по согласованию)']),
    (["Лисицын", "Олег Борисович"],
     ["- заместитель управляющего Кедровским отделением",
      "ПАО Сбербанк по работе с корпоративными клиентами", "(по согласованию)"]),
    (["Рябова", "Ксения Андреевна"],
     ["- министр промышленности и торговли Кедровской области"]),
]
NAME_COLUMN_W = 150.0


def committee_pdf() -> bytes:
    """A decree with its member list in two borderless columns: the surname on the first line of
    the left column and the first name with the patronymic under it, the position beside them."""
    s = Sheet()
    s.new_page(running=False)
    for line in COMMITTEE_HEAD:
        s.lines([line], bold=True, indent_first=False)
    for para in COMMITTEE_BODY:
        s.lines(para)
    s.lines([COMMITTEE_SIGNATURE], indent_first=False)
    s.new_page(running=False)
    s.lines(COMMITTEE_STAMP, indent_first=False, x=LEFT + 220)
    s.lines(["СОСТАВ", "проектного комитета по инвестиционному развитию Кедровской области"], bold=True,
            indent_first=False)
    s.pdf.set_font("DejaVu", "", 11)
    for names, position in COMMITTEE_MEMBERS:
        for k in range(max(len(names), len(position))):
            if k < len(names):
                s.pdf.text(LEFT, s.y, names[k])
            if k < len(position):
                s.pdf.text(LEFT + NAME_COLUMN_W, s.y, position[k])
            s.y += LEADING
        s.y += PARA_GAP
    return s.output()


COMMISSION_HEAD = [
    "АДМИНИСТРАЦИЯ СВЕТЛОБОРСКОГО МУНИЦИПАЛЬНОГО РАЙОНА",
    "ПОСТАНОВЛЕНИЕ",
    "№ 233 от 19.06.2023",
    "г. Светлоборск",
    "О комиссии по отбору инвестиционных проектов Светлоборского муниципального района",
    "На основании постановления Правительства Кедровской области от 12.02.2020 № 77-пп "
    "«О порядке отбора инвестиционных проектов», утвержденного в целях реализации Стратегии "
    "социально-экономического развития Кедровской области, администрация Светлоборского "
    "муниципального района постановляет:",
    "1. Создать комиссию по отбору инвестиционных проектов и утвердить ее состав.",
    "2. Контроль за исполнением постановления возложить на заместителя главы администрации района "
    "П.И. Сафронова.",
]
COMMISSION_SIGNATURE = ("Глава Светлоборского муниципального района", "А.Н. Чистяков")
COMMISSION_MEMBERS = [
    (["Сафронов", "Пётр Ильич"], "заместитель главы администрации Светлоборского муниципального района "
                                 "по экономике, председатель комиссии"),
    (["Лаврова", "Надежда Игнатьевна"], "начальник финансового управления администрации "
                                         "Светлоборского муниципального района"),
    (["Гуляев", "Тимур Рашидович"], "директор ООО «Светлоборский хлебозавод» (по согласованию)"),
    (["Колесникова", "Дарья Вячеславовна"], "ведущий специалист отдела экономики администрации "
                                             "Светлоборского муниципального района, секретарь комиссии"),
]


def commission_docx() -> bytes:
    """A decree whose commission is a table «Ф.И.О. | Занимаемая должность», the surname and the
    first name with the patronymic as two paragraphs of one cell; the signature is a table too."""
    items = [of.para(t) for t in COMMISSION_HEAD]
    items.append(of.table(of.row(of.cell(COMMISSION_SIGNATURE[0]), of.cell(COMMISSION_SIGNATURE[1])), grid=2))
    items.append(of.para("Состав комиссии по отбору инвестиционных проектов"))
    rows = [of.row(of.cell("Ф.И.О."), of.cell("Занимаемая должность"))]
    rows += [of.row(of.cell([of.para(t) for t in names]), of.cell(position))
             for names, position in COMMISSION_MEMBERS]
    items.append(of.table(*rows, grid=2))
    return of.docx_bytes(*items)


BUILT: dict[str, Callable[[], bytes]] = {
    "decree_kedrovsk_committee.pdf": committee_pdf,
    "decree_svetloborsk_commission.docx": commission_docx,
}


def variants(source: str) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every form a keyed document is read in."""
    if source in BUILT:
        return [(source, BUILT[source]())]
    text = (DECL / source).read_text(encoding="utf-8")
    return [(source, text.encode("utf-8")), (Path(source).with_suffix(".docx").name, docx_from_text(text))]
