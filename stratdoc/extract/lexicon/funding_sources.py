"""Funding-source wording → the contract's six sources, and funding cells → `FundingLine`s.

Plans name sources in many ways («Бюджет МО», «областной бюджет», «ОБ», «средства
инвесторов»); the vocabulary (`data/funding_sources.jsonl`) maps them by lemmas, so inflected
forms match too.
One cell may hold several sources with their amounts («Областной бюджет 337 475,9 Бюджет МО
37 523,6»): each amount goes to the source named last before it, or, in cells that name sources
after amounts («1 500,0 (местный бюджет)»), to the one right after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from stratdoc.extract.lexicon.dates import YEAR_SPAN_RE
from stratdoc.extract.lexicon.money import MoneyUnit, amount_rub, find_money_units
from stratdoc.extract.lexicon.numbers import FoundNumber, find_numbers, is_no_value, is_not_available
from stratdoc.extract.nlp import Nlp, Patterns, tokenize
from stratdoc.schema.records import FundingLine, Source, Span

# The vocabulary: spaCy patterns over lemmas and exact words, one wording a line.
PATTERNS_PATH = Path(__file__).parent / "data" / "funding_sources.jsonl"
_CYRILLIC_RE = re.compile(r"[А-Яа-яЁё]")
# "2021 г. - 1 000,0", "2022: 5,0" — a year that labels the amount right after it.
YEAR_LABEL_RE = re.compile(r"(?<!\d)(20\d\d|19\d\d)\s*(?:г\.?|год\w*)?\s*[-–—:]?\s*$")


@dataclass(frozen=True)
class SourceMention:
    source: Source
    start: int
    end: int


def _priorities(patterns: Patterns) -> dict[str, int]:
    """Label → rank: the label listed first in the pattern file wins at one word."""
    return {label: rank for rank, label in enumerate(patterns.labels)}


def find_sources(text: str, nlp: Nlp) -> list[SourceMention]:
    """Source wordings in `text`, left to right; where two begin at one word the label listed
    first wins, then the longer wording."""
    if not _CYRILLIC_RE.search(text):
        return []  # amounts and dashes: most cells of a funding table
    patterns = nlp.patterns(PATTERNS_PATH)
    rank = _priorities(patterns)
    tokens = tokenize(text.replace("ё", "е").replace("Ё", "Е"))
    found = patterns.find_in_words([w for w, _, _ in tokens], longest=False)
    found.sort(key=lambda m: (m[1], rank[m[0]], m[1] - m[2]))
    out: list[SourceMention] = []
    for label, first, end in found:
        start = tokens[first][1]
        if out and start < out[-1].end:
            continue
        out.append(SourceMention(label, start, tokens[end - 1][2]))
    return out


def source_of(text: str | None, nlp: Nlp) -> Source | None:
    """The first source a text names, None if it names none."""
    if not text:
        return None
    found = find_sources(text, nlp)
    return found[0].source if found else None


@dataclass(frozen=True)
class FundingContext:
    """What the column, row and table say about a funding cell."""

    source: Source | None = None
    # Sources stacked in the row's source cell («ФБ ОБ МБ»), paired in order with stacked amounts.
    stacked: tuple[Source, ...] = ()
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    scenario: str | None = None
    unit: MoneyUnit | None = None


def _is_year_token(value: Decimal, before: str, after: str) -> bool:
    """A year in a funding cell (`2021 г.`, `2021 - 2025`, `2022: 5,0`) is a label, not an amount."""
    if value != int(value) or not 1900 <= value <= 2100:
        return False
    return bool(re.match(r"\s*(?:г\.|гг\.?|год\w*)|\s*[-–—:]\s*(?:\d|$)", after)
                or re.search(r"(?:19|20)\d\d\s*[-–—]\s*$", before))


PLACEHOLDER_RE = re.compile(r"(?<!\S)(?:[-–—]|н/д)(?!\S)")


def _stacked_lines(raw: str, ctx: FundingContext, span: Span | None, units: list) -> list[FundingLine] | None:
    """Amounts stacked one per source («100,0 - 300,0» beside «ФБ ОБ МБ»); None if counts differ."""
    tokens = sorted([(n.start, n.number) for n in find_numbers(raw)] +
                    [(m.start(), None) for m in PLACEHOLDER_RE.finditer(raw)], key=lambda t: t[0])
    if len(tokens) != len(ctx.stacked):
        return None
    unit = units[0].unit if units else ctx.unit
    out = []
    for (_, num), source in zip(tokens, ctx.stacked, strict=True):
        if num is None or num.value == 0:
            continue
        out.append(_line(ctx, source, raw, span, amount=num.value, unit=unit.canonical if unit else None,
                         amount_rub=amount_rub(num.value, unit), note=num.note))
    return out


def _line(ctx: FundingContext, source: Source, raw: str, span: Span | None, **kw) -> FundingLine:
    return FundingLine(source=source, year=ctx.year, year_from=ctx.year_from, year_to=ctx.year_to,
                       scenario=ctx.scenario, raw=raw, span=span, **kw)


def _amounts(raw: str, mentions: list[SourceMention], units: list) -> list[FoundNumber]:
    """The numbers of a cell that are amounts: not inside a source or unit wording, not a year
    label, not a percentage."""
    taken = [(m.start, m.end) for m in mentions] + [(u.start, u.end) for u in units]
    out = []
    for num in find_numbers(raw):
        if any(s <= num.start < e for s, e in taken):
            continue
        after = raw[num.end:num.end + 12]
        if _is_year_token(num.number.value, raw[max(0, num.start - 8):num.start], after):
            continue
        if re.match(r"\s*%", after):
            continue
        out.append(num)
    return out


# What may stand between an amount and the source named after it: «1 500,0 (местный бюджет)»,
# «100,0 - ОБ», «150,0 тыс. руб. (областной бюджет)».
AMOUNT_SOURCE_GAP_RE = re.compile(r"[\s()\[\]\-–—:,.]*")


def _gap(raw: str, start: int, end: int, units: list) -> str:
    text = raw[start:end]
    for u in units:
        if start <= u.start and u.end <= end:
            text = text.replace(raw[u.start:u.end], " ")
    return text


def amount_sources(raw: str, amounts: list[FoundNumber], mentions: list[SourceMention], units: list,
                   default: Source) -> list[Source]:
    """The source of each amount in a cell.

    Cells name sources before amounts («ОБ 100,0 МБ 20,0») or after them («100,0 (ОБ); 20,0
    (МБ)»); the layout is read from the first amount: a source right after it means sources follow
    their amounts. A leading amount without a source, followed by amounts with theirs («1 200,0 (в
    том числе ФБ 800,0, ОБ 400,0)»), is their total.
    """
    named = [m for m in mentions if m.source != "unspecified"]
    if not amounts:
        return []
    first = amounts[0]
    nxt = next((m for m in named if m.start >= first.end), None)
    amount_first = nxt is not None and not any(m.end <= first.start for m in named) and \
        AMOUNT_SOURCE_GAP_RE.fullmatch(_gap(raw, first.end, nxt.start, units)) is not None
    out: list[Source] = []
    for i, num in enumerate(amounts):
        if amount_first:
            limit = amounts[i + 1].start if i + 1 < len(amounts) else len(raw)
            after = next((m for m in named if num.end <= m.start < limit), None)
            out.append(after.source if after else default)
        else:
            before = [m for m in named if m.end <= num.start]
            out.append(before[-1].source if before else default)
    if not amount_first and default == "unspecified" and len(out) > 1 and \
            not any(m.end <= first.start for m in named) and all(s != "unspecified" for s in out[1:]):
        out[0] = "total"
    return out


def cell_to_funding_lines(text: str, ctx: FundingContext, span: Span | None = None, *,
                          nlp: Nlp) -> list[FundingLine]:
    """One funding cell → its lines; zero, dash and empty cells give none.

    «Финансирование не определено» and «н/д» give one line without an amount.
    """
    raw = text.strip()
    if not raw or (is_no_value(raw) and not is_not_available(raw)):
        return []
    default: Source = ctx.source or "unspecified"
    if is_not_available(raw):
        return [_line(ctx, default, raw, span)]
    span_m = YEAR_SPAN_RE.search(raw)
    if span_m:  # a period printed in the cell overrides the column's year
        ctx = replace(ctx, year=None, year_from=int(span_m.group(1)), year_to=int(span_m.group(2)))
    mentions = find_sources(raw, nlp)
    units = find_money_units(raw)
    if len(ctx.stacked) > 1 and not mentions:
        stacked = _stacked_lines(raw, ctx, span, units)
        if stacked is not None:
            return stacked
    amounts = _amounts(raw, mentions, units)
    sources = amount_sources(raw, amounts, mentions, units, default)
    lines: list[FundingLine] = []
    for num, source in zip(amounts, sources, strict=True):
        unit = next((u.unit for u in units if u.start >= num.end), None) or \
            next((u.unit for u in reversed(units) if u.end <= num.start), None) or ctx.unit
        year_ctx = ctx
        label = YEAR_LABEL_RE.search(raw[max(0, num.start - 12):num.start])
        if label:
            year_ctx = replace(ctx, year=int(label.group(1)), year_from=None, year_to=None)
        if num.number.value == 0:
            continue
        lines.append(_line(year_ctx, source, raw, span, amount=num.number.value,
                           unit=unit.canonical if unit else None,
                           amount_rub=amount_rub(num.number.value, unit), note=num.number.note))
    if not lines and any(m.source == "unspecified" for m in mentions):
        return [_line(ctx, "unspecified", raw, span)]
    return lines
