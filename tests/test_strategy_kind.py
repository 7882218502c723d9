"""A document titled as a strategy is a `strategy` without a decree around it, whatever the
adjective before the word or the complement after it; a report on a strategy, a plan that
implements one, a decree that adopts one and prose that mentions one stay what they are.
All texts are invented."""

from __future__ import annotations

import pytest

from stratdoc.extract.document.kind import document_kind
from stratdoc.extract.nlp import shared

BODY = ("\n\n1. Общие положения\n\nНастоящий документ определяет приоритеты, цели и задачи на "
        "долгосрочный период и опирается на анализ сложившейся ситуации.\n")


@pytest.mark.parametrize("title", [
    "ЭКСПОРТНАЯ СТРАТЕГИЯ\nОЗЁРНОЙ ОБЛАСТИ\nна период до 2030 года",
    "Инвестиционная стратегия Приречного муниципального района до 2035 года",
    "Стратегия экспорта продукции агропромышленного комплекса Озёрной области",
    "Туристическая стратегия города Светлогорска на 2025–2036 годы",
    "Региональная стратегия цифровой трансформации ключевых отраслей",
    "Стратегия Северного городского округа – 2040",
    "Стратегия пространственного развития Лесного края",
])
def test_titled_as_a_strategy(title: str) -> None:
    assert document_kind(title + BODY, nlp=shared()) == "strategy"


@pytest.mark.parametrize(("text", "kind"), [
    ("Отчёт о ходе реализации Стратегии социально-экономического развития города Светлогорска за 2024 год"
     + BODY, "other"),
    ("План мероприятий по реализации Инвестиционной стратегии Приречного района" + BODY, "action_plan"),
    ("ПОСТАНОВЛЕНИЕ\n\nОб утверждении Экспортной стратегии Озёрной области\n\nПравительство области "
     "постановляет:\n1. Утвердить прилагаемую стратегию.", "decree"),
    ("Аналитическая записка\n\nСтратегия развития области предусматривает рост занятости, а региональная "
     "стратегия экспорта опирается на поддержку производителей." + BODY, "other"),
])
def test_not_a_strategy_document(text: str, kind: str) -> None:
    assert document_kind(text, nlp=shared()) == kind
