"""Russian dates in running text: «14.03.2022», «9 октября 2023 года», «16-17 мая»,
«с 26 по 28 сентября», «с 29 сентября по 1 октября 2024 г.».

A regex table is enough here and far faster than a parser: official texts print dates in a
handful of shapes. Every match keeps its offsets so callers can judge its context (a
weekday before it, «от» before it, a parenthesis around it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# «2024-2026», «2024 – 2026»: a span of years in a header, a cell or a sentence
YEAR_SPAN_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")

# Month stems → number; the ending group below accepts every case of every month name
# («января», «январе», «январю», «январем»), and «мая» / «мае» / «маю» / «маем» for May.
MONTH_STEMS: dict[str, int] = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
MONTH_ENDINGS = r"(?:ь|я|е|ю|ем|ём|ом|а|у|й)?"


def month_re(group: str) -> str:
    return rf"(?P<{group}>" + "|".join(sorted(MONTH_STEMS, key=len, reverse=True)) + r")" + MONTH_ENDINGS


MONTH_RE = month_re("month")

WEEKDAYS = ("понедельник", "вторник", "среда", "среду", "четверг", "пятница", "пятницу",
            "суббота", "субботу", "воскресенье")
WEEKDAY_RE = r"(?P<weekday>(?:" + "|".join(WEEKDAYS) + r"),?\s+)?"

DASH = r"\s*[-–—]\s*"
YEAR_WORD = r"(?:\s*(?:года|году|год|г\.г\.|гг\.|г\.|г(?![а-яё])))?"

TEXT_DATE = re.compile(
    WEEKDAY_RE
    + r"(?<![\d.])[«\"]?(?P<day>[0-3]?\d)[»\"]?(?:" + DASH + r"(?P<day_to>[0-3]?\d))?\s+"
    + MONTH_RE + r"(?![а-яё])"
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d)" + YEAR_WORD + r")?",
    re.IGNORECASE,
)
# «с 26 по 28 сентября», «с 29 сентября по 1 октября 2024 года»
RANGE_DATE = re.compile(
    r"(?<![А-Яа-яЁё])с\s+(?P<day>[0-3]?\d)(?:\s+" + MONTH_RE + r")?\s+по\s+(?P<day_to>[0-3]?\d)\s+"
    + month_re("month_to") + r"(?![а-яё])"
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d)" + YEAR_WORD + r")?",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(
    WEEKDAY_RE
    + r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d])"
    + YEAR_WORD,
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    """One date as printed. `year` is None when the text omits it («23-24 ноября»)."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    day_to: int | None = None
    weekday: bool = False  # printed after a weekday name, as a site's «today» banner is
    month_to: int | None = None  # the last day's month when it differs («с 29 сентября по 1 октября»)

    def to_date(self, default_year: int | None = None) -> date | None:
        year = self.year if self.year is not None else default_year
        return _safe_date(year, self.month, self.day)

    def to_date_end(self, default_year: int | None = None) -> date | None:
        year = self.year if self.year is not None else default_year
        return _safe_date(year, self.month_to or self.month, self.day_to or self.day)


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    """Month of a month name in any case («октября» → 10), None for other words."""
    m = re.fullmatch(MONTH_RE, word.strip().lower())
    return MONTH_STEMS[m.group("month")] if m else None


def _text_match_to_date(m: re.Match[str]) -> DateMatch | None:
    month = MONTH_STEMS[m.group("month").lower()]
    day = int(m.group("day"))
    day_to = int(m.group("day_to")) if m.group("day_to") else None
    year = int(m.group("year")) if m.group("year") else None
    if not 1 <= day <= 31 or (day_to is not None and not day < day_to <= 31):
        return None
    return DateMatch(m.start("day") if not m.group("weekday") else m.start(), m.end(), day, month, year,
                     day_to, bool(m.group("weekday")))


def _range_match_to_date(m: re.Match[str]) -> DateMatch | None:
    month_to = MONTH_STEMS[m.group("month_to").lower()]
    month = MONTH_STEMS[m.group("month").lower()] if m.group("month") else month_to
    day, day_to = int(m.group("day")), int(m.group("day_to"))
    year = int(m.group("year")) if m.group("year") else None
    if not (1 <= day <= 31 and 1 <= day_to <= 31) or (month, day) >= (month_to, day_to):
        return None
    return DateMatch(m.start(), m.end(), day, month, year, day_to, False,
                     month_to if month_to != month else None)


def _numeric_match_to_date(m: re.Match[str]) -> DateMatch | None:
    day, month, year = int(m.group("day")), int(m.group("month")), int(m.group("year"))
    if _safe_date(year, month, day) is None:
        return None
    return DateMatch(m.start(), m.end(), day, month, year, None, bool(m.group("weekday")))


def find_dates(text: str) -> list[DateMatch]:
    """Every date in `text`, in order of position; overlapping matches keep the first."""
    found: list[DateMatch] = []
    for pattern, convert in ((RANGE_DATE, _range_match_to_date), (TEXT_DATE, _text_match_to_date),
                             (NUMERIC_DATE, _numeric_match_to_date)):
        for m in pattern.finditer(text):
            d = convert(m)
            if d is not None:
                found.append(d)
    found.sort(key=lambda d: (d.start, -d.end))
    out: list[DateMatch] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


def parse_date(text: str, default_year: int | None = None) -> date | None:
    """The first full date in `text` («от 23 июля 2021 г.» → 2021-07-23), None if there is none."""
    for d in find_dates(text):
        value = d.to_date(default_year)
        if value is not None:
            return value
    return None
