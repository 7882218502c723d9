"""People in the member lists of teams, councils, commissions and working groups.

A decree that creates a body lists its members in one of a few layouts: «Фамилия» on one line
and «Имя Отчество» under it, the position after a dash (on the same line as the surname in two
columns, a PDF reads the two columns row by row and mixes them into one paragraph); «Фамилия
Имя Отчество – должность» on one line; a table «ФИО | должность». Each member is one person,
named first name first, with the position printed beside the name. The same person named again
by initials in an oblique case («возложить на … Т.О. Ефремову») or in a signature is the same
record; a first name with a patronymic alone is nobody. The documents of tests/data/decl were
written for these tests, about invented towns, regions and people; each keyed person is one test
(found, with the right position), and each document's unexpected persons one more.
"""

from __future__ import annotations

import pytest

from stratdoc.extract.entities.persons import extract_persons
from stratdoc.extract.nlp import shared
from tests.decl_factory import variants
from tests.narrative_doc import doc_from_text
from tests.test_act_metadata import exported, keys
from tests.test_narrative_golden import match, value_eq


def person_cases() -> list[tuple[str, int]]:
    return [(name, i) for key in keys() for name, _ in variants(key["source"])
            for i in range(len(key["persons"]))]


def document_names() -> list[str]:
    return [name for key in keys() for name, _ in variants(key["source"])]


def key_of(name: str) -> dict:
    return next(k for k in keys() if any(n == name for n, _ in variants(k["source"])))


@pytest.mark.parametrize(("name", "index"), person_cases())
def test_member_found_with_position(name: str, index: int) -> None:
    golds = key_of(name)["persons"]
    preds = exported(name)["persons"]
    pairs = dict(match("persons", golds, preds))
    want = golds[index]
    assert index in pairs, f"{name}: missing {want['name']}; got {[p['name'] for p in preds]}"
    got = preds[pairs[index]]
    assert value_eq(want["position"], got.get("position")), \
        f"{name}: {got['name']}: want {want['position']!r}, got {got.get('position')!r}"


@pytest.mark.parametrize("name", document_names())
def test_no_unexpected_persons(name: str) -> None:
    golds = key_of(name)["persons"]
    preds = exported(name)["persons"]
    matched = {j for _, j in match("persons", golds, preds)}
    assert [p["name"] for j, p in enumerate(preds) if j not in matched] == []


# short texts --------------------------------------------------------------------------------------
def persons_of(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.position) for p in extract_persons(doc_from_text(text), nlp=shared())]


@pytest.mark.parametrize("text", [
    "Уважаемый Геннадий Ильич!\n\nНаправляем Вам проект стратегии для согласования.",
    "Слово для доклада предоставили Ольге Витальевне, она рассказала о ходе работы.",
    "Состав совета\n\nАндрей Сергеевич\nОльга Витальевна\n",
], ids=["greeting", "dative", "list"])
def test_first_name_with_patronymic_alone_is_nobody(text: str) -> None:
    assert persons_of(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Контроль возложить на начальника финансового управления Н.И. Лаврову.\n\n"
     "Лаврова Надежда Игнатьевна – начальник финансового управления администрации района",
     "Надежда Игнатьевна Лаврова"),
    ("Совещание прошло под руководством министра экономики Р.О. Анисимова.\n\n"
     "Анисимов Роман Олегович – министр экономики Туманской области",
     "Роман Олегович Анисимов"),
    ("Доклад поручено подготовить директору центра Э.В. Кравцу.\n\n"
     "Кравец\nЭдуард Вадимович\n- директор центра поддержки экспорта",
     "Эдуард Вадимович Кравец"),
], ids=["accusative-fem", "genitive-masc", "dative-two-lines"])
def test_initials_in_an_oblique_case_fold_into_the_full_name(text: str, name: str) -> None:
    assert [n for n, _ in persons_of(text)] == [name]


@pytest.mark.parametrize("text", [
    "Глава района\nК.Д. ЯСТРЕБОВ\n\nНа встрече глава района К.Д. Ястребов рассказал о планах.",
    "Губернатор области К. Ястребов открыл сессию.\n\nВедущим сессии стал губернатор области "
    "К.Д. Ястребов.",
], ids=["signature-and-text", "one-and-two-initials"])
def test_one_person_named_twice_by_initials_is_one_record(text: str) -> None:
    assert len(persons_of(text)) == 1


@pytest.mark.parametrize(("text", "position"), [
    ("Совет прошел под председательством заместителя губернатора области - министра экономики "
     "В.С. Анохиной.", "заместитель губернатора области - министр экономики"),
    ("Заседание провел первый заместитель главы округа - начальник финансового управления "
     "Д.А. Кривошеев.", "первый заместитель главы округа - начальник финансового управления"),
], ids=["genitive", "nominative"])
def test_a_double_position_joined_by_a_dash(text: str, position: str) -> None:
    assert [p for _, p in persons_of(text)] == [position]
