"""Document metadata: kind, title, act, dates, issuer, horizon, municipality and region."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from stratdoc.extract.document.acts import find_amended_on, find_own_act
from stratdoc.extract.document.dates import find_horizon_year
from stratdoc.extract.document.kind import document_kind
from stratdoc.extract.document.metadata import extract_metadata, find_issuer, issuer_to_nominative
from stratdoc.extract.lexicon.lines import TextLine as Line
from stratdoc.extract.lexicon.lines import text_to_lines
from stratdoc.extract.lexicon.places import (
    cities,
    city_by_phrase,
    find_regions,
    regions,
    regions_of_city,
    text_to_places,
)
from stratdoc.extract.nlp import shared
from stratdoc.ingest import read, read_bytes
from stratdoc.schema import Document

from .conftest import SHARED


def txt(text: str, name: str = "sample.txt") -> Document:
    return read_bytes(Path(name), text.encode("utf-8"))


def head_and_lines(text: str) -> tuple[str, list[Line]]:
    return text, text_to_lines(text, strip_markup=True)


# the adopting act --------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "number", "adopted"), [
    ("ПРАВИТЕЛЬСТВО ТВЕРСКОЙ ОБЛАСТИ\nПОСТАНОВЛЕНИЕ\nот 12.03.2019 № 85-пп\nг. Тверь\n"
     "Об утверждении государственной программы", "85-пп", date(2019, 3, 12)),
    ("Утверждена\nрешением Пермской городской Думы\nот 22 апреля 2014 г. N 85\n\nСТРАТЕГИЯ развития",
     "85", date(2014, 4, 22)),
    ("Приложение\nк постановлению администрации ЗАТО Северск\n№ 1234 от 05.06.2020\n\nПлан мероприятий",
     "1234", date(2020, 6, 5)),
    ("ЗАКОН\nТВЕРСКОЙ ОБЛАСТИ\n10 июля 2019 года N 41-ЗО\nО Стратегии развития", "41-ЗО", date(2019, 7, 10)),
    # only an amendment note and a legal basis: neither is this document's own act
    ("Стратегия развития\n(в ред. постановления от 01.02.2021 № 12)\n"
     "В соответствии с Федеральным законом от 28.06.2014 № 172-ФЗ «О стратегическом планировании»",
     None, None),
    ("Утверждена\nпостановлением администрации\nот ____________ № ______\n\nПрограмма", None, None),
    ("Новости города. Совещание прошло 3 марта.", None, None),
])
def test_own_act(text: str, number: str | None, adopted: date | None) -> None:
    head, lines = head_and_lines(text)
    assert find_own_act(head, lines) == (number, adopted)


@pytest.mark.parametrize(("text", "expected"), [
    ("Об утверждении Стратегии (с изменениями на 3 марта 2022 года)", date(2022, 3, 3)),
    ("Список изменяющих документов\n(в ред. постановлений Правительства Тверской области\n"
     "от 10.01.2020 N 5-пп, от 15.09.2021 N 480-пп, от 02.03.2021 N 101-пп)", date(2021, 9, 15)),
    ("Постановление Администрации Пермского края (ред. от 05.02.2020)", date(2020, 2, 5)),
    ("Стратегия утверждена 1 июня 2019 года.", None),
])
def test_amended_on(text: str, expected: date | None) -> None:
    assert find_amended_on(text) == expected


# issuer ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("phrase", "expected"), [
    ("Городской Управы города Калуги", "Городская Управа города Калуги"),
    ("Правительства Тверской области", "Правительство Тверской области"),
    ("Курской областной Думой", "Курская областная Дума"),
    ("администрации города Северска", "Администрация города Северска"),
    ("Губернатора Пермского края", "Губернатор Пермского края"),
    ("Законодательного Собрания Пермского края", "Законодательное Собрание Пермского края"),
    ("ГЛАВЫ ГОРОДА ТВЕРИ", "Глава города Твери"),
    ("Кабинета Министров Республики Татарстан", "Кабинет Министров Республики Татарстан"),
    ("проекта стратегии", None),
    ("от 12 мая", None),
])
def test_issuer_to_nominative(phrase: str, expected: str | None) -> None:
    assert issuer_to_nominative(phrase, shared()) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("АДМИНИСТРАЦИЯ ГОРОДА ТВЕРИ\nПОСТАНОВЛЕНИЕ\nот 01.02.2021 № 15", "Администрация города Твери"),
    ("Утверждена постановлением Кабинета Министров Республики Татарстан от 17.06.2015 № 445",
     "Кабинет Министров Республики Татарстан"),
    ("Приложение 2\nк решению Пермской городской Думы\nот 22.04.2014 № 85", "Пермская городская Дума"),
    ("ЗАКОН\nО стратегии\nПринят\nЗаконодательным Собранием Пермского края\n18 июня 2020 года",
     "Законодательное Собрание Пермского края"),
    ("В целях развития территории Администрация ЗАТО Северск постановляет:\n1. Утвердить",
     "Администрация ЗАТО Северск"),
    ("Стратегия обсуждалась на сессии.", None),
])
def test_find_issuer(text: str, expected: str | None) -> None:
    head, lines = head_and_lines(text)
    assert find_issuer(head, lines, shared()) == expected


# horizon -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("title", "text", "kind", "expected"), [
    ("Об утверждении Стратегии социально-экономического развития Пермского края до 2030 года", "",
     "decree", 2030),
    (None, "Документ «Стратегия-2035» определяет приоритеты.", "strategy", 2035),
    (None, "Работа идет в рамках стратегии развития города до 2040 года.", "news", 2040),
    (None, "Программа рассчитана на период до 2024 года.", "other", 2024),
    (None, "Программа рассчитана на период до 2024 года.", "news", None),
    (None, "Бюджет на 2021 год и на плановый период 2022 и 2023 годов.", "other", None),
])
def test_horizon_year(title: str | None, text: str, kind: str, expected: int | None) -> None:
    assert find_horizon_year(title, text, kind) == expected


# kind --------------------------------------------------------------------------------------
SLIDES = "\n\n".join([
    "ФОРУМ ГОРОДОВ", "ТВЕРЬ 2022", "ИТОГИ ГОДА", "ЭКОНОМИКА", "- рост выручки 5 %", "НАСЕЛЕНИЕ",
    "ЦЕЛИ", "ЗАДАЧИ", "ПРОЕКТЫ", "новая школа", "ПАРК", "ФИНАНСЫ", "РЕЗУЛЬТАТЫ", "ПЛАНЫ",
    "СПАСИБО ЗА ВНИМАНИЕ", "КОНТАКТЫ",
])


@pytest.mark.parametrize(("text", "kind"), [
    ("АДМИНИСТРАЦИЯ ГОРОДА ПЕРМИ\nПОСТАНОВЛЕНИЕ\nот 01.02.2021 № 15\nОб утверждении плана мероприятий",
     "decree"),
    ("Об утверждении Стратегии социально-экономического развития Тверской области\n"
     "В соответствии с законом постановляю:", "decree"),
    ("СТРАТЕГИЯ\nсоциально-экономического развития города Перми до 2030 года\n\n1. Введение\n"
     "Город развивается.", "strategy"),
    ("План мероприятий по реализации Стратегии развития Тверской области на 2021-2023 годы\n"
     "1\tСтроительство школы\t2021", "action_plan"),
    (SLIDES, "presentation"),
    ("В Казани прошла стратегическая сессия\n12 марта 2021 / Город\nУчастники обсудили проекты. "
     "«Мы готовы», — рассказал мэр.", "news"),
    ("Реестр инвестиционных проектов Тверской области\nНаименование\tСрок\nЗавод\t2021", "other"),
    # a statistics note with no speech or event verb: the site's banner and rubric tell it
    ("Понедельник, 3 февраля 2025\nНаселение области сократилось\n31 января 2025 / Общество\n"
     "По оценке статистиков, население области уменьшилось на 0,6%.", "news"),
    ("Население области сократилось\n31 января 2025\nПо оценке статистиков, население уменьшилось.",
     "other"),
])
def test_document_kind(text: str, kind: str) -> None:
    assert document_kind(text, nlp=shared()) == kind


# places ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("title", "text", "municipality", "region"), [
    ('Об утверждении Стратегии развития городского округа "Город Тверь" на период до 2030 года', "",
     "Тверь", "Тверская область"),
    (None, "В Перми состоялся форум. Жители Перми и гости Пермского края обсудили планы.",
     "Пермь", "Пермский край"),
    (None, "Администрация ЗАТО Северск подвела итоги года.", "Северск", "Томская область"),
    (None, "В Казани прошла сессия. Республика Татарстан поддержала проекты Казани.",
     "Казань", "Республика Татарстан"),
    # a town the gazetteer lacks: named after «г.», nominative from pymorphy
    (None, "Сессия прошла в г. Кимовске Тульской области; в г. Кимовске работали эксперты.",
     "Кимовск", "Тульская область"),
    # two towns share the name: the region the text names decides, none named → no guess
    (None, "Глава Железногорска Курской области выступил в Железногорске.",
     "Железногорск", "Курская область"),
    (None, "Глава Железногорска выступил в Железногорске.", "Железногорск", None),
    # a regional document: the region's title wins over its capital's mentions
    ("О Стратегии социально-экономического развития Тверской области на период до 2030 года",
     "Тверь. В Твери и в Ржеве построят школы. Тверь.", None, "Тверская область"),
    # a surname that is also a town's name is no town
    (None, "Сергей Королёв выступил в Твери.", "Тверь", "Тверская область"),
    (None, "Эксперты из Удмуртии обсудили экономику.", None, "Удмуртская Республика"),
    (None, "Погода была хорошей.", None, None),
    # a municipal district named in the title; its region by the district's adjective
    ("Томский район определил точки роста до 2036 года", "В пригородах Томска строят жилье.",
     "Томский район", "Томская область"),
    ("Об утверждении Стратегии развития Заинского муниципального района Республики Татарстан", "",
     "Заинский муниципальный район", "Республика Татарстан"),
    ('Стратегия муниципального образования «Пермский муниципальный округ»', "",
     "Пермский муниципальный округ", "Пермский край"),
    # a city district's «городской округ» is no district
    ("Стратегия развития городского округа Самара до 2030 года", "", "Самара", "Самарская область"),
])
def test_places(title: str | None, text: str, municipality: str | None, region: str | None) -> None:
    places = text_to_places(text, shared(), title)
    assert (places.municipality, places.region) == (municipality, region)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Калуги", "Калуга"), ("Калуге", "Калуга"), ("Ижевске", "Ижевск"), ("г. Твери", "Тверь"),
    ("Набережных Челнах", "Набережные Челны"), ("Ростове-на-Дону", "Ростов-на-Дону"),
    ("Нижнем Новгороде", "Нижний Новгород"), ("ЗАТО Лесной", "Лесной"), ("Орле", "Орёл"),
    ("Стратегии", None), ("Правительства", None),
])
def test_city_by_phrase(phrase: str, expected: str | None) -> None:
    assert city_by_phrase(phrase, shared()) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("в Удмуртии", ["Удмуртская Республика"]),
    ("Республики Башкортостан и Башкирии", ["Республика Башкортостан", "Республика Башкортостан"]),
    ("Ханты-Мансийского автономного округа — Югры", ["Ханты-Мансийский автономный округ — Югра"] * 2),
    ("в Кузбассе", ["Кемеровская область — Кузбасс"]),
    ("Якутии и Чувашии", ["Республика Саха (Якутия)", "Чувашская Республика"]),
    ("Московской обл.", ["Московская область"]),
    ("Северной Осетии", ["Республика Северная Осетия — Алания"]),
    ("Алтайского края и Республики Алтай", ["Алтайский край", "Республика Алтай"]),
    ("мирный крым", []),  # lower case single words are no names
])
def test_find_regions(text: str, expected: list[str]) -> None:
    assert [h.name for h in find_regions(text, shared())] == expected


def test_region_gazetteer_is_complete_and_self_consistent() -> None:
    table = regions()
    assert len(table) == 89
    assert len({r.name for r in table}) == 89
    for r in table:
        assert [h.name for h in find_regions(r.name, shared())][:1] == [r.name], r.name
    capitals = {c.region: c.name for c in cities(shared()) if c.capital}
    assert capitals == {r.name: r.capital for r in table}
    assert {c.region for c in cities(shared())} <= {r.name for r in table}


def test_namesakes_list_capitals_first() -> None:
    assert sorted(regions_of_city("Железногорск", shared())) == ["Красноярский край", "Курская область"]
    assert regions_of_city("Тверь", shared()) == ["Тверская область"]
    assert regions_of_city("Нигдеград", shared()) == []


# whole documents ---------------------------------------------------------------------------
def test_decree_document() -> None:
    doc = txt("АДМИНИСТРАЦИЯ ГОРОДА ТВЕРИ\n\nПОСТАНОВЛЕНИЕ\n\nот 14 мая 2020 г. N 512\n\n"
              "ОБ УТВЕРЖДЕНИИ ПЛАНА МЕРОПРИЯТИЙ ПО РЕАЛИЗАЦИИ СТРАТЕГИИ\n"
              "СОЦИАЛЬНО-ЭКОНОМИЧЕСКОГО РАЗВИТИЯ ГОРОДА ТВЕРИ ДО 2030 ГОДА\n\n"
              "Список изменяющих документов\n"
              "(в ред. постановлений от 01.09.2020 N 900, от 11.02.2021 N 130)\n\n"
              "В целях реализации Стратегии Администрация города Твери постановляет:\n\n"
              "1. Утвердить план мероприятий (прилагается).\n")
    meta = extract_metadata(doc)
    assert meta.kind == "decree"
    assert meta.title == ("Об утверждении плана мероприятий по реализации стратегии "
                          "социально-экономического развития города Твери до 2030 года")
    assert (meta.act_number, meta.adopted_on) == ("512", date(2020, 5, 14))
    assert meta.amended_on == date(2021, 2, 11)
    assert meta.issuer == "Администрация города Твери"
    assert (meta.municipality, meta.region, meta.horizon_year) == ("Тверь", "Тверская область", 2030)
    assert meta.published_on is None


def test_strategy_document_with_approval_stamp() -> None:
    doc = txt("УТВЕРЖДЕНА\nрешением Пермской городской Думы\nот 22.04.2014 № 85\n\n"
              "СТРАТЕГИЯ\nСОЦИАЛЬНО-ЭКОНОМИЧЕСКОГО РАЗВИТИЯ\nГОРОДА ПЕРМИ ДО 2030 ГОДА\n\n"
              "1. Общие положения\n\nПермь является административным центром Пермского края.\n")
    meta = extract_metadata(doc)
    assert meta.kind == "strategy"
    assert meta.title == "Стратегия социально-экономического развития города Перми до 2030 года"
    assert (meta.act_number, meta.adopted_on, meta.amended_on) == ("85", date(2014, 4, 22), None)
    assert meta.issuer == "Пермская городская Дума"
    assert (meta.municipality, meta.region, meta.horizon_year) == ("Пермь", "Пермский край", 2030)


def test_news_document_skips_the_sites_today_banner() -> None:
    doc = txt("Среда, 5 Апреля, 2023\n\nВ Твери обсудили стратегию города\n\n"
              "3 апреля 2023 / Экономика / 2\n\n"
              "В администрации прошла стратегическая сессия. Стратегию развития Твери до 2035 года "
              "представил первый заместитель главы. «Мы идем по плану», — рассказал он.\n")
    meta = extract_metadata(doc)
    assert meta.kind == "news"
    assert meta.title == "В Твери обсудили стратегию города"
    assert meta.published_on == date(2023, 4, 3)
    assert (meta.act_number, meta.issuer) == (None, None)
    assert (meta.municipality, meta.region, meta.horizon_year) == ("Тверь", "Тверская область", 2035)


def test_news_date_after_a_label() -> None:
    doc = txt("Новосибирск выбрал сценарий развития\n\nОпубликовано: 09.10.2023\n\n"
              "5 октября прошла сессия. «Мы готовы», — заявил мэр.\n")
    meta = extract_metadata(doc)
    assert (meta.kind, meta.title, meta.published_on) == (
        "news", "Новосибирск выбрал сценарий развития", date(2023, 10, 9))


def test_hints_give_title_and_date_of_a_web_page() -> None:
    doc = txt("В Перми прошел форум. «Форум удался», — сказал губернатор Пермского края.\n")
    doc.hints.update({"title": "Форум в Перми", "published_on": "2022-05-14"})
    meta = extract_metadata(doc)
    assert (meta.kind, meta.title, meta.published_on) == ("news", "Форум в Перми", date(2022, 5, 14))


# shared material ---------------------------------------------------------------------------
def _norm(v: object) -> object:
    if isinstance(v, str):
        v = unicodedata.normalize("NFKC", v).lower().replace("ё", "е")
        return " ".join(v.replace("«", '"').replace("»", '"').split())
    return v


def _matches(gold: object, value: object) -> bool:
    options = gold["any_of"] if isinstance(gold, dict) and "any_of" in gold else [gold]
    return any(_norm(o) == _norm(value) for o in options)


def _seed_cases() -> list[Path]:
    return sorted((SHARED / "gold").glob("*.json")) if SHARED.is_dir() else []


@pytest.mark.parametrize("gold_path", _seed_cases(), ids=lambda p: p.stem)
def test_seed_document_fields(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["document"]
    doc = read(SHARED / "seeds" / (gold_path.stem + ".txt"))
    meta = json.loads(extract_metadata(doc).model_dump_json())
    wrong = {k: (g, meta.get(k)) for k, g in gold.items() if k != "format" and not _matches(g, meta.get(k))}
    assert wrong == {}


@pytest.mark.parametrize(("name", "expected"), [
    ("837-pa.docx", {"kind": "decree", "act_number": "837-па", "adopted_on": date(2014, 12, 18),
                     "amended_on": date(2020, 2, 5), "issuer": "Администрация Курской области",
                     "municipality": None, "region": "Курская область", "horizon_year": None}),
    ("razdel-investiczii-ih-strategii.pdf", {
        "act_number": "100-ЗКО", "adopted_on": date(2020, 12, 14), "amended_on": date(2023, 10, 6),
        "issuer": "Курская областная Дума", "municipality": None, "region": "Курская область",
        "horizon_year": 2030,
        "title": "О стратегии социально-экономического развития Курской области на период до 2030 года"}),
])
def test_corpus_acts(shared: Path, name: str, expected: dict) -> None:
    path = shared / "corpus" / "kursk" / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared")
    meta = extract_metadata(read(path))
    assert {k: getattr(meta, k) for k in expected} == expected
