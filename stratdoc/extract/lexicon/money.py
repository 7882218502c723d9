"""Money units as printed (`тыс.руб.`, `млн. рублей`, `миллиардов рублей`) → canonical form and
multiplier, and amounts in roubles computed exactly with `Decimal`.

The unit may sit in the cell, the row, the column header or the table title; callers look
in that order and take the first unit found (`find_money_unit`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class MoneyUnit:
    canonical: str  # the contract's spelling: руб. / тыс. руб. / млн руб. / млрд руб.
    multiplier: Decimal


RUB = MoneyUnit("руб.", Decimal(1))
THOUSAND = MoneyUnit("тыс. руб.", Decimal(1_000))
MILLION = MoneyUnit("млн руб.", Decimal(1_000_000))
BILLION = MoneyUnit("млрд руб.", Decimal(1_000_000_000))

# Scale words before "руб…" (stems, lower case) → unit. Order matters: longer stems first.
SCALE_WORDS: list[tuple[str, MoneyUnit]] = [
    (r"млрд", BILLION),
    (r"миллиард\w*", BILLION),
    (r"млн", MILLION),
    (r"миллион\w*", MILLION),
    (r"тыс", THOUSAND),
    (r"тысяч\w*", THOUSAND),
]
_SCALE = "|".join(f"(?P<s{i}>{pat})" for i, (pat, _) in enumerate(SCALE_WORDS))
MONEY_UNIT_RE = re.compile(
    rf"(?<![\w])(?:(?:{_SCALE})\.?\s*)?(?P<rub>руб(?:л(?:ь|я|ей|и|ях|ям))?)\b\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundUnit:
    unit: MoneyUnit
    start: int
    end: int


def find_money_units(text: str) -> list[FoundUnit]:
    """Every money unit mentioned in `text`, in order."""
    out: list[FoundUnit] = []
    for m in MONEY_UNIT_RE.finditer(text):
        unit = RUB
        for i, (_, u) in enumerate(SCALE_WORDS):
            if m.group(f"s{i}"):
                unit = u
                break
        out.append(FoundUnit(unit, m.start(), m.end()))
    return out


def find_money_unit(*texts: str | None) -> MoneyUnit | None:
    """The first money unit in the first text that names one (cell, row, header, title…)."""
    for text in texts:
        if text:
            found = find_money_units(text)
            if found:
                return found[0].unit
    return None


def canonical_unit(text: str) -> str | None:
    """`млн. рублей` → `млн руб.`; None when `text` names no money unit."""
    unit = find_money_unit(text)
    return unit.canonical if unit else None


def unit_by_canonical(canonical: str) -> MoneyUnit | None:
    for u in (RUB, THOUSAND, MILLION, BILLION):
        if u.canonical == canonical:
            return u
    return None


def amount_rub(amount: Decimal | None, unit: MoneyUnit | None) -> Decimal | None:
    """Amount in roubles: exact decimal multiplication, never through float."""
    if amount is None or unit is None:
        return None
    return amount * unit.multiplier
