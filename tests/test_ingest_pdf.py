"""PDF reader: generated PDFs with known content, broken inputs, and two real exports."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from pydantic import ValidationError

from stratdoc.errors import EncryptedDocument, InputTooLarge, ReadError
from stratdoc.ingest import pdf as pdf_reader
from stratdoc.ingest import read_bytes
from stratdoc.ingest.pdf import PdfSettings, meaningful_title, read_pdf, resolve
from stratdoc.ingest.pdf_layout import hyphen_joint, is_furniture, join_text_lines, line_key
from stratdoc.ingest.settings import ReadLimits
from stratdoc.schema import BlockKind, Document, DocumentStatus
from tests import pdf_factory as factory
from tests.invariants import assert_offsets

CAN_BUILD = importlib.util.find_spec("fpdf") is not None and factory.have_font()
needs_font = pytest.mark.skipif(not CAN_BUILD, reason="fpdf2 or the DejaVu font is missing")

H, P, L, T = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE


@pytest.fixture(scope="session")
def plan_bytes() -> bytes:
    if not CAN_BUILD:
        pytest.skip("fpdf2 or the DejaVu font is missing")
    return factory.running_header_pdf()


@pytest.fixture(scope="session")
def plan(plan_bytes: bytes) -> Document:
    return read_bytes(Path("plan.pdf"), plan_bytes)




# generated document -------------------------------------------------------------------------------

def test_blocks_in_reading_order(plan: Document) -> None:
    got = [(b.kind, b.page, b.level, b.text if b.kind != T else b.text.split("\n")[0]) for b in plan.blocks]
    assert got == [
        (H, 1, 1, "ПЛАН МЕРОПРИЯТИЙ ПО РЕАЛИЗАЦИИ СТРАТЕГИИ"),
        (P, 1, None, "Настоящий план определяет порядок действий органов местного самоуправления по "
                     "обеспечению устойчивого экономического роста и повышению качества жизни. Особое "
                     "внимание уделяется социально-экономическому развитию сельских поселений района."),
        (P, 1, None, "Финансирование мероприятий осуществляется за счёт средств областного и местного "
                     "бюджетов."),
        (L, 1, None, "1. Модернизация системы водоснабжения."),
        (L, 1, None, "2. Ремонт автомобильных дорог местного значения."),
        (L, 1, None, "• Создание новых рабочих мест на предприятиях района."),
        (T, 1, None, "Показатель\tЗначение\t"),
        (P, 2, None, "Перечень мероприятий приведён в таблице ниже."),
        (T, 2, None, "№\tМероприятие\tСрок\tСумма, тыс. руб."),
        (H, 3, 1, "2. Ожидаемые результаты"),
        (P, 3, None, "Контроль за исполнением плана возлагается на заместителя главы администрации района."),
        (P, 3, None, "Реализация мероприятий плана позволит повысить качество муниципальных услуг, "
                     "увеличить доходы местного бюджета и создать условия для привлечения инвестиций "
                     "в экономику района."),
    ]


@pytest.mark.parametrize("furniture", ["Документ предоставлен", "Муниципальный вестник", "12.02.2024",
                                       "Страница", "из 4"])
def test_running_header_and_footer_dropped(plan: Document, furniture: str) -> None:
    assert furniture not in plan.text


def test_header_kept_when_too_few_pages_to_repeat(plan_bytes: bytes) -> None:
    doc = read_pdf(Path("plan.pdf"), plan_bytes, ReadLimits(), {"min_pages_for_repeats": 5})
    assert doc.text.count(factory.HEADER.replace("   ", " ")) == 4
    assert "Страница" not in doc.text  # page numbers are furniture on any page count


def test_table_continued_over_pages_is_one_table(plan: Document) -> None:
    t = plan.tables[1]
    assert (t.n_rows, t.n_cols, t.page, t.page_end) == (6, 4, 2, 3)
    assert t.grid() == [factory.TABLE_HEAD, *factory.TABLE_ROWS]
    assert [c.page for c in t.cells if c.col == 1] == [2, 2, 2, 2, 3, 3]


def test_merged_cells_become_spans(plan: Document) -> None:
    t = plan.tables[0]
    assert (t.n_rows, t.n_cols, t.page, t.page_end) == (4, 3, 1, 1)
    assert t.grid() == [["Показатель", "Значение", None], [None, "2024", "2025"],
                        ["Число рабочих мест", "120", "150"], ["Протяжённость дорог, км", "12,5", "14,0"]]
    spans = {(c.row, c.col): (c.row_span, c.col_span) for c in t.cells if (c.row_span, c.col_span) != (1, 1)}
    assert spans == {(0, 0): (2, 1), (0, 1): (1, 2)}


def test_table_text_not_repeated_as_paragraphs(plan: Document) -> None:
    assert plan.text.count("Газификация улицы Садовой") == 1
    assert plan.text.count("Число рабочих мест") == 1


def test_metadata_title_hint(plan: Document) -> None:
    assert plan.hints == {"title": factory.TITLE}


def test_offsets_and_pages(plan: Document) -> None:
    assert_offsets(plan)
    assert [p.number for p in plan.pages] == [1, 2, 3, 4]
    assert plan.status == DocumentStatus.OK and plan.warnings == []
    assert plan.page_at(plan.text.index("Газификация")) == 2  # a merged table sits on its first page


# broken and unusual inputs ------------------------------------------------------------------------

@needs_font
def test_encrypted_pdf_raises() -> None:
    with pytest.raises(EncryptedDocument) as e:
        read_bytes(Path("secret.pdf"), factory.encrypted_pdf())
    assert str(e.value) == "secret.pdf: encrypted PDF: password required"


@pytest.mark.parametrize("name, make", [
    ("half.pdf", lambda b: b[: len(b) // 2]),
    ("noise.pdf", lambda b: factory.random_pdf_bytes()),
])
def test_broken_pdf_raises_one_line(plan_bytes: bytes, name: str, make) -> None:
    with pytest.raises(ReadError) as e:
        read_bytes(Path(name), make(plan_bytes))
    assert not isinstance(e.value, EncryptedDocument)
    assert str(e.value).startswith(f"{name}: broken PDF: ")
    assert "\n" not in str(e.value)


@needs_font
def test_image_only_pdf_is_no_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("stratdoc.ingest.ocr.missing", lambda: "scanned pages need OCR")  # no Tesseract
    doc = read_bytes(Path("scan.pdf"), factory.image_only_pdf(pages=2))
    assert doc.status == DocumentStatus.NO_TEXT
    assert doc.warnings == ["scan.pdf: scanned pages need OCR", "scan.pdf: no text layer (scanned?), 2 pages"]
    assert (doc.n_pages, doc.text, doc.blocks) == (2, "", [])


def test_failing_page_is_isolated(plan_bytes: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pdf_reader.page_to_layout

    def flaky(page, number, settings):  # noqa: ANN001, ANN202
        if number == 2:
            raise RuntimeError("bad content stream")
        return real(page, number, settings)

    monkeypatch.setattr(pdf_reader, "page_to_layout", flaky)
    doc = read_bytes(Path("plan.pdf"), plan_bytes)
    assert doc.status == DocumentStatus.PARTIAL
    assert doc.warnings == ["plan.pdf: page 2: RuntimeError: bad content stream"]
    assert "Перечень мероприятий" not in doc.text and "Газификация улицы Садовой" in doc.text


def test_page_limit(plan_bytes: bytes) -> None:
    with pytest.raises(InputTooLarge) as e:
        read_bytes(Path("plan.pdf"), plan_bytes, {"max_pdf_pages": 3})
    assert str(e.value) == "plan.pdf: PDF has 4 pages, over the 3 limit"


# settings and rules -------------------------------------------------------------------------------

def test_settings_resolve() -> None:
    assert resolve(None) == PdfSettings()
    assert resolve({"band_fraction": 0.05}).band_fraction == 0.05
    s = PdfSettings(repeat_ratio=0.7)
    assert resolve(s) is s
    assert resolve(None).table_settings["vertical_strategy"] == "lines"


@pytest.mark.parametrize("bad", [
    {"table_settings": {"vertical_strategy": "guess"}},
    {"table_settings": {"no_such_key": 1}},
    {"band_fraction": 0.7},
    {"bogus": 1},
])
def test_settings_reject(bad: dict) -> None:
    with pytest.raises(ValidationError):
        resolve(bad)


@pytest.mark.parametrize("left, right, joined", [
    ("эконо", "мического", "экономического"),
    ("промыш", "ленности", "промышленности"),
    ("по", "мощь", "помощь"),
    ("много", "квартирных", "многоквартирных"),
    ("ЭКОНО", "МИЧЕСКОГО", "ЭКОНОМИЧЕСКОГО"),
    ("социально", "экономическому", "социально-экономическому"),
    ("целлюлозно", "бумажное", "целлюлозно-бумажное"),
    ("северо", "западный", "северо-западный"),
    ("во", "первых", "во-первых"),
    ("кто", "нибудь", "кто-нибудь"),
    ("Санкт", "Петербург", "Санкт-Петербург"),
    ("ГОТЭК", "ПРИНТ", "ГОТЭК-ПРИНТ"),
    ("2008", "2009", "2008-2009"),
])
def test_hyphen_joint(left: str, right: str, joined: str) -> None:
    assert left + hyphen_joint(left, right) + right == joined


@pytest.mark.parametrize("lines, text", [
    (["устойчивого эконо-", "мического роста"], "устойчивого экономического роста"),
    (["предприятие -", "АО «Завод»"], "предприятие - АО «Завод»"),
    (["в социально-", "экономической сфере"], "в социально-экономической сфере"),
    (["первая строка", "", "  вторая  "], "первая строка вторая"),
])
def test_join_text_lines(lines: list[str], text: str) -> None:
    assert join_text_lines(lines) == text


@pytest.mark.parametrize("text, furniture", [
    ("Страница 3 из 16", True),
    ("- 12 -", True),
    ("7", True),
    ("5/16", True),
    ("Документ предоставлен КонсультантПлюс", True),
    ("Дата сохранения: 05.03.2024", True),
    ("www.consultant.ru", True),
    ("2030 года", False),
    ("1. Общие положения", False),
])
def test_is_furniture(text: str, furniture: bool) -> None:
    assert is_furniture(text) is furniture


def test_line_key_ignores_numbers() -> None:
    assert line_key("Страница 3 из 16") == line_key("Страница  14 из 16") == "страница # из #"


@pytest.mark.parametrize("raw, title", [
    ("Стратегия развития района до 2030 года", "Стратегия развития района до 2030 года"),
    ("Microsoft Word - plan2024.docx", None),
    ("Документ1", None),
    ("  ", None),
    (None, None),
])
def test_meaningful_title(raw: str | None, title: str | None) -> None:
    assert meaningful_title(raw) == title


# real exports (skipped without ../shared) -----------------------------------------------------------

@pytest.fixture(scope="session")
def kursk(shared: Path) -> Path:
    folder = shared / "corpus" / "kursk"
    if not folder.is_dir():
        pytest.skip("kursk corpus is absent")
    return folder


@pytest.fixture(scope="session")
def strategy_doc(kursk: Path) -> Document:
    from stratdoc.ingest import read

    return read(kursk / "razdel-investiczii-ih-strategii.pdf")


def test_legal_export_reads_naturally(strategy_doc: Document) -> None:
    doc = strategy_doc
    assert (doc.status, doc.n_pages, doc.warnings) == (DocumentStatus.OK, 16, [])
    assert "КонсультантПлюс" not in doc.text
    # a paragraph cut by the page 5/6 break, with a compound hyphenated at the line end
    assert "Ежегодный объем инвестиций в социально-экономическое развитие Курской области " \
           "составляет 500 - 700 млн. рублей." in doc.text
    assert "целлюлозно-бумажное производство" in doc.text
    assert_offsets(doc)


def test_legal_export_table_over_two_pages(strategy_doc: Document) -> None:
    assert len(strategy_doc.tables) == 1  # the ruled "Список изменяющих документов" box is prose
    t = strategy_doc.tables[0]
    assert (t.n_rows, t.n_cols, t.page, t.page_end) == (7, 4, 13, 14)
    grid = t.grid()
    assert grid[0] == ["N п/п", "Наименование предприятия", "Количество магазинов в Курской области, шт.",
                       "Число занятых, чел."]
    assert grid[6] == ["6", 'ООО "Альфа Рязань", ООО "Альфа Владимир", ООО "Бета-М" (торговая сеть '
                            '"Красное и белое")', "146", "1012"]


def test_scanned_plan_is_no_text(kursk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from stratdoc.ingest import read

    monkeypatch.setattr("stratdoc.ingest.ocr.missing", lambda: "scanned pages need OCR")  # no Tesseract
    doc = read(kursk / "Plan-obektov-23025.pdf")
    assert (doc.status, doc.n_pages, doc.text) == (DocumentStatus.NO_TEXT, 13, "")
    assert doc.warnings == ["Plan-obektov-23025.pdf: scanned pages need OCR",
                            "Plan-obektov-23025.pdf: no text layer (scanned?), 13 pages"]
