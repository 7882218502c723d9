"""Goals with their tasks from running text: lines → records, numbering as printed."""

from __future__ import annotations

import pytest

from stratdoc.extract.nlp import shared as shared_nlp
from stratdoc.extract.text.goals import extract_goals
from stratdoc.schema import Goal
from tests.narrative_doc import doc_from_text

NLP = shared_nlp()


def brief(g: Goal) -> tuple[str | None, str, list[tuple[str | None, str]]]:
    return g.number, g.text, [(t.number, t.text) for t in g.tasks]


CASES = [
    (  # numbered goals, numbered tasks under them, then a «Задачи:» list
        "Цель 1. Повышение качества жизни населения.\n"
        "Задача 1.1. Развитие системы образования.\n"
        "Задача 1.2. Обеспечение доступности медицинской помощи.\n"
        "Цель 2. Устойчивый рост экономики города.\n"
        "Задачи:\n- поддержка малого и среднего предпринимательства;\n- привлечение инвестиций.",
        [("1", "Повышение качества жизни населения",
          [("1.1", "Развитие системы образования"), ("1.2", "Обеспечение доступности медицинской помощи")]),
         ("2", "Устойчивый рост экономики города",
          [(None, "поддержка малого и среднего предпринимательства"), (None, "привлечение инвестиций")])],
    ),
    (  # a task numbered 1.2 joins goal 1 even after goal 2
        "Цель 1. Чистый город.\nЦель 2. Безопасный город.\nЗадача 1.2. Раздельный сбор отходов.",
        [("1", "Чистый город", [("1.2", "Раздельный сбор отходов")]), ("2", "Безопасный город", [])],
    ),
    (  # «Главной целью … является …»: the statement to the end of its sentence
        "Главной целью Стратегии является повышение качества жизни населения Твери на основе "
        "устойчивого развития экономики. Это потребует усилий.",
        [(None, "повышение качества жизни населения Твери на основе устойчивого развития экономики", [])],
    ),
    (
        "Стратегическая цель – превращение Сургута в комфортный для жизни город.",
        [(None, "превращение Сургута в комфортный для жизни город", [])],
    ),
    (  # inline tasks after «Задачи:»
        "Цель: создание условий для развития туризма.\n"
        "Задачи: развитие гостиничной инфраструктуры; продвижение туристического бренда.",
        [(None, "создание условий для развития туризма",
          [(None, "развитие гостиничной инфраструктуры"), (None, "продвижение туристического бренда")])],
    ),
    (  # a list of goals under «… цели …:»
        "Основные цели стратегии:\n1. Рост численности населения.\n2. Снижение безработицы.",
        [("1", "Рост численности населения", []), ("2", "Снижение безработицы", [])],
    ),
    ("Цели 3: Развитие транспортной системы", [("3", "Развитие транспортной системы", [])]),
    (
        "Стратегическая цель 2 - сбалансированное пространственное развитие.\n"
        "Задача 2.1 - развитие агломерации.",
        [("2", "сбалансированное пространственное развитие", [("2.1", "развитие агломерации")])],
    ),
    (  # a goal restated later (another table of the same plan) is one record
        "Цель 1. Развитие человеческого потенциала.\nЦель 1. Человеческий потенциал.",
        [("1", "Развитие человеческого потенциала", [])],
    ),
]

NOTHING = [
    "- цели и задачи стратегии\n- источники финансирования",
    "Основная задача совета — подготовить предложения.",  # a task without a goal
    "ОТ ЦЕЛИ К РЕЗУЛЬТАТУ",
    "Для достижения целей стратегии нужны ресурсы.",
    "Цели и задачи: см. раздел 3.",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_goals(text: str, expected: list) -> None:
    assert [brief(g) for g in extract_goals(doc_from_text(text), NLP)] == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_goals(text: str) -> None:
    assert extract_goals(doc_from_text(text), NLP) == []


def test_span_points_at_the_statement() -> None:
    doc = doc_from_text("Введение.\nЦель 4. Доступное жилье.")
    (g,) = extract_goals(doc, NLP)
    assert doc.text[g.span.start:g.span.end] == "Цель 4. Доступное жилье"
    assert g.span.page == 1


def test_goal_rows_of_tables_are_left_to_the_table_extractor() -> None:
    doc = doc_from_text("План.", tables=[[["Цель 1. Развитие туризма", ""], ["1", "Ремонт музея"]]])
    assert extract_goals(doc, NLP) == []


def test_seed_documents_state_no_goal_outside_tables(shared) -> None:
    """Seed goals stand in plan tables only, so running text must yield none of its own."""
    from tests.narrative_doc import seeds_with

    docs = seeds_with(shared, "directions")
    assert docs
    for doc, gold in docs:
        assert extract_goals(doc, NLP) == [], gold["source"]
