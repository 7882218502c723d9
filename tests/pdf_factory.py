"""Small PDFs with Cyrillic text, built by code so the tests know every expected value.

Pages are drawn line by line at fixed positions (no automatic wrapping), so a test can put a
hyphen at a line end, a running header on every page, or a table that breaks over a page
exactly where it wants. Needs fpdf2 and the DejaVu font; callers skip when `have_font()` is false.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
LEFT = 57.0
INDENT = 28.0
LEADING = 14.0
PARA_GAP = 10.0

TITLE = "План мероприятий по реализации стратегии района"
HEADER = "Документ предоставлен системой «Муниципальный вестник»   Дата печати 12.02.2024"
FOOTER = "Страница {n} из {m}"

TABLE_HEAD = ["№", "Мероприятие", "Срок", "Сумма, тыс. руб."]
TABLE_WIDTHS = [30.0, 260.0, 80.0, 110.0]
TABLE_ROWS = [
    ["1", "Ремонт дороги в селе Ивановка", "2024", "1 500,0"],
    ["2", "Строительство детского сада", "2025", "48 000,0"],
    ["3", "Капитальный ремонт школы № 2", "2025", "12 300,5"],
    ["4", "Благоустройство центральной площади", "2026", "7 250,0"],
    ["5", "Газификация улицы Садовой", "2026", "3 100,0"],
]


def have_font() -> bool:
    return FONT.is_file() and FONT_BOLD.is_file()


@dataclass
class GridCell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1


class Sheet:
    """An fpdf2 document with the drawing steps the test PDFs need."""

    def __init__(self, pages_total: int = 0) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(unit="pt", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.add_font("DejaVu", "", str(FONT))
        self.pdf.add_font("DejaVu", "B", str(FONT_BOLD))
        self.pages_total = pages_total
        self.y = 0.0

    def new_page(self, running: bool = True) -> None:
        self.pdf.add_page()
        if running:
            self.pdf.set_font("DejaVu", "", 8)
            self.pdf.text(LEFT, 32, HEADER)
            self.pdf.text(PAGE_W - 120, PAGE_H - 28, FOOTER.format(n=self.pdf.page, m=self.pages_total))
        self.y = 100.0

    def lines(self, lines: list[str], *, size: float = 11, bold: bool = False, indent_first: bool = True,
              x: float = LEFT) -> None:
        """One paragraph, drawn as the given lines; the first one indented like justified prose."""
        self.pdf.set_font("DejaVu", "B" if bold else "", size)
        for i, line in enumerate(lines):
            self.pdf.text(x + (INDENT if indent_first and i == 0 else 0), self.y, line)
            self.y += LEADING
        self.y += PARA_GAP

    def grid(self, cells: list[GridCell], widths: list[float], *, row_h: float = 18.0,
             x: float = LEFT) -> None:
        """A ruled table: every cell is its own rectangle, spans are wider or taller rectangles."""
        self.pdf.set_font("DejaVu", "", 9)
        self.pdf.set_line_width(0.6)
        top = self.y - 12
        n_rows = max(c.row + c.row_span for c in cells)
        for c in cells:
            x0 = x + sum(widths[: c.col])
            w = sum(widths[c.col: c.col + c.col_span])
            y0 = top + c.row * row_h
            h = row_h * c.row_span
            self.pdf.rect(x0, y0, w, h)
            if c.text:
                self.pdf.text(x0 + 3, y0 + h / 2 + 3, c.text)
        self.y = top + n_rows * row_h + 12 + PARA_GAP

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def rows_to_grid(rows: list[list[str]], first_row: int = 0) -> list[GridCell]:
    return [GridCell(first_row + r, k, text) for r, row in enumerate(rows) for k, text in enumerate(row)]


def running_header_pdf() -> bytes:
    """Four pages with a running header and footer, a hyphenated paragraph, a list, a table with
    merged header cells, and a table that breaks over pages 2-3 repeating its header row."""
    s = Sheet(pages_total=4)
    s.pdf.set_title(TITLE)
    s.new_page()
    s.lines(["ПЛАН МЕРОПРИЯТИЙ ПО РЕАЛИЗАЦИИ СТРАТЕГИИ"], size=13, bold=True, indent_first=False,
            x=LEFT + 90)
    s.lines([
        "Настоящий план определяет порядок действий органов местного",
        "самоуправления по обеспечению устойчивого эконо-",
        "мического роста и повышению качества жизни. Особое внимание",
        "уделяется социально-",
        "экономическому развитию сельских поселений района.",
    ])
    s.lines(["Финансирование мероприятий осуществляется за счёт средств",
             "областного и местного бюджетов."])
    s.lines(["1. Модернизация системы водоснабжения."], indent_first=False)
    s.lines(["2. Ремонт автомобильных дорог местного значения."], indent_first=False)
    s.lines(["• Создание новых рабочих мест на предприятиях района."], indent_first=False)
    s.y += 10
    s.grid([
        GridCell(0, 0, "Показатель", row_span=2), GridCell(0, 1, "Значение", col_span=2),
        GridCell(1, 1, "2024"), GridCell(1, 2, "2025"),
        GridCell(2, 0, "Число рабочих мест"), GridCell(2, 1, "120"), GridCell(2, 2, "150"),
        GridCell(3, 0, "Протяжённость дорог, км"), GridCell(3, 1, "12,5"), GridCell(3, 2, "14,0"),
    ], [200.0, 80.0, 80.0])

    s.new_page()
    s.lines(["Перечень мероприятий приведён в таблице ниже."])
    s.y = 640.0
    s.grid(rows_to_grid([TABLE_HEAD, *TABLE_ROWS[:3]]), TABLE_WIDTHS, row_h=30.0)

    s.new_page()
    s.grid(rows_to_grid([TABLE_HEAD, *TABLE_ROWS[3:]]), TABLE_WIDTHS, row_h=30.0)
    s.lines(["2. Ожидаемые результаты"], bold=True, indent_first=False)
    s.lines(["Контроль за исполнением плана возлагается на заместителя",
             "главы администрации района."])
    s.y = 746.0
    s.lines(["Реализация мероприятий плана позволит повысить качество",
             "муниципальных услуг, увеличить доходы местного бюджета и"])

    s.new_page()
    s.lines(["создать условия для привлечения инвестиций в экономику района."], indent_first=False)
    return s.output()


def encrypted_pdf() -> bytes:
    s = Sheet()
    s.new_page(running=False)
    s.lines(["Секретный план развития района."])
    s.pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    return s.output()


def image_only_pdf(pages: int = 2) -> bytes:
    """Pages holding only a picture, like a scan without a text layer."""
    from PIL import Image, ImageDraw

    s = Sheet()
    for n in range(pages):
        s.new_page(running=False)
        img = Image.new("L", (200, 280), 255)
        draw = ImageDraw.Draw(img)
        for k in range(12):
            draw.line((20, 30 + 18 * k, 180 - 7 * (k + n) % 60, 30 + 18 * k), fill=0, width=3)
        buf = io.BytesIO()
        img.save(buf, format="PNG")
        s.pdf.image(buf, x=LEFT, y=80, w=400)
    return s.output()


def random_pdf_bytes(size: int = 4000, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    return b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(size))


PLAN_WORDS = ("развитие инфраструктуры района обеспечение доступности услуг повышение качества жизни "
              "населения поддержка малого и среднего предпринимательства привлечение инвестиций "
              "модернизация коммунального хозяйства строительство объектов образования").split()


def plan_pdf(pages: int = 200, seed: int = 1) -> bytes:
    """A long action plan for benchmarks: prose, a heading and a funding table on every page, and
    on every third page a second table that continues on the next page with its header repeated."""
    rng = random.Random(seed)
    s = Sheet(pages_total=pages)
    item = 0

    def funding_rows(k: int) -> list[list[str]]:
        nonlocal item
        out = []
        for _ in range(k):
            item += 1
            out.append([str(item), " ".join(rng.choice(PLAN_WORDS) for _ in range(3)),
                        str(2024 + rng.randrange(6)), f"{rng.randrange(100, 90000)},{rng.randrange(10)}"])
        return out

    def prose(n_lines: int) -> list[str]:
        return [" ".join(rng.choice(PLAN_WORDS) for _ in range(7)) for _ in range(n_lines)]

    carry: list[list[str]] = []
    for n in range(1, pages + 1):
        s.new_page()
        if carry:
            s.y = 112.0
            s.grid(rows_to_grid([TABLE_HEAD, *carry]), TABLE_WIDTHS, row_h=22.0)
            carry = []
        s.lines([f"{n}. Направление развития № {n}"], bold=True, indent_first=False)
        s.lines(prose(5))
        s.lines(prose(4))
        s.grid(rows_to_grid([TABLE_HEAD, *funding_rows(8)]), TABLE_WIDTHS, row_h=22.0)
        s.lines(prose(3))
        if n % 3 == 1 and n < pages:
            s.y = PAGE_H - 60 - 6 * 22.0 + 12
            s.grid(rows_to_grid([TABLE_HEAD, *funding_rows(5)]), TABLE_WIDTHS, row_h=22.0)
            carry = funding_rows(4)
    return s.output()
