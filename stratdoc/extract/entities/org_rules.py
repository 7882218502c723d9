"""Organizations natasha's NER misses or cuts short, found by rules over tagged tokens.

Four shapes, each driven by a vocabulary below:

- a legal form and a quoted name: «АО «Вега»», «ООО "Вектор"», «акционерного общества «…»»;
- a descriptor and a quoted name, where people write the name alone: «Госкорпорации
  «Ростех»» → «Ростех», «кластера «Технопарк Север»» → «Технопарк Север»;
- a body's head noun grown over its complements by case agreement: «Управление
  экономики и имущественных отношений города Твери», «Отдел по работе с молодежью,
  спортом и туризмом …», «Правительства Омской области».

Also one-word names of state agencies made by their suffix: «Иркутскстата», «Ростехнадзору»
(«…стат», «…надзор», «…реестр»), which the dictionary lacks and NER takes for surnames.

Growing by case is what tells the body «управление образования города Твери» (genitive)
from the activity «управление образованием» (instrumental).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratdoc.extract.entities.narrative import CASES, OPEN_QUOTES, Narrative, phrase_to_nominative
from stratdoc.extract.nlp import Nlp, NlpToken

# Head nouns of bodies that are hardly ever used generically when capitalised, so one
# complement suffices even at the start of a sentence («Министерство экономики …»). The
# activity «управление» takes the instrumental («управление проектами»), which never joins.
STRONG_HEADS = frozenset({
    "министерство", "администрация", "правительство", "управа", "департамент", "комитет", "отдел",
    "управление", "дума", "прокуратура", "мэрия", "префектура", "казначейство", "горадминистрация",
})
# Heads that are also ordinary words («центр города», «совет директоров»): they need a
# capitalised complement, a quoted name, or a capital letter away from a sentence start.
WEAK_HEADS = frozenset({
    "совет", "собрание", "палата", "служба", "агентство", "инспекция", "комиссия",
    "институт", "университет", "академия", "центр", "фонд", "корпорация", "ассоциация", "союз",
    "бюро", "банк", "колледж", "техникум", "представительство", "аппарат", "отделение", "объединение",
    "штаб",
})
# Institutions that count only with a quoted name or a dedication after them («клиники
# «Айболит»», «школы искусств «Гармония»», «музей им. А. С. Пушкина»).
QUOTED_NAME_HEADS = frozenset({
    "клиника", "больница", "поликлиника", "диспансер", "школа", "лицей", "гимназия", "музей", "театр",
    "библиотека", "клуб", "кинотеатр", "стадион", "спорткомплекс", "училище", "сад", "учреждение",
    "организация", "ансамбль", "парк", "дворец", "дом", "студия", "лаборатория", "партия", "движение",
})
# Ministries written as one shortened word («минэкономразвития Чувашии», «Минфина России»).
SHORT_MINISTRIES = frozenset({
    "минэкономики", "минэкономразвития", "минфин", "минстрой", "минобрнауки", "минпромторг", "минтранс",
    "минприроды", "минздрав", "минкультуры", "минтруд", "минсельхоз", "минспорт", "минцифры",
    "минпросвещения", "минэнерго", "минюст", "минобороны", "минвостокразвития", "минобразования",
    "минимущество", "минсоцразвития", "минтуризма",
})
HEADS = STRONG_HEADS | WEAK_HEADS | SHORT_MINISTRIES
# State agencies named by a suffix: «Росстат», «Иркутскстат», «Роспотребнадзор», «Росреестр»;
# the stem is the nominative, the tail a case ending.
AGENCY_WORD = re.compile(r"(?P<stem>[А-ЯЁ][а-яё]{2,}(?:стат|надзор|реестр))(?:а|у|ом|е)?")
# Tokens that may stand between a legal form and the quoted name («ГБУЗ РК «…»»).
MAX_TOKENS_BEFORE_QUOTE = 2

# Descriptors after which people name the organization by its quoted name alone.
BRAND_DESCRIPTORS = frozenset({
    "госкорпорация", "корпорация", "компания", "холдинг", "кластер", "концерн", "банк", "медиагруппа",
    "агрохолдинг", "группа", "газета", "издание", "телеканал", "завод", "комбинат", "фабрика",
    "предприятие", "фирма", "гк", "агентство", "технопарк", "бизнес-инкубатор", "инкубатор",
})

# Legal forms: abbreviations as printed, and full forms as lemma sequences.
LEGAL_ABBREVIATIONS = frozenset({
    "АО", "ООО", "ПАО", "ЗАО", "ОАО", "НАО", "АНО", "НКО", "ФГУП", "ГУП", "МУП", "МП", "МБУ", "МАУ", "МКУ",
    "ГБУ", "ГАУ", "ГКУ", "ФГБУ", "ФГАУ", "ФГКУ", "ФГБОУ", "ФГАОУ", "ГБОУ", "ГАОУ", "МБОУ", "МАОУ", "МКОУ",
    "МБДОУ", "МАДОУ", "МБУДО", "МАУДО", "ГАПОУ", "ГБПОУ", "ОГБУ", "ОГАУ", "КГБУ", "КГАУ", "ОБУ", "ГОБУ",
    "МУК", "МБУК", "МАУК", "ФКУ", "ГКУЗ", "ГБУЗ", "ИП", "ТОО", "НП", "ТСЖ", "СРО", "ГК", "ФГБНУ", "НИУ",
    "ОКУ", "ОГКУ", "КГКУ", "ОБУЗ", "ОГБОУ", "ОБОУ", "ОБПОУ", "ГАУК", "ГБУК", "МКУК", "МКП", "ГП",
    "ФГУ", "ФБУ", "ОГБУЗ", "КГБУЗ", "ГАУЗ", "МАУЗ", "МБУЗ", "ГОУ", "МОУ", "МДОУ", "МКДОУ", "ЧОУ", "АУ", "БУ",
})
LEGAL_FULL_FORMS: tuple[tuple[str, ...], ...] = (
    ("общество", "с", "ограниченный", "ответственность"),
    ("публичный", "акционерный", "общество"),
    ("закрытый", "акционерный", "общество"),
    ("открытый", "акционерный", "общество"),
    ("непубличный", "акционерный", "общество"),
    ("акционерный", "общество"),
    ("федеральный", "государственный", "унитарный", "предприятие"),
    ("государственный", "унитарный", "предприятие"),
    ("муниципальный", "унитарный", "предприятие"),
    ("автономный", "некоммерческий", "организация"),
    ("некоммерческий", "партнерство"),
    ("муниципальный", "бюджетный", "учреждение"),
    ("муниципальный", "автономный", "учреждение"),
    ("муниципальный", "казенный", "учреждение"),
    ("государственный", "бюджетный", "учреждение"),
    ("государственный", "автономный", "учреждение"),
    ("государственный", "казенный", "учреждение"),
    ("федеральный", "государственный", "бюджетный", "учреждение"),
)

# Modifiers before a head that do not belong to a name («данного управления»).
NOT_NAME_MODIFIERS = frozenset({
    "данный", "указанный", "такой", "этот", "весь", "свой", "наш", "ваш", "который", "соответствующий",
    "каждый", "иной", "другой", "любой", "уполномоченный", "профильный", "отраслевой", "местный",
    "различный", "настоящий", "вышеуказанный", "ответственный",
})
# After a capitalised name has joined, only these nouns may still follow («района Алтайского края»).
TERRITORY_LEMMAS = frozenset({"город", "район", "область", "край", "округ", "поселение", "республика",
                              "федерация", "сельсовет", "поселок", "село", "муниципалитет"})
PREPOSITION_CASES = {"по": "Dat", "при": "Loc"}
# «в сфере», «в области»: a compound preposition whose genitive complement names the body's field
# («Центр поддержки в сфере туризма»).
FIELD_PREPOSITIONS = {"в": frozenset({"сфера", "область"})}
# Descriptors that also name a team of people: a quoted name after them is a brand only when it
# holds a word the dictionary lacks («группа «Илим»», not «группы «Молодежная политика»»).
TEAM_DESCRIPTORS = frozenset({"группа"})
# An all-capital word longer than this that the dictionary knows is a word of a heading in
# capitals («ПОСТАНОВЛЕНИЕ»), not an abbreviation.
MAX_ABBREVIATION_LETTERS = 5
# Nouns after «по» that open a circumstance, not a body's field («центр … по адресу: …», «институт
# … по заказу мэрии», «по данным …»).
NOT_TOPIC_NOUNS = frozenset({
    "адрес", "итог", "состояние", "данные", "оценка", "мнение", "слово", "сравнение", "отношение",
    "причина", "поручение", "заказ", "просьба", "приглашение", "инициатива", "информация", "сообщение",
})
# «Администрация г. Тулы», «МКОУ … с. Озерки»: a settlement abbreviation before its name.
SETTLEMENT_MARKS = frozenset({"г", "гор", "с", "п", "пос", "пгт", "д", "дер", "рп", "ст", "х", "сл"})
# «имени И. С. Тургенева», «им. А. С. Пушкина»
DEDICATION_WORDS = frozenset({"имени", "им"})
MAX_DEDICATION_TOKENS = 8
MAX_NAME_TOKENS = 25
LIST_WINDOW = 5  # tokens after a comma within which the «и» closing a list must come


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    name: str
    rule: str  # "legal", "brand", "body", "agency", "ner" (natasha), "alias" («далее — …»)


_FULL_FORMS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _form in LEGAL_FULL_FORMS:
    _FULL_FORMS_BY_FIRST.setdefault(_form[0], []).append(_form)


def lemma_of(nv: Narrative, i: int) -> str:
    return nv.lemmas[i]


def find_org_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    """Every rule-based organization mention, in text order; nested ones allowed."""
    named = legal_form_mentions(nv, nlp) + brand_mentions(nv, nlp) + agency_mentions(nv, nlp)
    # a body word inside a quoted name is part of that name («АО «Корпорация развития …»»)
    bodies = [b for b in body_mentions(nv, nlp)
              if not any(n.start <= b.start and b.end <= n.end for n in named)]
    out = named + bodies
    out.sort(key=lambda m: (m.start, -m.end))
    return out


# one-word agency names ---------------------------------------------------------------------------
def agency_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    """«Иркутскстата» → «Иркутскстат»: a capitalised word the dictionary lacks (or knows as an
    organization) ending in an agency suffix, in the nominative by its noun reading."""
    out = []
    for tok in nv.tokens:
        m = AGENCY_WORD.fullmatch(tok.text)
        if m is None:
            continue
        low = tok.text.lower()
        parses = [p for p in nlp.parses(low) if p.pos == "NOUN"]
        if not parses or nlp.is_known(low) and not any(p.has("Orgn") for p in parses):
            continue
        out.append(OrgMention(tok.start, tok.end, m.group("stem").capitalize(), "agency"))
    return out


# legal forms --------------------------------------------------------------------------------------
def legal_form_at(nv: Narrative, i: int) -> int | None:
    """Index of the last token of a legal form starting at token i, or None."""
    if nv.tokens[i].text in LEGAL_ABBREVIATIONS:
        return i
    for form in _FULL_FORMS_BY_FIRST.get(nv.lemmas[i], ()):
        end = i + len(form) - 1
        if end < len(nv.tokens) and all(lemma_of(nv, i + k) == w for k, w in enumerate(form)):
            return end
    return None


def legal_form_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    """«АО «Вега»», «ГБУЗ РК «…»», and unquoted school-like names «МАОУ СОШ № 2»."""
    out: list[OrgMention] = []
    for i in range(len(nv.tokens)):
        end = legal_form_at(nv, i)
        if end is None:
            continue
        opener = end + 1
        while opener < min(len(nv.tokens), end + 1 + MAX_TOKENS_BEFORE_QUOTE) and \
                _is_name_like(nv.tokens[opener].text, nlp) and nv.same_clause(end, opener):
            opener += 1
        if opener >= len(nv.tokens) or not nv.same_clause(end, opener):
            continue
        close = nv.closing_quote(opener)
        if close is None or close == opener + 1:
            close = _numbered_name_end(nv, end, opener)
            if close is None:
                continue
        head = i if end == i else _first_noun(nv, i, end)
        form = nv.phrase(i, end) if end == i else capitalize(phrase_to_nominative(nv, nlp, i, head, end))
        name = f"{form} {nv.phrase(end + 1, close)}"
        out.append(OrgMention(nv.tokens[i].start, nv.tokens[close].end, name, "legal"))
    return out


def _numbered_name_end(nv: Narrative, end: int, after: int) -> int | None:
    """Last token of «СОШ № 2» after a legal form: abbreviations, then «№» and a number."""
    if after == end + 1 or after + 1 >= len(nv.tokens) or nv.tokens[after].text != "№":
        return None
    number = after + 1
    if not nv.same_clause(after, number) or not nv.tokens[number].text[:1].isdigit():
        return None
    return number


def _first_noun(nv: Narrative, i: int, end: int) -> int:
    return next((k for k in range(i, end + 1) if nv.tokens[k].pos in ("NOUN", "PROPN")), end)


# quoted names after a descriptor ------------------------------------------------------------------
def brand_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    """«Госкорпораций «Ростех» и «Роснано»» → «Ростех», «Роснано»."""
    out: list[OrgMention] = []
    for i in range(len(nv.tokens) - 2):
        if lemma_of(nv, i) not in BRAND_DESCRIPTORS or nv.tokens[i].pos not in ("NOUN", "PROPN"):
            continue
        j = i + 1
        while j < len(nv.tokens) and nv.same_clause(i, j):
            close = nv.closing_quote(j) if nv.tokens[j].text in OPEN_QUOTES else None
            if close is None or close == j + 1:
                break
            if lemma_of(nv, i) in TEAM_DESCRIPTORS and not _has_unknown_word(nv, nlp, j + 1, close - 1):
                break
            head = _first_noun(nv, j + 1, close - 1)
            name = phrase_to_nominative(nv, nlp, j + 1, head, close - 1)
            out.append(OrgMention(nv.tokens[j + 1].start, nv.tokens[close - 1].end, name, "brand"))
            nxt = close + 1
            if nxt + 1 < len(nv.tokens) and nv.tokens[nxt].text in (",", "и"):
                j = nxt + 1
                continue
            break
    return out


def _has_unknown_word(nv: Narrative, nlp: Nlp, first: int, last: int) -> bool:
    return any(any(c.isalpha() for c in nv.tokens[k].text) and (
        _is_name_like(nv.tokens[k].text, nlp) or not nlp.is_known(nv.tokens[k].text))
        for k in range(first, last + 1))


# bodies grown from a head noun ---------------------------------------------------------------------
def body_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    out: list[OrgMention] = []
    for i, tok in enumerate(nv.tokens):
        if tok.pos not in ("NOUN", "PROPN"):
            continue
        if lemma_of(nv, i) in QUOTED_NAME_HEADS:
            opener = _skip_genitives(nv, i)
            close = nv.closing_quote(opener) if nv.tokens[opener].text in OPEN_QUOTES else None
            if close is None and nv.same_clause(i, opener):
                close = _settlement_or_dedication_end(nv, opener)  # «музей им. А. С. Пушкина»
            if close is not None and close > opener:
                first = _name_start(nv, nlp, i)
                name = capitalize(phrase_to_nominative(nv, nlp, first, i, close))
                out.append(OrgMention(nv.tokens[first].start, nv.tokens[close].end, name, "body"))
            continue
        if lemma_of(nv, i) not in HEADS:
            continue
        if tok.feats.get("Number") == "Plur" and lemma_of(nv, i) not in SHORT_MINISTRIES:
            continue
        first = _name_start(nv, nlp, i)
        last, evidence = grow_complements(nv, nlp, i)
        if last == i and lemma_of(nv, i) not in SHORT_MINISTRIES:
            continue
        if lemma_of(nv, i) in BRAND_DESCRIPTORS and nv.closing_quote(i + 1) == last:
            continue  # «корпорации «X»» is the brand X (brand_mentions)
        if not _accept_body(nv, first, i, last, evidence):
            continue
        name = capitalize(phrase_to_nominative(nv, nlp, first, i, last))
        out.append(OrgMention(nv.tokens[first].start, nv.tokens[last].end, name, "body"))
    return out


def _skip_genitives(nv: Narrative, head: int, limit: int = 3) -> int:
    """Index of the first token after the head's few genitive words («школы искусств» «…»)."""
    j = head + 1
    while j < min(len(nv.tokens), head + 1 + limit) and nv.same_clause(head, j) and \
            nv.tokens[j].pos in ("NOUN", "ADJ") and nv.tokens[j].feats.get("Case") == "Gen" and \
            nv.tokens[j].text.lower() not in DEDICATION_WORDS:
        j += 1
    return min(j, len(nv.tokens) - 1)


def _name_start(nv: Narrative, nlp: Nlp, head: int) -> int:
    """Agreeing adjectives before the head belong to the name («Городской Управы»)."""
    case, number = nv.tokens[head].feats.get("Case"), nv.tokens[head].feats.get("Number")
    k = head
    while k - 1 >= 0 and nv.same_clause(k - 1, head):
        prev = nv.tokens[k - 1]
        if prev.pos != "ADJ" or not _agrees(prev, case, number, nlp):
            break
        if lemma_of(nv, k - 1) in NOT_NAME_MODIFIERS:
            break
        k -= 1
    return k


def _agrees(tok: NlpToken, case: str | None, number: str | None, nlp: Nlp) -> bool:
    """The tagger's case and number, or failing that a dictionary reading, agree with the head's
    («Северо-Восточный» tagged accusative before «федеральный университет»)."""
    if tok.feats.get("Case") == case and tok.feats.get("Number") == number:
        return True
    want = {CASES.get(case or ""), {"Sing": "sing", "Plur": "plur"}.get(number or "")} - {None}
    return bool(want) and tok.text[:1].isupper() and any(
        p.pos == "ADJF" and want <= p.grammemes for p in nlp.parses(tok.text))


def _accept_body(nv: Narrative, first: int, head: int, last: int, evidence: bool) -> bool:
    """Capitalised complement or quoted name; else a capital head away from a sentence start.

    A weak head in lower case with nothing but a place after it is a role of that place, not a
    body: «культурный центр Республики Саха (Якутия)».
    """
    if evidence and lemma_of(nv, head) in WEAK_HEADS and not nv.tokens[first].text[:1].isupper() and all(
            nv.labels[k] == "LOC" or lemma_of(nv, k) in TERRITORY_LEMMAS or nv.tokens[k].pos == "PUNCT"
            for k in range(head + 1, last + 1)):
        return False
    if evidence:
        return True
    if lemma_of(nv, head) in SHORT_MINISTRIES:
        return nv.tokens[head].text[:1].isupper()  # «Минфином» names one body
    if not nv.tokens[first].text[:1].isupper() or nv.tokens[first].text.isupper():
        return False
    at_start = first == 0 or not nv.same_clause(first - 1, first) or nv.tokens[first - 1].text in (
        "-", "–", "—", "•")
    # «Управление по охране …»: a «по» group after the head names a body, not an activity
    by_topic = head + 1 < len(nv.tokens) and lemma_of(nv, head + 1) in PREPOSITION_CASES
    return not at_start or lemma_of(nv, head) in STRONG_HEADS or by_topic


def grow_complements(nv: Narrative, nlp: Nlp, head: int) -> tuple[int, bool]:
    """Last token of the head's complements, and whether they hold a proper name or quote.

    Genitive words always join; a preposition «по» / «при» opens a dative / locative
    group, inside which «с» + instrumental and coordination by «и» or a comma may follow
    («по работе с молодежью, спортом и туризмом»). Once a proper
    name joined, only territorial nouns and more proper names may follow, so «Правительства
    Омской области и органов …» stops at the name.
    """
    last = head
    evidence = False
    closed = False  # a proper name has joined
    group_case: str | None = None  # case of the current prepositional group
    in_po = False
    j = head + 1
    limit = min(len(nv.tokens), head + MAX_NAME_TOKENS)
    while j < limit and nv.same_clause(head, j):
        tok = nv.tokens[j]
        text, lem = tok.text, lemma_of(nv, j)
        case = tok.feats.get("Case")
        if _in_person(nv, j):
            break
        named = _settlement_or_dedication_end(nv, j)
        if named is not None:
            last, evidence, closed, j = named, True, True, named + 1
            continue
        if _starts_place_or_name(nv, j) and not closed or closed and nv.labels[j] == "LOC":
            last = nv.span_end(j)
            evidence, closed, j = True, True, last + 1
            continue
        if text in OPEN_QUOTES and nv.tokens[j - 1].pos in ("NOUN", "PROPN"):
            close = nv.closing_quote(j)
            if close is None:
                break
            last, evidence, closed, j = close, True, True, close + 1
            continue
        if tok.pos in ("NOUN", "PROPN", "ADJ", "NUM") or _is_name_like(text, nlp):
            proper = _is_name_like(text, nlp) or nv.labels[j] == "LOC" or (
                nv.labels[j] == "ORG" and text[:1].isupper())
            if closed and not (proper or lem in TERRITORY_LEMMAS):
                break
            if case == "Gen" or _is_name_like(text, nlp) or (group_case is not None and case == group_case):
                evidence = evidence or text[:1].isupper()
                closed = closed or proper
                if tok.pos != "ADJ":
                    last = j
                j += 1
                continue
            break
        if tok.pos == "ADP" and lem in PREPOSITION_CASES and last != head and lemma_of(nv, last) in \
                TERRITORY_LEMMAS and lemma_of(nv, last) == lemma_of(nv, j - 1):
            break  # «заместитель главы Администрации города по вопросам …»: the topic is the deputy's
        if tok.pos == "ADP" and lem in PREPOSITION_CASES and not closed and not (
                j + 1 < len(nv.tokens) and lemma_of(nv, j + 1) in NOT_TOPIC_NOUNS):
            group_case, in_po = PREPOSITION_CASES[lem], in_po or lem == "по"
            j += 1
            continue
        if tok.pos == "ADP" and not closed and _field_group(nv, j):
            group_case = "Gen"
            j += 2
            continue
        if tok.pos == "ADP" and lem == "с" and in_po and not closed:
            group_case = "Ins"
            j += 1
            continue
        if text in ("и", ",") and not closed and _coordination_continues(nv, j, group_case, text):
            j += 1
            continue
        break
    return last, evidence


def _field_group(nv: Narrative, j: int) -> bool:
    """«в сфере» + a genitive word at token j, in one clause."""
    nouns = FIELD_PREPOSITIONS.get(lemma_of(nv, j))
    if not nouns or j + 2 >= len(nv.tokens) or not nv.same_clause(j, j + 2):
        return False
    after = nv.tokens[j + 2]
    return lemma_of(nv, j + 1) in nouns and after.pos in ("NOUN", "ADJ") and after.feats.get("Case") == "Gen"


def _coordination_continues(nv: Narrative, j: int, group_case: str | None, conj: str) -> bool:
    """«и» / «,» inside a name: the next word agrees in case and starts no new body.

    In a bare genitive chain a comma continues only a list closed by «и» («Министерство
    строительства, жилищно-коммунального и дорожного хозяйства …»).
    """
    if j + 1 >= len(nv.tokens) or not nv.same_clause(j, j + 1):
        return False
    nxt = nv.tokens[j + 1]
    if nxt.pos not in ("NOUN", "ADJ") or lemma_of(nv, j + 1) in HEADS:
        return False
    if conj == "," and group_case is None:
        window = range(j + 2, min(len(nv.tokens), j + LIST_WINDOW))
        if not any(nv.tokens[k].text == "и" and nv.same_clause(j, k) for k in window):
            return False
    case = nxt.feats.get("Case")
    return case == "Gen" if group_case is None else case in (group_case, "Gen")


def _settlement_or_dedication_end(nv: Narrative, j: int) -> int | None:
    """Last token of «г. Тулы» or «имени И. С. Тургенева» starting at token j."""
    text = nv.tokens[j].text.lower()
    if text in SETTLEMENT_MARKS and j + 2 < len(nv.tokens) and nv.tokens[j + 1].text == "." \
            and nv.tokens[j + 2].text[:1].isupper():
        return j + 2
    if text not in DEDICATION_WORDS:
        return None
    k = j + 1 + (text == "им" and j + 1 < len(nv.tokens) and nv.tokens[j + 1].text == ".")
    last = None
    while k < len(nv.tokens) and k - j <= MAX_DEDICATION_TOKENS and nv.tokens[k].text[:1].isupper():
        if len(nv.tokens[k].text) == 1 and k + 1 < len(nv.tokens) and nv.tokens[k + 1].text == ".":
            k += 2  # an initial
            continue
        last = k
        k += 1
    return last


def _starts_place_or_name(nv: Narrative, j: int) -> bool:
    """A place, or a short capitalised organization name, that natasha found starting here."""
    n = nv.span_ix[j]
    if n is None or nv.spans[n].start != nv.tokens[j].start or not nv.tokens[j].text[:1].isupper():
        return False
    if len(nv.tokens[j].text) == 1 and j + 1 < len(nv.tokens) and nv.tokens[j + 1].text == ".":
        return False  # «А.Б. Петров» opens with an initial: a person natasha took for a place
    if nv.spans[n].type == "LOC":
        return True
    end = nv.span_end(j)
    return (nv.spans[n].type == "ORG" and end - j < 4
            and all(nv.tokens[k].pos not in ("ADP", "PUNCT") for k in range(j, end + 1)))


def capitalize(name: str) -> str:
    """Names are written with a capital («администрация Перми» → «Администрация Перми»)."""
    return name[:1].upper() + name[1:] if name[:1].islower() else name


def _is_name_like(text: str, nlp: Nlp) -> bool:
    """Abbreviations and Latin names: «РФ», «УрО», «РАН», «GS»."""
    letters = [c for c in text if c.isalpha()]
    if not letters or not text[:1].isupper():
        return False
    if text.isupper() and len(letters) > MAX_ABBREVIATION_LETTERS and nlp.is_known(text):
        return False
    return sum(c.isupper() for c in letters) >= 2 or all("a" <= c.lower() <= "z" for c in letters)


def _in_person(nv: Narrative, j: int) -> bool:
    return nv.labels[j] == "PER"
