"""A date printed without its year takes the year that puts it nearest the document's date: a
December item about «20 января» speaks of next January, a January item about «28 декабря» of
last December, and a date in the same season keeps the document's year. All texts are invented."""

from __future__ import annotations

from datetime import date

import pytest

from stratdoc.extract.entities.events import extract_events
from stratdoc.extract.nlp import shared
from tests.narrative_doc import doc_from_text


@pytest.mark.parametrize(("text", "doc_date", "expected"), [
    ("Стратегическая сессия по развитию туризма пройдёт 20 января в Светлогорске.",
     date(2024, 12, 12), date(2025, 1, 20)),
    ("Форум «Города будущего» состоится 14–15 февраля в Приозёрске.",
     date(2023, 11, 28), date(2024, 2, 14)),
    ("Проектный семинар для муниципальных команд назначен на 9 января.",
     date(2025, 12, 29), date(2026, 1, 9)),
    ("28 декабря в Озёрске прошла стратегическая сессия по развитию промышленности.",
     date(2024, 1, 10), date(2023, 12, 28)),
    ("Форум предпринимателей пройдёт 12 марта в Светлогорске.",
     date(2024, 2, 1), date(2024, 3, 12)),
    ("15 июня в Приозёрске прошла стратегическая сессия.",
     date(2024, 9, 5), date(2024, 6, 15)),
])
def test_year_nearest_the_document_date(text: str, doc_date: date, expected: date) -> None:
    events = extract_events(doc_from_text(text), doc_date, nlp=shared())
    assert [e.date_from for e in events] == [expected]
