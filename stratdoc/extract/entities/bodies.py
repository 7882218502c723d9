"""Bodies named by a common noun: the head noun grown over its complements by case agreement
(«Управление экономики и имущественных отношений города N», «Отдел по работе с молодежью,
спортом и туризмом …», «Правительства Северной области»), and institutions that count only with a
quoted name or a dedication («клиники «Айболит»», «музей им. А. С. Пушкина»).

Growing by case is what tells the body «управление образования города N» (genitive)
from the activity «управление образованием» (instrumental)."""

from __future__ import annotations

from stratdoc.extract.entities.brand_names import BRAND_DESCRIPTORS
from stratdoc.extract.entities.narrative import (
    CASES,
    NUMBERS,
    OPEN_QUOTES,
    Narrative,
    phrase_to_nominative,
)
from stratdoc.extract.entities.org_words import OrgMention, capitalize, is_name_like
from stratdoc.extract.lexicon.body_heads import BODY_HEADS_PATH, INSTITUTION_CLASSES_PATH
from stratdoc.extract.nlp import Nlp, NlpToken

# Head nouns of bodies by role (lexicon/data/body_heads.jsonl): strong heads are hardly ever
# generic when capitalised, so one complement suffices even at a sentence start («Министерство
# экономики …»; the activity «управление» takes the instrumental, which never joins); weak heads
# are also ordinary words («центр города») and need a capitalised complement, a quoted name or a
# capital away from a sentence start; quoted-name heads count only with a quoted name or a
# dedication («клиники «Айболит»», «музей им. А. С. Пушкина»); short ministries are one word
# («Минфина»).
HEAD_ROLES = frozenset({"strong", "weak", "short_ministry"})

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
# Nouns after «по» that open a circumstance, not a body's field («центр … по адресу: …», «институт
# … по заказу мэрии», «по данным …»).
NOT_TOPIC_NOUNS = frozenset({
    "адрес", "итог", "состояние", "данные", "оценка", "мнение", "слово", "сравнение", "отношение",
    "причина", "поручение", "заказ", "просьба", "приглашение", "инициатива", "информация", "сообщение",
})
# «Администрация г. Тулы», «МКОУ … с. Озерки»: a settlement abbreviation before its name.
SETTLEMENT_MARKS = frozenset({"г", "гор", "с", "п", "пос", "пгт", "д", "дер", "рп", "ст", "х", "сл"})
# Possessives inside a body's topic («защите их прав»).
POSSESSIVES = frozenset({"их", "его", "ее"})
# «имени И. С. Тургенева», «им. А. С. Пушкина»
DEDICATION_WORDS = frozenset({"имени", "им"})
MAX_DEDICATION_TOKENS = 8
MAX_NAME_TOKENS = 25
LIST_WINDOW = 5  # tokens after a comma within which the «и» closing a list must come
MAX_BODY_DEPTH = 2  # bodies named inside a body's complement («отдел Управления … Министерства …»)
MAX_GROUP_ADJECTIVES = 4


# bodies grown from a head noun ---------------------------------------------------------------------
def head_roles(nv: Narrative, nlp: Nlp, i: int) -> frozenset[str]:
    """Roles of token i in body_heads.jsonl (strong, weak, quoted_name, short_ministry, …)."""
    return nv.labels_at(nlp, BODY_HEADS_PATH, i)


def is_body_head(nv: Narrative, nlp: Nlp, i: int) -> bool:
    """Token i is a head noun a body grows from («министерство», «совет», «минфин»)."""
    return bool(head_roles(nv, nlp, i) & HEAD_ROLES)


def body_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    out: list[OrgMention] = []
    for i, tok in enumerate(nv.tokens):
        if tok.pos not in ("NOUN", "PROPN"):
            continue
        roles = head_roles(nv, nlp, i)
        if "quoted_name" in roles:
            opener = _skip_genitives(nv, i)
            close = nv.closing_quote(opener) if nv.tokens[opener].text in OPEN_QUOTES else None
            if close is None and nv.same_clause(i, opener):
                close = settlement_or_dedication_end(nv, opener)  # «музей им. А. С. Пушкина»
            if close is not None and close > opener:
                first = _name_start(nv, nlp, i)
                name = capitalize(phrase_to_nominative(nv, nlp, first, i, close))
                out.append(OrgMention(nv.tokens[first].start, nv.tokens[close].end, name, "body"))
            continue
        if not roles & HEAD_ROLES:
            continue
        if tok.feats.get("Number") == "Plur" and not roles & {"short_ministry", "strong"}:
            continue
        first = _name_start(nv, nlp, i)
        last, evidence = grow_complements(nv, nlp, i)
        if last == i and "short_ministry" not in roles and not _named_by_adjective(nv, roles, first, i):
            continue
        if nv.lemmas[i] in BRAND_DESCRIPTORS and nv.closing_quote(i + 1) == last:
            continue  # «корпорации «X»» is the brand X (brand_mentions)
        if not _accept_body(nv, roles, first, i, last, evidence):
            continue
        name = capitalize(phrase_to_nominative(nv, nlp, first, i, last))
        out.append(OrgMention(nv.tokens[first].start, nv.tokens[last].end, name, "body"))
    return out


def _named_by_adjective(nv: Narrative, roles: frozenset[str], first: int, head: int) -> bool:
    """«в Кетовскую сельскую Думу», «Рязанской городской Думы»: a strong head whose capitalised
    adjective, away from a sentence start, names it without a complement."""
    if "strong" not in roles or first == head or not nv.tokens[first].text[:1].isupper():
        return False
    if nv.tokens[first].text.isupper():
        return False
    return first > 0 and nv.same_clause(first - 1, first) and nv.tokens[first - 1].text not in (
        "-", "–", "—", "•", "(", "«", '"', ":")


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
        if nv.lemmas[k - 1] in NOT_NAME_MODIFIERS:
            break
        k -= 1
    return k


def _agrees(tok: NlpToken, case: str | None, number: str | None, nlp: Nlp) -> bool:
    """The tagger's case and number, or failing that a dictionary reading, agree with the head's
    («Северо-Восточный» tagged accusative before «федеральный университет»)."""
    if tok.feats.get("Case") == case and tok.feats.get("Number") == number:
        return True
    want = {CASES.get(case or ""), NUMBERS.get(number or "")} - {None}
    return bool(want) and tok.text[:1].isupper() and any(
        p.pos == "ADJF" and want <= p.grammemes for p in nlp.parses(tok.text))


def _accept_body(nv: Narrative, roles: frozenset[str], first: int, head: int, last: int,
                 evidence: bool) -> bool:
    """Capitalised complement or quoted name; else a capital head away from a sentence start,
    or in lower case a strong head with a complement or a body by its «по» topic.

    A head that also names a place's role, in lower case with nothing but a place after it, is
    that role, not a body: «культурный центр Республики Саха (Якутия)».
    """
    if evidence and "place_role" in roles and not nv.tokens[first].text[:1].isupper() and all(
            nv.labels[k] == "LOC" or nv.lemmas[k] in TERRITORY_LEMMAS or nv.tokens[k].pos == "PUNCT"
            for k in range(head + 1, last + 1)):
        return False
    if evidence:
        return True
    if "short_ministry" in roles:
        return nv.tokens[head].text[:1].isupper()  # «Минфином» names one body
    if nv.tokens[first].text[:1].islower():
        # «администрация района», «министерство экономического развития области»: a strong head
        # with a complement; one that also names an activity needs a territory in it
        if "topic_body" in roles and last > head + 1 and nv.lemmas[head + 1] == "по":
            return True  # «комиссия по делам несовершеннолетних», «штаб по вопросам …»
        return "strong" in roles and last > head and ("activity" not in roles or any(
            nv.lemmas[k] in TERRITORY_LEMMAS for k in range(head + 1, last + 1)))
    if nv.tokens[first].text.isupper():
        return False
    at_start = first == 0 or not nv.same_clause(first - 1, first) or nv.tokens[first - 1].text in (
        "-", "–", "—", "•")
    # «Управление по охране …»: a «по» group after the head names a body, not an activity
    by_topic = head + 1 < len(nv.tokens) and nv.lemmas[head + 1] in PREPOSITION_CASES
    return not at_start or "strong" in roles or by_topic


def grow_complements(nv: Narrative, nlp: Nlp, head: int, depth: int = 0) -> tuple[int, bool]:
    """Last token of the head's complements, and whether they hold a proper name or quote.

    Genitive words always join; a preposition «по» / «при» opens a dative / locative
    group, inside which «с» + instrumental and coordination by «и» or a comma may follow
    («по работе с молодежью, спортом и туризмом»). Once a proper
    name joined, only territorial nouns and more proper names may follow, so «Правительства
    Омской области и органов …» stops at the name. A named body in the genitive («Управление
    Федеральной налоговой службы по … области», «отдел Министерства внутренних дел …») is
    grown as a body of its own, and the head's name runs to its end.
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
        text, lem = tok.text, nv.lemmas[j]
        case = tok.feats.get("Case")
        if _in_person(nv, j):
            break
        named = settlement_or_dedication_end(nv, j)
        if named is not None:
            last, evidence, closed, j = named, True, True, named + 1
            continue
        inner = None if closed or depth >= MAX_BODY_DEPTH else _named_body_at(nv, nlp, j)
        if inner is not None:  # «Управление Федеральной налоговой службы по … области»
            last = max(inner, grow_complements(nv, nlp, inner, depth + 1)[0])
            evidence, closed, j = True, True, last + 1
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
        if tok.pos in ("NOUN", "PROPN", "ADJ", "NUM") or is_name_like(text, nlp):
            # an abbreviation natasha tags as no name is a field («Отдел ЖКХ администрации района»)
            proper = is_name_like(text, nlp) and (nv.labels[j] is not None or not text.isupper()) or \
                nv.labels[j] == "LOC" or (nv.labels[j] == "ORG" and text[:1].isupper())
            if closed and not (proper or lem in TERRITORY_LEMMAS):
                break
            # «по управлению имуществом»: a verbal noun in the «по» group governs an instrumental
            # and so does one that governs it anywhere («Отдел управления образованием»)
            governed = case == "Ins" and last > head and nv.tokens[last].pos == "NOUN" and (
                in_po and nv.tokens[last].feats.get("Case") in ("Dat", "Ins")
                or "governs_instrumental" in head_roles(nv, nlp, last))
            if case == "Gen" or is_name_like(text, nlp) or (group_case is not None and in_case(
                    tok, group_case, nlp)) \
                    or governed:
                evidence = evidence or text[:1].isupper()
                closed = closed or proper
                if tok.pos != "ADJ":
                    last = j
                j += 1
                continue
            break
        if tok.pos == "ADP" and lem in PREPOSITION_CASES and last != head and nv.lemmas[last] in \
                TERRITORY_LEMMAS and nv.lemmas[last] == nv.lemmas[j - 1]:
            break  # «заместитель главы Администрации города по вопросам …»: the topic is the deputy's
        if tok.pos == "ADP" and lem in PREPOSITION_CASES and not closed and not (
                j + 1 < len(nv.tokens) and nv.lemmas[j + 1] in NOT_TOPIC_NOUNS):
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
        if text in ("и", ",") and not closed and _coordination_continues(nv, nlp, j, group_case, text):
            j += 1
            continue
        if in_po and text.lower() in POSSESSIVES and j + 1 < len(nv.tokens) and \
                nv.tokens[j + 1].pos == "NOUN":
            j += 1  # «по делам несовершеннолетних и защите их прав»
            continue
        break
    return last, evidence


def _field_group(nv: Narrative, j: int) -> bool:
    """«в сфере» + a genitive word at token j, in one clause."""
    nouns = FIELD_PREPOSITIONS.get(nv.lemmas[j])
    if not nouns or j + 2 >= len(nv.tokens) or not nv.same_clause(j, j + 2):
        return False
    after = nv.tokens[j + 2]
    return nv.lemmas[j + 1] in nouns and after.pos in ("NOUN", "ADJ") and after.feats.get("Case") == "Gen"


def _coordination_continues(nv: Narrative, nlp: Nlp, j: int, group_case: str | None, conj: str) -> bool:
    """«и» / «,» inside a name: the next word agrees in case and starts no new body.

    In a bare genitive chain a comma continues only a list closed by «и» («Министерство
    строительства, жилищно-коммунального и дорожного хозяйства …»).
    """
    if j + 1 >= len(nv.tokens) or not nv.same_clause(j, j + 1):
        return False
    nxt = nv.tokens[j + 1]
    if nxt.text.isupper() and is_name_like(nxt.text, nlp) and nv.labels[j + 1] is None:
        return True  # «Отдел строительства, ЖКХ и транспорта»
    if nxt.pos not in ("NOUN", "ADJ") or is_body_head(nv, nlp, j + 1) or _opens_a_kind(nv, nlp, j + 1):
        return False
    if conj == "," and group_case is None:
        window = range(j + 2, min(len(nv.tokens), j + LIST_WINDOW))
        if not any(nv.tokens[k].text == "и" and nv.same_clause(j, k) for k in window):
            return False
    case = nxt.feats.get("Case")
    return case == "Gen" if group_case is None else case == "Gen" or in_case(nxt, group_case, nlp)


def in_case(tok: NlpToken, case: str, nlp: Nlp) -> bool:
    """The tagger's case, or for a noun it read as locative a dictionary dative (and back): the
    two share their form in «-е» («по делам … и защите их прав»), and the tagger often swaps them."""
    got = tok.feats.get("Case")
    if got == case:
        return True
    if tok.pos != "NOUN" or {got, case} != {"Dat", "Loc"}:
        return False
    want = {CASES[case], NUMBERS.get(tok.feats.get("Number", ""), "")} - {""}
    return any(p.pos == "NOUN" and want <= p.grammemes for p in nlp.parses(tok.text))


def _named_body_at(nv: Narrative, nlp: Nlp, j: int) -> int | None:
    """Head index of a body named in the genitive from token j: a capital letter, agreeing
    adjectives, then a body's head noun («Федеральной налоговой службы», «Министерства …»)."""
    if not nv.tokens[j].text[:1].isupper() or nv.tokens[j].text.isupper():
        return None
    k = j
    while k < len(nv.tokens) and nv.tokens[k].pos == "ADJ" and nv.tokens[k].feats.get("Case") == "Gen" \
            and nv.same_clause(j, k) and k - j < MAX_GROUP_ADJECTIVES:
        k += 1
    if k >= len(nv.tokens) or not nv.same_clause(j, k) or nv.tokens[k].feats.get("Case") != "Gen":
        return None
    if nv.tokens[k].pos not in ("NOUN", "PROPN") or not is_body_head(nv, nlp, k):
        return None
    return k


def _opens_a_kind(nv: Narrative, nlp: Nlp, j: int) -> bool:
    """Token j starts a body or a kind of institution of its own («… Думы и Заболотненского
    городского Совета», «…, общественных организаций и …»)."""
    k = j
    while k < len(nv.tokens) and nv.tokens[k].pos == "ADJ" and nv.same_clause(j, k):
        k += 1
    return k < len(nv.tokens) and (k > j and is_body_head(nv, nlp, k) or bool(
        nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, k) & {"qualified_head", "sector_head"}))


def settlement_or_dedication_end(nv: Narrative, j: int) -> int | None:
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



def _in_person(nv: Narrative, j: int) -> bool:
    return nv.labels[j] == "PER"
