"""natasha's ORG spans, repaired and filtered.

natasha finds company and agency names in news-like text but cuts official bodies short
(«Управления по работе с»), misses the territory after a body («Корпорации развития» |
«Северной области») and takes quoted titles of projects and directions for organizations.
A name never runs over a tab or a line's end (a table cell's edge), and none follows a street
word («ул. Ленинского Комсомола»). Left out as well: roles a document defines («Уполномоченный
орган»), facility abbreviations («ГРС»), prefixed common nouns («IT-отрасли»), links of a
hyphenated chain of places (a road «…-«Верхнее-Нижнее»-…»)."""

from __future__ import annotations

from stratdoc.extract.entities.bodies import is_body_head
from stratdoc.extract.entities.brand_names import BRAND_DESCRIPTORS
from stratdoc.extract.entities.narrative import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Narrative,
    after_place_word,
    phrase_to_nominative,
)
from stratdoc.extract.entities.org_words import OrgMention, capitalize
from stratdoc.extract.lexicon.legal_forms import LEGAL_ABBREVIATIONS
from stratdoc.extract.nlp import Nlp

# Abbreviations natasha tags as ORG that name no organization.
NOT_ORGANIZATIONS = frozenset({
    "мсп", "сэр", "зато", "сми", "жкх", "врп", "ввп", "ндфл", "ит", "it", "бюджет", "мо", "го", "рф",
    "оэз", "тор", "ппп", "гчп", "мчп", "нко", "соцсети", "ооо", "ао",
})
# One-word abbreviations of facilities and unions of states, not of organizations («от ГРС до ГРП»).
NOT_ORGANIZATION_ABBREVIATIONS = frozenset({
    "грс", "грп", "гру", "шрп", "кнс", "ктп", "взу", "вос", "кос", "лэп", "пс", "тп", "рп", "снг", "ес",
    "еаэс", "оон", "брикс", "шос",
})
# Heads of names that stand for a role a document defines («Уполномоченный орган»), or for a
# thing that is no organization («Тверская энергосистема», «… аккумуляторная площадка»), when
# only dictionary words stand with them.
NOT_ORGANIZATION_HEADS = frozenset({
    "орган", "лицо", "сторона", "заявитель", "инвестор", "оператор", "заказчик", "исполнитель",
    "участник", "получатель", "застройщик", "площадка", "энергосистема", "система", "агломерация",
    "зона", "экономика", "отрасль", "рынок", "территория",
})
MIN_ABBREVIATION_LETTERS = 3
LEADING_DEBRIS = frozenset({"N", "№", "и", "или"})
SHORT_ABBREVIATION = 3  # «г.», «сл.», «пос.»
# Words of documents that texts capitalise as defined terms («прилагаемый Порядок»).
DOCUMENT_WORDS = frozenset({
    "порядок", "план", "программа", "подпрограмма", "стратегия", "положение", "правило", "концепция",
    "методика", "регламент", "перечень", "паспорт", "приложение", "проект", "закон", "постановление",
    "распоряжение", "указ", "решение", "соглашение", "договор", "отчет", "таблица", "раздел",
})
MAX_LIST_ITEMS = 10
# Tokens after which a capital letter says nothing about a name.
CLAUSE_OPENERS = frozenset({"-", "–", "—", "•", "(", "«", '"', ":", "*"})
# pymorphy3 tags that mark a word as a name rather than a dictionary word
PROPER_TAGS = ("Orgn", "Geox", "Name", "Surn", "Patr", "Abbr", "Trad")


# natasha spans ------------------------------------------------------------------------------------
def ner_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    pieces = (ner_piece_to_mention(nv, nlp, first, last) for first, last in nv.span_pieces("ORG"))
    return [m for m in pieces if m is not None]


def ner_piece_to_mention(nv: Narrative, nlp: Nlp, first: int, last: int) -> OrgMention | None:
    first, last = _trim_debris(nv, first, last)
    # «Строительство ОКУ «УКС …»»: the name starts at the legal form
    first = next((k for k in range(first + 1, last + 1) if nv.tokens[k].text in LEGAL_ABBREVIATIONS), first)
    if first > last:
        return None
    last = _before_open_bracket(nv, first, last)
    first_q, last_q = _repair_quotes(nv, first, last)
    if first_q is None or last_q is None or _is_quoted_title(nv, nlp, first_q, last_q):
        return None
    first, last = first_q, last_q
    last = _extend_with_place(nv, last)
    last = _extend_with_served_territory(nv, first, last)
    if after_place_word(nv, first) or _glued_by_hyphen(nv, first, last):
        return None  # «ул. Ленинского Комсомола», «дорога «…»-«Тросна-Калиновка»-…»
    if not _looks_like_organization(nv, nlp, first, last):
        return None
    head = next((k for k in range(first, last + 1) if nv.tokens[k].pos in ("NOUN", "PROPN")), first)
    name = capitalize(phrase_to_nominative(nv, nlp, first, head, last))
    return OrgMention(nv.tokens[first].start, nv.tokens[last].end, name, "ner")


def _before_open_bracket(nv: Narrative, first: int, last: int) -> int:
    """«Агентство (Акционерное общество» → «Агентство»: a bracket the span opens but does not close."""
    depth, cut = 0, None
    for k in range(first, last + 1):
        if nv.tokens[k].text == "(":
            depth += 1
            cut = k if cut is None else cut
        elif nv.tokens[k].text == ")":
            depth -= 1
            cut = None if depth == 0 else cut
    return cut - 1 if cut is not None and depth > 0 and cut > first else last


def _glued_by_hyphen(nv: Narrative, first: int, last: int) -> bool:
    """A hyphen glued to the name from outside, past its quotes: a link of a hyphenated chain of
    places (a road «Крым»-Игино-«Тросна-Калиновка»), not a name of its own."""
    lo, hi = first, last
    if lo > 0 and nv.tokens[lo - 1].text in OPEN_QUOTES:
        lo -= 1
    if hi + 1 < len(nv.tokens) and nv.tokens[hi + 1].text in CLOSE_QUOTES:
        hi += 1
    before = nv.text[max(0, nv.tokens[lo].start - 1):nv.tokens[lo].start]
    after = nv.text[nv.tokens[hi].end:nv.tokens[hi].end + 1]
    return before in ("-", "–") or after in ("-", "–")


def _trim_debris(nv: Narrative, first: int, last: int) -> tuple[int, int]:
    """Drop leading punctuation, prepositions and numbers («, АО», «По предварительной
    оценке», «N 2 Южная ТЭЦ») and a trailing abbreviated word cut from its name
    («собственность сл.»)."""
    while first <= last and (nv.tokens[first].text in LEADING_DEBRIS or nv.tokens[first].text[:1].isdigit()
                             or nv.tokens[first].pos == "PUNCT" and nv.tokens[first].text not in OPEN_QUOTES
                             or nv.tokens[first].pos == "ADP"):
        first += 1
    while last >= first and (nv.tokens[last].pos == "PUNCT" and nv.tokens[last].text not in CLOSE_QUOTES
                             or _is_cut_abbreviation(nv, last)):
        last -= 1
    return first, last


def _is_cut_abbreviation(nv: Narrative, k: int) -> bool:
    text = nv.tokens[k].text
    nxt = nv.text[nv.tokens[k].end:nv.tokens[k].end + 1]
    return text.islower() and len(text) <= SHORT_ABBREVIATION and nxt == "."


def _repair_quotes(nv: Narrative, first: int, last: int) -> tuple[int | None, int | None]:
    """Close a quote the span opened («АНО «Открытый город»); drop a stray closing one."""
    texts = [nv.tokens[k].text for k in range(first, last + 1)]
    if '"' in texts and last + 1 < len(nv.tokens) and nv.tokens[last + 1].text == '"' \
            and nv.tokens[last + 1].start == nv.tokens[last].end and nv.same_clause(last, last + 1):
        last += 1  # «УК "ЭкоНива - АПК Холдинг» cut before its closing straight quote
        texts.append('"')
    opened = sum(t in OPEN_QUOTES and t != '"' for t in texts)
    closed = sum(t in CLOSE_QUOTES and t != '"' for t in texts)
    if opened > closed:
        opener = max(k for k in range(first, last + 1) if nv.tokens[k].text in OPEN_QUOTES)
        close = nv.closing_quote(opener)
        if close is None:
            return None, None
        last = max(last, close)
    while last > first and nv.tokens[last].text in CLOSE_QUOTES and closed > opened:
        last -= 1
        closed -= 1
    while first < last and nv.tokens[first].text in OPEN_QUOTES and nv.closing_quote(first) is None:
        first += 1
    if nv.tokens[first].text in OPEN_QUOTES and nv.closing_quote(first) == last:
        first, last = first + 1, last - 1  # «X» → X; the quoted-title test looks around it
    if first > last:
        return None, None
    return first, last


def _is_quoted_title(nv: Narrative, nlp: Nlp, first: int, last: int) -> bool:
    """A quoted name after a common noun is the title of that thing, not an organization.

    «направлениям «Туризм»», «проект «Наш сквер»», «округа "Город Псков"»
    are titles; «АО «Вега»», «кластера «Технопарк Север»», «подписали «Газпром»» are not. In a
    list («направлениям «А» (А), «Б» и «В»») every item goes with the first.
    """
    before = first - 1
    if before < 0 or nv.tokens[before].text not in OPEN_QUOTES:
        return False
    if last + 1 >= len(nv.tokens) or nv.tokens[last + 1].text not in CLOSE_QUOTES:
        return False
    return _quote_names_a_thing(nv, nlp, before)


def _quote_names_a_thing(nv: Narrative, nlp: Nlp, opener: int, depth: int = 0) -> bool:
    word = opener - 1
    if word < 0 or not nv.same_clause(word, opener):
        return False
    if nv.tokens[word].text in (",", "и", "или") and depth < MAX_LIST_ITEMS:
        prev = _skip_brackets(nv, word - 1)
        if prev is not None and nv.tokens[prev].text in CLOSE_QUOTES:
            prev_opener = next((k for k in range(prev - 1, max(-1, prev - 40), -1)
                                if nv.tokens[k].text in OPEN_QUOTES and nv.closing_quote(k) == prev), None)
            if prev_opener is not None:
                return _quote_names_a_thing(nv, nlp, prev_opener, depth + 1)
        return False
    tok, lemma = nv.tokens[word], nv.lemmas[word]
    if tok.text in LEGAL_ABBREVIATIONS or lemma in BRAND_DESCRIPTORS or is_body_head(nv, nlp, word):
        return False
    return tok.pos == "NOUN" or tok.text[:1].isupper() and nlp.part_of_speech(tok.text) == "NOUN"


def _skip_brackets(nv: Narrative, k: int) -> int | None:
    """Index of the token before a parenthesised group ending at k («(КИ)»), else k."""
    if k < 0 or nv.tokens[k].text != ")":
        return k if k >= 0 else None
    while k >= 0 and nv.tokens[k].text != "(":
        k -= 1
    return k - 1 if k > 0 else None


def _extend_with_place(nv: Narrative, last: int) -> int:
    """«Корпорации развития» + «Омской области» → one name."""
    j = last + 1
    if j >= len(nv.tokens) or nv.labels[j] != "LOC" or not nv.same_clause(last, j):
        return last
    if nv.text[nv.tokens[last].end:nv.tokens[j].start] != " ":
        return last
    if nv.tokens[j].feats.get("Case") not in ("Gen", None) and not nv.tokens[j].text.isupper():
        return last
    while j + 1 < len(nv.tokens) and nv.labels[j + 1] == "LOC" and nv.same_clause(j, j + 1):
        j += 1
    return j


def _extend_with_served_territory(nv: Narrative, first: int, last: int) -> int:
    """«УМВД России» + «по Рязанской области» → one name: a federal body's territorial office is
    named by the territory it serves, which natasha leaves out. Only after «России» or «Российской
    Федерации»: «Росстата по … области» is data by region."""
    lemmas = nv.lemmas[first:last + 1]
    if not (lemmas[-1:] == ["россия"] or lemmas[-2:] == ["российский", "федерация"]):
        return last
    j = last + 1
    if j + 1 >= len(nv.tokens) or nv.lemmas[j] != "по" or not nv.same_clause(last, j + 1):
        return last
    if nv.labels[j + 1] != "LOC" or not nv.tokens[j + 1].text[:1].isupper():
        return last
    if nv.tokens[j + 1].feats.get("Case") not in ("Dat", None):
        return last
    return nv.span_end(j + 1)


def _looks_like_organization(nv: Narrative, nlp: Nlp, first: int, last: int) -> bool:
    """A name needs something proper in it: plain dictionary words in capitals («ОТЧЕТ»,
    «Удельный вес», «Порядки») are headings and sentence starts natasha took for names."""
    ks = [k for k in range(first, last + 1) if any(c.isalpha() for c in nv.tokens[k].text)]
    if not ks:
        return False
    words = [nv.tokens[k].text for k in ks]
    if not words[0][:1].isupper() or words[0].lower().replace("ё", "е") in NOT_ORGANIZATIONS:
        return False  # «МО «Город Псков»»: a municipality
    if nv.lemmas[ks[0]] in DOCUMENT_WORDS or _plural_common_noun(nv, nlp, ks[0]):
        return False  # «Порядок …», «Инвесторы информации»
    if len(ks) == 1:
        letters = sum(c.isalpha() for c in words[0])
        if is_body_head(nv, nlp, ks[0]) or letters < MIN_ABBREVIATION_LETTERS:
            return False
        if letters == MIN_ABBREVIATION_LETTERS and not words[0].isupper():
            return False  # «Fin», «Таб»: table debris
        if words[0].lower() in NOT_ORGANIZATION_ABBREVIATIONS:
            return False  # «от ГРС до ГРП», «из стран СНГ»
        if _person_name_word(words[0], nlp):
            return False  # «ул. Тургенева» cut at its street word: a surname names a person
        if "-" in words[0] and words[0].rsplit("-", 1)[1][:1].islower() and \
                nlp.is_known(words[0].rsplit("-", 1)[1]):
            return False  # «IT-отрасли»: a common noun with a prefix
    elif nv.lemmas[ks[-1]] in NOT_ORGANIZATION_HEADS or any(
            nv.lemmas[k] in NOT_ORGANIZATION_HEADS and nv.tokens[k].pos == "NOUN" for k in ks[:2]):
        if not any(_proper_word(nv, nlp, k) for k in ks):
            return False  # «Уполномоченный орган», «Тверская энергосистема»
    return any(_is_proper(nv, nlp, k, k == ks[0]) for k in ks)


def _person_name_word(word: str, nlp: Nlp) -> bool:
    """The dictionary's first reading of the word is a surname, a first name or a patronymic."""
    parses = nlp.parses(word)
    return bool(parses) and any(parses[0].has(t) for t in ("Surn", "Name", "Patr"))


def _proper_word(nv: Narrative, nlp: Nlp, k: int) -> bool:
    """A word only a name holds: unknown to the dictionary, an abbreviation, Latin, or a name
    reading that is no adjective of a place («Тверская» is an adjective, «ГОТЭК» is a name)."""
    text = nv.tokens[k].text
    low = text.lower()
    if not nlp.is_known(low) or all("a" <= c.lower() <= "z" for c in text if c.isalpha()):
        return True
    if text.isupper() and len(text) > 1:
        return True
    return any((p.has("Name") or p.has("Surn") or p.has("Orgn")) for p in nlp.parses(low)[:2])


def _plural_common_noun(nv: Narrative, nlp: Nlp, k: int) -> bool:
    """«Инвесторы»: organizations are named in the singular (plural brands come by rule)."""
    parses = nlp.parses(nv.tokens[k].text)
    return bool(parses) and parses[0].has("plur") and not any(parses[0].has(t) for t in PROPER_TAGS)


def _at_clause_start(nv: Narrative, k: int) -> bool:
    return k == 0 or not nv.same_clause(k - 1, k) or nv.tokens[k - 1].text in CLAUSE_OPENERS


def _is_proper(nv: Narrative, nlp: Nlp, k: int, first_word: bool) -> bool:
    """A place natasha joined, a capital letter away from a sentence start, a Latin word, or a
    word the dictionary lacks or knows as a name or an abbreviation («ОТЧЕТ» is none)."""
    text = nv.tokens[k].text
    capital = text[:1].isupper() and not text.isupper()
    if nv.labels[k] == "LOC" or capital and (not first_word or not _at_clause_start(nv, k)):
        return True
    if all("a" <= c.lower() <= "z" for c in text if c.isalpha()):
        return True
    low = text.lower()
    return not nlp.is_known(low) or any(p.has(t) for p in nlp.parses(low)[:2] for t in PROPER_TAGS)
