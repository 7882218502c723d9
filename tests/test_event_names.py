"""An event's name runs over a spaced hyphen of a compound («стран - участников») and takes in
a capitalised event it is coordinated with («Общее собрание и отчётная конференция …»); two
events of their own joined by «и» stay two. Every text here is invented.
"""

from __future__ import annotations

import pytest

from stratdoc.extract import extract
from tests.narrative_doc import doc_from_text
from tests.test_narrative_golden import norm

CASES = [
    ("В 2019 году в Пскове прошли Генеральная ассамблея и ежегодная конференция городов\n"
     "- участников Союза. Товарооборот вырос вдвое.",
     ["Генеральная ассамблея и ежегодная конференция городов - участников Союза"]),
    ("В мае в Твери прошла конференция городов - побратимов региона.",
     ["конференция городов - побратимов региона"]),
    ("В Вологде состоялся форум стран – участников Северного измерения.",
     ["форум стран – участников Северного измерения"]),
    ("Летом в Котласе прошли Общее собрание и отчётная конференция членов ассоциации.",
     ["Общее собрание и отчётная конференция членов ассоциации"]),
    ("В администрации Вельска прошла стратегическая сессия и форум предпринимателей города.",
     ["стратегическая сессия", "форум предпринимателей города"]),
]


@pytest.mark.parametrize(("text", "names"), CASES, ids=[c[1][0][:30] for c in CASES])
def test_event_names(text: str, names: list[str]) -> None:
    got = [norm(e.name) for e in extract(doc_from_text(text)).events]
    assert got == [norm(n) for n in names]
