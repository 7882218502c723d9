"""Russian number formats → `Decimal`, with a note whenever a separator had two readings.

Tables print `2 305 118,6` (spaces, no-break or thin spaces between groups), `+1 872`,
`-2,537`, `0,81`, `7271,281`; spreadsheets hand over `12577.824999999999`. PDF text layers
and retyped tables also print a space after the decimal comma (`256823, 1`, `1 234, 5`): a
cell holding one number whose comma is followed by a space and one or two digits reads as a
decimal, since a thousands group has three digits and a list of years or items (`2021, 2022`,
`1, 2, 3`) does not end a lone number. A lone comma or
dot followed by exactly three digits (`-2,537`, `347,150`) is either a decimal mark or a
thousands separator: the caller says whether the unit allows fractions (people counted in
`чел.` do not), and the reading taken is recorded in `ParsedNumber.note`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Group separators seen between digit groups: space, no-break, thin, narrow no-break, figure space.
GROUP_SPACES = " \u00a0\u2009\u202f\u2007"
MINUS_SIGNS = "-\u2212\u2013\u2014"
# Cells that say "no value": not available, a dash, a cross.
NO_VALUE = {"н/д", "нд", "н.д.", "-", "–", "—", "−", "х", "x", "×", "…", "...", ""}

_SP = f"[{GROUP_SPACES}]"
_SIGN = f"[+{MINUS_SIGNS}]"
# A number token inside running text: grouped thousands or plain digits, optional fraction.
NUMBER_RE = re.compile(
    rf"(?<![\w.,]){_SIGN}?(?:\d{{1,3}}(?:{_SP}\d{{3}})+|\d+)(?:[.,]\d+)*(?![\w])"
)
_INT = rf"(?:\d{{1,3}}(?:{_SP}\d{{3}})+|\d+)"
# A decimal comma with a space after it: an integer part (grouped or not), «, », one or two digits.
SPACED_DECIMAL = rf"{_INT},{_SP}\d{{1,2}}"
_WHOLE_RE = re.compile(rf"^{_SIGN}?\s?(?:{SPACED_DECIMAL}|{_INT}(?:[.,]\d+)*)\s*%?$")


@dataclass(frozen=True)
class ParsedNumber:
    value: Decimal
    raw: str
    note: str | None = None  # how an ambiguous separator was read, when it was


def is_no_value(text: str) -> bool:
    """True for cells that explicitly hold nothing: `н/д`, `-`, `—`, `х`, blank."""
    return text.strip().lower() in NO_VALUE


def is_not_available(text: str) -> bool:
    """`н/д` (not available) says a value exists but is unknown, unlike a dash."""
    return text.strip().lower().replace(" ", "") in {"н/д", "нд", "н.д."}


def _digits_to_decimal(sign: str, body: str, fraction_ok: bool) -> tuple[Decimal, str | None]:
    """Read `body` (digits with `.`/`,` separators, no spaces) as a number."""
    seps = [ch for ch in body if ch in ".,"]
    note = None
    if not seps:
        digits = body
    elif len(set(seps)) == 2:  # both marks: the last one is the decimal mark
        dec = body[max(body.rfind(","), body.rfind("."))]
        grp = "," if dec == "." else "."
        digits = body.replace(grp, "").replace(dec, ".")
    elif len(seps) > 1:  # the same mark repeated can only group thousands
        groups = re.split(r"[.,]", body)
        if all(len(g) == 3 for g in groups[1:]):
            digits = "".join(groups)
        else:
            raise ValueError(f"not a number: {body!r}")
    else:
        head, tail = re.split(r"[.,]", body)
        if len(tail) == 3 and 1 <= len(head) <= 3 and head != "0":
            if fraction_ok:
                digits = f"{head}.{tail}"
                note = f"{sign}{body}: '{seps[0]}' read as decimal mark"
            else:
                digits = head + tail
                note = f"{sign}{body}: '{seps[0]}' read as thousands separator (unit counts whole items)"
        else:
            digits = f"{head}.{tail}"
    value = Decimal(digits)
    return (-value if sign == "-" else value), note


def parse_number(text: str, *, fraction_ok: bool = True) -> ParsedNumber | None:
    """A cell holding one number (optionally a trailing `%`) → `ParsedNumber`, else None.

    `fraction_ok=False` says the unit counts whole items, which decides `-2,537` as -2537.
    """
    raw = text.strip()
    if not raw or not _WHOLE_RE.match(raw):
        return None
    s = raw.rstrip("%").strip()
    sign = ""
    if s[0] in "+" + MINUS_SIGNS:
        sign = "-" if s[0] in MINUS_SIGNS else "+"
        s = s[1:].strip()
    body = re.sub(_SP, "", s)
    try:
        value, note = _digits_to_decimal("-" if sign == "-" else "", body, fraction_ok)
    except (ValueError, InvalidOperation):
        return None
    return ParsedNumber(value=value, raw=raw, note=note)


# Bounds printed before a target value («не менее 52,0», «≥ 80»): the number is the value, the
# bound goes to the note. Longer wordings first.
BOUND_PREFIXES: tuple[str, ...] = (
    "не менее", "не более", "не ниже", "не выше", "не свыше", "не меньше", "не больше",
    "более", "менее", "свыше", "выше", "ниже", "около", "порядка", "до",
    "≥", "≤", ">=", "<=", ">", "<", "~",
)
# Footnote marks after a value: «50,5*», «1 250**», «98,0¹».
FOOTNOTE_MARK_RE = re.compile(r"\s*(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")
_BOUND_RE = re.compile(
    r"^(?:(" + "|".join(re.escape(b) for b in BOUND_PREFIXES if b[0].isalpha()) + r")\s+|("
    + "|".join(re.escape(b) for b in BOUND_PREFIXES if not b[0].isalpha()) + r")\s*)",
    re.IGNORECASE)


def parse_qualified_number(text: str, *, fraction_ok: bool = True) -> ParsedNumber | None:
    """A value with a bound before it or a footnote mark after it («не менее 52,0», «50,5*»).

    The note says what was set aside; a plain number parses as by `parse_number`.
    """
    raw = " ".join(text.split())
    plain = parse_number(raw, fraction_ok=fraction_ok)
    if plain is not None:
        return plain
    core, removed = raw, []
    mark = FOOTNOTE_MARK_RE.search(core)
    if mark and core[:mark.start()].rstrip()[-1:] in set("0123456789%"):
        removed.append(f"footnote mark '{mark.group(0).strip()}'")
        core = core[:mark.start()].rstrip()
    bound = _BOUND_RE.match(core)
    if bound:
        removed.insert(0, f"bound '{(bound.group(1) or bound.group(2)).lower()}'")
        core = core[bound.end():]
    if not removed:
        return None
    parsed = parse_number(core, fraction_ok=fraction_ok)
    if parsed is None:
        return None
    note = "; ".join(x for x in (parsed.note, f"{raw}: " + ", ".join(removed) + " set aside") if x)
    return ParsedNumber(value=parsed.value, raw=raw, note=note)


@dataclass(frozen=True)
class FoundNumber:
    number: ParsedNumber
    start: int  # offsets within the searched text
    end: int


def find_numbers(text: str, *, fraction_ok: bool = True) -> list[FoundNumber]:
    """Every number token in running text, e.g. both amounts in `ОБ 337 475,9 МБ 37 523,6`."""
    out: list[FoundNumber] = []
    for m in NUMBER_RE.finditer(text):
        token = m.group(0)
        parsed = parse_number(token, fraction_ok=fraction_ok)
        if parsed is not None:
            out.append(FoundNumber(parsed, m.start(), m.end()))
    return out


def decimal_to_json(value: Decimal) -> int | float:
    """Whole numbers stay integers in exports (`48`, not `48.0`); others become floats."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
