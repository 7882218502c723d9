"""Labels that name a territory and nothing else: a region, a city, a federal district, the country;
and headers that name a classification, under which every label is a category.

A statistics table compares one quantity across territories («Тульская область», «ЦФО»,
«Российская Федерация») or classifier sections («A: Сельское хозяйство …»). Such a row label
says where or in which branch, not what is measured, so the table readers need to tell it from
an indicator's name. Regions and cities come from the gazetteer; the country and the federal
districts, which it does not list, from `data/territories.jsonl`. A table whose name column is headed by a
classification («Товарная группа», «Отрасль», «Страна»: `data/classifications.jsonl`) prints one
quantity by category, so its rows are categories too, unless a row names a quantity of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

from stratdoc.extract.lexicon.cues import RECORD_SHAPE_CUES
from stratdoc.extract.lexicon.gazetteer import tokenize
from stratdoc.extract.lexicon.places import TextWords, find_cities, find_regions
from stratdoc.extract.nlp import Nlp

MAX_TERRITORY_WORDS = 4  # a longer label is a phrase about a territory, not its name
TERRITORIES_PATH = Path(__file__).parent / "data" / "territories.jsonl"
# A bracketed note after the territory («ЦФО (без Москвы)», «Россия (оценка)»).
BRACKET_TAIL_RE = re.compile(r"\s*\([^()]*\)\s*$")
# A section letter of the economic activities classifier (ОКВЭД) with its title: «A: Сельское …»,
# «D. Обрабатывающие производства», «Раздел C Добыча …»; a Roman numeral with a full stop
# («I. Экономика») numbers a section of the table instead.
CLASSIFIER_SECTION_RE = re.compile(r"^(?:Раздел\s+[A-U]\s+|[A-U]\s*:\s*|[A-HJ-UW]\.\s+)[А-ЯЁ]")


def _whole(hits: list, text: str) -> bool:
    return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(text)


def names_a_territory(label: str, nlp: Nlp) -> bool:
    """The whole label is one territory, perhaps with a bracketed note."""
    text = BRACKET_TAIL_RE.sub("", label).strip(" .,:;*")
    words = [t.text for t in tokenize(text)]
    if not words or len(words) > MAX_TERRITORY_WORDS:
        return False
    matches = nlp.patterns(TERRITORIES_PATH).find_in_words(words)
    if len(matches) == 1 and matches[0][1] == 0 and matches[0][2] == len(words):
        return True
    tw = TextWords.of(text, nlp)
    return _whole(find_regions(tw, nlp), text) or _whole(find_cities(tw, nlp), text)


def names_a_section(label: str) -> bool:
    """«A: Сельское хозяйство, охота и лесное хозяйство»: a classifier section, a breakdown."""
    return CLASSIFIER_SECTION_RE.match(label.strip()) is not None


CLASSIFICATIONS_PATH = Path(__file__).parent / "data" / "classifications.jsonl"
QUANTITY_WINDOW = 4  # a quantity's head opens the label: «Объем экспорта», «Удельный вес …»


def names_a_classification(header: str, nlp: Nlp) -> bool:
    """Whether a name column's header names a classification («Товарная группа», «Вид
    экономической деятельности», «Страна», «Страна-партнер»): its rows are then categories of
    one quantity. A hyphenated compound is read by its parts."""
    words = [t.text for t in tokenize(re.sub(r"(?<=\w)[-‐–](?=\w)", " ", header))]
    return bool(words) and bool(nlp.patterns(CLASSIFICATIONS_PATH).find_in_words(words))


def names_a_quantity_head(label: str, nlp: Nlp) -> bool:
    """«Объем экспорта», «Доля экспортеров», «Численность занятых»: a label that opens with the
    head of a quantity names an indicator even in a table broken down by a classification."""
    words = [t.text for t in tokenize(label)][:QUANTITY_WINDOW]
    hits = nlp.patterns(RECORD_SHAPE_CUES).find_in_words(words) if words else []
    return any(label_ == "quantity" and start == 0 for label_, start, _ in hits)
