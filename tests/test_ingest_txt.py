"""TXT reader: encodings, line shapes → blocks, tab-, pipe-separated and space-aligned tables, junk and
size limits."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from stratdoc.errors import InputTooLarge, ReadError
from stratdoc.ingest import read, read_bytes
from stratdoc.ingest.settings import ReadLimits
from stratdoc.ingest.text_blocks import MAX_BLOCK_CHARS, TablePart, TextPart, text_to_parts
from stratdoc.ingest.txt import russian_score
from stratdoc.schema import BlockKind, Document, DocumentStatus, Format
from tests.invariants import assert_offsets

H, P, L = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM




def read_txt(text: str | bytes, name: str = "note.txt", limits: ReadLimits | None = None) -> Document:
    data = text.encode("utf-8") if isinstance(text, str) else text
    doc = read_bytes(Path(name), data, limits)
    assert doc.format == Format.TXT
    assert_offsets(doc)
    return doc


def shape(doc: Document) -> list[tuple[BlockKind, str, int | None]]:
    return [(b.kind, b.text, b.level) for b in doc.blocks]


# --- encodings -------------------------------------------------------------------------------

RUSSIAN = (
    "ИТОГИ СЕССИИ\n"
    "\n"
    "В Заречном эксперты обсудили, как привлечь инвесторов в малый город.\n"
    "- проект \"Зелёный двор\" получит 12,5 млн руб.;\n"
    "- работу продолжит штаб при главе округа.\n"
)
RUSSIAN_TEXT = (
    "ИТОГИ СЕССИИ\n\n"
    "В Заречном эксперты обсудили, как привлечь инвесторов в малый город.\n\n"
    "- проект \"Зелёный двор\" получит 12,5 млн руб.;\n\n"
    "- работу продолжит штаб при главе округа."
)


@pytest.mark.parametrize(("data", "encoding"), [
    (RUSSIAN.encode("utf-8"), "utf-8"),
    (RUSSIAN.encode("utf-8-sig"), "utf-8-sig"),
    (RUSSIAN.encode("utf-16"), "utf-16-le"),  # Python writes a little-endian BOM
    (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), "utf-16-be"),
    (RUSSIAN.encode("utf-16-le"), "utf-16-le"),  # no BOM
    (RUSSIAN.encode("utf-16-be"), "utf-16-be"),  # no BOM
    (RUSSIAN.encode("cp1251"), "cp1251"),
    (RUSSIAN.encode("koi8-r"), "koi8-r"),
    (RUSSIAN.replace("\n", "\r\n").encode("cp1251"), "cp1251"),
])
def test_same_text_in_any_encoding(data: bytes, encoding: str) -> None:
    doc = read_txt(data)
    assert doc.text == RUSSIAN_TEXT
    assert doc.hints["encoding"] == encoding
    assert shape(doc)[0] == (H, "ИТОГИ СЕССИИ", 1)


@pytest.mark.parametrize("text", [
    "Короткий текст",
    "Итоги",
    "СТРАТЕГИЯ РАЗВИТИЯ ГОРОДА",
    "Юрьев день",
    "План мероприятий утверждён постановлением администрации.",
])
@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-16-le", "utf-16-be"])
def test_short_texts_without_bom_decode_right(text: str, encoding: str) -> None:
    """charset-normalizer alone misreads several of these (koi8-r "Короткий текст" as UTF-16);
    the Russian score settles the code pages, the high-byte test BOM-less UTF-16."""
    doc = read_txt(text.encode(encoding))
    assert (doc.text, doc.hints["encoding"]) == (text, encoding)


@pytest.mark.parametrize(("right", "wrong"), [
    ("Глава округа подписал план", "cp1251:koi8-r"),
    ("ГЛАВА ОКРУГА ПОДПИСАЛ ПЛАН", "koi8-r:cp1251"),
])
def test_russian_score_prefers_the_right_code_page(right: str, wrong: str) -> None:
    enc, misread_as = wrong.split(":")
    garbled = right.encode(enc).decode(misread_as)
    assert russian_score(right) > russian_score(garbled) + 1


# --- tables ------------------------------------------------------------------------------------

TSV = (
    "Перечень показателей\n"
    "№\tПоказатель\tЗначение по годам\t\t\n"
    "\t\t2024\t2025\t\n"
    "1\tДоля отремонтированных дорог, %\t61\t64\tКомитет по дорогам\n"
    "2\tЧисло мест в детских садах\t1 200\n"
    "\n"
    "Показатели пересматриваются ежегодно.\n"
)


def test_tab_separated_run_is_one_table() -> None:
    doc = read_txt(TSV)
    assert [b.kind for b in doc.blocks] == [P, BlockKind.TABLE, P]
    (t,) = doc.tables
    assert (t.n_rows, t.n_cols) == (4, 5)
    assert t.grid() == [
        ["№", "Показатель", "Значение по годам", "", ""],
        ["", "", "2024", "2025", ""],
        ["1", "Доля отремонтированных дорог, %", "61", "64", "Комитет по дорогам"],
        ["2", "Число мест в детских садах", "1 200", None, None],
    ]
    assert all((c.row_span, c.col_span) == (1, 1) for c in t.cells)
    cell = next(c for c in t.cells if c.text == "Комитет по дорогам")
    assert (cell.row, cell.col) == (2, 4)
    assert doc.blocks[1].table_index == 0


@pytest.mark.parametrize(("text", "n_tables"), [
    ("\tПервый абзац с красной строки.\n\tВторой абзац с красной строки.\n", 0),  # indentation only
    ("Год\tСумма\n", 0),  # a single line is not a table
    ("Год\tСумма\n\n2024\t15\n", 0),  # a blank line breaks the run
    ("Год\tСумма\n2024\t15\n", 1),
    ("Год\tСумма\nИтого\t\t\n2024\t15\n", 1),  # a row with trailing tabs only joins the run
])
def test_what_counts_as_a_table(text: str, n_tables: int) -> None:
    assert len(read_txt(text).tables) == n_tables


# --- pipe-separated and space-aligned tables ---------------------------------------------------

@pytest.mark.parametrize(("text", "grid"), [
    ("| Год | Сумма |\n|---|---|\n| 2024 | 15,0 |\n", [["Год", "Сумма"], ["2024", "15,0"]]),
    ("| Год | Сумма |\n| :--- | ---: |\n| 2024 | 15,0 |\n", [["Год", "Сумма"], ["2024", "15,0"]]),
    ("Показатель | 2024 | 2025\nЧисло школ | 12 | 13\n",
     [["Показатель", "2024", "2025"], ["Число школ", "12", "13"]]),
    ("|Показатель|2024|2025|\n|Число школ|12|13|\n",
     [["Показатель", "2024", "2025"], ["Число школ", "12", "13"]]),
    ("Источник | Сумма\nфедеральный бюджет | 10,0\nобластной бюджет | 4,5\n",
     [["Источник", "Сумма"], ["федеральный бюджет", "10,0"], ["областной бюджет", "4,5"]]),
    ("| Цель 1. Рост доходов | | |\n| 1 | Ремонт школы | 2025 |\n",
     [["Цель 1. Рост доходов", "", ""], ["1", "Ремонт школы", "2025"]]),
])
def test_pipe_separated_lines_are_a_table(text: str, grid: list[list[str]]) -> None:
    doc = read_txt("Перечень мероприятий\n\n" + text + "\nКонец перечня.\n")
    (t,) = doc.tables
    assert t.grid() == grid
    assert [b.kind for b in doc.blocks] == [P, BlockKind.TABLE, P]


ALIGNED = (
    "Показатель                  Ед. изм.    2024     2025\n"
    "Число мест в детских садах  ед.        1 200    1 250\n"
    "Протяженность дорог         км          84,5     86,0\n"
)


@pytest.mark.parametrize(("text", "grid"), [
    ("Показатель      2024    2025\nЧисло школ        12      13\nЧисло больниц      4       5\n",
     [["Показатель", "2024", "2025"], ["Число школ", "12", "13"], ["Число больниц", "4", "5"]]),
    ("Источник            Сумма\nфедеральный бюджет   10,0\nобластной бюджет      4,5\n"
     "местный бюджет        1,2\n",
     [["Источник", "Сумма"], ["федеральный бюджет", "10,0"], ["областной бюджет", "4,5"],
      ["местный бюджет", "1,2"]]),
    # a spanning header over the year columns, the years on their own line
    ("Показатель     Значения по годам\n               2024     2025\nЧисло школ     12       13\n"
     "Число больниц  4        5\n",
     [["Показатель", "Значения по годам", ""], ["", "2024", "2025"], ["Число школ", "12", "13"],
      ["Число больниц", "4", "5"]]),
    # a name wrapped onto a lower-case line joins its cell
    ("Показатель         2024    2025\nОбъем инвестиций     1,5     1,7\nв основной капитал\n"
     "Число больниц         4       5\n",
     [["Показатель", "2024", "2025"], ["Объем инвестиций в основной капитал", "1,5", "1,7"],
      ["Число больниц", "4", "5"]]),
])
def test_space_aligned_lines_are_a_table(text: str, grid: list[list[str]]) -> None:
    doc = read_txt("Таблица 2\n" + text + "\nЗначения уточняются.\n")
    (t,) = doc.tables
    assert t.grid() == grid
    assert doc.blocks[0].kind == P and doc.blocks[0].text == "Таблица 2"


@pytest.mark.parametrize("text", [
    "Источник: сайт администрации | раздел «Документы».\n",  # one line with one bar
    "Главная | Новости\nДокументы | Контакты\n",  # two bare two-cell lines
    "Год | Сумма | Итог\n\n2024 | 15 | 20\n",  # a blank line breaks the run
    "Год | Сумма\n2024 | 15 | 20\n",  # different widths
    "Стратегия реализуется в два этапа.  Первый этап охватывает 2025 - 2027 годы.\n"
    "Второй этап  продлится до 2030 года.  Итоги подводятся ежегодно.\n"
    "Объемы  на второй этап  будут определены в 2027 году.\n",  # double spaces in prose
    "Число школ     12\nЧисло больниц   4\n",  # two lines only
    "Таблица №   1\nСВЕДЕНИЯ О ПОКАЗАТЕЛЯХ\nТаблица №   2\n",  # two columns, two body lines
    "Таблица №   1\nСВЕДЕНИЯ О ПОКАЗАТЕЛЯХ\nТаблица №   2\nПЕРЕЧЕНЬ МЕРОПРИЯТИЙ\nТаблица №   3\n"
    "РЕСУРСНОЕ ОБЕСПЕЧЕНИЕ\n",  # captions, one title line after each
    "В 2018 г.-  3\u00a0137,565,64  тыс. руб.\nВ 2019 г.-  3\u00a0355,900,98  тыс. руб.\n"
    "В 2020 г.-  3\u00a0366,534,26  тыс. руб.\n",  # no number cell (NBSP is text)
    "2015  г. - 12,5 тыс. руб.\n2016  г. - 13,0 тыс. руб.\n2017  г. - 14,2 тыс. руб.\n",  # number first
    "Показатель      2024    2025\n\nЧисло школ        12      13\n\nЧисло больниц      4       5\n",
    "В 2024 году  введено  12\nшкол, а в 2025 году  ещё 13\nи  столько же  больниц 4\n",  # no gutters
])
def test_what_is_not_a_text_table(text: str) -> None:
    assert read_txt(text).tables == []


def test_aligned_table_cells_keep_exact_offsets() -> None:
    doc = read_txt("Прогноз\n\n" + ALIGNED + "\nКонец.\n")  # read_txt checks every offset
    (t,) = doc.tables
    assert t.grid()[1] == ["Число мест в детских садах", "ед.", "1 200", "1 250"]
    cell = next(c for c in t.cells if c.text == "84,5")
    assert doc.text[cell.start:cell.end] == "84,5"


# --- line shapes -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("СТРАТЕГИЯ РАЗВИТИЯ ДО 2035 ГОДА", [(H, "СТРАТЕГИЯ РАЗВИТИЯ ДО 2035 ГОДА", 1)]),
    ("**Перечень приоритетных проектов**", [(H, "Перечень приоритетных проектов", 1)]),
    ("**План мероприятий\nна 2024 - 2026 годы\nпо реализации Стратегии**",
     [(H, "План мероприятий на 2024 - 2026 годы по реализации Стратегии", 1)]),
    ("ФОРУМ\nМУНИЦИПАЛЬНЫХ СТРАТЕГОВ", [(H, "ФОРУМ МУНИЦИПАЛЬНЫХ СТРАТЕГОВ", 1)]),
    ("1. ОБЩИЕ ПОЛОЖЕНИЯ", [(H, "1. ОБЩИЕ ПОЛОЖЕНИЯ", 1)]),
    ("2.3. ЦЕЛИ И ЗАДАЧИ", [(H, "2.3. ЦЕЛИ И ЗАДАЧИ", 2)]),
    ("Раздел 4. Механизм реализации", [(H, "Раздел 4. Механизм реализации", 1)]),
    ("- ремонт дорог;\n– озеленение дворов;\n• новые школы\n■ 3 детских сада\n* спорт",
     [(L, "- ремонт дорог;", None), (L, "– озеленение дворов;", None), (L, "• новые школы", None),
      (L, "■ 3 детских сада", None), (L, "* спорт", None)]),
    ("1. Развитие туризма.\n2) Поддержка бизнеса.\n1.2. Новые маршруты.\nа) парки",
     [(L, "1. Развитие туризма.", None), (L, "2) Поддержка бизнеса.", None),
      (L, "1.2. Новые маршруты.", None), (L, "а) парки", None)]),
    ("В городе открыт **новый** сквер.", [(P, "В городе открыт новый сквер.", None)]),
    ("-5 % к уровню прошлого года", [(P, "-5 % к уровню прошлого года", None)]),  # no space: no bullet
    ("2023. Итоги года", [(P, "2023. Итоги года", None)]),  # a year is not a list number
    ("12 ноября 2023 / Новости", [(P, "12 ноября 2023 / Новости", None)]),
    ("Ф", [(P, "Ф", None)]),  # too short for a heading
])
def test_line_shapes(text: str, expected: list[tuple[BlockKind, str, int | None]]) -> None:
    assert shape(read_txt(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a line left open continues on a lower-case line or one opening with "("
    ("развитие человеческого\nпотенциала", [(P, "развитие человеческого потенциала")]),
    ("Приложение 2\nк решению Думы\nот 12.03.2024 № 15",
     [(P, "Приложение 2 к решению Думы от 12.03.2024 № 15")]),
    ("План принят на 3 года\n(второй этап Стратегии)",
     [(P, "План принят на 3 года (второй этап Стратегии)")]),
    ("- строительство школы\nна 1000 мест;", [(L, "- строительство школы на 1000 мест;")]),
    # a finished line, or a capitalised next line, starts a new block
    ("Сессия завершилась.\nучастники разошлись", [(P, "Сессия завершилась."), (P, "участники разошлись")]),
    ("Вторник, 3 декабря\nЗаречный, Энская область",
     [(P, "Вторник, 3 декабря"), (P, "Заречный, Энская область")]),
    ("Итоги сессии:\n- три проекта", [(P, "Итоги сессии:"), (L, "- три проекта")]),
    # blank lines, including lines of spaces or NBSP, separate chunks
    ("первая часть\n \u00a0\nвторая часть", [(P, "первая часть"), (P, "вторая часть")]),
    ("Много   пробелов\u00a0\u00a0внутри", [(P, "Много пробелов внутри")]),
])
def test_wrapped_lines_join_with_a_space(text: str, expected: list[tuple[BlockKind, str]]) -> None:
    assert [(b.kind, b.text) for b in read_txt(text).blocks] == expected


def test_text_to_parts_keeps_order_of_text_and_tables() -> None:
    parts = text_to_parts("ИТОГИ\nГод\tСумма\n2024\t15\nКонец отчёта.")
    assert parts == [TextPart(H, "ИТОГИ", 1), TablePart([["Год", "Сумма"], ["2024", "15"]]),
                     TextPart(P, "Конец отчёта.", None)]


# --- junk, size, emptiness -----------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    random.Random(7).randbytes(4096),
    b"\x00" * 500 + "текст".encode(),
    b"JFIF\x00\x01\x01\x00\x00H\x00H\x00\x00" * 40,
    "Отчёт".encode("utf-16-le") + b"\x00\x01\x02\x03" * 200,
])
def test_binary_junk_is_refused_naming_the_file(data: bytes) -> None:
    with pytest.raises(ReadError, match=r"^junk\.txt: binary data, not text \(\d+% control bytes\)$"):
        read_bytes(Path("junk.txt"), data)


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf", b"  \n\n\t \r\n", codecs.BOM_UTF16_LE, "\u00a0 \n".encode(),
])
def test_empty_after_decoding_is_no_text(data: bytes) -> None:
    doc = read_txt(data)
    assert (doc.status, doc.text, doc.blocks) == (DocumentStatus.NO_TEXT, "", [])


def test_text_over_the_limit_is_refused() -> None:
    with pytest.raises(InputTooLarge, match=r"^big\.txt: text is 120 characters, over the 100 limit$"):
        read_txt("а" * 120, name="big.txt", limits=ReadLimits(max_text_chars=100))


SENTENCE = "Администрация округа утвердила план мероприятий на три года. "


@pytest.mark.parametrize(("line", "sep"), [
    ((SENTENCE * 60_000).strip(), " "),  # 6.5 MB of UTF-8 on one line, cut at sentence ends
    ("ж" * 3_000_000, ""),  # no spaces at all: cut hard
    (("слово " * 500_000).strip(), " "),  # no sentence ends: cut at spaces
])
def test_giant_single_line_reads_in_bounded_pieces(line: str, sep: str) -> None:
    doc = read_txt(line)
    assert len(doc.blocks) > 1
    assert all(b.kind == P and len(b.text) <= MAX_BLOCK_CHARS for b in doc.blocks)
    assert sep.join(b.text for b in doc.blocks) == line
    assert len(doc.text) == len(line) + (len(doc.blocks) - 1) * (len("\n\n") - len(sep))


def test_many_wrapped_lines_join_into_bounded_paragraphs() -> None:
    lines = "\n".join(["начало абзаца"] + ["и его продолжение"] * 50_000)
    doc = read_txt(lines)
    assert all(b.kind == P and len(b.text) <= MAX_BLOCK_CHARS for b in doc.blocks)
    assert " ".join(b.text for b in doc.blocks) == lines.replace("\n", " ")


# --- the real seeds ---------------------------------------------------------------------------------

def test_every_seed_reads(shared: Path) -> None:
    seeds = sorted((shared / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    for path in seeds:
        doc = read(path)
        assert_offsets(doc)
        assert (doc.status, doc.hints["encoding"], doc.source) == (DocumentStatus.OK, "utf-8", path.name)
        assert doc.blocks


def test_seed_003_has_three_tables(shared: Path) -> None:
    (path,) = (shared / "seeds").glob("003_*.txt")
    doc = read(path)
    assert len(doc.tables) == 3
    cell = "Коэффициент демографической нагрузки"
    indicators = [t for t in doc.tables if any(c.text == cell for c in t.cells)]
    assert [t.index for t in indicators] == [1]
    assert (indicators[0].n_rows, indicators[0].n_cols) == (11, 7)
