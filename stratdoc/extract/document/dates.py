"""The document's own dates besides its act's: a news item's publication date and a
strategy's horizon year («на период до 2035 года», «Стратегия-2030»)."""

from __future__ import annotations

import re
from datetime import date

from stratdoc.extract.document.datelines import item_date
from stratdoc.extract.document.kind import HEAD_LINES
from stratdoc.extract.lexicon.dates import parse_date
from stratdoc.extract.lexicon.lines import TextLine

HORIZON_PATTERNS = (
    re.compile(r"(?:стратеги(?:я|и|ю|ей|е)|СЭР)(?![а-яё])[^.;!?]{0,200}?\bдо\s+(?P<year>20\d\d)\s*(?:год|г\b|г\.)",
               re.IGNORECASE),
    re.compile(r"стратеги(?:я|и|ю|ей|е)\s*[-–—]\s*(?P<year>20\d\d)\b", re.IGNORECASE),
    re.compile(r"\bна\s+период\s+до\s+(?P<year>20\d\d)\s*(?:год|г\b|г\.)", re.IGNORECASE),
)
TITLE_HORIZON_RE = re.compile(r"(?:\bдо\s+|[-–—]\s*)(?P<year>20\d\d)(?:\s*(?:год|г\b|г\.)|\s*$|[»\"])",
                              re.IGNORECASE)


# dates and horizon -------------------------------------------------------------------------
def find_published_on(lines: list[TextLine], hints: dict[str, str]) -> date | None:
    """A news item's date: the reader's hint (HTML metadata), else the date its first lines
    print (`datelines.item_date`)."""
    hint = hints.get("published_on")
    if hint:
        try:
            return date.fromisoformat(hint[:10])
        except ValueError:
            parsed = parse_date(hint)
            if parsed is not None:
                return parsed
    found = item_date(lines[:HEAD_LINES])
    return found.date if found is not None else None


def find_horizon_year(title: str | None, text: str, kind: str) -> int | None:
    """The strategy's horizon: «на период до 2035 года», «Стратегия-2030», «СЭР … до 2035 года»."""
    if title:
        m = TITLE_HORIZON_RE.search(title)
        if m and ("стратег" in title.lower() or "период" in title.lower()):
            return int(m.group("year"))
    patterns = HORIZON_PATTERNS if kind != "news" else HORIZON_PATTERNS[:2]
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return int(m.group("year"))
    return None
