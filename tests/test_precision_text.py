"""Precision of the text records: shapes of real strategy text that are not goals, tasks or
directions, each in several wordings of invented places. Every case also keeps the true records
around the false ones, so a rule that drops everything fails too."""

from __future__ import annotations

import re

import pytest

from stratdoc.extract.nlp import shared as shared_nlp
from stratdoc.extract.text import extract_structure
from tests.narrative_doc import doc_from_text

NLP = shared_nlp()

# A list of indicators under a lead that mentions tasks: quantities with a unit, not tasks.
INDICATOR_LISTS = [
    ("Целью подпрограммы является развитие туризма в Ольховском районе.\n"
     "Для достижения цели решаются следующие задачи:\n"
     "строительство гостевых домов на берегу озера;\n"
     "подготовка гидов-экскурсоводов.\n"
     "Показателями решения поставленных задач являются:\n"
     "количество туристов, посетивших район, тыс. человек;\n"
     "доля занятых в сфере туризма, процентов.",
     {"строительство гостевых домов на берегу озера", "подготовка гидов-экскурсоводов"}),
    ("Цель программы – чистая вода для жителей поселка Кедровый Лог.\n"
     "Задачи:\n"
     "- ремонт водозаборных скважин;\n"
     "- замена ветхих водопроводных сетей;\n"
     "- удельный вес проб воды, отвечающих нормативам, процентов;\n"
     "- протяженность замененных сетей, км.",
     {"ремонт водозаборных скважин", "замена ветхих водопроводных сетей"}),
    ("Главной целью программы является безопасность дорожного движения в городе Сосновце.\n"
     "Индикаторами достижения цели и решения задач являются:\n"
     "число дорожно-транспортных происшествий, единиц;\n"
     "темп роста протяженности освещенных улиц, процентов.\n"
     "Задача 1. Устройство пешеходных переходов у школ.",
     {"Устройство пешеходных переходов у школ"}),
]


@pytest.mark.parametrize("text,tasks", INDICATOR_LISTS)
def test_indicators_are_not_tasks(text: str, tasks: set[str]) -> None:
    goals = extract_structure(doc_from_text(text), NLP).goals
    assert len(goals) == 1
    assert {t.text for t in goals[0].tasks} == tasks


# Legal acts cited after a cue line are the legal basis, not directions.
LEGAL_ACTS = [
    ("Основные направления подпрограммы:\n"
     "- развитие сельского туризма в Ольховском районе;\n"
     "- постановление Правительства Российской Федерации от 12.03.2014 № 215 «О поддержке туризма»;\n"
     "- приказ Министерства культуры Российской Федерации от 01.02.2015 № 40 «Об утверждении порядка».",
     {"развитие сельского туризма в Ольховском районе"}),
    ("Приоритетными направлениями являются:\n"
     "1) модернизация котельных поселка Кедровый Лог;\n"
     "2) распоряжение Правительства области от 5 мая 2016 года № 301-р «О плане мероприятий»;\n"
     "3) указ Президента Российской Федерации от 07.05.2012 № 600.",
     {"модернизация котельных поселка Кедровый Лог"}),
    ("Приоритетные направления развития города Сосновца:\n"
     "• закон области от 14.11.2013 № 88-ОЗ «О стратегическом планировании»;\n"
     "• обновление парка городских автобусов;\n"
     "• решение городской думы от 20.12.2017 № 12 «О бюджете города».",
     {"обновление парка городских автобусов"}),
]


@pytest.mark.parametrize("text,names", LEGAL_ACTS)
def test_legal_acts_are_not_directions(text: str, names: set[str]) -> None:
    got = {d.name for d in extract_structure(doc_from_text(text), NLP).directions}
    assert got == names


# Bodies listed «по направлениям» are bodies; lone adjectives of branches and a tail opened by
# a conjunction are fragments of a sentence, not directions or clusters.
FRAGMENTS = [
    ("При администрации Ольховского района работают комиссии по направлениям:\n"
     "- комиссия по делам несовершеннолетних;\n"
     "- совет по вопросам здравоохранения;\n"
     "- штаб по контролю за паводком;\n"
     "- развитие сети фельдшерских пунктов.",
     {"развитие сети фельдшерских пунктов"}),
    ("В сельском хозяйстве Кедрового Лога намечено создание кластеров: льняного, "
     "картофельного, тепличного направлений, а также развитие предприятий переработки.\n"
     "Приоритетными направлениями являются:\n"
     "- развитие животноводства;\n"
     "- мелиорация земель.",
     {"развитие животноводства", "мелиорация земель"}),
    ("Основные направления развития спорта в Сосновце:\n"
     "- строительство стадиона в микрорайоне Заречный;\n"
     "- поддержка детских спортивных школ, в том числе\n"
     "- а также проведение городских турниров.",
     {"строительство стадиона в микрорайоне Заречный"}),
]


@pytest.mark.parametrize("text,names", FRAGMENTS)
def test_fragments_are_not_directions(text: str, names: set[str]) -> None:
    got = {d.name for d in extract_structure(doc_from_text(text), NLP).directions}
    assert got == names


# A goal whose text is only its label, a period or a number is not a goal; a period is not a measure.
LABELS_ONLY = [
    ("Цель программы: повышение доступности жилья в Ольховском районе.\n"
     "Задачи цели № 1:\n"
     "- выдача жилищных сертификатов молодым семьям.\n"
     "Основные мероприятия:\n"
     "- выдача жилищных сертификатов молодым семьям;\n"
     "- 2016 – 2021 годы."),
    ("Цель: газификация поселка Кедровый Лог.\n"
     "Мероприятия:\n"
     "1. Строительство газопровода высокого давления.\n"
     "2. 2019 - 2024 гг."),
    ("Цель № 2.\n"
     "Цель: ремонт дорог города Сосновца.\n"
     "Основные мероприятия: ремонт дорожного покрытия улиц; 2018–2020 годы."),
]


@pytest.mark.parametrize("text", LABELS_ONLY)
def test_labels_and_periods_are_not_records(text: str) -> None:
    got = extract_structure(doc_from_text(text), NLP)
    assert len(got.goals) == 1
    assert not any(g.text.lower().startswith("цель") for g in got.goals)
    assert got.measures
    assert all(any(c.isalpha() and c.lower() not in "годыгг" for c in m.name) for m in got.measures)


# Adjectives of an enumeration left open («… и т. д.») are no more directions than the closed
# ones; a cluster named by an adjective and its noun («Лесной кластер») still is one.
OPEN_ENUMERATIONS = [
    ("В доме культуры Ольховки работают кружки разных направлений: хоровые, вокальные, "
     "цирковые и т.д.\nОсновные направления развития культуры:\n- ремонт сельских клубов.",
     {"ремонт сельских клубов"}),
    ("Секции Кедрового Лога ведут занятия по направлениям: лыжные, шахматные и др.\n"
     "Приоритетные направления:\n- строительство лыжной базы.",
     {"строительство лыжной базы"}),
    ("Приоритетные направления развития Сосновца:\n"
     "1. Лесной кластер. Развитие глубокой переработки древесины.\n"
     "2. Аграрный кластер. Развитие молочного животноводства.",
     {"Лесной кластер", "Аграрный кластер"}),
]


@pytest.mark.parametrize("text,names", OPEN_ENUMERATIONS)
def test_open_enumerations_are_not_directions(text: str, names: set[str]) -> None:
    got = {d.name for d in extract_structure(doc_from_text(text), NLP).directions}
    assert got == names


# Letter markers «а)», «б)» open tasks, not a conjunction tail; a goal stated only as a reference
# to a numbered goal («Основной целью является цель № 2.») hands its tasks to that goal.
MARKED_AND_REFERRED = [
    ("Цель программы: профилактика правонарушений в Ольховском районе.\n"
     "Задачи:\n"
     "а).Установка камер видеонаблюдения на площадях;\n"
     "б).Организация народных дружин.",
     [(None, "профилактика правонарушений в Ольховском районе",
       ["Установка камер видеонаблюдения на площадях", "Организация народных дружин"])]),
    ("Цели программы:\n"
     "1. Газификация поселка Кедровый Лог;\n"
     "2. Ремонт сельских дорог.\n"
     "Основной целью подпрограммы является цель № 2.\n"
     "Задача 1. Ремонт моста через реку Кедровку.",
     [("1", "Газификация поселка Кедровый Лог", []),
      ("2", "Ремонт сельских дорог", ["Ремонт моста через реку Кедровку"])]),
    ("Цели:\n"
     "1. Чистые дворы Сосновца;\n"
     "2. Безопасные улицы Сосновца.\n"
     "Главной целью подпрограммы является цель № 1.\n"
     "Задачи:\n"
     "а) уборка дворовых территорий;\n"
     "б) вывоз крупногабаритного мусора.",
     [("1", "Чистые дворы Сосновца", ["уборка дворовых территорий", "вывоз крупногабаритного мусора"]),
      ("2", "Безопасные улицы Сосновца", [])]),
]


@pytest.mark.parametrize("text,goals", MARKED_AND_REFERRED)
def test_marked_tasks_and_referred_goals(text: str, goals: list) -> None:
    got = extract_structure(doc_from_text(text), NLP).goals
    unmarked = [(g.number, g.text, [re.sub(r"^[а-я]\)\.?\s*", "", t.text) for t in g.tasks]) for g in got]
    assert unmarked == goals
