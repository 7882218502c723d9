"""Table roles from header lemmas, the name column and the caption; resource tables by row labels."""

from __future__ import annotations

import pytest

from stratdoc.extract.nlp import shared
from stratdoc.extract.tables.roles import TableRole, classify_table, is_resource_table, lemmas_of

NLP = shared()


@pytest.mark.parametrize(("header", "name_header", "caption", "role"), [
    ("№ п/п Наименование мероприятия Источники финансирования (млн руб.) Ответственный исполнитель "
     "Ожидаемый результат", "Наименование мероприятия", "", TableRole.MEASURES),
    ("Мероприятия программы Сроки исполнения Исполнители Объемы финансирования",
     "Мероприятия программы", "", TableRole.MEASURES),
    ("№ п/п Наименование показателя (индикатора), ед. измерения Значение показателя по годам "
     "Ответственный исполнитель", "Наименование показателя (индикатора), ед. измерения", "",
     TableRole.INDICATORS),
    ("Целевой индикатор Единица измерения Базовое значение 2025 2030", "Целевой индикатор", "",
     TableRole.INDICATORS),
    ("№ п/п Наименование и наименование объекта Муниципальный объект Планируемые мероприятия "
     "Срок реализации проекта Источники финансирования (млн руб.) Ответственный исполнитель",
     "Наименование и наименование объекта", "Перечень приоритетных проектов", TableRole.PROJECTS),
    ("Наименование организации Название проекта Срок реализации Стоимость, млн. рублей Статус проекта",
     "Название проекта", "Реестр инвестиционных проектов", TableRole.PROJECTS),
    ("№ п/п Наименование объекта Заказчик Сроки реализации Мощность объекта Объем инвестиций",
     "Наименование объекта", "", TableRole.PROJECTS),
    ("N п/п Наименование предприятия Количество магазинов, шт. Число занятых, чел.",
     "Наименование предприятия", "", TableRole.OTHER),
    ("Год Население", "", "", TableRole.OTHER),
])
def test_classify_by_header(header: str, name_header: str, caption: str, role: TableRole) -> None:
    assert classify_table(header, name_header, caption, nlp=NLP) is role


def test_resource_table_by_row_labels() -> None:
    labels = ["Всего", "федеральный бюджет", "областной бюджет", "бюджет района", "внебюджетные источники"]
    assert is_resource_table(labels, has_periods=True, nlp=NLP)
    assert not is_resource_table(labels, has_periods=False, nlp=NLP)
    assert not is_resource_table(["Строительство школы", "Ремонт дорог", "Всего"], has_periods=True, nlp=NLP)
    # the row labels override a header that looks like a plan of measures
    assert classify_table("Источник финансирования 2024 2025 Ответственный исполнитель мероприятия", "",
                          "", labels, has_periods=True, nlp=NLP) is TableRole.FUNDING


@pytest.mark.parametrize(("text", "lemma"), [
    ("Наименование мероприятий", "мероприятие"),
    ("Показателя (индикатора)", "индикатор"),
    ("Объём инвестиций", "объем"),
    ("Сроки реализации", "срок"),
])
def test_lemmas_of(text: str, lemma: str) -> None:
    assert lemma in lemmas_of(text, NLP)
