"""General rules of the narrative extractors, each in several wordings: a rule written for one
word or one punctuation mark must hold for its kin (issue 7, item 5). Every sentence is invented."""

from __future__ import annotations

import pytest

from stratdoc.extract.nlp import shared as shared_nlp
from stratdoc.extract.text.directions import extract_directions
from stratdoc.extract.text.projects import extract_text_projects
from tests.narrative_doc import doc_from_text

NLP = shared_nlp()

# --- (a) any «…-бот», «сервис», «платформа», «портал» is a weak project cue ------------------------

LAUNCHED = [
    "Активисты Заречья предложили запустить телеграм-бота «Сосед рядом».",
    "Студенты Лесогорска предложили запустить чат-бота «Сосед рядом».",
    "Команда Лесогорска решила создать сервис «Сосед рядом».",
    "Мэрия Озерска планирует открыть портал «Сосед рядом».",
    "Волонтеры Озерска предложили разработать платформу «Сосед рядом».",
    "Горожане предложили внедрить онлайн-платформу «Сосед рядом».",
    "Жители Заречья предложили создать интернет-портал «Сосед рядом».",
    "Команда решила запустить голосового бота «Сосед рядом».",
]
MENTIONED = [  # a weak cue without a verb of launching names no project
    "Телеграм-бот «Сосед рядом» набрал тысячу подписчиков.",
    "Чат-бот «Сосед рядом» набрал тысячу подписчиков.",
    "Сервис «Сосед рядом» набрал тысячу подписчиков.",
    "Портал «Сосед рядом» набрал тысячу подписчиков.",
    "Онлайн-платформа «Сосед рядом» набрала тысячу подписчиков.",
]


@pytest.mark.parametrize("text", LAUNCHED)
def test_launched_service_is_a_project(text: str) -> None:
    assert [p.name for p in extract_text_projects(doc_from_text(text), NLP)] == ["Сосед рядом"]


@pytest.mark.parametrize("text", MENTIONED)
def test_mentioned_service_is_no_project(text: str) -> None:
    assert extract_text_projects(doc_from_text(text), NLP) == []


# --- (b) any opener that says «the rest of the list» continues a quoted list --------------------

OPENED = "Сессия в Северогорске прошла по направлениям «Экология» и «Транспорт». "
CONTINUED = [
    "Еще две — «Наука» и «Спорт» — обсудят в мае.",
    "Также — «Наука» и «Спорт».",
    "Кроме того, «Наука» и «Спорт» обсудят в мае.",
    "Две другие — «Наука» и «Спорт» — обсудят в мае.",
    "Другие две — «Наука» и «Спорт» — обсудят в мае.",
    "Остальные — «Наука» и «Спорт» — перенесли на осень.",
    "Оставшиеся две — «Наука» и «Спорт» — перенесли на осень.",
    "В том числе «Наука» и «Спорт».",
    "Помимо этого, «Наука» и «Спорт» обсудят в мае.",
]


@pytest.mark.parametrize("sentence", CONTINUED)
def test_list_continues_in_the_next_sentence(sentence: str) -> None:
    found = extract_directions(doc_from_text(OPENED + sentence), NLP)
    assert [d.name for d in found] == ["Экология", "Транспорт", "Наука", "Спорт"]


@pytest.mark.parametrize("sentence", [
    "Другие темы — «Наука» и «Спорт» — отложили.",  # a new noun: another list, not this one
    "Победителями стали «Наука» и «Спорт».",
])
def test_other_sentences_do_not_continue(sentence: str) -> None:
    found = extract_directions(doc_from_text(OPENED + sentence), NLP)
    assert [d.name for d in found] == ["Экология", "Транспорт"]


# --- (c) an inline list after a cue noun opens with a colon, a dash or «среди которых» ----------

INLINE = [
    "Работа в Северогорске ведется по трем направлениям: экология, транспорт и наука.",
    "Работа в Северогорске ведется по трем направлениям – экология, транспорт и наука.",
    "Работа в Северогорске ведется по трем направлениям — экология, транспорт и наука.",
    "Стратегия Северогорска опирается на три направления, среди которых экология, транспорт и наука.",
    "Стратегия Северогорска выделяет три приоритета, в числе которых экология, транспорт и наука.",
    "Работа ведется по трем направлениям, а именно: экология, транспорт и наука.",
    "Стратегия выделяет три приоритета, среди них экология, транспорт и наука.",
]


@pytest.mark.parametrize("text", INLINE)
def test_inline_list_after_a_cue(text: str) -> None:
    found = extract_directions(doc_from_text(text), NLP)
    assert [d.name for d in found] == ["экология", "транспорт", "наука"]


@pytest.mark.parametrize("text", [
    "Приоритетное направление – развитие экологии, транспорта и науки.",  # one direction, defined
    "Направление работы – это экология, транспорт и наука в одном.",
    "Среди направлений, которые обсуждали в Северогорске, были экология и транспорт.",
])
def test_no_inline_list(text: str) -> None:
    assert extract_directions(doc_from_text(text), NLP) == []
