"""Where a news item prints its own date: in the lines above its first paragraph of prose.

A news page or a pasted item prints its date before the lead: on a line of its own
(«12.10.2021», «3 марта 2019 года», «Опубликовано 07.06.2024 в 09:12», «13 марта 2025 /
Экономика»), opening the lead as an agency does («ГЛАЗОВ, 14 ноября. …»), or after a weekday
(«Вторник, 5 апреля 2022»), which a site also prints as its «today» banner and so counts only
when nothing else dates the item. A date further down (a programme «12 сентября 2024 —
пленарное заседание», a deadline) is the date of something the item reports, not its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stratdoc.extract.lexicon.dates import WEEKDAYS, DateMatch, find_dates
from stratdoc.extract.lexicon.lines import SENTENCE_BREAK, TextLine

# Labels a site prints before an item's date.
DATELINE_LABEL_RE = re.compile(r"(?:опубликовано|дата\s+публикации|дата|размещено|published)\s*:?\s*",
                               re.IGNORECASE)
# What may follow the date on its line: nothing, a rubric or counter after a separator
# («/ Общество / 0»), or a time («, 15:20», «в 09:12»).
DATELINE_REST_RE = re.compile(r"^(?:[/|,•·—-]|(?:в\s+)?\d\d?:\d\d(?!\d))")
DATELINE_MAX_CHARS = 80
# An agency dateline opening the lead: «Лесогорск, 3 марта.», «НОВОРЕЧЕНСК, 12 мая —».
AGENCY_DATELINE_RE = re.compile(r"^[А-ЯЁ][А-Яа-яЁё-]+(?:\s[А-ЯЁ][А-Яа-яЁё-]+)?,\s+")
# A site's «today» banner stands among the first lines («Пятница, 14 марта 2025»); a rubric
# after the dateline («13 марта 2025 / Экономика») marks a site's page too.
SITE_BANNER_LINES = 3
AGENCY_LINES = SITE_BANNER_LINES + 2
RUBRIC_RE = re.compile(r"\s*[/|]\s*[А-ЯЁA-Z]")
# A paragraph of prose: long, or more than one sentence of some length. Headlines, datelines,
# rubrics and a place line («Тверь, Тверская область») are none.
PROSE_MIN_CHARS = 200
PROSE_SENTENCES_MIN_CHARS = 100


@dataclass(frozen=True)
class ItemDate:
    """The line that dates a news item, how it does (`dateline`, `agency`, `banner`) and the date."""

    line: TextLine
    how: str
    date: date | None


def is_prose(line: TextLine) -> bool:
    text = line.text
    return len(text) >= PROSE_MIN_CHARS or (
        len(text) >= PROSE_SENTENCES_MIN_CHARS and SENTENCE_BREAK.search(text) is not None)


def head_lines(lines: list[TextLine]) -> list[TextLine]:
    """The lines before the first paragraph of prose, and that paragraph (an agency's dateline
    opens it)."""
    for i, ln in enumerate(lines):
        if is_prose(ln):
            return lines[:i + 1]
    return lines


def _own_line_date(ln: TextLine) -> DateMatch | None:
    """The date a short line opens with, perhaps after a label, when little else follows it."""
    if len(ln.text) > DATELINE_MAX_CHARS:
        return None
    label = DATELINE_LABEL_RE.match(ln.text)
    at = label.end() if label else 0
    dates = find_dates(ln.text[at:])
    if not dates or dates[0].start > 2:
        return None
    rest = ln.text[at + dates[0].end:].strip()
    return dates[0] if not rest or DATELINE_REST_RE.match(rest) else None


def dateline(lines: list[TextLine]) -> TextLine | None:
    """A short line above the lead that opens with a full date and holds little else.

    A date after a weekday name is a site's «today» banner (`banner`), not a dateline.
    """
    for ln in head_lines(lines):
        d = _own_line_date(ln)
        if d is not None and not d.weekday and d.year is not None:
            return ln
    return None


def banner(lines: list[TextLine]) -> TextLine | None:
    """A weekday with a full date among the first lines («Вторник, 5 апреля 2022»)."""
    for ln in head_lines(lines)[:SITE_BANNER_LINES]:
        d = _own_line_date(ln)
        if d is not None and d.weekday and d.year is not None:
            return ln
    return None


def agency_dateline(lines: list[TextLine]) -> TextLine | None:
    """A lead opening with a place and a day: «Лесогорск, 3 марта. Губернатор …»."""
    for ln in head_lines(lines)[:AGENCY_LINES]:
        d = _agency_date(ln)
        if d is not None:
            return ln
    return None


def _agency_date(ln: TextLine) -> DateMatch | None:
    m = AGENCY_DATELINE_RE.match(ln.text)
    if m is not None and m.group().strip(" ,").lower() in WEEKDAYS:
        return None  # «Вторник, 5 апреля 2022» is a banner, not a town
    dates = find_dates(ln.text[m.end():]) if m else []
    return dates[0] if dates and dates[0].start == 0 and not dates[0].weekday else None


def item_date(lines: list[TextLine]) -> ItemDate | None:
    """The item's own date: its dateline, else an agency dateline, else a weekday banner.

    An agency prints the day without the year; the year is the one that puts the day nearest
    the first full date the item prints after it («Напомним, … 2 октября 2023 года»).
    """
    dl = dateline(lines)
    if dl is not None:
        d = _own_line_date(dl)
        return ItemDate(dl, "dateline", d.to_date() if d is not None else None)
    agency = agency_dateline(lines)
    if agency is not None:
        d = _agency_date(agency)
        assert d is not None
        return ItemDate(agency, "agency", d.to_date() if d.year else _year_from_later(d, lines, agency))
    bn = banner(lines)
    if bn is not None:
        d = _own_line_date(bn)
        return ItemDate(bn, "banner", d.to_date() if d is not None else None)
    return None


def _year_from_later(day: DateMatch, lines: list[TextLine], agency: TextLine) -> date | None:
    later = [d for ln in lines if ln.start >= agency.start for d in find_dates(ln.text)
             if d.year is not None and not d.weekday]
    reference = next((d.to_date() for d in later if d.to_date() is not None), None)
    if reference is None:
        return None
    candidates = [d for year in (reference.year - 1, reference.year, reference.year + 1)
                  if (d := day.to_date(year)) is not None]
    return min(candidates, key=lambda d: abs((d - reference).days), default=None)
