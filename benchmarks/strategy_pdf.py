"""A long strategy-like PDF for the ingest benchmark, built by code so it needs nothing outside
the repository: numbered headings, prose wrapped to the text width (with words hyphenated at
line ends and paragraphs running over page breaks), a running header and footer, and tables
of the kinds strategies print — fully ruled grids with cells wrapped over lines (some broken
over a page with their header repeated), tables ruled only between rows, and unruled tables
told apart by their columns alone.

    python benchmarks/strategy_pdf.py OUT.pdf [--pages 400]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.pdf_factory import LEADING, LEFT, PAGE_H, PAGE_W, PARA_GAP, Sheet  # noqa: E402
from tests.table_corpus_wrapped import LINE, PAD, WrapTable, draw_table  # noqa: E402

TEXT_W = PAGE_W - 2 * LEFT
BOTTOM = PAGE_H - 60  # lowest baseline of body text
TOP = 100.0
BODY_SIZE = 11
TABLE_W = PAGE_W - 2 * 40.0  # the wrapped-table drawer starts at x = 40

SUBJECTS = ("развитие", "обеспечение", "повышение", "модернизация", "создание", "поддержка", "формирование",
            "совершенствование", "увеличение", "снижение", "привлечение", "реализация")
OBJECTS = ("инфраструктуры", "экономического потенциала", "качества жизни населения",
           "малого и среднего предпринимательства", "инвестиционной привлекательности",
           "агропромышленного комплекса", "системы здравоохранения", "общего образования",
           "коммунального хозяйства", "туристско-рекреационного кластера", "экспортного потенциала",
           "транспортной доступности", "цифровой экономики", "кадрового обеспечения отраслей")
PLACES = ("муниципального района", "городского округа", "сельских поселений", "области", "региона",
          "административного центра")
LINKERS = ("в том числе", "за счёт", "на основе", "в рамках", "с учётом", "путём", "в целях",
           "при участии")
ACTORS = ("администрация района", "министерство экономического развития", "комитет по образованию",
          "управление сельского хозяйства", "фонд поддержки предпринимательства",
          "отдел архитектуры и градостроительства", "органы местного самоуправления")
UNITS = ("млн рублей", "тыс. человек", "%", "единиц", "км", "тыс. кв. м", "мест", "га")
YEARS = list(range(2024, 2031))


class Text:
    """Sentences of strategy prose from word pools, so every page reads differently."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentence(self) -> str:
        r = self.rng
        parts = [r.choice(SUBJECTS).capitalize(), r.choice(OBJECTS), r.choice(PLACES)]
        for _ in range(r.randrange(1, 3)):
            parts += [r.choice(LINKERS), r.choice(SUBJECTS[:6]), r.choice(OBJECTS)]
        if r.random() < 0.5:
            parts += [f"к {r.choice(YEARS)} году", "до", f"{r.randrange(10, 99)},{r.randrange(10)}",
                      r.choice(UNITS)]
        if r.random() < 0.3:
            parts += ["(ответственный –", r.choice(ACTORS) + ")"]
        return " ".join(parts) + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randrange(2, 6)))

    def heading(self, number: str) -> str:
        return f"{number}. {self.rng.choice(SUBJECTS).capitalize()} {self.rng.choice(OBJECTS)}"


def wrap(pdf, text: str, width: float, rng: random.Random | None = None) -> list[str]:
    """Greedy line breaking at `width`, sometimes hyphenating the word that does not fit."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if pdf.get_string_width(trial) <= width:
            line = trial
            continue
        if rng is not None and len(word) >= 9 and word.isalpha() and rng.random() < 0.35:
            cut = next((i for i in range(len(word) - 4, 3, -1) if word[i - 1] in "аеиоуыэюя"), 0)
            head = f"{line} {word[:cut]}-" if line else f"{word[:cut]}-"
            if cut and pdf.get_string_width(head) <= width:
                lines.append(head)
                line = word[cut:]
                continue
        if line:
            lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


def cell_lines(pdf, text: str, width: float) -> str:
    return "\n".join(wrap(pdf, text, width - 2 * PAD - 10))


def indicator_table(pdf, rng: random.Random, text: Text, rules: str) -> WrapTable:
    widths = [30.0, 235.0, 70.0, 60.0, 60.0, 60.0]
    years = sorted(rng.sample(YEARS, 3))
    pdf.set_font("DejaVu", "", 9)
    head = ["№\nп/п", "Наименование показателя", "Единица\nизмерения", *(f"{y} год" for y in years)]
    rows = []
    for k in range(rng.randrange(4, 9)):
        name = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(OBJECTS)} {rng.choice(PLACES)}"
        unit = cell_lines(pdf, rng.choice(UNITS), widths[2])
        rows.append([str(k + 1), cell_lines(pdf, name, widths[1]), unit,
                     *(f"{rng.randrange(1, 900)},{rng.randrange(10)}" for _ in years)])
    if rules == "none":
        return WrapTable(widths, head, rows, rules="none", align="lll" + "rrr", row_pad=0.0, min_gutter=8.0)
    return WrapTable(widths, head, rows, rules=rules, align="clc" + "ccc")


def plan_table(pdf, rng: random.Random, text: Text, n_rows: int) -> WrapTable:
    widths = [30.0, 200.0, 60.0, 135.0, 90.0]
    pdf.set_font("DejaVu", "", 9)
    head = ["№", "Наименование мероприятия", "Срок", "Ответственный\nисполнитель",
            "Объём\nфинансирования,\nмлн руб."]
    rows = []
    for k in range(n_rows):
        what = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(OBJECTS)} {rng.choice(LINKERS)} " \
               f"{rng.choice(OBJECTS)}"
        rows.append([str(k + 1), cell_lines(pdf, what, widths[1]), f"{rng.choice(YEARS)}",
                     cell_lines(pdf, rng.choice(ACTORS), widths[3]),
                     f"{rng.randrange(1, 9000)},{rng.randrange(10)}"])
    return WrapTable(widths, head, rows, rules="grid", align="clcll")


def table_height(t: WrapTable, rows: list[list[str]]) -> float:
    def h(cells: list[str]) -> float:
        return max(1, *(len(c.split("\n")) if c else 1 for c in cells)) * LINE + t.row_pad

    return h(t.head) + sum(h(r) + t.row_gap for r in rows)


class Layout:
    """Places blocks page by page, breaking paragraphs and grid tables over page ends."""

    def __init__(self, pages: int) -> None:
        self.sheet = Sheet(pages_total=pages)
        self.pdf = self.sheet.pdf
        self.limit = pages

    @property
    def pages(self) -> int:
        return self.pdf.page

    def new_page(self) -> bool:
        if self.pages >= self.limit:
            return False
        self.sheet.new_page()
        self.sheet.y = TOP
        return True

    def heading(self, text: str) -> bool:
        if self.sheet.y + 3 * LEADING > BOTTOM and not self.new_page():
            return False
        self.sheet.lines([text], size=13, bold=True, indent_first=False)
        return True

    def paragraph(self, text: str, rng: random.Random) -> bool:
        self.pdf.set_font("DejaVu", "", BODY_SIZE)
        lines = wrap(self.pdf, text, TEXT_W - 30, rng)
        first = True
        while lines:
            room = int((BOTTOM - self.sheet.y) // LEADING) + 1
            if room <= 0:
                if not self.new_page():
                    return False
                continue
            part, lines = lines[:room], lines[room:]
            self.sheet.lines(part, size=BODY_SIZE, indent_first=first)
            first = False
            if lines:
                self.sheet.y -= PARA_GAP
                if not self.new_page():
                    return False
        return True

    def caption(self, text: str) -> None:
        self.sheet.lines([text], size=BODY_SIZE, indent_first=False)

    def table(self, t: WrapTable, caption: str, breaks: bool) -> bool:
        """A table under its caption; a grid that does not fit goes on over the next pages with
        its header repeated, any other table moves to the next page whole."""
        if self.sheet.y + LEADING + table_height(t, t.rows[:2]) > BOTTOM and not self.new_page():
            return False
        if not breaks and self.sheet.y + LEADING + table_height(t, t.rows) > BOTTOM and not self.new_page():
            return False
        self.caption(caption)
        rows = list(t.rows)
        while rows:
            room = BOTTOM - self.sheet.y + 10
            take = len(rows)
            while take > 1 and table_height(t, rows[:take]) > room:
                take -= 1
            part = WrapTable(t.widths, t.head, rows[:take], rules=t.rules, align=t.align, row_pad=t.row_pad,
                             row_gap=t.row_gap, min_gutter=t.min_gutter)
            self.sheet.y = draw_table(self.pdf, self.sheet.y - 10, part) + PARA_GAP + LEADING
            rows = rows[take:]
            if rows and not self.new_page():
                return False
        return True


def blocks(rng: random.Random, text: Text) -> Iterator[tuple[str, object]]:
    """An endless strategy: sections of prose with a table now and then."""
    section = 0
    while True:
        section += 1
        yield "heading", text.heading(str(section))
        for sub in range(1, rng.randrange(3, 6)):
            yield "heading", text.heading(f"{section}.{sub}")
            for _ in range(rng.randrange(2, 5)):
                yield "paragraph", text.paragraph()
            kind = rng.random()
            if kind < 0.3:
                yield "plan", rng.randrange(6, 16)
            elif kind < 0.5:
                yield "indicators", "grid"
            elif kind < 0.65:
                yield "indicators", "rows"
            elif kind < 0.8:
                yield "indicators", "none"


def strategy_pdf(pages: int = 400, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    text = Text(rng)
    out = Layout(pages)
    out.new_page()
    out.pdf.set_title("Стратегия социально-экономического развития муниципального района до 2035 года")
    out.sheet.lines(["СТРАТЕГИЯ СОЦИАЛЬНО-ЭКОНОМИЧЕСКОГО РАЗВИТИЯ", "МУНИЦИПАЛЬНОГО РАЙОНА ДО 2035 ГОДА"],
                    size=14, bold=True, indent_first=False, x=LEFT + 40)
    n_table = 0
    for kind, value in blocks(rng, text):
        if kind == "heading":
            ok = out.heading(str(value))
        elif kind == "paragraph":
            ok = out.paragraph(str(value), rng)
        else:
            n_table += 1
            t = plan_table(out.pdf, rng, text, int(value)) if kind == "plan" \
                else indicator_table(out.pdf, rng, text, str(value))
            ok = out.table(t, f"Таблица {n_table}", breaks=t.rules == "grid")
        if not ok:
            break
    while out.pages < pages:
        out.new_page()
    return out.sheet.output()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    args.out.write_bytes(strategy_pdf(args.pages, args.seed))


if __name__ == "__main__":
    main()
