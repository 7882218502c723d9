"""Measures listed in running text under «Основные мероприятия:», «Мероприятия:», «План мероприятий»."""

from __future__ import annotations

import pytest

from stratdoc.extract.nlp import shared as shared_nlp
from stratdoc.extract.text.measures import extract_text_measures
from stratdoc.ingest import read_bytes

NLP = shared_nlp()

PLAN_TEXT = """Цель 2. Развитие транспортной инфраструктуры города.

Задача 2.1. Повышение доступности общественного транспорта.

Основные мероприятия:
- строительство объездной дороги;
- ремонт мостов через реку.

Мероприятия: обновление автобусного парка; устройство остановочных павильонов.

Цель 3. Комфортная городская среда.

План мероприятий
1. Разработка проекта планировки.
2. Благоустройство набережной.

Мероприятие «Формирование образовательной сети» показано на слайде.

ПЛАН МЕРОПРИЯТИЙ

МЕХАНИЗМ РЕАЛИЗАЦИИ

- этот список стоит не под заголовком мероприятий
"""


def test_lists_under_leads_become_measures() -> None:
    doc = read_bytes("plan.txt", PLAN_TEXT.encode())
    measures = extract_text_measures(doc, NLP)
    assert [(m.number, m.name, m.goal, m.funding) for m in measures] == [
        (None, "строительство объездной дороги", "2", []),
        (None, "ремонт мостов через реку", "2", []),
        (None, "обновление автобусного парка", "2", []),
        (None, "устройство остановочных павильонов", "2", []),
        ("1", "Разработка проекта планировки", "3", []),
        ("2", "Благоустройство набережной", "3", []),
    ]
    first = measures[0]
    assert doc.text[first.span.start:first.span.end] == "- строительство объездной дороги;"
    inline = measures[2]
    assert doc.text[inline.span.start:inline.span.end] == "обновление автобусного парка"


@pytest.mark.parametrize("text", [
    "Мероприятие «Обеспечение развития общего образования»\n\nновые места в школах",
    "ПЛАН МЕРОПРИЯТИЙ\n\nМЕХАНИЗМ РЕАЛИЗАЦИИ СТРАТЕГИИ",
    "ПЛАН ОБЕСПЕЧИВАЕТ\n\n- анализ исполнения\n- оценку отклонений",
])
def test_no_measures_without_a_lead(text: str) -> None:
    assert extract_text_measures(read_bytes("x.txt", text.encode()), NLP) == []


def test_seed_003_has_no_text_measures(shared) -> None:
    path = shared / "seeds" / "003_f94694af1a25ca89.txt"
    if not path.is_file():
        pytest.skip("seed 003 absent")
    assert extract_text_measures(read_bytes(path, path.read_bytes()), NLP) == []


# --- measures as plain Normal paragraphs of a Word file ----------------------------------------

def word_doc(*paragraphs: str):
    """Normal paragraphs only: no list style, no numbering, nothing but the text's shape."""
    from tests.office_factory import docx_bytes, para

    return read_bytes("plan.docx", docx_bytes(*(para(p) for p in paragraphs)))


PLAIN_LEADS = ["Основные мероприятия:", "Мероприятия:", "Для этого предусматривается:",
               "В рамках задачи планируются следующие мероприятия:", "В его рамках предусматривается:"]


@pytest.mark.parametrize("lead", PLAIN_LEADS)
def test_plain_paragraphs_under_a_lead_are_measures(lead: str) -> None:
    doc = word_doc("Цель 2. Развитие сельского хозяйства.", "Задача 2.1. Поддержка фермеров.", lead,
                   "предоставление грантов начинающим фермерам;", "строительство овощехранилища;",
                   "проведение ярмарки выходного дня.", "Задача 2.2. Развитие кооперации.")
    measures = extract_text_measures(doc, NLP)
    assert [(m.name, m.goal) for m in measures] == [
        ("предоставление грантов начинающим фермерам", "2"), ("строительство овощехранилища", "2"),
        ("проведение ярмарки выходного дня", "2")]
    assert doc.text[measures[0].span.start:measures[0].span.end].startswith("предоставление грантов")


def test_measures_of_a_task_take_the_goal_its_number_names() -> None:
    doc = word_doc("Задача 3.1. Очистка рек.", "Мероприятия:", "расчистка русла реки Ясенки;",
                   "укрепление берегов.")
    assert [(m.name, m.goal) for m in extract_text_measures(doc, NLP)] == [
        ("расчистка русла реки Ясенки", "3"), ("укрепление берегов", "3")]


@pytest.mark.parametrize("paragraphs", [
    # problems, results and mechanisms are lists too, but not of measures
    ("Основные проблемы района:", "отток молодёжи в областной центр;", "износ водопроводных сетей."),
    ("Реализация стратегии позволит:", "увеличить доходы жителей;", "снизить число аварий."),
    ("Реализация стратегии опирается на:", "ежегодный план действий;", "мониторинг показателей."),
    # capitalised prose after a lead is not a list of measures
    ("Основные мероприятия:", "В 2025 году начнётся строительство школы. Проект готов."),
])
def test_plain_paragraphs_without_a_measure_lead(paragraphs: tuple[str, ...]) -> None:
    assert extract_text_measures(word_doc(*paragraphs), NLP) == []


def test_a_plain_run_ends_where_the_list_does() -> None:
    doc = word_doc("Мероприятия:", "ремонт дорог в деревне Мохово;", "строительство моста.",
                   "пояснения к плану приведены в приложении.")
    assert [m.name for m in extract_text_measures(doc, NLP)] == ["ремонт дорог в деревне Мохово",
                                                                  "строительство моста"]


def test_a_verb_lead_needs_a_frame() -> None:
    """«предусматривается:» leads measures when the line ties it to the task above («Для
    этого», «В рамках задачи»); the clauses an agreement provides for are no measures."""
    doc = read_bytes("x.txt", "В соглашении о предоставлении субсидии предусматриваются:\n"
                     "- целевое назначение субсидии;\n- сведения о размере субсидии.".encode())
    assert extract_text_measures(doc, NLP) == []


def test_bullets_typed_without_a_space() -> None:
    doc = read_bytes("x.txt", "Основные мероприятия:\n-ремонт сельских дорог;\n-строительство моста через "
                     "реку. Объем инвестиций 10 млн. рублей.".encode())
    assert [m.name for m in extract_text_measures(doc, NLP)] == ["ремонт сельских дорог",
                                                                  "строительство моста через реку"]


def test_measures_as_the_subject_of_their_lead_and_amendment_notes() -> None:
    doc = word_doc("Мероприятия по решению задачи «Развитие науки» включают:",
                   "организацию научных исследований для нужд края;",
                   "абзац утратил силу. – Постановление Правительства края от 15.02.2016 N 41;",
                   "проведение конкурса работ в области науки.")
    assert [m.name for m in extract_text_measures(doc, NLP)] == [
        "организацию научных исследований для нужд края", "проведение конкурса работ в области науки"]
