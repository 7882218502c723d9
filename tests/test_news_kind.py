"""A news item is told by its shape, not by a site's page furniture.

Reported speech («— говорит …», «по словам …»), a dateline near the top (a line of its own or
an agency-style «Город, 3 марта.») and an event reported in the past on a given day make news,
with or without a comment form or a weekday banner. A decree and a strategy's analysis, which
also speak of the past, stay what they are. Every text here is invented.
"""

from __future__ import annotations

import pytest

from stratdoc.extract.document.kind import document_kind
from stratdoc.extract.nlp import shared

NEWS = [
    # no dateline: a quote with a present-tense speech verb, an opening on a named day
    "В Озёрском районе открыли новую поликлинику\n"
    "В понедельник новое здание приняло первых пациентов. «Теперь жителям не придётся ездить "
    "в областной центр», — говорит главный врач Анна Петрова. В поликлинике работают 40 врачей.",
    # an agency dateline inside the first line, a statement in the past tense
    "Лесогорск, 3 марта. Губернатор области Иван Смирнов провёл совещание с главами районов. "
    "«Нам нужно успеть до лета», — заявил он. Ремонт дорог начнётся в апреле.",
    # a dateline of its own, reported speech without a quote
    "Депутаты утвердили поправки в бюджет\n15.05.2024\n"
    "Во вторник депутаты городской думы утвердили поправки в бюджет. По словам председателя "
    "комиссии Ольги Иванцовой, дополнительные средства направят на ремонт школ.",
    # a quote first, the event after it
    "«Мы ждали этого праздника весь год», — отмечает директор парка Сергей Белов. В субботу в "
    "городском парке прошёл праздник урожая, его посетили более двух тысяч горожан.",
    # a press service as the source, an event of yesterday
    "Вчера в Речном открыли мост через Сосновку. Как сообщает пресс-служба администрации, "
    "движение по нему запустят после проверки.",
]

NOT_NEWS = [
    ("ГЛАВА ЛЕСОГОРСКОГО РАЙОНА\nПОСТАНОВЛЕНИЕ\nот 3 марта 2023 г. № 17\nО проведении конкурса\n"
     "В целях поддержки молодёжных инициатив постановляю:\n1. Провести 12 апреля 2023 года "
     "районный конкурс проектов.\n2. Контроль за исполнением оставляю за собой.", "decree"),
    ("2.1. Демография и рынок труда\nЗа 2015–2022 годы численность населения района сократилась "
     "на 4 %. В 2021 году открылись два детских сада, состоялся первый инвестиционный форум. "
     "По данным статистики, безработица снизилась до 3,1 %. Как отмечается в докладе, основной "
     "причиной оттока жителей остаётся нехватка рабочих мест.", "other"),
    ("СТРАТЕГИЯ социально-экономического развития Лесогорского района на период до 2035 года\n"
     "1. Общие положения\nСтратегия определяет цели и задачи развития района. В 2020–2022 годах "
     "в районе построили три школы и отремонтировали 40 км дорог.", "strategy"),
]


@pytest.mark.parametrize("text", NEWS)
def test_news_by_its_shape(text: str) -> None:
    assert document_kind(text, nlp=shared()) == "news"


@pytest.mark.parametrize("text", NEWS)
def test_news_with_site_furniture_stays_news(text: str) -> None:
    framed = "Пятница, 14 марта 2025\n" + text + "\nОставить комментарий"
    assert document_kind(framed, nlp=shared()) == "news"


@pytest.mark.parametrize(("text", "kind"), NOT_NEWS)
def test_past_tense_is_not_news_by_itself(text: str, kind: str) -> None:
    assert document_kind(text, nlp=shared()) == kind


@pytest.mark.parametrize(("text", "kind"), NOT_NEWS)
def test_a_comment_form_does_not_make_news(text: str, kind: str) -> None:
    assert document_kind(text + "\nОставить комментарий", nlp=shared()) == kind
