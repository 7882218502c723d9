"""Units of measure as printed in indicator tables («тыс. чел.», «%», «кв. м на 1 жителя», «млн. долл. США»).

The unit often ends an indicator's name after a comma; it is split off only when the tail
reads as a unit. Units of whole items (people, pieces, places) also decide how an ambiguous
number is read: `-2,537 чел.` is -2537.
"""

from __future__ import annotations

import re

# Units of measure as printed at the end of an indicator name (regex, lower case).
UNIT_HEADS: tuple[str, ...] = (
    r"%", r"процент\w*", r"‰", r"промилле", r"чел\.?", r"человек\w*", r"ед\.?", r"единиц\w*", r"шт\.?",
    r"руб\.?", r"рубл\w*", r"(?:долл\.?|доллар\w*)(?:\s*США)?", r"евро", r"юан\w*",
    r"км\.?", r"м\.?", r"кв\.\s*м\.?", r"куб\.\s*м\.?", r"м2|м3|м²|м³", r"га",
    r"т\.?", r"тонн\w*", r"кг", r"мест\w*", r"койк\w*", r"лет", r"год\w*", r"дн\w*|день|дней",
    r"балл\w*", r"раз\w*", r"пункт\w*", r"п\.\s*п\.", r"квт\S*|мвт\S*|гкал\S*|квт\*ч", r"сем\w*",
    r"объект\w*", r"посещени\w*", r"экз\.?", r"квартир\w*", r"мин\.?|минут\w*", r"час\w*",
    r"ед\.\s*изм\.?", r"мбит/с",
)
SCALE_PREFIX = r"(?:тыс\.?|млн\.?|млрд\.?|тысяч\w*|миллион\w*|миллиард\w*)"
# What may follow a unit: «на 1 жителя», «в год», «к рабочей силе», «/мес.», «(в ценах 2020 г.)».
UNIT_QUALIFIER = r"(?:\s*(?:(?:на|в|за|к|от|по)\s|/|\()[^,]{0,30})?"
UNIT_TAIL_RE = re.compile(
    rf"^(?:в\s+)?(?:{SCALE_PREFIX}\s*)?(?:{'|'.join(UNIT_HEADS)}){UNIT_QUALIFIER}$",
    re.IGNORECASE,
)
# Units of whole items: a lone comma before three digits is a thousands separator there.
COUNT_UNIT_RE = re.compile(
    r"^(?:чел|человек|ед|единиц|шт|мест|сем|объект|квартир|посещени|организаци|предприяти|койк)"
    r"[а-я]*\.?$",
    re.IGNORECASE,
)
UNIT_TAIL_MAX = 40
# A unit in brackets closing a name: «Уровень безработицы (%)», «Продолжительность жизни (лет)».
BRACKET_TAIL_RE = re.compile(r"\s*\(([^()]{1,40})\)$")
# Bracketed tails that read as a unit but say how often, not in what: «(в год)».
NOT_BRACKET_UNIT_RE = re.compile(r"^в\s+год\w*$", re.IGNORECASE)


def split_name_unit(text: str) -> tuple[str, str | None]:
    """«Численность населения, тыс. чел.» → («Численность населения», «тыс. чел.»);
    «Уровень безработицы (%)» → («Уровень безработицы», «%»)."""
    text = " ".join(text.split())
    cut = text.rfind(",")
    if cut > 0:
        tail = text[cut + 1:].strip()
        if tail and len(tail) <= UNIT_TAIL_MAX and UNIT_TAIL_RE.match(tail):
            return text[:cut].strip(), tail
    m = BRACKET_TAIL_RE.search(text)
    if m and m.start() > 0:
        tail = m.group(1).strip()
        if UNIT_TAIL_RE.match(tail) and not NOT_BRACKET_UNIT_RE.match(tail):
            return text[:m.start()].rstrip(" ,"), tail
    return text, None


def fraction_allowed(unit: str | None) -> bool:
    return not (unit and COUNT_UNIT_RE.match(unit.strip()))


def is_unit_text(text: str) -> bool:
    """A cell that holds only a unit of measure («%», «тыс. чел.», «ед.»)."""
    t = " ".join(text.split())
    return 0 < len(t) <= UNIT_TAIL_MAX and bool(UNIT_TAIL_RE.match(t))
