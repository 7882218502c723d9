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
