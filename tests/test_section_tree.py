"""The section tree of a document's running text, and the records read off it.

Numbered headings («6.», «6.4.», «Раздел II»), heading styles (Block.level) and upper-case
titles make the tree; a list belongs to the section it stands under, so a cue line of one
section never reaches into the next one.
"""

from __future__ import annotations

import pytest

from stratdoc.extract.nlp import shared as shared_nlp
from stratdoc.extract.text.directions import extract_directions
from stratdoc.extract.text.goals import extract_goals
from stratdoc.extract.text.measures import extract_text_measures
from stratdoc.extract.text.sections import Outline, outline
from stratdoc.extract.text.units import doc_to_lines
from stratdoc.ingest import read_bytes
from stratdoc.schema import Document
from tests.narrative_doc import doc_from_text
from tests.office_factory import docx_bytes, para

NLP = shared_nlp()


def docx_doc(*paragraphs: tuple[str | None, str]) -> Document:
    """A Word document of (style id, text) paragraphs; style ids as in office_factory.STYLES."""
    return read_bytes("x.docx", docx_bytes(*(para(text, style=style) for style, text in paragraphs)))


def tree(doc: Document) -> list[tuple[int, str | None, str, str | None]]:
    """(level, number, title, parent title) of every section, in document order."""
    o: Outline = outline(doc_to_lines(doc))
    return [(s.level, s.number, s.title, s.parent.title if s.parent else None) for s in o.sections]


TREES = [
    (  # numbered lines of a text file: «6.» holds «6.1.» and «6.2.»; «7.» closes them
        doc_from_text("СТРАТЕГИЯ ГОРОДА ЛУГОВЕЦКА\n6. Приоритеты развития\nВступление к разделу.\n"
                      "6.1. Туризм\nТекст о туризме.\n6.2. Промышленность\nТекст о заводах.\n"
                      "7. Механизм реализации\nТекст о механизме."),
        [(1, None, "СТРАТЕГИЯ ГОРОДА ЛУГОВЕЦКА", None), (1, "6", "Приоритеты развития", None),
         (2, "6.1", "Туризм", "Приоритеты развития"), (2, "6.2", "Промышленность", "Приоритеты развития"),
         (1, "7", "Механизм реализации", None)],
    ),
    (  # «Раздел II» with Roman numbers, its numbered subsections under it
        doc_from_text("Раздел I. Анализ положения\nТекст анализа.\nРаздел II. Цели и задачи\n"
                      "2.1. Цели\nТекст о целях.\n2.2. Задачи\nТекст о задачах."),
        [(1, "I", "Анализ положения", None), (1, "II", "Цели и задачи", None),
         (2, "2.1", "Цели", "Цели и задачи"), (2, "2.2", "Задачи", "Цели и задачи")],
    ),
    (  # heading styles of a Word file give the levels of unnumbered headings
        docx_doc(("1", "Раздел 4. Цели и задачи"), ("2", "Цель 1. Доступное жильё"), (None, "Текст."),
                 ("2", "Цель 2. Чистая вода"), (None, "Текст."), ("1", "Раздел 5. Механизм реализации"),
                 (None, "Текст.")),
        [(1, "4", "Цели и задачи", None), (2, None, "Цель 1. Доступное жильё", "Цели и задачи"),
         (2, None, "Цель 2. Чистая вода", "Цели и задачи"), (1, "5", "Механизм реализации", None)],
    ),
    (  # numbered Normal paragraphs of a Word file, without any heading style
        docx_doc((None, "3. Цели стратегии"), (None, "Текст раздела."), (None, "3.1. Экономика"),
                 (None, "Текст подраздела."), (None, "3.2. Общество"), (None, "Текст подраздела.")),
        [(1, "3", "Цели стратегии", None), (2, "3.1", "Экономика", "Цели стратегии"),
         (2, "3.2", "Общество", "Цели стратегии")],
    ),
]

NOT_HEADINGS = [
    "Основные цели:\n1. Рост численности населения\n2. Снижение безработицы\nТекст.",  # a list after a colon
    "1. Рост численности населения.\n2. Снижение безработицы.",  # items ending with a stop
    "Вступление.\n1) массовый спорт\n2) детский спорт",  # «1)» numbers items, not sections
    "Вступление.\n1. рост численности населения\n2. снижение безработицы",  # lower case
    "Вступление.\n1. " + "Очень длинная строка о развитии города " * 4,  # too long for a title
]


@pytest.mark.parametrize(("doc", "expected"), TREES)
def test_section_tree(doc: Document, expected: list) -> None:
    assert tree(doc) == expected


@pytest.mark.parametrize("text", NOT_HEADINGS)
def test_list_items_are_not_sections(text: str) -> None:
    assert tree(doc_from_text(text)) == []


def test_scope_of_a_line_ends_with_its_section() -> None:
    doc = doc_from_text("6. Приоритеты\n6.1. Туризм\nЦель 1. Рост турпотока.\nТекст.\n6.2. Промышленность\n"
                        "Текст.")
    lines = doc_to_lines(doc)
    o = outline(lines)
    goal = next(i for i, line in enumerate(lines) if line.text.startswith("Цель 1"))
    assert lines[o.scope_end(goal)].text == "6.2. Промышленность"
    assert o.is_heading(goal - 1) and not o.is_heading(goal)
    assert o.section_of(goal).title == "Туризм"


# --- records read off the tree -------------------------------------------------------------

MEASURES = [
    (  # a cue with nothing under it before the next heading: the list below belongs to that heading
        doc_from_text("Цель 1. Доступное жильё.\nОсновные мероприятия:\n4. Механизм реализации\n"
                      "ежегодный план действий администрации;\nпубличный отчёт главы округа."),
        [],
    ),
    (  # measures of a later section do not take the goal of an earlier one
        docx_doc(("1", "Раздел 4. Цели"), ("2", "Цель 1. Доступное жильё"), (None, "Мероприятия:"),
                 (None, "снос аварийных домов по улице Лесной;"),
                 (None, "подготовка площадок под застройку."),
                 ("1", "Раздел 5. Механизм реализации"), (None, "Организационные мероприятия:"),
                 (None, "ежегодный отчёт главы округа перед жителями.")),
        [("снос аварийных домов по улице Лесной", "1"), ("подготовка площадок под застройку", "1"),
         ("ежегодный отчёт главы округа перед жителями", None)],
    ),
    (  # goals from styled headings; a numbered task under goal 2's heading
        docx_doc(("2", "Цель 1. Жильё"), (None, "Задача 1.1 – расселение аварийного фонда."),
                 ("2", "Цель 2. Вода"), (None, "Задача 2.1 – новый водозабор."), (None, "Мероприятия:"),
                 (None, "бурение двух артезианских скважин;"), (None, "прокладка нового водопровода.")),
        [("бурение двух артезианских скважин", "2"), ("прокладка нового водопровода", "2")],
    ),
]


@pytest.mark.parametrize(("doc", "expected"), MEASURES)
def test_measures_belong_to_their_section(doc: Document, expected: list) -> None:
    assert [(m.name, m.goal) for m in extract_text_measures(doc, NLP)] == expected


GOALS = [
    (  # a task in another section is not the goal's
        doc_from_text("Раздел 2. Цели\nЦель 1. Рост доходов населения.\nРаздел 3. Полномочия совета\n"
                      "Задача – подготовка предложений главе округа."),
        [("1", "Рост доходов населения", [])],
    ),
    (  # tasks under each goal heading of a Word file
        docx_doc(("1", "Раздел 4. Цели и задачи"), ("2", "Цель 1. Доступное жильё"),
                 (None, "Задача – расселение аварийного фонда."), ("2", "Цель 2. Чистая вода"),
                 (None, "Задача – замена водопроводных сетей.")),
        [("1", "Доступное жильё", ["расселение аварийного фонда"]),
         ("2", "Чистая вода", ["замена водопроводных сетей"])],
    ),
]


@pytest.mark.parametrize(("doc", "expected"), GOALS)
def test_tasks_belong_to_the_goal_of_their_section(doc: Document, expected: list) -> None:
    assert [(g.number, g.text, [t.text for t in g.tasks]) for g in extract_goals(doc, NLP)] == expected


DIRECTIONS = [
    (  # the numbered subsections of a section on directions are the directions
        doc_from_text("5. Приоритетные направления развития\nВступление к разделу.\n5.1. Туризм\n"
                      "Текст о туризме.\n5.2. Промышленность\nТекст о заводах.\n6. Цели\n"
                      "Цель 1. Рост доходов."),
        [("Туризм", []), ("Промышленность", [])],
    ),
    (  # labelled directions under styled headings, with their sub-directions
        docx_doc(("1", "3. Направления развития"), ("2", "Направление 1. Городская среда"),
                 (None, "Направление включает:"), (None, "благоустройство дворов;"), (None, "ремонт дорог."),
                 ("2", "Направление 2. Экономика"), (None, "Основные мероприятия:"),
                 (None, "создание бизнес-инкубатора."), ("1", "4. Механизм реализации"),
                 (None, "Механизм включает:"), (None, "ежегодный отчёт.")),
        [("Городская среда", ["благоустройство дворов", "ремонт дорог"]), ("Экономика", [])],
    ),
    (  # a section heading ends a cue's list: the next section's numbered lines are not items
        doc_from_text("Приоритетные направления развития:\n- туризм;\n- промышленность.\n"
                      "4. Механизм реализации\n4.1. Мониторинг\nТекст."),
        [("туризм", []), ("промышленность", [])],
    ),
]


@pytest.mark.parametrize(("doc", "expected"), DIRECTIONS)
def test_directions_read_off_the_tree(doc: Document, expected: list) -> None:
    assert [(d.name, d.items) for d in extract_directions(doc, NLP)] == expected


def test_stored_word_files_are_the_corpus_built() -> None:
    """tests/data/prose/*.docx are `tests.prose_corpus` as built: edit the corpus, not the files."""
    from tests.prose_corpus import DATA, DOCUMENTS, spec_to_docx

    for name, spec in DOCUMENTS.items():
        assert (DATA / name).read_bytes() == spec_to_docx(spec), name
