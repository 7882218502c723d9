"""A news item is told by its shape, not by a site's page furniture.

Reported speech («— говорит …», «по словам …»), a dateline near the top (a line of its own or
an agency-style «Город, 3 марта.») and an event reported in the past on a given day make news,
with or without a comment form or a weekday banner. A decree and a strategy's analysis, which
also speak of the past, stay what they are. Every text here is invented.

Pasted as plain text, an item keeps its date in its first lines («3 марта 2019 года»,
«12.10.2021», «Вторник, 5 апреля 2022», «ЛИСКИ, 14 ноября.» with the year printed further on),
not in a programme list further down, and names its town, district and region in its words.
A strategy that quotes a speech at its session, and a decree, are not news.
"""

from __future__ import annotations

from datetime import date

import pytest

from stratdoc.extract.document.kind import document_kind
from stratdoc.extract.document.metadata import extract_metadata
from stratdoc.extract.nlp import shared
from tests.narrative_doc import doc_from_text

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


# Plain-text news: pasted without a page around it ----------------------------------------------
PLAIN_NEWS = [
    # the headline names the strategy the item reports on: still news, not the strategy
    "Стратегия развития Кинешмы до 2035 года утверждена\n17.05.2023\n"
    "Городская дума на заседании 16 мая утвердила стратегию. «Документ писали вместе с "
    "жителями», — сказал председатель думы Олег Рябинин.",
    # an act's title printed as an attachment after the prose: the item reports the decree
    "Шуя утвердила план по стратегии\n3 марта 2019 года\n"
    "Глава города подписал постановление, которым утверждён план мероприятий по реализации "
    "стратегии. По словам главы, первые работы начнутся весной. «Мы будем отчитываться "
    "каждый квартал», — подчеркнул он.\nДокументы:\n"
    "Об утверждении плана мероприятий по реализации Стратегии города Шуи (PDF, 1 МБ)",
    # an agency dateline in capitals, the year of the item nowhere near it
    "БОРИСОГЛЕБСК, 12 октября. В городском Доме культуры прошла проектная мастерская по "
    "развитию набережной. «Идей оказалось больше, чем мы ждали», — отметила организатор "
    "Елена Щербакова.",
    # a weekday with the date on the first line is the item's own date when nothing else dates it
    "Вторник, 5 апреля 2022\nВ Бузулуке выбрали проекты для стратегии\n"
    "3–4 апреля в городской библиотеке прошла проектная сессия. Работу групп оценивали "
    "эксперты из Оренбурга, рассказал руководитель проектного офиса Денис Ковалёв.",
    # «Опубликовано … в 09:12»: a label and a time around the date
    "Опубликовано 07.06.2024 в 09:12\nВ Ливнах прошёл молодёжный форум\n"
    "Форум «Ливны — город молодых» прошёл 5–6 июня. Как сообщает пресс-служба администрации, "
    "на него подали 40 проектов.",
]

NOT_NEWS_PLAIN = [
    # a strategy's section on public participation quotes a speech and reports a session
    ("СТРАТЕГИЯ СОЦИАЛЬНО-ЭКОНОМИЧЕСКОГО РАЗВИТИЯ ГОРОДА ЕЛЬЦА ДО 2035 ГОДА\n"
     "1.2. Участие жителей\n"
     "Проект Стратегии обсуждался на стратегической сессии, которая состоялась 14 апреля 2021 "
     "года. «Город должен опираться на свои предприятия», — отметил на сессии глава города. "
     "По итогам сессии сформулированы три приоритета.\nЦель 1. Рост доходов жителей.",
     "strategy"),
    ("Стратегия развития Мичуринска — наукограда Российской Федерации на период до 2030 года\n"
     "Раздел 3. Итоги обсуждения\n"
     "Как сказал на форуме 20 мая 2022 года ректор университета, «будущее города — в науке». "
     "Форум прошёл в Мичуринском аграрном университете.", "strategy"),
    # a decree whose preamble reports a session and what a council remarked
    ("АДМИНИСТРАЦИЯ ГОРОДА РОССОШИ\nПОСТАНОВЛЕНИЕ\n14.03.2023 № 512\n"
     "О проведении проектной сессии\nУчитывая предложения, которые, как отметил общественный "
     "совет, прозвучали на сессии 2 марта 2023 года, постановляю:\n"
     "1. Провести 20 апреля 2023 года проектную сессию.", "decree"),
    # a decree pasted without its header: the title and the operative formula tell it
    ("Об утверждении Порядка проведения публичных обсуждений Стратегии\n"
     "В соответствии с решением, принятым на стратегической сессии 12 мая 2021 года, "
     "администрация города Лиски постановляет:\n1. Утвердить Порядок (приложение).", "decree"),
]


@pytest.mark.parametrize("text", PLAIN_NEWS)
def test_plain_news_by_its_shape(text: str) -> None:
    assert document_kind(text, nlp=shared()) == "news"


@pytest.mark.parametrize(("text", "kind"), NOT_NEWS_PLAIN)
def test_quoted_speech_does_not_make_a_strategy_or_a_decree_news(text: str, kind: str) -> None:
    assert document_kind(text, nlp=shared()) == kind


# the item's date: from its first lines --------------------------------------------------------
@pytest.mark.parametrize(("text", "published"), [
    ("3 марта 2019 года\n\nВ Кинешме начали писать стратегию\n"
     "28 февраля прошла первая стратегическая сессия. «Начало положено», — сказал глава.",
     date(2019, 3, 3)),
    ("В Шуе обсудили стратегию\n12.10.2021\n"
     "9 октября в администрации города прошла стратегическая сессия. «Работы много», — отметил мэр.",
     date(2021, 10, 12)),
    ("Вторник, 5 апреля 2022\nВ Бузулуке выбрали проекты\n"
     "3–4 апреля прошла проектная сессия, рассказал руководитель проектного офиса.",
     date(2022, 4, 5)),
    # an agency dateline: the year from a full date the item prints later
    ("В Лисках выбрали проекты для стратегии\n\nЛИСКИ, 14 ноября. С 11 по 13 ноября проходила "
     "проектная мастерская. «Мы собрали всех», — рассказал заместитель главы.\n"
     "Напомним, проект стратегии вынесли на обсуждение 2 октября 2023 года.",
     date(2023, 11, 14)),
    ("Опубликовано 07.06.2024 в 09:12\nВ Ливнах прошёл форум\n"
     "Форум прошёл 5–6 июня. «Приедем снова», — сказал участник.", date(2024, 6, 7)),
    ("Итоги форума в Новотроицке\n21 августа 2020, 10:45\n"
     "Форум прошёл 19 августа. «Было полезно», — отметил глава города.", date(2020, 8, 21)),
    # no dateline: an event's day in a list deep in the text is not the item's date
    ("Новотроицк примет форум малых городов\n\nФорум малых городов пройдёт 12–13 сентября "
     "2024 года. «Покажем, как мы живём», — сообщил глава города.\nПрограмма форума:\n"
     "12 сентября 2024 — пленарное заседание\n13 сентября 2024 — проектные сессии\n"
     "Заявки принимаются до 1 сентября 2024 года.", None),
])
def test_published_on_from_the_first_lines(text: str, published: date | None) -> None:
    assert extract_metadata(doc_from_text(text), nlp=shared()).published_on == published


# where the item is about: municipality and region from the text --------------------------------
@pytest.mark.parametrize(("text", "municipality", "region"), [
    # only the city is named: the region from the gazetteer
    ("В Кинешме обсудили стратегию\n3 марта 2019 года\n"
     "В Кинешме прошла стратегическая сессия. «Начало положено», — сказал глава города Кинешмы.",
     "Кинешма", "Ивановская область"),
    # the city as the genitive of its administration, the region printed
    ("Новости\n12.10.2021\nАдминистрация города Россоши Воронежской области провела "
     "стратегическую сессию. «Нам нужны идеи», — отметил глава администрации.",
     "Россошь", "Воронежская область"),
    # a small town the gazetteer lacks, after «г.», with its region
    ("Опубликовано 07.06.2024\nФорум прошёл 5–6 июня в г. Семиозёрске Оренбургской области. "
     "«Приедем снова», — сказал участник. Как сообщает пресс-служба администрации "
     "г. Семиозёрска, на форум подали 40 проектов.", "Семиозёрск", "Оренбургская область"),
    # a municipal district: the district is the municipality
    ("3 марта 2019 года\nВ Черноборском округе началась работа над стратегией\n"
     "28 февраля прошла первая стратегическая сессия, посвящённая будущему Черноборского "
     "муниципального округа Ивановской области. «Каждое село должно увидеть себя в этом "
     "документе», — подчеркнула глава Черноборского муниципального округа Анна Гусева.",
     "Черноборский муниципальный округ", "Ивановская область"),
    ("Новости района\n21 августа 2020\nГлава Белоречинского муниципального района Олег Сомов "
     "провёл встречу с фермерами. «Без дорог нет и молока», — сказал он. Встреча прошла в "
     "селе Кукушкино Липецкой области.", "Белоречинский муниципальный район", "Липецкая область"),
])
def test_places_of_a_plain_news_item(text: str, municipality: str, region: str) -> None:
    meta = extract_metadata(doc_from_text(text), nlp=shared())
    assert (meta.kind, meta.municipality, meta.region) == ("news", municipality, region)
