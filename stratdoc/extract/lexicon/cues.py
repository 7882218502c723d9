"""Cue vocabularies of the narrative extractors, as data: lemmas and short patterns.

A new way of writing the same thing is a new entry here, not a new branch in the rules.
All words are pymorphy3 lemmas in lower case with «е» for «ё».
"""

from __future__ import annotations

import re

# --- directions ------------------------------------------------------------------------

# Head nouns that announce a list of directions, and the record kind they give.
DIRECTION_NOUNS: dict[str, str] = {
    "направление": "direction",
    "приоритет": "direction",
    "кластер": "cluster",
}
# Cheap prefilter before the lemma check: a line without one of these stems has no cue.
DIRECTION_STEMS = ("направлени", "приоритет", "кластер")
# A head noun that makes a listed item a cluster whatever the cue said.
CLUSTER_NOUNS = frozenset({"кластер"})
# Heading nouns of a slide whose following short lower-case lines are directions.
SLIDE_DIRECTION_NOUNS = frozenset({"направление", "приоритет", "стратегия"})
# Of these, the ones that name a whole strategy: a deck may set its own strategy beside the
# higher level's for comparison, so only the first such slide list is the document's own.
SLIDE_STRATEGY_NOUNS = frozenset({"стратегия"})
# Verbs that may stand between a cue noun and its colon: «Приоритетными направлениями являются:».
# Any other verb there («… направлений позволит обеспечить:») makes the list something else.
CUE_COPULAS = frozenset({"являться", "быть", "стать", "становиться", "относиться", "выступать",
                         "считаться", "определяться", "выделяться"})
MAX_CUE_TAIL_WORDS = 10  # words from the cue noun to the colon (up to a first comma)
# Nouns of compound prepositions: a cue noun after «в рамках», «на основе» is no genitive under
# a noun («обеспечивается в рамках следующих кластеров:» leads a list of clusters).
PREPOSITION_NOUNS = frozenset({"рамка", "основа"})
# The adjective announcing a list: a cue noun it modifies names the listed items even as a genitive
# under another noun («обеспечивается развитием следующих кластеров:»).
LIST_ANNOUNCER = "следующ"
# Numerals that state how many items an inline list has: «по четырем направлениям: …».
COUNT_WORDS: dict[str, int] = {
    "два": 2, "двое": 2, "три": 3, "трое": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10,
}
# A sentence opening with one of these continues the previous sentence's quoted list:
# «… по направлениям «А» и «Б». Еще две — «В» и «Г» …».
CONTINUATION_OPENERS = ("еще", "ещё", "также", "кроме того")

# --- goals and tasks ------------------------------------------------------------------------

# Adjectives that may precede «цель» in a goal statement: «Стратегическая цель – …».
GOAL_QUALIFIERS = ("стратегическ", "главн", "основн", "генеральн", "ключев", "глобальн", "приоритетн")
# Verbs linking a goal phrase to its text: «Главной целью Стратегии является …».
GOAL_COPULAS = ("является", "являются", "будет являться", "станет", "выступает", "состоит в")

# One family of goal and task labels, shared by every reader of «Цель 1.» and «Задача 1.2 –»;
# a reader composes its own pattern from these pieces («ц.» for a table's short form, …).
GOAL_QUALIFIER = rf"(?:(?:{'|'.join(GOAL_QUALIFIERS)})\w*\s+)?"  # optional, with its space
GOAL_WORD = r"цел[ьи]"
TASK_WORD = r"задач[аи]"
# «2», «№ 1.2»: a label's printed number; a longer run of digits is a year («цели 2030 года»).
LABEL_NUMBER = r"(?:№\s*)?(?P<num>\d{1,2}(?:\.\d{1,2})*)(?![\d.]*\d)"
# Between a label's number and its text: «.», «:», «)», a dash, or nothing.
LABEL_SEPARATOR = r"\s*[.:)]?\s*(?:[-–—:]\s*)?"
# «Цель 1. », «Стратегическая цель 2 – », «Цели № 3: » at the start of a line.
GOAL_NUMBER_RE = re.compile(rf"{GOAL_QUALIFIER}{GOAL_WORD}\s*{LABEL_NUMBER}{LABEL_SEPARATOR}", re.I)
# «Задача 1.2. », «Задачи 3: ».
TASK_NUMBER_RE = re.compile(rf"{TASK_WORD}\s*{LABEL_NUMBER}{LABEL_SEPARATOR}", re.I)

# --- projects --------------------------------------------------------------------------------

# Nouns after which a quoted name is a project's name wherever they stand.
STRONG_PROJECT_NOUNS = frozenset({"проект", "инициатива", "подпроект", "спецпроект"})
# Nouns that name a project only in a sentence that proposes or launches something:
# «предложили запустить чат-бота «Наш квартал»», but not «директор центра «Горизонт»».
WEAK_PROJECT_NOUNS = frozenset({
    "программа", "чат-бот", "бот", "система", "центр", "конкурс", "бюро", "портал", "платформа",
    "сервис", "приложение", "школа", "кластер", "парк", "технопарк", "карта", "фестиваль", "акция",
    "хаб", "пространство", "маршрут", "премия", "лаборатория", "акселератор", "инкубатор",
    "бизнес-инкубатор", "экосистема", "реестр", "сеть", "клуб", "навигатор", "агрегатор", "сайт",
    "канал", "курс", "стандарт", "бренд", "кампания", "марафон",
})
# Nouns after which a quoted name is something else: an event, a topic, a body, a sector.
# The nearest cue before a quote decides, so «сессии по направлениям «…»» is not a project.
NOT_PROJECT_NOUNS = frozenset({
    "направление", "тема", "мастерская", "сессия", "стратсессия", "форум", "конференция",
    "семинар", "совещание", "мероприятие", "газета", "издание", "журнал", "компания",
    "госкорпорация", "корпорация", "холдинг", "организация", "предприятие", "ао", "оао", "пао",
    "ооо", "зао", "фгуп", "гуп", "муп", "ано", "нко", "агентство", "фонд", "учреждение", "рубрика",
    "номинация", "партия", "деятельность", "стратегия", "образование", "округ", "город",
    "район", "поселение", "номер", "постановление", "закон", "решение", "приказ", "распоряжение",
    "указ", "сфера", "отрасль", "блок", "цель", "задача", "показатель", "мера", "кафе", "магазин",
    "ресторан", "гостиница", "отель", "банк", "университет", "институт", "колледж", "медиагруппа",
    "объект", "территория", "область", "край", "республика", "поселок", "село", "деревня",
    "микрорайон", "улица", "площадь", "проспект", "мо",
})
# Verbs (lemmas) of proposing, launching or building: a weak cue counts only near one.
PROPOSAL_VERBS = frozenset({
    "предложить", "предлагать", "рассмотреть", "рассматривать", "запустить", "запускать",
    "разработать", "создать", "создавать", "реализовать", "внедрить", "открыть", "построить",
    "презентовать", "запланировать", "инициировать", "выдвинуть", "одобрить",
})
# Stems of those verbs: a cheap test before the morphology lookup.
PROPOSAL_STEMS = ("предлаг", "предлож", "рассм", "запуск", "запуст", "разраб", "созд", "реализ",
                  "внедр", "откр", "постро", "презент", "заплан", "иницииров", "выдвин", "одобр")
# Verbal nouns that stand before a project's object: «создание креативного кластера» → the
# project is the cluster.
CREATION_NOUNS = frozenset({"создание", "разработка", "запуск", "внедрение", "формирование"})
# Modifiers that leave a cue noun generic: «другие проекты», «ряд программ».
GENERIC_WORDS = frozenset({
    "другой", "различный", "новый", "приоритетный", "комплексный", "этот", "такой", "данный",
    "весь", "ряд", "свой", "наш", "каждый", "отдельный", "ключевой", "основной", "один", "два",
    "три", "несколько", "некоторый", "иной", "региональный", "федеральный", "муниципальный",
    "национальный", "государственный", "целевой",
    # evaluative words: «создать эффективную систему …» states an aim, it names no project
    "эффективный", "современный", "комфортный", "благоприятный", "устойчивый", "необходимый",
    "качественный", "доступный", "действенный", "оптимальный", "надежный", "прозрачный",
})
MAX_NAME_WORDS = 10  # a longer quotation is speech, not a name
CUE_WINDOW_WORDS = 10  # how far before a quote its cue noun may stand
