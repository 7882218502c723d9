"""Institutions named by their kind, without a proper name: «органы местного самоуправления
поселений», «учреждения культуры», «образовательные организации района», «гарантийный фонд
области», «фонд развития промышленности», «институты развития».

Documents name the bodies that carry out a strategy this way as often as by name, and RuREBus
marks them INST. A kind counts only with what makes it one (lexicon/data/institution_classes.jsonl):
a qualifier next to it («общественные организации»), a sector or field after it («учреждения
культуры», «органы опеки»; for a kind that also names an activity only in the plural: not
«организация отдыха»), a purpose («фонд поддержки …»), or a named body it is part of
(«территориальный орган Федеральной службы …»). A bare kind («организации», «предприятия
района») names nothing, nor one graded rather than named («крупные предприятия»).

The complement is read more narrowly than a named body's (`bodies.grow_complements`): one
genitive group and what «и» joins to it, then singular genitives only, then territories, so «…
органом местного самоуправления условий её предоставления» stops before «условий».
"""

from __future__ import annotations

from dataclasses import replace

from stratdoc.extract.entities.bodies import (
    DEDICATION_WORDS,
    NOT_NAME_MODIFIERS,
    TERRITORY_LEMMAS,
    grow_complements,
    head_roles,
    is_body_head,
    settlement_or_dedication_end,
)
from stratdoc.extract.entities.narrative import CASES, NUMBERS, OPEN_QUOTES, Narrative, word_to_nominative
from stratdoc.extract.entities.org_words import OrgMention, capitalize, is_name_like
from stratdoc.extract.lexicon.body_heads import INSTITUTION_CLASSES_PATH
from stratdoc.extract.nlp import Nlp

HEAD_LABELS = frozenset({"qualified_head", "purpose_head", "sector_head", "selective_head"})
QUALIFIED_HEADS = frozenset({"qualified_head", "selective_head"})
# «муниципального образования», «муниципального района»: a territory named by an adjective and a noun
TERRITORY_PHRASES = frozenset({("муниципальный", "образование")})
# «иные», «другие» close a list of kinds («научные и иные организации») but name none alone.
OTHER_WORDS = frozenset({"иной", "другой"})
# Adjectives that open no field after a kind («организации различных форм», «… всех уровней»).
NOT_FIELD_MODIFIERS = frozenset({"различный", "весь", "любой", "иной", "другой", "данный", "указанный",
                                 "такой", "этот", "который", "каждый", "свой"})
MAX_GROUPS = 4  # genitive groups after the head, territories and listed fields aside
MAX_LIST_ITEMS = 8  # fields listed by «,» and «и», groups included
MAX_GROUP_WORDS = 4


def class_body_mentions(nv: Narrative, nlp: Nlp) -> list[OrgMention]:
    out: list[OrgMention] = []
    for i, tok in enumerate(nv.tokens):
        if tok.pos not in ("NOUN", "PROPN"):
            continue
        roles = nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, i)
        if not roles & HEAD_LABELS:
            continue
        if i + 1 < len(nv.tokens) and nv.tokens[i + 1].text in OPEN_QUOTES:
            continue  # «учреждение «Центр …»»: a descriptor of a quoted name (legal_names, bodies)
        own = "selective_qualifier" if "selective_head" in roles else "qualifier"
        first, qualified = _qualifiers(nv, nlp, i, own)
        last, kinds = _complement(nv, nlp, i)
        owner = _body_after(nv, nlp, i, last)  # «учреждения Сибирского отделения … академии наук»
        by_sector = ("sector" in kinds or owner > last) and "sector_head" in roles and (
            tok.feats.get("Number") == "Plur" or "activity" not in roles)
        if not (qualified and roles & QUALIFIED_HEADS or by_sector
                or "purpose" in kinds and "purpose_head" in roles):
            continue
        heads = [i]
        pair = _paired_head(nv, nlp, i) if last == i else None
        if pair is not None:  # «общественные организации и объединения»
            heads.append(pair)
            last = _complement(nv, nlp, pair)[0]
        last = max(last, owner)
        network = _network_before(nv, nlp, first, i)
        if network is not None:  # «сети общеобразовательных организаций»: the kinds stay genitive
            name = capitalize(word_to_nominative(nv.tokens[network], nlp) + " " + " ".join(
                nv.text[nv.tokens[first].start:nv.tokens[last].end].split()))
            first = network
        else:
            name = capitalize(_to_nominative(nv, nlp, first, heads, last))
        out.append(OrgMention(nv.tokens[first].start, nv.tokens[last].end, name, "class"))
    # a kind inside another is that one's field («органы службы занятости»)
    return [m for m in out if not any(o is not m and o.start <= m.start and m.end <= o.end for o in out)]


def _network_before(nv: Narrative, nlp: Nlp, first: int, head: int) -> int | None:
    """Index of a word for a network of institutions right before the kind in the genitive
    plural («сеть муниципальных учреждений культуры»), or None: the network is the actor."""
    k = first - 1
    if k < 0 or not nv.same_clause(k, head) or nv.tokens[k].pos != "NOUN":
        return None
    feats = nv.tokens[head].feats
    if feats.get("Case") != "Gen" or feats.get("Number") != "Plur":
        return None
    return k if "network" in nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, k) else None


def _qualifiers(nv: Narrative, nlp: Nlp, head: int, label: str = "qualifier") -> tuple[int, bool]:
    """First token of the adjectives before the head, and whether they name a kind.

    The adjective next to the head says the kind («муниципальных дошкольных образовательных
    учреждений»; «муниципальный жилищный фонд» is a housing stock), or a list of them before
    «иные» («общественные, научные и иные организации»). Adjectives agree with the head, a
    list is joined by «,» and «и», «не» and an adverb in «-о» stay as printed («социально
    ориентированные не коммерческие организации»); the tagger sometimes takes such an
    adjective for a noun or a verb, which its lemma tells. An adjective in brackets stands beside
    the one before it («государственных (муниципальных) учреждений»). A kind that also names a
    place's role or a career counts only by a qualifier of its own (`label`: «комплексный
    центр», not «административный центр»; «экстренные службы», not «муниципальная служба»).
    """
    k, qualified, nearest = head, False, True
    while k - 1 >= 0 and nv.same_clause(k - 1, head):
        prev, lemma = nv.tokens[k - 1], nv.lemmas[k - 1]
        if prev.text == ")" and k - 4 >= 0 and nv.tokens[k - 3].text == "(" and nv.same_clause(k - 4, head) \
                and _agreeing_adjective(nv, nlp, k - 2, head) and _agreeing_adjective(nv, nlp, k - 4, head):
            if nearest:
                qualified = label in nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, k - 2)
                nearest = False
            k -= 3
            continue
        if _agreeing_adjective(nv, nlp, k - 1, head):
            is_qualifier = label in nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, k - 1)
            if nearest:
                qualified, nearest = is_qualifier, lemma in OTHER_WORDS
            elif is_qualifier and not qualified and k < head and nv.lemmas[k] in OTHER_WORDS | {"и", ","}:
                qualified = True  # «научные и иные организации»
            k -= 1
            continue
        if (prev.text in (",", "и") or lemma == "не") and k < head and k - 2 >= 0 and \
                _agreeing_adjective(nv, nlp, k - 2, head):
            k -= 1  # «образовательных, культурных и спортивных организаций», «не коммерческих»
            continue
        if prev.text.lower() == "не" and k < head:
            k -= 1
            continue
        if prev.pos == "ADV" and prev.text.endswith("о") and k < head and nv.tokens[k].pos in (
                "ADJ", "VERB") and "qualifier" not in nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, k):
            k -= 1  # «социально ориентированные», not «непосредственно федеральный …»
        break
    while k < head and (nv.tokens[k].text in (",", "и") or nv.lemmas[k] in OTHER_WORDS):
        k += 1  # «другие институты развития»: «другие» opens no list here
    return k, qualified


def _agreeing_adjective(nv: Narrative, nlp: Nlp, k: int, head: int) -> bool:
    tok, feats = nv.tokens[k], nv.tokens[head].feats
    qualifier = "qualifier" in nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, k)
    # a participle with an adverb: «социально ориентированные»
    described = tok.pos == "VERB" and k > 0 and nv.tokens[k - 1].pos == "ADV" and \
        nv.tokens[k - 1].text.endswith("о")
    if tok.pos != "ADJ" and not qualifier and not described:
        return False
    if nv.lemmas[k] in NOT_NAME_MODIFIERS - OTHER_WORDS or "evaluative" in nv.labels_at(
            nlp, INSTITUTION_CLASSES_PATH, k):
        return False
    if not qualifier and not described and not any(p.pos in ("ADJF", "PRTF") for p in nlp.parses(tok.text)):
        return False  # «посредничества» tagged as an adjective
    if tok.feats.get("Case") == feats.get("Case") and tok.feats.get("Number") == feats.get("Number"):
        return True
    if {tok.feats.get("Case"), feats.get("Case")} == {"Nom", "Acc"} and tok.feats.get("Number") == feats.get(
            "Number") == "Plur":
        return True  # one form for both in the plural of things («спортивные секции» tagged apart)
    # the tagger's case of a participle is often off; a dictionary reading may still agree
    want = {CASES.get(feats.get("Case", "")), NUMBERS.get(feats.get("Number", ""))}
    return described and None not in want and any(
        p.pos in ("ADJF", "PRTF") and want <= p.grammemes for p in nlp.parses(tok.text))


def _paired_head(nv: Narrative, nlp: Nlp, head: int) -> int | None:
    """Index of a second kind joined to the head by «и» in the same case («организации и
    объединения»), or None."""
    j = head + 2
    if j >= len(nv.tokens) or nv.tokens[head + 1].text != "и" or not nv.same_clause(head, j):
        return None
    if nv.tokens[j].pos != "NOUN" or nv.tokens[j].feats.get("Case") != nv.tokens[head].feats.get("Case"):
        return None
    labels = nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, j)
    if not labels & HEAD_LABELS:
        return None
    field = _group_at(nv, nlp, j + 1, head) if "activity" in labels else None
    if field is not None and "sector" not in nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, field):
        return None  # «организаций и формирования современной … среды»: an act, not a kind
    return j


def _body_after(nv: Narrative, nlp: Nlp, head: int, last: int) -> int:
    """Last token of a named body right after the kind, which then names one of its parts
    («территориального органа Федеральной службы государственной статистики по … области»,
    «учреждения Сибирского отделения Российской академии наук»); else `last`."""
    j = last + 1
    k = j + (j < len(nv.tokens) and nv.tokens[j].pos == "ADJ")
    if last != head or k >= len(nv.tokens) or not nv.same_clause(head, k):
        return last
    if not nv.tokens[j].text[:1].isupper() or nv.tokens[k].feats.get("Case") != "Gen":
        return last
    if not is_body_head(nv, nlp, k):
        return last
    end, _ = grow_complements(nv, nlp, k)
    return end if end > k else last


def _group_at(nv: Narrative, nlp: Nlp, j: int, head: int, case: str = "Gen") -> int | None:
    """Last token of a genitive group (or one in `case`) starting at token j (adjectives, then a
    lower-case noun: «местного самоуправления»; or an abbreviation: «ЖКХ»), in the head's clause;
    in a heading in capitals the words are capitals too."""
    in_capitals = nv.tokens[head].text.isupper() and len(nv.tokens[head].text) > 1
    k = j
    while k < min(len(nv.tokens), j + MAX_GROUP_WORDS) and nv.same_clause(head, k):
        tok = nv.tokens[k]
        genitive = tok.feats.get("Case") == case and (
            tok.text[:1].islower() or in_capitals and tok.text.isupper())
        if tok.pos == "ADJ" and genitive:
            if nv.lemmas[k] in NOT_FIELD_MODIFIERS:
                return None  # «организации различных форм»: no field
            k += 1
            continue
        if tok.text in ("и", ",") and k > j and nv.tokens[k - 1].pos == "ADJ" and k + 1 < len(nv.tokens) \
                and nv.tokens[k + 1].pos == "ADJ" and nv.tokens[k + 1].feats.get("Case") == case:
            k += 1  # «малого и среднего предпринимательства»
            continue
        if tok.pos in ("NOUN", "PROPN") and genitive:
            parses = nlp.parses(tok.text)
            return None if parses and parses[0].pos == "ADJF" else k  # «органы исполнительной⏎…»
        if k == j and not in_capitals and tok.text.isupper() and is_name_like(tok.text, nlp) \
                and nv.labels[k] != "LOC":
            return k
        return None
    return None


def _is_territory(nv: Narrative, first: int, last: int) -> bool:
    lemmas = nv.lemmas[first:last + 1]
    return lemmas[-1] in TERRITORY_LEMMAS or any(
        tuple(lemmas[k:k + 2]) in TERRITORY_PHRASES for k in range(len(lemmas) - 1))


def _territory_end(nv: Narrative, nlp: Nlp, j: int, head: int) -> int | None:
    """Last token of a territory at token j: «сельских поселений», «муниципального образования»,
    or a place or capitalised name in the genitive («Ольховской области», «Сухоречинска»)."""
    if j >= len(nv.tokens) or not nv.same_clause(head, j):
        return None
    tok = nv.tokens[j]
    settlement = settlement_or_dedication_end(nv, j)
    if settlement is not None and tok.text.lower() not in DEDICATION_WORDS:
        return settlement  # «г. Сухоречинск»
    capitals = tok.text.isupper() and len(tok.text) > 1  # «ЖКХ», a heading in capitals
    proper = not capitals and tok.feats.get("Case") == "Gen" and (tok.pos == "PROPN" or tok.pos == "ADJ" and (
        j + 1 < len(nv.tokens) and nv.lemmas[j + 1] in TERRITORY_LEMMAS))
    if tok.text[:1].isupper() and (nv.labels[j] == "LOC" or proper):
        end = nv.span_end(j) if nv.labels[j] == "LOC" else j
        while end + 1 < len(nv.tokens) and nv.same_clause(head, end + 1) and (
                nv.labels[end + 1] == "LOC" and nv.tokens[end + 1].text[:1].isupper()
                or nv.lemmas[end + 1] in TERRITORY_LEMMAS and nv.tokens[end + 1].feats.get("Case") == "Gen"):
            end += 1  # «Заболотненского района», «Республики Коми»
        return end
    group = _group_at(nv, nlp, j, head)
    if group is not None and _is_territory(nv, j, group):
        return group
    return None


def _complement(nv: Narrative, nlp: Nlp, head: int) -> tuple[int, frozenset[str]]:
    """Last token of the kind's complement and the labels of its field's first noun (a purpose:
    «фонд развития …»; a sector: «организации культуры»).

    The first genitive group and the groups «и» joins to it are the field («опеки и
    попечительства»), and so are more sectors listed by commas («учреждения здравоохранения,
    образования, культуры и спорта»); a genitive after them only after a word that governs one
    (a purpose or a `chain` noun: «развития малого предпринимательства», «службы занятости
    населения», «образования детей»), one naming a kind only after a purpose («поддержки малых
    предприятий»); an instrumental ends it after a noun that governs one («органы управления
    образованием», body_heads.jsonl: governs_instrumental); territories close the name.
    """
    last, kinds, chains, purpose = head, frozenset(), False, False
    j, groups, items = head + 1, 0, 0
    while groups < MAX_GROUPS and items < MAX_LIST_ITEMS:
        if _territory_end(nv, nlp, j, head) is not None:
            break
        end = _group_at(nv, nlp, j, head)
        coordinated = nv.tokens[j - 1].text in ("и", ",") and j - 1 > head
        if end is None or groups and not (purpose and not coordinated) and (
                is_body_head(nv, nlp, end) or nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, end) & HEAD_LABELS):
            break  # «организаций ЖКХ и организаций …»: a kind of its own
        if groups and not coordinated and not chains:
            break  # «органом местного самоуправления условий …», «… требования закона»: an argument
        labels = nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, end)
        kinds = labels if groups == 0 else kinds
        chains, purpose = "purpose" in labels or "chain" in labels, "purpose" in labels
        last = end
        groups, items = groups + (not coordinated), items + 1
        j = end + 1
        governs = "governs_instrumental" in head_roles(nv, nlp, end)
        governed = _group_at(nv, nlp, j, head, "Ins") if governs else None
        if governed is not None:  # «органы управления образованием»
            last, j = governed, governed + 1
            break
        if j + 1 < len(nv.tokens) and nv.tokens[j].text == "и" and nv.same_clause(head, j + 1) and \
                _group_at(nv, nlp, j + 1, head) is not None and _territory_end(nv, nlp, j + 1, head) is None:
            j += 1
        elif "sector" in kinds and _listed_sector(nv, nlp, j, head):
            j += 1
    while True:
        end = _territory_end(nv, nlp, j, head)
        if end is None:
            break
        last, j = end, end + 1
    return last, kinds


def _listed_sector(nv: Narrative, nlp: Nlp, j: int, head: int) -> bool:
    """A comma at token j and one more sector after it in the genitive («…, культуры»)."""
    if j + 1 >= len(nv.tokens) or nv.tokens[j].text != "," or not nv.same_clause(head, j + 1):
        return False
    end = _group_at(nv, nlp, j + 1, head)
    return end is not None and _territory_end(nv, nlp, j + 1, head) is None and \
        "sector" in nv.labels_at(nlp, INSTITUTION_CLASSES_PATH, end)


def _to_nominative(nv: Narrative, nlp: Nlp, first: int, heads: list[int], last: int) -> str:
    """The heads and the qualifiers of the first in the nominative, in the head's number; the rest
    as printed. A qualifier the tagger took for a noun or a verb is inflected as an adjective."""
    head = heads[0]
    head_tok = nv.tokens[head]
    gender = head_tok.feats.get("Gender")
    words = {k: word_to_nominative(nv.tokens[k], nlp) for k in heads}
    for k in range(first, head):
        tok = nv.tokens[k]
        if tok.pos != "ADJ":
            tok = replace(tok, pos="ADJ", feats={**head_tok.feats, "Gender": tok.feats.get("Gender", "")})
        words[k] = word_to_nominative(tok, nlp, gender=gender)
    for k, word in words.items():
        if "ё" not in nv.tokens[k].text.lower():
            words[k] = word.replace("ё", "е").replace("Ё", "Е")  # the document's spelling («казенные»)
    out = []
    pos = nv.tokens[first].start
    for i in range(first, last + 1):
        out.append(nv.text[pos:nv.tokens[i].start])
        out.append(words.get(i, nv.tokens[i].text))
        pos = nv.tokens[i].end
    return " ".join("".join(out).split())
