"""A person's name comes out first name first («Петров Иван» → «Иван Петров»), and a later
«И. Петров» is the same person as «Иван Петров» when the text gives the first name. Without a
first name in the text, initials stay as printed. All texts are invented."""

from __future__ import annotations

import pytest

from stratdoc.extract.entities.persons import extract_persons
from stratdoc.extract.nlp import shared
from tests.narrative_doc import doc_from_text


@pytest.mark.parametrize(("text", "expected"), [
    ("Глава района Петров Иван рассказал о планах развития.", ["Иван Петров"]),
    ("В обсуждении участвовала заместитель мэра Кравцова Мария.", ["Мария Кравцова"]),
    ("Министр экономики Сидоренко Алексей Викторович представил стратегию.",
     ["Алексей Викторович Сидоренко"]),
    ("Глава района Иван Петров рассказал о планах. Позже И. Петров ответил на вопросы жителей.",
     ["Иван Петров"]),
    ("Директор центра Ольга Смирнова открыла сессию. «Мы готовы», — сказала О. Смирнова.",
     ["Ольга Смирнова"]),
    ("Глава района Петров Иван рассказал о планах. Позже И. Петров ответил на вопросы жителей.",
     ["Иван Петров"]),
    ("Председатель комиссии А.В. Лебедев отметил рост числа участников.", ["А.В. Лебедев"]),
])
def test_first_name_first(text: str, expected: list[str]) -> None:
    assert [p.name for p in extract_persons(doc_from_text(text), nlp=shared())] == expected
