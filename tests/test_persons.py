"""Named people and their positions: sentences → Person records."""

from __future__ import annotations

import pytest

from stratdoc.extract.entities.persons import extract_persons, name_word_to_nominative
from stratdoc.extract.nlp import shared as shared_nlp
from stratdoc.schema import Person
from tests.narrative_doc import doc_from_text, norm, seeds_with

NLP = shared_nlp()


def brief(p: Person) -> tuple[str, str | None, str | None]:
    return p.name, p.position, p.organization


CASES = [
    (  # position before the name, after a verb of speech
        "«Город должен меняться», — подчеркнул сити-менеджер Сочи Андрей Лебедев.",
        [("Андрей Лебедев", "сити-менеджер Сочи", None)],
    ),
    (  # position after the name, set off by commas
        "Мария Соколова, заместитель министра экономического развития Тверской области, отметила "
        "важность проекта.",
        [("Мария Соколова", "заместитель министра экономического развития Тверской области", None)],
    ),
    (  # oblique case: name and position become nominative
        "Встреча прошла с министром экономики Иваном Петровым.",
        [("Иван Петров", "министр экономики", None)],
    ),
    (  # sentence start: the position is lower-cased; the body inside it is the organization
        "Первый заместитель главы администрации Томска Олег Сидоров представил проект.",
        [("Олег Сидоров", "первый заместитель главы администрации Томска", "Администрация Томска")],
    ),
    (  # two people in one sentence, legal-form organizations inside the positions
        "В сессии участвовали генеральный директор АО «Вектор» Павел Орлов и вице-президент "
        "ПАО «Северный банк» Анна Белова.",
        [("Павел Орлов", "генеральный директор АО «Вектор»", "АО «Вектор»"),
         ("Анна Белова", "вице-президент ПАО «Северный банк»", "ПАО «Северный банк»")],
    ),
    (  # two positions of one person, joined by a comma
        "На форуме выступили ректор Новгородского университета Сергей Волков, член Общественной "
        "палаты РФ, профессор Елена Морозова.",
        [("Сергей Волков", "ректор Новгородского университета", "Новгородский университет"),
         ("Елена Морозова", "член Общественной палаты РФ, профессор", "Общественная палата РФ")],
    ),
    (  # a position holding a comma of its own
        "С гостями встретились министр по туризму, культуре и спорту Псковской области Ирина Зайцева.",
        [("Ирина Зайцева", "министр по туризму, культуре и спорту Псковской области", None)],
    ),
    (  # feminine genitive after «по словам»
        "По словам начальницы управления культуры Анны Ивановой, музей откроется весной.",
        [("Анна Иванова", "начальница управления культуры", None)],
    ),
    (  # a name without a position
        "Проект поддержал Николай Смирнов.",
        [("Николай Смирнов", None, None)],
    ),
    (  # initials before the surname, as decrees sign
        "Глава администрации района В.В. Соколов подписал постановление.",
        [("В.В. Соколов", "глава администрации района", "Администрация района")],
    ),
    (  # without a first name the gender is unknown: a nominative-looking surname stays
        "Контроль оставляю за собой. Глава Липецкого сельсовета Е.В. Акимова",
        [("Е.В. Акимова", "глава Липецкого сельсовета", "Липецкий сельсовет")],
    ),
    (  # a town natasha put into the name goes back to the position
        "Куратором программы является первый заместитель главы городского округа Коломна Д.Б. Лубяной",
        [("Д.Б. Лубяной", "первый заместитель главы городского округа Коломна", None)],
    ),
    (  # formula letters and form captions are no people
        "Эффективность: Эи = Ифакт / Иплан * 100 %. Исполнитель (Ф.И.О) Контактный телефон",
        [],
    ),
    (  # a lone surname is no person
        "Кузнецов сообщил, что работы завершены.",
        [],
    ),
    (  # the same person twice is one record; the later position fills in
        "Проект представил Игорь Зуев. Директор агентства развития Игорь Зуев ответил на вопросы.",
        [("Игорь Зуев", "директор агентства развития", "Агентство развития")],
    ),
    (  # names of streets, avenues and dedications are no people
        "Школу построят на ул. К. Маркса и на проспекте А. Дериглазова, рядом с музеем имени "
        "М.К. Аммосова.",
        [],
    ),
    (  # a signature: position lines above a name line in capitals
        "Губернатор\n\nКурской области\n\nА.Н.МИХАЙЛОВ",
        [("А.Н. Михайлов", "Губернатор Курской области", None)],
    ),
    (  # a signature whose position names a body
        "Председатель Череповецкой городской Думы\nА.Н. Морозова",
        [("А.Н. Морозова", "Председатель Череповецкой городской Думы", "Череповецкая городская Дума")],
    ),
    (  # a signature on one line, the name after a tab
        "Руководитель Исполнительного комитета\tР.Г. Каримов",
        [("Р.Г. Каримов", "Руководитель Исполнительного комитета", "Исполнительный комитет")],
    ),
    (  # a name line under no position is an ordinary mention, its capitals written as a name
        "Утвердить план.\nС.Н. ГРОМОВ",
        [("С.Н. Громов", None, None)],
    ),
    (  # a name opening the sentence before its apposition is nominative, though «Евгения» also
       # reads as the genitive of «Евгений»
        "Евгения Смирнова, директор музея, пояснила, что выставка откроется весной.",
        [("Евгения Смирнова", "директор музея", None)],
    ),
    (  # inside the sentence, with a genitive apposition, the same name is a genitive
        "Доклад Евгения Смирнова, директора музея, прозвучал первым.",
        [("Евгений Смирнов", "директор музея", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_to_persons(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert [brief(p) for p in extract_persons(doc_from_text(text), nlp=NLP)] == expected


@pytest.mark.parametrize(("word", "case", "gender", "expected"), [
    ("Кусковым", "Ins", "Masc", "Кусков"),
    ("Петровой", "Gen", "Fem", "Петрова"),
    ("Достоевского", "Gen", "Masc", "Достоевский"),
    ("Иваном", "Ins", "Masc", "Иван"),
    ("Малхасян", "Nom", "Masc", "Малхасян"),
    ("И.", "Gen", "Masc", "И."),
])
def test_name_word_to_nominative(word: str, case: str, gender: str, expected: str) -> None:
    assert name_word_to_nominative(word, case, gender, NLP) == expected


def test_names_in_table_cells_need_a_position() -> None:
    """A register prints names in addresses; a name never runs into the next cell."""
    doc = doc_from_text("Перечень объектов", tables=[[
        ["Объект", "Статус"],
        ["Школа по пр-ту Н. Плевицкой", "Реализуемый"],
        ["Ответственный Иван Петров", ""],
        ["Губернатор Курской области", "А.Н. Михайлов"],
    ]])
    assert [brief(p) for p in extract_persons(doc, nlp=NLP)] == [
        ("А.Н. Михайлов", "Губернатор Курской области", None)]


def test_span_points_at_the_name() -> None:
    doc = doc_from_text("Заседание открыл глава района Павел Кругов.")
    (person,) = extract_persons(doc, nlp=NLP)
    assert doc.text[person.span.start:person.span.end] == "Павел Кругов"
    assert person.span.page == 1


def test_seed_persons_and_positions(shared) -> None:
    """Every person of the gold files is found, with the position as the gold prints it."""
    for doc, gold in seeds_with(shared, "persons"):
        found = {norm(p.name): p for p in extract_persons(doc, nlp=NLP)}
        assert set(found) == {norm(g["name"]) for g in gold["persons"]}, doc.source
        for g in gold["persons"]:
            assert norm(found[norm(g["name"])].position or "") == norm(g["position"]), g["name"]
