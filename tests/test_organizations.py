"""Organizations: sentences → deduplicated Organization records, and the canonical key."""

from __future__ import annotations

import pytest

from stratdoc.extract.entities.organizations import extract_organizations, org_key, tidy_organizations
from stratdoc.extract.nlp import shared as shared_nlp
from stratdoc.schema import Organization, Span
from tests.narrative_doc import doc_from_text, seeds_with, similar

CASES = [
    (  # a government body in the genitive becomes nominative
        "Постановление Администрации города Твери от 10.01.2022.",
        ["Администрация города Твери"],
    ),
    (  # a body inside a body: both
        "Ответственный исполнитель: Комитет по физической культуре и спорту Администрации Алейского района.",
        ["Комитет по физической культуре и спорту Администрации Алейского района",
         "Администрация Алейского района"],
    ),
    (  # coordination inside a body's name, a comma and «с» included
        "Исполнитель: Отдел по работе с молодежью, спортом и туризмом города Орла.",
        ["Отдел по работе с молодежью, спортом и туризмом города Орла"],
    ),
    (  # a comma in a genitive list closed by «и»
        "Заказчик — министерство строительства, жилищно-коммунального и дорожного хозяйства Омской области.",
        ["Министерство строительства, жилищно-коммунального и дорожного хозяйства Омской области"],
    ),
    (  # legal forms with either kind of quotes
        "Договор заключен с ПАО «Ростелеком» и ООО \"Север\".",
        ["ПАО «Ростелеком»", "ООО \"Север\""],
    ),
    (  # a full legal form in an oblique case
        "Заказчик — дочерняя структура акционерного общества «Корпорация развития Севера».",
        ["Акционерное общество «Корпорация развития Севера»"],
    ),
    (  # state corporations are named by their quoted names; a plural descriptor names two
        "В обсуждении участвовали Госкорпорации «Ростех» и «Роскосмос».",
        ["Ростех", "Роскосмос"],
    ),
    (  # «управление проектами» is an activity, the ministry is a body
        "Управление проектами осуществляется Министерством экономики Тверской области.",
        ["Министерство экономики Тверской области"],
    ),
    (  # instrumental «управление образованием» vs genitive «Управление образования …»
        "Управление образованием в городе ведет Управление образования города Твери.",
        ["Управление образования города Твери"],
    ),
    (  # shortened ministry names and a lower-case institute with a proper complement
        "Работу курирует минэкономразвития Удмуртии совместно с Институтом экономики УрО РАН.",
        ["Минэкономразвития Удмуртии", "Институт экономики УрО РАН"],
    ),
    (  # the body's name continues on the next line after a dangling territorial noun
        "Утвержден постановлением Городской Думы города\nСмоленска № 12.",
        ["Городская Дума города Смоленска"],
    ),
    (  # a body named by its topic at a sentence start; a legal form with a region code
        "Управление по охране животного мира ведет учет. Лечение ведет ГБУЗ РК «Городская больница № 2».",
        ["Управление по охране животного мира", "ГБУЗ РК «Городская больница № 2»"],
    ),
    (  # a school named by abbreviations and a number
        "В МАОУ СОШ № 5 открыт кабинет робототехники.",
        ["МАОУ СОШ № 5"],
    ),
    (  # an institution counts with a quoted name
        "Занятия проходят в детской школе искусств «Гармония».",
        ["Детская школа искусств «Гармония»"],
    ),
    (  # a settlement abbreviation and a dedication inside names; table cells end a name
        "Строительство\tАдминистрация г. Тулы\tМуниципальная собственность. Исполнитель: Центр культуры "
        "имени Д. Н. Пряничникова и музей им. А. С. Пушкина.",
        ["Администрация г. Тулы", "Центр культуры имени Д. Н. Пряничникова", "Музей им. А. С. Пушкина"],
    ),
    (  # straight quotes nest
        "Заказчик — ООО \"УК \"Русский дом\"\".",
        ["ООО \"УК \"Русский дом\"\""],
    ),
    (  # capitalised document words and plural nouns are no organizations
        "Утвердить прилагаемый Порядок формирования Плана. Исходя из полученной от Инвесторов информации.",
        [],
    ),
    (  # natasha's names without a descriptor
        "Соглашение подписали «Газпром» и Сбербанк.",
        ["Газпром", "Сбербанк"],
    ),
    (  # quoted titles of directions and abbreviations of economy terms are no organizations
        "Проекты обсуждали по направлениям «Туризм» (Т), «Экология» и «Культура», рост субъектов МСП.",
        [],
    ),
    (  # a municipality in quotes is no organization
        "Стратегия развития городского округа \"Город Псков\" до 2030 года.",
        [],
    ),
    (  # a body word natasha leaves alone grows over its «по» complement
        "Создан Штаб по повышению устойчивости экономики Курской области.",
        ["Штаб по повышению устойчивости экономики Курской области"],
    ),
    (  # a role the document defines is no organization; the body it stands for is
        "Уполномоченный орган - комитет по экономике и развитию Курской области. Заявку рассматривает "
        "Уполномоченный орган.",
        ["Комитет по экономике и развитию Курской области"],
    ),
    (  # facilities, unions of states, a prefixed common noun, a place's role, a street
        "Газопровод от ГРС до ГРП построен. Экспорт в страны СНГ вырос. Развитие IT-отрасли важно. "
        "Якутск — культурный центр Республики Саха (Якутия). Школа на ул. Ленинского Комсомола открыта.",
        [],
    ),
    (  # a one-word agency by its suffix, nominative; a leading preposition is no part of a name
        "По предварительной оценке Иркутскстата население сократилось.",
        ["Иркутскстат"],
    ),
    (  # a bracket the name opens but does not close stays out
        "В 2018 году Аналитическое Кредитное Рейтинговое Агентство (Акционерное общество) присвоило "
        "области рейтинг.",
        ["Аналитическое Кредитное Рейтинговое Агентство"],
    ),
    (  # an adjective the tagger gave another case still belongs to the name
        "Ответственные: Окружная администрация города Якутска и Северо-Восточный федеральный "
        "университет имени М.К. Аммосова.",
        ["Окружная администрация города Якутска",
         "Северо-Восточный федеральный университет имени М.К. Аммосова"],
    ),
    (  # places in a hyphenated chain (a road) are no organization
        "Дорога «Крым»-Игино-«Тросна-Калиновка»-Михайловка построена.",
        [],
    ),
    (  # an abbreviation declined with an ending, its adjective known only as a surname
        "В 2018 году введен комплекс по приему концентрата с Лебединского ГОКа, что позволило "
        "увеличить загрузку.",
        ["Лебединский ГОК"],
    ),
    (  # a closing straight quote glued to the name belongs to it
        'Энергетику представляют филиал ПАО "МРСК Центра - "Курскэнерго", филиал ОАО "ФСК ЕЭС".',
        ['ПАО "МРСК Центра - "Курскэнерго"', 'ОАО "ФСК ЕЭС"'],
    ),
    (  # «по адресу» is where the body stands, not its field
        "Реконструкция Центра культурного развития по адресу: г. Курск, ул. Ленина, 2.",
        ["Центр культурного развития"],
    ),
]

CASES += [
    (  # a word of a heading in capitals is no abbreviation joining the body's name
        "АДМИНИСТРАЦИЯ ГОРОДА ТУЛЫ ПОСТАНОВЛЕНИЕ\n\nот 01.02.2023 № 15",
        ["Администрация города Тулы"],
    ),
    (  # a signature's initials open a person, not a place after the body
        "Глава Администрации района А.Б. Петров\n\nПриложение к постановлению",
        ["Администрация района"],
    ),
    (  # «в сфере» + genitive belongs to the body's name
        "Доклад сделал директор Центра поддержки в сфере туризма Республики Алтай.",
        ["Центр поддержки в сфере туризма Республики Алтай"],
    ),
    (  # a topic after a bare «города» belongs to the deputy's position, not to the body
        "Контроль возложить на заместителя главы Администрации города по вопросам экономики.",
        ["Администрация города"],
    ),
    (  # a working group named by dictionary words is no company group
        "Участники группы «Молодежная политика» предложили проект.",
        [],
    ),
    (  # a company group with a name the dictionary lacks
        "Комбинат входит в группу «Илим».",
        ["Илим"],
    ),
]

# Institutions in running text: bodies named by a common noun with a territory, funds, agencies
# and development institutions, classes of institutions with a qualifier (as RuREBus marks INST:
# «учреждения культуры», «органы опеки и попечительства»), every name in the nominative; a bare
# class word («организации», «предприятия») or a defined role names none.
INSTITUTION_DOCUMENTS = [
    (  # a strategy's paragraph: generic bodies with and without a named territory
        "Реализацию стратегии обеспечивают органы местного самоуправления Заболотненского района во "
        "взаимодействии с органами исполнительной власти Ольховской области. Ежегодный отчет о ходе "
        "реализации администрация района направляет в министерство экономического развития области.",
        ["Органы местного самоуправления Заболотненского района",
         "Органы исполнительной власти Ольховской области", "Администрация района",
         "Министерство экономического развития области"],
    ),
    (  # a programme's section: funds, a centre, a corporation, development institutions
        "Льготные займы выдает фонд развития промышленности, поручительства предоставляет гарантийный "
        "фонд Ольховской области. Бесплатные консультации проводит центр поддержки предпринимательства. "
        "Привлекать инвесторов помогают корпорация развития и другие институты развития.",
        ["Фонд развития промышленности", "Гарантийный фонд Ольховской области",
         "Центр поддержки предпринимательства", "Корпорация развития", "Институты развития"],
    ),
    (  # a news item: every body in an oblique case, one inside another
        "Соглашение подписано с фондом поддержки малого предпринимательства Каменнобродского округа. "
        "Средства перечислены администрации Таволжанского сельсовета. Проверку провели сотрудники "
        "управления сельского хозяйства администрации Каменнобродского муниципального округа. Об итогах "
        "доложили министерству финансов Ольховской области.",
        ["Фонд поддержки малого предпринимательства Каменнобродского округа",
         "Администрация Таволжанского сельсовета",
         "Управление сельского хозяйства администрации Каменнобродского муниципального округа",
         "Администрация Каменнобродского муниципального округа", "Министерство финансов Ольховской области"],
    ),
]

INSTITUTION_CASES = [
    (  # plural generic bodies in the instrumental
        "Ярмарки проводятся совместно с органами местного самоуправления поселений.",
        ["Органы местного самоуправления поселений"],
    ),
    (  # a class of bodies named by its field
        "Контроль за условиями содержания детей осуществляют органы опеки и попечительства.",
        ["Органы опеки и попечительства"],
    ),
    (  # classes of institutions: a genitive field, a qualifying adjective
        "В селах Сухоречинского района работают учреждения культуры и образовательные организации.",
        ["Учреждения культуры", "Образовательные организации"],
    ),
    (  # a lower-case body in the locative, a territory in the genitive
        "Прием граждан ведется в комитете по управлению имуществом администрации района.",
        ["Комитет по управлению имуществом администрации района", "Администрация района"],
    ),
    (  # an agency of development in the dative
        "Заявки направляются агентству инвестиционного развития Ольховской области.",
        ["Агентство инвестиционного развития Ольховской области"],
    ),
    (  # a business incubator with a territory
        "Резиденты размещаются в бизнес-инкубаторе Сухоречинска.",
        ["Бизнес-инкубатор Сухоречинска"],
    ),
    (  # bare class words name no organization
        "Организации и предприятия района получили субсидии, учреждения отчитались.",
        [],
    ),
    (  # small business, enterprises by size, staff of an unnamed administration
        "Субъекты МСП получают льготные займы, а крупные предприятия — налоговые вычеты. Сотрудники "
        "администрации провели прием граждан.",
        [],
    ),
    (  # a housing stock and the organising of leisure are no organizations
        "Жилищный фонд района обветшал, а организация отдыха детей возложена на школы.",
        [],
    ),
    (  # a ministry without a complement names none; a defined role stays out
        "Министерство утвердило план. Уполномоченный орган рассматривает заявки.",
        [],
    ),
]


# The rules behind them, one shape a case.
INSTITUTION_RULE_CASES = [
    (  # a kind between the legal form and the quoted name
        "Компьютеры получил МКДОУ детский сад « Ромашка ».",
        ["МКДОУ детский сад « Ромашка »"],
    ),
    (  # a settlement tells one school from another
        "Занятия ведет МОУ «СОШ» п. Луговое.",
        ["МОУ «СОШ» п. Луговое"],
    ),
    (  # an inner quote shares the outer closing one; the brand inside is that name
        "Форму шьет ООО «Швейная фабрика «Заря».",
        ["ООО «Швейная фабрика «Заря»"],
    ),
    (  # graded kinds name nothing, a part of a thing names nothing; a sector names a kind
        "Крупные предприятия отрасли и предприятия полного цикла получили льготы.",
        ["Предприятия отрасли"],
    ),
    (  # an activity, not a kind
        "Организация технологической инфраструктуры поручена району.",
        [],
    ),
    (  # a list of qualifiers closed by «иные»
        "Привлекаются общественные, научные и иные организации.",
        ["Общественные, научные и иные организации"],
    ),
    (  # a kind that is part of a named body holds it
        "Данные представил территориальный орган Федеральной службы государственной статистики по "
        "Ольховской области.",
        ["Территориальный орган Федеральной службы государственной статистики по Ольховской области",
         "Федеральная служба государственной статистики по Ольховской области"],
    ),
    (  # an abbreviation in a body's list of fields
        "Работы принимает отдел строительства, ЖКХ и транспорта администрации района.",
        ["Отдел строительства, ЖКХ и транспорта администрации района", "Администрация района"],
    ),
    (  # a field governing the instrumental
        "Отчет готовит Отдел управления образованием Администрации Заболотненского района.",
        ["Отдел управления образованием Администрации Заболотненского района",
         "Администрация Заболотненского района"],
    ),
    (  # a body named by its adjectives alone, in the accusative
        "Проект внесен в Таволжанскую сельскую Думу.",
        ["Таволжанская сельская Дума"],
    ),
    (  # an adverb with a participle belongs to the kind
        "Средства получили социально ориентированные некоммерческие организации.",
        ["Социально ориентированные некоммерческие организации"],
    ),
    (  # two bodies joined by «и»
        "Решение Каменнобродской районной Думы и Заболотненского городского Совета.",
        ["Каменнобродская районная Дума", "Заболотненский городской Совет"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), INSTITUTION_RULE_CASES)
def test_institution_rules(text: str, expected: list[str]) -> None:
    assert [o.name for o in extract_organizations(doc_from_text(text), nlp=NLP)] == expected


@pytest.mark.parametrize(("text", "expected"), INSTITUTION_DOCUMENTS + INSTITUTION_CASES)
def test_institutions_in_running_text(text: str, expected: list[str]) -> None:
    assert [o.name for o in extract_organizations(doc_from_text(text), nlp=NLP)] == expected


NLP = shared_nlp()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_to_organizations(text: str, expected: list[str]) -> None:
    assert [o.name for o in extract_organizations(doc_from_text(text), nlp=NLP)] == expected


def test_a_heading_in_capitals_gives_way_to_the_name_as_written() -> None:
    doc = doc_from_text("АДМИНИСТРАЦИЯ КУРСКОЙ ОБЛАСТИ\nПостановление Администрации Курской области.")
    orgs = extract_organizations(doc, nlp=NLP)
    assert [(o.name, o.mentions) for o in orgs] == [("Администрация Курской области", 2)]


@pytest.mark.parametrize(("name", "expected"), [
    ("АДМИНИСТРАЦИЯ КУРСКОЙ ОБЛАСТИ", ["Администрация Курской области"]),
    ("ЧЕРЕПОВЕЦКАЯ ГОРОДСКАЯ ДУМА", ["Череповецкая городская Дума"]),
    ("МИНИСТЕРСТВО ЭКОНОМИЧЕСКОГО РАЗВИТИЯ РФ", ["Министерство экономического развития РФ"]),
    ('АО "ГОТЭК-ПРИНТ"', ['АО "ГОТЭК-ПРИНТ"']),  # a quoted name stays as printed
    ("ГРС", ["ГРС"]),
    ('ООО "АПХ "Мираторг" ООО "Мираторг-Желатин"', ['ООО "АПХ "Мираторг"', 'ООО "Мираторг-Желатин"']),
    ('ООО "КурскСахарПром", филиал "Золотухинский"', ['ООО "КурскСахарПром", филиал "Золотухинский"']),
])
def test_tidy_organizations(name: str, expected: list[str]) -> None:
    org = Organization(name=name, span=Span(start=0, end=len(name)))
    assert [o.name for o in tidy_organizations([org], NLP)] == expected


def test_mentions_are_counted_and_the_first_is_the_span() -> None:
    doc = doc_from_text("Администрация города Твери утвердила план.\n"
                        "Контроль возложен на администрацию города Твери и ООО «Вега».")
    orgs = extract_organizations(doc, nlp=NLP)
    assert [(o.name, o.mentions) for o in orgs] == [("Администрация города Твери", 2), ("ООО «Вега»", 1)]
    assert doc.text[orgs[0].span.start:orgs[0].span.end] == "Администрация города Твери"


def test_alias_uses_count_for_the_full_name() -> None:
    doc = doc_from_text("Министерство финансов Республики Коми (далее – Министерство) ведет учет. "
                        "Министерство публикует отчеты, а Министерству направляются заявки.")
    assert [(o.name, o.mentions) for o in extract_organizations(doc, nlp=NLP)] == [
        ("Министерство финансов Республики Коми", 3)]


@pytest.mark.parametrize(("a", "b"), [
    ("Акционерное общество «ИСС»", "АО \"ИСС\""),
    ("Общество с ограниченной ответственностью “Вега”", "ООО «Вега»"),
    ("Правительство Российской Федерации", "правительство  РФ"),
    ("Государственная корпорация «Росатом»", "Госкорпорация «Росатом»"),
    ("ООО «Ёлка»", "ооо елка".replace(" ", " \"") + "\""),
])
def test_org_key_equal(a: str, b: str) -> None:
    assert org_key(a) == org_key(b)


@pytest.mark.parametrize(("name", "key"), [
    ("Управление  образования\nгорода Калуги.", "управление образования города калуги"),
    ("АО «ИСС»", 'ао"исс'),  # edge quotes go: «Росатом» and Росатом are one key
    ("Министерство экономического развития Российской Федерации", "министерство экономического развития рф"),
    ("МБУДО «ЦР «Орлёнок»»", 'мбудо"цр"орленок'),
])
def test_org_key(name: str, key: str) -> None:
    assert org_key(name) == key


def test_org_key_keeps_different_bodies_apart() -> None:
    assert org_key("Управление образования города Калуги") != org_key("Управление культуры города Калуги")


def test_seed_organizations(shared) -> None:
    """Every organization the gold files require is found."""
    for doc, gold in seeds_with(shared, "organizations"):
        names = [o.name for o in extract_organizations(doc, nlp=NLP)]
        for g in gold["organizations"]:
            assert any(similar(g["name"], n) for n in names), (doc.source, g["name"], names)


def _tsv_document(tmp_path, lines: list[str]):
    from stratdoc.ingest import read

    path = tmp_path / "table.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read(path)


@pytest.mark.parametrize(("lines", "absent", "present"), [
    (["Наименование товарной группы\tКод ТН ВЭД\t2023", "Продукция АПК\t01–24\t412,6"],
     ["Код ТН ВЭД", "АПК", "Наименование товарной группы"], []),
    (["Показатель\t2022\t2023", "ВЭД\t\t", "Число участников ВЭД, ед.\t1 215\t1 340",
      "АПК\t\t", "Оборот организаций АПК, млн руб.\t12 345,6\t12 980, 4"], ["ВЭД", "АПК"], []),
    (["Наименование органа местного самоуправления\tСрок\tОбъем, тыс. руб.",
      "Администрация Заболотненского района\tежегодно\tв пределах средств"],
     ["Орган местного самоуправления"], ["Администрация Заболотненского района"]),
    (["Показатель\tОтветственный\t2023", "ЖКХ\t\t", "Доля ветхого жилья, %\tМинистерство строительства "
      "Заозёрной области\t4, 2"], ["ЖКХ"], ["Министерство строительства Заозёрной области"]),
])
def test_header_and_label_cells_name_no_organization(tmp_path, lines: list[str], absent: list[str],
                                                     present: list[str]) -> None:
    """Column titles, a label alone on its row, a statistic's label before its numbers: no ORG; a
    body named by its head noun in a cell of its own stays."""
    names = [o.name for o in extract_organizations(_tsv_document(tmp_path, lines), nlp=shared_nlp())]
    assert not [n for n in names if n in absent], names
    assert all(any(similar(p, n) for n in names) for p in present), names


def test_label_cells_of_a_table() -> None:
    from stratdoc.extract.entities.label_cells import table_label_cells
    from stratdoc.schema import Cell, Table

    def c(row: int, col: int, text: str, start: int) -> Cell:
        return Cell(row=row, col=col, text=text, start=start, end=start + len(text))

    t = Table(index=0, n_rows=4, n_cols=3, cells=[
        c(0, 0, "Показатель", 0), c(0, 1, "2023", 20), c(1, 0, "АПК", 30),
        c(2, 0, "Оборот, млн руб.", 40), c(2, 1, "256823, 1", 60), c(3, 0, "Субсидии", 80),
        c(3, 1, "Управление АПК", 90)])
    assert table_label_cells(t) == [(0, 10), (20, 24), (30, 33), (40, 56)]
