"""Directions and clusters from running text: sentences and lists → records."""

from __future__ import annotations

import pytest

from stratdoc.extract.nlp import shared as shared_nlp
from stratdoc.extract.text.directions import extract_directions
from stratdoc.schema import Direction
from tests.narrative_doc import doc_from_text

NLP = shared_nlp()


def brief(d: Direction) -> tuple[str, str, list[str]]:
    return d.name, d.kind, d.items


CASES = [
    (  # numbered clusters with bulleted sub-directions; glosses in parentheses dropped
        "В основу стратегии Томска положены следующие кластеры:\n"
        "1. Кластер «Умный город». Объединяет проекты по направлениям:\n"
        "- цифровые сервисы (порталы, мобильные приложения);\n"
        "- умный транспорт.\n"
        "2. Туристско-рекреационный кластер.\n"
        "3. Образовательный кластер – университетский центр Сибири. Основа — шесть вузов.\n"
        "Реализация кластеров потребует участия области.",
        [("Кластер «Умный город»", "cluster", ["цифровые сервисы", "умный транспорт"]),
         ("Туристско-рекреационный кластер", "cluster", []),
         ("Образовательный кластер – университетский центр Сибири", "cluster", [])],
    ),
    (  # numbered directions: kind follows each item's head noun
        "Для достижения миссии выделены следующие приоритетные направления:\n"
        "1. Портовый кластер. Развитие пойдет по направлениям:\n"
        "- логистика;\n"
        "- судоремонт (включая малые верфи).\n"
        "2. Развитие человеческого капитала.",
        [("Портовый кластер", "cluster", ["логистика", "судоремонт"]),
         ("Развитие человеческого капитала", "direction", [])],
    ),
    (  # bulleted directions after a colon cue
        "Приоритетными направлениями развития Сургута определены:\n"
        "- развитие человеческого капитала;\n"
        "- повышение качества городской среды (благоустройство, транспорт);\n"
        "- диверсификация экономики.",
        [("развитие человеческого капитала", "direction", []),
         ("повышение качества городской среды", "direction", []),
         ("диверсификация экономики", "direction", [])],
    ),
    (  # an inline list whose stated count splits the last «и»
        "Стратегия Твери выделяет три приоритета: человеческий капитал, городская среда и экономика знаний.",
        [("человеческий капитал", "direction", []), ("городская среда", "direction", []),
         ("экономика знаний", "direction", [])],
    ),
    (  # without a count «и» stays inside an item
        "Концепцию обсудили по направлениям: туризм и гостеприимство, промышленность, городская среда.",
        [("туризм и гостеприимство", "direction", []), ("промышленность", "direction", []),
         ("городская среда", "direction", [])],
    ),
    (  # a genitive tail between the cue and the colon, items split at semicolons
        "Основные направления деятельности: поддержка предпринимательства; развитие туризма.",
        [("поддержка предпринимательства", "direction", []), ("развитие туризма", "direction", [])],
    ),
    (  # clusters by the cue noun
        "Работа шла по трем кластерам: лесопромышленный, туристический и аграрный.",
        [("лесопромышленный", "cluster", []), ("туристический", "cluster", []), ("аграрный", "cluster", [])],
    ),
    (  # quoted names with an abbreviation, continued by «Еще одно — …» in the next sentence
        "Участники сессии в Вологде работали по направлениям «Городская среда» (ГС), «Экономика» и "
        "«Туризм». Еще одно — «Молодежь» — обсудят в октябре. Итоги подведут на форуме «Город».",
        [("Городская среда", "direction", []), ("Экономика", "direction", []), ("Туризм", "direction", []),
         ("Молодежь", "direction", [])],
    ),
    (  # «2. …» after «1) …» items resumes the enclosing list: the directions end there
        "1. Приоритетными направлениями политики в сфере спорта являются:\n1) массовый спорт;\n"
        "2) спортивная инфраструктура.\n2. Цель программы - рост числа занимающихся.",
        [("массовый спорт", "direction", []), ("спортивная инфраструктура", "direction", [])],
    ),
    (  # a copula between the cue and the colon is fine
        "К приоритетным направлениям развития села относятся:\n- дороги;\n- связь.",
        [("дороги", "direction", []), ("связь", "direction", [])],
    ),
    (  # an upper-case slide list
        "НАПРАВЛЕНИЯ РАЗВИТИЯ:\n- ТУРИЗМ\n- ПРОМЫШЛЕННОСТЬ",
        [("ТУРИЗМ", "direction", []), ("ПРОМЫШЛЕННОСТЬ", "direction", [])],
    ),
    (  # a strategy slide: short lower-case lines; a second strategy slide is a comparison
        "СТРАТЕГИЯ ГОРОДА ДО 2035 ГОДА\nчеловеческий капитал\nкомфортная среда (городской уровень)\n"
        "СТРАТЕГИЯ ОБЛАСТИ ДО 2040 ГОДА\nсоциальное благополучие\nцифровое лидерство",
        [("человеческий капитал", "direction", []), ("комфортная среда", "direction", [])],
    ),
]

CASES += [
    (  # a cue after a compound preposition; letter items under numbered ones
        "Реализация Стратегии обеспечивается в рамках следующих кластеров:\n"
        "1) Кластер «Металлург»:\nа) модернизация производств;\nб) подготовка кадров.\n"
        "2) Образовательный кластер «Город знаний»:\nа) развитие университета.",
        [("Кластер «Металлург»", "cluster", ["модернизация производств", "подготовка кадров"]),
         ("Образовательный кластер «Город знаний»", "cluster", ["развитие университета"])],
    ),
    (  # the document's next numbered section ends the list
        "Цель достигается по следующим приоритетным направлениям:\n"
        "1. Город умной экономики:\n- поддержка бизнеса.\n2. Город талантов:\n- развитие образования.\n"
        "3. Цели и задачи\nЦель 1. Рост экономики.",
        [("Город умной экономики", "direction", ["поддержка бизнеса"]),
         ("Город талантов", "direction", ["развитие образования"])],
    ),
]

CASES += [
    (  # «развитием следующих кластеров:» under a noun still announces the clusters
        "Рост экономики Брянска обеспечивается развитием следующих кластеров:\n\n"
        "1. Машиностроительный кластер. Кластер включает направления:\n"
        "- вагоностроение;\n- станкостроение.\n\n"
        "2. Аграрный кластер. Основные направления:\n- картофелеводство.\n\n"
        "3. Кластер «Лесной край».",
        [("Машиностроительный кластер", "cluster", ["вагоностроение", "станкостроение"]),
         ("Аграрный кластер", "cluster", ["картофелеводство"]),
         ("Кластер «Лесной край»", "cluster", [])],
    ),
    (  # bullets under a numbered cue end at the cue's next sibling
        "1. Транспортный кластер. Кластер включает направления:\n- логистика;\n- авиаперевозки.\n"
        "2. Прочие вопросы.",
        [("логистика", "direction", []), ("авиаперевозки", "direction", [])],
    ),
]

NOTHING = [
    "Форум прошел по темам «Экономика» и «Культура».",
    "По итогам сессии предложено десять проектов по трем направлениям.",
    "ПЛАН СОСТОИТ ИЗ:\n- цели и задачи стратегии\n- ожидаемый результат",
    "ПРИОРИТЕТНЫЕ ПРОЕКТЫ\n- СТРОИТЕЛЬСТВО ШКОЛЫ\n- РЕМОНТ ДОРОГ",
    "Резидентами кластера «Технополис» стали 12 компаний.",
    "Работа по тем направлениям, которые нужно усилить, продолжится.",
    "Направления: см. приложение.",
    # a list led by something else than a plural cue noun standing close before the colon
    "Данное направление включает в себя следующие мероприятия:\n- ремонт дорог;\n- строительство моста.",
    "Способы реализации направления:\n- проведение конкурсов;\n- выпуск брошюр.",
    "Приоритеты молодежной политики установлены следующими документами:\n- закон о молодежи;\n- устав.",
    "Реализация указанных направлений позволит обеспечить:\n- рост доходов;\n- снижение безработицы.",
    "Молочный кластер представлен в следующих районах:\n1. Рыльский район.\n2. Льговский район.",
]


CASES += [
    (  # an inline list after «являются» without a colon: «и» inside the items keeps the last one whole
        "Приоритетными направлениями привлечения инвестиций в Ольховском крае являются рыболовство и "
        "рыбопереработка, жилищное строительство, связь и телекоммуникации.",
        [("рыболовство и рыбопереработка", "direction", []), ("жилищное строительство", "direction", []),
         ("связь и телекоммуникации", "direction", [])],
    ),
    (  # a colon, then items split at semicolons inline
        "Приоритетными направлениями развития поселка являются: ремонт дорог; газификация; "
        "строительство спортивного зала.",
        [("ремонт дорог", "direction", []), ("газификация", "direction", []),
         ("строительство спортивного зала", "direction", [])],
    ),
    (  # plain lines ending with «;» after a cue line
        "Приоритетными направлениями деятельности района в сфере культуры являются:\n"
        "обновление сельских клубов;\nподдержка народных промыслов;\nразвитие библиотек.\n"
        "В районе работают 14 клубов.",
        [("обновление сельских клубов", "direction", []), ("поддержка народных промыслов", "direction", []),
         ("развитие библиотек", "direction", [])],
    ),
    (  # branches listed directly under a numbered heading that calls them priority directions
        "4.2. Приоритетные направления инвестиционного развития\n"
        "В числе приоритетных для инвестирования отраслей определены:\n"
        "- льноводство;\n- производство кормов;\n- стекольная промышленность.\n"
        "4.3. Инфраструктура\nВ районе две железнодорожные станции.",
        [("льноводство", "direction", []), ("производство кормов", "direction", []),
         ("стекольная промышленность", "direction", [])],
    ),
    (  # the same without a lead sentence, plain lines
        "7.1. Приоритетные направления развития промышленности\nметаллообработка;\nхимия.\n"
        "7.2. Кадры\nВ районе два техникума.",
        [("металлообработка", "direction", []), ("химия", "direction", [])],
    ),
    (  # a cluster named in prose, in the genitive inside a project title: named by its quoted name
        "В крае реализуется проект \"Создание всесезонного туристического кластера \"Синий перевал\"\".",
        [("Синий перевал", "cluster", [])],
    ),
    (  # a cluster named in the nominative
        "С 2020 года в районе действует лесопромышленный кластер «Таежный».",
        [("Таежный", "cluster", [])],
    ),
    (  # two clusters in one sentence, in the genitive
        "Область поддержит создание машиностроительного кластера «Заречный» и аграрного кластера «Нива».",
        [("Заречный", "cluster", []), ("Нива", "cluster", [])],
    ),
]

NOTHING += [
    # a quoted title of a training programme's or a federal document's direction, in the singular
    "В колледже ведется обучение по направлению - \"Туризм и гостиничное дело\".",
    "Область учитывает направление «Цифровая экономика» федеральной стратегии.",
    # a quoted adjective of the noun after it is no name
    "Хозяйство разводит скот молочного направления \"холмогорской\" породы.",
    # a list of branches under a heading naming branches, not directions
    "2.4. Ведущие отрасли района\n- лесозаготовка;\n- деревообработка.",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_directions(text: str, expected: list[tuple[str, str, list[str]]]) -> None:
    assert [brief(d) for d in extract_directions(doc_from_text(text), NLP)] == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_directions(text: str) -> None:
    assert extract_directions(doc_from_text(text), NLP) == []


def test_spans_point_at_the_names() -> None:
    doc = doc_from_text("Сессия шла по направлениям «Наука» и «Спорт».\nСтратегия выделяет два "
                        "приоритета: кадры и инвестиции.")
    found = extract_directions(doc, NLP)
    assert [doc.text[d.span.start:d.span.end] for d in found] == ["Наука", "Спорт", "кадры", "инвестиции"]
    assert {d.span.page for d in found} == {1}


def test_cluster_span_covers_its_items() -> None:
    doc = doc_from_text("Выделены следующие кластеры:\n1. Морской кластер. Включает:\n- порт;\n- верфи.\n"
                        "Итог.")
    (d,) = extract_directions(doc, NLP)
    assert doc.text[d.span.start:d.span.end] == "1. Морской кластер. Включает:\n\n- порт;\n\n- верфи."


def test_table_blocks_are_not_read() -> None:
    doc = doc_from_text("Итоги года.", tables=[[["Направления:", "туризм, спорт и культура"]],
                                                [["по направлениям «Наука»", ""]]])
    assert extract_directions(doc, NLP) == []


def test_seed_documents(shared) -> None:
    """Every required gold direction is found with its kind and items; extras must be optional ones."""
    from tests.narrative_doc import norm, seeds_with

    for doc, gold in seeds_with(shared, "directions"):
        found = {norm(d.name): d for d in extract_directions(doc, NLP)}
        for g in gold["directions"]:
            d = found.pop(norm(g["name"]), None)
            if d is None:
                assert g.get("optional"), (gold["source"], g["name"])
                continue
            assert d.kind == g["kind"], (gold["source"], g["name"])
            assert [norm(x) for x in d.items] == [norm(x) for x in g.get("items", d.items)]
        assert not found, (gold["source"], list(found))


def test_structure_fills_directions_goals_and_projects() -> None:
    from stratdoc.extract.text import extract_structure

    doc = doc_from_text("Сессия прошла по направлениям «Туризм» и «Спорт».\nЦель 1. Рост турпотока.\n"
                        "Задача 1.1. Новые маршруты.\nУчастники предложили проект «Тропа».")
    ex = extract_structure(doc)
    assert [d.name for d in ex.directions] == ["Туризм", "Спорт"]
    assert [(g.number, g.text, [t.text for t in g.tasks]) for g in ex.goals] == [
        ("1", "Рост турпотока", ["Новые маршруты"])]
    assert [p.name for p in ex.projects] == ["Тропа"]
    assert ex.measures == [] and ex.indicators == []


# --- directions with their items, and lists that are not directions -------------------------

ITEM_CASES = [
    (  # «Направление N. … включает:» keeps its sub-directions as items
        "Направление 2. Развитие туризма включает:\n- событийный туризм;\n- агротуризм.",
        [("Развитие туризма", "direction", ["событийный туризм", "агротуризм"])],
    ),
    (  # the sub-directions on the line of the cue
        "Направление 1. Городская среда\nНаправление 1 включает: благоустройство дворов; ремонт дорог.",
        [("Городская среда", "direction", ["благоустройство дворов", "ремонт дорог"])],
    ),
    (  # measures of a direction are not its items; branches inside it are not directions
        "Направление 3. Городское сообщество\nОсновные мероприятия:\n- конкурс местных инициатив;\n"
        "- открытие ресурсного центра.\nПриоритетными отраслями остаются:\n- автомобилестроение;\n"
        "- авиастроение.",
        [("Городское сообщество", "direction", [])],
    ),
    (  # a long cue: a time span between the cue noun and its copula
        "Приоритетами в развитии экономики и социальной сферы городского округа на период до 2030 года "
        "являются:\n1) развитие промышленности на местном сырье. Округ богат глиной;\n2) водный туризм.",
        [("развитие промышленности на местном сырье", "direction", []), ("водный туризм", "direction", [])],
    ),
]

PROSE_CASES = [
    (  # a copula after the instrumental cue noun; a nominative after the last «и» splits it
        "Приоритетными направлениями привлечения инвестиций в районе являются сфера туризма и "
        "отдыха, жилищное строительство, энергетика, здравоохранение и образование.",
        ["сфера туризма и отдыха", "жилищное строительство", "энергетика", "здравоохранение", "образование"],
    ),
    (  # «по пяти направлениям – …»: the stated count splits the last «и»
        "Работа ведётся по пяти направлениям – развитие туризма, поддержка предпринимательства, "
        "молодёжная политика, спорт и культура.",
        ["развитие туризма", "поддержка предпринимательства", "молодёжная политика", "спорт", "культура"],
    ),
    (  # ordinals name the directions one by one
        "Работа над документом ведётся по трём направлениям. Первое направление – экономика и инвестиции, "
        "второе – социальная сфера, третье – инфраструктура и экология.",
        ["экономика и инвестиции", "социальная сфера", "инфраструктура и экология"],
    ),
    (  # a copula without a colon; «и» before a noun phrase of the same case ends the list
        "Главными направлениями работы на ближайшие пять лет названы ремонт дорог, газификация сёл и "
        "строительство спортивных площадок.",
        ["ремонт дорог", "газификация сёл", "строительство спортивных площадок"],
    ),
    (  # «по четырём направлениям: …» in a news item
        "Участники сессии работали по четырём направлениям: городская среда, экономика, образование и "
        "здравоохранение.",
        ["городская среда", "экономика", "образование", "здравоохранение"],
    ),
]

NOT_DIRECTIONS = [
    # branches of the economy, named as «отраслевые направления»
    "Приоритетные отраслевые направления развития экспорта:\n1) автомобилестроение;\n2) авиастроение;\n"
    "3) железнодорожное машиностроение.",
    "Приоритетные отраслевые направления промышленности округа:\n- керамическое производство;\n"
    "- деревообработка.",
    # routes: places after a preposition are not names of directions
    "Автобусы пойдут по трём направлениям – до вокзала, до центральной больницы и до промышленной зоны.",
    # a list of measures of one direction
    "Направление включает следующие мероприятия:\n- ремонт дорог;\n- строительство моста.",
    # genitives after a copula complement the first item's noun: one branch's products, no list
    "Основными направлениями растениеводства являются производство зерновых культур, сахарной "
    "свеклы, масличных культур, картофеля, овощей.",
    # genitives running on after the copula («защиты личности, общества и государства»)
    "Приоритетами программы являются обеспечение надежной защиты личности, общества и государства.",
    # adjectives sharing the last item's plural noun
    "Перспективными направлениями являются лесопереработка, медицинский, горнодобывающий кластеры.",
    # bare adjectives agreeing with the cue noun name no direction of their own
    "Центр работает в рамках основных направлений: организационного, образовательного, "
    "информационно-консультационного.",
]


@pytest.mark.parametrize(("text", "expected"), ITEM_CASES)
def test_directions_with_items(text: str, expected: list[tuple[str, str, list[str]]]) -> None:
    assert [brief(d) for d in extract_directions(doc_from_text(text), NLP)] == expected


@pytest.mark.parametrize(("text", "expected"), PROSE_CASES)
def test_directions_listed_in_prose(text: str, expected: list[str]) -> None:
    assert [d.name for d in extract_directions(doc_from_text(text), NLP)] == expected


@pytest.mark.parametrize("text", NOT_DIRECTIONS)
def test_lists_that_are_not_directions(text: str) -> None:
    assert extract_directions(doc_from_text(text), NLP) == []
