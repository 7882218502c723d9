"""Projects named in running text: sentences → project names."""

from __future__ import annotations

import pytest

from stratdoc.extract.nlp import shared as shared_nlp
from stratdoc.extract.text.projects import extract_text_projects
from stratdoc.extract.text.units import quote_spans, sentence_bounds
from tests.narrative_doc import doc_from_text

NLP = shared_nlp()

CASES = [
    # quoted names after cue nouns; a weak cue (технопарк, портал) needs a verb of proposing
    ("Участники форума предложили создать в Твери молодежный технопарк «Кванториум-Тверь» и "
     "запустить портал «Открытый город».", ["Кванториум-Тверь", "Открытый город"]),
    ("Администрация Перми представила проект «Набережная будущего».", ["Набережная будущего"]),
    ("Команда Вологды разработала чат-бот «Городской помощник» и систему мониторинга дорог "
     "«Дорожный контроль».", ["Городской помощник", "Дорожный контроль"]),
    ("Также был рассмотрен проект строительства ледовой арены «Айсберг» в микрорайоне Северный.",
     ["Айсберг"]),
    ("Жители выбрали проекты «Сквер у реки», «Тропа здоровья» и «Двор без границ».",
     ["Сквер у реки", "Тропа здоровья", "Двор без границ"]),
    ('Омские урбанисты предложили запустить конкурс "Лучший фасад".', ["Лучший фасад"]),
    # apposition after a cue noun; «создание»/«разработка» give way to their objects, in the nominative
    ("Еще одна инициатива — школа городского активиста.", ["школа городского активиста"]),
    ("Отдельный проект — сеть городских коворкингов.", ["сеть городских коворкингов"]),
    ("Другой проект — создание молодежного пространства и разработка городского бренда.",
     ["молодежное пространство", "городской бренд"]),
    ("Эксперты предложили внедрить цифровые сервисы — электронную очередь в поликлиники и "
     "городское приложение.", ["электронная очередь в поликлиники", "городское приложение"]),
    # coordinated objects of a verb of proposing that open with a cue noun
    ("Эксперты предложили открыть бизнес-инкубатор для студентов, фестиваль уличной еды и сеть велодорожек.",
     ["бизнес-инкубатор для студентов", "фестиваль уличной еды", "сеть велодорожек"]),
    ("Мастерская «Туризм» предложила разработать единый туристический маршрут по области.",
     ["единый туристический маршрут по области"]),
    # a name with its abbreviation
    ("Горожане предложили создать Центр городских инициатив (ЦГИ) при мэрии.", ["Центр городских инициатив"]),
]

NOTHING = [
    "Генеральный директор центра «Мой бизнес» Иван Петров рассказал о мерах поддержки.",  # an organization
    "В рамках программы «Формирование комфортной городской среды» благоустроено 12 дворов.",
    "В Кирове обсудили идеи по направлениям «Экономика» и «Среда».",  # directions, not projects
    "Участники сессии «Город будущего» предложили свои идеи.",
    "Проект стратегии социально-экономического развития (СЭР) города представят в ноябре.",
    "«Мы рассчитываем, что новый центр поддержки станет точкой притяжения для всех предпринимателей "
    "и жителей района, и предложим проект по созданию кластера», — отметил мэр.",  # reported speech
    "Газета «Вечерний Кемерово» сообщила, что предприятия АО «Азот» готовы поддержать проекты.",
    "Участники предложили проекты, которые возможно реализовать в городе.",
    "Госкорпорация внесла предложение утвердить тринадцатый проект.",
    "ПРИОРИТЕТНЫЕ ПРОЕКТЫ\n- ОТКРЫТИЕ ВЫСТАВОЧНОГО ЦЕНТРА «ГАЛЕРЕЯ»",  # slide titles are not running text
    "Мероприятие «Обеспечение развития общего образования» выполнено.",
    # quoted words that name nothing, numbers, places and legal forms before quotes
    "Между «текущими» и «инвестиционными» расходами проекта бюджета нет границы.",
    "Дата составления проекта «29» декабря 2018 г.",
    "Завершены инвестиционные проекты на территории МО МР «Заречный».",
    "Проекты поддержаны в рамках конкурса ПАО «Северсталь».",
    "Необходимо организовать размещение в средствах массовой информации и сети Интернет отчетов.",
    "Программа концептуально связана с системой мер, реализуемых на федеральном уровне, и создает основу.",
    "Основа для разработки планов, программ и отдельных проектов в сфере культуры создана.",
    "Реализация Программы позволит создать эффективную систему правовых, организационных механизмов.",
    "Одной из инициатив жителей Усть - Кутского района стал сбор средств.",
]

QUOTES = [
    ("проект «Сад» и «Сквер»", ["Сад", "Сквер"]),
    ("бюро «Дом «Мастер»» открыто", ["Дом «Мастер»"]),
    ('конкурс "Лучший двор" и "Чистый берег"', ["Лучший двор", "Чистый берег"]),
    ("незакрытая «кавычка и текст", []),
]

SENTENCES = [
    ("В г. Орле открыт центр. Работы начнутся в 2025 г. Итог подведут позже.",
     ["В г. Орле открыт центр.", "Работы начнутся в 2025 г. Итог подведут позже."]),
    ("Проекты «Цифровой портрет» (работника.— ред.) и «Сад». Еще два — позже.",
     ["Проекты «Цифровой портрет» (работника.— ред.) и «Сад».", "Еще два — позже."]),
    ("Доклад сделал А. С. Петров. Он закончил.", ["Доклад сделал А. С. Петров.", "Он закончил."]),
]


@pytest.mark.parametrize(("text", "expected"), QUOTES)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == expected


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence_bounds(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentence_bounds(text)] == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_text_projects(text: str, expected: list[str]) -> None:
    assert [p.name for p in extract_text_projects(doc_from_text(text), NLP)] == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_text_projects(text: str) -> None:
    assert extract_text_projects(doc_from_text(text), NLP) == []


def test_span_points_at_the_printed_name() -> None:
    doc = doc_from_text("Итоги.\nЭксперты предложили создать единую карту жителя и проект «Чистый берег».")
    found = extract_text_projects(doc, NLP)
    assert [(p.name, doc.text[p.span.start:p.span.end], p.span.page) for p in found] == [
        ("единая карта жителя", "единую карту жителя", 1), ("Чистый берег", "Чистый берег", 1)]


def test_seed_documents(shared) -> None:
    """Every text project is a gold one; in documents without tables every required one is found."""
    from tests.narrative_doc import seeds_with, similar

    docs = seeds_with(shared, "projects")
    assert docs
    for doc, gold in docs:
        found = [p.name for p in extract_text_projects(doc, NLP)]
        for name in found:
            assert any(similar(name, g["name"]) for g in gold["projects"]), (gold["source"], name)
        if not doc.tables:
            for g in gold["projects"]:
                assert g.get("optional") or any(similar(name, g["name"]) for name in found), g["name"]
