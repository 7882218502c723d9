"""One person, many spellings: the forms of a name a document prints, joined into one record.

A decree names its people in full in a member list («Смирнов Алексей Борисович»), by initials in
its clauses, in an oblique case («возложить на … А.Б. Смирнова», «назначить … Е.В. Тихомирову»),
and again under its signature («Р.СТАРОВОЙТ», elsewhere «Р.В. Старовойт»). Names are put first
name first, an initials form folds into the one full name whose surname it is a case of and whose
first name (and patronymic) its initials begin, and a shorter initials form («Р. Старовойт») into
the one longer form of the same surname («Р.В. Старовойт»). The record folded into keeps its
position; the other's fills it only when it has none.
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon.lines import fold
from stratdoc.extract.nlp import Nlp
from stratdoc.schema import Person

# Oblique endings of Russian surnames → nominative, by gender: (ending, replacement).
SURNAME_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "Masc": (("овым", "ов"), ("евым", "ев"), ("ёвым", "ёв"), ("иным", "ин"), ("ыным", "ын"),
             ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"),
             ("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ыну", "ын"),
             ("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ыне", "ын"),
             ("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"),
             ("цкого", "цкий"), ("цкому", "цкий"), ("цким", "цкий"), ("цком", "цкий")),
    "Fem": (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"),
            ("ову", "ова"), ("еву", "ева"), ("ину", "ина"),
            ("ской", "ская"), ("скую", "ская"), ("цкой", "цкая"), ("цкую", "цкая")),
}
INITIAL = re.compile(r"^[А-ЯЁA-Z]\.(?:[А-ЯЁA-Z]\.)?$")
# «И. Петров», «И.А. Петров»: initials before a surname.
INITIALS_NAME = re.compile(r"(?P<initials>(?:[А-ЯЁ]\.\s?){1,2})"
                           r"(?P<surname>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")


def join_name_forms(people: list[Person], nlp: Nlp) -> list[Person]:
    """First name first («Петров Иван» → «Иван Петров», «Сидоренко Алексей Викторович» →
    «Алексей Викторович Сидоренко»), and the initials forms folded into the fuller form of the
    same person."""
    for p in people:
        p.name = first_name_first(p.name, nlp)
    fulls = [(q, surname_forms(q.name.split()[-1], nlp)) for q in people
             if not INITIALS_NAME.fullmatch(q.name)]
    dropped: set[int] = set()
    shorts = [(p, m) for p in people if (m := INITIALS_NAME.fullmatch(p.name)) is not None]
    for p, m in shorts:
        forms = surname_forms(m.group("surname"), nlp)
        initials = re.findall(r"[А-ЯЁ]", m.group("initials"))
        full = [q for q, q_forms in fulls if forms & q_forms and initials_agree(initials, q.name)]
        if len(full) == 1:
            _fold_into(full[0], p)
            dropped.add(id(p))
    left = [(p, m) for p, m in shorts if id(p) not in dropped]
    for p, m in left:
        initials = re.findall(r"[А-ЯЁ]", m.group("initials"))
        forms = surname_forms(m.group("surname"), nlp)
        longer = [q for q, n in left if q is not p and id(q) not in dropped
                  and forms & surname_forms(n.group("surname"), nlp)
                  and _extends(re.findall(r"[А-ЯЁ]", n.group("initials")), initials)]
        if len(longer) == 1:
            _fold_into(longer[0], p)
            dropped.add(id(p))
    return [p for p in people if id(p) not in dropped]


def _fold_into(kept: Person, other: Person) -> None:
    if kept.position is None and other.position is not None:
        kept.position, kept.organization = other.position, other.organization


def _extends(longer: list[str], shorter: list[str]) -> bool:
    """«Р.В.» extends «Р.»; equal initials do not (those are one key already)."""
    return len(longer) > len(shorter) and longer[:len(shorter)] == shorter


def initials_agree(initials: list[str], full_name: str) -> bool:
    """Initials begin the first name and, when there are two, the patronymic of a full name."""
    words = full_name.split()
    if len(words) < 2 or fold(words[0][:1]) != fold(initials[0]):
        return False
    return len(initials) < 2 or len(words) < 3 or fold(words[1][:1]) == fold(initials[1])


def surname_forms(word: str, nlp: Nlp) -> frozenset[str]:
    """The folded nominatives a surname form may stand for: itself, and the nominative of each
    gender it is an oblique case of («Смирнова» → смирнова, смирнов; «Кравцу» → кравец)."""
    out = {fold(word)}
    low = word.lower()
    for gender in ("Masc", "Fem"):
        for ending, repl in SURNAME_ENDINGS[gender]:
            if low.endswith(ending) and len(low) > len(ending) + 1:
                out.add(fold(low[: len(low) - len(ending)] + repl))
    for p in nlp.parses(word):
        if p.has("Surn"):
            form = nlp.inflect(p, {"nomn", "sing"})
            if form:
                out.add(fold(form))
    return frozenset(out)


def first_name_first(name: str, nlp: Nlp) -> str:
    words = name.split()
    if len(words) not in (2, 3) or any(INITIAL.match(w) for w in words):
        return name
    rest_is_name = is_tagged(words[1], "Name", nlp) and (len(words) == 2 or is_tagged(words[2], "Patr", nlp))
    if rest_is_name and not is_tagged(words[0], "Name", nlp):
        return " ".join(words[1:] + words[:1])
    return name


def first_name_and_patronymic(name: str, nlp: Nlp) -> bool:
    """«Алексей Борисович», «Ольге Витальевне»: a first name and a patronymic with no surname,
    which names nobody in particular (a greeting, a list that prints the surname elsewhere)."""
    words = name.split()
    return len(words) == 2 and is_tagged(words[0], "Name", nlp) and is_tagged(words[1], "Patr", nlp)


def is_tagged(word: str, grammeme: str, nlp: Nlp) -> bool:
    """Is a capitalised word first read as a first name («Name») or a patronymic («Patr»)?
    («Петров» is first a surname, though it may also be a form of «Пётр».)"""
    parses = nlp.parses(word)
    return word[:1].isupper() and bool(parses) and parses[0].has(grammeme)


def person_key(name: str) -> str:
    """«А.Н.МИХАЙЛОВ» and «А.Н. Михайлов» are one person."""
    return re.sub(r"[\s.]", "", name.lower().replace("ё", "е"))
