"""Where an indicator's unit is printed when not after its name or in a unit column: after every
number of its row («6,5%»), or once for the whole table, closing its caption («Экспорт по категориям,
млн долл. США») or on a line of its own above it («(человек)», «тыс. рублей»).
"""

from __future__ import annotations

import re

from stratdoc.extract.lexicon.numbers import is_no_value
from stratdoc.extract.lexicon.units import is_unit_text, split_name_unit
from stratdoc.extract.tables.header import Header
from stratdoc.extract.tables.rows import BodyRow

# A number followed by a sign that is its unit: «6,5%», «0,3 %», «-19%», «1,2‰».
CELL_UNIT_RE = re.compile(r"^\s*[-+−–]?\s*\d[\d\s]*(?:[.,]\s?\d+)?\s*(%|‰)\s*$")
# A caption's unit is short; a longer tail («в процентах к уровню предыдущего года») describes
# what the numbers are rather than naming a unit.
CAPTION_UNIT_MAX = 20
_LEADING_IN_RE = re.compile(r"^в\s+", re.IGNORECASE)
# A unit with its scale ending a title without a comma, as when a unit line is joined to the title
# line above it («… по видам деятельности тыс. рублей»); after a number it is an amount, not a unit.
SCALED_TAIL_RE = re.compile(r"(?<![\d\s])\s+((?:тыс|млн|млрд)\.?\s+\S[^,]*)$", re.IGNORECASE)


def cells_unit(b: BodyRow, header: Header) -> str | None:
    """The sign every number of the row's year columns carries, if they all carry the same one."""
    signs: set[str | None] = set()
    for col in header.by_role("value"):
        if col.year is None and col.year_to is None:
            continue
        for grow in b.rows:
            text = grow.text(col.index)
            if not text or is_no_value(text):
                continue
            m = CELL_UNIT_RE.match(text)
            signs.add(m.group(1) if m else None)
    return next(iter(signs)) if len(signs) == 1 and None not in signs else None


def _as_unit(text: str) -> str | None:
    t = _LEADING_IN_RE.sub("", " ".join(text.split()).strip(" :"))
    return t if t and len(t) <= CAPTION_UNIT_MAX and is_unit_text(t) else None


def caption_unit(caption: str) -> str | None:
    """The unit printed for a whole table: its caption's last line when that is a unit alone,
    bracketed or not, else the unit that closes that line after a comma or in brackets."""
    lines = [ln.strip() for ln in caption.splitlines() if ln.strip()]
    if not lines:
        return None
    last = lines[-1]
    alone = _as_unit(last[1:-1] if last.startswith("(") and last.endswith(")") else last)
    if alone is not None:
        return alone
    _, tail = split_name_unit(last)
    if tail:
        return _as_unit(tail)
    m = SCALED_TAIL_RE.search(last)
    return _as_unit(m.group(1)) if m else None
