"""An event's place is the settlement it is held in, also when the text names only a venue.

A venue («в … университете», «в администрации города», «в конгресс-холле …», «на площадке
технопарка …») stands in the town the item is about unless the venue names its own town
(«в администрации города Кинешмы», «в Доме культуры села Кукушкино»); a town printed in the
event's clause («в Оренбурге», «в г. Семиозёрске») beats both. The place is a town, as the shared
keys write it («в администрации прошла сессия» of a Железногорск item is held in Железногорск),
so places can be compared across items. Every text here is invented.
"""

from __future__ import annotations

from datetime import date

import pytest

from stratdoc.extract import extract
from stratdoc.extract.nlp import shared
from tests.narrative_doc import doc_from_text

CASES = [
    # a university of the town the item is about
    ("В Кинешме обсудили стратегию\n12.10.2021\n"
     "9 октября в Кинешемском технологическом университете прошла стратегическая сессия. "
     "«Нам нужны идеи», — сказал глава города Кинешмы Олег Рябинин.",
     "strategic_session", "Кинешма"),
    # «в администрации города» without the town's name
    ("Шуя выбрала проекты для стратегии\n3 марта 2019 года\n"
     "28 февраля в администрации города прошла проектная сессия. «Работы много», — отметил "
     "глава города Шуи Павел Корнилов.", "project_session", "Шуя"),
    # the administration names its town
    ("Новости\n21 августа 2020\nСтратегическая сессия прошла 19 августа в администрации города "
     "Россоши. «Это только начало», — сказала заместитель главы Марина Осипова.",
     "strategic_session", "Россошь"),
    # a congress hall with a quoted name
    ("Бузулук обсудил будущее набережной\n07.06.2024\n"
     "Форум «Бузулук у реки» прошёл 5 июня в конгресс-холле «Самарка». «Пришли все, кто любит "
     "набережную», — отметила организатор Елена Щербакова.", "forum", "Бузулук"),
    # on the site of a technopark
    ("В Ливнах выбрали проекты\nВторник, 5 апреля 2022\n"
     "3–4 апреля на площадке технопарка «Орловские зори» прошла проектная мастерская. "
     "Работу групп оценивали эксперты, рассказал руководитель проектного офиса Денис Ковалёв.",
     "project_session", "Ливны"),
    # a village named by its house of culture, in a district's item
    ("3 марта 2019 года\nВ Черноборском муниципальном округе началась работа над стратегией\n"
     "28 февраля в Доме культуры села Кукушкино прошла стратегическая сессия. «Каждое село "
     "должно увидеть себя в этом документе», — подчеркнула глава округа Анна Гусева.",
     "strategic_session", "Кукушкино"),
    # another town printed in the clause beats the item's own town
    ("Молодёжный форум в Новотроицке собрал 40 проектов\n07.06.2024\n"
     "Авторы лучших проектов представят их на областном молодёжном форуме «Восход», который "
     "пройдёт 14 сентября в Оренбурге, сообщила начальник отдела Марина Ерёмина.",
     "forum", "Оренбург"),
    # a small town after «г.» with a venue in the same clause
    ("Новости\n12.10.2021\n9 октября в г. Семиозёрске в районном Доме культуры прошёл "
     "круглый стол по стратегии. «Спорили много», — сказал модератор Илья Трубин.",
     "other", "Семиозёрск"),
]


@pytest.mark.parametrize(("text", "kind", "place"), CASES)
def test_event_place(text: str, kind: str, place: str) -> None:
    events = [e for e in extract(doc_from_text(text), shared()).events if e.kind == kind]
    assert [e.place for e in events] == [place]


def test_event_word_opening_the_lead_under_a_rubric() -> None:
    """The tagger reads a capitalised «Форум» opening a line as an adjective; it is the
    dated event of the lead, held at a palace of culture of the item's town."""
    text = ("Пятница, 14 марта 2025\nВ Воткинске прошёл форум\n13 марта 2025 / Экономика\n"
            "Форум «Воткинск — город мастеров» прошёл 12 марта во Дворце культуры «Юбилейный». "
            "По словам организаторов, приехали 300 человек.")
    events = extract(doc_from_text(text), shared()).events
    assert [(e.kind, e.name, e.date_from, e.place) for e in events] == [
        ("forum", "Воткинск — город мастеров", date(2025, 3, 12), "Воткинск")]
