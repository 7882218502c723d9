"""A list of authors, compilers or signatures (names with initials and no position) names the
people who wrote the document, not the people the strategy is about: no Person comes of it.
A named person with a position next to such a list is still found. All texts are invented."""

from __future__ import annotations

import pytest

from stratdoc.extract.entities.persons import extract_persons
from stratdoc.extract.nlp import shared
from tests.narrative_doc import doc_from_text

LISTS = [
    "Авторский коллектив: Иванов И.И., Петрова А.С., Сидоренко В.В., Кузнецова Е.Н.",
    "Разработчики:\nА.В. Смирнов\nО.П. Ковалёва\nД.С. Фёдоров",
    "Составители: Белов П.Р., Орлова Н.Н.\n\nОтветственный за выпуск: Г.Г. Зайцев",
    "Исполнители\nЛебедева М.А.\nВолков С.И.\nМорозов К.Е.\n",
]


@pytest.mark.parametrize("text", LISTS)
def test_author_list_gives_no_persons(text: str) -> None:
    body = ("Стратегия развития Озёрного района до 2035 года\n\n" + text +
            "\n\n1. Общие положения\n\nНастоящая стратегия определяет цели развития района.\n")
    assert [p.name for p in extract_persons(doc_from_text(body), nlp=shared())] == []


def test_a_person_with_a_position_beside_an_author_list_is_kept() -> None:
    text = ("Составители: Белов П.Р., Орлова Н.Н.\n\n"
            "Глава Озёрного района Андрей Викторович Синицын отметил, что стратегию обсудили с жителями.\n")
    names = [p.name for p in extract_persons(doc_from_text(text), nlp=shared())]
    assert names == ["Андрей Викторович Синицын"]
