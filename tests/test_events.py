"""Events the text reports: sentences → Event records (kind, name, dates, place)."""

from __future__ import annotations

from datetime import date

import pytest

from stratdoc.extract.entities import extract_people_orgs_events
from stratdoc.extract.entities.events import extract_events
from stratdoc.extract.nlp import shared as shared_nlp
from stratdoc.schema import Event
from tests.narrative_doc import doc_from_text, seeds_with, similar

NEWS_DATE = date(2023, 5, 10)

NLP = shared_nlp()


def brief(e: Event) -> tuple[str, str, date | None, date | None, str | None]:
    return e.kind, e.name, e.date_from, e.date_to, e.place


CASES = [
    (  # full date, place after «в», name with its «по» complement
        "25 марта 2022 года в Твери состоялась стратегическая сессия по развитию туризма.",
        [("strategic_session", "стратегическая сессия по развитию туризма", date(2022, 3, 25), None,
          "Тверь")],
    ),
    (  # a day range without a year takes the document's year; the name becomes nominative
        "12-13 октября в Калуге пройдет III Региональный инвестиционный форум.",
        [("forum", "III Региональный инвестиционный форум", date(2023, 10, 12), date(2023, 10, 13),
          "Калуга")],
    ),
    (  # a quoted title is the name; no date is printed, none is guessed
        "В администрации города прошла проектная мастерская «Город для жизни».",
        [("project_session", "Город для жизни", None, None, None)],
    ),
    (  # a survey reported by a verb, its «о» topic in the name; a month alone is no date
        "В мае был проведен опрос жителей о приоритетах развития.",
        [("survey", "опрос жителей о приоритетах развития", None, None, None)],
    ),
    (  # a compound head, a «с … по …» range, a «с» + instrumental companion in the name
        "С 1 по 31 марта проходил онлайн-опрос жителей. 15 апреля состоялся круглый стол с депутатами.",
        [("survey", "онлайн-опрос жителей", date(2023, 3, 1), date(2023, 3, 31), None),
         ("other", "круглый стол с депутатами", date(2023, 4, 15), None, None)],
    ),
    (  # a round table is «other»; «5 декабря» in an item of 10 May is last December
        "В Кирове 5 декабря прошел круглый стол «Малый бизнес и город».",
        [("other", "Малый бизнес и город", date(2022, 12, 5), None, "Киров")],
    ),
    (  # a «по» group that lists quoted topics is not part of the name
        "В Перми завершились проектные сессии по направлениям «Туризм» и «Экология».",
        [("project_session", "проектные сессии", None, None, "Пермь")],
    ),
    (  # a counted mention with no date or title sums up a series: no event of its own
        "В июле в г. Гусеве провели три стратсессии, а в августе несколько опросов.",
        [],
    ),
    (  # a counted mention with its day is reported; the shortened word after a numeral
        "16 июля в г. Гусеве провели три стратсессии.",
        [("strategic_session", "стратсессия", date(2023, 7, 16), None, "Гусев")],  # «три» + gen. sing.
    ),
    (  # a date after «до» is a deadline; a forum named under another noun refers to the session's
        "27 сентября на площадке форума пройдет проектная сессия. Заявки на форум принимаются до 20 "
        "сентября.",
        [("project_session", "проектная сессия", date(2023, 9, 27), None, None)],
    ),
    (  # a definition reports nothing
        "Стратегическая сессия — это формат коллективной работы.",
        [],
    ),
    (  # a mention in passing reports nothing
        "Результаты стратегических сессий легли в основу документа.",
        [],
    ),
    (  # headline, lead and a dated body mention of one session are one event
        "В Саратове прошла проектная сессия по развитию набережной\n"
        "Проектная сессия собрала экспертов и жителей.\n"
        "Вторая часть проектной сессии пройдет 14 июня.",
        [("project_session", "проектная сессия", date(2023, 6, 14), None, "Саратов")],
    ),
    (  # a headline ending in «города» does not run over the blank line into the dated lead
        "В Орле прошли проектные мастерские по развитию города\n\n"
        "С 3 по 5 апреля в Орле прошли проектные мастерские, посвященные стратегии.",
        [("project_session", "проектные мастерские", date(2023, 4, 3), date(2023, 4, 5), "Орёл")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_to_events(text: str, expected: list) -> None:
    assert [brief(e) for e in extract_events(doc_from_text(text), NEWS_DATE, nlp=NLP)] == expected


def test_year_from_an_earlier_full_date() -> None:
    doc = doc_from_text("Новость от 3 февраля 2021 года.\nЭксперты соберутся на форуме 10-11 марта в Перми.")
    assert [brief(e) for e in extract_events(doc, nlp=NLP)] == [
        ("forum", "форум", date(2021, 3, 10), date(2021, 3, 11), "Пермь")]


def test_no_year_anywhere_leaves_the_date_out() -> None:
    doc = doc_from_text("Эксперты соберутся на форуме 10-11 марта в Перми.")
    assert [brief(e) for e in extract_events(doc, nlp=NLP)] == [("forum", "форум", None, None, "Пермь")]


def test_entry_point_fills_all_three_lists() -> None:
    doc = doc_from_text("23 ноября в Вологде состоялся форум «Малые города». Его открыл губернатор "
                        "Вологодской области Олег Смирнов, заместитель главы ООО «Север» Иван Белов.")
    ex = extract_people_orgs_events(doc, NEWS_DATE)
    assert [brief(e) for e in ex.events] == [("forum", "Малые города", date(2023, 11, 23), None, "Вологда")]
    assert [(p.name, p.position) for p in ex.persons] == [
        ("Олег Смирнов", "губернатор Вологодской области"),
        ("Иван Белов", "заместитель главы ООО «Север»")]
    assert [o.name for o in ex.organizations] == ["ООО «Север»"]
    assert doc.text[ex.events[0].span.start:ex.events[0].span.end] == "форум"


def test_seed_events(shared) -> None:
    """Every required gold event is found with its kind, first date and place."""
    for doc, gold in seeds_with(shared, "events"):
        events = extract_events(doc, date.fromisoformat(gold["document"]["published_on"])
                                if "published_on" in gold.get("document", {}) else None, nlp=NLP)
        for g in gold["events"]:
            if g.get("optional"):
                continue
            hits = [e for e in events if similar(g["name"], e.name)]
            assert hits, (doc.source, g["name"], [e.name for e in events])
            e = hits[0]
            assert (e.kind, e.place) == (g["kind"], g["place"])
            want = g["date_from"]["any_of"] if isinstance(g["date_from"], dict) else [g["date_from"]]
            assert (e.date_from.isoformat() if e.date_from else None) in want
