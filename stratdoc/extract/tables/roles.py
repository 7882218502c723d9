"""What a table is for, told by the lemmas of its header, its name column and its caption.

Plans word their headers freely («Наименование мероприятия», «Перечень мероприятий»,
«Мероприятия программы»), so roles are scored by lemma weights, not matched as strings. A
resource table (sources of funding as rows, periods as columns) is told by its row labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from stratdoc.extract.lexicon.funding_sources import find_sources
from stratdoc.extract.nlp import Nlp


class TableRole(StrEnum):
    MEASURES = "measures"
    INDICATORS = "indicators"
    PROJECTS = "projects"
    FUNDING = "funding"
    OTHER = "other"


# Lemma → weight, per role. Each lemma counts once per table part (header, name column, caption).
ROLE_VOCAB: dict[TableRole, dict[str, int]] = {
    TableRole.MEASURES: {"мероприятие": 3, "исполнитель": 1, "результат": 2, "источник": 1,
                         "финансирование": 1, "соисполнитель": 1},
    TableRole.INDICATORS: {"показатель": 3, "индикатор": 3, "измерение": 1, "значение": 2,
                           "базовый": 1, "целевой": 1},
    TableRole.PROJECTS: {"проект": 3, "объект": 2, "срок": 1, "стоимость": 2, "стадия": 2,
                         "статус": 1, "инвестиция": 1, "заказчик": 2, "мощность": 1, "реестр": 1},
    TableRole.FUNDING: {"ресурсный": 3, "источник": 2, "финансирование": 2, "обеспечение": 1,
                        "бюджет": 1},
}
# The name column says most about what a row is: its lemmas count this many times more.
NAME_COLUMN_WEIGHT = 2
MIN_SCORE = 4
# Ties go to the earlier role.
ROLE_ORDER = [TableRole.MEASURES, TableRole.INDICATORS, TableRole.PROJECTS, TableRole.FUNDING]
# Share of body rows labelled by a funding source that makes a resource table.
SOURCE_ROWS_SHARE = 0.5

_WORD_RE = re.compile(r"[А-Яа-яЁёA-Za-z]+")


def word_lemma(word: str, nlp: Nlp) -> str:
    """Lemma of one word, lower case, ё as е: headers print «объём» and «объем» alike."""
    return nlp.lemma(word).replace("ё", "е")


def lemmas_of(text: str | None, nlp: Nlp) -> set[str]:
    """Lemmas of the words in a header or caption, lower case, ё as е."""
    if not text:
        return set()
    return {word_lemma(w.lower(), nlp) for w in _WORD_RE.findall(text) if len(w) > 1}


def role_scores(header: str, name_header: str, caption: str, nlp: Nlp) -> dict[TableRole, int]:
    parts = [(lemmas_of(header, nlp), 1), (lemmas_of(name_header, nlp), NAME_COLUMN_WEIGHT),
             (lemmas_of(caption, nlp), 1)]
    scores: dict[TableRole, int] = {}
    for role, vocab in ROLE_VOCAB.items():
        scores[role] = sum(w * vocab.get(lem, 0) for lems, w in parts for lem in lems)
    return scores


def is_resource_table(row_labels: Iterable[str], has_periods: bool, nlp: Nlp) -> bool:
    """Rows named by sources («Всего», «федеральный бюджет», …) across periods."""
    labels = [t for t in row_labels if t.strip()]
    if not labels or not has_periods:
        return False
    sourced = sum(1 for t in labels if (found := find_sources(t, nlp)) and found[0].start < 3)
    return sourced >= 2 and sourced / len(labels) >= SOURCE_ROWS_SHARE


def classify_table(header: str, name_header: str = "", caption: str = "",
                   row_labels: Iterable[str] = (), has_periods: bool = False, *, nlp: Nlp) -> TableRole:
    """The table's role; OTHER when no vocabulary scores enough."""
    if is_resource_table(row_labels, has_periods, nlp):
        return TableRole.FUNDING
    scores = role_scores(header, name_header, caption, nlp)
    best = max(ROLE_ORDER, key=lambda r: (scores[r], -ROLE_ORDER.index(r)))
    return best if scores[best] >= MIN_SCORE else TableRole.OTHER
